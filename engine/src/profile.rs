//! The person's profile: what to call their ex, which pronouns to use, when
//! the breakup happened and who ended it.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::choice::Choice;
use crate::error::{Error, Message, Result};
use crate::store::{Read, Tree, Tx};

/// The longest name or nickname accepted, in characters.
pub const NAME_MAX_CHARS: usize = 60;

/// The earliest breakup date accepted; anything before is a typo.
const EARLIEST_BREAKUP: NaiveDate = match NaiveDate::from_ymd_opt(1950, 1, 1) {
    Some(date) => date,
    None => unreachable!(),
};

const KEY: &[u8] = b"current";

/// Which pronouns the app uses for the ex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pronouns {
    /// he / him
    He,
    /// she / her
    She,
    /// they / them
    They,
}

/// Who ended the relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndedBy {
    /// The person using the app.
    Me,
    /// Their ex.
    Them,
    /// Both of them, together.
    Mutual,
}

/// The profile as the UI sends it, checked by [`Profile::validate`].
/// A missing field reads as empty, so it is refused with a typed error.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileInput {
    /// Name or nickname of the ex.
    pub ex_name: String,
    /// `"he"`, `"she"` or `"they"`.
    pub pronouns: Choice<Pronouns>,
    /// The breakup date as `YYYY-MM-DD` (a local calendar date).
    pub breakup_date: String,
    /// `"me"`, `"them"` or `"mutual"`.
    pub ended_by: Choice<EndedBy>,
}

/// A validated profile as stored on disk (the UI sees [`ProfileView`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Name or nickname of the ex, trimmed.
    pub ex_name: String,
    /// Pronouns for the ex.
    pub pronouns: Pronouns,
    /// The local calendar date of the breakup.
    pub breakup_date: NaiveDate,
    /// Who ended it.
    pub ended_by: EndedBy,
    /// When the profile was first saved.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

impl Profile {
    /// Checks `input` against today's date in `tz`. The first problem found is
    /// returned as [`Error::InvalidInput`] naming its field.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use engine::{Profile, ProfileInput, Pronouns};
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
    /// let input = ProfileInput {
    ///     ex_name: " Sam ".into(),
    ///     pronouns: "they".into(),
    ///     breakup_date: "2026-02-20".into(),
    ///     ended_by: "them".into(),
    /// };
    /// let profile = Profile::validate(&input, None, now, chrono_tz::Europe::London).unwrap();
    /// assert_eq!(profile.ex_name, "Sam");
    /// assert_eq!(profile.pronouns, Pronouns::They);
    ///
    /// let future = ProfileInput { breakup_date: "2026-03-02".into(), ..input };
    /// let err = Profile::validate(&future, None, now, chrono_tz::Europe::London).unwrap_err();
    /// assert_eq!(err.field(), Some("breakup_date"));
    /// ```
    pub fn validate(
        input: &ProfileInput,
        previous: Option<&Profile>,
        now: DateTime<Utc>,
        tz: Tz,
    ) -> Result<Profile> {
        let ex_name = input.ex_name.trim();
        if ex_name.is_empty() {
            return Err(Error::invalid("ex_name", "nameEmpty"));
        }
        if ex_name.chars().count() > NAME_MAX_CHARS {
            return Err(Error::invalid(
                "ex_name",
                Message::new("nameTooLong").arg("max", NAME_MAX_CHARS),
            ));
        }
        if ex_name.chars().any(char::is_control) {
            return Err(Error::invalid("ex_name", "nameControlChars"));
        }
        let pronouns = input.pronouns.required("pronouns", "chooseHeSheThey")?;
        let breakup_date = NaiveDate::parse_from_str(input.breakup_date.trim(), "%Y-%m-%d")
            .map_err(|_| Error::invalid("breakup_date", "breakupDateInvalid"))?;
        let today = now.with_timezone(&tz).date_naive();
        if breakup_date > today {
            return Err(Error::invalid("breakup_date", "breakupDateFuture"));
        }
        if breakup_date < EARLIEST_BREAKUP {
            return Err(Error::invalid("breakup_date", "dateLongTimeAgo"));
        }
        let ended_by = input.ended_by.required("ended_by", "chooseWhoEnded")?;
        Ok(Profile {
            ex_name: ex_name.to_owned(),
            pronouns,
            breakup_date,
            ended_by,
            created_at: previous.map_or(now, |p| p.created_at),
            updated_at: now,
        })
    }

    /// Whole days from the breakup date to today's local date.
    pub fn days_since_breakup(&self, now: DateTime<Utc>, tz: Tz) -> i64 {
        (now.with_timezone(&tz).date_naive() - self.breakup_date)
            .num_days()
            .max(0)
    }
}

/// The profile as the UI shows it, with the numbers derived for today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileView {
    /// Name or nickname of the ex.
    pub ex_name: String,
    /// Pronouns for the ex.
    pub pronouns: Pronouns,
    /// The local calendar date of the breakup.
    pub breakup_date: NaiveDate,
    /// Who ended it.
    pub ended_by: EndedBy,
    /// When the profile was first saved.
    pub created_at: DateTime<Utc>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
    /// Whole local calendar days since the breakup date.
    pub days_since_breakup: i64,
}

impl ProfileView {
    /// Derives the view of `profile` at `now` in `tz`.
    pub fn new(profile: Profile, now: DateTime<Utc>, tz: Tz) -> ProfileView {
        let days_since_breakup = profile.days_since_breakup(now, tz);
        ProfileView {
            ex_name: profile.ex_name,
            pronouns: profile.pronouns,
            breakup_date: profile.breakup_date,
            ended_by: profile.ended_by,
            created_at: profile.created_at,
            updated_at: profile.updated_at,
            days_since_breakup,
        }
    }
}

