//! The program as a state machine: the dealbreaker check and the six steps,
//! each with a status derived from recorded facts, never stored as a flag.
//!
//! The engine says *which* step and *why* it is locked as codes and numbers;
//! the UI turns them into words, so the texts can be translated in one place.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::dealbreakers::{self, Path};
use crate::error::{Error, Message, Result};
use crate::profile::{self, Profile};
use crate::reflect::{self, Decision};
pub use crate::stage::{Ending, StepId};
use crate::store::Read;
use crate::{drafts, moving_on, no_contact, reach_out};

/// Days of unbroken no contact before reaching out opens.
pub const REACH_OUT_AFTER_DAYS: u32 = 14;

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// Not yet available; see [`LockReason`].
    Locked,
    /// Available to work on.
    Open,
    /// Finished.
    Done,
}

/// Why a step is locked, with the numbers the UI needs to say when it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum LockReason {
    /// The profile has not been filled in yet.
    NeedsProfile,
    /// An earlier step must be done first.
    NeedsStep {
        /// The step to finish first.
        step: StepId,
    },
    /// Opens after enough unbroken days of no contact.
    NeedsNoContactDays {
        /// Days required in a row.
        required: u32,
        /// Days still to go.
        remaining: u32,
    },
    /// Opens when reaching out ended with both wanting to try.
    NeedsReachOutOutcome,
    /// Opens after enough days without looking (their profile, their
    /// place): a looking slip keeps the streak but restarts this clock.
    NeedsNoLookingDays {
        /// Days required in a row.
        required: u32,
        /// Days still to go.
        remaining: u32,
    },
    /// Not part of this person's path.
    NotOffered {
        /// Why.
        why: NotOfferedWhy,
    },
}

/// Why a step is not offered at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotOfferedWhy {
    /// They were abusive: Crossroads never guides anyone back toward that.
    Abuse,
    /// The person chose to move on.
    MovingOn,
    /// The person said they hurt them, or feared they might: Crossroads
    /// points to support for stopping and does not coach them back.
    HurtThem,
}

/// One stage as the overview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepView {
    /// Which stage.
    pub id: StepId,
    /// Its number (1 to 6), none for the dealbreaker check.
    pub number: Option<u8>,
    /// Locked, open or done.
    pub status: StepStatus,
    /// When locked: why, and when it opens.
    pub locked: Option<LockReason>,
    /// When locked, what else it still waits for besides `locked` (step 5
    /// waits for days, a decision and a pledge at once).
    pub also_needed: Vec<LockReason>,
}

/// The recorded facts the program's state is derived from.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The person's profile, once given.
    pub profile: Option<Profile>,
    /// Whole days of the current no-contact streak, once it has started.
    pub no_contact_days: Option<u32>,
    /// The dealbreaker check is finished.
    pub dealbreakers_done: bool,
    /// Abuse was reported.
    pub abuse: bool,
    /// The person chose to move on (at the check or at the end of step 1).
    pub moving_on: bool,
    /// Step 1's decision.
    pub decision: Option<Decision>,
    /// Step 2's pledge is made.
    pub pledged: bool,
    /// The person said they hurt them, or feared they might.
    pub hurt_them: bool,
    /// Whole days since the last looking slip of the current streak, if any.
    pub looking_days: Option<u32>,
    /// Step 5's latest outcome.
    pub reach_out: Option<reach_out::Outcome>,
    /// The person chose the moving-on path from its own screen.
    pub chose_moving_on: bool,
    /// How many earlier programs are archived.
    pub archived_programs: u32,
}

