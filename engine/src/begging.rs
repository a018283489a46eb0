//! The begging detector of step 2: it marks what in a draft reads as
//! pleading, piled-up apologies, panicked promises or despair, and gives the
//! draft a level. The rules for each language sit in one table; the UI words
//! the explanation for each category.

use serde::Serialize;

/// What a marked phrase reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Pleading: "please don't leave me".
    Pleading,
    /// Apologies piled one on another.
    PiledUpApologies,
    /// Promises made in panic: "I can do better".
    PanickedPromises,
    /// Despair: "I'll die without you".
    Despair,
}

/// How a draft reads as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Nothing reads as begging.
    Calm,
    /// Some pleading.
    Pleading,
    /// Despair, or pleading piled high.
    Desperate,
}

/// One marked phrase: `start..end` in characters (Unicode scalar values) of the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What it reads as.
    pub category: Category,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// The detector's reading of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// The level of the whole draft.
    pub level: Level,
    /// The marked phrases, in order.
    pub findings: Vec<Finding>,
}

/// This many apologies in one message read as piled up.
const APOLOGY_PILE: usize = 3;
/// This many marked phrases (apologies counting once) read as desperate.
const DESPERATE_AT: usize = 3;

/// The English rules: lower case, straight apostrophes, whole words. A
/// trailing `|` means the phrase must end its clause ("I'll change." but not
/// "I'll change the locks").
struct Rules {
    pleading: &'static [&'static str],
    apologies: &'static [&'static str],
    promises: &'static [&'static str],
    despair: &'static [&'static str],
}

const ENGLISH: Rules = Rules {
    pleading: &[
        "please don't leave me",
        "please don't go",
        "please don't do this",
        "please come back",
        "please take me back",
        "please give me a chance",
        "please answer me",
        "please talk to me",
        "please reply",
        "i'm begging you",
        "i am begging you",
        "i beg you",
        "give me another chance",
        "give me one more chance",
        "give us another chance",
        "just one more chance",
        "don't leave me",
        "i need you back",
        "come back to me",
        "why won't you answer",
        "why won't you talk to me",
    ],
    apologies: &[
        "sorry",
        "apologize",
        "apologise",
        "apologies",
        "forgive me",
        "my fault",
    ],
    promises: &[
        "i can do better",
        "i'll do better",
        "i will do better",
        "i'll change|",
        "i will change|",
        "i can change|",
        "i promise i'll",
        "i promise i will",
        "i'll do anything",
        "i will do anything",
        "i'd do anything",
        "i'll be better",
        "whatever you want",
        "i'll never do it again",
        "it will never happen again",
        "it won't happen again",
    ],
    despair: &[
        "i'll die without you",
        "i will die without you",
        "i can't live without you",
        "i cannot live without you",
        "my life is nothing without you",
        "i'm nothing without you",
        "i am nothing without you",
        "i can't go on",
        "i don't want to live",
        "you're my everything",
        "you are my everything",
        "i'm falling apart",
        "i can't breathe without you",
        "i can't eat or sleep",
    ],
};

