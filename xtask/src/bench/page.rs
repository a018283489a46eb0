//! The page phase: Crossroads behind tauri-driver, driven through one
//! WebDriver session, measures from inside its own page.
//!
//! The client is fantoccini, the end-to-end tests' client: it keeps one
//! HTTP connection alive for the whole session. The chain tauri-driver ->
//! WebKitWebDriver stops answering after a few hundred new connections in a
//! row, so a client that opens one per request (as this bench once did)
//! fails here at random.
//!
//! Measured, in this order (the encoder first, so its first check is the
//! first text check of the process):
//! - the sentence encoder: the first `check_text` after start (it loads the
//!   encoder), 200 checks of new text, the main process's resident memory
//!   before, after the first check and after the checks, and once it was
//!   given back after its idle minutes;
//! - 1,000 `get_overview`, 200 `get_statistics` per range, 200 flushed
//!   `save_reflection` and 200 `log_event`, each timed with
//!   `performance.now()`.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

use super::proc::{main_pid, rss_mb};
use crate::bundle;
use crate::system::Failure;

/// How long session creation and the first screen may take.
const PATIENCE: Duration = Duration::from_secs(60);

/// How long after its last use the encoder must have been given back: the
/// engine's idle time (5 minutes), plus two of the notifier's rounds (at
/// most a minute apart: the first sees the use, a later one gives it back),
/// plus slack for a busy machine.
const GIVE_BACK_LIMIT: Duration = Duration::from_secs(5 * 60 + 2 * 60 + 30);

/// Text checks timed after the first one.
const CHECKS: usize = 200;

/// What the page phase measured.
pub struct PageFigures {
    /// The round trips' samples in ms (`overview`, `stats.<range>`,
    /// `write`, `log`) and the page clock's `resolution`.
    pub timings: Value,
    /// The encoder's costs.
    pub encoder: EncoderFigures,
}

/// The sentence encoder's costs in the running app.
pub struct EncoderFigures {
    /// The first `check_text` after start (loads the encoder), ms.
    pub first_check_ms: f64,
    /// Every later check, ms.
    pub checks_ms: Vec<f64>,
    /// Main process resident memory (MB) before the first check.
    pub rss_before_mb: f64,
    /// ... right after the first check.
    pub rss_first_mb: f64,
    /// ... after all the checks (loaded).
    pub rss_loaded_mb: f64,
    /// ... once given back; `None` when it was not within [`GIVE_BACK_LIMIT`].
    pub rss_given_back_mb: Option<f64>,
    /// Seconds from the last use until it was seen given back.
    pub give_back_s: f64,
}

/// Starts the app on `home` behind tauri-driver, runs every page
/// measurement, and ends the session and its processes however it went.
pub fn measure(driver: &Path, bin: &Path, home: &Path) -> Result<PageFigures, Failure> {
    let group = DriverGroup::start(driver, home)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(format!("tokio runtime: {e}")))?;
    runtime.block_on(async {
        let client = connect(group.port, bin).await?;
        let result = measure_in(&client, &group).await;
        // The app stays in the tray when its window closes, so
        // WebKitWebDriver may wait for it: end the session briefly, then
        // the group is killed on drop.
        let _ = tokio::time::timeout(Duration::from_secs(2), client.close()).await;
        result
    })
}

async fn measure_in(client: &Client, group: &DriverGroup) -> Result<PageFigures, Failure> {
    wait_for_home(client).await?;
    let app = main_pid(group.pgid(), "crossroads")
        .ok_or_else(|| Failure("the app's process is not in tauri-driver's group".into()))?;
    // After the first paint the app makes its start and daily backups,
    // which decode every record and then give the memory back: the
    // encoder's memory is measured from after that.
    settle(app).await;
    println!("  the encoder: the first check, then {CHECKS} more");
    let encoder_checks = encoder_checks(client, app).await?;
    println!("  round trips");
    let timings = run_script(client, ROUND_TRIPS_SCRIPT, Duration::from_secs(600)).await?;
    println!(
        "  waiting for the encoder to be given back (at most {} s)",
        GIVE_BACK_LIMIT.as_secs()
    );
    let (rss_given_back_mb, give_back_s) = wait_for_give_back(app, &encoder_checks).await;
    Ok(PageFigures {
        timings,
        encoder: EncoderFigures {
            rss_given_back_mb,
            give_back_s,
            ..encoder_checks
        },
    })
}

