//! A choice from a fixed set, as a form sends it.
//!
//! A radio group arrives as a string: one of the set's values, nothing (no
//! option picked) or a value no version of Crossroads knows. [`Choice`]
//! reads any JSON at the IPC boundary into one of those three, so the rules
//! match variants, never strings, and a missing or unknown choice is still
//! refused by the rule, next to its own field, in the person's words (a
//! plain enum would be refused by the IPC layer, in a sentence for
//! developers, before any rule ran). A number from a range (every how many
//! weeks) and a value the page hands back as it was given (a moment, a
//! prompt) are choices of the same kind.
//!
//! ```
//! use engine::choice::Choice;
//! use engine::profile::Pronouns;
//!
//! let picked: Choice<Pronouns> = serde_json::from_str("\"they\"").unwrap();
//! assert_eq!(picked, Choice::Picked(Pronouns::They));
//! assert_eq!(serde_json::from_str::<Choice<Pronouns>>("\"\"").unwrap(), Choice::Empty);
//! assert_eq!(serde_json::from_str::<Choice<Pronouns>>("\"it\"").unwrap(), Choice::Unknown);
//! assert_eq!(Choice::<Pronouns>::from("she"), Choice::Picked(Pronouns::She));
//! ```

use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Message, Result};

/// One of `T`'s values, nothing, or something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Choice<T> {
    /// A value of the set.
    Picked(T),
    /// Nothing picked (empty, null or missing).
    #[default]
    Empty,
    /// A value that is not one of the set.
    Unknown,
}

impl<T> Choice<T> {
    /// The picked value, if one of the set arrived.
    pub fn value(self) -> Option<T> {
        match self {
            Choice::Picked(value) => Some(value),
            Choice::Empty | Choice::Unknown => None,
        }
    }

    /// The picked value, or the typed refusal `message` on `field`.
    pub fn required(self, field: &'static str, message: impl Into<Message>) -> Result<T> {
        match self {
            Choice::Picked(value) => Ok(value),
            Choice::Empty | Choice::Unknown => Err(Error::invalid(field, message)),
        }
    }
}

/// A set offered as a command's own argument: it names the field a refusal
/// is shown by, so every command refuses a choice that did not arrive the
/// same way, in the person's words, without a field name of its own.
pub trait Offered: DeserializeOwned {
    /// The form field the choice is made in (what a refusal names).
    const FIELD: &'static str;

    /// The refusal of a choice that is missing or not of the set: by
    /// default, asks for one of the choices.
    fn refusal() -> Error {
        Error::invalid(Self::FIELD, "pickOne")
    }
}

impl<T: Offered> Choice<T> {
    /// The picked value, or the set's own refusal on its field.
    pub fn picked(self) -> Result<T> {
        match self {
            Choice::Picked(value) => Ok(value),
            Choice::Empty | Choice::Unknown => Err(T::refusal()),
        }
    }

    /// The picked value, none when nothing was picked (where nothing is an
    /// answer), or the set's own refusal of a value not of the set.
    pub fn optional(self) -> Result<Option<T>> {
        match self {
            Choice::Picked(value) => Ok(Some(value)),
            Choice::Empty => Ok(None),
            Choice::Unknown => Err(T::refusal()),
        }
    }
}

impl<T: DeserializeOwned> From<&str> for Choice<T> {
    fn from(raw: &str) -> Choice<T> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Choice::Empty;
        }
        let parsed: std::result::Result<T, serde::de::value::Error> =
            T::deserialize(raw.into_deserializer());
        parsed.map_or(Choice::Unknown, Choice::Picked)
    }
}

impl<T: DeserializeOwned> From<String> for Choice<T> {
    fn from(raw: String) -> Choice<T> {
        Choice::from(raw.as_str())
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Choice<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        // Anything at all is read: what is not a known value is refused by
        // the rule, next to its field, not here. Read as an option, so a
        // key left out (of a struct, or of a command's arguments, which
        // Tauri reads the same way) is nothing picked, not a refusal.
        Ok(
            match Option::<serde_json::Value>::deserialize(deserializer)? {
                None | Some(serde_json::Value::Null) => Choice::Empty,
                Some(serde_json::Value::String(raw)) => Choice::from(raw.as_str()),
                Some(other) => T::deserialize(other).map_or(Choice::Unknown, Choice::Picked),
            },
        )
    }
}

