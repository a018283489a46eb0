//! The blind pairs written for the sentence encoder: each measured once
//! with the heads of its day, and held since at its figures.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{coach_report, crisis_report_by_language, drafts_report, load, pct, ratio, Counts};

/// The blind holdouts written for the sentence encoder (see the corpus
/// README): writers who never saw a rule, a corpus or the training
/// lines, seven languages each, never read and never trained on. Each
/// pair was measured once, with the heads of its day, and is held since
/// as a regression guard; the last pair measured the heads as they are.
pub(crate) const ENCODER_HOLDOUTS: [&str; 2] = ["blind4_holdout", "blind5_holdout"];
const SECOND_HOLDOUTS: [&str; 2] = ["blind6_holdout", "blind7_holdout"];
const THIRD_HOLDOUTS: [&str; 2] = ["blind8_holdout", "blind9_holdout"];
const FOURTH_HOLDOUTS: [&str; 2] = ["blind10_holdout", "blind11_holdout"];
const FIFTH_HOLDOUTS: [&str; 2] = ["blind12_holdout", "blind13_holdout"];
const FINAL_HOLDOUTS: [&str; 2] = ["blind14_holdout", "blind15_holdout"];
/// Every blind pair, for the figures over all of them.
const EVERY_PAIR: [[&str; 2]; 6] = [
    ENCODER_HOLDOUTS,
    SECOND_HOLDOUTS,
    THIRD_HOLDOUTS,
    FOURTH_HOLDOUTS,
    FIFTH_HOLDOUTS,
    FINAL_HOLDOUTS,
];

/// What the detectors got right on some blind sets, together.
struct BlindFigures {
    crisis: Counts,
    danger: Counts,
    by_lang: BTreeMap<String, Counts>,
    drafts_right: f64,
    calm_read_as_desperate: usize,
    coach_right: f64,
    coach: Counts,
}

/// Measures the detectors on `sets` (each with crisis, drafts and coach
/// files) and prints the figures.
fn blind_figures(sets: &[&str]) -> BlindFigures {
    let mut out = String::new();
    let mut crisis = Counts::default();
    let mut danger = Counts::default();
    let mut by_lang: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut drafts_right, mut drafts_all, mut calm_desperate) = (0, 0, 0);
    let mut coach = Counts::default();
    let mut coach_all = 0;
    for set in sets {
        let examples = load(&format!("crisis_{set}.tsv"));
        let (c, d, langs) = crisis_report_by_language(set, &examples, &mut out);
        crisis.merge(c);
        danger.merge(d);
        for (lang, counts) in langs {
            by_lang.entry(lang.to_string()).or_default().merge(counts);
        }
        let (r, n, cd) = drafts_report(set, &load(&format!("drafts_{set}.tsv")), &mut out);
        (drafts_right, drafts_all, calm_desperate) =
            (drafts_right + r, drafts_all + n, calm_desperate + cd);
        let lines = load(&format!("coach_{set}.tsv"));
        coach_all += lines.len();
        coach.merge(coach_report(set, &lines, &mut out).0);
    }
    let figures = BlindFigures {
        crisis,
        danger,
        by_lang,
        drafts_right: ratio(drafts_right, drafts_all),
        calm_read_as_desperate: calm_desperate,
        coach_right: ratio(coach.tp + coach.tn, coach_all),
        coach,
    };
    let _ = writeln!(
        out,
        "\n{} together (never read): crisis recall {}, false alarms {}; danger recall {}; \
         drafts {} right, {calm_desperate} calm read as desperate; coach {} right, false blame {}",
        sets.join(" and "),
        pct(figures.crisis.recall()),
        pct(figures.crisis.false_alarms()),
        pct(figures.danger.recall()),
        pct(figures.drafts_right),
        pct(figures.coach_right),
        pct(figures.coach.false_alarms()),
    );
    for (lang, c) in &figures.by_lang {
        let _ = writeln!(out, "  crisis recall {lang}: {}", pct(c.recall()));
    }
    println!("{out}");
    figures
}

/// The least a pair of blind sets must show. The aims of the detectors
/// (see the detectors' documentation) are held where a pair met them;
/// where it did not, a floor a little below its measure guards against a
/// step back, and so that another processor's rounding does not flip it.
struct Floors {
    crisis: f64,
    per_language: f64,
    danger: f64,
    drafts: f64,
    /// Calm drafts that may read as desperate (the aim is none).
    calm_as_desperate: usize,
    coach: f64,
}

impl Floors {
    /// The detectors' aims (see the detectors' documentation).
    const AIMS: Floors = Floors {
        crisis: 0.90,
        per_language: 0.85,
        danger: 0.85,
        drafts: 0.85,
        calm_as_desperate: 0,
        coach: 0.85,
    };
}

