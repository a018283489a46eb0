//! Export, import and erasing everything.
//!
//! An export is one JSON file the person keeps: every record of every tree,
//! in clear (a passphrase protects the store, not a copy the person chose to
//! take), keys in hex so binary keys come back byte for byte, with the
//! format and schema it was written in. Importing one replaces what is
//! here, and is all or nothing:
//!
//! 1. the file is checked (a Crossroads export, of a format and schema this
//!    build knows, every tree known and every key whole);
//! 2. it is loaded into a staging store beside the real one, migrated, and
//!    read back through every view the app has, so a record this version
//!    cannot read refuses the file before anything is touched;
//! 3. only then, in one transaction, the data as it was is kept as a backup
//!    ("before import") and replaced (sealed when a passphrase is set).
//!
//! The store's own bookkeeping (commit count, passphrase header, the exports
//! already imported) is neither exported nor imported.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::backup::{self, Reason};
use super::{crypto, migrate, Crypto, Read, Store, Tree, GENERATION_KEY, SCHEMA_KEY};
use crate::error::{Error, Message, Result};

/// The format of the export files written here.
pub const EXPORT_FORMAT: u32 = 1;

/// The largest export file read: far beyond ten years of entries, small
/// enough that a wrong file (a video, a disk image) is refused at once.
pub const IMPORT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// The exports already imported into this store: export id → when.
const IMPORTED_KEY: &[u8] = b"imported_exports";

/// The folder, inside the data folder, where an import is checked.
const STAGING_DIR: &str = "import-staging";

/// Meta records that belong to this store, not to the person's data.
fn is_bookkeeping(tree: Tree, key: &[u8]) -> bool {
    tree == Tree::Meta
        && [GENERATION_KEY, crypto::HEADER_KEY, IMPORTED_KEY, SCHEMA_KEY].contains(&key)
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportFile {
    crossroads_export: u32,
    /// Random, so a second import of the same file is recognised.
    id: String,
    schema: u32,
    exported_at: DateTime<Utc>,
    /// Tree name → hex key → the record, in clear.
    trees: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
}

/// What an import brought in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Imported {
    /// The person's records now in the store.
    pub records: usize,
    /// When the file was exported.
    pub exported_at: DateTime<Utc>,
}

/// Every record, in clear, as the bytes of an export file. Refused while
/// locked (the records can't be read without the passphrase).
pub fn export(store: &Store, now: DateTime<Utc>) -> Result<Vec<u8>> {
    let trees = store.transact(|tx| records_in_clear(tx))?;
    let mut id = [0u8; 16];
    getrandom::getrandom(&mut id).map_err(|e| Error::Storage(e.to_string()))?;
    let file = ExportFile {
        crossroads_export: EXPORT_FORMAT,
        id: backup::hex(&id),
        schema: migrate::SCHEMA_VERSION,
        exported_at: now,
        trees: trees
            .into_iter()
            .map(|(tree, records)| {
                let records = records
                    .into_iter()
                    .map(|(key, value)| (backup::hex(&key), value))
                    .collect();
                (tree.name().to_owned(), records)
            })
            .collect(),
    };
    serde_json::to_vec_pretty(&file).map_err(|e| Error::Storage(e.to_string()))
}

/// Records by tree: each tree's (key, record in clear), in key order.
pub(crate) type Records = BTreeMap<Tree, Vec<(Vec<u8>, serde_json::Value)>>;

/// Every record of the person's, in clear, by tree and key (bookkeeping
/// left out). Trees without records are left out.
pub(crate) fn records_in_clear(store: &impl Read) -> Result<Records> {
    let mut trees = BTreeMap::new();
    for tree in Tree::ALL {
        let records: Vec<(Vec<u8>, serde_json::Value)> = store
            .entries(tree)?
            .into_iter()
            .filter(|(key, _)| !is_bookkeeping(tree, key))
            .collect();
        if !records.is_empty() {
            trees.insert(tree, records);
        }
    }
    Ok(trees)
}

/// The field refusals of a file are shown by.
const FILE_FIELD: &str = "file";

fn refuse(code: &'static str) -> Error {
    Error::invalid(FILE_FIELD, code)
}

