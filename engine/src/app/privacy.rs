//! Privacy: the passphrase, locking, and how discreet notifications are.

use chrono::{DateTime, Utc};

use crate::store::backup;
use crate::{care, privacy, BackupReason, Crossroads, Encryption, Error, KeyCost, Result};

impl Crossroads {
    /// Whether a passphrase protects the data, and whether it is locked.
    pub fn encryption(&self) -> Encryption {
        let (enabled, locked) = self.store.encryption();
        // The privacy choices stay readable while locked.
        let chosen = privacy::load(&self.store)
            .ok()
            .and_then(|p| p.lock_after_minutes);
        Encryption {
            enabled,
            locked,
            idle_lock_minutes: chosen.filter(|_| enabled),
        }
    }

    /// Locks the data when it has not been used (`last_used`, none: not
    /// since starting) for the chosen idle time, with a passphrase set;
    /// says whether it locked now.
    pub fn lock_if_idle(&self, last_used: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
        let encryption = self.encryption();
        let Some(minutes) = encryption.idle_lock_minutes else {
            return false;
        };
        let idle_long =
            last_used.is_none_or(|at| now - at >= chrono::Duration::minutes(i64::from(minutes)));
        if encryption.locked || !idle_long {
            return false;
        }
        self.store.lock();
        true
    }

    /// Opens locked data with the passphrase; a wrong one is a typed error
    /// on the `passphrase` field, and nothing changes.
    pub fn unlock(&self, passphrase: &str) -> Result<Encryption> {
        self.store.unlock(passphrase)?;
        // Older data kept the country sealed: moved where the lock screen's
        // Safety can read it.
        self.store.transact(care::settle_country)?;
        Ok(self.encryption())
    }

    /// Forgets the key until the passphrase is entered again (a no-op
    /// without a passphrase).
    pub fn lock(&self) -> Encryption {
        self.store.lock();
        self.encryption()
    }

    /// Sets a first passphrase: everything the person wrote is sealed, in
    /// one transaction. `cost` is [`KeyCost::calibrated`] in the app.
    ///
    /// `repeat` must match. Afterwards the store is rebuilt (the clear
    /// copies sled kept in its log go with the old files), a sealed backup
    /// is taken, and every backup holding records in clear is deleted.
    pub fn set_passphrase(
        &self,
        passphrase: &str,
        repeat: &str,
        cost: KeyCost,
        now: DateTime<Utc>,
    ) -> Result<Encryption> {
        if passphrase != repeat {
            return Err(Error::invalid("repeat", "twoPassphrasesAreNot"));
        }
        self.store.transact(care::settle_country)?;
        self.store.set_passphrase(passphrase, cost)?;
        self.store.rebuild()?;
        backup::write(&self.store, now, BackupReason::Start)?;
        backup::remove_clear_backups(self.store.dir())?;
        Ok(self.encryption())
    }

    /// Replaces the passphrase (the current one is checked first).
    pub fn change_passphrase(
        &self,
        current: &str,
        new: &str,
        repeat: &str,
        cost: KeyCost,
    ) -> Result<Encryption> {
        if new != repeat {
            return Err(Error::invalid("repeat", "twoNewPassphrasesAre"));
        }
        self.store.change_passphrase(current, new, cost)?;
        Ok(self.encryption())
    }

    /// Removes the passphrase: everything is stored in clear again.
    pub fn remove_passphrase(&self, current: &str) -> Result<Encryption> {
        self.store.remove_passphrase(current)?;
        Ok(self.encryption())
    }

    /// The privacy choices (idle lock, very discreet notifications).
    pub fn privacy(&self) -> Result<privacy::PrivacySettings> {
        privacy::load(&self.store)
    }

    /// Checks and stores the privacy choices.
    pub fn save_privacy(
        &self,
        input: privacy::PrivacySettings,
    ) -> Result<privacy::PrivacySettings> {
        self.store.transact(|tx| privacy::save(tx, input))
    }
}
