// Step 5: reach out. The plan for one calm conversation, the engine's
// phrasing coach on every note, a sincere apology from the vault, and the
// outcome. Nothing is ever sent.

import { api } from "../api.js";
import { announce, h, pageTitle, markedText } from "../dom.js";
import { choiceGroup, clearFieldErrors, showFieldError } from "../forms.js";
import { text } from "../strings.js";
import { formatWhen } from "../format.js";
import { emergencyFirst, personalResources } from "../care.js";
import { lineList } from "./safety.js";
import { savedNote } from "./notes.js";
import { nextButton } from "../next.js";

const t = text.reachOut;

function marked(note) {
  return markedText(note.text, note.review.findings);
}

function coachPanel(slot, note) {
  if (!note.text.trim()) {
    slot.replaceChildren();
    return;
  }
  const findings = note.review.findings;
  if (!findings.length) {
    slot.replaceChildren(h("p", { class: "coach-clear" }, "✓ ", t.coachClear));
    return;
  }
  const kinds = [...new Map(findings.map((f) => [f.kind, f])).values()];
  slot.replaceChildren(
    h("p", { class: "eyebrow" }, t.coachTitle),
    marked(note),
    h(
      "ul",
      { class: "why" },
      kinds.map((f) => h("li", { "data-kind": f.kind }, h("strong", {}, t.categories[f.category]), ". ", t.suggest[f.kind])),
    ),
  );
}

function noteField(note) {
  const [label, hint] = t.notes[note.note];
  const coach = h("div", { class: "coach", id: `${note.note}-coach`, "aria-live": "polite" });
  coachPanel(coach, note);
  const field = savedNote(
    note.note,
    label,
    hint,
    note.text,
    (value) => api.savePlanNote(note.note, value),
    (saved) => coachPanel(coach, saved),
  );
  return h("div", { class: "plan-note" }, field, coach);
}

function apologySection(view, redraw) {
  const section = h("section", { class: "card", id: "apology", "aria-labelledby": "apology-title" }, h("h2", { id: "apology-title" }, t.apologyTitle));
  const error = h("p", { class: "field-error", id: "apology-error", hidden: true, tabindex: "-1" });
  const use = async (id) => {
    try {
      await api.useApology(id);
      announce(text.saved);
      await redraw();
    } catch (e) {
      showFieldError(section, e, error);
    }
  };
  if (view.apology) {
    section.append(
      h("p", {}, t.apologyUsed),
      h("blockquote", { class: "space-text", id: "apology-text" }, view.apology.text),
      h("button", { type: "button", class: "secondary", onclick: () => use(null) }, t.apologyRemove),
    );
  } else if (view.apologies.length) {
    section.append(
      h("p", {}, t.apologyLead),
      h(
        "ul",
        { class: "plain" },
        view.apologies.map((a) =>
          h("li", {}, h("blockquote", { class: "space-text" }, a.text), h("button", { type: "button", class: "secondary", "data-apology": a.id, onclick: () => use(a.id) }, t.apologyPick)),
        ),
      ),
    );
  } else {
    section.append(h("p", { class: "muted" }, t.apologyNone));
  }
  section.append(error);
  return section;
}

function outcomeForm(view, navigate) {
  const error = h("p", { class: "field-error", id: "outcome-form-error", hidden: true, tabindex: "-1" });
  const options = Object.entries(t.outcomes);
  const group = choiceGroup("outcome", t.outcomeLegend, options, null);
  const form = h(
    "form",
    { class: "card form", id: "outcome-form", novalidate: true, "aria-labelledby": "outcome-title" },
    h("h2", { id: "outcome-title" }, t.outcomeTitle),
    h("p", {}, t.outcomeLead),
    view.history.length ? h("p", { class: "muted", id: "outcome-history" }, t.history(view.history.length)) : null,
    view.outcome === "not_yet" ? h("p", { id: "not-yet" }, t.notYetNote) : null,
    group,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "record-outcome" }, t.outcomeButton)),
    error,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const picked = form.querySelector("input[name='outcome']:checked")?.value;
    try {
      const overview = await api.recordOutcome(picked);
      announce(text.saved);
      navigate(overview.ending === "together" ? "together" : overview.ending === "moving_on" ? "moving-on" : "reach-out");
    } catch (e) {
      showFieldError(form, e, error);
    }
  });
  return form;
}

// After a crisis reading in the last days the engine says the step asks
// first: how the person is, their plan and a line, and a suggestion to
// wait. Going on is their choice; the engine records the answer.
async function careCheck(pause, redraw) {
  const c = t.careCheck;
  const mine = await personalResources();
  const error = h("p", { class: "field-error", id: "care-check-error", hidden: true, tabindex: "-1" });
  const section = h("section", { class: "card care-check", id: "care-check", "aria-labelledby": "care-check-title" });
  const answer = async (choice) => {
    try {
      await api.answerCareCheck(choice);
      announce(text.saved);
      await redraw();
    } catch (e) {
      showFieldError(section, e, error);
    }
  };
  const parts = [
    h("h2", { id: "care-check-title" }, c.title),
    h("p", {}, c.lead),
    h("p", { id: "care-wait-until" }, c.waitUntil(formatWhen(pause.wait_until))),
    pause.chose_to_wait ? h("p", { class: "note-box", id: "care-waiting" }, c.waiting) : null,
    h("p", {}, h("a", { href: "#/safety-plan", class: "button-link", id: "care-plan" }, c.planLink)),
    h(
      "div",
      { class: "care-lines", id: "care-lines" },
      h("h3", {}, c.linesTitle),
      emergencyFirst(mine),
      ...(mine.listed ? lineList(mine, ["crisis"]) : []),
    ),
    h(
      "div",
      { class: "actions" },
      pause.chose_to_wait ? null : h("button", { type: "button", class: "primary", id: "care-wait", onclick: () => answer("wait") }, c.wait),
      h("button", { type: "button", class: "secondary", id: "care-go-on", "aria-describedby": "care-go-on-hint", onclick: () => answer("go_on") }, c.goOn),
    ),
    h("p", { class: "hint", id: "care-go-on-hint" }, c.goOnHint),
    error,
  ];
  section.replaceChildren(...parts.filter(Boolean));
  return section;
}

export async function render({ navigate, overview }) {
  const root = h("div", { class: "narrow reach-out" });
  async function draw() {
    const view = await api.reachOut();
    if (view.care_pause) {
      root.replaceChildren(pageTitle(t.title), await careCheck(view.care_pause, draw));
      return;
    }
    const final = view.outcome === "want_to_try" || view.outcome === "no";
    root.replaceChildren(
      pageTitle(t.title),
      h("p", { class: "lead" }, t.lead),
      h("p", { class: "note-box", id: "more-time" }, t.moreTime),
      view.they_ended_it ? h("p", { class: "note-box", id: "both-of-you" }, t.bothOfYou) : null,
      h("section", { class: "card form", "aria-labelledby": "plan-title" }, h("h2", { id: "plan-title" }, t.planTitle), h("p", { class: "hint", id: "listen" }, t.listen), view.notes.map(noteField)),
      apologySection(view, draw),
      final ? h("div", { class: "card", id: "outcome-final" }, h("p", {}, t.outcomes[view.outcome]), nextButton(overview)) : outcomeForm(view, navigate),
    );
  }
  await draw();
  return root;
}
