// Restoring a backup: from Settings, and from the screen shown when the
// saved data can't be opened. Restoring is two steps (choose, then confirm),
// and the engine keeps what is replaced, so nothing is ever lost by it.

import { api } from "../api.js";
import { announce, h } from "../dom.js";
import { formatWhen } from "../format.js";
import { askInPlace } from "../forms.js";
import { text } from "../strings.js";

const t = text.backups;

function describe(backup) {
  const when = backup.created_at ? formatWhen(backup.created_at) : t.unknownDate;
  return `${when} · ${t.reason[backup.reason] ?? t.reason.old}`;
}

/// The list of backups, each with a Restore button and a confirmation.
/// `damaged`: the store would not open (the screen says so differently).
/// `onRestored` runs after a restore the engine confirmed.
export async function backupList({ damaged, onRestored }) {
  // Said through the shared announcer; this line only shows it.
  const status = h("p", { class: "form-status", id: "restore-status" });
  let backups;
  try {
    backups = await api.backups();
  } catch (error) {
    return h("p", { class: "field-error", role: "alert" }, error.message);
  }
  if (backups.length === 0) {
    return h("p", { class: "muted", id: "no-backups" }, t.none);
  }
  const confirmBox = h("div", { class: "confirm-restore", id: "confirm-restore", hidden: true });
  const ask = (backup, button) =>
    askInPlace(confirmBox, {
      id: "confirm-restore",
      question: t.confirm(describe(backup), damaged),
      yesLabel: t.confirmYes,
      noLabel: t.confirmNo,
      from: button,
      onYes: async () => {
        status.textContent = t.restoring;
        try {
          await api.restoreBackup(backup.id);
          status.textContent = t.restored;
          announce(t.restored);
          confirmBox.hidden = true;
          await onRestored();
        } catch (error) {
          status.textContent = error.message;
          announce(error.message);
        }
      },
    });
  const items = backups.map((backup) => {
    const counts = backup.empty ? t.empty : backup.restorable ? t.counts(backup.records, backup.drafts, backup.events) : t.notRestorable;
    const button = h(
      "button",
      { type: "button", class: "secondary restore", "data-id": backup.id, disabled: !backup.restorable, "aria-label": `${t.restore}: ${describe(backup)}` },
      t.restore,
    );
    button.addEventListener("click", () => ask(backup, button));
    return h("li", { class: "backup", "data-reason": backup.reason ?? "old" }, h("span", {}, describe(backup)), h("span", { class: "muted" }, counts), button);
  });
  return h("div", { class: "backups" }, h("ul", { class: "backup-list", id: "backup-list" }, items), confirmBox, status);
}
