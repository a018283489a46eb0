//! The journal: free entries, each with an optional prompt of the day,
//! searchable and editable. The prompt of the day is drawn from a small
//! table per step, chosen by the local date (the same all day, the next one
//! tomorrow); the UI holds the prompts' words, the engine picks which.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Message, Result};
use crate::stage::StepId;
use crate::store::{Read, Tree, Tx};

/// The longest entry, in characters.
pub const ENTRY_MAX_CHARS: usize = 20_000;
/// The longest search, in characters.
pub const QUERY_MAX_CHARS: usize = 200;
/// The most entries a search lists.
pub const RESULTS_MAX: usize = 200;
/// Prompts per step (the UI has this many texts for each).
pub const PROMPTS_PER_STEP: u8 = 4;

/// The step a prompt belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PromptStep {
    /// Before step 1.
    Dealbreakers,
    /// Step 1.
    Reflect,
    /// Step 2.
    TooProudToBeg,
    /// Step 3.
    NoContact,
    /// Step 4.
    LiveYourLife,
    /// Step 5.
    ReachOut,
    /// Step 6.
    BetterRelationship,
}

impl From<StepId> for PromptStep {
    fn from(step: StepId) -> PromptStep {
        match step {
            StepId::Dealbreakers => PromptStep::Dealbreakers,
            StepId::Reflect => PromptStep::Reflect,
            StepId::TooProudToBeg => PromptStep::TooProudToBeg,
            StepId::NoContact => PromptStep::NoContact,
            StepId::LiveYourLife => PromptStep::LiveYourLife,
            StepId::ReachOut => PromptStep::ReachOut,
            StepId::BetterRelationship => PromptStep::BetterRelationship,
        }
    }
}

/// A prompt: which step's table, and which line of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prompt {
    /// The step's table.
    pub step: PromptStep,
    /// The line, from 0.
    pub index: u8,
}

impl crate::choice::Offered for Prompt {
    const FIELD: &'static str = "prompt";

    // The page hands back a prompt it was given: one it can't name is one
    // the tables no longer hold, and the refusal says just that.
    fn refusal() -> Error {
        Error::invalid(Self::FIELD, "promptDoesNotExist")
    }
}

/// The prompt of the day for a person in `step` on local date `date`.
pub fn prompt_of_the_day(step: StepId, date: NaiveDate) -> Prompt {
    let day = u32::try_from(date.num_days_from_ce()).unwrap_or(0);
    Prompt {
        step: step.into(),
        index: u8::try_from(day % u32::from(PROMPTS_PER_STEP)).unwrap_or(0),
    }
}

/// One entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    id: u64,
    text: String,
    #[serde(default)]
    prompt: Option<Prompt>,
    created_at: DateTime<Utc>,
    #[serde(default)]
    updated_at: Option<DateTime<Utc>>,
}

/// One entry as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryView {
    /// Its id, to edit it.
    pub id: u64,
    /// The text, as written.
    pub text: String,
    /// The prompt it answers, if any.
    pub prompt: Option<Prompt>,
    /// When it was first written.
    pub created_at: DateTime<Utc>,
    /// When it was last changed, if ever.
    pub updated_at: Option<DateTime<Utc>>,
}

impl From<&Entry> for EntryView {
    fn from(e: &Entry) -> EntryView {
        EntryView {
            id: e.id,
            text: e.text.clone(),
            prompt: e.prompt,
            created_at: e.created_at,
            updated_at: e.updated_at,
        }
    }
}

/// Every entry, in no particular order (the archive lists them all).
pub(crate) fn all(store: &impl Read) -> Result<Vec<EntryView>> {
    Ok(store
        .values::<Entry>(Tree::Journal)?
        .iter()
        .map(EntryView::from)
        .collect())
}

/// The journal as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalView {
    /// Today's prompt.
    pub prompt: Prompt,
    /// Entries matching the search (all when there is none), newest first.
    pub entries: Vec<EntryView>,
    /// How many entries the journal holds in all.
    pub total: u32,
    /// How many matched (may exceed the entries listed).
    pub matched: u32,
}

fn key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// Writes a new entry, or changes entry `id`.
pub fn save(
    tx: &mut Tx<'_>,
    id: Option<u64>,
    text: &str,
    prompt: Option<Prompt>,
    now: DateTime<Utc>,
) -> Result<EntryView> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid("text", "writeFewWordsFirst"));
    }
    if text.chars().count() > ENTRY_MAX_CHARS {
        return Err(Error::invalid(
            "text",
            Message::new("entryUpCharactersSplit").arg("max", ENTRY_MAX_CHARS),
        ));
    }
    if prompt.is_some_and(|p| p.index >= PROMPTS_PER_STEP) {
        return Err(Error::invalid("prompt", "promptDoesNotExist"));
    }
    let entry = match id {
        Some(id) => {
            let old: Entry = tx
                .get(Tree::Journal, &key(id))?
                .ok_or_else(|| Error::invalid("id", "entryNoLongerThere"))?;
            Entry {
                text: text.to_owned(),
                prompt: prompt.or(old.prompt),
                updated_at: Some(now),
                ..old
            }
        }
        None => Entry {
            id: tx.new_id()?,
            text: text.to_owned(),
            prompt,
            created_at: now,
            updated_at: None,
        },
    };
    tx.put(Tree::Journal, &key(entry.id), &entry)?;
    Ok(EntryView::from(&entry))
}

