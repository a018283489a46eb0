//! The endings: reaching out, back together with its check-ins and cooldown, moving on.

use super::*;

#[test]
fn reaching_out_early_is_refused_with_the_days_to_go_and_stores_nothing() {
    let h = through_step_two(None);
    let err = h
        .call(
            "save_plan_note",
            json!({ "note": "my_part", "text": "I shut down." }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order");
    assert!(
        err["message"].as_str().unwrap().contains("14 to go"),
        "{err}"
    );
    let err = h
        .call("record_outcome", json!({ "outcome": "want_to_try" }))
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order");
    let view = h.call("get_reach_out", json!({})).unwrap();
    assert!(view["notes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["text"] == ""));
    assert_eq!(view["history"], json!([]));
    let reach = step(&h.call("get_overview", json!({})).unwrap(), "reach_out");
    assert_eq!(reach["locked"]["code"], "needs_no_contact_days");
    assert_eq!(reach["locked"]["remaining"], 14);
}

#[test]
fn after_a_crisis_reading_step_five_asks_first_and_records_the_answer() {
    let h = through_step_two(Some("2026-05-18T11:00"));
    let commits = || h._app.state::<AppState>().engine().unwrap().commit_count();
    let view = h.call("get_reach_out", json!({})).unwrap();
    assert_eq!(view["care_pause"], Value::Null);
    let before = commits();
    let err = h
        .call("answer_care_check", json!({ "choice": "go_on" }))
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "{err}");
    assert_eq!(commits(), before, "nothing stored");

    let saved = h
        .call(
            "save_journal_entry",
            json!({ "id": null, "text": "some nights I think everyone would be better off without me", "prompt": null }),
        )
        .unwrap();
    assert_eq!(saved["crisis_support"], true);
    h.clock.advance(chrono::Duration::minutes(5));
    let view = h.call("get_reach_out", json!({})).unwrap();
    assert_eq!(view["care_pause"]["chose_to_wait"], false, "{view}");
    assert!(view["care_pause"]["wait_until"].is_string());

    let before = commits();
    for (args, field) in [
        (json!({ "choice": "maybe" }), "choice"),
        (json!({ "choice": 1 }), "choice"),
        (json!({}), "choice"),
    ] {
        let err = h.call("answer_care_check", args).unwrap_err();
        assert_refused_on(&err, field);
    }
    assert_eq!(commits(), before, "nothing stored");

    let waited = h
        .call("answer_care_check", json!({ "choice": "wait" }))
        .unwrap();
    assert_eq!(waited["care_pause"]["chose_to_wait"], true);
    let on = h
        .call("answer_care_check", json!({ "choice": "go_on" }))
        .unwrap();
    assert_eq!(on["care_pause"], Value::Null);
    let checks = on["care_checks"].as_array().unwrap();
    assert_eq!(checks.len(), 2);
    assert_eq!(checks[1]["choice"], "go_on");
}

#[test]
fn step_five_to_back_together_then_a_check_in_reminder_arrives_discreetly() {
    // 14 days and an hour before the pinned clock, in Berlin.
    let h = through_step_two(Some("2026-05-18T11:00"));
    let reach = step(&h.call("get_overview", json!({})).unwrap(), "reach_out");
    assert_eq!(reach["status"], "open", "{reach}");
    let note = h
        .call(
            "save_plan_note",
            json!({ "note": "what_went_wrong", "text": "You never listened, Robin." }),
        )
        .unwrap();
    assert_eq!(note["review"]["blame"], true);
    assert_eq!(note["review"]["findings"][0]["kind"], "always_never");
    // Nothing picked leaves the key out: the radio group says so.
    for (args, field) in [
        (json!({ "outcome": "maybe" }), "outcome"),
        (json!({}), "outcome"),
    ] {
        let err = h.call("record_outcome", args).unwrap_err();
        assert_refused_on(&err, field);
    }
    let err = h
        .call(
            "save_plan_note",
            json!({ "note": "my_part", "text": "x".repeat(5_001) }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "my_part");
    let overview = h
        .call("record_outcome", json!({ "outcome": "want_to_try" }))
        .unwrap();
    assert_eq!(overview["ending"], "together");
    assert_eq!(step(&overview, "better_relationship")["status"], "open");

    let bad = json!({ "input": { "unit": "month", "every": 0, "reminders": true,
        "cooldown_minutes": 5, "therapy": true }});
    let err = h.call("save_house_rules", bad).unwrap_err();
    assert_eq!(err["field"], "every");
    let err = h
        .call(
            "save_house_rules",
            json!({ "input": { "unit": "fortnight", "every": 1, "reminders": true,
                "cooldown_minutes": 5, "therapy": true }}),
        )
        .unwrap_err();
    assert_refused_on(&err, "unit");
    let view = h.call("get_together", json!({})).unwrap();
    assert_eq!(view["rules"]["check_in"]["every"], 1, "nothing stored");
    assert_eq!(view["next_check_in"], "2026-07-01T10:00:00Z");

    let app = h._app.handle().clone();
    crate::milestones::check_once(&app).unwrap();
    h.shown.lock().unwrap().shown.clear();
    h.clock.advance(chrono::Duration::days(30));
    for _ in 0..5 {
        crate::milestones::check_once(&app).unwrap();
    }
    let shown = h.shown.lock().unwrap().shown.clone();
    let check_ins: Vec<_> = shown
        .iter()
        .filter(|m| m.summary == "Time for your check-in")
        .collect();
    assert_eq!(check_ins.len(), 1, "{shown:?}");
    assert!(!format!("{shown:?}").contains("Robin"));
    let saved = h
        .call(
            "save_check_in",
            json!({ "input": { "i_feel": "Hopeful", "they_feel": "", "works": "Walks",
                "does_not": "", "change": "Phones away" }}),
        )
        .unwrap();
    assert_eq!(saved["check_ins"][0]["i_feel"], "Hopeful");
}

#[test]
fn a_cooldown_counts_down_for_the_tray_and_ends_with_a_notification() {
    let h = through_step_two(Some("2026-05-01T09:00"));
    let err = h.call("start_cooldown", json!({})).unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "only in step 6");
    h.call("record_outcome", json!({ "outcome": "want_to_try" }))
        .unwrap();
    let app = h._app.handle().clone();
    crate::milestones::check_once(&app).unwrap();
    let started = h.call("start_cooldown", json!({})).unwrap();
    assert_eq!(started["minutes"], 5);
    h.clock.advance(chrono::Duration::seconds(90));
    let round = crate::milestones::check_once(&app).unwrap();
    assert_eq!(round.cooldown_minutes(h.clock.now()), Some(4));
    h.clock.advance(chrono::Duration::seconds(210));
    let round = crate::milestones::check_once(&app).unwrap();
    assert_eq!(round.cooldown_minutes(h.clock.now()), None);
    crate::milestones::check_once(&app).unwrap();
    let shown = h.shown.lock().unwrap().shown.clone();
    let over: Vec<_> = shown
        .iter()
        .filter(|m| m.summary == "Cooldown over")
        .collect();
    assert_eq!(over.len(), 1, "{shown:?}");
    assert!(over[0].body.starts_with("5 minutes have passed"));
}

#[test]
fn on_the_moving_on_path_the_clock_counts_days_of_moving_on() {
    let h = through_step_one();
    h.call("start_no_contact", json!({ "since": "2026-05-31T09:00" }))
        .unwrap();
    h.call("choose_moving_on", json!({})).unwrap();
    let app = h._app.handle().clone();
    crate::milestones::check_once(&app).unwrap();
    let shown = h.shown.lock().unwrap().shown.clone();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].summary, "1 day of moving on");
    assert!(!format!("{shown:?}").contains("Robin"));
}

#[test]
fn moving_on_closure_archive_erase_and_a_new_program() {
    let h = through_step_one();
    let err = h
        .call(
            "save_closure",
            json!({ "field": "note", "text": "Goodbye" }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order");
    let overview = h.call("choose_moving_on", json!({})).unwrap();
    assert_eq!(overview["ending"], "moving_on");
    h.call(
        "save_closure",
        json!({ "field": "note", "text": "Thank you, and goodbye." }),
    )
    .unwrap();
    let err = h
        .call(
            "save_closure",
            json!({ "field": "learned", "text": "x".repeat(20_001) }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "learned");
    let err = h
        .call("save_closure", json!({ "field": "mood", "text": "x" }))
        .unwrap_err();
    assert_refused_on(&err, "field");
    let closure = h.call("get_closure", json!({})).unwrap();
    assert_eq!(
        closure["notes"],
        json!({ "note": "Thank you, and goodbye." })
    );

    let archived = h.call("archive_program", json!({})).unwrap();
    assert_eq!(archived["ex_name"], "Robin");
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(overview["has_profile"], false);
    assert_eq!(overview["archived_programs"], 1);
    let list = h.call("list_archives", json!({})).unwrap();
    let id = list[0]["id"].as_str().unwrap().to_owned();
    let old = h.call("get_archive", json!({ "id": id })).unwrap();
    assert_eq!(old["closure"]["notes"]["note"], "Thank you, and goodbye.");
    assert_eq!(old["ending"], "moving_on");

    // A new program, then erased: the word is needed, and the archive stays.
    h.call("save_profile", profile("Sam", "2026-05-01"))
        .unwrap();
    let err = h
        .call("erase_program", json!({ "confirmation": "ok" }))
        .unwrap_err();
    assert_eq!(err["field"], "confirmation");
    assert_eq!(h.call("get_profile", json!({})).unwrap()["ex_name"], "Sam");
    let overview = h
        .call("erase_program", json!({ "confirmation": "erase" }))
        .unwrap();
    assert_eq!(overview["has_profile"], false);
    assert_eq!(overview["archived_programs"], 1);
}