fn fold(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '`' => '\'',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Every whole-word occurrence of `phrase` in `text` (already folded), as char ranges.
fn occurrences(text: &[char], phrase: &str) -> Vec<(usize, usize)> {
    let clause_end = phrase.ends_with('|');
    let needle: Vec<char> = phrase.trim_end_matches('|').chars().collect();
    let boundary = |i: Option<&char>| i.is_none_or(|c| !c.is_alphanumeric());
    let ends_clause = |i: Option<&char>| i.is_none_or(|c| ".,!?;:\n".contains(*c));
    let mut found = Vec::new();
    if needle.is_empty() || needle.len() > text.len() {
        return found;
    }
    for start in 0..=text.len() - needle.len() {
        let end = start + needle.len();
        if text[start..end] == needle[..]
            && boundary(start.checked_sub(1).and_then(|i| text.get(i)))
            && boundary(text.get(end))
            && (!clause_end || ends_clause(text.get(end)))
        {
            found.push((start, end));
        }
    }
    found
}

/// Reads `draft` with the English rules.
///
/// ```
/// use engine::begging::{analyse, Level};
///
/// assert_eq!(analyse("Please come back. I can't live without you.").level, Level::Desperate);
/// assert_eq!(analyse("I hope your new job is going well.").level, Level::Calm);
/// ```
pub fn analyse(draft: &str) -> Analysis {
    let text: Vec<char> = draft.chars().map(fold).collect();
    let mut findings = Vec::new();
    let mark = |phrases: &[&str], category| {
        let mut spans: Vec<(usize, usize)> =
            phrases.iter().flat_map(|p| occurrences(&text, p)).collect();
        spans.sort_unstable();
        // A longer phrase wins over one it contains ("please don't leave me" over "don't leave me").
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for span in spans {
            match kept.last_mut() {
                Some(last) if span.0 < last.1 => last.1 = last.1.max(span.1),
                _ => kept.push(span),
            }
        }
        kept.into_iter()
            .map(|(start, end)| Finding {
                category,
                start,
                end,
            })
            .collect::<Vec<_>>()
    };
    let pleading = mark(ENGLISH.pleading, Category::Pleading);
    let promises = mark(ENGLISH.promises, Category::PanickedPromises);
    let despair = mark(ENGLISH.despair, Category::Despair);
    let apologies = mark(ENGLISH.apologies, Category::PiledUpApologies);
    let piled = apologies.len() >= APOLOGY_PILE;
    let weight = pleading.len() + promises.len() + despair.len() + usize::from(piled);
    findings.extend(pleading);
    findings.extend(promises);
    findings.extend(despair.iter().cloned());
    if piled {
        findings.extend(apologies);
    }
    findings.sort_by_key(|f| (f.start, f.end));
    let level = if !despair.is_empty() || weight >= DESPERATE_AT {
        Level::Desperate
    } else if weight > 0 {
        Level::Pleading
    } else {
        Level::Calm
    };
    Analysis { level, findings }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (message, expected level, a category that must be marked, if any)
    const TABLE: &[(&str, Level, Option<Category>)] = &[
        (
            "Please don't leave me.",
            Level::Pleading,
            Some(Category::Pleading),
        ),
        (
            "PLEASE come back, I miss you",
            Level::Pleading,
            Some(Category::Pleading),
        ),
        (
            "I'm begging you, talk to me.",
            Level::Pleading,
            Some(Category::Pleading),
        ),
        (
            "Just give me one more chance.",
            Level::Pleading,
            Some(Category::Pleading),
        ),
        (
            "Why won't you answer? I need you back.",
            Level::Pleading,
            Some(Category::Pleading),
        ),
        (
            "Please take me back, I know I messed up",
            Level::Pleading,
            Some(Category::Pleading),
        ),
        (
            "I can do better, I know it.",
            Level::Pleading,
            Some(Category::PanickedPromises),
        ),
        (
            "I’ll change, I promise I’ll be there more.",
            Level::Pleading,
            Some(Category::PanickedPromises),
        ),
        (
            "I'll do anything you ask.",
            Level::Pleading,
            Some(Category::PanickedPromises),
        ),
        (
            "It will never happen again.",
            Level::Pleading,
            Some(Category::PanickedPromises),
        ),
        (
            "Whatever you want, it's yours.",
            Level::Pleading,
            Some(Category::PanickedPromises),
        ),
        (
            "I'm sorry. I'm so sorry. Please forgive me.",
            Level::Pleading,
            Some(Category::PiledUpApologies),
        ),
        (
            "Sorry, sorry, sorry, it was all my fault",
            Level::Pleading,
            Some(Category::PiledUpApologies),
        ),
        (
            "I'll die without you.",
            Level::Desperate,
            Some(Category::Despair),
        ),
        (
            "I can't live without you",
            Level::Desperate,
            Some(Category::Despair),
        ),
        (
            "You're my everything and I'm falling apart",
            Level::Desperate,
            Some(Category::Despair),
        ),
        (
            "I can't eat or sleep since you left.",
            Level::Desperate,
            Some(Category::Despair),
        ),
        (
            "I'm nothing without you.",
            Level::Desperate,
            Some(Category::Despair),
        ),
        (
            "Please come back. I'll change. Give me another chance.",
            Level::Desperate,
            Some(Category::Pleading),
        ),
        (
            "I'm begging you. I can do better. Sorry, sorry, I'm sorry.",
            Level::Desperate,
            Some(Category::PanickedPromises),
        ),
        (
            "i beg you dont do this",
            Level::Pleading,
            Some(Category::Pleading),
        ),
        (
            "Please reply. Please.",
            Level::Pleading,
            Some(Category::Pleading),
        ),
        // Calm, sincere messages: nothing marked.
        ("I hope your new job is going well.", Level::Calm, None),
        (
            "I'm sorry I forgot your birthday. That was careless of me.",
            Level::Calm,
            None,
        ),
        (
            "I'd like to talk in person when you're ready.",
            Level::Calm,
            None,
        ),
        ("Thank you for the years we had.", Level::Calm, None),
        (
            "I've been thinking about what you said about listening.",
            Level::Calm,
            None,
        ),
        ("I returned your books to your sister.", Level::Calm, None),
        ("Please take care of yourself.", Level::Calm, None),
        ("I can't make it on Friday, sorry.", Level::Calm, None),
        (
            "Our lease ends in June; let me know about the deposit.",
            Level::Calm,
            None,
        ),
        ("I'm doing better these days.", Level::Calm, None),
        ("The dog misses you, but she's fine.", Level::Calm, None),
        (
            "I will change the locks next week, as we agreed.",
            Level::Calm,
            None,
        ),
        ("Sorry for the late reply about the car.", Level::Calm, None),
        ("I understand why you needed space.", Level::Calm, None),
        (
            "I want to own my part in how things went.",
            Level::Calm,
            None,
        ),
        ("Congratulations on the marathon!", Level::Calm, None),
        (
            "I don't want to argue anymore; I want to understand.",
            Level::Calm,
            None,
        ),
        ("Happy birthday. I hope it's a good one.", Level::Calm, None),
        (
            "I realise I never asked what you needed from me.",
            Level::Calm,
            None,
        ),
        (
            "Come back to the office party if you want, everyone's welcome.",
            Level::Calm,
            None,
        ),
        ("", Level::Calm, None),
    ];

    #[test]
    fn the_table_reads_as_expected_both_ways() {
        assert!(TABLE.len() >= 40);
        for (message, level, category) in TABLE {
            let analysis = analyse(message);
            assert_eq!(analysis.level, *level, "{message:?}: {analysis:?}");
            match category {
                Some(c) => assert!(
                    analysis.findings.iter().any(|f| f.category == *c),
                    "{message:?}: {analysis:?}"
                ),
                None => assert!(analysis.findings.is_empty(), "{message:?}: {analysis:?}"),
            }
        }
    }

    #[test]
    fn findings_point_at_the_phrase_in_characters() {
        let message = "Ça va? Please don’t leave me.";
        let analysis = analyse(message);
        let f = &analysis.findings[0];
        let marked: String = message
            .chars()
            .skip(f.start)
            .take(f.end - f.start)
            .collect();
        assert_eq!(marked, "Please don’t leave me");
        assert_eq!(
            analysis.findings.len(),
            1,
            "the contained phrase is not marked twice"
        );
    }
}
