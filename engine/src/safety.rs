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
    /// Whether it answers around the clock, for everyone (its hours read
    /// exactly "24/7"). Derived when the file is read, never written there.
    #[serde(default)]
    pub around_the_clock: bool,
}

/// A directory of helplines for countries Crossroads does not list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    /// Its name.
    pub name: String,
    /// How to reach it.
    pub contact: String,
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
    /// Whether some crisis line answers around the clock, for everyone. When
    /// none does (Italy), the card puts the emergency number first.
    #[serde(default)]
    pub crisis_around_the_clock: bool,
}

/// Every resource Crossroads knows, offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resources {
    /// The line telling the person to call their local emergency number.
    pub emergency_note: String,
    /// Countries, in the file's order.
    pub countries: Vec<Country>,
    /// Where to look when the person's country is not listed.
    #[serde(default)]
    pub international_directory: Option<Directory>,
}

/// The shipped resources. The file is checked by a test, so this cannot fail
/// in a build that passed its tests; an unreadable file gives an empty list
/// with the emergency note rather than a crash.
pub fn resources() -> Resources {
    let mut resources: Resources =
        serde_json::from_str(RESOURCES_JSON).unwrap_or_else(|_| Resources {
            emergency_note: "If you are in danger, call your local emergency number.".into(),
            countries: Vec::new(),
            international_directory: None,
        });
    for country in &mut resources.countries {
        for line in &mut country.lines {
            line.around_the_clock = line.hours.trim() == "24/7";
        }
        country.crisis_around_the_clock = country
            .lines
            .iter()
            .any(|l| l.kind == LineKind::Crisis && l.around_the_clock);
    }
    resources
}

/// Whether a listed country has the code `code`.
pub fn is_listed(code: &str) -> bool {
    resources().countries.iter().any(|c| c.code == code)
}

/// What the crisis card needs to know about a text: one small view shared
/// by every answer to saved or typed free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Care {
    /// How strongly the text calls for the card: `lower` is a gentle
    /// check-in (the plan and the lines); `higher` puts the person's safety
    /// plan and the emergency number first.
    pub tier: Tier,
    /// The text tells of danger from someone else: the abuse lines first.
    pub danger_from_someone: bool,
}

impl Care {
    /// The card's reading of `text`, or none when it brings no card.
    ///
    /// ```
    /// use engine::safety::{Care, Tier};
    ///
    /// assert_eq!(Care::of("My phone died again."), None);
    /// let care = Care::of("I want to go to sleep and not wake up").unwrap();
    /// assert_eq!(care.tier, Tier::Higher);
    /// assert!(Care::of("he hit me last night").unwrap().danger_from_someone);
    /// ```
    pub fn of(text: &str) -> Option<Care> {
        let assessment = assess(text);
        assessment.brings_card().then_some(Care {
            tier: assessment.tier,
            danger_from_someone: assessment.danger_from_someone,
        })
    }
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
            "US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "IN", "ZA", "NG",
            "KE", "PH", "BR", "MX", "JP", "SG", "SE", "AT",
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
                // The day the line was checked against its source, not the
                // source's own date (that belongs in the hours).
                let checked = chrono::NaiveDate::parse_from_str(&line.last_checked, "%Y-%m-%d");
                let first_check = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
                assert!(checked.is_ok_and(|d| d >= first_check), "{line:?}");
            }
        }
        assert!(parsed.emergency_note.contains("emergency number"));
        let directory = parsed.international_directory.as_ref().expect("directory");
        assert!(!directory.contact.is_empty() && !directory.source.is_empty());
        assert_eq!(resources().countries.len(), parsed.countries.len());
    }

    #[test]
    fn hours_say_which_country_has_a_crisis_line_open_around_the_clock() {
        let all = resources();
        let country = |code: &str| {
            all.countries
                .iter()
                .find(|c| c.code == code)
                .unwrap()
                .clone()
        };
        // Italy's adult crisis line closes at night; the children's line is
        // open all day, but not for everyone.
        let italy = country("IT");
        assert!(!italy.crisis_around_the_clock);
        assert!(italy.lines.iter().any(|l| l.hours.contains("10:00-24:00")));
        assert!(country("GB").crisis_around_the_clock);
        assert!(country("US").crisis_around_the_clock);
        // Spain's 016: delete it from the call history. Germany: police 110.
        assert!(country("ES")
            .lines
            .iter()
            .any(|l| l.contact.contains("016") && l.contact.contains("call history")));
        assert!(country("DE").emergency.contains("110"));
        assert!(is_listed("DE") && !is_listed("XX") && !is_listed(""));
    }

    #[test]
    fn the_card_reading_carries_the_tier_and_danger() {
        for (text, expected) in [
            ("We had pizza tonight.", None),
            ("I don't see the point anymore", Some((Tier::Lower, false))),
            (
                "I looked up how many pills it would take",
                Some((Tier::Higher, false)),
            ),
            ("she threatened me again", Some((Tier::None, true))),
            ("he hit me and I want to die", Some((Tier::Higher, true))),
        ] {
            let got = Care::of(text).map(|c| (c.tier, c.danger_from_someone));
            assert_eq!(got, expected, "{text}");
        }
        let json = serde_json::to_value(Care::of("I can't go on").unwrap()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "tier": "lower", "danger_from_someone": false })
        );
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
