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
//! - [`text`]: the shared text analysis (tokens that see through missing
//!   apostrophes, emphasis and slang; phrase patterns kept as data) and the
//!   crisis and danger detector built on it, measured by `cargo xtask eval`.
//! - [`dealbreakers`]: the four questions before step 1, the recommendation,
//!   and the path chosen after it.
//! - [`reflect`]: step 1: prompts, pattern check, growth plan, decision.
//! - [`drafts`] and [`begging`]: step 2: the unsent drafts vault, the
//!   begging detector, and the pledge.
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

pub mod begging;
pub mod dealbreakers;
pub mod drafts;
pub mod error;
pub mod no_contact;
pub mod profile;
pub mod program;
pub mod reflect;
pub mod safety;
pub mod store;
pub mod text;
pub mod time;

use std::path::Path;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

pub use error::{Error, ErrorKind, Result};
pub use no_contact::{Announcement, Check, NoContactView, Settings, SettingsInput};
pub use profile::{EndedBy, Profile, ProfileInput, ProfileView, Pronouns};
pub use program::Overview;
pub use store::Store;

/// The answer to saving free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TextSaved {
    /// Whether the text had words of crisis: the UI then offers help gently.
    pub crisis_support: bool,
}

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
        Ok(program::overview(&program::Facts::load(
            &self.store,
            now,
            tz,
        )?))
    }

    /// The dealbreaker check as it stands.
    pub fn dealbreakers(&self) -> Result<dealbreakers::DealbreakerView> {
        dealbreakers::view(&self.store)
    }

    /// Records the four dealbreaker answers.
    pub fn answer_dealbreakers(
        &self,
        input: &dealbreakers::AnswersInput,
        now: DateTime<Utc>,
    ) -> Result<dealbreakers::DealbreakerView> {
        dealbreakers::answer(&self.store, input, now)
    }

    /// Records the path chosen after a recommendation (`"moving_on"` or `"continue"`).
    pub fn choose_path(
        &self,
        path: &str,
        acknowledged: bool,
        now: DateTime<Utc>,
    ) -> Result<dealbreakers::DealbreakerView> {
        dealbreakers::choose(&self.store, path, acknowledged, now)
    }

    /// Step 1 as the UI shows it.
    pub fn reflection(&self, now: DateTime<Utc>, tz: Tz) -> Result<reflect::ReflectView> {
        reflect::view(&self.store, now, tz)
    }

    /// Saves one step-1 answer as typed; says whether it calls for the crisis card.
    pub fn save_reflection(&self, field: &str, value: &str) -> Result<TextSaved> {
        reflect::save_answer(&self.store, field, value)?;
        Ok(TextSaved {
            crisis_support: safety::mentions_crisis(value),
        })
    }

    /// Adds a growth step.
    pub fn add_growth_step(
        &self,
        text: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<reflect::ReflectView> {
        reflect::add_step(&self.store, text)?;
        self.reflection(now, tz)
    }

    /// Ticks a growth step off or on.
    pub fn set_growth_step(
        &self,
        id: u32,
        done: bool,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<reflect::ReflectView> {
        reflect::set_step_done(&self.store, id, done)?;
        self.reflection(now, tz)
    }

    /// Records step 1's decision (`"try"` or `"move_on"`).
    pub fn decide(
        &self,
        decision: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<reflect::ReflectView> {
        reflect::decide(&self.store, decision, now)?;
        self.reflection(now, tz)
    }

    /// Step 2: drafts (with their reading) and the pledge.
    pub fn vault(&self) -> Result<drafts::VaultView> {
        drafts::view(&self.store)
    }

    /// Saves a draft (new when `id` is none). It is never sent.
    pub fn save_draft(
        &self,
        id: Option<u64>,
        text: &str,
        apology_for_later: bool,
        now: DateTime<Utc>,
    ) -> Result<drafts::DraftView> {
        drafts::save(&self.store, id, text, apology_for_later, now)
    }

    /// Records the pledge not to beg.
    pub fn pledge(&self, text: &str, now: DateTime<Utc>) -> Result<drafts::Pledge> {
        drafts::pledge(&self.store, text, now)
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
        if !program::no_contact_open(&self.store)? {
            return Err(Error::OutOfOrder(
                "No contact opens after the dealbreaker check.".into(),
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

    /// Records a profile, an all-"no" dealbreaker check, a reason and the
    /// decision to try: step 2 is open.
    pub fn open_through_step_one(store: &Store, now: DateTime<Utc>) {
        let profile = crate::ProfileInput {
            ex_name: "Ari".into(),
            pronouns: "they".into(),
            breakup_date: "2026-01-01".into(),
            ended_by: "mutual".into(),
        };
        crate::profile::save(store, &profile, now, chrono_tz::UTC).unwrap();
        let no = || "no".to_owned();
        let answers = crate::dealbreakers::AnswersInput {
            cheated: no(),
            lied: no(),
            put_down: no(),
            abusive: no(),
        };
        crate::dealbreakers::answer(store, &answers, now).unwrap();
        crate::reflect::save_answer(store, "reason", "We drifted apart").unwrap();
        crate::reflect::decide(store, "try", now).unwrap();
    }

    /// A store in a fresh temporary folder; keep the folder alive with it.
    pub fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = temp_dir();
        let store = Store::open(dir.path()).expect("open store");
        (dir, store)
    }
}
