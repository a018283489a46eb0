//! Step 5, reach out: the plan for one calm conversation in person (a note
//! per topic, the questions to ask, a sincere apology from the drafts
//! vault), the phrasing coach on every note, and the outcome.
//!
//! Safety before contact: when something the person wrote brought the
//! crisis card in the last [`CARE_PAUSE_HOURS`] hours, the step first asks
//! how they are, offers their safety plan and a line, and suggests waiting
//! ([`CarePause`]). They may go on: it is their choice, and the answer is
//! recorded with the moment it was asked ([`CareCheck`]).
//!
//! This module records facts; whether step 5 is open is the program's to
//! say, and the facade checks it before calling the writes here.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::care;
use crate::coach::{self, Review};
use crate::drafts;
use crate::error::{Error, Message, Result};
use crate::profile::{self, EndedBy};
use crate::safety;
use crate::store::{Read, Tree, Tx};

/// The longest note, in characters.
pub const NOTE_MAX_CHARS: usize = 5_000;

const PLAN_KEY: &[u8] = b"plan";

/// One part of the conversation plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    /// How to ask to meet in person.
    Meet,
    /// What went wrong.
    WhatWentWrong,
    /// That you took time to think, and want them back.
    TookTime,
    /// Your part in it.
    MyPart,
    /// What you need from them.
    MyNeeds,
    /// How to move forward.
    MoveForward,
    /// Whether they want to try at all.
    WantToTry,
    /// The questions to ask them.
    Questions,
}

impl crate::choice::Offered for Note {
    const FIELD: &'static str = "note";
}

impl Note {
    /// Every note, in the order of the conversation.
    pub const ALL: [Note; 8] = [
        Note::Meet,
        Note::WhatWentWrong,
        Note::TookTime,
        Note::MyPart,
        Note::MyNeeds,
        Note::MoveForward,
        Note::WantToTry,
        Note::Questions,
    ];

    /// The form field the note is typed in (and an error names).
    pub fn field(self) -> &'static str {
        match self {
            Note::Meet => "meet",
            Note::WhatWentWrong => "what_went_wrong",
            Note::TookTime => "took_time",
            Note::MyPart => "my_part",
            Note::MyNeeds => "my_needs",
            Note::MoveForward => "move_forward",
            Note::WantToTry => "want_to_try",
            Note::Questions => "questions",
        }
    }
}

/// How the conversation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// You both want to try: step 6 opens.
    WantToTry,
    /// Not yet: you will talk again; step 5 stays open.
    NotYet,
    /// They don't want to: the moving-on path opens.
    No,
}

impl crate::choice::Offered for Outcome {
    const FIELD: &'static str = "outcome";
}

/// One recorded outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeEntry {
    /// What was said.
    pub outcome: Outcome,
    /// When it was recorded.
    pub at: DateTime<Utc>,
}

/// How long after a crisis reading step 5 first asks how the person is.
pub const CARE_PAUSE_HOURS: i64 = 72;

/// The person's answer when step 5 asked how they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CareChoice {
    /// They will wait, as suggested.
    Wait,
    /// They are going on now: their choice.
    GoOn,
}

impl crate::choice::Offered for CareChoice {
    const FIELD: &'static str = "choice";
}

/// One time step 5 asked, and what the person answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareCheck {
    /// The crisis reading it asked about.
    pub reading_at: DateTime<Utc>,
    /// When the person answered.
    pub answered_at: DateTime<Utc>,
    /// What they answered.
    pub choice: CareChoice,
}

/// Step 5 asks first: something the person wrote recently brought the
/// crisis card, and they have not chosen to go on since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CarePause {
    /// When what they wrote brought the card.
    pub reading_at: DateTime<Utc>,
    /// When the suggested wait ends (the pause lifts by itself then).
    pub wait_until: DateTime<Utc>,
    /// They already answered that they will wait (the step still asks:
    /// going on stays their choice).
    pub chose_to_wait: bool,
}

