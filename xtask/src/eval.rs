//! `cargo xtask eval`: the crisis and begging detectors and the phrasing coach measured on the
//! corpora in `engine/tests/corpus/`. The measuring lives in the engine's
//! `corpus_eval` test, so the figures printed here are the ones the test
//! suite holds to its thresholds; this only runs it with its output shown.

use system::{cargo, run_checked, workspace_root, Failure};

use crate::system;

/// The blind sets read for development (see the corpus README).
const BLIND_DEV_SETS: &str = "blind_dev,blind_dev2,blind2_dev,es_dev";

/// Prints recall, precision, false alarms and confusion tables per
/// detector and language: tuning set, holdout, and the blind sets written
/// by people who never saw the rules (development sets now, but for the
/// holdouts). `--misses` lists the tuning set's misses, `--blind-misses` those of
/// every blind dev set, `--misses-of SET` (repeatable) those of one set;
/// no holdout's misses are ever listed.
pub fn run(extra: &[String]) -> Result<(), Failure> {
    crate::model::ensure()?;
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
    let mut sets: Vec<String> = Vec::new();
    let mut args = extra.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--misses" => sets.push("tuning".into()),
            "--blind-misses" => sets.push(BLIND_DEV_SETS.into()),
            "--misses-of" => match args.next() {
                Some(set) if set.ends_with("holdout") => {
                    return Err(Failure(format!(
                        "eval: a holdout's misses are never listed ({set})"
                    )))
                }
                Some(set) => sets.push(set.clone()),
                None => return Err(Failure("eval: --misses-of needs a set name".into())),
            },
            other => return Err(Failure(format!("eval: unknown option {other}"))),
        }
    }
    if !sets.is_empty() {
        test.env("CORPUS_MISSES", sets.join(","));
    }
    run_checked(
        "measure the crisis and begging detectors and the phrasing coach",
        &mut test,
    )
}
