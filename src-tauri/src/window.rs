//! The main window's lifecycle. Closing it destroys the webview (freeing
//! most of the memory) while the app lives on in the tray; opening it again
//! rebuilds it from the config.

use tauri::{AppHandle, Manager, Runtime, WebviewWindowBuilder};

/// The label of the one window.
pub const MAIN: &str = "main";

/// Shows and focuses the main window, creating it if it was closed.
pub fn show<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
        return;
    }
    let Some(config) = app.config().app.windows.iter().find(|w| w.label == MAIN) else {
        log::error!("tauri.conf.json has no window labelled {MAIN}");
        return;
    };
    match WebviewWindowBuilder::from_config(app, config).and_then(|b| b.build()) {
        Ok(window) => {
            let _ = window.set_focus();
        }
        Err(e) => log::error!("could not open the window: {e}"),
    }
}

/// Shows the main window on a given screen (`#/route`).
pub fn show_route<R: Runtime>(app: &AppHandle<R>, route: &str) {
    let script = format!(
        "location.hash = {};",
        serde_json::to_string(&format!("#/{route}")).unwrap_or_default()
    );
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.eval(&script);
        show(app);
        return;
    }
    let Some(config) = app.config().app.windows.iter().find(|w| w.label == MAIN) else {
        return;
    };
    // A new page reads its screen from the address before its scripts run.
    let built = WebviewWindowBuilder::from_config(app, config)
        .map(|b| b.initialization_script(format!("if (!location.hash) {{ {script} }}")))
        .and_then(|b| b.build());
    match built {
        Ok(window) => {
            let _ = window.set_focus();
        }
        Err(e) => log::error!("could not open the window: {e}"),
    }
}

/// Closes the main window at once (quick hide). The app stays in the tray
/// when there is one; the webview is destroyed, so nothing stays on screen.
pub fn hide_now<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.hide();
        let _ = window.destroy();
    }
}
