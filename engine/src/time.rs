//! Local wall-clock time and the instants it names, with the program's rule
//! for the times a clock change makes strange: a wall time that does not
//! exist (a DST gap) moves forward to the first instant that does, and an
//! ambiguous one (a DST fold) takes the earlier instant.

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

/// The longest gap any zone has had in one transition, with room to spare.
const LONGEST_GAP_MINUTES: i64 = 24 * 60;

/// The instant that the local wall time `local` names in `tz`.
///
/// ```
/// use chrono::NaiveDate;
/// use engine::time::resolve_local;
///
/// // 02:30 does not exist in Berlin on 2025-03-30: clocks jump from 02:00 to 03:00.
/// let gap = NaiveDate::from_ymd_opt(2025, 3, 30).unwrap().and_hms_opt(2, 30, 0).unwrap();
/// assert_eq!(resolve_local(gap, chrono_tz::Europe::Berlin).to_rfc3339(), "2025-03-30T01:00:00+00:00");
///
/// // 02:30 happens twice on 2025-10-26: the earlier (summer time) is taken.
/// let fold = NaiveDate::from_ymd_opt(2025, 10, 26).unwrap().and_hms_opt(2, 30, 0).unwrap();
/// assert_eq!(resolve_local(fold, chrono_tz::Europe::Berlin).to_rfc3339(), "2025-10-26T00:30:00+00:00");
/// ```
pub fn resolve_local(local: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(at) => at.with_timezone(&Utc),
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        LocalResult::None => first_valid_after_gap(local, tz),
    }
}

/// Transitions fall on whole minutes, so the first whole minute after
/// `local` that exists is where the gap ends.
fn first_valid_after_gap(local: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    let minute = local
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(local);
    for step in 1..=LONGEST_GAP_MINUTES {
        let candidate = minute + Duration::minutes(step);
        match tz.from_local_datetime(&candidate) {
            LocalResult::Single(at) => return at.with_timezone(&Utc),
            LocalResult::Ambiguous(earlier, _) => return earlier.with_timezone(&Utc),
            LocalResult::None => continue,
        }
    }
    // No real zone has a gap this long; read the wall time as UTC rather than fail.
    Utc.from_utc_datetime(&local)
}

/// The instant `days` calendar days after `start`, at the same local wall
/// time in `tz` (the rule for no-contact milestones).
pub fn same_wall_time_days_later(start: DateTime<Utc>, days: u32, tz: Tz) -> DateTime<Utc> {
    let local = start.with_timezone(&tz).naive_local();
    let target = local
        .date()
        .checked_add_days(chrono::Days::new(u64::from(days)))
        .map(|date| date.and_time(local.time()))
        .unwrap_or(local);
    resolve_local(target, tz)
}

