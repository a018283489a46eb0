//! Settings: milestones, notifications, quiet hours, and starting at login.

use engine::{ErrorKind, Settings, SettingsInput};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_autostart::ManagerExt;

use crate::error::{CommandError, CommandResult};
use crate::milestones::Wake;
use crate::state::AppState;

/// The settings screen's values.
#[derive(Debug, Serialize)]
pub struct SettingsView {
    /// What the engine stores.
    #[serde(flatten)]
    pub settings: Settings,
    /// Whether Crossroads starts at login (the OS's answer, not a copy).
    pub autostart: bool,
}

fn view<R: Runtime>(app: &AppHandle<R>, settings: Settings) -> SettingsView {
    SettingsView {
        settings,
        autostart: app.autolaunch().is_enabled().unwrap_or(false),
    }
}

/// The current settings.
#[tauri::command]
pub async fn get_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<SettingsView> {
    let settings = state.run(|engine, _| engine.settings()).await?;
    Ok(view(&app, settings))
}

/// Validates and saves the settings; the milestone notifier re-plans at once.
#[tauri::command]
pub async fn save_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    input: SettingsInput,
) -> CommandResult<SettingsView> {
    let settings = state
        .run(move |engine, clock| engine.save_settings(&input, clock.now(), clock.zone()))
        .await?;
    wake.now();
    Ok(view(&app, settings))
}

/// Turns starting at login on or off; answers with the OS's new state.
#[tauri::command]
pub async fn set_autostart<R: Runtime>(app: AppHandle<R>, enabled: bool) -> CommandResult<bool> {
    let launcher = app.autolaunch();
    let outcome = if enabled {
        launcher.enable()
    } else {
        launcher.disable()
    };
    outcome.map_err(|e| {
        CommandError::new(
            ErrorKind::Autostart,
            format!("Crossroads could not change starting at login: {e}"),
        )
    })?;
    Ok(launcher.is_enabled().unwrap_or(false))
}
