//! The crisis and begging detectors and the phrasing coach, rules and
//! sentence encoder together, measured on the corpora in
//! `tests/corpus/` (see its README): recall, precision, false alarms and a
//! confusion table, per language, for the tuning set and the holdout apart.
//! The thresholds hold on both together. `cargo xtask eval` runs this with
//! `--nocapture` to print the tables.
//!
//! Set `CORPUS_MISSES=tuning` (or any set's name, several separated by
//! commas: `blind_dev,blind_dev2,blind2_dev`) to list that set's misses;
//! a holdout's are never listed, so they cannot be tuned against.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use engine::begging::{analyse, Level};
use engine::safety::{assess, Tier};

#[path = "corpus_eval/blind_pairs.rs"]
mod blind_pairs;

/// One labelled line.
struct Example {
    label: String,
    lang: String,
    text: String,
}

fn load(name: &str) -> Vec<Example> {
    let path = format!("{}/tests/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    body.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, '\t');
            let (label, lang, text) = (parts.next(), parts.next(), parts.next());
            let (Some(label), Some(lang), Some(text)) = (label, lang, text) else {
                panic!("{name}: not label<TAB>lang<TAB>text: {l:?}");
            };
            Example {
                label: label.into(),
                lang: lang.into(),
                text: text.into(),
            }
        })
        .collect()
}

fn show_misses(set: &str) -> bool {
    // Holdouts are never listed: their misses must not steer the rules.
    !set.ends_with("holdout")
        && std::env::var("CORPUS_MISSES").is_ok_and(|v| v.split(',').any(|s| s.trim() == set))
}

/// What the crisis detector made of a line, in the corpus's labels.
fn crisis_reading(text: &str) -> &'static str {
    let a = assess(text);
    match a.tier {
        Tier::Higher => "higher",
        Tier::Lower => "lower",
        Tier::None if a.danger_from_someone => "danger",
        Tier::None => "none",
    }
}

/// Card counts: true and false positives and negatives.
#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Counts {
    fn add(&mut self, expected: bool, got: bool) {
        match (expected, got) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn false_alarms(&self) -> f64 {
        ratio(self.fp, self.fp + self.tn)
    }
    fn merge(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.tn += other.tn;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn pct(x: f64) -> String {
    format!("{:5.1}%", x * 100.0)
}

/// The blind sets read for development: all of the first two, and four
/// fifths of the Spanish one.
const BLIND_DEV_SETS: [&str; 4] = ["blind_dev", "blind_dev2", "blind2_dev", "es_dev"];

const CRISIS_LABELS: [&str; 4] = ["higher", "lower", "danger", "none"];
const DRAFT_LABELS: [&str; 3] = ["calm", "pleading", "desperate"];

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Calm => "calm",
        Level::Pleading => "pleading",
        Level::Desperate => "desperate",
    }
}

/// The crisis report for one set; returns its card counts and its danger
/// counts.
fn crisis_report(set: &str, examples: &[Example], out: &mut String) -> (Counts, Counts) {
    let (total, danger, _) = crisis_report_by_language(set, examples, out);
    (total, danger)
}

/// The crisis report for one set, with the card counts per language.
fn crisis_report_by_language<'a>(
    set: &str,
    examples: &'a [Example],
    out: &mut String,
) -> (Counts, Counts, BTreeMap<&'a str, Counts>) {
    let mut by_lang: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut confusion: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut danger = Counts::default();
    let mut total = Counts::default();
    for e in examples {
        let got = crisis_reading(&e.text);
        let expected_card = e.label != "none";
        let got_card = got != "none";
        by_lang
            .entry(&e.lang)
            .or_default()
            .add(expected_card, got_card);
        total.add(expected_card, got_card);
        let got_danger = assess(&e.text).danger_from_someone;
        danger.add(e.label == "danger", got_danger);
        let label = CRISIS_LABELS
            .iter()
            .find(|l| **l == e.label)
            .unwrap_or_else(|| panic!("unknown label {:?}", e.label));
        *confusion.entry((label, got)).or_default() += 1;
        if show_misses(set)
            && (expected_card != got_card
                || (e.label != got && e.label != "danger")
                || (e.label == "danger") != got_danger)
        {
            let _ = writeln!(
                out,
                "  miss [{} -> {}] {}: {}",
                e.label, got, e.lang, e.text
            );
        }
    }
    let _ = writeln!(out, "\ncrisis card, {set} ({} lines)", examples.len());
    let _ = writeln!(out, "  lang   lines  recall  precision  false alarms");
    for (lang, c) in &by_lang {
        let _ = writeln!(
            out,
            "  {lang:<5} {:>6}  {}  {}     {}",
            c.tp + c.fp + c.fn_ + c.tn,
            pct(c.recall()),
            pct(c.precision()),
            pct(c.false_alarms())
        );
    }
    let _ = writeln!(
        out,
        "  all   {:>6}  {}  {}     {}",
        examples.len(),
        pct(total.recall()),
        pct(total.precision()),
        pct(total.false_alarms())
    );
    let _ = writeln!(
        out,
        "  danger from someone: recall {}, precision {}, false alarms {}",
        pct(danger.recall()),
        pct(danger.precision()),
        pct(danger.false_alarms())
    );
    let _ = writeln!(out, "  confusion (rows: label, columns: reading)");
    let _ = writeln!(
        out,
        "  {:<8} {:>7} {:>7} {:>7} {:>7}",
        "", "higher", "lower", "danger", "none"
    );
    for label in CRISIS_LABELS {
        let _ = write!(out, "  {label:<8}");
        for got in CRISIS_LABELS {
            let _ = write!(
                out,
                " {:>7}",
                confusion.get(&(label, got)).copied().unwrap_or(0)
            );
        }
        let _ = writeln!(out);
    }
    (total, danger, by_lang)
}