/// The plan as stored on disk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Plan {
    notes: BTreeMap<Note, String>,
    apology: Option<u64>,
    outcomes: Vec<OutcomeEntry>,
    care_checks: Vec<CareCheck>,
}

/// One note with the coach's reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteView {
    /// Which note.
    pub note: Note,
    /// As written.
    pub text: String,
    /// Blame, contempt and pressure marked in it.
    pub review: Review,
    /// Whether it has words of crisis (the UI offers help; saving is never blocked).
    pub crisis_support: bool,
    /// The crisis card's reading of the note, when it brings the card.
    pub care: Option<safety::Care>,
}

/// A sincere apology kept in the drafts vault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApologyView {
    /// The draft's id.
    pub id: u64,
    /// Its text.
    pub text: String,
}

/// Step 5 as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReachOutView {
    /// Every note, in the order of the conversation (empty ones too).
    pub notes: Vec<NoteView>,
    /// The apology pulled in from the drafts vault, if any.
    pub apology: Option<ApologyView>,
    /// The apologies kept in the vault for this step.
    pub apologies: Vec<ApologyView>,
    /// The latest outcome.
    pub outcome: Option<Outcome>,
    /// Every outcome recorded, oldest first.
    pub history: Vec<OutcomeEntry>,
    /// They ended it: trying again takes both of you, and a "no" is an answer.
    pub they_ended_it: bool,
    /// Set when the step asks how the person is before anything else.
    pub care_pause: Option<CarePause>,
    /// Every time the step asked, and the answer, oldest first.
    pub care_checks: Vec<CareCheck>,
}

/// Whether step 5 asks how the person is first, at `now`: a crisis reading
/// in the last [`CARE_PAUSE_HOURS`] hours that they have not chosen to go on
/// after. A reading "in the future" (the clock was set back) counts as
/// recent.
pub fn care_pause(store: &impl Read, now: DateTime<Utc>) -> Result<Option<CarePause>> {
    let Some(reading_at) = care::last_reading(store)? else {
        return Ok(None);
    };
    let wait_until = reading_at + Duration::hours(CARE_PAUSE_HOURS);
    if now >= wait_until {
        return Ok(None);
    }
    let checks = load(store)?.care_checks;
    let answered = |choice| {
        checks
            .iter()
            .any(|c| c.reading_at >= reading_at && c.choice == choice)
    };
    if answered(CareChoice::GoOn) {
        return Ok(None);
    }
    Ok(Some(CarePause {
        reading_at,
        wait_until,
        chose_to_wait: answered(CareChoice::Wait),
    }))
}

/// Records the person's answer to "how are you doing?". Refused when the
/// step is not asking.
pub fn answer_care_check(tx: &mut Tx<'_>, choice: CareChoice, now: DateTime<Utc>) -> Result<()> {
    let Some(pause) = care_pause(tx, now)? else {
        return Err(Error::OutOfOrder("careCheckNotAsked".into()));
    };
    let mut plan = load(tx)?;
    plan.care_checks.push(CareCheck {
        reading_at: pause.reading_at,
        answered_at: now,
        choice,
    });
    tx.put(Tree::ReachOut, PLAN_KEY, &plan)
}

fn load(store: &impl Read) -> Result<Plan> {
    Ok(store.get(Tree::ReachOut, PLAN_KEY)?.unwrap_or_default())
}

/// The latest outcome, if any.
pub fn latest_outcome(store: &impl Read) -> Result<Option<Outcome>> {
    Ok(load(store)?.outcomes.last().map(|e| e.outcome))
}

/// When the latest outcome was recorded, if any.
pub fn latest_outcome_at(store: &impl Read) -> Result<Option<DateTime<Utc>>> {
    Ok(load(store)?.outcomes.last().map(|e| e.at))
}

fn apologies(store: &impl Read) -> Result<Vec<ApologyView>> {
    Ok(drafts::view(store)?
        .drafts
        .into_iter()
        .filter(|d| d.apology_for_later)
        .map(|d| ApologyView {
            id: d.id,
            text: d.text,
        })
        .collect())
}

