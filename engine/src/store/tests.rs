//! The store's tests: the one write path, reopening, locking, damage of
//! every kind a kill or a disk can leave, and ordered keys.

use std::fs;

use super::*;
use crate::error::{Error, Result};
use crate::test_support::{instant, temp_dir};

fn put(store: &Store, tree: Tree, key: &[u8], value: &str) {
    store.transact(|tx| tx.put(tree, key, &value)).unwrap();
}

#[test]
fn records_from_a_key_on_come_in_key_order_in_the_store_and_in_an_action() {
    let dir = temp_dir();
    let store = Store::open(dir.path()).unwrap();
    for key in ["2026-01-01", "2026-01-02", "2026-01-03", "2026-02-01"] {
        put(&store, Tree::Moods, key.as_bytes(), key);
    }
    let keys = |entries: Vec<(Vec<u8>, String)>| -> Vec<String> {
        entries.into_iter().map(|(_, v)| v).collect()
    };
    let from = b"2026-01-02";
    assert_eq!(
        keys(store.entries_from(Tree::Moods, from).unwrap()),
        ["2026-01-02", "2026-01-03", "2026-02-01"]
    );
    assert_eq!(
        keys(store.entries_from(Tree::Moods, b"2027").unwrap()),
        Vec::<String>::new()
    );
    assert_eq!(
        store
            .entries_from::<String>(Tree::Moods, b"")
            .unwrap()
            .len(),
        4
    );
    // An action sees its own writes and removals in the range too.
    store
        .transact(|tx| {
            tx.remove(Tree::Moods, b"2026-01-03");
            tx.put(Tree::Moods, b"2026-01-04", &"2026-01-04")?;
            tx.put(Tree::Moods, b"2025-12-31", &"2025-12-31")?;
            assert_eq!(
                keys(tx.entries_from(Tree::Moods, from)?),
                ["2026-01-02", "2026-01-04", "2026-02-01"]
            );
            Ok(())
        })
        .unwrap();
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
    assert_eq!(second.message().code, "storeLocked", "{second}");
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
    // Written past the store's checks, straight into the backend.
    let raw: Stored = [((Tree::Profile, b"k".to_vec()), Some(b"{not json".to_vec()))]
        .into_iter()
        .collect();
    store.db().commit(&raw).unwrap();
    drop(store);
    let err = Store::open(dir.path()).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::StoreCorrupt, "{err}");
    assert_eq!(err.message().code, "storeCorrupt", "{err}");
}

#[test]
fn a_store_that_lost_its_schema_is_damaged_not_new() {
    let dir = temp_dir();
    let store = Store::open(dir.path()).unwrap();
    put(&store, Tree::Profile, b"k", "value");
    let raw: Stored = [((Tree::Meta, SCHEMA_KEY.to_vec()), None)]
        .into_iter()
        .collect();
    store.db().commit(&raw).unwrap();
    drop(store);
    let err = Store::open(dir.path()).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::StoreCorrupt, "{err}");
}

#[test]
fn a_store_that_went_back_to_an_older_state_is_damaged() {
    let dir = temp_dir();
    let store = Store::open(dir.path()).unwrap();
    put(&store, Tree::Profile, b"k", "one");
    // Later commits that the store then loses (as sled does when it
    // recovers a cut-short log): the count beside it is ahead.
    drop(store);
    fs::write(dir.path().join(GENERATION_FILE), "999").unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::StoreCorrupt, "{err}");
    // A count behind the store (a power cut before it was written) is fine.
    fs::write(dir.path().join(GENERATION_FILE), "1").unwrap();
    Store::open(dir.path()).unwrap();
}

#[test]
fn a_cut_short_store_file_is_never_opened_as_an_older_state() {
    let dir = temp_dir();
    let store = Store::open(dir.path()).unwrap();
    for i in 0..30 {
        put(&store, Tree::Profile, b"k", &format!("value {i}"));
    }
    drop(store);
    let db = dir.path().join(SLED_DIR).join("db");
    let len = fs::metadata(&db).unwrap().len();
    fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    match Store::open(dir.path()) {
        Err(e) => assert_eq!(e.kind(), crate::ErrorKind::StoreCorrupt, "{e}"),
        Ok(store) => assert_eq!(
            store.get::<String>(Tree::Profile, b"k").unwrap().as_deref(),
            Some("value 29"),
            "opened, so it must be whole"
        ),
    }
}

#[test]
fn an_unfinished_snapshot_left_by_a_kill_does_not_stop_the_store_opening() {
    let dir = temp_dir();
    let store = Store::open(dir.path()).unwrap();
    put(&store, Tree::Profile, b"k", "kept");
    drop(store);
    // What sled leaves when killed while writing a snapshot.
    fs::write(
        dir.path()
            .join(SLED_DIR)
            .join("snap.00000000001113FF.generating"),
        [0u8; 4096],
    )
    .unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.get::<String>(Tree::Profile, b"k").unwrap().as_deref(),
        Some("kept")
    );
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
