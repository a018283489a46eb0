//! Step 6, a better relationship: clearing the air, commitments from both
//! sides, house rules, recurring check-ins (a short form, a history kept
//! for years) and the cooldown timer. When a check-in or the cooldown's
//! end falls due, and its reminder, is the schedule's
//! (`schedule/check_ins.rs`): this keeps the record it counts from.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::choice::Choice;
use crate::error::{Error, Message, Result};
use crate::store::{Read, Tree, Tx};
use crate::time::resolve_local;

/// The longest item or check-in answer, in characters.
pub const TEXT_MAX_CHARS: usize = 2_000;
/// The most items a list may hold.
pub const LIST_MAX_ITEMS: usize = 100;
/// The longest cadence: every 12 weeks or months.
pub const CADENCE_MAX: u32 = 12;
/// The longest cooldown, in minutes.
pub const COOLDOWN_MAX_MINUTES: u32 = 120;

const KEY: &[u8] = b"together";

/// One of step 6's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum List {
    /// What bothered me.
    BotheredMe,
    /// What bothered them.
    BotheredThem,
    /// Things to put on the table.
    OnTheTable,
    /// What I ask of them.
    IAsk,
    /// What they ask of me.
    TheyAsk,
    /// What I commit to (and will change).
    MyCommitments,
    /// What they commit to (and will change).
    TheirCommitments,
    /// Our own house rules, beside the three built in.
    OwnRules,
}

impl crate::choice::Offered for List {
    const FIELD: &'static str = "list";
}

impl List {
    /// Every list, in the screen's order.
    pub const ALL: [List; 8] = [
        List::BotheredMe,
        List::BotheredThem,
        List::OnTheTable,
        List::IAsk,
        List::TheyAsk,
        List::MyCommitments,
        List::TheirCommitments,
        List::OwnRules,
    ];
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Its id within the lists.
    pub id: u32,
    /// As written.
    pub text: String,
}

/// What a cadence counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Weeks.
    Week,
    /// Calendar months.
    Month,
}

/// How often the check-in comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cadence {
    /// Weeks or months.
    pub unit: Unit,
    /// Every how many.
    pub every: u32,
}

/// The house rules: the three built in, as settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HouseRules {
    /// The check-in's cadence (monthly by default).
    pub check_in: Cadence,
    /// Check-in reminders on or off.
    pub reminders: bool,
    /// The cooldown when an argument heats up, in minutes (five by default).
    pub cooldown_minutes: u32,
    /// Couples therapy is one of the rules.
    pub therapy: bool,
}

impl Default for HouseRules {
    fn default() -> Self {
        HouseRules {
            check_in: Cadence {
                unit: Unit::Month,
                every: 1,
            },
            reminders: true,
            cooldown_minutes: 5,
            therapy: true,
        }
    }
}

/// The house rules as the UI sends them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HouseRulesInput {
    /// When the first (or next) check-in falls, as a local
    /// `YYYY-MM-DDTHH:MM`; empty or missing: one cadence from now.
    #[serde(default)]
    pub first_check_in: Option<String>,
    /// Weeks or months.
    pub unit: Choice<Unit>,
    /// Every how many (1 to 12); a number field may send anything.
    pub every: Choice<u32>,
    /// Reminders on or off.
    pub reminders: bool,
    /// Cooldown minutes (1 to 120).
    pub cooldown_minutes: Choice<u32>,
    /// Couples therapy.
    pub therapy: bool,
}

/// A running or finished cooldown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Cooldown {
    started_at: DateTime<Utc>,
    /// When it ends (or ended).
    pub(crate) ends_at: DateTime<Utc>,
    /// Its length in minutes.
    pub(crate) minutes: u32,
}

/// Step 6's record on disk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Record {
    lists: BTreeMap<List, Vec<Item>>,
    next_id: u32,
    rules: HouseRules,
    /// When the cadence was last set; none: from the outcome of step 5.
    anchor: Option<DateTime<Utc>>,
    /// The first check-in the person picked: the schedule counts from it
    /// (it is itself occurrence 0).
    first: Option<DateTime<Utc>>,
    /// The last check-in occurrence handled (µs of its instant).
    check_in_handled: Option<i64>,
    cooldown: Option<Cooldown>,
    /// The cooldown end already announced (µs).
    cooldown_handled: Option<i64>,
}