/// Step 5 as the UI shows it at `now`.
pub fn view(store: &impl Read, now: DateTime<Utc>) -> Result<ReachOutView> {
    let plan = load(store)?;
    let care_pause = care_pause(store, now)?;
    let apologies = apologies(store)?;
    let apology = plan
        .apology
        .and_then(|id| apologies.iter().find(|a| a.id == id).cloned());
    let they_ended_it = profile::load(store)?.is_some_and(|p| p.ended_by == EndedBy::Them);
    Ok(ReachOutView {
        notes: Note::ALL
            .iter()
            .map(|&note| {
                let text = plan.notes.get(&note).cloned().unwrap_or_default();
                let care = safety::Care::of(&text);
                NoteView {
                    note,
                    review: coach::review(&text),
                    crisis_support: care.is_some(),
                    care,
                    text,
                }
            })
            .collect(),
        apology,
        apologies,
        outcome: plan.outcomes.last().map(|e| e.outcome),
        history: plan.outcomes,
        they_ended_it,
        care_pause,
        care_checks: plan.care_checks,
    })
}

/// Saves one note as typed (an empty one is removed); answers with the
/// coach's reading.
/// What the coach and the crisis card make of a note's text, read before
/// a save takes the store's write lock (the sentence encoder's passes take
/// tens of milliseconds, and no other save should wait for them).
pub struct NoteReading {
    review: coach::Review,
    care: Option<safety::Care>,
}

/// Reads a note's `text`; a text longer than a note may be is not read:
/// its save is refused.
pub fn read_note(text: &str) -> NoteReading {
    let text = crate::text::unless_longer_than(text, NOTE_MAX_CHARS);
    NoteReading {
        review: coach::review(text),
        care: safety::Care::of(text),
    }
}

/// Saves one note of the plan with its reading, taken by [`read_note`]
/// before the transaction.
pub fn save_note(
    tx: &mut Tx<'_>,
    note: Note,
    text: &str,
    reading: NoteReading,
) -> Result<NoteView> {
    if text.chars().count() > NOTE_MAX_CHARS {
        return Err(Error::invalid(
            note.field(),
            Message::new("noteTooLong").arg("max", NOTE_MAX_CHARS),
        ));
    }
    let mut plan = load(tx)?;
    if text.trim().is_empty() {
        plan.notes.remove(&note);
    } else {
        plan.notes.insert(note, text.to_owned());
    }
    tx.put(Tree::ReachOut, PLAN_KEY, &plan)?;
    Ok(NoteView {
        note,
        review: reading.review,
        crisis_support: reading.care.is_some(),
        care: reading.care,
        text: text.to_owned(),
    })
}

/// Pulls the apology draft `id` into the plan (none: takes it out again).
pub fn use_apology(tx: &mut Tx<'_>, id: Option<u64>) -> Result<()> {
    if let Some(id) = id {
        if !apologies(tx)?.iter().any(|a| a.id == id) {
            return Err(Error::invalid("apology", "draftNotKeptApology"));
        }
    }
    let mut plan = load(tx)?;
    plan.apology = id;
    tx.put(Tree::ReachOut, PLAN_KEY, &plan)
}

/// Records how the conversation ended. A final answer (yes or no) is not
/// changed afterwards; "not yet" can be followed by another talk.
pub fn record_outcome(tx: &mut Tx<'_>, outcome: Outcome, now: DateTime<Utc>) -> Result<()> {
    let mut plan = load(tx)?;
    if matches!(
        plan.outcomes.last().map(|e| e.outcome),
        Some(Outcome::WantToTry | Outcome::No)
    ) {
        return Err(Error::OutOfOrder("outcomeReachingOutAlready".into()));
    }
    plan.outcomes.push(OutcomeEntry { outcome, at: now });
    tx.put(Tree::ReachOut, PLAN_KEY, &plan)
}
