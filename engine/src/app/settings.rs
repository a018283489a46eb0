//! App-wide settings: the language, milestones and quiet hours.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::{
    no_contact, schedule, settings, Crossroads, Language, Result, Settings, SettingsInput,
};

impl Crossroads {
    /// The no-contact settings (milestones, notifications, quiet hours).
    pub fn settings(&self) -> Result<Settings> {
        no_contact::settings(&self.store)
    }

    /// Stores the language of Crossroads' words; the other settings stay.
    pub fn set_language(&self, language: Language) -> Result<Settings> {
        self.store
            .transact(|tx| settings::set_language(tx, language))
    }

    /// Validates and stores the no-contact settings; what is due follows
    /// them (see [`schedule::save_settings`]).
    pub fn save_settings(
        &self,
        input: &SettingsInput,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Settings> {
        self.store
            .transact(|tx| schedule::save_settings(tx, input, now, tz))
    }
}
