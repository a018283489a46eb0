//! The one write path: an action runs under the store's write lock, reads
//! (seeing its own writes), and its writes are committed in one
//! transaction and flushed before it answers.

use std::collections::BTreeMap;
use std::fs;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::damage::{GENERATION_FILE, GENERATION_KEY};
use super::read::decode;
use super::{time_key, Crypto, Read, Shared, Store, Tree};
use crate::error::{Error, Result};

/// What a commit stores: bytes per (tree, key), or none to remove the key.
pub(super) type Stored = BTreeMap<(Tree, Vec<u8>), Option<Vec<u8>>>;

/// One write waiting for the commit.
#[derive(Debug, Clone)]
pub(super) enum Write {
    /// A record's JSON, sealed at commit when its tree is private and a
    /// passphrase is set.
    Record(Vec<u8>),
    /// Bytes stored exactly as given (a restored backup's, sealed or not).
    Raw(Vec<u8>),
    /// Remove the key.
    Remove,
}

impl Store {
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

    fn commit(&self, pending: Stored) -> Result<()> {
        self.db().commit(&pending)
    }
}

/// One action in progress: reads see the store as it was plus this action's
/// own writes; writes wait in memory until [`Store::transact`] commits them.
pub struct Tx<'s> {
    pub(super) store: &'s Store,
    pub(super) pending: BTreeMap<(Tree, Vec<u8>), Write>,
    /// The encryption once this action is committed, when it changes it.
    pub(super) crypto_after: Option<Crypto>,
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
