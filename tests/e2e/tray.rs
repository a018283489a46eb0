//! The tray: its menu, its counts, and the process that starts over without WebKit while it waits there.

use super::*;

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn the_tray_menu_reopens_the_window_and_quits() {
    let home = TestHome::new();
    let record = home.file("tray.log");
    let _watcher = start_tray_watcher(&record);
    let app = App::start(&home).await;

    let registered = wait_for_file_containing(&record, " /");
    let line = registered
        .lines()
        .find(|l| l.contains(" /"))
        .unwrap()
        .to_owned();
    let (bus, path) = line.split_once(' ').unwrap();
    let menu = sni(&["menu", bus, path]);
    let menu = String::from_utf8_lossy(&menu.stdout).into_owned();
    assert!(menu.contains("\"Open Crossroads\""), "{menu}");
    assert!(menu.contains("\"Quit Crossroads\""), "{menu}");
    let pid: u32 = String::from_utf8_lossy(&sni(&["pid", bus]).stdout)
        .trim()
        .parse()
        .expect("the tray's process id");

    // Closing the window leaves the app running in the tray.
    assert_eq!(x_windows_titled("Crossroads"), 1);
    close_window_like_a_person("Crossroads");
    let started = Instant::now();
    while x_windows_titled("Crossroads") > 0 {
        assert!(started.elapsed() < PATIENCE, "the window did not close");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Still serving its tray over D-Bus once the window is gone: a signal,
    // not a pause that had to be long enough.
    let menu_again = sni(&["menu", bus, path]);
    assert!(
        String::from_utf8_lossy(&menu_again.stdout).contains("\"Open Crossroads\""),
        "{menu_again:?}"
    );
    assert!(alive(pid), "closing the window must not quit the app");

    // Open Crossroads in the tray menu brings a window back.
    let clicked = sni(&["click", bus, path, "Open Crossroads"]);
    assert!(clicked.status.success(), "{clicked:?}");
    let started = Instant::now();
    while x_windows_titled("Crossroads") == 0 {
        assert!(
            started.elapsed() < PATIENCE,
            "Open Crossroads did not bring the window back"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let clicked = sni(&["click", bus, path, "Quit Crossroads"]);
    assert!(clicked.status.success(), "{clicked:?}");
    let started = Instant::now();
    while alive(pid) {
        assert!(started.elapsed() < PATIENCE, "Quit did not end the app");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.close().await;
}

/// The tray registrations recorded so far, as (bus, path), oldest first.
fn tray_registrations(record: &std::path::Path) -> Vec<(String, String)> {
    std::fs::read_to_string(record)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(" /"))
        .filter_map(|l| l.split_once(' '))
        .map(|(bus, path)| (bus.to_owned(), path.to_owned()))
        .collect()
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn in_the_tray_the_process_starts_over_without_webkit_and_loses_nothing() {
    let home = TestHome::new();
    let record = home.file("tray.log");
    let _watcher = start_tray_watcher(&record);
    let app = App::start(&home).await;
    profile_for_setup(&app, "Sam").await;
    app.go("settings").await;
    wait_for_file_containing(&record, " /");
    let (bus, _) = tray_registrations(&record).remove(0);
    let pid: u32 = String::from_utf8_lossy(&sni(&["pid", &bus]).stdout)
        .trim()
        .parse()
        .expect("the tray's process id");
    // A save sent as the window closes is on disk after the start over.
    app.script(
        "window.__TAURI__.core.invoke('save_reflection', { prompt: 'reason', value: 'Written as it closed' });",
    )
    .await;
    close_window_like_a_person("Crossroads");

    // The same process id, now started over: no WebKit process at all.
    let started = Instant::now();
    loop {
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        if String::from_utf8_lossy(&cmdline).contains("--restarted") {
            break;
        }
        assert!(alive(pid), "the app ended instead of staying in the tray");
        assert!(started.elapsed() < PATIENCE, "the app did not start over");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let started = Instant::now();
    while tray_registrations(&record).len() < 2 {
        assert!(started.elapsed() < PATIENCE, "the tray did not come back");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let webkit: Vec<String> = children_of(pid)
        .into_iter()
        .filter(|name| name.starts_with("WebKit"))
        .collect();
    assert_eq!(
        webkit,
        Vec::<String>::new(),
        "no WebKit process in the tray"
    );

    // Open from the new tray brings the window back on the same screen,
    // with what was saved as it closed.
    let (bus, path) = tray_registrations(&record).pop().unwrap();
    let clicked = sni(&["click", &bus, &path, "Open Crossroads"]);
    assert!(clicked.status.success(), "{clicked:?}");
    let started = Instant::now();
    while x_windows_titled("Crossroads") == 0 {
        assert!(
            started.elapsed() < PATIENCE,
            "Open did not bring the window back"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(alive(pid));
    // WebDriver's session ended with the old image, so the app's log says
    // which screen the new window opened on.
    let started = Instant::now();
    while home
        .files_containing(&["reopening on the settings screen"])
        .is_empty()
    {
        assert!(
            started.elapsed() < PATIENCE,
            "the window did not reopen on Settings"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    let clicked = sni(&["click", &bus, &path, "Quit Crossroads"]);
    assert!(clicked.status.success(), "{clicked:?}");
    let started = Instant::now();
    while alive(pid) {
        assert!(started.elapsed() < PATIENCE, "Quit did not end the app");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let engine = engine::Crossroads::open(&home.data_dir()).unwrap();
    let export = engine.export_json(chrono::Utc::now()).unwrap();
    assert!(
        String::from_utf8_lossy(&export).contains("Written as it closed"),
        "the save sent as the window closed is kept"
    );
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn a_tray_click_during_the_start_over_is_counted() {
    let home = TestHome::new();
    let record = home.file("tray.log");
    let _watcher = start_tray_watcher(&record);
    // Debug builds hold the store's writes this long inside the start over,
    // so the click below lands inside it, not before or after.
    let app = App::start_with(&home, &[("CROSSROADS_RESTART_PAUSE_MS", "3000")]).await;
    profile_for_setup(&app, "Sam").await;
    let started = app
        .invoke("start_no_contact", json!({ "since": null }))
        .await;
    assert!(started["ok"]["current"].is_object(), "{started}");
    wait_for_file_containing(&record, " /");
    let (bus, path) = tray_registrations(&record).remove(0);
    let pid: u32 = String::from_utf8_lossy(&sni(&["pid", &bus]).stdout)
        .trim()
        .parse()
        .expect("the tray's process id");
    close_window_like_a_person("Crossroads");

    // The start over has begun: the writes are held.
    let started = Instant::now();
    while home
        .files_containing(&["starting over in the tray: writes held"])
        .is_empty()
    {
        assert!(started.elapsed() < PATIENCE, "the app did not start over");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let clicked = sni(&["click", &bus, &path, "I thought about them"]);
    assert!(clicked.status.success(), "{clicked:?}");

    // It starts over all the same, once the click is written.
    let started = Instant::now();
    loop {
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        if String::from_utf8_lossy(&cmdline).contains("--restarted") {
            break;
        }
        assert!(alive(pid), "the app ended instead of staying in the tray");
        assert!(
            started.elapsed() < PATIENCE * 2,
            "the app did not start over"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let started = Instant::now();
    while tray_registrations(&record).len() < 2 {
        assert!(started.elapsed() < PATIENCE, "the tray did not come back");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (bus, path) = tray_registrations(&record).pop().unwrap();
    let clicked = sni(&["click", &bus, &path, "Quit Crossroads"]);
    assert!(clicked.status.success(), "{clicked:?}");
    let started = Instant::now();
    while alive(pid) {
        assert!(started.elapsed() < PATIENCE, "Quit did not end the app");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let engine = engine::Crossroads::open(&home.data_dir()).unwrap();
    let life = engine
        .life(chrono::Utc::now(), chrono_tz::UTC)
        .expect("the life view");
    assert_eq!(
        life.thoughts_today, 1,
        "the click in the start over is counted"
    );
    app.close().await;
}
