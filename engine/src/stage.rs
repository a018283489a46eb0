//! The program's vocabulary: its stages and its endings. Named by every
//! layer (a journal prompt belongs to a step, a quiet moment to an ending),
//! so it sits below them; `program` decides which stage is open.

use serde::Serialize;

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

/// Where the program ends, once an ending is chosen or reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// Reaching out ended with both wanting to try: step 6.
    Together,
    /// Moving on, with closure.
    MovingOn,
}
