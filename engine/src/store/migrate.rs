//! Forward migrations, run once when a store opens: each brings the data one
//! schema version up, in one transaction with the new version number, so a
//! crash leaves either the old version whole or the new one whole.
//!
//! The disk format is a promise to everyone who already has data: a fixture
//! of every released format lives in `engine/tests/fixtures/` and must keep
//! opening.

use std::collections::{BTreeMap, BTreeSet};

use super::{Read, Store, Tree, Tx, SCHEMA_KEY};
use crate::error::{Error, Result};

/// The schema this build reads and writes.
///
/// - 1: the first release (profile, program, no contact, drafts).
/// - 2: what has been announced moves from `no_contact/announced` (a list of
///   `[streak start µs, day]` pairs) to `outbox/handled` (streak start µs →
///   days), beside the new outbox of notifications waiting to be shown.
/// - 3: the notes of logged moments move from each event to `event_notes`
///   under the event's key, so a passphrase can seal the notes while the
///   moments' instants stay readable for the notifier.
pub const SCHEMA_VERSION: u32 = 3;

type Migration = fn(&mut Tx<'_>) -> Result<()>;

/// `MIGRATIONS[i]` brings schema `i + 1` to `i + 2`.
const MIGRATIONS: [Migration; 2] = [v1_to_v2, v2_to_v3];

/// Brings the store to [`SCHEMA_VERSION`]; a new store is stamped with it.
pub(super) fn run(store: &Store) -> Result<()> {
    loop {
        let found: Option<u32> = store.get(Tree::Meta, SCHEMA_KEY)?;
        match found {
            None => return store.transact(|tx| tx.put(Tree::Meta, SCHEMA_KEY, &SCHEMA_VERSION)),
            Some(SCHEMA_VERSION) => return Ok(()),
            Some(newer) if newer > SCHEMA_VERSION => {
                return Err(Error::StoreTooNew {
                    path: store.dir().to_path_buf(),
                    found: newer,
                })
            }
            Some(0) => return Err(store.corrupt("unknown schema version 0".into())),
            Some(older) => {
                let migration = MIGRATIONS[(older - 1) as usize];
                store.transact(|tx| {
                    migration(tx)?;
                    tx.put(Tree::Meta, SCHEMA_KEY, &(older + 1))
                })?;
            }
        }
    }
}

/// The v1 key of the announced set, and the v2 key of the handled map.
pub(crate) const V1_ANNOUNCED_KEY: &[u8] = b"announced";
pub(crate) const HANDLED_KEY: &[u8] = b"handled";

fn v1_to_v2(tx: &mut Tx<'_>) -> Result<()> {
    let announced: Option<BTreeSet<(i64, u32)>> = tx.get(Tree::NoContact, V1_ANNOUNCED_KEY)?;
    let mut handled: BTreeMap<i64, BTreeSet<u32>> = BTreeMap::new();
    for (start, day) in announced.unwrap_or_default() {
        handled.entry(start).or_default().insert(day);
    }
    tx.put(Tree::Outbox, HANDLED_KEY, &handled)?;
    tx.remove(Tree::NoContact, V1_ANNOUNCED_KEY);
    Ok(())
}

fn v2_to_v3(tx: &mut Tx<'_>) -> Result<()> {
    for (key, mut event) in tx
        .store()
        .raw_entries(Tree::Events)?
        .into_iter()
        .map(|(k, v)| {
            (
                k,
                serde_json::from_slice::<serde_json::Value>(&v).unwrap_or_default(),
            )
        })
    {
        let Some(record) = event.as_object_mut() else {
            continue;
        };
        let Some(note) = record.remove("note") else {
            continue;
        };
        if let Some(text) = note.as_str() {
            tx.put(Tree::EventNotes, &key, &text)?;
        }
        tx.put(Tree::Events, &key, &event)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::temp_dir;

    #[test]
    fn v1_announced_pairs_become_v2_handled_days_per_streak() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        store
            .transact(|tx| {
                tx.put(Tree::Meta, SCHEMA_KEY, &1u32)?;
                tx.put(
                    Tree::NoContact,
                    V1_ANNOUNCED_KEY,
                    &vec![(100i64, 1u32), (100, 3), (200, 1)],
                )?;
                tx.remove(Tree::Outbox, HANDLED_KEY);
                Ok(())
            })
            .unwrap();
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            store.get::<u32>(Tree::Meta, SCHEMA_KEY).unwrap(),
            Some(SCHEMA_VERSION)
        );
        let handled: BTreeMap<i64, BTreeSet<u32>> =
            store.get(Tree::Outbox, HANDLED_KEY).unwrap().unwrap();
        assert_eq!(handled[&100], BTreeSet::from([1, 3]));
        assert_eq!(handled[&200], BTreeSet::from([1]));
        assert_eq!(
            store
                .get::<serde_json::Value>(Tree::NoContact, V1_ANNOUNCED_KEY)
                .unwrap(),
            None
        );
    }

    #[test]
    fn data_from_a_newer_schema_is_refused_and_left_untouched() {
        let dir = temp_dir();
        let store = Store::open(dir.path()).unwrap();
        store
            .transact(|tx| tx.put(Tree::Meta, SCHEMA_KEY, &(SCHEMA_VERSION + 1)))
            .unwrap();
        drop(store);
        let err = Store::open(dir.path()).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::StoreTooNew);
        assert_eq!(err.message().code, "storeTooNew", "{err}");
        assert_eq!(
            err.message().get("found"),
            Some(&*(SCHEMA_VERSION + 1).to_string())
        );
        // Nothing was written: a second try says the same.
        let again = Store::open(dir.path()).unwrap_err();
        assert_eq!(again.kind(), crate::ErrorKind::StoreTooNew);
    }
}
