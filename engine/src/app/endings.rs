//! The endings: step 5 (reaching out), step 6 (together) and moving on, with the archive.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::store::backup;
use crate::{
    care, moving_on, profile, program, reach_out, safety, schedule, together, Crossroads, Error,
    NoView, Overview, Result, Saved, TextSaved, TogetherAnswer,
};

impl Crossroads {
    fn together_answer(
        &self,
        care: Option<safety::Care>,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<TogetherAnswer> {
        Ok(Saved::new(self.together(now, tz)?, care))
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
            program::require_reach_out(tx, now, tz)?;
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
        let reading = reach_out::read_note(text);
        self.store.transact(move |tx| {
            program::require_reach_out(tx, now, tz)?;
            let saved = reach_out::save_note(tx, note, text, reading)?;
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
            program::require_reach_out(tx, now, tz)?;
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
            program::require_reach_out(tx, now, tz)?;
            reach_out::record_outcome(tx, outcome, now)
        })?;
        self.overview(now, tz)
    }

    /// Step 6 as the UI shows it, with when the next check-in falls.
    pub fn together(&self, now: DateTime<Utc>, tz: Tz) -> Result<together::TogetherView> {
        let mut view = together::view(&self.store, now)?;
        view.next_check_in = schedule::check_ins::next(&self.store, now, tz)?;
        Ok(view)
    }

    /// Adds an item to one of step 6's lists.
    pub fn add_together_item(
        &self,
        list: together::List,
        text: &str,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<TogetherAnswer> {
        let reading = care::read(text);
        let care = self.store.transact(|tx| {
            program::require_together(tx)?;
            together::add_item(tx, list, text)?;
            care::noted(tx, &reading, now)
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
            program::require_together(tx)?;
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
            program::require_together(tx)?;
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
        let reading = care::read(&words);
        let care = self.store.transact(|tx| {
            program::require_together(tx)?;
            together::save_check_in(tx, input, now)?;
            care::noted(tx, &reading, now)
        })?;
        self.together_answer(care, now, tz)
    }

    /// Starts the cooldown timer (from the window or the tray).
    pub fn start_cooldown(&self, now: DateTime<Utc>) -> Result<together::CooldownView> {
        self.store.transact(|tx| {
            program::require_together(tx)?;
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
        let reading = care::read(text);
        let care = self.store.transact(|tx| {
            program::require_moving_on(tx, now, tz)?;
            moving_on::save(tx, field, text)?;
            care::noted(tx, &reading, now)
        })?;
        Ok(TextSaved::new(NoView {}, care))
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

    /// The archived programs, newest first.
    pub fn archives(&self) -> Result<Vec<moving_on::ArchiveSummary>> {
        moving_on::list(&self.store, moving_on::archive_keys(&self.store)?)
    }

    /// One archived program, read-only.
    pub fn archived(&self, id: &str, now: DateTime<Utc>, tz: Tz) -> Result<moving_on::ArchiveView> {
        moving_on::open(&self.store, id, now, tz, |archived, at| {
            program::ending_of(archived, at, tz)
        })
    }

    /// Archives the program on the moving-on path: kept whole and
    /// readable; the next program starts empty.
    pub fn archive_program(&self, now: DateTime<Utc>, tz: Tz) -> Result<moving_on::ArchiveSummary> {
        self.store.transact(|tx| {
            program::require_moving_on(tx, now, tz)?;
            moving_on::archive(tx, now)
        })
    }
}
