//! Running commands, and installing what the machine lacks.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A step failed; the message says which and what to do.
#[derive(Debug)]
pub struct Failure(pub String);

/// What building and running the app needs on Debian/Ubuntu (Tauri's prerequisites).
pub const RUN_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "curl",
    "wget",
    "file",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "pkg-config",
];

/// What the tests need on top: a headless X server, WebKit's WebDriver, a
/// private D-Bus session with a real notification server, screenshots, and
/// python3-dbus and python3-xlib for the tests' stand-in panel and window manager.
pub const TEST_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "curl",
    "wget",
    "file",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "pkg-config",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "dbus-x11",
    "dunst",
    "imagemagick",
    "python3-dbus",
    "python3-gi",
    "python3-xlib",
];

/// The folder holding the workspace's Cargo.toml.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits inside the workspace")
        .to_path_buf()
}

/// A `cargo` command using the same cargo that runs this xtask.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs `command`, printing `what` first; a non-zero exit is a [`Failure`].
pub fn run_checked(what: &str, command: &mut Command) -> Result<(), Failure> {
    println!("\n==> {what}");
    let status = command.status().map_err(|e| {
        Failure(format!(
            "{what}: could not start {:?}: {e}",
            command.get_program()
        ))
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure(format!("{what} failed ({status})")))
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

fn has(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program} >/dev/null 2>&1")])
        .status()
        .is_ok_and(|s| s.success())
}

/// Installs the missing ones of `packages` with apt (through sudo when not
/// root). On a system without apt, says what Tauri needs and goes on.
pub fn ensure_packages(packages: &[&str]) -> Result<(), Failure> {
    if !has("apt-get") || !has("dpkg-query") {
        println!(
            "This is not a Debian/Ubuntu system, so nothing was installed. Crossroads needs \
             Tauri's prerequisites (WebKitGTK 4.1, libayatana-appindicator, librsvg, xdo, \
             OpenSSL, a C toolchain): https://v2.tauri.app/start/prerequisites/"
        );
        return Ok(());
    }
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        println!("==> system packages: all present");
        return Ok(());
    }
    let sudo: &[&str] = if is_root() { &[] } else { &["sudo"] };
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = sudo.to_vec();
        all.push("apt-get");
        all.extend_from_slice(args);
        let mut command = Command::new(all[0]);
        command
            .args(&all[1..])
            .env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    run_checked("apt-get update", &mut apt(&["update", "-qq"]))?;
    let mut install = vec!["install", "-y", "-qq", "--no-install-recommends"];
    install.extend(&missing);
    run_checked(
        &format!("install {}", missing.join(" ")),
        &mut apt(&install),
    )
}

/// The path of tauri-driver, installed with `cargo install` if missing.
pub fn ensure_tauri_driver() -> Result<PathBuf, Failure> {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default()
        .join("bin");
    let path = cargo_bin.join("tauri-driver");
    if !path.exists() {
        run_checked(
            "install tauri-driver",
            cargo().args(["install", "tauri-driver", "--locked", "--version", "2.1.0"]),
        )?;
    }
    if path.exists() {
        Ok(path)
    } else {
        Err(Failure(format!(
            "tauri-driver is not at {}",
            path.display()
        )))
    }
}
