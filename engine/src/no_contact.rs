//! Step 3, no contact: the streak clock and the two-tap log. When its
//! milestones fall due, and which were announced, is the schedule's
//! (`schedule/milestones.rs`).
//!
//! Streaks are never stored: they are derived from the recorded start and
//! the contact slips (each ends a streak and starts the next at that moment).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Message, Result};
pub use crate::settings::{
    settings, QuietHours, Settings, SettingsInput, DEFAULT_MILESTONES, MILESTONES_MAX_COUNT,
    MILESTONE_MAX_DAYS,
};
use crate::store::{Read, Tree, Tx};
use crate::time::{resolve_local, whole_days_between};

/// How long the timer offered after an urge runs, in seconds: long enough
/// for most urges to pass.
pub const URGE_TIMER_SECONDS: u32 = 10 * 60;
/// The longest note on a logged event, in characters.
pub const NOTE_MAX_CHARS: usize = 2_000;

const START_KEY: &[u8] = b"start";
const UNDONE_KEY: &[u8] = b"undone";
/// How many of the latest logged moments the screen lists (to undo or edit).
pub const RECENT_MAX: usize = 10;

/// A logged moment that was undone, kept so the history stays honest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Undone {
    /// What had been logged.
    pub kind: EventKind,
    /// When it had been logged.
    pub at: DateTime<Utc>,
    /// When it was undone.
    pub undone_at: DateTime<Utc>,
}

fn event_id(key: &[u8]) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

fn event_key(id: &str) -> Result<Vec<u8>> {
    let bad = || Error::invalid("id", "noSuchMoment");
    if id.len() != 32 || !id.is_ascii() {
        return Err(bad());
    }
    (0..id.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&id[i..i + 2], 16).map_err(|_| bad()))
        .collect()
}

/// What happened, as logged in two taps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Contact slip: I texted or called them.
    Texted,
    /// Contact slip: I replied to them.
    Replied,
    /// Contact slip: we met.
    Met,
    /// Looking slip: I checked their social media.
    CheckedSocial,
    /// Looking slip: I drove or walked past their place.
    DroveBy,
    /// They contacted me, and I did not answer.
    TheyContacted,
    /// I felt the urge and did not act on it.
    UrgeResisted,
    /// Necessary contact about children; keeps the streak.
    NecessaryChildren,
    /// Necessary contact about a shared lease or home; keeps the streak.
    NecessaryHome,
    /// Necessary contact about work; keeps the streak.
    NecessaryWork,
    /// Other necessary, practical contact; keeps the streak.
    NecessaryOther,
}

impl crate::choice::Offered for EventKind {
    const FIELD: &'static str = "kind";
}

/// The four buttons the kinds belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventGroup {
    /// Ends the current streak.
    ContactSlip,
    /// Counted; the streak goes on.
    LookingSlip,
    /// Logged; breaks nothing.
    TheyContacted,
    /// Counted.
    Urge,
    /// Necessary contact (children, a shared lease, work): logged with its
    /// topic; the streak goes on.
    NecessaryContact,
}

impl EventKind {
    /// Which button the kind belongs to.
    pub fn group(self) -> EventGroup {
        match self {
            EventKind::Texted | EventKind::Replied | EventKind::Met => EventGroup::ContactSlip,
            EventKind::CheckedSocial | EventKind::DroveBy => EventGroup::LookingSlip,
            EventKind::TheyContacted => EventGroup::TheyContacted,
            EventKind::UrgeResisted => EventGroup::Urge,
            EventKind::NecessaryChildren
            | EventKind::NecessaryHome
            | EventKind::NecessaryWork
            | EventKind::NecessaryOther => EventGroup::NecessaryContact,
        }
    }

    /// Whether this ends the current streak.
    pub fn ends_streak(self) -> bool {
        self.group() == EventGroup::ContactSlip
    }
}

/// One logged event, as stored on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Event {
    pub(crate) at: DateTime<Utc>,
    pub(crate) kind: EventKind,
    #[serde(default)]
    pub(crate) note: Option<String>,
}

