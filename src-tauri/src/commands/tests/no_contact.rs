//! No contact and settings: starting, logging, necessary contact, milestone moments and discreet notifications.

use super::*;

#[test]
fn no_contact_starts_logs_and_counts() {
    let h = with_profile();
    let empty = h.call("get_no_contact", json!({})).unwrap();
    assert_eq!(empty["current"], Value::Null);
    let started = h
        .call("start_no_contact", json!({ "since": null }))
        .unwrap();
    assert_eq!(started["current"]["days"], 0);
    let logged = h
        .call(
            "log_event",
            json!({ "kind": "urge_resisted", "note": "at 2am" }),
        )
        .unwrap();
    assert_eq!(logged["counts"]["urges_resisted"], 1);
    assert_eq!(logged["today"][0]["note"], "at 2am");
    let slipped = h
        .call("log_event", json!({ "kind": "met", "note": null }))
        .unwrap();
    assert_eq!(slipped["history"].as_array().unwrap().len(), 1);
    assert_eq!(slipped["history"][0]["ended_by"], "met");
}

#[test]
fn bad_no_contact_input_is_typed_and_stores_nothing() {
    let h = with_profile();
    let err = h
        .call(
            "log_event",
            json!({ "kind": "urge_resisted", "note": null }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "logging before starting");
    let err = h
        .call("start_no_contact", json!({ "since": "2999-01-01T10:00" }))
        .unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("since"))
    );
    assert_eq!(
        h.call("get_no_contact", json!({})).unwrap()["current"],
        Value::Null
    );
    h.call("start_no_contact", json!({ "since": null }))
        .unwrap();
    let err = h
        .call(
            "log_event",
            json!({ "kind": "texted", "note": "n".repeat(2001) }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "note");
    for kind in [json!("ghosted"), json!(""), json!(7), json!(null)] {
        let err = h
            .call("log_event", json!({ "kind": kind, "note": null }))
            .unwrap_err();
        assert_refused_on(&err, "kind");
    }
    let view = h.call("get_no_contact", json!({})).unwrap();
    assert_eq!(view["counts"]["contact_slips"], 0);
    assert_eq!(view["history"].as_array().unwrap().len(), 0);
}

#[test]
fn settings_are_validated_and_kept() {
    let h = Harness::new();
    let defaults = h.call("get_settings", json!({})).unwrap();
    assert_eq!(defaults["milestones"], json!([1, 3, 7, 14, 21, 30, 60, 90]));
    assert_eq!(defaults["notifications"], true);
    let input = |milestones: &str| {
        json!({ "input": { "milestones": milestones, "notifications": true,
            "quiet_hours_enabled": true, "quiet_start": "22:00", "quiet_end": "07:00" }})
    };
    let err = h.call("save_settings", input("3, 3")).unwrap_err();
    assert_eq!(err["field"], "milestones");
    assert_eq!(
        h.call("get_settings", json!({})).unwrap()["milestones"],
        defaults["milestones"]
    );
    let saved = h.call("save_settings", input("2, 10")).unwrap();
    assert_eq!(saved["milestones"], json!([2, 10]));
    assert_eq!(saved["quiet_hours"]["start"], "22:00:00");
}

#[test]
fn necessary_contact_keeps_the_count_and_unknown_topics_are_refused() {
    let h = with_profile();
    h.call("start_no_contact", json!({ "since": null }))
        .unwrap();
    h.clock.advance(chrono::Duration::days(3));
    let logged = h
        .call(
            "log_event",
            json!({ "kind": "necessary_children", "note": "school pick-up" }),
        )
        .unwrap();
    assert_eq!(logged["current"]["days"], 3);
    assert_eq!(logged["counts"]["necessary_contact"], 1);
    assert!(logged["history"].as_array().unwrap().is_empty());
    let err = h
        .call(
            "log_event",
            json!({ "kind": "necessary_pets", "note": null }),
        )
        .unwrap_err();
    assert_refused_on(&err, "kind");
    assert_eq!(
        h.call("get_no_contact", json!({})).unwrap()["counts"]["necessary_contact"],
        1
    );
}

#[test]
fn a_milestone_moment_shows_once_and_bad_answers_store_nothing() {
    // Started 14 days and an hour before the pinned clock, in Berlin.
    let h = through_step_two(Some("2026-05-18T11:00"));
    let commits = || h._app.state::<AppState>().engine().unwrap().commit_count();
    let moment = h.call("get_moment", json!({})).unwrap();
    assert_eq!(
        moment,
        json!({ "kind": "milestone", "days": 14, "moving_on": false })
    );
    let before = commits();
    let err = h
        .call(
            "acknowledge_moment",
            json!({ "moment": { "kind": "milestone", "days": 7, "moving_on": false } }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "{err}");
    for (args, field) in [
        (json!({ "moment": { "kind": "birthday" } }), "moment"),
        (
            json!({ "moment": { "kind": "ending", "ending": "maybe" } }),
            "moment",
        ),
        (json!({ "moment": "milestone" }), "moment"),
        (json!({}), "moment"),
    ] {
        let err = h.call("acknowledge_moment", args).unwrap_err();
        assert_refused_on(&err, field);
    }
    assert_eq!(commits(), before, "nothing stored");
    let next = h
        .call("acknowledge_moment", json!({ "moment": moment }))
        .unwrap();
    assert_eq!(next, Value::Null);
    assert_eq!(h.call("get_moment", json!({})).unwrap(), Value::Null);
}

#[test]
fn very_discreet_notifications_say_nothing_of_days_contact_or_anyone() {
    let h = with_profile();
    h.call(
        "save_privacy",
        json!({ "input": { "lock_after_minutes": null, "very_discreet": true } }),
    )
    .unwrap();
    h.call("start_no_contact", json!({ "since": "2026-05-20T09:00" }))
        .unwrap();
    crate::milestones::check_once(h._app.handle()).unwrap();
    let shown = h.shown.lock().unwrap().shown.clone();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].summary, "Crossroads");
    let text = format!("{} {}", shown[0].summary, shown[0].body).to_lowercase();
    for word in ["day", "contact", "robin", "milestone", "ex"] {
        assert!(
            !text.split_whitespace().any(|w| w.starts_with(word)),
            "{text}"
        );
    }
    // Out of range idle times are refused by their field, nothing stored.
    let err = h
        .call(
            "save_privacy",
            json!({ "input": { "lock_after_minutes": 0, "very_discreet": false } }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "lock_after_minutes");
    assert_eq!(
        h.call("get_privacy", json!({})).unwrap()["very_discreet"],
        true
    );
}
