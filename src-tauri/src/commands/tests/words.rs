//! Words: the language, the locale and the zone the engine is given; errors in either language.

use super::*;

#[test]
fn the_words_come_with_the_language_locale_and_the_engines_zone() {
    let h = Harness::new();
    let system = crate::words::system_language();
    let answer = h.call("get_words", json!({})).unwrap();
    assert_eq!(answer["language"], system.code());
    assert_eq!(answer["time_zone"], "Europe/Berlin");
    assert!(answer["locale"]
        .as_str()
        .is_some_and(|l| l.starts_with(system.code())));
    assert!(answer["words"]["nav"]["home"].is_string());
    assert!(answer["words"]["errors"]["nameEmpty"].is_string());
    // Absent at first, the system's language is stored on the first open.
    assert_eq!(
        h.call("get_settings", json!({})).unwrap()["language"],
        system.code()
    );
    // Choosing one stores it, keeps the other settings, and answers with
    // its words. (The language stays the system's here: other tests in
    // this process read English messages.)
    let chosen = h
        .call("set_language", json!({ "language": system.code() }))
        .unwrap();
    assert_eq!(chosen["language"], system.code());
    let settings = h.call("get_settings", json!({})).unwrap();
    assert_eq!(settings["language"], system.code());
    assert_eq!(settings["milestones"], json!([1, 3, 7, 14, 21, 30, 60, 90]));
    // A language Crossroads has no words for is refused before it runs.
    assert!(h.call("set_language", json!({ "language": "it" })).is_err());
    // The Spanish view has the Spanish catalog.
    let es = crate::commands::settings::words_view(engine::Language::Es, chrono_tz::Europe::Madrid);
    assert_eq!(es.words["nav"]["home"], "Inicio");
    assert_eq!(es.time_zone, "Europe/Madrid");
}

#[test]
fn engine_errors_are_written_in_either_language() {
    use crate::error::message_in;
    use engine::{Language, Message};
    let too_long = Message::new("nameTooLong").arg("max", 60);
    assert_eq!(
        message_in(Language::En, &too_long),
        "Please keep the name to 60 characters or fewer."
    );
    assert_eq!(
        message_in(Language::Es, &too_long),
        "El nombre puede tener como mucho 60 caracteres."
    );
    let to_go = Message::new("reachOutNeedsDays")
        .arg("required", 14)
        .arg("count", 1);
    assert!(message_in(Language::Es, &to_go).ends_with("queda 1."));
    // The IPC error of a refused profile: kind and field as before.
    let h = Harness::new();
    let err = h
        .call("save_profile", profile("", "2024-05-01"))
        .unwrap_err();
    assert_eq!(err["kind"], "invalid_input");
    assert_eq!(err["field"], "ex_name");
    assert_eq!(
        err["message"],
        message_in(crate::words::current(), &Message::new("nameEmpty"))
    );
}
