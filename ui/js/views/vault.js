// Step 2: the unsent drafts vault. The engine reads each draft for begging;
// this screen marks the phrases it found and says why, and never sends anything.

import { api } from "../api.js";
import { announce, h, pageTitle, markedText } from "../dom.js";
import { clearFieldErrors, showFieldError } from "../forms.js";
import { text } from "../strings.js";
import { offerCare, showCard, supportLink, watchField } from "../care.js";

const t = text.vault;

function marked(draft) {
  return markedText(draft.text, draft.analysis.findings);
}

// Changing a draft in place: its own field, saved through the engine (which
// reads it again for begging and for care).
function editForm(draft, item, redraw) {
  const id = `edit-draft-${draft.id}`;
  const area = watchField(h("textarea", { id, rows: 6, "aria-describedby": `${id}-error` }, draft.text));
  const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
  const form = h(
    "form",
    { class: "form edit-draft", novalidate: true },
    h("div", { class: "field" }, h("div", { class: "label-row" }, h("label", { for: id }, t.editLabel), supportLink(id)), area, error),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "primary", "data-save": draft.id }, t.save),
      h("button", { type: "button", class: "secondary", onclick: () => redraw() }, t.cancel),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    try {
      const saved = await api.saveDraft(draft.id, area.value, draft.apology_for_later);
      announce(text.saved);
      await redraw();
      if (saved.care) await offerCare(saved.care, null);
    } catch (e) {
      showFieldError(form, e, error);
    }
  });
  item.replaceChildren(form);
  area.focus();
}

function draftActions(draft, item, redraw) {
  const error = h("p", { class: "field-error", hidden: true, tabindex: "-1" });
  const confirm = h(
    "div",
    { class: "confirm", hidden: true },
    h("p", {}, t.deleteConfirm),
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        {
          type: "button",
          class: "danger",
          "data-delete-yes": draft.id,
          onclick: async () => {
            try {
              await api.deleteDraft(draft.id);
              announce(t.deleted);
              await redraw();
            } catch (e) {
              showFieldError(item, e, error);
            }
          },
        },
        t.deleteYes,
      ),
      h("button", { type: "button", class: "secondary", onclick: () => { confirm.hidden = true; row.hidden = false; row.querySelector("[data-delete]").focus(); } }, t.deleteNo),
    ),
  );
  confirm.addEventListener("keydown", (e) => {
    if (e.key === "Escape") confirm.querySelector("button.secondary").click();
  });
  const row = h(
    "div",
    { class: "actions" },
    h("button", { type: "button", class: "secondary", "data-edit": draft.id, onclick: () => editForm(draft, item, redraw) }, t.edit),
    h("button", { type: "button", class: "secondary", "data-delete": draft.id, onclick: () => { row.hidden = true; confirm.hidden = false; confirm.querySelector("button").focus(); } }, t.delete),
  );
  return [row, confirm, error];
}

function draftCard(draft, redraw) {
  const found = [...new Set(draft.analysis.findings.map((f) => f.category))];
  // Despair first: care before any note about begging.
  const categories = found.includes("despair") ? ["despair", ...found.filter((c) => c !== "despair")] : found;
  const careFirst =
    draft.care || found.includes("despair")
      ? h(
          "div",
          { class: "care-first", "data-care": "first" },
          h("p", {}, t.despairFirst),
          h("button", { type: "button", class: "secondary", onclick: (e) => showCard(draft.care, { from: e.currentTarget, takeFocus: true }) }, t.despairSupport),
        )
      : null;
  const apology = h("input", {
    type: "checkbox",
    checked: draft.apology_for_later,
    onchange: async (e) => {
      await api.saveDraft(draft.id, draft.text, e.target.checked);
      announce(text.saved);
    },
  });
  const item = h(
    "li",
    { class: `card draft level-${draft.analysis.level}`, "data-level": draft.analysis.level, "data-draft": draft.id },
    careFirst,
    h("p", { class: "level" }, t.levels[draft.analysis.level]),
    marked(draft),
    categories.length ? h("ul", { class: "why" }, categories.map((c) => h("li", { "data-category": c }, t.why[c]))) : null,
    h("label", { class: "check" }, apology, h("span", {}, t.apology)),
  );
  item.append(...draftActions(draft, item, redraw));
  return item;
}

function newDraftForm(redraw) {
  const area = watchField(h("textarea", { id: "draft", rows: 6, "aria-describedby": "draft-error" }));
  const apology = h("input", { type: "checkbox", id: "apology" });
  const error = h("p", { class: "field-error", id: "draft-error", hidden: true });
  const form = h(
    "form",
    { class: "card form", id: "draft-form", novalidate: true },
    h("div", { class: "field" }, h("div", { class: "label-row" }, h("label", { for: "draft" }, t.newLabel), supportLink("draft")), area, error),
    h("label", { class: "check" }, apology, h("span", {}, t.apology)),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "keep-draft" }, t.keep)),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    try {
      const saved = await api.saveDraft(null, area.value, apology.checked);
      announce(text.saved);
      await redraw();
      if (saved.care) await offerCare(saved.care, area);
    } catch (e) {
      showFieldError(form, e, error);
    }
  });
  return form;
}

function pledgeSection(pledge, redraw, rewriting = false) {
  if (pledge && !rewriting) {
    const section = h(
      "section",
      { class: "card", id: "pledge", "aria-labelledby": "pledge-title" },
      h("h2", { id: "pledge-title" }, t.pledgeTitle),
      h("p", {}, t.pledged),
      h("blockquote", { class: "space-text", id: "pledge-text" }, pledge.text),
    );
    section.append(
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          {
            type: "button",
            class: "secondary",
            id: "rewrite-pledge",
            onclick: () => {
              const form = pledgeSection(pledge, redraw, true);
              section.replaceWith(form);
              form.querySelector("textarea").focus();
            },
          },
          t.rewrite,
        ),
      ),
    );
    return section;
  }
  const area = watchField(h("textarea", { id: "pledge-input", rows: 3, "aria-describedby": "pledge-error" }, rewriting ? pledge.text : ""));
  const error = h("p", { class: "field-error", id: "pledge-error", hidden: true });
  const form = h(
    "form",
    { class: "card form", id: "pledge", novalidate: true, "aria-labelledby": "pledge-title" },
    h("h2", { id: "pledge-title" }, t.pledgeTitle),
    h("p", {}, t.pledgeLead),
    h("div", { class: "field" }, h("div", { class: "label-row" }, h("label", { for: "pledge-input" }, t.pledgeLabel), supportLink("pledge-input")), area, error),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "primary", id: "make-pledge" }, rewriting ? t.rewriteButton : t.pledgeButton),
      rewriting ? h("button", { type: "button", class: "secondary", onclick: () => redraw() }, t.cancel) : null,
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    try {
      await api.savePledge(area.value);
      announce(text.saved);
      await redraw();
    } catch (e) {
      showFieldError(form, e, error);
    }
  });
  return form;
}

export async function render() {
  const root = h("div", { class: "narrow vault" });
  async function draw() {
    const vault = await api.vault();
    root.replaceChildren(
      pageTitle(t.title),
      h("p", { class: "lead" }, t.lead),
      newDraftForm(draw),
      h("h2", {}, t.listTitle),
      vault.drafts.length ? h("ul", { class: "drafts", id: "drafts" }, vault.drafts.map((d) => draftCard(d, draw))) : h("p", { class: "muted", id: "drafts" }, t.empty),
      pledgeSection(vault.pledge, draw),
    );
  }
  await draw();
  return root;
}
