//! Telling damage from a fresh start: what the store keeps beside itself
//! and inside itself for that, and the checks made when it opens.

use std::fs;

use super::{Read, Store, Tree, SCHEMA_KEY};
use crate::error::{Error, Result};

/// Written once the first schema key is on disk: a store folder with this
/// marker and no schema key has lost data, not merely never been finished.
pub(super) const CREATED_MARKER: &str = "store.created";
/// Beside the store, the number of the last commit. sled recovers a damaged
/// log (a cut-short or bit-flipped file) by quietly going back to an older
/// state; a store whose own count is behind this file has lost commits.
pub(super) const GENERATION_FILE: &str = "store.generation";
pub(super) const GENERATION_KEY: &[u8] = b"generation";

impl Store {
    pub(crate) fn corrupt(&self, detail: String) -> Error {
        Error::StoreCorrupt {
            path: self.dir.clone(),
            detail,
        }
    }

    /// The number of the last commit; damage when the store is behind the
    /// number kept beside it.
    pub(super) fn check_generation(&self) -> Result<u64> {
        let stored: u64 = self.get(Tree::Meta, GENERATION_KEY)?.unwrap_or(0);
        let beside: u64 = fs::read_to_string(self.dir.join(GENERATION_FILE))
            .ok()
            .and_then(|text| text.trim().parse().ok())
            .unwrap_or(0);
        if stored < beside {
            return Err(self.corrupt(format!(
                "the store holds changes up to number {stored}, but {beside} were saved"
            )));
        }
        Ok(stored)
    }

    /// Every stored value must be JSON, and a store that once had a schema
    /// must still have one; anything else means damage.
    pub(super) fn check_integrity(&self) -> Result<()> {
        for tree in Tree::ALL {
            let entries = self.db().entries_from(tree, &[]).map_err(|e| match e {
                Error::Storage(detail) => self.corrupt(detail),
                other => other,
            })?;
            for (_, value) in entries {
                serde_json::from_slice::<serde_json::Value>(&value)
                    .map_err(|e| self.corrupt(format!("a record in \"{}\": {e}", tree.name())))?;
            }
        }
        let has_schema = self.db().contains(Tree::Meta, SCHEMA_KEY)?;
        if !has_schema && self.dir.join(CREATED_MARKER).exists() {
            return Err(self.corrupt("part of the saved data is missing".into()));
        }
        Ok(())
    }
}
