//! Care: the card's reading on every free-text answer, its layout, the country, the safety plan, and after abuse.

use super::*;

#[test]
fn every_free_text_answer_carries_the_cards_reading() {
    let h = through_step_one();
    h.call("decide", json!({ "decision": "try" })).unwrap();
    h.call("start_no_contact", json!({ "since": null }))
        .unwrap();
    let danger = h
        .call(
            "log_event",
            json!({ "kind": "they_contacted", "note": "he hit me when I said no" }),
        )
        .unwrap();
    assert_eq!(
        danger["care"],
        json!({ "tier": "none", "danger_from_someone": true })
    );
    let calm = h
        .call(
            "log_event",
            json!({ "kind": "they_contacted", "note": "a short hello" }),
        )
        .unwrap();
    assert_eq!(calm["care"], Value::Null);
    let draft = h
        .call(
            "save_draft",
            json!({ "id": null, "text": "I looked up how many pills it would take", "apology_for_later": false }),
        )
        .unwrap();
    assert_eq!(draft["care"]["tier"], "higher");
    assert_eq!(draft["crisis_support"], true, "the old flag stays");
    let reflection = h
        .call(
            "save_reflection",
            json!({ "prompt": "unmet_need", "value": "my family would be better off if I was gone" }),
        )
        .unwrap();
    assert_eq!(reflection["care"]["tier"], "lower");
}

#[test]
fn the_card_is_laid_out_by_the_engine_with_the_emergency_number_on_every_tier() {
    let h = Harness::new();
    h.call("set_country", json!({ "country": "US" })).unwrap();
    let lower = h
        .call(
            "get_care_card",
            json!({ "reading": { "tier": "lower", "danger_from_someone": false } }),
        )
        .unwrap();
    assert_eq!(lower["kind"], "lower");
    assert_eq!(lower["lead"], "lower_no_plan", "no plan yet: {lower}");
    assert_eq!(
        lower["parts"],
        json!([
            "crisis_lines",
            "emergency",
            "grounding",
            "make_plan",
            "kept"
        ])
    );
    let asked = h.call("get_care_card", json!({ "reading": null })).unwrap();
    assert_eq!(asked["kind"], "asked");
    assert!(asked["parts"]
        .as_array()
        .unwrap()
        .contains(&json!("emergency")));
    for (args, field) in [
        (json!({ "reading": { "tier": "highest" } }), "reading"),
        (json!({ "reading": "higher" }), "reading"),
        (
            json!({ "reading": { "tier": "lower", "danger_from_someone": "yes" } }),
            "reading",
        ),
    ] {
        let err = h.call("get_care_card", args).unwrap_err();
        assert_refused_on(&err, field);
    }
}

#[test]
fn text_being_typed_is_checked_without_storing_and_too_long_is_refused() {
    let h = Harness::new();
    assert_eq!(
        h.call(
            "check_text",
            json!({ "text": "I just don't see the point anymore" })
        )
        .unwrap(),
        json!({ "tier": "lower", "danger_from_someone": false })
    );
    assert_eq!(
        h.call(
            "check_text",
            json!({ "text": "this traffic is killing me" })
        )
        .unwrap(),
        Value::Null
    );
    let long = "a".repeat(engine::CHECK_TEXT_MAX_CHARS + 1);
    let err = h.call("check_text", json!({ "text": long })).unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("text"))
    );
    let err = h.call("check_text", json!({ "text": 42 })).unwrap_err();
    assert_refused_at_the_boundary(&err, "text");
}

