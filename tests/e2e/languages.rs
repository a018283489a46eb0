//! Languages: Spanish in the window, the tray and notifications; words and formats that follow the locale.

use super::*;

/// Polls the tray menu until it lists `label`.
async fn tray_menu_shows(bus: &str, path: &str, label: &str) -> String {
    let started = Instant::now();
    loop {
        let menu = String::from_utf8_lossy(&sni(&["menu", bus, path]).stdout).into_owned();
        if menu.contains(&format!("\"{label}\"")) {
            return menu;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "no {label:?} in the tray menu: {menu}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn spanish_chosen_in_settings_speaks_in_the_window_the_tray_and_notifications() {
    let home = TestHome::new();
    let log = home.file("notify.log");
    let record = home.file("tray.log");
    let _monitor = monitor_notifications(&log);
    let _watcher = start_tray_watcher(&record);
    // An English system: Crossroads starts in English.
    let app = App::start_with(&home, &[("LC_ALL", "en_GB.UTF-8")]).await;
    assert_eq!(app.text("h1").await, "Welcome to Crossroads");
    profile_for_setup(&app, "Sam").await;
    let (bus, path) = latest_tray_item(&record, 0);
    tray_menu_shows(&bus, &path, "Open Crossroads").await;

    // The switch, as a person makes it: the screen redraws in Spanish at
    // once, without a restart.
    app.go("settings").await;
    app.script(
        "const s = document.getElementById('language'); s.value = 'es'; \
         s.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    // Polled by script: the screen is redrawn under WebDriver's feet.
    app.eventually(
        "return document.querySelector(\"main[data-view='settings'][aria-busy='false'] h1\")?.textContent === 'Ajustes';",
    )
    .await;
    assert_eq!(
        app.script("return document.documentElement.lang;").await,
        "es"
    );
    assert_eq!(app.text("#nav-links a[href='#/home']").await, "Inicio");
    assert_eq!(
        app.script("return document.getElementById('language').value;")
            .await,
        "es"
    );
    app.screenshot("es-settings-language").await;
    // The tray follows.
    let menu = tray_menu_shows(&bus, &path, "Abrir Crossroads").await;
    assert!(menu.contains("\"Salir de Crossroads\""), "{menu}");

    app.go("home").await;
    assert_eq!(app.text("h1").await, "Tu camino");
    let body = app.text("main").await;
    assert!(body.contains("Le puso fin tu ex hace 12 días."), "{body}");
    assert!(
        !body.contains("Locked") && !body.contains("Step "),
        "{body}"
    );
    app.screenshot("es-home").await;

    // No contact, back-dated past days 1 and 3: one summary, in Spanish,
    // with counts only.
    app.go("no-contact").await;
    app.wait_for("#start-form").await;
    app.click("input[name='start-when'][value='earlier']").await;
    let since = chrono::Utc::now() - chrono::Duration::days(3) - chrono::Duration::minutes(5);
    set_value(&app, "#since", &utc_wall_time(since)).await;
    app.click("#start-no-contact").await;
    assert_eq!(app.text("#day-number").await, "3");
    let next = app.text("#next-milestone").await;
    assert!(next.starts_with("Próxima meta: día 7, el "), "{next}");
    let captured = wait_for_file_containing(&log, "metas: día 1, día 3.");
    assert!(captured.contains("3 días de contacto cero"), "{captured}");
    assert!(
        !captured.contains("Sam"),
        "no name in a notification:\n{captured}"
    );
    assert!(!captured.contains("days of no contact"), "{captured}");
    app.screenshot("es-no-contact").await;

    // An error from the engine, next to its field, in Spanish.
    app.go("settings").await;
    set_value(&app, "#milestones", "1, 3, 3").await;
    app.click("#save-settings").await;
    assert_eq!(
        app.text_once_shown("#milestones-error").await,
        "El día 3 está dos veces en la lista."
    );
    // The tray's day count.
    let started = Instant::now();
    loop {
        let label = String::from_utf8_lossy(&sni(&["label", &bus, &path]).stdout)
            .trim()
            .to_owned();
        if label == "Día 3" {
            break;
        }
        assert!(started.elapsed() < PATIENCE, "tray label is {label:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The other screens, for a look at how the Spanish fits.
    app.screenshot("es-settings-error").await;
    for route in ["reflect", "vault", "live", "progress", "safety", "journal"] {
        app.go(route).await;
        app.screenshot(&format!("es-{route}")).await;
    }
    app.close().await;

    // The choice is stored: the next start speaks Spanish on an English system.
    let app = App::start_with(&home, &[("LC_ALL", "en_GB.UTF-8")]).await;
    app.go("home").await;
    assert_eq!(app.text("h1").await, "Tu camino");
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn a_spanish_system_starts_crossroads_in_spanish() {
    let home = TestHome::new();
    let app = App::start_with(
        &home,
        &[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "es_MX.UTF-8"),
            ("LANG", "en_US.UTF-8"),
        ],
    )
    .await;
    assert_eq!(app.text("h1").await, "Te damos la bienvenida a Crossroads");
    assert_eq!(
        app.script("return document.querySelector('.skip-link').textContent;")
            .await,
        "Saltar al contenido"
    );
    let words = app.invoke("get_words", json!({})).await;
    assert_eq!(words["ok"]["language"], "es", "{words}");
    assert_eq!(words["ok"]["locale"], "es-MX", "{words}");
    assert_eq!(words["ok"]["time_zone"], "UTC", "{words}");
    app.screenshot("es-welcome").await;
    app.close().await;
}

/// The small things: a "no" to the optional question reads back as "no";
/// an error goes once its field is changed; Settings shows each privacy
/// choice once after a passphrase is set; times and date fields follow the
/// locale (one clock per screen, Spanish order and a 24-hour clock).
#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn words_and_formats_follow_the_person_and_the_locale() {
    let home = TestHome::new();
    let app = App::start_with(&home, &[("LC_ALL", "en_US.UTF-8")]).await;
    let saved = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": "Sam", "pronouns": "they", "breakup_date": date_from_today(-20), "ended_by": "them" }}),
        )
        .await;
    assert!(saved.get("ok").is_some(), "{saved}");
    app.go("dealbreakers").await;
    for name in ["cheated", "lied", "put_down", "abusive"] {
        app.click(&format!("input[name='{name}'][value='no']"))
            .await;
    }
    app.click("input[name='hurt_them'][value='no']").await;
    app.click("#answer-dealbreakers").await;
    app.wait_for("#verdict").await;
    app.go("home").await;
    app.go("dealbreakers").await;
    let checked = app
        .script("return document.querySelector(\"input[name='hurt_them']:checked\").value;")
        .await;
    assert_eq!(checked, json!("no"), "the answer given comes back");

    // An error by a field goes as soon as the field is changed.
    app.go("profile").await;
    app.type_into("#ex_name", "").await;
    app.click("#save-profile").await;
    app.text_once_shown("#ex_name-error").await;
    app.type_into("#ex_name", "Sam").await;
    app.eventually("return document.getElementById('ex_name-error').hidden && !document.getElementById('ex_name').hasAttribute('aria-invalid');")
        .await;

    // Settings after setting a passphrase: each choice once.
    app.go("settings").await;
    app.type_into("#set-passphrase #passphrase", "a quiet harbour")
        .await;
    app.type_into("#set-passphrase #repeat", "a quiet harbour")
        .await;
    app.click("#set-passphrase-submit").await;
    app.wait_for("#privacy-on").await;
    let count = app
        .script("return [document.querySelectorAll('#lock_after_minutes').length, document.querySelectorAll('#very_discreet').length];")
        .await;
    assert_eq!(count, json!([1, 1]));

    // One clock on a screen: an activity's time and a reminder alike.
    let since = chrono::Utc::now() - chrono::Duration::days(3);
    let started = app
        .invoke("start_no_contact", json!({ "since": utc_wall_time(since) }))
        .await;
    assert!(started.get("ok").is_some(), "{started}");
    let trigger = app
        .invoke(
            "save_trigger",
            json!({ "id": null, "input": { "kind": "time_of_day", "moment": "Late evening", "plan": "Call my sister", "reminder": "21:45" } }),
        )
        .await;
    assert!(trigger.get("ok").is_some(), "{trigger}");
    app.go("live").await;
    let reminder = app.text("#triggers .reminder").await;
    assert!(reminder.contains("9:45 PM"), "{reminder}");
    assert_eq!(
        app.script("return document.getElementById('when').placeholder;")
            .await,
        json!("mm/dd/yyyy h:mm AM/PM")
    );

    // In Spanish: day first, a 24-hour clock, in the fields too.
    app.go("settings").await;
    app.script(
        "const s = document.getElementById('language'); s.value = 'es'; \
         s.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    app.eventually(
        "return document.querySelector(\"main[data-view='settings'][aria-busy='false'] h1\")?.textContent === 'Ajustes';",
    )
    .await;
    let quiet = app
        .script("return document.getElementById('quiet_start').placeholder;")
        .await;
    assert_eq!(quiet, json!("hh:mm"));
    app.go("live").await;
    let reminder = app.text("#triggers .reminder").await;
    assert!(reminder.contains("21:45"), "{reminder}");
    assert_eq!(
        app.script("return document.getElementById('when').placeholder;")
            .await,
        json!("dd/mm/aaaa hh:mm")
    );
    // A day typed the Spanish way is read the Spanish way.
    let day = chrono::Local::now().date_naive() - chrono::Duration::days(1);
    app.type_into("#when", &format!("{} 8:05", day.format("%d/%m/%Y")))
        .await;
    app.type_into("#note", "Paseo").await;
    app.click("#log-activity").await;
    app.eventually("return document.querySelectorAll('#activities-recent li').length === 1;")
        .await;
    let logged = app.text("#activities-recent").await;
    assert!(logged.contains("8:05"), "{logged}");
    app.screenshot("live-spanish-times").await;
    app.close().await;
}
