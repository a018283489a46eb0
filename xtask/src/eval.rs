//! `cargo xtask eval`: the crisis and begging detectors and the phrasing coach measured on the
//! corpora in `engine/tests/corpus/`. The measuring lives in the engine's
//! `corpus_eval` test, so the figures printed here are the ones the test
//! suite holds to its thresholds; this only runs it with its output shown.

use system::{cargo, run_checked, workspace_root, Failure};

use crate::system;

/// Prints recall, precision, false alarms and confusion tables per
/// detector and language: tuning set, holdout, and the blind set written by
/// someone who never saw the rules (dev and holdout halves). `--misses`
/// lists the tuning set's misses, `--blind-misses` the blind dev half's;
/// no holdout's misses are ever listed.
pub fn run(extra: &[String]) -> Result<(), Failure> {
    let mut test = cargo();
    test.current_dir(workspace_root()).args([
        "test",
        "--quiet",
        "-p",
        "engine",
        "--test",
        "corpus_eval",
        "--",
        "--nocapture",
    ]);
    for arg in extra {
        match arg.as_str() {
            "--misses" => {
                test.env("CORPUS_MISSES", "tuning");
            }
            "--blind-misses" => {
                test.env("CORPUS_MISSES", "blind_dev");
            }
            other => return Err(Failure(format!("eval: unknown option {other}"))),
        }
    }
    run_checked(
        "measure the crisis and begging detectors and the phrasing coach",
        &mut test,
    )
}
