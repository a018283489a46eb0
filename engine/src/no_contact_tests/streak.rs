//! Settings, the start of no contact, and slips.

use super::*;

#[test]
fn the_language_survives_saving_the_other_settings() {
    let (_dir, store) = temp_store();
    let now = instant("2026-03-01T20:00:00Z");
    assert_eq!(settings(&store).unwrap().language, None);
    store.transact(|tx| set_language(tx, Language::Es)).unwrap();
    let saved = store
        .transact(|tx| save_settings(tx, &settings_input("2, 5"), now, Berlin))
        .unwrap();
    assert_eq!(saved.milestones, vec![2, 5]);
    assert_eq!(saved.language, Some(Language::Es));
    let again = store.transact(|tx| set_language(tx, Language::En)).unwrap();
    assert_eq!(again.milestones, vec![2, 5]);
    assert_eq!(settings(&store).unwrap().language, Some(Language::En));
}

#[test]
fn settings_written_before_languages_read_as_none() {
    let old: Settings =
        serde_json::from_str(r#"{"milestones":[1,3],"notifications":true,"quiet_hours":null}"#)
            .unwrap();
    assert_eq!(old.language, None);
    assert_eq!(old.milestones, vec![1, 3]);
}

#[test]
fn settings_with_a_language_this_version_does_not_know_keep_the_rest() {
    let newer: Settings = serde_json::from_str(
        r#"{"milestones":[2,9],"notifications":false,"quiet_hours":null,"language":"it"}"#,
    )
    .unwrap();
    assert_eq!(newer.language, None);
    assert_eq!(newer.milestones, vec![2, 9]);
    assert!(!newer.notifications);
}

#[test]
fn settings_written_with_two_languages_still_read_and_every_language_is_kept() {
    let old: Settings = serde_json::from_str(
        r#"{"milestones":[1,3],"notifications":true,"quiet_hours":null,"language":"es"}"#,
    )
    .unwrap();
    assert_eq!(old.language, Some(Language::Es));
    let (_dir, store) = temp_store();
    for language in Language::ALL {
        store.transact(|tx| set_language(tx, language)).unwrap();
        assert_eq!(settings(&store).unwrap().language, Some(language));
    }
}

#[test]
fn starting_now_counts_from_now() {
    let (_dir, store) = temp_store();
    let now = instant("2026-03-01T20:00:00Z");
    store.transact(|tx| start(tx, None, now, Berlin)).unwrap();
    let view = app_of(&store)
        .no_contact(now + Duration::hours(23), Berlin)
        .unwrap();
    assert_eq!(view.current.as_ref().unwrap().started_at, now);
    assert_eq!(view.current.unwrap().days, 0);
    assert_eq!(
        view.next_milestone,
        Some(NextMilestone {
            days: 1,
            at: now + Duration::days(1)
        })
    );
}

#[test]
fn a_back_dated_start_is_read_in_local_time() {
    let (_dir, store) = temp_store();
    let now = instant("2026-03-10T12:00:00Z");
    store
        .transact(|tx| start(tx, Some("2026-03-03T09:30"), now, Berlin))
        .unwrap();
    let view = app_of(&store).no_contact(now, Berlin).unwrap();
    let current = view.current.unwrap();
    assert_eq!(current.started_at, instant("2026-03-03T08:30:00Z"));
    assert_eq!(current.days, 7);
    assert_eq!(view.next_milestone.unwrap().days, 14);
}

#[test]
fn a_refused_start_stores_nothing() {
    let now = instant("2026-03-10T12:00:00Z");
    for (since, field) in [
        ("2026-03-10T14:00", "since"), // 15:00 in Berlin is after now
        ("yesterday", "since"),
        ("2026-02-30T10:00", "since"),
        ("2001-01-01T10:00", "since"),
    ] {
        let (_dir, store) = temp_store();
        let err = store
            .transact(|tx| start(tx, Some(since), now, Berlin))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{since}");
        assert_eq!(err.field(), Some(field));
        assert!(!started(&store).unwrap(), "{since}");
    }
}

#[test]
fn starting_twice_is_out_of_order() {
    let (_dir, store) = temp_store();
    let now = instant("2026-03-10T12:00:00Z");
    store.transact(|tx| start(tx, None, now, UTC)).unwrap();
    let err = store
        .transact(|tx| start(tx, Some("2026-03-01T10:00"), now, UTC))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OutOfOrder);
    assert_eq!(
        view(&store, now, UTC).unwrap().current.unwrap().started_at,
        now
    );
}

#[test]
fn a_contact_slip_ends_the_streak_and_the_history_keeps_it() {
    let (_dir, store) = temp_store();
    let t0 = instant("2026-03-01T10:00:00Z");
    store.transact(|tx| start(tx, None, t0, UTC)).unwrap();
    store
        .transact(|tx| log(tx, EventKind::CheckedSocial, None, t0 + Duration::days(3)))
        .unwrap();
    store
        .transact(|tx| {
            log(
                tx,
                EventKind::TheyContacted,
                Some("  a birthday text  "),
                t0 + Duration::days(4),
            )
        })
        .unwrap();
    let slip = t0 + Duration::days(9) + Duration::hours(2);
    store
        .transact(|tx| log(tx, EventKind::Texted, Some("I was lonely"), slip))
        .unwrap();
    let now = slip + Duration::days(2);
    store
        .transact(|tx| log(tx, EventKind::UrgeResisted, None, now))
        .unwrap();
    let view = view(&store, now, UTC).unwrap();
    let current = view.current.unwrap();
    assert_eq!(current.started_at, slip);
    assert_eq!(current.days, 2);
    assert_eq!(view.best_days, 9);
    assert_eq!(view.history.len(), 1);
    assert_eq!(view.history[0].days, 9);
    assert_eq!(view.history[0].ended_by, Some(EventKind::Texted));
    assert_eq!(view.history[0].ended_at, Some(slip));
    assert_eq!(
        view.counts,
        Counts {
            contact_slips: 1,
            looking_slips: 1,
            they_contacted: 1,
            urges_resisted: 1,
            necessary_contact: 0,
        }
    );
    assert_eq!(view.today.len(), 1);
    assert_eq!(view.today[0].kind, EventKind::UrgeResisted);
    let notes: Vec<String> = store.values(Tree::EventNotes).unwrap();
    assert_eq!(
        notes,
        ["a birthday text", "I was lonely"],
        "trimmed, kept apart"
    );
}

