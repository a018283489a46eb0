//! Step 2: the unsent drafts vault and the pledge. Nothing here sends anything.

use engine::drafts::{DraftView, Pledge, VaultView};
use tauri::State;

use crate::clock;
use crate::error::CommandResult;
use crate::state::AppState;

/// Every draft with its reading, and the pledge.
#[tauri::command]
pub async fn get_vault(state: State<'_, AppState>) -> CommandResult<VaultView> {
    Ok(state.engine()?.vault()?)
}

/// Saves a draft (new when `id` is null) and reads it for begging.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_draft(
    state: State<'_, AppState>,
    id: Option<u64>,
    text: String,
    apology_for_later: bool,
) -> CommandResult<DraftView> {
    Ok(state
        .engine()?
        .save_draft(id, &text, apology_for_later, clock::now())?)
}

/// Records the pledge not to beg.
#[tauri::command]
pub async fn save_pledge(state: State<'_, AppState>, text: String) -> CommandResult<Pledge> {
    Ok(state.engine()?.pledge(&text, clock::now())?)
}
