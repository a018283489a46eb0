//! Care: the crisis card's reading of text being typed, the person's
//! country for the help lines, and their personal safety plan.

use engine::care::{CardReading, CardView, CountryView, SafetyPlan, SafetyPlanInput};
use engine::choice::Choice;
use engine::safety::Care;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Whether text being typed calls for the crisis card, and how (checked
/// when typing pauses); stores nothing.
#[tauri::command]
pub async fn check_text(state: State<'_, AppState>, text: String) -> CommandResult<Option<Care>> {
    state.run(move |engine, _| engine.check_text(&text)).await
}

/// The crisis card laid out by the engine for a reading (none: the person
/// asked for support).
#[tauri::command]
pub async fn get_care_card(
    state: State<'_, AppState>,
    reading: Choice<CardReading>,
) -> CommandResult<CardView> {
    state
        .run(move |engine, _| engine.care_card(reading.optional()?))
        .await
}

/// The person's country, as chosen.
#[tauri::command]
pub async fn get_country(state: State<'_, AppState>) -> CommandResult<CountryView> {
    state.run(|engine, _| engine.country()).await
}

/// Records the person's country (a listed code, or "not_listed").
#[tauri::command]
pub async fn set_country(
    state: State<'_, AppState>,
    country: String,
) -> CommandResult<CountryView> {
    state
        .run(move |engine, clock| engine.set_country(&country, clock.now()))
        .await
}

/// The personal safety plan.
#[tauri::command]
pub async fn get_safety_plan(state: State<'_, AppState>) -> CommandResult<SafetyPlan> {
    state.run(|engine, _| engine.safety_plan()).await
}

/// Validates and saves the personal safety plan.
#[tauri::command]
pub async fn save_safety_plan(
    state: State<'_, AppState>,
    input: SafetyPlanInput,
) -> CommandResult<SafetyPlan> {
    state
        .run(move |engine, clock| engine.save_safety_plan(&input, clock.now()))
        .await
}