/// One logged event as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventView {
    /// Its id (to undo it or change its note).
    pub id: String,
    /// When it was logged.
    pub at: DateTime<Utc>,
    /// What happened.
    pub kind: EventKind,
    /// The person's note, as written.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Start {
    at: DateTime<Utc>,
    recorded_at: DateTime<Utc>,
}

/// A streak of no contact, current or past.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Streak {
    /// When it began.
    pub started_at: DateTime<Utc>,
    /// When a contact slip ended it; none for the current streak.
    pub ended_at: Option<DateTime<Utc>>,
    /// The slip that ended it.
    pub ended_by: Option<EventKind>,
    /// Whole days it lasted (or has lasted so far).
    pub days: u32,
}

/// The next milestone of the current streak.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextMilestone {
    /// Its day.
    pub days: u32,
    /// When it falls.
    pub at: DateTime<Utc>,
}

/// Counts over the whole history.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Contact slips.
    pub contact_slips: u32,
    /// Looking slips.
    pub looking_slips: u32,
    /// Times they reached out.
    pub they_contacted: u32,
    /// Urges resisted.
    pub urges_resisted: u32,
    /// Necessary contacts (children, home, work).
    pub necessary_contact: u32,
}

/// Step 3 as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoContactView {
    /// The current streak, once no contact has started.
    pub current: Option<Streak>,
    /// The next milestone, if any is left: the schedule's answer, which
    /// the facade fills in ([`view`] leaves it empty).
    pub next_milestone: Option<NextMilestone>,
    /// The longest streak so far, in days.
    pub best_days: u32,
    /// Ended streaks, newest first.
    pub history: Vec<Streak>,
    /// What was logged today (local date), newest first.
    pub today: Vec<EventView>,
    /// The latest logged moments (any day), newest first, at most
    /// [`RECENT_MAX`]: each can be undone or its note changed.
    pub recent: Vec<EventView>,
    /// Moments that were logged and then undone, newest first: the streak
    /// is counted as if they had not been logged, and this says so.
    pub undone: Vec<Undone>,
    /// Totals.
    pub counts: Counts,
    /// The milestone list.
    pub milestones: Vec<u32>,
    /// How long the timer offered after an urge runs, in seconds.
    pub urge_timer_seconds: u32,
}

/// Everything recorded for step 3, read in one go.
struct Record {
    start: Option<Start>,
    /// Every logged moment with its key, in time order; shared with the
    /// store's cache (see [`Read::shared_entries`]).
    logged: crate::store::Shared<Event>,
}

impl Record {
    fn load(store: &impl Read) -> Result<Record> {
        Ok(Record {
            start: store.get(Tree::NoContact, START_KEY)?,
            logged: store.shared_entries(Tree::Events)?,
        })
    }

    /// Every logged moment, in time order.
    fn events(&self) -> impl DoubleEndedIterator<Item = &Event> {
        self.logged.iter().map(|(_, event)| event)
    }

    /// Streak start instants, oldest first: the start, then each contact slip.
    fn streak_starts(&self) -> Vec<(DateTime<Utc>, Option<&Event>)> {
        let Some(start) = self.start else {
            return Vec::new();
        };
        let mut starts = vec![(start.at, None)];
        for event in self
            .events()
            .filter(|e| e.kind.ends_streak() && e.at >= start.at)
        {
            starts.push((event.at, Some(event)));
        }
        starts
    }

    fn current_start(&self) -> Option<DateTime<Utc>> {
        self.streak_starts().last().map(|(at, _)| *at)
    }
}

/// Whether no contact has started.
pub fn started(store: &impl Read) -> Result<bool> {
    Ok(store.get::<Start>(Tree::NoContact, START_KEY)?.is_some())
}

