//! Backups: taken at start and daily, listed, restored, and a damaged store rebuilt from one.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::store::backup;
use crate::{BackupInfo, BackupReason, Crossroads, Result};

impl Crossroads {
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
}
