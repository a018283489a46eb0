//! Step 1, reflect: the prompts, a pattern check, a growth plan with small
//! steps, and the decision that routes the program.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::dealbreakers::{self, Path};
use crate::error::{Error, Message, Result};
use crate::profile::{self, EndedBy};
use crate::store::{Read, Tree, Tx};

/// The longest answer to one prompt, in characters.
pub const ANSWER_MAX_CHARS: usize = 20_000;
/// The longest growth step, in characters.
pub const STEP_MAX_CHARS: usize = 300;
/// Breakups younger than this many days get the kind "reflection comes first" note.
pub const RECENT_DAYS: i64 = 7;

const KEY: &[u8] = b"reflection";

/// The free-text prompts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prompt {
    /// What was the reason?
    Reason,
    /// How big is it against the whole relationship?
    Weight,
    /// Was a real need unmet?
    UnmetNeed,
    /// What did you argue about over and over? (when they ended it)
    RepeatedArguments,
    /// Which trait of yours did they give up on? (when they ended it)
    TraitGivenUp,
    /// How the pattern showed up before.
    PatternDetails,
}

impl crate::choice::Offered for Prompt {
    const FIELD: &'static str = "prompt";
}

impl Prompt {
    /// The name of the form field, for errors shown next to it.
    pub fn field(self) -> &'static str {
        match self {
            Prompt::Reason => "reason",
            Prompt::Weight => "weight",
            Prompt::UnmetNeed => "unmet_need",
            Prompt::RepeatedArguments => "repeated_arguments",
            Prompt::TraitGivenUp => "trait_given_up",
            Prompt::PatternDetails => "pattern_details",
        }
    }
}

/// Has this come up in earlier relationships?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// Yes: it will not go away by itself.
    Yes,
    /// No.
    No,
    /// Not sure.
    NotSure,
}

impl crate::choice::Offered for Pattern {
    const FIELD: &'static str = "pattern";
}

/// A way to work on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrowthWay {
    /// Therapy.
    Therapy,
    /// Journaling.
    Journaling,
    /// A friend who is honest with you.
    Friend,
    /// Something else.
    Other,
}

// Named as the screen's radio group (the plan's way), which is where a
// refusal is shown.
impl crate::choice::Offered for GrowthWay {
    const FIELD: &'static str = "growth_way";
}

/// The decision that ends step 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// "I still want to try."
    Try,
    /// "I'd rather move on."
    MoveOn,
}

impl crate::choice::Offered for Decision {
    const FIELD: &'static str = "decision";
}

/// One small, concrete growth step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrowthStep {
    /// Its id within the reflection.
    pub id: u32,
    /// What to do.
    pub text: String,
    /// Ticked off.
    #[serde(default)]
    pub done: bool,
}

/// What is recorded for step 1, on disk. Every field may be missing in
/// older data, so each has a default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Reflection {
    answers: BTreeMap<Prompt, String>,
    pattern: Option<Pattern>,
    growth_way: Option<GrowthWay>,
    steps: Vec<GrowthStep>,
    pub(crate) decision: Option<Decision>,
    decided_at: Option<DateTime<Utc>>,
}

/// Step 1 as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReflectView {
    /// Answers to the prompts, as typed.
    pub answers: BTreeMap<Prompt, String>,
    /// Has this come up in earlier relationships.
    pub pattern: Option<Pattern>,
    /// The way to work on it.
    pub growth_way: Option<GrowthWay>,
    /// The small steps.
    pub steps: Vec<GrowthStep>,
    /// The decision, once made.
    pub decision: Option<Decision>,
    /// When it was made.
    pub decided_at: Option<DateTime<Utc>>,
    /// The breakup was only days ago: say kindly that reflection comes first.
    pub recent_breakup: bool,
    /// Whole days since the breakup.
    pub days_since_breakup: i64,
    /// Show the prompts for when they ended it (or it was mutual).
    pub their_side_prompts: bool,
    /// Whether "I still want to try" is offered (never after abuse or a
    /// moving-on choice at the dealbreaker check).
    pub can_choose_try: bool,
    /// The prompts to show, in order. After abuse, none that weighs what
    /// happened against the relationship or asks what they gave up on in
    /// the person: nothing that invites self-blame.
    pub offered_prompts: Vec<Prompt>,
    /// Abuse was reported at the dealbreaker check.
    pub after_abuse: bool,
}

/// Reads what is recorded.
pub(crate) fn load(store: &impl Read) -> Result<Reflection> {
    Ok(store.get(Tree::Program, KEY)?.unwrap_or_default())
}

fn require_open(store: &impl Read) -> Result<()> {
    if dealbreakers::view(store)?.done {
        Ok(())
    } else {
        Err(Error::OutOfOrder("reflectingOpensAfterDealbreaker".into()))
    }
}

fn can_choose_try(store: &impl Read) -> Result<bool> {
    let check = dealbreakers::view(store)?;
    Ok(!check.abuse && !check.hurt_them && check.path != Some(Path::MovingOn))
}

