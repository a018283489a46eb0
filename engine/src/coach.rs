//! The phrasing coach of step 5: it reads the notes for the conversation and
//! marks what would put the other person on the defensive: blame ("you
//! always", "you never", "it's your fault", "if you had just...", "you
//! ruined..."), contempt (insults, mockery) and pressure (ultimatums,
//! deadlines, "you owe me"). For each it names a [`Kind`], and the UI
//! suggests an I-statement that owns your part and names the need.
//!
//! Built on the same text analysis as the begging detector
//! ([`crate::text`]): fillers, missing apostrophes and slang ("ur fault",
//! "u never listen") are seen through. Measured on its own corpus in
//! `engine/tests/corpus/coach*.tsv` by `cargo xtask eval`.

use std::sync::OnceLock;

use serde::Serialize;

use crate::text::{self, char_span, Compiled, Rule};

/// What a marked phrase reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Putting the fault on them.
    Blame,
    /// Insults and mockery.
    Contempt,
    /// Ultimatums, deadlines, demands.
    Pressure,
}

/// The shape of the phrase, so the suggestion fits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// "You always...", "you never...".
    AlwaysNever,
    /// "It's your fault", "because of you", "you are the reason".
    YourFault,
    /// "If you had just...".
    IfYouHad,
    /// "You ruined...", "you destroyed...".
    YouRuined,
    /// "You made me...".
    YouMadeMe,
    /// An insult or mockery.
    Insult,
    /// An ultimatum or a deadline.
    Ultimatum,
    /// A demand: "you have to", "you owe me".
    Demand,
    /// No rule names it, but the sentence as a whole reads as blame,
    /// contempt or pressure to the coach's head ([`crate::text::understanding`]).
    Tone,
}

impl Kind {
    /// The category the kind belongs to.
    pub fn category(self) -> Category {
        match self {
            Kind::AlwaysNever
            | Kind::YourFault
            | Kind::IfYouHad
            | Kind::YouRuined
            | Kind::YouMadeMe
            // The head names its own category; blame when asked.
            | Kind::Tone => Category::Blame,
            Kind::Insult => Category::Contempt,
            Kind::Ultimatum | Kind::Demand => Category::Pressure,
        }
    }
}

/// One marked phrase: `start..end` in characters of the note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Blame, contempt or pressure.
    pub category: Category,
    /// The shape of the phrase (the UI picks its suggestion by it).
    pub kind: Kind,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// The coach's reading of a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Review {
    /// Something reads as blame.
    pub blame: bool,
    /// Something reads as contempt.
    pub contempt: bool,
    /// Something reads as pressure.
    pub pressure: bool,
    /// The marked phrases, in order.
    pub findings: Vec<Finding>,
}

impl Review {
    /// Whether anything was marked.
    pub fn flagged(&self) -> bool {
        !self.findings.is_empty()
    }
}

use Kind::*;

const fn r(kind: Kind, pattern: &'static str) -> Rule<Kind> {
    Rule::new(kind, pattern)
}

/// What may follow "you always" / "you never" and keep it kind.
const KIND_AFTER_ALWAYS: &str = "loved | love | made_me_laugh | made_me_smile | made_me_feel_welcome \
    | made_me_feel_safe | made_me_feel_loved | made_me_feel_special | made_our | kind | there_for_me \
    | had_my_back | have_my_back | cheered | believed | have_to_answer | have_to_reply | have_to_explain | have_to_respond | have_to_decide | had_to | need_to_answer | need_to_reply | supported_me | believed_in";
/// What may follow "you never" and keep it kind.
const KIND_AFTER_NEVER: &str =
    "have_to | had_to | need_to | needed_to | complained | judged | doubted \
    | gave_up_on_me | let_go_of_my_hand | made_me_feel_alone | once_complained | once_judged";
/// What may follow "you are the reason", "thanks to you" and keep it kind.
const KIND_AFTER_REASON: &str =
    "i_smiled | i_smile | i_laughed | i_am_happy | i_finally | i_started \
    | i_learned | i_found | i_got_better | i_believe | i_am_better | i_am_stronger";
/// What may follow "if you had" and keep it a question of time.
const TIME_AFTER_IF: &str = "the_time | time | a_moment | a_minute | a_second | any | some";
/// What may follow "you made me" and keep it kind.
const KIND_AFTER_MADE_ME: &str =
    "laugh | smile | happy | feel_welcome | feel_safe | feel_loved | feel_special | feel_at_home | a_better";

