//! Step 4's daily reminders of trigger plans, through the outbox.
//!
//! A reminder falls at its local time each local day. Each occurrence is
//! announced at most once: the last local date handled per trigger is kept
//! (so neither a restart nor the clock set back repeats one). An occurrence
//! missed by more than [`GRACE`] (the app was closed, the computer asleep,
//! quiet hours held it) is passed over in silence, never shown late, so
//! there is no catch-up flood. The notification is discreet: it says a plan
//! is waiting, never the moment or the plan as written.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::error::Result;
use crate::life::{local_date, triggers, Trigger};
use crate::outbox::{self, Announcement, Topic};
use crate::store::{Read, Tree, Tx};
use crate::time::resolve_local;

/// How late a reminder may still be shown.
pub const GRACE: Duration = Duration::hours(1);

/// Per trigger: the last local date whose reminder was handled.
const HANDLED_KEY: &[u8] = b"reminders_handled";

type Handled = BTreeMap<u64, NaiveDate>;

fn occurrence(date: NaiveDate, t: &Trigger, tz: Tz) -> Option<DateTime<Utc>> {
    t.reminder
        .map(|time| resolve_local(date.and_time(time), tz))
}

/// The next time trigger `t` reminds, after `now`.
fn next_occurrence(t: &Trigger, now: DateTime<Utc>, tz: Tz) -> Option<DateTime<Utc>> {
    let today = local_date(now, tz);
    (0..3)
        .filter_map(|d| today.checked_add_days(chrono::Days::new(d)))
        .filter_map(|date| occurrence(date, t, tz))
        .find(|at| *at > now)
}

/// Puts the reminders due at `now` in the outbox (or passes them over in
/// silence when notifications are off or the moment is long gone), drops
/// waiting ones that are moot, and lowers `next_due` to the next reminder.
pub(crate) fn enqueue_due(
    tx: &mut Tx<'_>,
    notifications: bool,
    now: DateTime<Utc>,
    tz: Tz,
    next_due: &mut Option<DateTime<Utc>>,
) -> Result<()> {
    let all = triggers(tx)?;
    let by_id: BTreeMap<u64, &Trigger> = all.iter().map(|t| (t.id, t)).collect();
    // A waiting reminder whose plan is gone, whose time changed, or whose
    // moment passed too long ago is not shown any more.
    outbox::drop_where(tx, |topic| match topic {
        Topic::Reminder { trigger, date } => by_id
            .get(trigger)
            .and_then(|t| occurrence(*date, t, tz))
            .is_none_or(|at| at + GRACE < now),
        _ => false,
    })?;
    let mut handled: Handled = tx.get(Tree::Outbox, HANDLED_KEY)?.unwrap_or_default();
    let before = handled.clone();
    handled.retain(|id, _| by_id.contains_key(id));
    let today = local_date(now, tz);
    for t in &all {
        // Yesterday's occurrence matters just after midnight.
        for date in [today.pred_opt(), Some(today)].into_iter().flatten() {
            let Some(at) = occurrence(date, t, tz) else {
                continue;
            };
            if at > now
                || t.reminder_since.is_some_and(|since| at <= since)
                || handled.get(&t.id).is_some_and(|d| *d >= date)
            {
                continue;
            }
            handled.insert(t.id, date);
            if notifications && now - at <= GRACE {
                outbox::enqueue(
                    tx,
                    Topic::Reminder {
                        trigger: t.id,
                        date,
                    },
                    Announcement::Reminder { kind: t.kind },
                    now,
                )?;
            }
        }
        if let Some(next) = next_occurrence(t, now, tz) {
            if next_due.is_none_or(|n| next < n) {
                *next_due = Some(next);
            }
        }
    }
    if handled != before {
        tx.put(Tree::Outbox, HANDLED_KEY, &handled)?;
    }
    Ok(())
}

