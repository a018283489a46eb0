//! Step 1: reflect.

use engine::reflect::ReflectView;
use engine::TextSaved;
use tauri::State;

use crate::clock;
use crate::error::CommandResult;
use crate::state::AppState;

/// The prompts' answers, the growth plan and the decision.
#[tauri::command]
pub async fn get_reflection(state: State<'_, AppState>) -> CommandResult<ReflectView> {
    Ok(state
        .engine()?
        .reflection(clock::now(), clock::local_zone())?)
}

/// Saves one answer as typed; answers only once it is on disk.
#[tauri::command]
pub async fn save_reflection(
    state: State<'_, AppState>,
    field: String,
    value: String,
) -> CommandResult<TextSaved> {
    Ok(state.engine()?.save_reflection(&field, &value)?)
}

/// Adds a growth step.
#[tauri::command]
pub async fn add_growth_step(
    state: State<'_, AppState>,
    text: String,
) -> CommandResult<ReflectView> {
    Ok(state
        .engine()?
        .add_growth_step(&text, clock::now(), clock::local_zone())?)
}

/// Ticks a growth step off or on.
#[tauri::command]
pub async fn set_growth_step(
    state: State<'_, AppState>,
    id: u32,
    done: bool,
) -> CommandResult<ReflectView> {
    Ok(state
        .engine()?
        .set_growth_step(id, done, clock::now(), clock::local_zone())?)
}

/// Records the decision that ends step 1.
#[tauri::command]
pub async fn decide(state: State<'_, AppState>, decision: String) -> CommandResult<ReflectView> {
    Ok(state
        .engine()?
        .decide(&decision, clock::now(), clock::local_zone())?)
}
