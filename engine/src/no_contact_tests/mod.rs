//! Step 3's tests: the streak, the log, settings, and the milestones the
//! schedule announces (exactly once, across DST, clock changes and
//! notification failures).

use super::*;
use crate::language::Language;
use crate::settings::set_language;
use crate::test_support::{instant, temp_store};
use crate::ErrorKind;
use chrono::Duration;
use chrono::NaiveTime;
use chrono_tz::{America::New_York, Europe::Berlin, UTC};
use proptest::prelude::*;

use crate::store::{Read, Store};
use crate::Announcement;

/// What a check showed, as the shell sees it after the service took it.
struct Shown {
    announce: Option<Announcement>,
    day: Option<u32>,
    next_due: Option<DateTime<Utc>>,
}

/// One notifier round: check, then confirm what was due (the service
/// took it), as the shell does.
fn check(store: &Store, now: DateTime<Utc>, tz: Tz) -> Result<Shown> {
    let checked = store.transact(|tx| crate::schedule::check(tx, now, tz))?;
    if let Some(pending) = &checked.announce {
        store.transact(|tx| outbox::confirm(tx, pending.id))?;
    }
    Ok(Shown {
        announce: checked.announce.map(|p| p.announcement),
        day: checked.day,
        next_due: checked.next_due,
    })
}

fn settings_input(milestones: &str) -> SettingsInput {
    SettingsInput {
        milestones: milestones.into(),
        notifications: true,
        ..SettingsInput::default()
    }
}

mod exactly_once;
mod milestones;
mod streak;
