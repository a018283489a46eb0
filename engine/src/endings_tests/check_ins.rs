//! Step 6: check-ins, house rules, lists and the cooldown.

use super::*;
use crate::schedule::check_ins;

fn monthly_from(anchor: &str, tz: Tz) -> Vec<String> {
    let cadence = Cadence {
        unit: Unit::Month,
        every: 1,
    };
    (1..=4)
        .map(|n| {
            check_ins::occurrence(instant(anchor), cadence, n, tz)
                .with_timezone(&tz)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .collect()
}

#[test]
fn monthly_check_ins_keep_the_day_clamped_to_short_months() {
    assert_eq!(
        monthly_from("2026-01-31T18:00:00Z", UTC),
        [
            "2026-02-28 18:00",
            "2026-03-31 18:00",
            "2026-04-30 18:00",
            "2026-05-31 18:00"
        ]
    );
    // A leap year's February.
    assert_eq!(
        monthly_from("2028-01-31T18:00:00Z", UTC)[0],
        "2028-02-29 18:00"
    );
    // Across a year's end.
    assert_eq!(
        monthly_from("2026-11-30T09:00:00Z", UTC)[1],
        "2027-01-30 09:00"
    );
}

#[test]
fn check_ins_keep_the_local_time_across_dst_both_ways() {
    // 20:00 in Berlin in winter and in summer.
    assert_eq!(
        monthly_from("2025-02-28T19:00:00Z", Berlin)[1],
        "2025-04-28 20:00"
    );
    // 02:30 on 30 March does not exist: the first valid instant, 03:00.
    assert_eq!(
        monthly_from("2025-02-28T01:30:00Z", Berlin)[0],
        "2025-03-28 02:30"
    );
    let gap = check_ins::occurrence(
        instant("2025-01-30T01:30:00Z"),
        Cadence {
            unit: Unit::Month,
            every: 2,
        },
        1,
        Berlin,
    );
    assert_eq!(gap, instant("2025-03-30T01:00:00Z"));
    // 02:30 on 26 October happens twice: the earlier.
    let fold = check_ins::occurrence(
        instant("2025-09-26T00:30:00Z"),
        Cadence {
            unit: Unit::Month,
            every: 1,
        },
        1,
        Berlin,
    );
    assert_eq!(fold, instant("2025-10-26T00:30:00Z"));
    // Weekly: the same wall time a week later, across the change.
    let weekly = check_ins::occurrence(
        instant("2025-10-20T18:00:00Z"),
        Cadence {
            unit: Unit::Week,
            every: 1,
        },
        1,
        Berlin,
    );
    assert_eq!(weekly, instant("2025-10-27T19:00:00Z"));
}

/// Runs the notifier's check at `now`, confirms what it offers, and
/// returns what step 6 said (milestones aside).
fn shown(app: &Crossroads, now: DateTime<Utc>) -> Vec<Announcement> {
    let mut out = Vec::new();
    loop {
        let check = app.check_milestones(now, UTC).unwrap();
        let Some(p) = check.announce else {
            return out;
        };
        app.confirm_shown(p.id).unwrap();
        if !matches!(
            p.announcement,
            Announcement::Milestone { .. } | Announcement::Summary { .. }
        ) {
            out.push(p.announcement);
        }
    }
}

#[test]
fn the_first_check_in_is_announced_once_on_its_day() {
    let (_dir, app, yes_at) = together_app();
    shown(&app, yes_at);
    let view = app.together(yes_at, UTC).unwrap();
    assert_eq!(view.next_check_in, Some(instant("2026-02-28T19:00:00Z")));
    let before = instant("2026-02-28T18:59:59Z");
    assert!(!shown(&app, before).contains(&Announcement::CheckIn));
    let check = app.check_milestones(before, UTC).unwrap();
    assert!(check.next_due.unwrap() <= instant("2026-02-28T19:00:00Z"));
    let due = instant("2026-02-28T19:00:00Z");
    assert_eq!(shown(&app, due), [Announcement::CheckIn]);
    assert!(shown(&app, due + Duration::hours(3)).is_empty(), "once");
    // Closed for weeks: one reminder for the latest, not a flood.
    let much_later = instant("2026-06-15T12:00:00Z");
    assert_eq!(shown(&app, much_later), [Announcement::CheckIn]);
    assert_eq!(
        app.together(much_later, UTC).unwrap().next_check_in,
        Some(instant("2026-06-30T19:00:00Z"))
    );
}

#[test]
fn house_rules_are_validated_and_a_new_cadence_counts_from_now() {
    let (_dir, app, yes_at) = together_app();
    let input = |every, minutes| HouseRulesInput {
        first_check_in: None,
        unit: crate::choice::Choice::Picked(Unit::Week),
        every: crate::choice::Choice::Picked(every),
        reminders: true,
        cooldown_minutes: crate::choice::Choice::Picked(minutes),
        therapy: false,
    };
    let err = app.save_house_rules(&input(0, 5), yes_at, UTC).unwrap_err();
    assert_eq!(err.field(), Some("every"));
    let err = app.save_house_rules(&input(2, 0), yes_at, UTC).unwrap_err();
    assert_eq!(err.field(), Some("cooldown_minutes"));
    assert_eq!(
        app.together(yes_at, UTC).unwrap().rules,
        together::HouseRules::default(),
        "refused input stores nothing"
    );
    let now = yes_at + Duration::days(3);
    let view = app.save_house_rules(&input(2, 10), now, UTC).unwrap();
    assert_eq!(view.next_check_in, Some(now + Duration::days(14)));
    assert_eq!(view.rules.cooldown_minutes, 10);
    // A first check-in picked by the person: it is due then, then every two weeks.
    let first = HouseRulesInput {
        first_check_in: Some("2026-02-05T20:30".into()),
        ..input(2, 10)
    };
    let view = app.save_house_rules(&first, now, UTC).unwrap();
    assert_eq!(view.next_check_in, Some(instant("2026-02-05T20:30:00Z")));
    assert_eq!(
        shown(&app, instant("2026-02-05T20:30:00Z")),
        [Announcement::CheckIn]
    );
    assert_eq!(
        app.together(instant("2026-02-05T20:31:00Z"), UTC)
            .unwrap()
            .next_check_in,
        Some(instant("2026-02-19T20:30:00Z"))
    );
    for bad in ["2020-01-01T10:00", "tomorrow"] {
        let input = HouseRulesInput {
            first_check_in: Some(bad.into()),
            ..input(2, 10)
        };
        let err = app.save_house_rules(&input, now, UTC).unwrap_err();
        assert_eq!(err.field(), Some("first_check_in"), "{bad}");
    }
}

#[test]
fn step_six_entries_are_read_by_the_crisis_card_like_every_other_text() {
    let (_dir, app, now) = together_app();
    let calm = app
        .add_together_item(List::IAsk, "More walks together", now, UTC)
        .unwrap();
    assert_eq!(calm.care, None);
    let heavy = app
        .save_check_in(
            &CheckIn {
                i_feel: "Honestly I don't want to be here anymore".into(),
                ..CheckIn::default()
            },
            now,
            UTC,
        )
        .unwrap();
    assert!(heavy.care.is_some(), "saved, and the card is offered");
    assert_eq!(heavy.view.check_ins.len(), 1);
}

#[test]
fn lists_and_check_ins_are_kept_and_bad_input_stores_nothing() {
    let (_dir, app, now) = together_app();
    let view = app
        .add_together_item(List::MyCommitments, "Couples therapy on Tuesdays", now, UTC)
        .unwrap()
        .view;
    assert_eq!(
        view.lists[&List::MyCommitments][0].text,
        "Couples therapy on Tuesdays"
    );
    let err = app
        .add_together_item(List::IAsk, &"x".repeat(2001), now, UTC)
        .unwrap_err();
    assert_eq!(err.field(), Some("item"));
    let err = app
        .save_check_in(&CheckIn::default(), now, UTC)
        .unwrap_err();
    assert_eq!(err.field(), Some("i_feel"));
    let entry = CheckIn {
        i_feel: "Calmer".into(),
        change: "Phones away at dinner".into(),
        ..CheckIn::default()
    };
    app.save_check_in(&entry, now, UTC).unwrap();
    let later = now + Duration::days(400);
    app.save_check_in(&entry, later, UTC).unwrap();
    let view = app.together(later, UTC).unwrap();
    assert_eq!(view.check_ins.len(), 2);
    assert_eq!(view.check_ins[0].at, Some(later), "newest first");
    let id = view.lists[&List::MyCommitments][0].id;
    let view = app
        .remove_together_item(List::MyCommitments, id, later, UTC)
        .unwrap();
    assert!(view.lists[&List::MyCommitments].is_empty());
}

#[test]
fn a_cooldown_ends_with_one_notification_and_the_tray_sees_it_running() {
    let (_dir, app, now) = together_app();
    shown(&app, now);
    let started = app.start_cooldown(now).unwrap();
    assert_eq!(started.ends_at, now + Duration::minutes(5));
    let check = app
        .check_milestones(now + Duration::seconds(30), UTC)
        .unwrap();
    assert_eq!(check.cooldown_until, Some(now + Duration::minutes(5)));
    // It wakes when the minutes shown change (4:30 left: at 4:00).
    assert_eq!(check.next_due, Some(now + Duration::minutes(1)));
    assert!(shown(&app, now + Duration::minutes(4)).is_empty());
    let end = now + Duration::minutes(5);
    assert_eq!(
        shown(&app, end),
        [Announcement::CooldownOver { minutes: 5 }]
    );
    assert!(shown(&app, end + Duration::minutes(1)).is_empty());
    assert_eq!(app.check_milestones(end, UTC).unwrap().cooldown_until, None);
    // Stopped early: no notification.
    let again = end + Duration::hours(1);
    app.start_cooldown(again).unwrap();
    app.stop_cooldown(again, UTC).unwrap();
    assert!(shown(&app, again + Duration::minutes(10)).is_empty());
}
