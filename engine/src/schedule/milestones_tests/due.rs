//! Milestones: when each is due, quiet hours, and sends that fail.

use super::*;

#[test]
fn a_back_dated_start_past_several_milestones_gives_one_summary_then_each_in_turn() {
    let (_dir, store) = temp_store();
    let now = instant("2026-03-10T12:00:00Z");
    store
        .transact(|tx| start(tx, Some("2026-03-03T12:00:05"), now, UTC))
        .unwrap();
    let first = check(&store, now, UTC).unwrap();
    assert_eq!(
        first.announce,
        Some(Announcement::Summary {
            days: 6,
            milestones: vec![1, 3]
        })
    );
    assert_eq!(first.day, Some(6));
    assert_eq!(first.next_due, Some(instant("2026-03-10T12:00:05Z")));
    assert_eq!(check(&store, now, UTC).unwrap().announce, None);
    let seventh = check(&store, instant("2026-03-10T12:00:05Z"), UTC).unwrap();
    assert_eq!(seventh.announce, Some(Announcement::Milestone { days: 7 }));
    assert_eq!(seventh.day, Some(7));
}

#[test]
fn nothing_is_announced_twice_after_a_restart_a_zone_change_or_the_clock_going_back() {
    let (dir, store) = temp_store();
    let t0 = instant("2026-03-01T08:00:00Z");
    store.transact(|tx| start(tx, None, t0, Berlin)).unwrap();
    let day1 = t0 + Duration::days(1);
    assert_eq!(
        check(&store, day1, Berlin).unwrap().announce,
        Some(Announcement::Milestone { days: 1 })
    );
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(check(&store, day1, Berlin).unwrap().announce, None);
    // New York is behind Berlin: the same wall time falls later, and day 1
    // is not reached there yet; it is still never announced again.
    assert_eq!(
        check(&store, day1 + Duration::hours(7), New_York)
            .unwrap()
            .announce,
        None
    );
    assert_eq!(
        check(&store, t0 - Duration::days(30), Berlin)
            .unwrap()
            .announce,
        None
    );
    assert_eq!(
        check(&store, t0 - Duration::days(30), Berlin).unwrap().day,
        Some(0)
    );
}

#[test]
fn quiet_hours_hold_a_milestone_until_they_end() {
    let (_dir, store) = temp_store();
    let now = instant("2026-03-01T23:00:00Z");
    let input = SettingsInput {
        quiet_hours_enabled: true,
        quiet_start: "22:00".into(),
        quiet_end: "07:00".into(),
        ..settings_input("1, 3")
    };
    store
        .transact(|tx| save_settings(tx, &input, now, UTC))
        .unwrap();
    store.transact(|tx| start(tx, None, now, UTC)).unwrap();
    let held = check(&store, now + Duration::days(1), UTC).unwrap();
    assert_eq!(held.announce, None);
    assert_eq!(held.next_due, Some(instant("2026-03-03T07:00:00Z")));
    let released = check(&store, instant("2026-03-03T07:00:00Z"), UTC).unwrap();
    assert_eq!(released.announce, Some(Announcement::Milestone { days: 1 }));
}

#[test]
fn with_notifications_off_milestones_pass_silently_and_never_flood_later() {
    let (_dir, store) = temp_store();
    let t0 = instant("2026-03-01T10:00:00Z");
    let off = SettingsInput {
        notifications: false,
        ..settings_input("1, 3, 7")
    };
    store
        .transact(|tx| save_settings(tx, &off, t0, UTC))
        .unwrap();
    store.transact(|tx| start(tx, None, t0, UTC)).unwrap();
    assert_eq!(
        check(&store, t0 + Duration::days(4), UTC).unwrap().announce,
        None
    );
    store
        .transact(|tx| save_settings(tx, &settings_input("1, 3, 7"), t0 + Duration::days(4), UTC))
        .unwrap();
    assert_eq!(
        check(&store, t0 + Duration::days(4), UTC).unwrap().announce,
        None
    );
    assert_eq!(
        check(&store, t0 + Duration::days(7), UTC).unwrap().announce,
        Some(Announcement::Milestone { days: 7 })
    );
}

#[test]
fn adding_a_milestone_that_has_already_passed_does_not_notify() {
    let (_dir, store) = temp_store();
    let t0 = instant("2026-03-01T10:00:00Z");
    store.transact(|tx| start(tx, None, t0, UTC)).unwrap();
    let now = t0 + Duration::days(5);
    check(&store, now, UTC).unwrap();
    store
        .transact(|tx| save_settings(tx, &settings_input("1, 2, 3, 7"), now, UTC))
        .unwrap();
    assert_eq!(check(&store, now, UTC).unwrap().announce, None);
}

