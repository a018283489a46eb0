//! Settings: milestones, notifications, quiet hours, starting at login, and
//! the language of the words.

use engine::choice::Choice;
use engine::{ErrorKind, Language, Settings, SettingsInput};
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
            crate::words::text("errors.autostart", &[("detail", &e)]),
        )
    })?;
    Ok(launcher.is_enabled().unwrap_or(false))
}

/// The person's words, as the UI needs them before its first screen.
#[derive(Debug, Serialize)]
pub struct WordsView {
    /// `"en"`, `"es"`, `"pt-BR"`, `"de"` or `"fr"`.
    pub language: Language,
    /// The BCP 47 locale for dates and numbers, e.g. `"es-MX"`.
    pub locale: String,
    /// The IANA zone the engine counts days in, e.g. `"Europe/Madrid"`: the
    /// UI shows dates in it, not in the webview's own zone.
    pub time_zone: String,
    /// The whole catalog of the language (ui/i18n/<language>.json).
    pub words: &'static serde_json::Value,
}

/// The view of `language`'s words with the clock's zone.
pub fn words_view(language: Language, zone: chrono_tz::Tz) -> WordsView {
    WordsView {
        language,
        locale: crate::words::locale_for(language, &crate::words::system_locale()),
        time_zone: zone.name().to_owned(),
        words: crate::words::catalog(language),
    }
}

/// The words in the person's language (stored, or the system's until the
/// data opens). Answers even when the data could not be opened, so the
/// screen that says so has its words.
#[tauri::command]
pub async fn get_words(state: State<'_, AppState>) -> CommandResult<WordsView> {
    // Settings are readable while locked; a store that failed to open
    // leaves the language as it was.
    let _ = state
        .run(|engine, _| {
            crate::words::settle(engine);
            Ok(())
        })
        .await;
    Ok(words_view(crate::words::current(), state.clock().zone()))
}

/// Stores the language and answers with its words; the tray and the next
/// notifications follow at once.
#[tauri::command]
pub async fn set_language(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    language: Choice<Language>,
) -> CommandResult<WordsView> {
    let language = language.picked()?;
    state
        .run(move |engine, _| engine.set_language(language))
        .await?;
    crate::words::set_current(language);
    // The notifier's next round relabels the tray.
    wake.now();
    Ok(words_view(language, state.clock().zone()))
}
