// The personal safety plan: the person's own warning signs, what calms
// them, people and places that help, who to call (with their country's
// lines), and how to make their surroundings safer. Kept offline.

import { api } from "../api.js";
import { announce, h, pageTitle } from "../dom.js";
import { clearFieldErrors, showFieldError } from "../forms.js";
import { text } from "../strings.js";
import { personalResources } from "../care.js";
import { linesFor } from "./safety.js";

const t = text.plan;
const FIELDS = ["warning_signs", "calming", "people_places", "who_to_call", "safer_surroundings"];

// While locked: the plan is the person's own words, sealed by the
// passphrase; the page says so, offers the way to unlock, and still shows
// the country's lines (they need nothing sealed).
async function renderSealed() {
  const mine = await personalResources();
  return h(
    "div",
    { class: "narrow safety-plan" },
    pageTitle(t.sealedTitle),
    h(
      "section",
      { class: "card", id: "plan-sealed" },
      h("p", { class: "lead" }, t.sealedLead),
      h("a", { href: "#/home", class: "button-link", id: "plan-unlock" }, t.unlockToOpen),
    ),
    h("section", { class: "card plan-lines", id: "plan-lines", "aria-label": t.linesTitle }, h("h2", {}, t.linesTitle), ...linesFor(mine)),
  );
}

export async function render({ locked = false } = {}) {
  if (locked) return renderSealed();
  const [plan, mine] = await Promise.all([api.safetyPlan(), personalResources()]);
  const areas = {};
  const fields = FIELDS.map((name) => {
    const [label, hint] = t.fields[name];
    areas[name] = h("textarea", { id: name, name, rows: 3, "aria-describedby": `${name}-hint ${name}-error` }, plan[name] ?? "");
    return h(
      "div",
      { class: "field", id: `${name}-field` },
      h("label", { for: name }, label),
      h("p", { class: "hint", id: `${name}-hint` }, hint),
      areas[name],
      h("p", { class: "field-error", id: `${name}-error`, hidden: true }),
      name === "who_to_call"
        ? h("section", { class: "plan-lines", id: "plan-lines", "aria-label": t.linesTitle }, h("h2", { class: "as-h3" }, t.linesTitle), ...linesFor(mine))
        : null,
    );
  });
  // Said through the shared announcer; this line only shows it.
  const status = h("p", { class: "form-status", id: "plan-status" });
  const formError = h("p", { class: "form-error", id: "plan-error", role: "alert", tabindex: "-1", hidden: true });
  const form = h(
    "form",
    { class: "card form", id: "plan-form", novalidate: true },
    formError,
    fields,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "save-plan" }, t.save), status),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    status.textContent = text.saving;
    const input = Object.fromEntries(FIELDS.map((name) => [name, areas[name].value]));
    try {
      await api.saveSafetyPlan(input);
      status.textContent = t.saved;
      announce(t.saved);
    } catch (error) {
      status.textContent = "";
      showFieldError(form, error, formError);
    }
  });
  return h("div", { class: "narrow safety-plan" }, pageTitle(t.title), h("p", { class: "lead" }, t.lead), form);
}
