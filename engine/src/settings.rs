//! App-wide settings: the milestone days, whether and when notifications
//! may come, and the language of the words. Kept with step 3's records on
//! disk (the key predates this module).

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Message, Result};
use crate::language::Language;
use crate::store::{Read, Tree, Tx};

/// Where the settings are stored, in the no-contact tree.
pub(crate) const SETTINGS_KEY: &[u8] = b"settings";

/// Milestones (in days) when the person has not chosen their own.
pub const DEFAULT_MILESTONES: [u32; 8] = [1, 3, 7, 14, 21, 30, 60, 90];
/// The largest milestone accepted: ten years.
pub const MILESTONE_MAX_DAYS: u32 = 3650;

/// The most milestones a list may have.
pub const MILESTONES_MAX_COUNT: usize = 50;
/// Hours in which notifications wait (local wall time; may span midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuietHours {
    /// When the quiet begins.
    pub start: NaiveTime,
    /// When it ends.
    pub end: NaiveTime,
}

impl QuietHours {
    /// Whether `time` falls inside the quiet hours.
    pub fn contains(&self, time: NaiveTime) -> bool {
        if self.start < self.end {
            self.start <= time && time < self.end
        } else {
            time >= self.start || time < self.end
        }
    }
}

/// The person's choices for step 3. Stored as shown: a missing field (older
/// data) takes its default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Milestones in days, ascending, no duplicates.
    pub milestones: Vec<u32>,
    /// Whether milestone notifications are shown at all.
    pub notifications: bool,
    /// Hours in which notifications wait.
    pub quiet_hours: Option<QuietHours>,
    /// The language of Crossroads' words; `None` until the shell first
    /// stores the one the system locale asks for (older data has none). A
    /// language this version has no words for (data from a newer one) reads
    /// as `None`, so the system's is chosen again and nothing else is lost.
    #[serde(deserialize_with = "known_language")]
    pub language: Option<Language>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            milestones: DEFAULT_MILESTONES.to_vec(),
            notifications: true,
            quiet_hours: None,
            language: None,
        }
    }
}

/// Settings as the UI sends them: plain values, checked by [`Settings::validate`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsInput {
    /// Milestones as typed, e.g. `"1, 3, 7, 14"`.
    pub milestones: String,
    /// Whether notifications are on.
    pub notifications: bool,
    /// Whether quiet hours are on.
    pub quiet_hours_enabled: bool,
    /// Start of quiet hours, `HH:MM`.
    pub quiet_start: String,
    /// End of quiet hours, `HH:MM`.
    pub quiet_end: String,
}

impl Settings {
    /// Checks what the UI sent; the first problem is a typed error naming its field.
    pub fn validate(input: &SettingsInput) -> Result<Settings> {
        let milestones = parse_milestones(&input.milestones)?;
        let quiet_hours = if input.quiet_hours_enabled {
            let time = |text: &str, field| {
                NaiveTime::parse_from_str(text.trim(), "%H:%M")
                    .map_err(|_| Error::invalid(field, "timeInvalid"))
            };
            let start = time(&input.quiet_start, "quiet_start")?;
            let end = time(&input.quiet_end, "quiet_end")?;
            if start == end {
                return Err(Error::invalid("quiet_end", "quietHoursNeedEnd"));
            }
            Some(QuietHours { start, end })
        } else {
            None
        };
        Ok(Settings {
            milestones,
            notifications: input.notifications,
            quiet_hours,
            // The language has its own setter; the shell keeps it as stored.
            language: None,
        })
    }
}

fn parse_milestones(text: &str) -> Result<Vec<u32>> {
    let field = "milestones";
    let mut days = Vec::new();
    for part in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let day: u32 = part.parse().map_err(|_| {
            Error::invalid(field, Message::new("notWholeNumberDays").arg("part", part))
        })?;
        if !(1..=MILESTONE_MAX_DAYS).contains(&day) {
            return Err(Error::invalid(
                field,
                Message::new("milestonesAreBetweenDays")
                    .arg("max", MILESTONE_MAX_DAYS)
                    .arg("day", day),
            ));
        }
        if days.contains(&day) {
            return Err(Error::invalid(
                field,
                Message::new("dayListTwice").arg("day", day),
            ));
        }
        days.push(day);
    }
    if days.is_empty() {
        return Err(Error::invalid(field, "keepAtLeastOne"));
    }
    if days.len() > MILESTONES_MAX_COUNT {
        return Err(Error::invalid(
            field,
            Message::new("keepMilestonesFewer").arg("max", MILESTONES_MAX_COUNT),
        ));
    }
    days.sort_unstable();
    Ok(days)
}

/// Reads the settings (defaults until the person changes them).
pub fn settings(store: &impl Read) -> Result<Settings> {
    Ok(store
        .get(Tree::NoContact, SETTINGS_KEY)?
        .unwrap_or_default())
}

/// Stores `settings` (checked by [`Settings::validate`]) in place of the
/// stored ones; the language, which has its own setter, stays as stored.
pub fn replace(tx: &mut Tx<'_>, mut settings: Settings) -> Result<Settings> {
    settings.language = self::settings(tx)?.language;
    tx.put(Tree::NoContact, SETTINGS_KEY, &settings)?;
    Ok(settings)
}

/// Stores the language of the words; every other setting stays as it is.
pub fn set_language(tx: &mut Tx<'_>, language: Language) -> Result<Settings> {
    let mut settings = settings(tx)?;
    settings.language = Some(language);
    tx.put(Tree::NoContact, SETTINGS_KEY, &settings)?;
    Ok(settings)
}

/// Reads a stored language code, taking one this version does not know
/// for none rather than failing the whole settings record.
fn known_language<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<Language>, D::Error> {
    let code: Option<String> = serde::Deserialize::deserialize(deserializer)?;
    Ok(code.and_then(|code| Language::ALL.into_iter().find(|l| l.code() == code)))
}
