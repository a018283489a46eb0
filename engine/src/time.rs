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
