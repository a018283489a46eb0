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
    let error = app.text("#ex_name-error").await;
    assert!(error.contains("enter a name"), "{error}");
    let focused = app.script("return document.activeElement.id;").await;
    assert_eq!(focused, "ex_name", "focus moves to the field to fix");
    app.screenshot("07-profile-empty-name").await;

    fill_profile(&app, "Sam", &date_from_today(2)).await;
    app.click("#save-profile").await;
    app.eventually("return document.getElementById('ex_name-error').hidden;")
        .await;
    let error = app.text("#breakup_date-error").await;
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
    // Seven days ago, less eight seconds: day 7 falls eight seconds from now.
    let since = chrono::Utc::now() - chrono::Duration::days(7) + chrono::Duration::seconds(8);
    set_value(&app, "#since", &utc_wall_time(since)).await;
    app.click("#start-no-contact").await;
    assert_eq!(app.text("#day-number").await, "6");
    assert!(app.text("#next-milestone").await.contains("day 7"));
    app.screenshot("11-no-contact-day-6").await;

    // Days 1 and 3 passed before the start was entered: one summary.
    let captured = wait_for_file_containing(&log, "milestones (day 1, day 3)");
    assert!(captured.contains("6 days of no contact"), "{captured}");
    // Day 7 arrives on time, within seconds.
    let captured = wait_for_file_containing(&log, "7 days of no contact");
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
    tokio::time::sleep(Duration::from_secs(3)).await;
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
        app.text("#since-error").await,
        "The last contact can't be in the future."
    );
    app.screenshot("14-no-contact-future-start").await;

    app.click("input[name='start-when'][value='now']").await;
    app.click("#start-no-contact").await;
    app.wait_for("#log").await;
    set_value(&app, "#note", &"x".repeat(2001)).await;
    app.click("#log-they").await;
    let error = app.text("#note-error").await;
    assert!(error.contains("2000 characters"), "{error}");

    app.go("settings").await;
    set_value(&app, "#milestones", "1, 3, 3").await;
    app.click("#save-settings").await;
    assert_eq!(
        app.text("#milestones-error").await,
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
    let error = app.text("#acknowledged-error").await;
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

/// Steps 1 and 2 done through their commands (they have tests of their
/// own): the reason, the decision to try and the pledge.
async fn through_the_pledge(app: &App, name: &str) {
    profile_for_setup(app, name).await;
    for (command, args) in [
        (
            "save_reflection",
            json!({ "prompt": "reason", "value": "We stopped talking" }),
        ),
        ("decide", json!({ "decision": "try" })),
        ("save_pledge", json!({ "text": "I will not beg." })),
    ] {
        let answer = app.invoke(command, args).await;
        assert!(answer.get("ok").is_some(), "{command}: {answer}");
    }
}

/// Waits up to `limit` for `path` to contain `needle` (for waits longer
/// than the usual patience, such as a one-minute timer).
fn wait_longer_for_file_containing(
    path: &std::path::Path,
    needle: &str,
    limit: Duration,
) -> String {
    let started = Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        assert!(
            started.elapsed() < limit,
            "{} never contained {needle:?}:\n{text}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn endings_reach_out_to_back_together_and_the_first_check_in_notifies() {
    let home = TestHome::new();
    let log = home.file("notify.log");
    let _monitor = monitor_notifications(&log);
    let app = App::start(&home).await;
    through_the_pledge(&app, "Sam").await;

    // No contact, back-dated fifteen days: step 5 opens.
    app.go("no-contact").await;
    app.wait_for("#start-form").await;
    app.click("input[name='start-when'][value='earlier']").await;
    let since = chrono::Utc::now() - chrono::Duration::days(15);
    set_value(&app, "#since", &utc_wall_time(since)).await;
    app.click("#start-no-contact").await;
    app.eventually("return document.getElementById('day-number')?.textContent === '15';")
        .await;
    app.go("home").await;
    app.wait_for("#steps li[data-step='reach_out'][data-status='open']")
        .await;

    // The plan, with the coach.
    app.go("reach-out").await;
    assert!(app.text("#both-of-you").await.contains("takes both of you"));
    app.type_into("#what_went_wrong", "You never listened to me.")
        .await;
    app.wait_for("#what_went_wrong-coach li[data-kind='always_never']")
        .await;
    let marked = app.text("#what_went_wrong-coach mark").await;
    assert_eq!(marked, "You never");
    app.type_into(
        "#my_part",
        "I shut down when I was scared. I need us to talk things through.",
    )
    .await;
    app.wait_for("#my_part-coach .coach-clear").await;
    app.screenshot("reach-out").await;

    // No outcome picked: a message in the window, nothing stored.
    app.click("#record-outcome").await;
    app.eventually("return !document.getElementById('outcome-form-error').hidden;")
        .await;
    let stored = app.invoke("get_reach_out", json!({})).await;
    assert_eq!(stored["ok"]["history"], json!([]), "{stored}");

    app.click("input[name='outcome'][value='want_to_try']")
        .await;
    app.click("#record-outcome").await;
    app.wait_for("main[data-view='together'][aria-busy='false']")
        .await;

    // A cadence of 0 is refused next to its field.
    set_value(&app, "#every", "0").await;
    app.click("#save-rules").await;
    app.eventually("return !document.getElementById('every-error').hidden;")
        .await;
    assert!(app.text("#every-error").await.contains("1 to 12"));
    let rules = app.invoke("get_together", json!({})).await;
    assert_eq!(rules["ok"]["rules"]["check_in"]["every"], 1, "{rules}");

    // The first check-in, a few seconds from now: the reminder arrives.
    set_value(&app, "#every", "1").await;
    let first = chrono::Utc::now() + chrono::Duration::seconds(6);
    set_value(&app, "#first_check_in", &utc_wall_time(first)).await;
    app.click("#save-rules").await;
    app.wait_for("#save-rules:focus").await;
    let captured = wait_for_file_containing(&log, "Time for your check-in");
    assert!(!captured.contains("Sam"), "discreet:\n{captured}");

    app.type_into("#i_feel", "Hopeful, a bit nervous").await;
    app.type_into("#change", "Phones away at dinner").await;
    app.click("#save-check-in").await;
    app.wait_for("#check-ins li").await;
    assert!(app
        .text("#check-ins")
        .await
        .contains("Phones away at dinner"));
    app.screenshot("check-in").await;

    app.go("home").await;
    app.wait_for("#ending[data-ending='together'] #home-next-check-in")
        .await;
    let no_count = app
        .script("return document.getElementById('home-day-number') === null;")
        .await;
    assert_eq!(no_count, json!(true), "back together: no no-contact count");
    app.screenshot("together-home").await;
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn endings_a_cooldown_from_the_tray_counts_down_and_notifies_at_the_end() {
    let home = TestHome::new();
    let log = home.file("notify.log");
    let record = home.file("tray.log");
    let _monitor = monitor_notifications(&log);
    let _watcher = start_tray_watcher(&record);
    // In dark mode, so the new screens are seen both ways.
    let app = App::start_with(&home, &[("GTK_THEME", "Adwaita:dark")]).await;
    through_the_pledge(&app, "Sam").await;
    let since = utc_wall_time(chrono::Utc::now() - chrono::Duration::days(15));
    for (command, args) in [
        ("start_no_contact", json!({ "since": since })),
        ("record_outcome", json!({ "outcome": "want_to_try" })),
        (
            "save_house_rules",
            json!({ "input": { "unit": "month", "every": 1, "reminders": true,
                "cooldown_minutes": 1, "therapy": true }}),
        ),
    ] {
        let answer = app.invoke(command, args).await;
        assert!(answer.get("ok").is_some(), "{command}: {answer}");
    }

    let (bus, path) = latest_tray_item(&record, 0);
    let clicked = sni(&["click", &bus, &path, "Start a cooldown"]);
    assert!(clicked.status.success(), "{clicked:?}");
    let started = Instant::now();
    loop {
        let label = String::from_utf8_lossy(&sni(&["label", &bus, &path]).stdout)
            .trim()
            .to_owned();
        if label.contains("Cooldown 1 min") {
            break;
        }
        assert!(started.elapsed() < PATIENCE, "tray label is {label:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.go("together").await;
    app.wait_for("#cooldown-left").await;
    assert!(app.text("#cooldown-left").await.contains("left"));
    app.screenshot("cooldown").await;

    let captured = wait_longer_for_file_containing(&log, "Cooldown over", Duration::from_secs(120));
    assert!(!captured.contains("Sam"), "discreet:\n{captured}");
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn endings_moving_on_ends_with_an_archived_readable_program() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    profile_for_setup(&app, "Sam").await;
    let since = utc_wall_time(chrono::Utc::now() - chrono::Duration::days(3));
    let started = app
        .invoke("start_no_contact", json!({ "since": since }))
        .await;
    assert!(started.get("ok").is_some(), "{started}");

    app.go("moving-on").await;
    app.click("#choose-moving-on").await;
    app.click("#confirm-moving-on").await;
    app.wait_for("#closure").await;
    app.type_into("#note", "Thank you for the good years. Goodbye.")
        .await;
    app.type_into("#learned", "I need honesty, early.").await;
    app.eventually("return document.getElementById('learned-status')?.textContent === 'Saved.';")
        .await;
    app.screenshot("moving-on").await;

    app.go("home").await;
    app.wait_for("#ending[data-ending='moving_on']").await;
    let hidden = app
        .script("return document.querySelector(\"#steps li[data-step='reach_out']\") === null;")
        .await;
    assert_eq!(hidden, json!(true), "no way back on this path");
    assert_eq!(app.text("#home-day-number").await, "3");
    let unit = app.text(".count .unit").await;
    assert_eq!(unit, "days of moving on");
    app.screenshot("moving-on-home").await;

    // Erasing needs the word: "yes" is not enough.
    app.go("moving-on").await;
    app.type_into("#confirmation", "yes").await;
    app.click("#erase-program").await;
    app.eventually("return !document.getElementById('confirmation-error').hidden;")
        .await;
    let still = app.invoke("get_profile", json!({})).await;
    assert_eq!(still["ok"]["ex_name"], "Sam", "{still}");

    app.click("#archive-program").await;
    app.wait_for("#closed").await;
    app.screenshot("archived").await;
    app.click("#new-program").await;
    app.wait_for("main[data-view='welcome'][aria-busy='false']")
        .await;
    app.go("archive").await;
    app.click("button[data-archive]").await;
    app.wait_for("#archived-closure").await;
    app.screenshot("archive").await;
    let closure = app.text("#archived").await;
    assert!(
        closure.contains("Thank you for the good years."),
        "{closure}"
    );
    app.close().await;
}
