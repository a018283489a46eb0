//! The small pattern language the detectors' rules are written in: words,
//! alternatives, optional parts, prefixes, named slots, a short gap and the
//! end of a clause, with fillers allowed between any two words; rules,
//! their compiled form, and the hits they find in a text's tokens.

use super::tokens::{expand, fold, squeeze, Token};

/// The most fillers skipped in one place.
const MAX_FILLERS: usize = 3;
/// The most words a `*` gap in a pattern may skip.
const MAX_GAP: usize = 4;

/// Named word lists for `@name` slots in patterns.
fn slot(name: &str) -> &'static str {
    match name {
        // Speaking of oneself.
        "self" => "i/me/myself/ich/je/j/yo/io/ik",
        // Someone else who may be dangerous: the subject of "he hit me".
        "they" => {
            "he/she/they/ex/partner/boyfriend/girlfriend/husband/wife/fiance/fiancee/dad/father/\
             stepdad/mum/mom/mother/brother/him/her"
        }
        // A time soon, which turns talk of a way to die into a plan.
        "time" => {
            "tonight/this_weekend/heute_nacht/heute_abend/dieses_wochenende/ce_soir/cette_nuit/\
             ce_week_end/ce_weekend/demain_soir/esta_noche/este_fin_de_semana/manana_por_la_noche/\
             stanotte/stasera/domani_sera/questo_weekend/vanavond/vannacht/dit_weekend/morgenavond/\
             este_finde/questo_fine_settimana/am_wochenende"
        }
        _ => panic!("unknown slot @{name}"),
    }
}

/// One word test in a pattern.
#[derive(Debug, Clone)]
enum Word {
    /// The word squeezed, then as written: either form matching counts.
    Exact(String, String),
    /// Any word starting with this ("suicid*").
    Prefix(String),
    /// A number, in digits or words ("40", "three"): `@num`.
    Number,
}

/// Number words for `@num`, in the six languages (the small ones people
/// count messages, days and pills with).
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen", "zwei", "drei", "vier",
    "funf", "zehn", "zwanzig", "deux", "trois", "quatre", "cinq", "dix", "vingt", "dos", "tres",
    "cuatro", "cinco", "diez", "veinte", "due", "tre", "quattro", "cinque", "dieci", "venti",
    "twee", "drie", "vijf", "tien", "twintig",
];

impl Word {
    fn matches(&self, token: &Token) -> bool {
        match self {
            Word::Exact(squeezed, word) => token.word == *word || token.squeezed == *squeezed,
            Word::Prefix(prefix) => token.word.starts_with(prefix.as_str()),
            Word::Number => {
                token.word.chars().all(|c| c.is_ascii_digit())
                    || NUMBER_WORDS.contains(&token.word.as_str())
            }
        }
    }
}

/// One step of a pattern.
#[derive(Debug, Clone)]
enum Step {
    /// One of several word sequences.
    Any(Vec<Vec<Word>>),
    /// The same, or nothing.
    Optional(Vec<Vec<Word>>),
    /// Up to [`MAX_GAP`] words of anything.
    Gap,
    /// The clause ends here.
    End,
    /// The clause starts here.
    Start,
}

/// A compiled phrase pattern.
///
/// The source reads like the phrase: words separated by spaces; `a/b` for
/// alternatives, `a_b` for a run of words inside an alternative; `[a/b]`
/// for an optional part; `word*` for any word starting with `word`;
/// `@self`, `@they`, `@time` for named lists; `@num` for a number; `*`
/// alone for a gap of up to four words; `$` for the end of a clause and `^`
/// for its start. Contractions are spelled out as
/// in the text, so "can't" in a pattern also catches "cant" and "cannot".
/// Filler words may stand between any two steps.
///
/// ```
/// use engine::text::{tokens, Pattern};
///
/// let p = Pattern::new("i [do_not/never] want to live $");
/// assert!(p.find(&tokens("i dont really want to live anymore")).is_some());
/// assert!(p.find(&tokens("I don't want to live in this city")).is_none());
/// ```
#[derive(Debug, Clone)]
pub struct Pattern {
    steps: Vec<Step>,
    /// Words one of which the text must hold for the pattern to match (the
    /// most telling of its required steps), as numbers from [`interned`],
    /// or none when no step can say.
    needs: Option<Vec<u32>>,
}

