// The only module that talks to the Rust side. Every call resolves with the
// engine's answer or rejects with { kind, message, field? }.

const invoke = window.__TAURI__?.core?.invoke;

function asError(raw) {
  if (raw && typeof raw === "object" && typeof raw.kind === "string") {
    return raw;
  }
  // The app's own refusals of input, a choice left empty or unknown
  // included, arrive typed from Rust. A bare string is Tauri's own (a
  // payload shaped unlike any form's): a fault of the page, not of what
  // the person entered.
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
  words: () => call("get_words"),
  setLanguage: (language) => call("set_language", { language }),
  overview: () => call("get_overview"),
  profile: () => call("get_profile"),
  saveProfile: (input) => call("save_profile", { input }),
  sendTestNotification: () => call("send_test_notification"),
  noContact: () => call("get_no_contact"),
  startNoContact: (since) => call("start_no_contact", { since }),
  logEvent: (kind, note) => call("log_event", { kind, note }),
  undoEvent: (id) => call("undo_event", { id }),
  setEventNote: (id, note) => call("set_event_note", { id, note }),
  settings: () => call("get_settings"),
  saveSettings: (input) => call("save_settings", { input }),
  setAutostart: (enabled) => call("set_autostart", { enabled }),
  safetyResources: () => call("get_safety_resources"),
  quickHide: () => call("quick_hide"),
  dealbreakers: () => call("get_dealbreakers"),
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
  deleteDraft: (id) => call("delete_draft", { id }),
  encryption: () => call("get_encryption"),
  unlock: (passphrase) => call("unlock", { passphrase }),
  lockNow: (hide) => call("lock_now", { hide }),
  setPassphrase: (passphrase, repeat) => call("set_passphrase", { passphrase, repeat }),
  changePassphrase: (passphrase, newPassphrase, repeat) => call("change_passphrase", { passphrase, new_passphrase: newPassphrase, repeat }),
  removePassphrase: (passphrase) => call("remove_passphrase", { passphrase }),
  privacy: () => call("get_privacy"),
  savePrivacy: (input) => call("save_privacy", { input }),
  backups: () => call("list_backups"),
  restoreBackup: (id) => call("restore_backup", { id }),
  checkText: (text) => call("check_text", { text }),
  country: () => call("get_country"),
  setCountry: (country) => call("set_country", { country }),
  saveProfileWithCountry: (input, country) => call("save_profile", { input, country }),
  safetyPlan: () => call("get_safety_plan"),
  saveSafetyPlan: (input) => call("save_safety_plan", { input }),
  answerDealbreakersWith: (input, hurtThem) => call("answer_dealbreakers", { input, hurt_them: hurtThem }),
  life: () => call("get_life"),
  logActivity: (input) => call("log_activity", { input }),
  updateActivity: (id, input) => call("update_activity", { id, input }),
  deleteActivity: (id) => call("delete_activity", { id }),
  countThought: () => call("count_thought"),
  saveMood: (score, note, replace) => call("save_mood", { score, note, replace }),
  saveTrigger: (id, input) => call("save_trigger", { id, input }),
  deleteTrigger: (id) => call("delete_trigger", { id }),
  journal: (query) => call("get_journal", { query }),
  saveJournalEntry: (id, text, prompt) => call("save_journal_entry", { id, text, prompt }),
  deleteJournalEntry: (id) => call("delete_journal_entry", { id }),
  statistics: (range) => call("get_statistics", { range }),
  careCard: (reading) => call("get_care_card", { reading }),
  moment: () => call("get_moment"),
  acknowledgeMoment: (moment) => call("acknowledge_moment", { moment }),
  reachOut: () => call("get_reach_out"),
  answerCareCheck: (choice) => call("answer_care_check", { choice }),
  savePlanNote: (note, text) => call("save_plan_note", { note, text }),
  useApology: (id) => call("use_apology", { id }),
  recordOutcome: (outcome) => call("record_outcome", { outcome }),
  together: () => call("get_together"),
  addTogetherItem: (list, text) => call("add_together_item", { list, text }),
  removeTogetherItem: (list, id) => call("remove_together_item", { list, id }),
  saveHouseRules: (input) => call("save_house_rules", { input }),
  saveCheckIn: (input) => call("save_check_in", { input }),
  startCooldown: () => call("start_cooldown"),
  stopCooldown: () => call("stop_cooldown"),
  closure: () => call("get_closure"),
  chooseMovingOn: () => call("choose_moving_on"),
  saveClosure: (field, text) => call("save_closure", { field, text }),
  archiveProgram: () => call("archive_program"),
  eraseProgram: (confirmation) => call("erase_program", { confirmation }),
  exportData: (format) => call("export_data", { format }),
  importData: () => call("import_data"),
  eraseEverything: (confirmation) => call("erase_everything", { confirmation }),
  archives: () => call("list_archives"),
  archive: (id) => call("get_archive", { id }),
  uiReady: () => call("ui_ready"),
};
