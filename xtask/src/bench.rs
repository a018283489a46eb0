//! `cargo xtask bench`: Crossroads against a bare Tauri app (bench/baseline),
//! both release builds with the same profile, side by side on one Xvfb
//! session and one private D-Bus session, several runs each.
//!
//! Measured:
//! - cold start (a fresh process and a fresh WebKit cache) to the page's
//!   ready line, which it prints after drawing its first screen with real
//!   data (Crossroads: the home screen over ten years of data);
//! - PSS summed over the app's process group (main, WebKitWebProcess,
//!   WebKitNetworkProcess) after 10 s idle with the window open;
//! - in the tray after the window was closed: PSS and wake-ups (voluntary
//!   context switches of every thread) over `--tray-seconds`, against the
//!   same app started hidden (`--hidden`: no webview ever), the
//!   webview-free floor;
//! - from the page, through WebDriver: 1,000 `get_overview` round trips,
//!   200 `get_statistics` round trips for each range (two weeks, three
//!   months, all time), 200 acknowledged (flushed) `save_reflection`
//!   writes and 200 `log_event` writes;
//! - the size of the release binaries and of the .deb.
//!
//! Writes `target/bench/report.json` (one flat object of numbers) and prints
//! a table. Not part of `cargo xtask test`: it takes minutes and depends on
//! the machine.

use std::fs;
use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Days, NaiveTime, Utc};
use engine::life::journal::{self, Prompt};
use engine::life::{ActivityInput, ActivityKind, TriggerInput, TriggerKind};
use engine::program::StepId;
use engine::{Crossroads, EventKind, ProfileInput};
use serde_json::{json, Map, Value};

use crate::bundle::{self, group_members, launch, wait_ready};
use crate::system::{self, cargo, run_checked, workspace_root, Failure};

/// The hidden xtask command that measures inside xvfb-run + dbus-run-session.
pub const SESSION_COMMAND: &str = "__bench-session";

/// Bump when the generated data changes, so the cached copy is remade.
const DATA_VERSION: u32 = 2;

/// Years of generated history.
const YEARS: i64 = 10;

const SINGLE_INSTANCE_NAME: &str = "org.crossroads.companion.SingleInstance";

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
    generate_cached(&data)?;
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

// ---------------------------------------------------------------- data

