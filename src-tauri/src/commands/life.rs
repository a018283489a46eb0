//! Step 4: live your life, the journal and the Progress statistics.

use engine::choice::Choice;
use engine::life::journal::{JournalView, Prompt};
use engine::life::stats::{Range, Statistics};
use engine::life::{ActivityInput, LifeView, TriggerInput};
use engine::{JournalSaved, LifeAnswer};
use tauri::State;

use crate::error::CommandResult;
use crate::milestones::Wake;
use crate::state::AppState;

/// Today's tally, mood and activities, and the trigger plans.
#[tauri::command]
pub async fn get_life(state: State<'_, AppState>) -> CommandResult<LifeView> {
    state
        .run(|engine, clock| engine.life(clock.now(), clock.zone()))
        .await
}

/// Logs an activity.
#[tauri::command]
pub async fn log_activity(
    state: State<'_, AppState>,
    input: ActivityInput,
) -> CommandResult<LifeAnswer> {
    state
        .run(move |engine, clock| engine.log_activity(&input, clock.now(), clock.zone()))
        .await
}

/// Changes an activity.
#[tauri::command]
pub async fn update_activity(
    state: State<'_, AppState>,
    id: u64,
    input: ActivityInput,
) -> CommandResult<LifeAnswer> {
    state
        .run(move |engine, clock| engine.update_activity(id, &input, clock.now(), clock.zone()))
        .await
}

/// Deletes an activity.
#[tauri::command]
pub async fn delete_activity(state: State<'_, AppState>, id: u64) -> CommandResult<LifeView> {
    state
        .run(move |engine, clock| engine.delete_activity(id, clock.now(), clock.zone()))
        .await
}

/// "I thought about them": counted at once.
#[tauri::command]
pub async fn count_thought(state: State<'_, AppState>) -> CommandResult<LifeView> {
    state
        .run(|engine, clock| engine.count_thought(clock.now(), clock.zone()))
        .await
}

/// Today's mood, 1 to 5; `replace` once the person agreed to replace today's.
#[tauri::command]
pub async fn save_mood(
    state: State<'_, AppState>,
    score: i64,
    note: Option<String>,
    replace: bool,
) -> CommandResult<LifeAnswer> {
    state
        .run(move |engine, clock| {
            engine.save_mood(score, note.as_deref(), replace, clock.now(), clock.zone())
        })
        .await
}

/// Adds (`id` null) or changes a trigger plan; the notifier re-plans.
#[tauri::command]
pub async fn save_trigger(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    id: Option<u64>,
    input: TriggerInput,
) -> CommandResult<LifeAnswer> {
    let answer = state
        .run(move |engine, clock| engine.save_trigger(id, &input, clock.now(), clock.zone()))
        .await?;
    wake.now();
    Ok(answer)
}

/// Deletes a trigger plan and its reminder.
#[tauri::command]
pub async fn delete_trigger(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    id: u64,
) -> CommandResult<LifeView> {
    let view = state
        .run(move |engine, clock| engine.delete_trigger(id, clock.now(), clock.zone()))
        .await?;
    wake.now();
    Ok(view)
}

/// The journal, searched for `query`, with today's prompt.
#[tauri::command]
pub async fn get_journal(
    state: State<'_, AppState>,
    query: Option<String>,
) -> CommandResult<JournalView> {
    state
        .run(move |engine, clock| engine.journal(query.as_deref(), clock.now(), clock.zone()))
        .await
}

/// Writes (`id` null) or changes a journal entry.
#[tauri::command]
pub async fn save_journal_entry(
    state: State<'_, AppState>,
    id: Option<u64>,
    text: String,
    prompt: Choice<Prompt>,
) -> CommandResult<JournalSaved> {
    state
        .run(move |engine, clock| {
            engine.save_journal_entry(id, &text, prompt.optional()?, clock.now())
        })
        .await
}

/// Deletes a journal entry.
#[tauri::command]
pub async fn delete_journal_entry(state: State<'_, AppState>, id: u64) -> CommandResult<()> {
    state
        .run(move |engine, _| engine.delete_journal_entry(id))
        .await
}

/// The numbers behind the Progress charts.
#[tauri::command]
pub async fn get_statistics(
    state: State<'_, AppState>,
    range: Choice<Range>,
) -> CommandResult<Statistics> {
    state
        .run(move |engine, clock| engine.statistics(range.picked()?, clock.now(), clock.zone()))
        .await
}
