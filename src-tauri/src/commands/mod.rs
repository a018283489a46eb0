//! The commands the UI calls, one file per family. Each takes state, calls
//! the engine, and maps the error; none holds a rule of the program.

pub mod backups;
pub mod care;
pub mod data;
pub mod dealbreakers;
pub mod drafts;
pub mod endings;
pub mod life;
pub mod no_contact;
pub mod perf;
pub mod privacy;
pub mod profile;
pub mod program;
pub mod reflect;
pub mod safety;
pub mod settings;
pub mod system;

use crate::error::{CommandError, CommandResult};

/// Runs `work` on the blocking pool (file dialogs, backups outside the
/// engine's own calls), so no async worker waits on it.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> CommandResult<T> + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(CommandError::internal)?
}

#[cfg(test)]
mod tests;
