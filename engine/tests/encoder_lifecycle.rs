//! The sentence encoder is loaded by the first check of free text and
//! given back once no check came for a while; its own test binary, so no
//! other test's checks count as use.

use std::time::{Duration, Instant};

use engine::text::understanding::{self, IDLE_AFTER};

#[test]
fn loaded_on_first_check_and_given_back_when_idle() {
    let start = Instant::now();
    let at = |minutes: u64| start + Duration::from_secs(minutes * 60);
    assert!(
        !understanding::is_loaded(),
        "nothing loads it before a check"
    );
    assert!(!understanding::release_if_idle(at(0)));
    let _ = engine::safety::assess("some nights I think everyone would be better off without me");
    assert!(understanding::is_loaded(), "the first check loads it");

    // The notifier's round sees the check; a later check keeps it longer.
    assert!(!understanding::release_if_idle(at(1)));
    assert!(!understanding::release_if_idle(at(4)));
    let _ = engine::coach::review("You never listened.");
    assert!(!understanding::release_if_idle(at(5)));
    assert!(!understanding::release_if_idle(at(9)));
    assert!(understanding::is_loaded());

    // IDLE_AFTER with no check gives it back; the next check loads it again.
    assert!(understanding::release_if_idle(at(5) + IDLE_AFTER));
    assert!(!understanding::is_loaded());
    let again = engine::safety::assess("tonight im ending it. sorry to whoever finds me");
    assert!(again.brings_card());
    assert!(understanding::is_loaded());
    assert_eq!(understanding::load_failures(), 0);
}