#[test]
fn the_country_is_chosen_in_the_first_run_never_defaulted_and_bad_choices_store_nothing() {
    let h = Harness::new();
    let none = h.call("get_country", json!({})).unwrap();
    assert_eq!(
        none,
        json!({ "chosen": false, "code": null, "not_listed": false })
    );
    let with_country = |country: Value| {
        let mut args = profile("Robin", "2024-05-01");
        args["country"] = country;
        args
    };
    for bad in [json!(""), json!("XX"), json!("gb")] {
        let err = h
            .call("save_profile", with_country(bad.clone()))
            .unwrap_err();
        assert_eq!(err["field"], "country", "{bad}");
        assert_eq!(
            h.call("get_profile", json!({})).unwrap(),
            Value::Null,
            "{bad}"
        );
        assert_eq!(h.call("get_country", json!({})).unwrap()["chosen"], false);
    }
    // A refused profile stores no country either.
    let mut bad_name = with_country(json!("DE"));
    bad_name["input"]["ex_name"] = json!("");
    assert_eq!(
        h.call("save_profile", bad_name).unwrap_err()["field"],
        "ex_name"
    );
    assert_eq!(h.call("get_country", json!({})).unwrap()["chosen"], false);

    h.call("save_profile", with_country(json!("not_listed")))
        .unwrap();
    assert_eq!(
        h.call("get_country", json!({})).unwrap(),
        json!({ "chosen": true, "code": null, "not_listed": true })
    );
    let de = h.call("set_country", json!({ "country": "DE" })).unwrap();
    assert_eq!(de["code"], "DE");
    let err = h
        .call("set_country", json!({ "country": "Atlantis" }))
        .unwrap_err();
    assert_eq!(err["field"], "country");
    assert_eq!(h.call("get_country", json!({})).unwrap()["code"], "DE");
    let err = h
        .call("set_country", json!({ "country": null }))
        .unwrap_err();
    assert_refused_at_the_boundary(&err, "country");
    // Saving the profile without a country (Settings) keeps the choice.
    h.call("save_profile", profile("Robin", "2024-05-02"))
        .unwrap();
    assert_eq!(h.call("get_country", json!({})).unwrap()["code"], "DE");

    let resources = h.call("get_safety_resources", json!({})).unwrap();
    assert!(resources["international_directory"]["contact"]
        .as_str()
        .is_some_and(|c| !c.is_empty()));
    let italy = resources["countries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "IT")
        .unwrap();
    assert_eq!(italy["crisis_around_the_clock"], false);
}

#[test]
fn the_safety_plan_is_saved_as_written_and_refused_parts_store_nothing() {
    let h = Harness::new();
    let empty = h.call("get_safety_plan", json!({})).unwrap();
    assert_eq!(empty["updated_at"], Value::Null);
    let plan = json!({ "input": {
        "warning_signs": "Awake at 3am <again>", "calming": "The dog, a shower",
        "people_places": "Mia's kitchen", "who_to_call": "Mia, then the line", "safer_surroundings": "Pills at Mia's"
    }});
    let saved = h.call("save_safety_plan", plan).unwrap();
    assert_eq!(saved["warning_signs"], "Awake at 3am <again>");
    assert_eq!(saved["updated_at"], "2026-06-01T10:00:00Z");
    let long = "x".repeat(engine::care::PLAN_FIELD_MAX_CHARS + 1);
    let err = h
        .call("save_safety_plan", json!({ "input": { "calming": long } }))
        .unwrap_err();
    assert_eq!(err["field"], "calming");
    assert_eq!(h.call("get_safety_plan", json!({})).unwrap(), saved);
    let err = h
        .call("save_safety_plan", json!({ "input": { "calming": 3 } }))
        .unwrap_err();
    assert_refused_at_the_boundary(&err, "input");
}

#[test]
fn an_abuse_answer_stays_and_a_person_who_hurt_them_is_not_coached_back() {
    let h = Harness::new();
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    h.call("answer_dealbreakers", answers("no", "yes")).unwrap();
    let err = h
        .call("answer_dealbreakers", answers("no", "no"))
        .unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("abusive"))
    );
    assert_eq!(
        h.call("get_dealbreakers", json!({})).unwrap()["abuse"],
        true
    );

    let h = Harness::new();
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    let mut bad = answers("no", "no");
    bad["hurt_them"] = json!("perhaps");
    assert_eq!(
        h.call("answer_dealbreakers", bad).unwrap_err()["field"],
        "hurt_them"
    );
    assert_eq!(
        h.call("get_dealbreakers", json!({})).unwrap()["answers"],
        Value::Null
    );
    let mut yes = answers("no", "no");
    yes["hurt_them"] = json!("yes");
    let view = h.call("answer_dealbreakers", yes).unwrap();
    assert_eq!(
        (view["hurt_them"].as_bool(), view["done"].as_bool()),
        (Some(true), Some(true))
    );
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(overview["safety_banner"], false);
    for id in ["too_proud_to_beg", "reach_out", "better_relationship"] {
        assert_eq!(step(&overview, id)["locked"]["why"], "hurt_them", "{id}");
    }
    assert_eq!(step(&overview, "no_contact")["status"], "open");
    let reflection = h.call("get_reflection", json!({})).unwrap();
    assert_eq!(reflection["can_choose_try"], false);
}