/// Every word some pattern needs, numbered once, and the prefixes among
/// them: a text's [`Vocabulary`] is then a set of numbers, and whether a
/// pattern could match is a few bit tests.
#[derive(Default)]
struct Interned {
    ids: std::collections::HashMap<String, u32>,
    prefixes: Vec<(String, u32)>,
}

fn interned() -> &'static std::sync::RwLock<Interned> {
    static INTERNED: std::sync::OnceLock<std::sync::RwLock<Interned>> = std::sync::OnceLock::new();
    INTERNED.get_or_init(Default::default)
}

/// The number of a needed word (`prefix`: a word start, as in "suicid*").
fn intern(word: &str, prefix: bool) -> u32 {
    let key = if prefix {
        format!("{word}*")
    } else {
        word.to_string()
    };
    let mut table = interned().write().unwrap_or_else(|e| e.into_inner());
    if let Some(&id) = table.ids.get(&key) {
        return id;
    }
    let id = table.ids.len() as u32;
    table.ids.insert(key, id);
    if prefix {
        table.prefixes.push((word.to_string(), id));
    }
    id
}

/// Which of the needed words ([`Pattern::could_match`]) one text holds.
#[derive(Debug, Default)]
pub struct Vocabulary {
    present: Vec<u64>,
    known: usize,
}

impl Vocabulary {
    /// The needed words present in `tokens` (as written or squeezed).
    pub fn of(tokens: &[Token]) -> Vocabulary {
        let table = interned().read().unwrap_or_else(|e| e.into_inner());
        let known = table.ids.len();
        let mut present = vec![0u64; known.div_ceil(64)];
        let mut mark = |id: u32| present[id as usize / 64] |= 1 << (id % 64);
        let mut words: Vec<&str> = Vec::with_capacity(tokens.len() * 2);
        for t in tokens {
            words.push(&t.word);
            if t.squeezed != t.word {
                words.push(&t.squeezed);
            }
        }
        words.sort_unstable();
        words.dedup();
        for w in &words {
            if let Some(&id) = table.ids.get(*w) {
                mark(id);
            }
        }
        for (prefix, id) in &table.prefixes {
            let from = words.partition_point(|w| *w < prefix.as_str());
            if words
                .get(from)
                .is_some_and(|w| w.starts_with(prefix.as_str()))
            {
                mark(*id);
            }
        }
        Vocabulary { present, known }
    }

    fn has(&self, id: u32) -> bool {
        let id = id as usize;
        // A word numbered after this vocabulary was made: it may be there.
        id >= self.known || self.present[id / 64] & (1 << (id % 64)) != 0
    }
}

/// The most telling required step of a pattern: for each of its
/// alternatives the longest word, and the step whose shortest such word is
/// longest (so "bridge/roof" rather than "i" or "the").
fn telling_words(steps: &[Step]) -> Option<Vec<u32>> {
    let length = |w: &Word| match w {
        Word::Exact(_, word) => Some(word.chars().count()),
        Word::Prefix(prefix) => Some(prefix.chars().count()),
        Word::Number => None,
    };
    let best = steps
        .iter()
        .filter_map(|step| match step {
            Step::Any(alts) => alts
                .iter()
                .map(|alt| {
                    alt.iter()
                        .map(|w| length(w).map(|n| (n, w)))
                        .collect::<Option<Vec<_>>>()
                        .and_then(|ws| ws.into_iter().max_by_key(|(n, _)| *n))
                })
                .collect::<Option<Vec<(usize, &Word)>>>(),
            _ => None,
        })
        .filter(|words| !words.is_empty())
        .max_by_key(|words| words.iter().map(|(n, _)| *n).min().unwrap_or(0))?;
    let mut ids = Vec::new();
    for (_, word) in best {
        match word {
            Word::Exact(squeezed, word) => {
                ids.push(intern(word, false));
                ids.push(intern(squeezed, false));
            }
            Word::Prefix(prefix) => ids.push(intern(prefix, true)),
            Word::Number => return None,
        }
    }
    ids.sort_unstable();
    ids.dedup();
    Some(ids)
}