/// When each trigger plan with a reminder reminds next, after `now`, by
/// the plan's id (what the screen shows beside each plan).
pub fn next_by_trigger(
    store: &impl Read,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<BTreeMap<u64, DateTime<Utc>>> {
    Ok(triggers(store)?
        .iter()
        .filter_map(|t| Some((t.id, next_occurrence(t, now, tz)?)))
        .collect())
}

/// Withdraws a waiting reminder of trigger `id`: its plan was deleted.
pub(crate) fn withdraw(tx: &mut Tx<'_>, id: u64) -> Result<()> {
    outbox::drop_where(
        tx,
        |topic| matches!(topic, Topic::Reminder { trigger, .. } if *trigger == id),
    )
}

/// Whether reminders of trigger `id` have been handled (for tests).
#[cfg(test)]
pub(crate) fn handled_date(store: &impl Read, id: u64) -> Result<Option<NaiveDate>> {
    let handled: Handled = store.get(Tree::Outbox, HANDLED_KEY)?.unwrap_or_default();
    Ok(handled.get(&id).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::life::{save_trigger, TriggerInput, TriggerKind};
    use crate::no_contact::SettingsInput;
    use crate::store::Store;
    use crate::test_support::{app_of, instant, temp_store};
    use chrono_tz::{Europe::Berlin, UTC};

    fn add(store: &Store, reminder: &str, now: DateTime<Utc>) -> u64 {
        let input = TriggerInput {
            kind: crate::choice::Choice::Picked(TriggerKind::TimeOfDay),
            moment: "The hour they used to text".into(),
            plan: "Call my sister".into(),
            reminder: Some(reminder.into()),
        };
        store
            .transact(|tx| save_trigger(tx, None, &input, now))
            .unwrap()
    }

    /// One notifier round as the shell runs it; returns what was shown.
    fn round(store: &Store, now: DateTime<Utc>, tz: Tz) -> Option<Announcement> {
        let check = store
            .transact(|tx| crate::schedule::check(tx, now, tz))
            .unwrap();
        let pending = check.announce?;
        store
            .transact(|tx| outbox::confirm(tx, pending.id))
            .unwrap();
        Some(pending.announcement)
    }

    #[test]
    fn a_reminder_comes_once_a_day_at_its_local_time() {
        let (_dir, store) = temp_store();
        let set = instant("2026-05-01T08:00:00Z");
        add(&store, "21:30", set);
        let mut shown = Vec::new();
        // Three days, checked every five minutes.
        let mut now = set;
        while now < instant("2026-05-04T08:00:00Z") {
            if let Some(a) = round(&store, now, Berlin) {
                shown.push((now, a));
            }
            now += Duration::minutes(5);
        }
        let times: Vec<_> = shown.iter().map(|(at, _)| *at).collect();
        // 21:30 in Berlin (summer time) is 19:30 UTC.
        assert_eq!(
            times,
            [
                instant("2026-05-01T19:30:00Z"),
                instant("2026-05-02T19:30:00Z"),
                instant("2026-05-03T19:30:00Z")
            ]
        );
        assert!(shown.iter().all(|(_, a)| *a
            == Announcement::Reminder {
                kind: TriggerKind::TimeOfDay
            }));
    }

    #[test]
    fn a_reminder_set_for_an_earlier_hour_starts_tomorrow() {
        let (_dir, store) = temp_store();
        let set = instant("2026-05-01T10:00:00Z");
        add(&store, "11:30", set); // 09:30 UTC: just passed
        assert_eq!(round(&store, set, Berlin), None);
        let check = store
            .transact(|tx| crate::schedule::check(tx, set, Berlin))
            .unwrap();
        assert_eq!(check.next_due, Some(instant("2026-05-02T09:30:00Z")));
    }

    #[test]
    fn a_missed_reminder_is_skipped_not_shown_late_and_never_twice() {
        let (_dir, store) = temp_store();
        let set = instant("2026-05-01T06:00:00Z");
        let id = add(&store, "08:00", set);
        // The app was closed for three days; back two hours after the time.
        let back = instant("2026-05-04T10:00:00Z");
        assert_eq!(round(&store, back, UTC), None);
        assert_eq!(handled_date(&store, id).unwrap(), "2026-05-04".parse().ok());
        // Within the hour of grace it is still shown, once.
        let (_dir, store) = temp_store();
        let id = add(&store, "08:00", set);
        let late = instant("2026-05-04T08:40:00Z");
        assert!(round(&store, late, UTC).is_some());
        assert_eq!(round(&store, late, UTC), None);
        // The clock set back an hour: not again.
        assert_eq!(round(&store, late - Duration::hours(1), UTC), None);
        assert_eq!(round(&store, late + Duration::hours(1), UTC), None);
        assert_eq!(handled_date(&store, id).unwrap(), "2026-05-04".parse().ok());
    }

    #[test]
    fn quiet_hours_hold_a_reminder_until_it_is_moot_and_off_means_silent() {
        let (_dir, store) = temp_store();
        let set = instant("2026-05-01T06:00:00Z");
        add(&store, "23:00", set);
        let settings = |notifications, quiet| SettingsInput {
            milestones: "1".into(),
            notifications,
            quiet_hours_enabled: quiet,
            quiet_start: "22:00".into(),
            quiet_end: "07:00".into(),
        };
        store
            .transact(|tx| crate::schedule::save_settings(tx, &settings(true, true), set, UTC))
            .unwrap();
        assert_eq!(round(&store, instant("2026-05-01T23:00:00Z"), UTC), None);
        // At the end of the quiet hours the moment has long passed.
        assert_eq!(round(&store, instant("2026-05-02T07:00:00Z"), UTC), None);
        assert_eq!(crate::outbox::pending(&store).unwrap().len(), 0);
        store
            .transact(|tx| crate::schedule::save_settings(tx, &settings(false, false), set, UTC))
            .unwrap();
        assert_eq!(round(&store, instant("2026-05-02T23:00:00Z"), UTC), None);
        assert_eq!(crate::outbox::pending(&store).unwrap().len(), 0);
    }

    #[test]
    fn reminders_keep_their_wall_time_across_dst_both_ways() {
        for (set, expect) in [
            // 2025-03-30: 02:30 does not exist in Berlin; it moves to 03:00 (01:00 UTC).
            (
                "2025-03-29T12:00:00Z",
                ["2025-03-30T01:00:00Z", "2025-03-31T00:30:00Z"],
            ),
            // 2025-10-26: 02:30 happens twice; the earlier one (00:30 UTC).
            (
                "2025-10-25T12:00:00Z",
                ["2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z"],
            ),
        ] {
            let (_dir, store) = temp_store();
            let set = instant(set);
            add(&store, "02:30", set);
            let mut shown = Vec::new();
            let mut now = set;
            while now < set + Duration::hours(48) {
                if round(&store, now, Berlin).is_some() {
                    shown.push(now);
                }
                now += Duration::minutes(10);
            }
            assert_eq!(shown, expect.map(instant), "from {set}");
        }
    }

    #[test]
    fn a_deleted_plan_takes_its_waiting_reminder_with_it() {
        let (_dir, store) = temp_store();
        let set = instant("2026-05-01T06:00:00Z");
        let id = add(&store, "08:00", set);
        let settings = SettingsInput {
            milestones: "1".into(),
            notifications: true,
            quiet_hours_enabled: true,
            quiet_start: "07:00".into(),
            quiet_end: "07:30".into(),
        };
        store
            .transact(|tx| crate::schedule::save_settings(tx, &settings, set, UTC))
            .unwrap();
        // Failed to show: it waits.
        let check = store
            .transact(|tx| crate::schedule::check(tx, instant("2026-05-01T08:00:00Z"), UTC))
            .unwrap();
        let pending = check.announce.unwrap();
        store
            .transact(|tx| outbox::failed(tx, pending.id, instant("2026-05-01T08:00:00Z")))
            .unwrap();
        assert_eq!(crate::outbox::pending(&store).unwrap().len(), 1);
        app_of(&store).delete_trigger(id, set, UTC).unwrap();
        assert_eq!(crate::outbox::pending(&store).unwrap().len(), 0);
    }
}
