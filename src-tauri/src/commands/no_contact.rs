//! Step 3: no contact.

use engine::{Logged, NoContactView};
use tauri::State;

use crate::clock;
use crate::error::CommandResult;
use crate::milestones::Wake;
use crate::state::AppState;

/// The streak, the next milestone, today's log and the history.
#[tauri::command]
pub async fn get_no_contact(state: State<'_, AppState>) -> CommandResult<NoContactView> {
    Ok(state
        .engine()?
        .no_contact(clock::now(), clock::local_zone())?)
}

/// Starts no contact now, or back-dated to `since` (local date and time).
#[tauri::command]
pub async fn start_no_contact(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    since: Option<String>,
) -> CommandResult<NoContactView> {
    let view =
        state
            .engine()?
            .start_no_contact(since.as_deref(), clock::now(), clock::local_zone())?;
    wake.now();
    Ok(view)
}

/// Logs a slip, their contact, or a resisted urge, with an optional note.
#[tauri::command]
pub async fn log_event(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    kind: String,
    note: Option<String>,
) -> CommandResult<Logged> {
    let view =
        state
            .engine()?
            .log_event(&kind, note.as_deref(), clock::now(), clock::local_zone())?;
    wake.now();
    Ok(view)
}
