//! Automatic backups that can be restored.
//!
//! A backup is one JSON file in `backups/` inside the data folder, holding
//! every record of every tree with its key written in hex, so binary keys
//! (events, drafts) come back byte for byte. Which files are kept:
//!
//! - the last [`STARTS_KEPT`] taken when Crossroads started;
//! - one a day for the last [`DAYS_KEPT`] days, so a run of restarts after a
//!   bad write cannot push out every good copy;
//! - the last [`SAFETY_COPIES_KEPT`] copies of the data as it was just before
//!   a restore, and as many from just before an import, so neither ever
//!   overwrites anything without a copy.
//!
//! Files of the first release (no `crossroads_backup` field) are listed but
//! cannot be restored: their keys were not kept whole.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{migrate, Store, Tree, GENERATION_FILE, SLED_DIR};
use crate::error::{Error, Result};

/// The format of the files written here.
pub const BACKUP_FORMAT: u32 = 2;
/// Backups taken at start that are kept.
pub const STARTS_KEPT: usize = 3;
/// Days for which one daily backup is kept.
pub const DAYS_KEPT: usize = 7;
/// Copies taken just before a restore that are kept.
pub const SAFETY_COPIES_KEPT: usize = 3;

const FOLDER: &str = "backups";

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Crossroads started.
    Start,
    /// The first backup of a day.
    Daily,
    /// The data as it was just before a restore replaced it.
    BeforeRestore,
    /// The data as it was just before an import replaced it.
    BeforeImport,
}

impl Reason {
    fn slug(self) -> &'static str {
        match self {
            Reason::Start => "start",
            Reason::Daily => "daily",
            Reason::BeforeRestore => "before-restore",
            Reason::BeforeImport => "before-import",
        }
    }
}

/// One backup file as the restore screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupInfo {
    /// The file's name, which is also the id to restore it by.
    pub id: String,
    /// When it was taken.
    pub created_at: Option<DateTime<Utc>>,
    /// Why it was taken (none for the first release's files).
    pub reason: Option<Reason>,
    /// How many of the person's records it holds (profile, answers, drafts,
    /// events and so on; not the store's own bookkeeping).
    pub records: usize,
    /// Unsent drafts in it.
    pub drafts: usize,
    /// Logged no-contact events in it.
    pub events: usize,
    /// Whether it can be restored.
    pub restorable: bool,
    /// It holds none of the person's records (taken before they wrote
    /// anything): restoring it would only empty the app, so it is not offered.
    pub empty: bool,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    crossroads_backup: u32,
    schema: u32,
    created_at: DateTime<Utc>,
    reason: Reason,
    /// Tree name → hex key → the record as stored.
    trees: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
}

/// The folder backups live in.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

/// Writes a backup of every record and prunes old ones. Returns the file.
pub fn write(store: &Store, now: DateTime<Utc>, reason: Reason) -> Result<PathBuf> {
    // Under the write lock, so the copy is of one moment.
    let file = store.transact(|tx| snapshot(tx.store(), now, reason))?;
    prune(&folder(store.dir()))?;
    Ok(file)
}

/// Writes the daily backup unless today's (UTC) exists already.
pub fn write_daily_if_due(store: &Store, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
    let today = now.date_naive();
    let taken = list(store.dir())?.into_iter().any(|b| {
        b.reason == Some(Reason::Daily) && b.created_at.map(|t| t.date_naive()) == Some(today)
    });
    if taken {
        return Ok(None);
    }
    write(store, now, Reason::Daily).map(Some)
}

pub(super) fn snapshot(store: &Store, now: DateTime<Utc>, reason: Reason) -> Result<PathBuf> {
    let dir = folder(store.dir());
    fs::create_dir_all(&dir).map_err(io)?;
    let mut trees = BTreeMap::new();
    for tree in Tree::ALL {
        let mut records = BTreeMap::new();
        for (key, value) in store.raw_entries(tree)? {
            let value: serde_json::Value = serde_json::from_slice(&value)
                .map_err(|e| store.corrupt(format!("a record in \"{}\": {e}", tree.name())))?;
            records.insert(hex(&key), value);
        }
        trees.insert(tree.name().to_owned(), records);
    }
    let file = File {
        crossroads_backup: BACKUP_FORMAT,
        schema: migrate::SCHEMA_VERSION,
        created_at: now,
        reason,
        trees,
    };
    let name = format!(
        "crossroads-{}-{}.json",
        now.format("%Y%m%dT%H%M%S%.3fZ"),
        reason.slug()
    );
    let path = dir.join(name);
    let text = serde_json::to_vec_pretty(&file).map_err(|e| Error::Storage(e.to_string()))?;
    // Written under another name first, so a crash never leaves half a file
    // under a name the restore screen would offer.
    let partial = path.with_extension("partial");
    write_synced(&partial, &text)?;
    fs::rename(&partial, &path).map_err(io)?;
    Ok(path)
}

