//! The tokenizer: text into normalized words that see through missing
//! apostrophes, capitals, letters held for emphasis and slang, each with
//! the character span of the word it came from; and the filler words a
//! pattern may skip.

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
pub(super) fn fold(c: char) -> impl Iterator<Item = char> {
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
pub(super) fn squeeze(word: &str) -> String {
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
pub(super) fn expand(raw: &str, before: Option<&str>, after: Option<&str>) -> Vec<String> {
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