#[test]
fn a_new_streak_announces_its_milestones_afresh() {
    let (_dir, store) = temp_store();
    let t0 = instant("2026-03-01T10:00:00Z");
    store.transact(|tx| start(tx, None, t0, UTC)).unwrap();
    check(&store, t0 + Duration::days(2), UTC).unwrap();
    let slip = t0 + Duration::days(2);
    store
        .transact(|tx| log(tx, EventKind::Replied, None, slip))
        .unwrap();
    assert_eq!(
        check(&store, slip + Duration::days(1), UTC)
            .unwrap()
            .announce,
        Some(Announcement::Milestone { days: 1 })
    );
}

#[test]
fn saving_the_same_settings_keeps_a_reached_milestone_due() {
    let (_dir, store) = temp_store();
    let t0 = instant("2026-03-01T10:00:00Z");
    store.transact(|tx| start(tx, None, t0, UTC)).unwrap();
    let day1 = t0 + Duration::days(1);
    store
        .transact(|tx| {
            save_settings(
                tx,
                &settings_input("1, 3, 7, 14, 21, 30, 60, 90"),
                day1,
                UTC,
            )
        })
        .unwrap();
    assert_eq!(
        check(&store, day1, UTC).unwrap().announce,
        Some(Announcement::Milestone { days: 1 })
    );
}

#[test]
fn a_failed_send_waits_and_is_offered_again_until_the_service_takes_it() {
    let (_dir, store) = temp_store();
    let now = instant("2026-03-10T12:00:00Z");
    store
        .transact(|tx| start(tx, Some("2026-03-03T11:00"), now, UTC))
        .unwrap();
    let first = store
        .transact(|tx| crate::schedule::check(tx, now, UTC))
        .unwrap();
    let pending = first.announce.unwrap();
    assert_eq!(
        pending.announcement,
        Announcement::Summary {
            days: 7,
            milestones: vec![1, 3, 7]
        }
    );
    // The service is not there yet (a hidden autostart): it waits.
    store
        .transact(|tx| outbox::failed(tx, pending.id, now))
        .unwrap();
    let waiting = store
        .transact(|tx| crate::schedule::check(tx, now, UTC))
        .unwrap();
    assert_eq!(waiting.announce, None);
    assert_eq!(waiting.next_due, Some(now + outbox::FIRST_RETRY));
    // A restart keeps it waiting, not lost.
    let later = now + Duration::seconds(6);
    let again = store
        .transact(|tx| crate::schedule::check(tx, later, UTC))
        .unwrap();
    assert_eq!(again.announce.as_ref().map(|p| p.id), Some(pending.id));
    store
        .transact(|tx| outbox::failed(tx, pending.id, later))
        .unwrap();
    let retry = later + Duration::seconds(10);
    let shown = store
        .transact(|tx| crate::schedule::check(tx, retry, UTC))
        .unwrap();
    assert_eq!(shown.announce.as_ref().map(|p| p.id), Some(pending.id));
    store
        .transact(|tx| outbox::confirm(tx, pending.id))
        .unwrap();
    assert_eq!(check(&store, retry, UTC).unwrap().announce, None);
}

#[test]
fn milestones_reached_while_one_waits_join_it_in_one_summary() {
    let (_dir, store) = temp_store();
    let t0 = instant("2026-03-01T10:00:00Z");
    store.transact(|tx| start(tx, None, t0, UTC)).unwrap();
    let day1 = store
        .transact(|tx| crate::schedule::check(tx, t0 + Duration::days(1), UTC))
        .unwrap()
        .announce
        .unwrap();
    store
        .transact(|tx| outbox::failed(tx, day1.id, t0 + Duration::days(1)))
        .unwrap();
    let day3 = check(&store, t0 + Duration::days(3), UTC).unwrap();
    assert_eq!(
        day3.announce,
        Some(Announcement::Summary {
            days: 3,
            milestones: vec![1, 3]
        })
    );
    assert_eq!(
        check(&store, t0 + Duration::days(4), UTC).unwrap().announce,
        None
    );
}

#[test]
fn a_slip_makes_a_waiting_milestone_of_the_old_streak_moot() {
    let (_dir, store) = temp_store();
    let t0 = instant("2026-03-01T10:00:00Z");
    store.transact(|tx| start(tx, None, t0, UTC)).unwrap();
    let day1 = t0 + Duration::days(1);
    let pending = store
        .transact(|tx| crate::schedule::check(tx, day1, UTC))
        .unwrap()
        .announce
        .unwrap();
    store
        .transact(|tx| outbox::failed(tx, pending.id, day1))
        .unwrap();
    store
        .transact(|tx| log(tx, EventKind::Texted, None, day1 + Duration::hours(1)))
        .unwrap();
    let after = check(&store, day1 + Duration::hours(2), UTC).unwrap();
    assert_eq!(after.announce, None);
    assert_eq!(outbox::pending(&store).unwrap(), vec![]);
}
