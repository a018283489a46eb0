//! The core of Crossroads: the program a person goes through after a
//! breakup, its rules, and its storage. No UI, no Tauri, and no reading of
//! the system clock: every function that depends on time takes `now` and
//! the local time zone.
//!
//! # Layout
//!
//! Layers, each importing only from its own or a lower one (the test in
//! `tests/layers.rs` reads the `crate::` paths and fails on one that runs up):
//!
//! - facade: [`Crossroads`] here, its methods in `app/` (one file per
//!   family of commands): checks the gate, calls a step, answers a view
//!   (with the times the schedule answers filled in: the next milestone,
//!   reminder, check-in).
//! - [`schedule`]: everything due in time, one file per kind of moment:
//!   `milestones.rs`, `reminders.rs` (step 4's trigger plans),
//!   `check_ins.rs` (step 6's check-ins and the cooldown's end). It reads
//!   the steps' records, decides what falls due when, records what was
//!   announced, puts it in the outbox (the only module that does), and
//!   keeps what is due in step with saved settings; it asks [`program`]
//!   whether step 6 is open.
//! - [`program`]: every gate and status, derived from the steps' facts.
//! - steps: [`settings`], [`privacy`], [`care`], [`profile`],
//!   [`dealbreakers`], [`reflect`] (step 1), [`drafts`] (step 2),
//!   [`no_contact`] (step 3), [`life`] (step 4), [`reach_out`] (step 5),
//!   [`together`] (step 6), [`moving_on`], [`moments`], [`markdown`]: each
//!   owns its records and views (read and written by itself, with plain
//!   accessors for the layers above), and knows nothing of order or of
//!   when anything falls due.
//! - storage: `store` (private; one file per concern: the one write path
//!   in `tx.rs`, reading, the cache of decoded records, sealing (encryption
//!   at rest), the damage check on open, migrations, backups, export; and
//!   `sled.rs`, the only file that names sled) and [`outbox`] (what is to
//!   be announced, exactly once).
//! - base: [`text`], [`begging`], [`coach`] and [`safety`] (the text
//!   analysis, detectors and help lines), [`time`], [`error`], [`choice`],
//!   [`language`], and [`stage`] (the program's steps and endings by name).
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

mod app;
pub mod begging;
pub mod care;
pub mod choice;
pub mod coach;
pub mod dealbreakers;
pub mod drafts;
pub mod error;
pub mod language;
pub mod life;
pub mod markdown;
pub mod moments;
pub mod moving_on;
pub mod no_contact;
pub mod outbox;
pub mod privacy;
pub mod profile;
pub mod program;
pub mod reach_out;
pub mod reflect;
pub mod safety;
pub mod schedule;
pub mod settings;
pub mod stage;
mod store;
pub mod text;
pub mod time;
pub mod together;

use std::path::Path;

pub use error::{Error, ErrorKind, Message, Result};
pub use language::Language;
pub use no_contact::{EventKind, NoContactView};
pub use outbox::{Announcement, Pending};
pub use profile::{EndedBy, Profile, ProfileInput, ProfileView, Pronouns};
pub use program::Overview;
pub use schedule::Check;
pub use settings::{Settings, SettingsInput};
pub use store::backup::{BackupInfo, Reason as BackupReason};
pub use store::crypto::{Cost as KeyCost, PASSPHRASE_MIN_CHARS};
pub use store::export::{Imported, EXPORT_FORMAT, IMPORT_MAX_BYTES};
pub use store::SCHEMA_VERSION;

use store::{Read, Store};

/// One tree's records as stored: key bytes and the stored JSON value
/// (see [`Crossroads::raw_records`]).
#[cfg(any(test, feature = "test-hooks"))]
pub type RawRecords = Vec<(Vec<u8>, serde_json::Value)>;

/// Writes held back (see [`Crossroads::hold_writes`]) until dropped.
pub struct WritesHeld<'a>(#[allow(dead_code)] std::sync::MutexGuard<'a, u64>);

/// The answer to a save of words the person wrote: what the screen shows
/// after it (flattened into the answer), with the crisis card's reading of
/// the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Saved<V> {
    /// What the screen shows after the save.
    #[serde(flatten)]
    pub view: V,
    /// Whether the words had signs of crisis: the UI then offers help gently.
    pub crisis_support: bool,
    /// The crisis card's reading (tier, danger from someone), when the
    /// words bring the card.
    pub care: Option<safety::Care>,
}

impl<V> Saved<V> {
    /// The answer showing `view`, for words the crisis card read as `care`.
    fn new(view: V, care: Option<safety::Care>) -> Saved<V> {
        Saved {
            view,
            crisis_support: care.is_some(),
            care,
        }
    }
}

/// Nothing to show beyond the reading (a step-1 answer, a closure note).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct NoView {}

/// The journal entry as saved.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntrySaved {
    /// The entry as saved.
    pub entry: life::journal::EntryView,
}

