//! The page's ready signal: the first screen has drawn real data.
//!
//! One plain line on stdout, `crossroads: ready`, which `cargo xtask bench`
//! times cold starts by and the package test waits for. It carries nothing
//! the person wrote.

use std::io::Write;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// Whether the first screen has drawn, for work that should not compete
/// with it (the start backup).
static DRAWN: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

/// Waits until the first screen has drawn, or `limit` has passed (no
/// window, as at login).
pub fn wait_until_drawn(limit: Duration) {
    let (drawn, signal) = &DRAWN;
    let guard = drawn.lock().unwrap_or_else(|e| e.into_inner());
    let _ = signal.wait_timeout_while(guard, limit, |drawn| !*drawn);
}

/// The line printed when the first screen has drawn.
pub const READY_LINE: &str = "crossroads: ready";

/// The page has drawn its first screen with real data.
#[tauri::command]
pub fn ui_ready() {
    // Never panic over a closed stdout (a desktop launcher may have none).
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{READY_LINE}");
    let _ = out.flush();
    let (drawn, signal) = &DRAWN;
    *drawn.lock().unwrap_or_else(|e| e.into_inner()) = true;
    signal.notify_all();
}
