//! The profile: what to call them, pronouns, when and how it ended.

use engine::{ProfileInput, ProfileView};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The profile, once given.
#[tauri::command]
pub async fn get_profile(state: State<'_, AppState>) -> CommandResult<Option<ProfileView>> {
    state
        .run(|engine, clock| engine.profile_view(clock.now(), clock.zone()))
        .await
}

/// Validates and saves the profile, and the country when the first run
/// sends it (a listed code, or "not_listed"); nothing is stored on error.
#[tauri::command]
pub async fn save_profile(
    state: State<'_, AppState>,
    input: ProfileInput,
    country: Option<String>,
) -> CommandResult<ProfileView> {
    state
        .run(move |engine, clock| {
            engine.save_profile_and_country(&input, country.as_deref(), clock.now(), clock.zone())
        })
        .await
}
