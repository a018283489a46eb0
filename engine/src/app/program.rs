//! The program as a whole: the overview of every step and the quiet moments it marks.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::{moments, no_contact, program, Crossroads, Overview, Result};

impl Crossroads {
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

    /// The program at a glance, derived from what is recorded.
    pub fn overview(&self, now: DateTime<Utc>, tz: Tz) -> Result<Overview> {
        Ok(program::overview(&program::Facts::load(
            &self.store,
            now,
            tz,
        )?))
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

    /// What the day count counts now, for the words of its milestones.
    /// While locked the program can't be read, and the words stay those of
    /// no contact (still discreet).
    pub fn day_clock(&self, now: DateTime<Utc>, tz: Tz) -> program::DayClock {
        program::DayClock::of(self.overview(now, tz).ok().and_then(|o| o.ending))
    }
}