/// Generates ten years of data through the engine facade, once; kept in
/// `dir` with a marker and reused while [`DATA_VERSION`] is the same.
fn generate_cached(dir: &Path) -> Result<(), Failure> {
    let marker = dir.join("bench-data.json");
    if let Ok(text) = fs::read_to_string(&marker) {
        if serde_json::from_str::<Value>(&text).is_ok_and(|v| v["version"] == json!(DATA_VERSION)) {
            println!("==> ten years of data: reusing {}", dir.display());
            return Ok(());
        }
    }
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).map_err(|e| Failure(format!("create {}: {e}", dir.display())))?;
    println!(
        "\n==> generate {YEARS} years of data through the engine facade into {}",
        dir.display()
    );
    let started = Instant::now();
    let counts = generate(dir, Utc::now())?;
    let mut summary = counts.clone();
    summary.insert("version".into(), json!(DATA_VERSION));
    fs::write(&marker, format!("{:#}\n", Value::Object(summary)))
        .map_err(|e| Failure(e.to_string()))?;
    println!(
        "generated {} in {:.0} s",
        Value::Object(counts),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A small deterministic generator (no randomness crate needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn bad(what: &str) -> impl Fn(engine::Error) -> Failure + '_ {
    move |e| Failure(format!("generate data: {what}: {e}"))
}

/// One thing done on a generated day, through the facade.
enum Act {
    Event(EventKind, Option<&'static str>),
    Thought,
    Mood(i64, Option<&'static str>),
    Activity(ActivityKind, Option<&'static str>),
    Trigger(usize),
    Journal(String, Option<Prompt>),
}

/// The trigger plans: the day each is made, and the plan (a handful; two
/// with a daily reminder).
const TRIGGERS: [(i64, TriggerKind, &str, &str, Option<&str>); 5] = [
    (
        3,
        TriggerKind::TimeOfDay,
        "Waking up and reaching for my phone",
        "The phone charges in the kitchen. Tea first, then a walk round the block.",
        Some("07:30"),
    ),
    (
        6,
        TriggerKind::Place,
        "Walking past our café on the corner",
        "Take the other street. Call Mia if it still hurts.",
        None,
    ),
    (
        12,
        TriggerKind::Situation,
        "Sunday evenings alone",
        "Plan something for Sunday evening before Friday.",
        None,
    ),
    (
        40,
        TriggerKind::Situation,
        "Our song coming on",
        "Skip it, and write one line in the journal.",
        None,
    ),
    (
        200,
        TriggerKind::TimeOfDay,
        "Half past ten, when they used to text",
        "Read instead; the phone stays in the hall.",
        Some("22:30"),
    ),
];

const ACTIVITY_NOTES: [&str; 4] = [
    "Dinner with Mia and Jo.",
    "5 km along the river.",
    "Two hours at the pottery wheel.",
    "Sorted the flat, finally.",
];

const MOOD_NOTES: [&str; 3] = [
    "Tired, but I got through it.",
    "A good day. I laughed a lot.",
    "Rough evening; I wanted to text them and didn't.",
];

const JOURNAL_LINES: [&str; 6] = [
    "Today was quieter than last week. I noticed I checked my phone less, \
     and when I did, it was out of habit more than hope.",
    "I keep coming back to the argument about weekends. I can see my part \
     now: I said yes to work every time and expected them to understand.",
    "Went to the pottery class again. My hands were covered in clay and for \
     two hours I did not think about any of it.",
    "Mia asked how I am and I answered honestly for the first time. It felt \
     strange to say it out loud, and better afterwards.",
    "Some days the missing comes in waves. I wrote the urge down instead of \
     acting on it, and it passed, the way it always does.",
    "What I want next time, with them or with someone else: to say what \
     bothers me the same day, kindly, instead of going quiet.",
];

/// What [`generate_into`] made.
#[derive(Default)]
struct Made {
    events: u64,
    slips: u64,
    drafts: u64,
    thoughts: u64,
    moods: u64,
    activities: u64,
    triggers: u64,
    journal: u64,
}

/// Generates [`YEARS`] of data into the data folder `dir` (see [`generate_into`]).
fn generate(dir: &Path, now: DateTime<Utc>) -> Result<Map<String, Value>, Failure> {
    let engine = Crossroads::open(dir).map_err(bad("open"))?;
    generate_into(&engine, now, YEARS)
}

/// `years` of one person's use, ending at `now` (zone UTC), every entry
/// through the facade with its instant pinned, in an order the program's
/// gates allow: the profile, the dealbreaker check, step 1 (answers, growth
/// steps, decision), step 2 (a draft a month, the pledge), no contact
/// started, and from then on, day by day in time order: about one
/// no-contact event a day (urges resisted, looking slips, their contact, a
/// contact slip every few weeks, some with notes) and step 4 (thoughts
/// counted most days, many at first and fewer later; a mood most days,
/// rising slowly; a few activities a week of each kind; a handful of
/// trigger plans; a journal entry now and then).
fn generate_into(
    engine: &Crossroads,
    now: DateTime<Utc>,
    years: i64,
) -> Result<Map<String, Value>, Failure> {
    let tz = chrono_tz::UTC;
    // Days start at UTC midnight, so a day's entries share a local date.
    let origin = (now - Days::days(365 * years + years / 4))
        .date_naive()
        .and_time(NaiveTime::MIN)
        .and_utc();
    let t0 = origin + Days::hours(19);
    let profile = ProfileInput {
        ex_name: "Sam".into(),
        pronouns: "they".into(),
        breakup_date: (t0 - Days::days(3)).format("%Y-%m-%d").to_string(),
        ended_by: "them".into(),
    };
    engine
        .save_profile(&profile, t0, tz)
        .map_err(bad("profile"))?;
    let no = || "no".into();
    engine
        .answer_dealbreakers(
            &engine::dealbreakers::AnswersInput {
                cheated: no(),
                lied: no(),
                put_down: no(),
                abusive: no(),
            },
            t0,
        )
        .map_err(bad("dealbreakers"))?;
    use engine::reflect::{Decision, Prompt as Reflect};
    for (prompt, text) in [
        (
            Reflect::Reason,
            "We stopped making time for each other and argued about it instead of talking.",
        ),
        (
            Reflect::Weight,
            "Small against eight good years, but it kept coming back.",
        ),
        (Reflect::UnmetNeed, "Feeling that I came first sometimes."),
        (
            Reflect::RepeatedArguments,
            "Work, weekends, and who cancels plans.",
        ),
        (
            Reflect::TraitGivenUp,
            "That I go quiet instead of saying what bothers me.",
        ),
    ] {
        engine
            .save_reflection(prompt, text, t0)
            .map_err(bad("reflection"))?;
    }
    for step in [
        "Say what bothers me the same day",
        "One evening a week without work",
        "Talk to a counsellor about going quiet",
    ] {
        engine
            .add_growth_step(step, t0, tz)
            .map_err(bad("growth step"))?;
    }
    engine
        .decide(Decision::Try, t0, tz)
        .map_err(bad("decide"))?;
    engine
        .pledge("I will not beg. I will wait and grow.", t0 + Days::days(1))
        .map_err(bad("pledge"))?;
    // Step 4 opens with no contact.
    engine
        .start_no_contact(None, t0 + Days::days(2), tz)
        .map_err(bad("start no contact"))?;

    let mut rng = Lcg(0x5eed_c0ff_ee15_600d);
    let mut made = Made::default();
    let days = (now - origin).num_days();
    let started = Instant::now();
    for day in 3..days {
        let base = origin + Days::days(day);
        // A minute of the day between hours `from` and `to`.
        let at = |rng: &mut Lcg, from: u64, to: u64| {
            base + Days::minutes((from * 60 + rng.next() % ((to - from) * 60)) as i64)
        };
        let mut todays: Vec<(DateTime<Utc>, Act)> = Vec::new();
        if rng.chance(80) {
            let note = rng.chance(20).then_some("Went for a walk instead.");
            todays.push((
                at(&mut rng, 0, 24),
                Act::Event(EventKind::UrgeResisted, note),
            ));
        }
        if rng.chance(15) {
            todays.push((
                at(&mut rng, 0, 24),
                Act::Event(EventKind::CheckedSocial, None),
            ));
        }
        if rng.chance(3) {
            todays.push((
                at(&mut rng, 0, 24),
                Act::Event(EventKind::TheyContacted, None),
            ));
        }
        if rng.chance(4) {
            let act = Act::Event(EventKind::Texted, Some("A weak moment."));
            todays.push((at(&mut rng, 0, 24), act));
            made.slips += 1;
        }
        // Thoughts most days: up to a dozen a day at first, one a day
        // after a few years.
        if rng.chance(85) {
            let most = 1 + 12 * 120 / (day as u64 + 120);
            for _ in 0..1 + rng.next() % most {
                todays.push((at(&mut rng, 7, 24), Act::Thought));
            }
        }
        // A mood most days, rising slowly from about 2 to about 4.
        if rng.chance(80) {
            let trend = 2 + 3 * day / days;
            let score = (trend + (rng.next() % 3) as i64 - 1).clamp(1, 5);
            let note = rng
                .chance(15)
                .then(|| MOOD_NOTES[(rng.next() % 3) as usize]);
            todays.push((at(&mut rng, 20, 23), Act::Mood(score, note)));
        }
        // A few activities a week of each kind.
        for (i, kind) in ActivityKind::ALL.into_iter().enumerate() {
            if rng.chance(35) {
                let note = rng.chance(25).then_some(ACTIVITY_NOTES[i]);
                todays.push((at(&mut rng, 8, 20), Act::Activity(kind, note)));
            }
        }
        for (i, trigger) in TRIGGERS.iter().enumerate() {
            if trigger.0 == day {
                todays.push((at(&mut rng, 8, 20), Act::Trigger(i)));
            }
        }
        // A journal entry now and then, some answering the day's prompt.
        if rng.chance(8) {
            let lines = 1 + rng.next() % 3;
            let text: Vec<&str> = (0..lines)
                .map(|_| JOURNAL_LINES[(rng.next() % 6) as usize])
                .collect();
            let prompt = rng
                .chance(50)
                .then(|| journal::prompt_of_the_day(StepId::LiveYourLife, base.date_naive()));
            todays.push((
                at(&mut rng, 22, 23),
                Act::Journal(text.join("\n\n"), prompt),
            ));
        }
        todays.sort_by_key(|(at, _)| *at);
        for (when, act) in todays {
            match act {
                Act::Event(kind, note) => {
                    engine
                        .log_event(kind, note, when, tz)
                        .map_err(bad("event"))?;
                    made.events += 1;
                }
                Act::Thought => {
                    engine.count_thought(when, tz).map_err(bad("thought"))?;
                    made.thoughts += 1;
                }
                Act::Mood(score, note) => {
                    engine
                        .save_mood(score, note, false, when, tz)
                        .map_err(bad("mood"))?;
                    made.moods += 1;
                }
                Act::Activity(kind, note) => {
                    let input = ActivityInput {
                        kind,
                        when: None,
                        note: note.map(Into::into),
                    };
                    engine
                        .log_activity(&input, when, tz)
                        .map_err(bad("activity"))?;
                    made.activities += 1;
                }
                Act::Trigger(i) => {
                    let (_, kind, moment, plan, reminder) = TRIGGERS[i];
                    let input = TriggerInput {
                        kind,
                        moment: moment.into(),
                        plan: plan.into(),
                        reminder: reminder.map(Into::into),
                    };
                    engine
                        .save_trigger(None, &input, when, tz)
                        .map_err(bad("trigger"))?;
                    made.triggers += 1;
                }
                Act::Journal(text, prompt) => {
                    engine
                        .save_journal_entry(None, &text, prompt, when)
                        .map_err(bad("journal"))?;
                    made.journal += 1;
                }
            }
        }
        if day % 30 == 0 {
            let text =
                "I miss you. I have been thinking about what went wrong, and I am working on it.";
            engine
                .save_draft(None, text, false, base + Days::hours(21))
                .map_err(bad("draft"))?;
            made.drafts += 1;
        }
        if day % 365 == 0 {
            println!(
                "  year {} of {years}: {} events, {} thoughts, {} moods, {} activities ({:.0} s)",
                day / 365,
                made.events,
                made.thoughts,
                made.moods,
                made.activities,
                started.elapsed().as_secs_f64()
            );
        }
    }
    let mut counts = Map::new();
    counts.insert("years".into(), json!(years));
    counts.insert("events".into(), json!(made.events));
    counts.insert("contact_slips".into(), json!(made.slips));
    counts.insert("drafts".into(), json!(made.drafts));
    counts.insert("growth_steps".into(), json!(3));
    counts.insert("reflection_answers".into(), json!(5));
    counts.insert("thoughts".into(), json!(made.thoughts));
    counts.insert("moods".into(), json!(made.moods));
    counts.insert("activities".into(), json!(made.activities));
    counts.insert("triggers".into(), json!(made.triggers));
    counts.insert("journal_entries".into(), json!(made.journal));
    Ok(counts)
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

// ---------------------------------------------------------------- /proc

/// PSS of one process in MB, from smaps_rollup.
fn pss_mb(pid: u32) -> f64 {
    fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn comm(pid: u32) -> String {
    fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}

/// PSS summed over the group, and the processes in it.
fn group_pss(pgid: u32) -> (f64, Vec<String>) {
    let members = group_members(pgid);
    let total = members.iter().map(|&pid| pss_mb(pid)).sum();
    (total, members.iter().map(|&pid| comm(pid)).collect())
}

/// Voluntary and involuntary context switches summed over every thread of
/// every process in the group.
fn group_switches(pgid: u32) -> (u64, u64) {
    let mut sums = (0, 0);
    for pid in group_members(pgid) {
        let Ok(tasks) = fs::read_dir(format!("/proc/{pid}/task")) else {
            continue;
        };
        for task in tasks.filter_map(Result::ok) {
            let Ok(status) = fs::read_to_string(task.path().join("status")) else {
                continue;
            };
            for line in status.lines() {
                let value = |l: &str| l.split_whitespace().nth(1)?.parse::<u64>().ok();
                if line.starts_with("voluntary_ctxt_switches") {
                    sums.0 += value(line).unwrap_or(0);
                } else if line.starts_with("nonvoluntary_ctxt_switches") {
                    sums.1 += value(line).unwrap_or(0);
                }
            }
        }
    }
    sums
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

/// One cold start to ready, then 10 s idle with the window open.
fn start_and_idle(bin: &Path, home: &Path) -> Result<(f64, f64, Vec<String>), Failure> {
    let mut app = launch(bin, home, &[])?;
    let ready = wait_ready(&mut app, Duration::from_secs(90));
    let result = ready.map(|ms| {
        sleep(Duration::from_secs(10));
        let (pss, names) = group_pss(app.group());
        (ms, pss, names)
    });
    app.kill();
    let _ = wait_until(Duration::from_secs(20), || {
        !crate::e2e::name_has_owner(SINGLE_INSTANCE_NAME)
    });
    result
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

/// Inside xvfb-run + dbus-run-session: every measurement, the report.
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
    let out = out_dir();
    let data = out.join("data-10y");
    let app_bin = release_bin("crossroads");
    let base_bin = release_bin("baseline");

    // A real notification server, as on a desktop (a milestone due in the
    // generated data must not fail and be retried).
    let mut dunst = Command::new("dunst")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok();
    let _ = wait_until(Duration::from_secs(20), || {
        crate::e2e::name_has_owner("org.freedesktop.Notifications")
    });

    let mut report = Map::new();
    let put = |report: &mut Map<String, Value>, key: &str, value: f64| {
        report.insert(key.into(), json!((value * 100.0).round() / 100.0));
    };

    // Cold starts and PSS with the window open, interleaved.
    println!("\n==> cold start and PSS after 10 s with the window open: {runs} runs each (and one warm-up)");
    let (mut starts, mut base_starts, mut psss, mut base_psss) = (vec![], vec![], vec![], vec![]);
    for run in 0..=runs {
        let home = fresh_home("baseline", None)?;
        let (ms, pss, names) = start_and_idle(&base_bin, &home)?;
        if run > 0 {
            base_starts.push(ms);
            base_psss.push(pss);
        }
        println!("  baseline   run {run}: ready in {ms:6.0} ms, PSS {pss:6.1} MB  {names:?}");
        let home = fresh_home("crossroads", Some(&data))?;
        let (ms, pss, names) = start_and_idle(&app_bin, &home)?;
        if run > 0 {
            starts.push(ms);
            psss.push(pss);
        }
        println!("  crossroads run {run}: ready in {ms:6.0} ms, PSS {pss:6.1} MB  {names:?}");
    }
    let (start, base_start) = (median(&starts), median(&base_starts));
    let (pss, base_pss) = (median(&psss), median(&base_psss));
    put(&mut report, "start_ms", start);
    put(&mut report, "baseline_start_ms", base_start);
    put(&mut report, "start_ratio", start / base_start);
    // About one start in four, for either app, waits half a second more
    // between making the window and the page's first request (inside
    // WebKit; not the sandbox). The fastest run of each shows the apps'
    // own cost when that wait lands unevenly on the median.
    let fastest = |values: &[f64]| values.iter().copied().fold(f64::INFINITY, f64::min);
    let (start_min, base_start_min) = (fastest(&starts), fastest(&base_starts));
    put(&mut report, "start_min_ms", start_min);
    put(&mut report, "baseline_start_min_ms", base_start_min);
    put(&mut report, "start_min_ratio", start_min / base_start_min);
    put(&mut report, "pss_mb", pss);
    put(&mut report, "baseline_pss_mb", base_pss);
    put(&mut report, "pss_ratio", pss / base_pss);

    // In the tray after the window was closed.
    println!("\n==> in the tray after closing the window: {tray_seconds} s");
    let home = fresh_home("tray", Some(&data))?;
    let mut app = launch(&app_bin, &home, &[])?;
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
    app.kill();
    let _ = wait_until(Duration::from_secs(20), || {
        !crate::e2e::name_has_owner(SINGLE_INSTANCE_NAME)
    });
    println!(
        "  closed: {closed}, WebKit processes gone: {webkit_gone}; PSS {tray_pss:.1} MB, \
         {wake:.2} voluntary + {wake_forced:.2} involuntary switches/s  {names:?}"
    );
    put(&mut report, "tray_pss_mb", tray_pss);
    put(&mut report, "tray_wakeups_per_s", wake);
    put(&mut report, "tray_involuntary_switches_per_s", wake_forced);
    put(
        &mut report,
        "tray_webview_gone",
        if webkit_gone { 1.0 } else { 0.0 },
    );
    put(&mut report, "tray_processes", names.len() as f64);

    // The floor: the same binary started hidden, never a webview.
    println!("\n==> webview-free floor (started --hidden): {tray_seconds} s");
    let home = fresh_home("floor", Some(&data))?;
    let mut app = launch(&app_bin, &home, &["--hidden"])?;
    sleep(Duration::from_secs(8));
    let (floor_wake, _, floor_pss, names) = idle_cost(app.group(), tray_seconds);
    app.kill();
    let _ = wait_until(Duration::from_secs(20), || {
        !crate::e2e::name_has_owner(SINGLE_INSTANCE_NAME)
    });
    println!("  PSS {floor_pss:.1} MB, {floor_wake:.2} switches/s  {names:?}");
    put(&mut report, "tray_floor_pss_mb", floor_pss);
    put(&mut report, "tray_floor_wakeups_per_s", floor_wake);
    put(&mut report, "tray_pss_ratio", tray_pss / floor_pss);

    // Round trips from the page, through WebDriver.
    println!(
        "\n==> from the page: 1,000 get_overview, 200 get_statistics per range, \
         200 save_reflection, 200 log_event"
    );
    let home = fresh_home("invoke", Some(&data))?;
    let timings = page_timings(Path::new(driver), &app_bin, &home)?;
    for (series, key) in [
        (&timings["overview"], "invoke"),
        (&timings["stats"]["two_weeks"], "stats_two_weeks"),
        (&timings["stats"]["three_months"], "stats_three_months"),
        (&timings["stats"]["all_time"], "stats_all_time"),
        (&timings["write"], "write"),
        (&timings["log"], "log_event"),
    ] {
        let values: Vec<f64> = series
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        put(
            &mut report,
            &format!("{key}_p50_ms"),
            percentile(&values, 50.0),
        );
        put(
            &mut report,
            &format!("{key}_p99_ms"),
            percentile(&values, 99.0),
        );
        put(
            &mut report,
            &format!("{key}_mean_ms"),
            values.iter().sum::<f64>() / values.len().max(1) as f64,
        );
    }
    put(
        &mut report,
        "page_timer_resolution_ms",
        timings["resolution"].as_f64().unwrap_or(f64::NAN),
    );

    // Sizes.
    put(&mut report, "binary_mb", bundle::mb(&app_bin));
    put(&mut report, "baseline_binary_mb", bundle::mb(&base_bin));
    put(&mut report, "deb_mb", bundle::mb(Path::new(deb)));
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
        put(
            &mut report,
            &format!("data_{kind}"),
            generated[kind].as_f64().unwrap_or(0.0),
        );
    }
    put(&mut report, "runs", runs as f64);
    put(&mut report, "tray_seconds", tray_seconds as f64);

    if let Some(dunst) = dunst.as_mut() {
        let _ = dunst.kill();
        let _ = dunst.wait();
    }
    let _ = fs::remove_dir_all(out.join("homes"));
    let report = Value::Object(report);
    fs::write(out.join("report.json"), format!("{report:#}\n"))
        .map_err(|e| Failure(e.to_string()))?;
    print_table(&report);
    println!("\nReport: {}", out.join("report.json").display());
    Ok(())
}

fn print_table(report: &Value) {
    let n = |key: &str| report[key].as_f64().unwrap_or(f64::NAN);
    println!("\n| measure | Crossroads | bare Tauri | ratio | target |");
    println!("|---|---:|---:|---:|---|");
    println!(
        "| cold start to ready (ms, median) | {:.0} | {:.0} | {:.2}x | ≤ 1.10x |",
        n("start_ms"),
        n("baseline_start_ms"),
        n("start_ratio")
    );
    println!(
        "| cold start to ready (ms, fastest run) | {:.0} | {:.0} | {:.2}x | |",
        n("start_min_ms"),
        n("baseline_start_min_ms"),
        n("start_min_ratio")
    );
    println!(
        "| PSS, window open, 10 s idle (MB) | {:.1} | {:.1} | {:.2}x | ≤ 1.10x |",
        n("pss_mb"),
        n("baseline_pss_mb"),
        n("pss_ratio")
    );
    println!(
        "| PSS in the tray after closing (MB) | {:.1} | floor {:.1} | {:.2}x | ≤ 1.10x of floor |",
        n("tray_pss_mb"),
        n("tray_floor_pss_mb"),
        n("tray_pss_ratio")
    );
    println!(
        "| wake-ups in the tray (per s) | {:.2} | floor {:.2} | | ≤ 1 |",
        n("tray_wakeups_per_s"),
        n("tray_floor_wakeups_per_s")
    );
    println!(
        "| get_overview round trip p50 / p99 (ms) | {:.2} / {:.2} | | | ≤ 1 / ≤ 5 |",
        n("invoke_p50_ms"),
        n("invoke_p99_ms")
    );
    for (range, words) in [
        ("two_weeks", "two weeks"),
        ("three_months", "three months"),
        ("all_time", "all time"),
    ] {
        println!(
            "| get_statistics {words} p50 / p99 / mean (ms) | {:.2} / {:.2} / {:.2} | | | |",
            n(&format!("stats_{range}_p50_ms")),
            n(&format!("stats_{range}_p99_ms")),
            n(&format!("stats_{range}_mean_ms"))
        );
    }
    println!(
        "| flushed write (save_reflection) p50 / p99 (ms) | {:.2} / {:.2} | | | p99 ≤ 10 |",
        n("write_p50_ms"),
        n("write_p99_ms")
    );
    println!(
        "| log_event p50 / p99 (ms) | {:.2} / {:.2} | | | |",
        n("log_event_p50_ms"),
        n("log_event_p99_ms")
    );
    println!(
        "| release binary (MB) | {:.2} | {:.2} | | |",
        n("binary_mb"),
        n("baseline_binary_mb")
    );
    println!(
        "| .deb (MB) | {:.2} | | | ≤ 40 (the encoder's weights are 24.5 MB) |",
        n("deb_mb")
    );
}

// ---------------------------------------------------------------- WebDriver

fn free_port() -> Result<u16, Failure> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| Failure(format!("no free port: {e}")))
}

/// One WebDriver request (HTTP/1.1, one connection each); the JSON `value`.
fn webdriver(port: u16, method: &str, path: &str, body: &Value) -> Result<Value, Failure> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))
        .map_err(|e| Failure(format!("WebDriver connect: {e}")))?;
    let body = body.to_string();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(|e| Failure(format!("WebDriver write: {e}")))?;
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .map_err(|e| Failure(format!("WebDriver read: {e}")))?;
    let text = String::from_utf8_lossy(&raw);
    let (head, mut payload) = text
        .split_once("\r\n\r\n")
        .map(|(h, b)| (h.to_owned(), b.to_owned()))
        .ok_or_else(|| Failure("WebDriver: no response".into()))?;
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        payload = unchunk(&payload);
    }
    let value: Value = serde_json::from_str(&payload)
        .map_err(|e| Failure(format!("WebDriver: {e}: {payload}")))?;
    if value["value"]["error"].is_string() {
        return Err(Failure(format!("WebDriver {path}: {}", value["value"])));
    }
    Ok(value["value"].clone())
}

