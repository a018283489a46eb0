//! Sealing: the store's encryption as it stands, records sealed as they
//! are committed and opened as they are read, and setting, changing or
//! removing the passphrase (each one transaction). The ciphers and the
//! key's wrapping are in `crypto.rs`.

use std::collections::BTreeMap;

use super::crypto::{self, Cost, DataKey, Header};
use super::{Read, Store, Stored, Tree, Tx, Write};
use crate::error::{Error, Result};

/// The store's encryption, as it stands.
#[derive(Debug, Clone)]
pub(crate) enum Crypto {
    /// No passphrase: records are stored as they are.
    Off,
    /// A passphrase is set and the data key is not in memory.
    Locked(Header),
    /// A passphrase is set and the data key is in memory.
    Unlocked(Header, DataKey),
}

impl Store {
    /// The bytes to store for each write: records of private trees sealed
    /// when a passphrase is set (refused while locked).
    pub(super) fn sealed(
        &self,
        pending: BTreeMap<(Tree, Vec<u8>), Write>,
        sealing: &Crypto,
    ) -> Result<Stored> {
        pending
            .into_iter()
            .map(|((tree, key), write)| {
                let bytes = match write {
                    Write::Remove => None,
                    Write::Raw(bytes) => Some(bytes),
                    Write::Record(plain) if !tree.is_private() => Some(plain),
                    Write::Record(plain) => Some(match sealing {
                        Crypto::Off => plain,
                        Crypto::Unlocked(_, data_key) => {
                            data_key.seal(tree.name(), &key, &plain)?
                        }
                        Crypto::Locked(_) => return Err(Error::Locked),
                    }),
                };
                Ok(((tree, key), bytes))
            })
            .collect()
    }

