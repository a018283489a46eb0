//! Moving on, with closure: the choice (reached from the dealbreaker check,
//! step 1, step 5's "no", or taken at any time), the closure notes (never
//! sent), and the two ways to close the program: archive it (kept whole,
//! read-only, readable later) or erase it. A new program starts after
//! either.
//!
//! An archive is one record in its own tree holding every record of the
//! program's trees as it was, so nothing is lost; it is read back through
//! the same read functions as the live store (it implements [`Read`]).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Message, Result};
use crate::profile::{self, EndedBy};
use crate::stage::Ending;
use crate::store::{Read, Tree, Tx};
use crate::{no_contact, outbox};

/// The longest closure note, in characters.
pub const NOTE_MAX_CHARS: usize = 20_000;
/// The word typed to confirm erasing.
pub const ERASE_WORD: &str = "erase";
/// The confirmation word in every language the words come in (the screen
/// asks for the one of the person's language, and any of them is accepted):
/// English, Spanish, Portuguese, German, French.
pub const ERASE_WORDS: [&str; 5] = [ERASE_WORD, "borrar", "apagar", "löschen", "effacer"];

const KEY: &[u8] = b"closure";

/// One of the closure notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// A note to close the chapter (never sent).
    Note,
    /// What I learned.
    Learned,
    /// What I will work on.
    WorkOn,
    /// What I want next time.
    NextTime,
}

impl crate::choice::Offered for Field {
    const FIELD: &'static str = "field";
}

impl Field {
    /// The form field (and what an error names).
    pub fn name(self) -> &'static str {
        match self {
            Field::Note => "note",
            Field::Learned => "learned",
            Field::WorkOn => "work_on",
            Field::NextTime => "next_time",
        }
    }
}

/// The closure as stored and shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Closure {
    /// When the person chose this path on its own screen.
    pub chosen_at: Option<DateTime<Utc>>,
    /// The notes, as written.
    pub notes: BTreeMap<Field, String>,
}

/// Whether the trees' records belong to the program (archived and erased
/// with it). Every new tree must be sorted here.
fn holds_program(tree: Tree) -> bool {
    match tree {
        Tree::Meta | Tree::Outbox | Tree::Archive => false,
        Tree::Profile
        | Tree::NoContact
        | Tree::Events
        | Tree::EventNotes
        | Tree::Program
        | Tree::Drafts
        | Tree::Activities
        | Tree::Thoughts
        | Tree::Moods
        | Tree::Triggers
        | Tree::Journal
        | Tree::ReachOut
        | Tree::Together
        | Tree::CheckIns
        | Tree::Closure => true,
    }
}

/// The closure notes.
pub fn load(store: &impl Read) -> Result<Closure> {
    Ok(store.get(Tree::Closure, KEY)?.unwrap_or_default())
}

/// Whether the person chose moving on on its own screen.
pub fn chosen(store: &impl Read) -> Result<bool> {
    Ok(load(store)?.chosen_at.is_some())
}

/// Records the choice to move on (once; a second time changes nothing).
pub fn choose(tx: &mut Tx<'_>, now: DateTime<Utc>) -> Result<()> {
    let mut closure = load(tx)?;
    if closure.chosen_at.is_none() {
        closure.chosen_at = Some(now);
        tx.put(Tree::Closure, KEY, &closure)?;
    }
    Ok(())
}

/// Saves one closure note as typed.
pub fn save(tx: &mut Tx<'_>, field: Field, text: &str) -> Result<()> {
    if text.chars().count() > NOTE_MAX_CHARS {
        return Err(Error::invalid(
            field.name(),
            Message::new("tooLong").arg("max", NOTE_MAX_CHARS),
        ));
    }
    let mut closure = load(tx)?;
    if text.trim().is_empty() {
        closure.notes.remove(&field);
    } else {
        closure.notes.insert(field, text.to_owned());
    }
    tx.put(Tree::Closure, KEY, &closure)
}

/// One archived program: every record of its trees as it was.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Archived {
    archived_at: Option<DateTime<Utc>>,
    /// Tree name -> (key, record) pairs in key order.
    trees: BTreeMap<String, Vec<(Vec<u8>, serde_json::Value)>>,
}

impl Read for Archived {
    fn get<T: DeserializeOwned>(&self, tree: Tree, key: &[u8]) -> Result<Option<T>> {
        let Some(entries) = self.trees.get(tree.name()) else {
            return Ok(None);
        };
        entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| decode(v))
            .transpose()
    }

    fn values<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<T>> {
        self.trees
            .get(tree.name())
            .map_or(Ok(Vec::new()), |entries| {
                entries.iter().map(|(_, v)| decode(v)).collect()
            })
    }

    fn entries<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<(Vec<u8>, T)>> {
        self.trees
            .get(tree.name())
            .map_or(Ok(Vec::new()), |entries| {
                entries
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), decode(v)?)))
                    .collect()
            })
    }
}

fn decode<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T> {
    T::deserialize(value).map_err(|e| Error::Storage(format!("an archived record: {e}")))
}

