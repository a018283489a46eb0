//! The engine's hot functions over ten years of data, generated through the
//! facade: the home screen (day count and the program), the no-contact
//! statistics (streaks, best run, totals), the Progress screen's step-4
//! statistics (all time and two weeks), the notifier's check for what is
//! due, and an acknowledged (flushed) write.
//!
//! `cargo bench -p engine` (release profile: LTO, one codegen unit).

use chrono::{DateTime, Days, Duration, NaiveDate, NaiveTime, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use engine::life::journal::{self, Prompt as JournalPrompt};
use engine::life::stats::Range;
use engine::life::{ActivityInput, ActivityKind, TriggerInput, TriggerKind};
use engine::program::StepId;
use engine::reflect::{Decision, Prompt};
use engine::{Crossroads, EventKind, ProfileInput};

const TZ: chrono_tz::Tz = chrono_tz::Europe::Berlin;

/// A small deterministic generator (as in `cargo xtask bench`).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Ten years of one person's use ending at `now` (the same mix as
/// `cargo xtask bench`): about one no-contact event a day, and step 4:
/// thoughts counted most days (up to a dozen a day at first, one later), a
/// mood most days, a few activities a week of each kind, a handful of
/// trigger plans, a journal entry now and then. Each day's entries fall
/// on one local date, in time order.
fn ten_years(dir: &std::path::Path, now: DateTime<Utc>) -> Crossroads {
    let engine = Crossroads::open(dir).expect("open");
    let first = (now - Duration::days(3652)).with_timezone(&TZ).date_naive();
    let midnight = |date: NaiveDate| engine::time::resolve_local(date.and_time(NaiveTime::MIN), TZ);
    let t0 = midnight(first) + Duration::hours(19);
    let profile = ProfileInput {
        ex_name: "Sam".into(),
        pronouns: "they".into(),
        breakup_date: (first - Days::new(3)).format("%Y-%m-%d").to_string(),
        ended_by: "them".into(),
    };
    engine.save_profile(&profile, t0, TZ).expect("profile");
    let no = || "no".into();
    let answers = engine::dealbreakers::AnswersInput {
        cheated: no(),
        lied: no(),
        put_down: no(),
        abusive: no(),
    };
    engine.answer_dealbreakers(&answers, t0).expect("answers");
    engine
        .save_reflection(Prompt::Reason, "We drifted apart.", t0)
        .expect("reason");
    engine.decide(Decision::Try, t0, TZ).expect("decide");
    // Step 4 opens with no contact.
    engine
        .start_no_contact(None, t0 + Duration::days(2), TZ)
        .expect("start");
    let triggers = [
        (3, TriggerKind::TimeOfDay, "Waking up", Some("07:30")),
        (6, TriggerKind::Place, "Our café on the corner", None),
        (12, TriggerKind::Situation, "Sunday evenings alone", None),
        (40, TriggerKind::Situation, "Our song coming on", None),
        (200, TriggerKind::TimeOfDay, "Half past ten", Some("22:30")),
    ];
    let mut rng = Lcg(0x5eed_c0ff_ee15_600d);
    let days = (now.with_timezone(&TZ).date_naive() - first).num_days();
    for day in 3..days {
        let date = first + Days::new(day.unsigned_abs());
        // Hours and minutes after local midnight (under 23 hours, so on
        // the date even on the day the clocks go forward).
        let base = midnight(date);
        let at = |minutes: i64| base + Duration::minutes(minutes);
        if rng.chance(85) {
            let most = 1 + 12 * 120 / (day.unsigned_abs() + 120);
            for k in 0..1 + rng.next() % most {
                let when = at(7 * 60 + 50 * k as i64);
                engine.count_thought(when, TZ).expect("thought");
            }
        }
        for (i, kind) in ActivityKind::ALL.into_iter().enumerate() {
            if rng.chance(35) {
                let input = ActivityInput {
                    kind: engine::choice::Choice::Picked(kind),
                    when: None,
                    note: rng.chance(25).then(|| "Dinner with Mia and Jo.".into()),
                };
                let when = at(17 * 60 + 10 * i as i64);
                engine.log_activity(&input, when, TZ).expect("activity");
            }
        }
        for (made_on, kind, moment, reminder) in triggers {
            if made_on == day {
                let input = TriggerInput {
                    kind: engine::choice::Choice::Picked(kind),
                    moment: moment.into(),
                    plan: "A walk, then call Mia.".into(),
                    reminder: reminder.map(Into::into),
                };
                engine
                    .save_trigger(None, &input, at(18 * 60), TZ)
                    .expect("trigger");
            }
        }
        for (percent, kind) in [
            (80, EventKind::UrgeResisted),
            (15, EventKind::CheckedSocial),
            (3, EventKind::TheyContacted),
            (4, EventKind::Texted),
        ] {
            if rng.chance(percent) {
                engine
                    .log_event(kind, None, at(20 * 60), TZ)
                    .expect("event");
            }
        }
        if rng.chance(80) {
            let score = (2 + 3 * day / days + (rng.next() % 3) as i64 - 1).clamp(1, 5);
            engine
                .save_mood(score, None, false, at(21 * 60), TZ)
                .expect("mood");
        }
        if rng.chance(8) {
            let prompt: Option<JournalPrompt> = rng
                .chance(50)
                .then(|| journal::prompt_of_the_day(StepId::LiveYourLife, date));
            let text = "Today was quieter than last week. I noticed I checked my phone \
                        less, and when I did, it was out of habit more than hope.";
            engine
                .save_journal_entry(None, text, prompt, at(22 * 60))
                .expect("journal");
        }
        if day % 30 == 0 {
            engine
                .save_draft(None, "I miss you.", false, at(22 * 60 + 30))
                .expect("draft");
        }
    }
    engine
}

fn hot(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = Utc::now();
    let started = std::time::Instant::now();
    let engine = ten_years(dir.path(), now);
    eprintln!(
        "ten years generated through the facade in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    c.bench_function("overview (home screen) at 10 years", |b| {
        b.iter(|| engine.overview(now, TZ).expect("overview"))
    });
    c.bench_function("no-contact statistics at 10 years", |b| {
        b.iter(|| engine.no_contact(now, TZ).expect("view"))
    });
    c.bench_function("step-4 statistics all time at 10 years", |b| {
        b.iter(|| engine.statistics(Range::AllTime, now, TZ).expect("stats"))
    });
    c.bench_function("step-4 statistics two weeks at 10 years", |b| {
        b.iter(|| engine.statistics(Range::TwoWeeks, now, TZ).expect("stats"))
    });
    c.bench_function("step-4 screen (thoughts today, moods) at 10 years", |b| {
        b.iter(|| engine.life(now, TZ).expect("life"))
    });
    c.bench_function("due notifications (check) at 10 years", |b| {
        b.iter(|| engine.check_milestones(now, TZ).expect("check"))
    });
    c.bench_function("flushed write (save_reflection) at 10 years", |b| {
        b.iter(|| {
            engine
                .save_reflection(Prompt::Weight, "Small against the whole.", now)
                .expect("write")
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = hot
}
criterion_main!(benches);
