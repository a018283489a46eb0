//! End-to-end tests: the real Crossroads binary in a real window, driven
//! through WebDriver, with real notifications and a real tray on a private
//! D-Bus session. Run by `cargo xtask test` (they need a display, so a
//! plain `cargo test` lists them as ignored).

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::json;
use support::*;

async fn fill_profile(app: &App, name: &str, date: &str) {
    app.type_into("#ex_name", name).await;
    app.click("input[name='pronouns'][value='they']").await;
    app.script(&format!(
        "const d = document.getElementById('breakup_date'); d.value = {date:?}; \
         d.dispatchEvent(new Event('input', {{ bubbles: true }}));"
    ))
    .await;
    app.click("input[name='ended_by'][value='them']").await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn first_run_profile_and_home_survive_a_restart() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    assert_eq!(app.text("h1").await, "Welcome to Crossroads");
    let promise = app.text(".privacy").await;
    assert!(promise.contains("never goes online"), "{promise}");
    app.screenshot("01-welcome").await;

    app.click("#begin").await;
    app.wait_for("main[data-view='profile'] #profile-form")
        .await;
    app.screenshot("02-profile-empty").await;
    fill_profile(&app, "Sam", &date_from_today(-10)).await;
    app.screenshot("03-profile-filled").await;
    app.click("#save-profile").await;

    app.wait_for("main[data-view='home'][aria-busy='false']")
        .await;
    let steps = app
        .script("return [...document.querySelectorAll('#steps li')].map(li => [li.dataset.step, li.dataset.status]);")
        .await;
    assert_eq!(
        steps,
        json!([
            ["dealbreakers", "open"],
            ["reflect", "locked"],
            ["too_proud_to_beg", "locked"],
            ["no_contact", "locked"],
            ["live_your_life", "locked"],
            ["reach_out", "locked"],
            ["better_relationship", "locked"]
        ])
    );
    let reach_out = app.text("li[data-step='reach_out'] .reason").await;
    assert!(reach_out.contains("14 days"), "{reach_out}");
    assert_eq!(app.text("#about-text").await, "They ended it, 10 days ago.");
    assert!(
        !app.text("main").await.contains("Sam"),
        "the home screen needs no name"
    );
    app.screenshot("04-home").await;
    app.close().await;

    // Same data folder, new process, and this time in dark mode.
    let app = App::start_with(&home, &[("GTK_THEME", "Adwaita:dark")]).await;
    app.wait_for("main[data-view='home']").await;
    let dark = app
        .script("return matchMedia('(prefers-color-scheme: dark)').matches;")
        .await;
    app.screenshot("05-home-after-restart-dark").await;
    app.go("settings").await;
    let name = app
        .script("return document.getElementById('ex_name').value;")
        .await;
    assert_eq!(name, "Sam");
    let checked = app
        .script("return document.querySelector('input[name=pronouns]:checked').value;")
        .await;
    assert_eq!(checked, "they");
    let data_dir = app.text("#data-dir").await;
    assert_eq!(data_dir, home.data_dir().display().to_string());
    app.screenshot("06-settings-dark").await;
    assert_eq!(
        dark,
        json!(true),
        "GTK_THEME=Adwaita:dark should give prefers-color-scheme: dark"
    );
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn bad_input_shows_a_message_by_the_field_and_stores_nothing() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    app.click("#begin").await;
    app.wait_for("#profile-form").await;

    fill_profile(&app, "", &date_from_today(-3)).await;
    app.click("#save-profile").await;
    let error = app.text_once_shown("#ex_name-error").await;
    assert!(error.contains("enter a name"), "{error}");
    let focused = app.script("return document.activeElement.id;").await;
    assert_eq!(focused, "ex_name", "focus moves to the field to fix");
    app.screenshot("07-profile-empty-name").await;

    fill_profile(&app, "Sam", &date_from_today(2)).await;
    app.click("#save-profile").await;
    app.eventually("return document.getElementById('ex_name-error').hidden;")
        .await;
    let error = app.text_once_shown("#breakup_date-error").await;
    assert_eq!(error, "The breakup date can't be in the future.");
    let invalid = app
        .script("return document.getElementById('breakup_date').getAttribute('aria-invalid');")
        .await;
    assert_eq!(invalid, "true");
    app.screenshot("08-profile-future-date").await;
    app.close().await;

    let app = App::start(&home).await;
    assert_eq!(
        app.text("h1").await,
        "Welcome to Crossroads",
        "nothing was stored"
    );
    let stored = app.invoke("get_profile", json!({})).await;
    assert_eq!(stored, json!({ "ok": null }));
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn a_second_launch_hands_over_and_exits_zero() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    let mut second = Command::new(APP);
    home.apply(&mut second);
    let mut child = second.spawn().unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the second launch kept running"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success(), "second launch exited with {status}");
    // The first is still there and still answers.
    assert_eq!(app.text("h1").await, "Welcome to Crossroads");
    let overview = app.invoke("get_overview", json!({})).await;
    assert_eq!(overview["ok"]["has_profile"], false, "{overview}");
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn a_test_notification_reaches_the_desktop_and_stays_discreet() {
    let home = TestHome::new();
    let log = home.file("notify.log");
    let _monitor = monitor_notifications(&log);
    let app = App::start(&home).await;
    let saved = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": "Morgan", "pronouns": "he", "breakup_date": date_from_today(-20), "ended_by": "me" }}),
        )
        .await;
    assert_eq!(saved["ok"]["ex_name"], "Morgan", "{saved}");
    app.go("settings").await;
    app.click("#test-notification").await;
    let status = app
        .eventually("return document.getElementById('test-notification-status').textContent;")
        .await;
    assert!(status.as_str().unwrap().contains("was sent"), "{status}");
    let captured = wait_for_file_containing(&log, "Notifications are working");
    assert!(captured.contains("string \"Crossroads\""), "{captured}");
    assert!(
        !captured.contains("Morgan"),
        "no name in a notification:\n{captured}"
    );
    app.screenshot("09-settings-notification-sent").await;
    app.close().await;
}

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
    tokio::time::sleep(Duration::from_secs(1)).await;
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

