// Step 3: no contact. The count, the log, today's entries and the history.
// Every number comes from the engine; this file only lays it out.

import { api } from "../api.js";
import { dateField, toIso } from "../dates.js";
import { announce, h, pageTitle } from "../dom.js";
import { text } from "../strings.js";
import { formatWhen } from "../format.js";
import { clearFieldErrors, showFieldError } from "../forms.js";
import { emergencyFirst, offerCare, personalResources, supportLink, watchField } from "../care.js";

const t = text.noContact;

function errorSlot(id) {
  return h("p", { class: "field-error", id: `${id}-error`, hidden: true });
}

// Whether reaching out is off this path (moving on, or after abuse): the
// engine says so with the step's reason; the words then never mention it.
let noReachOut = false;

function rulesCard() {
  return h(
    "section",
    { class: "card", "aria-labelledby": "rules-title" },
    h("h2", { id: "rules-title" }, t.rulesTitle),
    h("ul", { class: "rules" }, (noReachOut ? t.rulesMovingOn : t.rules).map((r) => h("li", {}, r))),
  );
}

function startForm(refresh) {
  const since = dateField({ id: "since", disabled: true, "aria-describedby": "since-error" }, "datetime");
  const radio = (value, label, checked) =>
    h(
      "label",
      { class: "choice" },
      h("input", {
        type: "radio",
        name: "start-when",
        value,
        checked,
        onchange: () => {
          since.disabled = value === "now";
          if (!since.disabled) since.focus();
        },
      }),
      h("span", {}, label),
    );
  const form = h(
    "form",
    { class: "card form", id: "start-form", novalidate: true },
    h("h2", {}, t.emptyTitle),
    h("p", {}, t.emptyLead),
    h(
      "fieldset",
      { class: "field choices" },
      h("legend", {}, t.whenLegend),
      h("div", { class: "choice-row" }, radio("now", t.startNow, true), radio("earlier", t.startEarlier, false)),
    ),
    h("div", { class: "field" }, h("label", { for: "since" }, t.sinceLabel), since, errorSlot("since")),
    h("p", { class: "form-error", id: "nc-error", role: "alert", hidden: true }),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "start-no-contact" }, t.startButton)),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const earlier = form.querySelector("input[name='start-when']:checked").value === "earlier";
    try {
      await api.startNoContact(earlier ? toIso(since.value, "datetime") : null);
      announce(text.saved);
      await refresh();
    } catch (error) {
      showFieldError(form, error, form.querySelector("#nc-error"));
    }
  });
  return form;
}

function countCard(view) {
  const current = view.current;
  const next = view.next_milestone;
  return h(
    "section",
    { class: "card count", "aria-labelledby": "day-count" },
    h(
      "p",
      { class: "day-count", id: "day-count" },
      h("span", { class: "big", id: "day-number" }, String(current.days)),
      " ",
      h("span", { class: "unit" }, t.daysUnit(current.days)),
    ),
    h("p", { class: "muted" }, t.since(formatWhen(current.started_at))),
    h("p", { id: "next-milestone" }, next ? t.next(next.days, formatWhen(next.at)) : t.allReached),
    h("p", { class: "muted", id: "best" }, t.best(view.best_days)),
    h("p", { class: "muted clocks", id: "clocks" }, noReachOut ? text.clocks.lookingNoteMovingOn : text.clocks.lookingNote),
  );
}

