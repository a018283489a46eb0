//! Backups: listing, restoring, and a damaged store rebuilt from one.

use super::*;

#[test]
fn backups_are_listed_and_restored_and_bad_ids_change_nothing() {
    let h = with_profile();
    let state = h._app.state::<AppState>();
    let engine = state.engine().unwrap();
    engine
        .backup(h.clock.now(), engine::BackupReason::Start)
        .unwrap();
    h.call("save_profile", profile("Changed", "2024-05-01"))
        .unwrap();
    let listed = h.call("list_backups", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["restorable"], true);
    for id in [json!("../store"), json!("crossroads-nope.json"), json!("")] {
        let err = h.call("restore_backup", json!({ "id": id })).unwrap_err();
        assert_eq!(
            (err["kind"].as_str(), err["field"].as_str()),
            (Some("invalid_input"), Some("backup")),
            "{id}"
        );
        assert_eq!(
            h.call("get_profile", json!({})).unwrap()["ex_name"],
            "Changed"
        );
    }
    let id = listed[0]["id"].clone();
    h.clock.advance(chrono::Duration::minutes(1));
    h.call("restore_backup", json!({ "id": id })).unwrap();
    assert_eq!(
        h.call("get_profile", json!({})).unwrap()["ex_name"],
        "Robin"
    );
    let listed = h.call("list_backups", json!({})).unwrap();
    assert_eq!(
        listed[0]["reason"], "before_restore",
        "the data as it was is kept"
    );
}

/// A data folder with a profile (Robin) and one start backup of it, closed.
fn robin_with_a_start_backup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine::Crossroads::open(dir.path()).unwrap();
    engine
        .save_profile(
            &serde_json::from_value(profile("Robin", "2024-05-01")["input"].clone()).unwrap(),
            start_instant(),
            chrono_tz::UTC,
        )
        .unwrap();
    engine
        .backup(start_instant(), engine::BackupReason::Start)
        .unwrap();
    dir
}

#[test]
fn a_damaged_store_answers_with_its_kind_and_is_rebuilt_from_a_backup() {
    let dir = robin_with_a_start_backup();
    // The store's main file is cut short.
    let db = dir.path().join("store/db");
    let len = std::fs::metadata(&db).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .unwrap()
        .set_len(len / 3)
        .unwrap();
    let h = Harness::in_dir(dir);
    let err = h.call("get_overview", json!({})).unwrap_err();
    assert_eq!(err["kind"], "store_corrupt", "{err}");
    let listed = h.call("list_backups", json!({})).unwrap();
    let id = listed[0]["id"].clone();
    h.call("restore_backup", json!({ "id": id })).unwrap();
    assert_eq!(
        h.call("get_profile", json!({})).unwrap()["ex_name"],
        "Robin"
    );
    assert_eq!(
        h.call("get_overview", json!({})).unwrap()["has_profile"],
        true
    );
}

#[test]
fn a_restore_that_fails_keeps_offering_the_backups_and_a_good_one_then_works() {
    let dir = robin_with_a_start_backup();
    // A second backup that reads as whole but breaks the restore halfway
    // (an older schema with a record its migration cannot read).
    let backups = dir.path().join("backups");
    let good = std::fs::read_dir(&backups)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut bad: Value = serde_json::from_slice(&std::fs::read(&good).unwrap()).unwrap();
    bad["schema"] = 1.into();
    bad["trees"]["no_contact"]["616e6e6f756e636564"] = "not a list".into();
    bad["created_at"] = "2026-06-01T11:00:00Z".into();
    std::fs::write(
        backups.join("crossroads-20260601T110000.000Z-start.json"),
        serde_json::to_vec(&bad).unwrap(),
    )
    .unwrap();
    // The store's commit count went back: it will not open.
    std::fs::write(dir.path().join("store.generation"), "999").unwrap();
    let h = Harness::in_dir(dir);
    let err = h.call("get_overview", json!({})).unwrap_err();
    assert_eq!(err["kind"], "store_corrupt", "{err}");
    let listed = h.call("list_backups", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    let (newest, older) = (listed[0]["id"].clone(), listed[1]["id"].clone());
    assert_eq!(newest, "crossroads-20260601T110000.000Z-start.json");
    let err = h
        .call("restore_backup", json!({ "id": newest }))
        .unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("backup")),
        "{err}"
    );
    // Still damaged, still offering both backups; never an empty app.
    let err = h.call("get_overview", json!({})).unwrap_err();
    assert_eq!(err["kind"], "store_corrupt", "{err}");
    assert_eq!(
        h.call("list_backups", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    h.call("restore_backup", json!({ "id": older })).unwrap();
    assert_eq!(
        h.call("get_profile", json!({})).unwrap()["ex_name"],
        "Robin"
    );
}
