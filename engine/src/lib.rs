//! The core of Crossroads: the program a person goes through after a
//! breakup, its rules, and its storage. No UI, no Tauri, and no reading of
//! the system clock: every function that depends on time takes `now` and
//! the local time zone.
//!
//! # Layout
//!
//! - [`error`]: the one error type, with a [`ErrorKind`] the UI branches on
//!   and the field a refused input concerns.
//! - [`store`]: durable storage over sled; the only module that names it.
//!   Every write is flushed before it returns.
//! - [`profile`]: what to call the ex, pronouns, when and how it ended.
//! - [`time`]: local wall time and the instants it names (DST gaps and folds).
//! - [`no_contact`]: step 3: the streak clock, the two-tap log, milestones,
//!   and which notifications are due (each exactly once).
//! - [`safety`]: crisis and abuse lines by country (offline), and the
//!   detection of crisis language in free text.
//! - [`program`]: the dealbreaker check and six steps, each with a status
//!   derived from recorded facts, and the reason a locked step is locked.
//! - [`Crossroads`]: the facade the desktop shell calls, one method per
//!   action, so the shell holds no rules of its own.
//!
//! # Example
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use engine::{Crossroads, ProfileInput};
//! use engine::program::StepId;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let app = Crossroads::open(dir.path()).unwrap();
//! let now = Utc.with_ymd_and_hms(2026, 5, 1, 20, 0, 0).unwrap();
//! let tz = chrono_tz::America::Chicago;
//!
//! assert!(!app.overview(now, tz).unwrap().has_profile);
//! app.save_profile(&ProfileInput {
//!     ex_name: "Jordan".into(),
//!     pronouns: "they".into(),
//!     breakup_date: "2026-04-18".into(),
//!     ended_by: "them".into(),
//! }, now, tz).unwrap();
//! assert_eq!(app.overview(now, tz).unwrap().next_step, Some(StepId::Dealbreakers));
//! ```

pub mod error;
pub mod no_contact;
pub mod profile;
pub mod program;
pub mod safety;
pub mod store;
pub mod time;

use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

pub use error::{Error, ErrorKind, Result};
pub use no_contact::{Announcement, Check, NoContactView, Settings, SettingsInput};
pub use profile::{EndedBy, Profile, ProfileInput, ProfileView, Pronouns};
pub use program::Overview;
pub use store::Store;

/// The answer to logging an event.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Logged {
    /// Step 3 after the entry.
    #[serde(flatten)]
    pub view: NoContactView,
    /// Whether the note had words of crisis: the UI then offers help gently.
    pub crisis_support: bool,
}

/// One person's program over one open store: the API the shell calls.
#[derive(Debug, Clone)]
pub struct Crossroads {
    store: Store,
}

impl Crossroads {
    /// Opens the data folder `dir`, creating it if needed.
    pub fn open(dir: &Path) -> Result<Crossroads> {
        Ok(Crossroads {
            store: Store::open(dir)?,
        })
    }

    /// The underlying store (for backups and the data folder's location).
    pub fn store(&self) -> &Store {
        &self.store
    }

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
        let saved = profile::save(&self.store, input, now, tz)?;
        Ok(ProfileView::new(saved, now, tz))
    }

    /// The program at a glance, derived from what is recorded.
    pub fn overview(&self, now: DateTime<Utc>, tz: Tz) -> Result<Overview> {
        let facts = program::Facts {
            profile: self.profile()?,
            no_contact_days: no_contact::current_days(&self.store, now, tz)?,
        };
        Ok(program::overview(&facts))
    }

    /// Step 3 as the UI shows it.
    pub fn no_contact(&self, now: DateTime<Utc>, tz: Tz) -> Result<NoContactView> {
        no_contact::view(&self.store, now, tz)
    }

    /// Starts no contact now, or back-dated to `since` (local `YYYY-MM-DDTHH:MM[:SS]`).
    pub fn start_no_contact(
        &self,
        since: Option<&str>,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<NoContactView> {
        if self.profile()?.is_none() {
            return Err(Error::OutOfOrder(
                "Tell Crossroads a little about the breakup first.".into(),
            ));
        }
        no_contact::start(&self.store, since, now, tz)?;
        self.no_contact(now, tz)
    }

    /// Logs a no-contact event (`kind` as the UI names it) with an optional
    /// note, and says whether the note calls for the crisis resources.
    pub fn log_event(
        &self,
        kind: &str,
        note: Option<&str>,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Logged> {
        no_contact::log(&self.store, kind, note, now)?;
        Ok(Logged {
            view: self.no_contact(now, tz)?,
            crisis_support: note.is_some_and(safety::mentions_crisis),
        })
    }

    /// The no-contact settings (milestones, notifications, quiet hours).
    pub fn settings(&self) -> Result<Settings> {
        no_contact::settings(&self.store)
    }

    /// Validates and stores the no-contact settings.
    pub fn save_settings(
        &self,
        input: &SettingsInput,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Settings> {
        no_contact::save_settings(&self.store, input, now, tz)
    }

    /// What the notifier should announce now; recorded before it is returned.
    pub fn check_milestones(&self, now: DateTime<Utc>, tz: Tz) -> Result<Check> {
        no_contact::check(&self.store, now, tz)
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Small fixtures shared by the engine's tests.

    use chrono::{DateTime, Utc};

    use crate::store::Store;

    /// Parses an RFC 3339 instant; panics on a typo in a test.
    pub fn instant(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap_or_else(|e| panic!("bad test instant {text}: {e}"))
            .with_timezone(&Utc)
    }

    /// A fresh temporary folder, deleted when dropped.
    pub fn temp_dir() -> tempfile::TempDir {
        tempfile::tempdir().expect("temp dir")
    }

    /// A store in a fresh temporary folder; keep the folder alive with it.
    pub fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = temp_dir();
        let store = Store::open(dir.path()).expect("open store");
        (dir, store)
    }
}
