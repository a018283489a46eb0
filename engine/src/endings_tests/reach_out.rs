//! Step 5: the gate, the plan, the apology and the outcome.

use super::*;

#[test]
fn reaching_out_opens_at_fourteen_full_days_not_a_minute_before() {
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let almost = t0 + Duration::days(14) - Duration::hours(1);
    assert_eq!(
        reach_out(&app, almost, UTC).1,
        Some(LockReason::NeedsNoContactDays {
            required: 14,
            remaining: 1
        })
    );
    let err = app
        .save_plan_note(Note::MyPart, "I shut down.", almost, UTC)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OutOfOrder);
    let message = err.message();
    assert_eq!(message.code, "reachOutNeedsDays", "{err}");
    assert_eq!(message.get("count"), Some("1"), "{err}");
    assert!(app
        .reach_out(almost)
        .unwrap()
        .notes
        .iter()
        .all(|n| n.text.is_empty()));
    assert_eq!(
        reach_out(&app, t0 + Duration::days(14), UTC),
        (StepStatus::Open, None)
    );
}

#[test]
fn a_looking_slip_on_day_thirteen_keeps_the_streak_but_restarts_the_wait() {
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let day13 = t0 + Duration::days(13) + Duration::hours(2);
    app.log_event(EventKind::CheckedSocial, None, day13, UTC)
        .unwrap();
    let day14 = t0 + Duration::days(14);
    assert_eq!(
        app.no_contact(day14, UTC).unwrap().current.unwrap().days,
        14
    );
    assert_eq!(
        reach_out(&app, day14, UTC).1,
        Some(LockReason::NeedsNoLookingDays {
            required: 14,
            remaining: 14
        })
    );
    assert_eq!(
        reach_out(&app, day13 + Duration::days(10), UTC).1,
        Some(LockReason::NeedsNoLookingDays {
            required: 14,
            remaining: 4
        })
    );
    assert_eq!(
        reach_out(&app, day13 + Duration::days(14), UTC).0,
        StepStatus::Open
    );
    // A contact slip restarts both clocks: the streak's is then the one to wait for.
    let later = day13 + Duration::days(15);
    app.log_event(EventKind::Texted, None, later, UTC).unwrap();
    assert_eq!(
        reach_out(&app, later + Duration::days(3), UTC).1,
        Some(LockReason::NeedsNoContactDays {
            required: 14,
            remaining: 11
        })
    );
}

#[test]
fn a_contact_slip_on_day_thirteen_ends_the_streak_and_closes_reaching_out_for_fourteen_new_days() {
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let day12 = t0 + Duration::days(12) + Duration::hours(2);
    assert_eq!(
        reach_out(&app, day12, UTC).1,
        Some(LockReason::NeedsNoContactDays {
            required: 14,
            remaining: 2
        })
    );
    let day13 = t0 + Duration::days(13) + Duration::hours(2);
    app.log_event(EventKind::Texted, None, day13, UTC).unwrap();

    // The slip ended the 13-day streak; a new one began with it.
    let day14 = t0 + Duration::days(14);
    let view = app.no_contact(day14, UTC).unwrap();
    assert_eq!(view.history.len(), 1);
    assert_eq!(view.history[0].started_at, t0);
    assert_eq!(view.history[0].ended_at, Some(day13));
    assert_eq!(view.history[0].ended_by, Some(EventKind::Texted));
    assert_eq!(view.history[0].days, 13);
    let current = view.current.unwrap();
    assert_eq!((current.started_at, current.days), (day13, 0));

    // Day 14 of the old streak opens nothing: the wait starts over.
    assert_eq!(
        reach_out(&app, day14, UTC).1,
        Some(LockReason::NeedsNoContactDays {
            required: 14,
            remaining: 14
        })
    );
    let before = app.commit_count();
    let err = app
        .save_plan_note(Note::MyPart, "I shut down.", day14, UTC)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OutOfOrder);
    assert_eq!(err.message().code, "reachOutNeedsDays", "{err}");
    assert_eq!(err.message().get("count"), Some("14"), "{err}");
    assert_eq!(app.commit_count(), before, "a refused write stores nothing");
    assert_eq!(
        reach_out(&app, t0 + Duration::days(20), UTC).1,
        Some(LockReason::NeedsNoContactDays {
            required: 14,
            remaining: 8
        })
    );
    // 14 new full days after the slip, not a minute before.
    let almost = day13 + Duration::days(14) - Duration::minutes(1);
    assert_eq!(
        reach_out(&app, almost, UTC).1,
        Some(LockReason::NeedsNoContactDays {
            required: 14,
            remaining: 1
        })
    );
    assert_eq!(
        reach_out(&app, day13 + Duration::days(14), UTC),
        (StepStatus::Open, None)
    );
    app.save_plan_note(
        Note::MyPart,
        "I shut down.",
        day13 + Duration::days(14),
        UTC,
    )
    .unwrap();
}

#[test]
fn the_gate_counts_local_days_across_the_spring_dst_change() {
    let (_dir, app) = open_app();
    // 02:30 Berlin on 16 March 2025; day 14 falls on 30 March, in the gap.
    let t0 = instant("2025-03-16T01:30:00Z");
    ready(&app, t0, Berlin);
    assert_eq!(
        reach_out(&app, instant("2025-03-30T00:59:00Z"), Berlin).0,
        StepStatus::Locked
    );
    assert_eq!(
        reach_out(&app, instant("2025-03-30T01:00:00Z"), Berlin).0,
        StepStatus::Open
    );
}

