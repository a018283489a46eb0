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
pub mod understanding;

/// The sentences of `text` as character spans, trimmed of spaces: `.`,
/// `!`, `?`, `;`, `…` and line breaks end one.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '.' | '!' | '?' | ';' | '\n' | '\u{2026}') {
            push_trimmed(&chars, start, i + 1, &mut out);
            start = i + 1;
        }
    }
    push_trimmed(&chars, start, chars.len(), &mut out);
    out
}

fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<(usize, usize)>) {
    while start < end && !chars[start].is_alphanumeric() {
        start += 1;
    }
    while end > start && !chars[end - 1].is_alphanumeric() && chars[end - 1] != '.' {
        end -= 1;
    }
    if chars[start..end].iter().any(|c| c.is_alphanumeric()) {
        out.push((start, end));
    }
}

/// One word of the text, normalized for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalized word: lower case, accents folded, contractions
    /// spelled out ("don't" gives two tokens, "do" and "not").
    pub word: String,
    /// The word with every run of one letter squeezed to a single letter,
    /// so emphasis ("diee", "hellooo") still meets the plain word.
    pub squeezed: String,
    /// First character of the written word this token came from.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// Which clause it sits in: punctuation starts a new one, and no
    /// pattern reaches across it.
    pub clause: usize,
    /// Which sentence it sits in (only `.`, `!`, `?`, `;` and line breaks
    /// end one), so a detector can count a sign once per sentence.
    pub sentence: usize,
    /// Whether the word is a filler ([`is_filler`]).
    pub filler: bool,
}

/// Characters that end a clause: a pattern never spans one, and `$` in a
/// pattern asks for one (or the end of the text) right after the match.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | '!'
            | '?'
            | ';'
            | ':'
            | '\n'
            | '('
            | ')'
            | '"'
            | '\u{2026}'
            | '\u{2014}'
            | '\u{2013}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}')
}

/// Lower case with the accents people often leave out folded away, so
/// "réveiller" and "reveiller" are one word to the rules.
fn fold(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase().map(|c| match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c => c,
    })
}

/// Squeezes every run of one letter to a single letter.
fn squeeze(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Runs of three or more of one letter are emphasis ("sooo", "pleeease")
/// and become one letter; two stay, since English doubles letters ("feel",
/// "still"), and the squeezed form catches "diee" when matching.
fn calm_emphasis(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&d| d == c).count();
        let keep = if run >= 3 { 1 } else { run };
        out.extend(std::iter::repeat_n(c, keep));
        i += run;
    }
    out
}

/// Shorthand and slang, spelled out. Only words that mean one thing here:
/// "ill" and "id" are handled with their neighbours in [`expand`].
const SLANG: &[(&str, &str)] = &[
    ("dont", "do not"),
    ("doesnt", "does not"),
    ("didnt", "did not"),
    ("cant", "can not"),
    ("cannot", "can not"),
    ("couldnt", "could not"),
    ("wont", "will not"),
    ("wouldnt", "would not"),
    ("shouldnt", "should not"),
    ("isnt", "is not"),
    ("arent", "are not"),
    ("wasnt", "was not"),
    ("werent", "were not"),
    ("havent", "have not"),
    ("hasnt", "has not"),
    ("hadnt", "had not"),
    ("aint", "am not"),
    ("im", "i am"),
    ("ive", "i have"),
    ("youre", "you are"),
    ("theyre", "they are"),
    ("thats", "that is"),
    ("whats", "what is"),
    ("theres", "there is"),
    ("shes", "she is"),
    ("wanna", "want to"),
    ("gonna", "going to"),
    ("gotta", "got to"),
    ("u", "you"),
    ("ya", "you"),
    ("r", "are"),
    ("ur", "your"),
    ("pls", "please"),
    ("plz", "please"),
    ("pleas", "please"),
    ("rn", "right now"),
    ("kms", "kill myself"),
    ("kys", "kill yourself"),
    ("unalive", "kill"),
    ("unalived", "killed"),
    ("unaliving", "killing"),
    ("ily", "i love you"),
    ("ilysm", "i love you so much"),
    ("sh", "self harm"),
    ("selfharm", "self harm"),
    ("idk", "i do not know"),
    ("cuz", "because"),
    ("bc", "because"),
    ("tmrw", "tomorrow"),
    ("tonite", "tonight"),
    ("txt", "text"),
    ("msg", "message"),
    ("msgs", "messages"),
    ("gf", "girlfriend"),
    ("bf", "boyfriend"),
    ("hes", "he is"),
    ("youll", "you will"),
    ("theyll", "they will"),
    ("itll", "it will"),
    ("idc", "i do not care"),
    ("ngl", "honestly"),
    ("thru", "through"),
    ("noone", "no one"),
    ("nobodys", "nobody is"),
    ("everyones", "everyone"),
    // French typed without apostrophes ("jai", "jen finis", "mendormir"):
    // only forms that are no other word.
    ("jai", "j ai"),
    ("jen", "j en"),
    ("jme", "je me"),
    ("jsuis", "je suis"),
    ("chuis", "je suis"),
    ("jveux", "je veux"),
    ("jvais", "je vais"),
    ("jpeux", "je peux"),
    ("cest", "c est"),
    ("jaimerais", "j aimerais"),
    ("jaime", "j aime"),
    ("jetais", "j etais"),
    ("javais", "j avais"),
    ("jarrive", "j arrive"),
    ("jy", "j y"),
    ("mendormir", "m endormir"),
    ("mendors", "m endors"),
    ("minterdit", "m interdit"),
    ("mempeche", "m empeche"),
    ("menfermer", "m enfermer"),
    ("nen", "n en"),
    ("quil", "qu il"),
    ("dsl", "desole"),
    ("dadieu", "d adieu"),
    ("heut", "heute"),
    ("daddio", "d addio"),
    // Dutch and German chat forms.
    ("mn", "mijn"),
    ("nich", "nicht"),
    ("hab", "habe"),
];

