//! Care: the crisis card, the country and its lines, the safety plan.

use chrono::{DateTime, Utc};

use crate::{care, safety, Crossroads, Error, Message, Result, CHECK_TEXT_MAX_CHARS};

impl Crossroads {
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
}