async fn set_value(app: &App, css: &str, value: &str) {
    app.script(&format!(
        "const el = document.querySelector({css:?}); el.value = {value:?}; \
         el.dispatchEvent(new Event('input', {{ bubbles: true }}));"
    ))
    .await;
}

async fn profile_for_setup(app: &App, name: &str) {
    let saved = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": name, "pronouns": "they", "breakup_date": date_from_today(-12), "ended_by": "them" }}),
        )
        .await;
    assert_eq!(saved["ok"]["ex_name"], name, "{saved}");
    let no = "no";
    let checked = app
        .invoke(
            "answer_dealbreakers",
            json!({ "input": { "cheated": no, "lied": no, "put_down": no, "abusive": no }}),
        )
        .await;
    assert_eq!(checked["ok"]["done"], true, "{checked}");
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn a_milestone_notifies_on_time_once_and_the_tray_counts_urges() {
    let home = TestHome::new();
    let log = home.file("notify.log");
    let record = home.file("tray.log");
    let _monitor = monitor_notifications(&log);
    let _watcher = start_tray_watcher(&record);
    let app = App::start(&home).await;
    profile_for_setup(&app, "Sam").await;

    app.go("no-contact").await;
    app.wait_for("#start-form").await;
    app.screenshot("10-no-contact-empty").await;
    app.click("input[name='start-when'][value='earlier']").await;
    // Seven days ago, less forty seconds: day 7 falls forty seconds from
    // now, room enough for a loaded machine to get there first.
    let since = chrono::Utc::now() - chrono::Duration::days(7) + chrono::Duration::seconds(40);
    set_value(&app, "#since", &utc_wall_time(since)).await;
    app.click("#start-no-contact").await;
    assert_eq!(app.text("#day-number").await, "6");
    assert!(app.text("#next-milestone").await.contains("day 7"));
    app.screenshot("11-no-contact-day-6").await;

    // Days 1 and 3 passed before the start was entered: one summary.
    let captured = wait_for_file_containing(&log, "milestones (day 1, day 3)");
    assert!(captured.contains("6 days of no contact"), "{captured}");
    // Day 7 arrives on time.
    let captured =
        wait_for_file_containing_within(&log, "7 days of no contact", Duration::from_secs(90));
    assert!(
        !captured.contains("Sam"),
        "no name in a notification:\n{captured}"
    );
    app.go("home").await;
    app.go("no-contact").await;
    assert_eq!(app.text("#day-number").await, "7");
    let (bus, path) = latest_tray_item(&record, 0);
    let started = Instant::now();
    loop {
        let label = String::from_utf8_lossy(&sni(&["label", &bus, &path]).stdout)
            .trim()
            .to_owned();
        if label == "Day 7" {
            break;
        }
        assert!(started.elapsed() < PATIENCE, "tray label is {label:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.close().await;

    // After a restart, day 7 is not announced again.
    let app = App::start(&home).await;
    let (bus, path) = latest_tray_item(&record, 1);
    // The notifier labels the tray after its first round, which would have
    // offered anything due: once the label is there, a repeat would be too.
    let started = Instant::now();
    loop {
        let label = String::from_utf8_lossy(&sni(&["label", &bus, &path]).stdout)
            .trim()
            .to_owned();
        if label == "Day 7" {
            break;
        }
        assert!(started.elapsed() < PATIENCE, "tray label is {label:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let captured = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        captured.matches("7 days of no contact").count(),
        1,
        "{captured}"
    );

    // "I feel the urge" in the tray: counted, and the window offers something else to do.
    let clicked = sni(&["click", &bus, &path, "I feel the urge"]);
    assert!(clicked.status.success(), "{clicked:?}");
    app.wait_for("main[data-view='urge'][aria-busy='false']")
        .await;
    assert_eq!(app.text("#urge-count").await, "Urges resisted so far: 1.");
    app.screenshot("12-urge").await;
    app.go("no-contact").await;
    app.wait_for("#today li[data-kind='urge_resisted']").await;

    // A contact slip in the window: the count starts again, the history keeps the streak.
    app.click("#log-contact").await;
    app.click("#contact-choices button[data-kind='texted']")
        .await;
    app.eventually("return document.getElementById('day-number')?.textContent === '0';")
        .await;
    let history = app.text("#history").await;
    assert!(history.starts_with("7 days, ended"), "{history}");
    assert!(history.contains("I texted or called"), "{history}");
    let status = app.text("#log-status").await;
    assert!(
        status.contains("That happens") && status.contains("7 days"),
        "{status}"
    );
    app.screenshot("13-after-a-slip").await;
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn no_contact_bad_input_is_shown_and_nothing_is_stored() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    profile_for_setup(&app, "Sam").await;
    app.go("no-contact").await;
    app.click("input[name='start-when'][value='earlier']").await;
    let tomorrow = chrono::Utc::now() + chrono::Duration::days(1);
    set_value(&app, "#since", &utc_wall_time(tomorrow)).await;
    app.click("#start-no-contact").await;
    assert_eq!(
        app.text_once_shown("#since-error").await,
        "The last contact can't be in the future."
    );
    app.screenshot("14-no-contact-future-start").await;

    app.click("input[name='start-when'][value='now']").await;
    app.click("#start-no-contact").await;
    app.wait_for("#log").await;
    set_value(&app, "#note", &"x".repeat(2001)).await;
    app.click("#log-they").await;
    let error = app.text_once_shown("#note-error").await;
    assert!(error.contains("2000 characters"), "{error}");

    app.go("settings").await;
    set_value(&app, "#milestones", "1, 3, 3").await;
    app.click("#save-settings").await;
    assert_eq!(
        app.text_once_shown("#milestones-error").await,
        "Day 3 is in the list twice."
    );
    app.screenshot("15-settings-bad-milestones").await;
    app.close().await;

    let app = App::start(&home).await;
    let view = app.invoke("get_no_contact", json!({})).await;
    assert_eq!(view["ok"]["today"], json!([]), "{view}");
    let settings = app.invoke("get_settings", json!({})).await;
    assert_eq!(
        settings["ok"]["milestones"],
        json!([1, 3, 7, 14, 21, 30, 60, 90])
    );
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn safety_is_one_click_away_crisis_words_bring_help_and_the_window_hides_fast() {
    let home = TestHome::new();
    let record = home.file("tray.log");
    let _watcher = start_tray_watcher(&record);
    let app = App::start(&home).await;
    // Even before the profile, Safety is in the navigation.
    app.click("#nav-links a[href='#/safety']").await;
    app.wait_for("main[data-view='safety'][aria-busy='false']")
        .await;
    assert!(app
        .text("#emergency-note")
        .await
        .contains("emergency number"));
    let lines = app.text("#lines").await;
    assert!(lines.contains("Source:"), "{lines}");
    assert!(app.text("#scam-warning").await.contains("scam"));
    app.screenshot("16-safety").await;

    profile_for_setup(&app, "Sam").await;
    app.go("no-contact").await;
    app.click("#start-no-contact").await;
    app.wait_for("#log").await;
    app.type_into("#note", "They texted. I want to die.").await;
    app.click("#log-they").await;
    let card = app.text("#crisis-card").await;
    assert!(card.contains("really hard"), "{card}");
    // Saved all the same.
    app.wait_for("#today li[data-kind='they_contacted']").await;
    app.screenshot("17-crisis-card").await;
    app.click("#crisis-close").await;
    app.eventually("return !document.getElementById('crisis-card');")
        .await;

    // Quick hide from the keyboard: the window is gone at once, the app stays.
    let (bus, _path) = latest_tray_item(&record, 0);
    let pid: u32 = String::from_utf8_lossy(&sni(&["pid", &bus]).stdout)
        .trim()
        .parse()
        .unwrap();
    assert_eq!(x_windows_titled("Crossroads"), 1);
    let note = app.wait_for("#note").await;
    // The window may vanish before WebDriver answers the key press.
    let _ = note.send_keys("\u{E009}\u{E008}h\u{E000}").await;
    let started = Instant::now();
    while x_windows_titled("Crossroads") > 0 {
        assert!(
            started.elapsed() < PATIENCE,
            "Ctrl+Shift+H did not hide the window"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(alive(pid), "quick hide must not quit the app");
    app.close().await;
}

async fn answer_dealbreakers(app: &App, answers: [&str; 4]) {
    app.go("dealbreakers").await;
    for (name, answer) in ["cheated", "lied", "put_down", "abusive"]
        .iter()
        .zip(answers)
    {
        app.click(&format!("input[name='{name}'][value='{answer}']"))
            .await;
    }
    app.click("#answer-dealbreakers").await;
    app.wait_for("#verdict").await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn abuse_closes_the_way_back_and_keeps_a_safety_banner() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    let saved = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": "Sam", "pronouns": "she", "breakup_date": date_from_today(-20), "ended_by": "me" }}),
        )
        .await;
    assert_eq!(saved["ok"]["ex_name"], "Sam");
    answer_dealbreakers(&app, ["no", "no", "no", "yes"]).await;
    let verdict = app.text("#verdict").await;
    assert!(verdict.contains("recommends not pursuing"), "{verdict}");
    assert!(verdict.contains("not your fault"), "{verdict}");
    assert!(
        verdict.contains("Source:"),
        "support lines are shown: {verdict}"
    );
    app.wait_for("#safety-banner").await;
    app.click("#choose-continue").await;
    let error = app.text_once_shown("#acknowledged-error").await;
    assert!(error.contains("read the recommendation"), "{error}");
    app.screenshot("18-dealbreakers-abuse").await;
    app.click("#acknowledged").await;
    app.click("#choose-continue").await;
    app.wait_for("#chosen-path").await;

    app.go("home").await;
    app.wait_for("#safety-banner").await;
    for step in ["reach_out", "better_relationship", "too_proud_to_beg"] {
        let reason = app.text(&format!("li[data-step='{step}'] .reason")).await;
        assert!(
            reason.contains("will not guide you back"),
            "{step}: {reason}"
        );
    }
    let no_contact = app
        .script("return document.querySelector(\"li[data-step='no_contact']\").dataset.status;")
        .await;
    assert_eq!(no_contact, "open");
    app.screenshot("19-home-after-abuse").await;
    app.go("vault").await;
    assert!(app
        .text("#locked-reason")
        .await
        .contains("will not guide you back"));
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn reflection_and_drafts_are_kept_as_typed_and_begging_is_marked() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    let saved = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": "Sam", "pronouns": "he", "breakup_date": date_from_today(-3), "ended_by": "them" }}),
        )
        .await;
    assert_eq!(saved["ok"]["ex_name"], "Sam");
    answer_dealbreakers(&app, ["no", "no", "no", "no"]).await;
    app.click("#verdict a").await;
    app.wait_for("main[data-view='reflect'][aria-busy='false']")
        .await;
    assert!(app.text("#recent-note").await.contains("3 days ago"));
    app.type_into("#reason", "We kept fighting about <money> & time.")
        .await;
    app.eventually("return document.getElementById('reason-status').textContent === 'Saved';")
        .await;
    app.type_into("#weight", "Honestly, some nights I want to die.")
        .await;
    app.wait_for("#crisis-card").await;
    app.eventually("return document.getElementById('weight-status')?.textContent === 'Saved';")
        .await;
    app.screenshot("20-reflect-crisis-card").await;
    app.click("#crisis-close").await;
    app.type_into("#step", "Book a first therapy session").await;
    app.click("#add-step").await;
    app.wait_for("#growth-steps input[type='checkbox']").await;
    app.click("#decide-try").await;
    app.wait_for("#decided").await;

    app.go("vault").await;
    app.type_into(
        "#draft",
        "Please come back. I'll change. Give me another chance.",
    )
    .await;
    app.click("#keep-draft").await;
    app.wait_for("#drafts li.draft").await;
    let level = app
        .script("return document.querySelector('#drafts li.draft').dataset.level;")
        .await;
    assert_eq!(level, "desperate");
    let marks = app
        .script("return [...document.querySelectorAll('#drafts mark')].map(m => m.textContent);")
        .await;
    assert_eq!(
        marks,
        json!(["Please come back", "I'll change", "Give me another chance"])
    );
    app.type_into("#draft", "I'm sorry I missed your sister's wedding.")
        .await;
    app.click("#keep-draft").await;
    app.eventually("return document.querySelectorAll('#drafts li.draft').length === 2;")
        .await;
    let calm = app
        .script("return document.querySelector('#drafts li.draft').dataset.level;")
        .await;
    assert_eq!(calm, "calm", "a sincere message is not flagged");
    app.type_into(
        "#pledge-input",
        "I will not beg. I deserve someone who stays.",
    )
    .await;
    app.click("#make-pledge").await;
    app.wait_for("#pledge-text").await;
    app.screenshot("21-vault").await;
    app.close().await;

    // Everything as typed after a restart.
    let app = App::start(&home).await;
    app.go("reflect").await;
    let reason = app
        .script("return document.getElementById('reason').value;")
        .await;
    assert_eq!(reason, "We kept fighting about <money> & time.");
    let weight = app
        .script("return document.getElementById('weight').value;")
        .await;
    assert_eq!(weight, "Honestly, some nights I want to die.");
    app.go("vault").await;
    let texts = app
        .script(
            "return [...document.querySelectorAll('#drafts .draft-text')].map(p => p.textContent);",
        )
        .await;
    assert_eq!(
        texts,
        json!([
            "I'm sorry I missed your sister's wedding.",
            "Please come back. I'll change. Give me another chance."
        ])
    );
    app.go("home").await;
    let done = app
        .script(
            "return document.querySelector(\"li[data-step='too_proud_to_beg']\").dataset.status;",
        )
        .await;
    assert_eq!(done, "done");
    app.close().await;
}

/// Damages the store the way disks and crashes do, where it hurts: at the
/// newest copy of the profile (sled keeps its log in preallocated segments,
/// so damage in empty space would change nothing).
fn damage_store(home: &TestHome, how: &str) {
    let db = home.data_dir().join("store/db");
    let bytes = std::fs::read(&db).unwrap();
    let needle = b"Sam 11";
    let at = bytes
        .windows(needle.len())
        .rposition(|w| w == needle)
        .expect("the newest profile is in the store file");
    match how {
        "cut short" => std::fs::OpenOptions::new()
            .write(true)
            .open(&db)
            .unwrap()
            .set_len(at as u64)
            .unwrap(),
        "flipped bytes" => {
            let mut bytes = bytes;
            for byte in &mut bytes[at..at + 64] {
                *byte ^= 0xff;
            }
            std::fs::write(&db, bytes).unwrap();
        }
        "missing file" => std::fs::remove_file(&db).unwrap(),
        other => panic!("unknown damage {other}"),
    }
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn a_damaged_store_offers_its_backups_and_is_restored_never_started_empty() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    profile_for_setup(&app, "Sam").await;
    for i in 0..12 {
        let saved = app
            .invoke(
                "save_profile",
                json!({ "input": { "ex_name": format!("Sam {i}"), "pronouns": "they", "breakup_date": date_from_today(-12), "ended_by": "them" }}),
            )
            .await;
        assert!(saved.get("ok").is_some(), "{saved}");
    }
    app.close().await;
    for (n, how) in ["cut short", "flipped bytes", "missing file"]
        .into_iter()
        .enumerate()
    {
        // A start with the data whole: its backup is the one to come back to.
        let app = App::start(&home).await;
        app.eventually(
            "window.__TAURI__.core.invoke('list_backups').then(list => window.__backups = list); \
             return (window.__backups || []).some(b => b.reason === 'start' && b.records >= 2);",
        )
        .await;
        app.close().await;

        damage_store(&home, how);
        let app = App::start(&home).await;
        app.wait_for("#damaged").await;
        let lead = app.text("#damaged").await;
        assert!(lead.contains("Nothing has been changed"), "{how}: {lead}");
        app.screenshot(&format!("40-damaged-{n}")).await;
        app.click("#backup-list .restore:not([disabled])").await;
        app.click("#confirm-restore-yes").await;
        app.wait_for("main[data-view='home'][aria-busy='false']")
            .await;
        let profile = app.invoke("get_profile", json!({})).await;
        assert_eq!(profile["ok"]["ex_name"], "Sam 11", "{how}: {profile}");
        if n == 0 {
            app.screenshot("41-restored-home").await;
        }
        app.close().await;
        let kept_aside = std::fs::read_dir(home.data_dir())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("store.damaged-")
            })
            .count();
        assert_eq!(kept_aside, n + 1, "{how}: the damaged data is kept");
    }
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn backups_are_listed_in_settings_and_restore_after_a_confirmation() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    profile_for_setup(&app, "Sam").await;
    app.close().await;
    let app = App::start(&home).await;
    app.eventually(
        "window.__TAURI__.core.invoke('list_backups').then(list => window.__backups = list); \
         return (window.__backups || []).some(b => b.reason === 'start' && b.records >= 2);",
    )
    .await;
    let changed = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": "Changed", "pronouns": "they", "breakup_date": date_from_today(-12), "ended_by": "them" }}),
        )
        .await;
    assert!(changed.get("ok").is_some(), "{changed}");
    app.go("settings").await;
    app.wait_for("#backup-list").await;
    // The newest start backup has the profile as it was.
    app.click("#backup-list li[data-reason='start'] .restore")
        .await;
    assert!(app
        .text("#confirm-restore-text")
        .await
        .contains("kept as a backup first"));
    app.screenshot("42-settings-restore-confirm").await;
    app.click("#confirm-restore-yes").await;
    assert_eq!(
        app.text_once_shown("#restore-status").await,
        "Restored. Your data is back as it was then."
    );
    let profile = app.invoke("get_profile", json!({})).await;
    assert_eq!(profile["ok"]["ex_name"], "Sam", "{profile}");
    let listed = app.invoke("list_backups", json!({})).await;
    assert!(
        listed["ok"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["reason"] == "before_restore"),
        "{listed}"
    );
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn data_from_a_newer_version_is_refused_with_a_clear_screen_and_left_alone() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    profile_for_setup(&app, "Sam").await;
    app.close().await;
    // Pretend a newer Crossroads wrote it: its schema is ahead of ours.
    engine::Crossroads::open(&home.data_dir())
        .unwrap()
        .pretend_written_by_schema(engine::SCHEMA_VERSION + 1)
        .unwrap();
    let before = std::fs::read(home.data_dir().join("store/db")).unwrap();
    let app = App::start(&home).await;
    app.wait_for("#too-new").await;
    assert!(app.text("#too-new").await.contains("newer"));
    app.screenshot("43-too-new").await;
    app.close().await;
    assert_eq!(
        std::fs::read(home.data_dir().join("store/db")).unwrap(),
        before,
        "nothing was written"
    );
}

/// Processes named like WebKit's web process whose parent is `pid`.
fn web_processes_of(pid: u32) -> usize {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|child| {
            let stat = std::fs::read_to_string(format!("/proc/{child}/stat")).unwrap_or_default();
            let comm = std::fs::read_to_string(format!("/proc/{child}/comm")).unwrap_or_default();
            let parent = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok());
            parent == Some(pid) && comm.starts_with("WebKitWebProces")
        })
        .count()
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn closing_ends_the_webview_and_reopening_restores_the_screen() {
    let home = TestHome::new();
    let record = home.file("tray.log");
    let _watcher = start_tray_watcher(&record);
    let app = App::start(&home).await;
    app.go("safety").await;

    let registered = wait_for_file_containing(&record, " /");
    let line = registered
        .lines()
        .find(|l| l.contains(" /"))
        .unwrap()
        .to_owned();
    let (bus, path) = line.split_once(' ').unwrap();
    let pid: u32 = String::from_utf8_lossy(&sni(&["pid", bus]).stdout)
        .trim()
        .parse()
        .expect("the tray's process id");
    assert_eq!(
        web_processes_of(pid),
        1,
        "one web process with the window open"
    );

    // Closing the window ends the webview's process; the app stays.
    close_window_like_a_person("Crossroads");
    let started = Instant::now();
    while x_windows_titled("Crossroads") > 0 || web_processes_of(pid) > 0 {
        assert!(
            started.elapsed() < PATIENCE,
            "the window or its web process did not end"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(alive(pid), "closing the window must not quit the app");

    // Open brings it back on the screen the person was on.
    let clicked = sni(&["click", bus, path, "Open Crossroads"]);
    assert!(clicked.status.success(), "{clicked:?}");
    let started = Instant::now();
    loop {
        let handles = app.client.windows().await.unwrap_or_default();
        if let Some(handle) = handles.last() {
            if app.client.switch_to_window(handle.clone()).await.is_ok() {
                let shown = app
                    .client
                    .execute(
                        "return document.querySelector(\"main[data-view='safety'][aria-busy='false']\") !== null;",
                        vec![],
                    )
                    .await;
                if matches!(shown, Ok(serde_json::Value::Bool(true))) {
                    break;
                }
            }
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the rebuilt window did not show the safety screen"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(web_processes_of(pid), 1);
    app.screenshot("30-reopened-on-safety").await;

    let clicked = sni(&["click", bus, path, "Quit Crossroads"]);
    assert!(clicked.status.success(), "{clicked:?}");
    app.close().await;
}
