//! Helpers for the end-to-end tests: an isolated home for the app, the real
//! app behind tauri-driver, a WebDriver client, screenshots, and the private
//! D-Bus session's notification log.
//!
//! These tests need a display and a D-Bus session; `cargo xtask test` runs
//! them inside xvfb-run + dbus-run-session with dunst.

#![allow(dead_code)]

use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// The built app, as cargo hands it to integration tests.
pub const APP: &str = env!("CARGO_BIN_EXE_crossroads");

/// How long to wait for anything the app should do "at once".
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A private home for one test: data folder, HOME and XDG folders.
pub struct TestHome {
    root: tempfile::TempDir,
}

impl TestHome {
    /// A fresh, empty home.
    pub fn new() -> TestHome {
        let root = tempfile::tempdir().expect("temp dir");
        for sub in [
            "data",
            "home",
            "xdg-data",
            "xdg-config",
            "xdg-cache",
            "runtime",
        ] {
            fs::create_dir_all(root.path().join(sub)).unwrap();
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(
                root.path().join("runtime"),
                fs::Permissions::from_mode(0o700),
            )
            .unwrap();
        }
        TestHome { root }
    }

    /// Every file under this home (the app's data, WebKit's data and
    /// caches, the runtime folder) that contains one of `words`.
    pub fn files_containing(&self, words: &[&str]) -> Vec<String> {
        let mut found = Vec::new();
        let mut stack = vec![self.root.path().to_path_buf()];
        while let Some(folder) = stack.pop() {
            let Ok(entries) = fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if let Ok(bytes) = fs::read(&path) {
                    for word in words {
                        if bytes.windows(word.len()).any(|w| w == word.as_bytes()) {
                            found.push(format!("{word} in {}", path.display()));
                        }
                    }
                }
            }
        }
        found
    }

    /// The app's data folder (CROSSROADS_DATA_DIR).
    pub fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    /// A scratch file path inside this home.
    pub fn file(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    /// Points `command` at this home.
    pub fn apply(&self, command: &mut Command) {
        let p = self.root.path();
        command
            .env("CROSSROADS_DATA_DIR", self.data_dir())
            .env("HOME", p.join("home"))
            .env("XDG_DATA_HOME", p.join("xdg-data"))
            .env("XDG_CONFIG_HOME", p.join("xdg-config"))
            .env("XDG_CACHE_HOME", p.join("xdg-cache"))
            .env("XDG_RUNTIME_DIR", p.join("runtime"))
            .env("TZ", "UTC")
            .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
            .env("NO_AT_BRIDGE", "1");
    }
}

/// Where screenshots go (`target/e2e` under `cargo xtask test`).
pub fn out_dir() -> PathBuf {
    let dir = std::env::var_os("CROSSROADS_E2E_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e"));
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn tauri_driver() -> PathBuf {
    std::env::var_os("TAURI_DRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo/bin/tauri-driver")
        })
}

/// Kills a whole process group on drop: tauri-driver, WebKitWebDriver, the
/// app and its WebKit processes, so nothing outlives a failed test.
struct Group(Child);

impl Drop for Group {
    fn drop(&mut self) {
        // The group was made with process_group(0), so its id is the child's pid.
        let pgid = libc::pid_t::try_from(self.0.id()).expect("a pid");
        assert!(pgid > 1, "refusing to signal process group {pgid}");
        // SAFETY: kill(2) takes no pointers; a negative pid names the group.
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
        let _ = self.0.wait();
        // The next app must not find this one's single-instance name still
        // on the bus (it would hand over to a dead process): wait until the
        // bus has let it go.
        let started = Instant::now();
        while bus_name_has_owner(SINGLE_INSTANCE_NAME) && started.elapsed() < PATIENCE {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The name the single-instance plugin holds on the session bus.
pub const SINGLE_INSTANCE_NAME: &str = "org.crossroads.companion.SingleInstance";

/// Whether a name has an owner on the session bus (false without a bus).
pub fn bus_name_has_owner(name: &str) -> bool {
    Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            &format!("string:{name}"),
        ])
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("boolean true"))
}

/// The real app in a real window, driven through WebDriver.
pub struct App {
    pub client: Client,
    _driver: Group,
}

impl App {
    /// Starts the app on `home` and waits for its first screen.
    pub async fn start(home: &TestHome) -> App {
        Self::start_with(home, &[]).await
    }

