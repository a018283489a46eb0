//! Safety before contact: step 5 asks first after a crisis reading.

use super::*;

#[test]
fn a_crisis_reading_minutes_before_pauses_step_five_until_the_person_chooses() {
    use crate::reach_out::{CareChoice, CARE_PAUSE_HOURS};
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let day20 = t0 + Duration::days(20);
    assert_eq!(app.reach_out(day20).unwrap().care_pause, None);
    assert_eq!(
        app.answer_care_check(CareChoice::GoOn, day20, UTC)
            .unwrap_err()
            .kind(),
        ErrorKind::OutOfOrder,
        "nothing to answer when the step does not ask"
    );

    let written = day20 - Duration::minutes(5);
    let saved = app.save_journal_entry(None, HEAVY, None, written).unwrap();
    assert!(saved.care.is_some(), "the card came for it");
    let pause = app
        .reach_out(day20)
        .unwrap()
        .care_pause
        .expect("asks first");
    assert_eq!(pause.reading_at, written);
    assert_eq!(
        pause.wait_until,
        written + Duration::hours(CARE_PAUSE_HOURS)
    );
    assert!(!pause.chose_to_wait);
    // The step stays open: the pause asks, it does not lock.
    assert_eq!(reach_out(&app, day20, UTC).0, StepStatus::Open);

    // "I'll wait": recorded; the step still asks next time.
    let waited = app.answer_care_check(CareChoice::Wait, day20, UTC).unwrap();
    assert!(waited.care_pause.unwrap().chose_to_wait);
    assert_eq!(waited.care_checks.len(), 1);
    assert_eq!(waited.care_checks[0].choice, CareChoice::Wait);
    assert_eq!(waited.care_checks[0].reading_at, written);

    // "I want to go on": their choice; the plan shows; the asking is on record.
    let later = day20 + Duration::hours(1);
    let on = app.answer_care_check(CareChoice::GoOn, later, UTC).unwrap();
    assert_eq!(on.care_pause, None);
    assert_eq!(on.care_checks.len(), 2);
    assert_eq!(on.care_checks[1].answered_at, later);

    // A new heavy moment after that: the step asks again.
    let again = later + Duration::hours(2);
    app.log_event(EventKind::UrgeResisted, Some(HEAVY), again, UTC)
        .unwrap();
    let pause = app
        .reach_out(again)
        .unwrap()
        .care_pause
        .expect("asks again");
    assert_eq!(pause.reading_at, again);
    // It lifts by itself once the suggested wait has passed.
    let just_before = again + Duration::hours(CARE_PAUSE_HOURS) - Duration::seconds(1);
    assert!(app.reach_out(just_before).unwrap().care_pause.is_some());
    let after = again + Duration::hours(CARE_PAUSE_HOURS);
    assert_eq!(app.reach_out(after).unwrap().care_pause, None);
    // The clock set back before the reading: still recent, never negative.
    let back = again - Duration::hours(3);
    assert!(app.reach_out(back).unwrap().care_pause.is_some());
}

#[test]
fn every_kind_of_writing_that_brings_the_card_is_noted_and_calm_writing_is_not() {
    let t0 = instant("2026-02-01T20:00:00Z");
    let day20 = t0 + Duration::days(20);
    type Write = fn(&Crossroads, &str, DateTime<Utc>);
    let writes: [(&str, Write); 6] = [
        ("reflection", |app, text, now| {
            app.save_reflection(Prompt::Weight, text, now).unwrap();
        }),
        ("draft", |app, text, now| {
            app.save_draft(None, text, false, now).unwrap();
        }),
        ("no-contact note", |app, text, now| {
            app.log_event(EventKind::UrgeResisted, Some(text), now, UTC)
                .unwrap();
        }),
        ("journal", |app, text, now| {
            app.save_journal_entry(None, text, None, now).unwrap();
        }),
        ("mood note", |app, text, now| {
            app.save_mood(2, Some(text), true, now, UTC).unwrap();
        }),
        ("step-5 note", |app, text, now| {
            app.save_plan_note(Note::MyPart, text, now, UTC).unwrap();
        }),
    ];
    for (what, write) in writes {
        let (_dir, app) = open_app();
        ready(&app, t0, UTC);
        write(&app, "We talked about the weekend plans.", day20);
        assert_eq!(app.reach_out(day20).unwrap().care_pause, None, "{what}");
        write(&app, HEAVY, day20);
        assert!(
            app.reach_out(day20).unwrap().care_pause.is_some(),
            "{what} did not pause step 5"
        );
    }
}

#[test]
fn after_every_decision_the_overview_says_what_comes_next() {
    use crate::program::Next;
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    let next = |at| app.overview(at, UTC).unwrap().next;
    assert_eq!(next(t0), Some(Next::Profile));
    app.save_profile(&profile("them"), t0, UTC).unwrap();
    assert_eq!(
        next(t0),
        Some(Next::Step {
            step: StepId::Dealbreakers
        })
    );
    app.answer_dealbreakers(&answers("no"), t0).unwrap();
    assert_eq!(
        next(t0),
        Some(Next::Step {
            step: StepId::Reflect
        })
    );
    app.save_reflection(Prompt::Reason, "We drifted apart", t0)
        .unwrap();
    app.decide(Decision::Try, t0, UTC).unwrap();
    assert_eq!(
        next(t0),
        Some(Next::Step {
            step: StepId::TooProudToBeg
        })
    );
    app.pledge("I will not beg.", t0).unwrap();
    app.start_no_contact(None, t0, UTC).unwrap();
    let day20 = t0 + Duration::days(20);
    app.record_outcome(Outcome::WantToTry, day20, UTC).unwrap();
    assert_eq!(
        next(day20),
        Some(Next::Ending {
            ending: Ending::Together
        })
    );

    let (_dir, other) = open_app();
    ready(&other, t0, UTC);
    other.choose_moving_on(t0, UTC).unwrap();
    assert_eq!(
        other.overview(t0, UTC).unwrap().next,
        Some(Next::Ending {
            ending: Ending::MovingOn
        })
    );
}