function logCard(view, refresh, navigate) {
  const note = watchField(h("input", { type: "text", id: "note", autocomplete: "off", "aria-describedby": "note-error" }));
  // Said through the shared announcer (refresh); this line only shows it.
  const status = h("p", { class: "form-status", id: "log-status" });
  const card = h("section", { class: "card", "aria-labelledby": "log-title", id: "log" });

  async function log(kind) {
    clearFieldErrors(card);
    status.textContent = "";
    try {
      const after = await api.logEvent(kind, note.value.trim() || null);
      note.value = "";
      if (after.care) {
        // Saved all the same; the card offers help beside the page.
        await refresh();
        await offerCare(after.care, note);
        return;
      }
      if (kind === "urge_resisted") {
        navigate("urge");
        return;
      }
      const message = {
        texted: t.slipLogged(after.best_days),
        replied: t.slipLogged(after.best_days),
        met: t.slipLogged(after.best_days),
        checked_social: noReachOut ? t.lookLoggedMovingOn : t.lookLogged,
        drove_by: noReachOut ? t.lookLoggedMovingOn : t.lookLogged,
        they_contacted: t.theyLogged,
        necessary_children: text.necessary.logged,
        necessary_home: text.necessary.logged,
        necessary_work: text.necessary.logged,
        necessary_other: text.necessary.logged,
      }[kind];
      await refresh(message);
    } catch (error) {
      showFieldError(card, error, card.querySelector("#nc-error"));
    }
  }

  // The two-tap groups: the first tap shows the choices, the second logs one.
  function group(id, label, kinds) {
    const choices = h(
      "div",
      { class: "log-choices", id: `${id}-choices`, hidden: true },
      kinds.map((kind) => h("button", { type: "button", class: "secondary", "data-kind": kind, onclick: () => log(kind) }, t.kinds[kind])),
      h("button", { type: "button", class: "link", onclick: () => toggle(false) }, t.cancel),
    );
    const opener = h("button", { type: "button", class: "secondary log-button", id: `log-${id}`, "aria-expanded": "false", "aria-controls": `${id}-choices` }, label);
    function toggle(open) {
      choices.hidden = !open;
      opener.setAttribute("aria-expanded", String(open));
      if (open) choices.querySelector("button").focus();
      else opener.focus();
    }
    opener.addEventListener("click", () => toggle(choices.hidden));
    choices.addEventListener("keydown", (e) => {
      if (e.key === "Escape") toggle(false);
    });
    return h("div", { class: "log-group" }, opener, choices);
  }

  card.append(
    h("h2", { id: "log-title" }, t.logTitle),
    h("p", { class: "muted" }, t.logLead),
    h("div", { class: "field" }, h("div", { class: "label-row" }, h("label", { for: "note" }, t.noteLabel), supportLink("note")), note, errorSlot("note")),
    h(
      "div",
      { class: "log-buttons" },
      group("contact", t.groups.contact_slip, ["texted", "replied", "met"]),
      group("looking", t.groups.looking_slip, ["checked_social", "drove_by"]),
      h("button", { type: "button", class: "secondary log-button", id: "log-they", onclick: () => log("they_contacted") }, t.kinds.they_contacted),
      h("button", { type: "button", class: "secondary log-button", id: "log-urge", onclick: () => log("urge_resisted") }, t.kinds.urge_resisted),
      group("necessary", text.necessary.group, ["necessary_children", "necessary_home", "necessary_work", "necessary_other"]),
    ),
    h("p", { class: "muted necessary-lead", id: "necessary-lead" }, text.necessary.lead),
    h("p", { class: "form-error", id: "nc-error", role: "alert", hidden: true }),
    status,
  );
  return card;
}

function todayCard(view) {
  return h(
    "section",
    { class: "card", "aria-labelledby": "today-title" },
    h("h2", { id: "today-title" }, t.todayTitle),
    view.today.length
      ? h(
          "ul",
          { class: "entries", id: "today" },
          view.today.map((e) =>
            h(
              "li",
              { "data-kind": e.kind },
              h("span", { class: "when" }, formatWhen(e.at, { timeOnly: true })),
              " ",
              t.kinds[e.kind],
              e.note ? h("span", { class: "note" }, ` — ${e.note}`) : null,
            ),
          ),
        )
      : h("p", { class: "muted", id: "today" }, t.todayEmpty),
    h("p", { class: "muted", id: "counts" }, t.counts(view.counts)),
  );
}

// The latest logged moments: each can be undone (asked first) or its note
// changed. The engine recomputes the count and keeps the undoing on record.
function recentItem(e, refresh) {
  const item = h("li", { "data-kind": e.kind, "data-id": e.id });
  const error = h("p", { class: "field-error", id: `recent-${e.id}-error`, hidden: true, tabindex: "-1" });
  function show() {
    const confirm = h(
      "div",
      { class: "confirm", hidden: true },
      h("p", {}, t.undoConfirm),
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          {
            type: "button",
            class: "primary",
            "data-undo-yes": e.id,
            onclick: async () => {
              try {
                await api.undoEvent(e.id);
                await refresh(t.undoneMessage);
              } catch (err) {
                showFieldError(item, err, error);
              }
            },
          },
          t.undoYes,
        ),
        h("button", { type: "button", class: "secondary", onclick: () => { confirm.hidden = true; row.hidden = false; row.querySelector("[data-undo]").focus(); } }, t.undoNo),
      ),
    );
    confirm.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") confirm.querySelector("button.secondary").click();
    });
    const row = h(
      "div",
      { class: "actions compact" },
      h("button", { type: "button", class: "link", "data-edit-note": e.id, onclick: editNote }, t.editNote),
      h("button", { type: "button", class: "link", "data-undo": e.id, onclick: () => { row.hidden = true; confirm.hidden = false; confirm.querySelector("button").focus(); } }, t.undo),
    );
    item.replaceChildren(
      h("span", { class: "when" }, formatWhen(e.at)),
      " ",
      t.kinds[e.kind],
      e.note ? h("span", { class: "note" }, ` — ${e.note}`) : null,
      row,
      confirm,
      error,
    );
  }
  function editNote() {
    const id = `note-${e.id}`;
    const input = watchField(h("input", { type: "text", id, autocomplete: "off", "aria-describedby": `${id}-error` }));
    input.value = e.note ?? "";
    const fieldError = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
    const form = h(
      "form",
      { class: "edit-note", novalidate: true },
      h("div", { class: "field" }, h("label", { for: id }, t.noteLabel), input, fieldError),
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", "data-save-note": e.id }, t.saveNote), h("button", { type: "button", class: "secondary", onclick: show }, t.cancel)),
    );
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      clearFieldErrors(form);
      try {
        const after = await api.setEventNote(e.id, input.value);
        await refresh(text.saved);
        if (after.care) await offerCare(after.care, null);
      } catch (err) {
        showFieldError(form, err, fieldError);
      }
    });
    item.replaceChildren(h("span", { class: "when" }, formatWhen(e.at)), " ", t.kinds[e.kind], form);
    input.focus();
  }
  show();
  return item;
}

