//! The profile: what to call the ex, pronouns, when and how it ended, and the country.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::{care, profile, Crossroads, Profile, ProfileInput, ProfileView, Result};

impl Crossroads {
    /// The stored profile, if any.
    pub fn profile(&self) -> Result<Option<Profile>> {
        profile::load(&self.store)
    }

    /// The stored profile as the UI shows it at `now`, if any.
    pub fn profile_view(&self, now: DateTime<Utc>, tz: Tz) -> Result<Option<ProfileView>> {
        Ok(self.profile()?.map(|p| ProfileView::new(p, now, tz)))
    }

    /// Validates and stores the profile; nothing is stored on error.
    pub fn save_profile(
        &self,
        input: &ProfileInput,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<ProfileView> {
        let saved = self
            .store
            .transact(|tx| profile::save(tx, input, now, tz))?;
        Ok(ProfileView::new(saved, now, tz))
    }

    /// The first run's save: the profile and, when given, the country, in
    /// one action (nothing of either is stored when one is refused).
    pub fn save_profile_and_country(
        &self,
        input: &ProfileInput,
        country: Option<&str>,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<ProfileView> {
        let saved = self.store.transact(|tx| {
            let saved = profile::save(tx, input, now, tz)?;
            if let Some(choice) = country {
                care::set_country(tx, choice, now)?;
            }
            Ok(saved)
        })?;
        Ok(ProfileView::new(saved, now, tz))
    }
}