fn unchunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || after.len() < size {
            break;
        }
        out.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    out
}

const PAGE_SCRIPT: &str = r#"
window.__bench = null;
(async () => {
  const invoke = window.__TAURI__.core.invoke;
  const time = async (n, call) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await call(i);
      out.push(performance.now() - t);
    }
    return out;
  };
  let resolution = Infinity;
  let last = performance.now();
  for (let i = 0; i < 200000 && resolution === Infinity; i++) {
    const t = performance.now();
    if (t > last) { resolution = t - last; }
  }
  try {
    for (let i = 0; i < 20; i++) await invoke("get_overview");
    const overview = await time(1000, () => invoke("get_overview"));
    const stats = {};
    for (const range of ["two_weeks", "three_months", "all_time"]) {
      for (let i = 0; i < 10; i++) await invoke("get_statistics", { range });
      stats[range] = await time(200, () => invoke("get_statistics", { range }));
    }
    const write = await time(200, (i) => invoke("save_reflection", { prompt: "weight", value: "Measured " + i }));
    const log = await time(200, () => invoke("log_event", { kind: "urge_resisted", note: null }));
    window.__bench = { overview, stats, write, log, resolution };
  } catch (e) {
    window.__bench = { error: String((e && e.message) || JSON.stringify(e)) };
  }
})();
return true;
"#;

