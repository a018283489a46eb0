//! The main window's lifecycle. Closing it destroys the webview (freeing
//! most of the memory) while the app lives on in the tray; opening it again
//! rebuilds it from the config.

use tauri::{AppHandle, Manager, Runtime, WebviewWindowBuilder};

/// The label of the one window.
pub const MAIN: &str = "main";

/// Shows and focuses the main window, creating it if it was closed.
pub fn show<R: Runtime>(app: &AppHandle<R>) {
    if !focus_existing(app) {
        create(app, None);
    }
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
