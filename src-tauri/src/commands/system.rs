//! Facts about the app itself, and the notification check.

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

/// Shows a discreet test notification, so the person can see what they look like.
#[tauri::command]
pub async fn send_test_notification(notifier: State<'_, Notifier>) -> CommandResult<()> {
    notifier
        .send(&notifier::test_message())
        .map_err(|e| CommandError::new("notification", e.to_string()))
}
