// Showing the engine's errors next to the field they concern. The engine
// names the field; this only finds its slot, marks the input and moves focus.

import { announce, h } from "./dom.js";
import { text } from "./strings.js";

/// Hides every error in `root` and clears the invalid marks.
export function clearFieldErrors(root) {
  for (const p of root.querySelectorAll(".field-error")) {
    p.hidden = true;
    p.textContent = "";
  }
  for (const el of root.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of root.querySelectorAll(".field.invalid")) el.classList.remove("invalid");
}

/// Shows `error` ({kind, message, field}) in `#<field>-error` inside `root`,
/// or in `fallback` when it concerns no field, and says it out loud.
export function showFieldError(root, error, fallback) {
  const message = error.message || text.genericError;
  const slot = error.field && root.querySelector(`#${error.field}-error`);
  const target = slot || fallback;
  target.textContent = message;
  target.hidden = false;
  // An alert region speaks for itself: announcing too would say it twice.
  if (!target.closest("[role='alert']")) announce(message);
  if (!slot) {
    if (target.tabIndex >= 0 || target.hasAttribute("tabindex")) target.focus();
    return;
  }
  const input = root.querySelector(`#${error.field}`) || slot.closest(".field")?.querySelector("input");
  input?.closest(".field")?.classList.add("invalid");
  input?.setAttribute("aria-invalid", "true");
  input?.focus();
}

/// A labelled group of radio buttons with its error slot. `onchange(value)`
/// runs when the person picks one (optional).
export function choiceGroup(name, legend, options, checked, onchange) {
  return h(
    "fieldset",
    { class: "field choices", id: `${name}-field`, "aria-describedby": `${name}-error` },
    h("legend", {}, legend),
    h(
      "div",
      { class: "choice-row" },
      options.map(([value, label]) =>
        h(
          "label",
          { class: "choice" },
          h("input", { type: "radio", name, value, checked: value === checked, onchange: onchange && (() => onchange(value)) }),
          h("span", {}, label),
        ),
      ),
    ),
    h("p", { class: "field-error", id: `${name}-error`, hidden: true }),
  );
}

/// Asks a question in place, in `box` (a container that starts hidden):
/// Yes runs `onYes` (the button waits while it runs); No, or Esc, closes
/// the question and gives focus back to `from`, the button that asked.
/// Ids: `${id}-text`, `${id}-yes`, `${id}-no`.
export function askInPlace(box, { id, question, yesLabel, noLabel, from, onYes }) {
  const yes = h("button", { type: "button", class: "primary", id: `${id}-yes` }, yesLabel);
  const no = h("button", { type: "button", class: "secondary", id: `${id}-no` }, noLabel);
  box.replaceChildren(h("p", { id: `${id}-text` }, question), h("div", { class: "inline" }, yes, no));
  box.hidden = false;
  no.addEventListener("click", () => {
    box.hidden = true;
    from.focus();
  });
  box.onkeydown = (e) => {
    if (e.key === "Escape") no.click();
  };
  yes.addEventListener("click", async () => {
    yes.disabled = true;
    try {
      await onYes();
    } finally {
      yes.disabled = false;
    }
  });
  yes.focus();
}

// A field's error goes as soon as the person changes that field: the next
// save says whether the new value is right. (It stayed until the next save.)
function clearOnEdit(event) {
  const target = event.target;
  const field = target?.closest?.(".field");
  if (!field || !(field.classList.contains("invalid") || target.hasAttribute?.("aria-invalid"))) return;
  field.classList.remove("invalid");
  for (const el of field.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const p of field.querySelectorAll(".field-error")) {
    p.hidden = true;
    p.textContent = "";
  }
}
document.addEventListener("input", clearOnEdit, true);
document.addEventListener("change", clearOnEdit, true);
