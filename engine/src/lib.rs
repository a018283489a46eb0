//! The core of Crossroads: the program a person goes through after a
//! breakup, its rules, and its storage. No UI, no Tauri, and no reading of
//! the system clock: every function that depends on time takes `now` and
//! the local time zone.
//!
//! # Layout
//!
//! - [`error`]: the one error type, with a [`ErrorKind`] the UI branches on
//!   and the field a refused input concerns.
//! - `store` (private): durable storage over sled, the only module that
//!   names it: the one write path (`Store::transact`: one lock, one
//!   transaction, flushed before it answers), migrations, restorable
//!   backups, and encryption at rest (`store::crypto`).
//! - [`outbox`]: notifications waiting to be shown, each confirmed once
//!   shown, retried when the desktop did not take it.
//! - [`text`]: the shared text analysis and the crisis detector.
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
//! - [`privacy`]: when the app locks itself, and how discreet
//!   notifications are; export (JSON to import, Markdown to read), import
//!   (all or nothing) and erasing everything live in `store::export` and
//!   `markdown`, behind the facade.
//! - [`life`]: step 4: activities, the thought tally, the daily mood,
//!   trigger plans and their reminders, the journal, and the statistics
//!   behind the Progress charts.
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
mod store;
pub mod text;
pub mod time;
pub mod together;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

pub use error::{Error, ErrorKind, Message, Result};
pub use language::Language;
pub use no_contact::{Check, EventKind, NoContactView, Settings, SettingsInput};
pub use outbox::{Announcement, Pending};
pub use profile::{EndedBy, Profile, ProfileInput, ProfileView, Pronouns};
pub use program::Overview;
pub use store::backup::{BackupInfo, Reason as BackupReason};
pub use store::crypto::{Cost as KeyCost, PASSPHRASE_MIN_CHARS};
pub use store::export::{Imported, EXPORT_FORMAT, IMPORT_MAX_BYTES};
pub use store::SCHEMA_VERSION;

use store::{backup, Read, Store};

/// One tree's records as stored: key bytes and the stored JSON value
/// (see [`Crossroads::raw_records`]).
#[doc(hidden)]
pub type RawRecords = Vec<(Vec<u8>, serde_json::Value)>;

/// Writes held back (see [`Crossroads::hold_writes`]) until dropped.
pub struct WritesHeld<'a>(#[allow(dead_code)] std::sync::MutexGuard<'a, u64>);

/// The answer to saving free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TextSaved {
    /// Whether the text had words of crisis: the UI then offers help gently.
    pub crisis_support: bool,
    /// The crisis card's reading (tier, danger from someone), when it
    /// brings the card.
    pub care: Option<safety::Care>,
}

impl TextSaved {
    /// The answer for a text the crisis card read as `care`.
    fn of(care: Option<safety::Care>) -> TextSaved {
        TextSaved {
            crisis_support: care.is_some(),
            care,
        }
    }
}

/// The longest text the crisis card is asked about while typing pauses.
pub const CHECK_TEXT_MAX_CHARS: usize = 20_000;

/// The answer to logging an event.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Logged {
    /// Step 3 after the entry.
    #[serde(flatten)]
    pub view: NoContactView,
    /// Whether the note had words of crisis: the UI then offers help gently.
    pub crisis_support: bool,
    /// The crisis card's reading of the note, when it brings the card.
    pub care: Option<safety::Care>,
}

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

/// The answer to a step-4 entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LifeAnswer {
    /// Step 4 after the entry.
    #[serde(flatten)]
    pub view: life::LifeView,
    /// Whether the words had signs of crisis: the UI then offers help gently.
    pub crisis_support: bool,
    /// The crisis card's reading of the words (tier, danger from someone),
    /// when they bring the card.
    pub care: Option<safety::Care>,
}

/// The answer to saving a journal entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct JournalSaved {
    /// The entry as saved.
    pub entry: life::journal::EntryView,
    /// Whether it had words of crisis: the UI then offers help gently.
    pub crisis_support: bool,
    /// The crisis card's reading of the entry, when it brings the card.
    pub care: Option<safety::Care>,
}

/// The answer to an entry in step 6 (a list item, a check-in).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TogetherAnswer {
    /// Step 6 after the entry.
    #[serde(flatten)]
    pub view: together::TogetherView,
    /// The crisis card's reading of the words, when they bring the card.
    pub care: Option<safety::Care>,
}

