//! Step 2: the unsent drafts vault and the pledge.

use chrono::{DateTime, Utc};

use crate::{care, drafts, program, Crossroads, Result};

impl Crossroads {
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
        let reading = drafts::read(text);
        self.store.transact(move |tx| {
            program::require_step_two(tx)?;
            let saved = drafts::save(tx, id, text, apology_for_later, now, reading)?;
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
        self.store.transact(|tx| {
            program::require_step_two(tx)?;
            drafts::pledge(tx, text, now)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{instant, temp_dir};
    use crate::{Crossroads, ErrorKind};

    #[test]
    fn the_vault_waits_for_the_decision_to_try() {
        let dir = temp_dir();
        let app = Crossroads::open(dir.path()).unwrap();
        let now = instant("2026-03-10T10:00:00Z");
        assert_eq!(
            app.save_draft(None, "hi", false, now).unwrap_err().kind(),
            ErrorKind::OutOfOrder
        );
        assert_eq!(
            app.pledge("I won't beg", now).unwrap_err().kind(),
            ErrorKind::OutOfOrder
        );
        assert!(app.vault().unwrap().drafts.is_empty());
    }
}