function recentCard(view, refresh) {
  if (!view.recent.length) return null;
  return h(
    "section",
    { class: "card", "aria-labelledby": "recent-title" },
    h("h2", { id: "recent-title" }, t.recentTitle),
    h("p", { class: "muted" }, t.recentLead),
    h("ul", { class: "entries", id: "recent" }, view.recent.map((e) => recentItem(e, refresh))),
  );
}

function historyCard(view) {
  return h(
    "section",
    { class: "card", "aria-labelledby": "history-title" },
    h("h2", { id: "history-title" }, t.historyTitle),
    view.history.length
      ? h(
          "ul",
          { class: "entries", id: "history" },
          view.history.map((s) => h("li", {}, t.historyItem(s.days, formatWhen(s.ended_at), t.kinds[s.ended_by]))),
        )
      : h("p", { class: "muted", id: "history" }, t.historyEmpty),
    view.undone.length
      ? h(
          "ul",
          { class: "entries", id: "undone" },
          view.undone.map((u) => h("li", { "data-kind": u.kind }, t.undoneItem(t.kinds[u.kind], formatWhen(u.at), formatWhen(u.undone_at)))),
        )
      : null,
  );
}

function spaceCard() {
  const status = h("p", { class: "form-status", "aria-live": "polite" });
  const words = noReachOut ? t.spaceTextMovingOn : t.spaceText;
  const message = h("blockquote", { class: "space-text", id: "space-text" }, words);
  const copy = h("button", { type: "button", class: "secondary", id: "copy-space" }, t.copy);
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(words);
      status.textContent = t.copied;
    } catch {
      const range = document.createRange();
      range.selectNodeContents(message);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      status.textContent = document.execCommand("copy") ? t.copied : t.copyFailed;
    }
  });
  return h(
    "section",
    { class: "card", "aria-labelledby": "space-title" },
    h("h2", { id: "space-title" }, t.spaceTitle),
    h("p", {}, t.spaceLead),
    message,
    h("div", { class: "actions" }, copy, status),
  );
}

/// After abuse, instead of a message asking for space: don't engage, keep a
/// record, and the abuse line.
function dontEngageCard(mine) {
  const a = text.afterAbuse;
  const abuseLines = mine.listed ? mine.listed.lines.filter((l) => l.kind === "domestic_abuse") : [];
  return h(
    "section",
    { class: "card", id: "dont-engage", "aria-labelledby": "dont-engage-title" },
    h("h2", { id: "dont-engage-title" }, a.title),
    h("p", {}, a.lead),
    h("ul", { class: "rules" }, a.steps.map((s) => h("li", {}, s))),
    abuseLines.length
      ? h("ul", { class: "lines" }, abuseLines.map((l) => h("li", { "data-kind": l.kind }, h("strong", {}, l.name), ` ${l.contact}`, h("span", { class: "muted" }, ` (${l.hours})`))))
      : emergencyFirst(mine),
    h("p", {}, h("a", { href: "#/safety" }, text.bannerLink)),
  );
}

export async function render({ navigate, overview }) {
  noReachOut = overview?.steps.find((s) => s.id === "reach_out")?.locked?.code === "not_offered";
  const root = h("div", { class: "no-contact" });

  async function refresh(message) {
    const [view, check] = await Promise.all([api.noContact(), api.dealbreakers()]);
    const ifTheyReachOut = check.abuse ? dontEngageCard(await personalResources()) : spaceCard();
    const parts = view.current
      ? [countCard(view), logCard(view, refresh, navigate), todayCard(view), recentCard(view, refresh), historyCard(view), rulesCard(), ifTheyReachOut].filter(Boolean)
      : [startForm(refresh), rulesCard(), ifTheyReachOut];
    root.replaceChildren(pageTitle(t.title), ...parts);
    if (message) {
      const status = root.querySelector("#log-status");
      if (status) status.textContent = message;
      announce(message);
    }
  }

  await refresh();
  return root;
}