    /// Like [`App::start`], with extra environment variables for the app.
    pub async fn start_with(home: &TestHome, env: &[(&str, &str)]) -> App {
        let port = free_port();
        let native = free_port();
        let mut command = Command::new(tauri_driver());
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .args(["--native-driver", "/usr/bin/WebKitWebDriver"]);
        // The driver's and the app's own output, for when a test fails.
        let log = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(out_dir().join("app-output.log"))
            .unwrap();
        command.stdout(log.try_clone().unwrap()).stderr(log);
        home.apply(&mut command);
        for (k, v) in env {
            command.env(k, v);
        }
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            command.process_group(0);
        }
        let driver = Group(
            command
                .spawn()
                .expect("start tauri-driver (cargo xtask test installs it)"),
        );
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), json!({ "application": APP }));
        caps.insert("browserName".into(), json!("wry"));
        let client = loop {
            let mut builder = ClientBuilder::rustls().expect("tls");
            builder.capabilities(caps.clone());
            match tokio::time::timeout(PATIENCE, builder.connect(&url)).await {
                Ok(Ok(client)) => break client,
                Ok(Err(_)) if started.elapsed() < PATIENCE => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Ok(Err(e)) => panic!("no WebDriver session: {e}"),
                Err(_) => panic!("the app did not come up within {PATIENCE:?}"),
            }
        };
        let app = App {
            client,
            _driver: driver,
        };
        app.wait_for("main[aria-busy='false']").await;
        app
    }

    /// Ends the session and every process behind it. The app itself stays
    /// in the tray when its window closes, so WebKitWebDriver would wait for
    /// it forever: the wait is short, and the process group is then killed
    /// (which, as a bonus, proves every saved write was already on disk).
    pub async fn close(self) {
        let App { client, _driver } = self;
        let _ = tokio::time::timeout(Duration::from_secs(2), client.close()).await;
        drop(_driver);
    }

    /// Waits for an element matching `css`.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// The visible text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.unwrap()
    }

    /// Waits until the first element matching `css` shows some text (an
    /// answer from the engine that has to arrive first), and returns it.
    pub async fn text_once_shown(&self, css: &str) -> String {
        let started = Instant::now();
        loop {
            let text = self.text(css).await;
            if !text.trim().is_empty() {
                return text;
            }
            assert!(started.elapsed() < PATIENCE, "{css} stayed empty");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the text of `css` is `expected`, for statuses that show a
    /// passing state first ("Restoring…") and the answer after.
    pub async fn text_becomes(&self, css: &str, expected: &str) {
        let started = Instant::now();
        loop {
            let text = self.text(css).await;
            if text.trim() == expected {
                return;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "{css} still reads {text:?}, not {expected:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the first element matching `css`.
    pub async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.unwrap();
    }

    /// Replaces the text in an input with `value`, by typing. A screen
    /// that redraws after a save may replace the field under the keys:
    /// then the new field is found and typed into again.
    pub async fn type_into(&self, css: &str, value: &str) {
        let started = Instant::now();
        loop {
            let input = self.wait_for(css).await;
            let typed = async {
                input.clear().await?;
                if !value.is_empty() {
                    input.send_keys(value).await?;
                }
                Ok::<(), fantoccini::error::CmdError>(())
            }
            .await;
            match typed {
                Ok(()) => return,
                Err(e)
                    if format!("{e:?}").contains("StaleElementReference")
                        && started.elapsed() < PATIENCE =>
                {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("typing into {css}: {e:?}"),
            }
        }
    }

    /// Runs a script in the page and returns its value.
    pub async fn script(&self, js: &str) -> Value {
        self.client.execute(js, vec![]).await.unwrap()
    }

    /// Waits until the script returns something truthy, and returns it.
    pub async fn eventually(&self, js: &str) -> Value {
        let started = Instant::now();
        loop {
            let value = self.script(js).await;
            let truthy = !matches!(&value, Value::Null | Value::Bool(false))
                && value != json!("")
                && value != json!(0);
            if truthy {
                return value;
            }
            assert!(started.elapsed() < PATIENCE, "never true: {js}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Calls an app command from the page (to set up a state) and returns
    /// `{ok}` or `{err}`. Returning the invoke promise itself drops
    /// WebKitWebDriver's connection, so its result is parked on `window`.
    pub async fn invoke(&self, command: &str, args: Value) -> Value {
        let js = format!(
            "window.__e2e = undefined; window.__TAURI__.core.invoke({command:?}, {args})\
             .then(ok => window.__e2e = {{ ok }}, err => window.__e2e = {{ err }});"
        );
        self.script(&js).await;
        self.eventually("return window.__e2e || null;").await
    }

    /// Navigates the UI to a screen, as the navigation links do.
    pub async fn go(&self, route: &str) {
        self.script(&format!("location.hash = '#/{route}';")).await;
        self.wait_for(&format!("main[data-view='{route}'][aria-busy='false']"))
            .await;
    }

    /// Saves a PNG of the window under the e2e output folder, and checks
    /// the screen with axe (see [`App::axe_check`]): every screen a test
    /// pictures is a screen a person meets.
    pub async fn screenshot(&self, name: &str) {
        // Take the picture a person would see: after the screen has settled.
        self.eventually("return document.getAnimations().every(a => a.playState !== 'running');")
            .await;
        // WebKitWebDriver has been seen never to answer a screenshot (and
        // then nothing else): fail with the screen's name, not a stall.
        let Ok(png) = tokio::time::timeout(AXE_PATIENCE, self.client.screenshot()).await else {
            panic!("the screenshot of {name} never returned");
        };
        let png = png.unwrap();
        fs::write(out_dir().join(format!("{name}.png")), png).unwrap();
        self.axe_check(name).await;
    }

    /// Like [`App::screenshot`], but the picture is the X screen taken by
    /// ImageMagick, not WebDriver's: in a quick walk through every screen,
    /// WebKitWebDriver's screenshot now and then never answered, and the
    /// session with it.
    pub async fn x_screenshot(&self, name: &str) {
        self.eventually("return document.getAnimations().every(a => a.playState !== 'running');")
            .await;
        let path = out_dir().join(format!("{name}.png"));
        let shot = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .status()
            .expect("ImageMagick's import");
        assert!(shot.success(), "no screenshot of {name}");
        self.axe_check(name).await;
    }

    /// Runs axe-core on the page as it is now and returns a summary: the
    /// hash, the colour scheme, every violation with its nodes, the rules
    /// that passed, and those that need a person's review.
    pub async fn axe_run(&self) -> Value {
        // The page keeps axe once injected; a new webview (reopened from the
        // tray) needs it again.
        if self.script("return typeof window.axe === 'object';").await != json!(true) {
            tokio::time::timeout(AXE_PATIENCE, self.client.execute(AXE_SOURCE, vec![]))
                .await
                .expect("injecting axe-core never returned")
                .expect("inject axe-core");
        }
        // Colours are judged as a person sees them once a card has faded
        // in, not halfway through its fade.
        self.eventually("return document.getAnimations().every(a => a.playState !== 'running');")
            .await;
        // Returning axe.run's promise would drop WebKitWebDriver's
        // connection (see `invoke`): park a small summary on `window`.
        let start = self.script(
            "window.__axe = undefined;\
             axe.run(document).then(r => { window.__axe = {\
               url: location.hash,\
               dark: matchMedia('(prefers-color-scheme: dark)').matches,\
               passes: r.passes.map(v => v.id),\
               incomplete: r.incomplete.map(v => ({ id: v.id, impact: v.impact,\
                 nodes: v.nodes.map(n => ({ target: n.target, why: n.any.map(a => a.message).join(' ') })) })),\
               violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,\
                 helpUrl: v.helpUrl, nodes: v.nodes.map(n => ({ target: n.target, html: n.html,\
                 summary: n.failureSummary })) })) }; },\
               e => { window.__axe = { error: String(e) }; });",
        );
        tokio::time::timeout(AXE_PATIENCE, start)
            .await
            .expect("starting axe never returned");
        let started = Instant::now();
        loop {
            let value = self.script("return window.__axe || null;").await;
            if !value.is_null() {
                return value;
            }
            // A whole-page check takes a few seconds under load on 2 cores.
            assert!(started.elapsed() < AXE_PATIENCE, "axe never finished");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs axe-core (vendored under tests/vendor, test-only) on the page as
    /// it is now, writes the violations to `axe/<name>.json` under the e2e
    /// output folder (`cargo xtask` merges them into `axe.json`), and fails
    /// on any serious or critical one. With `CROSSROADS_AXE=report` it only
    /// records, to survey a whole run at once.
    pub async fn axe_check(&self, name: &str) {
        let result = self.axe_run().await;
        assert!(
            result.get("error").is_none(),
            "axe failed on {name}: {result}"
        );
        let dir = out_dir().join("axe");
        fs::create_dir_all(&dir).unwrap();
        let record = json!({ "screen": name, "axe": result });
        fs::write(
            dir.join(format!("{name}.json")),
            serde_json::to_string_pretty(&record).unwrap(),
        )
        .unwrap();
        let grave: Vec<String> = result["violations"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .map(|v| {
                let targets: Vec<String> = v["nodes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|n| n["target"].to_string())
                    .collect();
                format!(
                    "{} ({}): {} at {}",
                    v["id"],
                    v["impact"],
                    v["help"],
                    targets.join(", ")
                )
            })
            .collect();
        let report_only = std::env::var("CROSSROADS_AXE").is_ok_and(|v| v == "report");
        assert!(
            grave.is_empty() || report_only,
            "axe found serious or critical violations on {name}:\n{}",
            grave.join("\n")
        );
    }
}

/// axe-core, test-only: injected into the window by [`App::axe_check`].
const AXE_SOURCE: &str = include_str!("../vendor/axe-core/axe.min.js");

/// How long one axe run may take (the whole page, on a loaded machine).
const AXE_PATIENCE: Duration = Duration::from_secs(60);

/// Today's date in UTC (the tests run the app with TZ=UTC), shifted by `days`.
pub fn date_from_today(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// Waits for a file to contain `needle`, and returns its contents.
pub fn wait_for_file_containing(path: &Path, needle: &str) -> String {
    wait_for_file_containing_within(path, needle, PATIENCE)
}

/// Waits at most `limit` for a file to contain `needle`, and returns its contents.
pub fn wait_for_file_containing_within(path: &Path, needle: &str, limit: Duration) -> String {
    let started = Instant::now();
    loop {
        let text = fs::read_to_string(path).unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        assert!(
            started.elapsed() < limit,
            "{} never contained {needle:?}:\n{text}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A background helper process, killed on drop.
pub struct Background(pub Child);

impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Records every Notify call on the session bus into `file`.
pub fn monitor_notifications(file: &Path) -> Background {
    let log = fs::File::create(file).unwrap();
    let child = Command::new("dbus-monitor")
        .args([
            "--session",
            "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
        ])
        .stdout(log)
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-monitor (needs a D-Bus session: run through cargo xtask test)");
    // Once it is a monitor, dbus-monitor reports losing its own name: from
    // then on, every Notify is recorded.
    wait_for_file_containing(file, "member=NameLost");
    Background(child)
}

/// The stand-in tray host in tests/support/sni.py.
pub fn sni(args: &[&str]) -> std::process::Output {
    Command::new("/usr/bin/python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/sni.py"))
        .args(args)
        .output()
        .expect("python3 with python3-dbus")
}

/// Starts the stand-in StatusNotifierWatcher, recording registrations in `record`.
pub fn start_tray_watcher(record: &Path) -> Background {
    let child = Command::new("/usr/bin/python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/sni.py"))
        .arg("watch")
        .arg(record)
        .stderr(Stdio::inherit())
        .spawn()
        .expect("python3 with python3-dbus and python3-gi");
    wait_for_file_containing(record, "ready");
    Background(child)
}

/// Whether a process is still alive (and not a zombie).
pub fn alive(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| s.split_whitespace().nth(2).is_none_or(|state| state != "Z"))
        .unwrap_or(false)
}

fn xclose(args: &[&str]) -> std::process::Output {
    Command::new("/usr/bin/python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/xclose.py"))
        .args(args)
        .output()
        .expect("python3 with python3-xlib")
}

/// Closes the window titled `title` as a window manager does when the
/// person clicks its close button (WM_DELETE_WINDOW).
pub fn close_window_like_a_person(title: &str) {
    let out = xclose(&[title]);
    assert!(out.status.success(), "no window titled {title}: {out:?}");
}

/// How many mapped X windows have this title.
pub fn x_windows_titled(title: &str) -> usize {
    let out = xclose(&["--count", title]);
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

/// The newest tray item registered with the stand-in watcher: (bus, path).
pub fn latest_tray_item(record: &Path, after: usize) -> (String, String) {
    let started = Instant::now();
    loop {
        let text = fs::read_to_string(record).unwrap_or_default();
        let items: Vec<&str> = text.lines().filter(|l| l.contains(" /")).collect();
        if items.len() > after {
            let (bus, path) = items[items.len() - 1].split_once(' ').unwrap();
            return (bus.to_owned(), path.to_owned());
        }
        assert!(
            started.elapsed() < PATIENCE,
            "no tray item registered:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A local `YYYY-MM-DDTHH:MM:SS` in UTC (the tests run the app with TZ=UTC).
pub fn utc_wall_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}
