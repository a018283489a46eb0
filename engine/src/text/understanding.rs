//! Understanding what a sentence means, not only what it matches: the
//! sentence encoder (`multilingual-e5-small`, see the `encoder` crate)
//! turns a sentence into a vector, and a small trained head per detector
//! reads it: crisis (none, lower, higher, danger from someone), a draft's
//! level (calm, pleading, desperate) and the coach (ok, blame, contempt,
//! pressure). The detectors keep their rules as a floor: the heads only
//! ever add or raise, never lower a rule hit.
//!
//! The encoder is loaded on the first check of free text, on the thread
//! that checks (never the UI's), and given back after [`IDLE_AFTER`]
//! without a check (the shell's notifier asks, [`release_if_idle`]); the
//! tray never loads it.
//! When it cannot load (damaged weights, or a build without them) the
//! detectors run their rules alone and the failure is logged once.
//!
//! The heads (`engine/data/heads.bin`) are trained by `cargo xtask train`
//! on the corpora listed in [`TRAINING_FILES`], never on a holdout; the
//! file records the corpora's checksum, and a test fails when they changed
//! and the heads were not trained again.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// The corpus files the heads learn from, per head, in
/// `engine/tests/corpus/`. Holdouts are never listed here.
pub const TRAINING_FILES: &[(&str, &[&str])] = &[
    (
        "crisis",
        &[
            "crisis.tsv",
            "crisis_blind_dev.tsv",
            "crisis_blind_dev2.tsv",
            "crisis_blind2_dev.tsv",
            "crisis_es_dev.tsv",
            "crisis_t1.tsv",
            "crisis_t2.tsv",
            "crisis_t3.tsv",
            "crisis_t4.tsv",
            "crisis_t5.tsv",
            "crisis_t6.tsv",
            "crisis_t7.tsv",
            "crisis_t8.tsv",
            "crisis_t9.tsv",
            "crisis_t10.tsv",
            "crisis_t11.tsv",
            "crisis_t12.tsv",
            "crisis_t13.tsv",
            "crisis_t14.tsv",
            "crisis_t15.tsv",
            "crisis_t16.tsv",
            "crisis_t17.tsv",
            "crisis_t18.tsv",
            "crisis_t19.tsv",
            "crisis_t20.tsv",
            "crisis_t21.tsv",
            "crisis_t22.tsv",
            "crisis_t23.tsv",
            "crisis_t24.tsv",
            "crisis_t25.tsv",
            "crisis_t26.tsv",
            "crisis_t27.tsv",
        ],
    ),
    (
        "drafts",
        &[
            "drafts.tsv",
            "drafts_blind_dev.tsv",
            "drafts_blind_dev2.tsv",
            "drafts_blind2_dev.tsv",
            "drafts_es_dev.tsv",
            "drafts_t1.tsv",
            "drafts_t2.tsv",
            "drafts_t3.tsv",
            "drafts_t4.tsv",
            "drafts_t5.tsv",
            "drafts_t6.tsv",
            "drafts_t7.tsv",
            "drafts_t8.tsv",
            "drafts_t9.tsv",
            "drafts_t10.tsv",
        ],
    ),
    (
        "coach",
        &[
            "coach.tsv",
            "coach_t1.tsv",
            "coach_t2.tsv",
            "coach_t3.tsv",
            "coach_t4.tsv",
            "coach_t5.tsv",
            "coach_t6.tsv",
            "coach_t7.tsv",
            "coach_t8.tsv",
            "coach_t9.tsv",
            "coach_t10.tsv",
        ],
    ),
];

/// The crisis head's classes, in output order.
pub const CRISIS_CLASSES: [&str; 4] = ["none", "lower", "higher", "danger"];
/// The draft head's classes.
pub const DRAFT_CLASSES: [&str; 3] = ["calm", "pleading", "desperate"];
/// The coach head's classes.
pub const COACH_CLASSES: [&str; 4] = ["ok", "blame", "contempt", "pressure"];

/// How long without a check before the encoder is given back.
pub const IDLE_AFTER: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// One trained head: standardise the sentence vector, one hidden layer
/// with ReLU, then a softmax over its classes.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    /// Which detector it serves: "crisis", "drafts" or "coach".
    pub name: String,
    /// Its class names, in output order.
    pub classes: Vec<String>,
    /// Decision thresholds, chosen by cross-validation (see each detector).
    pub thresholds: Vec<f32>,
    /// Per-dimension mean and scale of the training vectors.
    pub mean: Vec<f32>,
    /// Per-dimension scale (1 / standard deviation).
    pub scale: Vec<f32>,
    /// Hidden layer: `hidden × input` weights, row-major.
    pub w1: Vec<f32>,
    /// Hidden biases.
    pub b1: Vec<f32>,
    /// Output layer: `classes × hidden` weights.
    pub w2: Vec<f32>,
    /// Output biases.
    pub b2: Vec<f32>,
}

