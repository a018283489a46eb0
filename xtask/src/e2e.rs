//! End-to-end tests: the real app in a real window, on a private X server
//! (xvfb-run) and a private D-Bus session (dbus-run-session) with a real
//! notification server (dunst) and every Notify call recorded.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::system::{cargo, run_checked, Failure};

/// The hidden xtask command that runs inside the session.
pub const SESSION_COMMAND: &str = "__e2e-session";

/// Where screenshots and the notification log go.
fn out_dir(root: &Path) -> PathBuf {
    root.join("target").join("e2e")
}

/// Builds the end-to-end tests, then runs them inside a fresh X and D-Bus session.
///
/// `filter`, when given, runs only the end-to-end tests whose names contain it.
pub fn run(root: &Path, driver: &Path, filter: Option<&str>) -> Result<(), Failure> {
    crate::model::ensure()?;
    run_checked(
        "build the app and the end-to-end tests",
        cargo().current_dir(root).args([
            "test",
            "--test",
            "e2e",
            "--test",
            "languages",
            "--no-run",
        ]),
    )?;
    let out = out_dir(root);
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out).map_err(|e| Failure(format!("create {}: {e}", out.display())))?;
    let me = std::env::current_exe().map_err(|e| Failure(e.to_string()))?;
    run_checked(
        "end-to-end tests (xvfb-run + dbus-run-session + dunst)",
        in_display_session(&me, SESSION_COMMAND)
            .current_dir(root)
            .arg(driver)
            .args(filter),
    )
}

/// Kills the background helpers when the session part ends, however it ends.
struct Helpers(Vec<Child>);

impl Drop for Helpers {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn spawn(program: &str, args: &[&str], stdout: Stdio) -> Result<Child, Failure> {
    Command::new(program)
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| Failure(format!("could not start {program}: {e}")))
}

/// Whether a name has an owner on the session bus (false without a bus).
pub fn name_has_owner(name: &str) -> bool {
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
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
        .unwrap_or(false)
}

/// Inside xvfb-run and dbus-run-session: start dunst and dbus-monitor, run
/// the ignored (end-to-end) tests one at a time, keep the logs.
pub fn inside_session(args: &[String]) -> Result<(), Failure> {
    let driver = args
        .first()
        .ok_or_else(|| Failure("usage: xtask __e2e-session <tauri-driver>".into()))?;
    let root = crate::system::workspace_root();
    let out = out_dir(&root);
    let runtime = out.join("runtime");
    fs::create_dir_all(&runtime).map_err(|e| Failure(e.to_string()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&runtime, fs::Permissions::from_mode(0o700));
    }
    std::env::set_var("XDG_RUNTIME_DIR", &runtime);

    let mut helpers = Helpers(Vec::new());
    helpers.0.push(spawn("dunst", &[], Stdio::null())?);
    let started = Instant::now();
    while !name_has_owner("org.freedesktop.Notifications") {
        if started.elapsed() > Duration::from_secs(20) {
            return Err(Failure(
                "dunst did not take org.freedesktop.Notifications".into(),
            ));
        }
        sleep(Duration::from_millis(100));
    }
    let log =
        fs::File::create(out.join("notifications.log")).map_err(|e| Failure(e.to_string()))?;
    helpers.0.push(spawn(
        "dbus-monitor",
        &[
            "--session",
            "type='method_call',interface='org.freedesktop.Notifications',member='Notify'",
        ],
        Stdio::from(log),
    )?);
    // The first GTK program on a fresh X server pays for probing OpenGL;
    // let dunst have done that before the first test is timed by anything.
    sleep(Duration::from_millis(300));

    let result = run_checked(
        "cargo test --test e2e --test languages -- --ignored --test-threads=1",
        cargo()
            .current_dir(&root)
            .args([
                "test",
                "--test",
                "e2e",
                "--test",
                "languages",
                "--",
                "--ignored",
                "--test-threads=1",
            ])
            .args(args.get(1))
            .env("TAURI_DRIVER", driver)
            .env("CROSSROADS_E2E_OUT", &out),
    );
    merge_axe_results(&out);
    if let Ok(history) = Command::new("dunstctl").arg("history").output() {
        let _ = fs::write(out.join("dunst-history.json"), history.stdout);
    }
    drop(helpers);
    println!("\nScreenshots and logs: {}", out.display());
    result
}

/// Merges the per-screen axe results (`axe/<screen>.json`, written by the
/// tests' screenshot helper) into one `axe.json`, with a count of the
/// violations by impact, and prints that count.
fn merge_axe_results(out: &Path) {
    let Ok(entries) = fs::read_dir(out.join("axe")) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut screens = Vec::new();
    let mut by_impact = serde_json::Map::new();
    for path in paths {
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let Ok(record) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        for violation in record["axe"]["violations"].as_array().into_iter().flatten() {
            let impact = violation["impact"].as_str().unwrap_or("unknown").to_owned();
            let count = by_impact.entry(impact).or_insert(serde_json::json!(0));
            *count = serde_json::json!(count.as_u64().unwrap_or(0) + 1);
        }
        screens.push(record);
    }
    println!(
        "axe: {} screens checked, violations by impact: {}",
        screens.len(),
        serde_json::Value::Object(by_impact.clone())
    );
    let merged = serde_json::json!({
        "axe_core": "4.14.1 (tests/vendor/axe-core)",
        "screens_checked": screens.len(),
        "violations_by_impact": by_impact,
        "screens": screens,
    });
    let _ = fs::write(
        out.join("axe.json"),
        serde_json::to_string_pretty(&merged).unwrap_or_default(),
    );
}

/// This xtask's `subcommand`, run by `me`, inside a fresh Xvfb screen and a
/// private D-Bus session (the end-to-end tests, the bench, the package test).
pub fn in_display_session(me: &std::path::Path, subcommand: &str) -> Command {
    let mut command = Command::new("xvfb-run");
    command
        .args([
            "-a",
            "-s",
            "-screen 0 1280x900x24",
            "dbus-run-session",
            "--",
        ])
        .arg(me)
        .arg(subcommand);
    command
}
