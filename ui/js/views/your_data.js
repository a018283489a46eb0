// Settings → Your data: where it is kept, export (to import later, or to
// read), import (replaces everything, after a confirmation), and erasing
// everything (only after typing the word). The engine checks the file and
// the word; this shows its answers.

import { api } from "../api.js";
import { announce, h } from "../dom.js";
import { formatWhen } from "../format.js";
import { askInPlace, clearFieldErrors, showFieldError } from "../forms.js";
import { text } from "../strings.js";

const t = text.yourData;

function exportButtons(status, prefix) {
  const run = (format, button) => async () => {
    button.disabled = true;
    status.classList.remove("error");
    status.textContent = t.working;
    try {
      const answer = await api.exportData(format);
      status.textContent = answer.path ? t.exported(answer.path) : "";
      if (answer.path) announce(t.exported(answer.path));
    } catch (error) {
      status.classList.add("error");
      status.textContent = error.message;
      announce(error.message);
    } finally {
      button.disabled = false;
    }
  };
  const json = h("button", { type: "button", class: "secondary", id: `${prefix}export-json` }, t.exportJson);
  const markdown = h("button", { type: "button", class: "secondary", id: `${prefix}export-markdown` }, t.exportMarkdown);
  json.addEventListener("click", run("json", json));
  markdown.addEventListener("click", run("markdown", markdown));
  return h("div", { class: "inline" }, json, markdown);
}

/// The export buttons with their status line, also offered before a
/// passphrase is set ("export first"); `prefix` keeps ids unique on a page
/// that shows both.
export function exportControls(prefix = "") {
  // Shown here, spoken once through the shared announcer.
  const status = h("p", { class: "form-status", id: `${prefix}export-status` });
  return h("div", { class: "export" }, exportButtons(status, prefix), h("p", { class: "hint" }, t.exportHint), status);
}

/// Importing an export (after a confirmation), in Settings and on the
/// welcome screen (a new computer).
export function importControls(onImported) {
  const status = h("p", { class: "form-status", id: "import-status" });
  const start = h("button", { type: "button", class: "secondary", id: "import-start" }, t.importButton);
  const confirmBox = h("div", { class: "confirm-restore", id: "confirm-import", hidden: true });
  start.addEventListener("click", () =>
    askInPlace(confirmBox, {
      id: "confirm-import",
      question: t.importConfirm,
      yesLabel: t.importChoose,
      noLabel: t.cancel,
      from: start,
      onYes: async () => {
        status.classList.remove("error");
        status.textContent = t.importing;
        try {
          const answer = await api.importData();
          if (!answer.imported) {
            status.textContent = "";
            return;
          }
          confirmBox.hidden = true;
          const done = t.imported(answer.imported.records, formatWhen(answer.imported.exported_at));
          status.textContent = done;
          announce(done);
          await onImported();
        } catch (error) {
          status.classList.add("error");
          status.textContent = error.message;
          announce(error.message);
        }
      },
    }),
  );
  return h("div", { class: "import" }, h("h3", {}, t.importTitle), h("p", {}, t.importLead), h("div", { class: "inline" }, start), confirmBox, status);
}

/// Erasing everything: the person types the word, then confirms. Used in
/// Settings and, with `locked`, on the lock screen (a forgotten
/// passphrase: nothing can be exported then).
export function eraseEverythingForm(onErased, { locked = false } = {}) {
  const word = h("input", { type: "text", id: "erase-confirmation", autocomplete: "off", spellcheck: "false", "aria-describedby": "erase-everything-lead erase-confirmation-error" });
  const button = h("button", { type: "submit", class: "danger", id: "erase-everything" }, t.eraseButton);
  const general = h("p", { class: "field-error", id: "erase-everything-error", hidden: true, tabindex: "-1" });
  const form = h(
    "form",
    { class: "erase", id: "erase-everything-form", novalidate: true, "aria-labelledby": "erase-everything-title" },
    // On the lock screen it comes right after the page's h1.
    locked ? h("h2", { id: "erase-everything-title", class: "as-h3" }, t.eraseTitle) : h("h3", { id: "erase-everything-title" }, t.eraseTitle),
    h("p", { id: "erase-everything-lead" }, locked ? t.eraseLeadLocked : t.eraseLead),
    h(
      "div",
      { class: "field" },
      h("label", { for: "erase-confirmation" }, t.eraseLabel(t.eraseWord)),
      word,
      h("p", { class: "field-error", id: "erase-confirmation-error", hidden: true }),
    ),
    general,
    h("div", { class: "actions" }, button),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    button.disabled = true;
    try {
      await api.eraseEverything(word.value);
      announce(t.erased);
      await onErased();
    } catch (error) {
      // The engine names the field "confirmation"; the input here has its own id.
      showFieldError(form, error.field === "confirmation" ? { ...error, field: "erase-confirmation" } : error, general);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/// Settings → Your data.
export function yourDataSection(info, { onImported, onErased }) {
  return h(
    "section",
    { class: "card", "aria-labelledby": "data-title", id: "your-data" },
    h("h2", { id: "data-title" }, text.settings.dataTitle),
    h("p", {}, text.settings.dataLead),
    h("p", {}, h("code", { class: "path", id: "data-dir" }, info.data_dir)),
    h("h3", {}, t.exportTitle),
    h("p", {}, t.exportLead),
    exportControls(),
    importControls(onImported),
    eraseEverythingForm(onErased),
    h("p", { class: "muted" }, text.settings.version(info.version)),
  );
}
