// The only module that talks to the Rust side. Every call resolves with the
// engine's answer or rejects with { kind, message, field? }.

const invoke = window.__TAURI__?.core?.invoke;

function asError(raw) {
  if (raw && typeof raw === "object" && typeof raw.kind === "string") {
    return raw;
  }
  // Tauri's own errors (for example a payload it could not read) are strings.
  return { kind: "internal", message: String(raw) };
}

async function call(command, args) {
  if (!invoke) {
    throw { kind: "internal", message: "Crossroads must be opened as the desktop app." };
  }
  try {
    return await invoke(command, args);
  } catch (raw) {
    throw asError(raw);
  }
}

export const api = {
  appInfo: () => call("app_info"),
  overview: () => call("get_overview"),
  profile: () => call("get_profile"),
  saveProfile: (input) => call("save_profile", { input }),
  sendTestNotification: () => call("send_test_notification"),
  noContact: () => call("get_no_contact"),
  startNoContact: (since) => call("start_no_contact", { since }),
  logEvent: (kind, note) => call("log_event", { kind, note }),
  settings: () => call("get_settings"),
  saveSettings: (input) => call("save_settings", { input }),
  setAutostart: (enabled) => call("set_autostart", { enabled }),
  safetyResources: () => call("get_safety_resources"),
  quickHide: () => call("quick_hide"),
  dealbreakers: () => call("get_dealbreakers"),
  answerDealbreakers: (input) => call("answer_dealbreakers", { input }),
  choosePath: (path, acknowledged) => call("choose_path", { path, acknowledged }),
  reflection: () => call("get_reflection"),
  saveReflection: (prompt, value) => call("save_reflection", { prompt, value }),
  setPattern: (pattern) => call("set_pattern", { pattern }),
  setGrowthWay: (way) => call("set_growth_way", { way }),
  addGrowthStep: (text) => call("add_growth_step", { text }),
  setGrowthStep: (id, done) => call("set_growth_step", { id, done }),
  decide: (decision) => call("decide", { decision }),
  vault: () => call("get_vault"),
  saveDraft: (id, text, apologyForLater) => call("save_draft", { id, text, apology_for_later: apologyForLater }),
  savePledge: (text) => call("save_pledge", { text }),
  backups: () => call("list_backups"),
  restoreBackup: (id) => call("restore_backup", { id }),
  uiReady: () => call("ui_ready"),
};
