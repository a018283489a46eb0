//! Encryption at rest, with an optional passphrase.
//!
//! When the person sets a passphrase, every record they wrote (the trees
//! [`super::Tree::is_private`] names: names, answers, drafts, notes, and
//! whatever later steps store) is sealed with XChaCha20-Poly1305 under a
//! random 256-bit data key. The data key is itself sealed ("wrapped") with a
//! key derived from the passphrase by Argon2id (64 MiB, calibrated to take
//! about half a second; the parameters and salt are stored beside it), so
//! changing the passphrase rewraps one key instead of rewriting everything.
//! Each record's key and tree are bound to it as associated data, so sealed
//! records cannot be swapped around.
//!
//! What stays readable while locked, so milestones still arrive: the
//! no-contact start and settings (instants, day numbers, quiet hours), the
//! instants and kinds of logged moments (never their notes), the outbox
//! (counts only) and the store's own bookkeeping. Keys are zeroized when the
//! app locks. No home-made cryptography: RustCrypto's `argon2` and
//! `chacha20poly1305`.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Error, Message, Result};

/// The Meta key of the [`Header`].
pub(crate) const HEADER_KEY: &[u8] = b"crypto";

/// How a sealed record starts on disk: `{"sealed":"<base64>"}`.
const SEALED_PREFIX: &[u8] = b"{\"sealed\":\"";

/// The shortest passphrase accepted.
pub const PASSPHRASE_MIN_CHARS: usize = 8;
/// The longest passphrase accepted.
pub const PASSPHRASE_MAX_CHARS: usize = 1_000;

/// Argon2id's cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cost {
    /// Memory, in KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl Cost {
    /// 64 MiB, with as many passes as take about half a second on this
    /// machine (at least one).
    pub fn calibrated() -> Cost {
        let one = Cost {
            m_kib: 64 * 1024,
            t: 1,
            p: 1,
        };
        let started = std::time::Instant::now();
        let _ = derive("calibration", &[0u8; 16], one);
        let per_pass = started.elapsed().as_secs_f64().max(0.01);
        let t = (0.5 / per_pass).round().clamp(1.0, 10.0) as u32;
        Cost { t, ..one }
    }

    /// The least Argon2 allows: for tests only, where half a second per
    /// call would add up.
    pub fn for_tests() -> Cost {
        Cost {
            m_kib: 8,
            t: 1,
            p: 1,
        }
    }
}

/// What is stored (in clear) about the encryption: the KDF's parameters and
/// salt, and the data key sealed under the passphrase's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Header {
    cost: Cost,
    salt: String,
    wrapped_key: String,
}

/// The data key, wiped from memory when dropped.
#[derive(Clone)]
pub(crate) struct DataKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes)
        .map_err(|e| Error::Storage(format!("no randomness for a key: {e}")))?;
    Ok(bytes)
}

fn derive(passphrase: &str, salt: &[u8], cost: Cost) -> Result<Zeroizing<[u8; 32]>> {
    let params = Params::new(cost.m_kib, cost.t, cost.p, Some(32))
        .map_err(|e| Error::Storage(format!("key derivation parameters: {e}")))?;
    let mut key = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, key.as_mut())
        .map_err(|e| Error::Storage(format!("key derivation: {e}")))?;
    Ok(key)
}

/// Checks a new passphrase's length.
pub(crate) fn check_new_passphrase(passphrase: &str, field: &'static str) -> Result<()> {
    let chars = passphrase.chars().count();
    if chars < PASSPHRASE_MIN_CHARS {
        return Err(Error::invalid(
            field,
            Message::new("useAtLeastCharacters").arg("min", PASSPHRASE_MIN_CHARS),
        ));
    }
    if chars > PASSPHRASE_MAX_CHARS {
        return Err(Error::invalid(
            field,
            Message::new("keepPassphraseCharactersFewer").arg("max", PASSPHRASE_MAX_CHARS),
        ));
    }
    Ok(())
}

impl Header {
    /// A new random data key, wrapped under `passphrase`.
    pub(crate) fn create(passphrase: &str, cost: Cost) -> Result<(Header, DataKey)> {
        let key = DataKey(Zeroizing::new(random::<32>()?));
        let header = Header::wrap(&key, passphrase, cost)?;
        Ok((header, key))
    }

    /// `key` wrapped under `passphrase`, with a fresh salt.
    pub(crate) fn wrap(key: &DataKey, passphrase: &str, cost: Cost) -> Result<Header> {
        let salt = random::<16>()?;
        let wrapping = derive(passphrase, &salt, cost)?;
        let sealed = seal_bytes(&wrapping, b"crossroads data key", key.0.as_ref())?;
        Ok(Header {
            cost,
            salt: B64.encode(salt),
            wrapped_key: B64.encode(sealed),
        })
    }

