//! Step 4, live your life: the activity log, the "I thought about them"
//! tally, the daily mood, trigger plans (their daily reminders are the
//! schedule's), the journal, and the statistics the Progress charts are
//! drawn from.
//!
//! Records are stored as given (instants in UTC); per-day questions use the
//! local date in the zone passed in. A mood belongs to the local date on
//! which it was given, and keeps it when the zone changes later.

pub mod journal;
pub mod stats;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::choice::Choice;
use crate::error::{Error, Message, Result};
use crate::store::{time_key, Read, Tree, Tx};
use crate::time::resolve_local;

/// The longest note on an activity or a mood, in characters.
pub const NOTE_MAX_CHARS: usize = 2_000;
/// The longest description of a trigger, in characters.
pub const MOMENT_MAX_CHARS: usize = 200;
/// The longest plan for a trigger, in characters.
pub const PLAN_MAX_CHARS: usize = 1_000;
/// The most trigger plans a person keeps.
pub const TRIGGERS_MAX: usize = 50;
/// How far back an activity may be dated.
pub const ACTIVITY_MAX_DAYS_BACK: i64 = 3650;

/// What kind of activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// Time with friends, or reconnecting with one.
    Friends,
    /// A workout, a walk, sport.
    Exercise,
    /// An old or new hobby.
    Hobby,
    /// Anything else meaningful.
    Other,
}

impl ActivityKind {
    /// Every kind, in display order.
    pub const ALL: [ActivityKind; 4] = [
        ActivityKind::Friends,
        ActivityKind::Exercise,
        ActivityKind::Hobby,
        ActivityKind::Other,
    ];
}

/// One activity as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Activity {
    pub(crate) id: u64,
    pub(crate) kind: ActivityKind,
    pub(crate) at: DateTime<Utc>,
    #[serde(default)]
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) recorded_at: Option<DateTime<Utc>>,
}

/// An activity as the UI sends it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActivityInput {
    /// What kind: one of [`ActivityKind`], refused on `kind` otherwise.
    pub kind: Choice<ActivityKind>,
    /// When, as a local `YYYY-MM-DDTHH:MM`; empty or missing means now.
    #[serde(default)]
    pub when: Option<String>,
    /// An optional note.
    #[serde(default)]
    pub note: Option<String>,
}

/// An activity as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityView {
    /// Its id, to edit or delete it.
    pub id: u64,
    /// What kind.
    pub kind: ActivityKind,
    /// When.
    pub at: DateTime<Utc>,
    /// The same instant as a local `YYYY-MM-DDTHH:MM`, for an edit form.
    pub local: String,
    /// The note, as written.
    pub note: Option<String>,
}

/// One "I thought about them", as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Thought {
    pub(crate) at: DateTime<Utc>,
}

/// One day's mood, as stored under its local date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Mood {
    pub(crate) date: NaiveDate,
    pub(crate) score: u8,
    #[serde(default)]
    pub(crate) note: Option<String>,
    pub(crate) at: DateTime<Utc>,
}

/// A day's mood as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoodView {
    /// The local date it belongs to.
    pub date: NaiveDate,
    /// 1 (very low) to 5 (good).
    pub score: u8,
    /// The note, as written.
    pub note: Option<String>,
}

pub use crate::outbox::TriggerKind;

/// A trigger and its plan, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Trigger {
    pub(crate) id: u64,
    pub(crate) kind: TriggerKind,
    pub(crate) moment: String,
    pub(crate) plan: String,
    /// The local time of the daily reminder, if any.
    #[serde(default)]
    pub(crate) reminder: Option<NaiveTime>,
    /// When the reminder was set: no occurrence up to then is reminded.
    #[serde(default)]
    pub(crate) reminder_since: Option<DateTime<Utc>>,
    pub(crate) created_at: DateTime<Utc>,
}

/// A trigger as the UI sends it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TriggerInput {
    /// What kind of moment: one of [`TriggerKind`], refused on the form's
    /// `trigger_kind` otherwise.
    pub kind: Choice<TriggerKind>,
    /// The moment that hurts, in the person's words.
    pub moment: String,
    /// What to do instead.
    pub plan: String,
    /// `HH:MM` for a daily reminder; empty or missing for none.
    #[serde(default)]
    pub reminder: Option<String>,
}

