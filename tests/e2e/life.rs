//! Living your life: activities, thoughts, moods, trigger reminders, the journal and the quiet moments.

use super::*;

/// Profile, dealbreaker check and no contact started `days` ago: step 4 is open.
async fn living_for_setup(app: &App, name: &str, days: i64) {
    profile_for_setup(app, name).await;
    let since = utc_wall_time(chrono::Utc::now() - chrono::Duration::days(days));
    let started = app
        .invoke("start_no_contact", json!({ "since": since }))
        .await;
    assert!(started["ok"]["current"].is_object(), "{started}");
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn activities_thoughts_and_a_mood_show_on_the_progress_charts() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    living_for_setup(&app, "Quinn", 5).await;

    app.go("live").await;
    // Three thoughts, one tap each.
    for n in 1..=3 {
        app.click("#thought").await;
        app.eventually(&format!(
            "return document.getElementById('thoughts-today')?.textContent.includes('{n} time');"
        ))
        .await;
    }
    // Bad input first: no mood chosen, and a reminder time that does not parse.
    app.click("#save-mood").await;
    let error = app
        .eventually(
            "const e = document.getElementById('score-error'); return !e.hidden && e.textContent;",
        )
        .await;
    assert!(error.as_str().unwrap().contains("1 to 5"), "{error}");
    app.type_into("#moment", "The hour Quinn used to call")
        .await;
    app.type_into("#plan", "Call my sister, then a walk").await;
    app.type_into("#reminder", "25:99").await;
    app.click("#save-trigger").await;
    let error = app
        .eventually("const e = document.getElementById('reminder-error'); return !e.hidden && e.textContent;")
        .await;
    assert!(error.as_str().unwrap().contains("07:30"), "{error}");
    app.screenshot("40-live-bad-input").await;
    let life = app.invoke("get_life", json!({})).await;
    assert_eq!(life["ok"]["triggers"], json!([]), "nothing stored: {life}");
    assert_eq!(life["ok"]["mood_today"], json!(null), "{life}");

    // Now the real entries.
    app.type_into("#reminder", "").await;
    app.click("#save-trigger").await;
    app.wait_for("#triggers li.plan").await;
    app.click("input[name='score'][value='3']").await;
    app.type_into("#mood_note", "Tired but okay").await;
    app.click("#save-mood").await;
    assert!(app.text("#mood-today").await.contains("3 · Okay"));
    // A second mood today: asked first, then replaced.
    app.click("input[name='score'][value='4']").await;
    app.click("#save-mood").await;
    app.click("#mood-replace-yes").await;
    app.eventually(
        "return document.getElementById('mood-today')?.textContent.includes('4 · Good');",
    )
    .await;
    app.click("input[name='kind'][value='exercise']").await;
    app.type_into("#note", "Evening run").await;
    app.click("#log-activity").await;
    app.wait_for("#activities-today li[data-kind='exercise']")
        .await;
    // One activity back-dated three days, with friends.
    let earlier = utc_wall_time(chrono::Utc::now() - chrono::Duration::days(3));
    app.click("input[name='kind'][value='friends']").await;
    set_value(&app, "#when", &earlier[..16]).await;
    app.click("#log-activity").await;
    app.wait_for("#activities-recent li[data-kind='friends']")
        .await;
    app.script("window.scrollTo(0, 0);").await;
    app.screenshot("41-live").await;

    app.go("progress").await;
    app.wait_for("#mood-chart svg.chart").await;
    app.wait_for("#thoughts-chart svg.chart").await;
    app.wait_for("#activities-chart svg.chart rect.kind-friends")
        .await;
    app.wait_for("#streak-chart svg.chart polyline").await;
    // The text alternative carries the same numbers.
    let thoughts = app
        .script("return document.getElementById('thoughts-chart-table').textContent;")
        .await;
    assert!(thoughts.as_str().unwrap().ends_with('3'), "{thoughts}");
    let mood = app
        .script("return document.querySelector('#mood-chart svg').getAttribute('aria-label');")
        .await;
    assert!(mood.as_str().unwrap().contains(": 4"), "{mood}");
    let activities = app.text("#summary-activities").await;
    assert_eq!(activities, "2 activities in this period.");
    app.screenshot("progress").await;
    app.script("document.getElementById('thoughts-chart').scrollIntoView();")
        .await;
    app.screenshot("progress-thoughts-activities").await;
    app.script("document.getElementById('streak-chart').scrollIntoView();")
        .await;
    app.screenshot("progress-streak").await;
    app.click("input[name='range'][value='all_time']").await;
    app.wait_for("#charts[data-range='all_time']").await;
    app.close().await;

    // Same data, dark mode.
    let app = App::start_with(&home, &[("GTK_THEME", "Adwaita:dark")]).await;
    app.go("progress").await;
    app.wait_for("#streak-chart svg.chart").await;
    let dark = app
        .script("return matchMedia('(prefers-color-scheme: dark)').matches;")
        .await;
    assert_eq!(dark, json!(true));
    app.screenshot("progress-dark").await;
    app.script("document.getElementById('thoughts-chart').scrollIntoView();")
        .await;
    app.screenshot("progress-thoughts-activities-dark").await;
    app.go("live").await;
    app.screenshot("42-live-dark").await;
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn a_trigger_reminder_set_a_minute_ahead_arrives_once_and_discreetly() {
    let home = TestHome::new();
    let log = home.file("notify.log");
    let _monitor = monitor_notifications(&log);
    let record = home.file("tray.log");
    let _watcher = start_tray_watcher(&record);
    let app = App::start(&home).await;
    living_for_setup(&app, "Rowan", 0).await;
    // The tray's two new items: a thought counted at once, and the Live screen.
    let (bus, path) = latest_tray_item(&record, 0);
    let clicked = sni(&["click", &bus, &path, "Log an activity…"]);
    assert!(clicked.status.success(), "{clicked:?}");
    app.wait_for("main[data-view='live'][aria-busy='false']")
        .await;
    let clicked = sni(&["click", &bus, &path, "I thought about them"]);
    assert!(clicked.status.success(), "{clicked:?}");
    app.eventually(
        "return document.getElementById('thoughts-today')?.textContent.includes('1 time');",
    )
    .await;
    // The app runs with TZ=UTC: the next whole minute, under a minute ahead.
    let at = (chrono::Utc::now() + chrono::Duration::seconds(60))
        .format("%H:%M")
        .to_string();
    app.click("input[name='trigger_kind'][value='time_of_day']")
        .await;
    app.type_into("#moment", "When Rowan used to text").await;
    app.type_into("#plan", "Put the kettle on and call Dana")
        .await;
    app.type_into("#reminder", &at).await;
    app.click("#save-trigger").await;
    let plan = app.text("#triggers li.plan").await;
    // Shown on the locale's clock, as every time on the screen.
    let shown = app
        .script(&format!(
            "return new Intl.DateTimeFormat(document.documentElement.lang, {{ hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }}).format(new Date('2000-01-01T{at}:00Z'));"
        ))
        .await;
    assert!(plan.contains(shown.as_str().unwrap()), "{plan}");
    let started = Instant::now();
    let captured = loop {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        if text.contains("A moment you planned for") {
            break text;
        }
        assert!(
            started.elapsed() < Duration::from_secs(150),
            "no reminder by {at}:\n{text}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    for private in ["Rowan", "kettle", "Dana"] {
        assert!(!captured.contains(private), "discreet:\n{captured}");
    }
    // Once: a few more notifier rounds later, still one.
    tokio::time::sleep(Duration::from_secs(3)).await;
    app.click("#thought").await;
    app.eventually(
        "return document.getElementById('thoughts-today')?.textContent.includes('2 times');",
    )
    .await;
    let captured = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        captured.matches("A moment you planned for").count(),
        1,
        "{captured}"
    );
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn the_journal_answers_a_prompt_finds_entries_and_offers_help() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    living_for_setup(&app, "Avery", 2).await;
    app.go("journal").await;
    let prompt = app.text("#prompt").await;
    assert!(prompt.ends_with('?'), "{prompt}");
    // Nothing written: refused next to the field.
    app.click("#save-entry").await;
    let error = app
        .eventually(
            "const e = document.getElementById('text-error'); return !e.hidden && e.textContent;",
        )
        .await;
    assert!(error.as_str().unwrap().contains("few words"), "{error}");
    app.click("#use-prompt").await;
    app.type_into(
        "#text",
        "Saw Jo at the climbing gym. It felt good to laugh.",
    )
    .await;
    app.click("#save-entry").await;
    app.wait_for("#entries li.entry").await;
    assert_eq!(app.text("#entries .entry-prompt").await, prompt);
    app.type_into("#text", "A slow Sunday. Read half a book.")
        .await;
    app.click("#save-entry").await;
    app.eventually("return document.querySelectorAll('#entries li.entry').length === 2;")
        .await;
    app.type_into("#query", "climbing").await;
    app.click("#search-form button[type='submit']").await;
    app.eventually("return document.querySelectorAll('#entries li.entry').length === 1;")
        .await;
    assert_eq!(app.text("#matched").await, "1 of 2 entries.");
    app.script("document.getElementById('entries-title').scrollIntoView();")
        .await;
    app.screenshot("43-journal").await;
    // Words of crisis: saved all the same, and help is offered as the
    // engine read them (the higher tier: the emergency number first),
    // with the Support link beside the field.
    app.wait_for("button.support-link[data-for='text']").await;
    app.type_into("#text", "Some nights I want to die.").await;
    app.click("#save-entry").await;
    app.wait_for("#crisis-card").await;
    app.eventually("return document.getElementById('crisis-card')?.dataset.tier === 'higher';")
        .await;
    let first = app
        .script("return document.querySelector('#crisis-card #card-emergency, #crisis-card .line-group').id;")
        .await;
    assert_eq!(first, json!("card-emergency"));
    app.screenshot("43b-journal-crisis-card").await;
    let journal = app.invoke("get_journal", json!({ "query": null })).await;
    assert_eq!(journal["ok"]["total"], 3, "{journal}");
    app.close().await;
}

/// Warmth: day 7 and the ending chosen get a quiet word in the window,
/// once each, closed with "Thank you".
#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn warmth_a_week_and_the_ending_get_a_quiet_moment_in_the_window() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    through_the_pledge(&app, "Sam").await;
    let since = chrono::Utc::now() - chrono::Duration::days(7) - chrono::Duration::minutes(2);
    let started = app
        .invoke("start_no_contact", json!({ "since": utc_wall_time(since) }))
        .await;
    assert!(started.get("ok").is_some(), "{started}");
    app.go("home").await;
    assert_eq!(app.text("#moment h2").await, "One week");
    let text = app.text("#moment").await;
    assert!(!text.contains('!'), "calm, no exclamations: {text}");
    app.screenshot("moment-week").await;
    app.click("#moment-close").await;
    app.eventually("return !document.getElementById('moment');")
        .await;
    app.go("no-contact").await;
    app.go("home").await;
    assert_eq!(
        app.script("return !document.getElementById('moment');")
            .await,
        json!(true),
        "once"
    );
    app.close().await;

    // The ending chosen, in dark mode.
    let app = App::start_with(&home, &[("GTK_THEME", "Adwaita:dark")]).await;
    app.go("moving-on").await;
    app.click("#choose-moving-on").await;
    app.click("#confirm-moving-on").await;
    app.wait_for("#closure").await;
    assert_eq!(app.text("#moment h2").await, "You chose your own path");
    app.screenshot("moment-ending-dark").await;
    app.click("#moment-close").await;
    app.eventually("return !document.getElementById('moment');")
        .await;
    app.close().await;
}
