//! Durable storage: the only module that names sled, private to the engine.
//!
//! Records are serde structs stored as JSON in named trees. There is one way
//! to change them, [`Store::transact`]: it takes the store's write lock,
//! lets the action read and decide, then writes every key the action touched
//! in one sled transaction and flushes it before answering. Two actions at
//! the same moment therefore run one after the other, and a write that the
//! UI reports as saved is on disk.
//!
//! The store carries a schema version and is brought up to date by the
//! migrations in [`migrate`] when it opens; data written by a newer
//! Crossroads is refused rather than misread. [`backup`] keeps restorable
//! JSON copies.

pub mod backup;
mod migrate;

use std::collections::BTreeMap;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use crate::error::{Error, Result};

pub(crate) use migrate::HANDLED_KEY;
pub use migrate::SCHEMA_VERSION;

/// sled's page cache. The data is small; sled's default (1 GiB) would make
/// memory balloon for nothing.
const CACHE_BYTES: u64 = 4 * 1024 * 1024;

/// How often, and how far apart, a locked store is asked for again.
const LOCK_RETRIES: u32 = 20;
const LOCK_RETRY_PAUSE: std::time::Duration = std::time::Duration::from_millis(50);

/// The folder inside the data folder that sled owns.
const SLED_DIR: &str = "store";
/// Written once the first schema key is on disk: a store folder with this
/// marker and no schema key has lost data, not merely never been finished.
const CREATED_MARKER: &str = "store.created";

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
    pub const ALL: [Tree; 12] = [
        Tree::Meta,
        Tree::Profile,
        Tree::NoContact,
        Tree::Events,
        Tree::Program,
        Tree::Drafts,
        Tree::Outbox,
        Tree::ReachOut,
        Tree::Together,
        Tree::CheckIns,
        Tree::Closure,
        Tree::Archive,
    ];

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

/// The open store of one data folder.
#[derive(Debug, Clone)]
pub struct Store {
    db: sled::Db,
    dir: PathBuf,
    /// Held for the whole of each action that changes data.
    write_lock: Arc<Mutex<()>>,
}

/// Reading records: the store itself, or an action in progress (which sees
/// its own writes).
pub trait Read {
    /// Reads one record.
    fn get<T: DeserializeOwned>(&self, tree: Tree, key: &[u8]) -> Result<Option<T>>;
    /// Every record of a tree, in key order.
    fn values<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<T>>;
}