#[test]
fn necessary_contact_is_logged_with_its_topic_and_keeps_the_streak() {
    let (_dir, store) = temp_store();
    let t0 = instant("2026-03-01T10:00:00Z");
    store.transact(|tx| start(tx, None, t0, UTC)).unwrap();
    for (i, kind) in [
        EventKind::NecessaryChildren,
        EventKind::NecessaryHome,
        EventKind::NecessaryWork,
        EventKind::NecessaryOther,
    ]
    .into_iter()
    .enumerate()
    {
        assert_eq!(kind.group(), EventGroup::NecessaryContact);
        assert!(!kind.ends_streak(), "{kind:?}");
        let at = t0 + Duration::days(1 + i as i64);
        store
            .transact(|tx| log(tx, kind, Some("pick-up moved to 5pm"), at))
            .unwrap();
    }
    let now = t0 + Duration::days(8);
    let view = view(&store, now, UTC).unwrap();
    let current = view.current.unwrap();
    assert_eq!(current.started_at, t0, "the streak goes on");
    assert_eq!(current.days, 8);
    assert!(view.history.is_empty());
    assert_eq!(view.counts.necessary_contact, 4);
    assert_eq!(view.counts.contact_slips, 0);
    let json = serde_json::to_value(EventKind::NecessaryChildren).unwrap();
    assert_eq!(json, "necessary_children");
}

#[test]
fn refused_log_entries_store_nothing() {
    let (_dir, store) = temp_store();
    let now = instant("2026-03-01T10:00:00Z");
    let err = store
        .transact(|tx| log(tx, EventKind::UrgeResisted, None, now))
        .unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::OutOfOrder,
        "before no contact starts"
    );
    store.transact(|tx| start(tx, None, now, UTC)).unwrap();
    let long = "x".repeat(NOTE_MAX_CHARS + 1);
    // Unknown kinds cannot be named here: the command's Choice refuses them
    // on their field before this (see the shell's command tests).
    let err = store
        .transact(|tx| log(tx, EventKind::Texted, Some(&long), now))
        .unwrap_err();
    assert_eq!(err.field(), Some("note"));
    assert!(store.values::<Event>(Tree::Events).unwrap().is_empty());
}

#[test]
fn with_the_clock_set_back_a_slip_still_comes_after_the_streak_start() {
    let (_dir, store) = temp_store();
    let t0 = instant("2026-03-01T10:00:00Z");
    store.transact(|tx| start(tx, None, t0, UTC)).unwrap();
    store
        .transact(|tx| log(tx, EventKind::Met, None, t0 - Duration::days(5)))
        .unwrap();
    let view = view(&store, t0 + Duration::days(1), UTC).unwrap();
    assert_eq!(view.history[0].days, 0);
    assert_eq!(view.current.unwrap().days, 1);
}

#[test]
fn milestone_settings_are_validated() {
    let cases = [
        ("", "milestones"),
        ("1, 2, 2", "milestones"),
        ("0", "milestones"),
        ("3651", "milestones"),
        ("-1", "milestones"),
        ("1.5", "milestones"),
        ("seven", "milestones"),
    ];
    for (text, field) in cases {
        let err = Settings::validate(&settings_input(text)).unwrap_err();
        assert_eq!(err.field(), Some(field), "{text}");
    }
    let ok = Settings::validate(&settings_input(" 30,7 1\t3650 ")).unwrap();
    assert_eq!(ok.milestones, [1, 7, 30, 3650]);
    let quiet = |start: &str, end: &str| SettingsInput {
        quiet_hours_enabled: true,
        quiet_start: start.into(),
        quiet_end: end.into(),
        ..settings_input("1")
    };
    assert_eq!(
        Settings::validate(&quiet("25:00", "07:00"))
            .unwrap_err()
            .field(),
        Some("quiet_start")
    );
    assert_eq!(
        Settings::validate(&quiet("22:00", "")).unwrap_err().field(),
        Some("quiet_end")
    );
    assert_eq!(
        Settings::validate(&quiet("22:00", "22:00"))
            .unwrap_err()
            .field(),
        Some("quiet_end")
    );
    let q = Settings::validate(&quiet("22:00", "07:30"))
        .unwrap()
        .quiet_hours
        .unwrap();
    assert!(q.contains(NaiveTime::from_hms_opt(23, 0, 0).unwrap()));
    assert!(q.contains(NaiveTime::from_hms_opt(3, 0, 0).unwrap()));
    assert!(!q.contains(NaiveTime::from_hms_opt(7, 30, 0).unwrap()));
}

#[test]
fn a_refused_settings_change_keeps_the_old_settings() {
    let (_dir, store) = temp_store();
    let now = instant("2026-03-01T10:00:00Z");
    store
        .transact(|tx| save_settings(tx, &settings_input("2, 5"), now, UTC))
        .unwrap();
    store
        .transact(|tx| save_settings(tx, &settings_input("2, 2"), now, UTC))
        .unwrap_err();
    assert_eq!(settings(&store).unwrap().milestones, [2, 5]);
}
