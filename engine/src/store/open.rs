//! The open store of one data folder: opening it (with the checks for
//! damage and the migrations), and rebuilding it into a fresh copy.

use std::collections::HashMap;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, RwLock};

use super::damage::CREATED_MARKER;
use super::{backup, migrate, Cache, Crypto, Database, Tree};
use crate::error::{Error, Result};

/// The folder inside the data folder that sled owns.
pub(super) const SLED_DIR: &str = "store";
/// Where [`Store::rebuild`] writes the fresh copy before swapping it in.
pub(super) const REBUILT_DIR: &str = "store.next";
/// Where the old copy goes until it is deleted.
const RETIRED_DIR: &str = "store.old";

/// The open store of one data folder.
#[derive(Debug, Clone)]
pub struct Store {
    /// Behind a lock so the whole database can be swapped for a rebuilt
    /// copy (see [`Store::rebuild`]).
    pub(super) db: Arc<RwLock<Database>>,
    pub(super) dir: PathBuf,
    /// Held for the whole of each action that changes data; guards the
    /// number of the last commit.
    pub(super) write_lock: Arc<Mutex<u64>>,
    /// Off, locked or unlocked; changed only under the write lock.
    pub(super) crypto: Arc<RwLock<Crypto>>,
    /// The number of the last commit, readable without the write lock (an
    /// action in progress reads through the cache while holding it).
    pub(super) committed: Arc<AtomicU64>,
    /// Records decoded since the last commit: see [`Read::shared_entries`].
    pub(super) cache: Arc<Mutex<Cache>>,
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

    /// A new id, unique in this store and increasing.
    pub(crate) fn new_id(&self) -> Result<u64> {
        self.db().new_id()
    }

    /// Every (key, raw JSON) pair of a tree, in key order.
    pub(crate) fn raw_entries(&self, tree: Tree) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.db().entries_from(tree, &[])
    }

    pub(super) fn db(&self) -> Database {
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
}