/// The drafts report for one set; returns (right, all, calm read as desperate).
fn drafts_report(set: &str, examples: &[Example], out: &mut String) -> (usize, usize, usize) {
    let mut confusion: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut by_lang: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut right = 0;
    let mut calm_desperate = 0;
    for e in examples {
        let got = level_name(analyse(&e.text).level);
        let label = DRAFT_LABELS
            .iter()
            .find(|l| **l == e.label)
            .unwrap_or_else(|| panic!("unknown label {:?}", e.label));
        *confusion.entry((label, got)).or_default() += 1;
        let entry = by_lang.entry(&e.lang).or_default();
        entry.1 += 1;
        if *label == got {
            right += 1;
            entry.0 += 1;
        } else if show_misses(set) {
            let _ = writeln!(out, "  miss [{} -> {}]: {}", e.label, got, e.text);
        }
        if *label == "calm" && got == "desperate" {
            calm_desperate += 1;
        }
    }
    let _ = writeln!(out, "\nbegging level, {set} ({} drafts)", examples.len());
    for (lang, (r, n)) in &by_lang {
        let _ = writeln!(
            out,
            "  {lang:<5} {n:>6} drafts  {} right",
            pct(ratio(*r, *n))
        );
    }
    for label in DRAFT_LABELS {
        let tp = confusion.get(&(label, label)).copied().unwrap_or(0);
        let labelled: usize = DRAFT_LABELS
            .iter()
            .map(|g| confusion.get(&(label, *g)).copied().unwrap_or(0))
            .sum();
        let read: usize = DRAFT_LABELS
            .iter()
            .map(|l| confusion.get(&(*l, label)).copied().unwrap_or(0))
            .sum();
        let _ = writeln!(
            out,
            "  {label:<9} recall {}  precision {}",
            pct(ratio(tp, labelled)),
            pct(ratio(tp, read))
        );
    }
    let _ = writeln!(out, "  confusion (rows: label, columns: reading)");
    let _ = writeln!(
        out,
        "  {:<9} {:>9} {:>9} {:>9}",
        "", "calm", "pleading", "desperate"
    );
    for label in DRAFT_LABELS {
        let _ = write!(out, "  {label:<9}");
        for got in DRAFT_LABELS {
            let _ = write!(
                out,
                " {:>9}",
                confusion.get(&(label, got)).copied().unwrap_or(0)
            );
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "  all: {} right; calm drafts read as desperate: {calm_desperate}",
        pct(ratio(right, examples.len()))
    );
    (right, examples.len(), calm_desperate)
}

/// Reports one blind set (its crisis lines, and its drafts when it has
/// them), then one summary line; returns the card counts, the danger
/// counts and the drafts (right, all, calm read as desperate).
fn blind_report(
    set: &str,
    with_drafts: bool,
    note: &str,
    out: &mut String,
) -> (Counts, Counts, (usize, usize, usize)) {
    let (crisis, danger) = crisis_report(set, &load(&format!("crisis_{set}.tsv")), out);
    let drafts = if with_drafts {
        drafts_report(set, &load(&format!("drafts_{set}.tsv")), out)
    } else {
        (0, 0, 0)
    };
    let mut line = format!(
        "\n{set}{note}: crisis recall {}, false alarms {}; danger recall {}",
        pct(crisis.recall()),
        pct(crisis.false_alarms()),
        pct(danger.recall())
    );
    if with_drafts {
        let (right, all, calm_desperate) = drafts;
        line += &format!(
            "; drafts {} right, {calm_desperate} calm read as desperate",
            pct(ratio(right, all))
        );
    }
    let _ = writeln!(out, "{line}");
    (crisis, danger, drafts)
}

#[test]
fn the_detectors_meet_their_thresholds_on_the_corpora() {
    let mut out = String::new();
    let crisis_tuning = load("crisis.tsv");
    let crisis_holdout = load("crisis_holdout.tsv");
    let drafts_tuning = load("drafts.tsv");
    let drafts_holdout = load("drafts_holdout.tsv");
    assert!(crisis_tuning.len() + crisis_holdout.len() >= 400);
    assert!(drafts_tuning.len() + drafts_holdout.len() >= 250);

    let (mut crisis, _) = crisis_report("tuning", &crisis_tuning, &mut out);
    crisis.merge(crisis_report("holdout", &crisis_holdout, &mut out).0);
    let (r1, n1, cd1) = drafts_report("tuning", &drafts_tuning, &mut out);
    let (r2, n2, cd2) = drafts_report("holdout", &drafts_holdout, &mut out);
    let _ = writeln!(
        out,
        "\nwhole corpus: crisis recall {}, false alarms {}; drafts {} right, {} calm read as desperate",
        pct(crisis.recall()),
        pct(crisis.false_alarms()),
        pct(ratio(r1 + r2, n1 + n2)),
        cd1 + cd2
    );
    // Written afterwards by people who never saw the rules or the corpora
    // above. They were blind when written and when first measured; all of
    // them are development sets now (their misses may be read to
    // generalise the rules), so their figures are tuned-on, not a measure
    // of unseen writing (see the README). Reported, not held to the
    // thresholds here: the blind3 set the lead adds is the honest measure.
    // `blind_dev` and `blind_dev2` are the two halves (odd and even lines)
    // of the first blind set; `blind2_dev` is the second blind set;
    // `es_dev` is four fifths of the Spanish one.
    let mut union = (Counts::default(), Counts::default(), 0, 0, 0);
    for part in BLIND_DEV_SETS {
        let (blind, danger, (rb, nb, cdb)) = blind_report(part, true, "", &mut out);
        union.0.merge(blind);
        union.1.merge(danger);
        union.2 += rb;
        union.3 += nb;
        union.4 += cdb;
    }
    let _ = writeln!(
        out,
        "\nblind dev sets together: crisis recall {}, false alarms {}; danger recall {}; drafts {} right, {} calm read as desperate",
        pct(union.0.recall()),
        pct(union.0.false_alarms()),
        pct(union.1.recall()),
        pct(ratio(union.2, union.3)),
        union.4
    );
    // The third blind set, written by someone who saw neither
    // the rules nor any corpus, and measured once the rules were final: the
    // honest figure for writing nobody tuned for. Its misses are never
    // listed (its name ends in "holdout").
    blind_report("blind3_holdout", true, " (never read)", &mut out);
    // The Spanish blind set: a fifth of it, split off before
    // any line was read, measured once the Spanish rules were written.
    blind_report("es_holdout", true, " (never read)", &mut out);
    // The second Spanish blind set (crisis only), written by
    // another writer once the Spanish rules were final: all of it a
    // holdout.
    blind_report("es2_holdout", false, " (never read)", &mut out);
    println!("{out}");

    assert!(crisis.recall() >= 0.95, "crisis recall {}", crisis.recall());
    assert!(
        crisis.false_alarms() <= 0.08,
        "crisis false alarms {}",
        crisis.false_alarms()
    );
    assert!(
        ratio(r1 + r2, n1 + n2) >= 0.90,
        "drafts right {}",
        ratio(r1 + r2, n1 + n2)
    );
    assert_eq!(cd1 + cd2, 0, "a calm draft read as desperate");
}

const COACH_LABELS: [&str; 4] = ["blame", "contempt", "pressure", "ok"];

/// What the phrasing coach made of a line, in the corpus's labels: the
/// category of its first mark, or `ok`.
fn coach_reading(text: &str) -> &'static str {
    use engine::coach::{review, Category};
    match review(text).findings.first().map(|f| f.category) {
        Some(Category::Blame) => "blame",
        Some(Category::Contempt) => "contempt",
        Some(Category::Pressure) => "pressure",
        None => "ok",
    }
}