/// Step 1 at `now`.
pub fn view(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<ReflectView> {
    let profile = profile::load(store)?;
    let days = profile
        .as_ref()
        .map_or(0, |p| p.days_since_breakup(now, tz));
    let r = load(store)?;
    let their_side = profile.as_ref().is_some_and(|p| p.ended_by != EndedBy::Me);
    let after_abuse = dealbreakers::view(store)?.abuse;
    Ok(ReflectView {
        answers: r.answers,
        pattern: r.pattern,
        growth_way: r.growth_way,
        steps: r.steps,
        decision: r.decision,
        decided_at: r.decided_at,
        recent_breakup: profile.is_some() && days < RECENT_DAYS,
        days_since_breakup: days,
        their_side_prompts: their_side,
        can_choose_try: can_choose_try(store)?,
        offered_prompts: offered_prompts(their_side, after_abuse),
        after_abuse,
    })
}

/// The prompts offered, in order.
fn offered_prompts(their_side: bool, after_abuse: bool) -> Vec<Prompt> {
    if after_abuse {
        return vec![Prompt::Reason, Prompt::UnmetNeed];
    }
    let mut prompts = vec![Prompt::Reason, Prompt::Weight, Prompt::UnmetNeed];
    if their_side {
        prompts.extend([Prompt::RepeatedArguments, Prompt::TraitGivenUp]);
    }
    prompts
}

/// Saves one prompt's answer as typed.
pub fn save_answer(tx: &mut Tx<'_>, prompt: Prompt, value: &str) -> Result<()> {
    require_open(tx)?;
    if value.chars().count() > ANSWER_MAX_CHARS {
        return Err(Error::invalid(
            prompt.field(),
            Message::new("answerTooLong").arg("max", ANSWER_MAX_CHARS),
        ));
    }
    let mut reflection = load(tx)?;
    reflection.answers.insert(prompt, value.to_owned());
    tx.put(Tree::Program, KEY, &reflection)
}

/// Records whether this has come up in earlier relationships.
pub fn set_pattern(tx: &mut Tx<'_>, pattern: Pattern) -> Result<()> {
    require_open(tx)?;
    let mut reflection = load(tx)?;
    reflection.pattern = Some(pattern);
    tx.put(Tree::Program, KEY, &reflection)
}

/// Records the way to work on it.
pub fn set_growth_way(tx: &mut Tx<'_>, way: GrowthWay) -> Result<()> {
    require_open(tx)?;
    let mut reflection = load(tx)?;
    reflection.growth_way = Some(way);
    tx.put(Tree::Program, KEY, &reflection)
}

/// Adds a growth step.
pub fn add_step(tx: &mut Tx<'_>, text: &str) -> Result<()> {
    require_open(tx)?;
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid("step", "writeStepFewWords"));
    }
    if text.chars().count() > STEP_MAX_CHARS {
        return Err(Error::invalid(
            "step",
            Message::new("keepStepCharactersFewer").arg("max", STEP_MAX_CHARS),
        ));
    }
    let mut reflection = load(tx)?;
    let id = reflection.steps.iter().map(|s| s.id + 1).max().unwrap_or(1);
    reflection.steps.push(GrowthStep {
        id,
        text: text.to_owned(),
        done: false,
    });
    tx.put(Tree::Program, KEY, &reflection)
}

/// Ticks a growth step off, or back on.
pub fn set_step_done(tx: &mut Tx<'_>, id: u32, done: bool) -> Result<()> {
    let mut reflection = load(tx)?;
    let Some(step) = reflection.steps.iter_mut().find(|s| s.id == id) else {
        return Err(Error::invalid("step", "stepNoLongerExists"));
    };
    step.done = done;
    tx.put(Tree::Program, KEY, &reflection)
}

