//! The dealbreaker check before step 1.

use engine::choice::{Choice, YesNo};
use engine::dealbreakers::{AnswersInput, DealbreakerView, Path};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The check as it stands.
#[tauri::command]
pub async fn get_dealbreakers(state: State<'_, AppState>) -> CommandResult<DealbreakerView> {
    state.run(|engine, _| engine.dealbreakers()).await
}

/// Records the four answers, and the optional fifth ("yes" or "no").
#[tauri::command(rename_all = "snake_case")]
pub async fn answer_dealbreakers(
    state: State<'_, AppState>,
    input: AnswersInput,
    hurt_them: Option<Choice<YesNo>>,
) -> CommandResult<DealbreakerView> {
    // Left out, it is not answered: an earlier answer stays.
    let hurt_them = hurt_them.unwrap_or_default();
    state
        .run(move |engine, clock| engine.answer_dealbreakers_with(&input, hurt_them, clock.now()))
        .await
}

/// Records the path chosen after a recommendation.
#[tauri::command]
pub async fn choose_path(
    state: State<'_, AppState>,
    path: Choice<Path>,
    acknowledged: bool,
) -> CommandResult<DealbreakerView> {
    state
        .run(move |engine, clock| engine.choose_path(path.picked()?, acknowledged, clock.now()))
        .await
}
