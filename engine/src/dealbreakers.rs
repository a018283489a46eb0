//! Before step 1: the dealbreaker check. Four questions; any "yes" means the
//! program recommends not pursuing the relationship, and abuse closes the
//! steps that lead back to the person for good.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::choice::{Choice, YesNo};
use crate::error::{Error, Result};
use crate::store::{Read, Tree, Tx};

const ANSWERS_KEY: &[u8] = b"dealbreakers";
const CHOICE_KEY: &[u8] = b"dealbreaker_choice";

/// The four answers as the UI sends them: `"yes"` or `"no"` each.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswersInput {
    /// Did they cheat on you?
    pub cheated: Choice<YesNo>,
    /// Did they lie to you about something big?
    pub lied: Choice<YesNo>,
    /// Did they put you down again and again?
    pub put_down: Choice<YesNo>,
    /// Were they verbally or physically abusive?
    pub abusive: Choice<YesNo>,
}

/// The recorded answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// They cheated.
    pub cheated: bool,
    /// They lied about something big.
    pub lied: bool,
    /// They put the person down again and again.
    pub put_down: bool,
    /// They were verbally or physically abusive.
    pub abusive: bool,
    /// The fifth, optional question: the person has hurt them, or been
    /// afraid they might. Support for stopping first; no way back to them.
    #[serde(default)]
    pub hurt_them: bool,
    /// Whether the fifth question was answered at all ("no" is an answer,
    /// and reads back as "no", not as "I'd rather not say").
    #[serde(default)]
    pub hurt_them_answered: bool,
    /// When the answers were given.
    pub answered_at: DateTime<Utc>,
}

impl Answers {
    /// Any "yes": the program recommends not pursuing the relationship.
    pub fn any_dealbreaker(&self) -> bool {
        self.cheated || self.lied || self.put_down || self.abusive
    }
}

/// What the person chose after a recommendation not to pursue it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Path {
    /// Move on, with closure.
    MovingOn,
    /// Go on with the program, having read the recommendation.
    Continue,
}

impl crate::choice::Offered for Path {
    const FIELD: &'static str = "path";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct PathChoice {
    path: Path,
    acknowledged: bool,
    at: DateTime<Utc>,
}

/// The check as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DealbreakerView {
    /// The answers, once given.
    pub answers: Option<Answers>,
    /// Whether the program recommends not pursuing the relationship.
    pub recommend_not_pursuing: bool,
    /// Whether abuse was reported: support first, no way back to them.
    pub abuse: bool,
    /// Whether the person said they hurt them or feared they might: a
    /// pointer to support for people who want to stop, no way back to them.
    pub hurt_them: bool,
    /// The path chosen after a recommendation, if any.
    pub path: Option<Path>,
    /// The paths offered after a recommendation: after abuse, or when the
    /// person hurt them, only moving on.
    pub paths_offered: Vec<Path>,
    /// Whether the check is finished.
    pub done: bool,
}

fn yes_no(value: Choice<YesNo>, field: &'static str) -> Result<bool> {
    value.required(field, "answerYesNo").map(YesNo::is_yes)
}

/// Records the four answers (replacing earlier ones, which also clears an
/// earlier choice: the recommendation may have changed).
pub fn answer(
    tx: &mut Tx<'_>,
    input: &AnswersInput,
    now: DateTime<Utc>,
) -> Result<DealbreakerView> {
    answer_with(tx, input, Choice::Empty, now)
}

/// Records the four answers and the optional fifth (`hurt_them`: yes, no,
/// or nothing when not answered, which keeps an earlier answer).
///
/// An abuse answer, once recorded, stays: answering "no" later is refused
/// with a typed error, and so is taking back "I hurt them". Starting a new
/// program is the explicit way to begin again.
pub fn answer_with(
    tx: &mut Tx<'_>,
    input: &AnswersInput,
    hurt_them: Choice<YesNo>,
    now: DateTime<Utc>,
) -> Result<DealbreakerView> {
    let previous: Option<Answers> = tx.get(Tree::Program, ANSWERS_KEY)?;
    let abusive = yes_no(input.abusive, "abusive")?;
    let (hurt_them, hurt_them_answered) = match hurt_them {
        Choice::Empty => (
            previous.is_some_and(|p| p.hurt_them),
            previous.is_some_and(|p| p.hurt_them || p.hurt_them_answered),
        ),
        answer => (yes_no(answer, "hurt_them")?, true),
    };
    let answers = Answers {
        cheated: yes_no(input.cheated, "cheated")?,
        lied: yes_no(input.lied, "lied")?,
        put_down: yes_no(input.put_down, "put_down")?,
        abusive,
        hurt_them,
        hurt_them_answered,
        answered_at: now,
    };
    if previous.is_some_and(|p| p.abusive) && !answers.abusive {
        return Err(Error::invalid("abusive", "abuseAnswerKept"));
    }
    if previous.is_some_and(|p| p.hurt_them) && !answers.hurt_them {
        return Err(Error::invalid("hurt_them", "answerKept"));
    }
    tx.put(Tree::Program, ANSWERS_KEY, &answers)?;
    tx.put(Tree::Program, CHOICE_KEY, &Option::<PathChoice>::None)?;
    view(tx)
}

