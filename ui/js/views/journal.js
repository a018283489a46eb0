// The journal: today's prompt (picked by the engine from the step you are
// in), free entries, search and edit. Words of crisis in an entry bring up
// the safety card; saving is never blocked.

import { api } from "../api.js";
import { announce, h, pageTitle } from "../dom.js";
import { text } from "../strings.js";
import { formatWhen } from "../format.js";
import { clearFieldErrors, showFieldError } from "../forms.js";
import { offerCareAfterRedraw, supportLink, watchField } from "../care.js";

const t = text.journal;

const promptText = (p) => t.prompts[p.step]?.[p.index] ?? "";

export async function render() {
  const root = h("div", { class: "journal" });
  let query = "";

  async function refresh(message, focusCss) {
    const view = await api.journal(query || null);
    let editing = null;
    let usePrompt = null;

    const area = watchField(h("textarea", { id: "text", rows: 8, "aria-describedby": "text-error" }));
    const promptNote = h("p", { class: "muted", id: "prompt-in-use", hidden: true }, t.promptInUse, " ",
      h("button", { type: "button", class: "link", onclick: () => setPrompt(null) }, t.dropPrompt));
    const submit = h("button", { type: "submit", class: "primary", id: "save-entry" }, t.save);
    const cancel = h("button", { type: "button", class: "link", hidden: true }, t.cancel);
    function setPrompt(p) {
      usePrompt = p;
      promptNote.hidden = !p;
      area.focus();
    }
    const promptCard = h(
      "section",
      { class: "card gentle", "aria-labelledby": "prompt-title" },
      h("h2", { id: "prompt-title", class: "eyebrow" }, t.promptTitle),
      h("p", { class: "prompt", id: "prompt" }, promptText(view.prompt)),
      h("button", { type: "button", class: "secondary", id: "use-prompt", onclick: () => setPrompt(view.prompt) }, t.usePrompt),
    );
    const form = h(
      "form",
      { class: "card form", id: "entry-form", novalidate: true },
      h("div", { class: "field" }, h("div", { class: "label-row" }, h("label", { for: "text" }, t.entryLabel), supportLink("text")), promptNote, area, h("p", { class: "field-error", id: "text-error", hidden: true })),
      h("p", { class: "form-error", id: "entry-error", role: "alert", hidden: true }),
      h("div", { class: "actions" }, submit, cancel),
    );
    cancel.addEventListener("click", () => refresh());
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      clearFieldErrors(form);
      try {
        const saved = await api.saveJournalEntry(editing, area.value, usePrompt);
        await refresh(t.saved, "#entries");
        await offerCareAfterRedraw(saved.care, area);
      } catch (error) {
        showFieldError(form, error, form.querySelector("#entry-error"));
      }
    });

    const search = h("input", { type: "search", id: "query", value: query, autocomplete: "off", "aria-describedby": "query-error" });
    const searchForm = h(
      "form",
      { class: "search", id: "search-form", role: "search", novalidate: true },
      h("div", { class: "field" }, h("label", { for: "query" }, t.searchLabel), h("div", { class: "inline" }, search, h("button", { type: "submit", class: "secondary" }, t.search)), h("p", { class: "field-error", id: "query-error", hidden: true })),
      query ? h("button", { type: "button", class: "link", onclick: () => { query = ""; refresh(); } }, t.clear) : null,
    );
    searchForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      clearFieldErrors(searchForm);
      const before = query;
      query = search.value.trim();
      try {
        await refresh(null, "#entries");
      } catch (error) {
        query = before;
        showFieldError(searchForm, error, searchForm.querySelector("#query-error"));
      }
    });

    const edit = (entry) => {
      editing = entry.id;
      area.value = entry.text;
      submit.textContent = t.update;
      cancel.hidden = false;
      area.focus();
      form.scrollIntoView({ block: "center" });
    };
    const list = view.entries.length
      ? h(
          "ul",
          { class: "journal-entries", id: "entries", tabindex: "-1" },
          view.entries.map((e) =>
            h(
              "li",
              { class: "entry", "data-id": e.id },
              h(
                "p",
                { class: "muted when" },
                formatWhen(e.created_at),
                e.updated_at ? ` · ${t.edited(formatWhen(e.updated_at))}` : "",
              ),
              e.prompt ? h("p", { class: "entry-prompt" }, promptText(e.prompt)) : null,
              h("p", { class: "entry-text" }, e.text),
              h(
                "p",
                { class: "row-actions" },
                h("button", { type: "button", class: "link", onclick: () => edit(e) }, t.edit),
                h(
                  "button",
                  {
                    type: "button",
                    class: "link",
                    onclick: async () => {
                      await api.deleteJournalEntry(e.id);
                      await refresh(t.deleted);
                    },
                  },
                  t.remove,
                ),
              ),
            ),
          ),
        )
      : h("p", { class: "muted", id: "entries", tabindex: "-1" }, view.total === 0 ? t.empty : t.noMatch);

    root.replaceChildren(
      pageTitle(t.title),
      h("p", { class: "lead" }, t.lead),
      promptCard,
      form,
      h(
        "section",
        { "aria-labelledby": "entries-title" },
        h("h2", { id: "entries-title" }, t.listTitle),
        searchForm,
        query ? h("p", { class: "muted", id: "matched" }, t.matched(view.matched, view.total)) : null,
        list,
      ),
      h("p", { class: "form-status", id: "journal-status" }, message || ""),
    );
    if (message) announce(message);
    if (focusCss) root.querySelector(focusCss)?.focus({ preventScroll: true });
  }

  await refresh();
  return root;
}