impl Facts {
    /// Reads every fact the program depends on.
    pub fn load(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<Facts> {
        Ok(Facts {
            no_contact_days: no_contact::current_days(store, now, tz)?,
            pledged: drafts::pledged(store)?,
            looking_days: no_contact::days_since_looking(store, now, tz)?,
            ..Facts::load_untimed(store)?
        })
    }

    /// The facts that no clock changes: everything but the day count and the pledge.
    fn load_untimed(store: &impl Read) -> Result<Facts> {
        let check = dealbreakers::view(store)?;
        let decision = reflect::load(store)?.decision;
        let reach_out = reach_out::latest_outcome(store)?;
        let chose_moving_on = moving_on::chosen(store)?;
        Ok(Facts {
            profile: profile::load(store)?,
            dealbreakers_done: check.done,
            abuse: check.abuse,
            hurt_them: check.hurt_them,
            moving_on: check.path == Some(Path::MovingOn)
                || decision == Some(Decision::MoveOn)
                || reach_out == Some(reach_out::Outcome::No)
                || chose_moving_on,
            decision,
            reach_out,
            chose_moving_on,
            archived_programs: moving_on::archive_count(store)?,
            ..Facts::default()
        })
    }
}

/// Whether `step` is open (or done), judged from the facts that do not
/// depend on the clock. Only for gates that no day count can change: the
/// dealbreaker check, steps 1 to 3.
fn open_now(store: &impl Read, step: StepId) -> Result<bool> {
    Ok(lock_reason(step, &Facts::load_untimed(store)?).is_none())
}

/// Whether step 2 (the drafts vault) is open or done.
pub fn step_two_open(store: &impl Read) -> Result<bool> {
    open_now(store, StepId::TooProudToBeg)
}

/// Whether no contact can start.
pub fn no_contact_open(store: &impl Read) -> Result<bool> {
    open_now(store, StepId::NoContact)
}

/// Whether step 4 (live your life) is open: it runs alongside no contact,
/// from the moment no contact has started. No day count changes that.
pub fn live_your_life_open(store: &impl Read) -> Result<bool> {
    let facts = Facts {
        no_contact_days: no_contact::started(store)?.then_some(0),
        ..Facts::load_untimed(store)?
    };
    Ok(lock_reason(StepId::LiveYourLife, &facts).is_none())
}

/// The step the person is in: the furthest step that is open (for the
/// journal's prompt of the day); the dealbreaker check before any.
pub fn current_step(overview: &Overview) -> StepId {
    overview
        .steps
        .iter()
        .rev()
        .find(|s| s.status == StepStatus::Open)
        .map_or(StepId::Dealbreakers, |s| s.id)
}

/// Whether step 6 is open: reaching out ended with both wanting to try,
/// and nothing closed the way back since.
pub fn better_relationship_open(store: &impl Read) -> Result<bool> {
    open_now(store, StepId::BetterRelationship)
}

/// Where `step` stands at `now`, and why when it is locked (for the gates
/// the facade checks before calling a step).
pub fn step_state(
    store: &impl Read,
    step: StepId,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<(StepStatus, Option<LockReason>)> {
    let view = overview(&Facts::load(store, now, tz)?);
    Ok(view
        .steps
        .iter()
        .find(|s| s.id == step)
        .map_or((StepStatus::Locked, None), |s| (s.status, s.locked)))
}

/// What the day count counts, for the words of its milestones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayClock {
    /// Days of no contact, on the way through the program.
    NoContact,
    /// After choosing to move on, the same clock runs as days of moving on.
    MovingOn,
}

impl DayClock {
    /// The clock for a program that ended in `ending` (none yet: no contact).
    pub fn of(ending: Option<Ending>) -> DayClock {
        match ending {
            Some(Ending::MovingOn) => DayClock::MovingOn,
            _ => DayClock::NoContact,
        }
    }

    /// The milestone days with words of their own; the others share one line.
    pub fn encouraged_days(self) -> &'static [u32] {
        match self {
            DayClock::NoContact => &[1, 3, 7, 14, 21, 30],
            DayClock::MovingOn => &[7, 30, 90, 365],
        }
    }

    /// Whether day `days` has words of its own on this clock.
    pub fn has_own_words(self, days: u32) -> bool {
        self.encouraged_days().contains(&days)
    }
}

/// Where the button after a decision leads: what comes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Next {
    /// The first run: tell Crossroads a little about it.
    Profile,
    /// A step or the check: the first open one, or, when none is open, the
    /// first one still to come (its page says what it waits for).
    Step {
        /// Which.
        step: StepId,
    },
    /// The ending reached: the moving-on page, or step 6.
    Ending {
        /// Which.
        ending: Ending,
    },
}

/// The whole program at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overview {
    /// Whether the profile has been filled in (the first-run flow is over).
    pub has_profile: bool,
    /// Every stage, in order.
    pub steps: Vec<StepView>,
    /// The first open stage: what to do next.
    pub next_step: Option<StepId>,
    /// What comes next, for the button after each decision (never a dead
    /// end): the ending once reached, else the next step.
    pub next: Option<Next>,
    /// Abuse was reported: a small safety banner stays on every screen.
    pub safety_banner: bool,
    /// The ending this program has reached, if any: the home screen fits it.
    pub ending: Option<Ending>,
    /// How many earlier programs are archived (readable, read-only).
    pub archived_programs: u32,
}

