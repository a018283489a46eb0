//! Moments worth a word in the window, not only a notification: the day-7,
//! 14 and 30 milestones of the current no-contact run, and the ending the
//! program reached. Each is acknowledged once, quietly: the window shows it
//! until the person closes it, and never again.
//!
//! Which moment is due is decided here from facts the facade passes in
//! (the run's start and day count, the ending); this module owns only the
//! record of what was acknowledged.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::stage::Ending;
use crate::store::{Read, Tree, Tx};

/// The milestones that get a moment in the window.
pub const WINDOW_MILESTONES: [u32; 3] = [7, 14, 30];

const KEY: &[u8] = b"moments_seen";

/// The current no-contact run: its start and its day count.
pub type Run = Option<(DateTime<Utc>, u32)>;

/// A moment the window acknowledges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Moment {
    /// A milestone of the current run (on the moving-on path, days of
    /// moving on).
    Milestone {
        /// The milestone's day.
        days: u32,
        /// The program is on the moving-on path.
        #[serde(default)]
        moving_on: bool,
    },
    /// The ending the program reached.
    Ending {
        /// Which.
        ending: Ending,
    },
}

impl crate::choice::Offered for Moment {
    const FIELD: &'static str = "moment";
}

/// What was acknowledged, per run (start in µs) and per ending.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Seen {
    milestones: BTreeMap<i64, BTreeSet<u32>>,
    endings: Vec<Ending>,
}

fn load(store: &impl Read) -> Result<Seen> {
    Ok(store.get(Tree::Program, KEY)?.unwrap_or_default())
}

/// The moment due now, if any: the ending first (once reached), else the
/// highest window milestone the current run has reached and that was not
/// acknowledged. Back together, the run's milestones no longer get one.
pub fn due(store: &impl Read, run: Run, ending: Option<Ending>) -> Result<Option<Moment>> {
    let seen = load(store)?;
    if let Some(ending) = ending {
        if !seen.endings.contains(&ending) {
            return Ok(Some(Moment::Ending { ending }));
        }
    }
    if ending == Some(Ending::Together) {
        return Ok(None);
    }
    let Some((start, days)) = run else {
        return Ok(None);
    };
    let done = seen.milestones.get(&start.timestamp_micros());
    Ok(WINDOW_MILESTONES
        .iter()
        .rev()
        .find(|&&n| n <= days && !done.is_some_and(|d| d.contains(&n)))
        .map(|&days| Moment::Milestone {
            days,
            moving_on: ending == Some(Ending::MovingOn),
        }))
}

/// Records that `moment`, the one due now, was acknowledged (a milestone
/// takes the lower ones of its run with it). Refused when it is not due.
pub fn acknowledge(
    tx: &mut Tx<'_>,
    moment: Moment,
    run: Run,
    ending: Option<Ending>,
) -> Result<()> {
    if due(tx, run, ending)? != Some(moment) {
        return Err(Error::OutOfOrder("momentNotDue".into()));
    }
    let mut seen = load(tx)?;
    match moment {
        Moment::Ending { ending } => seen.endings.push(ending),
        Moment::Milestone { days, .. } => {
            if let Some((start, _)) = run {
                seen.milestones
                    .entry(start.timestamp_micros())
                    .or_default()
                    .extend(WINDOW_MILESTONES.iter().filter(|&&n| n <= days));
            }
        }
    }
    tx.put(Tree::Program, KEY, &seen)
}