/// One check-in, as stored and shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckIn {
    /// When it was saved.
    pub at: Option<DateTime<Utc>>,
    /// How I feel.
    pub i_feel: String,
    /// How they feel.
    pub they_feel: String,
    /// What works.
    pub works: String,
    /// What does not.
    pub does_not: String,
    /// One thing to change.
    pub change: String,
}

/// The cooldown as the UI shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CooldownView {
    /// When it ends.
    pub ends_at: DateTime<Utc>,
    /// Its length in minutes.
    pub minutes: u32,
    /// Whole seconds left (0 when over).
    pub seconds_left: i64,
}

/// Step 6 as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TogetherView {
    /// Every list, empty ones too.
    pub lists: BTreeMap<List, Vec<Item>>,
    /// The house rules.
    pub rules: HouseRules,
    /// When the next check-in falls: the schedule's answer, which the
    /// facade fills in ([`view`] leaves it empty).
    pub next_check_in: Option<DateTime<Utc>>,
    /// The check-ins so far, newest first.
    pub check_ins: Vec<CheckIn>,
    /// A running cooldown.
    pub cooldown: Option<CooldownView>,
}

fn load(store: &impl Read) -> Result<Record> {
    Ok(store.get(Tree::Together, KEY)?.unwrap_or_default())
}

/// What step 6 has recorded that its check-ins and the cooldown's end
/// are counted from, and what of them was already handled: the
/// schedule reads it, and records what it handles with [`set_handled`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Timers {
    /// The house rules (the cadence, reminders on or off).
    pub(crate) rules: HouseRules,
    /// The first check-in the person picked.
    pub(crate) first: Option<DateTime<Utc>>,
    /// When the cadence was last set; none: from the outcome of step 5.
    pub(crate) anchor: Option<DateTime<Utc>>,
    /// The last check-in occurrence handled (µs of its instant).
    pub(crate) check_in_handled: Option<i64>,
    /// The latest cooldown, running or over.
    pub(crate) cooldown: Option<Cooldown>,
    /// The cooldown end already announced (µs).
    pub(crate) cooldown_handled: Option<i64>,
}

/// Step 6's timers as recorded.
pub(crate) fn timers(store: &impl Read) -> Result<Timers> {
    let record = load(store)?;
    Ok(Timers {
        rules: record.rules,
        first: record.first,
        anchor: record.anchor,
        check_in_handled: record.check_in_handled,
        cooldown: record.cooldown,
        cooldown_handled: record.cooldown_handled,
    })
}

/// Records the check-in occurrence and the cooldown end last handled
/// (written only when they changed).
pub(crate) fn set_handled(
    tx: &mut Tx<'_>,
    check_in: Option<i64>,
    cooldown: Option<i64>,
) -> Result<()> {
    let mut record = load(tx)?;
    let before = record.clone();
    record.check_in_handled = check_in;
    record.cooldown_handled = cooldown;
    if record != before {
        tx.put(Tree::Together, KEY, &record)?;
    }
    Ok(())
}

/// Step 6 as the UI shows it.
pub fn view(store: &impl Read, now: DateTime<Utc>) -> Result<TogetherView> {
    let record = load(store)?;
    let mut lists = record.lists.clone();
    for list in List::ALL {
        lists.entry(list).or_default();
    }
    let mut check_ins: Vec<CheckIn> = store.values(Tree::CheckIns)?;
    check_ins.reverse();
    Ok(TogetherView {
        lists,
        rules: record.rules,
        next_check_in: None,
        check_ins,
        cooldown: record
            .cooldown
            .filter(|c| c.ends_at > now)
            .map(|c| CooldownView {
                ends_at: c.ends_at,
                minutes: c.minutes,
                seconds_left: (c.ends_at - now).num_seconds().max(0),
            }),
    })
}

fn checked_text(field: &'static str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.chars().count() > TEXT_MAX_CHARS {
        return Err(Error::invalid(
            field,
            Message::new("tooLong").arg("max", TEXT_MAX_CHARS),
        ));
    }
    Ok(text.to_owned())
}

/// Adds an item to `list`.
pub fn add_item(tx: &mut Tx<'_>, list: List, text: &str) -> Result<Item> {
    let text = checked_text("item", text)?;
    if text.is_empty() {
        return Err(Error::invalid("item", "writeSomethingFirst"));
    }
    let mut record = load(tx)?;
    let items = record.lists.entry(list).or_default();
    if items.len() >= LIST_MAX_ITEMS {
        return Err(Error::invalid(
            "item",
            Message::new("listHoldsUpItems").arg("max", LIST_MAX_ITEMS),
        ));
    }
    record.next_id += 1;
    let item = Item {
        id: record.next_id,
        text,
    };
    record.lists.entry(list).or_default().push(item.clone());
    tx.put(Tree::Together, KEY, &record)?;
    Ok(item)
}

