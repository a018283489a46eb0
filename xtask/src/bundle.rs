//! `cargo xtask bundle`: the Linux packages (.deb, .rpm and AppImage)
//! through the Tauri CLI, then a test of the .deb on this machine: install
//! it, check the files it placed, start the installed app under Xvfb to its
//! ready signal, and remove it again (the .rpm's test is in rpm.rs).
//!
//! The Tauri CLI comes from npm (`@tauri-apps/cli`, pinned, prebuilt) into
//! `target/tauri-cli/`, or from `cargo install tauri-cli --locked` there when
//! npm is missing; never installed by hand, so CI does the same.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::system::{self, cargo, run_checked, workspace_root, Failure};

/// The Tauri CLI version, in step with the `tauri` crate in Cargo.lock.
pub const CLI_VERSION: &str = "2.12.5";

/// The Debian package name and the installed binary.
const PACKAGE: &str = "crossroads";
const INSTALLED_BIN: &str = "/usr/bin/crossroads";

/// The line the page prints once its first screen has drawn real data.
pub const READY_LINE: &str = "crossroads: ready";

/// The hidden xtask command that starts the installed app inside xvfb-run.
pub const SMOKE_COMMAND: &str = "__installed-smoke";

/// `cargo xtask bundle [--no-install-test] [--deb-only | --rpm-only]`.
pub fn run(args: &[String]) -> Result<(), Failure> {
    crate::model::ensure()?;
    let install_test = !args.iter().any(|a| a == "--no-install-test");
    let deb_only = args.iter().any(|a| a == "--deb-only");
    system::ensure_packages(system::RUN_PACKAGES)?;
    if args.iter().any(|a| a == "--rpm-only") {
        return crate::rpm::build_and_test().map(drop);
    }
    let deb = build_deb()?;
    println!("\n.deb: {}  ({:.2} MB)", deb.display(), mb(&deb));
    if install_test {
        system::ensure_packages(&["xvfb", "xauth", "dbus-x11"])?;
        test_deb(&deb)?;
    }
    if !deb_only {
        // Tauri's own bundler, nothing downloaded.
        crate::rpm::build_and_test()?;
        // Tauri's AppImage bundler fetches linuxdeploy and AppRun from
        // GitHub the first time (kept in ~/.cache/tauri afterwards).
        tauri_build("appimage").map_err(|Failure(m)| {
            Failure(format!(
                "{m}\nThe AppImage needs linuxdeploy and AppRun, which the Tauri CLI \
                 downloads from GitHub once (into ~/.cache/tauri); without network \
                 access only the .deb can be made (--deb-only)."
            ))
        })?;
        let dir = workspace_root().join("target/release/bundle/appimage");
        let image = newest(&dir, ".AppImage")
            .ok_or_else(|| Failure(format!("no AppImage in {}", dir.display())))?;
        println!("\nAppImage: {}  ({:.2} MB)", image.display(), mb(&image));
    }
    Ok(())
}

/// Size of a file in MB (10^6 bytes), 0 when missing.
pub fn mb(path: &Path) -> f64 {
    fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6)
}

/// The Tauri CLI, installed under target/ when missing.
pub fn tauri_cli() -> Result<PathBuf, Failure> {
    let dir = workspace_root().join("target").join("tauri-cli");
    let npm_bin = dir.join("node_modules").join(".bin").join("tauri");
    let cargo_bin = dir.join("bin").join("cargo-tauri");
    let has_version = |bin: &Path, args: &[&str]| {
        Command::new(bin)
            .args(args)
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(CLI_VERSION))
    };
    if has_version(&npm_bin, &["--version"]) {
        return Ok(npm_bin);
    }
    if has_version(&cargo_bin, &["tauri", "--version"]) {
        return Ok(cargo_bin);
    }
    fs::create_dir_all(&dir).map_err(|e| Failure(format!("create {}: {e}", dir.display())))?;
    let npm = run_checked(
        &format!("install @tauri-apps/cli@{CLI_VERSION} with npm into target/tauri-cli"),
        Command::new("npm").args([
            "install",
            "--prefix",
            &dir.to_string_lossy(),
            "--no-save",
            "--no-audit",
            "--no-fund",
            &format!("@tauri-apps/cli@{CLI_VERSION}"),
        ]),
    );
    if npm.is_ok() && has_version(&npm_bin, &["--version"]) {
        return Ok(npm_bin);
    }
    println!("npm could not provide the Tauri CLI; building it with cargo instead");
    run_checked(
        "cargo install tauri-cli",
        cargo().args([
            "install",
            "tauri-cli",
            "--locked",
            "--version",
            CLI_VERSION,
            "--root",
            &dir.to_string_lossy(),
        ]),
    )?;
    Ok(cargo_bin)
}

/// Builds the release app and its .deb; returns the .deb.
pub fn build_deb() -> Result<PathBuf, Failure> {
    tauri_build("deb")?;
    let dir = workspace_root().join("target/release/bundle/deb");
    newest(&dir, ".deb").ok_or_else(|| Failure(format!("no .deb in {}", dir.display())))
}

