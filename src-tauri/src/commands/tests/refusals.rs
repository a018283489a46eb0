//! Choices that did not arrive: every command whose argument is a choice
//! (or a form holding one, or a number from a range) reads whatever the
//! page sends, and refuses what is not of the set with the typed error
//! `{kind: "invalid_input", field, message}` in the person's words, never
//! with Tauri's sentence for developers; and stores nothing.

use super::*;
use engine::Message;

/// What a page could send where a choice belongs, none of it a choice:
/// `None` leaves the key out.
fn unchosen() -> Vec<Option<Value>> {
    vec![
        None,
        Some(Value::Null),
        Some(json!("")),
        Some(json!("  ")),
        Some(json!("not_a_choice")),
        Some(json!(7)),
        Some(json!(-1)),
        Some(json!(true)),
        Some(json!({})),
        Some(json!({ "kind": "x" })),
        Some(json!(["try"])),
    ]
}

/// `args` with `key` set to `value` (or left out), at `path` inside it.
fn with(args: &Value, path: &[&str], key: &str, value: &Option<Value>) -> Value {
    let mut args = args.clone();
    let mut at = &mut args;
    for step in path {
        at = &mut at[*step];
    }
    let object = at.as_object_mut().unwrap();
    match value {
        Some(value) => object.insert(key.to_owned(), value.clone()),
        None => object.remove(key),
    };
    args
}

/// `err` is the typed refusal `message` on `field`.
fn assert_refused_on(err: &Value, field: &str, message: &Message, sent: &Value) {
    assert_eq!(err["kind"], "invalid_input", "{sent}: {err}");
    assert_eq!(err["field"], field, "{sent}: {err}");
    assert_eq!(
        err["message"],
        crate::error::message_in(crate::words::current(), message),
        "{sent}: {err}"
    );
}

/// Sends every value of `values` as `key` (at `path`) of `args` to
/// `command`; each is refused on `field` with `message`, and nothing is
/// written.
fn refuses(
    h: &Harness,
    command: &str,
    args: Value,
    path: &[&str],
    key: &str,
    values: &[Option<Value>],
    (field, message): (&str, &Message),
) {
    let engine = h._app.state::<AppState>().engine().unwrap();
    for value in values {
        let sent = with(&args, path, key, value);
        let before = engine.commit_count();
        let err = h.call(command, sent.clone()).unwrap_err();
        assert_refused_on(&err, field, message, &sent);
        assert_eq!(engine.commit_count(), before, "{command} wrote for {sent}");
    }
}

#[test]
fn a_choice_argument_that_is_not_of_its_set_is_refused_on_its_field_in_words() {
    // Step 1 written to: each command would otherwise reach its rule.
    let h = through_step_one();
    let pick = Message::new("pickOne");
    for (command, args, key, field) in [
        (
            "choose_path",
            json!({ "acknowledged": true }),
            "path",
            "path",
        ),
        (
            "save_reflection",
            json!({ "value": "We drifted apart" }),
            "prompt",
            "prompt",
        ),
        ("set_pattern", json!({}), "pattern", "pattern"),
        // The argument is the way; the screen's group is the growth way.
        ("set_growth_way", json!({}), "way", "growth_way"),
        ("decide", json!({}), "decision", "decision"),
        ("log_event", json!({ "note": null }), "kind", "kind"),
        ("get_statistics", json!({}), "range", "range"),
        ("answer_care_check", json!({}), "choice", "choice"),
        ("save_plan_note", json!({ "text": "x" }), "note", "note"),
        ("record_outcome", json!({}), "outcome", "outcome"),
        ("add_together_item", json!({ "text": "x" }), "list", "list"),
        ("remove_together_item", json!({ "id": 1 }), "list", "list"),
        ("save_closure", json!({ "text": "x" }), "field", "field"),
        ("acknowledge_moment", json!({}), "moment", "moment"),
        ("set_language", json!({}), "language", "language"),
        ("export_data", json!({}), "format", "format"),
    ] {
        refuses(&h, command, args, &[], key, &unchosen(), (field, &pick));
    }
    // Whole values the page hands back: a moment of no known kind.
    refuses(
        &h,
        "acknowledge_moment",
        json!({}),
        &[],
        "moment",
        &[
            Some(json!({ "kind": "birthday" })),
            Some(json!({ "kind": "ending", "ending": "maybe" })),
            Some(json!({ "kind": "milestone", "days": "seven" })),
        ],
        ("moment", &pick),
    );
    // The reading may be left out (the person asked for the card); what
    // is not a reading is refused.
    refuses(
        &h,
        "get_care_card",
        json!({}),
        &[],
        "reading",
        &[
            Some(json!("higher")),
            Some(json!(1)),
            Some(json!({ "tier": "highest" })),
            Some(json!({ "tier": "lower", "danger_from_someone": "yes" })),
        ],
        ("reading", &pick),
    );
    // So may the journal's prompt; one the tables don't hold no longer
    // exists.
    refuses(
        &h,
        "save_journal_entry",
        json!({ "id": null, "text": "fine" }),
        &[],
        "prompt",
        &[
            Some(json!("reflect")),
            Some(json!(3)),
            Some(json!({ "step": "reflect", "index": 300 })),
            Some(json!({ "step": "nowhere", "index": 0 })),
            Some(json!({ "index": 0 })),
        ],
        ("prompt", &Message::new("promptDoesNotExist")),
    );
    // The data is as it was: one reflection answer, no decision.
    let reflection = h.call("get_reflection", json!({})).unwrap();
    assert_eq!(reflection["decision"], Value::Null);
    assert_eq!(reflection["pattern"], Value::Null);
}

