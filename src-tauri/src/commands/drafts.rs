//! Step 2: the unsent drafts vault and the pledge.

use engine::drafts::{DraftView, Pledge, VaultView};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The drafts with their reading, and the pledge.
#[tauri::command]
pub async fn get_vault(state: State<'_, AppState>) -> CommandResult<VaultView> {
    state.run(|engine, _| engine.vault()).await
}

/// Saves a draft (new when `id` is none); it is never sent.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_draft(
    state: State<'_, AppState>,
    id: Option<u64>,
    text: String,
    apology_for_later: bool,
) -> CommandResult<DraftView> {
    state
        .run(move |engine, clock| engine.save_draft(id, &text, apology_for_later, clock.now()))
        .await
}

/// Records the pledge not to beg.
#[tauri::command]
pub async fn save_pledge(state: State<'_, AppState>, text: String) -> CommandResult<Pledge> {
    state
        .run(move |engine, clock| engine.pledge(&text, clock.now()))
        .await
}

/// Deletes a draft for good; answers with the vault as it is after.
#[tauri::command]
pub async fn delete_draft(state: State<'_, AppState>, id: u64) -> CommandResult<VaultView> {
    state.run(move |engine, _| engine.delete_draft(id)).await
}
