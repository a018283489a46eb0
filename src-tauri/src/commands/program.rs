//! The program at a glance.

use engine::Overview;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Every step with its status and, when locked, why.
#[tauri::command]
pub async fn get_overview(state: State<'_, AppState>) -> CommandResult<Overview> {
    state
        .run(|engine, clock| engine.overview(clock.now(), clock.zone()))
        .await
}
