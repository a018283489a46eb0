//! The milestones the schedule announces: exactly once, across DST, clock
//! changes and notification failures.

use super::*;
use crate::no_contact::{log, start, EventKind, QuietHours, SettingsInput, DEFAULT_MILESTONES};
use crate::schedule::save_settings;
use crate::store::Store;
use crate::test_support::{instant, temp_store};
use crate::Announcement;
use chrono::Duration;
use chrono::NaiveTime;
use chrono_tz::{America::New_York, Europe::Berlin, UTC};
use proptest::prelude::*;

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

mod due;
mod exactly_once;