/// An archived program in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchiveSummary {
    /// Its id (to open it with).
    pub id: String,
    /// When it was archived.
    pub archived_at: Option<DateTime<Utc>>,
    /// What the person called them.
    pub ex_name: Option<String>,
}

/// What a piece of writing in an archived program was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WrittenKind {
    /// An answer in step 1 (its label is the prompt).
    Reflection,
    /// A step of the growth plan.
    GrowthStep,
    /// An unsent draft.
    Draft,
    /// The pledge not to beg.
    Pledge,
    /// A note on a logged moment (its label is the moment's kind).
    Moment,
    /// A mood's note (its label is the score).
    Mood,
    /// An activity's note (its label is the activity's kind).
    Activity,
    /// A trigger and the plan for it.
    Trigger,
    /// A journal entry.
    Journal,
    /// A note of the conversation plan (its label is the topic).
    PlanNote,
}

/// One piece of writing in an archived program, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Written {
    /// What it was.
    pub kind: WrittenKind,
    /// Which prompt, topic or kind, as the data names it.
    pub label: Option<String>,
    /// When it was written, when known.
    pub at: Option<DateTime<Utc>>,
    /// The words.
    pub text: String,
}

fn code(value: impl Serialize) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
}

/// Everything the person wrote in a program (the closure notes aside), by
/// kind, each kind in time order.
fn written(archived: &Archived, at: DateTime<Utc>, tz: Tz) -> Result<Vec<Written>> {
    use crate::{drafts, life, reach_out, reflect};
    let mut out = Vec::new();
    let mut push = |kind, label: Option<String>, at, text: String| {
        if !text.trim().is_empty() {
            out.push(Written {
                kind,
                label,
                at,
                text,
            });
        }
    };
    let reflection = reflect::view(archived, at, tz)?;
    for (prompt, text) in reflection.answers {
        push(WrittenKind::Reflection, code(prompt), None, text);
    }
    for step in reflection.steps {
        push(WrittenKind::GrowthStep, None, None, step.text);
    }
    let vault = drafts::view(archived)?;
    for draft in vault.drafts.into_iter().rev() {
        push(WrittenKind::Draft, None, Some(draft.created_at), draft.text);
    }
    if let Some(pledge) = vault.pledge {
        push(WrittenKind::Pledge, None, Some(pledge.at), pledge.text);
    }
    for (when, kind, note) in no_contact::noted_moments(archived)? {
        push(WrittenKind::Moment, code(kind), Some(when), note);
    }
    for mood in life::moods(archived)? {
        if let Some(note) = mood.note {
            push(
                WrittenKind::Mood,
                Some(mood.score.to_string()),
                Some(mood.at),
                note,
            );
        }
    }
    for activity in life::activities(archived)? {
        if let Some(note) = activity.note {
            push(
                WrittenKind::Activity,
                code(activity.kind),
                Some(activity.at),
                note,
            );
        }
    }
    for trigger in life::triggers(archived)? {
        let text = format!("{}\n{}", trigger.moment, trigger.plan);
        push(WrittenKind::Trigger, None, Some(trigger.created_at), text);
    }
    let mut journal: Vec<life::journal::EntryView> = life::journal::all(archived)?;
    journal.sort_by_key(|e| (e.created_at, e.id));
    for entry in journal {
        push(
            WrittenKind::Journal,
            None,
            Some(entry.created_at),
            entry.text,
        );
    }
    for note in reach_out::view(archived, at)?.notes {
        push(WrittenKind::PlanNote, code(note.note), None, note.text);
    }
    Ok(out)
}

/// An archived program, read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchiveView {
    /// Its id.
    pub id: String,
    /// When it was archived.
    pub archived_at: Option<DateTime<Utc>>,
    /// What the person called them.
    pub ex_name: Option<String>,
    /// When it ended.
    pub breakup_date: Option<chrono::NaiveDate>,
    /// Who ended it.
    pub ended_by: Option<EndedBy>,
    /// The ending it had reached.
    pub ending: Option<Ending>,
    /// The closure notes.
    pub closure: Closure,
    /// The longest no-contact streak, in days.
    pub best_days: u32,
    /// How many drafts were kept.
    pub drafts: usize,
    /// How many check-ins were saved.
    pub check_ins: usize,
    /// Everything the person wrote in it, by kind (closure notes aside).
    pub written: Vec<Written>,
}

fn hex(key: &[u8]) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

fn archives(store: &impl Read) -> Result<Vec<Archived>> {
    store.values(Tree::Archive)
}

/// How many programs are archived.
pub fn archive_count(store: &impl Read) -> Result<u32> {
    Ok(u32::try_from(archives(store)?.len()).unwrap_or(u32::MAX))
}

fn summary(id: String, archived: &Archived) -> Result<ArchiveSummary> {
    Ok(ArchiveSummary {
        id,
        archived_at: archived.archived_at,
        ex_name: profile::load(archived)?.map(|p| p.ex_name),
    })
}

/// Every archived program, newest first.
pub fn list(store: &impl Read, ids: Vec<Vec<u8>>) -> Result<Vec<ArchiveSummary>> {
    let mut out = ids
        .iter()
        .zip(archives(store)?.iter())
        .map(|(key, a)| summary(hex(key), a))
        .collect::<Result<Vec<_>>>()?;
    out.reverse();
    Ok(out)
}

