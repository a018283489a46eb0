//! Statistics for the Progress charts, for a range of local dates.
//!
//! One pass over each kind of record buckets it by local date (moods by the
//! date they were given for), then one pass over the days builds the
//! series: cheap for ten years of daily data. Days without data are gaps
//! (`None`), not zeros: a day counts as having data for the thought tally
//! when anything of step 4 was recorded on it (a thought, a mood or an
//! activity), so a day with a mood and no thoughts is a real zero.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{activities, local_date, moods, moods_since, thoughts, thoughts_since, ActivityKind};
use crate::error::Result;
use crate::no_contact;
use crate::store::Read;
use crate::time::{resolve_local, whole_days_between};

/// The most days "all time" covers.
pub const ALL_TIME_MAX_DAYS: u64 = 3660;

/// Which stretch of time to chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Range {
    /// The last 14 local days, today included.
    TwoWeeks,
    /// The last 91 local days (13 weeks).
    ThreeMonths,
    /// From the first record (at most ten years back).
    AllTime,
}

impl crate::choice::Offered for Range {
    const FIELD: &'static str = "range";
}

/// One local day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayPoint {
    /// The local date.
    pub date: NaiveDate,
    /// The mood given for the day (1 to 5).
    pub mood: Option<u8>,
    /// Times "I thought about them" (none: nothing recorded that day).
    pub thoughts: Option<u32>,
    /// The no-contact day count at the end of the day (none: not started).
    pub streak: Option<u32>,
}

/// One week (Monday to Sunday, local).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekPoint {
    /// Its Monday.
    pub week_start: NaiveDate,
    /// Activities with friends.
    pub friends: u32,
    /// Exercise.
    pub exercise: u32,
    /// Hobbies.
    pub hobby: u32,
    /// Anything else meaningful.
    pub other: u32,
    /// All of them.
    pub total: u32,
}

/// One no-contact streak that overlaps the range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StreakBar {
    /// The local date it began.
    pub started: NaiveDate,
    /// The local date a slip ended it; none for the current one.
    pub ended: Option<NaiveDate>,
    /// Whole days it lasted (so far).
    pub days: u32,
}

/// Which way a measure went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Went down.
    Fell,
    /// Went up.
    Rose,
    /// About the same.
    Steady,
}

/// How a measure changed: the average of its first week of data against
/// its last week of data, over `weeks` weeks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Trend {
    /// The average at the start (thoughts: whole numbers; mood: one decimal).
    pub from: f64,
    /// The average at the end.
    pub to: f64,
    /// Weeks between the two.
    pub weeks: u32,
    /// Fell, rose or steady.
    pub direction: Direction,
}

/// What the charts say, as numbers the UI words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Thoughts per day, once there are two weeks of data.
    pub thoughts: Option<Trend>,
    /// Mood, once there are two weeks of data.
    pub mood: Option<Trend>,
    /// Activities in the range.
    pub activities: u32,
    /// The longest no-contact streak (whole history).
    pub best_streak: u32,
    /// The current streak's days, once no contact has started.
    pub current_streak: Option<u32>,
}

/// Everything the Progress screen draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statistics {
    /// The range asked for.
    pub range: Range,
    /// Its first local date.
    pub from: NaiveDate,
    /// Its last local date (today).
    pub to: NaiveDate,
    /// Every day of the range, in order.
    pub days: Vec<DayPoint>,
    /// Every week touching the range, in order.
    pub weeks: Vec<WeekPoint>,
    /// Streaks that overlap the range, oldest first.
    pub streaks: Vec<StreakBar>,
    /// The summary.
    pub summary: Summary,
    /// Whether anything at all was recorded in the range.
    pub has_data: bool,
}

