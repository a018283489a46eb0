//! Helpers shared by the engine's integration tests.

use chrono::{DateTime, Utc};
use engine::{Crossroads, ProfileInput};

/// Step 1's profile for `ex_name` (zone UTC) and no dealbreaker answered
/// "yes": the shortest way into the program.
pub fn profile_without_dealbreakers(app: &Crossroads, ex_name: &str, now: DateTime<Utc>) {
    app.save_profile(
        &ProfileInput {
            ex_name: ex_name.into(),
            pronouns: "they".into(),
            breakup_date: "2026-04-18".into(),
            ended_by: "them".into(),
        },
        now,
        chrono_tz::UTC,
    )
    .unwrap();
    let no = || "no".into();
    app.answer_dealbreakers(
        &engine::dealbreakers::AnswersInput {
            cheated: no(),
            lied: no(),
            put_down: no(),
            abusive: no(),
        },
        now,
    )
    .unwrap();
}
