//! Trains the small learned crisis model at build time (see
//! `src/text/model.rs`): a logistic regression over hashed word and
//! character n-grams (`src/text/features.rs`), on the tuning corpus and the
//! first blind dev half, never on a holdout. The weights, the threshold chosen by
//! cross-validation and the cross-validated figures are written to
//! `OUT_DIR/crisis_model.rs` and compiled into the binary. Everything is
//! deterministic: fixed order, fixed folds, no randomness.
//!
//! `CROSSROADS_MODEL_TRAIN=tuning` leaves the blind dev half out of the
//! training, so its figures measure the model on writing it never saw;
//! `CROSSROADS_MODEL_TRAIN=off` builds a model that flags nothing, so the
//! figures measure the rules alone.

#[path = "src/text/features.rs"]
#[allow(dead_code)]
mod features;

use std::fmt::Write as _;
use std::path::Path;

use features::{features, BUCKETS};

/// Files trained on. The holdouts are never read here.
///
/// The two blind sets that became development sets in session 4
/// (`*_blind_dev2.tsv`, `*_blind2_dev.tsv`) are left out on purpose:
/// trained with `blind_dev2` as well and measured on `blind2_dev`, which it
/// had not seen, the model flagged 60 of its 147 crisis lines and 5 of its
/// 93 `none` lines, against 52 and 3 without it; not a clear gain, and a
/// model trained on them learns their particulars ("gave my cat to my
/// neighbour") rather than their categories. Left out, their figures
/// measure the model on writing it never saw.
const CRISIS: &[&str] = &["crisis.tsv", "crisis_blind_dev.tsv"];
/// Calm and pleading drafts are everyday writing with no crisis in them:
/// more negatives, so the model does not learn that any sad line is one.
const DRAFTS: &[&str] = &["drafts.tsv", "drafts_blind_dev.tsv"];
/// The most false alarms the threshold may give on held-out folds, counted
/// on the crisis corpus's `none` lines.
const MAX_FALSE_ALARMS: f64 = 0.01;
const FOLDS: usize = 5;
const EPOCHS: usize = 40;
const L2: f64 = 1e-4;

struct Example {
    features: Vec<usize>,
    positive: bool,
    /// A `none` line of the crisis corpus: idioms and everyday sadness,
    /// the negatives that look most like crisis writing. The threshold's
    /// false alarms are counted on these alone (the calm drafts are easy
    /// and would dilute the rate).
    hard: bool,
}

fn load(dir: &Path, name: &str, crisis: bool) -> Vec<Example> {
    let path = dir.join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    let body = std::fs::read_to_string(&path).unwrap_or_default();
    body.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.splitn(3, '\t');
            let (label, _lang, text) = (parts.next()?, parts.next()?, parts.next()?);
            let positive = if crisis {
                label != "none"
            } else if label == "desperate" {
                return None; // may hold crisis language: neither side
            } else {
                false
            };
            Some(Example {
                features: features(text),
                positive,
                hard: crisis && !positive,
            })
        })
        .collect()
}

fn score(w: &[f64], bias: f64, f: &[usize]) -> f64 {
    bias + f.iter().map(|&i| w[i]).sum::<f64>()
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Logistic regression by stochastic gradient descent, classes weighted to
/// balance, in a fixed order shuffled by a fixed linear congruence.
fn train(examples: &[&Example]) -> (Vec<f64>, f64) {
    let mut w = vec![0.0; BUCKETS];
    let mut bias = 0.0;
    let pos = examples.iter().filter(|e| e.positive).count().max(1) as f64;
    let neg = examples.iter().filter(|e| !e.positive).count().max(1) as f64;
    let n = examples.len() as f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for epoch in 0..EPOCHS {
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        let rate = 0.2 / (1.0 + epoch as f64 * 0.1);
        for &k in &order {
            let e = examples[k];
            let weight = if e.positive {
                n / (2.0 * pos)
            } else {
                n / (2.0 * neg)
            };
            let y = if e.positive { 1.0 } else { 0.0 };
            let g = (sigmoid(score(&w, bias, &e.features)) - y) * weight;
            for &i in &e.features {
                w[i] -= rate * (g + L2 * w[i]);
            }
            bias -= rate * g;
        }
    }
    (w, bias)
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/text/features.rs");
    println!("cargo:rerun-if-env-changed=CROSSROADS_MODEL_TRAIN");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let tuning_only = std::env::var("CROSSROADS_MODEL_TRAIN").is_ok_and(|v| v == "tuning");
    let off = std::env::var("CROSSROADS_MODEL_TRAIN").is_ok_and(|v| v == "off");
    let mut examples = Vec::new();
    for name in CRISIS {
        if !(tuning_only && name.contains("blind")) {
            examples.extend(load(&dir, name, true));
        }
    }
    for name in DRAFTS {
        if !(tuning_only && name.contains("blind")) {
            examples.extend(load(&dir, name, false));
        }
    }

    // Out-of-fold scores: every fifth example to each fold.
    let mut oof = vec![0.0; examples.len()];
    for fold in 0..FOLDS {
        let train_set: Vec<&Example> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, e)| e)
            .collect();
        let (w, b) = train(&train_set);
        for (i, e) in examples.iter().enumerate() {
            if i % FOLDS == fold {
                oof[i] = score(&w, b, &e.features);
            }
        }
    }
    // The lowest threshold whose held-out false alarms stay under the cap.
    let mut negatives: Vec<f64> = examples
        .iter()
        .zip(&oof)
        .filter(|(e, _)| e.hard)
        .map(|(_, s)| *s)
        .collect();
    negatives.sort_by(|a, b| b.total_cmp(a));
    let allowed = (negatives.len() as f64 * MAX_FALSE_ALARMS).floor() as usize;
    let threshold = negatives.get(allowed).map_or(0.0, |s| s + 1e-6).max(0.0);
    let positives = examples.iter().filter(|e| e.positive).count();
    let caught = examples
        .iter()
        .zip(&oof)
        .filter(|(e, s)| e.positive && **s >= threshold)
        .count();
    let alarms = negatives.iter().filter(|s| **s >= threshold).count();

    let all: Vec<&Example> = examples.iter().collect();
    let (w, b) = train(&all);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// Trained on: {}.",
        if tuning_only {
            "the tuning corpus only"
        } else {
            "the tuning corpus and the first blind dev half"
        }
    );
    let _ = writeln!(
        out,
        "pub const TRAINED_ON_BLIND_DEV: bool = {};",
        !tuning_only
    );
    let _ = writeln!(
        out,
        "/// Score at or above which a sentence counts (chosen by {FOLDS}-fold cross-validation)."
    );
    if off {
        let _ = writeln!(out, "pub const THRESHOLD: f32 = f32::INFINITY;");
    } else {
        let _ = writeln!(out, "pub const THRESHOLD: f32 = {:?};", threshold as f32);
    }
    let _ = writeln!(out, "pub const BIAS: f32 = {:?};", b as f32);
    let _ = writeln!(
        out,
        "/// Cross-validated: positives caught, positives, false alarms, negatives."
    );
    let _ = writeln!(
        out,
        "pub const CV: (usize, usize, usize, usize) = ({caught}, {positives}, {alarms}, {});",
        negatives.len()
    );
    let _ = write!(out, "pub static WEIGHTS: [f32; {BUCKETS}] = [");
    for (i, x) in w.iter().enumerate() {
        if i % 16 == 0 {
            out.push('\n');
        }
        let _ = write!(out, "{:?},", *x as f32);
    }
    out.push_str("\n];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("crisis_model.rs");
    std::fs::write(dest, out).expect("write the model");
}