impl Head {
    /// The hidden layer's size.
    pub fn hidden(&self) -> usize {
        self.b1.len()
    }

    /// The class probabilities for one sentence vector.
    pub fn probabilities(&self, vector: &[f32]) -> Vec<f32> {
        let x: Vec<f32> = vector
            .iter()
            .zip(&self.mean)
            .zip(&self.scale)
            .map(|((v, m), s)| (v - m) * s)
            .collect();
        let n = x.len();
        let hidden: Vec<f32> = self
            .b1
            .iter()
            .enumerate()
            .map(|(j, b)| {
                let row = &self.w1[j * n..(j + 1) * n];
                (b + row.iter().zip(&x).map(|(w, x)| w * x).sum::<f32>()).max(0.0)
            })
            .collect();
        let h = hidden.len();
        let logits: Vec<f32> = self
            .b2
            .iter()
            .enumerate()
            .map(|(k, b)| {
                b + self.w2[k * h..(k + 1) * h]
                    .iter()
                    .zip(&hidden)
                    .map(|(w, v)| w * v)
                    .sum::<f32>()
            })
            .collect();
        softmax(&logits)
    }
}

/// Probabilities from scores.
pub fn softmax(logits: &[f32]) -> Vec<f32> {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp: Vec<f32> = logits.iter().map(|l| (l - max).exp()).collect();
    let total: f32 = exp.iter().sum();
    exp.iter().map(|e| e / total).collect()
}

/// The heads file: the corpora's checksum, the encoder layers the heads
/// read, and the heads.
#[derive(Debug, Clone, PartialEq)]
pub struct Heads {
    /// SHA-256 (hex) of the training corpora, as [`corpus_digest_input`] lays them out.
    pub corpus_sha256: String,
    /// The encoder layers (0 is the first) whose unit-length means, side
    /// by side in this order, make the vector every head reads.
    pub layers: Vec<usize>,
    /// The heads, by name.
    pub heads: Vec<Head>,
}

/// The bytes whose SHA-256 the heads file records: each training file's
/// name and contents, in [`TRAINING_FILES`] order.
pub fn corpus_digest_input(
    read: impl Fn(&str) -> std::io::Result<Vec<u8>>,
) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for (_, files) in TRAINING_FILES {
        for name in *files {
            out.extend_from_slice(name.as_bytes());
            out.push(0);
            out.extend_from_slice(&read(name)?);
            out.push(0);
        }
    }
    Ok(out)
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        (self.0.len() >= n).then(|| {
            let (a, b) = self.0.split_at(n);
            self.0 = b;
            a
        })
    }
    fn u32(&mut self) -> Option<usize> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?) as usize)
    }
    fn f32s(&mut self, n: usize) -> Option<Vec<f32>> {
        Some(
            self.take(n.checked_mul(4)?)?
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
                .collect(),
        )
    }
    fn string(&mut self) -> Option<String> {
        let n = self.u32()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
}

