// The profile form, used on first run and in Settings. It sends exactly what
// the person entered; the engine decides what is valid and says why not.

import { api } from "../api.js";
import { dateField, toIso } from "../dates.js";
import { announce, h } from "../dom.js";
import { choiceGroup, clearFieldErrors, showFieldError } from "../forms.js";
import { text } from "../strings.js";

const t = text.profile;

function field(id, label, hint, control) {
  return h(
    "div",
    { class: "field", id: `${id}-field` },
    h("label", { for: id }, label),
    hint && h("p", { class: "hint", id: `${id}-hint` }, hint),
    control,
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
  );
}

/// The first run's country question: a listed country or "not listed",
/// never preselected.
function countrySelect(countries) {
  const c = text.country;
  return field(
    "country",
    c.label,
    c.hint,
    h(
      "select",
      { id: "country", name: "country", "aria-describedby": "country-hint country-error" },
      h("option", { value: "" }, c.choose),
      countries.map((k) => h("option", { value: k.code }, k.name)),
      h("option", { value: "not_listed" }, c.notListed),
    ),
  );
}

/// Builds the form. `onSaved(profile)` runs after the engine confirms the save.
/// With `countries` (the first run), it also asks for the person's country.
export function profileForm({ existing, submitLabel, onSaved, countries = null }) {
  const nameInput = h("input", {
    id: "ex_name",
    name: "ex_name",
    type: "text",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": "ex_name-hint ex_name-error",
    value: existing?.ex_name ?? "",
  });
  const dateInput = dateField(
    {
      id: "breakup_date",
      name: "breakup_date",
      "aria-describedby": "breakup_date-hint breakup_date-error",
    },
    "date",
    existing?.breakup_date ?? "",
  );
  // Said through the shared announcer; this line only shows it.
  const status = h("p", { class: "form-status", id: "form-status" });
  const submit = h("button", { type: "submit", class: "primary", id: "save-profile" }, submitLabel);
  const form = h(
    "form",
    { class: "card form", id: "profile-form", novalidate: true },
    h("p", { class: "form-error", id: "form-error", tabindex: "-1", role: "alert", hidden: true }),
    field("ex_name", t.exName, t.exNameHint, nameInput),
    choiceGroup("pronouns", t.pronouns, t.pronounOptions, existing?.pronouns),
    field("breakup_date", t.breakupDate, t.breakupDateHint, dateInput),
    choiceGroup("ended_by", t.endedBy, t.endedByOptions, existing?.ended_by),
    countries ? countrySelect(countries) : null,
    h("div", { class: "actions" }, submit, status),
  );

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    status.textContent = text.saving;
    submit.disabled = true;
    const data = new FormData(form);
    const input = {
      ex_name: String(data.get("ex_name") ?? ""),
      pronouns: String(data.get("pronouns") ?? ""),
      breakup_date: toIso(data.get("breakup_date"), "date"),
      ended_by: String(data.get("ended_by") ?? ""),
    };
    try {
      const saved = countries
        ? await api.saveProfileWithCountry(input, String(data.get("country") ?? ""))
        : await api.saveProfile(input);
      status.textContent = text.saved;
      announce(text.saved);
      await onSaved(saved);
    } catch (error) {
      status.textContent = "";
      showFieldError(form, error, form.querySelector("#form-error"));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
