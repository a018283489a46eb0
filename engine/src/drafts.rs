//! Step 2, too proud to beg: the unsent drafts vault and the pledge. A
//! draft is kept, never sent: there is no way to send one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::begging::{self, Analysis};
use crate::error::{Error, Message, Result};
use crate::safety;
use crate::store::{Read, Tree, Tx};

/// The longest draft, in characters.
pub const DRAFT_MAX_CHARS: usize = 20_000;
/// The longest pledge, in characters.
pub const PLEDGE_MAX_CHARS: usize = 2_000;

const PLEDGE_KEY: &[u8] = b"pledge";

/// A draft as stored on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Draft {
    id: u64,
    text: String,
    #[serde(default)]
    apology_for_later: bool,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// A draft with the detector's reading, as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftView {
    /// Its id.
    pub id: u64,
    /// The text, as written.
    pub text: String,
    /// Kept as a sincere apology for step 5.
    pub apology_for_later: bool,
    /// First saved.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
    /// What reads as begging, and the level.
    pub analysis: Analysis,
    /// Whether it has words of crisis (the UI offers help).
    pub crisis_support: bool,
    /// The crisis card's reading (tier, danger from someone), when it
    /// brings the card.
    pub care: Option<safety::Care>,
}

/// The person's pledge not to beg (stored as it is shown: two plain fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pledge {
    /// In their words.
    pub text: String,
    /// When first made.
    pub at: DateTime<Utc>,
    /// When last rewritten, if ever.
    #[serde(default)]
    pub rewritten_at: Option<DateTime<Utc>>,
}

/// Step 2 as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VaultView {
    /// Drafts, newest first.
    pub drafts: Vec<DraftView>,
    /// The pledge, once made.
    pub pledge: Option<Pledge>,
}

fn with_analysis(draft: Draft) -> DraftView {
    let reading = read(&draft.text);
    with_reading(draft, reading)
}

fn with_reading(draft: Draft, reading: Reading) -> DraftView {
    DraftView {
        analysis: reading.analysis,
        crisis_support: reading.care.is_some(),
        care: reading.care,
        id: draft.id,
        text: draft.text,
        apology_for_later: draft.apology_for_later,
        created_at: draft.created_at,
        updated_at: draft.updated_at,
    }
}

/// What the detectors make of a draft's text, read before a save takes
/// the store's write lock: the sentence encoder's pass takes tens of
/// milliseconds, and no other save should wait for it.
pub struct Reading {
    analysis: begging::Analysis,
    care: Option<safety::Care>,
}

/// Reads `text` (one crisis reading for both fields: the card comes
/// exactly when there is care to give). A text longer than a draft may be
/// is not read: its save is refused.
pub fn read(text: &str) -> Reading {
    let text = crate::text::unless_longer_than(text, DRAFT_MAX_CHARS);
    Reading {
        analysis: begging::analyse(text),
        care: safety::Care::of(text),
    }
}

fn key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// Step 2's drafts and pledge.
pub fn view(store: &impl Read) -> Result<VaultView> {
    let mut drafts: Vec<DraftView> = store
        .values::<Draft>(Tree::Drafts)?
        .into_iter()
        .map(with_analysis)
        .collect();
    drafts.reverse();
    Ok(VaultView {
        drafts,
        pledge: store.get(Tree::Program, PLEDGE_KEY)?,
    })
}

/// Saves a new draft (`id` none) or changes one; returns it with its
/// reading, taken by [`read`] before the transaction.
pub fn save(
    tx: &mut Tx<'_>,
    id: Option<u64>,
    text: &str,
    apology_for_later: bool,
    now: DateTime<Utc>,
    reading: Reading,
) -> Result<DraftView> {
    if text.trim().is_empty() {
        return Err(Error::invalid("draft", "writeSomethingFirstStays"));
    }
    if text.chars().count() > DRAFT_MAX_CHARS {
        return Err(Error::invalid(
            "draft",
            Message::new("keepDraftCharactersFewer").arg("max", DRAFT_MAX_CHARS),
        ));
    }
    let draft = match id {
        Some(id) => {
            let Some(old) = tx.get::<Draft>(Tree::Drafts, &key(id))? else {
                return Err(Error::invalid("draft", "draftNoLongerExists"));
            };
            Draft {
                text: text.to_owned(),
                apology_for_later,
                updated_at: now,
                ..old
            }
        }
        None => Draft {
            id: tx.new_id()?,
            text: text.to_owned(),
            apology_for_later,
            created_at: now,
            updated_at: now,
        },
    };
    tx.put(Tree::Drafts, &key(draft.id), &draft)?;
    Ok(with_reading(draft, reading))
}

