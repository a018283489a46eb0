//! Everything due in time, put into the outbox in one place: the
//! no-contact milestones, step 4's trigger reminders, step 6's check-ins
//! and the end of a cooldown; then the one announcement to show now.
//! The notifier thread asks [`check`] about once a minute.
//!
//! The steps keep the records (a streak's start, the trigger plans, step
//! 6's house rules and cooldown); what falls due when, and what has been
//! announced of it, is decided here: one file per kind of moment.

pub mod check_ins;
pub mod milestones;
pub mod reminders;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::outbox::{self, Pending};
use crate::program;
use crate::settings::{self, settings, QuietHours, Settings, SettingsInput};
use crate::store::Tx;
use crate::time::resolve_local;

/// The answer of one notifier check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What to show now, if anything: shown, it is confirmed with
    /// [`outbox::confirm`]; failed, reported with [`outbox::failed`].
    pub announce: Option<Pending>,
    /// The current day count (for the tray), once no contact has started.
    pub day: Option<u32>,
    /// When something may next be due: the next milestone, the end of quiet
    /// hours, or the next try of a notification that failed.
    pub next_due: Option<DateTime<Utc>>,
    /// When a running cooldown (step 6) ends, for the tray.
    pub cooldown_until: Option<DateTime<Utc>>,
}

/// What the notifier should show at `now`. Milestones newly reached are
/// recorded as handled and put in the outbox in one transaction; what the
/// outbox holds is offered until the shell confirms it was shown.
pub fn check(tx: &mut Tx<'_>, now: DateTime<Utc>, tz: Tz) -> Result<Check> {
    let settings = settings(tx)?;
    let mut next_due = None;
    let day = milestones::enqueue_due(tx, &settings, now, tz, &mut next_due)?;
    // Later steps' reminders are enqueued here too, before the offer.
    // Trigger plans are sealed with a passphrase: while locked their
    // reminders wait, and the milestones still come.
    match reminders::enqueue_due(tx, settings.notifications, now, tz, &mut next_due) {
        Err(Error::Locked) => {}
        other => other?,
    }
    // Step 6's plans are sealed too: while locked, check-ins and the
    // cooldown's end wait; the milestones still come.
    let cooldown_until = match step_six_due(tx, settings.notifications, now, tz, &mut next_due) {
        Err(Error::Locked) => None,
        other => other?,
    };
    let quiet_until = settings
        .quiet_hours
        .filter(|q| q.contains(now.with_timezone(&tz).time()))
        .map(|q| quiet_end_after(q, now, tz));
    let (announce, next_due) = outbox::offer(tx, now, quiet_until, next_due)?;
    Ok(Check {
        announce,
        day,
        next_due,
        cooldown_until,
    })
}

/// Validates and stores the settings, and keeps what is due in step with
/// them: a milestone added to the list that the current streak has
/// already passed is passed over, so it does not notify out of the blue;
/// notifications turned off drop what was waiting, so it is not shown
/// later either.
pub fn save_settings(
    tx: &mut Tx<'_>,
    input: &SettingsInput,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<Settings> {
    let chosen = Settings::validate(input)?;
    let previous = settings(tx)?;
    milestones::pass_over_added(tx, &previous.milestones, &chosen.milestones, now, tz)?;
    if !chosen.notifications {
        outbox::save_pending(tx, &[])?;
    }
    settings::replace(tx, chosen)
}

fn quiet_end_after(quiet: QuietHours, now: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
    let local = now.with_timezone(&tz).naive_local();
    let today_end = local.date().and_time(quiet.end);
    let end = if today_end > local {
        today_end
    } else {
        today_end + chrono::Duration::days(1)
    };
    resolve_local(end, tz)
}

/// Step 6's check-ins and the cooldown's end, only while back together
/// (moving on, or never together, nothing of step 6 is offered); returns
/// when a running cooldown ends.
fn step_six_due(
    tx: &mut Tx<'_>,
    notifications: bool,
    now: DateTime<Utc>,
    tz: Tz,
    next_due: &mut Option<DateTime<Utc>>,
) -> Result<Option<DateTime<Utc>>> {
    if program::better_relationship_open(tx)? {
        check_ins::enqueue_due(tx, notifications, now, tz, next_due)
    } else {
        check_ins::withdraw(tx)?;
        Ok(None)
    }
}