/// Derives the program's state from `facts`.
///
/// ```
/// use engine::program::{overview, Facts, LockReason, StepId, StepStatus};
///
/// let fresh = overview(&Facts::default());
/// assert!(!fresh.has_profile);
/// assert_eq!(fresh.steps[0].id, StepId::Dealbreakers);
/// assert_eq!(fresh.steps[0].locked, Some(LockReason::NeedsProfile));
/// assert!(fresh.steps.iter().all(|s| s.status == StepStatus::Locked));
/// ```
pub fn overview(facts: &Facts) -> Overview {
    let steps: Vec<StepView> = StepId::ALL
        .iter()
        .map(|&id| {
            let locked = lock_reason(id, facts);
            let also_needed = match locked {
                // Only when step 5 waits on its own gate, not when it is
                // not offered at all.
                Some(first) if id == StepId::ReachOut => match reach_out_missing(facts) {
                    missing if missing.first() == Some(&first) => missing[1..].to_vec(),
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            let status = match locked {
                Some(_) => StepStatus::Locked,
                None if is_done(id, facts) => StepStatus::Done,
                None => StepStatus::Open,
            };
            StepView {
                id,
                number: id.number(),
                status,
                locked,
                also_needed,
            }
        })
        .collect();
    let next_step = steps
        .iter()
        .find(|s| s.status == StepStatus::Open)
        .map(|s| s.id);
    let ending = ending(facts);
    let next = if facts.profile.is_none() {
        Some(Next::Profile)
    } else if let Some(ending) = ending {
        Some(Next::Ending { ending })
    } else {
        next_step
            .or_else(|| {
                steps
                    .iter()
                    .find(|s| {
                        s.status == StepStatus::Locked
                            && !matches!(s.locked, Some(LockReason::NotOffered { .. }))
                    })
                    .map(|s| s.id)
            })
            .map(|step| Next::Step { step })
    };
    Overview {
        has_profile: facts.profile.is_some(),
        steps,
        next_step,
        next,
        safety_banner: facts.abuse,
        ending,
        archived_programs: facts.archived_programs,
    }
}

fn ending(facts: &Facts) -> Option<Ending> {
    if facts.moving_on {
        Some(Ending::MovingOn)
    } else if !facts.abuse && facts.reach_out == Some(reach_out::Outcome::WantToTry) {
        Some(Ending::Together)
    } else {
        None
    }
}

/// Step 5's gate: 14 whole days with neither contact nor looking, after
/// step 1's decision to try and step 2's pledge. The clock that binds is
/// the later of the streak's start and the last looking slip.
/// Everything step 5 still waits for, the days first: the overview shows
/// them all, so nobody counts down days only to find a step still missing.
fn reach_out_missing(facts: &Facts) -> Vec<LockReason> {
    let contact_days = facts.no_contact_days.unwrap_or(0);
    let looking_days = facts.looking_days.unwrap_or(contact_days);
    let mut missing = Vec::new();
    if looking_days < contact_days && looking_days < REACH_OUT_AFTER_DAYS {
        missing.push(LockReason::NeedsNoLookingDays {
            required: REACH_OUT_AFTER_DAYS,
            remaining: REACH_OUT_AFTER_DAYS - looking_days,
        });
    } else if contact_days < REACH_OUT_AFTER_DAYS {
        missing.push(LockReason::NeedsNoContactDays {
            required: REACH_OUT_AFTER_DAYS,
            remaining: REACH_OUT_AFTER_DAYS - contact_days,
        });
    }
    if facts.decision != Some(Decision::Try) {
        missing.push(LockReason::NeedsStep {
            step: StepId::Reflect,
        });
    }
    if !facts.pledged {
        missing.push(LockReason::NeedsStep {
            step: StepId::TooProudToBeg,
        });
    }
    missing
}

fn is_done(id: StepId, facts: &Facts) -> bool {
    match id {
        StepId::Dealbreakers => facts.dealbreakers_done,
        StepId::Reflect => facts.decision.is_some(),
        StepId::TooProudToBeg => facts.pledged,
        StepId::ReachOut => matches!(
            facts.reach_out,
            Some(reach_out::Outcome::WantToTry | reach_out::Outcome::No)
        ),
        _ => false,
    }
}

fn lock_reason(id: StepId, facts: &Facts) -> Option<LockReason> {
    let after = |step| Some(LockReason::NeedsStep { step });
    // Steps that lead back toward the person are never offered after abuse,
    // nor once the person chose to move on.
    let not_offered = if facts.abuse {
        Some(LockReason::NotOffered {
            why: NotOfferedWhy::Abuse,
        })
    } else if facts.hurt_them {
        Some(LockReason::NotOffered {
            why: NotOfferedWhy::HurtThem,
        })
    } else if facts.moving_on {
        Some(LockReason::NotOffered {
            why: NotOfferedWhy::MovingOn,
        })
    } else {
        None
    };
    match id {
        StepId::Dealbreakers if facts.profile.is_none() => Some(LockReason::NeedsProfile),
        StepId::Dealbreakers => None,
        StepId::Reflect if !facts.dealbreakers_done => after(StepId::Dealbreakers),
        StepId::Reflect => None,
        StepId::TooProudToBeg if not_offered.is_some() => not_offered,
        StepId::TooProudToBeg if facts.decision != Some(Decision::Try) => after(StepId::Reflect),
        StepId::TooProudToBeg => None,
        // Self-care: no contact and living your life stay available to everyone.
        StepId::NoContact if !facts.dealbreakers_done => after(StepId::Dealbreakers),
        StepId::NoContact => None,
        StepId::LiveYourLife if facts.no_contact_days.is_none() => after(StepId::NoContact),
        StepId::LiveYourLife => None,
        // A "no" from them ends step 5 (done) and opens the moving-on path.
        StepId::ReachOut if !facts.abuse && facts.reach_out == Some(reach_out::Outcome::No) => None,
        StepId::ReachOut if not_offered.is_some() => not_offered,
        StepId::ReachOut if facts.reach_out == Some(reach_out::Outcome::WantToTry) => None,
        StepId::ReachOut => reach_out_missing(facts).first().copied(),
        StepId::BetterRelationship if not_offered.is_some() => not_offered,
        StepId::BetterRelationship if facts.reach_out == Some(reach_out::Outcome::WantToTry) => {
            None
        }
        StepId::BetterRelationship => Some(LockReason::NeedsReachOutOutcome),
    }
}

/// How the program recorded in `store` stands at `now`: its ending, if any.
pub fn ending_of(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<Option<Ending>> {
    Ok(overview(&Facts::load(store, now, tz)?).ending)
}

// ---- Gates: the facade asks these before a step's write, so a step
// never asks the program about itself.

/// Refuses step 2's writes until it is open (step 1's decision to try).
pub(crate) fn require_step_two(store: &impl Read) -> Result<()> {
    if step_two_open(store)? {
        Ok(())
    } else {
        Err(Error::OutOfOrder("draftsVaultOpensWhen".into()))
    }
}

/// Refuses step-4 entries until the step is open (no contact has started).
pub(crate) fn require_live_your_life(store: &impl Read) -> Result<()> {
    if live_your_life_open(store)? {
        Ok(())
    } else {
        Err(Error::OutOfOrder("livingLifeOpensOnce".into()))
    }
}

/// Refuses step 5's writes while it is locked, saying why.
pub(crate) fn require_reach_out(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<()> {
    let (status, reason) = step_state(store, StepId::ReachOut, now, tz)?;
    if status != StepStatus::Locked {
        return Ok(());
    }
    let why = match reason {
        Some(LockReason::NeedsNoContactDays {
            required,
            remaining,
        }) => Message::new("reachOutNeedsDays")
            .arg("required", required)
            .arg("count", remaining),
        Some(LockReason::NeedsNoLookingDays {
            required,
            remaining,
        }) => Message::new("reachOutNeedsNoLooking")
            .arg("required", required)
            .arg("count", remaining),
        Some(LockReason::NotOffered {
            why: NotOfferedWhy::Abuse,
        }) => Message::new("reachOutAfterAbuse"),
        Some(LockReason::NotOffered { .. }) => Message::new("reachOutMovedOn"),
        _ => Message::new("reachOutNeedsDecision"),
    };
    Err(Error::OutOfOrder(why))
}

/// Refuses step 6's writes unless you both want to try.
pub(crate) fn require_together(store: &impl Read) -> Result<()> {
    if better_relationship_open(store)? {
        Ok(())
    } else {
        Err(Error::OutOfOrder("betterRelationshipOpensWhen".into()))
    }
}

/// Refuses the closure's writes until the moving-on path is taken.
pub(crate) fn require_moving_on(store: &impl Read, now: DateTime<Utc>, tz: Tz) -> Result<()> {
    let overview = overview(&Facts::load(store, now, tz)?);
    if overview.ending == Some(Ending::MovingOn) {
        Ok(())
    } else {
        Err(Error::OutOfOrder("closurePartMovingPath".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Profile, ProfileInput};
    use crate::test_support::instant;

    #[test]
    fn the_day_clock_counts_moving_on_only_after_choosing_it_and_names_its_own_days() {
        assert_eq!(DayClock::of(None), DayClock::NoContact);
        assert_eq!(DayClock::of(Some(Ending::Together)), DayClock::NoContact);
        assert_eq!(DayClock::of(Some(Ending::MovingOn)), DayClock::MovingOn);
        let own = |clock: DayClock| {
            (1..=400)
                .filter(|&d| clock.has_own_words(d))
                .collect::<Vec<_>>()
        };
        assert_eq!(own(DayClock::NoContact), [1, 3, 7, 14, 21, 30]);
        assert_eq!(own(DayClock::MovingOn), [7, 30, 90, 365]);
    }

    fn with_profile() -> Facts {
        let input = ProfileInput {
            ex_name: "Robin".into(),
            pronouns: "she".into(),
            breakup_date: "2026-01-10".into(),
            ended_by: "them".into(),
        };
        let now = instant("2026-02-01T12:00:00Z");
        Facts {
            profile: Some(Profile::validate(&input, None, now, chrono_tz::UTC).unwrap()),
            ..Facts::default()
        }
    }

    fn status(facts: &Facts, id: StepId) -> (StepStatus, Option<LockReason>) {
        let view = overview(facts);
        let step = view.steps.iter().find(|s| s.id == id).unwrap();
        (step.status, step.locked)
    }

    #[test]
    fn the_dealbreaker_check_opens_reflection_and_no_contact() {
        let checked = Facts {
            dealbreakers_done: true,
            ..with_profile()
        };
        assert_eq!(status(&checked, StepId::Dealbreakers).0, StepStatus::Done);
        assert_eq!(status(&checked, StepId::Reflect).0, StepStatus::Open);
        assert_eq!(status(&checked, StepId::NoContact).0, StepStatus::Open);
        assert_eq!(
            status(&checked, StepId::TooProudToBeg).1,
            Some(LockReason::NeedsStep {
                step: StepId::Reflect
            })
        );
        assert!(!overview(&checked).safety_banner);
    }

    #[test]
    fn each_step_one_decision_routes_step_two() {
        let tried = Facts {
            dealbreakers_done: true,
            decision: Some(Decision::Try),
            ..with_profile()
        };
        assert_eq!(status(&tried, StepId::Reflect).0, StepStatus::Done);
        assert_eq!(status(&tried, StepId::TooProudToBeg).0, StepStatus::Open);
        let pledged = Facts {
            pledged: true,
            ..tried.clone()
        };
        assert_eq!(status(&pledged, StepId::TooProudToBeg).0, StepStatus::Done);
        let moving = Facts {
            decision: Some(Decision::MoveOn),
            moving_on: true,
            ..tried
        };
        let closed = Some(LockReason::NotOffered {
            why: NotOfferedWhy::MovingOn,
        });
        for id in [
            StepId::TooProudToBeg,
            StepId::ReachOut,
            StepId::BetterRelationship,
        ] {
            assert_eq!(status(&moving, id).1, closed, "{id:?}");
        }
        assert_eq!(status(&moving, StepId::NoContact).0, StepStatus::Open);
    }

    #[test]
    fn abuse_closes_the_way_back_keeps_self_care_and_shows_the_banner() {
        let abused = Facts {
            dealbreakers_done: true,
            abuse: true,
            no_contact_days: Some(30),
            ..with_profile()
        };
        let closed = Some(LockReason::NotOffered {
            why: NotOfferedWhy::Abuse,
        });
        for id in [
            StepId::TooProudToBeg,
            StepId::ReachOut,
            StepId::BetterRelationship,
        ] {
            assert_eq!(status(&abused, id).1, closed, "{id:?}");
        }
        for id in [StepId::Reflect, StepId::NoContact, StepId::LiveYourLife] {
            assert_ne!(status(&abused, id).0, StepStatus::Locked, "{id:?}");
        }
        assert!(overview(&abused).safety_banner);
        let json = serde_json::to_value(overview(&abused)).unwrap();
        assert_eq!(
            json["steps"][5]["locked"],
            serde_json::json!({ "code": "not_offered", "why": "abuse" })
        );
    }

    #[test]
    fn a_person_who_hurt_them_is_not_coached_back_and_gets_no_abuse_banner() {
        let hurt = Facts {
            dealbreakers_done: true,
            hurt_them: true,
            no_contact_days: Some(30),
            ..with_profile()
        };
        let closed = Some(LockReason::NotOffered {
            why: NotOfferedWhy::HurtThem,
        });
        for id in [
            StepId::TooProudToBeg,
            StepId::ReachOut,
            StepId::BetterRelationship,
        ] {
            assert_eq!(status(&hurt, id).1, closed, "{id:?}");
        }
        for id in [StepId::Reflect, StepId::NoContact, StepId::LiveYourLife] {
            assert_ne!(status(&hurt, id).0, StepStatus::Locked, "{id:?}");
        }
        assert!(!overview(&hurt).safety_banner);
        let json = serde_json::to_value(overview(&hurt)).unwrap();
        assert_eq!(
            json["steps"][5]["locked"],
            serde_json::json!({ "code": "not_offered", "why": "hurt_them" })
        );
    }

    #[test]
    fn steps_come_in_program_order_with_numbers() {
        let steps = overview(&Facts::default()).steps;
        let numbers: Vec<_> = steps.iter().map(|s| s.number).collect();
        assert_eq!(
            numbers,
            [None, Some(1), Some(2), Some(3), Some(4), Some(5), Some(6)]
        );
    }

    #[test]
    fn without_a_profile_everything_is_locked_and_says_why() {
        let view = overview(&Facts::default());
        assert_eq!(view.next_step, None);
        for step in &view.steps {
            assert_eq!(step.status, StepStatus::Locked);
            assert!(step.locked.is_some(), "{:?} must say why", step.id);
        }
    }

    #[test]
    fn fourteen_days_of_no_contact_open_reaching_out() {
        let at = |days| {
            let facts = Facts {
                no_contact_days: Some(days),
                decision: Some(Decision::Try),
                pledged: true,
                ..with_profile()
            };
            overview(&facts)
                .steps
                .iter()
                .find(|s| s.id == StepId::ReachOut)
                .unwrap()
                .locked
        };
        assert_eq!(
            at(0),
            Some(LockReason::NeedsNoContactDays {
                required: 14,
                remaining: 14
            })
        );
        assert_eq!(
            at(9),
            Some(LockReason::NeedsNoContactDays {
                required: 14,
                remaining: 5
            })
        );
        assert_eq!(at(14), None);
        assert_eq!(at(40), None);
        let started = overview(&Facts {
            no_contact_days: Some(0),
            ..with_profile()
        });
        let live = started
            .steps
            .iter()
            .find(|s| s.id == StepId::LiveYourLife)
            .unwrap();
        assert_eq!(live.status, StepStatus::Open);
    }

    #[test]
    fn a_profile_opens_the_dealbreaker_check() {
        let view = overview(&with_profile());
        assert!(view.has_profile);
        assert_eq!(view.next_step, Some(StepId::Dealbreakers));
        let open: Vec<_> = view
            .steps
            .iter()
            .filter(|s| s.status == StepStatus::Open)
            .map(|s| s.id)
            .collect();
        assert_eq!(open, [StepId::Dealbreakers]);
        let reach_out = view
            .steps
            .iter()
            .find(|s| s.id == StepId::ReachOut)
            .unwrap();
        assert_eq!(
            reach_out.locked,
            Some(LockReason::NeedsNoContactDays {
                required: 14,
                remaining: 14
            })
        );
    }

    #[test]
    fn the_overview_serializes_as_the_ui_expects() {
        let json = serde_json::to_value(overview(&with_profile())).unwrap();
        assert_eq!(json["steps"][0]["id"], "dealbreakers");
        assert_eq!(json["steps"][0]["status"], "open");
        assert_eq!(json["steps"][1]["locked"]["code"], "needs_step");
        assert_eq!(json["steps"][1]["locked"]["step"], "dealbreakers");
        assert_eq!(json["steps"][5]["locked"]["remaining"], 14);
    }
}
