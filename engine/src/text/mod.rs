//! The shared text analysis under the detectors: one tokenizer that sees
//! through the ways people type when they are hurting (no apostrophes, no
//! capitals, letters held for emphasis, slang), and one small pattern
//! language, so the rules of every detector read like the phrases they
//! catch and are kept as data.
//!
//! - [`tokens`] turns text into normalized words, each with the character
//!   span of the word it came from, so a finding can be marked in the
//!   original text.
//! - [`Pattern`] is a compiled phrase: words, alternatives, optional parts,
//!   prefixes, named slots (`@self`, `@they`, `@time`), a short gap and the
//!   end of a clause, with filler words ("just", "really", "honestly"...)
//!   allowed between any two of its words.
//! - [`crisis`] is the crisis and danger detector built on them; the
//!   begging detector of step 2 lives in [`crate::begging`].

pub mod crisis;
mod pattern;
mod tokens;
pub mod understanding;

pub use pattern::*;
pub use tokens::*;

/// `text`, or nothing when it is longer than `max_chars`: a save refuses
/// such a text, so the detectors need not read it first.
pub fn unless_longer_than(text: &str, max_chars: usize) -> &str {
    if text.chars().count() > max_chars {
        ""
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn apostrophes_or_none_read_the_same() {
        for (a, b) in [
            ("I don't want", "i dont want"),
            ("I can't go on", "I cant go on"),
            ("I cannot go on", "I can’t go on"),
            ("I'm done", "im done"),
            ("I'll die", "ill die"),
            ("I won't", "i wont"),
            ("I'd rather", "id rather"),
        ] {
            assert_eq!(words(a), words(b), "{a} / {b}");
        }
        assert_eq!(words("I feel ill"), ["i", "feel", "ill"]);
        assert_eq!(words("my ID card"), ["my", "id", "card"]);
    }

    #[test]
    fn emphasis_and_slang_are_seen_through() {
        assert_eq!(words("PLEEEASE"), ["please"]);
        assert_eq!(words("kms"), ["kill", "myself"]);
        assert_eq!(words("unaliving"), ["killing"]);
        assert_eq!(words("ily"), ["i", "love", "you"]);
        assert!(Pattern::new("die").find(&tokens("i wanna diee")).is_some());
        assert!(Pattern::new("hello").find(&tokens("hellooo?")).is_some());
    }

    #[test]
    fn elisions_split_and_accents_fold() {
        assert_eq!(
            words("J'ai envie d'en finir"),
            ["j", "ai", "envie", "d", "en", "finir"]
        );
        assert_eq!(words("Réveiller à"), ["reveiller", "a"]);
    }

    #[test]
    fn spans_point_at_the_written_word() {
        let text = "Ça va? I can’t go on";
        let t = tokens(text);
        let (s, e) = Pattern::new("i can't go on").find(&t).unwrap();
        let (a, b) = char_span(&t, (s, e));
        let marked: String = text.chars().skip(a).take(b - a).collect();
        assert_eq!(marked, "I can’t go on");
    }

    #[test]
    fn the_vocabulary_only_skips_patterns_that_cannot_match() {
        let patterns: Vec<Pattern> = [
            "want to die",
            "suicid*",
            "@num messages $",
            "[i] do_not want to live",
            "bridge/roof * jump",
        ]
        .iter()
        .map(|p| Pattern::new(p))
        .collect();
        for text in [
            "i wanna diee",
            "SUICIDAL thoughts",
            "22 messages.",
            "I dont want to live",
            "the roof, and I jump",
            "nothing here at all",
        ] {
            let t = tokens(text);
            let vocabulary = Vocabulary::of(&t);
            for p in &patterns {
                if !p.could_match(&vocabulary) {
                    assert!(p.find_all(&t).is_empty(), "{text}: {p:?}");
                }
            }
        }
        let t = tokens("nothing here at all");
        assert!(!patterns[0].could_match(&Vocabulary::of(&t)));
        let t = tokens("i wanna diee");
        assert!(patterns[0].could_match(&Vocabulary::of(&t)));
    }

    #[test]
    fn clause_starts_numbers_and_he_will_without_an_apostrophe() {
        let start = Pattern::new("^ anything $");
        assert!(start.find(&tokens("I'll quit my job, anything")).is_some());
        assert!(start.find(&tokens("not to reopen anything")).is_none());
        let num = Pattern::new("@num messages $");
        assert!(num.find(&tokens("3 days. 22 messages. nothing.")).is_some());
        assert!(num.find(&tokens("twenty messages!")).is_some());
        assert!(num.find(&tokens("many messages.")).is_none());
        assert_eq!(
            words("hell break my arm"),
            ["he", "will", "break", "my", "arm"]
        );
        assert_eq!(words("shell be fine"), ["she", "will", "be", "fine"]);
        assert_eq!(words("what the hell do you want")[2], "hell");
        assert_eq!(words("a shell"), ["a", "shell"]);
        assert_eq!(words("hed kill me"), ["he", "would", "kill", "me"]);
        assert_eq!(words("hed been"), ["he", "had", "been"]);
        assert_eq!(words("lettre dadieu"), ["lettre", "d", "adieu"]);
    }

    #[test]
    fn fillers_optional_parts_gaps_and_clause_ends() {
        let p = Pattern::new("[i] want to die");
        assert!(p.find(&tokens("I honestly just want to die")).is_some());
        assert!(p.find(&tokens("want to die")).is_some());
        assert!(Pattern::new("pills * @time")
            .find(&tokens("pills lined up for tonight"))
            .is_some());
        assert!(Pattern::new("pills * @time")
            .find(&tokens("pills. I'm out tonight"))
            .is_none());
        assert!(Pattern::new("i will change $")
            .find(&tokens("I'll change the locks"))
            .is_none());
        assert!(Pattern::new("i will change $")
            .find(&tokens("I'll change."))
            .is_some());
        assert!(Pattern::new("suicid*").find(&tokens("suicidal")).is_some());
    }
}