/// Records the pledge, in the person's words.
pub fn pledge(tx: &mut Tx<'_>, text: &str, now: DateTime<Utc>) -> Result<Pledge> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid("pledge", "writePledgeOwnWords"));
    }
    if text.chars().count() > PLEDGE_MAX_CHARS {
        return Err(Error::invalid(
            "pledge",
            Message::new("keepPledgeCharactersFewer").arg("max", PLEDGE_MAX_CHARS),
        ));
    }
    // Rewriting keeps the day it was first made.
    let first: Option<Pledge> = tx.get(Tree::Program, PLEDGE_KEY)?;
    let pledge = Pledge {
        text: text.to_owned(),
        at: first.as_ref().map_or(now, |p| p.at),
        rewritten_at: first.map(|_| now),
    };
    tx.put(Tree::Program, PLEDGE_KEY, &pledge)?;
    Ok(pledge)
}

/// Deletes draft `id` for good (a sincere apology chosen for step 5 leaves
/// the plan with it). Deleting is always possible: the words are theirs.
pub fn delete(tx: &mut Tx<'_>, id: u64) -> Result<()> {
    if tx.get::<Draft>(Tree::Drafts, &key(id))?.is_none() {
        return Err(Error::invalid("id", "draftNoLongerExists"));
    }
    tx.remove(Tree::Drafts, &key(id));
    Ok(())
}

/// Whether the pledge has been made.
pub fn pledged(store: &impl Read) -> Result<bool> {
    Ok(store.get::<Pledge>(Tree::Program, PLEDGE_KEY)?.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::begging::Level;
    use crate::test_support::{instant, open_through_step_one, temp_store};

    #[test]
    fn drafts_are_kept_read_and_edited() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-10T10:00:00Z");
        open_through_step_one(&store, now);
        let first = store
            .transact(|tx| {
                save(
                    tx,
                    None,
                    "Please come back. I'll die without you.",
                    false,
                    now,
                    read("Please come back. I'll die without you."),
                )
            })
            .unwrap();
        assert_eq!(first.analysis.level, Level::Desperate);
        assert!(
            first.analysis.crisis,
            "dying without them brings the card too"
        );
        let edited = store
            .transact(|tx| {
                save(
                    tx,
                    Some(first.id),
                    "I'm sorry I missed your show.",
                    true,
                    now,
                    read("I'm sorry I missed your show."),
                )
            })
            .unwrap();
        assert_eq!(edited.analysis.level, Level::Calm);
        assert!(!edited.analysis.crisis);
        assert!(edited.apology_for_later);
        let second = store
            .transact(|tx| save(tx, None, "I want to die", false, now, read("I want to die")))
            .unwrap();
        assert!(second.crisis_support);
        let vault = view(&store).unwrap();
        assert_eq!(vault.drafts.len(), 2);
        assert_eq!(vault.drafts[0].id, second.id, "newest first");
    }

    #[test]
    fn bad_drafts_and_pledges_store_nothing() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-10T10:00:00Z");
        open_through_step_one(&store, now);
        let long = "x".repeat(DRAFT_MAX_CHARS + 1);
        for text in ["", "   ", long.as_str()] {
            assert_eq!(
                store
                    .transact(|tx| save(tx, None, text, false, now, read(text)))
                    .unwrap_err()
                    .field(),
                Some("draft")
            );
        }
        assert_eq!(
            store
                .transact(|tx| save(tx, Some(999), "hi", false, now, read("hi")))
                .unwrap_err()
                .field(),
            Some("draft")
        );
        assert_eq!(
            store
                .transact(|tx| pledge(tx, " ", now))
                .unwrap_err()
                .field(),
            Some("pledge")
        );
        let vault = view(&store).unwrap();
        assert!(vault.drafts.is_empty() && vault.pledge.is_none());
        store
            .transact(|tx| pledge(tx, "I will not beg. I am worth more.", now))
            .unwrap();
        assert!(pledged(&store).unwrap());
    }
}
