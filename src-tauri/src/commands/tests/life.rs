//! Living your life: activities, thoughts, moods, triggers and their reminders, the journal.

use super::*;

fn activity(kind: &str, when: Value, note: Value) -> Value {
    json!({ "input": { "kind": kind, "when": when, "note": note } })
}

fn trigger(moment: &str, plan: &str, reminder: Value) -> Value {
    json!({ "id": null, "input": { "kind": "time_of_day", "moment": moment, "plan": plan, "reminder": reminder } })
}

#[test]
fn living_your_life_logs_activities_thoughts_a_mood_and_plans() {
    let h = living();
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(step(&overview, "live_your_life")["status"], "open");
    let logged = h
        .call(
            "log_activity",
            activity("friends", Value::Null, json!("Dinner with Alex")),
        )
        .unwrap();
    assert_eq!(logged["activities_today"][0]["kind"], "friends");
    assert_eq!(logged["crisis_support"], false);
    let id = logged["activities_today"][0]["id"].as_u64().unwrap();
    let edited = h
        .call(
            "update_activity",
            json!({ "id": id, "input": { "kind": "exercise", "when": "2026-06-01T11:30", "note": null } }),
        )
        .unwrap();
    assert_eq!(edited["activities_today"][0]["kind"], "exercise");
    assert_eq!(edited["activities_today"][0]["local"], "2026-06-01T11:30");
    for _ in 0..3 {
        h.call("count_thought", json!({})).unwrap();
    }
    let mood = h
        .call(
            "save_mood",
            json!({ "score": 2, "note": "low", "replace": false }),
        )
        .unwrap();
    assert_eq!(mood["thoughts_today"], 3);
    assert_eq!(mood["mood_today"]["score"], 2);
    // A second mood today is refused until the person agrees to replace it.
    let err = h
        .call(
            "save_mood",
            json!({ "score": 4, "note": null, "replace": false }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "score");
    let replaced = h
        .call(
            "save_mood",
            json!({ "score": 4, "note": null, "replace": true }),
        )
        .unwrap();
    assert_eq!(replaced["mood_today"]["score"], 4);
    let planned = h
        .call(
            "save_trigger",
            trigger("Waking up", "Make tea, open the window", json!("07:30")),
        )
        .unwrap();
    assert_eq!(planned["triggers"][0]["reminder"], "07:30");
    let tid = planned["triggers"][0]["id"].as_u64().unwrap();
    let stats = h
        .call("get_statistics", json!({ "range": "two_weeks" }))
        .unwrap();
    let today = stats["days"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(today["date"], "2026-06-01");
    assert_eq!(today["thoughts"], 3);
    assert_eq!(today["mood"], 4);
    assert_eq!(today["streak"], 0);
    assert_eq!(stats["days"][0]["thoughts"], Value::Null, "a gap");
    assert_eq!(stats["summary"]["activities"], 1);
    let left = h.call("delete_trigger", json!({ "id": tid })).unwrap();
    assert_eq!(left["triggers"], json!([]));
    let left = h.call("delete_activity", json!({ "id": id })).unwrap();
    assert_eq!(left["activities_today"], json!([]));
}

#[test]
fn the_journal_keeps_searches_edits_and_offers_help() {
    let h = Harness::new();
    let journal = h.call("get_journal", json!({ "query": null })).unwrap();
    assert_eq!(journal["total"], 0);
    assert!(journal["prompt"]["index"].as_u64().unwrap() < 4);
    let prompt = journal["prompt"].clone();
    let saved = h
        .call(
            "save_journal_entry",
            json!({ "id": null, "text": "A long walk by the river.", "prompt": prompt }),
        )
        .unwrap();
    assert_eq!(saved["crisis_support"], false);
    let id = saved["entry"]["id"].as_u64().unwrap();
    h.call(
        "save_journal_entry",
        json!({ "id": id, "text": "A long walk by the lake.", "prompt": null }),
    )
    .unwrap();
    let found = h.call("get_journal", json!({ "query": "LAKE" })).unwrap();
    assert_eq!(found["matched"], 1);
    assert_eq!(found["entries"][0]["prompt"], prompt);
    let heavy = h
        .call(
            "save_journal_entry",
            json!({ "id": null, "text": "I want to die", "prompt": null }),
        )
        .unwrap();
    assert_eq!(heavy["crisis_support"], true, "saved, and help offered");
    h.call("delete_journal_entry", json!({ "id": id })).unwrap();
    assert_eq!(
        h.call("get_journal", json!({ "query": null })).unwrap()["total"],
        1
    );
}

#[test]
fn bad_life_input_is_typed_and_stores_nothing() {
    let h = with_profile();
    // Before no contact has started, step 4 is not open yet.
    let err = h.call("count_thought", json!({})).unwrap_err();
    assert_eq!(err["kind"], "out_of_order");
    h.call("start_no_contact", json!({ "since": null }))
        .unwrap();
    let typed = [
        (
            "save_mood",
            json!({ "score": 0, "note": null, "replace": false }),
            "score",
        ),
        (
            "save_mood",
            json!({ "score": 6, "note": null, "replace": true }),
            "score",
        ),
        (
            "save_mood",
            json!({ "score": 3, "note": "n".repeat(2001), "replace": false }),
            "mood_note",
        ),
        (
            "log_activity",
            activity("hobby", json!("yesterday"), Value::Null),
            "when",
        ),
        (
            "log_activity",
            activity("hobby", json!("2026-06-02T10:00"), Value::Null),
            "when",
        ),
        (
            "log_activity",
            activity("hobby", Value::Null, json!("n".repeat(2001))),
            "note",
        ),
        (
            "save_trigger",
            trigger("Mornings", "Tea", json!("25:61")),
            "reminder",
        ),
        (
            "save_trigger",
            trigger("Mornings", "Tea", json!("half past seven")),
            "reminder",
        ),
        ("save_trigger", trigger("", "Tea", Value::Null), "moment"),
        (
            "save_trigger",
            trigger("Mornings", &"p".repeat(1001), Value::Null),
            "plan",
        ),
        (
            "save_journal_entry",
            json!({ "id": null, "text": "x".repeat(20_001), "prompt": null }),
            "text",
        ),
        ("get_journal", json!({ "query": "q".repeat(201) }), "query"),
    ];
    for (command, args, field) in typed {
        let err = h.call(command, args.clone()).unwrap_err();
        assert_eq!(err["kind"], "invalid_input", "{command} {args}");
        assert_eq!(err["field"], field, "{command} {args}");
    }
    let unknown_choices = [
        (
            "log_activity",
            activity("dancing", Value::Null, Value::Null),
            "kind",
        ),
        ("get_statistics", json!({ "range": "forever" }), "range"),
        (
            "save_trigger",
            json!({ "id": null, "input": { "kind": "weather", "moment": "m", "plan": "p" } }),
            "trigger_kind",
        ),
        (
            "save_journal_entry",
            json!({ "id": null, "text": "fine", "prompt": { "step": "reflect", "index": 300 } }),
            "prompt",
        ),
    ];
    for (command, args, field) in unknown_choices {
        let err = h.call(command, args).unwrap_err();
        assert_refused_on(&err, field);
    }
    // The mood form always sends a number (0 when none is picked).
    let err = h
        .call(
            "save_mood",
            json!({ "score": "five", "note": null, "replace": false }),
        )
        .unwrap_err();
    assert_refused_at_the_boundary(&err, "score");
    let life = h.call("get_life", json!({})).unwrap();
    assert_eq!(life["thoughts_today"], 0);
    assert_eq!(life["mood_today"], Value::Null);
    assert_eq!(life["activities_today"], json!([]));
    assert_eq!(life["triggers"], json!([]));
    assert_eq!(
        h.call("get_journal", json!({ "query": null })).unwrap()["total"],
        0
    );
}

#[test]
fn a_trigger_reminder_is_shown_once_a_day_discreetly() {
    let h = living();
    // The clock stands at 12:00 in Berlin; the reminder is for 12:05.
    h.call(
        "save_trigger",
        trigger(
            "The hour Robin used to call",
            "Call my brother",
            json!("12:05"),
        ),
    )
    .unwrap();
    let app = h._app.handle().clone();
    for _ in 0..(2 * 24 * 12) {
        crate::milestones::check_once(&app).unwrap();
        h.clock.advance(chrono::Duration::minutes(5));
    }
    let shown = h.shown.lock().unwrap();
    let reminders: Vec<_> = shown
        .shown
        .iter()
        .filter(|m| m.summary == "A moment you planned for")
        .collect();
    assert_eq!(reminders.len(), 2, "once a day for two days: {shown:?}");
    for m in &reminders {
        let text = format!("{} {}", m.summary, m.body);
        assert!(
            !text.contains("Robin") && !text.contains("brother"),
            "discreet: {text}"
        );
    }
}
