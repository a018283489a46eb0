//! The engine's hot functions over ten years of data, generated through the
//! facade: the home screen (day count and the program), the no-contact
//! statistics (streaks, best run, totals), the notifier's check for what is
//! due, and an acknowledged (flushed) write.
//!
//! `cargo bench -p engine` (release profile: LTO, one codegen unit).

use chrono::{DateTime, Duration, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use engine::reflect::{Decision, Prompt};
use engine::{Crossroads, EventKind, ProfileInput};

const TZ: chrono_tz::Tz = chrono_tz::Europe::Berlin;

/// Ten years of one person's use ending at `now`, about one event a day
/// (the same mix as `cargo xtask bench`).
fn ten_years(dir: &std::path::Path, now: DateTime<Utc>) -> Crossroads {
    let engine = Crossroads::open(dir).expect("open");
    let t0 = now - Duration::days(3652);
    let profile = ProfileInput {
        ex_name: "Sam".into(),
        pronouns: "they".into(),
        breakup_date: (t0 - Duration::days(3)).format("%Y-%m-%d").to_string(),
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
        .save_reflection(Prompt::Reason, "We drifted apart.")
        .expect("reason");
    engine.decide(Decision::Try, t0, TZ).expect("decide");
    engine
        .start_no_contact(None, t0 + Duration::days(2), TZ)
        .expect("start");
    let mut seed: u64 = 0x5eed_c0ff_ee15_600d;
    let mut roll = |percent: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % 100 < percent
    };
    for day in 3..(now - t0).num_days() {
        let at = t0 + Duration::days(day) + Duration::hours(20);
        for (percent, kind) in [
            (80, EventKind::UrgeResisted),
            (15, EventKind::CheckedSocial),
            (3, EventKind::TheyContacted),
            (4, EventKind::Texted),
        ] {
            if roll(percent) {
                engine.log_event(kind, None, at, TZ).expect("event");
            }
        }
        if day % 30 == 0 {
            engine
                .save_draft(None, "I miss you.", false, at)
                .expect("draft");
        }
    }
    engine
}

fn hot(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = Utc::now();
    let engine = ten_years(dir.path(), now);
    c.bench_function("overview (home screen) at 10 years", |b| {
        b.iter(|| engine.overview(now, TZ).expect("overview"))
    });
    c.bench_function("no-contact statistics at 10 years", |b| {
        b.iter(|| engine.no_contact(now, TZ).expect("view"))
    });
    c.bench_function("due notifications (check) at 10 years", |b| {
        b.iter(|| engine.check_milestones(now, TZ).expect("check"))
    });
    c.bench_function("flushed write (save_reflection) at 10 years", |b| {
        b.iter(|| {
            engine
                .save_reflection(Prompt::Weight, "Small against the whole.")
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
