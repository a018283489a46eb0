//! The tray icon and its menu: the app's home while the window is closed.

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Runtime};

use std::sync::Mutex;

use engine::{EventKind, Language};

use crate::state::AppState;
use crate::window;
use crate::words;

const TRAY_ID: &str = "main";
const OPEN: &str = "open";
const URGE: &str = "urge";
const SLIP: &str = "slip";
const HIDE: &str = "hide";
const LOCK: &str = "lock";
const QUIT: &str = "quit";
const THOUGHT: &str = "thought";
const ACTIVITY: &str = "activity";
const COOLDOWN: &str = "cooldown";

/// The menu, labelled in the current language.
fn menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str, key: &str| {
        let label = words::text(&format!("tray.{key}"), &[]);
        MenuItem::with_id(app, id, label, true, None::<&str>)
    };
    Menu::with_items(
        app,
        &[
            &item(OPEN, "open")?,
            &PredefinedMenuItem::separator(app)?,
            &item(URGE, "urge")?,
            &item(SLIP, "slip")?,
            &item(THOUGHT, "thought")?,
            &item(ACTIVITY, "activity")?,
            &item(HIDE, "hide")?,
            &item(LOCK, "lock")?,
            &item(COOLDOWN, "cooldown")?,
            &PredefinedMenuItem::separator(app)?,
            &item(QUIT, "quit")?,
        ],
    )
}

/// The language the menu is labelled in now.
static MENU_LANGUAGE: Mutex<Option<Language>> = Mutex::new(None);

/// Creates the tray icon with its menu.
pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let menu = menu(app)?;
    *MENU_LANGUAGE.lock().unwrap_or_else(|e| e.into_inner()) = Some(words::current());
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Crossroads")
        .menu(&menu)
        .show_menu_on_left_click(false)
        .on_menu_event(|app, event| match event.id().as_ref() {
            OPEN => window::show(app),
            URGE => urge(app),
            SLIP => window::show_route(app, "no-contact"),
            // Hiding locks too (when a passphrase is set).
            HIDE | LOCK => window::hide_now(app),
            QUIT => app.exit(0),
            THOUGHT => thought(app),
            ACTIVITY => window::show_route(app, "live"),
            COOLDOWN => cooldown(app),
            _ => {}
        })
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                window::show(tray.app_handle());
            }
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(())
}

/// "I feel the urge": counted at once, then something to do instead.
fn urge<R: Runtime>(app: &AppHandle<R>) {
    // Under way from here, as a command is, so a start over waits for it;
    // the write is flushed before the screen opens, off the main thread.
    let logged = state_of(app).work(|engine, clock| {
        engine.log_event(EventKind::UrgeResisted, None, clock.now(), clock.zone())
    });
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        match logged.await {
            Ok(_) => window::show_route(&app, "urge"),
            Err(e) => {
                // Most likely no contact has not started yet: show where to start it.
                log::info!("urge not logged: {}", e.message);
                window::show_route(&app, "no-contact");
            }
        }
        app.state::<crate::milestones::Wake>().now();
    });
}

/// "I thought about them": counted at once, quietly; the window opens only
/// when it could not be counted, to say why.
fn thought<R: Runtime>(app: &AppHandle<R>) {
    let counted =
        state_of(app).work(|engine, clock| engine.count_thought(clock.now(), clock.zone()));
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        match counted.await {
            // An open window redraws the tally if it shows it.
            Ok(_) => tell_open_page(&app, "crossroads:thought"),
            Err(e) => {
                log::info!("thought not counted: {}", e.message);
                window::show_route(&app, "live");
            }
        }
    });
}

/// The shared state, through which the tray writes as the commands do.
fn state_of<R: Runtime>(app: &AppHandle<R>) -> AppState {
    app.state::<AppState>().inner().clone()
}

/// Tells an open window that the tray changed something it may show
/// (`event`, a fixed name: nothing the person wrote).
fn tell_open_page<R: Runtime>(app: &AppHandle<R>, event: &'static str) {
    if let Some(main) = app.get_webview_window(window::MAIN) {
        let _ = main.eval(format!("window.dispatchEvent(new Event('{event}'));"));
    }
}

/// "Start a cooldown": the timer starts at once, without opening the
/// window (an argument is heating up); when step 6 is not open, the window
/// says why.
fn cooldown<R: Runtime>(app: &AppHandle<R>) {
    let started = state_of(app).work(|engine, clock| engine.start_cooldown(clock.now()));
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        match started.await {
            // An open window shows it running.
            Ok(_) => tell_open_page(&app, "crossroads:cooldown"),
            Err(e) => {
                log::info!("cooldown not started: {}", e.message);
                window::show_route(&app, "together");
            }
        }
        app.state::<crate::milestones::Wake>().now();
    });
}

/// Shows "Day N" beside the icon and in its tooltip (no name, ever), and
/// the minutes left of a running cooldown; relabels the menu when the
/// language changed since it was built.
pub fn show_day<R: Runtime>(app: &AppHandle<R>, day: Option<u32>, cooldown: Option<i64>) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return;
    };
    let language = words::current();
    let mut labelled = MENU_LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    if *labelled != Some(language) {
        match menu(app) {
            Ok(menu) => {
                let _ = tray.set_menu(Some(menu));
                *labelled = Some(language);
            }
            Err(e) => log::warn!("tray menu not relabelled: {e}"),
        }
    }
    drop(labelled);
    let day_text = day.map(|d| words::text("tray.day", &[("count", &d)]));
    let cooldown_text = cooldown.map(|m| words::text("tray.cooldownLeft", &[("count", &m)]));
    let text = match (day_text, cooldown_text) {
        (Some(d), Some(c)) => Some(format!("{d} · {c}")),
        (d, c) => d.or(c),
    };
    let _ = tray.set_title(text.as_deref());
    let tooltip = text.map_or_else(|| "Crossroads".to_owned(), |t| format!("Crossroads · {t}"));
    let _ = tray.set_tooltip(Some(tooltip));
}
