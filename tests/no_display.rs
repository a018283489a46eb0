//! Started without a graphical desktop, Crossroads says so in one plain
//! line and exits with code 1 (no panic, no backtrace).

use std::process::{Command, Output};

const APP: &str = env!("CARGO_BIN_EXE_crossroads");

fn start(display: Option<&str>) -> (Output, tempfile::TempDir) {
    let home = tempfile::tempdir().expect("temp dir");
    let mut command = Command::new(APP);
    command
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("CROSSROADS_DATA_DIR", home.path().join("data"))
        .env("HOME", home.path())
        .env("XDG_RUNTIME_DIR", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg-data"))
        .env("XDG_CONFIG_HOME", home.path().join("xdg-config"))
        .env("RUST_BACKTRACE", "1");
    if let Some(display) = display {
        command.env("DISPLAY", display);
    }
    (command.output().expect("the app starts"), home)
}

fn assert_one_plain_line(output: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line, got: {stderr}");
    assert!(lines[0].starts_with("Crossroads "), "{stderr}");
    assert!(lines[0].contains(needle), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("backtrace"), "{stderr}");
}

#[test]
fn without_display_variables_it_says_so_and_exits_1() {
    let (output, _home) = start(None);
    assert_one_plain_line(&output, "graphical desktop");
}

#[test]
fn with_a_display_that_does_not_answer_it_says_so_and_exits_1() {
    // An X display number nothing listens on: GTK cannot start.
    let (output, home) = start(Some(":97531"));
    assert_one_plain_line(&output, "GTK could not start");
    // Nothing was created in the data folder: it stopped before the store.
    assert!(!home.path().join("data").join("db").exists());
}
