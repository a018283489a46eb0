//! Step 1, reflect: the prompts, a pattern check, a growth plan with small
//! steps, and the decision that routes the program.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::dealbreakers::{self, Path};
use crate::error::{Error, Result};
use crate::profile::{self, EndedBy};
use crate::store::{Store, Tree};

/// The longest answer to one prompt, in characters.
pub const ANSWER_MAX_CHARS: usize = 20_000;
/// The longest growth step, in characters.
pub const STEP_MAX_CHARS: usize = 300;
/// Breakups younger than this many days get the kind "reflection comes first" note.
pub const RECENT_DAYS: i64 = 7;

const KEY: &[u8] = b"reflection";

/// The free-text prompts, by the name the UI uses.
pub const TEXT_PROMPTS: [&str; 6] = [
    "reason",
    "weight",
    "unmet_need",
    "repeated_arguments",
    "trait_given_up",
    "pattern_details",
];

/// The decision that ends step 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// "I still want to try."
    Try,
    /// "I'd rather move on."
    MoveOn,
}

/// One small, concrete growth step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrowthStep {
    /// Its id within the reflection.
    pub id: u32,
    /// What to do.
    pub text: String,
    /// Ticked off.
    pub done: bool,
}

/// What is recorded for step 1.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    /// Answers to the prompts, by prompt name, as typed.
    pub answers: BTreeMap<String, String>,
    /// Has this come up in earlier relationships: "yes", "no" or "not_sure".
    pub pattern: Option<String>,
    /// The way to work on it: "therapy", "journaling", "friend" or "other".
    pub growth_way: Option<String>,
    /// The small steps.
    pub steps: Vec<GrowthStep>,
    /// The decision, once made.
    pub decision: Option<Decision>,
    /// When it was made.
    pub decided_at: Option<DateTime<Utc>>,
}

/// Step 1 as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReflectView {
    /// What is recorded.
    #[serde(flatten)]
    pub reflection: Reflection,
    /// The breakup was only days ago: say kindly that reflection comes first.
    pub recent_breakup: bool,
    /// Whole days since the breakup.
    pub days_since_breakup: i64,
    /// Show the prompts for when they ended it (or it was mutual).
    pub their_side_prompts: bool,
    /// Whether "I still want to try" is offered (never after abuse or a
    /// moving-on choice at the dealbreaker check).
    pub can_choose_try: bool,
}

/// Reads what is recorded.
pub fn load(store: &Store) -> Result<Reflection> {
    Ok(store.get(Tree::Program, KEY)?.unwrap_or_default())
}

fn require_open(store: &Store) -> Result<()> {
    if dealbreakers::view(store)?.done {
        Ok(())
    } else {
        Err(Error::OutOfOrder(
            "Reflecting opens after the dealbreaker check.".into(),
        ))
    }
}

fn can_choose_try(store: &Store) -> Result<bool> {
    let check = dealbreakers::view(store)?;
    Ok(!check.abuse && check.path != Some(Path::MovingOn))
}

/// Step 1 at `now`.
pub fn view(store: &Store, now: DateTime<Utc>, tz: Tz) -> Result<ReflectView> {
    let profile = profile::load(store)?;
    let days = profile
        .as_ref()
        .map_or(0, |p| p.days_since_breakup(now, tz));
    Ok(ReflectView {
        reflection: load(store)?,
        recent_breakup: profile.is_some() && days < RECENT_DAYS,
        days_since_breakup: days,
        their_side_prompts: profile.is_some_and(|p| p.ended_by != EndedBy::Me),
        can_choose_try: can_choose_try(store)?,
    })
}

/// Saves one answer as typed: a prompt's text, or the pattern or growth-way choice.
pub fn save_answer(store: &Store, field: &str, value: &str) -> Result<()> {
    require_open(store)?;
    let mut reflection = load(store)?;
    match field {
        "pattern" => {
            if !["yes", "no", "not_sure"].contains(&value) {
                return Err(Error::invalid(
                    "pattern",
                    "Please choose yes, no or not sure.",
                ));
            }
            reflection.pattern = Some(value.to_owned());
        }
        "growth_way" => {
            if !["therapy", "journaling", "friend", "other"].contains(&value) {
                return Err(Error::invalid(
                    "growth_way",
                    "Please choose one of the ways.",
                ));
            }
            reflection.growth_way = Some(value.to_owned());
        }
        prompt => {
            let Some(prompt) = TEXT_PROMPTS.iter().find(|p| **p == prompt) else {
                return Err(Error::invalid("field", "That is not one of the questions."));
            };
            if value.chars().count() > ANSWER_MAX_CHARS {
                return Err(Error::invalid(
                    prompt,
                    format!("Please keep this answer to {ANSWER_MAX_CHARS} characters or fewer."),
                ));
            }
            reflection
                .answers
                .insert((*prompt).to_owned(), value.to_owned());
        }
    }
    store.put(Tree::Program, KEY, &reflection)
}

/// Adds a growth step.
pub fn add_step(store: &Store, text: &str) -> Result<()> {
    require_open(store)?;
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(
            "step",
            "Write the step in a few words first.",
        ));
    }
    if text.chars().count() > STEP_MAX_CHARS {
        return Err(Error::invalid(
            "step",
            format!("Please keep a step to {STEP_MAX_CHARS} characters or fewer."),
        ));
    }
    let mut reflection = load(store)?;
    let id = reflection.steps.iter().map(|s| s.id + 1).max().unwrap_or(1);
    reflection.steps.push(GrowthStep {
        id,
        text: text.to_owned(),
        done: false,
    });
    store.put(Tree::Program, KEY, &reflection)
}

