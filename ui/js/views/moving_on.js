// Moving on, with closure: the choice, the closure notes (never sent), then
// archive (kept, read-only) or erase (only after typing the word), and a new
// program. The engine decides what is open; this screen words it.

import { api } from "../api.js";
import { announce, h, pageTitle } from "../dom.js";
import { clearFieldErrors, showFieldError } from "../forms.js";
import { text } from "../strings.js";
import { savedNote } from "./notes.js";

const t = text.movingOn;

function chooseCard(navigate) {
  const error = h("p", { class: "field-error", id: "choose-error", hidden: true, tabindex: "-1" });
  // A second, deliberate click: this path closes the steps back toward them.
  const confirm = h(
    "div",
    { class: "actions", id: "choose-confirm", hidden: true },
    h("p", {}, t.chooseConfirm),
    h(
      "button",
      {
        type: "button",
        class: "primary",
        id: "confirm-moving-on",
        onclick: async () => {
          try {
            await api.chooseMovingOn();
            announce(text.saved);
            navigate("moving-on");
          } catch (e) {
            showFieldError(card, e, error);
          }
        },
      },
      t.chooseYes,
    ),
    h("button", { type: "button", class: "secondary", onclick: () => { confirm.hidden = true; start.hidden = false; start.focus(); } }, t.chooseCancel),
  );
  // Esc steps back out of the question, as the cancel button does.
  confirm.addEventListener("keydown", (e) => {
    if (e.key === "Escape") confirm.querySelector("button.secondary").click();
  });
  const start = h(
    "button",
    { type: "button", class: "primary", id: "choose-moving-on", onclick: () => { start.hidden = true; confirm.hidden = false; confirm.querySelector("button").focus(); } },
    t.chooseButton,
  );
  const card = h(
    "section",
    { class: "card", id: "choose", "aria-labelledby": "choose-title" },
    h("h2", { id: "choose-title" }, t.chooseTitle),
    h("p", {}, t.chooseLead),
    start,
    confirm,
    error,
  );
  return card;
}

function done(message, navigate) {
  return h(
    "section",
    { class: "card", id: "closed", role: "status" },
    h("p", {}, message),
    h("button", { type: "button", class: "primary", id: "new-program", onclick: () => navigate("welcome") }, t.newProgram),
  );
}

// The moment the program is archived: a quiet closing screen, not a status line.
function closing(navigate) {
  return h(
    "section",
    { class: "card closing", id: "closed", "aria-labelledby": "closing-title" },
    h("h2", { id: "closing-title", tabindex: "-1" }, t.closingTitle),
    h("p", {}, t.closingLead),
    h("p", {}, t.closingKept),
    h(
      "div",
      { class: "actions" },
      h("a", { href: "#/archive", class: "button-link", id: "read-archive" }, t.readArchive),
      h("button", { type: "button", class: "secondary", id: "new-program", onclick: () => navigate("welcome") }, t.newProgram),
    ),
  );
}

function closeCard(root, navigate, refreshNav) {
  const archiveError = h("p", { class: "field-error", id: "archive-error", hidden: true, tabindex: "-1" });
  // Archiving is asked first: one click only opens the question.
  const confirm = h(
    "div",
    { class: "confirm", id: "archive-confirm", hidden: true },
    h("p", {}, t.archiveConfirm),
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        {
          type: "button",
          class: "primary",
          id: "confirm-archive",
          onclick: async () => {
            try {
              await api.archiveProgram();
              announce(t.closingTitle);
              const moment = closing(navigate);
              root.replaceChildren(pageTitle(t.title), moment);
              moment.querySelector("h2").focus();
              await refreshNav().catch(() => {}); // the next screen draws it anyway
            } catch (e) {
              showFieldError(card, e, archiveError);
            }
          },
        },
        t.archiveYes,
      ),
      h("button", { type: "button", class: "secondary", id: "cancel-archive", onclick: () => { confirm.hidden = true; archive.hidden = false; archive.focus(); } }, t.archiveCancel),
    ),
  );
  confirm.addEventListener("keydown", (e) => {
    if (e.key === "Escape") confirm.querySelector("#cancel-archive").click();
  });
  const archive = h(
    "button",
    {
      type: "button",
      class: "primary",
      id: "archive-program",
      onclick: () => {
        archive.hidden = true;
        confirm.hidden = false;
        confirm.querySelector("#confirm-archive").focus();
      },
    },
    t.archiveButton,
  );
  const word = h("input", { type: "text", id: "confirmation", autocomplete: "off", spellcheck: "false", "aria-describedby": "erase-lead confirmation-error" });
  const eraseButton = h("button", { type: "submit", class: "danger", id: "erase-program" }, t.eraseButton);
  const erase = h(
    "form",
    { class: "erase", id: "erase-form", novalidate: true, "aria-labelledby": "erase-title" },
    h("h3", { id: "erase-title" }, t.eraseTitle),
    h("p", { id: "erase-lead" }, t.eraseLead(t.eraseWord)),
    h("div", { class: "field" }, h("label", { for: "confirmation" }, t.eraseLabel), word, h("p", { class: "field-error", id: "confirmation-error", hidden: true })),
    h("div", { class: "actions" }, eraseButton),
  );
  erase.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(erase);
    try {
      await api.eraseProgram(word.value);
      announce(t.erased);
      root.replaceChildren(pageTitle(t.title), done(t.erased, navigate));
      await refreshNav().catch(() => {}); // the next screen draws it anyway
    } catch (e) {
      showFieldError(erase, e, erase.querySelector(".field-error"));
    }
  });
  const card = h("section", { class: "card", id: "close", "aria-labelledby": "close-title" }, h("h2", { id: "close-title" }, t.closeTitle), h("p", {}, t.closeLead), h("div", { class: "actions" }, archive), confirm, archiveError, erase);
  return card;
}

export async function render({ overview, navigate, refreshNav }) {
  const root = h("div", { class: "narrow moving-on" });
  if (overview.ending !== "moving_on") {
    root.append(pageTitle(t.title), h("p", { class: "lead" }, t.lead), chooseCard(navigate));
    return root;
  }
  const closure = await api.closure();
  root.append(
    pageTitle(t.title),
    h("p", { class: "lead" }, t.lead),
    h(
      "section",
      { class: "card form", id: "closure" },
      Object.entries(t.fields).map(([field, [label, hint]]) =>
        savedNote(field, label, hint, closure.notes[field], (value) => api.saveClosure(field, value)),
      ),
    ),
    closeCard(root, navigate, refreshNav),
  );
  return root;
}