/// `tauri build --bundles TARGETS`, at low priority (the machine is shared).
pub fn tauri_build(targets: &str) -> Result<(), Failure> {
    let root = workspace_root();
    let cli = tauri_cli()?;
    let mut command = if cfg!(unix) {
        let mut nice = Command::new("nice");
        nice.args(["-n", "10"]).arg(&cli);
        nice
    } else {
        Command::new(&cli)
    };
    command.current_dir(&root);
    if cli.ends_with("cargo-tauri") {
        command.arg("tauri");
    }
    command
        .args(["build", "--ci", "--bundles"])
        .arg(targets)
        // linuxdeploy's own strip is too old for today's binaries; ours are
        // stripped by the release profile already.
        .env("NO_STRIP", "true")
        // linuxdeploy is itself an AppImage; containers have no FUSE.
        .env("APPIMAGE_EXTRACT_AND_RUN", "1");
    run_checked("tauri build (release, LTO) and bundle", &mut command)
}

fn newest(dir: &Path, suffix: &str) -> Option<PathBuf> {
    fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(suffix))
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
}

fn dpkg(args: &[&str]) -> Result<String, Failure> {
    let output = Command::new("dpkg")
        .args(args)
        .output()
        .map_err(|e| Failure(format!("dpkg {}: {e}", args.join(" "))))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(Failure(format!(
            "dpkg {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        )))
    }
}

fn sudo(program: &str) -> Command {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if root {
        Command::new(program)
    } else {
        let mut command = Command::new("sudo");
        command.arg(program);
        command
    }
}

/// Files the packages must place: the binary, the desktop entry, the icons.
pub const EXPECTED: &[&str] = &[
    INSTALLED_BIN,
    "/usr/share/applications/Crossroads.desktop",
    "/usr/share/icons/hicolor/16x16/apps/crossroads.png",
    "/usr/share/icons/hicolor/32x32/apps/crossroads.png",
    "/usr/share/icons/hicolor/48x48/apps/crossroads.png",
    "/usr/share/icons/hicolor/128x128/apps/crossroads.png",
    "/usr/share/icons/hicolor/256x256@2/apps/crossroads.png",
    "/usr/share/icons/hicolor/512x512/apps/crossroads.png",
];

/// Installs the .deb, checks it, starts it, removes it. The package is
/// removed again even when a check fails.
pub fn test_deb(deb: &Path) -> Result<(), Failure> {
    println!("\n==> package test: {}", deb.display());
    let fields = dpkg(&["-f", &deb.to_string_lossy(), "Package", "Depends"])?;
    println!("{}", fields.trim());
    for needed in [
        "libwebkit2gtk-4.1-0",
        "libgtk-3-0",
        "libayatana-appindicator3-1",
    ] {
        if !fields.contains(needed) {
            return Err(Failure(format!("the .deb does not depend on {needed}")));
        }
    }
    if dpkg(&["-s", PACKAGE]).is_ok_and(|s| s.contains("Status: install ok")) {
        return Err(Failure(format!(
            "{PACKAGE} is already installed on this machine; the package test \
             would remove it afterwards, so it stops here (dpkg -r {PACKAGE} first)"
        )));
    }
    run_checked("dpkg -i", sudo("dpkg").args(["-i", &deb.to_string_lossy()]))?;
    let checked = check_installed();
    let removed = run_checked("dpkg -r", sudo("dpkg").args(["-r", PACKAGE]));
    checked?;
    removed?;
    if Path::new(INSTALLED_BIN).exists()
        || dpkg(&["-s", PACKAGE]).is_ok_and(|s| s.contains("Status: install ok"))
    {
        return Err(Failure("the package did not go away cleanly".into()));
    }
    println!("package test passed: installed, files checked, started to ready, removed");
    Ok(())
}

fn check_installed() -> Result<(), Failure> {
    let listed = dpkg(&["-L", PACKAGE])?;
    for path in EXPECTED {
        if !listed.lines().any(|l| l == *path) || !Path::new(path).exists() {
            return Err(Failure(format!("the package did not place {path}")));
        }
        println!("  placed {path}");
    }
    let desktop = fs::read_to_string("/usr/share/applications/Crossroads.desktop")
        .map_err(|e| Failure(format!("read the desktop entry: {e}")))?;
    check_desktop_entry(&desktop)?;
    println!("  desktop entry: Exec, Icon, Name and Type as expected");
    let me = std::env::current_exe().map_err(|e| Failure(e.to_string()))?;
    run_checked(
        "start the installed app under Xvfb to its ready signal",
        crate::e2e::in_display_session(&me, SMOKE_COMMAND).arg(INSTALLED_BIN),
    )
}

/// The desktop entry starts the binary by name, with the icon and the name.
pub fn check_desktop_entry(desktop: &str) -> Result<(), Failure> {
    for line in [
        "Exec=crossroads",
        "Icon=crossroads",
        "Name=Crossroads",
        "Type=Application",
    ] {
        if !desktop.lines().any(|l| l.trim() == line) {
            return Err(Failure(format!(
                "the desktop entry lacks `{line}`:\n{desktop}"
            )));
        }
    }
    Ok(())
}

/// Inside xvfb-run: starts `bin` in a private home and waits for its ready line.
pub fn smoke(args: &[String]) -> Result<(), Failure> {
    let bin = args
        .first()
        .ok_or_else(|| Failure(format!("usage: xtask {SMOKE_COMMAND} BINARY")))?;
    let home = std::env::temp_dir().join(format!("crossroads-smoke-{}", std::process::id()));
    let _ = fs::remove_dir_all(&home);
    let ready = start_until_ready(Path::new(bin), &home, &[], Duration::from_secs(90));
    let _ = fs::remove_dir_all(&home);
    let elapsed = ready?;
    println!("  the installed app drew its first screen in {elapsed:.0} ms");
    Ok(())
}

/// Environment for a private, isolated home under `home`.
///
/// WebKit keeps its default renderer, as on a desktop: with
/// `WEBKIT_DISABLE_DMABUF_RENDERER=1` (the end-to-end tests set it, for
/// less memory) about one start in six waited half a second in the window's
/// first draw (BENCHMARKS.md, "The half-second wait").
pub fn isolate(command: &mut Command, home: &Path) {
    for sub in [
        "data",
        "home",
        "xdg-data",
        "xdg-config",
        "xdg-cache",
        "runtime",
    ] {
        let _ = fs::create_dir_all(home.join(sub));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(home.join("runtime"), fs::Permissions::from_mode(0o700));
    }
    command
        .env("CROSSROADS_DATA_DIR", home.join("data"))
        .env("HOME", home.join("home"))
        .env("XDG_DATA_HOME", home.join("xdg-data"))
        .env("XDG_CONFIG_HOME", home.join("xdg-config"))
        .env("XDG_CACHE_HOME", home.join("xdg-cache"))
        .env("XDG_RUNTIME_DIR", home.join("runtime"))
        .env("NO_AT_BRIDGE", "1");
}

/// Starts `bin` isolated in `home`, waits for the ready line, then kills it.
/// Returns the milliseconds from spawn to ready.
pub fn start_until_ready(
    bin: &Path,
    home: &Path,
    args: &[&str],
    limit: Duration,
) -> Result<f64, Failure> {
    let mut app = launch(bin, home, args)?;
    let waited = wait_ready(&mut app, limit);
    app.kill();
    waited
}

/// A started app whose stdout lines arrive on `lines`.
pub struct Launched {
    pub child: std::process::Child,
    pub started: Instant,
    pub lines: mpsc::Receiver<String>,
}

impl Launched {
    /// The process group: the app and every process it started (WebKit's).
    pub fn group(&self) -> u32 {
        self.child.id()
    }

    /// Kills the app and everything it started (its own process group, by
    /// id), and waits until they are gone.
    pub fn kill(&mut self) {
        let pgid = libc::pid_t::try_from(self.child.id()).expect("a pid");
        if pgid > 1 {
            // SAFETY: kill(2) takes no pointers; a negative pid names the
            // group this program created for the app.
            unsafe {
                libc::kill(-pgid, libc::SIGKILL);
            }
        }
        let _ = self.child.wait();
        let started = Instant::now();
        while !group_members(self.group()).is_empty() && started.elapsed() < Duration::from_secs(20)
        {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The live processes in process group `pgid`.
pub fn group_members(pgid: u32) -> Vec<u32> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
                return false;
            };
            // After the command name in parentheses: state ppid pgrp ...
            let fields: Vec<&str> = stat
                .rsplit_once(')')
                .map_or("", |(_, rest)| rest)
                .split_whitespace()
                .collect();
            fields.first() != Some(&"Z") && fields.get(2) == Some(&pgid.to_string().as_str())
        })
        .collect()
}

/// Starts `bin` isolated in `home`, reading its stdout on a thread.
pub fn launch(bin: &Path, home: &Path, args: &[&str]) -> Result<Launched, Failure> {
    let mut command = Command::new(bin);
    command
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    isolate(&mut command, home);
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let started = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|e| Failure(format!("start {}: {e}", bin.display())))?;
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    Ok(Launched {
        child,
        started,
        lines,
    })
}

/// Waits for the ready line; the milliseconds since the start.
pub fn wait_ready(app: &mut Launched, limit: Duration) -> Result<f64, Failure> {
    loop {
        let left = limit.saturating_sub(app.started.elapsed());
        match app.lines.recv_timeout(left) {
            Ok(line) if line.trim() == READY_LINE => {
                return Ok(app.started.elapsed().as_secs_f64() * 1000.0)
            }
            Ok(_) => {}
            Err(_) => {
                let status = app.child.try_wait().ok().flatten();
                return Err(Failure(format!(
                    "no ready signal within {limit:?} (exit: {status:?})"
                )));
            }
        }
    }
}
