//! First run, bad input, a second launch, the test notification, closing to the tray and the way every screen leads on.

use super::*;

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

/// Processes named like WebKit's web process whose parent is `pid`.
fn web_processes_of(pid: u32) -> usize {
    children_of(pid)
        .iter()
        .filter(|name| name.starts_with("WebKitWebProces"))
        .count()
}

/// No dead ends: a locked page links to what opens it, and each decision
/// has a button to what comes next.
#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn dead_ends_none_locked_pages_and_decisions_lead_on() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    let saved = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": "Sam", "pronouns": "they", "breakup_date": date_from_today(-12), "ended_by": "them" }}),
        )
        .await;
    assert!(saved.get("ok").is_some(), "{saved}");
    // Home's "Start no contact" before the dealbreaker check: the locked
    // page links to the check that opens it.
    app.go("home").await;
    app.click(".count button.primary").await;
    app.wait_for("main[data-view='no-contact'] #locked").await;
    assert!(app
        .text("#locked-link")
        .await
        .contains("The dealbreaker check"));
    app.screenshot("locked-links-on").await;
    app.click("#locked-link").await;
    app.wait_for("main[data-view='dealbreakers'][aria-busy='false']")
        .await;
    let no = "no";
    let checked = app
        .invoke(
            "answer_dealbreakers",
            json!({ "input": { "cheated": no, "lied": no, "put_down": no, "abusive": no }}),
        )
        .await;
    assert!(checked.get("ok").is_some(), "{checked}");
    // Step 2 before the decision: its page links to step 1.
    app.go("vault").await;
    assert!(app.text("#locked-link").await.contains("Reflect"));
    app.click("#locked-link").await;
    app.wait_for("main[data-view='reflect'][aria-busy='false']")
        .await;
    set_value(&app, "#reason", "We stopped talking").await;
    app.script("document.querySelector('#reason').blur();")
        .await;
    app.eventually("return document.querySelector('#reason-status')?.textContent === 'Saved';")
        .await;
    app.click("#decide-try").await;
    app.wait_for("#decided").await;
    assert!(app.text("#next-step").await.contains("Too proud to beg"));
    app.script("document.getElementById('decision').scrollIntoView();")
        .await;
    app.screenshot("decision-next").await;
    app.click("#next-step").await;
    app.wait_for("main[data-view='vault'][aria-busy='false']")
        .await;
    app.close().await;

    // The dealbreaker check, then the moving-on path: a button onwards.
    let home = TestHome::new();
    let app = App::start(&home).await;
    let saved = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": "Sam", "pronouns": "they", "breakup_date": date_from_today(-12), "ended_by": "them" }}),
        )
        .await;
    assert!(saved.get("ok").is_some(), "{saved}");
    let checked = app
        .invoke(
            "answer_dealbreakers",
            json!({ "input": { "cheated": "yes", "lied": "no", "put_down": "no", "abusive": "no" }}),
        )
        .await;
    assert!(checked.get("ok").is_some(), "{checked}");
    app.go("dealbreakers").await;
    app.click("#choose-moving-on").await;
    app.wait_for("#chosen-path").await;
    assert!(app.text("#next-step").await.contains("moving on"));
    app.script("document.getElementById('chosen-path').scrollIntoView();")
        .await;
    app.screenshot("moving-on-chosen-next").await;
    app.click("#next-step").await;
    app.wait_for("main[data-view='moving-on'][aria-busy='false']")
        .await;
    app.wait_for("#closure").await;
    app.close().await;
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