/// Ticks a growth step off, or back on.
pub fn set_step_done(store: &Store, id: u32, done: bool) -> Result<()> {
    let mut reflection = load(store)?;
    let Some(step) = reflection.steps.iter_mut().find(|s| s.id == id) else {
        return Err(Error::invalid("step", "That step no longer exists."));
    };
    step.done = done;
    store.put(Tree::Program, KEY, &reflection)
}

/// Records the decision that ends step 1.
pub fn decide(store: &Store, decision: &str, now: DateTime<Utc>) -> Result<()> {
    require_open(store)?;
    let decision = match decision {
        "try" => Decision::Try,
        "move_on" => Decision::MoveOn,
        _ => {
            return Err(Error::invalid(
                "decision",
                "Please choose to try or to move on.",
            ))
        }
    };
    let mut reflection = load(store)?;
    if reflection
        .answers
        .get("reason")
        .is_none_or(|r| r.trim().is_empty())
    {
        return Err(Error::OutOfOrder(
            "Answer the first question, what the reason was, before deciding.".into(),
        ));
    }
    if decision == Decision::Try && !can_choose_try(store)? {
        return Err(Error::OutOfOrder(
            "After what you told the dealbreaker check, Crossroads will not guide you back toward them.".into(),
        ));
    }
    reflection.decision = Some(decision);
    reflection.decided_at = Some(now);
    store.put(Tree::Program, KEY, &reflection)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dealbreakers::{answer, choose, AnswersInput};
    use crate::profile::{save as save_profile, ProfileInput};
    use crate::test_support::{instant, temp_store};
    use crate::ErrorKind;

    fn setup(abusive: &str) -> (tempfile::TempDir, Store) {
        let (dir, store) = temp_store();
        let now = instant("2026-03-10T10:00:00Z");
        let input = ProfileInput {
            ex_name: "Kai".into(),
            pronouns: "he".into(),
            breakup_date: "2026-03-07".into(),
            ended_by: "them".into(),
        };
        save_profile(&store, &input, now, chrono_tz::UTC).unwrap();
        let answers = AnswersInput {
            cheated: "no".into(),
            lied: "no".into(),
            put_down: "no".into(),
            abusive: abusive.into(),
        };
        answer(&store, &answers, now).unwrap();
        if abusive == "yes" {
            choose(&store, "continue", true, now).unwrap();
        }
        (dir, store)
    }

    #[test]
    fn reflecting_waits_for_the_dealbreaker_check() {
        let (_dir, store) = temp_store();
        assert_eq!(
            save_answer(&store, "reason", "x").unwrap_err().kind(),
            ErrorKind::OutOfOrder
        );
    }

    #[test]
    fn answers_are_kept_as_typed_and_the_view_says_it_was_days_ago() {
        let (_dir, store) = setup("no");
        save_answer(&store, "reason", "We fought about <money>.").unwrap();
        save_answer(&store, "pattern", "yes").unwrap();
        add_step(&store, "  Book a therapist  ").unwrap();
        add_step(&store, "Journal on Sundays").unwrap();
        set_step_done(&store, 1, true).unwrap();
        let view = view(&store, instant("2026-03-10T10:00:00Z"), chrono_tz::UTC).unwrap();
        assert_eq!(
            view.reflection.answers["reason"],
            "We fought about <money>."
        );
        assert_eq!(view.reflection.steps[0].text, "Book a therapist");
        assert!(view.reflection.steps[0].done && !view.reflection.steps[1].done);
        assert!(view.recent_breakup, "three days ago");
        assert!(view.their_side_prompts, "they ended it");
        assert!(view.can_choose_try);
    }

    #[test]
    fn bad_answers_are_typed_and_store_nothing() {
        let (_dir, store) = setup("no");
        let long = "x".repeat(ANSWER_MAX_CHARS + 1);
        for (field, value, error_field) in [
            ("favourite_colour", "blue", "field"),
            ("reason", long.as_str(), "reason"),
            ("pattern", "maybe", "pattern"),
            ("growth_way", "astrology", "growth_way"),
        ] {
            assert_eq!(
                save_answer(&store, field, value).unwrap_err().field(),
                Some(error_field)
            );
        }
        assert_eq!(add_step(&store, "   ").unwrap_err().field(), Some("step"));
        assert_eq!(
            set_step_done(&store, 9, true).unwrap_err().field(),
            Some("step")
        );
        assert_eq!(load(&store).unwrap(), Reflection::default());
    }

    #[test]
    fn each_decision_routes_and_needs_the_reason_first() {
        let now = instant("2026-03-10T10:00:00Z");
        for (choice, expected) in [("try", Decision::Try), ("move_on", Decision::MoveOn)] {
            let (_dir, store) = setup("no");
            assert_eq!(
                decide(&store, choice, now).unwrap_err().kind(),
                ErrorKind::OutOfOrder
            );
            save_answer(&store, "reason", "Distance").unwrap();
            decide(&store, choice, now).unwrap();
            assert_eq!(load(&store).unwrap().decision, Some(expected));
        }
        let (_dir, store) = setup("no");
        save_answer(&store, "reason", "Distance").unwrap();
        assert_eq!(
            decide(&store, "maybe", now).unwrap_err().field(),
            Some("decision")
        );
    }

    #[test]
    fn after_abuse_trying_again_is_not_offered() {
        let now = instant("2026-03-10T10:00:00Z");
        let (_dir, store) = setup("yes");
        save_answer(&store, "reason", "He scared me").unwrap();
        assert!(!view(&store, now, chrono_tz::UTC).unwrap().can_choose_try);
        assert_eq!(
            decide(&store, "try", now).unwrap_err().kind(),
            ErrorKind::OutOfOrder
        );
        decide(&store, "move_on", now).unwrap();
    }
}