/// Refuses step-4 entries until the step is open (no contact has started).
fn live_your_life_gate(tx: &store::Tx<'_>) -> Result<()> {
    if program::live_your_life_open(tx)? {
        Ok(())
    } else {
        Err(Error::OutOfOrder("livingLifeOpensOnce".into()))
    }
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

    /// Backs up every record (a backup at start, or the daily one).
    pub fn backup(&self, now: DateTime<Utc>, reason: BackupReason) -> Result<PathBuf> {
        backup::write(&self.store, now, reason)
    }

    /// Takes today's backup unless it exists already.
    pub fn backup_daily_if_due(&self, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
        backup::write_daily_if_due(&self.store, now)
    }

    /// The backups of the data folder `dir`, newest first. Works when the
    /// store itself will not open.
    pub fn backups(dir: &Path) -> Result<Vec<BackupInfo>> {
        backup::list(dir)
    }

    /// Replaces all data with the backup `id`; the data as it was is first
    /// kept as a backup of its own.
    pub fn restore(&self, id: &str, now: DateTime<Utc>) -> Result<()> {
        backup::restore(&self.store, id, now)
    }

    /// Opens the data folder `dir` whose store will not open by restoring
    /// the backup `id` into a new store; the damaged one is kept aside.
    pub fn recover(dir: &Path, id: &str, now: DateTime<Utc>) -> Result<Crossroads> {
        Ok(Crossroads {
            store: backup::recover(dir, id, now)?,
        })
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
        let saved = self
            .store
            .transact(|tx| profile::save(tx, input, now, tz))?;
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
        self.store
            .transact(|tx| dealbreakers::answer(tx, input, now))
    }

    /// Records the path chosen after a recommendation.
    pub fn choose_path(
        &self,
        path: dealbreakers::Path,
        acknowledged: bool,
        now: DateTime<Utc>,
    ) -> Result<dealbreakers::DealbreakerView> {
        self.store
            .transact(|tx| dealbreakers::choose(tx, path, acknowledged, now))
    }

    /// Step 1 as the UI shows it.
    pub fn reflection(&self, now: DateTime<Utc>, tz: Tz) -> Result<reflect::ReflectView> {
        reflect::view(&self.store, now, tz)
    }

    /// Saves one step-1 answer as typed; says whether it calls for the crisis card.
    pub fn save_reflection(
        &self,
        prompt: reflect::Prompt,
        value: &str,
        now: DateTime<Utc>,
    ) -> Result<TextSaved> {
        let care = self.store.transact(|tx| {
            reflect::save_answer(tx, prompt, value)?;
            care::read_and_note(tx, value, now)
        })?;
        Ok(TextSaved::of(care))
    }

    /// Records whether this has come up in earlier relationships.
    pub fn set_pattern(
        &self,
        pattern: reflect::Pattern,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<reflect::ReflectView> {
        self.store
            .transact(|tx| reflect::set_pattern(tx, pattern))?;
        self.reflection(now, tz)
    }

    /// Records the way to work on it.
    pub fn set_growth_way(
        &self,
        way: reflect::GrowthWay,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<reflect::ReflectView> {
        self.store.transact(|tx| reflect::set_growth_way(tx, way))?;
        self.reflection(now, tz)
    }

    /// Adds a growth step.
    pub fn add_growth_step(
        &self,
        text: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<reflect::ReflectView> {
        self.store.transact(|tx| reflect::add_step(tx, text))?;
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
        self.store
            .transact(|tx| reflect::set_step_done(tx, id, done))?;
        self.reflection(now, tz)
    }

    /// Records step 1's decision.
    pub fn decide(
        &self,
        decision: reflect::Decision,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<reflect::ReflectView> {
        self.store
            .transact(|tx| reflect::decide(tx, decision, now))?;
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
        self.store.transact(|tx| {
            let saved = drafts::save(tx, id, text, apology_for_later, now)?;
            care::note_reading(tx, saved.care.as_ref(), now)?;
            Ok(saved)
        })
    }

    /// Deletes draft `id`; answers with the vault as it is after.
    pub fn delete_draft(&self, id: u64) -> Result<drafts::VaultView> {
        self.store.transact(|tx| drafts::delete(tx, id))?;
        self.vault()
    }

    /// Records the pledge not to beg (again: rewritten in new words).
    pub fn pledge(&self, text: &str, now: DateTime<Utc>) -> Result<drafts::Pledge> {
        self.store.transact(|tx| drafts::pledge(tx, text, now))
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
        self.store.transact(|tx| {
            if !program::no_contact_open(tx)? {
                return Err(Error::OutOfOrder("noContactOpensAfter".into()));
            }
            no_contact::start(tx, since, now, tz)
        })?;
        self.no_contact(now, tz)
    }

    /// Logs a no-contact event with an optional note, and says whether the
    /// note calls for the crisis resources.
    pub fn log_event(
        &self,
        kind: EventKind,
        note: Option<&str>,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Logged> {
        let care = self.store.transact(|tx| {
            no_contact::log(tx, kind, note, now)?;
            care::read_and_note(tx, note.unwrap_or_default(), now)
        })?;
        Ok(Logged {
            view: self.no_contact(now, tz)?,
            crisis_support: care.is_some(),
            care,
        })
    }

    /// Undoes the logged moment `id`: the streak and everything counted
    /// from the log are recomputed as if it had not been logged, and the
    /// history says it was undone.
    pub fn undo_event(&self, id: &str, now: DateTime<Utc>, tz: Tz) -> Result<NoContactView> {
        self.store.transact(|tx| no_contact::undo(tx, id, now))?;
        self.no_contact(now, tz)
    }

    /// Changes the note of the logged moment `id` (empty: removes it); says
    /// whether the new note calls for the crisis card.
    pub fn set_event_note(
        &self,
        id: &str,
        note: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Logged> {
        let care = self.store.transact(|tx| {
            no_contact::set_note(tx, id, note)?;
            care::read_and_note(tx, note, now)
        })?;
        Ok(Logged {
            view: self.no_contact(now, tz)?,
            crisis_support: care.is_some(),
            care,
        })
    }

    /// The moment the window acknowledges now, if any: the ending reached,
    /// or day 7, 14 or 30 of the current run (each once).
    pub fn moment(&self, now: DateTime<Utc>, tz: Tz) -> Result<Option<moments::Moment>> {
        let (run, ending) = self.moment_facts(now, tz)?;
        moments::due(&self.store, run, ending)
    }

    /// Records that the person closed `moment` (it never shows again);
    /// answers with the next one due, if any.
    pub fn acknowledge_moment(
        &self,
        moment: moments::Moment,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Option<moments::Moment>> {
        self.store.transact(|tx| {
            let facts = program::Facts::load(tx, now, tz)?;
            let ending = program::overview(&facts).ending;
            let run = no_contact::view(tx, now, tz)?
                .current
                .map(|c| (c.started_at, c.days));
            moments::acknowledge(tx, moment, run, ending)
        })?;
        self.moment(now, tz)
    }

    fn moment_facts(
        &self,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<(moments::Run, Option<program::Ending>)> {
        let ending = self.overview(now, tz)?.ending;
        let run = self
            .no_contact(now, tz)?
            .current
            .map(|c| (c.started_at, c.days));
        Ok((run, ending))
    }

    /// The no-contact settings (milestones, notifications, quiet hours).
    pub fn settings(&self) -> Result<Settings> {
        no_contact::settings(&self.store)
    }

    /// Stores the language of Crossroads' words; the other settings stay.
    pub fn set_language(&self, language: Language) -> Result<Settings> {
        self.store
            .transact(|tx| no_contact::set_language(tx, language))
    }

    /// Validates and stores the no-contact settings.
    pub fn save_settings(
        &self,
        input: &SettingsInput,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Settings> {
        self.store
            .transact(|tx| no_contact::save_settings(tx, input, now, tz))
    }

    /// What the notifier should show now. Newly reached milestones are
    /// recorded in the outbox first; what it returns stays there until
    /// [`Crossroads::confirm_shown`], and is in flight meanwhile: it is not
    /// offered again until [`Crossroads::show_failed`] or, when no answer
    /// came, [`outbox::ANSWER_LIMIT`] later.
    pub fn check_milestones(&self, now: DateTime<Utc>, tz: Tz) -> Result<Check> {
        self.store.transact(|tx| no_contact::check(tx, now, tz))
    }

    /// The notification service took notification `id` (it answered with
    /// the notification's id), even late: never offer it again.
    pub fn confirm_shown(&self, id: u64) -> Result<()> {
        self.store.transact(|tx| outbox::confirm(tx, id))
    }

    /// Notification `id` was certainly not shown (reported at `now`): offer
    /// it again after a pause. Not for an answer that is merely late.
    pub fn show_failed(&self, id: u64, now: DateTime<Utc>) -> Result<()> {
        self.store.transact(|tx| outbox::failed(tx, id, now))
    }

    /// Notifications waiting to be shown (for tests and diagnostics).
    pub fn pending_notifications(&self) -> Result<usize> {
        Ok(outbox::pending(&self.store)?.len())
    }

    /// Every record of every tree as stored (sealed records stay sealed),
    /// by tree name, in the store's fixed tree order: key bytes and the
    /// stored JSON value. Only for tests that compare whole stores.
    #[doc(hidden)]
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
    #[doc(hidden)]
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

    /// Whether a passphrase protects the data, and whether it is locked.
    pub fn encryption(&self) -> Encryption {
        let (enabled, locked) = self.store.encryption();
        // The privacy choices stay readable while locked.
        let chosen = privacy::load(&self.store)
            .ok()
            .and_then(|p| p.lock_after_minutes);
        Encryption {
            enabled,
            locked,
            idle_lock_minutes: chosen.filter(|_| enabled),
        }
    }

    /// Locks the data when it has not been used (`last_used`, none: not
    /// since starting) for the chosen idle time, with a passphrase set;
    /// says whether it locked now.
    pub fn lock_if_idle(&self, last_used: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
        let encryption = self.encryption();
        let Some(minutes) = encryption.idle_lock_minutes else {
            return false;
        };
        let idle_long =
            last_used.is_none_or(|at| now - at >= chrono::Duration::minutes(i64::from(minutes)));
        if encryption.locked || !idle_long {
            return false;
        }
        self.store.lock();
        true
    }

    /// What the day count counts now, for the words of its milestones.
    /// While locked the program can't be read, and the words stay those of
    /// no contact (still discreet).
    pub fn day_clock(&self, now: DateTime<Utc>, tz: Tz) -> program::DayClock {
        program::DayClock::of(self.overview(now, tz).ok().and_then(|o| o.ending))
    }

    /// Opens locked data with the passphrase; a wrong one is a typed error
    /// on the `passphrase` field, and nothing changes.
    pub fn unlock(&self, passphrase: &str) -> Result<Encryption> {
        self.store.unlock(passphrase)?;
        // Older data kept the country sealed: moved where the lock screen's
        // Safety can read it.
        self.store.transact(care::settle_country)?;
        Ok(self.encryption())
    }

    /// Forgets the key until the passphrase is entered again (a no-op
    /// without a passphrase).
    pub fn lock(&self) -> Encryption {
        self.store.lock();
        self.encryption()
    }

    /// Sets a first passphrase: everything the person wrote is sealed, in
    /// one transaction. `cost` is [`KeyCost::calibrated`] in the app.
    ///
    /// `repeat` must match. Afterwards the store is rebuilt (the clear
    /// copies sled kept in its log go with the old files), a sealed backup
    /// is taken, and every backup holding records in clear is deleted.
    pub fn set_passphrase(
        &self,
        passphrase: &str,
        repeat: &str,
        cost: KeyCost,
        now: DateTime<Utc>,
    ) -> Result<Encryption> {
        if passphrase != repeat {
            return Err(Error::invalid("repeat", "twoPassphrasesAreNot"));
        }
        self.store.transact(care::settle_country)?;
        self.store.set_passphrase(passphrase, cost)?;
        self.store.rebuild()?;
        backup::write(&self.store, now, BackupReason::Start)?;
        backup::remove_clear_backups(self.store.dir())?;
        Ok(self.encryption())
    }

    /// Replaces the passphrase (the current one is checked first).
    pub fn change_passphrase(
        &self,
        current: &str,
        new: &str,
        repeat: &str,
        cost: KeyCost,
    ) -> Result<Encryption> {
        if new != repeat {
            return Err(Error::invalid("repeat", "twoNewPassphrasesAre"));
        }
        self.store.change_passphrase(current, new, cost)?;
        Ok(self.encryption())
    }

    /// Removes the passphrase: everything is stored in clear again.
    pub fn remove_passphrase(&self, current: &str) -> Result<Encryption> {
        self.store.remove_passphrase(current)?;
        Ok(self.encryption())
    }

    /// The privacy choices (idle lock, very discreet notifications).
    pub fn privacy(&self) -> Result<privacy::PrivacySettings> {
        privacy::load(&self.store)
    }

    /// Checks and stores the privacy choices.
    pub fn save_privacy(
        &self,
        input: privacy::PrivacySettings,
    ) -> Result<privacy::PrivacySettings> {
        self.store.transact(|tx| privacy::save(tx, input))
    }

    /// The crisis card's reading of text being typed (checked when typing
    /// pauses); stores nothing. Text longer than
    /// [`CHECK_TEXT_MAX_CHARS`] is refused with a typed error.
    pub fn check_text(&self, text: &str) -> Result<Option<safety::Care>> {
        if text.chars().count() > CHECK_TEXT_MAX_CHARS {
            return Err(Error::invalid(
                "text",
                Message::new("tooLong").arg("max", CHECK_TEXT_MAX_CHARS),
            ));
        }
        Ok(safety::Care::of(text))
    }

    /// The person's country for the help lines, as chosen.
    pub fn country(&self) -> Result<care::CountryView> {
        care::country(&self.store)
    }

    /// Records the person's country: a listed code or
    /// [`care::NOT_LISTED`]. Nothing is stored on error.
    pub fn set_country(&self, choice: &str, now: DateTime<Utc>) -> Result<care::CountryView> {
        self.store.transact(|tx| care::set_country(tx, choice, now))
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

    /// The crisis card laid out for `reading` (none: the person asked for
    /// support), the person's country and whether they wrote a plan. While
    /// locked the plan can't be read: the card then offers it as unwritten.
    pub fn care_card(&self, reading: Option<care::CardReading>) -> Result<care::CardView> {
        let country = care::country(&self.store)?;
        let plan_written = match care::safety_plan(&self.store) {
            Ok(plan) => !plan.is_empty(),
            Err(Error::Locked) => false,
            Err(e) => return Err(e),
        };
        Ok(care::card(reading, &country, plan_written))
    }

    /// The personal safety plan (empty until first saved).
    pub fn safety_plan(&self) -> Result<care::SafetyPlan> {
        care::safety_plan(&self.store)
    }

    /// Validates and stores the personal safety plan.
    pub fn save_safety_plan(
        &self,
        input: &care::SafetyPlanInput,
        now: DateTime<Utc>,
    ) -> Result<care::SafetyPlan> {
        self.store
            .transact(|tx| care::save_safety_plan(tx, input, now))
    }

    /// Records the four dealbreaker answers and the optional fifth ("have
    /// you hurt them, or been afraid you might?"). An abuse answer, or a
    /// "yes" to the fifth, once recorded, cannot be taken back this way.
    pub fn answer_dealbreakers_with(
        &self,
        input: &dealbreakers::AnswersInput,
        hurt_them: choice::Choice<choice::YesNo>,
        now: DateTime<Utc>,
    ) -> Result<dealbreakers::DealbreakerView> {
        self.store
            .transact(|tx| dealbreakers::answer_with(tx, input, hurt_them, now))
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

    /// Step 4 as the "Live your life" screen shows it.
    pub fn life(&self, now: DateTime<Utc>, tz: Tz) -> Result<life::LifeView> {
        life::view(&self.store, now, tz)
    }

    /// Logs an activity.
    pub fn log_activity(
        &self,
        input: &life::ActivityInput,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<LifeAnswer> {
        let care = self.store.transact(|tx| {
            live_your_life_gate(tx)?;
            life::save_activity(tx, None, input, now, tz)?;
            care::read_and_note(tx, input.note.as_deref().unwrap_or_default(), now)
        })?;
        self.life_answer(care, now, tz)
    }

    /// Changes activity `id`.
    pub fn update_activity(
        &self,
        id: u64,
        input: &life::ActivityInput,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<LifeAnswer> {
        let care = self.store.transact(|tx| {
            life::save_activity(tx, Some(id), input, now, tz)?;
            care::read_and_note(tx, input.note.as_deref().unwrap_or_default(), now)
        })?;
        self.life_answer(care, now, tz)
    }

    /// Deletes activity `id`.
    pub fn delete_activity(&self, id: u64, now: DateTime<Utc>, tz: Tz) -> Result<life::LifeView> {
        self.store.transact(|tx| life::delete_activity(tx, id))?;
        self.life(now, tz)
    }

    /// Counts one "I thought about them", now.
    pub fn count_thought(&self, now: DateTime<Utc>, tz: Tz) -> Result<life::LifeView> {
        self.store.transact(|tx| {
            live_your_life_gate(tx)?;
            life::count_thought(tx, now)
        })?;
        self.life(now, tz)
    }

    /// Records today's mood (1 to 5); one a day, replaced only when `replace`.
    pub fn save_mood(
        &self,
        score: i64,
        note: Option<&str>,
        replace: bool,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<LifeAnswer> {
        let care = self.store.transact(|tx| {
            live_your_life_gate(tx)?;
            life::save_mood(tx, score, note, replace, now, tz)?;
            care::read_and_note(tx, note.unwrap_or_default(), now)
        })?;
        self.life_answer(care, now, tz)
    }

    /// Adds a trigger plan (`id` none) or changes one.
    pub fn save_trigger(
        &self,
        id: Option<u64>,
        input: &life::TriggerInput,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<LifeAnswer> {
        let words = format!("{}\n{}", input.moment, input.plan);
        let care = self.store.transact(|tx| {
            live_your_life_gate(tx)?;
            life::save_trigger(tx, id, input, now)?;
            care::read_and_note(tx, &words, now)
        })?;
        self.life_answer(care, now, tz)
    }

    /// Deletes trigger plan `id`, and any reminder of it still waiting.
    pub fn delete_trigger(&self, id: u64, now: DateTime<Utc>, tz: Tz) -> Result<life::LifeView> {
        self.store.transact(|tx| life::delete_trigger(tx, id))?;
        self.life(now, tz)
    }

    /// The journal, searched for `query`, with today's prompt.
    pub fn journal(
        &self,
        query: Option<&str>,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<life::journal::JournalView> {
        let step = program::current_step(&self.overview(now, tz)?);
        let prompt = life::journal::prompt_of_the_day(step, life::local_date(now, tz));
        life::journal::view(&self.store, query, prompt)
    }

    /// Writes a journal entry (`id` none) or changes one; says whether it
    /// calls for the crisis card.
    pub fn save_journal_entry(
        &self,
        id: Option<u64>,
        text: &str,
        prompt: Option<life::journal::Prompt>,
        now: DateTime<Utc>,
    ) -> Result<JournalSaved> {
        let (entry, care) = self.store.transact(|tx| {
            let entry = life::journal::save(tx, id, text, prompt, now)?;
            Ok((entry, care::read_and_note(tx, text, now)?))
        })?;
        Ok(JournalSaved {
            entry,
            crisis_support: care.is_some(),
            care,
        })
    }

    /// Step 5 as the UI shows it at `now`: the plan, the coach's marks,
    /// the outcome, and whether it first asks how the person is.
    pub fn reach_out(&self, now: DateTime<Utc>) -> Result<reach_out::ReachOutView> {
        reach_out::view(&self.store, now)
    }

    /// Records the answer when step 5 asked how the person is (after a
    /// crisis reading in the last days): they wait, or go on.
    pub fn answer_care_check(
        &self,
        choice: reach_out::CareChoice,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<reach_out::ReachOutView> {
        self.store.transact(|tx| {
            require_reach_out(tx, now, tz)?;
            reach_out::answer_care_check(tx, choice, now)
        })?;
        self.reach_out(now)
    }

    /// Saves one note of the conversation plan; answers with the coach's reading.
    pub fn save_plan_note(
        &self,
        note: reach_out::Note,
        text: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<reach_out::NoteView> {
        self.store.transact(|tx| {
            require_reach_out(tx, now, tz)?;
            let saved = reach_out::save_note(tx, note, text)?;
            care::note_reading(tx, saved.care.as_ref(), now)?;
            Ok(saved)
        })
    }

    /// Pulls a sincere apology from the drafts vault into the plan (none: out again).
    pub fn use_apology(
        &self,
        id: Option<u64>,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<reach_out::ReachOutView> {
        self.store.transact(|tx| {
            require_reach_out(tx, now, tz)?;
            reach_out::use_apology(tx, id)
        })?;
        self.reach_out(now)
    }

    /// Records how the conversation ended.
    pub fn record_outcome(
        &self,
        outcome: reach_out::Outcome,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Overview> {
        self.store.transact(|tx| {
            require_reach_out(tx, now, tz)?;
            reach_out::record_outcome(tx, outcome, now)
        })?;
        self.overview(now, tz)
    }

    /// Step 6 as the UI shows it.
    pub fn together(&self, now: DateTime<Utc>, tz: Tz) -> Result<together::TogetherView> {
        together::view(&self.store, now, tz)
    }

    /// Adds an item to one of step 6's lists.
    pub fn add_together_item(
        &self,
        list: together::List,
        text: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<TogetherAnswer> {
        let care = self.store.transact(|tx| {
            require_together(tx)?;
            together::add_item(tx, list, text)?;
            care::read_and_note(tx, text, now)
        })?;
        self.together_answer(care, now, tz)
    }

    /// Removes an item from one of step 6's lists.
    pub fn remove_together_item(
        &self,
        list: together::List,
        id: u32,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<together::TogetherView> {
        self.store.transact(|tx| {
            require_together(tx)?;
            together::remove_item(tx, list, id)
        })?;
        self.together(now, tz)
    }

    /// Validates and stores the house rules (check-in cadence, cooldown, therapy).
    pub fn save_house_rules(
        &self,
        input: &together::HouseRulesInput,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<together::TogetherView> {
        self.store.transact(|tx| {
            require_together(tx)?;
            together::save_rules(tx, input, now, tz)
        })?;
        self.together(now, tz)
    }

    /// Saves a check-in; the history stays.
    pub fn save_check_in(
        &self,
        input: &together::CheckIn,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<TogetherAnswer> {
        let words = [
            &input.i_feel,
            &input.they_feel,
            &input.works,
            &input.does_not,
            &input.change,
        ]
        .map(String::as_str)
        .join("\n");
        let care = self.store.transact(|tx| {
            require_together(tx)?;
            together::save_check_in(tx, input, now)?;
            care::read_and_note(tx, &words, now)
        })?;
        self.together_answer(care, now, tz)
    }

    fn together_answer(
        &self,
        care: Option<safety::Care>,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<TogetherAnswer> {
        Ok(TogetherAnswer {
            view: self.together(now, tz)?,
            care,
        })
    }

    /// Starts the cooldown timer (from the window or the tray).
    pub fn start_cooldown(&self, now: DateTime<Utc>) -> Result<together::CooldownView> {
        self.store.transact(|tx| {
            require_together(tx)?;
            together::start_cooldown(tx, now)
        })
    }

    /// Stops a running cooldown early.
    pub fn stop_cooldown(&self, now: DateTime<Utc>, tz: Tz) -> Result<together::TogetherView> {
        self.store.transact(together::stop_cooldown)?;
        self.together(now, tz)
    }

    /// The closure notes of the moving-on path.
    pub fn closure(&self) -> Result<moving_on::Closure> {
        moving_on::load(&self.store)
    }

    /// Takes the moving-on path (at any time once the profile exists).
    pub fn choose_moving_on(&self, now: DateTime<Utc>, tz: Tz) -> Result<Overview> {
        self.store.transact(|tx| {
            if profile::load(tx)?.is_none() {
                return Err(Error::OutOfOrder("tellCrossroadsLittleAbout".into()));
            }
            moving_on::choose(tx, now)
        })?;
        self.overview(now, tz)
    }

    /// Saves one closure note as typed; says whether it calls for the crisis card.
    pub fn save_closure(
        &self,
        field: moving_on::Field,
        text: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<TextSaved> {
        let care = self.store.transact(|tx| {
            require_moving_on(tx, now, tz)?;
            moving_on::save(tx, field, text)?;
            care::read_and_note(tx, text, now)
        })?;
        Ok(TextSaved::of(care))
    }

    /// Deletes journal entry `id`.
    pub fn delete_journal_entry(&self, id: u64) -> Result<()> {
        self.store.transact(|tx| life::journal::delete(tx, id))
    }

    /// The numbers behind the Progress charts, for `range` ending today.
    pub fn statistics(
        &self,
        range: life::stats::Range,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<life::stats::Statistics> {
        life::stats::statistics(&self.store, range, now, tz)
    }

    fn life_answer(
        &self,
        care: Option<safety::Care>,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<LifeAnswer> {
        Ok(LifeAnswer {
            view: self.life(now, tz)?,
            crisis_support: care.is_some(),
            care,
        })
    }
    /// Archives the program on the moving-on path: kept whole and
    /// readable; the next program starts empty.
    pub fn archive_program(&self, now: DateTime<Utc>, tz: Tz) -> Result<moving_on::ArchiveSummary> {
        self.store.transact(|tx| {
            require_moving_on(tx, now, tz)?;
            moving_on::archive(tx, now)
        })
    }

    /// Erases the program, once the confirmation word is typed.
    pub fn erase_program(
        &self,
        confirmation: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Overview> {
        self.store
            .transact(|tx| moving_on::erase(tx, confirmation))?;
        // Erased means gone from the store's files too, not only unlisted
        // (sled keeps old versions in its log until it reuses the space).
        self.store.rebuild()?;
        // And from the backups: they are replaced by one of what is left.
        backup::replace_all(&self.store, now)?;
        self.overview(now, tz)
    }

    /// Everything, in clear, as the bytes of a JSON export file: the one to
    /// import (on this computer or another). Refused while locked.
    pub fn export_json(&self, now: DateTime<Utc>) -> Result<Vec<u8>> {
        store::export::export(&self.store, now)
    }

    /// Everything the person wrote as one readable Markdown document, with
    /// instants in `tz` and the document's own words from `words`.
    /// Refused while locked.
    pub fn export_markdown(
        &self,
        now: DateTime<Utc>,
        tz: Tz,
        words: markdown::Words<'_>,
    ) -> Result<String> {
        let trees = self
            .store
            .transact(|tx| store::export::records_in_clear(tx))?;
        Ok(markdown::render(&trees, now, tz, words))
    }

    /// Replaces everything with the JSON export in `bytes`, all or nothing:
    /// a file that is not a whole export of a known format, one already
    /// imported, or one holding records a screen could not read is refused
    /// and nothing changes. The data it replaces is kept as a backup.
    pub fn import_json(&self, bytes: &[u8], now: DateTime<Utc>, tz: Tz) -> Result<Imported> {
        store::export::import(&self.store, bytes, now, |staged| {
            Crossroads {
                store: staged.clone(),
            }
            .read_every_view(now, tz)
        })
    }

    /// Reads the data through every view the app shows, so data a screen
    /// could not read is found before it is let in.
    fn read_every_view(&self, now: DateTime<Utc>, tz: Tz) -> Result<()> {
        self.profile_view(now, tz)?;
        self.overview(now, tz)?;
        self.dealbreakers()?;
        self.reflection(now, tz)?;
        self.vault()?;
        self.no_contact(now, tz)?;
        self.settings()?;
        self.privacy()?;
        self.country()?;
        self.safety_plan()?;
        self.life(now, tz)?;
        self.journal(None, now, tz)?;
        self.statistics(life::stats::Range::AllTime, now, tz)?;
        self.reach_out(now)?;
        self.together(now, tz)?;
        self.closure()?;
        for archive in self.archives()? {
            self.archived(&archive.id, now, tz)?;
        }
        outbox::pending(&self.store)?;
        Ok(())
    }

    /// Erases every record, every backup and the passphrase, once
    /// `confirmation` is one of [`moving_on::ERASE_WORDS`]: Crossroads is
    /// as on its first start. Works while locked, for a forgotten
    /// passphrase.
    pub fn erase_everything(&self, confirmation: &str) -> Result<()> {
        moving_on::check_erase_word(confirmation)?;
        store::export::erase_everything(&self.store)
    }

    /// The archived programs, newest first.
    pub fn archives(&self) -> Result<Vec<moving_on::ArchiveSummary>> {
        moving_on::list(&self.store, moving_on::archive_keys(&self.store)?)
    }

    /// One archived program, read-only.
    pub fn archived(&self, id: &str, now: DateTime<Utc>, tz: Tz) -> Result<moving_on::ArchiveView> {
        moving_on::open(&self.store, id, now, tz)
    }
}

/// Refuses step 5's writes while it is locked, saying why.
fn require_reach_out(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<()> {
    use program::{LockReason, NotOfferedWhy, StepId, StepStatus};
    let (status, reason) = program::step_state(store, StepId::ReachOut, now, tz)?;
    if status != StepStatus::Locked {
        return Ok(());
    }
    let why = match reason {
        Some(LockReason::NeedsNoContactDays {
            required,
            remaining,
        }) => Message::new("reachOutNeedsDays")
            .arg("required", required)
            .arg("count", remaining),
        Some(LockReason::NeedsNoLookingDays {
            required,
            remaining,
        }) => Message::new("reachOutNeedsNoLooking")
            .arg("required", required)
            .arg("count", remaining),
        Some(LockReason::NotOffered {
            why: NotOfferedWhy::Abuse,
        }) => Message::new("reachOutAfterAbuse"),
        Some(LockReason::NotOffered { .. }) => Message::new("reachOutMovedOn"),
        _ => Message::new("reachOutNeedsDecision"),
    };
    Err(Error::OutOfOrder(why))
}

/// Refuses step 6's writes unless you both want to try.
fn require_together(store: &impl Read) -> Result<()> {
    if program::better_relationship_open(store)? {
        Ok(())
    } else {
        Err(Error::OutOfOrder("betterRelationshipOpensWhen".into()))
    }
}

/// Refuses the closure's writes until the moving-on path is taken.
fn require_moving_on(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<()> {
    let overview = program::overview(&program::Facts::load(store, now, tz)?);
    if overview.ending == Some(program::Ending::MovingOn) {
        Ok(())
    } else {
        Err(Error::OutOfOrder("closurePartMovingPath".into()))
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
}
