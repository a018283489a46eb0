//! Step 3: the no-contact clock, the two-tap log, and the notifications it makes due.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::{
    care, no_contact, outbox, program, schedule, Check, Crossroads, Error, EventKind, Logged,
    NoContactView, Result, Saved,
};

impl Crossroads {
    /// Step 3 as the UI shows it, with the next milestone.
    pub fn no_contact(&self, now: DateTime<Utc>, tz: Tz) -> Result<NoContactView> {
        let mut view = no_contact::view(&self.store, now, tz)?;
        view.next_milestone = schedule::milestones::next(&self.store, now, tz)?;
        Ok(view)
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
        let reading = care::read(note.unwrap_or_default());
        let care = self.store.transact(|tx| {
            no_contact::log(tx, kind, note, now)?;
            care::noted(tx, &reading, now)
        })?;
        Ok(Saved::new(self.no_contact(now, tz)?, care))
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
        let reading = care::read(note);
        let care = self.store.transact(|tx| {
            no_contact::set_note(tx, id, note)?;
            care::noted(tx, &reading, now)
        })?;
        Ok(Saved::new(self.no_contact(now, tz)?, care))
    }

    /// What the notifier should show now. Newly reached milestones are
    /// recorded in the outbox first; what it returns stays there until
    /// [`Crossroads::confirm_shown`], and is in flight meanwhile: it is not
    /// offered again until [`Crossroads::show_failed`] or, when no answer
    /// came, [`outbox::ANSWER_LIMIT`] later.
    pub fn check_milestones(&self, now: DateTime<Utc>, tz: Tz) -> Result<Check> {
        self.store.transact(|tx| schedule::check(tx, now, tz))
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
}
