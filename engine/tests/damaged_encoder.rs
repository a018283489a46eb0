//! When the sentence encoder cannot load (damaged weights), the detectors
//! run their rules alone: the card still comes for what the rules catch,
//! everyday text still brings none, and the failure is logged once. Its
//! own test binary, since it swaps the process-wide weights.

use engine::safety::{assess, Tier};
use engine::text::understanding;

#[test]
fn damaged_weights_leave_the_rules_running_and_are_logged_once() {
    let mut damaged = encoder::EMBEDDED.to_vec();
    damaged.truncate(damaged.len() / 3);
    understanding::use_weights_for_tests(Box::leak(damaged.into_boxed_slice()));

    let explicit = assess("I want to go to sleep and not wake up");
    assert_eq!(explicit.tier, Tier::Higher, "the rules still catch it");
    assert!(assess("he hit me again last night").danger_from_someone);
    assert_eq!(assess("this traffic is killing me").tier, Tier::None);
    assert_eq!(
        engine::begging::analyse("please come back, I am begging you").level,
        engine::begging::Level::Pleading
    );
    assert!(engine::coach::review("It's your fault.").blame);

    assert!(!understanding::is_loaded());
    assert_eq!(
        understanding::load_failures(),
        1,
        "tried and logged once, not on every check"
    );
}
