//! Tests of steps 5 and 6 and the endings through the facade, with pinned
//! time: the gates, the outcome, check-in scheduling, the cooldown, and
//! archive and erase.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::{Europe::Berlin, Tz, UTC};

use crate::dealbreakers::AnswersInput;
use crate::program::{Ending, LockReason, NotOfferedWhy, StepId, StepStatus};
use crate::reach_out::{ApologyView, Note, Outcome};
use crate::reflect::{Decision, Prompt};
use crate::test_support::{instant, temp_dir};
use crate::together::{self, Cadence, CheckIn, HouseRulesInput, List, Unit};
use crate::{moving_on, Announcement, Crossroads, ErrorKind, EventKind, ProfileInput};

fn profile(ended_by: &str) -> ProfileInput {
    ProfileInput {
        ex_name: "Ari".into(),
        pronouns: "they".into(),
        breakup_date: "2025-01-01".into(),
        ended_by: ended_by.into(),
    }
}

fn answers(abusive: &str) -> AnswersInput {
    let no = || "no".into();
    AnswersInput {
        cheated: no(),
        lied: no(),
        put_down: no(),
        abusive: abusive.into(),
    }
}

/// Profile, check, the decision to try and the pledge at `t0`, and no
/// contact started then.
fn ready(app: &Crossroads, t0: DateTime<Utc>, tz: Tz) {
    app.save_profile(&profile("them"), t0, tz).unwrap();
    app.answer_dealbreakers(&answers("no"), t0).unwrap();
    app.save_reflection(Prompt::Reason, "We drifted apart", t0)
        .unwrap();
    app.decide(Decision::Try, t0, tz).unwrap();
    app.pledge("I will not beg.", t0).unwrap();
    app.start_no_contact(None, t0, tz).unwrap();
}

fn reach_out(app: &Crossroads, now: DateTime<Utc>, tz: Tz) -> (StepStatus, Option<LockReason>) {
    let view = app.overview(now, tz).unwrap();
    let step = view
        .steps
        .iter()
        .find(|s| s.id == StepId::ReachOut)
        .unwrap();
    (step.status, step.locked)
}

fn open_app() -> (tempfile::TempDir, Crossroads) {
    let dir = temp_dir();
    let app = Crossroads::open(dir.path()).unwrap();
    (dir, app)
}

fn together_app() -> (tempfile::TempDir, Crossroads, DateTime<Utc>) {
    let (dir, app) = open_app();
    let t0 = instant("2026-01-10T19:00:00Z");
    ready(&app, t0, UTC);
    let yes_at = instant("2026-01-31T19:00:00Z");
    app.record_outcome(Outcome::WantToTry, yes_at, UTC).unwrap();
    (dir, app, yes_at)
}

const HEAVY: &str = "some nights I think everyone would be better off without me";

mod check_ins;
mod moments;
mod moving_on_path;
mod reach_out;
mod safety_first;
mod undo;
