//! Care: the crisis card where the person is typing, the country's lines, after abuse. Run with `cargo xtask e2e care`.

use super::*;

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
    let card = app.text_once_shown("#crisis-card").await;
    assert!(card.contains("stay safe"), "{card}");
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

/// A person who set a passphrase and is in crisis reaches the help lines of
/// their country from the lock screen, in one click; their own plan is
/// sealed and says it opens after unlocking.
#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn lock_screen_safety_shows_the_country_lines_and_the_emergency_number() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    let saved = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": "Sam", "pronouns": "he", "breakup_date": date_from_today(-20), "ended_by": "them" }, "country": "GB" }),
        )
        .await;
    assert_eq!(saved["ok"]["ex_name"], "Sam", "{saved}");
    let plan = app
        .invoke(
            "save_safety_plan",
            json!({ "input": { "calming": "Brindlewick walks by the river" } }),
        )
        .await;
    assert!(plan.get("ok").is_some(), "{plan}");
    let set = app
        .invoke(
            "set_passphrase",
            json!({ "passphrase": "a quiet harbour", "repeat": "a quiet harbour" }),
        )
        .await;
    assert_eq!(set["ok"]["enabled"], true, "{set}");
    app.close().await;

    let app = App::start(&home).await;
    app.wait_for("#lock-screen").await;
    // One click on Safety in the navigation, as a person would.
    app.click("#nav-links a[href='#/safety']").await;
    app.wait_for("main[data-view='safety'][aria-busy='false']")
        .await;
    let lines = app.text("#lines").await;
    assert!(
        lines.contains("Samaritans") && lines.contains("116 123"),
        "{lines}"
    );
    assert!(app.text("#lines #card-emergency").await.contains("999"));
    assert!(app
        .text("#plan-invite-lead")
        .await
        .contains("opens after you unlock"));
    assert!(
        !app.text("main").await.contains("Sam "),
        "nothing sealed shows"
    );
    app.screenshot("lock-safety-lines").await;

    app.click("#open-safety-plan").await;
    app.wait_for("main[data-view='safety-plan'][aria-busy='false']")
        .await;
    assert!(app
        .text("#plan-sealed")
        .await
        .contains("opens once you unlock"));
    assert!(app.text("#plan-lines").await.contains("Samaritans"));
    assert!(!app.text("main").await.contains("Brindlewick"));
    app.screenshot("lock-safety-plan-sealed").await;

    // The way back: the lock screen, then the plan itself once unlocked.
    app.click("#plan-unlock").await;
    app.wait_for("#lock-screen").await;
    app.type_into("#passphrase", "a quiet harbour").await;
    app.click("#unlock-form-submit").await;
    app.wait_for("main[data-view='home'][aria-busy='false']")
        .await;
    app.go("safety-plan").await;
    app.wait_for("#plan-form").await;
    let calming = app
        .script("return document.querySelector('#calming').value;")
        .await;
    assert_eq!(calming, json!("Brindlewick walks by the river"));
    app.close().await;
}

/// A profile with a country, an all-"no" check, a reason and the decision
/// to try: steps 2 and 3 are open.
async fn care_setup(app: &App, country: &str, abusive: &str) {
    let saved = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": "Sam", "pronouns": "he", "breakup_date": date_from_today(-20), "ended_by": "them" }, "country": country }),
        )
        .await;
    assert_eq!(saved["ok"]["ex_name"], "Sam", "{saved}");
    let check = app
        .invoke(
            "answer_dealbreakers",
            json!({ "input": { "cheated": "no", "lied": "no", "put_down": "no", "abusive": abusive }}),
        )
        .await;
    assert!(check.get("ok").is_some(), "{check}");
    if abusive == "no" {
        app.invoke(
            "save_reflection",
            json!({ "prompt": "reason", "value": "We drifted apart" }),
        )
        .await;
        let decided = app.invoke("decide", json!({ "decision": "try" })).await;
        assert!(decided.get("ok").is_some(), "{decided}");
    } else {
        let chosen = app
            .invoke(
                "choose_path",
                json!({ "path": "moving_on", "acknowledged": false }),
            )
            .await;
        assert!(chosen.get("ok").is_some(), "{chosen}");
    }
}

