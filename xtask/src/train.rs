//! `cargo xtask train`: trains the detectors' heads on the corpora and
//! writes `engine/data/heads.bin`.
//!
//! Each line of the training files listed in
//! `engine::text::understanding::TRAINING_FILES` is read by the sentence
//! encoder (two of its layers, [`feature_layers`]); small networks (the
//! vector standardised, 128 hidden units with ReLU, a softmax), averaged
//! over a few starting points, learn its label with class-balanced
//! cross-entropy and Adam. Thresholds come from cross-validation by writer
//! (each independent writer's set read by a head trained without it,
//! writers held out in [`FOLDS`] groups) with the rules in the
//! loop, since the rules stay as a floor in the app: the crisis threshold
//! keeps false alarms on held-out `none` lines at 10% or less, the
//! desperate threshold keeps every held-out calm draft from reading as
//! desperate, the coach threshold keeps false blame at 5% or less.
//! Everything is deterministic: fixed order, fixed folds, a fixed seed.

use std::path::PathBuf;
use std::thread;

use engine::text::understanding::{
    corpus_digest_input, side_by_side, softmax, Head, Heads, COACH_CLASSES, CRISIS_CLASSES,
    DRAFT_CLASSES, TRAINING_FILES,
};
use sha2::{Digest, Sha256};

use encoder::kernels::dot;

use crate::model::weights_path;
use crate::system::{workspace_root, Failure};

const HIDDEN: usize = 128;
const EPOCHS: usize = 60;
const BATCH: usize = 32;
const LEARNING_RATE: f32 = 1e-3;
const WEIGHT_DECAY: f32 = 1e-3;
/// Held-out `none` lines the crisis card may come for, rules and head together.
const CRISIS_FALSE_ALARMS: f64 = 0.10;
/// Held-out `ok` coach lines that may read as blame, rules and head together.
const COACH_FALSE_BLAME: f64 = 0.05;

fn corpus_dir() -> PathBuf {
    workspace_root().join("engine/tests/corpus")
}

struct Line {
    label: usize,
    text: String,
    /// The independent writer's set it came from (`*_tN.tsv`), held out
    /// together in cross-validation; `None` for the older corpora, which
    /// always stay in training.
    writer: Option<String>,
}

fn load(files: &[&str], classes: &[&str]) -> Result<Vec<Line>, Failure> {
    let mut out = Vec::new();
    for name in files {
        let path = corpus_dir().join(name);
        let body = std::fs::read_to_string(&path)
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        for l in body
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut parts = l.splitn(3, '\t');
            let (label, _lang, text) = match (parts.next(), parts.next(), parts.next()) {
                (Some(a), Some(b), Some(c)) => (a, b, c),
                _ => {
                    return Err(Failure(format!(
                        "{name}: a line without three fields: {l:?}"
                    )))
                }
            };
            let label = classes
                .iter()
                .position(|c| *c == label)
                .ok_or_else(|| Failure(format!("{name}: unknown label {label}")))?;
            out.push(Line {
                label,
                text: text.to_string(),
                writer: name
                    .rsplit_once("_t")
                    .filter(|(_, n)| n.trim_end_matches(".tsv").parse::<u32>().is_ok())
                    .map(|(_, n)| n.to_string()),
            });
        }
    }
    Ok(out)
}

/// The whole text (what a head learns from), then the units the app
/// reads in it ([`engine::text::understanding::units`]).
fn units(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![text.to_string()];
    out.extend(
        engine::text::understanding::units(text)
            .into_iter()
            .map(|(s, e)| chars[s..e].iter().collect::<String>()),
    );
    out
}

/// The vector a head reads for each text ([`feature_layers`]), embedded
/// on both cores. Every layer's mean is cached beside the weights
/// (`target/encoder/`), named by their checksum: the vectors of a text
/// never change, and embedding the corpora takes minutes.
fn embed_all(encoder: &encoder::Encoder<'_>, texts: &[String]) -> Vec<Vec<f32>> {
    let path = cache_path();
    let mut cache = read_cache(&path, encoder.dimension() * encoder.layers());
    let missing: Vec<&String> = texts.iter().filter(|t| !cache.contains_key(*t)).collect();
    let half = missing.len().div_ceil(2).max(1);
    let fresh: Vec<Vec<f32>> = thread::scope(|s| {
        let parts: Vec<_> = missing
            .chunks(half)
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|t| encoder.embed_query_layers(t).concat())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts.into_iter().flat_map(|p| p.join().unwrap()).collect()
    });
    if !missing.is_empty() {
        let mut bytes = Vec::new();
        for (text, vector) in missing.iter().zip(&fresh) {
            bytes.extend_from_slice(&(text.len() as u32).to_le_bytes());
            bytes.extend_from_slice(text.as_bytes());
            vector
                .iter()
                .for_each(|v| bytes.extend_from_slice(&v.to_le_bytes()));
        }
        use std::io::Write;
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(&bytes));
        if let Err(e) = appended {
            println!("    (vectors not cached: {e})");
        }
    }
    for (text, vector) in missing.into_iter().zip(fresh) {
        cache.insert(text.clone(), vector);
    }
    let d = encoder.dimension();
    let layers = feature_layers(encoder);
    texts
        .iter()
        .map(|t| {
            let all: Vec<&[f32]> = cache[t].chunks(d).collect();
            side_by_side(&all, &layers)
        })
        .collect()
}

