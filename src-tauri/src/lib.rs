//! The Crossroads desktop shell: Tauri around the [`engine`] crate.
//!
//! # Layout
//!
//! - [`commands`]: what the UI can call, one file per family; each command
//!   takes state, calls the engine and maps the error.
//! - [`error`]: errors as they cross IPC, `{kind, message, field}`.
//! - [`state`]: the open engine and the data folder.
//! - [`clock`]: the only place that reads the system clock and zone.
//! - [`notifier`]: native notifications, discreet, with a short timeout.
//! - [`memory`]: gives memory freed by one-off work (backups) back.
//! - [`milestones`]: the background check that announces milestones and
//!   keeps the tray's day count current.
//! - [`window`]: open, focus and rebuild the main window.
//! - `tray`: the tray icon and its menu (not built in unit tests).
//! - `restart`: in the tray, the process starts over without the webview
//!   once the window has closed (not built in unit tests).
//! - [`words`]: the catalogs of words (ui/i18n), shared with the UI.
//!
//! [`run`] starts the real app; [`run_app`] adds what every build shares
//! (the commands), so tests can drive it on Tauri's mock runtime.

pub mod clock;
pub mod commands;
pub mod display;
pub mod error;
pub mod memory;
pub mod milestones;
pub mod notifier;
#[cfg(not(test))]
mod restart;
pub mod state;
#[cfg(not(test))]
mod tray;
pub mod window;
pub mod words;

use tauri::{Builder, Runtime};
#[cfg(not(test))]
use tauri::{Manager, RunEvent};

use crate::milestones::Wake;
#[cfg(not(test))]
use crate::{clock::Clock, notifier::Notifier, state::AppState};

/// Whether the tray icon exists; without it, closing the window must quit,
/// or the app would linger with no way back.
#[cfg(not(test))]
struct TrayPresent(bool);

/// Started at login with this argument, the app waits in the tray.
pub const HIDDEN_ARG: &str = "--hidden";

/// Adds the commands (and the state they need beyond [`AppState`] and the
/// [`Notifier`], which the caller chooses) to `builder`. Shared by the real
/// app and the mock-runtime tests.
pub fn run_app<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![HIDDEN_ARG]),
        ))
        .manage(Wake::default())
        .invoke_handler(tauri::generate_handler![
            commands::system::app_info,
            commands::settings::get_words,
            commands::settings::set_language,
            commands::program::get_overview,
            commands::program::get_moment,
            commands::program::acknowledge_moment,
            commands::profile::get_profile,
            commands::profile::save_profile,
            commands::system::send_test_notification,
            commands::no_contact::get_no_contact,
            commands::no_contact::start_no_contact,
            commands::no_contact::log_event,
            commands::no_contact::undo_event,
            commands::no_contact::set_event_note,
            commands::settings::get_settings,
            commands::settings::save_settings,
            commands::settings::set_autostart,
            commands::safety::get_safety_resources,
            commands::safety::quick_hide,
            commands::dealbreakers::get_dealbreakers,
            commands::dealbreakers::answer_dealbreakers,
            commands::dealbreakers::choose_path,
            commands::reflect::get_reflection,
            commands::reflect::save_reflection,
            commands::reflect::set_pattern,
            commands::reflect::set_growth_way,
            commands::reflect::add_growth_step,
            commands::reflect::set_growth_step,
            commands::reflect::decide,
            commands::drafts::get_vault,
            commands::drafts::save_draft,
            commands::drafts::delete_draft,
            commands::drafts::save_pledge,
            commands::backups::list_backups,
            commands::backups::restore_backup,
            commands::privacy::get_encryption,
            commands::privacy::unlock,
            commands::privacy::lock_now,
            commands::privacy::set_passphrase,
            commands::privacy::change_passphrase,
            commands::privacy::remove_passphrase,
            commands::privacy::get_privacy,
            commands::privacy::save_privacy,
            commands::care::check_text,
            commands::care::get_care_card,
            commands::care::get_country,
            commands::care::set_country,
            commands::care::get_safety_plan,
            commands::care::save_safety_plan,
            commands::life::get_life,
            commands::life::log_activity,
            commands::life::update_activity,
            commands::life::delete_activity,
            commands::life::count_thought,
            commands::life::save_mood,
            commands::life::save_trigger,
            commands::life::delete_trigger,
            commands::life::get_journal,
            commands::life::save_journal_entry,
            commands::life::delete_journal_entry,
            commands::life::get_statistics,
            commands::endings::get_reach_out,
            commands::endings::answer_care_check,
            commands::endings::save_plan_note,
            commands::endings::use_apology,
            commands::endings::record_outcome,
            commands::endings::get_together,
            commands::endings::add_together_item,
            commands::endings::remove_together_item,
            commands::endings::save_house_rules,
            commands::endings::save_check_in,
            commands::endings::start_cooldown,
            commands::endings::stop_cooldown,
            commands::endings::get_closure,
            commands::endings::choose_moving_on,
            commands::endings::save_closure,
            commands::endings::archive_program,
            commands::endings::erase_program,
            commands::endings::list_archives,
            commands::endings::get_archive,
            commands::perf::ui_ready,
            commands::data::export_data,
            commands::data::import_data,
            commands::data::erase_everything,
        ])
}