/// The coach report for one set; returns its flag counts and how many
/// lines got the right category.
fn coach_report(set: &str, examples: &[Example], out: &mut String) -> (Counts, usize) {
    let mut flags = Counts::default();
    let mut confusion: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut right = 0;
    for e in examples {
        let got = coach_reading(&e.text);
        let label = COACH_LABELS
            .iter()
            .find(|l| **l == e.label)
            .unwrap_or_else(|| panic!("unknown label {:?}", e.label));
        flags.add(*label != "ok", got != "ok");
        *confusion.entry((label, got)).or_default() += 1;
        if *label == got {
            right += 1;
        } else if show_misses(set) {
            let _ = writeln!(out, "  miss [{} -> {}]: {}", e.label, got, e.text);
        }
    }
    let _ = writeln!(out, "\nphrasing coach, {set} ({} lines)", examples.len());
    let _ = writeln!(
        out,
        "  flagged: recall {}  precision {}  false alarms {}",
        pct(flags.recall()),
        pct(flags.precision()),
        pct(flags.false_alarms())
    );
    let _ = writeln!(out, "  confusion (rows: label, columns: reading)");
    let _ = writeln!(
        out,
        "  {:<9} {:>9} {:>9} {:>9} {:>9}",
        "", "blame", "contempt", "pressure", "ok"
    );
    for label in COACH_LABELS {
        let _ = write!(out, "  {label:<9}");
        for got in COACH_LABELS {
            let _ = write!(
                out,
                " {:>9}",
                confusion.get(&(label, got)).copied().unwrap_or(0)
            );
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "  right category: {}",
        pct(ratio(right, examples.len()))
    );
    (flags, right)
}

#[test]
fn the_phrasing_coach_meets_its_thresholds_on_its_corpus() {
    let mut out = String::new();
    let tuning = load("coach.tsv");
    let holdout = load("coach_holdout.tsv");
    let flagged = |set: &[Example]| set.iter().filter(|e| e.label != "ok").count();
    assert!(flagged(&tuning) + flagged(&holdout) >= 150);
    assert!(tuning.len() + holdout.len() - flagged(&tuning) - flagged(&holdout) >= 150);
    let (mut flags, r1) = coach_report("tuning", &tuning, &mut out);
    let (held, r2) = coach_report("holdout", &holdout, &mut out);
    flags.merge(held);
    let _ = writeln!(
        out,
        "\nwhole coach corpus: flagged recall {}, false alarms {}; right category {}",
        pct(flags.recall()),
        pct(flags.false_alarms()),
        pct(ratio(r1 + r2, tuning.len() + holdout.len()))
    );
    println!("{out}");
    assert!(flags.recall() >= 0.90, "coach recall {}", flags.recall());
    assert!(
        flags.false_alarms() <= 0.05,
        "coach false alarms {}",
        flags.false_alarms()
    );
}

/// The heads were trained on the corpora as they are: the checksum the
/// heads file records is the checksum of the training files now.
#[test]
fn the_heads_were_trained_on_the_corpora_as_they_are() {
    use sha2::{Digest, Sha256};
    let dir = format!("{}/tests/corpus", env!("CARGO_MANIFEST_DIR"));
    let bytes = engine::text::understanding::corpus_digest_input(|name| {
        std::fs::read(format!("{dir}/{name}"))
    })
    .unwrap();
    let heads =
        engine::text::understanding::Heads::from_bytes(engine::text::understanding::HEADS_FILE)
            .unwrap();
    assert_eq!(
        heads.corpus_sha256,
        format!("{:x}", Sha256::digest(&bytes)),
        "the training corpora changed: run `cargo xtask train` and commit engine/data/heads.bin"
    );
}

/// The encoder's cost on this machine: the first check (loading it),
/// resident memory while loaded and after it is given back, and a check's
/// latency (p50, p99) on the blind lines. Printed, never asserted: these
/// machines are shared (`cargo xtask bench` measures against a baseline).
#[test]
fn the_encoder_costs_are_reported() {
    use engine::text::understanding;
    let resident = || -> f64 {
        let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
        let pages: f64 = statm
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0.0);
        pages * 4096.0 / 1e6
    };
    let before = resident();
    let started = std::time::Instant::now();
    let loaded = understanding::get().is_some();
    let load = started.elapsed();
    assert!(loaded, "the encoder loads");
    let lines: Vec<String> = blind_pairs::ENCODER_HOLDOUTS
        .iter()
        .flat_map(|set| load_lines(&format!("crisis_{set}.tsv")))
        .collect();
    let mut times: Vec<f64> = lines
        .iter()
        .map(|l| {
            let started = std::time::Instant::now();
            let _ = assess(l);
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let loaded_mb = resident();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "encoder: first load {:.1} ms; resident {:.1} MB before, {:.1} MB while loaded; \
         a crisis check p50 {:.1} ms, p99 {:.1} ms over {} lines",
        load.as_secs_f64() * 1e3,
        before,
        loaded_mb,
        at(0.5),
        at(0.99),
        times.len()
    );
}

fn load_lines(name: &str) -> Vec<String> {
    load(name).into_iter().map(|e| e.text).collect()
}