/// Every backup in the data folder, newest first.
pub fn list(data_dir: &Path) -> Result<Vec<BackupInfo>> {
    let dir = folder(data_dir);
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    for entry in fs::read_dir(&dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !(name.starts_with("crossroads-") && name.ends_with(".json")) {
            continue;
        }
        found.push(describe(name, &path));
    }
    found.sort_by(|a, b| (&b.created_at, &b.id).cmp(&(&a.created_at, &a.id)));
    Ok(found)
}

fn describe(name: &str, path: &Path) -> BackupInfo {
    let parsed = fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<File>(&bytes).ok())
        .filter(|f| f.crossroads_backup == BACKUP_FORMAT);
    match parsed {
        Some(file) => {
            let count = |tree: Tree| file.trees.get(tree.name()).map_or(0, BTreeMap::len);
            // What the person wrote and logged; the store's own
            // bookkeeping (schema, counts, notifications) is not theirs.
            let records = file
                .trees
                .iter()
                .filter(|(name, _)| {
                    ![Tree::Meta.name(), Tree::Outbox.name()].contains(&name.as_str())
                })
                .map(|(_, records)| records.len())
                .sum();
            BackupInfo {
                id: name.to_owned(),
                created_at: Some(file.created_at),
                reason: Some(file.reason),
                records,
                drafts: count(Tree::Drafts),
                events: count(Tree::Events),
                restorable: file.schema <= migrate::SCHEMA_VERSION && records > 0,
                empty: records == 0,
            }
        }
        None => BackupInfo {
            id: name.to_owned(),
            created_at: fs::metadata(path)
                .and_then(|m| m.modified())
                .ok()
                .map(DateTime::<Utc>::from),
            reason: None,
            records: 0,
            drafts: 0,
            events: 0,
            restorable: false,
            empty: false,
        },
    }
}

/// Reads and checks a backup file by its id, refusing anything that is not
/// a whole, restorable backup of a format and schema this build knows.
fn read(data_dir: &Path, id: &str) -> Result<File> {
    let refuse = |code: &'static str| Error::invalid("backup", code);
    let plain_name = !id.is_empty()
        && !id.contains(['/', '\\'])
        && id != "."
        && id != ".."
        && id.starts_with("crossroads-")
        && id.ends_with(".json");
    if !plain_name {
        return Err(refuse("backupChoose"));
    }
    let bytes = fs::read(folder(data_dir).join(id)).map_err(|_| refuse("backupGone"))?;
    let file: File = serde_json::from_slice(&bytes).map_err(|_| refuse("backupUnreadable"))?;
    if file.crossroads_backup != BACKUP_FORMAT {
        return Err(refuse("backupOldFormat"));
    }
    if file.schema > migrate::SCHEMA_VERSION {
        return Err(refuse("backupTooNew"));
    }
    for (name, records) in &file.trees {
        if Tree::from_name(name).is_none() {
            return Err(refuse("backupUnknownData"));
        }
        if records.keys().any(|k| unhex(k).is_none()) {
            return Err(refuse("backupDamaged"));
        }
    }
    Ok(file)
}

/// Replaces every record of the open store with the backup `id`. The data
/// as it was is first saved as a backup of its own ("before restore").
pub fn restore(store: &Store, id: &str, now: DateTime<Utc>) -> Result<()> {
    let file = read(store.dir(), id)?;
    replace_with(store, &file, Some(now))?;
    prune(&folder(store.dir()))
}

