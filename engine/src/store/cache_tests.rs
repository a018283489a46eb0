//! The cache of decoded records: it follows every commit, an action sees
//! its own writes, and private trees are never kept decoded.

use std::sync::Arc;

use super::*;
use crate::error::{Error, Result};
use crate::test_support::temp_store;

fn shared(store: &impl Read) -> Vec<u32> {
    store
        .shared_entries::<u32>(Tree::Events)
        .unwrap()
        .iter()
        .map(|(_, v)| *v)
        .collect()
}

#[test]
fn shared_records_follow_every_commit_and_an_action_sees_its_own_writes() {
    let (_dir, store) = temp_store();
    store
        .transact(|tx| tx.put(Tree::Events, b"a", &1u32))
        .unwrap();
    assert_eq!(shared(&store), [1]);
    let first = store.shared_entries::<u32>(Tree::Events).unwrap();
    let again = store.shared_entries::<u32>(Tree::Events).unwrap();
    assert!(Arc::ptr_eq(&first, &again), "read once until a commit");
    store
        .transact(|tx| {
            assert_eq!(shared(tx), [1], "untouched: the store's records");
            tx.put(Tree::Events, b"b", &2u32)?;
            assert_eq!(shared(tx), [1, 2], "touched: its own writes too");
            Ok(())
        })
        .unwrap();
    assert_eq!(shared(&store), [1, 2]);
    // A commit elsewhere also renews it (it can't tell what changed).
    store
        .transact(|tx| tx.put(Tree::Meta, b"x", &0u32))
        .unwrap();
    let renewed = store.shared_entries::<u32>(Tree::Events).unwrap();
    assert!(!Arc::ptr_eq(&first, &renewed));
    // A failed action leaves it as it was.
    let _ = store.transact(|tx| -> Result<()> {
        tx.put(Tree::Events, b"c", &3u32)?;
        Err(Error::Storage("refused".into()))
    });
    assert_eq!(shared(&store), [1, 2]);
}

#[test]
fn private_trees_are_never_kept_decoded() {
    let (_dir, store) = temp_store();
    store
        .transact(|tx| tx.put(Tree::Journal, b"a", &1u32))
        .unwrap();
    let first = store.shared_entries::<u32>(Tree::Journal).unwrap();
    let again = store.shared_entries::<u32>(Tree::Journal).unwrap();
    assert!(!Arc::ptr_eq(&first, &again));
    assert!(store.cache.lock().unwrap().is_empty());
}
