//! The app's own commands and the profile: a fresh start, typed errors by their field, a store that cannot open, the main window alone.

use super::*;

#[test]
fn a_fresh_app_has_no_profile_and_a_locked_program() {
    let h = Harness::new();
    assert_eq!(h.call("get_profile", json!({})).unwrap(), Value::Null);
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(overview["has_profile"], false);
    assert_eq!(overview["steps"].as_array().unwrap().len(), 7);
    assert_eq!(overview["steps"][0]["locked"]["code"], "needs_profile");
}

#[test]
fn saving_a_profile_opens_the_dealbreaker_check() {
    let h = Harness::new();
    let saved = h
        .call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    assert_eq!(saved["ex_name"], "Robin");
    assert_eq!(saved["pronouns"], "she");
    assert!(saved["days_since_breakup"].as_i64().unwrap() > 300);
    assert_eq!(
        h.call("get_profile", json!({})).unwrap()["ex_name"],
        "Robin"
    );
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(overview["next_step"], "dealbreakers");
}

#[test]
fn bad_input_is_a_typed_error_next_to_its_field_and_nothing_is_stored() {
    let h = Harness::new();
    let cases = [
        (profile("", "2024-05-01"), "ex_name"),
        (profile(&"n".repeat(61), "2024-05-01"), "ex_name"),
        (profile("Robin", "2999-01-01"), "breakup_date"),
        (profile("Robin", "01/05/2024"), "breakup_date"),
        (
            json!({ "input": { "ex_name": "Robin", "pronouns": "xe", "breakup_date": "2024-05-01", "ended_by": "them" }}),
            "pronouns",
        ),
        (
            json!({ "input": { "ex_name": "Robin", "pronouns": "he", "breakup_date": "2024-05-01", "ended_by": "fate" }}),
            "ended_by",
        ),
        (json!({ "input": { "ex_name": "Robin" }}), "pronouns"),
    ];
    for (args, field) in cases {
        let err = h.call("save_profile", args.clone()).unwrap_err();
        assert_eq!(err["kind"], "invalid_input", "{args}");
        assert_eq!(err["field"], field, "{args}");
        assert!(
            err["message"].as_str().is_some_and(|m| m.len() > 10),
            "{err}"
        );
        assert_eq!(
            h.call("get_profile", json!({})).unwrap(),
            Value::Null,
            "{args}"
        );
    }
}

#[test]
fn a_store_that_cannot_open_answers_every_command_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let _holder = engine::Crossroads::open(dir.path()).unwrap();
    let h = Harness::in_dir(dir);
    let err = h.call("get_overview", json!({})).unwrap_err();
    assert_eq!(err["kind"], "store_locked");
    assert!(err["message"].as_str().unwrap().contains("already open"));
    assert!(err.get("field").is_none());
    let err = h
        .call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap_err();
    assert_eq!(err["kind"], "store_locked");
}

#[test]
fn only_the_main_window_may_call_the_commands() {
    let h = Harness::new();
    let other = WebviewWindowBuilder::new(&h._app, "other", Default::default())
        .build()
        .unwrap();
    let harness = Harness {
        webview: other,
        ..Harness::new()
    };
    let err = harness.call("get_overview", json!({})).unwrap_err();
    assert!(
        err.as_str().is_some_and(|e| e.contains("not allowed")),
        "{err}"
    );
}

#[test]
fn app_info_reports_the_data_folder_and_version() {
    let h = Harness::new();
    let info = h.call("app_info", json!({})).unwrap();
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["data_dir"], h._dir.path().display().to_string());
}
