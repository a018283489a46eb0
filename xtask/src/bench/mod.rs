//! `cargo xtask bench`: Crossroads against a bare Tauri app (bench/baseline),
//! both release builds with the same profile, side by side on one Xvfb
//! session and one private D-Bus session, several runs each.
//!
//! Measured:
//! - cold start (a fresh process and a fresh WebKit cache) to the page's
//!   ready line, which it prints after drawing its first screen with real
//!   data (Crossroads: the home screen over ten years of data): the median,
//!   the fastest run, and the share of slow starts (see [`SLOW_START_MS`]);
//! - PSS summed over the app's process group (main, WebKitWebProcess,
//!   WebKitNetworkProcess) after 10 s idle with the window open;
//! - in the tray after the window was closed: PSS and wake-ups (voluntary
//!   context switches of every thread) over `--tray-seconds`, against the
//!   same app started hidden (`--hidden`: no webview, no encoder ever), the
//!   floor;
//! - from the page, through WebDriver ([`page`]): the sentence encoder's
//!   first check, checks and memory; `get_overview`, `get_statistics` and
//!   write round trips;
//! - the size of the release binaries and of the .deb.
//!
//! Writes `target/bench/report.json` (one flat object of numbers), prints
//! a table and the pass line ([`budgets`]), and fails when a budget does.
//! Not part of `cargo xtask test`: it takes about a quarter of an hour and
//! its figures depend on the machine.

mod budgets;
mod data;
mod page;
mod proc;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

use crate::bundle::{self, launch, wait_ready};
use crate::system::{self, cargo, run_checked, workspace_root, Failure};
use proc::{group_pss, group_switches};

/// The hidden xtask command that measures inside xvfb-run + dbus-run-session.
pub const SESSION_COMMAND: &str = "__bench-session";

const SINGLE_INSTANCE_NAME: &str = "org.crossroads.companion.SingleInstance";

/// A start this much slower than the same app's fastest in the run counts
/// as slow: the half-second wait (BENCHMARKS.md) adds about 500 ms, the
/// noise between fast starts on a shared machine stays under about 150.
const SLOW_START_MS: f64 = 250.0;

struct Options {
    runs: usize,
    tray_seconds: u64,
}

fn options(args: &[String]) -> Result<Options, Failure> {
    let mut options = Options {
        runs: 7,
        tray_seconds: 60,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, Failure> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| Failure(format!("bench: {name} takes a number")))
        };
        match arg.as_str() {
            "--runs" => options.runs = number("--runs")?.max(1) as usize,
            "--tray-seconds" => options.tray_seconds = number("--tray-seconds")?.max(5),
            "--quick" => {
                options.runs = 2;
                options.tray_seconds = 15;
            }
            other => {
                return Err(Failure(format!(
                    "usage: cargo xtask bench [--runs N] [--tray-seconds S] [--quick] (not {other})"
                )))
            }
        }
    }
    Ok(options)
}

fn out_dir() -> PathBuf {
    workspace_root().join("target").join("bench")
}

fn release_bin(name: &str) -> PathBuf {
    workspace_root().join("target").join("release").join(name)
}

/// `cargo xtask bench`: build, generate the data, measure in a session.
pub fn run(args: &[String]) -> Result<(), Failure> {
    crate::model::ensure()?;
    let options = options(args)?;
    system::ensure_packages(system::TEST_PACKAGES)?;
    let driver = system::ensure_tauri_driver()?;
    let deb = bundle::build_deb()?;
    run_checked(
        "build the bare Tauri baseline (release, same profile)",
        cargo().current_dir(workspace_root()).args([
            "build",
            "--release",
            "-p",
            "baseline",
            "--features",
            "tauri/custom-protocol",
        ]),
    )?;
    let data = out_dir().join("data-10y");
    data::generate_cached(&data)?;
    let me = std::env::current_exe().map_err(|e| Failure(e.to_string()))?;
    run_checked(
        "measure (xvfb-run + dbus-run-session)",
        crate::e2e::in_display_session(&me, SESSION_COMMAND)
            .arg(&driver)
            .arg(&deb)
            .arg(options.runs.to_string())
            .arg(options.tray_seconds.to_string()),
    )
}

/// The report: one flat object of numbers, rounded to hundredths.
#[derive(Default)]
struct Report(Map<String, Value>);

impl Report {
    fn put(&mut self, key: &str, value: f64) {
        self.0
            .insert(key.into(), json!((value * 100.0).round() / 100.0));
    }

