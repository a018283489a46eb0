// Settings: the profile, notifications, and where the data lives.

import { api } from "../api.js";
import { dateField, toIso } from "../dates.js";
import { announce, h, pageTitle } from "../dom.js";
import { lang, text, useWords } from "../strings.js";
import { backupList } from "./backups.js";
import { privacySection } from "./privacy.js";
import { yourDataSection } from "./your_data.js";
import { profileForm } from "./profile_form.js";
import { clearFieldErrors, showFieldError } from "../forms.js";
import { countryPicker } from "./safety.js";

function notificationsSection() {
  const t = text.settings;
  const result = h("p", { class: "form-status", id: "test-notification-status" });
  const button = h("button", { type: "button", class: "secondary", id: "test-notification" }, t.testButton);
  button.addEventListener("click", async () => {
    button.disabled = true;
    result.classList.remove("error");
    try {
      await api.sendTestNotification();
      result.textContent = t.testSent;
    } catch (error) {
      result.textContent = error.message;
      result.classList.add("error");
    } finally {
      button.disabled = false;
      announce(result.textContent);
    }
  });
  return h(
    "section",
    { class: "card", "aria-labelledby": "notifications-title" },
    h("h2", { id: "notifications-title" }, t.notificationsTitle),
    h("p", {}, t.notificationsLead),
    h("div", { class: "actions" }, button, result),
  );
}

function noContactSection(current) {
  const t = text.settings;
  const status = h("p", { class: "form-status", id: "settings-status" });
  const check = (id, label, checked) =>
    h("label", { class: "check" }, h("input", { type: "checkbox", id, checked }), h("span", {}, label));
  const time = (id, label, value) =>
    h(
      "span",
      { class: "inline-field" },
      h("label", { for: id }, label),
      dateField({ id, class: "short", "aria-describedby": `${id}-error` }, "time", value),
    );
  const quiet = current.quiet_hours;
  const form = h(
    "form",
    { class: "card form", id: "settings-form", novalidate: true, "aria-labelledby": "nc-settings-title" },
    h("h2", { id: "nc-settings-title" }, t.noContactTitle),
    h(
      "div",
      { class: "field" },
      h("label", { for: "milestones" }, t.milestonesLabel),
      h("p", { class: "hint", id: "milestones-hint" }, t.milestonesHint),
      h("input", { type: "text", id: "milestones", value: current.milestones.join(", "), "aria-describedby": "milestones-hint milestones-error" }),
      h("p", { class: "field-error", id: "milestones-error", hidden: true }),
    ),
    check("notifications", t.notificationsToggle, current.notifications),
    h(
      "div",
      { class: "field" },
      check("quiet", t.quietToggle, Boolean(quiet)),
      h(
        "div",
        { class: "quiet-times" },
        time("quiet_start", t.quietStart, quiet ? quiet.start.slice(0, 5) : "22:00"),
        time("quiet_end", t.quietEnd, quiet ? quiet.end.slice(0, 5) : "07:00"),
      ),
      h("p", { class: "field-error", id: "quiet_start-error", hidden: true }),
      h("p", { class: "field-error", id: "quiet_end-error", hidden: true }),
    ),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "save-settings" }, t.save), status),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    status.textContent = text.saving;
    try {
      await api.saveSettings({
        milestones: form.querySelector("#milestones").value,
        notifications: form.querySelector("#notifications").checked,
        quiet_hours_enabled: form.querySelector("#quiet").checked,
        quiet_start: toIso(form.querySelector("#quiet_start").value, "time"),
        quiet_end: toIso(form.querySelector("#quiet_end").value, "time"),
      });
      status.textContent = text.saved;
      announce(text.saved);
    } catch (error) {
      status.textContent = "";
      showFieldError(form, error, status);
    }
  });

  const autostartStatus = h("p", { class: "form-status", id: "autostart-status" });
  const autostart = h("input", { type: "checkbox", id: "autostart", checked: current.autostart });
  autostart.addEventListener("change", async () => {
    try {
      const enabled = await api.setAutostart(autostart.checked);
      autostart.checked = enabled;
      autostartStatus.textContent = enabled ? t.autostartOn : t.autostartOff;
    } catch (error) {
      autostart.checked = !autostart.checked;
      autostartStatus.textContent = error.message;
    }
    announce(autostartStatus.textContent);
  });
  const startup = h(
    "section",
    { class: "card" },
    h("label", { class: "check" }, autostart, h("span", {}, t.autostartToggle)),
    autostartStatus,
  );
  return [form, startup];
}

/// The language of Crossroads' words; a change redraws this screen in it
/// at once, without a restart.
function languageSection(navigate) {
  const t = text.language;
  const select = h(
    "select",
    { id: "language", "aria-describedby": "language-hint" },
    ...Object.entries(t.names).map(([code, name]) => h("option", { value: code, selected: code === lang.language, lang: code }, name)),
  );
  const status = h("p", { class: "form-status", id: "language-status", "aria-live": "polite" });
  select.addEventListener("change", async () => {
    select.disabled = true;
    try {
      useWords(await api.setLanguage(select.value));
      navigate("settings");
      announce(text.language.saved);
    } catch (error) {
      status.textContent = error.message;
      select.disabled = false;
    }
  });
  return h(
    "section",
    { class: "card", id: "language-settings", "aria-labelledby": "language-title" },
    h("h2", { id: "language-title" }, t.title),
    h("div", { class: "field" }, h("label", { for: "language" }, t.label), h("p", { class: "hint", id: "language-hint" }, t.hint), select),
    status,
  );
}

/// The country for the help lines, stored by the engine (saved on change).
async function countrySection() {
  const [resources, country] = await Promise.all([api.safetyResources(), api.country()]);
  // The picker announces the change; this line only shows it.
  const status = h("p", { class: "form-status", id: "country-status" });
  return h(
    "section",
    { class: "card", id: "country-settings", "aria-labelledby": "country-title" },
    h("h2", { id: "country-title" }, text.safety.countryTitle),
    countryPicker(resources, country, () => {
      status.textContent = text.country.saved;
    }),
    status,
  );
}

export async function render({ navigate }) {
  const t = text.settings;
  const [profile, info, current] = await Promise.all([api.profile(), api.appInfo(), api.settings()]);
  return h(
    "div",
    { class: "narrow settings" },
    pageTitle(t.title),
    languageSection(navigate),
    h(
      "section",
      { "aria-labelledby": "profile-title" },
      h("h2", { id: "profile-title" }, text.profile.editTitle),
      profileForm({ existing: profile, submitLabel: text.profile.saveEdit, onSaved: async () => {} }),
    ),
    notificationsSection(),
    await privacySection(() => navigate("home")),
    ...noContactSection(current),
    await countrySection(),
    yourDataSection(info, { onImported: async () => navigate("home"), onErased: async () => navigate("welcome") }),
    h(
      "section",
      { class: "card", "aria-labelledby": "backups-title" },
      h("h2", { id: "backups-title" }, text.backups.title),
      h("p", {}, text.backups.lead),
      await backupList({ damaged: false, onRestored: async () => {} }),
    ),
  );
}