impl Heads {
    /// Writes the file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = b"CRH2".to_vec();
        let put_str = |out: &mut Vec<u8>, s: &str| {
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        };
        let put_f32s = |out: &mut Vec<u8>, v: &[f32]| {
            v.iter()
                .for_each(|x| out.extend_from_slice(&x.to_le_bytes()))
        };
        put_str(&mut out, &self.corpus_sha256);
        out.extend_from_slice(&(self.layers.len() as u32).to_le_bytes());
        for layer in &self.layers {
            out.extend_from_slice(&(*layer as u32).to_le_bytes());
        }
        out.extend_from_slice(&(self.heads.len() as u32).to_le_bytes());
        for h in &self.heads {
            put_str(&mut out, &h.name);
            out.extend_from_slice(&(h.classes.len() as u32).to_le_bytes());
            for c in &h.classes {
                put_str(&mut out, c);
            }
            out.extend_from_slice(&(h.mean.len() as u32).to_le_bytes());
            out.extend_from_slice(&(h.hidden() as u32).to_le_bytes());
            out.extend_from_slice(&(h.thresholds.len() as u32).to_le_bytes());
            for v in [&h.thresholds, &h.mean, &h.scale, &h.w1, &h.b1, &h.w2, &h.b2] {
                put_f32s(&mut out, v);
            }
        }
        out
    }

    /// Reads the file; `None` when it is damaged.
    pub fn from_bytes(bytes: &[u8]) -> Option<Heads> {
        let mut r = Reader(bytes);
        if r.take(4)? != b"CRH2" {
            return None;
        }
        let corpus_sha256 = r.string()?;
        let layer_count = r.u32()?;
        if layer_count == 0 || layer_count > 64 {
            return None;
        }
        let layers = (0..layer_count)
            .map(|_| r.u32())
            .collect::<Option<Vec<_>>>()?;
        let count = r.u32()?;
        let mut heads = Vec::new();
        for _ in 0..count.min(16) {
            let name = r.string()?;
            let k = r.u32()?;
            let classes = (0..k.min(16))
                .map(|_| r.string())
                .collect::<Option<Vec<_>>>()?;
            let (input, hidden, nt) = (r.u32()?, r.u32()?, r.u32()?);
            if k > 16 || input > 4096 || hidden > 4096 || nt > 16 {
                return None;
            }
            heads.push(Head {
                name,
                classes,
                thresholds: r.f32s(nt)?,
                mean: r.f32s(input)?,
                scale: r.f32s(input)?,
                w1: r.f32s(hidden * input)?,
                b1: r.f32s(hidden)?,
                w2: r.f32s(k * hidden)?,
                b2: r.f32s(k)?,
            });
        }
        r.0.is_empty().then_some(Heads {
            corpus_sha256,
            layers,
            heads,
        })
    }

    /// The head of this name.
    pub fn head(&self, name: &str) -> Option<&Head> {
        self.heads.iter().find(|h| h.name == name)
    }
}

/// What a head reads for `text`: the unit-length mean of each of
/// `layers`, side by side. An earlier layer beside the last keeps more of
/// how a thing was said, which the last layer (made for meaning alone)
/// smooths away; the cross-validated crisis recall rose with it.
pub fn features(encoder: &encoder::Encoder<'_>, layers: &[usize], text: &str) -> Vec<f32> {
    side_by_side(&encoder.embed_query_layers(text), layers)
}

/// The vectors of `layers`, taken from every layer's vector of one text
/// (`all`, first layer first), side by side: [`features`] without the
/// encoder, for vectors already computed.
pub fn side_by_side(all: &[impl AsRef<[f32]>], layers: &[usize]) -> Vec<f32> {
    layers
        .iter()
        .flat_map(|&l| all[l].as_ref().iter().copied())
        .collect()
}

/// The trained heads shipped with the app.
pub static HEADS_FILE: &[u8] = include_bytes!("../../data/heads.bin");

/// The parts of a text a head reads, as character spans: a text of up
/// to [`WINDOW_SENTENCES`] sentences whole (the heads learned from whole
/// lines, and reading each sentence alone doubles the false alarms), a
/// longer one in windows of that many consecutive sentences, so one
/// sentence in the middle of a long entry is not blurred by the rest.
pub fn units(text: &str) -> Vec<(usize, usize)> {
    if !reads_as_language(text) {
        return Vec::new();
    }
    let sentences = super::sentences(text);
    if sentences.len() <= WINDOW_SENTENCES {
        return match (sentences.first(), sentences.last()) {
            (Some(first), Some(last)) => vec![(first.0, last.1)],
            _ => Vec::new(),
        };
    }
    sentences
        .windows(WINDOW_SENTENCES)
        .map(|w| (w[0].0, w[WINDOW_SENTENCES - 1].1))
        .collect()
}

/// Whether `text` is writing the heads can read: not mostly "words" too
/// long for any language (a held key, a pasted hash or code), on which a
/// head's reading means nothing (two thousand x's read as crisis).
pub fn reads_as_language(text: &str) -> bool {
    let mut total = 0;
    let mut overlong = 0;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        total += length;
        if length > LONGEST_WORD {
            overlong += length;
        }
    }
    overlong * 2 <= total
}

/// Characters in the longest words the seven languages write (German
/// compounds reach about forty).
const LONGEST_WORD: usize = 45;

/// Sentences read together.
pub const WINDOW_SENTENCES: usize = 3;

/// Sentence vectors kept while the encoder is loaded: typing re-checks a
/// text whose earlier sentences have not changed.
const CACHE_ENTRIES: usize = 512;

