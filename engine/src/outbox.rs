//! The outbox of notifications: exactly once, for real.
//!
//! A due announcement is recorded here as pending, in the same transaction
//! that marks its milestones as handled. [`offer`] hands the shell one entry
//! to show and, in the same transaction, marks it *offered* (in flight).
//! The shell shows it and reports back:
//!
//! - [`confirm`] once the desktop's notification service took it. For
//!   notify-rust that is "confirmed": `show()` returned a handle, which it
//!   does only once the service answered the D-Bus `Notify` call with the
//!   notification's id. The entry leaves the outbox for good.
//! - [`failed`] when the notification was certainly not shown: the service
//!   is missing, refused, or the shell did not hand it over at all. The
//!   entry waits with a growing pause and is offered again, so a summary
//!   made at a hidden autostart waits for the service instead of being lost.
//! - nothing, when the answer is unknown (the service did not answer within
//!   the shell's short wait). The entry stays in flight: it is not offered
//!   again while the shell may still get the answer, and the shell reports
//!   that answer ([`confirm`] or [`failed`]) when it comes. Only an entry
//!   whose answer has not come for [`ANSWER_LIMIT`] (the app stopped before
//!   it came, or the service hung for that long) is offered again.
//!
//! Only a confirmed entry leaves the outbox, so an announcement is never
//! lost. A repeat is possible only when the answer was lost: a crash
//! between the service taking it and the confirmation reaching the disk
//! (milliseconds), or a service that took longer than [`ANSWER_LIMIT`] to
//! answer a notification it then showed.
//!
//! Each entry belongs to a `Topic`; a topic has at most one entry
//! waiting to be offered (and at most one more in flight). Milestones
//! reached while one of their streak waits are merged into it, so a long
//! outage ends in one summary, not a flood; never into one in flight,
//! whose confirmation covers only what was offered. Other topics (a
//! reminder of a given day, say) are simply not queued twice.
//!
//! The producers (the schedule's milestones, trigger reminders, check-ins
//! and the cooldown's end) only enqueue; `offer` alone decides what is
//! shown now, honouring quiet hours, so every kind of notification follows
//! the same rules.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::store::{Read, Tree, Tx};

const PENDING_KEY: &[u8] = b"pending";

/// What kind of moment a trigger is (step 4's plans): a reminder says
/// only this, never the moment or the plan as the person wrote them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    /// A time of day (waking up, the hour they used to text).
    TimeOfDay,
    /// A place.
    Place,
    /// A situation (a song, a weekend alone).
    Situation,
}

/// The first pause after a failed send; each further failure doubles it.
pub const FIRST_RETRY: Duration = Duration::seconds(5);
/// The longest pause between two tries.
pub const MAX_RETRY: Duration = Duration::minutes(5);
/// How long an offered entry waits for the shell's answer before it is
/// offered again (see the module's documentation).
pub const ANSWER_LIMIT: Duration = Duration::minutes(10);

/// What a notification says, as counts the shell words discreetly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Announcement {
    /// One milestone reached, as it happened.
    Milestone {
        /// The milestone's day.
        days: u32,
    },
    /// Several reached at once (the app was closed, or the start was back-dated).
    Summary {
        /// The streak's day count now.
        days: u32,
        /// The milestones being announced together.
        milestones: Vec<u32>,
    },
    /// A trigger plan's daily reminder (the kind of moment only: never
    /// what the person wrote).
    Reminder {
        /// What kind of moment the plan is for.
        kind: TriggerKind,
    },
    /// Step 6: a check-in with each other is due.
    CheckIn,
    /// Step 6: the cooldown timer is over.
    CooldownOver {
        /// How long it ran, in minutes.
        minutes: u32,
    },
}

impl Announcement {
    /// The milestones this announcement covers.
    pub fn milestones(&self) -> Vec<u32> {
        match self {
            Announcement::Milestone { days } => vec![*days],
            Announcement::Summary { milestones, .. } => milestones.clone(),
            Announcement::Reminder { .. }
            | Announcement::CheckIn
            | Announcement::CooldownOver { .. } => Vec::new(),
        }
    }

