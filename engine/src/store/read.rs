//! Reading records: the one trait the steps read through, over the store
//! as it is on disk.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::{Shared, Store, Tree};
use crate::error::Result;

/// Reading records: the store itself, or an action in progress (which sees
/// its own writes).
pub trait Read {
    /// Reads one record.
    fn get<T: DeserializeOwned>(&self, tree: Tree, key: &[u8]) -> Result<Option<T>>;
    /// Every record of a tree, in key order.
    fn values<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<T>>;
    /// Every record of a tree with its key, in key order.
    fn entries<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<(Vec<u8>, T)>>;
    /// The records of a tree whose key is `from` or after it, in key order:
    /// over time-ordered keys ([`time_key`], dates), the recent ones
    /// without decoding the years before them.
    fn entries_from<T: DeserializeOwned>(
        &self,
        tree: Tree,
        from: &[u8],
    ) -> Result<Vec<(Vec<u8>, T)>> {
        let mut all = self.entries(tree)?;
        all.retain(|(key, _)| key.as_slice() >= from);
        Ok(all)
    }
    /// As [`Read::entries`], shared: the store keeps what it decoded until
    /// the next commit, for the trees readable without the passphrase (the
    /// home screen and the notifier read every logged moment on each call;
    /// ten years of them take milliseconds to parse).
    fn shared_entries<T>(&self, tree: Tree) -> Result<Shared<T>>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        Ok(Arc::new(self.entries(tree)?))
    }
}

impl Read for Store {
    fn get<T: DeserializeOwned>(&self, tree: Tree, key: &[u8]) -> Result<Option<T>> {
        let Some(bytes) = self.db().get(tree, key)? else {
            return Ok(None);
        };
        decode(self, tree, &self.reveal(tree, key, &bytes)?).map(Some)
    }

    fn values<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<T>> {
        Ok(self.entries(tree)?.into_iter().map(|(_, v)| v).collect())
    }

    fn entries<T: DeserializeOwned>(&self, tree: Tree) -> Result<Vec<(Vec<u8>, T)>> {
        self.entries_from(tree, &[])
    }

    fn entries_from<T: DeserializeOwned>(
        &self,
        tree: Tree,
        from: &[u8],
    ) -> Result<Vec<(Vec<u8>, T)>> {
        self.db()
            .entries_from(tree, from)?
            .into_iter()
            .map(|(key, bytes)| {
                let value = decode(self, tree, &self.reveal(tree, &key, &bytes)?)?;
                Ok((key, value))
            })
            .collect()
    }

    fn shared_entries<T>(&self, tree: Tree) -> Result<Shared<T>>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        self.cached_entries(tree)
    }
}

/// A record's JSON as `T`: a record that does not read is damage.
pub(super) fn decode<T: DeserializeOwned>(store: &Store, tree: Tree, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes)
        .map_err(|e| store.corrupt(format!("a record in \"{}\": {e}", tree.name())))
}