impl<T: Serialize> Serialize for Choice<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Choice::Picked(value) => value.serialize(serializer),
            Choice::Empty | Choice::Unknown => serializer.serialize_none(),
        }
    }
}

/// A yes-or-no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    /// Yes.
    Yes,
    /// No.
    No,
}

impl YesNo {
    /// Whether the answer is yes.
    pub fn is_yes(self) -> bool {
        self == YesNo::Yes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::EndedBy;

    #[test]
    fn anything_is_read_and_only_known_values_are_picked() {
        let read = |json: &str| serde_json::from_str::<Choice<EndedBy>>(json).unwrap();
        assert_eq!(read("\"mutual\""), Choice::Picked(EndedBy::Mutual));
        assert_eq!(read("\" them \""), Choice::Picked(EndedBy::Them));
        assert_eq!(read("null"), Choice::Empty);
        assert_eq!(read("\"  \""), Choice::Empty);
        for unknown in [
            "\"Mutual\"",
            "\"both\"",
            "42",
            "[\"me\"]",
            "{\"me\":1}",
            "true",
        ] {
            assert_eq!(read(unknown), Choice::Unknown, "{unknown}");
        }
    }

    #[test]
    fn a_missing_or_unknown_choice_is_refused_on_its_field() {
        let err = Choice::<YesNo>::Unknown
            .required("abusive", "answerYesNo")
            .unwrap_err();
        assert_eq!(err.field(), Some("abusive"));
        assert_eq!(err.message().code, "answerYesNo");
        assert!(Choice::<YesNo>::Empty
            .required("lied", "answerYesNo")
            .is_err());
        let yes = Choice::from("yes").required("lied", "answerYesNo");
        assert!(yes.is_ok_and(YesNo::is_yes));
    }

    #[test]
    fn numbers_and_whole_values_are_picked_only_when_they_are_of_the_set() {
        let every = |json: &str| serde_json::from_str::<Choice<u32>>(json).unwrap();
        assert_eq!(every("7"), Choice::Picked(7));
        for unknown in ["-3", "1.5", "1e20", "\"7\"", "{}"] {
            assert_eq!(every(unknown), Choice::Unknown, "{unknown}");
        }
        assert_eq!(every("null"), Choice::Empty);
        #[derive(Debug, PartialEq, Deserialize)]
        struct Pair {
            a: u8,
        }
        let pair = |json: &str| serde_json::from_str::<Choice<Pair>>(json).unwrap();
        assert_eq!(pair("{\"a\":1}"), Choice::Picked(Pair { a: 1 }));
        assert_eq!(pair("{\"a\":\"one\"}"), Choice::Unknown);
        assert_eq!(pair("\"a\""), Choice::Unknown);
    }

    #[test]
    fn a_field_left_out_is_nothing_picked() {
        #[derive(Debug, Deserialize)]
        struct Form {
            kind: Choice<YesNo>,
        }
        let form: Form = serde_json::from_str("{}").unwrap();
        assert_eq!(form.kind, Choice::Empty);
    }

    impl Offered for YesNo {
        const FIELD: &'static str = "answer";
    }

    #[test]
    fn an_offered_set_refuses_on_its_own_field() {
        for refused in [Choice::<YesNo>::Empty, Choice::Unknown] {
            let err = refused.picked().unwrap_err();
            assert_eq!(err.field(), Some("answer"));
            assert_eq!(err.message().code, "pickOne");
        }
        assert_eq!(Choice::Picked(YesNo::No).picked().unwrap(), YesNo::No);
        assert_eq!(Choice::<YesNo>::Empty.optional().unwrap(), None);
        assert_eq!(Choice::from("yes").optional().unwrap(), Some(YesNo::Yes));
        let err = Choice::<YesNo>::Unknown.optional().unwrap_err();
        assert_eq!(err.field(), Some("answer"));
    }

    #[test]
    fn a_choice_round_trips_as_its_value() {
        let json = serde_json::to_string(&Choice::Picked(YesNo::No)).unwrap();
        assert_eq!(json, "\"no\"");
        assert_eq!(
            serde_json::to_string(&Choice::<YesNo>::Empty).unwrap(),
            "null"
        );
    }
}
