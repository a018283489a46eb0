// A note saved as the person types (after a pause, or on leaving the field).
// "Saved" shows only once the engine has flushed it. Shared by step 5 and
// the moving-on screen.

import { announce, h } from "../dom.js";
import { clearFieldErrors, showFieldError } from "../forms.js";
import { text } from "../strings.js";
import { offerCare, supportLink, watchField } from "../care.js";

const SAVE_AFTER_MS = 600;

/// `save(value)` calls the engine; `onSaved(result)` runs after it answered.
/// Words of crisis bring the card (from the answer's `care`, or while typing
/// pauses); the Support link beside the label brings it any time.
export function savedNote(field, label, hint, value, save, onSaved, rows = 4) {
  // Beside the label, not inside it (it would become part of the field's
  // name); the announcer says it once.
  const status = h("span", { class: "save-status", id: `${field}-status` });
  const area = watchField(h("textarea", { id: field, rows, "aria-describedby": `${field}-hint ${field}-error` }));
  area.value = value ?? "";
  let timer = null;
  let saving = Promise.resolve();
  const run = () => {
    clearTimeout(timer);
    timer = null;
    const current = area.value;
    saving = saving.then(async () => {
      try {
        const result = await save(current);
        clearFieldErrors(wrapper);
        status.textContent = text.saved;
        announce(text.saved);
        if (onSaved) await onSaved(result);
        await offerCare(result?.care, area);
      } catch (error) {
        status.textContent = "";
        showFieldError(wrapper, error, wrapper.querySelector(".field-error"));
      }
    });
  };
  area.addEventListener("input", () => {
    status.textContent = "";
    clearTimeout(timer);
    timer = setTimeout(run, SAVE_AFTER_MS);
  });
  area.addEventListener("blur", () => timer && run());
  window.addEventListener("pagehide", () => timer && run(), { once: true });
  const wrapper = h(
    "div",
    { class: "field", id: `${field}-field` },
    h("div", { class: "label-row" }, h("div", { class: "label-with-status" }, h("label", { for: field }, label), " ", status), supportLink(field)),
    h("p", { class: "hint", id: `${field}-hint` }, hint || ""),
    area,
    h("p", { class: "field-error", id: `${field}-error`, hidden: true }),
  );
  return wrapper;
}