/// A trigger as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TriggerView {
    /// Its id.
    pub id: u64,
    /// What kind of moment.
    pub kind: TriggerKind,
    /// The moment, as written.
    pub moment: String,
    /// The plan, as written.
    pub plan: String,
    /// The reminder's local time, `HH:MM`.
    pub reminder: Option<String>,
    /// The next reminder, if one is set: the schedule's answer, which
    /// the facade fills in ([`view`] leaves it empty).
    pub next_reminder: Option<DateTime<Utc>>,
}

/// Step 4 as the "Live your life" screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LifeView {
    /// Today's local date.
    pub today: NaiveDate,
    /// Times "I thought about them" today.
    pub thoughts_today: u32,
    /// Today's mood, once given.
    pub mood_today: Option<MoodView>,
    /// Activities of today, newest first.
    pub activities_today: Vec<ActivityView>,
    /// The latest activities before today, newest first (at most 10).
    pub activities_recent: Vec<ActivityView>,
    /// Every trigger plan, oldest first.
    pub triggers: Vec<TriggerView>,
    /// The kinds of activity, in display order.
    pub activity_kinds: Vec<ActivityKind>,
}

/// How many recent activities the screen lists.
const RECENT: usize = 10;

fn id_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

fn date_key(date: NaiveDate) -> Vec<u8> {
    date.format("%Y-%m-%d").to_string().into_bytes()
}

/// A trimmed optional note within `max` characters, or a typed error.
pub(crate) fn clean_note(
    note: Option<&str>,
    field: &'static str,
    max: usize,
) -> Result<Option<String>> {
    let note = note
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    if note.as_ref().is_some_and(|n| n.chars().count() > max) {
        return Err(Error::invalid(
            field,
            Message::new("tooLong").arg("max", max),
        ));
    }
    Ok(note)
}

fn required_text(
    text: &str,
    field: &'static str,
    max: usize,
    empty: &'static str,
) -> Result<String> {
    clean_note(Some(text), field, max)?.ok_or_else(|| Error::invalid(field, empty))
}

/// The local date of `at` in `tz`.
pub fn local_date(at: DateTime<Utc>, tz: Tz) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

fn parse_when(when: Option<&str>, now: DateTime<Utc>, tz: Tz) -> Result<DateTime<Utc>> {
    let Some(text) = when.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(now);
    };
    let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| Error::invalid("when", "dateTimeExample"))?;
    let at = resolve_local(local, tz);
    // A minute of grace for a form filled in "now".
    if at > now + chrono::Duration::minutes(1) {
        return Err(Error::invalid("when", "activityFuture"));
    }
    if (now - at).num_days() > ACTIVITY_MAX_DAYS_BACK {
        return Err(Error::invalid("when", "moreThanTenYears"));
    }
    Ok(at.min(now))
}

fn parse_reminder(text: Option<&str>) -> Result<Option<NaiveTime>> {
    let Some(text) = text.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .map(Some)
        .map_err(|_| Error::invalid("reminder", "reminderTimeInvalid"))
}

impl ActivityView {
    fn new(a: &Activity, tz: Tz) -> ActivityView {
        ActivityView {
            id: a.id,
            kind: a.kind,
            at: a.at,
            local: a.at.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string(),
            note: a.note.clone(),
        }
    }
}

impl From<&Mood> for MoodView {
    fn from(m: &Mood) -> MoodView {
        MoodView {
            date: m.date,
            score: m.score,
            note: m.note.clone(),
        }
    }
}

impl From<&Trigger> for TriggerView {
    fn from(t: &Trigger) -> TriggerView {
        TriggerView {
            id: t.id,
            kind: t.kind,
            moment: t.moment.clone(),
            plan: t.plan.clone(),
            reminder: t.reminder.map(|r| r.format("%H:%M").to_string()),
            next_reminder: None,
        }
    }
}

