// First run, part two: the profile.

import { api } from "../api.js";
import { h, pageTitle } from "../dom.js";
import { text } from "../strings.js";
import { profileForm } from "./profile_form.js";

export async function render({ navigate }) {
  const resources = await api.safetyResources();
  return h(
    "div",
    { class: "narrow" },
    pageTitle(text.profile.firstTitle),
    h("p", { class: "lead" }, text.profile.firstLead),
    profileForm({
      existing: null,
      submitLabel: text.profile.saveFirst,
      countries: resources.countries,
      onSaved: () => navigate("home"),
    }),
  );
}
