//! Started where there is no graphical desktop (a plain SSH session, a
//! service, a broken session), Crossroads says so in one plain line and
//! exits with code 1, instead of a panic and a backtrace from inside the
//! windowing library.

/// Exit code when no window can be opened.
pub const NO_DISPLAY_EXIT: i32 = 1;

const NO_DISPLAY: &str = "Crossroads needs a graphical desktop to open its window, and none was found (neither DISPLAY nor WAYLAND_DISPLAY is set).";
const GTK_FAILED: &str =
    "Crossroads could not open its window: the graphical desktop did not answer (GTK could not start).";

/// On Linux and the BSDs: exits at once, with one line, when neither X11
/// nor Wayland is named in the environment. Elsewhere it does nothing.
pub fn require() {
    if cfg!(all(unix, not(target_os = "macos"))) {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        if !set("DISPLAY") && !set("WAYLAND_DISPLAY") {
            exit_with(NO_DISPLAY);
        }
    }
}

/// Runs `start` (which creates the windowing event loop) and turns the
/// windowing library's panic, when the desktop does not answer, into one
/// line and exit code 1.
pub fn start_or_exit<T>(start: impl FnOnce() -> T) -> T {
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return start();
    }
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let started = std::panic::catch_unwind(std::panic::AssertUnwindSafe(start));
    std::panic::set_hook(quiet);
    match started {
        Ok(value) => value,
        Err(_) => exit_with(GTK_FAILED),
    }
}

fn exit_with(line: &str) -> ! {
    eprintln!("{line}");
    std::process::exit(NO_DISPLAY_EXIT)
}