async fn focused_id(app: &App) -> String {
    app.script("return document.activeElement ? document.activeElement.id : '';")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A long draft typed at the bottom of the window: the card comes into
/// view beside it (the help first, the US emergency number with 988), and
/// focus stays in the draft. With no plan yet, the card offers to make one.
#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn care_the_card_shows_where_the_person_is_typing_with_the_emergency_number() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    care_setup(&app, "US", "no").await;
    app.go("vault").await;
    // A long field, grown as a person grows it, scrolled to its end.
    let long = "I keep going over what happened.\n".repeat(40);
    set_value(&app, "#draft", &long).await;
    app.script(
        "const d = document.getElementById('draft'); d.style.height = '700px'; \
         d.scrollIntoView({ block: 'end' }); d.focus(); \
         d.setSelectionRange(d.value.length, d.value.length);",
    )
    .await;
    let field = app.wait_for("#draft").await;
    field
        .send_keys("some nights I think everyone would be better off without me")
        .await
        .unwrap();
    app.wait_for("#crisis-card").await;
    app.eventually("const r = document.querySelector('#crisis-card h2').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;")
        .await;
    assert_eq!(
        focused_id(&app).await,
        "draft",
        "the card never takes focus"
    );
    let in_view = app
        .script("const r = document.querySelector('#crisis-card #card-emergency').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;")
        .await;
    assert_eq!(in_view, json!(true), "the emergency number is in sight");
    let typed_in_view = app
        .script("const r = document.getElementById('draft').getBoundingClientRect(); return r.bottom > 40 && r.bottom <= innerHeight;")
        .await;
    assert_eq!(
        typed_in_view,
        json!(true),
        "the end of the draft stays in sight"
    );
    let card = app.text("#crisis-card").await;
    assert!(card.contains("911") && card.contains("988"), "{card}");
    let lead = app.text("#card-lead").await;
    assert!(!lead.starts_with("What you wrote is kept"), "{lead}");
    // No plan yet: an offer to make one, never "would your plan help".
    assert!(!card.contains("Would your plan help"), "{card}");
    assert!(app
        .text("#card-plan-link")
        .await
        .contains("Make my safety plan"));
    let last = app
        .script("const ps = [...document.querySelectorAll('#crisis-card > p, #crisis-card > div')]; return ps[ps.length - 2].id;")
        .await;
    assert_eq!(last, json!("card-kept"), "'kept' comes after the help");
    app.screenshot("care-card-in-view").await;
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn care_a_paraphrased_crisis_draft_brings_the_card_without_moving_focus() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    care_setup(&app, "DE", "no").await;

    // The person's own safety plan, one click from Safety.
    app.go("safety").await;
    app.click("#open-safety-plan").await;
    app.wait_for("main[data-view='safety-plan'][aria-busy='false']")
        .await;
    app.type_into("#who_to_call", "My brother Jonas").await;
    app.type_into("#calming", "A cold shower and the cat").await;
    app.click("#save-plan").await;
    app.eventually("return document.getElementById('plan-status').textContent === 'Saved.';")
        .await;
    assert!(app.text("#plan-lines").await.contains("TelefonSeelsorge"));
    app.screenshot("30-care-safety-plan").await;

    // A goodbye in a draft, with no word of death in it: the higher tier.
    app.go("vault").await;
    app.type_into(
        "#draft",
        "I have been giving away my things, you can have the rest",
    )
    .await;
    let card = app.text_once_shown("#crisis-card").await;
    assert_eq!(
        focused_id(&app).await,
        "draft",
        "the card never takes focus"
    );
    assert!(card.contains("stay safe"), "{card}");
    assert!(
        card.contains("112") && card.contains("110"),
        "Germany: 112 and police 110: {card}"
    );
    assert!(
        card.contains("My brother Jonas"),
        "the plan comes first: {card}"
    );
    assert!(card.contains("TelefonSeelsorge"), "{card}");
    let order = app
        .script("const c = document.getElementById('crisis-card'); return [...c.querySelectorAll('#card-emergency, #card-plan, #card-crisis-lines')].map(e => e.id);")
        .await;
    assert_eq!(
        order,
        json!(["card-emergency", "card-plan", "card-crisis-lines"])
    );
    assert_eq!(
        app.script("return document.getElementById('draft').value;")
            .await,
        "I have been giving away my things, you can have the rest",
        "typing went on in the draft"
    );
    app.screenshot("31-care-card-higher").await;
    app.script("document.getElementById('crisis-card').scrollIntoView();")
        .await;
    app.screenshot("31b-care-card-higher-whole").await;

    // Closed from the keyboard, focus goes back to the draft.
    app.script("document.getElementById('crisis-close').focus();")
        .await;
    app.click("#crisis-close").await;
    app.eventually("return !document.getElementById('crisis-card');")
        .await;
    assert_eq!(focused_id(&app).await, "draft");

    // Kept: the card stays closed for this entry, and the Support link brings it back.
    app.click("#keep-draft").await;
    app.wait_for("#drafts li").await;
    assert!(
        app.text("#drafts li").await.contains("real pain"),
        "care first in the draft"
    );
    app.click("button.support-link[data-for='draft']").await;
    app.wait_for("#crisis-card").await;
    app.click("#crisis-close").await;

    // Danger from someone else: the abuse lines first.
    app.go("no-contact").await;
    app.click("#start-no-contact").await;
    app.wait_for("#log").await;
    app.type_into("#note", "He hit me when I went to get my things")
        .await;
    app.wait_for("#crisis-card").await;
    assert_eq!(focused_id(&app).await, "note");
    let first = app
        .script("return document.querySelector('#crisis-card .line-group').id;")
        .await;
    assert_eq!(first, "card-abuse-lines");
    assert!(app
        .text_once_shown("#crisis-card")
        .await
        .contains("Hilfetelefon"));
    // (the lower tier is checked on step 1 below)
    app.screenshot("32-care-card-danger").await;
    app.script("document.getElementById('crisis-card').scrollIntoView();")
        .await;
    app.screenshot("32b-care-card-danger-whole").await;

    // The lower tier, on step 1 (saved as typed): a gentle check-in with a
    // grounding step, the plan and the lines.
    app.go("reflect").await;
    app.type_into("#unmet_need", "Honestly I just dont see the point anymore")
        .await;
    let card = app.text_once_shown("#crisis-card").await;
    assert_eq!(focused_id(&app).await, "unmet_need");
    assert!(
        card.contains("really heavy") && card.contains("for one minute"),
        "{card}"
    );
    assert!(
        card.contains("My brother Jonas") && card.contains("TelefonSeelsorge"),
        "{card}"
    );
    app.script("document.getElementById('crisis-card').scrollIntoView();")
        .await;
    app.screenshot("39-care-card-lower").await;
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn care_a_person_whose_country_is_not_listed_sees_the_directory() {
    let home = TestHome::new();
    // In dark mode, to see the new screens in both.
    let app = App::start_with(&home, &[("GTK_THEME", "Adwaita:dark")]).await;
    app.click("#begin").await;
    app.wait_for("main[data-view='profile'] #profile-form")
        .await;
    fill_profile(&app, "Sam", &date_from_today(-10)).await;
    // No country chosen: refused next to the field, nothing stored.
    app.script("const c = document.getElementById('country'); c.value = ''; c.dispatchEvent(new Event('change'));")
        .await;
    app.click("#save-profile").await;
    let error = app.text("#country-error").await;
    assert!(error.contains("isn't listed"), "{error}");
    assert_eq!(focused_id(&app).await, "country");
    app.screenshot("33-care-first-run-country").await;
    app.script("const c = document.getElementById('country'); c.value = 'not_listed'; c.dispatchEvent(new Event('change'));")
        .await;
    app.click("#save-profile").await;
    app.wait_for("main[data-view='home'][aria-busy='false']")
        .await;

    app.go("safety").await;
    let order = app
        .script(
            "return [...document.querySelectorAll('#lines > *')].map(e => e.id || e.className);",
        )
        .await;
    assert_eq!(
        order,
        json!(["directory"]),
        "the directory, below the page's emergency note"
    );
    let note_first = app
        .script("const n = document.getElementById('emergency-note'), d = document.getElementById('directory'); return !!(n.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING);")
        .await;
    assert_eq!(note_first, true, "the emergency note comes first");
    let directory = app.text("#directory").await;
    assert!(directory.contains("findahelpline.com"), "{directory}");
    assert!(app.text("#lines").await.contains("emergency number"));
    assert_eq!(
        app.script("return document.getElementById('country').value;")
            .await,
        "not_listed"
    );
    app.screenshot("34-care-directory").await;

    // Settings changes it; Safety then shows that country first.
    app.go("settings").await;
    app.script("const c = document.getElementById('country'); c.value = 'IT'; c.dispatchEvent(new Event('change'));")
        .await;
    app.eventually("return document.getElementById('country-status').textContent.length > 0;")
        .await;
    app.go("safety").await;
    let lines = app.text("#lines").await;
    assert!(
        lines.contains("no crisis line answers around the clock"),
        "Italy: {lines}"
    );
    assert!(lines.contains("10:00-24:00"), "{lines}");
    app.screenshot("35-care-italy").await;
    app.close().await;
}

/// The card the Support link beside the draft brings, for a person whose
/// country is `country`: the ids of its parts in order, and its text.
async fn support_card_for(country: &str) -> (serde_json::Value, String) {
    let home = TestHome::new();
    let app = App::start(&home).await;
    care_setup(&app, country, "no").await;
    app.go("vault").await;
    app.wait_for("button.support-link[data-for='draft']").await;
    app.click("button.support-link[data-for='draft']").await;
    let card = app.text_once_shown("#crisis-card").await;
    let order = app
        .script("const c = document.getElementById('crisis-card'); return [...c.querySelectorAll('#card-emergency, #directory, #card-crisis-lines, #card-abuse-lines')].map(e => e.id);")
        .await;
    let first_line = app
        .script("const li = document.querySelector('#crisis-card .line-group li'); return li ? li.textContent : '';")
        .await;
    app.screenshot(&format!("40-care-first-line-{}", country.to_lowercase()))
        .await;
    app.close().await;
    (json!({ "order": order, "first_line": first_line }), card)
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn care_a_person_in_belgium_and_one_in_nunavut_see_the_right_first_line() {
    // Belgium: a crisis line answers around the clock, so the lines lead,
    // 1813 first, and the emergency number follows them (it is on every card).
    let (belgium, card) = support_card_for("BE").await;
    assert_eq!(
        belgium["order"],
        json!(["card-crisis-lines", "card-abuse-lines", "card-emergency"]),
        "{card}"
    );
    let first = belgium["first_line"].as_str().unwrap();
    assert!(first.contains("1813") && first.contains("24/7"), "{first}");

    // Nunavut has no 911: the card leads with what to call there.
    let (nunavut, card) = support_card_for("CA-NU").await;
    assert_eq!(
        nunavut["order"][0], "card-emergency",
        "the emergency part first: {card}"
    );
    assert!(
        card.contains("Nunavut has no 911") && card.contains("RCMP"),
        "{card}"
    );
    let emergency_at = card.find("no 911").unwrap();
    let lines_at = card.find("988").unwrap();
    assert!(emergency_at < lines_at, "{card}");
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn care_after_abuse_no_contact_says_dont_engage_and_necessary_contact_keeps_the_count() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    care_setup(&app, "ES", "yes").await;
    // The abuse answer stays: answering "no" again is refused by the field.
    app.go("dealbreakers").await;
    for name in ["cheated", "lied", "put_down", "abusive"] {
        app.click(&format!("input[name='{name}'][value='no']"))
            .await;
    }
    app.click("#answer-dealbreakers").await;
    let error = app.text("#abusive-error").await;
    assert!(error.contains("new program"), "{error}");
    app.script("document.getElementById('hurt_them-field').scrollIntoView();")
        .await;
    app.screenshot("38-care-one-path-after-abuse").await;
    let verdict = app.text("main").await;
    assert!(
        !verdict.contains("null"),
        "no stray null on the page: {verdict}"
    );
    let first_group = app
        .script("return document.querySelector('#abuse-lines .line-group h3').textContent;")
        .await;
    assert_eq!(first_group, "If someone is hurting or frightening you");
    // Step 1 asks nothing that invites self-blame.
    app.go("reflect").await;
    app.wait_for("#reason").await;
    assert_eq!(
        app.script("return ['weight', 'trait_given_up', 'repeated_arguments'].filter(id => document.getElementById(id)).length;")
            .await,
        0
    );
    assert!(!app.text("main").await.contains("null"));
    app.go("dealbreakers").await;
    assert!(app
        .text("#abusive-hint")
        .await
        .contains("checking your phone"));

    let since = app
        .script("const d = new Date(Date.now() - 5 * 86400000 - 60000); const p = (n) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;")
        .await;
    let started = app
        .invoke("start_no_contact", json!({ "since": since }))
        .await;
    assert_eq!(started["ok"]["current"]["days"], 5, "{started}");
    app.go("no-contact").await;
    let card = app.text("#dont-engage").await;
    assert!(
        card.contains("Don't engage") && card.contains("Keep a record"),
        "{card}"
    );
    assert!(card.contains("016"), "the abuse line of Spain: {card}");
    assert!(card.contains("call history"), "{card}");
    assert_eq!(
        app.script("return document.querySelectorAll('#space-text').length;")
            .await,
        0,
        "no message asking them for space"
    );
    assert!(!app.text("#rules-title").await.is_empty());
    // Reaching out is not on this path: the words never mention it.
    let clocks = app.text("#clocks").await;
    assert!(clocks.contains("keeps the wound open"), "{clocks}");
    assert!(!app.text("main").await.contains("step 5"));

    app.click("#log-necessary").await;
    app.click("button[data-kind='necessary_children']").await;
    // The status is set once the engine has answered and the screen redrawn.
    app.eventually(
        "const s = document.getElementById('log-status'); \
         return s && s.textContent.includes(\"doesn't end your streak\");",
    )
    .await;
    assert_eq!(app.text("#day-number").await, "5");
    assert!(app.text("#today").await.contains("Necessary: the children"));
    assert!(app.text("#counts").await.contains("Necessary contact: 1"));
    app.screenshot("36-care-after-abuse-no-contact").await;
    app.script("document.getElementById('dont-engage').scrollIntoView();")
        .await;
    app.screenshot("37-care-dont-engage").await;
    app.close().await;
}

#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn care_a_person_who_hurt_them_gets_a_pointer_and_no_way_back() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    let saved = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": "Sam", "pronouns": "she", "breakup_date": date_from_today(-20), "ended_by": "me" }, "country": "GB" }),
        )
        .await;
    assert_eq!(saved["ok"]["ex_name"], "Sam", "{saved}");
    app.go("dealbreakers").await;
    for name in ["cheated", "lied", "put_down", "abusive"] {
        app.click(&format!("input[name='{name}'][value='no']"))
            .await;
    }
    app.click("input[name='hurt_them'][value='yes']").await;
    app.click("#answer-dealbreakers").await;
    let pointer = app.text("#hurt-support").await;
    assert!(pointer.contains("want to stop"), "{pointer}");
    let verdict = app.text("#verdict").await;
    assert!(verdict.contains("one path"), "{verdict}");
    app.script("document.getElementById('hurt-support').scrollIntoView();")
        .await;
    app.screenshot("40-care-hurt-them").await;
    app.go("home").await;
    let reason = app.text("li[data-step='reach_out'] .reason").await;
    assert!(reason.contains("won't guide you back"), "{reason}");
    assert_eq!(
        app.script("return document.querySelectorAll('#safety-banner').length;")
            .await,
        0,
        "no abuse banner: they did not say they were abused"
    );
    app.close().await;
}

