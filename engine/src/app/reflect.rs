//! Step 1: reflecting, the pattern check, the growth plan and the decision.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::{care, reflect, Crossroads, NoView, Result, TextSaved};

impl Crossroads {
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
        let reading = care::read(value);
        let care = self.store.transact(|tx| {
            reflect::save_answer(tx, prompt, value)?;
            care::noted(tx, &reading, now)
        })?;
        Ok(TextSaved::new(NoView {}, care))
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
}