/// The English rules.
const RULES: &[Rule<Kind>] = &[
    // Blame.
    r(AlwaysNever, "you [are/were/have/had/would/will] always/constantly")
        .unless_after(KIND_AFTER_ALWAYS),
    r(AlwaysNever, "you [are/were/have/had/would/will] never | you never once")
        .unless_after(KIND_AFTER_NEVER),
    r(AlwaysNever, "all you [ever] do/did/care/think | not once did you"),
    r(YourFault, "your fault").unless_before("not | never | is_not | was_not"),
    r(YourFault, "is [all] on you $ | because of you | you are the reason | you were the reason")
        .unless_after(KIND_AFTER_REASON),
    r(YourFault, "thanks to you").unless_after(KIND_AFTER_REASON),
    r(YourFault, "you are/were the one who/that | it was you who/that | problem was/is you $ | you caused | you started every/all/it/this/the/that"),
    r(YourFault, "you should have known/done/said/told/listened/been/seen/thought | you did this/that to | you pushed me away | you messed up/with/it/everything/us"),
    r(YourFault, "you broke us/me/this/everything/my/our | you do_not care | you did_not care | until you"),
    r(IfYouHad, "if [only] you had/would_have/had_not/hadnt/did_not/would_not | if you would just | if you just | if youd | if youve")
        .unless_after(TIME_AFTER_IF),
    r(YouRuined, "you [have/had] ruined/ruin/ruins/wrecked/wreck/destroyed/destroy/spoiled/spoil/broken/wasted"),
    r(YouRuined, "your * ruined/wrecked/destroyed/killed/spoiled"),
    r(YouRuined, "you blew/screwed/messed_up/fucked it/this/everything/us/up"),
    r(YouMadeMe, "you [have] made/make me").unless_after(KIND_AFTER_MADE_ME),
    r(YouMadeMe, "you made/make this/it/everything/things [so] hard/worse/harder/difficult/impossible | make it worse"),
    // Contempt.
    r(Insult, "you are [such/so/a/an] [a/an/complete/total] pathetic/stupid/idiot/joke/useless/hopeless/coward/crazy/insane/liar/mess/needy/selfish/impossible/unbelievable/ridiculous/childish/lazy/loser/nothing/disgusting/psycho/nuts/clown/baby/child"),
    r(Insult, "shut up | pathetic | grow up | get over yourself | what a joke/loser/child/baby | such a child/baby/drama_queen/loser | you disgust me | you make me sick"),
    r(Insult, "what is wrong with you | how dumb/stupid/selfish/blind | you that stupid/dumb | nobody/no_one else would | who would [even] want you"),
    r(Insult, "like your father/mother/dad/mum/mom | someone like you | spare me | acting like a baby/child/kid | give me a break"),
    r(Insult, "typical of you | typical $ | whatever $ | you would_not understand | only a selfish/cruel/horrible/heartless | as shallow/selfish/stupid as"),
    r(Insult, "do_not be [so] dramatic/childish/stupid/ridiculous/pathetic/selfish | lol you | ugh $ | wasted * years on"),
    // Pressure.
    r(Ultimatum, "forget it $ | or forget it | or we are done/over/finished | or i am done/gone/leaving/moving_on/out | or i will tell/leave/go/block | or you will never | or you never"),
    r(Ultimatum, "either we | whether you like it or not | take no for an answer | you have until/till | you have no choice | decide today/tonight/now/right_now"),
    r(Ultimatum, "you will regret | i am done forever | the second/minute/moment you read/get/see | not leaving/going until you | if you do_not come/answer/reply/call/meet/say"),
    r(Demand, "you have/need/got to give/answer/come/talk/decide/meet/tell/choose/stop/call/reply/see/let/make"),
    r(Demand, "you better | you had better | you would better").unless_after("believe | know"),
    r(Demand, "you ought to | you should apologise/apologize/say_sorry | you owe me | you must | promise me | do_not you dare | how dare you | do_not [even] think about"),
    r(Demand, "you do_not get to | i need an answer now/tonight/today/right | answer me now/by/tonight | say yes $ | just say yes | you will meet/come/call/answer/talk/reply/give"),
    r(Demand, "if you [really] loved/cared/love/care"),
];

fn rules() -> &'static [Compiled<Kind>] {
    static SET: OnceLock<Vec<Compiled<Kind>>> = OnceLock::new();
    SET.get_or_init(|| text::compile(RULES))
}