/// Reads and checks an export file, refusing anything that is not a whole
/// export of a format and schema this build knows.
fn parse(bytes: &[u8]) -> Result<ExportFile> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|_| refuse("importUnreadable"))?;
    if value.get("crossroads_export").is_none() {
        return Err(refuse("importNotExport"));
    }
    match value.get("crossroads_export").and_then(|v| v.as_u64()) {
        Some(n) if n == u64::from(EXPORT_FORMAT) => {}
        Some(n) if n > u64::from(EXPORT_FORMAT) => return Err(refuse("importTooNew")),
        _ => return Err(refuse("importUnknownFormat")),
    }
    let file: ExportFile = serde_json::from_value(value).map_err(|_| refuse("importDamaged"))?;
    if file.schema > migrate::SCHEMA_VERSION {
        return Err(refuse("importTooNew"));
    }
    if file.schema == 0 || file.id.is_empty() {
        return Err(refuse("importDamaged"));
    }
    for (name, records) in &file.trees {
        if Tree::from_name(name).is_none() {
            return Err(refuse("importUnknownData"));
        }
        if records.keys().any(|k| backup::unhex(k).is_none()) {
            return Err(refuse("importDamaged"));
        }
    }
    Ok(file)
}

/// The records of a checked file, by tree, as the store keeps them.
fn file_records(file: &ExportFile) -> Vec<(Tree, Vec<u8>, &serde_json::Value)> {
    let mut records = Vec::new();
    for (name, entries) in &file.trees {
        let Some(tree) = Tree::from_name(name) else {
            continue;
        };
        for (key, value) in entries {
            let key = backup::unhex(key).unwrap_or_default();
            if !is_bookkeeping(tree, &key) {
                records.push((tree, key, value));
            }
        }
    }
    records
}

/// Replaces every record of the person's with the export in `bytes`, all
/// or nothing. `readable` reads the staged data through every view the app
/// has; it must succeed for the import to go ahead.
pub fn import(
    store: &Store,
    bytes: &[u8],
    now: DateTime<Utc>,
    readable: impl FnOnce(&Store) -> Result<()>,
) -> Result<Imported> {
    let file = parse(bytes)?;
    let imported: BTreeMap<String, DateTime<Utc>> =
        store.get(Tree::Meta, IMPORTED_KEY)?.unwrap_or_default();
    if let Some(when) = imported.get(&file.id) {
        return Err(Error::invalid(
            FILE_FIELD,
            Message::new("importAlreadyOn").arg("date", when.format("%Y-%m-%d")),
        ));
    }
    // Refused before any work while locked: the records can't be sealed.
    if matches!(store.crypto_state(), Crypto::Locked(_)) {
        return Err(Error::Locked);
    }
    let staged = stage(store.dir(), &file, readable)?;
    let records = staged.len();
    store.transact(|tx| {
        let imported: BTreeMap<String, DateTime<Utc>> =
            tx.get(Tree::Meta, IMPORTED_KEY)?.unwrap_or_default();
        // Checked again under the lock: two imports of one file at once.
        if imported.contains_key(&file.id) {
            return Err(refuse("importAlready"));
        }
        backup::snapshot(tx.store(), now, Reason::BeforeImport)?;
        for tree in Tree::ALL {
            for (key, _) in tx.store().raw_entries(tree)? {
                if !is_bookkeeping(tree, &key) {
                    tx.remove(tree, &key);
                }
            }
        }
        for (tree, key, value) in &staged {
            tx.put(*tree, key, value)?;
        }
        let mut imported = imported;
        imported.insert(file.id.clone(), now);
        tx.put(Tree::Meta, IMPORTED_KEY, &imported)
    })?;
    // What was replaced is in the "before import" backup, not in sled's log.
    store.rebuild()?;
    backup::prune(&backup::folder(store.dir()))?;
    Ok(Imported {
        records,
        exported_at: file.exported_at,
    })
}

/// Loads the file into a store of its own beside the real one, migrates it
/// and reads it back; answers its records at the current schema. The
/// staging store is removed whatever happens.
fn stage(
    data_dir: &Path,
    file: &ExportFile,
    readable: impl FnOnce(&Store) -> Result<()>,
) -> Result<Vec<(Tree, Vec<u8>, serde_json::Value)>> {
    let dir = data_dir.join(STAGING_DIR);
    let io = |e: std::io::Error| Error::Storage(e.to_string());
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(io)?;
    }
    let answer = (|| {
        let staging = Store::open(&dir)?;
        staging.transact(|tx| {
            for (tree, key, value) in file_records(file) {
                tx.put(tree, &key, value)?;
            }
            // The file's own schema, so the migrations bring it up to date.
            tx.put(Tree::Meta, SCHEMA_KEY, &file.schema)
        })?;
        migrate::run(&staging)?;
        readable(&staging).map_err(|_| refuse("importUnreadableRecords"))?;
        let records = records_in_clear(&staging)?
            .into_iter()
            .flat_map(|(tree, records)| records.into_iter().map(move |(k, v)| (tree, k, v)))
            .collect();
        Ok(records)
    })();
    // The staging store's lock is gone once `staging` is dropped above.
    fs::remove_dir_all(&dir).map_err(io)?;
    answer
}