    /// This announcement with `more` milestones added, at day `today`.
    fn merged(&self, more: &[u32], today: u32) -> Announcement {
        let mut all = self.milestones();
        all.extend_from_slice(more);
        all.sort_unstable();
        all.dedup();
        match all.as_slice() {
            [one] => Announcement::Milestone { days: *one },
            _ => Announcement::Summary {
                days: today,
                milestones: all,
            },
        }
    }
}

/// A notification the shell should show now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pending {
    /// Its id, to confirm or report a failure with.
    pub id: u64,
    /// What it says.
    pub announcement: Announcement,
}

/// What an entry is about; a topic has at most one entry waiting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "topic", rename_all = "snake_case")]
pub(crate) enum Topic {
    /// Milestones of the no-contact streak that began at `start` (µs): a
    /// slip makes them moot.
    Streak {
        /// The streak's start, in µs since the epoch.
        start: i64,
    },
    /// Trigger plan `trigger`'s reminder of local date `date`.
    Reminder {
        /// The trigger's id.
        trigger: u64,
        /// The local date of the occurrence.
        date: chrono::NaiveDate,
    },
    /// The check-in due at `due` (µs): one notification per occurrence.
    CheckIn {
        /// When it fell due, in µs since the epoch.
        due: i64,
    },
    /// The cooldown that ended at `ends` (µs).
    Cooldown {
        /// When it ended, in µs since the epoch.
        ends: i64,
    },
}

/// A pending entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub(crate) id: u64,
    pub(crate) announcement: Announcement,
    #[serde(flatten)]
    pub(crate) topic: Topic,
    pub(crate) created_at: DateTime<Utc>,
    #[serde(default)]
    pub(crate) attempts: u32,
    pub(crate) not_before: DateTime<Utc>,
    /// When it was last offered to the shell, while its answer is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) offered_at: Option<DateTime<Utc>>,
}

impl Entry {
    /// A new entry about `topic`, to be offered from `now`.
    fn new(
        tx: &mut Tx<'_>,
        topic: Topic,
        announcement: Announcement,
        now: DateTime<Utc>,
    ) -> Result<Entry> {
        Ok(Entry {
            id: tx.new_id()?,
            announcement,
            topic,
            created_at: now,
            attempts: 0,
            not_before: now,
            offered_at: None,
        })
    }

    /// When it may be offered (again): its time has come and it is not in
    /// flight. An offer in the future (the clock was set back) holds nothing.
    fn free_at(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self.offered_at {
            Some(at) if at <= now => self.not_before.max(at + ANSWER_LIMIT),
            _ => self.not_before,
        }
    }
}

/// Every pending entry.
pub(crate) fn pending(store: &impl Read) -> Result<Vec<Entry>> {
    Ok(store.get(Tree::Outbox, PENDING_KEY)?.unwrap_or_default())
}

pub(crate) fn save_pending(tx: &mut Tx<'_>, entries: &[Entry]) -> Result<()> {
    if entries.is_empty() {
        tx.remove(Tree::Outbox, PENDING_KEY);
        Ok(())
    } else {
        tx.put(Tree::Outbox, PENDING_KEY, &entries)
    }
}

/// Records `milestones` of the streak that began at `streak` (µs) as an
/// announcement, merged into the one already waiting for it, if any.
pub(crate) fn enqueue_milestones(
    tx: &mut Tx<'_>,
    streak: i64,
    milestones: &[u32],
    today: u32,
    now: DateTime<Utc>,
) -> Result<()> {
    let topic = Topic::Streak { start: streak };
    let mut entries = pending(tx)?;
    // Not into one in flight: its confirmation would take along milestones
    // that were never offered.
    if let Some(waiting) = entries
        .iter_mut()
        .find(|e| e.topic == topic && e.offered_at.is_none())
    {
        waiting.announcement = waiting.announcement.merged(milestones, today);
        return save_pending(tx, &entries);
    }
    let announcement = match milestones {
        [one] => Announcement::Milestone { days: *one },
        many => Announcement::Summary {
            days: today,
            milestones: many.to_vec(),
        },
    };
    // Beside the one in flight, if there is one: a topic has at most one
    // entry waiting to be offered.
    entries.push(Entry::new(tx, topic, announcement, now)?);
    save_pending(tx, &entries)
}