/// Replaces every record of `store` with those of `file` in one
/// transaction (first saving the data as it was as a backup, at `safety`
/// when given), then brings them up to date.
fn replace_with(store: &Store, file: &File, safety: Option<DateTime<Utc>>) -> Result<()> {
    store.transact(|tx| {
        if let Some(now) = safety {
            snapshot(tx.store(), now, Reason::BeforeRestore)?;
        }
        for tree in Tree::ALL {
            for (key, _) in tx.store().raw_entries(tree)? {
                tx.remove(tree, &key);
            }
        }
        for (name, records) in &file.trees {
            let tree = Tree::from_name(name).unwrap_or(Tree::Meta);
            for (key, value) in records {
                // As they were stored: sealed records stay sealed.
                let bytes = serde_json::to_vec(value).map_err(|e| Error::Storage(e.to_string()))?;
                tx.put_raw(tree, &unhex(key).unwrap_or_default(), bytes);
            }
        }
        // The backup's own schema, so the migrations below bring it up to date.
        tx.put(Tree::Meta, super::SCHEMA_KEY, &file.schema)
    })?;
    // The backup's passphrase (or none) is the one that now applies.
    store.reload_crypto()?;
    migrate::run(store)
}

/// Where [`recover`] builds the new store (a data folder of its own) before
/// it takes the damaged one's place.
const RECOVERING_DIR: &str = "store.recovering";

/// For a store that will not open: builds a new store from the backup `id`
/// beside it, and only once that store is whole (restored, migrated,
/// flushed, and opened again with every check) swaps it in, moving the
/// damaged one aside (kept, never deleted, as `store.damaged-<time>`).
///
/// When anything fails before the swap, the damaged store stays where it
/// was, untouched: the next start reports it again and offers the backups,
/// and never opens an empty store. A crash during the swap leaves either
/// the damaged store in place, or the new one as `store.next`, which the
/// next open takes.
pub fn recover(data_dir: &Path, id: &str, now: DateTime<Utc>) -> Result<Store> {
    // Checked before anything is made.
    let file = read(data_dir, id)?;
    let staging = data_dir.join(RECOVERING_DIR);
    // The store does not open, so a copy waiting under the swap's name is
    // one whose swap never began: it is rebuilt.
    let next = data_dir.join(super::REBUILT_DIR);
    for leftover in [&staging, &next] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).map_err(io)?;
        }
    }
    if let Err(e) = build_recovered(data_dir, &staging, &file) {
        // Best effort: a leftover is removed by the next try anyway.
        let _ = fs::remove_dir_all(&staging);
        return Err(match e {
            // What the backup holds does not make a store that opens.
            Error::StoreCorrupt { .. } | Error::StoreTooNew { .. } => {
                Error::invalid("backup", "backupDamaged")
            }
            other => other,
        });
    }
    // The swap: the new store goes where an interrupted swap is finished
    // from, then the damaged one aside, then the new one in its place.
    fs::rename(staging.join(SLED_DIR), &next).map_err(io)?;
    let sled_dir = data_dir.join(SLED_DIR);
    if sled_dir.exists() {
        let aside = data_dir.join(format!(
            "{SLED_DIR}.damaged-{}",
            now.format("%Y%m%dT%H%M%S%.3fZ")
        ));
        fs::rename(&sled_dir, &aside).map_err(io)?;
    }
    fs::rename(&next, &sled_dir).map_err(io)?;
    // The new store's commit count (above the damaged one's, see
    // `build_recovered`) replaces the damaged one's.
    fs::rename(
        staging.join(GENERATION_FILE),
        data_dir.join(GENERATION_FILE),
    )
    .map_err(io)?;
    let _ = fs::remove_dir_all(&staging);
    Store::open(data_dir)
}

/// Restores `file` into a new store in the data folder `staging`, flushed,
/// and checks that it opens again with every check a start makes.
fn build_recovered(data_dir: &Path, staging: &Path, file: &File) -> Result<()> {
    {
        let store = Store::open(staging)?;
        // Its commits count on from the damaged store's, so the count kept
        // beside the store is never ahead of it, whichever is there.
        let beside: u64 = fs::read_to_string(data_dir.join(GENERATION_FILE))
            .ok()
            .and_then(|text| text.trim().parse().ok())
            .unwrap_or(0);
        store.count_commits_from(beside);
        replace_with(&store, file, None)?;
    }
    // Every write above was flushed; opening again reads it back.
    Store::open(staging).map(drop)
}

