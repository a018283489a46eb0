//! Step 4: activities, thoughts, moods, trigger plans, the journal and the statistics.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::{
    care, life, program, safety, schedule, Crossroads, EntrySaved, JournalSaved, LifeAnswer,
    Result, Saved,
};

impl Crossroads {
    fn life_answer(
        &self,
        care: Option<safety::Care>,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<LifeAnswer> {
        Ok(Saved::new(self.life(now, tz)?, care))
    }

    /// Step 4 as the "Live your life" screen shows it, with when each
    /// plan reminds next.
    pub fn life(&self, now: DateTime<Utc>, tz: Tz) -> Result<life::LifeView> {
        let mut view = life::view(&self.store, now, tz)?;
        let next = schedule::reminders::next_by_trigger(&self.store, now, tz)?;
        for trigger in &mut view.triggers {
            trigger.next_reminder = next.get(&trigger.id).copied();
        }
        Ok(view)
    }

    /// Logs an activity.
    pub fn log_activity(
        &self,
        input: &life::ActivityInput,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<LifeAnswer> {
        let reading = care::read(input.note.as_deref().unwrap_or_default());
        let care = self.store.transact(|tx| {
            program::require_live_your_life(tx)?;
            life::save_activity(tx, None, input, now, tz)?;
            care::noted(tx, &reading, now)
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
        let reading = care::read(input.note.as_deref().unwrap_or_default());
        let care = self.store.transact(|tx| {
            life::save_activity(tx, Some(id), input, now, tz)?;
            care::noted(tx, &reading, now)
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
            program::require_live_your_life(tx)?;
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
        let reading = care::read(note.unwrap_or_default());
        let care = self.store.transact(|tx| {
            program::require_live_your_life(tx)?;
            life::save_mood(tx, score, note, replace, now, tz)?;
            care::noted(tx, &reading, now)
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
        let reading = care::read(&words);
        let care = self.store.transact(|tx| {
            program::require_live_your_life(tx)?;
            life::save_trigger(tx, id, input, now)?;
            care::noted(tx, &reading, now)
        })?;
        self.life_answer(care, now, tz)
    }

    /// Deletes trigger plan `id`, and any reminder of it still waiting.
    pub fn delete_trigger(&self, id: u64, now: DateTime<Utc>, tz: Tz) -> Result<life::LifeView> {
        self.store.transact(|tx| {
            life::delete_trigger(tx, id)?;
            schedule::reminders::withdraw(tx, id)
        })?;
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
        let reading = care::read(text);
        let (entry, care) = self.store.transact(|tx| {
            let entry = life::journal::save(tx, id, text, prompt, now)?;
            Ok((entry, care::noted(tx, &reading, now)?))
        })?;
        Ok(Saved::new(EntrySaved { entry }, care))
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
}
