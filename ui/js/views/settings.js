// Settings: the profile, notifications, and where the data lives.

import { api } from "../api.js";
import { announce, h, pageTitle } from "../dom.js";
import { text } from "../strings.js";
import { profileForm } from "./profile_form.js";

function notificationsSection() {
  const t = text.settings;
  const result = h("p", { class: "form-status", id: "test-notification-status", "aria-live": "polite" });
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

export async function render() {
  const t = text.settings;
  const [profile, info] = await Promise.all([api.profile(), api.appInfo()]);
  return h(
    "div",
    { class: "narrow settings" },
    pageTitle(t.title),
    h(
      "section",
      { "aria-labelledby": "profile-title" },
      h("h2", { id: "profile-title" }, text.profile.editTitle),
      profileForm({ existing: profile, submitLabel: text.profile.saveEdit, onSaved: async () => {} }),
    ),
    notificationsSection(),
    h(
      "section",
      { class: "card", "aria-labelledby": "data-title" },
      h("h2", { id: "data-title" }, t.dataTitle),
      h("p", {}, t.dataLead),
      h("p", {}, h("code", { class: "path", id: "data-dir" }, info.data_dir)),
      h("p", { class: "muted" }, t.version(info.version)),
    ),
  );
}
