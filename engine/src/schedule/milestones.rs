//! Step 3's milestones: which falls due when, the ones newly reached put
//! in the outbox, and the ones a change of the list passes over.
//!
//! Milestone N of a streak falls at the streak start's local wall time on
//! the local date N days later. What has been handled (announced, or
//! passed over in silence) is stored per streak and milestone, so each is
//! announced once, whatever the clock or the time zone does afterwards.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::no_contact::{self, NextMilestone};
use crate::outbox;
use crate::settings::{settings, Settings};
use crate::store::{Read, Tree, Tx, HANDLED_KEY};
use crate::time::{same_wall_time_days_later, whole_days_between};

/// Per streak (start, in µs): the milestones handled, announced or passed
/// over in silence, so that none is ever said twice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
struct Handled(BTreeMap<i64, BTreeSet<u32>>);

impl Handled {
    fn load(store: &impl Read) -> Result<Handled> {
        Ok(store.get(Tree::Outbox, HANDLED_KEY)?.unwrap_or_default())
    }
    fn contains(&self, start: DateTime<Utc>, days: u32) -> bool {
        self.0
            .get(&start.timestamp_micros())
            .is_some_and(|d| d.contains(&days))
    }
    fn insert(&mut self, start: DateTime<Utc>, days: u32) {
        self.0
            .entry(start.timestamp_micros())
            .or_default()
            .insert(days);
    }
}

/// The next milestone of the current streak after `now`, if any is left.
pub fn next(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<Option<NextMilestone>> {
    let Some(start) = no_contact::current_start(store)? else {
        return Ok(None);
    };
    Ok(settings(store)?
        .milestones
        .iter()
        .map(|&days| NextMilestone {
            days,
            at: same_wall_time_days_later(start, days, tz),
        })
        .find(|m| m.at > now))
}

/// Marks as handled each milestone that `milestones` adds to `previous`
/// and that the current streak has already passed, so it does not notify
/// out of the blue.
pub(crate) fn pass_over_added(
    tx: &mut Tx<'_>,
    previous: &[u32],
    milestones: &[u32],
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<()> {
    let Some(start) = no_contact::current_start(tx)? else {
        return Ok(());
    };
    let mut handled = Handled::load(tx)?;
    let before = handled.clone();
    // Only a milestone this change adds is passed over; one that was
    // already in the list and is waiting for the notifier stays due.
    let added = milestones.iter().filter(|d| !previous.contains(d));
    for &days in added {
        if same_wall_time_days_later(start, days, tz) <= now {
            handled.insert(start, days);
        }
    }
    if handled != before {
        tx.put(Tree::Outbox, HANDLED_KEY, &handled)?;
    }
    Ok(())
}

/// Puts the milestones newly reached at `now` in the outbox (or passes them
/// over in silence when notifications are off); returns the day count and
/// lowers `next_due` to the next milestone.
pub(crate) fn enqueue_due(
    tx: &mut Tx<'_>,
    settings: &Settings,
    now: DateTime<Utc>,
    tz: Tz,
    next_due: &mut Option<DateTime<Utc>>,
) -> Result<Option<u32>> {
    let Some(start) = no_contact::current_start(tx)? else {
        return Ok(None);
    };
    // A slip since makes a waiting milestone of an old streak moot.
    let streak = start.timestamp_micros();
    outbox::drop_where(
        tx,
        |topic| matches!(topic, outbox::Topic::Streak { start } if *start != streak),
    )?;
    let mut handled = Handled::load(tx)?;
    let day = whole_days_between(start, now, tz);
    let mut reached = Vec::new();
    for &days in &settings.milestones {
        let at = same_wall_time_days_later(start, days, tz);
        if at <= now {
            if !handled.contains(start, days) {
                reached.push(days);
            }
        } else if next_due.is_none_or(|n| at < n) {
            *next_due = Some(at);
            break;
        }
    }
    if !reached.is_empty() {
        for &days in &reached {
            handled.insert(start, days);
        }
        tx.put(Tree::Outbox, HANDLED_KEY, &handled)?;
        if settings.notifications {
            outbox::enqueue_milestones(tx, streak, &reached, day, now)?;
        }
    }
    Ok(Some(day))
}

#[cfg(test)]
#[path = "milestones_tests/mod.rs"]
mod tests;