/// Records `announcement` about `topic`, unless one about it waits already.
pub(crate) fn enqueue(
    tx: &mut Tx<'_>,
    topic: Topic,
    announcement: Announcement,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut entries = pending(tx)?;
    if entries.iter().any(|e| e.topic == topic) {
        return Ok(());
    }
    entries.push(Entry::new(tx, topic, announcement, now)?);
    save_pending(tx, &entries)
}

/// Drops the waiting entries `moot` picks (their moment has passed).
pub(crate) fn drop_where(tx: &mut Tx<'_>, moot: impl Fn(&Topic) -> bool) -> Result<()> {
    let mut entries = pending(tx)?;
    let before = entries.len();
    entries.retain(|e| !moot(&e.topic));
    if entries.len() != before {
        save_pending(tx, &entries)?;
    }
    Ok(())
}

/// What to show now, and when to look again at the latest: the earliest
/// entry whose time has come and that is not in flight, unless
/// `quiet_until` says the quiet hours hold everything until then.
/// `next_due` is the producers' own next moment. The entry offered is
/// marked in flight in the same transaction: it is not offered again until
/// the shell reports on it, or [`ANSWER_LIMIT`] passed without an answer.
pub(crate) fn offer(
    tx: &mut Tx<'_>,
    now: DateTime<Utc>,
    quiet_until: Option<DateTime<Utc>>,
    next_due: Option<DateTime<Utc>>,
) -> Result<(Option<Pending>, Option<DateTime<Utc>>)> {
    let mut waiting = pending(tx)?;
    let sooner = |a: Option<DateTime<Utc>>, b: DateTime<Utc>| Some(a.map_or(b, |a| a.min(b)));
    let Some(earliest) = waiting.iter().map(|e| e.free_at(now)).min() else {
        return Ok((None, next_due));
    };
    if let Some(end) = quiet_until {
        return Ok((None, sooner(next_due, end)));
    }
    if earliest > now {
        return Ok((None, sooner(next_due, earliest)));
    }
    let Some(due) = waiting
        .iter_mut()
        .filter(|e| e.free_at(now) <= now)
        .min_by_key(|e| (e.not_before, e.id))
    else {
        return Ok((None, next_due));
    };
    due.offered_at = Some(now);
    let offered = Pending {
        id: due.id,
        announcement: due.announcement.clone(),
    };
    save_pending(tx, &waiting)?;
    Ok((Some(offered), next_due))
}

/// The service took notification `id`: it leaves the outbox for good. An
/// unknown id (already confirmed, or made moot by a slip) changes nothing.
pub fn confirm(tx: &mut Tx<'_>, id: u64) -> Result<()> {
    let mut entries = pending(tx)?;
    let before = entries.len();
    entries.retain(|e| e.id != id);
    if entries.len() != before {
        save_pending(tx, &entries)?;
    }
    Ok(())
}

/// Notification `id` was certainly not shown (reported at `now`): it is
/// offered again after a pause that doubles with each failure, up to
/// [`MAX_RETRY`]. An unknown id changes nothing. Never report this while
/// an earlier send of the same entry may still be answered: the entry
/// would then take more milestones that its late confirmation would take
/// along unheard (the shell leaves it in flight instead).
pub fn failed(tx: &mut Tx<'_>, id: u64, now: DateTime<Utc>) -> Result<()> {
    let mut entries = pending(tx)?;
    let Some(entry) = entries.iter_mut().find(|e| e.id == id) else {
        return Ok(());
    };
    entry.attempts = entry.attempts.saturating_add(1);
    entry.not_before = now + retry_pause(entry.attempts);
    entry.offered_at = None;
    save_pending(tx, &entries)
}

