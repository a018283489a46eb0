//! Durable storage, private to the engine; `sled.rs` is the only file that names sled.
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
pub mod crypto;
pub mod export;
mod migrate;
mod sled;

use std::any::{Any, TypeId};
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;

use self::sled::Database;
use crate::error::{Error, Result};
use crypto::{Cost, DataKey, Header};

pub(crate) use migrate::HANDLED_KEY;
pub use migrate::SCHEMA_VERSION;

/// The folder inside the data folder that sled owns.
const SLED_DIR: &str = "store";
/// Where [`Store::rebuild`] writes the fresh copy before swapping it in.
const REBUILT_DIR: &str = "store.next";
/// Where the old copy goes until it is deleted.
const RETIRED_DIR: &str = "store.old";
/// Written once the first schema key is on disk: a store folder with this
/// marker and no schema key has lost data, not merely never been finished.
const CREATED_MARKER: &str = "store.created";
/// Beside the store, the number of the last commit. sled recovers a damaged
/// log (a cut-short or bit-flipped file) by quietly going back to an older
/// state; a store whose own count is behind this file has lost commits.
const GENERATION_FILE: &str = "store.generation";
const GENERATION_KEY: &[u8] = b"generation";

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

/// The open store of one data folder.
#[derive(Debug, Clone)]
pub struct Store {
    /// Behind a lock so the whole database can be swapped for a rebuilt
    /// copy (see [`Store::rebuild`]).
    db: Arc<RwLock<Database>>,
    dir: PathBuf,
    /// Held for the whole of each action that changes data; guards the
    /// number of the last commit.
    write_lock: Arc<Mutex<u64>>,
    /// Off, locked or unlocked; changed only under the write lock.
    crypto: Arc<RwLock<Crypto>>,
    /// The number of the last commit, readable without the write lock (an
    /// action in progress reads through the cache while holding it).
    committed: Arc<AtomicU64>,
    /// Records decoded since the last commit: see [`Read::shared_entries`].
    cache: Arc<Mutex<Cache>>,
}

/// A tree's records with their keys, in key order, shared with the cache.
pub type Shared<T> = Arc<Vec<(Vec<u8>, T)>>;

/// Decoded records by tree and type, with the commit they were read at.
type Cache = HashMap<(Tree, TypeId), (u64, Arc<dyn Any + Send + Sync>)>;

/// The store's encryption, as it stands.
#[derive(Debug, Clone)]
pub(crate) enum Crypto {
    /// No passphrase: records are stored as they are.
    Off,
    /// A passphrase is set and the data key is not in memory.
    Locked(Header),
    /// A passphrase is set and the data key is in memory.
    Unlocked(Header, DataKey),
}

/// What a commit stores: bytes per (tree, key), or none to remove the key.
type Stored = BTreeMap<(Tree, Vec<u8>), Option<Vec<u8>>>;

/// One write waiting for the commit.
#[derive(Debug, Clone)]
enum Write {
    /// A record's JSON, sealed at commit when its tree is private and a
    /// passphrase is set.
    Record(Vec<u8>),
    /// Bytes stored exactly as given (a restored backup's, sealed or not).
    Raw(Vec<u8>),
    /// Remove the key.
    Remove,
}

