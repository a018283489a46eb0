//! Step 3: no contact.

use engine::choice::Choice;
use engine::{EventKind, Logged, NoContactView};
use tauri::State;

use crate::error::CommandResult;
use crate::milestones::Wake;
use crate::state::AppState;

/// The day count, the next milestone, today's log and the history.
#[tauri::command]
pub async fn get_no_contact(state: State<'_, AppState>) -> CommandResult<NoContactView> {
    state
        .run(|engine, clock| engine.no_contact(clock.now(), clock.zone()))
        .await
}

/// Starts no contact now, or back-dated to `since` (local date and time).
#[tauri::command]
pub async fn start_no_contact(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    since: Option<String>,
) -> CommandResult<NoContactView> {
    let view = state
        .run(move |engine, clock| {
            engine.start_no_contact(since.as_deref(), clock.now(), clock.zone())
        })
        .await?;
    wake.now();
    Ok(view)
}

/// Undoes a logged moment (the streak is recomputed, the history says
/// so); the notifier re-plans at once.
#[tauri::command]
pub async fn undo_event(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    id: String,
) -> CommandResult<NoContactView> {
    let view = state
        .run(move |engine, clock| engine.undo_event(&id, clock.now(), clock.zone()))
        .await?;
    wake.now();
    Ok(view)
}

/// Changes (or removes, when empty) the note of a logged moment.
#[tauri::command]
pub async fn set_event_note(
    state: State<'_, AppState>,
    id: String,
    note: String,
) -> CommandResult<Logged> {
    state
        .run(move |engine, clock| engine.set_event_note(&id, &note, clock.now(), clock.zone()))
        .await
}

/// Logs what happened in two taps; the notifier re-plans at once.
#[tauri::command]
pub async fn log_event(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    kind: Choice<EventKind>,
    note: Option<String>,
) -> CommandResult<Logged> {
    let logged = state
        .run(move |engine, clock| {
            engine.log_event(kind.picked()?, note.as_deref(), clock.now(), clock.zone())
        })
        .await?;
    wake.now();
    Ok(logged)
}
