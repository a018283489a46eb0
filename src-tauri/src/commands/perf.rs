//! The page's ready signal: the first screen has drawn (real data, or the
//! lock screen, or the calm error page).
//!
//! One plain line on stdout, `crossroads: ready`, which `cargo xtask bench`
//! times cold starts by and the package test waits for. It carries nothing
//! the person wrote. The start backup and the notifier's first round wait
//! for it, so they never compete with the first paint.

use std::io::Write;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// Whether the first screen has drawn, for work that should not compete
/// with it (the start backup, the notifier's first round).
static DRAWN: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

/// The longest work waits for the first paint: started at login there is
/// no window to draw, and it must not wait for ever.
pub const FIRST_PAINT_LIMIT: Duration = Duration::from_secs(10);

/// Waits until the first screen has drawn, or [`FIRST_PAINT_LIMIT`] has
/// passed (no window, as at login).
pub fn wait_until_drawn() {
    let (drawn, signal) = &DRAWN;
    let guard = drawn.lock().unwrap_or_else(|e| e.into_inner());
    let _ = signal.wait_timeout_while(guard, FIRST_PAINT_LIMIT, |drawn| !*drawn);
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
    use std::collections::BTreeSet;
    use std::path::Path;

    /// The modules `module` (a path under ui/) names after `marker`, as
    /// paths under ui/.
    fn named_after(ui: &Path, module: &str, marker: &str) -> Vec<String> {
        let source = std::fs::read_to_string(ui.join(module)).unwrap();
        let folder = Path::new(module).parent().unwrap();
        source
            .split(marker)
            .skip(1)
            .map(|rest| {
                let relative = &rest[..rest.find('"').unwrap()];
                let mut path = folder.to_path_buf();
                for part in relative.split('/') {
                    match part {
                        "." => {}
                        ".." => {
                            path.pop();
                        }
                        name => path.push(name),
                    }
                }
                path.display().to_string()
            })
            .collect()
    }

    /// Every module `roots` import statically, the roots included.
    fn static_closure(ui: &Path, roots: &[&str]) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<String> = roots.iter().map(|r| r.to_string()).collect();
        while let Some(module) = todo.pop() {
            if seen.insert(module.clone()) {
                todo.extend(named_after(ui, &module, "from \""));
            }
        }
        seen
    }

    fn ui() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("ui")
    }

    /// The page names up front exactly the modules its usual first screen
    /// needs (app.js's own imports and the home screen's), so WebKit
    /// fetches them all at once: one left out would still load, only later,
    /// and one more would be read and compiled for nothing.
    #[test]
    fn the_page_preloads_what_the_home_screen_needs_and_nothing_else() {
        let ui = ui();
        let mut wanted = static_closure(&ui, &["js/app.js", "js/views/home.js"]);
        wanted.remove("js/app.js");
        let page = std::fs::read_to_string(ui.join("index.html")).unwrap();
        let preloaded: BTreeSet<String> = page
            .split("<link rel=\"modulepreload\" href=\"")
            .skip(1)
            .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
            .collect();
        assert_eq!(preloaded, wanted);
    }

    /// Every screen app.js loads on demand exists, and together with the
    /// page's own imports they reach every module: none is left unused.
    #[test]
    fn every_screen_loaded_on_demand_exists_and_every_module_is_reachable() {
        let ui = ui();
        let screens = named_after(&ui, "js/app.js", "import(\"");
        assert!(screens.len() >= 18, "{screens:?}");
        for screen in &screens {
            assert!(ui.join(screen).is_file(), "{screen} does not exist");
        }
        let mut roots = vec!["js/app.js"];
        roots.extend(screens.iter().map(String::as_str));
        let reachable = static_closure(&ui, &roots);
        let mut all = BTreeSet::new();
        for folder in ["js", "js/views"] {
            for entry in std::fs::read_dir(ui.join(folder)).unwrap() {
                let name = entry.unwrap().file_name().into_string().unwrap();
                if name.ends_with(".js") {
                    all.insert(format!("{folder}/{name}"));
                }
            }
        }
        assert_eq!(reachable, all);
    }
}