/// Removes item `id` from `list`; an unknown id changes nothing.
pub fn remove_item(tx: &mut Tx<'_>, list: List, id: u32) -> Result<()> {
    let mut record = load(tx)?;
    let items = record.lists.entry(list).or_default();
    let before = items.len();
    items.retain(|i| i.id != id);
    if items.len() != before {
        tx.put(Tree::Together, KEY, &record)?;
    }
    Ok(())
}

/// Validates and stores the house rules; a new cadence counts from `now`.
pub fn save_rules(
    tx: &mut Tx<'_>,
    input: &HouseRulesInput,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<HouseRules> {
    // In the form's order: every, the unit, then the cooldown.
    let every = input
        .every
        .value()
        .filter(|every| (1..=CADENCE_MAX).contains(every))
        .ok_or_else(|| {
            Error::invalid(
                "every",
                Message::new("checkComesEveryWeeks").arg("max", CADENCE_MAX),
            )
        })?;
    let unit = input.unit.required("unit", "pickOne")?;
    let cooldown_minutes = input
        .cooldown_minutes
        .value()
        .filter(|minutes| (1..=COOLDOWN_MAX_MINUTES).contains(minutes))
        .ok_or_else(|| {
            Error::invalid(
                "cooldown_minutes",
                Message::new("cooldownLastsMinutes").arg("max", COOLDOWN_MAX_MINUTES),
            )
        })?;
    let first = match input.first_check_in.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => {
            let local = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
                .or_else(|_| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
                .map_err(|_| Error::invalid("first_check_in", "dateTimeMissing"))?;
            let at = resolve_local(local, tz);
            if at < now - Duration::minutes(1) || at > now + Duration::days(366) {
                return Err(Error::invalid("first_check_in", "pickTimeFromNow"));
            }
            Some(at)
        }
    };
    let mut record = load(tx)?;
    let rules = HouseRules {
        check_in: Cadence { unit, every },
        reminders: input.reminders,
        cooldown_minutes,
        therapy: input.therapy,
    };
    if first.is_some() {
        record.first = first;
        record.check_in_handled = None;
    } else if rules.check_in != record.rules.check_in {
        record.anchor = Some(now);
        record.first = None;
        record.check_in_handled = None;
    }
    record.rules = rules;
    tx.put(Tree::Together, KEY, &record)?;
    Ok(rules)
}

/// Saves a check-in; at least one answer is needed.
pub fn save_check_in(tx: &mut Tx<'_>, input: &CheckIn, now: DateTime<Utc>) -> Result<CheckIn> {
    let entry = CheckIn {
        at: Some(now),
        i_feel: checked_text("i_feel", &input.i_feel)?,
        they_feel: checked_text("they_feel", &input.they_feel)?,
        works: checked_text("works", &input.works)?,
        does_not: checked_text("does_not", &input.does_not)?,
        change: checked_text("change", &input.change)?,
    };
    if [
        &entry.i_feel,
        &entry.they_feel,
        &entry.works,
        &entry.does_not,
        &entry.change,
    ]
    .iter()
    .all(|t| t.is_empty())
    {
        return Err(Error::invalid("i_feel", "answerAtLeastOne"));
    }
    tx.append(Tree::CheckIns, now, &entry)?;
    Ok(entry)
}

/// Starts the cooldown now (a running one starts over).
pub fn start_cooldown(tx: &mut Tx<'_>, now: DateTime<Utc>) -> Result<CooldownView> {
    let mut record = load(tx)?;
    let minutes = record.rules.cooldown_minutes;
    let cooldown = Cooldown {
        started_at: now,
        ends_at: now + Duration::minutes(i64::from(minutes)),
        minutes,
    };
    record.cooldown = Some(cooldown);
    tx.put(Tree::Together, KEY, &record)?;
    Ok(CooldownView {
        ends_at: cooldown.ends_at,
        minutes,
        seconds_left: i64::from(minutes) * 60,
    })
}

/// Stops a running cooldown early (no notification then).
pub fn stop_cooldown(tx: &mut Tx<'_>) -> Result<()> {
    let mut record = load(tx)?;
    if let Some(c) = record.cooldown.take() {
        record.cooldown_handled = Some(c.ends_at.timestamp_micros());
        tx.put(Tree::Together, KEY, &record)?;
    }
    Ok(())
}
