//! The person's profile.

use engine::{ProfileInput, ProfileView};
use tauri::State;

use crate::clock;
use crate::error::CommandResult;
use crate::state::AppState;

/// The stored profile, or `null` before the first save.
#[tauri::command]
pub async fn get_profile(state: State<'_, AppState>) -> CommandResult<Option<ProfileView>> {
    Ok(state
        .engine()?
        .profile_view(clock::now(), clock::local_zone())?)
}

/// Validates and saves the profile; answers only once it is on disk.
#[tauri::command]
pub async fn save_profile(
    state: State<'_, AppState>,
    input: ProfileInput,
) -> CommandResult<ProfileView> {
    Ok(state
        .engine()?
        .save_profile(&input, clock::now(), clock::local_zone())?)
}
