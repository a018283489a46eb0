//! The program at a glance.

use engine::choice::Choice;
use engine::moments::Moment;
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

/// The moment the window acknowledges now (day 7, 14 or 30, or the ending
/// reached), if any.
#[tauri::command]
pub async fn get_moment(state: State<'_, AppState>) -> CommandResult<Option<Moment>> {
    state
        .run(|engine, clock| engine.moment(clock.now(), clock.zone()))
        .await
}

/// Closes the moment shown (it never shows again); answers with the next.
#[tauri::command]
pub async fn acknowledge_moment(
    state: State<'_, AppState>,
    moment: Choice<Moment>,
) -> CommandResult<Option<Moment>> {
    state
        .run(move |engine, clock| {
            engine.acknowledge_moment(moment.picked()?, clock.now(), clock.zone())
        })
        .await
}