    pub(crate) fn crypto_state(&self) -> Crypto {
        self.crypto
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Reads the encryption header (after opening, or after a restore
    /// replaced it): no header, off; a header, locked unless the same
    /// header's key is already in memory.
    pub(crate) fn reload_crypto(&self) -> Result<()> {
        let header: Option<Header> = self.get(Tree::Meta, crypto::HEADER_KEY)?;
        let mut state = self.crypto.write().unwrap_or_else(|e| e.into_inner());
        *state = match (header, &*state) {
            (None, _) => Crypto::Off,
            (Some(h), Crypto::Unlocked(current, key)) if *current == h => {
                Crypto::Unlocked(h, key.clone())
            }
            (Some(h), _) => Crypto::Locked(h),
        };
        Ok(())
    }

    /// Whether a passphrase is set, and whether the data is locked.
    pub(crate) fn encryption(&self) -> (bool, bool) {
        match self.crypto_state() {
            Crypto::Off => (false, false),
            Crypto::Locked(_) => (true, true),
            Crypto::Unlocked(..) => (true, false),
        }
    }

    /// Puts the data key in memory, if `passphrase` is right. Writes nothing.
    pub(crate) fn unlock(&self, passphrase: &str) -> Result<()> {
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let header = match self.crypto_state() {
            Crypto::Off | Crypto::Unlocked(..) => return Ok(()),
            Crypto::Locked(header) => header,
        };
        let key = header.unwrap(passphrase)?;
        *self.crypto.write().unwrap_or_else(|e| e.into_inner()) = Crypto::Unlocked(header, key);
        Ok(())
    }

    /// Forgets the data key (it is zeroized as it is dropped).
    pub(crate) fn lock(&self) {
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut state = self.crypto.write().unwrap_or_else(|e| e.into_inner());
        if let Crypto::Unlocked(header, _) = &*state {
            *state = Crypto::Locked(header.clone());
        }
        // Only trees readable while locked are cached; emptied anyway, so
        // locking leaves nothing decoded behind.
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Sets a first passphrase: every private record is rewritten sealed,
    /// in one transaction.
    pub(crate) fn set_passphrase(&self, passphrase: &str, cost: Cost) -> Result<()> {
        crypto::check_new_passphrase(passphrase, "passphrase")?;
        self.transact(|tx| {
            if !matches!(tx.store.crypto_state(), Crypto::Off) {
                return Err(Error::OutOfOrder("passphraseAlreadySetChange".into()));
            }
            let (header, key) = Header::create(passphrase, cost)?;
            tx.rewrite_private()?;
            tx.put(Tree::Meta, crypto::HEADER_KEY, &header)?;
            tx.crypto_after = Some(Crypto::Unlocked(header, key));
            Ok(())
        })
    }

    /// Replaces the passphrase: the same data key, wrapped anew.
    pub(crate) fn change_passphrase(&self, current: &str, new: &str, cost: Cost) -> Result<()> {
        crypto::check_new_passphrase(new, "new_passphrase")?;
        self.transact(|tx| {
            let header = match tx.store.crypto_state() {
                Crypto::Off => return Err(Error::OutOfOrder("noPassphraseSetYet".into())),
                Crypto::Locked(h) | Crypto::Unlocked(h, _) => h,
            };
            let key = header.unwrap(current)?;
            let rewrapped = Header::wrap(&key, new, cost)?;
            tx.put(Tree::Meta, crypto::HEADER_KEY, &rewrapped)?;
            tx.crypto_after = Some(Crypto::Unlocked(rewrapped, key));
            Ok(())
        })
    }

    /// Removes the passphrase: every private record is rewritten in clear.
    pub(crate) fn remove_passphrase(&self, current: &str) -> Result<()> {
        self.transact(|tx| {
            let header = match tx.store.crypto_state() {
                Crypto::Off => return Ok(()),
                Crypto::Locked(h) | Crypto::Unlocked(h, _) => h,
            };
            let key = header.unwrap(current)?;
            tx.rewrite_private_with(&key)?;
            tx.remove(Tree::Meta, crypto::HEADER_KEY);
            tx.crypto_after = Some(Crypto::Off);
            Ok(())
        })
    }

    /// The stored bytes as the record's JSON: sealed records need the key.
    pub(super) fn reveal(&self, tree: Tree, key: &[u8], bytes: &[u8]) -> Result<Vec<u8>> {
        if !crypto::is_sealed(bytes) {
            return Ok(bytes.to_vec());
        }
        match self.crypto_state() {
            Crypto::Unlocked(_, data_key) => self.open_sealed(&data_key, tree, key, bytes),
            Crypto::Locked(_) => Err(Error::Locked),
            Crypto::Off => Err(self.corrupt(format!(
                "a sealed record in \"{}\" without a passphrase",
                tree.name()
            ))),
        }
    }

    pub(super) fn open_sealed(
        &self,
        data_key: &DataKey,
        tree: Tree,
        key: &[u8],
        bytes: &[u8],
    ) -> Result<Vec<u8>> {
        data_key
            .open(tree.name(), key, bytes)
            .ok_or_else(|| self.corrupt(format!("a sealed record in \"{}\"", tree.name())))
    }
}

impl Tx<'_> {
    /// Rewrites every record of every private tree, so the commit stores
    /// it as the new encryption says (sealed, or in clear).
    fn rewrite_private(&mut self) -> Result<()> {
        for tree in Tree::ALL.into_iter().filter(|t| t.is_private()) {
            for (key, bytes) in self.store.raw_entries(tree)? {
                let plain = self.store.reveal(tree, &key, &bytes)?;
                self.pending.insert((tree, key), Write::Record(plain));
            }
        }
        Ok(())
    }

    /// As [`Tx::rewrite_private`], opening sealed records with `data_key`
    /// (the app may be locked while the passphrase is removed).
    fn rewrite_private_with(&mut self, data_key: &DataKey) -> Result<()> {
        for tree in Tree::ALL.into_iter().filter(|t| t.is_private()) {
            for (key, bytes) in self.store.raw_entries(tree)? {
                let plain = if crypto::is_sealed(&bytes) {
                    self.store.open_sealed(data_key, tree, &key, &bytes)?
                } else {
                    bytes
                };
                self.pending.insert((tree, key), Write::Record(plain));
            }
        }
        Ok(())
    }
}