/// [`SLANG`] as a map, built once.
fn slang() -> &'static std::collections::HashMap<&'static str, &'static str> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| SLANG.iter().copied().collect())
}

/// Words after which "ill" is the adjective ("I am ill"), not "I'll".
const ILL_ADJECTIVE_AFTER: &[&str] = &[
    "am",
    "feel",
    "felt",
    "feeling",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "so",
    "very",
    "really",
    "too",
    "get",
    "got",
    "getting",
    "fell",
    "mentally",
    "seriously",
    "terminally",
    "an",
];

/// Words after which "hell" and "shell" are "he'll" and "she'll" ("hell
/// break my arm", "shell be better off"), and after which "hed" is "he
/// would" ("hed kill me").
const WILL_BEFORE: &[&str] = &[
    "be",
    "kill",
    "hurt",
    "break",
    "take",
    "make",
    "do",
    "find",
    "come",
    "never",
    "not",
    "know",
    "leave",
    "get",
    "go",
    "see",
    "want",
    "say",
    "tell",
    "just",
    "probably",
    "always",
    "ever",
    "burn",
    "ruin",
    "hit",
    "beat",
    "call",
    "show",
    "turn",
    "post",
    "send",
    "stop",
    "keep",
    "have",
    "try",
    "understand",
    "regret",
    "throw",
    "smash",
    "destroy",
    "lose",
    "wait",
    "need",
];
/// Words before "hell" or "shell" that keep them nouns ("what the hell
/// do", "a shell").
const NOUN_AFTER: &[&str] = &[
    "the", "a", "to", "of", "in", "from", "like", "as", "sea", "egg",
];

/// Words after which "id" is "I'd" ("id rather", "id never").
const ID_MEANS_I_WOULD_BEFORE: &[&str] = &[
    "rather", "be", "do", "give", "never", "love", "like", "kill", "die", "have", "just", "go",
    "never", "want", "take",
];

/// Splits one written word (apostrophes kept) into normalized words.
/// `before` is the normalized word before it, `after` the raw word after.
fn expand(raw: &str, before: Option<&str>, after: Option<&str>) -> Vec<String> {
    let word: String = raw.chars().flat_map(fold).collect();
    let word = calm_emphasis(&word);
    // English contractions sit at the end of the word...
    if let Some(pos) = word.rfind(is_apostrophe) {
        let (head, tail) = word.split_at(pos);
        let tail: String = tail.chars().skip(1).collect();
        let head = head.replace(is_apostrophe, "");
        match tail.as_str() {
            "t" if head.ends_with('n') => {
                let stem = &head[..head.len() - 1];
                let stem = match stem {
                    "wo" => "will",
                    "ca" => "can",
                    "ai" => "am",
                    "sha" => "shall",
                    s => s,
                };
                return vec![stem.to_string(), "not".into()];
            }
            "m" => return vec![head, "am".into()],
            "re" => return vec![head, "are".into()],
            "ve" => return vec![head, "have".into()],
            "ll" => return vec![head, "will".into()],
            "d" => return vec![head, "would".into()],
            "s" => {
                return if matches!(
                    head.as_str(),
                    "it" | "that"
                        | "what"
                        | "there"
                        | "he"
                        | "she"
                        | "here"
                        | "who"
                        | "where"
                        | "tonight"
                        | "today"
                        | "everything"
                        | "nothing"
                        | "life"
                ) {
                    vec![head, "is".into()]
                } else {
                    vec![head]
                };
            }
            _ => {
                // ...French and Italian elisions at the start ("j'ai", "c'è",
                // "n'en"): two words.
                return [head, tail].into_iter().filter(|w| !w.is_empty()).collect();
            }
        }
    }
    if word == "ill" && !before.is_some_and(|b| ILL_ADJECTIVE_AFTER.contains(&b)) {
        return vec!["i".into(), "will".into()];
    }
    let after_is = |list: &[&str]| {
        after.is_some_and(|a| {
            let a: String = a.chars().flat_map(fold).collect();
            list.contains(&a.to_lowercase().as_str())
        })
    };
    if (word == "hell" || word == "shell")
        && after_is(WILL_BEFORE)
        && !before.is_some_and(|b| NOUN_AFTER.contains(&b))
    {
        let who = if word == "hell" { "he" } else { "she" };
        return vec![who.into(), "will".into()];
    }
    if word == "hed" {
        let verb = if after_is(&["been"]) { "had" } else { "would" };
        return vec!["he".into(), verb.into()];
    }
    if word == "id"
        && after.is_some_and(|a| {
            let a: String = a.chars().flat_map(fold).collect();
            ID_MEANS_I_WOULD_BEFORE.contains(&a.as_str())
        })
    {
        return vec!["i".into(), "would".into()];
    }
    if let Some(full) = slang().get(word.as_str()) {
        return full.split(' ').map(str::to_string).collect();
    }
    // "diee", "hellooo": a doubled letter at the end that English would not
    // double is emphasis too; the squeezed form catches it in matching.
    vec![word]
}

