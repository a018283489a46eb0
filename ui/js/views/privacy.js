// The lock screen, and the Privacy section of Settings: the passphrase,
// locking when idle, and very discreet notifications. The engine checks
// everything (length, the two copies matching, the right passphrase); this
// only shows its answers next to the fields.

import { api } from "../api.js";
import { announce, h, pageTitle } from "../dom.js";
import { clearFieldErrors, showFieldError } from "../forms.js";
import { text } from "../strings.js";
import { eraseEverythingForm, exportControls } from "./your_data.js";

const t = text.privacy;

function passwordField(id, label, autocomplete, hint) {
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    h("input", { type: "password", id, autocomplete, spellcheck: "false", "aria-describedby": `${hint ? `${id}-hint ` : ""}${id}-error` }),
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
  );
}

/// A form whose submit runs `action(values)`; errors land by their field.
function passwordForm(id, fields, submitLabel, action, onDone) {
  const status = h("p", { class: "form-status", id: `${id}-status`, "aria-live": "polite" });
  const general = h("p", { class: "field-error", id: `${id}-error`, hidden: true, tabindex: "-1" });
  const button = h("button", { type: "submit", class: "primary", id: `${id}-submit` }, submitLabel);
  const form = h("form", { class: "privacy-form", id, novalidate: true }, fields, general, h("div", { class: "inline" }, button), status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    button.disabled = true;
    status.textContent = t.working;
    const values = Object.fromEntries([...form.querySelectorAll("input")].map((input) => [input.id, input.value]));
    try {
      await action(values);
      status.textContent = "";
      for (const input of form.querySelectorAll("input")) input.value = "";
      await onDone();
    } catch (error) {
      status.textContent = "";
      showFieldError(form, error, general);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/// The screen shown while the data is locked. Safety stays one click away.
export function lockScreen(onUnlocked) {
  const form = passwordForm(
    "unlock-form",
    [passwordField("passphrase", t.passphrase, "current-password")],
    t.unlock,
    (values) => api.unlock(values.passphrase),
    onUnlocked,
  );
  // A forgotten passphrase: erasing everything is the way back in.
  const forgot = h(
    "details",
    { class: "forgot", id: "forgot-passphrase" },
    h("summary", {}, text.yourData.forgotTitle),
    h("p", {}, text.yourData.forgotLead),
    eraseEverythingForm(
      async () => {
        location.hash = "#/welcome";
        await onUnlocked();
      },
      { locked: true },
    ),
  );
  const view = h("section", { class: "card narrow lock", id: "lock-screen" }, pageTitle(t.lockedTitle), h("p", { class: "lead" }, t.lockedLead), form, forgot);
  setTimeout(() => form.querySelector("input")?.focus(), 0);
  return view;
}

// Locks the page after the chosen idle time, counted from the person's own
// last key press, click or scroll.
let idleTimer = null;
let idleListening = false;
export function watchIdle(minutes, onLocked) {
  clearTimeout(idleTimer);
  idleTimer = null;
  // Says on the page whether (and after how long) it will lock itself.
  document.body.dataset.idleLock = minutes ? String(minutes) : "";
  if (!minutes) return;
  const restart = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(async () => {
      try {
        await api.lockNow(false);
        onLocked();
      } catch {
        // Nothing to lock (no passphrase): nothing to do.
      }
    }, minutes * 60_000);
  };
  if (!idleListening) {
    idleListening = true;
    for (const name of ["keydown", "pointerdown", "wheel", "touchstart"]) {
      window.addEventListener(name, () => idleTimer && restart(), { passive: true });
    }
  }
  restart();
}

/// Arms (or disarms) the idle lock as the engine says: after how many idle
/// minutes, if at all.
export async function armIdleLock(onLocked) {
  try {
    const encryption = await api.encryption();
    watchIdle(encryption.idle_lock_minutes, onLocked);
  } catch {
    // Locked or not open: the next render deals with it.
  }
}

function choicesSection(settings, redraw, onLocked) {
  const lockAfter = h(
    "select",
    { id: "lock_after_minutes", "aria-describedby": "lock_after_minutes-error" },
    t.lockAfterOptions.map(([value, label]) => h("option", { value, selected: String(settings.lock_after_minutes ?? "") === value }, label)),
  );
  const discreet = h("input", { type: "checkbox", id: "very_discreet", checked: settings.very_discreet });
  // Said through the shared announcer; this line only shows it.
  const status = h("p", { class: "form-status", id: "privacy-status" });
  const save = async () => {
    const input = { lock_after_minutes: lockAfter.value ? Number(lockAfter.value) : null, very_discreet: discreet.checked };
    try {
      clearFieldErrors(section);
      await api.savePrivacy(input);
      status.textContent = t.saved;
      announce(t.saved);
      await armIdleLock(onLocked);
    } catch (error) {
      showFieldError(section, error, status);
    }
  };
  lockAfter.addEventListener("change", save);
  discreet.addEventListener("change", save);
  const section = h(
    "div",
    { class: "privacy-choices" },
    h("div", { class: "field" }, h("label", { for: "lock_after_minutes" }, t.lockAfter), lockAfter, h("p", { class: "field-error", id: "lock_after_minutes-error", hidden: true })),
    h("label", { class: "check" }, discreet, h("span", {}, t.veryDiscreet)),
    h("p", { class: "hint" }, t.veryDiscreetHint),
    status,
  );
  return section;
}

/// Settings → Privacy.
export async function privacySection(onLocked) {
  const encryption = await api.encryption();
  const slot = h("div", { id: "privacy-body" });
  const redraw = async () => slot.replaceChildren(...(await body()));
  // Everything in the section is drawn here, once: setting or removing the
  // passphrase redraws it whole (the choices were drawn twice before).
  const body = async () => {
    const [state, settings] = await Promise.all([api.encryption(), api.privacy()]);
    if (!state.enabled) {
      return [
        h("p", {}, t.offLead),
        h("p", { class: "warning", id: "forget-warning" }, t.forgetWarning),
        h("details", { class: "export-first" }, h("summary", {}, text.yourData.exportFirst), exportControls("first-")),
        passwordForm(
          "set-passphrase",
          [passwordField("passphrase", t.newPassphrase, "new-password", t.passphraseHint), passwordField("repeat", t.repeat, "new-password")],
          t.setPassphrase,
          (v) => api.setPassphrase(v.passphrase, v.repeat),
          async () => {
            announce(t.setDone);
            await redraw();
            await armIdleLock(onLocked);
          },
        ),
        choicesSection(settings, redraw, onLocked),
      ];
    }
    const actions = h("div", { id: "privacy-action" });
    const show = (form) => {
      actions.replaceChildren(form);
      form.querySelector("input")?.focus();
    };
    const change = () =>
      passwordForm(
        "change-passphrase",
        [passwordField("passphrase", t.currentPassphrase, "current-password"), passwordField("new_passphrase", t.newPassphrase, "new-password", t.passphraseHint), passwordField("repeat", t.repeat, "new-password")],
        t.changePassphrase,
        (v) => api.changePassphrase(v.passphrase, v.new_passphrase, v.repeat),
        async () => {
          announce(t.changeDone);
          await redraw();
        },
      );
    const remove = () =>
      passwordForm(
        "remove-passphrase",
        [passwordField("passphrase", t.currentPassphrase, "current-password", t.removeHint)],
        t.removePassphrase,
        (v) => api.removePassphrase(v.passphrase),
        async () => {
          announce(t.removeDone);
          await redraw();
        },
      );
    return [
      h("p", { id: "privacy-on" }, t.onLead),
      h(
        "div",
        { class: "inline" },
        h("button", { type: "button", class: "primary", id: "lock-now", onclick: async () => { await api.lockNow(false); onLocked(); } }, t.lockNow),
        h("button", { type: "button", class: "secondary", id: "show-change", onclick: () => show(change()) }, t.changePassphrase),
        h("button", { type: "button", class: "secondary", id: "show-remove", onclick: () => show(remove()) }, t.removePassphrase),
      ),
      actions,
      choicesSection(settings, redraw, onLocked),
    ];
  };
  slot.replaceChildren(...(await body()));
  return h(
    "section",
    { class: "card", "aria-labelledby": "privacy-title", "data-encryption": encryption.enabled ? "on" : "off" },
    h("h2", { id: "privacy-title" }, t.title),
    slot,
  );
}