/// Erases every record, every backup and every copy kept aside, and turns
/// the passphrase off: Crossroads is as on its first start. Works while
/// locked (a forgotten passphrase).
pub fn erase_everything(store: &Store) -> Result<()> {
    store.transact(|tx| {
        for tree in Tree::ALL {
            for (key, _) in tx.store().raw_entries(tree)? {
                if tree == Tree::Meta && (key == SCHEMA_KEY || key == GENERATION_KEY) {
                    continue;
                }
                tx.remove(tree, &key);
            }
        }
        tx.crypto_after = Some(Crypto::Off);
        Ok(())
    })?;
    // Gone from the files too: sled keeps old versions in its log.
    store.rebuild()?;
    // Under the write lock, so no backup is being written meanwhile.
    let _writes = store.hold_writes();
    let io = |e: std::io::Error| Error::Storage(e.to_string());
    let backups = backup::folder(store.dir());
    if backups.exists() {
        fs::remove_dir_all(&backups).map_err(io)?;
    }
    for entry in fs::read_dir(store.dir()).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // Damaged stores moved aside hold old entries too.
        if name.starts_with(&format!("{}.damaged-", super::SLED_DIR)) || name == STAGING_DIR {
            fs::remove_dir_all(entry.path()).map_err(io)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::crypto::Cost;
    use crate::test_support::{instant, temp_store};

    fn fill(store: &Store) {
        store
            .transact(|tx| {
                tx.put(
                    Tree::Profile,
                    b"profile",
                    &serde_json::json!({ "ex_name": "Quill" }),
                )?;
                tx.put(
                    Tree::Drafts,
                    &[0, 1, 2, 255],
                    &serde_json::json!({ "text": "marker-draft" }),
                )?;
                tx.put(
                    Tree::Events,
                    &[9, 8, 7],
                    &serde_json::json!({ "kind": "urge" }),
                )
            })
            .unwrap();
    }

    fn files_containing(dir: &Path, marker: &[u8]) -> Vec<std::path::PathBuf> {
        let mut found = Vec::new();
        for entry in fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
            let path = entry.path();
            if path.is_dir() {
                found.extend(files_containing(&path, marker));
            } else if fs::read(&path)
                .unwrap_or_default()
                .windows(marker.len())
                .any(|w| w == marker)
            {
                found.push(path);
            }
        }
        found
    }

    fn everything_is_readable(_: &Store) -> Result<()> {
        Ok(())
    }

    #[test]
    fn an_export_imports_into_another_store_byte_for_byte() {
        let (_dir, from) = temp_store();
        fill(&from);
        let bytes = export(&from, instant("2026-05-01T10:00:00Z")).unwrap();
        let (_dir2, into) = temp_store();
        let done = import(
            &into,
            &bytes,
            instant("2026-05-02T10:00:00Z"),
            everything_is_readable,
        )
        .unwrap();
        assert_eq!(done.records, 3);
        assert_eq!(
            records_in_clear(&into).unwrap(),
            records_in_clear(&from).unwrap()
        );
    }

    #[test]
    fn a_second_import_of_the_same_file_is_refused_and_changes_nothing() {
        let (_dir, from) = temp_store();
        fill(&from);
        let bytes = export(&from, instant("2026-05-01T10:00:00Z")).unwrap();
        let (_dir2, into) = temp_store();
        import(
            &into,
            &bytes,
            instant("2026-05-02T10:00:00Z"),
            everything_is_readable,
        )
        .unwrap();
        let count = into.commit_count();
        let error = import(
            &into,
            &bytes,
            instant("2026-05-03T10:00:00Z"),
            everything_is_readable,
        )
        .unwrap_err();
        assert_eq!(error.message().code, "importAlreadyOn");
        assert_eq!(error.message().get("date"), Some("2026-05-02"));
        assert_eq!(into.commit_count(), count);
    }

    #[test]
    fn bad_files_are_refused_with_a_reason_and_nothing_is_touched() {
        let (_dir, from) = temp_store();
        fill(&from);
        let good: serde_json::Value =
            serde_json::from_slice(&export(&from, instant("2026-05-01T10:00:00Z")).unwrap())
                .unwrap();
        let with = |path: &str, value: serde_json::Value| {
            let mut file = good.clone();
            let (parent, name) = path.rsplit_once('/').unwrap();
            file.pointer_mut(parent)
                .and_then(|p| p.as_object_mut())
                .unwrap()
                .insert(name.to_owned(), value);
            serde_json::to_vec(&file).unwrap()
        };
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"".to_vec(), "importUnreadable"),
            (b"{\"trees\":".to_vec(), "importUnreadable"),
            (b"[1,2,3]".to_vec(), "importNotExport"),
            (b"{\"crossroads_backup\":2}".to_vec(), "importNotExport"),
            (
                with("/crossroads_export", serde_json::json!(99)),
                "importTooNew",
            ),
            (
                with("/crossroads_export", serde_json::json!("one")),
                "importUnknownFormat",
            ),
            (
                with("/schema", serde_json::json!(migrate::SCHEMA_VERSION + 1)),
                "importTooNew",
            ),
            (with("/schema", serde_json::json!(0)), "importDamaged"),
            (
                with("/trees/mystery", serde_json::json!({})),
                "importUnknownData",
            ),
            (
                with("/trees/drafts", serde_json::json!({ "zz": 1 })),
                "importDamaged",
            ),
            (
                with("/exported_at", serde_json::json!("yesterday")),
                "importDamaged",
            ),
        ];
        let (_dir2, into) = temp_store();
        fill(&into);
        let before = records_in_clear(&into).unwrap();
        let count = into.commit_count();
        for (bytes, expected) in cases {
            let error = import(
                &into,
                &bytes,
                instant("2026-05-02T10:00:00Z"),
                everything_is_readable,
            )
            .unwrap_err();
            assert_eq!(error.message().code, expected, "{error}");
            assert_eq!(error.field(), Some("file"));
        }
        assert_eq!(records_in_clear(&into).unwrap(), before);
        assert_eq!(into.commit_count(), count);
        assert!(!into.dir().join(STAGING_DIR).exists());
    }

    #[test]
    fn a_file_the_views_cannot_read_is_refused_whole() {
        let (_dir, from) = temp_store();
        fill(&from);
        let bytes = export(&from, instant("2026-05-01T10:00:00Z")).unwrap();
        let (_dir2, into) = temp_store();
        let refuse_all = |_: &Store| Err(Error::Storage("unreadable".into()));
        let error = import(&into, &bytes, instant("2026-05-02T10:00:00Z"), refuse_all).unwrap_err();
        assert_eq!(error.message().code, "importUnreadableRecords");
        assert!(records_in_clear(&into).unwrap().is_empty());
        assert!(!into.dir().join(STAGING_DIR).exists());
    }

    #[test]
    fn an_import_keeps_the_data_it_replaces_as_a_backup_and_seals_under_a_passphrase() {
        let (_dir, from) = temp_store();
        fill(&from);
        let bytes = export(&from, instant("2026-05-01T10:00:00Z")).unwrap();
        let (_dir2, into) = temp_store();
        into.transact(|tx| tx.put(Tree::Journal, b"1", &serde_json::json!({ "text": "older" })))
            .unwrap();
        into.set_passphrase("a long passphrase", Cost::for_tests())
            .unwrap();
        import(
            &into,
            &bytes,
            instant("2026-05-02T10:00:00Z"),
            everything_is_readable,
        )
        .unwrap();
        let draft = into
            .raw_entries(Tree::Drafts)
            .unwrap()
            .into_iter()
            .next()
            .unwrap()
            .1;
        assert!(crypto::is_sealed(&draft));
        assert!(backup::list(into.dir())
            .unwrap()
            .iter()
            .any(|b| b.reason == Some(Reason::BeforeImport)));
        into.lock();
        let another = export(&from, instant("2026-05-03T09:00:00Z")).unwrap();
        assert!(matches!(
            import(
                &into,
                &another,
                instant("2026-05-03T10:00:00Z"),
                everything_is_readable
            ),
            Err(Error::Locked)
        ));
    }

    #[test]
    fn exporting_while_locked_is_refused() {
        let (_dir, store) = temp_store();
        fill(&store);
        store
            .set_passphrase("a long passphrase", Cost::for_tests())
            .unwrap();
        store.lock();
        assert!(matches!(
            export(&store, instant("2026-05-01T10:00:00Z")),
            Err(Error::Locked)
        ));
    }

    #[test]
    fn erasing_everything_leaves_no_record_backup_or_passphrase_even_when_locked() {
        let (dir, store) = temp_store();
        fill(&store);
        backup::write(&store, instant("2026-05-01T10:00:00Z"), Reason::Start).unwrap();
        store
            .set_passphrase("a long passphrase", Cost::for_tests())
            .unwrap();
        store.lock();
        fs::create_dir_all(dir.path().join("store.damaged-20260101T000000Z")).unwrap();
        erase_everything(&store).unwrap();
        assert!(records_in_clear(&store).unwrap().is_empty());
        assert!(matches!(store.crypto_state(), Crypto::Off));
        assert!(backup::list(dir.path()).unwrap().is_empty());
        assert!(!dir.path().join("store.damaged-20260101T000000Z").exists());
        let on_disk = files_containing(dir.path(), b"marker-draft");
        assert!(on_disk.is_empty(), "{on_disk:?}");
        // Still a working store.
        fill(&store);
        drop(store);
        assert_eq!(
            records_in_clear(&Store::open(dir.path()).unwrap())
                .unwrap()
                .len(),
            3
        );
    }
}
