//! Safety: the offline resources, and hiding the window at once.

use engine::safety::{self, Resources};
use tauri::{AppHandle, Runtime};

use crate::error::CommandResult;
use crate::window;

/// Crisis and domestic-abuse lines by country.
#[tauri::command]
pub async fn get_safety_resources() -> CommandResult<Resources> {
    Ok(safety::resources())
}

/// Closes the window at once; Crossroads stays in the tray.
#[tauri::command]
pub async fn quick_hide<R: Runtime>(app: AppHandle<R>) -> CommandResult<()> {
    window::hide_now(&app);
    Ok(())
}
