//! The program's early steps: reflection, the decision, drafts and the pledge, abuse, and undoing what was logged.

use super::*;

#[test]
fn a_note_with_words_of_crisis_is_saved_and_asks_for_the_resources_card() {
    let h = with_profile();
    h.call("start_no_contact", json!({ "since": null }))
        .unwrap();
    let calm = h
        .call(
            "log_event",
            json!({ "kind": "they_contacted", "note": "a short hello" }),
        )
        .unwrap();
    assert_eq!(calm["crisis_support"], false);
    let hard = h
        .call(
            "log_event",
            json!({ "kind": "urge_resisted", "note": "I just want to die" }),
        )
        .unwrap();
    assert_eq!(hard["crisis_support"], true);
    assert_eq!(
        hard["today"][0]["note"], "I just want to die",
        "saved all the same"
    );
    let resources = h.call("get_safety_resources", json!({})).unwrap();
    assert!(resources["countries"].as_array().unwrap().len() >= 11);
}

#[test]
fn abuse_closes_reaching_out_and_shows_the_banner() {
    let h = Harness::new();
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    let view = h.call("answer_dealbreakers", answers("no", "yes")).unwrap();
    assert_eq!(
        (view["abuse"].as_bool(), view["done"].as_bool()),
        (Some(true), Some(false))
    );
    // After abuse, moving on is the one path offered.
    assert_eq!(view["paths_offered"], json!(["moving_on"]));
    let err = h
        .call(
            "choose_path",
            json!({ "path": "continue", "acknowledged": true }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order");
    h.call(
        "choose_path",
        json!({ "path": "moving_on", "acknowledged": false }),
    )
    .unwrap();
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(overview["safety_banner"], true);
    for id in ["too_proud_to_beg", "reach_out", "better_relationship"] {
        assert_eq!(step(&overview, id)["locked"]["why"], "abuse", "{id}");
    }
    assert_eq!(step(&overview, "no_contact")["status"], "open");
}

#[test]
fn reflecting_deciding_drafting_and_pledging() {
    let h = with_profile();
    let saved = h
        .call(
            "save_reflection",
            json!({ "prompt": "reason", "value": "I feel hopeless, I want to die" }),
        )
        .unwrap();
    assert_eq!(saved["crisis_support"], true, "saved, and help is offered");
    let view = h
        .call("add_growth_step", json!({ "text": "Call a therapist" }))
        .unwrap();
    let id = view["steps"][0]["id"].clone();
    let view = h
        .call("set_growth_step", json!({ "id": id, "done": true }))
        .unwrap();
    assert_eq!(view["steps"][0]["done"], true);
    assert_eq!(view["answers"]["reason"], "I feel hopeless, I want to die");
    h.call("decide", json!({ "decision": "try" })).unwrap();
    let draft = h
        .call("save_draft", json!({ "id": null, "text": "Please come back, I'll change.", "apology_for_later": false }))
        .unwrap();
    assert_eq!(draft["analysis"]["level"], "pleading");
    assert!(!draft["analysis"]["findings"].as_array().unwrap().is_empty());
    h.call("save_pledge", json!({ "text": "I won't beg." }))
        .unwrap();
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(step(&overview, "too_proud_to_beg")["status"], "done");
}

#[test]
fn bad_program_input_is_typed_and_stores_nothing() {
    let h = Harness::new();
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    let err = h
        .call("answer_dealbreakers", answers("perhaps", "no"))
        .unwrap_err();
    assert_eq!(err["field"], "cheated");
    assert_eq!(
        h.call("get_dealbreakers", json!({})).unwrap()["answers"],
        Value::Null
    );
    let err = h
        .call(
            "save_reflection",
            json!({ "prompt": "reason", "value": "x" }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "step 1 before the check");
    h.call("answer_dealbreakers", answers("no", "no")).unwrap();
    let err = h
        .call(
            "save_reflection",
            json!({ "prompt": "reason", "value": "x".repeat(20_001) }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "reason");
    for (command, args, field) in [
        (
            "save_reflection",
            json!({ "prompt": "favourite_colour", "value": "x" }),
            "prompt",
        ),
        ("set_pattern", json!({ "pattern": "maybe" }), "pattern"),
        (
            "set_growth_way",
            json!({ "way": "astrology" }),
            "growth_way",
        ),
        ("decide", json!({ "decision": "perhaps" }), "decision"),
        ("decide", json!({ "decision": "" }), "decision"),
        (
            "choose_path",
            json!({ "path": "stay_forever", "acknowledged": true }),
            "path",
        ),
    ] {
        let err = h.call(command, args).unwrap_err();
        assert_refused_on(&err, field);
    }
    let err = h.call("decide", json!({ "decision": "try" })).unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "the reason comes first");
    let err = h
        .call(
            "save_draft",
            json!({ "id": null, "text": "hi", "apology_for_later": false }),
        )
        .unwrap_err();
    assert_eq!(
        err["kind"], "out_of_order",
        "the vault opens with the decision to try"
    );
    let reflection = h.call("get_reflection", json!({})).unwrap();
    assert_eq!(reflection["answers"], json!({}));
    assert_eq!(h.call("get_vault", json!({})).unwrap()["drafts"], json!([]));
}

#[test]
fn drafts_pledge_and_logged_moments_can_be_changed_or_undone_at_once_losing_nothing() {
    let h = through_step_two(Some("2026-05-20T11:00"));
    let commits = || h._app.state::<AppState>().engine().unwrap().commit_count();
    // Bad input: a typed error naming the field, or a refusal at the
    // boundary naming the argument; nothing stored either way.
    let before = commits();
    for (command, args, field) in [
        ("delete_draft", json!({ "id": 12345 }), "id"),
        ("undo_event", json!({ "id": "not an id" }), "id"),
        ("undo_event", json!({ "id": "00".repeat(16) }), "id"),
        ("set_event_note", json!({ "id": "zz", "note": "x" }), "id"),
        ("save_pledge", json!({ "text": "  " }), "pledge"),
    ] {
        let err = h.call(command, args).unwrap_err();
        assert_eq!(err["field"], field, "{command}: {err}");
    }
    for (command, args, arg) in [
        ("delete_draft", json!({ "id": "one" }), "id"),
        ("delete_draft", json!({ "id": -1 }), "id"),
        ("undo_event", json!({ "id": 7 }), "id"),
        ("set_event_note", json!({ "id": "00" }), "note"),
    ] {
        let err = h.call(command, args).unwrap_err();
        assert_refused_at_the_boundary(&err, arg);
    }
    assert_eq!(commits(), before, "nothing stored");

    // Forty drafts and forty moments, then all at once: every other draft
    // edited, the rest deleted; every other moment's note changed, the rest
    // undone; the pledge rewritten meanwhile.
    let drafts: Vec<u64> = (0..40)
        .map(|i| {
            h.call(
                "save_draft",
                json!({ "id": null, "text": format!("draft {i}"), "apology_for_later": false }),
            )
            .unwrap()["id"]
                .as_u64()
                .unwrap()
        })
        .collect();
    let moments: Vec<String> = (0..40)
        .map(|i| {
            h.clock.advance(chrono::Duration::seconds(1));
            let logged = h
                .call(
                    "log_event",
                    json!({ "kind": "urge_resisted", "note": format!("note {i}") }),
                )
                .unwrap();
            logged["recent"][0]["id"].as_str().unwrap().to_owned()
        })
        .collect();
    let mut threads = Vec::new();
    for (i, id) in drafts.iter().copied().enumerate() {
        let webview = h.webview.clone();
        threads.push(std::thread::spawn(move || {
            if i % 2 == 0 {
                Harness::call_on(
                    &webview,
                    "save_draft",
                    json!({ "id": id, "text": format!("edited {i}"), "apology_for_later": false }),
                )
                .unwrap();
            } else {
                Harness::call_on(&webview, "delete_draft", json!({ "id": id })).unwrap();
            }
        }));
    }
    for (i, id) in moments.iter().cloned().enumerate() {
        let webview = h.webview.clone();
        threads.push(std::thread::spawn(move || {
            if i % 2 == 0 {
                Harness::call_on(
                    &webview,
                    "set_event_note",
                    json!({ "id": id, "note": format!("changed {i}") }),
                )
                .unwrap();
            } else {
                Harness::call_on(&webview, "undo_event", json!({ "id": id })).unwrap();
            }
        }));
    }
    for i in 0..10 {
        let webview = h.webview.clone();
        threads.push(std::thread::spawn(move || {
            Harness::call_on(
                &webview,
                "save_pledge",
                json!({ "text": format!("pledge {i}") }),
            )
            .unwrap();
        }));
    }
    for t in threads {
        t.join().unwrap();
    }
    let vault = h.call("get_vault", json!({})).unwrap();
    let texts: std::collections::BTreeSet<String> = vault["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["text"].as_str().unwrap().to_owned())
        .collect();
    let expected: std::collections::BTreeSet<String> =
        (0..40).step_by(2).map(|i| format!("edited {i}")).collect();
    assert_eq!(texts, expected, "every edit kept, every deletion done");
    assert!(vault["pledge"]["text"]
        .as_str()
        .unwrap()
        .starts_with("pledge "));
    assert!(vault["pledge"]["rewritten_at"].is_string());

    let view = h.call("get_no_contact", json!({})).unwrap();
    assert_eq!(view["counts"]["urges_resisted"], 20);
    assert_eq!(view["undone"].as_array().unwrap().len(), 20);
    let notes: std::collections::BTreeSet<String> = view["recent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["note"].as_str().unwrap().to_owned())
        .collect();
    // The ten newest left are the ten highest even numbers, all changed.
    let expected: std::collections::BTreeSet<String> = (20..40)
        .step_by(2)
        .map(|i| format!("changed {i}"))
        .collect();
    assert_eq!(notes, expected);
}