/// Starts the app behind tauri-driver on `home`, waits for the home
/// screen, runs [`PAGE_SCRIPT`] and returns its timings.
fn page_timings(driver: &Path, bin: &Path, home: &Path) -> Result<Value, Failure> {
    let port = free_port()?;
    let native = free_port()?;
    let mut command = Command::new(driver);
    command
        .args(["--port", &port.to_string()])
        .args(["--native-port", &native.to_string()])
        .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    bundle::isolate(&mut command, home);
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command
        .spawn()
        .map_err(|e| Failure(format!("start tauri-driver: {e}")))?;
    let group = child.id();
    let result = (|| {
        let caps = json!({
            "browserName": "wry",
            "tauri:options": { "application": bin },
        });
        let body = json!({ "capabilities": { "alwaysMatch": caps }, "desiredCapabilities": caps });
        let started = Instant::now();
        let session = loop {
            match webdriver(port, "POST", "/session", &body) {
                Ok(value) => break value["sessionId"].as_str().unwrap_or_default().to_owned(),
                Err(e) if started.elapsed() > Duration::from_secs(60) => return Err(e),
                Err(_) => sleep(Duration::from_millis(250)),
            }
        };
        let exec = |script: &str| {
            webdriver(
                port,
                "POST",
                &format!("/session/{session}/execute/sync"),
                &json!({ "script": script, "args": [] }),
            )
        };
        let home_drawn = "return document.querySelector(\"main[data-view='home'][aria-busy='false']\") !== null;";
        let started = Instant::now();
        while exec(home_drawn)? != json!(true) {
            if started.elapsed() > Duration::from_secs(60) {
                return Err(Failure("the home screen never drew".into()));
            }
            sleep(Duration::from_millis(200));
        }
        exec(PAGE_SCRIPT)?;
        let started = Instant::now();
        loop {
            let value = exec("return window.__bench;")?;
            if let Some(error) = value.get("error") {
                return Err(Failure(format!("in the page: {error}")));
            }
            if value.is_object() {
                return Ok(value);
            }
            if started.elapsed() > Duration::from_secs(600) {
                return Err(Failure("the page timings never finished".into()));
            }
            sleep(Duration::from_millis(500));
        }
    })();
    let pgid = libc::pid_t::try_from(group).expect("a pid");
    if pgid > 1 {
        // SAFETY: kill(2) takes no pointers; the group is tauri-driver's,
        // made by this program, holding WebKitWebDriver and the app.
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
    }
    let _ = child.wait();
    let _ = wait_until(Duration::from_secs(20), || group_members(group).is_empty());
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::life::stats::{Direction, Range, Statistics};

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("instant")
            .with_timezone(&Utc)
    }

    fn count(counts: &Map<String, Value>, kind: &str) -> u64 {
        counts[kind].as_u64().unwrap_or(0)
    }

    /// Checks what the Progress screen would show over the generated data.
    fn check(engine: &Crossroads, counts: &Map<String, Value>, now: DateTime<Utc>) -> Statistics {
        for kind in [
            "events",
            "thoughts",
            "moods",
            "activities",
            "journal_entries",
        ] {
            assert!(count(counts, kind) > 0, "{kind}: {counts:?}");
        }
        assert_eq!(count(counts, "triggers"), TRIGGERS.len() as u64);
        let tz = chrono_tz::UTC;
        assert_eq!(engine.life(now, tz).unwrap().triggers.len(), TRIGGERS.len());
        assert_eq!(
            u64::from(engine.journal(None, now, tz).unwrap().total),
            count(counts, "journal_entries")
        );
        for range in [Range::TwoWeeks, Range::ThreeMonths] {
            assert!(engine.statistics(range, now, tz).unwrap().has_data);
        }
        let stats = engine.statistics(Range::AllTime, now, tz).unwrap();
        assert!(stats.has_data);
        assert_eq!(
            u64::from(stats.summary.activities),
            count(counts, "activities")
        );
        let moods = stats.days.iter().filter(|d| d.mood.is_some()).count();
        assert_eq!(moods as u64, count(counts, "moods"));
        let thoughts: u64 = stats
            .days
            .iter()
            .filter_map(|d| d.thoughts)
            .map(u64::from)
            .sum();
        assert_eq!(thoughts, count(counts, "thoughts"));
        // Fewer thoughts and a better mood as time goes by.
        assert_eq!(
            stats.summary.thoughts.map(|t| t.direction),
            Some(Direction::Fell)
        );
        assert_eq!(
            stats.summary.mood.map(|t| t.direction),
            Some(Direction::Rose)
        );
        stats
    }

    /// One year through the facade: every gate lets it in, and the
    /// statistics count all of it.
    #[test]
    fn a_year_of_data_generates_through_the_facade() {
        let dir = tempfile::tempdir().unwrap();
        let engine = Crossroads::open(dir.path()).unwrap();
        let now = at("2026-11-27T15:00:00Z");
        let counts = generate_into(&engine, now, 1).unwrap();
        let stats = check(&engine, &counts, now);
        assert_eq!(stats.days.len(), 364, "from the day no contact began");
    }

    /// The bench's ten years, timed: `cargo test -p xtask --
    /// --ignored --nocapture ten_years`.
    #[test]
    #[ignore = "generates ten years of data: minutes"]
    fn ten_years_of_data_generate_through_the_facade() {
        let dir = tempfile::tempdir().unwrap();
        let now = at("2026-11-27T15:00:00Z");
        let started = Instant::now();
        let counts = generate(dir.path(), now).unwrap();
        println!(
            "generated {} in {:.0} s",
            Value::Object(counts.clone()),
            started.elapsed().as_secs_f64()
        );
        let engine = Crossroads::open(dir.path()).unwrap();
        check(&engine, &counts, now);
    }
}