/// The text as normalized words with their character spans.
///
/// ```
/// let words: Vec<String> = engine::text::tokens("Pleeease, I DONT wanna go")
///     .into_iter()
///     .map(|t| t.word)
///     .collect();
/// assert_eq!(words, ["please", "i", "do", "not", "want", "to", "go"]);
/// ```
pub fn tokens(text: &str) -> Vec<Token> {
    // First the written words: letters, digits and inner apostrophes.
    let chars: Vec<char> = text.chars().collect();
    let mut raw: Vec<(String, usize, usize, usize, usize)> = Vec::new();
    let mut clause = 0;
    let mut sentence = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            let start = i;
            let mut word = String::new();
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || (is_apostrophe(chars[i])
                        && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())))
            {
                word.push(chars[i]);
                i += 1;
            }
            raw.push((word, start, i, clause, sentence));
        } else {
            if ends_clause(c) && raw.last().is_some_and(|w| w.3 == clause) {
                clause += 1;
            }
            if matches!(c, '.' | '!' | '?' | ';' | '\n' | '\u{2026}')
                && raw.last().is_some_and(|w| w.4 == sentence)
            {
                sentence += 1;
            }
            i += 1;
        }
    }
    let mut out: Vec<Token> = Vec::with_capacity(raw.len());
    for (n, (word, start, end, clause, sentence)) in raw.iter().enumerate() {
        // "he's been", "hes been": the "'s" is "has", not "is".
        if word_is(&out, "is") && raw_is(word, "been") {
            if let Some(last) = out.last_mut() {
                last.word = "has".into();
                last.squeezed = "has".into();
            }
        }
        let before = out.last().map(|t| t.word.as_str());
        let after = raw
            .get(n + 1)
            .filter(|w| w.3 == *clause)
            .map(|w| w.0.as_str());
        for w in expand(word, before, after) {
            out.push(Token {
                filler: is_filler(&w),
                squeezed: squeeze(&w),
                word: w,
                start: *start,
                end: *end,
                clause: *clause,
                sentence: *sentence,
            });
        }
    }
    out
}

fn word_is(out: &[Token], word: &str) -> bool {
    out.last().is_some_and(|t| t.word == word)
}

fn raw_is(raw: &str, word: &str) -> bool {
    raw.eq_ignore_ascii_case(word)
}

/// Words that may stand between any two words of a pattern without
/// changing what it says: "I just really want to die" is "I want to die".
const FILLERS: &[&str] = &[
    // English
    "just",
    "really",
    "even",
    "so",
    "honestly",
    "literally",
    "ever",
    "anymore",
    "actually",
    "truly",
    "seriously",
    "kinda",
    "fucking",
    "totally",
    "simply",
    "still",
    "very",
    "genuinely",
    "lowkey",
    "fr",
    "tbh",
    "basically",
    "already",
    "also",
    "now",
    "sometimes",
    "often",
    "always",
    "kind",
    "of",
    "sort",
    "like",
    "right",
    "again",
    "completely",
    "absolutely",
    "probably",
    "maybe",
    "too",
    "much",
    "exactly",
    // German
    "einfach",
    "echt",
    "wirklich",
    "doch",
    "mal",
    "halt",
    "eigentlich",
    "schon",
    "nur",
    "ja",
    "gar",
    "wohl",
    "so",
    // "Again", in the other languages ("je me suis encore coupée").
    "encore",
    "wieder",
    "nochmal",
    "weer",
    "ancora",
    // French
    "vraiment",
    "juste",
    "meme",
    "tellement",
    "carrement",
    "franchement",
    "deja",
    // Spanish
    "ya",
    "solo",
    "realmente",
    "simplemente",
    "tan",
    // Italian
    "davvero",
    "proprio",
    "ormai",
    "gia",
    "veramente",
    // Dutch
    "gewoon",
    "eigenlijk",
    "nou",
    "toch",
    "al",
    "zo",
];

/// Whether `word` (normalized) is a filler: a word that may stand between
/// the words of a phrase without changing what it says.
pub fn is_filler(word: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| FILLERS.iter().copied().collect())
        .contains(word)
}

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
