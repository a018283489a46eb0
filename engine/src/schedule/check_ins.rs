//! Step 6's check-in reminders and the end of its cooldown, through the
//! outbox.
//!
//! Check-ins fall at the local wall time of their anchor (when step 6
//! opened, or when the cadence last changed): every N weeks, or every N
//! months on the same day of the month, clamped to the month's last day
//! (31 January, then 28 or 29 February, then 31 March), DST-safe through
//! [`crate::time::resolve_local`]. Each occurrence and each cooldown's end
//! is announced once: what was handled is kept in step 6's record.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::error::Result;
use crate::outbox::{self, Announcement, Topic};
use crate::reach_out;
use crate::store::{Read, Tx};
use crate::time::{resolve_local, same_wall_time_days_later};
use crate::together::{self, Cadence, Timers, Unit};

/// Where the schedule counts from, and the first occurrence's number:
/// a picked first check-in is occurrence 0; otherwise the first falls one
/// cadence after the anchor.
fn anchor(store: &impl Read, timers: &Timers) -> Result<Option<(DateTime<Utc>, u32)>> {
    if let Some(first) = timers.first {
        return Ok(Some((first, 0)));
    }
    Ok(match timers.anchor {
        Some(at) => Some((at, 1)),
        None => reach_out::latest_outcome_at(store)?.map(|at| (at, 1)),
    })
}

/// Occurrence `n` (from 1) of `cadence` after `anchor`, at the anchor's
/// local wall time.
pub fn occurrence(anchor: DateTime<Utc>, cadence: Cadence, n: u32, tz: Tz) -> DateTime<Utc> {
    let steps = cadence.every.saturating_mul(n);
    match cadence.unit {
        Unit::Week => same_wall_time_days_later(anchor, steps.saturating_mul(7), tz),
        Unit::Month => {
            let local = anchor.with_timezone(&tz).naive_local();
            let months = local.year() * 12 + local.month0() as i32 + steps as i32;
            let (year, month) = (months.div_euclid(12), months.rem_euclid(12) as u32 + 1);
            let day = local.day().min(days_in_month(year, month));
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap_or(local.date());
            resolve_local(date.and_time(local.time()), tz)
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).map_or(28, |d| d.day())
}

/// The latest occurrence at or before `now` (if any) and the next after it.
fn around(
    (anchor, from): (DateTime<Utc>, u32),
    cadence: Cadence,
    now: DateTime<Utc>,
    tz: Tz,
) -> (Option<DateTime<Utc>>, DateTime<Utc>) {
    let mut latest = None;
    // Years of weekly check-ins are a few hundred steps; stop far beyond.
    for n in from..=10_000 {
        let at = occurrence(anchor, cadence, n, tz);
        if at > now {
            return (latest, at);
        }
        latest = Some(at);
    }
    (latest, now + Duration::days(365))
}

/// When the next check-in falls after `now`, while its reminders are on
/// (what step 6's screen shows).
pub fn next(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<Option<DateTime<Utc>>> {
    let timers = together::timers(store)?;
    Ok(anchor(store, &timers)?
        .filter(|_| timers.rules.reminders)
        .map(|a| around(a, timers.rules.check_in, now, tz).1))
}

/// Withdraws step 6's waiting offers (check-ins, a cooldown's end):
/// moving on, or never together, nothing of step 6 is offered.
pub(crate) fn withdraw(tx: &mut Tx<'_>) -> Result<()> {
    outbox::drop_where(tx, |t| {
        matches!(t, Topic::CheckIn { .. } | Topic::Cooldown { .. })
    })
}

/// Puts a due check-in reminder and an ended cooldown in the outbox (once
/// each; in silence when notifications are off), lowers `next_due` to the
/// next moment, and returns when a running cooldown ends (for the tray).
pub(crate) fn enqueue_due(
    tx: &mut Tx<'_>,
    notifications: bool,
    now: DateTime<Utc>,
    tz: Tz,
    next_due: &mut Option<DateTime<Utc>>,
) -> Result<Option<DateTime<Utc>>> {
    // Back together: the no-contact milestones are over; they pass in silence.
    outbox::drop_where(tx, |t| matches!(t, Topic::Streak { .. }))?;
    let timers = together::timers(tx)?;
    let mut check_in_handled = timers.check_in_handled;
    let mut cooldown_handled = timers.cooldown_handled;
    let mut lower = |at: DateTime<Utc>| {
        if next_due.is_none_or(|n| at < n) {
            *next_due = Some(at);
        }
    };
    if let (true, Some(anchor)) = (timers.rules.reminders, anchor(tx, &timers)?) {
        let (latest, next) = around(anchor, timers.rules.check_in, now, tz);
        lower(next);
        if let Some(due) = latest {
            let due = due.timestamp_micros();
            if check_in_handled.is_none_or(|h| h < due) {
                check_in_handled = Some(due);
                if notifications {
                    outbox::enqueue(tx, Topic::CheckIn { due }, Announcement::CheckIn, now)?;
                }
            }
        }
    }
    let mut running = None;
    if let Some(c) = timers.cooldown {
        let ends = c.ends_at.timestamp_micros();
        if c.ends_at <= now {
            if cooldown_handled != Some(ends) {
                cooldown_handled = Some(ends);
                if notifications {
                    let over = Announcement::CooldownOver { minutes: c.minutes };
                    outbox::enqueue(tx, Topic::Cooldown { ends }, over, now)?;
                }
            }
        } else {
            running = Some(c.ends_at);
            // Wake when the minutes shown in the tray change, and at the end.
            let left = (c.ends_at - now).num_seconds();
            let shown_minutes = (left + 59) / 60;
            lower(c.ends_at - Duration::minutes(shown_minutes - 1));
        }
    }
    if (check_in_handled, cooldown_handled) != (timers.check_in_handled, timers.cooldown_handled) {
        together::set_handled(tx, check_in_handled, cooldown_handled)?;
    }
    Ok(running)
}