/// Records the decision that ends step 1.
pub fn decide(tx: &mut Tx<'_>, decision: Decision, now: DateTime<Utc>) -> Result<()> {
    require_open(tx)?;
    let mut reflection = load(tx)?;
    if reflection
        .answers
        .get(&Prompt::Reason)
        .is_none_or(|r| r.trim().is_empty())
    {
        return Err(Error::OutOfOrder("answerFirstQuestionWhat".into()));
    }
    if decision == Decision::Try && !can_choose_try(tx)? {
        return Err(Error::OutOfOrder("afterWhatToldDealbreaker".into()));
    }
    reflection.decision = Some(decision);
    reflection.decided_at = Some(now);
    tx.put(Tree::Program, KEY, &reflection)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dealbreakers::{answer, choose, AnswersInput};
    use crate::profile::{save as save_profile, ProfileInput};
    use crate::store::Store;
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
        store
            .transact(|tx| save_profile(tx, &input, now, chrono_tz::UTC))
            .unwrap();
        let answers = AnswersInput {
            cheated: "no".into(),
            lied: "no".into(),
            put_down: "no".into(),
            abusive: abusive.into(),
        };
        store.transact(|tx| answer(tx, &answers, now)).unwrap();
        if abusive == "yes" {
            store
                .transact(|tx| choose(tx, Path::MovingOn, true, now))
                .unwrap();
        }
        (dir, store)
    }

    #[test]
    fn reflecting_waits_for_the_dealbreaker_check() {
        let (_dir, store) = temp_store();
        assert_eq!(
            store
                .transact(|tx| save_answer(tx, Prompt::Reason, "x"))
                .unwrap_err()
                .kind(),
            ErrorKind::OutOfOrder
        );
    }

    #[test]
    fn answers_are_kept_as_typed_and_the_view_says_it_was_days_ago() {
        let (_dir, store) = setup("no");
        store
            .transact(|tx| save_answer(tx, Prompt::Reason, "We fought about <money>."))
            .unwrap();
        store.transact(|tx| set_pattern(tx, Pattern::Yes)).unwrap();
        store
            .transact(|tx| add_step(tx, "  Book a therapist  "))
            .unwrap();
        store
            .transact(|tx| add_step(tx, "Journal on Sundays"))
            .unwrap();
        store.transact(|tx| set_step_done(tx, 1, true)).unwrap();
        let view = view(&store, instant("2026-03-10T10:00:00Z"), chrono_tz::UTC).unwrap();
        assert_eq!(view.answers[&Prompt::Reason], "We fought about <money>.");
        assert_eq!(view.steps[0].text, "Book a therapist");
        assert!(view.steps[0].done && !view.steps[1].done);
        assert!(view.recent_breakup, "three days ago");
        assert!(view.their_side_prompts, "they ended it");
        assert!(view.can_choose_try);
    }

    #[test]
    fn bad_answers_are_typed_and_store_nothing() {
        let (_dir, store) = setup("no");
        let long = "x".repeat(ANSWER_MAX_CHARS + 1);
        // Unknown prompts, patterns and ways cannot be named here: a
        // command's Choice refuses them on their field before this (see the
        // shell's command tests).
        for prompt in [Prompt::Reason, Prompt::PatternDetails] {
            assert_eq!(
                store
                    .transact(|tx| save_answer(tx, prompt, &long))
                    .unwrap_err()
                    .field(),
                Some(prompt.field())
            );
        }
        assert_eq!(
            store
                .transact(|tx| add_step(tx, "   "))
                .unwrap_err()
                .field(),
            Some("step")
        );
        assert_eq!(
            store
                .transact(|tx| set_step_done(tx, 9, true))
                .unwrap_err()
                .field(),
            Some("step")
        );
        assert_eq!(load(&store).unwrap(), Reflection::default());
    }

    #[test]
    fn each_decision_routes_and_needs_the_reason_first() {
        let now = instant("2026-03-10T10:00:00Z");
        for (choice, expected) in [
            (Decision::Try, Decision::Try),
            (Decision::MoveOn, Decision::MoveOn),
        ] {
            let (_dir, store) = setup("no");
            assert_eq!(
                store
                    .transact(|tx| decide(tx, choice, now))
                    .unwrap_err()
                    .kind(),
                ErrorKind::OutOfOrder
            );
            store
                .transact(|tx| save_answer(tx, Prompt::Reason, "Distance"))
                .unwrap();
            store.transact(|tx| decide(tx, choice, now)).unwrap();
            assert_eq!(load(&store).unwrap().decision, Some(expected));
        }
    }

    #[test]
    fn after_abuse_trying_again_is_not_offered() {
        let now = instant("2026-03-10T10:00:00Z");
        let (_dir, store) = setup("yes");
        store
            .transact(|tx| save_answer(tx, Prompt::Reason, "He scared me"))
            .unwrap();
        assert!(!view(&store, now, chrono_tz::UTC).unwrap().can_choose_try);
        assert_eq!(
            store
                .transact(|tx| decide(tx, Decision::Try, now))
                .unwrap_err()
                .kind(),
            ErrorKind::OutOfOrder
        );
        store
            .transact(|tx| decide(tx, Decision::MoveOn, now))
            .unwrap();
    }

    #[test]
    fn after_abuse_no_prompt_invites_self_blame() {
        let now = instant("2026-03-10T10:00:00Z");
        let (_dir, store) = setup("no");
        let plain = view(&store, now, chrono_tz::UTC).unwrap();
        assert!(!plain.after_abuse);
        assert!(plain.offered_prompts.contains(&Prompt::TraitGivenUp));
        assert!(plain.offered_prompts.contains(&Prompt::Weight));

        let (_dir, store) = setup("yes");
        let after = view(&store, now, chrono_tz::UTC).unwrap();
        assert!(after.after_abuse);
        assert_eq!(after.offered_prompts, [Prompt::Reason, Prompt::UnmetNeed]);
    }

    #[test]
    fn a_person_who_hurt_them_is_not_offered_trying_again() {
        let now = instant("2026-03-10T10:00:00Z");
        let (_dir, store) = setup("no");
        let all_no = AnswersInput {
            cheated: "no".into(),
            lied: "no".into(),
            put_down: "no".into(),
            abusive: "no".into(),
        };
        store
            .transact(|tx| crate::dealbreakers::answer_with(tx, &all_no, "yes".into(), now))
            .unwrap();
        assert!(!view(&store, now, chrono_tz::UTC).unwrap().can_choose_try);
    }
}
