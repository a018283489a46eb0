//! Step 1: reflect.

use engine::choice::Choice;
use engine::reflect::{Decision, GrowthWay, Pattern, Prompt, ReflectView};
use engine::TextSaved;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The prompts' answers, the growth plan and the decision.
#[tauri::command]
pub async fn get_reflection(state: State<'_, AppState>) -> CommandResult<ReflectView> {
    state
        .run(|engine, clock| engine.reflection(clock.now(), clock.zone()))
        .await
}

/// Saves one prompt's answer as typed; answers only once it is on disk.
#[tauri::command]
pub async fn save_reflection(
    state: State<'_, AppState>,
    prompt: Choice<Prompt>,
    value: String,
) -> CommandResult<TextSaved> {
    state
        .run(move |engine, clock| engine.save_reflection(prompt.picked()?, &value, clock.now()))
        .await
}

/// Records whether this has come up in earlier relationships.
#[tauri::command]
pub async fn set_pattern(
    state: State<'_, AppState>,
    pattern: Choice<Pattern>,
) -> CommandResult<ReflectView> {
    state
        .run(move |engine, clock| engine.set_pattern(pattern.picked()?, clock.now(), clock.zone()))
        .await
}

/// Records the way to work on it.
#[tauri::command]
pub async fn set_growth_way(
    state: State<'_, AppState>,
    way: Choice<GrowthWay>,
) -> CommandResult<ReflectView> {
    state
        .run(move |engine, clock| engine.set_growth_way(way.picked()?, clock.now(), clock.zone()))
        .await
}

/// Adds a growth step.
#[tauri::command]
pub async fn add_growth_step(
    state: State<'_, AppState>,
    text: String,
) -> CommandResult<ReflectView> {
    state
        .run(move |engine, clock| engine.add_growth_step(&text, clock.now(), clock.zone()))
        .await
}

/// Ticks a growth step off or on.
#[tauri::command]
pub async fn set_growth_step(
    state: State<'_, AppState>,
    id: u32,
    done: bool,
) -> CommandResult<ReflectView> {
    state
        .run(move |engine, clock| engine.set_growth_step(id, done, clock.now(), clock.zone()))
        .await
}

/// Records the decision that ends step 1.
#[tauri::command]
pub async fn decide(
    state: State<'_, AppState>,
    decision: Choice<Decision>,
) -> CommandResult<ReflectView> {
    state
        .run(move |engine, clock| engine.decide(decision.picked()?, clock.now(), clock.zone()))
        .await
}