/// The encoder layers the heads read: the last, and the one four before
/// it (the eighth of twelve), whose wording-aware vector raised the
/// cross-validated crisis recall over the last layer alone.
fn feature_layers(encoder: &encoder::Encoder<'_>) -> Vec<usize> {
    let last = encoder.layers() - 1;
    vec![last, last - 4]
}

/// The vector cache, named by the weights' checksum so other weights
/// never read it.
fn cache_path() -> PathBuf {
    let sum = std::fs::read(weights_path())
        .map(|b| format!("{:x}", Sha256::digest(&b)))
        .unwrap_or_default();
    weights_path().with_file_name(format!("layers-{}.bin", &sum[..16.min(sum.len())]))
}

/// Reads the cache: records of a text's length, the text and its vector.
/// A damaged tail (an interrupted run) is ignored.
fn read_cache(
    path: &std::path::Path,
    dimension: usize,
) -> std::collections::HashMap<String, Vec<f32>> {
    let mut cache = std::collections::HashMap::new();
    let bytes = std::fs::read(path).unwrap_or_default();
    let mut at = 0;
    while at + 4 <= bytes.len() {
        let len = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let end = at + 4 + len + 4 * dimension;
        if end > bytes.len() {
            break;
        }
        let Ok(text) = std::str::from_utf8(&bytes[at + 4..at + 4 + len]) else {
            break;
        };
        let vector = bytes[at + 4 + len..end]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
            .collect();
        cache.insert(text.to_string(), vector);
        at = end;
    }
    cache
}

/// A small deterministic random source.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }
    fn uniform(&mut self) -> f32 {
        self.next() as f32 / (1u64 << 31) as f32
    }
}