impl Store {
    /// Opens (or creates) the store in `dir`, checks that every record can be
    /// read, and brings an older schema up to date.
    ///
    /// Fails with [`Error::StoreLocked`] when another process has it open,
    /// with [`Error::StoreCorrupt`] when the data cannot be read and with
    /// [`Error::StoreTooNew`] when a newer Crossroads wrote it. Never panics,
    /// and writes nothing to a store it refuses.
    pub fn open(dir: &Path) -> Result<Store> {
        fs::create_dir_all(dir).map_err(|e| Error::Storage(e.to_string()))?;
        let outcome = catch_unwind(AssertUnwindSafe(|| Store::open_inner(dir)));
        outcome.unwrap_or_else(|panic| {
            let detail = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "the storage engine stopped".into());
            Err(Error::StoreCorrupt {
                path: dir.to_path_buf(),
                detail,
            })
        })
    }

    fn open_inner(dir: &Path) -> Result<Store> {
        let config = sled::Config::new()
            .path(dir.join(SLED_DIR))
            .cache_capacity(CACHE_BYTES)
            // Every write is flushed explicitly; sled's flusher thread would
            // only wake the process ten times a second for nothing.
            .flush_every_ms(None);
        // A store closed a moment ago (a restart) may still be letting go of
        // its lock on sled's background threads: ask again a few times.
        let mut attempts = 0;
        let db = loop {
            match config.open().map_err(|e| open_error(dir, e)) {
                Err(Error::StoreLocked { .. }) if attempts < LOCK_RETRIES => {
                    attempts += 1;
                    std::thread::sleep(LOCK_RETRY_PAUSE);
                }
                other => break other?,
            }
        };
        let store = Store {
            db,
            dir: dir.to_path_buf(),
            write_lock: Arc::new(Mutex::new(())),
        };
        store.check_integrity()?;
        migrate::run(&store)?;
        if !dir.join(CREATED_MARKER).exists() {
            backup::write_synced(&dir.join(CREATED_MARKER), b"crossroads store\n")?;
        }
        Ok(store)
    }

    /// The data folder this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Runs one action that may change data: under the store's write lock,
    /// `action` reads what it needs and records its writes in `tx`; when it
    /// succeeds, every write goes to disk in one transaction and is flushed
    /// before this returns. When it fails, nothing is written.
    pub fn transact<T>(&self, action: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        // A panic in another action poisons nothing we rely on: the data is
        // only changed by a commit that completed.
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut tx = Tx {
            store: self,
            pending: BTreeMap::new(),
        };
        let answer = action(&mut tx)?;
        self.commit(tx.pending)?;
        Ok(answer)
    }

    fn commit(&self, pending: BTreeMap<(Tree, Vec<u8>), Option<Vec<u8>>>) -> Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let mut touched: Vec<Tree> = pending.keys().map(|(tree, _)| *tree).collect();
        touched.dedup();
        let trees = touched
            .iter()
            .map(|t| self.tree(*t))
            .collect::<Result<Vec<_>>>()?;
        let outcome: std::result::Result<(), TransactionError<()>> =
            trees[..].transaction(|views| {
                for ((tree, key), value) in &pending {
                    let at = touched.iter().position(|t| t == tree).unwrap_or(0);
                    match value {
                        Some(bytes) => {
                            views[at].insert(key.as_slice(), bytes.as_slice())?;
                        }
                        None => {
                            views[at].remove(key.as_slice())?;
                        }
                    }
                }
                Ok::<(), ConflictableTransactionError<()>>(())
            });
        outcome.map_err(|e| Error::Storage(format!("{e:?}")))?;
        self.db.flush().map_err(storage)?;
        Ok(())
    }

    /// A new id, unique in this store and increasing.
    pub(crate) fn new_id(&self) -> Result<u64> {
        self.db.generate_id().map_err(storage)
    }

    /// Every (key, raw JSON) pair of a tree, in key order.
    pub(crate) fn raw_entries(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.tree(tree)?
            .iter()
            .map(|entry| {
                let (k, v) = entry.map_err(storage)?;
                Ok((k.to_vec(), v.to_vec()))
            })
            .collect()
    }

    fn tree(&self, tree: Tree) -> Result<sled::Tree> {
        self.db.open_tree(tree.name()).map_err(storage)
    }

    pub(crate) fn corrupt(&self, detail: String) -> Error {
        Error::StoreCorrupt {
            path: self.dir.clone(),
            detail,
        }
    }

    /// Every stored value must be JSON, and a store that once had a schema
    /// must still have one; anything else means damage.
    fn check_integrity(&self) -> Result<()> {
        for tree in Tree::ALL {
            for entry in self.tree(tree)?.iter() {
                let (_, value) = entry.map_err(|e| self.corrupt(e.to_string()))?;
                serde_json::from_slice::<serde_json::Value>(&value)
                    .map_err(|e| self.corrupt(format!("a record in \"{}\": {e}", tree.name())))?;
            }
        }
        let has_schema = self
            .tree(Tree::Meta)?
            .contains_key(SCHEMA_KEY)
            .map_err(storage)?;
        if !has_schema && self.dir.join(CREATED_MARKER).exists() {
            return Err(self.corrupt("part of the saved data is missing".into()));
        }
        Ok(())
    }
}

impl Read for Store {
    fn get<T: DeserializeOwned>(&self, tree: Tree, key: &[u8]) -> Result<Option<T>> {
        let Some(bytes) = self.tree(tree)?.get(key).map_err(storage)? else {
            return Ok(None);
        };
        decode(self, tree, &bytes).map(Some)
    }

