//! Backups: the list, and restoring one (also when the store will not open).

use engine::BackupInfo;
use tauri::State;

use super::blocking;
use crate::error::CommandResult;
use crate::milestones::Wake;
use crate::state::AppState;

/// The automatic backups, newest first.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<BackupInfo>> {
    let state = state.inner().clone();
    blocking(move || state.backups()).await
}

/// Replaces all data with the backup `id`; what was there is kept as a
/// backup of its own (or, for a damaged store, moved aside).
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    id: String,
) -> CommandResult<()> {
    let state = state.inner().clone();
    blocking(move || state.restore(&id)).await?;
    wake.now();
    Ok(())
}