/// Trains a head on vectors and labels: [`MEMBERS`] networks from
/// different starting points, two at a time, folded into one network
/// whose hidden layer holds them all and whose output layer averages
/// their logits, so the engine reads an ensemble as a single head.
fn train(name: &str, classes: &[&str], xs: &[&Vec<f32>], ys: &[usize]) -> Head {
    let members: Vec<Head> = thread::scope(|s| {
        let handles: Vec<_> = (0..MEMBERS)
            .map(|m| s.spawn(move || train_one(name, classes, xs, ys, 0x5eed + m as u64)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let k = classes.len();
    let hidden = HIDDEN * MEMBERS;
    let mut head = Head {
        w1: members.iter().flat_map(|m| m.w1.iter().copied()).collect(),
        b1: members.iter().flat_map(|m| m.b1.iter().copied()).collect(),
        w2: vec![0.0; k * hidden],
        b2: vec![0.0; k],
        ..members[0].clone()
    };
    let share = 1.0 / MEMBERS as f32;
    for (i, m) in members.iter().enumerate() {
        for c in 0..k {
            for j in 0..HIDDEN {
                head.w2[c * hidden + i * HIDDEN + j] = m.w2[c * HIDDEN + j] * share;
            }
            head.b2[c] += m.b2[c] * share;
        }
    }
    head
}

/// Networks averaged in a head: an average of a few networks reads new
/// writing more steadily than any one of them.
const MEMBERS: usize = 4;

/// Trains one network on vectors and labels, starting from `seed`.
fn train_one(name: &str, classes: &[&str], xs: &[&Vec<f32>], ys: &[usize], seed: u64) -> Head {
    let n = xs.len();
    let d = xs[0].len();
    let k = classes.len();
    let mut mean = vec![0f32; d];
    for x in xs {
        mean.iter_mut()
            .zip(x.iter())
            .for_each(|(m, v)| *m += v / n as f32);
    }
    let mut var = vec![0f32; d];
    for x in xs {
        var.iter_mut()
            .zip(x.iter().zip(&mean))
            .for_each(|(s, (v, m))| *s += (v - m) * (v - m) / n as f32);
    }
    let scale: Vec<f32> = var.iter().map(|v| 1.0 / (v.sqrt() + 1e-6)).collect();
    let data: Vec<Vec<f32>> = xs
        .iter()
        .map(|x| {
            x.iter()
                .zip(&mean)
                .zip(&scale)
                .map(|((v, m), s)| (v - m) * s)
                .collect()
        })
        .collect();
    let mut counts = vec![0usize; k];
    ys.iter().for_each(|&y| counts[y] += 1);
    let class_weight: Vec<f32> = counts
        .iter()
        .map(|&c| n as f32 / (k as f32 * c.max(1) as f32))
        .collect();

    let mut rng = Lcg(seed);
    let mut init = |len: usize, fan: usize| -> Vec<f32> {
        let a = (6.0 / fan as f32).sqrt();
        (0..len).map(|_| (rng.uniform() * 2.0 - 1.0) * a).collect()
    };
    let mut params = [
        init(HIDDEN * d, d + HIDDEN),
        vec![0.0; HIDDEN],
        init(k * HIDDEN, HIDDEN + k),
        vec![0.0; k],
    ];
    let mut m: Vec<Vec<f32>> = params.iter().map(|p| vec![0.0; p.len()]).collect();
    let mut v: Vec<Vec<f32>> = params.iter().map(|p| vec![0.0; p.len()]).collect();
    let mut order: Vec<usize> = (0..n).collect();
    let mut step = 0i32;
    for _ in 0..EPOCHS {
        for i in (1..n).rev() {
            let j = rng.next() as usize % (i + 1);
            order.swap(i, j);
        }
        for batch in order.chunks(BATCH) {
            let mut grads: Vec<Vec<f32>> = params.iter().map(|p| vec![0.0; p.len()]).collect();
            for &i in batch {
                let x = &data[i];
                let hidden: Vec<f32> = (0..HIDDEN)
                    .map(|j| (params[1][j] + dot(&params[0][j * d..(j + 1) * d], x)).max(0.0))
                    .collect();
                let logits: Vec<f32> = (0..k)
                    .map(|c| params[3][c] + dot(&params[2][c * HIDDEN..(c + 1) * HIDDEN], &hidden))
                    .collect();
                let p = softmax(&logits);
                let w = class_weight[ys[i]] / batch.len() as f32;
                let dlogit: Vec<f32> = (0..k)
                    .map(|c| w * (p[c] - if c == ys[i] { 1.0 } else { 0.0 }))
                    .collect();
                let mut dhidden = vec![0f32; HIDDEN];
                for c in 0..k {
                    grads[3][c] += dlogit[c];
                    for j in 0..HIDDEN {
                        grads[2][c * HIDDEN + j] += dlogit[c] * hidden[j];
                        dhidden[j] += dlogit[c] * params[2][c * HIDDEN + j];
                    }
                }
                for j in 0..HIDDEN {
                    if hidden[j] <= 0.0 {
                        continue;
                    }
                    grads[1][j] += dhidden[j];
                    let row = &mut grads[0][j * d..(j + 1) * d];
                    row.iter_mut()
                        .zip(x)
                        .for_each(|(g, x)| *g += dhidden[j] * x);
                }
            }
            step += 1;
            let (b1, b2) = (0.9f32, 0.999f32);
            for (t, ((p, g), (m, v))) in params
                .iter_mut()
                .zip(&grads)
                .zip(m.iter_mut().zip(v.iter_mut()))
                .enumerate()
            {
                let decay = if t % 2 == 0 { WEIGHT_DECAY } else { 0.0 };
                for i in 0..p.len() {
                    let g = g[i] + decay * p[i];
                    m[i] = b1 * m[i] + (1.0 - b1) * g;
                    v[i] = b2 * v[i] + (1.0 - b2) * g * g;
                    let mh = m[i] / (1.0 - b1.powi(step));
                    let vh = v[i] / (1.0 - b2.powi(step));
                    p[i] -= LEARNING_RATE * mh / (vh.sqrt() + 1e-8);
                }
            }
        }
    }
    let [w1, b1, w2, b2] = params;
    Head {
        name: name.to_string(),
        classes: classes.iter().map(|c| c.to_string()).collect(),
        thresholds: Vec::new(),
        mean,
        scale,
        w1,
        b1,
        w2,
        b2,
    }
}

/// For each line of an independent writer's set, the head's
/// probabilities for the whole line and then each of its units, from a
/// head trained without that writer's lines (the older corpora always
/// train): the nearest thing to writing nobody tuned for. Writers are
/// held out [`FOLDS`] groups at a time, so training stays within minutes
/// on two cores as writers are added. Other lines get no reading.
fn cross_validated(
    name: &str,
    classes: &[&str],
    lines: &[Line],
    vectors: &[Vec<Vec<f32>>],
) -> Vec<Vec<Vec<f32>>> {
    let mut out = vec![Vec::new(); lines.len()];
    let mut writers: Vec<&String> = lines.iter().filter_map(|l| l.writer.as_ref()).collect();
    writers.sort_by_key(|w| w.parse::<u32>().unwrap_or(u32::MAX));
    writers.dedup();
    let fold_of = |line: &Line| {
        line.writer
            .as_ref()
            .and_then(|w| writers.iter().position(|x| *x == w))
            .map(|i| i % FOLDS)
    };
    for fold in 0..FOLDS.min(writers.len()) {
        let held = |i: usize| fold_of(&lines[i]) == Some(fold);
        let train_idx: Vec<usize> = (0..lines.len()).filter(|&i| !held(i)).collect();
        let xs: Vec<&Vec<f32>> = train_idx.iter().map(|&i| &vectors[i][0]).collect();
        let ys: Vec<usize> = train_idx.iter().map(|&i| lines[i].label).collect();
        let head = train(name, classes, &xs, &ys);
        for i in (0..lines.len()).filter(|&i| held(i)) {
            out[i] = vectors[i].iter().map(|v| head.probabilities(v)).collect();
        }
    }
    out
}

/// Groups of writers held out together in cross-validation.
const FOLDS: usize = 9;

/// The highest "not the first class" probability over a line's units.
fn risk(units: &[Vec<f32>]) -> f32 {
    units.iter().map(|p| 1.0 - p[0]).fold(0.0, f32::max)
}

/// The lowest threshold whose held-out false alarms (with the rules'
/// own) stay within `budget`, with the recall and false alarms it gives,
/// on the lines that have a held-out reading.
fn threshold_for(
    lines: &[Line],
    cv: &[Vec<Vec<f32>>],
    rule: &[bool],
    budget: f64,
) -> (f32, f64, f64) {
    let read: Vec<usize> = (0..lines.len()).filter(|&i| !cv[i].is_empty()).collect();
    let negatives: Vec<usize> = read
        .iter()
        .copied()
        .filter(|&i| lines[i].label == 0)
        .collect();
    let positives: Vec<usize> = read
        .iter()
        .copied()
        .filter(|&i| lines[i].label != 0)
        .collect();
    let mut candidates: Vec<f32> = read.iter().map(|&i| risk(&cv[i][1..])).collect();
    candidates.push(1.01);
    candidates.sort_by(|a, b| b.total_cmp(a));
    candidates.dedup();
    let mut best = (1.01f32, 0.0, 0.0);
    for t in candidates {
        let flagged = |i: usize| rule[i] || risk(&cv[i][1..]) >= t;
        let alarms = negatives.iter().filter(|&&i| flagged(i)).count() as f64
            / negatives.len().max(1) as f64;
        if alarms > budget {
            break;
        }
        let recall = positives.iter().filter(|&&i| flagged(i)).count() as f64
            / positives.len().max(1) as f64;
        best = (t, recall, alarms);
    }
    best
}

/// The reading of a whole draft (drafts are read whole, not by sentence).
fn whole(units: &[Vec<f32>]) -> &Vec<f32> {
    &units[0]
}

fn corpus_sha256() -> Result<String, Failure> {
    let bytes = corpus_digest_input(|name| std::fs::read(corpus_dir().join(name)))
        .map_err(|e| Failure(e.to_string()))?;
    Ok(format!("{:x}", Sha256::digest(&bytes)))
}

/// Trains the three heads and writes `engine/data/heads.bin`.
pub fn run(_args: &[String]) -> Result<(), Failure> {
    crate::model::ensure()?;
    let weights = std::fs::read(weights_path()).map_err(|e| Failure(e.to_string()))?;
    let encoder = encoder::Encoder::new(&weights).map_err(|e| Failure(e.to_string()))?;
    let files = |name: &str| TRAINING_FILES.iter().find(|(n, _)| *n == name).unwrap().1;
    let mut heads = Vec::new();

    // Crisis. Calm and pleading drafts are everyday writing: more `none` lines.
    let mut lines = load(files("crisis"), &CRISIS_CLASSES)?;
    let everyday = load(files("drafts"), &DRAFT_CLASSES)?;
    lines.extend(everyday.into_iter().filter(|l| l.label < 2).map(|l| Line {
        label: 0,
        text: l.text,
        writer: None,
    }));
    let head = fit("crisis", &CRISIS_CLASSES, &lines, &encoder, |lines, cv| {
        let rule: Vec<bool> = lines
            .iter()
            .map(|l| engine::safety::mentions_crisis(&l.text))
            .collect();
        let (t, recall, alarms) = threshold_for(lines, cv, &rule, CRISIS_FALSE_ALARMS);
        println!(
            "    crisis, held out, rules and head: recall {:.1}%, false alarms {:.1}% at {t:.2}",
            recall * 100.0,
            alarms * 100.0
        );
        vec![t]
    });
    heads.push(head);

    // Drafts: level thresholds.
    let lines = load(files("drafts"), &DRAFT_CLASSES)?;
    let head = fit("drafts", &DRAFT_CLASSES, &lines, &encoder, |lines, cv| {
        let rule: Vec<usize> = lines
            .iter()
            .map(|l| engine::begging::analyse(&l.text).level as usize)
            .collect();
        // Desperate only above every held-out calm draft's reading.
        let read: Vec<usize> = (0..lines.len()).filter(|&i| !cv[i].is_empty()).collect();
        let calm_max = read
            .iter()
            .copied()
            .filter(|&i| lines[i].label == 0)
            .map(|i| whole(&cv[i])[2])
            .fold(0.0, f32::max);
        let desperate = (calm_max + 0.02).min(0.99);
        let level = |i: usize, t: f32| {
            let p = whole(&cv[i]);
            let model = if p[2] >= desperate {
                2
            } else if p[1] + p[2] >= t {
                1
            } else {
                0
            };
            model.max(rule[i])
        };
        let (mut best_t, mut best) = (0.5, 0.0);
        for step in 20..=90 {
            let t = step as f32 / 100.0;
            let right = read
                .iter()
                .filter(|&&i| level(i, t) == lines[i].label)
                .count() as f64
                / read.len() as f64;
            if right > best {
                (best_t, best) = (t, right);
            }
        }
        println!(
            "    drafts, held out, rules and head: {:.1}% right (pleading at {best_t:.2}, desperate at {desperate:.2})",
            best * 100.0
        );
        vec![best_t, desperate]
    });
    heads.push(head);

    // Coach.
    let lines = load(files("coach"), &COACH_CLASSES)?;
    let head = fit("coach", &COACH_CLASSES, &lines, &encoder, |lines, cv| {
        let rule: Vec<bool> = lines
            .iter()
            .map(|l| engine::coach::review(&l.text).flagged())
            .collect();
        let (t, recall, alarms) = threshold_for(lines, cv, &rule, COACH_FALSE_BLAME);
        println!(
            "    coach, held out, rules and head: recall {:.1}%, false blame {:.1}% at {t:.2}",
            recall * 100.0,
            alarms * 100.0
        );
        vec![t]
    });
    heads.push(head);

    let heads = Heads {
        corpus_sha256: corpus_sha256()?,
        layers: feature_layers(&encoder),
        heads,
    };
    let path = workspace_root().join("engine/data/heads.bin");
    std::fs::write(&path, heads.to_bytes()).map_err(|e| Failure(e.to_string()))?;
    println!("wrote {}", path.display());
    Ok(())
}

/// Embeds a head's lines (and their sentences), chooses its thresholds by
/// cross-validation, and trains it on every line.
fn fit(
    name: &str,
    classes: &[&str],
    lines: &[Line],
    encoder: &encoder::Encoder<'_>,
    thresholds: impl Fn(&[Line], &[Vec<Vec<f32>>]) -> Vec<f32>,
) -> Head {
    println!("==> {name}: {} lines", lines.len());
    let unit_texts: Vec<Vec<String>> = lines.iter().map(|l| units(&l.text)).collect();
    // Each distinct text once: a short line's one unit is the line itself.
    let mut distinct: Vec<String> = unit_texts.iter().flatten().cloned().collect();
    distinct.sort();
    distinct.dedup();
    let embedded = embed_all(encoder, &distinct);
    let vector_of = |t: &String| embedded[distinct.binary_search(t).unwrap()].clone();
    let vectors: Vec<Vec<Vec<f32>>> = unit_texts
        .iter()
        .map(|u| u.iter().map(vector_of).collect())
        .collect();
    let started = std::time::Instant::now();
    let cv = cross_validated(name, classes, lines, &vectors);
    println!(
        "    held-out heads trained in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    let chosen = thresholds(lines, &cv);
    let xs: Vec<&Vec<f32>> = vectors.iter().map(|v| &v[0]).collect();
    let ys: Vec<usize> = lines.iter().map(|l| l.label).collect();
    let mut head = train(name, classes, &xs, &ys);
    head.thresholds = chosen;
    head
}
