//! Durable storage: the only module that names sled.
//!
//! Records are serde structs stored as JSON in named trees. Every write is
//! flushed before it returns, so a write the UI reports as saved is on disk.
//! The store carries a schema version; opening data written by a newer
//! Crossroads is refused rather than misread.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Result};

/// The schema this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// How many automatic backups are kept; older ones are deleted.
pub const BACKUPS_KEPT: usize = 7;

/// sled's page cache. The data is small; sled's default (1 GiB) would make
/// memory balloon for nothing.
const CACHE_BYTES: u64 = 4 * 1024 * 1024;

/// How often, and how far apart, a locked store is asked for again.
const LOCK_RETRIES: u32 = 20;
const LOCK_RETRY_PAUSE: std::time::Duration = std::time::Duration::from_millis(50);

const META_TREE: &str = "meta";
const SCHEMA_KEY: &[u8] = b"schema_version";

/// A named group of records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tree {
    /// Store-wide facts such as the schema version.
    Meta,
    /// The person's profile (one record).
    Profile,
    /// Step 3's start, settings and what has been announced.
    NoContact,
    /// Logged no-contact events, keyed by time.
    Events,
    /// Answers of the dealbreaker check, step 1 and step 2 (one record each).
    Program,
    /// Unsent drafts, keyed by id.
    Drafts,
}

impl Tree {
    const ALL: [Tree; 6] = [
        Tree::Meta,
        Tree::Profile,
        Tree::NoContact,
        Tree::Events,
        Tree::Program,
        Tree::Drafts,
    ];

    fn name(self) -> &'static str {
        match self {
            Tree::Meta => META_TREE,
            Tree::Profile => "profile",
            Tree::NoContact => "no_contact",
            Tree::Events => "events",
            Tree::Program => "program",
            Tree::Drafts => "drafts",
        }
    }
}

/// The open store of one data folder.
#[derive(Debug, Clone)]
pub struct Store {
    db: sled::Db,
    dir: PathBuf,
}

impl Store {
    /// Opens (or creates) the store in `dir`, checks that every record can be
    /// read, and brings an older schema up to date.
    ///
    /// Fails with [`Error::StoreLocked`] when another process has it open and
    /// with [`Error::StoreCorrupt`] when the data cannot be read. Never panics.
    pub fn open(dir: &Path) -> Result<Store> {
        fs::create_dir_all(dir).map_err(|e| Error::Storage(e.to_string()))?;
        let config = sled::Config::new()
            .path(dir.join("store"))
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
        };
        store.check_integrity()?;
        store.migrate()?;
        Ok(store)
    }

    /// The data folder this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads one record.
    pub fn get<T: DeserializeOwned>(&self, tree: Tree, key: &[u8]) -> Result<Option<T>> {
        let Some(bytes) = self.tree(tree)?.get(key).map_err(storage)? else {
            return Ok(None);
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| self.corrupt(format!("a record in \"{}\": {e}", tree.name())))
    }

    /// Writes one record and flushes it to disk before returning.
    pub fn put<T: Serialize>(&self, tree: Tree, key: &[u8], value: &T) -> Result<()> {
        let bytes = serde_json::to_vec(value).map_err(|e| Error::Storage(e.to_string()))?;
        let tree = self.tree(tree)?;
        tree.insert(key, bytes).map_err(storage)?;
        tree.flush().map_err(storage)?;
        Ok(())
    }

    /// Adds a record under a key that sorts by `at` (ties keep insertion
    /// order), flushed before returning.
    pub fn append<T: Serialize>(&self, tree: Tree, at: DateTime<Utc>, value: &T) -> Result<()> {
        // Flipping the sign bit makes big-endian byte order match time order,
        // instants before 1970 included.
        let time = (at.timestamp_micros() as u64) ^ (1 << 63);
        let id = self.db.generate_id().map_err(storage)?;
        let mut key = [0u8; 16];
        key[..8].copy_from_slice(&time.to_be_bytes());
        key[8..].copy_from_slice(&id.to_be_bytes());
        self.put(tree, &key, value)
    }

    /// A new id, unique in this store and increasing.
    pub fn new_id(&self) -> Result<u64> {
        self.db.generate_id().map_err(storage)
    }

    /// Every record of a tree, in key order.
    pub fn values<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<T>> {
        self.tree(tree)?
            .iter()
            .map(|entry| {
                let (_, bytes) = entry.map_err(storage)?;
                serde_json::from_slice(&bytes)
                    .map_err(|e| self.corrupt(format!("a record in \"{}\": {e}", tree.name())))
            })
            .collect()
    }

    /// Writes a JSON copy of every record to `backups/` in the data folder and
    /// deletes all but the newest [`BACKUPS_KEPT`]. Returns the new file.
    pub fn backup(&self, now: DateTime<Utc>) -> Result<PathBuf> {
        let dir = self.dir.join("backups");
        fs::create_dir_all(&dir).map_err(|e| Error::Storage(e.to_string()))?;
        let mut export = serde_json::Map::new();
        for tree in Tree::ALL {
            let mut records = serde_json::Map::new();
            for entry in self.tree(tree)?.iter() {
                let (key, value) = entry.map_err(storage)?;
                let value: serde_json::Value = serde_json::from_slice(&value)
                    .map_err(|e| self.corrupt(format!("a record in \"{}\": {e}", tree.name())))?;
                records.insert(String::from_utf8_lossy(&key).into_owned(), value);
            }
            export.insert(tree.name().to_owned(), records.into());
        }
        let file = dir.join(format!(
            "crossroads-{}.json",
            now.format("%Y%m%dT%H%M%S%.3fZ")
        ));
        let text = serde_json::to_vec_pretty(&export).map_err(|e| Error::Storage(e.to_string()))?;
        write_synced(&file, &text)?;
        rotate_backups(&dir)?;
        Ok(file)
    }

    fn tree(&self, tree: Tree) -> Result<sled::Tree> {
        self.db.open_tree(tree.name()).map_err(storage)
    }

    fn corrupt(&self, detail: String) -> Error {
        Error::StoreCorrupt {
            path: self.dir.clone(),
            detail,
        }
    }

    /// Every stored value must be JSON; a record that is not means damage.
    fn check_integrity(&self) -> Result<()> {
        for tree in Tree::ALL {
            for entry in self.tree(tree)?.iter() {
                let (_, value) = entry.map_err(|e| self.corrupt(e.to_string()))?;
                serde_json::from_slice::<serde_json::Value>(&value)
                    .map_err(|e| self.corrupt(format!("a record in \"{}\": {e}", tree.name())))?;
            }
        }
        Ok(())
    }

    fn migrate(&self) -> Result<()> {
        match self.get::<u32>(Tree::Meta, SCHEMA_KEY)? {
            None => self.put(Tree::Meta, SCHEMA_KEY, &SCHEMA_VERSION),
            Some(SCHEMA_VERSION) => Ok(()),
            // Forward migrations go here, one step per version.
            Some(found) if found > SCHEMA_VERSION => Err(self.corrupt(format!(
                "it was written by a newer version of Crossroads (schema {found}); please update the app"
            ))),
            Some(found) => Err(self.corrupt(format!("unknown schema version {found}"))),
        }
    }
}

