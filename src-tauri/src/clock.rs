//! The shell's only window on the system clock and time zone. The engine
//! never reads either: every engine call gets them from here.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// The current instant.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The local time zone, read afresh on every call so that a zone change
/// while the app runs is picked up. `TZ`, when it names an IANA zone, wins
/// (tests and people who set it on purpose); otherwise the system zone;
/// UTC when neither can be read.
pub fn local_zone() -> Tz {
    std::env::var("TZ")
        .ok()
        .and_then(|name| name.trim_start_matches(':').parse().ok())
        .or_else(|| iana_time_zone::get_timezone().ok()?.parse().ok())
        .unwrap_or(Tz::UTC)
}