/// A loaded encoder with its heads.
pub struct Understanding {
    encoder: encoder::Encoder<'static>,
    heads: Heads,
    cache: Mutex<std::collections::HashMap<String, Arc<Vec<f32>>>>,
}

impl Understanding {
    /// Loads from weights and a heads file.
    pub fn new(weights: &'static [u8], heads: &[u8]) -> Result<Understanding, String> {
        let encoder = encoder::Encoder::new(weights).map_err(|e| e.to_string())?;
        let heads = Heads::from_bytes(heads).ok_or("the heads file is damaged")?;
        // What each detector reads from its head: its classes and thresholds.
        let needs = [
            ("crisis", CRISIS_CLASSES.len(), 1),
            ("drafts", DRAFT_CLASSES.len(), 2),
            ("coach", COACH_CLASSES.len(), 1),
        ];
        for (name, classes, thresholds) in needs {
            let head = heads
                .head(name)
                .ok_or(format!("the heads file has no {name} head"))?;
            if head.mean.len() != encoder.dimension() * heads.layers.len()
                || heads.layers.iter().any(|&l| l >= encoder.layers())
                || head.classes.len() != classes
                || head.thresholds.len() < thresholds
            {
                return Err(format!(
                    "the {name} head does not fit the encoder and its detector"
                ));
            }
        }
        Ok(Understanding {
            encoder,
            heads,
            cache: Mutex::new(std::collections::HashMap::new()),
        })
    }

    /// The vector the heads read for `text` (from the cache when it was
    /// read lately): [`features`] of the heads' layers.
    pub fn embed(&self, text: &str) -> Arc<Vec<f32>> {
        if let Some(v) = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(text)
        {
            return v.clone();
        }
        let v = Arc::new(features(&self.encoder, &self.heads.layers, text));
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= CACHE_ENTRIES {
            cache.clear();
        }
        cache.insert(text.to_string(), v.clone());
        v
    }

    /// The class probabilities of `text` under the named head.
    pub fn read(&self, head: &str, text: &str) -> Vec<f32> {
        self.heads
            .head(head)
            .expect("checked when loaded")
            .probabilities(&self.embed(text))
    }

    /// The named head's reading of each unit of `text` ([`units`]): its
    /// span in characters and the class probabilities.
    pub fn read_units(&self, head: &str, text: &str) -> Vec<((usize, usize), Vec<f32>)> {
        let chars: Vec<char> = text.chars().collect();
        units(text)
            .into_iter()
            .map(|(s, e)| {
                (
                    (s, e),
                    self.read(head, &chars[s..e].iter().collect::<String>()),
                )
            })
            .collect()
    }

    /// The named head's thresholds.
    pub fn thresholds(&self, head: &str) -> &[f32] {
        &self
            .heads
            .head(head)
            .expect("checked when loaded")
            .thresholds
    }
}

enum State {
    /// Not loaded yet, or given back.
    Idle,
    Loaded(Arc<Understanding>),
    /// Could not load: the rules run alone, and it is not tried again.
    Failed,
}

static STATE: Mutex<State> = Mutex::new(State::Idle);
static USED: AtomicBool = AtomicBool::new(false);
/// When [`release_if_idle`] last saw a check.
static LAST_USE: Mutex<Option<std::time::Instant>> = Mutex::new(None);
static FAILURES_LOGGED: AtomicUsize = AtomicUsize::new(0);

/// The weights this build carries: compiled in with the `model` feature.
fn weights() -> Result<&'static [u8], String> {
    #[cfg(feature = "model")]
    {
        Ok(test_weights().unwrap_or(encoder::EMBEDDED))
    }
    #[cfg(not(feature = "model"))]
    {
        test_weights().ok_or_else(|| "this build carries no encoder weights".to_string())
    }
}

static TEST_WEIGHTS: Mutex<Option<&'static [u8]>> = Mutex::new(None);

fn test_weights() -> Option<&'static [u8]> {
    *TEST_WEIGHTS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Replaces the weights the next load reads and forgets any loaded or
/// failed encoder: for tests of damaged weights.
#[doc(hidden)]
pub fn use_weights_for_tests(weights: &'static [u8]) {
    *TEST_WEIGHTS.lock().unwrap_or_else(|e| e.into_inner()) = Some(weights);
    *STATE.lock().unwrap_or_else(|e| e.into_inner()) = State::Idle;
}

