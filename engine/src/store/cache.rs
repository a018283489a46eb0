//! The cache of decoded records: what the store decoded of the trees
//! readable without the passphrase, kept until the next commit (see
//! [`Read::shared_entries`]).

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::{Read, Store, Tree};
use crate::error::Result;

/// A tree's records with their keys, in key order, shared with the cache.
pub type Shared<T> = Arc<Vec<(Vec<u8>, T)>>;

/// Decoded records by tree and type, with the commit they were read at.
pub(super) type Cache = HashMap<(Tree, TypeId), (u64, Arc<dyn Any + Send + Sync>)>;

impl Store {
    /// The records of `tree`, decoded once per commit for the trees
    /// readable without the passphrase.
    pub(super) fn cached_entries<T>(&self, tree: Tree) -> Result<Shared<T>>
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