/// The sentence encoder under the card: wordings no rule names, typed
/// into a draft, the journal and a step-1 answer, bring the card at the
/// right tier; a hard everyday line brings none. Focus stays in the field.
#[tokio::test]
#[ignore = "needs a display: run through cargo xtask test"]
async fn care_unseen_wordings_bring_the_card_and_everyday_ones_do_not() {
    let home = TestHome::new();
    let app = App::start(&home).await;
    care_setup(&app, "US", "no").await;

    // A goodbye with a time, in a draft: the higher tier.
    app.go("vault").await;
    app.type_into("#draft", "tonight im ending it. sorry to whoever finds me")
        .await;
    app.eventually("return document.getElementById('crisis-card')?.dataset.tier === 'higher';")
        .await;
    assert_eq!(
        focused_id(&app).await,
        "draft",
        "the card never takes focus"
    );
    app.screenshot("44-encoder-draft-card").await;

    // Danger from someone, in Portuguese, in a step-1 answer: the abuse lines first.
    app.go("reflect").await;
    app.type_into(
        "#unmet_need",
        "ele me tranca em casa e leva meu celular quando sai pro trabalho",
    )
    .await;
    app.eventually("return document.getElementById('crisis-card')?.dataset.danger === 'true';")
        .await;
    assert_eq!(focused_id(&app).await, "unmet_need");
    let first = app
        .script("return document.querySelector('#crisis-card .line-group').id;")
        .await;
    assert_eq!(first, "card-abuse-lines");
    app.screenshot("44c-encoder-danger-card").await;

    // Means kept at hand, in the journal (step 4: no contact started).
    let since = utc_wall_time(chrono::Utc::now() - chrono::Duration::days(3));
    let started = app
        .invoke("start_no_contact", json!({ "since": since }))
        .await;
    assert!(started["ok"]["current"].is_object(), "{started}");
    app.go("journal").await;
    app.type_into(
        "#text",
        "keep the rope in my trunk now. just in case tonight is the night",
    )
    .await;
    app.eventually("const c = document.getElementById('crisis-card'); return !!c && c.dataset.tier !== 'none';")
        .await;
    assert_eq!(focused_id(&app).await, "text");
    app.screenshot("44b-encoder-journal-card").await;

    // A hard everyday line, on a fresh journal page: the engine reads no
    // crisis, and no card opens.
    app.go("safety").await;
    app.go("journal").await;
    let everyday = "this traffic is killing me, I could die of embarrassment";
    app.type_into("#text", everyday).await;
    let read = app.invoke("check_text", json!({ "text": everyday })).await;
    assert_eq!(read["ok"], serde_json::Value::Null, "{read}");
    app.eventually("return document.activeElement && document.activeElement.id === 'text';")
        .await;
    assert_eq!(
        app.script("return !!document.getElementById('crisis-card');")
            .await,
        json!(false)
    );
    app.close().await;
}