/// Records the path chosen after a recommendation. Continuing needs the
/// explicit acknowledgement; choosing is out of order without a "yes".
pub fn choose(
    tx: &mut Tx<'_>,
    path: Path,
    acknowledged: bool,
    now: DateTime<Utc>,
) -> Result<DealbreakerView> {
    let answers: Option<Answers> = tx.get(Tree::Program, ANSWERS_KEY)?;
    if !answers.is_some_and(|a| a.any_dealbreaker()) {
        return Err(Error::OutOfOrder("thereNoRecommendationRespond".into()));
    }
    if answers.is_some_and(|a| a.abusive || a.hurt_them) && path == Path::Continue {
        return Err(Error::OutOfOrder("afterWhatToldCrossroads".into()));
    }
    if path == Path::Continue && !acknowledged {
        return Err(Error::invalid(
            "acknowledged",
            "confirmHaveReadRecommendation",
        ));
    }
    tx.put(
        Tree::Program,
        CHOICE_KEY,
        &Some(PathChoice {
            path,
            acknowledged,
            at: now,
        }),
    )?;
    view(tx)
}

/// The check as it stands.
pub fn view(store: &impl Read) -> Result<DealbreakerView> {
    let answers: Option<Answers> = store.get(Tree::Program, ANSWERS_KEY)?;
    let choice: Option<PathChoice> = store
        .get::<Option<PathChoice>>(Tree::Program, CHOICE_KEY)?
        .flatten();
    let recommend = answers.is_some_and(|a| a.any_dealbreaker());
    Ok(DealbreakerView {
        answers,
        recommend_not_pursuing: recommend,
        abuse: answers.is_some_and(|a| a.abusive),
        hurt_them: answers.is_some_and(|a| a.hurt_them),
        paths_offered: if answers.is_some_and(|a| a.abusive || a.hurt_them) {
            vec![Path::MovingOn]
        } else {
            vec![Path::MovingOn, Path::Continue]
        },
        path: choice.map(|c| c.path),
        done: answers.is_some() && (!recommend || choice.is_some()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{instant, temp_store};
    use crate::ErrorKind;

    fn input(c: &str, l: &str, p: &str, a: &str) -> AnswersInput {
        AnswersInput {
            cheated: c.into(),
            lied: l.into(),
            put_down: p.into(),
            abusive: a.into(),
        }
    }

    #[test]
    fn every_combination_routes_as_the_program_says() {
        let now = instant("2026-03-01T10:00:00Z");
        for bits in 0u8..16 {
            let yn = |b: u8| if bits & b != 0 { "yes" } else { "no" };
            let (_dir, store) = temp_store();
            let view = store
                .transact(|tx| answer(tx, &input(yn(1), yn(2), yn(4), yn(8)), now))
                .unwrap();
            assert_eq!(view.recommend_not_pursuing, bits != 0, "{bits:04b}");
            assert_eq!(view.abuse, bits & 8 != 0, "{bits:04b}");
            assert_eq!(view.done, bits == 0, "all no is done at once: {bits:04b}");
            if bits != 0 {
                let moved = store
                    .transact(|tx| choose(tx, Path::MovingOn, false, now))
                    .unwrap();
                assert!(moved.done);
                assert_eq!(moved.path, Some(Path::MovingOn));
            } else {
                assert_eq!(
                    store
                        .transact(|tx| choose(tx, Path::Continue, true, now))
                        .unwrap_err()
                        .kind(),
                    ErrorKind::OutOfOrder
                );
            }
        }
    }

    #[test]
    fn continuing_needs_the_acknowledgement_and_records_it() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-01T10:00:00Z");
        store
            .transact(|tx| answer(tx, &input("yes", "no", "no", "no"), now))
            .unwrap();
        let err = store
            .transact(|tx| choose(tx, Path::Continue, false, now))
            .unwrap_err();
        assert_eq!(err.field(), Some("acknowledged"));
        assert!(!view(&store).unwrap().done, "nothing recorded");
        let view = store
            .transact(|tx| choose(tx, Path::Continue, true, now))
            .unwrap();
        assert_eq!((view.path, view.done), (Some(Path::Continue), true));
    }

    #[test]
    fn unknown_answers_are_refused_and_store_nothing() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-01T10:00:00Z");
        for (bad, field) in [
            (input("maybe", "no", "no", "no"), "cheated"),
            (input("no", "", "no", "no"), "lied"),
            (input("no", "no", "YES", "no"), "put_down"),
            (input("no", "no", "no", "true"), "abusive"),
        ] {
            assert_eq!(
                store
                    .transact(|tx| answer(tx, &bad, now))
                    .unwrap_err()
                    .field(),
                Some(field)
            );
            assert_eq!(view(&store).unwrap().answers, None);
        }
    }

    #[test]
    fn answering_again_clears_an_earlier_choice() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-01T10:00:00Z");
        store
            .transact(|tx| answer(tx, &input("no", "yes", "no", "no"), now))
            .unwrap();
        store
            .transact(|tx| choose(tx, Path::Continue, true, now))
            .unwrap();
        let again = store
            .transact(|tx| answer(tx, &input("no", "no", "no", "yes"), now))
            .unwrap();
        assert_eq!((again.path, again.done, again.abuse), (None, false, true));
    }

    #[test]
    fn an_abuse_answer_once_recorded_cannot_be_undone_by_answering_again() {
        let (_dir, store) = temp_store();
        let now = instant("2026-03-01T10:00:00Z");
        store
            .transact(|tx| answer(tx, &input("no", "no", "no", "yes"), now))
            .unwrap();
        store
            .transact(|tx| choose(tx, Path::MovingOn, false, now))
            .unwrap();
        let before = view(&store).unwrap();
        for again in [
            input("no", "no", "no", "no"),
            input("yes", "yes", "yes", "no"),
        ] {
            let err = store.transact(|tx| answer(tx, &again, now)).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput);
            assert_eq!(err.field(), Some("abusive"));
            assert_eq!(err.message().code, "abuseAnswerKept", "{err}");
            assert_eq!(view(&store).unwrap(), before, "nothing changed");
        }
        // After abuse, moving on is the one path offered.
        assert_eq!(before.paths_offered, [Path::MovingOn]);
        // Answering "yes" again, with other answers changed, is fine.
        let again = store
            .transact(|tx| answer(tx, &input("yes", "no", "no", "yes"), now))
            .unwrap();
        assert!(again.abuse && again.answers.unwrap().cheated);
    }

    #[test]
    fn the_fifth_question_is_optional_typed_and_stays_once_yes() {
        let now = instant("2026-03-01T10:00:00Z");
        let all_no = || input("no", "no", "no", "no");
        for (hurt, expected) in [
            (None, false),
            (Some(""), false),
            (Some("no"), false),
            (Some("yes"), true),
        ] {
            let (_dir, store) = temp_store();
            let v = store
                .transact(|tx| {
                    answer_with(tx, &all_no(), hurt.map_or(Choice::Empty, Choice::from), now)
                })
                .unwrap();
            assert_eq!(v.hurt_them, expected, "{hurt:?}");
            assert!(
                !v.recommend_not_pursuing,
                "the four questions decide the recommendation"
            );
        }
        let (_dir, store) = temp_store();
        for bad in ["maybe", "YES", "true"] {
            let err = store
                .transact(|tx| answer_with(tx, &all_no(), Choice::from(bad), now))
                .unwrap_err();
            assert_eq!(err.field(), Some("hurt_them"), "{bad}");
            assert_eq!(view(&store).unwrap().answers, None);
        }
        store
            .transact(|tx| answer_with(tx, &all_no(), Choice::from("yes"), now))
            .unwrap();
        // Not answering it again keeps it; answering "no" is refused.
        assert!(
            store
                .transact(|tx| answer_with(tx, &all_no(), Choice::Empty, now))
                .unwrap()
                .hurt_them
        );
        let err = store
            .transact(|tx| answer_with(tx, &all_no(), Choice::from("no"), now))
            .unwrap_err();
        assert_eq!(err.field(), Some("hurt_them"));
        assert!(view(&store).unwrap().hurt_them);
    }

    #[test]
    fn a_no_to_the_fifth_question_reads_back_as_no() {
        let now = instant("2026-03-01T10:00:00Z");
        let (_dir, store) = temp_store();
        let all_no = || input("no", "no", "no", "no");
        let v = store
            .transact(|tx| answer_with(tx, &all_no(), Choice::from("no"), now))
            .unwrap();
        let answers = v.answers.unwrap();
        assert!(!answers.hurt_them && answers.hurt_them_answered);
        // Answering the four again without the fifth keeps the "no".
        let again = store
            .transact(|tx| answer_with(tx, &all_no(), Choice::Empty, now))
            .unwrap();
        assert!(again.answers.unwrap().hurt_them_answered);
        let (_dir, fresh) = temp_store();
        let none = fresh
            .transact(|tx| answer_with(tx, &all_no(), Choice::Empty, now))
            .unwrap();
        assert!(!none.answers.unwrap().hurt_them_answered);
    }

    #[test]
    fn answers_recorded_before_the_fifth_question_read_as_not_answered() {
        let old = r#"{"cheated":false,"lied":true,"put_down":false,"abusive":false,"answered_at":"2026-01-01T00:00:00Z"}"#;
        let answers: Answers = serde_json::from_str(old).unwrap();
        assert!(!answers.hurt_them && answers.lied);
    }
}