/// The pause after `attempts` failures.
pub fn retry_pause(attempts: u32) -> Duration {
    let doublings = attempts.saturating_sub(1).min(16);
    let pause = FIRST_RETRY * 2i32.pow(doublings);
    pause.min(MAX_RETRY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{instant, temp_store};

    /// One entry about a check-in due at `at`, as a producer makes it.
    fn one_waiting(store: &crate::store::Store, at: DateTime<Utc>) {
        store
            .transact(|tx| {
                enqueue(
                    tx,
                    Topic::CheckIn {
                        due: at.timestamp_micros(),
                    },
                    Announcement::CheckIn,
                    at,
                )
            })
            .unwrap();
    }

    fn offered(
        store: &crate::store::Store,
        now: DateTime<Utc>,
    ) -> (Option<Pending>, Option<DateTime<Utc>>) {
        store.transact(|tx| offer(tx, now, None, None)).unwrap()
    }

    #[test]
    fn an_offer_whose_answer_is_unknown_is_not_offered_again_until_the_limit() {
        let (_dir, store) = temp_store();
        let t0 = instant("2026-03-01T10:00:00Z");
        one_waiting(&store, t0);
        let (first, _) = offered(&store, t0);
        let first = first.expect("due now");
        // No answer yet (the service is slow): not offered again, however
        // many rounds pass, until the limit.
        for minutes in [0, 1, 5, 9] {
            let (again, next) = offered(&store, t0 + Duration::minutes(minutes));
            assert_eq!(again, None, "{minutes} min");
            assert_eq!(next, Some(t0 + ANSWER_LIMIT), "{minutes} min");
        }
        // The answer never came: offered again once the limit passed.
        let (retry, _) = offered(&store, t0 + ANSWER_LIMIT);
        assert_eq!(retry.map(|p| p.id), Some(first.id));
        // A late confirmation ends it for good.
        store.transact(|tx| confirm(tx, first.id)).unwrap();
        let (none, next) = offered(&store, t0 + Duration::days(1));
        assert_eq!((none, next), (None, None));
        assert!(pending(&store).unwrap().is_empty());
    }

    #[test]
    fn a_late_failure_frees_the_entry_for_its_retry_and_a_clock_set_back_holds_nothing() {
        let (_dir, store) = temp_store();
        let t0 = instant("2026-03-01T10:00:00Z");
        one_waiting(&store, t0);
        let id = offered(&store, t0).0.unwrap().id;
        // The sender reports, a minute later, that the service refused it.
        let late = t0 + Duration::minutes(1);
        store.transact(|tx| failed(tx, id, late)).unwrap();
        assert_eq!(offered(&store, late).1, Some(late + FIRST_RETRY));
        assert_eq!(offered(&store, late + FIRST_RETRY).0.unwrap().id, id);
        // Offered "in the future" (the clock was then set back): the entry
        // is not stuck until the clock catches up.
        let back = t0 - Duration::hours(5);
        assert_eq!(offered(&store, back).0, None, "its retry pause holds");
        let entries = pending(&store).unwrap();
        assert_eq!(entries[0].free_at(back), entries[0].not_before);
    }

    #[test]
    fn pauses_double_and_stop_growing_at_five_minutes() {
        assert_eq!(retry_pause(1), Duration::seconds(5));
        assert_eq!(retry_pause(2), Duration::seconds(10));
        assert_eq!(retry_pause(4), Duration::seconds(40));
        assert_eq!(retry_pause(7), Duration::minutes(5));
        assert_eq!(retry_pause(u32::MAX), Duration::minutes(5));
    }

    #[test]
    fn merging_turns_one_milestone_into_a_summary_without_repeats() {
        let one = Announcement::Milestone { days: 7 };
        assert_eq!(
            one.merged(&[14, 7], 15),
            Announcement::Summary {
                days: 15,
                milestones: vec![7, 14]
            }
        );
        assert_eq!(one.merged(&[7], 8), one);
    }
}