/// Reads the stored profile, if there is one.
pub fn load(store: &impl Read) -> Result<Option<Profile>> {
    store.get(Tree::Profile, KEY)
}

/// Validates `input` and stores it, flushed. Nothing is stored on error.
pub fn save(tx: &mut Tx<'_>, input: &ProfileInput, now: DateTime<Utc>, tz: Tz) -> Result<Profile> {
    let previous = load(tx)?;
    let profile = Profile::validate(input, previous.as_ref(), now, tz)?;
    tx.put(Tree::Profile, KEY, &profile)?;
    Ok(profile)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{instant, temp_store};
    use crate::ErrorKind;
    use chrono_tz::{America::Los_Angeles, Europe::Berlin, Pacific::Auckland};

    fn input(name: &str, pronouns: &str, date: &str, ended_by: &str) -> ProfileInput {
        ProfileInput {
            ex_name: name.into(),
            pronouns: pronouns.into(),
            breakup_date: date.into(),
            ended_by: ended_by.into(),
        }
    }

    fn good() -> ProfileInput {
        input("Alex", "he", "2026-02-01", "me")
    }

    #[test]
    fn a_valid_profile_is_saved_and_read_back() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-01T09:00:00Z");
        let saved = store.transact(|tx| save(tx, &good(), now, Berlin)).unwrap();
        assert_eq!(load(&store).unwrap(), Some(saved.clone()));
        assert_eq!(saved.ended_by, EndedBy::Me);
        assert_eq!(saved.created_at, now);
    }

    #[test]
    fn editing_keeps_the_creation_time() {
        let (_dir, store) = temp_store();
        let first = instant("2026-03-01T09:00:00Z");
        let later = instant("2026-03-05T09:00:00Z");
        store
            .transact(|tx| save(tx, &good(), first, Berlin))
            .unwrap();
        let edited = store
            .transact(|tx| {
                save(
                    tx,
                    &input("Lex", "they", "2026-02-01", "mutual"),
                    later,
                    Berlin,
                )
            })
            .unwrap();
        assert_eq!(edited.created_at, first);
        assert_eq!(edited.updated_at, later);
        assert_eq!(edited.pronouns, Pronouns::They);
    }

    #[test]
    fn refused_input_names_its_field_and_stores_nothing() {
        let now = instant("2026-03-01T09:00:00Z");
        let long = "x".repeat(NAME_MAX_CHARS + 1);
        let cases = [
            (input("", "he", "2026-02-01", "me"), "ex_name"),
            (input("   ", "he", "2026-02-01", "me"), "ex_name"),
            (input(&long, "he", "2026-02-01", "me"), "ex_name"),
            (input("Al\nex", "he", "2026-02-01", "me"), "ex_name"),
            (input("Alex", "it", "2026-02-01", "me"), "pronouns"),
            (input("Alex", "", "2026-02-01", "me"), "pronouns"),
            (input("Alex", "He", "2026-02-01", "me"), "pronouns"),
            (input("Alex", "he", "2026-03-02", "me"), "breakup_date"),
            (input("Alex", "he", "yesterday", "me"), "breakup_date"),
            (input("Alex", "he", "2026-02-30", "me"), "breakup_date"),
            (input("Alex", "he", "", "me"), "breakup_date"),
            (input("Alex", "he", "1900-01-01", "me"), "breakup_date"),
            (input("Alex", "he", "2026-02-01", "nobody"), "ended_by"),
            (input("Alex", "he", "2026-02-01", ""), "ended_by"),
        ];
        for (bad, field) in cases {
            let (_dir, store) = temp_store();
            let err = store
                .transact(|tx| save(tx, &bad, now, Berlin))
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad:?}");
            assert_eq!(err.field(), Some(field), "{bad:?}");
            assert!(!err.to_string().is_empty());
            assert_eq!(load(&store).unwrap(), None, "nothing stored for {bad:?}");
        }
    }

    #[test]
    fn a_refused_edit_keeps_the_previous_profile() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-01T09:00:00Z");
        let saved = store.transact(|tx| save(tx, &good(), now, Berlin)).unwrap();
        store
            .transact(|tx| save(tx, &input("", "he", "2026-02-01", "me"), now, Berlin))
            .unwrap_err();
        assert_eq!(load(&store).unwrap(), Some(saved));
    }

    #[test]
    fn a_name_of_exactly_the_limit_in_any_script_is_accepted() {
        let now = instant("2026-03-01T09:00:00Z");
        let name = "é".repeat(NAME_MAX_CHARS);
        assert!(Profile::validate(
            &input(&name, "she", "2026-02-01", "them"),
            None,
            now,
            Berlin
        )
        .is_ok());
        let markup = input("<b>Sam</b> & co", "she", "2026-02-01", "them");
        let stored = Profile::validate(&markup, None, now, Berlin).unwrap();
        assert_eq!(
            stored.ex_name, "<b>Sam</b> & co",
            "free text is stored as written"
        );
    }

    #[test]
    fn today_means_the_local_date() {
        // 11:00 UTC on 1 March is already 2 March in Auckland, still 1 March in LA.
        let now = instant("2026-03-01T11:00:00Z");
        let on_second = input("Alex", "he", "2026-03-02", "me");
        assert!(Profile::validate(&on_second, None, now, Auckland).is_ok());
        let err = Profile::validate(&on_second, None, now, Los_Angeles).unwrap_err();
        assert_eq!(err.field(), Some("breakup_date"));
    }

    #[test]
    fn days_since_breakup_counts_local_calendar_days() {
        let now = instant("2026-03-01T23:30:00Z");
        let profile = Profile::validate(&good(), None, now, Berlin).unwrap();
        // 00:30 on 2 March in Berlin.
        assert_eq!(profile.days_since_breakup(now, Berlin), 29);
    }
}
