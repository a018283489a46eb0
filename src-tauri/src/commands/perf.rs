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

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn modules_under(dir: &Path, ui: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                modules_under(&path, ui, found);
            } else if path.extension().is_some_and(|e| e == "js") {
                found.push(path.strip_prefix(ui).unwrap().display().to_string());
            }
        }
    }

    /// The page names every module it will import up front, so WebKit
    /// fetches them all at once: a module left out would still load, only
    /// later, and a name that no longer exists would be fetched for nothing.
    #[test]
    fn the_page_preloads_every_module_and_nothing_else() {
        let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
        let mut modules = Vec::new();
        modules_under(&ui.join("js"), &ui, &mut modules);
        modules.retain(|m| m != "js/app.js");
        modules.sort();
        let page = std::fs::read_to_string(ui.join("index.html")).unwrap();
        let mut preloaded: Vec<String> = page
            .split("<link rel=\"modulepreload\" href=\"")
            .skip(1)
            .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
            .collect();
        preloaded.sort();
        assert_eq!(preloaded, modules);
    }
}