#[test]
fn abuse_closes_reaching_out_for_good() {
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    app.answer_dealbreakers(&answers("yes"), t0).unwrap();
    let much_later = t0 + Duration::days(400);
    assert_eq!(
        reach_out(&app, much_later, UTC).1,
        Some(LockReason::NotOffered {
            why: NotOfferedWhy::Abuse
        })
    );
    let err = app
        .record_outcome(Outcome::WantToTry, much_later, UTC)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OutOfOrder);
}

#[test]
fn the_plan_is_coached_and_the_outcomes_route_the_program() {
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let now = t0 + Duration::days(20);
    let note = app
        .save_plan_note(Note::WhatWentWrong, "You never listened to me.", now, UTC)
        .unwrap();
    assert!(note.review.blame);
    let long = "x".repeat(crate::reach_out::NOTE_MAX_CHARS + 1);
    let err = app
        .save_plan_note(Note::MyPart, &long, now, UTC)
        .unwrap_err();
    assert_eq!(err.field(), Some("my_part"));
    let view = app.reach_out(now).unwrap();
    assert!(view.they_ended_it);
    assert_eq!(view.notes[1].text, "You never listened to me.");
    assert_eq!(view.notes[3].text, "", "refused input stores nothing");
    let err = app.use_apology(Some(999), now, UTC).unwrap_err();
    assert_eq!(err.field(), Some("apology"));

    let overview = app.record_outcome(Outcome::NotYet, now, UTC).unwrap();
    assert_eq!(overview.ending, None);
    assert_eq!(reach_out(&app, now, UTC).0, StepStatus::Open);
    let overview = app.record_outcome(Outcome::WantToTry, now, UTC).unwrap();
    assert_eq!(overview.ending, Some(Ending::Together));
    let six = overview
        .steps
        .iter()
        .find(|s| s.id == StepId::BetterRelationship)
        .unwrap();
    assert_eq!(six.status, StepStatus::Open);
    assert_eq!(reach_out(&app, now, UTC).0, StepStatus::Done);
    let err = app.record_outcome(Outcome::No, now, UTC).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OutOfOrder);
    assert_eq!(app.reach_out(now).unwrap().history.len(), 2);
}

#[test]
fn a_sincere_apology_from_the_vault_is_pulled_into_the_plan_and_out_again() {
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let text = "I am sorry I went quiet instead of telling you what hurt. \
                That was my part, and I am working on it.";
    let apology = app.save_draft(None, text, true, t0).unwrap();
    assert!(apology.apology_for_later);
    let plea = app
        .save_draft(None, "Please come back, I can't do this.", false, t0)
        .unwrap();
    let kept = ApologyView {
        id: apology.id,
        text: text.to_owned(),
    };

    // Before step 5 opens the apology cannot be pulled in.
    let almost = t0 + Duration::days(14) - Duration::hours(1);
    let err = app.use_apology(Some(apology.id), almost, UTC).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OutOfOrder);
    assert_eq!(app.reach_out(t0).unwrap().apology, None);

    let now = t0 + Duration::days(14);
    assert_eq!(reach_out(&app, now, UTC), (StepStatus::Open, None));
    let view = app.reach_out(t0).unwrap();
    assert_eq!(
        view.apologies,
        std::slice::from_ref(&kept),
        "only drafts kept as apologies"
    );
    assert_eq!(view.apology, None);
    // A draft not kept as an apology is refused, and nothing is stored.
    let before = app.commit_count();
    let err = app.use_apology(Some(plea.id), now, UTC).unwrap_err();
    assert_eq!(err.field(), Some("apology"));
    assert_eq!(app.commit_count(), before);

    let view = app.use_apology(Some(apology.id), now, UTC).unwrap();
    assert_eq!(view.apology, Some(kept.clone()));
    assert_eq!(app.reach_out(t0).unwrap().apology, Some(kept.clone()));
    // It is pulled in, not moved: the vault keeps the draft.
    assert!(app
        .vault()
        .unwrap()
        .drafts
        .iter()
        .any(|d| d.id == apology.id));

    let view = app.use_apology(None, now, UTC).unwrap();
    assert_eq!(view.apology, None);
    assert_eq!(view.apologies, [kept]);
    assert_eq!(app.reach_out(t0).unwrap().apology, None);
}

#[test]
fn their_no_opens_the_moving_on_path_without_check_ins() {
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let now = t0 + Duration::days(20);
    let overview = app.record_outcome(Outcome::No, now, UTC).unwrap();
    assert_eq!(overview.ending, Some(Ending::MovingOn));
    let six = overview
        .steps
        .iter()
        .find(|s| s.id == StepId::BetterRelationship)
        .unwrap();
    assert_eq!(
        six.locked,
        Some(LockReason::NotOffered {
            why: NotOfferedWhy::MovingOn
        })
    );
    assert_eq!(reach_out(&app, now, UTC).0, StepStatus::Done);
    assert_eq!(
        app.start_cooldown(now).unwrap_err().kind(),
        ErrorKind::OutOfOrder
    );
    // Months pass: no check-in is ever announced.
    for month in 1..=3 {
        let check = app
            .check_milestones(now + Duration::days(31 * month), UTC)
            .unwrap();
        if let Some(p) = check.announce {
            assert!(!matches!(p.announcement, Announcement::CheckIn), "{p:?}");
            app.confirm_shown(p.id).unwrap();
        }
    }
}
