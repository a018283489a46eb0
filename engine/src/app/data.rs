//! The person's data as a whole: export, import and erasing everything.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::store;
use crate::{life, markdown, moving_on, outbox, Crossroads, Imported, Result};

impl Crossroads {
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

    /// Erases every record, every backup and the passphrase, once
    /// `confirmation` is one of [`moving_on::ERASE_WORDS`]: Crossroads is
    /// as on its first start. Works while locked, for a forgotten
    /// passphrase.
    pub fn erase_everything(&self, confirmation: &str) -> Result<()> {
        moving_on::check_erase_word(confirmation)?;
        store::export::erase_everything(&self.store)
    }
}