#[test]
fn a_choice_inside_a_form_that_is_not_of_its_set_is_refused_on_its_field() {
    let h = living();
    let pick = Message::new("pickOne");
    let activity = json!({ "input": { "when": null, "note": null } });
    refuses(
        &h,
        "log_activity",
        activity.clone(),
        &["input"],
        "kind",
        &unchosen(),
        ("kind", &pick),
    );
    let logged = h
        .call(
            "log_activity",
            with(&activity, &["input"], "kind", &Some(json!("hobby"))),
        )
        .unwrap();
    let id = logged["activities_today"][0]["id"].clone();
    refuses(
        &h,
        "update_activity",
        json!({ "id": id, "input": { "when": null, "note": null } }),
        &["input"],
        "kind",
        &unchosen(),
        ("kind", &pick),
    );
    // The trigger form names its group for the trigger's kind.
    refuses(
        &h,
        "save_trigger",
        json!({ "id": null, "input": { "moment": "Mornings", "plan": "Tea", "reminder": null } }),
        &["input"],
        "kind",
        &unchosen(),
        ("trigger_kind", &pick),
    );
    let life = h.call("get_life", json!({})).unwrap();
    assert_eq!(life["activities_today"][0]["kind"], "hobby", "{life}");
    assert_eq!(life["triggers"], json!([]));
}

#[test]
fn house_rules_refuse_a_unit_or_a_number_that_is_not_of_their_range() {
    // Back together: step 6 is open.
    let h = through_step_two(Some("2026-05-18T11:00"));
    h.call("record_outcome", json!({ "outcome": "want_to_try" }))
        .unwrap();
    let rules = json!({ "input": { "unit": "week", "every": 2, "reminders": true,
        "cooldown_minutes": 5, "therapy": true }});
    refuses(
        &h,
        "save_house_rules",
        rules.clone(),
        &["input"],
        "unit",
        &unchosen(),
        ("unit", &Message::new("pickOne")),
    );
    // A number field sends what was typed, as parsed: not always a number,
    // nor one of the range.
    let numbers = |max: u32| -> Vec<Option<Value>> {
        unchosen()
            .into_iter()
            // Seven is a number of both ranges.
            .filter(|value| value != &Some(json!(7)))
            .chain([
                Some(json!(0)),
                Some(json!(max + 1)),
                Some(json!(1.5)),
                Some(json!("2")),
                Some(json!(1e20)),
                Some(json!(u64::MAX)),
            ])
            .collect()
    };
    for (field, max, code) in [
        (
            "every",
            engine::together::CADENCE_MAX,
            "checkComesEveryWeeks",
        ),
        (
            "cooldown_minutes",
            engine::together::COOLDOWN_MAX_MINUTES,
            "cooldownLastsMinutes",
        ),
    ] {
        refuses(
            &h,
            "save_house_rules",
            rules.clone(),
            &["input"],
            field,
            &numbers(max),
            (field, &Message::new(code).arg("max", max)),
        );
    }
    let saved = h.call("save_house_rules", rules).unwrap();
    assert_eq!(saved["rules"]["check_in"]["every"], 2, "{saved}");
}