    /// A figure; NaN when it was not measured.
    fn get(&self, key: &str) -> f64 {
        self.0.get(key).and_then(Value::as_f64).unwrap_or(f64::NAN)
    }

    /// p50, p99 and mean of `values` as `<key>_p50_ms`, `_p99_ms`, `_mean_ms`.
    fn put_latency(&mut self, key: &str, values: &[f64]) {
        self.put(&format!("{key}_p50_ms"), percentile(values, 50.0));
        self.put(&format!("{key}_p99_ms"), percentile(values, 99.0));
        self.put(
            &format!("{key}_mean_ms"),
            values.iter().sum::<f64>() / values.len().max(1) as f64,
        );
    }
}

/// Inside xvfb-run + dbus-run-session: every measurement, the report, the
/// pass line. Fails when a budget does (after writing the report).
pub fn inside_session(args: &[String]) -> Result<(), Failure> {
    let [driver, deb, runs, tray_seconds] = args else {
        return Err(Failure(format!(
            "usage: xtask {SESSION_COMMAND} DRIVER DEB RUNS TRAY_SECONDS"
        )));
    };
    let runs: usize = runs.parse().map_err(|_| Failure("runs".into()))?;
    let tray_seconds: u64 = tray_seconds
        .parse()
        .map_err(|_| Failure("seconds".into()))?;
    let data = out_dir().join("data-10y");
    let mut report = Report::default();
    keep_one_shader_cache();

    // A real notification server, as on a desktop: a milestone due in the
    // generated data must be shown, not retried.
    let notifications = NotificationServer::start();
    starts_phase(&mut report, runs, &data)?;
    tray_phase(&mut report, tray_seconds, &data)?;
    floor_phase(&mut report, tray_seconds, &data)?;
    page_phase(&mut report, Path::new(driver), &data)?;
    drop(notifications);
    sizes(&mut report, Path::new(deb), &data);
    report.put("runs", runs as f64);
    report.put("tray_seconds", tray_seconds as f64);

    let _ = fs::remove_dir_all(out_dir().join("homes"));
    let verdicts = budgets::judge(&report);
    report.put(
        "budgets_failed",
        verdicts.iter().filter(|v| !v.passed).count() as f64,
    );
    let path = out_dir().join("report.json");
    fs::write(&path, format!("{:#}\n", Value::Object(report.0.clone())))
        .map_err(|e| Failure(e.to_string()))?;
    print_table(&report);
    println!("\nReport: {}", path.display());
    budgets::print(&verdicts);
    let failed: Vec<&str> = verdicts
        .iter()
        .filter(|v| !v.passed)
        .map(|v| v.name)
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Failure(format!("over budget: {}", failed.join("; "))))
    }
}

/// Every app started from here shares one Mesa shader cache, as the
/// processes of one person's desktop do. Each start still gets a fresh
/// home (a cold WebKit cache), but without this the GL shaders of WebKit's
/// renderer were compiled again at every start (about 180 ms here, with
/// Xvfb's software GL), which no desktop does after its first start. The
/// warm-up runs fill it.
fn keep_one_shader_cache() {
    let cache = out_dir().join("shader-cache");
    let _ = fs::create_dir_all(&cache);
    // Set before any thread or child exists; every child inherits it.
    std::env::set_var("MESA_SHADER_CACHE_DIR", cache);
}

/// dunst, the notification server of the e2e tests, killed on drop.
struct NotificationServer(Option<Child>);

impl NotificationServer {
    fn start() -> NotificationServer {
        let child = Command::new("dunst")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok();
        let _ = wait_until(Duration::from_secs(20), || {
            crate::e2e::name_has_owner("org.freedesktop.Notifications")
        });
        NotificationServer(child)
    }
}