/// Reads `note` for blame, contempt and pressure.
///
/// ```
/// use engine::coach::{review, Category, Kind};
///
/// let r = review("You never listened. It's your fault we broke up.");
/// assert!(r.blame);
/// assert_eq!(r.findings[0].kind, Kind::AlwaysNever);
/// assert!(review("ur fault").blame);
/// assert!(!review("You always made me laugh, and I miss that.").flagged());
/// assert!(!review("I felt alone, and I need us to talk more.").flagged());
/// assert_eq!(review("You owe me another chance.").findings[0].category, Category::Pressure);
/// ```
pub fn review(note: &str) -> Review {
    let tokens = text::tokens(note);
    let mut marked: Vec<(Kind, (usize, usize))> = text::hits(rules(), &tokens)
        .into_iter()
        .map(|h| (h.sign, h.tokens))
        .collect();
    // One mark per stretch of text: the first rule to claim a word keeps it.
    marked.sort_by_key(|(_, (s, e))| (*s, std::cmp::Reverse(*e)));
    let mut kept: Vec<(Kind, (usize, usize))> = Vec::new();
    for (kind, span) in marked {
        match kept.last_mut() {
            Some((_, last)) if span.0 < last.1 => last.1 = last.1.max(span.1),
            _ => kept.push((kind, span)),
        }
    }
    let mut findings: Vec<Finding> = kept
        .into_iter()
        .map(|(kind, span)| {
            let (start, end) = char_span(&tokens, span);
            Finding {
                category: kind.category(),
                kind,
                start,
                end,
            }
        })
        .collect();
    // The sentence encoder's coach head marks a sentence no rule marked.
    if let Some(understanding) = text::understanding::get() {
        let threshold = understanding.thresholds("coach")[0];
        for ((start, end), p) in understanding.read_units("coach", note) {
            let marked = findings.iter().any(|f| f.start < end && f.end > start);
            if marked || 1.0 - p[0] < threshold {
                continue;
            }
            let category = match (1..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b])) {
                Some(2) => Category::Contempt,
                Some(3) => Category::Pressure,
                _ => Category::Blame,
            };
            findings.push(Finding {
                category,
                kind: Tone,
                start,
                end,
            });
        }
        findings.sort_by_key(|f| (f.start, f.end));
    }
    let has = |c| findings.iter().any(|f| f.category == c);
    Review {
        blame: has(Category::Blame),
        contempt: has(Category::Contempt),
        pressure: has(Category::Pressure),
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (note, the kind that must be marked first, or none)
    const TABLE: &[(&str, Option<Kind>)] = &[
        ("You always put yourself first.", Some(AlwaysNever)),
        ("you NEVER listen!!", Some(AlwaysNever)),
        ("u never listen", Some(AlwaysNever)),
        ("You're always late.", Some(AlwaysNever)),
        ("It's your fault.", Some(YourFault)),
        ("its all ur fault", Some(YourFault)),
        ("If you had just called me back.", Some(IfYouHad)),
        ("if youd just listened", Some(IfYouHad)),
        ("You ruined everything.", Some(YouRuined)),
        ("you've ruined my year", Some(YouRuined)),
        ("You made me feel small.", Some(YouMadeMe)),
        ("Grow up.", Some(Insult)),
        ("You're pathetic.", Some(Insult)),
        ("You owe me a second chance.", Some(Demand)),
        ("Answer me by Friday or forget it.", Some(Demand)),
        ("Say yes or we are done.", Some(Ultimatum)),
        ("Decide by tonight or forget it.", Some(Ultimatum)),
        ("You always made me laugh.", None),
        ("You never have to answer this.", None),
        ("It was my fault, and I'm sorry.", None),
        ("If you have time, I'd like to talk.", None),
        ("I ruined that evening, and I regret it.", None),
        (
            "I felt hurt when plans changed, and I need us to plan together.",
            None,
        ),
        ("Whatever you decide, I'll be okay.", None),
        // Fresh sentences probed after the corpus was written.
        ("You constantly interrupt me.", Some(AlwaysNever)),
        ("Honestly it's all on you.", Some(YourFault)),
        ("you blew it", Some(YouRuined)),
        ("Shut up and listen for once.", Some(Insult)),
        ("You ought to apologise first.", Some(Demand)),
        ("You always had my back, and I miss that.", None),
        ("You never once complained about my cooking.", None),
        (
            "I want you to know you never have to pretend with me.",
            None,
        ),
        ("You were the reason I smiled every day.", None),
        ("Thanks to you I finally started therapy.", None),
        ("If you had the time, could we walk by the river?", None),
        ("You better believe I missed you.", None),
        ("It's not your fault that you got sick.", None),
    ];

    #[test]
    fn the_table_reads_as_written() {
        // The rule table alone: the heads are measured on the corpora.
        crate::text::understanding::rules_only(|| {
            for (note, expected) in TABLE {
                let review = review(note);
                assert_eq!(
                    review.findings.first().map(|f| f.kind),
                    *expected,
                    "{note}: {review:?}"
                );
                assert_eq!(
                    review.blame,
                    expected.is_some_and(|k| k.category() == Category::Blame),
                    "{note}"
                );
            }
        })
    }

    #[test]
    fn marks_point_at_the_written_phrase() {
        let note = "Honestly, you never listened.";
        let review = review(note);
        let f = &review.findings[0];
        let marked: String = note.chars().skip(f.start).take(f.end - f.start).collect();
        assert_eq!(marked, "you never");
    }

    #[test]
    fn every_rule_compiles() {
        assert_eq!(rules().len(), RULES.len());
    }
}
