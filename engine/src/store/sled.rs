//! The one file that names sled: opening a database (with the workarounds
//! sled needs), reading a tree, committing an action's writes in one
//! transaction and flushing them. The rest of the store speaks of trees,
//! byte keys and byte values only, so replacing sled one day is this file
//! plus a migration through the export format.

use std::fs;
use std::path::Path;
use std::time::Duration;

use ::sled::transaction::{ConflictableTransactionError, TransactionError, Transactional};

use super::{Stored, Tree};
use crate::error::{Error, Result};

/// sled's page cache. The data is small; sled's default (1 GiB) would make
/// memory balloon for nothing.
const CACHE_BYTES: u64 = 4 * 1024 * 1024;

/// How often, and how far apart, a locked store is asked for again.
const LOCK_RETRIES: u32 = 20;
const LOCK_RETRY_PAUSE: Duration = Duration::from_millis(50);

/// Raw records of one tree: key and stored bytes, in key order.
pub(super) type RawEntries = Vec<(Vec<u8>, Vec<u8>)>;

/// An open database: named trees of byte keys and values. Cheap to clone.
#[derive(Debug, Clone)]
pub(super) struct Database(::sled::Db);

impl Database {
    /// Opens the database in `folder` (the store of `data_dir`), asking
    /// again for a moment when a store closed a moment ago (a restart) is
    /// still letting go of its lock on sled's background threads.
    pub(super) fn open(data_dir: &Path, folder: &Path) -> Result<Database> {
        remove_unfinished_snapshots(folder)?;
        let config = ::sled::Config::new()
            .path(folder)
            .cache_capacity(CACHE_BYTES)
            // Every write is flushed explicitly; sled's flusher thread would
            // only wake the process ten times a second for nothing.
            .flush_every_ms(None);
        let mut attempts = 0;
        loop {
            match config.open().map_err(|e| open_error(data_dir, e)) {
                Err(Error::StoreLocked { .. }) if attempts < LOCK_RETRIES => {
                    attempts += 1;
                    std::thread::sleep(LOCK_RETRY_PAUSE);
                }
                other => return other.map(Database),
            }
        }
    }

    /// An empty database in memory, holding no file: what stands in while
    /// the store's folder is swapped.
    pub(super) fn stand_in() -> Result<Database> {
        ::sled::Config::new()
            .temporary(true)
            .open()
            .map(Database)
            .map_err(storage)
    }

    fn tree(&self, tree: Tree) -> Result<::sled::Tree> {
        self.0.open_tree(tree.name()).map_err(storage)
    }

    /// The stored bytes under `key`, if any.
    pub(super) fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self
            .tree(tree)?
            .get(key)
            .map_err(storage)?
            .map(|bytes| bytes.to_vec()))
    }

    /// Whether anything is stored under `key`.
    pub(super) fn contains(&self, tree: Tree, key: &[u8]) -> Result<bool> {
        self.tree(tree)?.contains_key(key).map_err(storage)
    }

    /// Every record of `tree` from the key `from` on, in key order. A
    /// record that cannot be read is a [`Error::Storage`] with sled's words.
    pub(super) fn entries_from(&self, tree: Tree, from: &[u8]) -> Result<RawEntries> {
        self.tree(tree)?
            .range(from..)
            .map(|entry| {
                let (key, bytes) = entry.map_err(storage)?;
                Ok((key.to_vec(), bytes.to_vec()))
            })
            .collect()
    }

    /// Writes (or removes) every key of `pending` in one transaction across
    /// the trees it touches, then flushes: on disk before it returns.
    pub(super) fn commit(&self, pending: &Stored) -> Result<()> {
        let mut touched: Vec<Tree> = pending.keys().map(|(tree, _)| *tree).collect();
        touched.dedup();
        let trees = touched
            .iter()
            .map(|t| self.tree(*t))
            .collect::<Result<Vec<_>>>()?;
        let outcome: std::result::Result<(), TransactionError<()>> =
            trees[..].transaction(|views| {
                for ((tree, key), value) in pending {
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
        self.flush()
    }

    /// Writes `entries` into `tree` as they are (filling a fresh copy).
    pub(super) fn fill(&self, tree: Tree, entries: RawEntries) -> Result<()> {
        let target = self.tree(tree)?;
        for (key, value) in entries {
            target.insert(key, value).map_err(storage)?;
        }
        Ok(())
    }

    /// Waits until everything written is on disk.
    pub(super) fn flush(&self) -> Result<()> {
        self.0.flush().map(|_| ()).map_err(storage)
    }

    /// A new id, unique in this database and increasing.
    pub(super) fn new_id(&self) -> Result<u64> {
        self.0.generate_id().map_err(storage)
    }
}

/// sled writes a snapshot under `snap.<n>.generating` and renames it when
/// whole; a process killed in between leaves the unfinished file, and sled
/// 0.34.7 then refuses to open ("Read corrupted data", sled bug #1527,
/// reproduced by `cargo xtask crash`). The file is by definition not a
/// snapshot sled relies on (the log holds everything), so it goes.
fn remove_unfinished_snapshots(folder: &Path) -> Result<()> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            fs::remove_file(entry.path()).map_err(|e| Error::Storage(e.to_string()))?;
        }
    }
    Ok(())
}

fn open_error(dir: &Path, error: ::sled::Error) -> Error {
    match error {
        ::sled::Error::Io(e) if e.to_string().contains("could not acquire lock") => {
            Error::StoreLocked {
                path: dir.to_path_buf(),
            }
        }
        // A full disk or a permission problem is not damage: say what it is.
        ::sled::Error::Io(e) => Error::Storage(e.to_string()),
        other => Error::StoreCorrupt {
            path: dir.to_path_buf(),
            detail: other.to_string(),
        },
    }
}

fn storage(error: ::sled::Error) -> Error {
    Error::Storage(error.to_string())
}