/// Logs an activity (new), or changes activity `id`.
pub fn save_activity(
    tx: &mut Tx<'_>,
    id: Option<u64>,
    input: &ActivityInput,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<u64> {
    let kind = input.kind.required("kind", "pickOne")?;
    let at = parse_when(input.when.as_deref(), now, tz)?;
    let note = clean_note(input.note.as_deref(), "note", NOTE_MAX_CHARS)?;
    let id = match id {
        Some(id) => {
            if tx.get::<Activity>(Tree::Activities, &id_key(id))?.is_none() {
                return Err(Error::invalid("id", "activityNoLongerThere"));
            }
            id
        }
        None => tx.new_id()?,
    };
    let activity = Activity {
        id,
        kind,
        at,
        note,
        recorded_at: Some(now),
    };
    tx.put(Tree::Activities, &id_key(id), &activity)?;
    Ok(id)
}

/// Deletes activity `id`.
pub fn delete_activity(tx: &mut Tx<'_>, id: u64) -> Result<()> {
    if tx.get::<Activity>(Tree::Activities, &id_key(id))?.is_none() {
        return Err(Error::invalid("id", "activityNoLongerThere"));
    }
    tx.remove(Tree::Activities, &id_key(id));
    Ok(())
}

/// Counts one "I thought about them" at `now`.
pub fn count_thought(tx: &mut Tx<'_>, now: DateTime<Utc>) -> Result<()> {
    tx.append(Tree::Thoughts, now, &Thought { at: now })?;
    Ok(())
}

/// Records today's mood. A mood already given today is replaced only when
/// `replace` says the person agreed to it.
pub fn save_mood(
    tx: &mut Tx<'_>,
    score: i64,
    note: Option<&str>,
    replace: bool,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<MoodView> {
    let score = u8::try_from(score)
        .ok()
        .filter(|s| (1..=5).contains(s))
        .ok_or_else(|| Error::invalid("score", "chooseMoodFrom"))?;
    let note = clean_note(note, "mood_note", NOTE_MAX_CHARS)?;
    let date = local_date(now, tz);
    let key = date_key(date);
    if !replace && tx.get::<Mood>(Tree::Moods, &key)?.is_some() {
        return Err(Error::invalid("score", "haveAlreadyNotedToday"));
    }
    let mood = Mood {
        date,
        score,
        note,
        at: now,
    };
    tx.put(Tree::Moods, &key, &mood)?;
    Ok(MoodView::from(&mood))
}

/// Adds a trigger plan (new), or changes trigger `id`.
pub fn save_trigger(
    tx: &mut Tx<'_>,
    id: Option<u64>,
    input: &TriggerInput,
    now: DateTime<Utc>,
) -> Result<u64> {
    let kind = input.kind.required("trigger_kind", "pickOne")?;
    let moment = required_text(&input.moment, "moment", MOMENT_MAX_CHARS, "momentEmpty")?;
    let plan = required_text(&input.plan, "plan", PLAN_MAX_CHARS, "planEmpty")?;
    let reminder = parse_reminder(input.reminder.as_deref())?;
    let existing = match id {
        Some(id) => Some(
            tx.get::<Trigger>(Tree::Triggers, &id_key(id))?
                .ok_or_else(|| Error::invalid("id", "planNoLongerThere"))?,
        ),
        None => {
            if tx.values::<Trigger>(Tree::Triggers)?.len() >= TRIGGERS_MAX {
                return Err(Error::invalid(
                    "moment",
                    Message::new("keepUpPlansRemove").arg("max", TRIGGERS_MAX),
                ));
            }
            None
        }
    };
    let id = match &existing {
        Some(t) => t.id,
        None => tx.new_id()?,
    };
    // A reminder set (or moved) now starts with its next occurrence, so a
    // time earlier today does not notify at once.
    let reminder_since = match &existing {
        Some(t) if t.reminder == reminder => t.reminder_since,
        _ => reminder.map(|_| now),
    };
    let trigger = Trigger {
        id,
        kind,
        moment,
        plan,
        reminder,
        reminder_since,
        created_at: existing.as_ref().map_or(now, |t| t.created_at),
    };
    tx.put(Tree::Triggers, &id_key(id), &trigger)?;
    Ok(id)
}

/// Deletes trigger `id` (a reminder of it still waiting is the
/// schedule's to withdraw).
pub fn delete_trigger(tx: &mut Tx<'_>, id: u64) -> Result<()> {
    if tx.get::<Trigger>(Tree::Triggers, &id_key(id))?.is_none() {
        return Err(Error::invalid("id", "planNoLongerThere"));
    }
    tx.remove(Tree::Triggers, &id_key(id));
    Ok(())
}

pub(crate) fn activities(store: &impl Read) -> Result<Vec<Activity>> {
    let mut all: Vec<Activity> = store.values(Tree::Activities)?;
    all.sort_by_key(|a| (a.at, a.id));
    Ok(all)
}

pub(crate) fn thoughts(store: &impl Read) -> Result<Vec<Thought>> {
    store.values(Tree::Thoughts)
}

/// The thoughts counted on local date `from` or later, read by key from a
/// day before its start (any zone's midnight falls after that), so years
/// of earlier ones are never decoded. Callers still go by local date.
pub(crate) fn thoughts_since(store: &impl Read, from: NaiveDate, tz: Tz) -> Result<Vec<Thought>> {
    let start = resolve_local(from.and_time(NaiveTime::MIN), tz) - chrono::Duration::days(1);
    Ok(store
        .entries_from(Tree::Thoughts, &time_key(start, 0))?
        .into_iter()
        .map(|(_, thought)| thought)
        .collect())
}

pub(crate) fn moods(store: &impl Read) -> Result<Vec<Mood>> {
    store.values(Tree::Moods)
}

/// The moods given for local date `from` or later (their keys are dates).
pub(crate) fn moods_since(store: &impl Read, from: NaiveDate) -> Result<Vec<Mood>> {
    Ok(store
        .entries_from(Tree::Moods, &date_key(from))?
        .into_iter()
        .map(|(_, mood)| mood)
        .collect())
}

/// Every trigger plan, oldest first.
pub(crate) fn triggers(store: &impl Read) -> Result<Vec<Trigger>> {
    let mut all: Vec<Trigger> = store.values(Tree::Triggers)?;
    all.sort_by_key(|t| (t.created_at, t.id));
    Ok(all)
}

/// Step 4 as the screen shows it at `now`.
pub fn view(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<LifeView> {
    let today = local_date(now, tz);
    let thoughts_today = thoughts_since(store, today, tz)?
        .iter()
        .filter(|t| local_date(t.at, tz) == today)
        .count();
    let mood_today = store
        .get::<Mood>(Tree::Moods, &date_key(today))?
        .map(|m| MoodView::from(&m));
    let all = activities(store)?;
    let activities_today = all
        .iter()
        .rev()
        .filter(|a| local_date(a.at, tz) == today)
        .map(|a| ActivityView::new(a, tz))
        .collect();
    let activities_recent = all
        .iter()
        .rev()
        .filter(|a| local_date(a.at, tz) < today)
        .take(RECENT)
        .map(|a| ActivityView::new(a, tz))
        .collect();
    let triggers = triggers(store)?.iter().map(TriggerView::from).collect();
    Ok(LifeView {
        today,
        thoughts_today: u32::try_from(thoughts_today).unwrap_or(u32::MAX),
        mood_today,
        activities_today,
        activities_recent,
        triggers,
        activity_kinds: ActivityKind::ALL.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{app_of, instant, temp_store};
    use crate::ErrorKind;
    use chrono_tz::{America::New_York, Europe::Berlin};

    fn activity(kind: ActivityKind, when: Option<&str>, note: Option<&str>) -> ActivityInput {
        ActivityInput {
            kind: Choice::Picked(kind),
            when: when.map(Into::into),
            note: note.map(Into::into),
        }
    }

    #[test]
    fn step_four_opens_once_no_contact_has_started() {
        use crate::program::{self, StepId};
        let (_dir, store) = temp_store();
        let now = instant("2026-05-01T18:00:00Z");
        crate::test_support::open_through_step_one(&store, now);
        assert!(!program::live_your_life_open(&store).unwrap());
        let facts = program::Facts::load(&store, now, Berlin).unwrap();
        assert_eq!(
            program::current_step(&program::overview(&facts)),
            StepId::NoContact
        );
        store
            .transact(|tx| crate::no_contact::start(tx, None, now, Berlin))
            .unwrap();
        assert!(program::live_your_life_open(&store).unwrap());
        let facts = program::Facts::load(&store, now, Berlin).unwrap();
        assert_eq!(
            program::current_step(&program::overview(&facts)),
            StepId::LiveYourLife
        );
    }

    #[test]
    fn activities_are_logged_edited_and_deleted() {
        let (_dir, store) = temp_store();
        let now = instant("2026-05-01T18:00:00Z");
        let id = store
            .transact(|tx| {
                save_activity(
                    tx,
                    None,
                    &activity(ActivityKind::Friends, None, Some(" Coffee with Sam ")),
                    now,
                    Berlin,
                )
            })
            .unwrap();
        let view = view(&store, now, Berlin).unwrap();
        assert_eq!(view.activities_today.len(), 1);
        assert_eq!(
            view.activities_today[0].note.as_deref(),
            Some("Coffee with Sam")
        );
        assert_eq!(view.activities_today[0].local, "2026-05-01T20:00");
        store
            .transact(|tx| {
                save_activity(
                    tx,
                    Some(id),
                    &activity(ActivityKind::Exercise, Some("2026-04-30T07:15"), None),
                    now,
                    Berlin,
                )
            })
            .unwrap();
        let view = super::view(&store, now, Berlin).unwrap();
        assert!(view.activities_today.is_empty());
        assert_eq!(view.activities_recent[0].kind, ActivityKind::Exercise);
        assert_eq!(
            view.activities_recent[0].at,
            instant("2026-04-30T05:15:00Z")
        );
        store.transact(|tx| delete_activity(tx, id)).unwrap();
        assert!(super::view(&store, now, Berlin)
            .unwrap()
            .activities_recent
            .is_empty());
        let err = store.transact(|tx| delete_activity(tx, id)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }

    #[test]
    fn bad_activity_input_names_its_field_and_stores_nothing() {
        let (_dir, store) = temp_store();
        let now = instant("2026-05-01T18:00:00Z");
        let cases = [
            (
                activity(ActivityKind::Hobby, Some("yesterday"), None),
                "when",
            ),
            (
                activity(ActivityKind::Hobby, Some("2026-05-02T10:00"), None),
                "when",
            ),
            (
                activity(ActivityKind::Hobby, Some("1990-05-02T10:00"), None),
                "when",
            ),
            (
                activity(ActivityKind::Hobby, None, Some(&"x".repeat(2001))),
                "note",
            ),
        ];
        for (input, field) in cases {
            let err = store
                .transact(|tx| save_activity(tx, None, &input, now, Berlin))
                .unwrap_err();
            assert_eq!(err.field(), Some(field), "{input:?}");
        }
        let err = store
            .transact(|tx| {
                save_activity(
                    tx,
                    Some(42),
                    &activity(ActivityKind::Hobby, None, None),
                    now,
                    Berlin,
                )
            })
            .unwrap_err();
        assert_eq!(err.field(), Some("id"));
        assert!(activities(&store).unwrap().is_empty());
    }

    #[test]
    fn thoughts_are_counted_per_local_day() {
        let (_dir, store) = temp_store();
        // 23:30 UTC on 1 May is 2 May in Berlin, still 1 May in New York.
        for at in ["2026-05-01T10:00:00Z", "2026-05-01T23:30:00Z"] {
            store.transact(|tx| count_thought(tx, instant(at))).unwrap();
        }
        let berlin = view(&store, instant("2026-05-02T08:00:00Z"), Berlin).unwrap();
        assert_eq!(berlin.thoughts_today, 1);
        let ny = view(&store, instant("2026-05-02T02:00:00Z"), New_York).unwrap();
        assert_eq!(ny.thoughts_today, 2);
    }

    #[test]
    fn one_mood_a_day_replaced_only_when_asked() {
        let (_dir, store) = temp_store();
        let now = instant("2026-05-01T18:00:00Z");
        store
            .transact(|tx| save_mood(tx, 2, Some("rough"), false, now, Berlin))
            .unwrap();
        let later = now + chrono::Duration::hours(2);
        let err = store
            .transact(|tx| save_mood(tx, 4, None, false, later, Berlin))
            .unwrap_err();
        assert_eq!(err.field(), Some("score"));
        assert_eq!(
            view(&store, later, Berlin)
                .unwrap()
                .mood_today
                .unwrap()
                .score,
            2
        );
        store
            .transact(|tx| save_mood(tx, 4, None, true, later, Berlin))
            .unwrap();
        let mood = view(&store, later, Berlin).unwrap().mood_today.unwrap();
        assert_eq!((mood.score, mood.note), (4, None));
        assert_eq!(moods(&store).unwrap().len(), 1);
        // The next local day (Berlin) is a new day.
        let tomorrow = instant("2026-05-01T22:30:00Z");
        store
            .transact(|tx| save_mood(tx, 3, None, false, tomorrow, Berlin))
            .unwrap();
        assert_eq!(moods(&store).unwrap().len(), 2);
    }

    #[test]
    fn moods_outside_one_to_five_and_long_notes_are_refused() {
        let (_dir, store) = temp_store();
        let now = instant("2026-05-01T18:00:00Z");
        for score in [0, 6, -1, 256] {
            let err = store
                .transact(|tx| save_mood(tx, score, None, false, now, Berlin))
                .unwrap_err();
            assert_eq!(err.field(), Some("score"), "{score}");
        }
        let err = store
            .transact(|tx| save_mood(tx, 3, Some(&"x".repeat(2001)), false, now, Berlin))
            .unwrap_err();
        assert_eq!(err.field(), Some("mood_note"));
        assert!(moods(&store).unwrap().is_empty());
    }

    #[test]
    fn triggers_are_validated_saved_edited_and_deleted() {
        let (_dir, store) = temp_store();
        let now = instant("2026-05-01T18:00:00Z");
        let input = |moment: &str, plan: &str, reminder: Option<&str>| TriggerInput {
            kind: Choice::Picked(TriggerKind::TimeOfDay),
            moment: moment.into(),
            plan: plan.into(),
            reminder: reminder.map(Into::into),
        };
        for (bad, field) in [
            (input("", "walk", None), "moment"),
            (input(&"m".repeat(201), "walk", None), "moment"),
            (input("Sunday mornings", " ", None), "plan"),
            (input("Sunday mornings", &"p".repeat(1001), None), "plan"),
            (input("Sunday mornings", "walk", Some("25:00")), "reminder"),
            (input("Sunday mornings", "walk", Some("7pm")), "reminder"),
        ] {
            let err = store
                .transact(|tx| save_trigger(tx, None, &bad, now))
                .unwrap_err();
            assert_eq!(err.field(), Some(field), "{bad:?}");
        }
        assert!(triggers(&store).unwrap().is_empty());
        let id = store
            .transact(|tx| {
                save_trigger(
                    tx,
                    None,
                    &input("When I wake up", "Make tea and text Mia", Some("07:30")),
                    now,
                )
            })
            .unwrap();
        let view = app_of(&store).life(now, Berlin).unwrap();
        assert_eq!(view.triggers[0].reminder.as_deref(), Some("07:30"));
        assert_eq!(
            view.triggers[0].next_reminder,
            Some(instant("2026-05-02T05:30:00Z"))
        );
        store
            .transact(|tx| {
                save_trigger(
                    tx,
                    Some(id),
                    &input("When I wake up", "Tea, then a walk", None),
                    now,
                )
            })
            .unwrap();
        let view = super::view(&store, now, Berlin).unwrap();
        assert_eq!(view.triggers.len(), 1);
        assert_eq!(view.triggers[0].plan, "Tea, then a walk");
        assert_eq!(view.triggers[0].reminder, None);
        store.transact(|tx| delete_trigger(tx, id)).unwrap();
        assert!(triggers(&store).unwrap().is_empty());
    }
}
