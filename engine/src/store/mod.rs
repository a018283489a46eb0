//! Durable storage, private to the engine; `sled.rs` is the only file that names sled.
//!
//! Records are serde structs stored as JSON in named trees. There is one way
//! to change them, [`Store::transact`]: it takes the store's write lock,
//! lets the action read and decide, then writes every key the action touched
//! in one sled transaction and flushes it before answering. Two actions at
//! the same moment therefore run one after the other, and a write that the
//! UI reports as saved is on disk.
//!
//! The store carries a schema version and is brought up to date by the
//! migrations in [`migrate`] when it opens; data written by a newer
//! Crossroads is refused rather than misread. [`backup`] keeps restorable
//! JSON copies.
//!
//! One file per concern:
//!
//! - `tree.rs`: the named trees, and keys that sort by time.
//! - `open.rs`: the [`Store`] of one data folder: opening it, rebuilding it.
//! - `tx.rs`: the one write path, [`Store::transact`] and [`Tx`].
//! - `read.rs`: the [`Read`] trait, over the store as it is on disk.
//! - `cache.rs`: decoded records kept until the next commit.
//! - `seal.rs`: records sealed with a passphrase, and changing it.
//! - `damage.rs`: telling damage from a fresh start when the store opens.
//! - `migrate.rs`, `backup.rs`, `export.rs`, `crypto.rs`: schema
//!   migrations, backups, export and import, the ciphers.
//! - `sled.rs`: the backend.

pub mod backup;
mod cache;
pub mod crypto;
mod damage;
pub mod export;
mod migrate;
mod open;
mod read;
mod seal;
mod sled;
mod tree;
mod tx;

// The backend is reached as `super::Database` by the files beside this
// one, so only this line and sled.rs spell its module's name.
use self::sled::Database;
use cache::Cache;
use damage::{GENERATION_FILE, GENERATION_KEY};
use open::{REBUILT_DIR, SLED_DIR};
use tx::{Stored, Write};

pub use cache::Shared;
pub(crate) use migrate::HANDLED_KEY;
pub use migrate::SCHEMA_VERSION;
pub use open::Store;
pub use read::Read;
pub(crate) use seal::Crypto;
pub use tree::Tree;
pub(crate) use tree::{time_key, SCHEMA_KEY};
pub use tx::Tx;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod cache_tests;