thread_local! {
    static RULES_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with the detectors' rules alone on this thread: for the rule
/// tables' own tests and for measuring what the rules add.
pub fn rules_only<T>(f: impl FnOnce() -> T) -> T {
    let before = RULES_ONLY.with(|r| r.replace(true));
    let out = f();
    RULES_ONLY.with(|r| r.set(before));
    out
}

/// The loaded encoder, loading it on first use; `None` when it cannot
/// load (the failure is logged once per process), or inside [`rules_only`].
pub fn get() -> Option<Arc<Understanding>> {
    if RULES_ONLY.with(|r| r.get()) {
        return None;
    }
    USED.store(true, Ordering::Relaxed);
    let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
    match &*state {
        State::Loaded(u) => return Some(u.clone()),
        State::Failed => return None,
        State::Idle => {}
    }
    match weights().and_then(|w| Understanding::new(w, HEADS_FILE)) {
        Ok(u) => {
            let u = Arc::new(u);
            *state = State::Loaded(u.clone());
            Some(u)
        }
        Err(why) => {
            if FAILURES_LOGGED.fetch_add(1, Ordering::Relaxed) == 0 {
                log::error!("the sentence encoder could not load, the detectors run their rules alone: {why}");
            }
            *state = State::Failed;
            None
        }
    }
}

/// Whether the encoder is in memory now.
pub fn is_loaded() -> bool {
    matches!(
        *STATE.lock().unwrap_or_else(|e| e.into_inner()),
        State::Loaded(_)
    )
}

/// How many times loading failed in this process (it is logged the first time only).
pub fn load_failures() -> usize {
    FAILURES_LOGGED.load(Ordering::Relaxed)
}

/// Called by the shell's notifier on each of its rounds, with the time
/// now: once no check came for [`IDLE_AFTER`], the encoder is given back
/// (its memory returns to the system). Returns whether it was given back.
pub fn release_if_idle(now: std::time::Instant) -> bool {
    let mut last = LAST_USE.lock().unwrap_or_else(|e| e.into_inner());
    if USED.swap(false, Ordering::Relaxed) || last.is_none() {
        *last = Some(now);
        return false;
    }
    let idle = last.is_some_and(|t| now.saturating_duration_since(t) >= IDLE_AFTER);
    idle && release()
}

/// Gives the encoder back now, if it is loaded and no check is using it.
pub fn release() -> bool {
    let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
    let free = matches!(&*state, State::Loaded(u) if Arc::strong_count(u) == 1);
    if free {
        *state = State::Idle;
        drop(state);
        forget_pages();
    }
    free
}

/// The weights are compiled into the binary: the pages the encoder read
/// stay resident until the kernel reclaims them. Telling it they are not
/// needed drops them now (they are read again from the file if needed).
fn forget_pages() {
    #[cfg(all(target_os = "linux", feature = "model"))]
    {
        let bytes = weights().unwrap_or(&[]);
        let page = 4096usize;
        let start = (bytes.as_ptr() as usize).next_multiple_of(page);
        let end = (bytes.as_ptr() as usize + bytes.len()) & !(page - 1);
        if end > start {
            // SAFETY: the range lies inside the weights, which are
            // read-only data of the executable's own file mapping: dropping
            // those clean pages loses nothing, and a later read (even one
            // racing this call) faults them in again from the file.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heads_file_reads_back_and_refuses_damage() {
        let heads = Heads::from_bytes(HEADS_FILE).expect("the shipped heads file reads");
        assert_eq!(Heads::from_bytes(&heads.to_bytes()), Some(heads.clone()));
        for (name, _) in TRAINING_FILES {
            assert!(heads.head(name).is_some(), "{name}");
        }
        let bytes = heads.to_bytes();
        for cut in [0, 3, 10, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(Heads::from_bytes(&bytes[..cut]), None);
        }
        let no_layers = Heads {
            layers: Vec::new(),
            ..heads.clone()
        };
        assert_eq!(Heads::from_bytes(&no_layers.to_bytes()), None);
    }

    #[test]
    fn a_held_key_is_not_read_and_long_words_are() {
        assert!(units(&"x".repeat(2001)).is_empty());
        assert!(!reads_as_language(&format!("ok {}", "a".repeat(300))));
        assert!(reads_as_language(
            "der Donaudampfschifffahrtsgesellschaftskapitän ist weg"
        ));
        assert!(reads_as_language("💊💊💊 tonight"));
        assert_eq!(units("I can't sleep. Nothing helps.").len(), 1);
    }

    #[test]
    fn softmax_sums_to_one() {
        let p = softmax(&[1.0, 2.0, 3.0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(p[2] > p[1] && p[1] > p[0]);
    }
}
