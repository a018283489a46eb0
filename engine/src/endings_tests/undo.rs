//! Nothing is final by accident: undo and edit.

use super::*;

fn milestones_shown(app: &Crossroads, now: DateTime<Utc>) -> Vec<Announcement> {
    let mut out = Vec::new();
    while let Some(p) = app.check_milestones(now, UTC).unwrap().announce {
        app.confirm_shown(p.id).unwrap();
        out.push(p.announcement);
    }
    out
}

#[test]
fn an_undone_slip_gives_the_streak_back_and_the_history_says_so() {
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let day7 = t0 + Duration::days(7);
    assert!(!milestones_shown(&app, day7).is_empty());
    let day8 = t0 + Duration::days(8);
    let logged = app
        .log_event(EventKind::Texted, Some("sent one text"), day8, UTC)
        .unwrap();
    assert_eq!(logged.view.current.as_ref().unwrap().days, 0);
    assert_eq!(logged.view.history.len(), 1);
    let id = logged.view.recent[0].id.clone();
    assert_eq!(logged.view.recent[0].kind, EventKind::Texted);

    let later = day8 + Duration::hours(1);
    let before = app.commit_count();
    for bad in ["", "zz", "0123", &"00".repeat(16), "é".repeat(16).as_str()] {
        let err = app.undo_event(bad, later, UTC).unwrap_err();
        assert_eq!(err.field(), Some("id"), "{bad}");
    }
    assert_eq!(app.commit_count(), before, "nothing written");

    let view = app.undo_event(&id, later, UTC).unwrap();
    let current = view.current.unwrap();
    assert_eq!(current.started_at, t0, "the streak as if never broken");
    assert_eq!(current.days, 8);
    assert!(view.history.is_empty());
    assert_eq!(view.counts.contact_slips, 0);
    assert_eq!(view.best_days, 8);
    assert!(view.recent.is_empty());
    assert_eq!(view.undone.len(), 1);
    assert_eq!(view.undone[0].kind, EventKind::Texted);
    assert_eq!(view.undone[0].at, day8);
    assert_eq!(view.undone[0].undone_at, later);
    // Undoing twice is refused: it is no longer in the log.
    assert_eq!(
        app.undo_event(&id, later, UTC).unwrap_err().field(),
        Some("id")
    );
    // Day 7 of this streak was heard already: never again; day 14 comes.
    assert!(milestones_shown(&app, later).is_empty());
    assert_eq!(
        milestones_shown(&app, t0 + Duration::days(14)),
        [Announcement::Milestone { days: 14 }]
    );
}

#[test]
fn an_undone_looking_slip_no_longer_holds_step_five_back() {
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let day13 = t0 + Duration::days(13);
    let logged = app
        .log_event(EventKind::CheckedSocial, None, day13, UTC)
        .unwrap();
    let day14 = t0 + Duration::days(14);
    assert_eq!(reach_out(&app, day14, UTC).0, StepStatus::Locked);
    app.undo_event(&logged.view.recent[0].id, day14, UTC)
        .unwrap();
    assert_eq!(reach_out(&app, day14, UTC).0, StepStatus::Open);
}

#[test]
fn a_logged_note_can_be_changed_or_removed_and_a_heavy_one_is_noted() {
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let day3 = t0 + Duration::days(3);
    let logged = app
        .log_event(EventKind::UrgeResisted, Some("went running"), day3, UTC)
        .unwrap();
    let id = logged.view.recent[0].id.clone();
    let changed = app
        .set_event_note(&id, "  went running with Kim  ", day3, UTC)
        .unwrap();
    assert_eq!(
        changed.view.recent[0].note.as_deref(),
        Some("went running with Kim")
    );
    assert!(changed.care.is_none());
    let before = app.commit_count();
    let long = "x".repeat(crate::no_contact::NOTE_MAX_CHARS + 1);
    assert_eq!(
        app.set_event_note(&id, &long, day3, UTC)
            .unwrap_err()
            .field(),
        Some("note")
    );
    assert_eq!(
        app.set_event_note("nope", "x", day3, UTC)
            .unwrap_err()
            .field(),
        Some("id")
    );
    assert_eq!(app.commit_count(), before, "nothing written");
    let heavy = app.set_event_note(&id, HEAVY, day3, UTC).unwrap();
    assert!(heavy.care.is_some());
    let removed = app.set_event_note(&id, "", day3, UTC).unwrap();
    assert_eq!(removed.view.recent[0].note, None);
    assert_eq!(removed.view.counts.urges_resisted, 1, "the moment stays");
}

#[test]
fn drafts_can_be_edited_and_deleted_and_the_pledge_rewritten() {
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let later = t0 + Duration::days(2);
    let draft = app.save_draft(None, "Please come back", false, t0).unwrap();
    let edited = app
        .save_draft(Some(draft.id), "I hope you are well.", false, later)
        .unwrap();
    assert_eq!(edited.created_at, t0);
    assert_eq!(edited.updated_at, later);
    let before = app.commit_count();
    assert_eq!(
        app.delete_draft(draft.id + 99).unwrap_err().field(),
        Some("id")
    );
    assert_eq!(app.commit_count(), before);
    let vault = app.delete_draft(draft.id).unwrap();
    assert!(vault.drafts.is_empty());
    assert_eq!(
        app.save_draft(Some(draft.id), "again", false, later)
            .unwrap_err()
            .field(),
        Some("draft")
    );

    let rewritten = app.pledge("I will keep my dignity.", later).unwrap();
    assert_eq!(rewritten.text, "I will keep my dignity.");
    assert_eq!(rewritten.at, t0, "first made on day one");
    assert_eq!(rewritten.rewritten_at, Some(later));
    assert_eq!(
        app.pledge("   ", later).unwrap_err().field(),
        Some("pledge")
    );
    assert_eq!(app.vault().unwrap().pledge, Some(rewritten));
}
