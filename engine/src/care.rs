//! Care that belongs to the person, not to one program: the country whose
//! help lines they see (picked by them, never a silent default) and their
//! personal safety plan.
//!
//! The country is kept beside the no-contact settings, a tree that stays
//! readable while a passphrase locks the rest: the help lines need nothing
//! the passphrase seals, so Safety works from the lock screen. (Older data
//! kept it in the profile tree; it is read from there until it moves, which
//! happens on the next choice, on unlocking and before a passphrase is set.)
//! The safety plan is what the person wrote, so it stays sealed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Message, Result};
use crate::safety;
use crate::store::{Read, Tree, Tx};

pub(crate) const COUNTRY_KEY: &[u8] = b"country";
pub(crate) const PLAN_KEY: &[u8] = b"safety_plan";

/// When something the person wrote last brought the crisis card, on disk
/// (sealed with what they wrote: it says something about them).
const READING_KEY: &[u8] = b"crisis_reading";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Reading {
    last_at: Option<DateTime<Utc>>,
}

/// Reads `text` for the crisis card before a save takes the store's
/// write lock: the sentence encoder's pass takes tens of milliseconds, and
/// no other save should wait for it. A text longer than any field takes is
/// not read: its save is refused.
pub fn read(text: &str) -> Option<safety::Care> {
    safety::Care::of(crate::text::unless_longer_than(text, LONGEST_TEXT))
}

/// The longest text a field takes (a draft).
const LONGEST_TEXT: usize = 20_000;

/// Records the moment of a reading taken by [`read`], inside the save's
/// transaction, and gives the reading back for the save's answer.
pub fn noted(
    tx: &mut Tx<'_>,
    reading: &Option<safety::Care>,
    now: DateTime<Utc>,
) -> Result<Option<safety::Care>> {
    note_reading(tx, reading.as_ref(), now)?;
    Ok(*reading)
}

/// Records the moment of a reading already taken (a step's view reads its
/// text once, for its own answer): when it brings the card, step 5 asks
/// how the person is before they reach out.
pub fn note_reading(
    tx: &mut Tx<'_>,
    care: Option<&safety::Care>,
    now: DateTime<Utc>,
) -> Result<()> {
    if care.is_some() {
        let mut reading: Reading = tx.get(Tree::Profile, READING_KEY)?.unwrap_or_default();
        // The latest moment stays, even when the clock was set back.
        if reading.last_at.is_none_or(|at| at < now) {
            reading.last_at = Some(now);
            tx.put(Tree::Profile, READING_KEY, &reading)?;
        }
    }
    Ok(())
}

/// When something the person wrote last brought the crisis card.
pub fn last_reading(store: &impl Read) -> Result<Option<DateTime<Utc>>> {
    Ok(store
        .get::<Reading>(Tree::Profile, READING_KEY)?
        .and_then(|r| r.last_at))
}

/// What the UI sends for "My country isn't listed".
pub const NOT_LISTED: &str = "not_listed";

/// The longest answer in the safety plan, in characters.
pub const PLAN_FIELD_MAX_CHARS: usize = 4_000;

/// The person's country choice, on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct CountryRecord {
    /// An ISO code of a listed country; none when it is not listed.
    #[serde(default)]
    code: Option<String>,
    chosen_at: DateTime<Utc>,
}

/// The person's country as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountryView {
    /// Whether the person has chosen (in the first run or in settings).
    pub chosen: bool,
    /// The listed country chosen; none when not chosen or not listed.
    pub code: Option<String>,
    /// The person said their country isn't listed: show the international
    /// directory and the emergency note first.
    pub not_listed: bool,
}

