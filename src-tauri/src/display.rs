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
/// line and exit code 1. Any other panic is reported and raised as before.
pub fn start_or_exit<T>(start: impl FnOnce() -> T) -> T {
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return start();
    }
    let previous = std::sync::Arc::new(std::panic::take_hook());
    let forward = std::sync::Arc::clone(&previous);
    std::panic::set_hook(Box::new(move |info| {
        if !is_display_failure(info.payload()) {
            forward(info);
        }
    }));
    let started = std::panic::catch_unwind(std::panic::AssertUnwindSafe(start));
    std::panic::set_hook(Box::new(move |info| previous(info)));
    match started {
        Ok(value) => value,
        Err(payload) if is_display_failure(&*payload) => exit_with(GTK_FAILED),
        Err(payload) => std::panic::resume_unwind(payload),
    }
}

/// The windowing library's (tao's) words when GTK cannot start.
const TAO_GTK_FAILURE: &str = "Failed to initialize gtk backend";

/// Whether a panic is the windowing library failing to start GTK, and not
/// any other panic that happens to name GTK.
fn is_display_failure(payload: &(dyn std::any::Any + Send)) -> bool {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    message.contains(TAO_GTK_FAILURE)
}

fn exit_with(line: &str) -> ! {
    eprintln!("{line}");
    std::process::exit(NO_DISPLAY_EXIT)
}

#[cfg(test)]
mod tests {
    use super::is_display_failure;

    #[test]
    fn only_gtk_failing_to_start_counts_as_no_display() {
        let gtk: Box<dyn std::any::Any + Send> = Box::new("Failed to initialize gtk backend!");
        assert!(is_display_failure(&*gtk));
        let owned: Box<dyn std::any::Any + Send> = Box::new(String::from(
            "called `Result::unwrap()`: Failed to initialize gtk backend!",
        ));
        assert!(is_display_failure(&*owned));
        let other_gtk: Box<dyn std::any::Any + Send> =
            Box::new(String::from("gtk widget used after it was destroyed"));
        assert!(!is_display_failure(&*other_gtk));
        let other: Box<dyn std::any::Any + Send> = Box::new("index out of bounds");
        assert!(!is_display_failure(&*other));
        let opaque: Box<dyn std::any::Any + Send> = Box::new(42_u8);
        assert!(!is_display_failure(&*opaque));
    }
}
