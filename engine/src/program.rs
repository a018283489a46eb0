//! The program as a state machine: the dealbreaker check and the six steps,
//! each with a status derived from recorded facts, never stored as a flag.
//!
//! The engine says *which* step and *why* it is locked as codes and numbers;
//! the UI turns them into words, so the texts can be translated in one place.

use serde::Serialize;

use crate::profile::Profile;

/// Days of unbroken no contact before reaching out opens.
pub const REACH_OUT_AFTER_DAYS: u32 = 14;

/// One stage of the program, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepId {
    /// Before step 1: the four dealbreaker questions.
    Dealbreakers,
    /// Step 1: reflect.
    Reflect,
    /// Step 2: too proud to beg.
    TooProudToBeg,
    /// Step 3: no contact.
    NoContact,
    /// Step 4: live your life (alongside step 3).
    LiveYourLife,
    /// Step 5: reach out.
    ReachOut,
    /// Step 6: a better relationship.
    BetterRelationship,
}

impl StepId {
    /// Every stage, in program order.
    pub const ALL: [StepId; 7] = [
        StepId::Dealbreakers,
        StepId::Reflect,
        StepId::TooProudToBeg,
        StepId::NoContact,
        StepId::LiveYourLife,
        StepId::ReachOut,
        StepId::BetterRelationship,
    ];

    /// The step's number in the program (1 to 6); the dealbreaker check has none.
    pub fn number(self) -> Option<u8> {
        StepId::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| u8::try_from(i).ok())
            .filter(|n| *n > 0)
    }
}

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
}

/// The recorded facts the program's state is derived from.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The person's profile, once given.
    pub profile: Option<Profile>,
    /// Whole days of the current no-contact streak, once it has started.
    pub no_contact_days: Option<u32>,
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
            StepView {
                id,
                number: id.number(),
                status: if locked.is_some() {
                    StepStatus::Locked
                } else {
                    StepStatus::Open
                },
                locked,
            }
        })
        .collect();
    let next_step = steps
        .iter()
        .find(|s| s.status == StepStatus::Open)
        .map(|s| s.id);
    Overview {
        has_profile: facts.profile.is_some(),
        steps,
        next_step,
    }
}

fn lock_reason(id: StepId, facts: &Facts) -> Option<LockReason> {
    let after = |step| Some(LockReason::NeedsStep { step });
    match id {
        StepId::Dealbreakers if facts.profile.is_none() => Some(LockReason::NeedsProfile),
        StepId::Dealbreakers => None,
        // The answers that open step 1 and 2 are recorded by the dealbreaker
        // check and reflection, which are not built yet; until then they stay
        // locked, and no contact opens with the profile.
        StepId::Reflect => after(StepId::Dealbreakers),
        StepId::TooProudToBeg => after(StepId::Reflect),
        StepId::NoContact if facts.profile.is_none() => Some(LockReason::NeedsProfile),
        StepId::NoContact => None,
        // Living your life runs alongside no contact.
        StepId::LiveYourLife if facts.no_contact_days.is_none() => after(StepId::NoContact),
        StepId::LiveYourLife => None,
        StepId::ReachOut => {
            let days = facts.no_contact_days.unwrap_or(0);
            (days < REACH_OUT_AFTER_DAYS).then(|| LockReason::NeedsNoContactDays {
                required: REACH_OUT_AFTER_DAYS,
                remaining: REACH_OUT_AFTER_DAYS - days,
            })
        }
        StepId::BetterRelationship => Some(LockReason::NeedsReachOutOutcome),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Profile, ProfileInput};
    use crate::test_support::instant;

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
            no_contact_days: None,
        }
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
    fn a_profile_opens_the_dealbreaker_check_and_no_contact() {
        let view = overview(&with_profile());
        assert!(view.has_profile);
        assert_eq!(view.next_step, Some(StepId::Dealbreakers));
        let open: Vec<_> = view
            .steps
            .iter()
            .filter(|s| s.status == StepStatus::Open)
            .map(|s| s.id)
            .collect();
        assert_eq!(open, [StepId::Dealbreakers, StepId::NoContact]);
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
