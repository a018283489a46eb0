//! The shell's only window on the system clock and time zone. The engine
//! never reads either: every engine call gets them from a [`Clock`], which
//! lives in the app state so tests can pin it (and move it) at will.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

/// A pinned instant and zone, shared by every clone of a [`Clock`].
type Pinned = Arc<Mutex<(DateTime<Utc>, Tz)>>;

/// Where "now" and the local zone come from.
#[derive(Clone, Default)]
pub struct Clock {
    /// `None`: the system's; `Some`: a pinned instant and zone (tests).
    pinned: Option<Pinned>,
}

impl Clock {
    /// The system clock and zone.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that stands at `at` in `tz` until moved with [`Clock::advance`].
    pub fn pinned(at: DateTime<Utc>, tz: Tz) -> Clock {
        Clock {
            pinned: Some(Arc::new(Mutex::new((at, tz)))),
        }
    }

    /// Moves a pinned clock forward (or back, with a negative duration).
    /// A no-op on the system clock.
    pub fn advance(&self, by: Duration) {
        if let Some(pinned) = &self.pinned {
            let mut guard = pinned.lock().unwrap_or_else(|e| e.into_inner());
            guard.0 += by;
        }
    }

    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        match &self.pinned {
            Some(pinned) => pinned.lock().unwrap_or_else(|e| e.into_inner()).0,
            None => Utc::now(),
        }
    }

    /// The local time zone, read afresh on every call so that a zone change
    /// while the app runs is picked up.
    pub fn zone(&self) -> Tz {
        match &self.pinned {
            Some(pinned) => pinned.lock().unwrap_or_else(|e| e.into_inner()).1,
            None => system_zone(),
        }
    }
}

/// `TZ`, when it names an IANA zone, wins (tests and people who set it on
/// purpose); otherwise the system zone; UTC when neither can be read.
fn system_zone() -> Tz {
    std::env::var("TZ")
        .ok()
        .and_then(|name| name.trim_start_matches(':').parse().ok())
        .or_else(|| iana_time_zone::get_timezone().ok()?.parse().ok())
        .unwrap_or(Tz::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_clock_stands_still_until_moved() {
        let at = DateTime::parse_from_rfc3339("2026-03-01T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let clock = Clock::pinned(at, chrono_tz::Europe::Berlin);
        assert_eq!(clock.now(), at);
        clock.advance(Duration::hours(2));
        assert_eq!(clock.now(), at + Duration::hours(2));
        assert_eq!(clock.zone(), chrono_tz::Europe::Berlin);
    }
}
