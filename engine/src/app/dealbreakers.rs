//! The dealbreaker check before step 1, and the path chosen after it.

use chrono::{DateTime, Utc};

use crate::{choice, dealbreakers, Crossroads, Result};

impl Crossroads {
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
}