/// Checks a country choice: a listed code or [`NOT_LISTED`]. Returns the
/// code to store (none for "not listed").
pub fn validate_country(choice: &str) -> Result<Option<String>> {
    let choice = choice.trim();
    if choice.is_empty() {
        return Err(Error::invalid("country", "chooseCountry"));
    }
    if choice == NOT_LISTED {
        return Ok(None);
    }
    if safety::is_listed(choice) {
        Ok(Some(choice.to_owned()))
    } else {
        Err(Error::invalid("country", "countryNotListed"))
    }
}

/// Records the person's country choice; nothing is stored on error.
pub fn set_country(tx: &mut Tx<'_>, choice: &str, now: DateTime<Utc>) -> Result<CountryView> {
    let code = validate_country(choice)?;
    tx.put(
        Tree::NoContact,
        COUNTRY_KEY,
        &CountryRecord {
            code,
            chosen_at: now,
        },
    )?;
    tx.remove(Tree::Profile, COUNTRY_KEY);
    country(tx)
}

/// Moves a country choice kept by older data in the (sealed) profile tree
/// to its readable place. Needs the data unlocked; does nothing when there
/// is nothing to move. Returns whether it moved one.
pub fn settle_country(tx: &mut Tx<'_>) -> Result<bool> {
    if tx
        .get::<CountryRecord>(Tree::NoContact, COUNTRY_KEY)?
        .is_some()
    {
        return Ok(false);
    }
    let old = match tx.get::<CountryRecord>(Tree::Profile, COUNTRY_KEY) {
        Err(Error::Locked) => None,
        other => other?,
    };
    let Some(old) = old else {
        return Ok(false);
    };
    tx.put(Tree::NoContact, COUNTRY_KEY, &old)?;
    tx.remove(Tree::Profile, COUNTRY_KEY);
    Ok(true)
}

/// The person's country choice. Readable while the data is locked; older
/// data whose choice has not moved yet reads as not chosen then (Safety
/// shows the emergency note and the international directory).
pub fn country(store: &impl Read) -> Result<CountryView> {
    let mut record: Option<CountryRecord> = store.get(Tree::NoContact, COUNTRY_KEY)?;
    if record.is_none() {
        record = match store.get(Tree::Profile, COUNTRY_KEY) {
            Err(Error::Locked) => None,
            other => other?,
        };
    }
    Ok(match record {
        None => CountryView {
            chosen: false,
            code: None,
            not_listed: false,
        },
        // A code the shipped list dropped reads as "not listed": the
        // directory is better than lines that may no longer answer.
        Some(r) => {
            let code = r.code.filter(|c| safety::is_listed(c));
            CountryView {
                chosen: true,
                not_listed: code.is_none(),
                code,
            }
        }
    })
}

/// How strongly a reading calls for the card, as the UI hands it back when
/// it asks for the card's layout (the crisis reading's tier).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardTier {
    /// No reading: the person asked for support themselves.
    #[default]
    None,
    /// A gentle check-in.
    Lower,
    /// Safety first and plainly.
    Higher,
}

/// The reading the card is laid out for (what a save's `care` carried).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CardReading {
    /// How strongly the words called for the card.
    pub tier: CardTier,
    /// The words told of danger from someone else.
    pub danger_from_someone: bool,
}

impl crate::choice::Offered for CardReading {
    const FIELD: &'static str = "reading";
}

impl From<safety::Care> for CardReading {
    fn from(care: safety::Care) -> CardReading {
        CardReading {
            tier: match care.tier {
                safety::Tier::Higher => CardTier::Higher,
                safety::Tier::Lower => CardTier::Lower,
                safety::Tier::None => CardTier::None,
            },
            danger_from_someone: care.danger_from_someone,
        }
    }
}

/// Which card: its title and tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CardKind {
    /// Words of wanting to die, a plan, a goodbye.
    Higher,
    /// Hopelessness, being a burden, feeling trapped.
    Lower,
    /// Danger from someone else.
    Danger,
    /// The person asked (the Support link).
    Asked,
}

