//! The person's privacy choices: when Crossroads locks itself, and how
//! discreet its notifications are. Kept readable while locked (they are
//! choices, not words the person wrote): the notifier needs them then.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Message, Result};
use crate::store::{Read, Tree, Tx};

const KEY: &[u8] = b"privacy";

/// The longest idle time before locking, in minutes.
pub const LOCK_AFTER_MAX_MINUTES: u32 = 24 * 60;

/// Privacy choices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PrivacySettings {
    /// Lock after this many minutes without use (with a passphrase set);
    /// none: only when asked.
    pub lock_after_minutes: Option<u32>,
    /// Notifications say only "Crossroads" and a neutral line: nothing about
    /// contact, days, or an ex, for screens others may see.
    pub very_discreet: bool,
}

/// The stored choices (defaults until changed).
pub fn load(store: &impl Read) -> Result<PrivacySettings> {
    Ok(store.get(Tree::NoContact, KEY)?.unwrap_or_default())
}

/// Checks and stores the choices.
pub fn save(tx: &mut Tx<'_>, input: PrivacySettings) -> Result<PrivacySettings> {
    if let Some(minutes) = input.lock_after_minutes {
        if !(1..=LOCK_AFTER_MAX_MINUTES).contains(&minutes) {
            return Err(Error::invalid(
                "lock_after_minutes",
                Message::new("chooseBetweenMinuteMinutes").arg("max", LOCK_AFTER_MAX_MINUTES),
            ));
        }
    }
    tx.put(Tree::NoContact, KEY, &input)?;
    Ok(input)
}
