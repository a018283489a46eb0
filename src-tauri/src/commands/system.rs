//! Facts about the app itself, and the notification check.

use engine::ErrorKind;
use serde::Serialize;
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::notifier::{self, Notifier};
use crate::state::AppState;

/// What the settings screen shows about the app.
#[derive(Debug, Serialize)]
pub struct AppInfo {
    /// The app's version.
    pub version: &'static str,
    /// Where the data lives on this computer.
    pub data_dir: String,
}

/// The version and the data folder.
#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        data_dir: state.data_dir().display().to_string(),
    })
}

/// Shows a discreet test notification, so the person can see what they look
/// like. Waits for the service on the blocking pool, never on an async worker.
#[tauri::command]
pub async fn send_test_notification(notifier: State<'_, Notifier>) -> CommandResult<()> {
    let notifier = notifier.inner().clone();
    tauri::async_runtime::spawn_blocking(move || notifier.send(&notifier::test_message()))
        .await
        .map_err(CommandError::internal)?
        .map_err(|e| {
            CommandError::new(
                ErrorKind::Notification,
                crate::words::text("errors.notification", &[("detail", &e)]),
            )
        })
}