impl BlindFigures {
    /// Asserts the figures: crisis recall overall and in each language,
    /// false alarms, danger recall, drafts and coach. False alarms, false
    /// blame are held at their aims.
    fn hold(&self, floors: Floors) {
        assert_eq!(self.by_lang.len(), 7, "seven languages");
        let recall = self.crisis.recall();
        assert!(recall >= floors.crisis, "crisis recall {recall}");
        let alarms = self.crisis.false_alarms();
        assert!(alarms <= 0.10, "crisis false alarms {alarms}");
        for (lang, c) in &self.by_lang {
            assert!(
                c.recall() >= floors.per_language,
                "crisis recall in {lang}: {}",
                c.recall()
            );
        }
        let danger_recall = self.danger.recall();
        assert!(
            danger_recall >= floors.danger,
            "danger recall {danger_recall}"
        );
        assert!(
            self.drafts_right >= floors.drafts,
            "drafts right {}",
            self.drafts_right
        );
        assert!(
            self.calm_read_as_desperate <= floors.calm_as_desperate,
            "{} calm drafts read as desperate",
            self.calm_read_as_desperate
        );
        assert!(
            self.coach_right >= floors.coach,
            "coach right {}",
            self.coach_right
        );
        let blame = self.coach.false_alarms();
        assert!(blame <= 0.05, "coach false blame {blame}");
    }
}

#[test]
fn the_detectors_meet_their_thresholds_on_writing_nobody_tuned_for() {
    // Measured once, with the heads as they are: crisis recall 93.4% with
    // 8.0% false alarms, every language 88.5% (de) to 96.2%, danger
    // 90.2%; drafts 93.7% right, none calm read as desperate; coach 97.6%
    // right, 2.4% false blame. Every aim met, and held at the aims.
    blind_figures(&FINAL_HOLDOUTS).hold(Floors::AIMS);
}

#[test]
fn every_blind_pair_together_keeps_its_figures() {
    // The six pairs (2,184 crisis lines), with the heads as they are:
    // crisis recall 91.4% with 5.7% false alarms, every language 87.8%
    // (nl) to 93.6%, danger 89.4%; drafts 90.3% right, none calm read as
    // desperate; coach 95.4% right, 2.6% false blame. Every aim met.
    blind_figures(&EVERY_PAIR.concat()).hold(Floors::AIMS);
}

#[test]
fn the_fifth_encoder_holdouts_keep_their_figures() {
    // Measured once with the heads before (crisis 84.9% at 4.9% false
    // alarms, every language 73.1% (nl) to 92.3%, danger 82.1%; drafts
    // 84.9% right, one calm draft read as desperate; coach 94.0% right,
    // 0.8% false blame). With the heads as they are: crisis recall 84.6%
    // with 5.8% false alarms, every language 71.2% (nl) to 90.4%, danger
    // 83.9%; drafts 85.7% right, none calm read as desperate; coach 94.4%
    // right, 1.6% false blame. The hardest pair: its second writer hid
    // how bad it was behind jokes and sarcasm.
    blind_figures(&FIFTH_HOLDOUTS).hold(Floors {
        crisis: 0.83,
        per_language: 0.70,
        danger: 0.82,
        drafts: 0.85,
        calm_as_desperate: 0,
        coach: 0.85,
    });
}

#[test]
fn the_fourth_encoder_holdouts_keep_their_figures() {
    // Measured once with the heads before (crisis 87.9% at 2.7% false
    // alarms, Spanish 82.7%). With the heads as they are: crisis recall
    // 91.5% with 2.7% false alarms, every language 88.5% (de, pt) to
    // 96.2%, danger 88.4%; drafts 89.3% right, none calm read as
    // desperate; coach 92.1% right, 4.0% false blame. Every aim met.
    blind_figures(&FOURTH_HOLDOUTS).hold(Floors {
        crisis: 0.90,
        per_language: 0.85,
        danger: 0.88,
        drafts: 0.85,
        calm_as_desperate: 0,
        coach: 0.85,
    });
}

#[test]
fn the_third_encoder_holdouts_keep_their_figures() {
    // Measured once with the heads before (crisis 86.0% at 5.4% false
    // alarms, Portuguese 75.0%; drafts 79.8%; coach 82.5%). With the heads
    // as they are: crisis recall 89.3% with 5.8% false alarms, every
    // language 84.6% (pt) to 94.2%, danger 93.8%; drafts 82.5% right,
    // none calm read as desperate; coach 96.0% right, 2.4% false blame.
    blind_figures(&THIRD_HOLDOUTS).hold(Floors {
        crisis: 0.88,
        per_language: 0.80,
        danger: 0.88,
        drafts: 0.82,
        calm_as_desperate: 0,
        coach: 0.85,
    });
}

#[test]
fn the_second_encoder_holdouts_keep_their_figures() {
    // Measured once with earlier heads (crisis 89.6%, German 82.7%). With
    // the heads as they are: crisis recall 95.6% with 8.0% false alarms,
    // every language 92.3% (de, pt) to 100%, danger 93.8%; drafts 94.8%
    // right, none calm read as desperate; coach 94.4% right, 4.0% false
    // blame. Every aim held.
    blind_figures(&SECOND_HOLDOUTS).hold(Floors {
        crisis: 0.90,
        per_language: 0.85,
        danger: 0.88,
        drafts: 0.85,
        calm_as_desperate: 0,
        coach: 0.85,
    });
}

#[test]
fn the_first_encoder_holdouts_keep_their_figures() {
    // Measured once with the first heads (crisis 86.3%, danger 78.6%).
    // With the heads as they are: crisis recall 94.0% with 4.0% false
    // alarms, every language 86.5% (de) to 98.1%, danger 86.6%; drafts
    // 95.6% right, none calm read as desperate; coach 98.0% right, 1.6%
    // false blame. Every aim met.
    blind_figures(&ENCODER_HOLDOUTS).hold(Floors::AIMS);
}
