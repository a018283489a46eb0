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
    /// Where the entry comes from: a page that gives the line's number.
    pub source: String,
    /// When the entry was last checked (`YYYY-MM-DD`).
    pub last_checked: String,
    /// Where the hours come from, when a page other than `source` says
    /// them (the number on one page, the hours on a newer one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_source: Option<String>,
    /// What the page behind the hours says about them, in its own words and
    /// language, so that a test can see that `hours` claims no more. Empty
    /// in entries checked before the quote was kept.
    #[serde(default)]
    pub hours_quote: String,
    /// No current page confirms that the line still answers as described
    /// (the newest one found is years old). The card marks it, puts it
    /// after the confirmed lines, and leads with the emergency number and
    /// the international directory when a country has no confirmed crisis
    /// line.
    #[serde(default)]
    pub unconfirmed: bool,
    /// Whether it answers around the clock, for everyone (its hours read
    /// exactly "24/7" and it is confirmed). Derived when the file is read,
    /// never written there.
    #[serde(default)]
    pub around_the_clock: bool,
}

/// A warning that belongs with a country's emergency number, and where it
/// comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The warning, as the card shows it.
    pub text: String,
    /// Where it comes from.
    pub source: String,
    /// When it was last checked (`YYYY-MM-DD`).
    pub last_checked: String,
}

/// What the card and the Safety page put first for a country. Derived from
/// the lines when the file is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lead {
    /// A confirmed crisis line answers around the clock: the lines, in
    /// their order (the emergency number still leads when the reading is
    /// urgent).
    #[default]
    Lines,
    /// No confirmed crisis line answers around the clock for everyone
    /// (Italy): the emergency number and the hours first.
    NotAllDay,
    /// No crisis line could be confirmed (Nigeria, Kenya, or none listed):
    /// the emergency number first, then the international directory, then
    /// the lines marked as unconfirmed.
    Unconfirmed,
    /// The usual emergency number does not work there (Nunavut has no
    /// 911): the emergency warning first.
    LocalEmergency,
}

impl Lead {
    /// Whether the emergency number comes before the lines on every card.
    pub fn emergency_first(self) -> bool {
        self != Lead::Lines
    }
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

/// The lines of one country (or of a region listed on its own because its
/// numbers differ, such as Nunavut, `CA-NU`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166 code (ISO 3166-2 for a region).
    pub code: String,
    /// Its name.
    pub name: String,
    /// The emergency number.
    pub emergency: String,
    /// A warning that goes with the emergency number (Nunavut: there is no
    /// 911, and what to call instead). When present, the card leads with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_warning: Option<Note>,
    /// Its helplines, in the card's order once the file is read: confirmed
    /// lines open around the clock first, then the other confirmed lines,
    /// then the unconfirmed ones (the file's order within each).
    pub lines: Vec<Line>,
    /// Whether some confirmed crisis line answers around the clock, for
    /// everyone. Derived when the file is read.
    #[serde(default)]
    pub crisis_around_the_clock: bool,
    /// What the card puts first. Derived when the file is read.
    #[serde(default)]
    pub lead: Lead,
}

impl Country {
    /// Derives the order of the lines and what comes first from the lines
    /// themselves (never written in the file).
    fn derive(&mut self) {
        for line in &mut self.lines {
            line.around_the_clock = !line.unconfirmed && line.hours.trim() == "24/7";
        }
        let rank = |l: &Line| match (l.unconfirmed, l.around_the_clock) {
            (false, true) => 0,
            (false, false) => 1,
            (true, _) => 2,
        };
        self.lines.sort_by_key(rank);
        let crisis = || self.lines.iter().filter(|l| l.kind == LineKind::Crisis);
        self.crisis_around_the_clock = crisis().any(|l| l.around_the_clock);
        let confirmed_crisis = crisis().any(|l| !l.unconfirmed);
        self.lead = if self.emergency_warning.is_some() {
            Lead::LocalEmergency
        } else if !confirmed_crisis {
            Lead::Unconfirmed
        } else if !self.crisis_around_the_clock {
            Lead::NotAllDay
        } else {
            Lead::Lines
        };
    }
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
        country.derive();
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

    /// The day the hours' own words were first kept with each line: lines
    /// checked since then carry them.
    const QUOTES_KEPT_FROM: &str = "2026-12-06";

    /// Words that say a line answers around the clock, in the languages of
    /// the pages behind the lines.
    const ROUND_THE_CLOCK: &[&str] = &[
        "24/7",
        "24 hour",
        "24-hour",
        "24 hours",
        "around the clock",
        "round-the-clock",
        "any time",
        "24 horas",
        "24 hs",
        "toda hora",
        "24 heures",
        "24h/24",
        "24 uur",
        "rund um die uhr",
        "durchgehend",
        "ruht nie",
        "całodobow",
        "24 saat",
        "24 jam",
        "døgnåpne",
        "vuorokauden ympäri",
        "εικοσιτετράωρο",
        "24ωρ",
        "круглосуточно",
        "nepřetržit",
    ];

    fn parsed() -> Resources {
        serde_json::from_str(RESOURCES_JSON).expect("resources.json parses")
    }