/// Reading records: the store itself, or an action in progress (which sees
/// its own writes).
pub trait Read {
    /// Reads one record.
    fn get<T: DeserializeOwned>(&self, tree: Tree, key: &[u8]) -> Result<Option<T>>;
    /// Every record of a tree, in key order.
    fn values<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<T>>;
    /// Every record of a tree with its key, in key order.
    fn entries<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<(Vec<u8>, T)>>;
    /// The records of a tree whose key is `from` or after it, in key order:
    /// over time-ordered keys ([`time_key`], dates), the recent ones
    /// without decoding the years before them.
    fn entries_from<T: DeserializeOwned>(
        &self,
        tree: Tree,
        from: &[u8],
    ) -> Result<Vec<(Vec<u8>, T)>> {
        let mut all = self.entries(tree)?;
        all.retain(|(key, _)| key.as_slice() >= from);
        Ok(all)
    }
    /// As [`Read::entries`], shared: the store keeps what it decoded until
    /// the next commit, for the trees readable without the passphrase (the
    /// home screen and the notifier read every logged moment on each call;
    /// ten years of them take milliseconds to parse).
    fn shared_entries<T>(&self, tree: Tree) -> Result<Shared<T>>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        Ok(Arc::new(self.entries(tree)?))
    }
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
        // A rebuild interrupted between its two renames left the new copy
        // under its temporary name: it is whole (it was flushed first).
        let next = dir.join(REBUILT_DIR);
        if !dir.join(SLED_DIR).exists() && next.exists() {
            fs::rename(&next, dir.join(SLED_DIR)).map_err(|e| Error::Storage(e.to_string()))?;
        }
        let db = Database::open(dir, &dir.join(SLED_DIR))?;
        let mut store = Store {
            db: Arc::new(RwLock::new(db)),
            dir: dir.to_path_buf(),
            write_lock: Arc::new(Mutex::new(0)),
            crypto: Arc::new(RwLock::new(Crypto::Off)),
            committed: Arc::new(AtomicU64::new(0)),
            cache: Arc::new(Mutex::new(HashMap::new())),
        };
        store.check_integrity()?;
        let generation = store.check_generation()?;
        store.write_lock = Arc::new(Mutex::new(generation));
        store.committed = Arc::new(AtomicU64::new(generation));
        migrate::run(&store)?;
        store.reload_crypto()?;
        if !dir.join(CREATED_MARKER).exists() {
            backup::write_synced(&dir.join(CREATED_MARKER), b"crossroads store\n")?;
        }
        Ok(store)
    }

    /// The data folder this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Waits for the action in progress, if any, and holds back every other
    /// until the guard is dropped.
    pub(crate) fn hold_writes(&self) -> std::sync::MutexGuard<'_, u64> {
        self.write_lock.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Makes the next commit's number at least `at_least + 1`.
    pub(crate) fn count_commits_from(&self, at_least: u64) {
        let mut generation = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        if *generation < at_least {
            *generation = at_least;
        }
    }

    /// The number of the last commit that changed something.
    pub fn commit_count(&self) -> u64 {
        *self.write_lock.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs one action that may change data: under the store's write lock,
    /// `action` reads what it needs and records its writes in `tx`; when it
    /// succeeds, every write goes to disk in one transaction and is flushed
    /// before this returns. When it fails, nothing is written.
    pub fn transact<T>(&self, action: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        // A panic in another action poisons nothing we rely on: the data is
        // only changed by a commit that completed.
        let mut generation = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut tx = Tx {
            store: self,
            pending: BTreeMap::new(),
            crypto_after: None,
        };
        let answer = action(&mut tx)?;
        if !tx.pending.is_empty() {
            let next = *generation + 1;
            // Last, so that it wins over a restored backup's own count.
            tx.put(Tree::Meta, GENERATION_KEY, &next)?;
            let sealing = tx
                .crypto_after
                .clone()
                .unwrap_or_else(|| self.crypto_state());
            let stored = self.sealed(tx.pending, &sealing)?;
            self.commit(stored)?;
            *generation = next;
            // Before the lock is let go: a reader that sees the new data
            // also sees that its cache is out of date.
            self.committed.store(next, Ordering::Release);
            // Not synced: it may lag behind the store after a power cut
            // (harmless), never run ahead of what the store has flushed.
            let _ = fs::write(self.dir.join(GENERATION_FILE), next.to_string());
        }
        if let Some(after) = tx.crypto_after {
            *self.crypto.write().unwrap_or_else(|e| e.into_inner()) = after;
        }
        Ok(answer)
    }

    /// The bytes to store for each write: records of private trees sealed
    /// when a passphrase is set (refused while locked).
    fn sealed(
        &self,
        pending: BTreeMap<(Tree, Vec<u8>), Write>,
        sealing: &Crypto,
    ) -> Result<Stored> {
        pending
            .into_iter()
            .map(|((tree, key), write)| {
                let bytes = match write {
                    Write::Remove => None,
                    Write::Raw(bytes) => Some(bytes),
                    Write::Record(plain) if !tree.is_private() => Some(plain),
                    Write::Record(plain) => Some(match sealing {
                        Crypto::Off => plain,
                        Crypto::Unlocked(_, data_key) => {
                            data_key.seal(tree.name(), &key, &plain)?
                        }
                        Crypto::Locked(_) => return Err(Error::Locked),
                    }),
                };
                Ok(((tree, key), bytes))
            })
            .collect()
    }

    pub(crate) fn crypto_state(&self) -> Crypto {
        self.crypto
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Reads the encryption header (after opening, or after a restore
    /// replaced it): no header, off; a header, locked unless the same
    /// header's key is already in memory.
    pub(crate) fn reload_crypto(&self) -> Result<()> {
        let header: Option<Header> = self.get(Tree::Meta, crypto::HEADER_KEY)?;
        let mut state = self.crypto.write().unwrap_or_else(|e| e.into_inner());
        *state = match (header, &*state) {
            (None, _) => Crypto::Off,
            (Some(h), Crypto::Unlocked(current, key)) if *current == h => {
                Crypto::Unlocked(h, key.clone())
            }
            (Some(h), _) => Crypto::Locked(h),
        };
        Ok(())
    }

    /// Whether a passphrase is set, and whether the data is locked.
    pub(crate) fn encryption(&self) -> (bool, bool) {
        match self.crypto_state() {
            Crypto::Off => (false, false),
            Crypto::Locked(_) => (true, true),
            Crypto::Unlocked(..) => (true, false),
        }
    }

    /// Puts the data key in memory, if `passphrase` is right. Writes nothing.
    pub(crate) fn unlock(&self, passphrase: &str) -> Result<()> {
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let header = match self.crypto_state() {
            Crypto::Off | Crypto::Unlocked(..) => return Ok(()),
            Crypto::Locked(header) => header,
        };
        let key = header.unwrap(passphrase)?;
        *self.crypto.write().unwrap_or_else(|e| e.into_inner()) = Crypto::Unlocked(header, key);
        Ok(())
    }

    /// Forgets the data key (it is zeroized as it is dropped).
    pub(crate) fn lock(&self) {
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut state = self.crypto.write().unwrap_or_else(|e| e.into_inner());
        if let Crypto::Unlocked(header, _) = &*state {
            *state = Crypto::Locked(header.clone());
        }
        // Only trees readable while locked are cached; emptied anyway, so
        // locking leaves nothing decoded behind.
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Sets a first passphrase: every private record is rewritten sealed,
    /// in one transaction.
    pub(crate) fn set_passphrase(&self, passphrase: &str, cost: Cost) -> Result<()> {
        crypto::check_new_passphrase(passphrase, "passphrase")?;
        self.transact(|tx| {
            if !matches!(tx.store.crypto_state(), Crypto::Off) {
                return Err(Error::OutOfOrder("passphraseAlreadySetChange".into()));
            }
            let (header, key) = Header::create(passphrase, cost)?;
            tx.rewrite_private()?;
            tx.put(Tree::Meta, crypto::HEADER_KEY, &header)?;
            tx.crypto_after = Some(Crypto::Unlocked(header, key));
            Ok(())
        })
    }

    /// Replaces the passphrase: the same data key, wrapped anew.
    pub(crate) fn change_passphrase(&self, current: &str, new: &str, cost: Cost) -> Result<()> {
        crypto::check_new_passphrase(new, "new_passphrase")?;
        self.transact(|tx| {
            let header = match tx.store.crypto_state() {
                Crypto::Off => return Err(Error::OutOfOrder("noPassphraseSetYet".into())),
                Crypto::Locked(h) | Crypto::Unlocked(h, _) => h,
            };
            let key = header.unwrap(current)?;
            let rewrapped = Header::wrap(&key, new, cost)?;
            tx.put(Tree::Meta, crypto::HEADER_KEY, &rewrapped)?;
            tx.crypto_after = Some(Crypto::Unlocked(rewrapped, key));
            Ok(())
        })
    }

    /// Removes the passphrase: every private record is rewritten in clear.
    pub(crate) fn remove_passphrase(&self, current: &str) -> Result<()> {
        self.transact(|tx| {
            let header = match tx.store.crypto_state() {
                Crypto::Off => return Ok(()),
                Crypto::Locked(h) | Crypto::Unlocked(h, _) => h,
            };
            let key = header.unwrap(current)?;
            tx.rewrite_private_with(&key)?;
            tx.remove(Tree::Meta, crypto::HEADER_KEY);
            tx.crypto_after = Some(Crypto::Off);
            Ok(())
        })
    }

    /// The stored bytes as the record's JSON: sealed records need the key.
    fn reveal(&self, tree: Tree, key: &[u8], bytes: &[u8]) -> Result<Vec<u8>> {
        if !crypto::is_sealed(bytes) {
            return Ok(bytes.to_vec());
        }
        match self.crypto_state() {
            Crypto::Unlocked(_, data_key) => self.open_sealed(&data_key, tree, key, bytes),
            Crypto::Locked(_) => Err(Error::Locked),
            Crypto::Off => Err(self.corrupt(format!(
                "a sealed record in \"{}\" without a passphrase",
                tree.name()
            ))),
        }
    }

    fn open_sealed(
        &self,
        data_key: &DataKey,
        tree: Tree,
        key: &[u8],
        bytes: &[u8],
    ) -> Result<Vec<u8>> {
        data_key
            .open(tree.name(), key, bytes)
            .ok_or_else(|| self.corrupt(format!("a sealed record in \"{}\"", tree.name())))
    }

    fn commit(&self, pending: Stored) -> Result<()> {
        self.db().commit(&pending)
    }

    /// A new id, unique in this store and increasing.
    pub(crate) fn new_id(&self) -> Result<u64> {
        self.db().new_id()
    }

    /// Every (key, raw JSON) pair of a tree, in key order.
    pub(crate) fn raw_entries(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.db().entries_from(tree, &[])
    }

    fn db(&self) -> Database {
        self.db.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Rewrites the whole store into a fresh copy and deletes the old one.
    /// sled keeps superseded versions of records in its log until it
    /// reuses the space, so after records were sealed (or erased) their
    /// old, clear copies would linger on disk: the copy holds only what is
    /// current. Runs under the write lock; a crash at any point leaves one
    /// whole store (the old, or the new one, which the next open finds).
    pub(crate) fn rebuild(&self) -> Result<()> {
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let io = |e: std::io::Error| Error::Storage(e.to_string());
        let next_dir = self.dir.join(REBUILT_DIR);
        let old_dir = self.dir.join(RETIRED_DIR);
        for leftover in [&next_dir, &old_dir] {
            if leftover.exists() {
                fs::remove_dir_all(leftover).map_err(io)?;
            }
        }
        {
            let next = Database::open(&self.dir, &next_dir)?;
            for tree in Tree::ALL {
                next.fill(tree, self.raw_entries(tree)?)?;
            }
            next.flush()?;
        }
        let mut db = self.db.write().unwrap_or_else(|e| e.into_inner());
        // Let go of the old database (and its file lock) before the swap.
        drop(std::mem::replace(&mut *db, Database::stand_in()?));
        fs::rename(self.dir.join(SLED_DIR), &old_dir).map_err(io)?;
        fs::rename(&next_dir, self.dir.join(SLED_DIR)).map_err(io)?;
        *db = Database::open(&self.dir, &self.dir.join(SLED_DIR))?;
        drop(db);
        fs::remove_dir_all(&old_dir).map_err(io)
    }

    pub(crate) fn corrupt(&self, detail: String) -> Error {
        Error::StoreCorrupt {
            path: self.dir.clone(),
            detail,
        }
    }

    /// The number of the last commit; damage when the store is behind the
    /// number kept beside it.
    fn check_generation(&self) -> Result<u64> {
        let stored: u64 = self.get(Tree::Meta, GENERATION_KEY)?.unwrap_or(0);
        let beside: u64 = fs::read_to_string(self.dir.join(GENERATION_FILE))
            .ok()
            .and_then(|text| text.trim().parse().ok())
            .unwrap_or(0);
        if stored < beside {
            return Err(self.corrupt(format!(
                "the store holds changes up to number {stored}, but {beside} were saved"
            )));
        }
        Ok(stored)
    }

    /// Every stored value must be JSON, and a store that once had a schema
    /// must still have one; anything else means damage.
    fn check_integrity(&self) -> Result<()> {
        for tree in Tree::ALL {
            let entries = self.db().entries_from(tree, &[]).map_err(|e| match e {
                Error::Storage(detail) => self.corrupt(detail),
                other => other,
            })?;
            for (_, value) in entries {
                serde_json::from_slice::<serde_json::Value>(&value)
                    .map_err(|e| self.corrupt(format!("a record in \"{}\": {e}", tree.name())))?;
            }
        }
        let has_schema = self.db().contains(Tree::Meta, SCHEMA_KEY)?;
        if !has_schema && self.dir.join(CREATED_MARKER).exists() {
            return Err(self.corrupt("part of the saved data is missing".into()));
        }
        Ok(())
    }
}

impl Read for Store {
    fn get<T: DeserializeOwned>(&self, tree: Tree, key: &[u8]) -> Result<Option<T>> {
        let Some(bytes) = self.db().get(tree, key)? else {
            return Ok(None);
        };
        decode(self, tree, &self.reveal(tree, key, &bytes)?).map(Some)
    }

    fn values<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<T>> {
        Ok(self.entries(tree)?.into_iter().map(|(_, v)| v).collect())
    }

    fn entries<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<(Vec<u8>, T)>> {
        self.entries_from(tree, &[])
    }

    fn entries_from<T: DeserializeOwned>(
        &self,
        tree: Tree,
        from: &[u8],
    ) -> Result<Vec<(Vec<u8>, T)>> {
        self.db()
            .entries_from(tree, from)?
            .into_iter()
            .map(|(key, bytes)| {
                let value = decode(self, tree, &self.reveal(tree, &key, &bytes)?)?;
                Ok((key, value))
            })
            .collect()
    }

    fn shared_entries<T>(&self, tree: Tree) -> Result<Shared<T>>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        if tree.is_private() {
            return Ok(Arc::new(self.entries(tree)?));
        }
        // Read before the records: a commit in between leaves the cache
        // stamped older than its contents, so it is read again, never kept
        // stale.
        let generation = self.committed.load(Ordering::Acquire);
        let slot = (tree, TypeId::of::<T>());
        let cached = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&slot)
            .filter(|(at, _)| *at == generation)
            .map(|(_, records)| Arc::clone(records));
        if let Some(records) = cached.and_then(|r| r.downcast::<Vec<(Vec<u8>, T)>>().ok()) {
            return Ok(records);
        }
        let records = Arc::new(self.entries::<T>(tree)?);
        let shared: Arc<dyn Any + Send + Sync> = records.clone();
        self.cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(slot, (generation, shared));
        Ok(records)
    }
}

/// One action in progress: reads see the store as it was plus this action's
/// own writes; writes wait in memory until [`Store::transact`] commits them.
pub struct Tx<'s> {
    store: &'s Store,
    pending: BTreeMap<(Tree, Vec<u8>), Write>,
    /// The encryption once this action is committed, when it changes it.
    crypto_after: Option<Crypto>,
}

impl Tx<'_> {
    /// Writes one record (on commit).
    pub fn put<T: Serialize>(&mut self, tree: Tree, key: &[u8], value: &T) -> Result<()> {
        let bytes = serde_json::to_vec(value).map_err(|e| Error::Storage(e.to_string()))?;
        self.pending
            .insert((tree, key.to_vec()), Write::Record(bytes));
        Ok(())
    }

    /// Stores `bytes` exactly as given (a backup's record, sealed or not).
    pub(crate) fn put_raw(&mut self, tree: Tree, key: &[u8], bytes: Vec<u8>) {
        self.pending.insert((tree, key.to_vec()), Write::Raw(bytes));
    }

    /// Rewrites every record of every private tree, so the commit stores
    /// it as the new encryption says (sealed, or in clear).
    fn rewrite_private(&mut self) -> Result<()> {
        for tree in Tree::ALL.into_iter().filter(|t| t.is_private()) {
            for (key, bytes) in self.store.raw_entries(tree)? {
                let plain = self.store.reveal(tree, &key, &bytes)?;
                self.pending.insert((tree, key), Write::Record(plain));
            }
        }
        Ok(())
    }

    /// As [`Tx::rewrite_private`], opening sealed records with `data_key`
    /// (the app may be locked while the passphrase is removed).
    fn rewrite_private_with(&mut self, data_key: &DataKey) -> Result<()> {
        for tree in Tree::ALL.into_iter().filter(|t| t.is_private()) {
            for (key, bytes) in self.store.raw_entries(tree)? {
                let plain = if crypto::is_sealed(&bytes) {
                    self.store.open_sealed(data_key, tree, &key, &bytes)?
                } else {
                    bytes
                };
                self.pending.insert((tree, key), Write::Record(plain));
            }
        }
        Ok(())
    }

    /// Removes one record (on commit).
    pub fn remove(&mut self, tree: Tree, key: &[u8]) {
        self.pending.insert((tree, key.to_vec()), Write::Remove);
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
            Some(Write::Record(bytes)) => decode(self.store, tree, bytes).map(Some),
            Some(Write::Raw(bytes)) => {
                decode(self.store, tree, &self.store.reveal(tree, key, bytes)?).map(Some)
            }
            Some(Write::Remove) => Ok(None),
            None => self.store.get(tree, key),
        }
    }

    fn values<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<T>> {
        Ok(self.entries(tree)?.into_iter().map(|(_, v)| v).collect())
    }

    fn entries<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<(Vec<u8>, T)>> {
        let mut merged: BTreeMap<Vec<u8>, Vec<u8>> = BTreeMap::new();
        for (key, bytes) in self.store.raw_entries(tree)? {
            let plain = self.store.reveal(tree, &key, &bytes)?;
            merged.insert(key, plain);
        }
        for ((t, key), value) in &self.pending {
            if *t != tree {
                continue;
            }
            match value {
                Write::Record(bytes) => merged.insert(key.clone(), bytes.clone()),
                Write::Raw(bytes) => {
                    merged.insert(key.clone(), self.store.reveal(tree, key, bytes)?)
                }
                Write::Remove => merged.remove(key),
            };
        }
        merged
            .into_iter()
            .map(|(key, bytes)| Ok((key, decode(self.store, tree, &bytes)?)))
            .collect()
    }

    fn shared_entries<T>(&self, tree: Tree) -> Result<Shared<T>>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        // Untouched by this action: the store's records are this action's.
        if self.pending.keys().any(|(t, _)| *t == tree) {
            Ok(Arc::new(self.entries(tree)?))
        } else {
            self.store.shared_entries(tree)
        }
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

#[cfg(test)]
mod tests;

#[cfg(test)]
mod cache_tests;