/// The answer to saving free text with nothing else to show.
pub type TextSaved = Saved<NoView>;
/// The answer to logging an event: step 3 after it.
pub type Logged = Saved<NoContactView>;
/// The answer to a step-4 entry: step 4 after it.
pub type LifeAnswer = Saved<life::LifeView>;
/// The answer to saving a journal entry.
pub type JournalSaved = Saved<EntrySaved>;
/// The answer to an entry in step 6 (a list item, a check-in).
pub type TogetherAnswer = Saved<together::TogetherView>;

/// The longest text the crisis card is asked about while typing pauses.
pub const CHECK_TEXT_MAX_CHARS: usize = 20_000;

/// Whether a passphrase protects the data, and whether it is locked now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Encryption {
    /// A passphrase is set: what the person wrote is sealed on disk.
    pub enabled: bool,
    /// The data key is not in memory: the passphrase must be entered.
    pub locked: bool,
    /// Locks itself after this many minutes without use: only with a
    /// passphrase set and an idle time chosen.
    pub idle_lock_minutes: Option<u32>,
}

/// One person's program over one open store: the API the shell calls.
///
/// Every method that changes data is one action of the store's single write
/// path: it takes the write lock, reads, applies the rule, writes every key
/// it touches in one transaction and flushes before it answers. The methods
/// can be called from any number of threads at once.
#[derive(Debug, Clone)]
pub struct Crossroads {
    store: Store,
}

impl Crossroads {
    /// Opens the data folder `dir`, creating it if needed, and migrates
    /// older data. Fails with a typed error (locked, damaged, too new) and
    /// never panics.
    pub fn open(dir: &Path) -> Result<Crossroads> {
        Ok(Crossroads {
            store: Store::open(dir)?,
        })
    }

    /// The data folder.
    pub fn data_dir(&self) -> &Path {
        self.store.dir()
    }

    /// Every record of every tree as stored (sealed records stay sealed),
    /// by tree name, in the store's fixed tree order: key bytes and the
    /// stored JSON value. Only for tests that compare whole stores.
    #[cfg(any(test, feature = "test-hooks"))]
    pub fn raw_records(&self) -> Result<Vec<(&'static str, RawRecords)>> {
        store::Tree::ALL
            .into_iter()
            .map(|tree| {
                let records = self
                    .store
                    .raw_entries(tree)?
                    .into_iter()
                    .map(|(key, bytes)| {
                        let value = serde_json::from_slice(&bytes).map_err(|e| {
                            self.store
                                .corrupt(format!("a record in \"{}\": {e}", tree.name()))
                        })?;
                        Ok((key, value))
                    })
                    .collect::<Result<_>>()?;
                Ok((tree.name(), records))
            })
            .collect()
    }

    /// Marks the data as written by schema `version`, through the one write
    /// path. Only for tests of what an older app does with newer data.
    #[cfg(any(test, feature = "test-hooks"))]
    pub fn pretend_written_by_schema(&self, version: u32) -> Result<()> {
        self.store
            .transact(|tx| tx.put(store::Tree::Meta, store::SCHEMA_KEY, &version))
    }

    /// Waits for the write in progress, if any, and holds back every other
    /// while the guard lives: for a process about to replace itself, so
    /// that no write is cut in half.
    pub fn hold_writes(&self) -> WritesHeld<'_> {
        WritesHeld(self.store.hold_writes())
    }

    /// The schema version on disk.
    pub fn schema_version(&self) -> Result<Option<u32>> {
        self.store.get(store::Tree::Meta, store::SCHEMA_KEY)
    }

    /// How many commits have changed data: equal before and after an action
    /// exactly when the action wrote nothing (tests of refused input).
    pub fn commit_count(&self) -> u64 {
        self.store.commit_count()
    }
}

#[cfg(test)]
mod endings_tests;

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
        store
            .transact(|tx| crate::profile::save(tx, &profile, now, chrono_tz::UTC))
            .unwrap();
        let no = || "no".into();
        let answers = crate::dealbreakers::AnswersInput {
            cheated: no(),
            lied: no(),
            put_down: no(),
            abusive: no(),
        };
        store
            .transact(|tx| crate::dealbreakers::answer(tx, &answers, now))
            .unwrap();
        store
            .transact(|tx| {
                crate::reflect::save_answer(tx, crate::reflect::Prompt::Reason, "We drifted apart")
            })
            .unwrap();
        store
            .transact(|tx| crate::reflect::decide(tx, crate::reflect::Decision::Try, now))
            .unwrap();
    }

    /// A store in a fresh temporary folder; keep the folder alive with it.
    pub fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = temp_dir();
        let store = Store::open(dir.path()).expect("open store");
        (dir, store)
    }

    /// The facade over `store`: for what the screens show, which the
    /// facade puts together from a step and the schedule.
    pub fn app_of(store: &Store) -> crate::Crossroads {
        crate::Crossroads {
            store: store.clone(),
        }
    }
}