    /// The data key, if `passphrase` is the right one.
    pub(crate) fn unwrap(&self, passphrase: &str) -> Result<DataKey> {
        let wrong = || Error::invalid("passphrase", "passphraseDoesNotOpen");
        let salt = B64.decode(&self.salt).map_err(|_| wrong())?;
        let sealed = B64.decode(&self.wrapped_key).map_err(|_| wrong())?;
        let wrapping = derive(passphrase, &salt, self.cost)?;
        let plain = Zeroizing::new(
            open_bytes(&wrapping, b"crossroads data key", &sealed).ok_or_else(wrong)?,
        );
        let bytes: [u8; 32] = plain.as_slice().try_into().map_err(|_| wrong())?;
        Ok(DataKey(Zeroizing::new(bytes)))
    }
}

fn seal_bytes(key: &[u8; 32], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let nonce = random::<24>()?;
    let mut out = nonce.to_vec();
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
        .map_err(|_| Error::Storage("a record could not be sealed".into()))?;
    out.extend_from_slice(&sealed);
    Ok(out)
}

fn open_bytes(key: &[u8; 32], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < 24 {
        return None;
    }
    let (nonce, body) = sealed.split_at(24);
    XChaCha20Poly1305::new(key.into())
        .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad })
        .ok()
}

/// Binds a record to its place.
fn aad(tree: &str, key: &[u8]) -> Vec<u8> {
    let mut aad = tree.as_bytes().to_vec();
    aad.push(0);
    aad.extend_from_slice(key);
    aad
}

/// Whether stored bytes are a sealed record.
pub(crate) fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(SEALED_PREFIX)
}

impl DataKey {
    /// `plain` (a record's JSON) sealed for `tree`/`key`, as stored bytes.
    pub(crate) fn seal(&self, tree: &str, key: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
        let sealed = seal_bytes(&self.0, &aad(tree, key), plain)?;
        serde_json::to_vec(&serde_json::json!({ "sealed": B64.encode(sealed) }))
            .map_err(|e| Error::Storage(e.to_string()))
    }

    /// The record's JSON from stored sealed bytes; `None` when they were
    /// not sealed with this key for this place (damage, or tampering).
    pub(crate) fn open(&self, tree: &str, key: &[u8], stored: &[u8]) -> Option<Vec<u8>> {
        let envelope: serde_json::Value = serde_json::from_slice(stored).ok()?;
        let sealed = B64.decode(envelope["sealed"].as_str()?).ok()?;
        open_bytes(&self.0, &aad(tree, key), &sealed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_opens_only_with_its_key_in_its_place() {
        let (header, key) = Header::create("correct horse battery", Cost::for_tests()).unwrap();
        let stored = key.seal("drafts", b"k1", br#""I miss you""#).unwrap();
        assert!(is_sealed(&stored));
        assert!(!String::from_utf8_lossy(&stored).contains("miss"));
        assert_eq!(
            key.open("drafts", b"k1", &stored).unwrap(),
            br#""I miss you""#
        );
        assert_eq!(key.open("drafts", b"k2", &stored), None, "moved");
        assert_eq!(key.open("profile", b"k1", &stored), None, "moved");
        let again = header.unwrap("correct horse battery").unwrap();
        assert!(again.open("drafts", b"k1", &stored).is_some());
        let wrong = header.unwrap("correct horse battery!").unwrap_err();
        assert_eq!(wrong.field(), Some("passphrase"));
    }

    #[test]
    fn a_new_passphrase_rewraps_the_same_key() {
        let (header, key) = Header::create("first passphrase", Cost::for_tests()).unwrap();
        let rewrapped = Header::wrap(&key, "second passphrase", Cost::for_tests()).unwrap();
        assert_ne!(header, rewrapped);
        let stored = key.seal("t", b"k", b"1").unwrap();
        let opened = rewrapped.unwrap("second passphrase").unwrap();
        assert_eq!(opened.open("t", b"k", &stored).unwrap(), b"1");
        assert!(rewrapped.unwrap("first passphrase").is_err());
    }

    #[test]
    fn short_and_huge_passphrases_are_refused() {
        assert!(check_new_passphrase("short", "passphrase").is_err());
        assert!(check_new_passphrase(&"x".repeat(1_001), "passphrase").is_err());
        check_new_passphrase("eight ch", "passphrase").unwrap();
    }
}
