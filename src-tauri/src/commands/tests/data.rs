//! The person's data: export and import, erasing everything, the Markdown export.

use super::*;

#[test]
fn an_export_imports_into_another_app_and_bad_files_change_nothing() {
    let h = with_profile();
    let chosen = h._dir.path().join("chosen-file");
    let exported = h.call("export_data", json!({ "format": "json" })).unwrap();
    assert_eq!(exported["path"], chosen.display().to_string());

    let other = Harness::new();
    let other_chosen = other._dir.path().join("chosen-file");
    let err = other.call("import_data", json!({})).unwrap_err();
    assert_eq!(err["field"], "file", "no file there: {err}");
    for bytes in [b"not json".to_vec(), b"{}".to_vec(), vec![0xff; 1000]] {
        std::fs::write(&other_chosen, &bytes).unwrap();
        let err = other.call("import_data", json!({})).unwrap_err();
        assert_eq!(
            (err["kind"].as_str(), err["field"].as_str()),
            (Some("invalid_input"), Some("file")),
            "{err}"
        );
        assert_eq!(other.call("get_profile", json!({})).unwrap(), Value::Null);
    }
    std::fs::copy(&chosen, &other_chosen).unwrap();
    let imported = other.call("import_data", json!({})).unwrap();
    assert!(
        imported["imported"]["records"].as_u64().unwrap() >= 2,
        "{imported}"
    );
    assert_eq!(
        other.call("get_profile", json!({})).unwrap()["ex_name"],
        "Robin"
    );
    let again = other.call("import_data", json!({})).unwrap_err();
    assert!(
        again["message"]
            .as_str()
            .unwrap()
            .contains("already imported"),
        "{again}"
    );

    h.call("export_data", json!({ "format": "markdown" }))
        .unwrap();
    let markdown = std::fs::read_to_string(&chosen).unwrap();
    assert!(markdown.starts_with("# Crossroads"), "{markdown}");
    assert!(markdown.contains("Robin"));
    for bad in [
        json!({ "format": "pdf" }),
        json!({}),
        json!({ "format": 1 }),
    ] {
        assert!(h.call("export_data", bad.clone()).is_err(), "{bad}");
    }
}

#[test]
fn erasing_everything_needs_the_word_then_the_app_starts_over() {
    let h = with_profile();
    for word in ["", "yes", "delete"] {
        let err = h
            .call("erase_everything", json!({ "confirmation": word }))
            .unwrap_err();
        assert_eq!(err["field"], "confirmation", "{err}");
        assert_eq!(
            h.call("get_profile", json!({})).unwrap()["ex_name"],
            "Robin"
        );
    }
    h.call("erase_everything", json!({ "confirmation": "erase" }))
        .unwrap();
    assert_eq!(h.call("get_profile", json!({})).unwrap(), Value::Null);
    assert_eq!(h.call("list_backups", json!({})).unwrap(), json!([]));
}

#[test]
fn the_markdown_export_speaks_the_persons_language() {
    let h = with_profile();
    let chosen = h._dir.path().join("chosen-file");
    // The language is stored through the engine, not `set_language`: that
    // command also switches the process-wide language, which every test in
    // this process shares, and a parallel test reading an English message
    // would then read Spanish. (`set_language` is tested with the system's
    // own language, which switches nothing.)
    let store_language = |language| {
        let engine = h._app.state::<AppState>().engine().unwrap();
        engine.set_language(language).unwrap();
    };
    store_language(engine::Language::Es);
    h.call("export_data", json!({ "format": "markdown" }))
        .unwrap();
    let spanish = std::fs::read_to_string(&chosen).unwrap();
    store_language(engine::Language::En);
    h.call("export_data", json!({ "format": "markdown" }))
        .unwrap();
    let english = std::fs::read_to_string(&chosen).unwrap();
    assert!(
        spanish.starts_with("# Crossroads: todo lo que escribiste"),
        "{spanish}"
    );
    assert!(spanish.contains("## Sobre la ruptura"), "{spanish}");
    assert!(english.contains("## About the breakup"), "{english}");
    // Every section has words in both languages (no key shown as such).
    for text in [&spanish, &english] {
        assert!(!text.contains("markdown."), "{text}");
    }
    for key in engine::markdown::section_keys() {
        for language in engine::Language::ALL {
            assert_ne!(
                crate::words::text_in(language, &key, &[]),
                key,
                "{language:?}"
            );
        }
    }
}