/// Starts no contact now, or at `since` (a local `YYYY-MM-DDTHH:MM`, the
/// last contact). Refused if it is in the future or already started.
pub fn start(tx: &mut Tx<'_>, since: Option<&str>, now: DateTime<Utc>, tz: Tz) -> Result<()> {
    if started(tx)? {
        return Err(Error::OutOfOrder("noContactHasAlready".into()));
    }
    let at = match since.map(str::trim).filter(|s| !s.is_empty()) {
        None => now,
        Some(text) => {
            let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
                .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
                .map_err(|_| Error::invalid("since", "lastContactMissing"))?;
            let at = resolve_local(local, tz);
            if at > now {
                return Err(Error::invalid("since", "lastContactFuture"));
            }
            if (now - at).num_days() > i64::from(MILESTONE_MAX_DAYS) {
                return Err(Error::invalid("since", "moreThanTenYears"));
            }
            at
        }
    };
    tx.put(
        Tree::NoContact,
        START_KEY,
        &Start {
            at,
            recorded_at: now,
        },
    )
}

/// Logs an event now. A contact slip ends the current streak and starts the next.
pub fn log(
    tx: &mut Tx<'_>,
    kind: EventKind,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<EventView> {
    let note = note
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    if note
        .as_ref()
        .is_some_and(|n| n.chars().count() > NOTE_MAX_CHARS)
    {
        return Err(Error::invalid(
            "note",
            Message::new("keepNoteCharactersFewer").arg("max", NOTE_MAX_CHARS),
        ));
    }
    let record = Record::load(tx)?;
    let Some(current) = record.current_start() else {
        return Err(Error::OutOfOrder("startNoContactFirst".into()));
    };
    // With the clock set back, an event still comes after what is recorded,
    // so the order of streaks never turns around.
    let latest = record
        .events()
        .next_back()
        .map_or(current, |e| e.at.max(current));
    // The note is kept apart, under the event's key: sealed with a
    // passphrase, while the moment itself stays readable for the notifier.
    let event = Event {
        at: now.max(latest),
        kind,
        note: None,
    };
    let key = tx.append(Tree::Events, event.at, &event)?;
    if let Some(note) = &note {
        tx.put(Tree::EventNotes, &key, note)?;
    }
    Ok(EventView {
        id: event_id(&key),
        at: event.at,
        kind,
        note,
    })
}

/// Undoes the logged moment `id`: it is removed with its note, so the
/// streak, the best run, the counts and step 5's wait are recomputed as if
/// it had not been logged, and the undoing is recorded for the history.
pub fn undo(tx: &mut Tx<'_>, id: &str, now: DateTime<Utc>) -> Result<Undone> {
    let key = event_key(id)?;
    let Some(event) = tx.get::<Event>(Tree::Events, &key)? else {
        return Err(Error::invalid("id", "noSuchMoment"));
    };
    tx.remove(Tree::Events, &key);
    tx.remove(Tree::EventNotes, &key);
    let undone = Undone {
        kind: event.kind,
        at: event.at,
        undone_at: now,
    };
    let mut all: Vec<Undone> = tx.get(Tree::NoContact, UNDONE_KEY)?.unwrap_or_default();
    all.push(undone);
    tx.put(Tree::NoContact, UNDONE_KEY, &all)?;
    Ok(undone)
}

/// Changes (or, when empty, removes) the note of the logged moment `id`.
pub fn set_note(tx: &mut Tx<'_>, id: &str, note: &str) -> Result<()> {
    let key = event_key(id)?;
    let Some(mut event) = tx.get::<Event>(Tree::Events, &key)? else {
        return Err(Error::invalid("id", "noSuchMoment"));
    };
    let note = note.trim();
    if note.chars().count() > NOTE_MAX_CHARS {
        return Err(Error::invalid(
            "note",
            Message::new("keepNoteCharactersFewer").arg("max", NOTE_MAX_CHARS),
        ));
    }
    // Older data kept the note in the moment itself: it moves out.
    if event.note.take().is_some() {
        tx.put(Tree::Events, &key, &event)?;
    }
    if note.is_empty() {
        tx.remove(Tree::EventNotes, &key);
    } else {
        tx.put(Tree::EventNotes, &key, &note.to_owned())?;
    }
    Ok(())
}

/// Every event's note, by the event's key (older data kept it in the event).
fn notes(store: &impl Read) -> Result<BTreeMap<Vec<u8>, String>> {
    Ok(store.entries(Tree::EventNotes)?.into_iter().collect())
}

/// Every logged moment that has a note, oldest first: when, what, the note.
pub(crate) fn noted_moments(store: &impl Read) -> Result<Vec<(DateTime<Utc>, EventKind, String)>> {
    let record = Record::load(store)?;
    let notes = notes(store)?;
    Ok(record
        .logged
        .iter()
        .filter_map(|(key, e)| {
            let note = notes.get(key).cloned().or_else(|| e.note.clone())?;
            Some((e.at, e.kind, note))
        })
        .collect())
}

/// Step 3 as the UI shows it at `now`.
pub fn view(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<NoContactView> {
    let record = Record::load(store)?;
    let settings = settings(store)?;
    let starts = record.streak_starts();
    let mut streaks: Vec<Streak> = starts
        .iter()
        .enumerate()
        .map(|(i, (started_at, _))| {
            let end = starts.get(i + 1);
            Streak {
                started_at: *started_at,
                ended_at: end.map(|(at, _)| *at),
                ended_by: end.and_then(|(_, e)| e.map(|e| e.kind)),
                days: whole_days_between(*started_at, end.map_or(now, |(at, _)| *at), tz),
            }
        })
        .collect();
    let current = streaks.pop();
    let best_days = streaks
        .iter()
        .chain(current.iter())
        .map(|s| s.days)
        .max()
        .unwrap_or(0);
    streaks.reverse();
    let today_local = now.with_timezone(&tz).date_naive();
    let notes = notes(store)?;
    let today = record
        .logged
        .iter()
        .rev()
        .filter(|(_, e)| e.at.with_timezone(&tz).date_naive() == today_local)
        .map(|(key, e)| EventView {
            id: event_id(key),
            note: notes.get(key).cloned().or_else(|| e.note.clone()),
            at: e.at,
            kind: e.kind,
        })
        .collect();
    let recent = record
        .logged
        .iter()
        .rev()
        .take(RECENT_MAX)
        .map(|(key, e)| EventView {
            id: event_id(key),
            note: notes.get(key).cloned().or_else(|| e.note.clone()),
            at: e.at,
            kind: e.kind,
        })
        .collect();
    let mut undone: Vec<Undone> = store.get(Tree::NoContact, UNDONE_KEY)?.unwrap_or_default();
    undone.reverse();
    let mut counts = Counts::default();
    for event in record.events() {
        let counter = match event.kind.group() {
            EventGroup::ContactSlip => &mut counts.contact_slips,
            EventGroup::LookingSlip => &mut counts.looking_slips,
            EventGroup::TheyContacted => &mut counts.they_contacted,
            EventGroup::Urge => &mut counts.urges_resisted,
            EventGroup::NecessaryContact => &mut counts.necessary_contact,
        };
        *counter += 1;
    }
    Ok(NoContactView {
        current,
        next_milestone: None,
        best_days,
        history: streaks,
        today,
        recent,
        undone,
        counts,
        milestones: settings.milestones,
        urge_timer_seconds: URGE_TIMER_SECONDS,
    })
}

/// The current streak's whole days, if no contact has started.
pub fn current_days(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<Option<u32>> {
    let record = Record::load(store)?;
    Ok(record
        .current_start()
        .map(|start| whole_days_between(start, now, tz)))
}

/// When the current streak began, once no contact has started.
pub fn current_start(store: &impl Read) -> Result<Option<DateTime<Utc>>> {
    Ok(Record::load(store)?.current_start())
}

/// Whole days since the last looking slip of the current streak (checking
/// their profile, driving by), if there was one: the clock step 5 waits for
/// besides the streak itself.
pub fn days_since_looking(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<Option<u32>> {
    let record = Record::load(store)?;
    let Some(start) = record.current_start() else {
        return Ok(None);
    };
    let last_look = record
        .events()
        .rev()
        .find(|e| e.kind.group() == EventGroup::LookingSlip && e.at >= start)
        .map(|e| whole_days_between(e.at, now, tz));
    Ok(last_look)
}

#[cfg(test)]
#[path = "no_contact_tests/mod.rs"]
mod tests;
