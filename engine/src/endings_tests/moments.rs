//! Warmth: milestones and endings get a quiet moment in the window.

use super::*;

#[test]
fn days_seven_fourteen_and_thirty_each_get_one_moment_in_the_window() {
    use crate::moments::Moment;
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let at = |days: i64| t0 + Duration::days(days);
    assert_eq!(app.moment(at(6), UTC).unwrap(), None);
    let seven = Moment::Milestone {
        days: 7,
        moving_on: false,
    };
    assert_eq!(app.moment(at(7), UTC).unwrap(), Some(seven));
    let before = app.commit_count();
    let fourteen = Moment::Milestone {
        days: 14,
        moving_on: false,
    };
    assert_eq!(
        app.acknowledge_moment(fourteen, at(7), UTC)
            .unwrap_err()
            .kind(),
        ErrorKind::OutOfOrder,
        "only the moment due can be closed"
    );
    assert_eq!(app.commit_count(), before, "nothing written");
    assert_eq!(app.acknowledge_moment(seven, at(7), UTC).unwrap(), None);
    assert_eq!(app.moment(at(13), UTC).unwrap(), None, "once");
    assert_eq!(app.moment(at(14), UTC).unwrap(), Some(fourteen));
    app.acknowledge_moment(fourteen, at(14), UTC).unwrap();
    // Away until day 40: one moment, the highest, not three.
    let thirty = Moment::Milestone {
        days: 30,
        moving_on: false,
    };
    assert_eq!(app.moment(at(40), UTC).unwrap(), Some(thirty));
    app.acknowledge_moment(thirty, at(40), UTC).unwrap();
    assert_eq!(app.moment(at(41), UTC).unwrap(), None);
    // A slip starts a new run: its own day 7 comes in time.
    app.log_event(EventKind::Met, None, at(41), UTC).unwrap();
    assert_eq!(app.moment(at(47), UTC).unwrap(), None);
    assert_eq!(app.moment(at(48), UTC).unwrap(), Some(seven));
}

#[test]
fn the_ending_reached_gets_its_moment_first_and_back_together_ends_the_count() {
    use crate::moments::Moment;
    let (_dir, app) = open_app();
    let t0 = instant("2026-02-01T20:00:00Z");
    ready(&app, t0, UTC);
    let day9 = t0 + Duration::days(9);
    app.choose_moving_on(day9, UTC).unwrap();
    let ending = Moment::Ending {
        ending: Ending::MovingOn,
    };
    assert_eq!(app.moment(day9, UTC).unwrap(), Some(ending));
    // Then the run's day 7, as days of moving on.
    assert_eq!(
        app.acknowledge_moment(ending, day9, UTC).unwrap(),
        Some(Moment::Milestone {
            days: 7,
            moving_on: true
        })
    );

    let (_dir, other) = open_app();
    ready(&other, t0, UTC);
    let day20 = t0 + Duration::days(20);
    other
        .acknowledge_moment(
            Moment::Milestone {
                days: 14,
                moving_on: false,
            },
            day20,
            UTC,
        )
        .unwrap();
    other
        .record_outcome(Outcome::WantToTry, day20, UTC)
        .unwrap();
    let together = Moment::Ending {
        ending: Ending::Together,
    };
    assert_eq!(other.moment(day20, UTC).unwrap(), Some(together));
    other.acknowledge_moment(together, day20, UTC).unwrap();
    assert_eq!(
        other.moment(t0 + Duration::days(40), UTC).unwrap(),
        None,
        "back together: no count, no milestone moments"
    );
}
