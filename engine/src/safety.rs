//! Safety, always one click away: crisis and domestic-abuse lines by
//! country (stored offline, each with its source and the date it was last
//! checked), and the detection of crisis language in free text (the
//! detector lives in [`crate::text::crisis`]; its entry points are
//! re-exported here, where callers look for them).
//!
//! Detection never blocks saving and stores nothing: it only tells the UI
//! to show a gentle card with the resources.

use serde::{Deserialize, Serialize};

/// The resources file shipped inside the app.
const RESOURCES_JSON: &str = include_str!("../data/resources.json");

/// What a line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Suicide and emotional crisis support.
    Crisis,
    /// Domestic abuse support.
    DomesticAbuse,
}

/// One helpline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// What it is for.
    pub kind: LineKind,
    /// Its name.
    pub name: String,
    /// How to reach it.
    pub contact: String,
    /// When it answers.
    pub hours: String,
    /// Where the entry comes from.
    pub source: String,
    /// When the entry was last checked (`YYYY-MM-DD`).
    pub last_checked: String,
}

/// The lines of one country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166 code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// The emergency number.
    pub emergency: String,
    /// Its helplines.
    pub lines: Vec<Line>,
}

/// Every resource Crossroads knows, offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resources {
    /// The line telling the person to call their local emergency number.
    pub emergency_note: String,
    /// Countries, in the file's order.
    pub countries: Vec<Country>,
}

/// The shipped resources. The file is checked by a test, so this cannot fail
/// in a build that passed its tests; an unreadable file gives an empty list
/// with the emergency note rather than a crash.
pub fn resources() -> Resources {
    serde_json::from_str(RESOURCES_JSON).unwrap_or_else(|_| Resources {
        emergency_note: "If you are in danger, call your local emergency number.".into(),
        countries: Vec::new(),
    })
}

pub use crate::text::crisis::{
    assess, mentions_crisis, CrisisAssessment, CrisisFinding, Sign, Tier,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_resources_cover_the_promised_countries_with_sources_and_dates() {
        let parsed: Resources =
            serde_json::from_str(RESOURCES_JSON).expect("resources.json parses");
        let codes: Vec<&str> = parsed.countries.iter().map(|c| c.code.as_str()).collect();
        for code in [
            "US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "ES", "IT", "NL",
        ] {
            assert!(codes.contains(&code), "{code} missing");
        }
        for country in &parsed.countries {
            assert!(!country.emergency.is_empty(), "{}", country.code);
            assert!(
                country.lines.iter().any(|l| l.kind == LineKind::Crisis),
                "{}",
                country.code
            );
            assert!(
                country
                    .lines
                    .iter()
                    .any(|l| l.kind == LineKind::DomesticAbuse),
                "{}",
                country.code
            );
            for line in &country.lines {
                assert!(
                    !line.source.is_empty() && !line.contact.is_empty(),
                    "{line:?}"
                );
                assert!(
                    chrono::NaiveDate::parse_from_str(&line.last_checked, "%Y-%m-%d").is_ok(),
                    "{line:?}"
                );
            }
        }
        assert!(parsed.emergency_note.contains("emergency number"));
        assert_eq!(resources(), parsed);
    }

    #[test]
    fn crisis_language_is_recognised() {
        let yes = [
            "I want to die.",
            "Honestly I just wanna die tonight",
            "Sometimes I think about ending my life",
            "i keep thinking i should kill myself",
            "I wish I was dead",
            "Everyone would be better off without me.",
            "I've been having suicidal thoughts",
            "I hurt myself again last night",
            "I started cutting myself",
            "There is nothing to live for now",
            "I don't want to live like this, or at all",
            "I don’t want to be here anymore",
            "I can't go on without them",
            "I'll die without you, please come back",
            "thinking about an overdose",
            "SELF-HARM is back",
            "I want to end it all.",
        ];
        for text in yes {
            assert!(mentions_crisis(text), "should be recognised: {text}");
        }
    }

    #[test]
    fn danger_from_someone_else_is_its_own_signal_and_brings_the_card() {
        for text in [
            "he hit me again",
            "She threatened me when I said I'd leave",
            "he won't let me see my friends",
            "my boyfriend checks my phone every night",
            "Er hat mich geschlagen",
        ] {
            let a = assess(text);
            assert!(a.danger_from_someone, "{text}: {a:?}");
            assert_eq!(a.tier, Tier::None, "{text}");
            assert!(mentions_crisis(text), "{text}");
        }
        for text in [
            "she hit me up last night",
            "he threatened to leave if I moved",
            "I check my phone too often",
        ] {
            assert!(!assess(text).danger_from_someone, "{text}");
        }
    }

    #[test]
    fn the_other_languages_have_both_tiers() {
        for (text, tier) in [
            ("Ich will nicht mehr leben", Tier::Higher),
            ("Ich kann nicht mehr", Tier::Lower),
            ("Je ne veux plus vivre", Tier::Higher),
            ("Tout le monde serait mieux sans moi", Tier::Lower),
            ("No quiero vivir más", Tier::Higher),
            ("Ya no puedo más", Tier::Lower),
            ("Voglio farla finita", Tier::Higher),
            ("Non ce la faccio più", Tier::Lower),
            ("Ik wil niet meer leven", Tier::Higher),
            ("Er is geen uitweg", Tier::Lower),
            ("Je ne veux plus vivre dans cette ville", Tier::None),
            ("Me muero de hambre", Tier::None),
        ] {
            assert_eq!(assess(text).tier, tier, "{text}");
        }
    }

    #[test]
    fn ordinary_words_are_not_mistaken_for_a_crisis() {
        let no = [
            "This commute is killing me.",
            "I nearly died laughing at the film.",
            "My phone died halfway through the call.",
            "We need to kill some time before the train.",
            "The deadline is on Friday.",
            "I could die of embarrassment.",
            "We can't go on holiday this year.",
            "I hurt my knee running.",
            "She cut my hair too short.",
            "I felt lonely, and then I called my sister.",
            "I'm tired of being the one who always apologises.",
            "End of the day, I'm fine.",
            "",
        ];
        for text in no {
            assert!(!mentions_crisis(text), "should not be flagged: {text}");
        }
    }
}
