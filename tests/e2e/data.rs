//! The data: damage and backups, data from a newer version, the passphrase and the lock screen, export and erase.

use super::*;

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
    app.text_becomes(
        "#restore-status",
        "Restored. Your data is back as it was then.",
    )
    .await;
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

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn a_passphrase_seals_every_entry_and_the_app_opens_to_a_lock_screen() {
    // Words no one else would write, to look for on disk afterwards.
    let markers = ["Quillaby", "Vexmorrow", "Tindlewhisk"];
    let home = TestHome::new();
    let app = App::start(&home).await;
    profile_for_setup(&app, markers[0]).await;
    app.go("reflect").await;
    set_value(&app, "#reason", markers[1]).await;
    app.script("document.querySelector('#reason').blur();")
        .await;
    app.eventually("return document.querySelector('#reason-status')?.textContent === 'Saved';")
        .await;
    app.go("no-contact").await;
    app.click("#start-no-contact").await;
    app.wait_for("#log").await;
    set_value(&app, "#note", markers[2]).await;
    app.click("#log-they").await;
    app.wait_for("#today li[data-kind='they_contacted']").await;

    app.go("settings").await;
    app.type_into("#set-passphrase #passphrase", "a quiet harbour")
        .await;
    app.type_into("#set-passphrase #repeat", "a quiet harbor")
        .await;
    app.click("#set-passphrase-submit").await;
    assert!(app
        .text_once_shown("#set-passphrase #repeat-error")
        .await
        .contains("not the same"));
    app.type_into("#set-passphrase #repeat", "a quiet harbour")
        .await;
    app.click("#set-passphrase-submit").await;
    app.wait_for("#privacy-on").await;
    app.screenshot("44-privacy-on").await;
    app.close().await;

    // Nothing the person wrote is on disk in clear, anywhere under the
    // home: the store, the backups, WebKit's storage and caches.
    assert_eq!(home.files_containing(&markers), Vec::<String>::new());

    let app = App::start(&home).await;
    app.wait_for("#lock-screen").await;
    assert!(!app.text("main").await.contains(markers[0]));
    app.screenshot("45-lock-screen").await;
    // Safety needs no passphrase.
    app.go("safety").await;
    app.wait_for("#lines").await;
    app.script("location.hash = '#/home';").await;
    app.wait_for("#lock-screen").await;
    app.type_into("#passphrase", "a quiet harbor").await;
    app.click("#unlock-form-submit").await;
    assert!(app
        .text_once_shown("#passphrase-error")
        .await
        .contains("does not open"));
    app.screenshot("46-wrong-passphrase").await;
    app.type_into("#passphrase", "a quiet harbour").await;
    app.click("#unlock-form-submit").await;
    app.wait_for("main[data-view='home'][aria-busy='false']")
        .await;
    let profile = app.invoke("get_profile", json!({})).await;
    assert_eq!(profile["ok"]["ex_name"], markers[0]);

    // Locked after the idle time, in the window itself.
    let saved = app
        .invoke(
            "save_privacy",
            json!({ "input": { "lock_after_minutes": 1, "very_discreet": false } }),
        )
        .await;
    assert!(saved.get("ok").is_some(), "{saved}");
    app.go("settings").await;
    app.go("home").await;
    app.eventually("return document.body.dataset.idleLock === '1';")
        .await;
    let started = Instant::now();
    while app
        .script("return !!document.querySelector('#lock-screen');")
        .await
        != json!(true)
    {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "not locked after a minute idle"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let locked = app.invoke("get_encryption", json!({})).await;
    assert_eq!(locked["ok"]["locked"], true, "{locked}");
    app.close().await;
    assert_eq!(home.files_containing(&markers), Vec::<String>::new());

    // A forgotten passphrase: the lock screen offers to erase everything.
    let app = App::start(&home).await;
    app.wait_for("#lock-screen").await;
    app.click("#forgot-passphrase summary").await;
    app.type_into("#erase-confirmation", "erase").await;
    app.screenshot("50-lock-screen-forgot").await;
    app.click("#erase-everything").await;
    app.wait_for("main[data-view='welcome']").await;
    let open = app.invoke("get_encryption", json!({})).await;
    assert_eq!(open["ok"]["enabled"], false, "{open}");
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn everything_exports_erases_and_comes_back_from_the_export() {
    let home = TestHome::new();
    // Outside the home, so the check that nothing is left finds no copy.
    let elsewhere = tempfile::tempdir().unwrap();
    let chosen = elsewhere.path().join("chosen.json");
    let chosen_text = chosen.display().to_string();
    let app = App::start_with(&home, &[("CROSSROADS_FILE_CHOICE", chosen_text.as_str())]).await;
    profile_for_setup(&app, "Quintessa").await;
    let saved = app
        .invoke(
            "save_journal_entry",
            json!({ "id": null, "text": "Zorbleflax wrote this", "prompt": null }),
        )
        .await;
    assert!(saved.get("ok").is_some(), "{saved}");

    app.go("settings").await;
    app.click("#export-markdown").await;
    app.eventually("return (document.getElementById('export-status')?.textContent || '').startsWith('Saved to');")
        .await;
    let markdown = std::fs::read_to_string(&chosen).unwrap();
    assert!(markdown.starts_with("# Crossroads"), "{markdown}");
    assert!(markdown.contains("Zorbleflax wrote this"));
    app.click("#export-json").await;
    app.eventually(&format!(
        "return document.getElementById('export-status').textContent === {:?};",
        format!("Saved to {chosen_text}.")
    ))
    .await;
    assert!(std::fs::read_to_string(&chosen)
        .unwrap()
        .contains("\"crossroads_export\": 1"));
    app.screenshot("47-settings-your-data").await;

    // Erasing needs the word.
    app.type_into("#erase-confirmation", "yes").await;
    app.click("#erase-everything").await;
    assert!(app
        .text_once_shown("#erase-confirmation-error")
        .await
        .contains("erase"));
    app.screenshot("48-erase-everything-refused").await;
    assert_eq!(
        app.invoke("get_profile", json!({})).await["ok"]["ex_name"],
        "Quintessa"
    );
    app.type_into("#erase-confirmation", "erase").await;
    app.click("#erase-everything").await;
    app.wait_for("#welcome-import").await;
    assert_eq!(
        app.invoke("get_profile", json!({})).await["ok"],
        serde_json::Value::Null
    );
    app.close().await;
    assert_eq!(
        home.files_containing(&["Zorbleflax", "Quintessa"]),
        Vec::<String>::new(),
        "nothing of theirs is left on disk"
    );

    // A new start imports the export from the welcome screen.
    let app = App::start_with(&home, &[("CROSSROADS_FILE_CHOICE", chosen_text.as_str())]).await;
    app.click("#welcome-import summary").await;
    app.click("#import-start").await;
    app.click("#confirm-import-yes").await;
    app.wait_for("main[data-view='home']").await;
    assert_eq!(
        app.invoke("get_profile", json!({})).await["ok"]["ex_name"],
        "Quintessa"
    );
    let journal = app.invoke("get_journal", json!({ "query": null })).await;
    assert!(
        journal.to_string().contains("Zorbleflax wrote this"),
        "{journal}"
    );
    // The same file twice: a clear refusal, and nothing changes.
    app.go("settings").await;
    app.click("#import-start").await;
    app.click("#confirm-import-yes").await;
    app.eventually("return (document.getElementById('import-status')?.textContent || '').includes('already imported');")
        .await;
    app.screenshot("49-import-twice").await;
    // A file that is not an export.
    std::fs::write(&chosen, "not an export").unwrap();
    app.click("#confirm-import-yes").await;
    app.eventually("return (document.getElementById('import-status')?.textContent || '').includes('Nothing was imported');")
        .await;
    assert_eq!(
        app.invoke("get_profile", json!({})).await["ok"]["ex_name"],
        "Quintessa"
    );
    app.close().await;
}
