//! The named trees records live in, and the keys that sort by time.

use chrono::{DateTime, Utc};

pub(crate) const SCHEMA_KEY: &[u8] = b"schema_version";

/// A named group of records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tree {
    /// Store-wide facts such as the schema version.
    Meta,
    /// The person's profile (one record).
    Profile,
    /// Step 3's start and settings.
    NoContact,
    /// Logged no-contact events, keyed by time.
    Events,
    /// Answers of the dealbreaker check, step 1 and step 2 (one record each).
    Program,
    /// Unsent drafts, keyed by id.
    Drafts,
    /// Notifications: what is waiting to be shown, and what has been handled.
    Outbox,
    /// The notes of logged moments, keyed as their event (kept apart so
    /// the moments' instants stay readable while the notes are sealed).
    EventNotes,
    /// Step 4: logged activities, keyed by id.
    Activities,
    /// Step 4: each "I thought about them", keyed by time.
    Thoughts,
    /// Step 4: one mood per local day, keyed by the date.
    Moods,
    /// Step 4: trigger plans, keyed by id.
    Triggers,
    /// Journal entries, keyed by id.
    Journal,
    /// Step 5: the conversation plan and its outcomes.
    ReachOut,
    /// Step 6: clearing the air, commitments, house rules, cooldown.
    Together,
    /// Step 6's check-ins, keyed by time (the history stays).
    CheckIns,
    /// Moving on: the choice and the closure notes.
    Closure,
    /// Archived programs, keyed by time: each one whole, read-only.
    Archive,
}

impl Tree {
    /// Every tree, in a fixed order.
    pub const ALL: [Tree; 18] = [
        Tree::Meta,
        Tree::Profile,
        Tree::NoContact,
        Tree::Events,
        Tree::Program,
        Tree::Drafts,
        Tree::Outbox,
        Tree::EventNotes,
        Tree::Activities,
        Tree::Thoughts,
        Tree::Moods,
        Tree::Triggers,
        Tree::Journal,
        Tree::ReachOut,
        Tree::Together,
        Tree::CheckIns,
        Tree::Closure,
        Tree::Archive,
    ];

    /// Whether the tree holds what the person wrote, and so is sealed when a
    /// passphrase is set. Every tree is, except the few the notifier needs
    /// while the app is locked (instants, counts, settings): a tree added
    /// later is private unless it is named here. ("I thought about them" is
    /// only an instant, counted from the tray while locked.)
    pub fn is_private(self) -> bool {
        !matches!(
            self,
            Tree::Meta | Tree::NoContact | Tree::Events | Tree::Outbox | Tree::Thoughts
        )
    }

    /// The tree's name on disk and in backups.
    pub fn name(self) -> &'static str {
        match self {
            Tree::Meta => "meta",
            Tree::Profile => "profile",
            Tree::NoContact => "no_contact",
            Tree::Events => "events",
            Tree::Program => "program",
            Tree::Drafts => "drafts",
            Tree::Outbox => "outbox",
            Tree::EventNotes => "event_notes",
            Tree::Activities => "activities",
            Tree::Thoughts => "thoughts",
            Tree::Moods => "moods",
            Tree::Triggers => "triggers",
            Tree::Journal => "journal",
            Tree::ReachOut => "reach_out",
            Tree::Together => "together",
            Tree::CheckIns => "check_ins",
            Tree::Closure => "closure",
            Tree::Archive => "archive",
        }
    }

    /// The tree of a name, as written by [`Tree::name`].
    pub fn from_name(name: &str) -> Option<Tree> {
        Tree::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// A key that sorts by `at`, then by `id`.
pub(crate) fn time_key(at: DateTime<Utc>, id: u64) -> [u8; 16] {
    // Flipping the sign bit makes big-endian byte order match time order,
    // instants before 1970 included.
    let time = (at.timestamp_micros() as u64) ^ (1 << 63);
    let mut key = [0u8; 16];
    key[..8].copy_from_slice(&time.to_be_bytes());
    key[8..].copy_from_slice(&id.to_be_bytes());
    key
}