/// The card's opening sentence, after its title: help first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CardLead {
    /// Call the emergency number or a line now; your plan is here too.
    Higher,
    /// Call the emergency number or a line now (there is no plan yet).
    HigherNoPlan,
    /// It is common and it eases; would your plan help, or a line?
    Lower,
    /// It is common and it eases; a line helps now, and so would a plan.
    LowerNoPlan,
    /// It is not your fault; these lines help.
    Danger,
    /// Lines that answer, and your own plan.
    Asked,
}

/// One part of the card, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CardPart {
    /// The country's emergency number (the local one when not listed).
    Emergency,
    /// The international directory (country not listed or not chosen).
    Directory,
    /// The person's own plan, in short.
    Plan,
    /// No plan yet: an invitation to make one.
    MakePlan,
    /// The country's crisis lines.
    CrisisLines,
    /// The country's domestic-abuse lines.
    AbuseLines,
    /// A one-minute grounding step.
    Grounding,
    /// A link to choose the country.
    ChooseCountry,
    /// "What you wrote is kept as you wrote it", after the help.
    Kept,
}

/// The crisis card as the UI lays it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardView {
    /// Which card (title and tone).
    pub kind: CardKind,
    /// Its opening sentence.
    pub lead: CardLead,
    /// Its parts, in order. The emergency number is on every card.
    pub parts: Vec<CardPart>,
    /// Whether the person has written a safety plan (the card's plan link
    /// opens it, or offers to make one).
    pub plan_written: bool,
}

/// Lays the crisis card out for `reading` (none: the person asked), their
/// country choice and whether they have a plan. The emergency number comes
/// first when it may be urgent or no crisis line answers around the clock,
/// and after the lines otherwise: it is on every card.
pub fn card(reading: Option<CardReading>, country: &CountryView, plan_written: bool) -> CardView {
    let reading = reading.unwrap_or_default();
    let tier = reading.tier;
    let danger = reading.danger_from_someone;
    let kind = match (danger, tier) {
        (true, _) => CardKind::Danger,
        (false, CardTier::Higher) => CardKind::Higher,
        (false, CardTier::Lower) => CardKind::Lower,
        (false, CardTier::None) => CardKind::Asked,
    };
    let lead = match (kind, plan_written) {
        (CardKind::Higher, true) => CardLead::Higher,
        (CardKind::Higher, false) => CardLead::HigherNoPlan,
        (CardKind::Lower, true) => CardLead::Lower,
        (CardKind::Lower, false) => CardLead::LowerNoPlan,
        (CardKind::Danger, _) => CardLead::Danger,
        (CardKind::Asked, _) => CardLead::Asked,
    };
    let listed = country.code.as_deref().and_then(|code| {
        safety::resources()
            .countries
            .into_iter()
            .find(|c| c.code == code)
    });
    // The country's own lead (no all-day line, none confirmed, no usual
    // emergency number): the emergency number first on every tier.
    let country_lead = listed.as_ref().map(|c| c.lead);
    let plan = if plan_written {
        CardPart::Plan
    } else {
        CardPart::MakePlan
    };
    let emergency_first =
        tier == CardTier::Higher || danger || country_lead.is_none_or(|l| l.emergency_first());
    let mut parts = Vec::new();
    if emergency_first {
        parts.push(CardPart::Emergency);
    }
    if listed.is_none() || country_lead == Some(safety::Lead::Unconfirmed) {
        parts.push(CardPart::Directory);
    }
    if tier == CardTier::Higher {
        parts.push(plan);
    }
    if listed.is_some() {
        if danger {
            parts.push(CardPart::AbuseLines);
            if tier != CardTier::None {
                parts.push(CardPart::CrisisLines);
            }
        } else {
            parts.push(CardPart::CrisisLines);
            if kind == CardKind::Asked {
                parts.push(CardPart::AbuseLines);
            }
        }
    }
    if !emergency_first {
        parts.push(CardPart::Emergency);
    }
    if tier == CardTier::Lower {
        parts.push(CardPart::Grounding);
        parts.push(plan);
    }
    if !country.chosen {
        parts.push(CardPart::ChooseCountry);
    }
    if kind != CardKind::Asked {
        parts.push(CardPart::Kept);
    }
    CardView {
        kind,
        lead,
        parts,
        plan_written,
    }
}

