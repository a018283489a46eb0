//! The page's ready signal: the first screen has drawn real data.
//!
//! One plain line on stdout, `crossroads: ready`, which `cargo xtask bench`
//! times cold starts by and the package test waits for. It carries nothing
//! the person wrote.

use std::io::Write;

/// The line printed when the first screen has drawn.
pub const READY_LINE: &str = "crossroads: ready";

/// The page has drawn its first screen with real data.
#[tauri::command]
pub fn ui_ready() {
    // Never panic over a closed stdout (a desktop launcher may have none).
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{READY_LINE}");
    let _ = out.flush();
}
