//! Ten years of one person's use, generated through the engine facade (the
//! same calls the commands make, each with its instant pinned) once, and
//! kept in `target/bench/data-10y` while [`DATA_VERSION`] is the same.

use std::fs;
use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, Duration as Days, NaiveTime, Utc};
use engine::life::journal::{self, Prompt};
use engine::life::{ActivityInput, ActivityKind, TriggerInput, TriggerKind};
use engine::program::StepId;
use engine::{Crossroads, EventKind, ProfileInput};
use serde_json::{json, Map, Value};

use crate::system::Failure;

/// Bump when the generated data changes, so the cached copy is remade.
const DATA_VERSION: u32 = 2;

/// Years of generated history.
const YEARS: i64 = 10;

/// Generates ten years of data through the engine facade, once; kept in
/// `dir` with a marker and reused while [`DATA_VERSION`] is the same.
pub fn generate_cached(dir: &Path) -> Result<(), Failure> {
    let marker = dir.join("bench-data.json");
    if let Ok(text) = fs::read_to_string(&marker) {
        if serde_json::from_str::<Value>(&text).is_ok_and(|v| v["version"] == json!(DATA_VERSION)) {
            println!("==> ten years of data: reusing {}", dir.display());
            return Ok(());
        }
    }
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).map_err(|e| Failure(format!("create {}: {e}", dir.display())))?;
    println!(
        "\n==> generate {YEARS} years of data through the engine facade into {}",
        dir.display()
    );
    let started = Instant::now();
    let counts = generate(dir, Utc::now())?;
    let mut summary = counts.clone();
    summary.insert("version".into(), json!(DATA_VERSION));
    fs::write(&marker, format!("{:#}\n", Value::Object(summary)))
        .map_err(|e| Failure(e.to_string()))?;
    println!(
        "generated {} in {:.0} s",
        Value::Object(counts),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A small deterministic generator (no randomness crate needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn bad(what: &str) -> impl Fn(engine::Error) -> Failure + '_ {
    move |e| Failure(format!("generate data: {what}: {e}"))
}

/// One thing done on a generated day, through the facade.
enum Act {
    Event(EventKind, Option<&'static str>),
    Thought,
    Mood(i64, Option<&'static str>),
    Activity(ActivityKind, Option<&'static str>),
    Trigger(usize),
    Journal(String, Option<Prompt>),
}

/// The trigger plans: the day each is made, and the plan (a handful; two
/// with a daily reminder).
const TRIGGERS: [(i64, TriggerKind, &str, &str, Option<&str>); 5] = [
    (
        3,
        TriggerKind::TimeOfDay,
        "Waking up and reaching for my phone",
        "The phone charges in the kitchen. Tea first, then a walk round the block.",
        Some("07:30"),
    ),
    (
        6,
        TriggerKind::Place,
        "Walking past our café on the corner",
        "Take the other street. Call Mia if it still hurts.",
        None,
    ),
    (
        12,
        TriggerKind::Situation,
        "Sunday evenings alone",
        "Plan something for Sunday evening before Friday.",
        None,
    ),
    (
        40,
        TriggerKind::Situation,
        "Our song coming on",
        "Skip it, and write one line in the journal.",
        None,
    ),
    (
        200,
        TriggerKind::TimeOfDay,
        "Half past ten, when they used to text",
        "Read instead; the phone stays in the hall.",
        Some("22:30"),
    ),
];

const ACTIVITY_NOTES: [&str; 4] = [
    "Dinner with Mia and Jo.",
    "5 km along the river.",
    "Two hours at the pottery wheel.",
    "Sorted the flat, finally.",
];

const MOOD_NOTES: [&str; 3] = [
    "Tired, but I got through it.",
    "A good day. I laughed a lot.",
    "Rough evening; I wanted to text them and didn't.",
];

const JOURNAL_LINES: [&str; 6] = [
    "Today was quieter than last week. I noticed I checked my phone less, \
     and when I did, it was out of habit more than hope.",
    "I keep coming back to the argument about weekends. I can see my part \
     now: I said yes to work every time and expected them to understand.",
    "Went to the pottery class again. My hands were covered in clay and for \
     two hours I did not think about any of it.",
    "Mia asked how I am and I answered honestly for the first time. It felt \
     strange to say it out loud, and better afterwards.",
    "Some days the missing comes in waves. I wrote the urge down instead of \
     acting on it, and it passed, the way it always does.",
    "What I want next time, with them or with someone else: to say what \
     bothers me the same day, kindly, instead of going quiet.",
];

/// What [`generate_into`] made.
#[derive(Default)]
struct Made {
    events: u64,
    slips: u64,
    drafts: u64,
    thoughts: u64,
    moods: u64,
    activities: u64,
    triggers: u64,
    journal: u64,
}

/// Generates [`YEARS`] of data into the data folder `dir` (see [`generate_into`]).
fn generate(dir: &Path, now: DateTime<Utc>) -> Result<Map<String, Value>, Failure> {
    let engine = Crossroads::open(dir).map_err(bad("open"))?;
    generate_into(&engine, now, YEARS)
}

/// `years` of one person's use, ending at `now` (zone UTC), every entry
/// through the facade with its instant pinned, in an order the program's
/// gates allow: the profile, the dealbreaker check, step 1 (answers, growth
/// steps, decision), step 2 (a draft a month, the pledge), no contact
/// started, and from then on, day by day in time order: about one
/// no-contact event a day (urges resisted, looking slips, their contact, a
/// contact slip every few weeks, some with notes) and step 4 (thoughts
/// counted most days, many at first and fewer later; a mood most days,
/// rising slowly; a few activities a week of each kind; a handful of
/// trigger plans; a journal entry now and then).
fn generate_into(
    engine: &Crossroads,
    now: DateTime<Utc>,
    years: i64,
) -> Result<Map<String, Value>, Failure> {
    let tz = chrono_tz::UTC;
    // Days start at UTC midnight, so a day's entries share a local date.
    let origin = (now - Days::days(365 * years + years / 4))
        .date_naive()
        .and_time(NaiveTime::MIN)
        .and_utc();
    let t0 = origin + Days::hours(19);
    let profile = ProfileInput {
        ex_name: "Sam".into(),
        pronouns: "they".into(),
        breakup_date: (t0 - Days::days(3)).format("%Y-%m-%d").to_string(),
        ended_by: "them".into(),
    };
    engine
        .save_profile(&profile, t0, tz)
        .map_err(bad("profile"))?;
    let no = || "no".into();
    engine
        .answer_dealbreakers(
            &engine::dealbreakers::AnswersInput {
                cheated: no(),
                lied: no(),
                put_down: no(),
                abusive: no(),
            },
            t0,
        )
        .map_err(bad("dealbreakers"))?;
    use engine::reflect::{Decision, Prompt as Reflect};
    for (prompt, text) in [
        (
            Reflect::Reason,
            "We stopped making time for each other and argued about it instead of talking.",
        ),
        (
            Reflect::Weight,
            "Small against eight good years, but it kept coming back.",
        ),
        (Reflect::UnmetNeed, "Feeling that I came first sometimes."),
        (
            Reflect::RepeatedArguments,
            "Work, weekends, and who cancels plans.",
        ),
        (
            Reflect::TraitGivenUp,
            "That I go quiet instead of saying what bothers me.",
        ),
    ] {
        engine
            .save_reflection(prompt, text, t0)
            .map_err(bad("reflection"))?;
    }
    for step in [
        "Say what bothers me the same day",
        "One evening a week without work",
        "Talk to a counsellor about going quiet",
    ] {
        engine
            .add_growth_step(step, t0, tz)
            .map_err(bad("growth step"))?;
    }
    engine
        .decide(Decision::Try, t0, tz)
        .map_err(bad("decide"))?;
    engine
        .pledge("I will not beg. I will wait and grow.", t0 + Days::days(1))
        .map_err(bad("pledge"))?;
    // Step 4 opens with no contact.
    engine
        .start_no_contact(None, t0 + Days::days(2), tz)
        .map_err(bad("start no contact"))?;

    let mut rng = Lcg(0x5eed_c0ff_ee15_600d);
    let mut made = Made::default();
    let days = (now - origin).num_days();
    let started = Instant::now();
    for day in 3..days {
        let base = origin + Days::days(day);
        // A minute of the day between hours `from` and `to`.
        let at = |rng: &mut Lcg, from: u64, to: u64| {
            base + Days::minutes((from * 60 + rng.next() % ((to - from) * 60)) as i64)
        };
        let mut todays: Vec<(DateTime<Utc>, Act)> = Vec::new();
        if rng.chance(80) {
            let note = rng.chance(20).then_some("Went for a walk instead.");
            todays.push((
                at(&mut rng, 0, 24),
                Act::Event(EventKind::UrgeResisted, note),
            ));
        }
        if rng.chance(15) {
            todays.push((
                at(&mut rng, 0, 24),
                Act::Event(EventKind::CheckedSocial, None),
            ));
        }
        if rng.chance(3) {
            todays.push((
                at(&mut rng, 0, 24),
                Act::Event(EventKind::TheyContacted, None),
            ));
        }
        if rng.chance(4) {
            let act = Act::Event(EventKind::Texted, Some("A weak moment."));
            todays.push((at(&mut rng, 0, 24), act));
            made.slips += 1;
        }
        // Thoughts most days: up to a dozen a day at first, one a day
        // after a few years.
        if rng.chance(85) {
            let most = 1 + 12 * 120 / (day as u64 + 120);
            for _ in 0..1 + rng.next() % most {
                todays.push((at(&mut rng, 7, 24), Act::Thought));
            }
        }
        // A mood most days, rising slowly from about 2 to about 4.
        if rng.chance(80) {
            let trend = 2 + 3 * day / days;
            let score = (trend + (rng.next() % 3) as i64 - 1).clamp(1, 5);
            let note = rng
                .chance(15)
                .then(|| MOOD_NOTES[(rng.next() % 3) as usize]);
            todays.push((at(&mut rng, 20, 23), Act::Mood(score, note)));
        }
        // A few activities a week of each kind.
        for (i, kind) in ActivityKind::ALL.into_iter().enumerate() {
            if rng.chance(35) {
                let note = rng.chance(25).then_some(ACTIVITY_NOTES[i]);
                todays.push((at(&mut rng, 8, 20), Act::Activity(kind, note)));
            }
        }
        for (i, trigger) in TRIGGERS.iter().enumerate() {
            if trigger.0 == day {
                todays.push((at(&mut rng, 8, 20), Act::Trigger(i)));
            }
        }
        // A journal entry now and then, some answering the day's prompt.
        if rng.chance(8) {
            let lines = 1 + rng.next() % 3;
            let text: Vec<&str> = (0..lines)
                .map(|_| JOURNAL_LINES[(rng.next() % 6) as usize])
                .collect();
            let prompt = rng
                .chance(50)
                .then(|| journal::prompt_of_the_day(StepId::LiveYourLife, base.date_naive()));
            todays.push((
                at(&mut rng, 22, 23),
                Act::Journal(text.join("\n\n"), prompt),
            ));
        }
        todays.sort_by_key(|(at, _)| *at);
        for (when, act) in todays {
            match act {
                Act::Event(kind, note) => {
                    engine
                        .log_event(kind, note, when, tz)
                        .map_err(bad("event"))?;
                    made.events += 1;
                }
                Act::Thought => {
                    engine.count_thought(when, tz).map_err(bad("thought"))?;
                    made.thoughts += 1;
                }
                Act::Mood(score, note) => {
                    engine
                        .save_mood(score, note, false, when, tz)
                        .map_err(bad("mood"))?;
                    made.moods += 1;
                }
                Act::Activity(kind, note) => {
                    let input = ActivityInput {
                        kind: engine::choice::Choice::Picked(kind),
                        when: None,
                        note: note.map(Into::into),
                    };
                    engine
                        .log_activity(&input, when, tz)
                        .map_err(bad("activity"))?;
                    made.activities += 1;
                }
                Act::Trigger(i) => {
                    let (_, kind, moment, plan, reminder) = TRIGGERS[i];
                    let input = TriggerInput {
                        kind: engine::choice::Choice::Picked(kind),
                        moment: moment.into(),
                        plan: plan.into(),
                        reminder: reminder.map(Into::into),
                    };
                    engine
                        .save_trigger(None, &input, when, tz)
                        .map_err(bad("trigger"))?;
                    made.triggers += 1;
                }
                Act::Journal(text, prompt) => {
                    engine
                        .save_journal_entry(None, &text, prompt, when)
                        .map_err(bad("journal"))?;
                    made.journal += 1;
                }
            }
        }
        if day % 30 == 0 {
            let text =
                "I miss you. I have been thinking about what went wrong, and I am working on it.";
            engine
                .save_draft(None, text, false, base + Days::hours(21))
                .map_err(bad("draft"))?;
            made.drafts += 1;
        }
        if day % 365 == 0 {
            println!(
                "  year {} of {years}: {} events, {} thoughts, {} moods, {} activities ({:.0} s)",
                day / 365,
                made.events,
                made.thoughts,
                made.moods,
                made.activities,
                started.elapsed().as_secs_f64()
            );
        }
    }
    let mut counts = Map::new();
    counts.insert("years".into(), json!(years));
    counts.insert("events".into(), json!(made.events));
    counts.insert("contact_slips".into(), json!(made.slips));
    counts.insert("drafts".into(), json!(made.drafts));
    counts.insert("growth_steps".into(), json!(3));
    counts.insert("reflection_answers".into(), json!(5));
    counts.insert("thoughts".into(), json!(made.thoughts));
    counts.insert("moods".into(), json!(made.moods));
    counts.insert("activities".into(), json!(made.activities));
    counts.insert("triggers".into(), json!(made.triggers));
    counts.insert("journal_entries".into(), json!(made.journal));
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::life::stats::{Direction, Range, Statistics};

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("instant")
            .with_timezone(&Utc)
    }

    fn count(counts: &Map<String, Value>, kind: &str) -> u64 {
        counts[kind].as_u64().unwrap_or(0)
    }

    /// Checks what the Progress screen would show over the generated data.
    fn check(engine: &Crossroads, counts: &Map<String, Value>, now: DateTime<Utc>) -> Statistics {
        for kind in [
            "events",
            "thoughts",
            "moods",
            "activities",
            "journal_entries",
        ] {
            assert!(count(counts, kind) > 0, "{kind}: {counts:?}");
        }
        assert_eq!(count(counts, "triggers"), TRIGGERS.len() as u64);
        let tz = chrono_tz::UTC;
        assert_eq!(engine.life(now, tz).unwrap().triggers.len(), TRIGGERS.len());
        assert_eq!(
            u64::from(engine.journal(None, now, tz).unwrap().total),
            count(counts, "journal_entries")
        );
        for range in [Range::TwoWeeks, Range::ThreeMonths] {
            assert!(engine.statistics(range, now, tz).unwrap().has_data);
        }
        let stats = engine.statistics(Range::AllTime, now, tz).unwrap();
        assert!(stats.has_data);
        assert_eq!(
            u64::from(stats.summary.activities),
            count(counts, "activities")
        );
        let moods = stats.days.iter().filter(|d| d.mood.is_some()).count();
        assert_eq!(moods as u64, count(counts, "moods"));
        let thoughts: u64 = stats
            .days
            .iter()
            .filter_map(|d| d.thoughts)
            .map(u64::from)
            .sum();
        assert_eq!(thoughts, count(counts, "thoughts"));
        // Fewer thoughts and a better mood as time goes by.
        assert_eq!(
            stats.summary.thoughts.map(|t| t.direction),
            Some(Direction::Fell)
        );
        assert_eq!(
            stats.summary.mood.map(|t| t.direction),
            Some(Direction::Rose)
        );
        stats
    }

    /// One year through the facade: every gate lets it in, and the
    /// statistics count all of it.
    #[test]
    fn a_year_of_data_generates_through_the_facade() {
        let dir = tempfile::tempdir().unwrap();
        let engine = Crossroads::open(dir.path()).unwrap();
        let now = at("2026-11-27T15:00:00Z");
        let counts = generate_into(&engine, now, 1).unwrap();
        let stats = check(&engine, &counts, now);
        assert_eq!(stats.days.len(), 364, "from the day no contact began");
    }

    /// The bench's ten years, timed: `cargo test -p xtask --
    /// --ignored --nocapture ten_years`.
    #[test]
    #[ignore = "generates ten years of data: minutes"]
    fn ten_years_of_data_generate_through_the_facade() {
        let dir = tempfile::tempdir().unwrap();
        let now = at("2026-11-27T15:00:00Z");
        let started = Instant::now();
        let counts = generate(dir.path(), now).unwrap();
        println!(
            "generated {} in {:.0} s",
            Value::Object(counts.clone()),
            started.elapsed().as_secs_f64()
        );
        let engine = Crossroads::open(dir.path()).unwrap();
        check(&engine, &counts, now);
    }
}
