//! Step 5, reach out: the plan for one calm conversation in person (a note
//! per topic, the questions to ask, a sincere apology from the drafts
//! vault), the phrasing coach on every note, and the outcome.
//!
//! This module records facts; whether step 5 is open is the program's to
//! say, and the facade checks it before calling the writes here.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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

/// One recorded outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeEntry {
    /// What was said.
    pub outcome: Outcome,
    /// When it was recorded.
    pub at: DateTime<Utc>,
}

/// The plan as stored on disk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Plan {
    notes: BTreeMap<Note, String>,
    apology: Option<u64>,
    outcomes: Vec<OutcomeEntry>,
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

/// Step 5 as the UI shows it.
pub fn view(store: &impl Read) -> Result<ReachOutView> {
    let plan = load(store)?;
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
    })
}

/// Saves one note as typed (an empty one is removed); answers with the
/// coach's reading.
pub fn save_note(tx: &mut Tx<'_>, note: Note, text: &str) -> Result<NoteView> {
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
    let care = safety::Care::of(text);
    Ok(NoteView {
        note,
        review: coach::review(text),
        crisis_support: care.is_some(),
        care,
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