fn open_error(dir: &Path, error: sled::Error) -> Error {
    match error {
        sled::Error::Io(e) if e.to_string().contains("could not acquire lock") => {
            Error::StoreLocked {
                path: dir.to_path_buf(),
            }
        }
        sled::Error::Io(e) => Error::Storage(e.to_string()),
        other => Error::StoreCorrupt {
            path: dir.to_path_buf(),
            detail: other.to_string(),
        },
    }
}

fn storage(error: sled::Error) -> Error {
    Error::Storage(error.to_string())
}

fn write_synced(file: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let io = |e: std::io::Error| Error::Storage(e.to_string());
    let mut f = fs::File::create(file).map_err(io)?;
    f.write_all(bytes).map_err(io)?;
    f.sync_all().map_err(io)
}

fn rotate_backups(dir: &Path) -> Result<()> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| Error::Storage(e.to_string()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("crossroads-") && n.ends_with(".json"))
        })
        .collect();
    // The names embed a sortable UTC timestamp, so name order is age order.
    files.sort();
    let excess = files.len().saturating_sub(BACKUPS_KEPT);
    for old in &files[..excess] {
        fs::remove_file(old).map_err(|e| Error::Storage(e.to_string()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{instant, temp_dir};

    #[test]
    fn a_written_record_survives_reopening() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        store.put(Tree::Profile, b"k", &"value").unwrap();
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.get::<String>(Tree::Profile, b"k").unwrap().as_deref(),
            Some("value")
        );
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
    fn data_from_a_newer_schema_is_refused_with_a_clear_error() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        store
            .put(Tree::Meta, SCHEMA_KEY, &(SCHEMA_VERSION + 1))
            .unwrap();
        drop(store);
        let err = Store::open(dir.path()).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::StoreCorrupt);
        assert!(err.to_string().contains("newer version"), "{err}");
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
        assert!(err.to_string().contains("backups"), "{err}");
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
            store.append(Tree::Events, instant(at), &value).unwrap();
        }
        let values: Vec<String> = store.values(Tree::Events).unwrap();
        assert_eq!(values, ["a", "b", "c", "d"]);
    }

    #[test]
    fn backups_hold_every_record_and_only_the_newest_are_kept() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        store.put(Tree::Profile, b"current", &"Sam").unwrap();
        let mut last = PathBuf::new();
        for minute in 0..(BACKUPS_KEPT as u32 + 3) {
            last = store
                .backup(instant(&format!("2026-01-01T10:{minute:02}:00Z")))
                .unwrap();
        }
        let kept = fs::read_dir(dir.path().join("backups")).unwrap().count();
        assert_eq!(kept, BACKUPS_KEPT);
        let text = fs::read_to_string(&last).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["profile"]["current"], "Sam");
        assert!(!dir
            .path()
            .join("backups/crossroads-20260101T100000.000Z.json")
            .exists());
    }
}