    fn values<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<T>> {
        self.tree(tree)?
            .iter()
            .map(|entry| {
                let (_, bytes) = entry.map_err(storage)?;
                decode(self, tree, &bytes)
            })
            .collect()
    }
}

/// One action in progress: reads see the store as it was plus this action's
/// own writes; writes wait in memory until [`Store::transact`] commits them.
pub struct Tx<'s> {
    store: &'s Store,
    pending: BTreeMap<(Tree, Vec<u8>), Option<Vec<u8>>>,
}

impl Tx<'_> {
    /// Writes one record (on commit).
    pub fn put<T: Serialize>(&mut self, tree: Tree, key: &[u8], value: &T) -> Result<()> {
        let bytes = serde_json::to_vec(value).map_err(|e| Error::Storage(e.to_string()))?;
        self.pending.insert((tree, key.to_vec()), Some(bytes));
        Ok(())
    }

    /// Removes one record (on commit).
    pub fn remove(&mut self, tree: Tree, key: &[u8]) {
        self.pending.insert((tree, key.to_vec()), None);
    }

    /// Adds a record under a key that sorts by `at` (ties keep insertion
    /// order), and returns the key.
    pub fn append<T: Serialize>(
        &mut self,
        tree: Tree,
        at: DateTime<Utc>,
        value: &T,
    ) -> Result<Vec<u8>> {
        let key = time_key(at, self.store.new_id()?);
        self.put(tree, &key, value)?;
        Ok(key.to_vec())
    }

    /// A new id, unique in this store and increasing.
    pub fn new_id(&self) -> Result<u64> {
        self.store.new_id()
    }

    /// The store as it was when the action began (for whole-store work such
    /// as a backup before a restore).
    pub(crate) fn store(&self) -> &Store {
        self.store
    }
}

impl Read for Tx<'_> {
    fn get<T: DeserializeOwned>(&self, tree: Tree, key: &[u8]) -> Result<Option<T>> {
        match self.pending.get(&(tree, key.to_vec())) {
            Some(Some(bytes)) => decode(self.store, tree, bytes).map(Some),
            Some(None) => Ok(None),
            None => self.store.get(tree, key),
        }
    }

    fn values<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<T>> {
        let mut merged: BTreeMap<Vec<u8>, Vec<u8>> =
            self.store.raw_entries(tree)?.into_iter().collect();
        for ((t, key), value) in &self.pending {
            if *t != tree {
                continue;
            }
            match value {
                Some(bytes) => merged.insert(key.clone(), bytes.clone()),
                None => merged.remove(key),
            };
        }
        merged
            .values()
            .map(|bytes| decode(self.store, tree, bytes))
            .collect()
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

fn decode<T: DeserializeOwned>(store: &Store, tree: Tree, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes)
        .map_err(|e| store.corrupt(format!("a record in \"{}\": {e}", tree.name())))
}

fn open_error(dir: &Path, error: sled::Error) -> Error {
    match error {
        sled::Error::Io(e) if e.to_string().contains("could not acquire lock") => {
            Error::StoreLocked {
                path: dir.to_path_buf(),
            }
        }
        other => Error::StoreCorrupt {
            path: dir.to_path_buf(),
            detail: other.to_string(),
        },
    }
}

