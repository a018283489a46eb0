//! The crisis detector's rules as data, one table per language (English
//! with its danger rules), and the rules generalised across languages.
//! Their order is the order they are compiled in.

mod de;
mod en;
mod es;
mod fr;
mod generalised;
mod it;
mod nl;

use super::{Rule, Sign};

/// Every sign rule, in the order they are compiled: English, the other
/// languages, the generalised ones, then danger from someone else.
pub(super) const TABLES: [&[Rule<Sign>]; 9] = [
    en::RULES,
    de::RULES,
    fr::RULES,
    es::RULES,
    it::RULES,
    nl::RULES,
    generalised::RULES,
    en::DANGER,
    generalised::DANGER,
];