impl Drop for NotificationServer {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Cold starts and PSS with the window open, the two apps interleaved.
fn starts_phase(report: &mut Report, runs: usize, data: &Path) -> Result<(), Failure> {
    println!("\n==> cold start and PSS after 10 s with the window open: {runs} runs each (and one warm-up)");
    let (app_bin, base_bin) = (release_bin("crossroads"), release_bin("baseline"));
    let (mut starts, mut base_starts, mut psss, mut base_psss) = (vec![], vec![], vec![], vec![]);
    for run in 0..=runs {
        for (name, bin, home, starts, psss) in [
            (
                "baseline  ",
                &base_bin,
                fresh_home("baseline", None)?,
                &mut base_starts,
                &mut base_psss,
            ),
            (
                "crossroads",
                &app_bin,
                fresh_home("crossroads", Some(data))?,
                &mut starts,
                &mut psss,
            ),
        ] {
            let (start, pss, names) = start_and_idle(bin, &home)?;
            println!(
                "  {name} run {run}: ready in {:6.0} ms (longest wait {:4.0} ms), PSS {pss:6.1} MB  {names:?}",
                start.ms, start.longest_wait_ms
            );
            // Run 0 warms up (the X server, the shader cache).
            if run > 0 {
                starts.push(start);
                psss.push(pss);
            }
        }
    }
    put_starts(report, "", &starts);
    put_starts(report, "baseline_", &base_starts);
    let (starts, base_starts) = (start_times(&starts), start_times(&base_starts));
    report.put("start_ratio", median(&starts) / median(&base_starts));
    report.put("start_min_ratio", fastest(&starts) / fastest(&base_starts));
    report.put(
        "start_fast_ratio",
        fast_median(&starts) / fast_median(&base_starts),
    );
    let (pss, base_pss) = (median(&psss), median(&base_psss));
    report.put("pss_mb", pss);
    report.put("baseline_pss_mb", base_pss);
    report.put("pss_ratio", pss / base_pss);
    Ok(())
}

/// One app's starts: the median (what a person feels), the fastest, the
/// median of the fast ones (the app's own cost), the share of slow ones,
/// and the share that had the half-second wait.
fn put_starts(report: &mut Report, prefix: &str, starts: &[Start]) {
    let times = start_times(starts);
    let share = |n: usize| n as f64 / starts.len().max(1) as f64;
    report.put(&format!("{prefix}start_ms"), median(&times));
    report.put(&format!("{prefix}start_min_ms"), fastest(&times));
    report.put(&format!("{prefix}start_fast_ms"), fast_median(&times));
    let slow = times.len() - fast_starts(&times).len();
    report.put(&format!("{prefix}start_slow_share"), share(slow));
    let waited = starts
        .iter()
        .filter(|s| s.longest_wait_ms >= HALF_SECOND_WAIT_MS)
        .count();
    report.put(&format!("{prefix}start_waited_share"), share(waited));
}

fn start_times(starts: &[Start]) -> Vec<f64> {
    starts.iter().map(|s| s.ms).collect()
}

fn fastest(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

/// The starts within [`SLOW_START_MS`] of the fastest.
fn fast_starts(starts: &[f64]) -> Vec<f64> {
    let limit = fastest(starts) + SLOW_START_MS;
    starts.iter().copied().filter(|&ms| ms <= limit).collect()
}

fn fast_median(starts: &[f64]) -> f64 {
    median(&fast_starts(starts))
}

/// The app with its window closed as a window manager does, once it has
/// started over without WebKit: PSS and wake-ups.
fn tray_phase(report: &mut Report, tray_seconds: u64, data: &Path) -> Result<(), Failure> {
    println!("\n==> in the tray after closing the window: {tray_seconds} s");
    let home = fresh_home("tray", Some(data))?;
    let mut app = launch(&release_bin("crossroads"), &home, &[])?;
    wait_ready(&mut app, Duration::from_secs(90))?;
    sleep(Duration::from_secs(5));
    let closed = Command::new("/usr/bin/python3")
        .arg(workspace_root().join("tests/support/xclose.py"))
        .arg("Crossroads")
        .status()
        .is_ok_and(|s| s.success());
    // The webview's own process ends with the window; once the app is
    // quiet it starts over without WebKit (src-tauri/src/restart.rs), and
    // the network process ends too. Measured after that has settled.
    let webkit_gone = closed
        && wait_until(Duration::from_secs(60), || {
            group_pss(app.group())
                .1
                .iter()
                .all(|n| !n.starts_with("WebKit"))
        });
    sleep(Duration::from_secs(8));
    let (wake, wake_forced, tray_pss, names) = idle_cost(app.group(), tray_seconds);
    stop(&mut app);
    println!(
        "  closed: {closed}, WebKit processes gone: {webkit_gone}; PSS {tray_pss:.1} MB, \
         {wake:.2} voluntary + {wake_forced:.2} involuntary switches/s  {names:?}"
    );
    report.put("tray_pss_mb", tray_pss);
    report.put("tray_wakeups_per_s", wake);
    report.put("tray_involuntary_switches_per_s", wake_forced);
    report.put("tray_webview_gone", if webkit_gone { 1.0 } else { 0.0 });
    report.put("tray_processes", names.len() as f64);
    Ok(())
}

/// The floor: the same binary started hidden (as at login), never a
/// webview and never the encoder.
fn floor_phase(report: &mut Report, tray_seconds: u64, data: &Path) -> Result<(), Failure> {
    println!("\n==> the floor (started --hidden): {tray_seconds} s");
    let home = fresh_home("floor", Some(data))?;
    let mut app = launch(&release_bin("crossroads"), &home, &["--hidden"])?;
    sleep(Duration::from_secs(8));
    let (floor_wake, _, floor_pss, names) = idle_cost(app.group(), tray_seconds);
    stop(&mut app);
    println!("  PSS {floor_pss:.1} MB, {floor_wake:.2} switches/s  {names:?}");
    report.put("tray_floor_pss_mb", floor_pss);
    report.put("tray_floor_wakeups_per_s", floor_wake);
    report.put("tray_pss_ratio", report.get("tray_pss_mb") / floor_pss);
    Ok(())
}

/// Kills the app's group and waits until the bus has let its
/// single-instance name go (the next app would hand over to a dead one).
fn stop(app: &mut bundle::Launched) {
    app.kill();
    let _ = wait_until(Duration::from_secs(20), || {
        !crate::e2e::name_has_owner(SINGLE_INSTANCE_NAME)
    });
}

/// From the page, through WebDriver: the encoder, then the round trips.
fn page_phase(report: &mut Report, driver: &Path, data: &Path) -> Result<(), Failure> {
    println!(
        "\n==> from the page: the encoder's first check and 200 more, 1,000 get_overview, \
         200 get_statistics per range, 200 save_reflection, 200 log_event, \
         then the encoder given back (about 6 minutes)"
    );
    let home = fresh_home("page", Some(data))?;
    let figures = page::measure(driver, &release_bin("crossroads"), &home)?;
    let timings = &figures.timings;
    for (series, key) in [
        (&timings["overview"], "invoke"),
        (&timings["stats"]["two_weeks"], "stats_two_weeks"),
        (&timings["stats"]["three_months"], "stats_three_months"),
        (&timings["stats"]["all_time"], "stats_all_time"),
        (&timings["write"], "write"),
        (&timings["log"], "log_event"),
    ] {
        report.put_latency(key, &page::samples(series));
    }
    report.put(
        "page_timer_resolution_ms",
        timings["resolution"].as_f64().unwrap_or(f64::NAN),
    );
    put_encoder(report, &figures.encoder);
    Ok(())
}

/// The encoder's figures: resident memory as rises over the main
/// process's before the first check.
fn put_encoder(report: &mut Report, encoder: &page::EncoderFigures) {
    let before = encoder.rss_before_mb;
    println!(
        "  encoder: first check {:.0} ms; resident {before:.1} MB before, {:.1} after the \
         first check, {:.1} after {} checks, {} after {:.0} s",
        encoder.first_check_ms,
        encoder.rss_first_mb,
        encoder.rss_loaded_mb,
        encoder.checks_ms.len(),
        encoder
            .rss_given_back_mb
            .map_or("not given back".into(), |mb| format!("{mb:.1} given back")),
        encoder.give_back_s,
    );
    report.put("encoder_first_check_ms", encoder.first_check_ms);
    report.put_latency("encoder_check", &encoder.checks_ms);
    report.put("encoder_rss_before_mb", before);
    report.put("encoder_first_check_rise_mb", encoder.rss_first_mb - before);
    report.put("encoder_loaded_mb", encoder.rss_loaded_mb - before);
    report.put(
        "encoder_given_back",
        if encoder.rss_given_back_mb.is_some() {
            1.0
        } else {
            0.0
        },
    );
    report.put(
        "encoder_after_give_back_mb",
        encoder.rss_given_back_mb.map_or(f64::NAN, |mb| mb - before),
    );
    report.put("encoder_give_back_s", encoder.give_back_s);
}

/// Binary and package sizes, and the generated data's counts.
fn sizes(report: &mut Report, deb: &Path, data: &Path) {
    report.put("binary_mb", bundle::mb(&release_bin("crossroads")));
    report.put("baseline_binary_mb", bundle::mb(&release_bin("baseline")));
    report.put("deb_mb", bundle::mb(deb));
    let generated: Value = fs::read_to_string(data.join("bench-data.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    for kind in [
        "events",
        "thoughts",
        "moods",
        "activities",
        "triggers",
        "journal_entries",
    ] {
        report.put(
            &format!("data_{kind}"),
            generated[kind].as_f64().unwrap_or(0.0),
        );
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), Failure> {
    fs::create_dir_all(to).map_err(|e| Failure(e.to_string()))?;
    for entry in fs::read_dir(from).map_err(|e| Failure(e.to_string()))? {
        let entry = entry.map_err(|e| Failure(e.to_string()))?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).map_err(|e| Failure(e.to_string()))?;
        }
    }
    Ok(())
}

/// Waits until `check` holds, polling; false after `limit`.
fn wait_until(limit: Duration, mut check: impl FnMut() -> bool) -> bool {
    let started = Instant::now();
    while !check() {
        if started.elapsed() > limit {
            return false;
        }
        sleep(Duration::from_millis(100));
    }
    true
}

// ---------------------------------------------------------------- session

/// A fresh home for one run; for Crossroads, with a copy of the data.
fn fresh_home(name: &str, data: Option<&Path>) -> Result<PathBuf, Failure> {
    let home = out_dir().join("homes").join(name);
    let _ = fs::remove_dir_all(&home);
    fs::create_dir_all(&home).map_err(|e| Failure(e.to_string()))?;
    if let Some(data) = data {
        copy_dir(data, &home.join("data"))?;
        let _ = fs::remove_file(home.join("data").join("bench-data.json"));
    }
    Ok(home)
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// One cold start: to ready, and the longest single wait of the app's
/// main thread on the way (the half-second wait is one such wait).
struct Start {
    ms: f64,
    longest_wait_ms: f64,
}

/// A main-thread wait this long during a start is the half-second wait:
/// it lasts about 500 ms, other waits of a start stay under about 100 ms.
const HALF_SECOND_WAIT_MS: f64 = 300.0;

/// One cold start to ready, then 10 s idle with the window open: the
/// start and PSS.
fn start_and_idle(bin: &Path, home: &Path) -> Result<(Start, f64, Vec<String>), Failure> {
    let mut app = launch(bin, home, &[])?;
    let ready = watch_start(&mut app, Duration::from_secs(90));
    let result = ready.map(|start| {
        sleep(Duration::from_secs(10));
        let (pss, names) = group_pss(app.group());
        (start, pss, names)
    });
    stop(&mut app);
    result
}

/// Waits for the ready line, sampling every 5 ms whether the main thread
/// is blocked in a wait, and keeps the longest such wait.
fn watch_start(app: &mut bundle::Launched, limit: Duration) -> Result<Start, Failure> {
    use std::sync::mpsc::RecvTimeoutError;
    let pid = app.child.id();
    let (mut longest, mut since) = (Duration::ZERO, None::<Instant>);
    loop {
        match app.lines.recv_timeout(Duration::from_millis(5)) {
            Ok(line) if line.trim() == bundle::READY_LINE => {
                return Ok(Start {
                    ms: app.started.elapsed().as_secs_f64() * 1000.0,
                    longest_wait_ms: longest.as_secs_f64() * 1000.0,
                });
            }
            Ok(_) | Err(RecvTimeoutError::Timeout) if app.started.elapsed() < limit => {}
            _ => {
                let status = app.child.try_wait().ok().flatten();
                return Err(Failure(format!(
                    "no ready signal within {limit:?} (exit: {status:?})"
                )));
            }
        }
        let now = Instant::now();
        if proc::in_futex_wait(pid) {
            longest = longest.max(now - *since.get_or_insert(now));
        } else {
            since = None;
        }
    }
}

/// Wake-ups per second (voluntary, involuntary) and PSS after `seconds`.
fn idle_cost(pgid: u32, seconds: u64) -> (f64, f64, f64, Vec<String>) {
    let before = group_switches(pgid);
    sleep(Duration::from_secs(seconds));
    let after = group_switches(pgid);
    let (pss, names) = group_pss(pgid);
    let per_s = |a: u64, b: u64| a.saturating_sub(b) as f64 / seconds as f64;
    (
        per_s(after.0, before.0),
        per_s(after.1, before.1),
        pss,
        names,
    )
}

/// The figures as a Markdown table (as BENCHMARKS.md shows them).
fn print_table(report: &Report) {
    let n = |key: &str| report.get(key);
    let pct = |key: &str| format!("{:.0}%", 100.0 * n(key));
    println!("\n| measure | Crossroads | bare Tauri | ratio |");
    println!("|---|---:|---:|---:|");
    let row = |what: &str, app: String, base: String, ratio: String| {
        println!("| {what} | {app} | {base} | {ratio} |");
    };
    let ms = |key: &str| format!("{:.0}", n(key));
    let x = |key: &str| format!("{:.2}x", n(key));
    row(
        "cold start, median (ms)",
        ms("start_ms"),
        ms("baseline_start_ms"),
        x("start_ratio"),
    );
    row(
        "slow starts (share)",
        pct("start_slow_share"),
        pct("baseline_start_slow_share"),
        String::new(),
    );
    row(
        "starts with the half-second wait (share)",
        pct("start_waited_share"),
        pct("baseline_start_waited_share"),
        String::new(),
    );
    row(
        "cold start, median of the fast ones (ms)",
        ms("start_fast_ms"),
        ms("baseline_start_fast_ms"),
        x("start_fast_ratio"),
    );
    row(
        "cold start, fastest (ms)",
        ms("start_min_ms"),
        ms("baseline_start_min_ms"),
        x("start_min_ratio"),
    );
    row(
        "PSS, window open, 10 s idle (MB)",
        format!("{:.1}", n("pss_mb")),
        format!("{:.1}", n("baseline_pss_mb")),
        x("pss_ratio"),
    );
    row(
        "PSS in the tray (MB; floor: started hidden)",
        format!("{:.1}", n("tray_pss_mb")),
        format!("floor {:.1}", n("tray_floor_pss_mb")),
        x("tray_pss_ratio"),
    );
    row(
        "wake-ups in the tray (per s)",
        format!("{:.2}", n("tray_wakeups_per_s")),
        format!("floor {:.2}", n("tray_floor_wakeups_per_s")),
        String::new(),
    );
    let p50_p99 = |key: &str| {
        format!(
            "{:.0} / {:.0}",
            n(&format!("{key}_p50_ms")),
            n(&format!("{key}_p99_ms"))
        )
    };
    for (key, what) in [
        ("invoke", "`get_overview` p50 / p99 (ms)"),
        (
            "stats_two_weeks",
            "`get_statistics` two weeks p50 / p99 (ms)",
        ),
        (
            "stats_three_months",
            "`get_statistics` three months p50 / p99 (ms)",
        ),
        ("stats_all_time", "`get_statistics` all time p50 / p99 (ms)"),
        ("write", "flushed write (`save_reflection`) p50 / p99 (ms)"),
        ("log_event", "`log_event` p50 / p99 (ms)"),
        (
            "encoder_check",
            "encoder: a check (`check_text`) p50 / p99 (ms)",
        ),
    ] {
        row(what, p50_p99(key), String::new(), String::new());
    }
    row(
        "encoder: the first check, loading it (ms)",
        ms("encoder_first_check_ms"),
        String::new(),
        String::new(),
    );
    row(
        "encoder: resident while loaded / after given back (MB over before)",
        format!(
            "{:.1} / {:.1}",
            n("encoder_loaded_mb"),
            n("encoder_after_give_back_mb")
        ),
        String::new(),
        String::new(),
    );
    row(
        "release binary / .deb (MB)",
        format!("{:.2} / {:.2}", n("binary_mb"), n("deb_mb")),
        format!("{:.2}", n("baseline_binary_mb")),
        String::new(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(ms: f64, longest_wait_ms: f64) -> Start {
        Start {
            ms,
            longest_wait_ms,
        }
    }

    #[test]
    fn starts_give_the_median_the_fast_ones_and_the_slow_share() {
        let starts = [
            start(330.0, 5.0),
            start(850.0, 495.0),
            start(345.0, 0.0),
            start(363.0, 10.0),
            start(700.0, 40.0),
        ];
        let mut report = Report::default();
        put_starts(&mut report, "", &starts);
        assert_eq!(report.get("start_ms"), 363.0);
        assert_eq!(report.get("start_min_ms"), 330.0);
        assert_eq!(report.get("start_fast_ms"), 345.0);
        // 700 and 850 are slow; only 850 had the half-second wait.
        assert_eq!(report.get("start_slow_share"), 0.4);
        assert_eq!(report.get("start_waited_share"), 0.2);
    }

    #[test]
    fn latencies_are_reported_as_p50_p99_and_mean() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        let mut report = Report::default();
        report.put_latency("invoke", &values);
        assert_eq!(report.get("invoke_p50_ms"), 50.0);
        assert_eq!(report.get("invoke_p99_ms"), 99.0);
        assert_eq!(report.get("invoke_mean_ms"), 50.5);
        assert!(report.get("not_measured").is_nan());
    }
}
