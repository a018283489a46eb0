//! Step 5 (reach out), step 6 (a better relationship) and moving on.

use engine::choice::Choice;
use engine::moving_on::{ArchiveSummary, ArchiveView, Closure, Field};
use engine::reach_out::{CareChoice, Note, NoteView, Outcome, ReachOutView};
use engine::together::{CheckIn, CooldownView, HouseRulesInput, List, TogetherView};
use engine::{Overview, TextSaved, TogetherAnswer};
use tauri::State;

use crate::error::CommandResult;
use crate::milestones::Wake;
use crate::state::AppState;

/// Step 5: the plan with the coach's marks, the apologies, the outcome.
#[tauri::command]
pub async fn get_reach_out(state: State<'_, AppState>) -> CommandResult<ReachOutView> {
    state
        .run(|engine, clock| engine.reach_out(clock.now()))
        .await
}

/// Answers step 5's "how are you doing?" after a crisis reading: wait, or
/// go on (the person's choice, recorded).
#[tauri::command]
pub async fn answer_care_check(
    state: State<'_, AppState>,
    choice: Choice<CareChoice>,
) -> CommandResult<ReachOutView> {
    state
        .run(move |engine, clock| {
            engine.answer_care_check(choice.picked()?, clock.now(), clock.zone())
        })
        .await
}

/// Saves one note of the conversation plan; answers with the coach's reading.
#[tauri::command]
pub async fn save_plan_note(
    state: State<'_, AppState>,
    note: Choice<Note>,
    text: String,
) -> CommandResult<NoteView> {
    state
        .run(move |engine, clock| {
            engine.save_plan_note(note.picked()?, &text, clock.now(), clock.zone())
        })
        .await
}

/// Pulls an apology from the drafts vault into the plan (null: takes it out).
#[tauri::command]
pub async fn use_apology(
    state: State<'_, AppState>,
    id: Option<u64>,
) -> CommandResult<ReachOutView> {
    state
        .run(move |engine, clock| engine.use_apology(id, clock.now(), clock.zone()))
        .await
}

/// Records how the conversation ended; step 6 or moving on may open.
#[tauri::command]
pub async fn record_outcome(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    outcome: Choice<Outcome>,
) -> CommandResult<Overview> {
    let overview = state
        .run(move |engine, clock| {
            engine.record_outcome(outcome.picked()?, clock.now(), clock.zone())
        })
        .await?;
    wake.now();
    Ok(overview)
}

/// Step 6: lists, house rules, the next check-in, the history, the cooldown.
#[tauri::command]
pub async fn get_together(state: State<'_, AppState>) -> CommandResult<TogetherView> {
    state
        .run(|engine, clock| engine.together(clock.now(), clock.zone()))
        .await
}

/// Adds an item to one of step 6's lists.
#[tauri::command]
pub async fn add_together_item(
    state: State<'_, AppState>,
    list: Choice<List>,
    text: String,
) -> CommandResult<TogetherAnswer> {
    state
        .run(move |engine, clock| {
            engine.add_together_item(list.picked()?, &text, clock.now(), clock.zone())
        })
        .await
}

/// Removes an item from one of step 6's lists.
#[tauri::command]
pub async fn remove_together_item(
    state: State<'_, AppState>,
    list: Choice<List>,
    id: u32,
) -> CommandResult<TogetherView> {
    state
        .run(move |engine, clock| {
            engine.remove_together_item(list.picked()?, id, clock.now(), clock.zone())
        })
        .await
}

/// Saves the house rules; the check-in reminders re-plan at once.
#[tauri::command]
pub async fn save_house_rules(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    input: HouseRulesInput,
) -> CommandResult<TogetherView> {
    let view = state
        .run(move |engine, clock| engine.save_house_rules(&input, clock.now(), clock.zone()))
        .await?;
    wake.now();
    Ok(view)
}

/// Saves a check-in.
#[tauri::command]
pub async fn save_check_in(
    state: State<'_, AppState>,
    input: CheckIn,
) -> CommandResult<TogetherAnswer> {
    state
        .run(move |engine, clock| engine.save_check_in(&input, clock.now(), clock.zone()))
        .await
}

/// Starts the cooldown timer; the tray shows the minutes left.
#[tauri::command]
pub async fn start_cooldown(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
) -> CommandResult<CooldownView> {
    let view = state
        .run(|engine, clock| engine.start_cooldown(clock.now()))
        .await?;
    wake.now();
    Ok(view)
}

/// Stops a running cooldown early.
#[tauri::command]
pub async fn stop_cooldown(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
) -> CommandResult<TogetherView> {
    let view = state
        .run(|engine, clock| engine.stop_cooldown(clock.now(), clock.zone()))
        .await?;
    wake.now();
    Ok(view)
}

/// The closure notes.
#[tauri::command]
pub async fn get_closure(state: State<'_, AppState>) -> CommandResult<Closure> {
    state.run(|engine, _| engine.closure()).await
}

/// Takes the moving-on path.
#[tauri::command]
pub async fn choose_moving_on(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
) -> CommandResult<Overview> {
    let overview = state
        .run(|engine, clock| engine.choose_moving_on(clock.now(), clock.zone()))
        .await?;
    wake.now();
    Ok(overview)
}

/// Saves one closure note as typed.
#[tauri::command]
pub async fn save_closure(
    state: State<'_, AppState>,
    field: Choice<Field>,
    text: String,
) -> CommandResult<TextSaved> {
    state
        .run(move |engine, clock| {
            engine.save_closure(field.picked()?, &text, clock.now(), clock.zone())
        })
        .await
}

/// Archives the program: kept whole, readable, read-only.
#[tauri::command]
pub async fn archive_program(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
) -> CommandResult<ArchiveSummary> {
    let summary = state
        .run(|engine, clock| engine.archive_program(clock.now(), clock.zone()))
        .await?;
    wake.now();
    Ok(summary)
}

/// Erases the program once the confirmation word is typed.
#[tauri::command]
pub async fn erase_program(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    confirmation: String,
) -> CommandResult<Overview> {
    let overview = state
        .run(move |engine, clock| engine.erase_program(&confirmation, clock.now(), clock.zone()))
        .await?;
    wake.now();
    Ok(overview)
}

/// The archived programs, newest first.
#[tauri::command]
pub async fn list_archives(state: State<'_, AppState>) -> CommandResult<Vec<ArchiveSummary>> {
    state.run(|engine, _| engine.archives()).await
}

/// One archived program, read-only.
#[tauri::command]
pub async fn get_archive(state: State<'_, AppState>, id: String) -> CommandResult<ArchiveView> {
    state
        .run(move |engine, clock| engine.archived(&id, clock.now(), clock.zone()))
        .await
}