/// tauri-driver (and, once a session exists, WebKitWebDriver, the app and
/// its WebKit processes) in a process group of its own, killed on drop so
/// nothing outlives a failed measurement.
struct DriverGroup {
    child: Child,
    port: u16,
}

impl DriverGroup {
    fn start(driver: &Path, home: &Path) -> Result<DriverGroup, Failure> {
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
        let child = command
            .spawn()
            .map_err(|e| Failure(format!("start tauri-driver: {e}")))?;
        Ok(DriverGroup { child, port })
    }

    /// The group's id: tauri-driver's pid (it was made with process_group(0)).
    fn pgid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for DriverGroup {
    fn drop(&mut self) {
        let pgid = libc::pid_t::try_from(self.child.id()).expect("a pid");
        if pgid > 1 {
            // SAFETY: kill(2) takes no pointers; a negative pid names the
            // group this program made for tauri-driver.
            unsafe {
                libc::kill(-pgid, libc::SIGKILL);
            }
        }
        let _ = self.child.wait();
        let group = self.pgid();
        let _ = super::wait_until(Duration::from_secs(20), || {
            bundle::group_members(group).is_empty()
        });
    }
}

fn free_port() -> Result<u16, Failure> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| Failure(format!("no free port: {e}")))
}

/// A WebDriver session on the app; retried while tauri-driver starts.
async fn connect(port: u16, bin: &Path) -> Result<Client, Failure> {
    let url = format!("http://127.0.0.1:{port}");
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert("tauri:options".into(), json!({ "application": bin }));
    let started = Instant::now();
    loop {
        let mut builder =
            ClientBuilder::rustls().map_err(|e| Failure(format!("WebDriver client: {e}")))?;
        builder.capabilities(caps.clone());
        match builder.connect(&url).await {
            Ok(client) => return Ok(client),
            Err(e) if started.elapsed() > PATIENCE => {
                return Err(Failure(format!("no WebDriver session: {e}")))
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    }
}

/// Runs `script` in the page; its return value.
async fn execute(client: &Client, script: &str) -> Result<Value, Failure> {
    client
        .execute(script, vec![])
        .await
        .map_err(|e| Failure(format!("WebDriver: {e}")))
}

async fn wait_for_home(client: &Client) -> Result<(), Failure> {
    let drawn =
        "return document.querySelector(\"main[data-view='home'][aria-busy='false']\") !== null;";
    let started = Instant::now();
    while execute(client, drawn).await? != json!(true) {
        if started.elapsed() > PATIENCE {
            return Err(Failure("the home screen never drew".into()));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Ok(())
}

/// Starts `script`, which leaves its result in `window.__bench` (returning
/// an invoke's promise from a script drops WebKitWebDriver's connection),
/// and polls for it.
async fn run_script(client: &Client, script: &str, limit: Duration) -> Result<Value, Failure> {
    execute(
        client,
        &format!("window.__bench = null; {script}; return true;"),
    )
    .await?;
    let started = Instant::now();
    loop {
        let value = execute(client, "return window.__bench;").await?;
        if let Some(error) = value.get("error") {
            return Err(Failure(format!("in the page: {error}")));
        }
        if value.is_object() {
            return Ok(value);
        }
        if started.elapsed() > limit {
            return Err(Failure("the page's measurement never finished".into()));
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Waits until the main process's resident memory holds still (two reads
/// 2 s apart within 1 MB), at least 6 s and at most 30 s.
async fn settle(app: u32) {
    let started = Instant::now();
    let mut last = rss_mb(app);
    loop {
        tokio::time::sleep(Duration::from_secs(2)).await;
        let now = rss_mb(app);
        let steady = (now - last).abs() < 1.0;
        if (steady && started.elapsed() >= Duration::from_secs(6))
            || started.elapsed() >= Duration::from_secs(30)
        {
            return;
        }
        last = now;
    }
}

/// The first check (the encoder loads), then [`CHECKS`] more, with the
/// main process's resident memory around them.
async fn encoder_checks(client: &Client, app: u32) -> Result<EncoderFigures, Failure> {
    let rss_before_mb = rss_mb(app);
    let first = run_script(client, FIRST_CHECK_SCRIPT, Duration::from_secs(120)).await?;
    let rss_first_mb = rss_mb(app);
    let checks = run_script(
        client,
        &CHECKS_SCRIPT.replace("CHECKS", &CHECKS.to_string()),
        Duration::from_secs(300),
    )
    .await?;
    Ok(EncoderFigures {
        first_check_ms: first["ms"].as_f64().unwrap_or(f64::NAN),
        checks_ms: samples(&checks["ms"]),
        rss_before_mb,
        rss_first_mb,
        rss_loaded_mb: rss_mb(app),
        rss_given_back_mb: None,
        give_back_s: f64::NAN,
    })
}

/// Waits until the main process has given most of the encoder's memory
/// back (the notifier does so after the engine's idle time); the resident
/// memory then, and the seconds waited.
async fn wait_for_give_back(app: u32, loaded: &EncoderFigures) -> (Option<f64>, f64) {
    let rise = loaded.rss_loaded_mb - loaded.rss_before_mb;
    let started = Instant::now();
    while started.elapsed() < GIVE_BACK_LIMIT {
        tokio::time::sleep(Duration::from_secs(5)).await;
        if rss_mb(app) < loaded.rss_before_mb + rise / 2.0 {
            // Let the give-back finish (the pages, then the trim).
            tokio::time::sleep(Duration::from_secs(3)).await;
            return (Some(rss_mb(app)), started.elapsed().as_secs_f64());
        }
    }
    (None, started.elapsed().as_secs_f64())
}

/// The numbers in a JSON array.
pub fn samples(series: &Value) -> Vec<f64> {
    series
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

/// The first text check of the process, as the page makes it when typing
/// pauses.
const FIRST_CHECK_SCRIPT: &str = r#"
(async () => {
  try {
    const t = performance.now();
    await window.__TAURI__.core.invoke("check_text", { text: "Some nights I miss them so much that I can't sleep." });
    window.__bench = { ms: performance.now() - t };
  } catch (e) {
    window.__bench = { error: String((e && e.message) || JSON.stringify(e)) };
  }
})()
"#;

/// CHECKS checks of lines never checked before (no cache can answer),
/// each a line as a person types it, as the encoder's own cost report
/// reads its corpus lines; in four languages, everyday and troubled.
const CHECKS_SCRIPT: &str = r#"
(async () => {
  const lines = [
    "Today was quieter than last week.",
    "I checked their profile again and felt awful afterwards.",
    "Mia asked how I am and I answered honestly.",
    "Some days I don't see the point of anything anymore.",
    "Hoy fui a caminar por el río y me sentí un poco mejor.",
    "Je n'arrive pas à arrêter de penser à notre dernière dispute.",
    "Heute habe ich zum ersten Mal seit Wochen gut geschlafen.",
    "I wrote the urge down instead of acting on it, and it passed.",
    "Please just answer me, I can't do this without you.",
    "We should talk about the weekends, calmly, when you are ready.",
    "Everyone would be better off if I just disappeared.",
    "He shouted at me again last night and I was scared.",
  ];
  const ms = [];
  try {
    for (let i = 0; i < CHECKS; i++) {
      const text = lines[i % lines.length] + " (" + i + ")";
      const t = performance.now();
      await window.__TAURI__.core.invoke("check_text", { text });
      ms.push(performance.now() - t);
    }
    window.__bench = { ms };
  } catch (e) {
    window.__bench = { error: String((e && e.message) || JSON.stringify(e)) };
  }
})()
"#;

/// The round trips: warm-ups, then timed calls; and the page clock's
/// resolution (WebKit gives pages a coarse clock).
const ROUND_TRIPS_SCRIPT: &str = r#"
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
    // Two answers in turn: as while typing, the page has checked a text
    // before it is saved, so the save's crisis reading finds it read.
    const write = await time(200, (i) => invoke("save_reflection", { prompt: "weight", value: "Measured " + (i % 2) }));
    const log = await time(200, () => invoke("log_event", { kind: "urge_resisted", note: null }));
    window.__bench = { overview, stats, write, log, resolution };
  } catch (e) {
    window.__bench = { error: String((e && e.message) || JSON.stringify(e)) };
  }
})()
"#;