fn parse_alternatives(source: &str) -> Vec<Vec<Word>> {
    let source = source
        .split('/')
        .flat_map(|alt| {
            if alt == "@num" {
                vec![alt]
            } else if let Some(name) = alt.strip_prefix('@') {
                slot(name).split('/').collect::<Vec<_>>()
            } else {
                vec![alt]
            }
        })
        .collect::<Vec<_>>();
    source
        .into_iter()
        .map(|alt| {
            alt.split('_')
                .flat_map(|w| {
                    if w == "@num" {
                        vec![Word::Number]
                    } else if let Some(prefix) = w.strip_suffix('*') {
                        let prefix: String = prefix.chars().flat_map(fold).collect();
                        vec![Word::Prefix(prefix)]
                    } else {
                        expand(w, None, None)
                            .into_iter()
                            .map(|w| Word::Exact(squeeze(&w), w))
                            .collect()
                    }
                })
                .collect()
        })
        .collect()
}

impl Pattern {
    /// Compiles `source`. Tables are fixed at build time and every one is
    /// compiled by a test, so a malformed pattern fails the tests, not a
    /// person's evening.
    pub fn new(source: &str) -> Pattern {
        let steps = source
            .split_whitespace()
            .map(|part| match part {
                "*" => Step::Gap,
                "$" => Step::End,
                "^" => Step::Start,
                _ => match part.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
                    Some(inner) => Step::Optional(parse_alternatives(inner)),
                    None => Step::Any(parse_alternatives(part)),
                },
            })
            .collect::<Vec<Step>>();
        let needs = telling_words(&steps);
        Pattern { steps, needs }
    }

    /// Whether the pattern could match a text with these words at all: a
    /// quick test before [`Pattern::find_all`].
    pub fn could_match(&self, vocabulary: &Vocabulary) -> bool {
        self.needs
            .as_ref()
            .is_none_or(|ids| ids.iter().any(|&id| vocabulary.has(id)))
    }

    /// The first match in `tokens`, as a range of token indices.
    pub fn find(&self, tokens: &[Token]) -> Option<(usize, usize)> {
        self.find_all(tokens).into_iter().next()
    }

    /// Every match in `tokens` that does not overlap an earlier one, as
    /// ranges of token indices (`start..end`).
    pub fn find_all(&self, tokens: &[Token]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut from = 0;
        while from < tokens.len() {
            match self.match_at(tokens, from) {
                Some(end) if end > from => {
                    found.push((from, end));
                    from = end;
                }
                _ => from += 1,
            }
        }
        found
    }

    /// Whether the pattern matches starting exactly at `at` (an empty
    /// pattern never does); returns the end of the match.
    pub fn match_at(&self, tokens: &[Token], at: usize) -> Option<usize> {
        let clause = tokens.get(at)?.clause;
        if self.steps.is_empty() {
            return None;
        }
        self.steps_from(0, tokens, at, clause, true)
    }

    fn steps_from(
        &self,
        step: usize,
        tokens: &[Token],
        pos: usize,
        clause: usize,
        first: bool,
    ) -> Option<usize> {
        let Some(current) = self.steps.get(step) else {
            return Some(pos);
        };
        let in_clause = |p: usize| tokens.get(p).is_some_and(|t| t.clause == clause);
        let next = |p: usize| self.steps_from(step + 1, tokens, p, clause, false);
        let result = match current {
            Step::Any(alts) => alts
                .iter()
                .find_map(|alt| Self::words_at(alt, tokens, pos, clause).and_then(next)),
            Step::Optional(alts) => alts
                .iter()
                .find_map(|alt| Self::words_at(alt, tokens, pos, clause).and_then(next))
                .or_else(|| next(pos)),
            Step::Gap => (0..=MAX_GAP)
                .take_while(|n| *n == 0 || in_clause(pos + n - 1))
                .find_map(|n| next(pos + n)),
            Step::End => (!in_clause(pos)).then(|| next(pos)).flatten(),
            Step::Start => (pos == 0 || tokens[pos - 1].clause != clause)
                .then(|| self.steps_from(step + 1, tokens, pos, clause, true))
                .flatten(),
        };
        if result.is_some() || first {
            return result;
        }
        // Fillers may stand before any step but the first.
        let mut p = pos;
        for _ in 0..MAX_FILLERS {
            if !in_clause(p) || !tokens[p].filler {
                break;
            }
            p += 1;
            if let Some(end) = self.steps_from(step, tokens, p, clause, true) {
                return Some(end);
            }
        }
        None
    }

    fn words_at(words: &[Word], tokens: &[Token], pos: usize, clause: usize) -> Option<usize> {
        let mut p = pos;
        for word in words {
            let token = tokens.get(p).filter(|t| t.clause == clause)?;
            if !word.matches(token) {
                return None;
            }
            p += 1;
        }
        Some(p)
    }
}