/// Deletes every backup and takes one of the data as it is now: after
/// something was erased, no copy of it is left to find.
pub fn replace_all(store: &Store, now: DateTime<Utc>) -> Result<PathBuf> {
    store.transact(|tx| {
        let dir = folder(tx.store().dir());
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io)?;
        }
        snapshot(tx.store(), now, Reason::Daily)
    })
}

/// Deletes every backup that holds a record of a private tree in clear:
/// once a passphrase is set, a copy in clear would defeat it. Call it after
/// a sealed backup was written.
pub fn remove_clear_backups(data_dir: &Path) -> Result<usize> {
    let mut removed = 0;
    for backup in list(data_dir)? {
        let path = folder(data_dir).join(&backup.id);
        let holds_clear = match fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<File>(&bytes).ok())
        {
            Some(file) => file.trees.iter().any(|(name, records)| {
                Tree::from_name(name).is_some_and(Tree::is_private)
                    && records.values().any(|v| v.get("sealed").is_none())
            }),
            // Unreadable or of the first release: it may hold anything.
            None => true,
        };
        if holds_clear {
            fs::remove_file(&path).map_err(io)?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Deletes what the keeping rules no longer need.
pub(super) fn prune(dir: &Path) -> Result<()> {
    let backups = list(dir.parent().unwrap_or(dir))?;
    let mut keep = BTreeSet::new();
    let newest = |reason: Reason, n: usize| {
        backups
            .iter()
            .filter(move |b| b.reason == Some(reason))
            .take(n)
            .map(|b| b.id.clone())
    };
    keep.extend(newest(Reason::Start, STARTS_KEPT));
    keep.extend(newest(Reason::BeforeRestore, SAFETY_COPIES_KEPT));
    keep.extend(newest(Reason::BeforeImport, SAFETY_COPIES_KEPT));
    let mut days = BTreeSet::new();
    for daily in backups.iter().filter(|b| b.reason == Some(Reason::Daily)) {
        let day = daily.created_at.map(|t| t.date_naive());
        if days.len() < DAYS_KEPT && days.insert(day) {
            keep.insert(daily.id.clone());
        }
    }
    for backup in backups.iter().filter(|b| b.reason.is_some()) {
        if !keep.contains(&backup.id) {
            fs::remove_file(dir.join(&backup.id)).map_err(io)?;
        }
    }
    Ok(())
}

pub(crate) fn write_synced(file: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut f = fs::File::create(file).map_err(io)?;
    f.write_all(bytes).map_err(io)?;
    f.sync_all().map_err(io)
}

fn io(e: std::io::Error) -> Error {
    Error::Storage(e.to_string())
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Read;
    use crate::test_support::{instant, temp_dir};

    /// Records as a person sees them: the store's own commit count moves on.
    fn without_commit_count(entries: Vec<(Vec<u8>, Vec<u8>)>) -> Vec<(Vec<u8>, Vec<u8>)> {
        entries
            .into_iter()
            .filter(|(k, _)| k.as_slice() != b"generation")
            .collect()
    }

    fn at(minute: u32) -> DateTime<Utc> {
        instant(&format!("2026-01-01T10:{minute:02}:00Z"))
    }

    #[test]
    fn hex_keys_round_trip_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(unhex(&hex(&all)).unwrap(), all);
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
    }

    #[test]
    fn a_backup_restores_binary_keys_value_by_value() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        store
            .transact(|tx| {
                // Two keys that a lossy text encoding would merge.
                tx.put(Tree::Drafts, &[0xff, 0x00, 0x01], &"one")?;
                tx.put(Tree::Drafts, &[0xfe, 0x00, 0x01], &"two")?;
                tx.append(Tree::Events, at(0), &"e1")?;
                tx.append(Tree::Events, at(0), &"e2")?;
                tx.put(Tree::Profile, b"current", &"Sam")
            })
            .unwrap();
        let before: Vec<_> = Tree::ALL
            .iter()
            .map(|t| without_commit_count(store.raw_entries(*t).unwrap()))
            .collect();
        let file = write(&store, at(1), Reason::Start).unwrap();
        store
            .transact(|tx| {
                tx.remove(Tree::Drafts, &[0xff, 0x00, 0x01]);
                tx.put(Tree::Profile, b"current", &"changed")
            })
            .unwrap();
        let id = file.file_name().unwrap().to_str().unwrap();
        restore(&store, id, at(2)).unwrap();
        let after: Vec<_> = Tree::ALL
            .iter()
            .map(|t| without_commit_count(store.raw_entries(*t).unwrap()))
            .collect();
        assert_eq!(before, after);
        // The data as it was before the restore is kept as its own backup.
        let listed = list(dir.path()).unwrap();
        let safety = listed
            .iter()
            .find(|b| b.reason == Some(Reason::BeforeRestore))
            .unwrap();
        assert_eq!(safety.drafts, 1);
        assert_eq!(listed.len(), 2);
    }

    #[test]
    fn keeping_rules_hold_three_starts_and_one_backup_a_day_for_a_week() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        for day in 1..=10 {
            for hour in [8, 20] {
                let now = instant(&format!("2026-01-{day:02}T{hour:02}:00:00Z"));
                write(&store, now, Reason::Start).unwrap();
                write_daily_if_due(&store, now).unwrap();
            }
        }
        let listed = list(dir.path()).unwrap();
        let starts: Vec<_> = listed
            .iter()
            .filter(|b| b.reason == Some(Reason::Start))
            .collect();
        let dailies: Vec<_> = listed
            .iter()
            .filter(|b| b.reason == Some(Reason::Daily))
            .collect();
        assert_eq!(starts.len(), STARTS_KEPT);
        assert_eq!(dailies.len(), DAYS_KEPT);
        assert_eq!(
            dailies.last().unwrap().created_at,
            Some(instant("2026-01-04T08:00:00Z"))
        );
        assert_eq!(starts[0].created_at, Some(instant("2026-01-10T20:00:00Z")));
    }

    #[test]
    fn bad_backup_ids_and_files_are_refused_and_change_nothing() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        store
            .transact(|tx| tx.put(Tree::Profile, b"current", &"Sam"))
            .unwrap();
        fs::create_dir_all(folder(dir.path())).unwrap();
        fs::write(folder(dir.path()).join("crossroads-broken.json"), b"{nope").unwrap();
        fs::write(
            folder(dir.path()).join("crossroads-20250101T000000.000Z.json"),
            br#"{"profile":{"current":"Old"}}"#,
        )
        .unwrap();
        for id in [
            "",
            "../store",
            "/etc/passwd",
            "crossroads-missing.json",
            "crossroads-broken.json",
            "crossroads-20250101T000000.000Z.json",
        ] {
            let err = restore(&store, id, at(3)).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::InvalidInput, "{id}");
            assert_eq!(err.field(), Some("backup"));
        }
        assert_eq!(
            store
                .get::<String>(Tree::Profile, b"current")
                .unwrap()
                .as_deref(),
            Some("Sam")
        );
        let listed = list(dir.path()).unwrap();
        assert_eq!(listed.len(), 2);
        assert!(listed.iter().all(|b| !b.restorable));
    }

    #[test]
    fn a_store_that_will_not_open_is_moved_aside_and_rebuilt_from_a_backup() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        store
            .transact(|tx| tx.put(Tree::Profile, b"current", &"Sam"))
            .unwrap();
        let file = write(&store, at(4), Reason::Start).unwrap();
        drop(store);
        let id = file.file_name().unwrap().to_str().unwrap().to_owned();
        let store = recover(dir.path(), &id, at(5)).unwrap();
        assert_eq!(
            store
                .get::<String>(Tree::Profile, b"current")
                .unwrap()
                .as_deref(),
            Some("Sam")
        );
        let aside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("store.damaged-")
            })
            .collect();
        assert_eq!(aside.len(), 1);
    }

    /// Every file under `dir` with its bytes.
    fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut found = BTreeMap::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                found.extend(files_under(&path));
            } else {
                found.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
        found
    }

    /// The folders beside the store whose name starts with `prefix`.
    fn beside(dir: &Path, prefix: &str) -> usize {
        fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
            .count()
    }

    /// A store holding a profile, a backup of it, and a store that then
    /// will not open (its commit count went back). Returns the backup's id.
    fn damaged_with_a_backup(dir: &Path) -> String {
        let store = Store::open(dir).unwrap();
        store
            .transact(|tx| tx.put(Tree::Profile, b"current", &"Sam"))
            .unwrap();
        let file = write(&store, at(4), Reason::Start).unwrap();
        drop(store);
        fs::write(dir.join(GENERATION_FILE), "999").unwrap();
        let err = Store::open(dir).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::StoreCorrupt);
        file.file_name().unwrap().to_str().unwrap().to_owned()
    }

    #[test]
    fn a_recover_that_fails_midway_leaves_the_damaged_store_in_place_and_a_later_one_works() {
        let dir = temp_dir();
        let good = damaged_with_a_backup(dir.path());
        // A backup that reads as whole but breaks halfway through the
        // restore: an older schema whose record the migration cannot read.
        let mut bad: serde_json::Value =
            serde_json::from_slice(&fs::read(folder(dir.path()).join(&good)).unwrap()).unwrap();
        bad["schema"] = 1.into();
        bad["trees"]["no_contact"][hex(b"announced")] = "not a list".into();
        let bad_id = "crossroads-20260101T100500.000Z-start.json";
        fs::write(
            folder(dir.path()).join(bad_id),
            serde_json::to_vec(&bad).unwrap(),
        )
        .unwrap();
        assert!(list(dir.path()).unwrap().iter().all(|b| b.restorable));
        let damaged = files_under(&dir.path().join(SLED_DIR));

        let err = recover(dir.path(), bad_id, at(6)).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (crate::ErrorKind::InvalidInput, Some("backup")),
            "{err}"
        );
        // The damaged store is where it was, byte for byte, nothing was
        // left half made, and a start still reports it and offers backups.
        assert_eq!(files_under(&dir.path().join(SLED_DIR)), damaged);
        assert_eq!(beside(dir.path(), "store.damaged-"), 0);
        assert_eq!(beside(dir.path(), RECOVERING_DIR), 0);
        assert_eq!(beside(dir.path(), super::super::REBUILT_DIR), 0);
        let again = Store::open(dir.path()).unwrap_err();
        assert_eq!(again.kind(), crate::ErrorKind::StoreCorrupt);
        assert_eq!(list(dir.path()).unwrap().len(), 2);

        // A good backup then recovers, and the store keeps opening.
        let store = recover(dir.path(), &good, at(7)).unwrap();
        assert_eq!(
            store.get::<String>(Tree::Profile, b"current").unwrap(),
            Some("Sam".to_owned())
        );
        store
            .transact(|tx| tx.put(Tree::Profile, b"current", &"Sam again"))
            .unwrap();
        drop(store);
        let reopened = Store::open(dir.path()).unwrap();
        assert_eq!(
            reopened.get::<String>(Tree::Profile, b"current").unwrap(),
            Some("Sam again".to_owned())
        );
        assert_eq!(beside(dir.path(), "store.damaged-"), 1);
        assert_eq!(beside(dir.path(), RECOVERING_DIR), 0);
    }

    #[test]
    fn a_recover_that_cannot_write_never_leaves_an_empty_store_that_opens() {
        let now = at(6);
        // Disk trouble at either place a recover writes: the copy of the
        // data before the restore, or the new store's folder.
        let obstacles = [
            folder(Path::new("")).join(format!(
                "crossroads-{}-before-restore.partial",
                now.format("%Y%m%dT%H%M%S%.3fZ")
            )),
            PathBuf::from(RECOVERING_DIR),
        ];
        for obstacle in obstacles {
            let dir = temp_dir();
            let id = damaged_with_a_backup(dir.path());
            // A folder where a file goes, or a file where a folder goes:
            // writing there fails, even for root.
            if obstacle.extension().is_some() {
                fs::create_dir_all(dir.path().join(&obstacle)).unwrap();
            } else {
                fs::write(dir.path().join(&obstacle), "in the way").unwrap();
            }
            match recover(dir.path(), &id, now) {
                Ok(store) => assert_eq!(
                    store.get::<String>(Tree::Profile, b"current").unwrap(),
                    Some("Sam".to_owned()),
                    "{obstacle:?}"
                ),
                Err(_) => {
                    let err = Store::open(dir.path()).map(|_| ()).unwrap_err();
                    assert_eq!(
                        err.kind(),
                        crate::ErrorKind::StoreCorrupt,
                        "{obstacle:?}: still reported as damaged"
                    );
                    assert!(list(dir.path()).unwrap()[0].restorable);
                }
            }
        }
    }
}
