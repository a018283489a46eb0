//! In the tray without a webview. Closing the window destroys the webview,
//! but WebKit's network process and what GTK and WebKit allocated stay with
//! the process for its life: about three times the memory of the same app
//! started hidden at login. So once the window has closed and nothing is
//! under way, the process starts over as if started at login (`--hidden`),
//! by `exec`: the same process id, the same tray and notifications, none of
//! that memory. The screen the person was on goes along as an argument, so
//! Open brings them back to it.
//!
//! Nothing is cut short: it waits until no engine call (a command's or a
//! tray click's) has been under way for a moment, then holds the notifier's
//! round and the store's writes while it replaces itself (files, the
//! store's lock and D-Bus names close with the old image; the new one takes
//! them again). A tray click that arrives while the writes are held is let
//! through first, and the wait for quiet begins again. With a passphrase
//! set, the new process starts locked, as after a quick hide.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;
use crate::{milestones, window, HIDDEN_ARG};

/// Names the screen to open on, after a start over (`--screen=reflect`).
pub const SCREEN_ARG: &str = "--screen=";
/// Marks a start over, so it takes no start backup of its own.
pub const RESTARTED_ARG: &str = "--restarted";

/// How long nothing must have been under way: the page's last saves
/// (sent as it closes) arrive within this.
const QUIET: Duration = Duration::from_secs(5);

static PENDING: AtomicBool = AtomicBool::new(false);

/// Whether this process is a start over (it then takes no start backup).
pub fn is_restart() -> bool {
    std::env::args().any(|a| a == RESTARTED_ARG)
}

/// The screen a start over was asked to open on.
pub fn screen_from_args() -> Option<String> {
    std::env::args()
        .find_map(|a| a.strip_prefix(SCREEN_ARG).map(str::to_owned))
        .and_then(|route| window::route_of(Some(&format!("/{route}"))))
}

/// Starts over without the webview once the app is quiet, unless the window
/// opens again first. Call it when the main window is gone.
pub fn when_quiet<R: Runtime>(app: &AppHandle<R>) {
    if PENDING.swap(true, Ordering::AcqRel) {
        return;
    }
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("restart".into())
        .spawn(move || {
            restart_when_quiet(&app);
            PENDING.store(false, Ordering::Release);
        });
    if let Err(e) = spawned {
        PENDING.store(false, Ordering::Release);
        log::warn!("could not wait to start over: {e}");
    }
}

fn restart_when_quiet<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>().inner().clone();
    let window_open = || app.get_webview_window(window::MAIN).is_some();
    loop {
        if window_open() {
            return;
        }
        if state.quiet_for().is_none_or(|quiet| quiet < QUIET) {
            std::thread::sleep(Duration::from_millis(200));
            continue;
        }
        // A store that did not open has nothing to protect, and starting
        // over would only fail the same way: stay.
        let Ok(engine) = state.engine() else {
            return;
        };
        let round = milestones::ROUND.lock().unwrap_or_else(|e| e.into_inner());
        let writes = engine.hold_writes();
        log::info!("starting over in the tray: writes held");
        pause_for_tests();
        if window_open() {
            return;
        }
        // A tray click that came in meanwhile is under way (and waits for
        // the writes): let it finish, then wait for quiet again.
        if state.quiet_for().is_none() {
            drop(writes);
            drop(round);
            continue;
        }
        let error = exec(window::last_screen(app));
        log::warn!("could not start over without the window: {error}");
        return;
    }
}

/// Debug builds only: `CROSSROADS_RESTART_PAUSE_MS` holds the writes that
/// long before the last check, so an end-to-end test can click the tray
/// inside the start over.
fn pause_for_tests() {
    if cfg!(debug_assertions) {
        if let Some(ms) = std::env::var("CROSSROADS_RESTART_PAUSE_MS")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
        {
            std::thread::sleep(Duration::from_millis(ms));
        }
    }
}

#[cfg(unix)]
fn exec(screen: Option<String>) -> std::io::Error {
    use std::os::unix::process::CommandExt;
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => return e,
    };
    let mut args: Vec<std::ffi::OsString> = std::env::args_os()
        .skip(1)
        .filter(|a| {
            let text = a.to_string_lossy();
            text != HIDDEN_ARG && text != RESTARTED_ARG && !text.starts_with(SCREEN_ARG)
        })
        .collect();
    args.push(HIDDEN_ARG.into());
    args.push(RESTARTED_ARG.into());
    if let Some(route) = screen {
        args.push(format!("{SCREEN_ARG}{route}").into());
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    end_children();
    std::process::Command::new(exe).args(args).exec()
}

/// Ends WebKit's helper processes (the network process outlives the
/// window) and waits for them: after `exec` nothing would reap them, and
/// each would stay as a zombie for the life of the tray.
#[cfg(unix)]
fn end_children() {
    let me = std::process::id();
    let children: Vec<i32> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .ok()
                .and_then(|stat| {
                    let (_, rest) = stat.rsplit_once(')')?;
                    rest.split_whitespace().nth(1)?.parse::<u32>().ok()
                })
                == Some(me)
        })
        .collect();
    for pid in &children {
        // SAFETY: plain system calls on our own children's ids.
        unsafe {
            libc::kill(*pid, libc::SIGTERM);
        }
    }
    for pid in children {
        let mut status = 0;
        // SAFETY: as above; blocks until that child has ended.
        unsafe {
            libc::waitpid(pid, &mut status, 0);
        }
    }
}

#[cfg(not(unix))]
fn exec(_screen: Option<String>) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::Unsupported, "only on Unix")
}
