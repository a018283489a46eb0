//! The program overview.

use engine::Overview;
use tauri::State;

use crate::clock;
use crate::error::CommandResult;
use crate::state::AppState;

/// Every stage of the program with its derived status.
#[tauri::command]
pub async fn get_overview(state: State<'_, AppState>) -> CommandResult<Overview> {
    Ok(state
        .engine()?
        .overview(clock::now(), clock::local_zone())?)
}