pub(crate) fn storage(error: sled::Error) -> Error {
    Error::Storage(error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{instant, temp_dir};

    fn put(store: &Store, tree: Tree, key: &[u8], value: &str) {
        store.transact(|tx| tx.put(tree, key, &value)).unwrap();
    }

    #[test]
    fn a_written_record_survives_reopening() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        put(&store, Tree::Profile, b"k", "value");
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.get::<String>(Tree::Profile, b"k").unwrap().as_deref(),
            Some("value")
        );
    }

    #[test]
    fn a_failed_action_writes_nothing_even_what_it_wrote_before_failing() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        let outcome: Result<()> = store.transact(|tx| {
            tx.put(Tree::Profile, b"a", &"first")?;
            tx.put(Tree::Drafts, b"b", &"second")?;
            Err(Error::invalid("x", "refused"))
        });
        assert!(outcome.is_err());
        assert_eq!(store.get::<String>(Tree::Profile, b"a").unwrap(), None);
        assert_eq!(store.get::<String>(Tree::Drafts, b"b").unwrap(), None);
    }

    #[test]
    fn an_action_reads_its_own_writes_and_commits_across_trees() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        put(&store, Tree::Drafts, b"1", "old");
        put(&store, Tree::Drafts, b"2", "gone");
        store
            .transact(|tx| {
                tx.put(Tree::Drafts, b"1", &"new")?;
                tx.remove(Tree::Drafts, b"2");
                tx.put(Tree::Drafts, b"3", &"added")?;
                tx.put(Tree::Profile, b"p", &"also")?;
                assert_eq!(
                    tx.values::<String>(Tree::Drafts)?,
                    ["new".to_owned(), "added".to_owned()]
                );
                assert_eq!(tx.get::<String>(Tree::Drafts, b"2")?, None);
                Ok(())
            })
            .unwrap();
        assert_eq!(
            store.values::<String>(Tree::Drafts).unwrap(),
            ["new", "added"]
        );
        assert_eq!(
            store.get::<String>(Tree::Profile, b"p").unwrap().as_deref(),
            Some("also")
        );
    }

    #[test]
    fn concurrent_read_modify_write_actions_lose_nothing() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let store = store.clone();
                std::thread::spawn(move || {
                    for _ in 0..25 {
                        store
                            .transact(|tx| {
                                let n: u32 = tx.get(Tree::Meta, b"counter")?.unwrap_or(0);
                                tx.put(Tree::Meta, b"counter", &(n + 1))
                            })
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(store.get::<u32>(Tree::Meta, b"counter").unwrap(), Some(200));
    }

    #[test]
    fn a_second_open_of_the_same_folder_is_a_locked_error_not_a_panic() {
        let dir = temp_dir();
        let _first = Store::open(dir.path()).unwrap();
        let second = Store::open(dir.path()).unwrap_err();
        assert_eq!(second.kind(), crate::ErrorKind::StoreLocked, "{second}");
        assert!(second.to_string().contains("already open"), "{second}");
    }

    #[test]
    fn a_new_store_records_the_schema_version() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.get::<u32>(Tree::Meta, SCHEMA_KEY).unwrap(),
            Some(SCHEMA_VERSION)
        );
    }

    #[test]
    fn a_damaged_record_is_reported_on_open() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        let raw = store.tree(Tree::Profile).unwrap();
        raw.insert(b"k", &b"{not json"[..]).unwrap();
        raw.flush().unwrap();
        drop((raw, store));
        let err = Store::open(dir.path()).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::StoreCorrupt, "{err}");
        assert!(err.to_string().contains("backup"), "{err}");
    }

    #[test]
    fn a_store_that_lost_its_schema_is_damaged_not_new() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        put(&store, Tree::Profile, b"k", "value");
        let raw = store.tree(Tree::Meta).unwrap();
        raw.remove(SCHEMA_KEY).unwrap();
        raw.flush().unwrap();
        drop((raw, store));
        let err = Store::open(dir.path()).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::StoreCorrupt, "{err}");
    }

    #[test]
    fn appended_records_come_back_in_time_order() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        for (at, value) in [
            ("2026-01-02T00:00:00Z", "b"),
            ("1969-12-31T00:00:00Z", "a"),
            ("2026-01-02T00:00:00Z", "c"),
            ("2027-01-01T00:00:00Z", "d"),
        ] {
            store
                .transact(|tx| tx.append(Tree::Events, instant(at), &value))
                .unwrap();
        }
        let values: Vec<String> = store.values(Tree::Events).unwrap();
        assert_eq!(values, ["a", "b", "c", "d"]);
    }
}