/// The archived program `id`, read as it was. `ending_of` tells how an
/// archived program had ended (the program's rule, asked by the facade).
pub(crate) fn open(
    store: &impl Read,
    id: &str,
    now: DateTime<Utc>,
    tz: Tz,
    ending_of: impl FnOnce(&Archived, DateTime<Utc>) -> Result<Option<Ending>>,
) -> Result<ArchiveView> {
    let key = parse_hex(id).ok_or_else(|| Error::invalid("id", "noSuchArchive"))?;
    let archived: Archived = store
        .get(Tree::Archive, &key)?
        .ok_or_else(|| Error::invalid("id", "noSuchArchive"))?;
    let profile = profile::load(&archived)?;
    let at = archived.archived_at.unwrap_or(now);
    let ending = ending_of(&archived, at)?;
    Ok(ArchiveView {
        id: id.to_owned(),
        archived_at: archived.archived_at,
        ex_name: profile.as_ref().map(|p| p.ex_name.clone()),
        breakup_date: profile.as_ref().map(|p| p.breakup_date),
        ended_by: profile.as_ref().map(|p| p.ended_by),
        ending,
        closure: load(&archived)?,
        best_days: no_contact::view(&archived, at, tz)?.best_days,
        drafts: archived.trees.get(Tree::Drafts.name()).map_or(0, Vec::len),
        check_ins: archived
            .trees
            .get(Tree::CheckIns.name())
            .map_or(0, Vec::len),
        written: written(&archived, at, tz)?,
    })
}

fn parse_hex(id: &str) -> Option<Vec<u8>> {
    if !id.len().is_multiple_of(2) || id.len() > 64 {
        return None;
    }
    (0..id.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(id.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Removes every record of the program's trees (the no-contact settings,
/// the country of the help lines and the safety plan, which are the
/// person's, stay) and what waits in the outbox.
fn clear_program(tx: &mut Tx<'_>) -> Result<()> {
    for tree in Tree::ALL.into_iter().filter(|t| holds_program(*t)) {
        for (key, _) in tx.store().raw_entries(tree)? {
            let persons = match tree {
                Tree::NoContact => {
                    key == crate::settings::SETTINGS_KEY || key == crate::care::COUNTRY_KEY
                }
                Tree::Profile => key == crate::care::PLAN_KEY,
                _ => false,
            };
            if persons {
                continue;
            }
            tx.remove(tree, &key);
        }
    }
    outbox::save_pending(tx, &[])
}

/// Archives the program: every record is kept in one archive record, and
/// the program's trees are emptied for a new program. Returns the archive.
pub fn archive(tx: &mut Tx<'_>, now: DateTime<Utc>) -> Result<ArchiveSummary> {
    let mut archived = Archived {
        archived_at: Some(now),
        trees: BTreeMap::new(),
    };
    for tree in Tree::ALL.into_iter().filter(|t| holds_program(*t)) {
        // As the person wrote them (opened when sealed): the archive is one
        // record of its own, sealed as a whole when a passphrase is set.
        let entries: Vec<(Vec<u8>, serde_json::Value)> = tx.entries(tree)?;
        if !entries.is_empty() {
            archived.trees.insert(tree.name().to_owned(), entries);
        }
    }
    let key = tx.append(Tree::Archive, now, &archived)?;
    clear_program(tx)?;
    summary(hex(&key), &archived)
}

/// Refuses anything but one of [`ERASE_WORDS`] (any case, in any script's
/// sense of case: "LÖSCHEN" is "löschen"; spaces around).
pub(crate) fn check_erase_word(confirmation: &str) -> Result<()> {
    let typed = fold(confirmation.trim());
    if !ERASE_WORDS.iter().any(|word| typed == fold(word)) {
        return Err(Error::invalid("confirmation", "eraseEverythingTypeWord"));
    }
    Ok(())
}

/// `text` lower-cased, with an o, a or u followed by a combining diaeresis
/// (U+0308, as some keyboards and input methods send it) written as the one
/// letter it shows: "lo\u{308}schen" is "löschen".
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let composed = match (out.chars().next_back(), c) {
            (Some('o'), '\u{308}') => Some('ö'),
            (Some('a'), '\u{308}') => Some('ä'),
            (Some('u'), '\u{308}') => Some('ü'),
            _ => None,
        };
        match composed {
            Some(letter) => {
                out.pop();
                out.push(letter);
            }
            None => out.push(c),
        }
    }
    out
}

/// Erases the program, once `confirmation` is one of [`ERASE_WORDS`].
/// Archives of earlier programs stay.
pub fn erase(tx: &mut Tx<'_>, confirmation: &str) -> Result<()> {
    check_erase_word(confirmation)?;
    clear_program(tx)
}

/// The keys of the archive tree, in order (the archives' ids).
pub(crate) fn archive_keys(store: &crate::store::Store) -> Result<Vec<Vec<u8>>> {
    Ok(store
        .raw_entries(Tree::Archive)?
        .into_iter()
        .map(|(k, _)| k)
        .collect())
}