/// How many whole days (by the rule above) have passed from `start` to
/// `now`: 0 before the first day is complete, and never negative.
pub fn whole_days_between(start: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> u32 {
    if now <= start {
        return 0;
    }
    let calendar_days = (now.with_timezone(&tz).date_naive()
        - start.with_timezone(&tz).date_naive())
    .num_days()
    .max(0);
    let mut days = u32::try_from(calendar_days).unwrap_or(u32::MAX);
    // The calendar count can be one ahead of (or, across a fold, one behind)
    // the wall-clock count; settle it against the rule itself.
    while days > 0 && same_wall_time_days_later(start, days, tz) > now {
        days -= 1;
    }
    while same_wall_time_days_later(start, days + 1, tz) <= now {
        days += 1;
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::instant;
    use chrono_tz::{America::New_York, Australia::Lord_Howe, Europe::Berlin, UTC};
    use proptest::prelude::*;

    fn at(text: &str) -> DateTime<Utc> {
        instant(text)
    }

    #[test]
    fn a_milestone_in_the_spring_gap_moves_forward_to_the_first_valid_instant() {
        // 02:30 CET on 29 March; on the 30th, 02:30 does not exist.
        let start = at("2025-03-29T01:30:00Z");
        assert_eq!(
            same_wall_time_days_later(start, 1, Berlin),
            at("2025-03-30T01:00:00Z")
        );
        assert_eq!(
            same_wall_time_days_later(start, 2, Berlin),
            at("2025-03-31T00:30:00Z")
        );
        // Just before 03:00 CEST it is still day 0; at 03:00 it is day 1.
        assert_eq!(
            whole_days_between(start, at("2025-03-30T00:59:59Z"), Berlin),
            0
        );
        assert_eq!(
            whole_days_between(start, at("2025-03-30T01:00:00Z"), Berlin),
            1
        );
    }

    #[test]
    fn a_milestone_in_the_autumn_fold_takes_the_earlier_instant() {
        // 02:30 CEST on 25 October; on the 26th, 02:30 happens twice.
        let start = at("2025-10-25T00:30:00Z");
        assert_eq!(
            same_wall_time_days_later(start, 1, Berlin),
            at("2025-10-26T00:30:00Z")
        );
        // The day after the fold is back to CET.
        assert_eq!(
            same_wall_time_days_later(start, 2, Berlin),
            at("2025-10-27T01:30:00Z")
        );
        assert_eq!(
            whole_days_between(start, at("2025-10-26T00:30:00Z"), Berlin),
            1
        );
        assert_eq!(
            whole_days_between(start, at("2025-10-26T01:29:59Z"), Berlin),
            1
        );
    }

    #[test]
    fn lord_howe_shifts_by_thirty_minutes_both_ways() {
        // DST starts 2025-10-05 02:00 (+10:30) -> 02:30 (+11:00).
        let start = at("2025-10-03T15:45:00Z"); // 02:15 local on the 4th
        assert_eq!(
            same_wall_time_days_later(start, 1, Lord_Howe),
            at("2025-10-04T15:30:00Z")
        );
        // DST ends 2025-04-06 02:00 (+11:00) -> 01:30 (+10:30): 01:45 is ambiguous.
        let start = at("2025-04-04T14:45:00Z"); // 01:45 +11:00 on the 5th
        assert_eq!(
            same_wall_time_days_later(start, 1, Lord_Howe),
            at("2025-04-05T14:45:00Z")
        );
        assert_eq!(
            same_wall_time_days_later(start, 2, Lord_Howe),
            at("2025-04-06T15:15:00Z")
        );
    }

    #[test]
    fn leap_days_count_as_days() {
        let start = at("2024-02-28T20:00:00Z");
        assert_eq!(
            same_wall_time_days_later(start, 1, UTC),
            at("2024-02-29T20:00:00Z")
        );
        assert_eq!(
            same_wall_time_days_later(start, 2, UTC),
            at("2024-03-01T20:00:00Z")
        );
        let leap = at("2024-02-29T08:00:00Z");
        assert_eq!(
            same_wall_time_days_later(leap, 365, UTC),
            at("2025-02-28T08:00:00Z")
        );
        assert_eq!(
            whole_days_between(leap, at("2025-02-28T07:59:59Z"), UTC),
            364
        );
    }

    #[test]
    fn before_the_start_the_count_is_zero_never_negative() {
        let start = at("2026-01-10T12:00:00Z");
        assert_eq!(
            whole_days_between(start, at("2025-01-01T00:00:00Z"), New_York),
            0
        );
        assert_eq!(whole_days_between(start, start, New_York), 0);
    }

    const ZONES: [Tz; 5] = [Berlin, Lord_Howe, New_York, UTC, chrono_tz::Asia::Kolkata];

    proptest! {
        #[test]
        fn the_day_count_never_decreases_while_the_clock_moves_forward(
            start_secs in 1_700_000_000i64..1_800_000_000,
            steps in proptest::collection::vec(0i64..200_000, 1..60),
            zone in 0usize..ZONES.len(),
        ) {
            let tz = ZONES[zone];
            let start = DateTime::from_timestamp(start_secs, 0).unwrap();
            let mut now = start;
            let mut last = 0;
            for step in steps {
                now += Duration::seconds(step);
                let days = whole_days_between(start, now, tz);
                prop_assert!(days >= last, "{days} < {last} at {now}");
                prop_assert!(same_wall_time_days_later(start, days, tz) <= now || days == 0);
                prop_assert!(same_wall_time_days_later(start, days + 1, tz) > now);
                last = days;
            }
        }
    }
}