/// Deletes entry `id`.
pub fn delete(tx: &mut Tx<'_>, id: u64) -> Result<()> {
    if tx.get::<Entry>(Tree::Journal, &key(id))?.is_none() {
        return Err(Error::invalid("id", "entryNoLongerThere"));
    }
    tx.remove(Tree::Journal, &key(id));
    Ok(())
}

/// The journal, searched for `query` (case-insensitive; empty: everything).
pub fn view(store: &impl Read, query: Option<&str>, prompt: Prompt) -> Result<JournalView> {
    let query = query.map(str::trim).filter(|q| !q.is_empty());
    if query.is_some_and(|q| q.chars().count() > QUERY_MAX_CHARS) {
        return Err(Error::invalid(
            "query",
            Message::new("searchCharactersFewer").arg("max", QUERY_MAX_CHARS),
        ));
    }
    let needle = query.map(str::to_lowercase);
    let mut all: Vec<Entry> = store.values(Tree::Journal)?;
    let total = all.len();
    all.sort_by_key(|e| std::cmp::Reverse((e.created_at, e.id)));
    let matching: Vec<&Entry> = all
        .iter()
        .filter(|e| {
            needle
                .as_ref()
                .is_none_or(|n| e.text.to_lowercase().contains(n.as_str()))
        })
        .collect();
    Ok(JournalView {
        prompt,
        matched: u32::try_from(matching.len()).unwrap_or(u32::MAX),
        entries: matching
            .into_iter()
            .take(RESULTS_MAX)
            .map(EntryView::from)
            .collect(),
        total: u32::try_from(total).unwrap_or(u32::MAX),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{instant, temp_store};

    #[test]
    fn the_prompt_of_the_day_changes_with_the_date_and_the_step() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let a = prompt_of_the_day(StepId::NoContact, d("2026-05-01"));
        assert_eq!(a, prompt_of_the_day(StepId::NoContact, d("2026-05-01")));
        assert_eq!(a.step, PromptStep::NoContact);
        let days: Vec<u8> = (1..=4)
            .map(|n| prompt_of_the_day(StepId::LiveYourLife, d(&format!("2026-05-0{n}"))).index)
            .collect();
        let mut sorted = days.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, [0, 1, 2, 3], "four days, four prompts: {days:?}");
    }

    #[test]
    fn entries_are_saved_edited_searched_and_deleted() {
        let (_dir, store) = temp_store();
        let now = instant("2026-05-01T20:00:00Z");
        let prompt = Prompt {
            step: PromptStep::LiveYourLife,
            index: 2,
        };
        let first = store
            .transact(|tx| {
                save(
                    tx,
                    None,
                    "Went climbing with Mia. Felt alive.",
                    Some(prompt),
                    now,
                )
            })
            .unwrap();
        store
            .transact(|tx| {
                save(
                    tx,
                    None,
                    "A quiet evening.",
                    None,
                    now + chrono::Duration::hours(1),
                )
            })
            .unwrap();
        let all = view(&store, None, prompt).unwrap();
        assert_eq!(all.total, 2);
        assert_eq!(all.entries[0].text, "A quiet evening.", "newest first");
        let found = view(&store, Some("  CLIMBING "), prompt).unwrap();
        assert_eq!(found.matched, 1);
        assert_eq!(found.entries[0].prompt, Some(prompt));
        store
            .transact(|tx| save(tx, Some(first.id), "Went bouldering with Mia.", None, now))
            .unwrap();
        let edited = view(&store, Some("boulder"), prompt).unwrap();
        assert_eq!(edited.entries[0].id, first.id);
        assert_eq!(edited.entries[0].prompt, Some(prompt), "the prompt stays");
        assert!(edited.entries[0].updated_at.is_some());
        store.transact(|tx| delete(tx, first.id)).unwrap();
        assert_eq!(view(&store, None, prompt).unwrap().total, 1);
    }

    #[test]
    fn bad_entries_and_searches_are_refused_and_store_nothing() {
        let (_dir, store) = temp_store();
        let now = instant("2026-05-01T20:00:00Z");
        let bad_prompt = Prompt {
            step: PromptStep::Reflect,
            index: PROMPTS_PER_STEP,
        };
        for (text, prompt, id, field) in [
            ("   ", None, None, "text"),
            (&*"x".repeat(ENTRY_MAX_CHARS + 1), None, None, "text"),
            ("fine", Some(bad_prompt), None, "prompt"),
            ("fine", None, Some(99), "id"),
        ] {
            let err = store
                .transact(|tx| save(tx, id, text, prompt, now))
                .unwrap_err();
            assert_eq!(err.field(), Some(field));
        }
        let prompt = prompt_of_the_day(StepId::Reflect, now.date_naive());
        assert_eq!(view(&store, None, prompt).unwrap().total, 0);
        let err = view(&store, Some(&"q".repeat(201)), prompt).unwrap_err();
        assert_eq!(err.field(), Some("query"));
    }
}
