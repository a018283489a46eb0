//! The main window's lifecycle. Closing it destroys the webview (freeing
//! most of the memory) while the app lives on in the tray; opening it again
//! rebuilds it from the config.

use std::sync::Mutex;

use tauri::{AppHandle, Manager, Runtime, WebviewWindow, WebviewWindowBuilder};

/// The label of the one window.
pub const MAIN: &str = "main";

/// Shows and focuses the main window, creating it if it was closed (on the
/// screen the person was on when it closed).
pub fn show<R: Runtime>(app: &AppHandle<R>) {
    if focus_existing(app) {
        return;
    }
    match last_screen(app) {
        Some(route) => {
            // A screen's name only, never what is on it.
            log::info!("reopening on the {route} screen");
            show_route(app, &route);
        }
        None => create(app, None),
    }
}

/// The screen (`#/route`) the main window showed when it was last closed,
/// so that rebuilding it brings the person back where they were.
#[derive(Default)]
pub struct LastScreen(Mutex<Option<String>>);

impl LastScreen {
    /// Remembers `route` from the start (a start over names the screen).
    pub fn starting_on(route: Option<String>) -> LastScreen {
        LastScreen(Mutex::new(route))
    }
}

/// The route in a window address's fragment (`#/reflect` gives `reflect`),
/// when it is a plain screen name.
pub fn route_of(fragment: Option<&str>) -> Option<String> {
    let route = fragment?.strip_prefix('/')?;
    let plain = !route.is_empty()
        && route.len() <= 40
        && route.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    plain.then(|| route.to_owned())
}

/// Remembers the screen the main window shows, before it is destroyed.
pub fn remember_screen<R: Runtime>(window: &WebviewWindow<R>) {
    let Some(last) = window.try_state::<LastScreen>() else {
        return;
    };
    if let Ok(url) = window.url() {
        *last.0.lock().unwrap_or_else(|e| e.into_inner()) = route_of(url.fragment());
    }
}

/// The screen remembered by [`remember_screen`], if any.
pub fn last_screen<R: Runtime>(app: &AppHandle<R>) -> Option<String> {
    let last = app.try_state::<LastScreen>()?;
    let route = last.0.lock().unwrap_or_else(|e| e.into_inner()).clone();
    route
}

/// Shows the main window on a given screen (`#/route`).
pub fn show_route<R: Runtime>(app: &AppHandle<R>, route: &str) {
    let hash = serde_json::to_string(&format!("#/{route}")).unwrap_or_default();
    let script = format!("location.hash = {hash};");
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.eval(&script);
        focus_existing(app);
    } else {
        // A new page reads its screen from the address before its scripts run.
        create(app, Some(format!("if (!location.hash) {{ {script} }}")));
    }
}

/// Closes the main window at once (quick hide). The app stays in the tray
/// when there is one; the webview is destroyed, so nothing stays on screen;
/// with a passphrase set, the data locks too.
pub fn hide_now<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.hide();
        remember_screen(&window);
        let _ = window.destroy();
    }
    let state = app.state::<crate::state::AppState>().inner().clone();
    // Off the caller's thread: the store may still be opening.
    std::thread::spawn(move || {
        if let Ok(engine) = state.engine() {
            engine.lock();
        }
    });
}

fn focus_existing<R: Runtime>(app: &AppHandle<R>) -> bool {
    let Some(window) = app.get_webview_window(MAIN) else {
        return false;
    };
    let _ = window.unminimize();
    let _ = window.show();
    let _ = window.set_focus();
    true
}

fn create<R: Runtime>(app: &AppHandle<R>, init_script: Option<String>) {
    let Some(config) = app.config().app.windows.iter().find(|w| w.label == MAIN) else {
        log::error!("tauri.conf.json has no window labelled {MAIN}");
        return;
    };
    let built = WebviewWindowBuilder::from_config(app, config)
        .map(|builder| match init_script {
            Some(script) => builder.initialization_script(script),
            None => builder,
        })
        .and_then(|builder| builder.build());
    match built {
        Ok(window) => {
            let _ = window.set_focus();
        }
        Err(e) => log::error!("could not open the window: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::route_of;

    #[test]
    fn only_plain_screen_names_are_remembered() {
        assert_eq!(route_of(Some("/reflect")), Some("reflect".into()));
        assert_eq!(route_of(Some("/no-contact")), Some("no-contact".into()));
        assert_eq!(route_of(None), None);
        assert_eq!(route_of(Some("")), None);
        assert_eq!(route_of(Some("/")), None);
        assert_eq!(route_of(Some("reflect")), None);
        assert_eq!(route_of(Some("/x\"; alert(1); //")), None);
        assert_eq!(route_of(Some("/Settings")), None);
    }
}