/// One rule of a detector, as data: the sign it shows, the phrase that
/// shows it, and the phrases around it that keep the words figurative.
#[derive(Debug, Clone, Copy)]
pub struct Rule<S: 'static> {
    /// What a match shows.
    pub sign: S,
    /// The phrase, in [`Pattern`] syntax; several separated by ` | `.
    pub pattern: &'static str,
    /// Phrases which, starting right after the match, cancel it, separated
    /// by ` | ` ("I can't go on" + "dates").
    pub unless_after: &'static str,
    /// Phrases which, ending right before the match, cancel it ("career"
    /// + "suicide").
    pub unless_before: &'static str,
    /// Context (a denial, a past, another person) never cancels this one:
    /// "I don't want to live" stays what it is, whatever surrounds it.
    pub guarded: bool,
}

impl<S: Copy> Rule<S> {
    /// A rule with no exceptions.
    pub const fn new(sign: S, pattern: &'static str) -> Self {
        Rule {
            sign,
            pattern,
            unless_after: "",
            unless_before: "",
            guarded: false,
        }
    }

    /// Adds the phrases after a match that cancel it.
    pub const fn unless_after(self, unless_after: &'static str) -> Self {
        Rule {
            unless_after,
            ..self
        }
    }

    /// Adds the phrases before a match that cancel it.
    pub const fn unless_before(self, unless_before: &'static str) -> Self {
        Rule {
            unless_before,
            ..self
        }
    }

    /// Marks the rule as one that context never lowers.
    pub const fn guarded(self) -> Self {
        Rule {
            guarded: true,
            ..self
        }
    }
}

/// A [`Rule`] with its patterns compiled.
#[derive(Debug, Clone)]
pub struct Compiled<S> {
    sign: S,
    patterns: Vec<Pattern>,
    unless_after: Vec<Pattern>,
    unless_before: Vec<Pattern>,
    guarded: bool,
}

fn compile_list(list: &str) -> Vec<Pattern> {
    list.split(" | ")
        .filter(|p| !p.trim().is_empty())
        .map(Pattern::new)
        .collect()
}

/// Compiles a table of rules.
pub fn compile<S: Copy>(rules: &[Rule<S>]) -> Vec<Compiled<S>> {
    rules
        .iter()
        .map(|r| Compiled {
            sign: r.sign,
            patterns: compile_list(r.pattern),
            unless_after: compile_list(r.unless_after),
            unless_before: compile_list(r.unless_before),
            guarded: r.guarded,
        })
        .collect()
}

/// One match of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<S> {
    /// What it shows.
    pub sign: S,
    /// The tokens matched, `start..end`.
    pub tokens: (usize, usize),
    /// Whether context may lower it.
    pub guarded: bool,
}

/// Every match of every rule in `tokens`, exceptions applied.
pub fn hits<S: Copy>(rules: &[Compiled<S>], tokens: &[Token]) -> Vec<Hit<S>> {
    hits_in(rules, tokens, &Vocabulary::of(tokens))
}

/// [`hits`], with the text's [`Vocabulary`] already made.
pub fn hits_in<S: Copy>(
    rules: &[Compiled<S>],
    tokens: &[Token],
    vocabulary: &Vocabulary,
) -> Vec<Hit<S>> {
    let mut out = Vec::new();
    for rule in rules {
        for (start, end) in rule
            .patterns
            .iter()
            .filter(|p| p.could_match(vocabulary))
            .flat_map(|p| p.find_all(tokens))
        {
            let clause = tokens[start].clause;
            let after = rule.unless_after.iter().any(|p| {
                tokens.get(end).is_some_and(|t| t.clause == clause)
                    && p.match_at(tokens, end).is_some()
            });
            let before = rule.unless_before.iter().any(|p| {
                (start.saturating_sub(4)..start).any(|from| {
                    tokens[from].clause == clause && p.match_at(tokens, from) == Some(start)
                })
            });
            if !after && !before {
                out.push(Hit {
                    sign: rule.sign,
                    tokens: (start, end),
                    guarded: rule.guarded,
                });
            }
        }
    }
    out.sort_by_key(|h| h.tokens);
    out
}

/// The character span in the original text covered by tokens `start..end`.
pub fn char_span(tokens: &[Token], (start, end): (usize, usize)) -> (usize, usize) {
    (tokens[start].start, tokens[end - 1].end)
}