    #[test]
    fn every_line_has_a_source_and_a_date_and_every_country_an_emergency_number() {
        let parsed = parsed();
        let codes: Vec<&str> = parsed.countries.iter().map(|c| c.code.as_str()).collect();
        for code in [
            "US", "CA", "CA-NU", "GB", "IE", "AU", "NZ", "DE", "FR", "ES", "IT", "NL", "IN", "ZA",
            "NG", "KE", "PH", "BR", "MX", "JP", "SG", "SE", "AT", "KR", "BE", "CH", "PT", "PL",
            "AR", "CO", "CL", "TR", "MY", "HK", "IL", "GR", "NO", "FI", "CZ", "UA", "PY",
        ] {
            assert!(codes.contains(&code), "{code} missing");
        }
        let countries = codes.iter().filter(|c| !c.contains('-')).count();
        assert!(countries >= 40, "{countries} countries");
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len(), "a code listed twice");
        let date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d");
        let first_check = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        for country in &parsed.countries {
            assert!(
                country.emergency.chars().any(|c| c.is_ascii_digit()),
                "{}: an emergency number",
                country.code
            );
            assert!(!country.lines.is_empty(), "{}", country.code);
            for line in &country.lines {
                assert!(
                    !line.source.trim().is_empty() && !line.contact.trim().is_empty(),
                    "{line:?}"
                );
                assert!(
                    line.hours_source
                        .as_ref()
                        .is_none_or(|s| !s.trim().is_empty()),
                    "{line:?}"
                );
                // The day the line was checked against its source, not the
                // source's own date (that belongs in the hours).
                assert!(
                    date(&line.last_checked).is_ok_and(|d| d >= first_check),
                    "{line:?}"
                );
            }
            if let Some(note) = &country.emergency_warning {
                assert!(!note.text.is_empty() && !note.source.is_empty(), "{note:?}");
                assert!(date(&note.last_checked).is_ok_and(|d| d >= first_check));
            }
        }
        assert!(parsed.emergency_note.contains("emergency number"));
        let directory = parsed.international_directory.as_ref().expect("directory");
        assert!(!directory.contact.is_empty() && !directory.source.is_empty());
        assert_eq!(resources().countries.len(), parsed.countries.len());
    }

    #[test]
    fn no_line_claims_more_hours_than_its_source() {
        for country in &parsed().countries {
            for line in &country.lines {
                let quote = line.hours_quote.to_lowercase();
                // Lines checked since the quotes are kept carry the words
                // behind their hours (none when the hours are not confirmed).
                let unknown = line.hours.contains("not confirmed");
                if line.last_checked.as_str() >= QUOTES_KEPT_FROM && !unknown {
                    assert!(!quote.is_empty(), "{}: {line:?}", country.code);
                }
                // Round the clock only where the page says so.
                if line.hours.trim() == "24/7" && !quote.is_empty() {
                    assert!(
                        ROUND_THE_CLOCK.iter().any(|w| quote.contains(w)),
                        "{}: the page does not say 24/7: {line:?}",
                        country.code
                    );
                }
                // A line no current page confirms never claims 24/7 as a
                // fact, and says so in its hours.
                if line.unconfirmed {
                    assert_ne!(line.hours.trim(), "24/7", "{line:?}");
                    assert!(
                        ["not confirmed", "no newer page", "said to"]
                            .iter()
                            .any(|w| line.hours.to_lowercase().contains(w)),
                        "{line:?}"
                    );
                }
                // Hours that are not round the clock are never read as such.
                if line.hours.starts_with("Not 24/7") {
                    assert!(!line.around_the_clock);
                }
            }
        }
        // What the resources give the card agrees: unconfirmed lines never
        // count as open around the clock.
        for country in resources().countries {
            for line in &country.lines {
                assert_eq!(
                    line.around_the_clock,
                    !line.unconfirmed && line.hours == "24/7",
                    "{line:?}"
                );
            }
        }
    }

    #[test]
    fn older_data_without_the_new_fields_still_loads() {
        let json = r#"{ "emergency_note": "Call your local emergency number.", "countries": [
            { "code": "XX", "name": "Example", "emergency": "112", "lines": [
              { "kind": "crisis", "name": "Line", "contact": "123", "hours": "24/7",
                "source": "example.org", "last_checked": "2026-11-27" } ] } ] }"#;
        let mut parsed: Resources = serde_json::from_str(json).unwrap();
        let country = &mut parsed.countries[0];
        country.derive();
        let line = &country.lines[0];
        assert!(!line.unconfirmed && line.hours_quote.is_empty() && line.hours_source.is_none());
        assert!(line.around_the_clock);
        assert_eq!(country.emergency_warning, None);
        assert_eq!(country.lead, Lead::Lines);
    }

    #[test]
    fn the_lines_are_ordered_confirmed_and_round_the_clock_first() {
        let line = |name: &str, hours: &str, unconfirmed: bool| Line {
            kind: LineKind::Crisis,
            name: name.into(),
            contact: "1".into(),
            hours: hours.into(),
            source: "example.org".into(),
            last_checked: "2026-12-06".into(),
            hours_source: None,
            hours_quote: String::new(),
            unconfirmed,
            around_the_clock: false,
        };
        let mut country = Country {
            code: "XX".into(),
            name: "Example".into(),
            emergency: "112".into(),
            emergency_warning: None,
            lines: vec![
                line("old", "24/7", true),
                line("evenings", "Not 24/7: 18:00-24:00", false),
                line("all day", "24/7", false),
                line("also all day", "24/7", false),
            ],
            crisis_around_the_clock: false,
            lead: Lead::Lines,
        };
        country.derive();
        let names: Vec<&str> = country.lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["all day", "also all day", "evenings", "old"]);
        assert_eq!(country.lead, Lead::Lines);
        // Without the all-day lines: the emergency number and the hours first.
        country
            .lines
            .retain(|l| l.name == "evenings" || l.name == "old");
        country.derive();
        assert_eq!(country.lead, Lead::NotAllDay);
        // With only an unconfirmed crisis line: the directory too.
        country.lines.retain(|l| l.name == "old");
        country.derive();
        assert_eq!(country.lead, Lead::Unconfirmed);
        assert!(country.lead.emergency_first());
        // A warning about the emergency number comes before everything.
        country.emergency_warning = Some(Note {
            text: "No 911 here".into(),
            source: "example.org".into(),
            last_checked: "2026-12-06".into(),
        });
        country.derive();
        assert_eq!(country.lead, Lead::LocalEmergency);
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
        assert_eq!(italy.lead, Lead::NotAllDay);
        assert!(italy.lines.iter().any(|l| l.hours.contains("10:00-24:00")));
        assert!(country("GB").crisis_around_the_clock);
        assert!(country("US").crisis_around_the_clock);
        assert_eq!(country("US").lead, Lead::Lines);
        // Spain's 016: delete it from the call history. Germany: police 110.
        assert!(country("ES")
            .lines
            .iter()
            .any(|l| l.contact.contains("016") && l.contact.contains("call history")));
        assert!(country("DE").emergency.contains("110"));
        assert!(is_listed("DE") && is_listed("CA-NU") && !is_listed("XX") && !is_listed(""));
    }

    #[test]
    fn the_lines_that_would_fail_a_person_in_the_moment_are_fixed() {
        let all = resources();
        let country = |code: &str| all.countries.iter().find(|c| c.code == code).unwrap();
        let first = |code: &str, kind: LineKind| {
            country(code).lines.iter().find(|l| l.kind == kind).unwrap()
        };
        // Nunavut has no 911: its own entry leads with what to call, and
        // Canada's says so.
        let nunavut = country("CA-NU");
        assert_eq!(nunavut.lead, Lead::LocalEmergency);
        assert!(nunavut.emergency.starts_with("No 911"));
        assert!(nunavut.emergency.contains("RCMP"));
        assert!(country("CA").emergency.contains("Nunavut"));
        // South Africa: the suicide crisis line first.
        assert!(first("ZA", LineKind::Crisis)
            .contact
            .starts_with("0800 567 567"));
        // Belgium: 1813 first.
        assert!(first("BE", LineKind::Crisis).contact.starts_with("1813"));
        assert_eq!(country("BE").lead, Lead::Lines);
        // The Netherlands: nothing about the phone bill without a page.
        assert!(country("NL")
            .lines
            .iter()
            .all(|l| !l.contact.contains("bill")));
        // Mexico: the women's line answers all day.
        let mx = country("MX")
            .lines
            .iter()
            .find(|l| l.contact.starts_with("079"))
            .unwrap();
        assert_eq!(mx.hours, "24/7");
        // The Philippines: the mobile numbers first.
        assert!(first("PH", LineKind::Crisis).contact.starts_with("0919"));
        // Brazil: WhatsApp in its nine-digit mobile form.
        assert!(first("BR", LineKind::DomesticAbuse)
            .contact
            .contains("(61) 99610-0180"));
        // Nigeria and Kenya: no confirmed crisis line, so the emergency
        // number and the directory come first, the lines marked.
        for code in ["NG", "KE"] {
            assert_eq!(country(code).lead, Lead::Unconfirmed, "{code}");
            assert!(first(code, LineKind::Crisis).unconfirmed, "{code}");
        }
        // The Men's Advice Line's hours are not claimed from a 2010 page.
        let mal = country("GB")
            .lines
            .iter()
            .find(|l| l.name.starts_with("Men's"))
            .unwrap();
        assert!(mal.unconfirmed && !mal.hours.contains("Monday"));
        assert_eq!(country("GB").lines.last().unwrap().name, mal.name);
        // No aggregator or wiki behind a line.
        for c in &all.countries {
            for l in &c.lines {
                for s in std::iter::once(&l.source).chain(l.hours_source.iter()) {
                    assert!(
                        !["daily8.com", ".wiki/", "progress.guide"]
                            .iter()
                            .any(|a| s.contains(a)),
                        "{s}"
                    );
                }
            }
        }
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
        // The rule table alone: the heads are measured on the corpora.
        crate::text::understanding::rules_only(|| {
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
        })
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
