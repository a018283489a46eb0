//! The endings: reaching out, back together with its check-ins and cooldown, moving on and the archive.

use super::*;

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

/// Minutes after writing something heavy, step 5 asks first: how the
/// person is, their plan and a line, and a suggestion to wait; going on is
/// their choice, and the plan then shows.
#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn endings_after_a_crisis_reading_reach_out_asks_how_you_are_first() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    through_the_pledge(&app, "Sam").await;
    let country = app.invoke("set_country", json!({ "country": "US" })).await;
    assert!(country.get("ok").is_some(), "{country}");
    let since = chrono::Utc::now() - chrono::Duration::days(15);
    let started = app
        .invoke("start_no_contact", json!({ "since": utc_wall_time(since) }))
        .await;
    assert!(started.get("ok").is_some(), "{started}");
    let saved = app
        .invoke(
            "save_journal_entry",
            json!({ "id": null, "text": "some nights I think everyone would be better off without me", "prompt": null }),
        )
        .await;
    assert_eq!(saved["ok"]["crisis_support"], true, "{saved}");

    app.go("reach-out").await;
    app.wait_for("#care-check").await;
    assert!(
        app.script("return !document.querySelector('#what_went_wrong');")
            .await
            == json!(true),
        "the plan waits behind the question"
    );
    let lines = app.text("#care-lines").await;
    assert!(lines.contains("988") && lines.contains("911"), "{lines}");
    assert!(app.text("#care-wait-until").await.contains("waiting until"));
    app.screenshot("reach-out-care-check").await;

    app.click("#care-wait").await;
    app.wait_for("#care-waiting").await;
    app.screenshot("reach-out-care-check-waiting").await;
    app.click("#care-go-on").await;
    app.wait_for("#what_went_wrong").await;
    let view = app.invoke("get_reach_out", json!({})).await;
    let checks = view["ok"]["care_checks"].as_array().unwrap().clone();
    assert_eq!(checks.len(), 2, "{view}");
    assert_eq!(checks[1]["choice"], "go_on");
    app.close().await;
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

    // No outcome picked: the person's own words by the choices (never
    // Tauri's sentence for developers), nothing stored.
    app.click("#record-outcome").await;
    app.text_becomes(
        "#outcome-error",
        "Please pick one of the choices, then try again.",
    )
    .await;
    let stored = app.invoke("get_reach_out", json!({})).await;
    assert_eq!(stored["ok"]["history"], json!([]), "{stored}");

    app.click("input[name='outcome'][value='want_to_try']")
        .await;
    app.click("#record-outcome").await;
    app.wait_for("main[data-view='together'][aria-busy='false']")
        .await;

    // A cadence of 0 is refused next to its field.
    app.click("#tab-rules").await;
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
    // Said beside the button once the redrawn form is there.
    app.eventually(
        "return document.getElementById('rules-status')?.textContent === 'House rules saved.';",
    )
    .await;
    app.x_screenshot("together-rules-saved").await;
    let captured = wait_for_file_containing(&log, "Time for your check-in");
    assert!(!captured.contains("Sam"), "discreet:\n{captured}");
    app.click("#tab-check-ins").await;

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

    // Started from the tray while the Together screen is open: the screen
    // shows it running without being left.
    app.go("together").await;
    app.wait_for("#start-cooldown").await;
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

    let journal = app
        .invoke(
            "save_journal_entry",
            json!({ "id": null, "text": "Cooked for Mara and Leo tonight.", "prompt": null }),
        )
        .await;
    assert!(journal.get("ok").is_some(), "{journal}");
    app.go("moving-on").await;

    // Archiving asks first: one click archives nothing.
    app.click("#archive-program").await;
    app.wait_for("#archive-confirm:not([hidden])").await;
    let still = app.invoke("get_profile", json!({})).await;
    assert_eq!(still["ok"]["ex_name"], "Sam", "{still}");
    app.screenshot("archive-asks-first").await;
    app.click("#cancel-archive").await;
    app.wait_for("#archive-confirm[hidden]").await;
    app.click("#archive-program").await;
    app.click("#confirm-archive").await;
    // A closing moment, not a status line.
    assert_eq!(app.text("#closing-title").await, "This chapter is closed");
    app.screenshot("archived").await;
    app.click("#new-program").await;
    app.wait_for("main[data-view='welcome'][aria-busy='false']")
        .await;
    app.go("archive").await;
    app.click("button[data-archive]").await;
    app.wait_for("#archived-closure").await;
    app.screenshot("archive").await;
    let archived = app.text("#archived").await;
    assert!(
        archived.contains("Thank you for the good years."),
        "{archived}"
    );
    // Everything written, the journal included; the facts come last.
    assert!(
        app.text("#archived-written [data-kind='journal']")
            .await
            .contains("Cooked for Mara and Leo tonight."),
        "{archived}"
    );
    let order = app
        .script("return [...document.querySelectorAll('#archived > *')].map(e => e.id).filter(Boolean);")
        .await;
    assert_eq!(
        order,
        json!(["archived-ending", "archived-written", "archived-facts"]),
        "{archived}"
    );
    assert!(!archived.contains("0 days"), "{archived}");
    app.close().await;
}
