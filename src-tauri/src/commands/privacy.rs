//! Privacy: the passphrase and the lock, idle locking and very discreet
//! notifications.

use engine::privacy::PrivacySettings;
use engine::{Encryption, KeyCost};
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::state::AppState;
use crate::window;

/// Whether a passphrase is set, and whether the data is locked.
#[tauri::command]
pub async fn get_encryption(state: State<'_, AppState>) -> CommandResult<Encryption> {
    state.run(|engine, _| Ok(engine.encryption())).await
}

/// Opens locked data; a wrong passphrase is an error on its field.
#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, passphrase: String) -> CommandResult<Encryption> {
    state.run(move |engine, _| engine.unlock(&passphrase)).await
}

/// Locks now; with `hide`, also closes the window so nothing stays on
/// screen (otherwise the page shows its lock screen).
#[tauri::command]
pub async fn lock_now<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    hide: bool,
) -> CommandResult<Encryption> {
    let locked = state.run(|engine, _| Ok(engine.lock())).await?;
    if hide {
        window::hide_now(&app);
    }
    Ok(locked)
}

/// Sets a first passphrase (typed twice). The key derivation is calibrated
/// to about half a second on this machine.
#[tauri::command]
pub async fn set_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
    repeat: String,
) -> CommandResult<Encryption> {
    state
        .run(move |engine, clock| {
            engine.set_passphrase(&passphrase, &repeat, KeyCost::calibrated(), clock.now())
        })
        .await
}

/// Replaces the passphrase.
#[tauri::command(rename_all = "snake_case")]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
    new_passphrase: String,
    repeat: String,
) -> CommandResult<Encryption> {
    state
        .run(move |engine, _| {
            engine.change_passphrase(&passphrase, &new_passphrase, &repeat, KeyCost::calibrated())
        })
        .await
}

/// Removes the passphrase (the current one is asked for).
#[tauri::command]
pub async fn remove_passphrase(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<Encryption> {
    state
        .run(move |engine, _| engine.remove_passphrase(&passphrase))
        .await
}

/// The privacy choices.
#[tauri::command]
pub async fn get_privacy(state: State<'_, AppState>) -> CommandResult<PrivacySettings> {
    state.run(|engine, _| engine.privacy()).await
}

/// Stores the privacy choices.
#[tauri::command]
pub async fn save_privacy(
    state: State<'_, AppState>,
    input: PrivacySettings,
) -> CommandResult<PrivacySettings> {
    state.run(move |engine, _| engine.save_privacy(input)).await
}