/// The safety plan as the UI sends it: five free texts, any may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SafetyPlanInput {
    /// My warning signs: the thoughts, moods and moments that come first.
    pub warning_signs: String,
    /// What calms me, on my own.
    pub calming: String,
    /// People and places that help, that take my mind off it.
    pub people_places: String,
    /// Who I can call, and when.
    pub who_to_call: String,
    /// How I make my surroundings safer.
    pub safer_surroundings: String,
}

/// The safety plan, on disk and as shown (five plain texts and a date).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SafetyPlan {
    /// My warning signs.
    pub warning_signs: String,
    /// What calms me.
    pub calming: String,
    /// People and places that help.
    pub people_places: String,
    /// Who I can call.
    pub who_to_call: String,
    /// How I make my surroundings safer.
    pub safer_surroundings: String,
    /// When it was last saved; none before the first save.
    pub updated_at: Option<DateTime<Utc>>,
}

impl SafetyPlan {
    /// Whether anything is written in it.
    pub fn is_empty(&self) -> bool {
        [
            &self.warning_signs,
            &self.calming,
            &self.people_places,
            &self.who_to_call,
            &self.safer_surroundings,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

/// The plan, or an empty one.
pub fn safety_plan(store: &impl Read) -> Result<SafetyPlan> {
    Ok(store.get(Tree::Profile, PLAN_KEY)?.unwrap_or_default())
}

/// Validates and stores the whole plan; nothing is stored on error.
pub fn save_safety_plan(
    tx: &mut Tx<'_>,
    input: &SafetyPlanInput,
    now: DateTime<Utc>,
) -> Result<SafetyPlan> {
    let fields: [(&'static str, &String); 5] = [
        ("warning_signs", &input.warning_signs),
        ("calming", &input.calming),
        ("people_places", &input.people_places),
        ("who_to_call", &input.who_to_call),
        ("safer_surroundings", &input.safer_surroundings),
    ];
    for (field, value) in fields {
        if value.chars().count() > PLAN_FIELD_MAX_CHARS {
            return Err(Error::invalid(
                field,
                Message::new("keepPartCharactersFewer").arg("max", PLAN_FIELD_MAX_CHARS),
            ));
        }
    }
    let plan = SafetyPlan {
        warning_signs: input.warning_signs.clone(),
        calming: input.calming.clone(),
        people_places: input.people_places.clone(),
        who_to_call: input.who_to_call.clone(),
        safer_surroundings: input.safer_surroundings.clone(),
        updated_at: Some(now),
    };
    tx.put(Tree::Profile, PLAN_KEY, &plan)?;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{instant, temp_store};
    use crate::ErrorKind;

    #[test]
    fn no_country_is_chosen_until_the_person_chooses() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-01T10:00:00Z");
        let none = country(&store).unwrap();
        assert_eq!(
            (none.chosen, none.code, none.not_listed),
            (false, None, false)
        );
        let de = store.transact(|tx| set_country(tx, "DE", now)).unwrap();
        assert_eq!(
            (de.chosen, de.code.as_deref(), de.not_listed),
            (true, Some("DE"), false)
        );
        let other = store
            .transact(|tx| set_country(tx, NOT_LISTED, now))
            .unwrap();
        assert_eq!(
            (other.chosen, other.code.clone(), other.not_listed),
            (true, None, true)
        );
        assert_eq!(country(&store).unwrap(), other);
    }

    #[test]
    fn the_country_reads_while_locked_and_the_plan_stays_sealed() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-01T10:00:00Z");
        store.transact(|tx| set_country(tx, "GB", now)).unwrap();
        store
            .transact(|tx| {
                save_safety_plan(
                    tx,
                    &SafetyPlanInput {
                        calming: "A walk by the river".into(),
                        ..SafetyPlanInput::default()
                    },
                    now,
                )
            })
            .unwrap();
        store
            .set_passphrase("a quiet harbour", crate::KeyCost::for_tests())
            .unwrap();
        store.lock();
        let locked = country(&store).unwrap();
        assert_eq!((locked.chosen, locked.code.as_deref()), (true, Some("GB")));
        assert_eq!(
            safety_plan(&store).unwrap_err().kind(),
            ErrorKind::Locked,
            "the plan is what the person wrote: sealed"
        );
    }

    #[test]
    fn a_country_kept_sealed_by_older_data_moves_to_where_the_lock_screen_reads_it() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-01T10:00:00Z");
        // As older data stored it: in the profile tree, sealed with it.
        let old = CountryRecord {
            code: Some("IE".into()),
            chosen_at: now,
        };
        store
            .transact(|tx| tx.put(Tree::Profile, COUNTRY_KEY, &old))
            .unwrap();
        assert_eq!(country(&store).unwrap().code.as_deref(), Some("IE"));
        store
            .set_passphrase("a quiet harbour", crate::KeyCost::for_tests())
            .unwrap();
        store.lock();
        // Locked, not moved yet: no error, the directory shows instead.
        let unknown = country(&store).unwrap();
        assert!(!unknown.chosen);
        assert!(
            !store.transact(settle_country).unwrap(),
            "nothing to move while locked"
        );
        store.unlock("a quiet harbour").unwrap();
        assert!(store.transact(settle_country).unwrap());
        assert!(!store.transact(settle_country).unwrap(), "moved once");
        assert_eq!(
            store
                .get::<CountryRecord>(Tree::Profile, COUNTRY_KEY)
                .unwrap(),
            None
        );
        store.lock();
        assert_eq!(country(&store).unwrap().code.as_deref(), Some("IE"));
    }

    fn chosen(code: &str) -> CountryView {
        CountryView {
            chosen: true,
            code: Some(code.into()),
            not_listed: false,
        }
    }

    fn reading(tier: CardTier, danger: bool) -> Option<CardReading> {
        Some(CardReading {
            tier,
            danger_from_someone: danger,
        })
    }

    #[test]
    fn every_card_carries_the_emergency_number_and_help_comes_before_kept() {
        let unchosen = CountryView {
            chosen: false,
            code: None,
            not_listed: false,
        };
        let not_listed = CountryView {
            chosen: true,
            code: None,
            not_listed: true,
        };
        for country in [
            chosen("US"),
            chosen("GB"),
            chosen("IT"),
            unchosen,
            not_listed,
        ] {
            for r in [
                None,
                reading(CardTier::Lower, false),
                reading(CardTier::Higher, false),
                reading(CardTier::None, true),
                reading(CardTier::Higher, true),
            ] {
                for plan in [true, false] {
                    let card = card(r, &country, plan);
                    assert!(
                        card.parts.contains(&CardPart::Emergency),
                        "{country:?} {r:?}: {card:?}"
                    );
                    if let Some(kept) = card.parts.iter().position(|p| *p == CardPart::Kept) {
                        assert_eq!(kept, card.parts.len() - 1, "kept comes last: {card:?}");
                    }
                    assert!(
                        plan || !card.parts.contains(&CardPart::Plan),
                        "no plan to show: {card:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_us_card_shows_911_after_988_on_the_gentle_tier_and_first_when_urgent() {
        let lower = card(reading(CardTier::Lower, false), &chosen("US"), false);
        assert_eq!(lower.kind, CardKind::Lower);
        assert_eq!(
            lower.lead,
            CardLead::LowerNoPlan,
            "no plan: offer to make one"
        );
        assert_eq!(
            lower.parts,
            [
                CardPart::CrisisLines,
                CardPart::Emergency,
                CardPart::Grounding,
                CardPart::MakePlan,
                CardPart::Kept
            ]
        );
        let with_plan = card(reading(CardTier::Lower, false), &chosen("US"), true);
        assert_eq!(with_plan.lead, CardLead::Lower);
        assert!(with_plan.parts.contains(&CardPart::Plan));
        let higher = card(reading(CardTier::Higher, false), &chosen("US"), true);
        assert_eq!(
            higher.parts,
            [
                CardPart::Emergency,
                CardPart::Plan,
                CardPart::CrisisLines,
                CardPart::Kept
            ]
        );
        let danger = card(reading(CardTier::None, true), &chosen("US"), true);
        assert_eq!(danger.kind, CardKind::Danger);
        assert_eq!(
            danger.parts,
            [CardPart::Emergency, CardPart::AbuseLines, CardPart::Kept]
        );
        let asked = card(None, &chosen("US"), false);
        assert_eq!(
            asked.parts,
            [
                CardPart::CrisisLines,
                CardPart::AbuseLines,
                CardPart::Emergency
            ]
        );
        // Italy has no crisis line open all day: the emergency number first.
        let italy = card(reading(CardTier::Lower, false), &chosen("IT"), true);
        assert_eq!(italy.parts[0], CardPart::Emergency);
    }

    #[test]
    fn a_refused_country_names_its_field_and_keeps_the_choice() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-01T10:00:00Z");
        store.transact(|tx| set_country(tx, "IT", now)).unwrap();
        for bad in ["", "  ", "XX", "de", "<b>", "not listed"] {
            let err = store.transact(|tx| set_country(tx, bad, now)).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad}");
            assert_eq!(err.field(), Some("country"), "{bad}");
            assert_eq!(
                country(&store).unwrap().code.as_deref(),
                Some("IT"),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_plan_is_kept_as_written_and_refused_parts_store_nothing() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-01T10:00:00Z");
        assert!(safety_plan(&store).unwrap().is_empty());
        let input = SafetyPlanInput {
            warning_signs: "Lying awake after 2am, <thinking> nobody would notice".into(),
            calming: "A hot shower; the dog".into(),
            who_to_call: "My sister Lena".into(),
            ..SafetyPlanInput::default()
        };
        let saved = store
            .transact(|tx| save_safety_plan(tx, &input, now))
            .unwrap();
        assert_eq!(saved.warning_signs, input.warning_signs);
        assert_eq!(saved.updated_at, Some(now));
        assert_eq!(safety_plan(&store).unwrap(), saved);
        assert!(!saved.is_empty());

        let long = "x".repeat(PLAN_FIELD_MAX_CHARS + 1);
        for field in [
            "warning_signs",
            "calming",
            "people_places",
            "who_to_call",
            "safer_surroundings",
        ] {
            let mut bad = input.clone();
            match field {
                "warning_signs" => bad.warning_signs = long.clone(),
                "calming" => bad.calming = long.clone(),
                "people_places" => bad.people_places = long.clone(),
                "who_to_call" => bad.who_to_call = long.clone(),
                _ => bad.safer_surroundings = long.clone(),
            }
            let later = instant("2026-03-02T10:00:00Z");
            let err = store
                .transact(|tx| save_safety_plan(tx, &bad, later))
                .unwrap_err();
            assert_eq!(err.field(), Some(field));
            assert_eq!(
                safety_plan(&store).unwrap(),
                saved,
                "nothing stored for {field}"
            );
        }
        let exact = SafetyPlanInput {
            calming: "é".repeat(PLAN_FIELD_MAX_CHARS),
            ..SafetyPlanInput::default()
        };
        assert!(store
            .transact(|tx| save_safety_plan(tx, &exact, now))
            .is_ok());
    }
}