/// Runs Crossroads until the person chooses Quit.
#[cfg(not(test))]
pub fn run() {
    display::require();
    let builder = Builder::default()
        // First, so that a second launch hands over before anything else
        // (such as the store's lock) is touched.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            window::show(app);
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .build(),
        )
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .manage(commands::data::FileChoice::from_env())
        .manage(window::LastScreen::starting_on(restart::screen_from_args()))
        // Closing the window destroys the webview; remember its screen first.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { .. } = event {
                if let Some(webview) = window.get_webview_window(window.label()) {
                    window::remember_screen(&webview);
                }
            }
        })
        .setup(|app| {
            // Tauri panics on a setup error, with a backtrace; say it plainly.
            if let Err(e) = start(app) {
                log::error!("could not start: {e}");
                eprintln!("Crossroads could not start: {e}");
                std::process::exit(START_FAILED_EXIT);
            }
            Ok(())
        });
    let app = match display::start_or_exit(|| run_app(builder).build(tauri::generate_context!())) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("Crossroads could not start: {e}");
            std::process::exit(START_FAILED_EXIT);
        }
    };
    app.run(|app, event| {
        // Closing the last window asks to exit with no code: stay in the
        // tray. Quit asks with code 0 and is let through.
        match event {
            RunEvent::ExitRequested {
                api, code: None, ..
            } if app.state::<TrayPresent>().0 => {
                api.prevent_exit();
            }
            // In the tray, the process starts over without the webview.
            RunEvent::WindowEvent {
                label,
                event: tauri::WindowEvent::Destroyed,
                ..
            } if label == window::MAIN && app.state::<TrayPresent>().0 => {
                restart::when_quiet(app);
            }
            _ => {}
        }
    });
}

/// Exit code when the app cannot start for a reason it names (no data
/// folder, a thread that cannot be started).
#[cfg(not(test))]
const START_FAILED_EXIT: i32 = 1;

/// Everything the real app does once Tauri is up: the data folder, the
/// store (opened off the main thread), the window, the tray and the
/// notifier.
#[cfg(not(test))]
fn start(app: &mut tauri::App) -> Result<(), Box<dyn std::error::Error>> {
    let os_default = app.path().app_data_dir().ok();
    let dir = state::data_dir(os_default)
        .ok_or("no folder for its data was found (set CROSSROADS_DATA_DIR to choose one)")?;
    log::info!("data folder: {}", dir.display());
    // The store opens off the main thread and off the path to the
    // first paint; commands that come first wait for it.
    let state = AppState::opening(&dir, Clock::system());
    app.manage(state.clone());
    app.manage(Notifier::default());
    std::thread::Builder::new()
        .name("open-store".into())
        .spawn(move || {
            state.finish_opening();
            if let Ok(engine) = state.engine() {
                words::settle(&engine);
            }
            // A start over (see `restart`) is not a start.
            if restart::is_restart() {
                return;
            }
            // Reading and writing every record would compete with
            // the first paint for the two cores of a small machine.
            commands::perf::wait_until_drawn();
            if let Ok(engine) = state.engine() {
                let reason = engine::BackupReason::Start;
                if let Err(e) = engine.backup(state.clock().now(), reason) {
                    log::warn!("automatic backup failed: {e}");
                }
                memory::give_back_freed();
            }
        })?;
    // The window first: WebKit starts its processes and loads the
    // page while the tray registers over D-Bus.
    let hidden = std::env::args().any(|a| a == HIDDEN_ARG);
    if !hidden {
        window::show(app.handle());
    }
    let tray = tray::create(app.handle());
    if let Err(e) = &tray {
        log::warn!("no tray icon: {e}");
    }
    app.manage(TrayPresent(tray.is_ok()));
    milestones::spawn(app.handle().clone(), tray::show_day, !hidden);
    // Started hidden with no tray to come back from: show it after all.
    if hidden && tray.is_err() {
        window::show(app.handle());
    }
    Ok(())
}
