//! The dealbreaker check before step 1.

use engine::dealbreakers::{AnswersInput, DealbreakerView};
use tauri::State;

use crate::clock;
use crate::error::CommandResult;
use crate::state::AppState;

/// The answers and recommendation so far.
#[tauri::command]
pub async fn get_dealbreakers(state: State<'_, AppState>) -> CommandResult<DealbreakerView> {
    Ok(state.engine()?.dealbreakers()?)
}

/// Records the four answers.
#[tauri::command]
pub async fn answer_dealbreakers(
    state: State<'_, AppState>,
    input: AnswersInput,
) -> CommandResult<DealbreakerView> {
    Ok(state.engine()?.answer_dealbreakers(&input, clock::now())?)
}

/// Records the path chosen after a recommendation.
#[tauri::command]
pub async fn choose_path(
    state: State<'_, AppState>,
    path: String,
    acknowledged: bool,
) -> CommandResult<DealbreakerView> {
    Ok(state
        .engine()?
        .choose_path(&path, acknowledged, clock::now())?)
}