fn monday(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// Statistics for `range`, ending today (local) at `now`.
pub fn statistics(
    store: &impl Read,
    range: Range,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<Statistics> {
    let to = local_date(now, tz);
    // A fixed range reads its own days only; all time needs every record to
    // find the first one.
    let fixed_from = match range {
        Range::TwoWeeks => Some(to - Days::new(13)),
        Range::ThreeMonths => Some(to - Days::new(90)),
        Range::AllTime => None,
    };
    let (all_thoughts, all_moods) = match fixed_from {
        Some(from) => (thoughts_since(store, from, tz)?, moods_since(store, from)?),
        None => (thoughts(store)?, moods(store)?),
    };
    let mut thoughts_by_day: HashMap<NaiveDate, u32> = HashMap::new();
    for t in all_thoughts {
        *thoughts_by_day.entry(local_date(t.at, tz)).or_default() += 1;
    }
    let mood_by_day: HashMap<NaiveDate, u8> =
        all_moods.into_iter().map(|m| (m.date, m.score)).collect();
    let activities: Vec<(NaiveDate, ActivityKind)> = activities(store)?
        .iter()
        .map(|a| (local_date(a.at, tz), a.kind))
        .collect();
    let nc = no_contact::view(store, now, tz)?;
    // Streaks oldest first.
    let mut streaks: Vec<&no_contact::Streak> = nc.history.iter().rev().collect();
    streaks.extend(nc.current.iter());

    let from = match fixed_from {
        Some(from) => from,
        None => {
            let earliest = thoughts_by_day
                .keys()
                .chain(mood_by_day.keys())
                .chain(activities.iter().map(|(d, _)| d))
                .copied()
                .chain(streaks.first().map(|s| local_date(s.started_at, tz)))
                .min()
                .unwrap_or(to);
            earliest.clamp(to - Days::new(ALL_TIME_MAX_DAYS - 1), to)
        }
    };

    let mut activity_days: HashMap<NaiveDate, u32> = HashMap::new();
    let mut weeks: Vec<WeekPoint> = Vec::new();
    let first_monday = monday(from);
    let week_count = (to - first_monday).num_days() / 7 + 1;
    for w in 0..week_count {
        weeks.push(WeekPoint {
            week_start: first_monday + Days::new(7 * w.unsigned_abs()),
            friends: 0,
            exercise: 0,
            hobby: 0,
            other: 0,
            total: 0,
        });
    }
    let mut in_range_activities = 0;
    for (date, kind) in &activities {
        if *date < from || *date > to {
            continue;
        }
        in_range_activities += 1;
        *activity_days.entry(*date).or_default() += 1;
        let index = usize::try_from((monday(*date) - first_monday).num_days() / 7).unwrap_or(0);
        let week = &mut weeks[index];
        let counter = match kind {
            ActivityKind::Friends => &mut week.friends,
            ActivityKind::Exercise => &mut week.exercise,
            ActivityKind::Hobby => &mut week.hobby,
            ActivityKind::Other => &mut week.other,
        };
        *counter += 1;
        week.total += 1;
    }

    let mut days = Vec::new();
    let mut next_streak = 0;
    let mut date = from;
    let mut has_data = in_range_activities > 0;
    while date <= to {
        let mood = mood_by_day.get(&date).copied();
        let tapped = thoughts_by_day.get(&date).copied();
        let any = mood.is_some() || tapped.is_some() || activity_days.contains_key(&date);
        has_data |= any;
        // The day count at the end of the day (or now, for today).
        let end = if date == to {
            now
        } else {
            date.succ_opt().map_or(now, |next| {
                resolve_local(next.and_time(chrono::NaiveTime::MIN), tz)
            })
        };
        while next_streak < streaks.len() && streaks[next_streak].started_at <= end {
            next_streak += 1;
        }
        let streak = next_streak
            .checked_sub(1)
            .map(|i| streaks[i])
            .map(|s| whole_days_between(s.started_at, s.ended_at.map_or(end, |e| e.min(end)), tz));
        days.push(DayPoint {
            date,
            mood,
            thoughts: any.then(|| tapped.unwrap_or(0)),
            streak,
        });
        date = match date.succ_opt() {
            Some(next) => next,
            None => break,
        };
    }

    let bars = streaks
        .iter()
        .filter(|s| s.ended_at.is_none_or(|e| local_date(e, tz) >= from))
        .map(|s| StreakBar {
            started: local_date(s.started_at, tz),
            ended: s.ended_at.map(|e| local_date(e, tz)),
            days: s.days,
        })
        .collect();

    let thought_points: Vec<(NaiveDate, f64)> = days
        .iter()
        .filter_map(|d| d.thoughts.map(|t| (d.date, f64::from(t))))
        .collect();
    let mood_points: Vec<(NaiveDate, f64)> = days
        .iter()
        .filter_map(|d| d.mood.map(|m| (d.date, f64::from(m))))
        .collect();
    let summary = Summary {
        thoughts: trend(&thought_points, 1.0),
        mood: trend(&mood_points, 10.0),
        activities: in_range_activities,
        best_streak: nc.best_days,
        current_streak: nc.current.as_ref().map(|c| c.days),
    };
    Ok(Statistics {
        range,
        from,
        to,
        days,
        weeks,
        streaks: bars,
        summary,
        has_data,
    })
}

/// The trend of `points` (date order): the mean of the first week of data
/// against the mean of the last, rounded to `1 / precision`. None until the
/// data spans two weeks.
pub fn trend(points: &[(NaiveDate, f64)], precision: f64) -> Option<Trend> {
    let (first, last) = (points.first()?.0, points.last()?.0);
    let span = (last - first).num_days();
    if span < 13 {
        return None;
    }
    let mean = |window: Vec<f64>| window.iter().sum::<f64>() / window.len() as f64;
    let start = mean(
        points
            .iter()
            .take_while(|(d, _)| (*d - first).num_days() < 7)
            .map(|(_, v)| *v)
            .collect(),
    );
    let end = mean(
        points
            .iter()
            .skip_while(|(d, _)| (last - *d).num_days() >= 7)
            .map(|(_, v)| *v)
            .collect(),
    );
    let round = |v: f64| (v * precision).round() / precision;
    let (from, to) = (round(start), round(end));
    let direction = if to < from {
        Direction::Fell
    } else if to > from {
        Direction::Rose
    } else {
        Direction::Steady
    };
    Some(Trend {
        from,
        to,
        weeks: u32::try_from((span + 3) / 7).unwrap_or(u32::MAX),
        direction,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::life::{count_thought, save_activity, save_mood, ActivityInput};
    use crate::store::Store;
    use crate::test_support::{instant, temp_store};
    use chrono::Duration;
    use chrono_tz::{America::New_York, Europe::Berlin};

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn thought(store: &Store, at: &str) {
        store.transact(|tx| count_thought(tx, instant(at))).unwrap();
    }

    fn day<'a>(stats: &'a Statistics, d: &str) -> &'a DayPoint {
        stats.days.iter().find(|p| p.date == date(d)).unwrap()
    }

    #[test]
    fn days_are_local_across_spring_forward() {
        let (_dir, store) = temp_store();
        // 2025-03-30 in Berlin is 23 hours long: 00:30 CET to 23:30 CEST.
        thought(&store, "2025-03-29T23:30:00Z"); // 00:30 on the 30th
        thought(&store, "2025-03-30T21:30:00Z"); // 23:30 on the 30th
        thought(&store, "2025-03-30T22:30:00Z"); // 00:30 on the 31st
        let stats = statistics(
            &store,
            Range::TwoWeeks,
            instant("2025-04-02T12:00:00Z"),
            Berlin,
        )
        .unwrap();
        assert_eq!(day(&stats, "2025-03-30").thoughts, Some(2));
        assert_eq!(day(&stats, "2025-03-31").thoughts, Some(1));
        assert_eq!(
            day(&stats, "2025-03-29").thoughts,
            None,
            "a gap, not a zero"
        );
        assert_eq!(stats.days.len(), 14);
        assert_eq!(stats.to, date("2025-04-02"));
    }

    #[test]
    fn days_are_local_across_fall_back() {
        let (_dir, store) = temp_store();
        // 2025-10-26 in Berlin is 25 hours long: 00:30 CEST to 23:30 CET.
        thought(&store, "2025-10-25T22:30:00Z");
        thought(&store, "2025-10-26T00:30:00Z"); // 02:30, the first time
        thought(&store, "2025-10-26T01:30:00Z"); // 02:30, the second time
        thought(&store, "2025-10-26T22:30:00Z");
        thought(&store, "2025-10-26T23:30:00Z"); // the 27th
        let stats = statistics(
            &store,
            Range::TwoWeeks,
            instant("2025-10-28T12:00:00Z"),
            Berlin,
        )
        .unwrap();
        assert_eq!(day(&stats, "2025-10-26").thoughts, Some(4));
        assert_eq!(day(&stats, "2025-10-27").thoughts, Some(1));
        // One week from Monday the 20th holds the Sunday; the 27th starts the next.
        assert_eq!(stats.weeks.last().unwrap().week_start, date("2025-10-27"));
    }

    #[test]
    fn a_zone_change_moves_taps_but_not_the_mood_of_a_day() {
        let (_dir, store) = temp_store();
        // Given at 23:30 in Berlin on 1 May: that day's mood.
        let at = instant("2026-05-01T21:30:00Z");
        store
            .transact(|tx| save_mood(tx, 4, None, false, at, Berlin))
            .unwrap();
        thought(&store, "2026-05-02T02:00:00Z"); // the 2nd in Berlin, the 1st in New York
        let now = instant("2026-05-03T12:00:00Z");
        let berlin = statistics(&store, Range::TwoWeeks, now, Berlin).unwrap();
        let ny = statistics(&store, Range::TwoWeeks, now, New_York).unwrap();
        assert_eq!(day(&berlin, "2026-05-01").mood, Some(4));
        assert_eq!(day(&ny, "2026-05-01").mood, Some(4));
        assert_eq!(day(&berlin, "2026-05-02").thoughts, Some(1));
        assert_eq!(day(&ny, "2026-05-01").thoughts, Some(1));
        assert_eq!(day(&ny, "2026-05-02").thoughts, None);
        // A mood day without taps is a real zero.
        assert_eq!(day(&berlin, "2026-05-01").thoughts, Some(0));
    }

    #[test]
    fn activities_are_counted_per_week_by_kind() {
        let (_dir, store) = temp_store();
        let now = instant("2026-05-14T12:00:00Z"); // a Thursday
        for (kind, when) in [
            (ActivityKind::Friends, "2026-05-04T10:00"),
            (ActivityKind::Friends, "2026-05-10T22:00"),
            (ActivityKind::Exercise, "2026-05-11T07:00"),
            (ActivityKind::Other, "2026-03-01T07:00"),
        ] {
            let input = ActivityInput {
                kind: crate::choice::Choice::Picked(kind),
                when: Some(when.into()),
                note: None,
            };
            store
                .transact(|tx| save_activity(tx, None, &input, now, Berlin))
                .unwrap();
        }
        let stats = statistics(&store, Range::TwoWeeks, now, Berlin).unwrap();
        let weeks: Vec<_> = stats
            .weeks
            .iter()
            .map(|w| (w.week_start.to_string(), w.friends, w.exercise, w.total))
            .collect();
        assert_eq!(
            weeks,
            [
                ("2026-04-27".to_owned(), 0, 0, 0),
                ("2026-05-04".to_owned(), 2, 0, 2),
                ("2026-05-11".to_owned(), 0, 1, 1)
            ]
        );
        assert_eq!(stats.summary.activities, 3);
        let all = statistics(&store, Range::AllTime, now, Berlin).unwrap();
        assert_eq!(all.from, date("2026-03-01"));
        assert_eq!(all.summary.activities, 4);
    }

    #[test]
    fn thoughts_falling_from_twelve_to_four_over_three_weeks() {
        let (_dir, store) = temp_store();
        let start = instant("2026-05-01T09:00:00Z");
        // 22 days: 12 a day the first week, 8 the second, 4 from day 15 on.
        for d in 0..22 {
            let count = if d < 7 {
                12
            } else if d < 14 {
                8
            } else {
                4
            };
            for i in 0..count {
                let at = start + Duration::days(d) + Duration::minutes(i);
                store.transact(|tx| count_thought(tx, at)).unwrap();
            }
        }
        let now = start + Duration::days(21) + Duration::hours(2);
        let stats = statistics(&store, Range::ThreeMonths, now, Berlin).unwrap();
        let trend = stats.summary.thoughts.unwrap();
        assert_eq!(
            (trend.from, trend.to, trend.weeks, trend.direction),
            (12.0, 4.0, 3, Direction::Fell)
        );
        assert_eq!(stats.summary.mood, None, "no moods yet");
        let two = statistics(&store, Range::TwoWeeks, now, Berlin).unwrap();
        // The last two weeks begin with six days of 8 and one of 4.
        assert_eq!(two.summary.thoughts.unwrap().from, 7.0);
    }

    #[test]
    fn a_trend_needs_two_weeks_and_rounds_mood_to_a_tenth() {
        let d = |n: u64| date("2026-01-01") + Days::new(n);
        assert_eq!(trend(&[(d(0), 3.0), (d(12), 4.0)], 10.0), None);
        let t = trend(
            &[(d(0), 2.0), (d(1), 3.0), (d(13), 4.0), (d(14), 5.0)],
            10.0,
        )
        .unwrap();
        assert_eq!(
            (t.from, t.to, t.weeks, t.direction),
            (2.5, 4.5, 2, Direction::Rose)
        );
        let t = trend(&[(d(0), 3.0), (d(20), 3.0)], 1.0).unwrap();
        assert_eq!(t.direction, Direction::Steady);
        assert_eq!(trend(&[], 1.0), None);
    }

    #[test]
    fn the_streak_history_rises_and_starts_again_after_a_slip() {
        let (_dir, store) = temp_store();
        let t0 = instant("2026-05-01T08:00:00Z");
        crate::test_support::open_through_step_one(&store, t0);
        store
            .transact(|tx| {
                crate::no_contact::start(
                    tx,
                    Some("2026-05-01T10:00"),
                    t0 + Duration::hours(1),
                    Berlin,
                )
            })
            .unwrap();
        store
            .transact(|tx| {
                crate::no_contact::log(
                    tx,
                    crate::EventKind::Texted,
                    None,
                    instant("2026-05-05T12:00:00Z"),
                )
            })
            .unwrap();
        let now = instant("2026-05-08T12:00:00Z");
        let stats = statistics(&store, Range::TwoWeeks, now, Berlin).unwrap();
        let series: Vec<_> = stats
            .days
            .iter()
            .filter(|d| d.date >= date("2026-04-30"))
            .map(|d| d.streak)
            .collect();
        assert_eq!(
            series,
            [
                None,
                Some(0),
                Some(1),
                Some(2),
                Some(3),
                Some(0),
                Some(1),
                Some(2),
                Some(3)
            ]
        );
        assert_eq!(stats.streaks.len(), 2);
        assert_eq!(stats.streaks[0].days, 4);
        assert_eq!(stats.summary.best_streak, 4);
        assert_eq!(stats.summary.current_streak, Some(3));
    }

    #[test]
    fn ten_years_of_daily_data_is_quick() {
        let (_dir, store) = temp_store();
        let start = instant("2016-06-01T08:00:00Z");
        let now = start + Duration::days(3650);
        // One transaction per year keeps the setup short.
        for year in 0..10 {
            store
                .transact(|tx| {
                    for d in (year * 365)..((year + 1) * 365) {
                        let at = start + Duration::days(d);
                        for i in 0..3 {
                            count_thought(tx, at + Duration::minutes(i))?;
                        }
                        let mood = crate::life::Mood {
                            date: local_date(at, Berlin),
                            score: u8::try_from(d % 5 + 1).unwrap(),
                            note: None,
                            at,
                        };
                        tx.put(
                            crate::store::Tree::Moods,
                            &crate::life::date_key(mood.date),
                            &mood,
                        )?;
                        if d % 3 == 0 {
                            let input = ActivityInput {
                                kind: crate::choice::Choice::Picked(ActivityKind::Hobby),
                                when: None,
                                note: None,
                            };
                            save_activity(tx, None, &input, at, Berlin)?;
                        }
                    }
                    Ok(())
                })
                .unwrap();
        }
        // Speed is measured by benchmarks, never asserted here (shared,
        // noisy machines): this only checks ten years come out whole.
        let stats = statistics(&store, Range::AllTime, now, Berlin).unwrap();
        assert!(stats.days.len() >= 3650, "{}", stats.days.len());
        assert!(stats.weeks.len() >= 520);
    }

    /// The store read in full, as before fixed ranges read by key: every
    /// record, whatever key is asked from (the callers go by local date).
    struct FullScan<'a>(&'a Store);

    impl Read for FullScan<'_> {
        fn get<T: serde::de::DeserializeOwned>(
            &self,
            tree: crate::store::Tree,
            key: &[u8],
        ) -> crate::error::Result<Option<T>> {
            self.0.get(tree, key)
        }
        fn values<T: serde::de::DeserializeOwned>(
            &self,
            tree: crate::store::Tree,
        ) -> crate::error::Result<Vec<T>> {
            self.0.values(tree)
        }
        fn entries<T: serde::de::DeserializeOwned>(
            &self,
            tree: crate::store::Tree,
        ) -> crate::error::Result<Vec<(Vec<u8>, T)>> {
            self.0.entries(tree)
        }
        fn entries_from<T: serde::de::DeserializeOwned>(
            &self,
            tree: crate::store::Tree,
            _from: &[u8],
        ) -> crate::error::Result<Vec<(Vec<u8>, T)>> {
            self.0.entries(tree)
        }
    }

    #[test]
    fn fixed_ranges_read_by_key_come_out_as_a_full_read_in_any_zone() {
        let (_dir, store) = temp_store();
        let now = instant("2026-04-02T10:30:00Z");
        // 120 days of thoughts every seven hours (so every local hour of the
        // day is hit, midnights included, across the spring change), and a
        // mood each day.
        let first = now - Duration::days(120);
        store
            .transact(|tx| {
                let mut at = first;
                while at <= now {
                    count_thought(tx, at)?;
                    at += Duration::hours(7);
                }
                for d in 0..=120 {
                    let noon = first + Duration::days(d);
                    save_mood(tx, d % 5 + 1, None, true, noon, Berlin)?;
                }
                Ok(())
            })
            .unwrap();
        use chrono_tz::Pacific::{Auckland, Kiritimati, Pago_Pago};
        for tz in [Berlin, New_York, Auckland, Kiritimati, Pago_Pago] {
            for range in [Range::TwoWeeks, Range::ThreeMonths, Range::AllTime] {
                let by_key = statistics(&store, range, now, tz).unwrap();
                let full = statistics(&FullScan(&store), range, now, tz).unwrap();
                assert_eq!(by_key, full, "{tz} {range:?}");
                assert!(by_key.has_data, "{tz} {range:?}");
            }
        }
    }
}
