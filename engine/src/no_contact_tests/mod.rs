//! Step 3's tests: the streak, the log and settings (the milestones the
//! schedule announces are tested in `schedule/milestones_tests/`).

use super::*;
use crate::language::Language;
use crate::schedule::save_settings;
use crate::settings::set_language;
use crate::test_support::{app_of, instant, temp_store};
use crate::ErrorKind;
use chrono::Duration;
use chrono::NaiveTime;
use chrono_tz::{Europe::Berlin, UTC};

fn settings_input(milestones: &str) -> SettingsInput {
    SettingsInput {
        milestones: milestones.into(),
        notifications: true,
        ..SettingsInput::default()
    }
}

mod streak;
