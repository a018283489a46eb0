//! The crisis detector: the warning signs crisis services publish and the
//! ideation items of the Columbia scale, in English, German, French,
//! Spanish, Italian and Dutch, and danger from someone else as a signal of
//! its own so the UI can put the abuse lines first.
//!
//! It never blocks saving and stores nothing; it only says whether a gentle
//! card with the resources should show, and why. A miss costs more than a
//! card shown once too often, so the context rules are asymmetric: a denial
//! ("I'm not suicidal"), a clear past ("I used to...") or another person
//! ("he says he wants to die") may cancel a hit, but nothing cancels "I
//! don't want to live / to be here / to wake up".

use std::sync::OnceLock;

use serde::Serialize;

use super::{char_span, compile, hits_in, tokens, Compiled, Hit, Pattern, Rule, Token, Vocabulary};

/// How strongly the text calls for the crisis card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// No crisis language.
    None,
    /// Hopelessness, being a burden, feeling trapped: show the card gently.
    Lower,
    /// A wish to die, intent, a plan, a means, a time, a self-harm act or a
    /// goodbye: show the card first and plainly.
    Higher,
}

/// What a marked phrase is a sign of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    /// "I don't see the point anymore."
    Hopelessness,
    /// "They'd be better off without me."
    Burden,
    /// "I can't go on", "there's no way out".
    Trapped,
    /// "I want to go to sleep and not wake up."
    WishToDie,
    /// "I'm going to end it all."
    Intent,
    /// "I know how I'd do it", "I've picked a day."
    Plan,
    /// Pills, a rope, a bridge, a train: a way to die within reach.
    Means,
    /// "Tonight": a time that turns any other sign into the higher tier.
    Time,
    /// "I cut myself again."
    SelfHarm,
    /// Goodbyes, giving things away, affairs put in order.
    Goodbye,
    /// Danger from someone else: hitting, threats, control.
    DangerFromSomeone,
    /// No rule names it, but the sentence encoder's crisis head
    /// ([`super::understanding`]) reads the sentence as crisis writing:
    /// the whole sentence marked, at the tier the head reads.
    Resembles,
}

impl Sign {
    /// The tier a sign brings on its own.
    pub fn tier(self) -> Tier {
        match self {
            Sign::Hopelessness | Sign::Burden | Sign::Trapped | Sign::Resembles => Tier::Lower,
            Sign::DangerFromSomeone => Tier::None,
            _ => Tier::Higher,
        }
    }
}

/// One marked phrase: `start..end` in characters of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrisisFinding {
    /// What it is a sign of.
    pub sign: Sign,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// The detector's reading of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrisisAssessment {
    /// How strongly it calls for the crisis card.
    pub tier: Tier,
    /// Whether it tells of danger from someone else (the abuse lines come
    /// first).
    pub danger_from_someone: bool,
    /// The marked phrases, in order.
    pub findings: Vec<CrisisFinding>,
}

impl CrisisAssessment {
    /// Whether the card with the resources should show.
    pub fn brings_card(&self) -> bool {
        self.tier != Tier::None || self.danger_from_someone
    }
}

use Sign::*;

mod rules;

const fn r(sign: Sign, pattern: &'static str) -> Rule<Sign> {
    Rule::new(sign, pattern)
}

/// A weak sign: none brings the card alone, but two kinds of them close
/// together do, where crisis services name the combination (the cat given
/// away and "then it's done"; a bridge and "I jump"; "I've decided",
/// "Sunday" and "so nobody suspects").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A day soon: tomorrow, a weekday, after the wedding.
    When,
    /// A decision made: "I've decided", "my mind is made up".
    Decision,
    /// A high place or tracks: a bridge, a roof, a balcony.
    Place,
    /// Jumping or going over, said of oneself.
    Act,
    /// Not being here afterwards: "they'll understand afterwards".
    Finality,
    /// Leaving that may be for good: "and then it's done", "I'm not coming
    /// back", "for good".
    Leaving,
    /// Pets and cherished things given away or put in someone's care.
    GivingAway,
    /// Keeping it hidden: "so nobody suspects".
    Secrecy,
    /// A farewell in passing: "you were a good friend", "told mum I love
    /// her", a letter for each of the family.
    Farewell,
    /// A means within reach: "the rope is in the garage", "I counted them".
    AtHand,
    /// The pull of it: "how easy it would be to...", "stop putting it off".
    Pull,
}

/// Whether two kinds of cue together bring the card: the strong ones
/// (an act, a means at hand, secrecy, finality) with any other kind, and
/// a few pairs of the weaker ones.
fn cues_pair(a: Cue, b: Cue) -> bool {
    use Cue::*;
    let strong = |c: Cue| matches!(c, Act | AtHand | Secrecy | Finality);
    a != b
        && (strong(a)
            || strong(b)
            || [
                (Pull, Place),
                (Leaving, Place),
                (Leaving, GivingAway),
                (Leaving, Farewell),
                (Farewell, GivingAway),
                (Place, Decision),
            ]
            .iter()
            .any(|&(x, y)| (a, b) == (x, y) || (a, b) == (y, x)))
}

/// The sign a cue is marked with when a pair fires.
fn cue_sign(cue: Cue) -> Sign {
    match cue {
        Cue::Act | Cue::Place | Cue::AtHand => Means,
        Cue::GivingAway | Cue::Farewell | Cue::Leaving | Cue::Finality => Goodbye,
        Cue::When => Time,
        Cue::Decision | Cue::Secrecy | Cue::Pull => Plan,
    }
}

const fn c(cue: Cue, pattern: &'static str) -> Rule<Cue> {
    Rule::new(cue, pattern)
}

/// Things a person may give away or put in someone's care.
macro_rules! things {
    () => {
        "cat/dog/cats/dogs/pets/pet/guitar/records/vinyl/camera/books/plants/bike/laptop/things/stuff/clothes/jewellery/jewelry/ring/watch/console/collection/fish/rabbit/hamster/bird"
    };
}

/// The weak signs, as data.
const CUES: &[Rule<Cue>] = &[
    c(Cue::When, "tomorrow | @time | monday/tuesday/wednesday/thursday/friday/saturday/sunday \
        | montag/dienstag/mittwoch/donnerstag/freitag/samstag/sonntag | lundi/mardi/mercredi/jeudi/vendredi/samedi/dimanche \
        | lunes/martes/miercoles/jueves/viernes/sabado/domingo | lunedi/martedi/mercoledi/giovedi/venerdi/sabato/domenica \
        | maandag/dinsdag/woensdag/donderdag/vrijdag/zaterdag/zondag | demain | manana | domani | morgen \
        | after the/my/his/her wedding/funeral/exams/party/holidays | after work"),
    c(Cue::Decision, "i have decided $ | i have made [up] my decision/mind/choice | my mind is made up | already decided | decision is made \
        | ich habe [mich/es] entschieden/beschlossen | es ist entschieden/beschlossen | j ai decide $ | c est decide | ma decision est prise \
        | lo he decidido | ya lo decidi | ya he decidido | esta decidido | ho deciso $ | ho gia deciso | ho preso la mia decisione \
        | ik heb het besloten | ik heb besloten $ | het is besloten | ik heb * al uitgekozen"),
    c(Cue::Place, "bridge/roof/rooftop/balcony/ledge/cliff/cliffs/railing/parapet/tracks | top/roof of the car_park/building/multi_storey/tower \
        | brucke/dach/balkon/klippe/gleise/bahngleise | pont/toit/balcon/falaise/voies | puente/azotea/tejado/acantilado/vias \
        | ponte/tetto/balcone/scogliera/binari | brug/dak/klif/spoor")
        .unless_after("club | the_gap | loan | game | party | terrace | bar | garden | top_bar | de_mayo"),
    c(Cue::Act, "i will/could/would/should/can [just] jump/go_over/step_off/let_go/fall $ \
        | i am going_to/gonna jump/step_off/go_over | jump/jumping/leap/leaping/throw_myself off/from/over the/a/my \
        | go over $ | let myself fall | and jump $ | step off $ \
        | spring ich $ | und spring/springe $ | ich spring/springe $ | dann spring* | runterspringen | springen $ \
        | je saute $ | sauter $ | je vais sauter | me jeter $ | sauterai \
        | me tiro $ | saltar $ | salto $ | me lanzo $ | tirarme $ \
        | saltero | mi butto | buttarmi | questa volta salto/mi_butto | stavolta salto/mi_butto \
        | spring ik $ | ik spring $ | springen $"),
    c(Cue::Finality, "they/you/everyone/she/he will understand afterwards/one_day/eventually/later/when_i_am_gone \
        | understand afterwards \
        | not going to be here/around by/after/for | won't need to worry about me \
        | tout soit en ordre | tout en ordre avant | mettre de l ordre dans mes affaires | nicht mehr da sein"),
    c(Cue::Leaving, "if i do_not/can_not reply/answer/respond * tomorrow/after/anymore | if you do_not hear from me \
        | ya no los/las voy a necesitar | ya no los/las necesit* | no me van a hacer falta | brauch/brauche [ich] * nicht mehr $ \
        | non mi serv* piu | heb ik niet meer nodig | n en aurai plus besoin \
        | and then it/its [is] done/over/finished | then it/its [is] [all] over/done/finished $ | i am not coming back $ | never coming back $ \
        | for good $ | pour de bon | pour toujours $ | ya no vuelvo $ | cuando [ya/yo] no este | no vuelvo $ | no voy a volver $ | para siempre $ \
        | non tornero [piu] | non torno piu | per sempre $ | komme nicht zuruck/wieder | fur immer $ | kom niet meer terug | voorgoed $ | voor altijd $"),
    c(Cue::GivingAway, concat!(
        "gave/giving/give/given [away] my/the ", things!(), " to | gave/giving/give/given my/the ", things!(), " away \
        | look/looking/take/taking after my ", things!(),
        " | regal* mi/mis perro/gato/cosas/guitarra/libros/ropa/camara | le/les deje/di/doy a * mi/mis perro/gato/cosas/guitarra/libros/ropa/camara/bici/anillo/reloj \
        | cuiden/cuida/cuidad/cuidame/cuidenme a/de mi/mis perro/perra/gato/gata/mascotas/plantas/hijos | donne* mon/ma/mes chat/chien/affaires/guitare/livres \
        | vendu mes affaires/choses | verschenk* meine/meinen/mein \
        | meinen/meine/mein hund/katze/katzen/gitarre/kamera/sachen * gegeben/geschenkt/verschenkt/abgegeben | ho regalato/dato_via * mio/mia/mie/miei | weggegeven | mijn kat/hond/spullen weg")),
    c(Cue::Secrecy, "so/that nobody/no_one suspects/notices/knows/finds_out/will_know/suspect | nobody suspects | without them/anyone knowing | nobody can know \
        | dass niemand * merkt | que personne ne * doute/remarque | que nadie * sospeche/note | che nessuno * sospetti/noti | zodat niemand * merkt"),
    c(Cue::Farewell, "wanted to say you were/are a/the good/great/best friend/sister/brother/mum/mom/person \
        | you were a good/great/true friend | told/tell [my] mum/mom/dad/sister/brother/family/everyone/them i love her/him/them/you \
        | which i never say | thank you for everything $ | thanks for everything $ | bye x $ | dropping hints \
        | lettre/lettres pour ma/mon/mes | une pour ma/mon | carta/cartas para mi/mis | brief/briefe an/fur meine/meinen | lettera/lettere per mia/mio/i_miei | brief/brieven voor/aan mijn"),
    c(Cue::AtHand, "the/my/a rope/noose/gun/pistol/rifle/shotgun/belt is/are [ready/waiting/still] in/under/behind/on the/my \
        | i counted them/the_pills/the_tablets | counted out [the/my] pills/tablets | gun/pistol/rifle/shotgun * closet/drawer/safe/garage/wardrobe/cupboard \
        | finish the bottle | pills/tablets/meds/painkillers in the bathroom/cabinet/drawer/cupboard/medicine_cabinet"),
    c(Cue::Pull, "thinking about/of the pills/tablets/rope/gun/razor/blade/knife/meds | stop putting it off | know what i/you need/have to do | can_not stop thinking about it/jumping/the_gun/the_bridge/the_pills/doing_it \
        | keep picking it up | how easy it would be to [just] jump/go/step/stop/let_go/end_it/drive/swerve/fall/do_it \
        | should/will/would be enough [right] $ | more than enough $ | know where the key/keys/bullets/ammo/ammunition is/are"),
];

/// Words that put the hit right after them in the past: "I used to cut".
const PAST_NEAR: &str = "used to | fruher | autrefois | vroeger";
/// Words that put their whole clause in the past: "years ago I tried".
const PAST_CLAUSE: &str = "years ago | long time ago | in the past | back then \
    | when i was a/young/younger/in/at/little/small/kid/teen | as a teen/teenager/kid/child \
    | last year | a year ago | last summer/winter/spring/autumn | l annee derniere | l an dernier \
    | il y a un an | el ano pasado | hace un ano | l anno scorso | un anno fa | letztes jahr \
    | vor einem jahr | vorig/vorige jaar | een jaar geleden";
/// Words that bring a past hit back to now.
const NOW: &str = "again | still | right now | lately | last night | tonight | today | these days";
/// A denial ending right before a hit (fillers aside): "I'm not
/// suicidal", "I would never", "I'm not going to". Only right before, so
/// "I can't stop cutting myself" stays what it is.
const DENIAL: &str =
    "not | never | not going to | never going to | nicht | nie | pas | non | niet \
    | nooit | no soy | no estoy | non sono | non sto | ne suis pas | ben niet | bin nicht \
    | not thinking about/of | not planning to/on | no estoy pensando en | no pienso en \
    | ne pense pas a | non penso di/a | non sto pensando di/a | denke nicht daran/an \
    | denk niet aan";
/// Words that take back what came before in the sentence: a joke.
const JOKE: &str = "jk | just kidding | only joking | just joking | kidding $ | joking $ \
    | nur spass | nur ein witz | c est une blague | je rigole | je plaisante | es broma \
    | es una broma | scherzo | sto scherzando | grapje | geintje";
/// A negation right before a joke word makes it the opposite: "I'm not
/// kidding", "no es broma", "geen grapje".
const NOT_A_JOKE: &str = "not | no | nicht | kein | keine | pas | non | niet | geen | never";
/// Someone else's words reported: the learned model keeps out of such a
/// sentence (the rules have their own context for it).
const REPORTED: &str = "friend/sister/brother/mum/mom/colleague/someone/he/she/they told/said/says/tells [me] [that] \
    | told me [that] he/she/they | mi ha detto che | mi ha detto di | m a dit qu/que | me dijo que | me ha dicho que \
    | hat * gesagt [dass] | sagte/sagt mir | zei/zegt dat | zei/zegt me/mij dat";
/// Someone else as the subject of a clause: "someone said they feel like
/// a burden" is theirs, not the writer's (unless the writer is in it).
const THIRD_PERSON: &[&str] = &[
    "he", "she", "they", "someone", "somebody", "elle", "ella", "lui", "lei", "hij", "zij",
];
/// Words of the first person: with one of them between the subject and the
/// hit, or in the hit, the hit is the writer's.
const FIRST_PERSON: &[&str] = &[
    "i", "me", "my", "myself", "mine", "ich", "mich", "mir", "mein", "meine", "je", "j", "moi",
    "mon", "ma", "mes", "yo", "mi", "mis", "io", "ik", "mij", "mijn",
];
/// Another person right before a hit: their words, not the writer's.
const OTHER_PERSON: &str = "he | she | they | his | her | their | him";

struct Compiledset {
    rules: Vec<Compiled<Sign>>,
    past_near: Vec<Pattern>,
    past_clause: Vec<Pattern>,
    now: Vec<Pattern>,
    denial: Vec<Pattern>,
    other: Vec<Pattern>,
    joke: Vec<Pattern>,
    not_a_joke: Vec<Pattern>,
    reported: Vec<Pattern>,
    cues: Vec<Compiled<Cue>>,
    time: Pattern,
}

fn compiled() -> &'static Compiledset {
    static SET: OnceLock<Compiledset> = OnceLock::new();
    SET.get_or_init(|| {
        let list = |s: &str| s.split(" | ").map(Pattern::new).collect();
        let rules = rules::TABLES
            .iter()
            .flat_map(|table| compile(table))
            .collect();
        Compiledset {
            rules,
            past_near: list(PAST_NEAR),
            past_clause: list(PAST_CLAUSE),
            now: list(NOW),
            denial: list(DENIAL),
            other: list(OTHER_PERSON),
            joke: list(JOKE),
            not_a_joke: list(NOT_A_JOKE),
            reported: list(REPORTED),
            cues: compile(CUES),
            time: Pattern::new("@time"),
        }
    })
}

/// Whether any of `patterns` matches anywhere in the token range.
fn any_in(patterns: &[Pattern], tokens: &[Token], range: std::ops::Range<usize>) -> bool {
    range
        .into_iter()
        .any(|i| patterns.iter().any(|p| p.match_at(tokens, i).is_some()))
}

/// Whether some pattern in `patterns` ends right before `start`, with
/// nothing but fillers between, starting no more than `reach` tokens back.
fn ends_before(patterns: &[Pattern], tokens: &[Token], start: usize, reach: usize) -> bool {
    let clause = tokens[start].clause;
    (start.saturating_sub(reach)..start)
        .filter(|&i| tokens[i].clause == clause)
        .any(|i| {
            patterns.iter().any(|p| {
                p.match_at(tokens, i)
                    .is_some_and(|end| end <= start && (end..start).all(|j| tokens[j].filler))
            })
        })
}

/// Whether context lowers a hit: a denial or another person right before
/// it, or a clear past (right before it, or anywhere in its clause) with
/// nothing in the clause bringing it back to now ("again", "tonight").
fn lowered<S: Copy>(set: &Compiledset, tokens: &[Token], hit: &Hit<S>, danger: bool) -> bool {
    if hit.guarded || danger {
        return false;
    }
    let (start, end) = hit.tokens;
    let clause = tokens[start].clause;
    let denied = ends_before(&set.denial, tokens, start, 6);
    // Another person right before the hit, unless the hit is about the
    // writer ("they won't need to worry about me").
    let other = ends_before(&set.other, tokens, start, 1)
        && !(start..end).any(|i| FIRST_PERSON.contains(&tokens[i].word.as_str()));
    let in_clause: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].clause == clause)
        .collect();
    let clause_range =
        in_clause.first().copied().unwrap_or(0)..in_clause.last().map_or(0, |l| l + 1);
    let past = (ends_before(&set.past_near, tokens, start, 4)
        || any_in(&set.past_clause, tokens, clause_range.clone()))
        && !any_in(&set.now, tokens, clause_range);
    denied || other || past || joking(set, tokens, hit.tokens) || third_person(tokens, (start, end))
}

/// Whether the sentence of a hit, or the one after it, takes it back as a
/// joke ("jump off a bridge lol jk"); "I'm not kidding" says the opposite.
fn joking(set: &Compiledset, tokens: &[Token], (start, _): (usize, usize)) -> bool {
    let sentence = tokens[start].sentence;
    (start..tokens.len())
        .take_while(|&i| tokens[i].sentence <= sentence + 1)
        .any(|i| {
            set.joke.iter().any(|p| p.match_at(tokens, i).is_some())
                && !ends_before(&set.not_a_joke, tokens, i, 2)
        })
}

/// Whether someone else is the subject of the hit's clause, with no word of
/// the writer's own between them or in the hit.
fn third_person(tokens: &[Token], (start, end): (usize, usize)) -> bool {
    let first = |i: usize| FIRST_PERSON.contains(&tokens[i].word.as_str());
    if (start..end).any(first) {
        return false;
    }
    let clause = tokens[start].clause;
    for i in (0..start).rev() {
        if tokens[i].clause != clause || first(i) {
            return false;
        }
        if THIRD_PERSON.contains(&tokens[i].word.as_str()) {
            return true;
        }
    }
    false
}

/// The most sentences apart two weak signs may stand and still pair.
const CUE_REACH: usize = 2;

/// The weak signs that pair with another kind close by, context applied.
fn paired_cues(
    set: &Compiledset,
    tokens: &[Token],
    vocabulary: &Vocabulary,
) -> Vec<(Cue, (usize, usize))> {
    let found: Vec<Hit<Cue>> = hits_in(&set.cues, tokens, vocabulary)
        .into_iter()
        .filter(|h| !lowered(set, tokens, h, false))
        .collect();
    let sentence = |h: &Hit<Cue>| tokens[h.tokens.0].sentence;
    found
        .iter()
        .filter(|a| {
            found.iter().any(|b| {
                cues_pair(a.sign, b.sign) && sentence(a).abs_diff(sentence(b)) <= CUE_REACH
            })
        })
        .map(|h| (h.sign, h.tokens))
        .collect()
}

/// Reads `text` for crisis language and danger from someone else.
///
/// ```
/// use engine::text::crisis::{assess, Tier};
///
/// assert_eq!(assess("I just don't see the point anymore").tier, Tier::Lower);
/// assert_eq!(assess("I looked up how many pills it would take").tier, Tier::Higher);
/// assert!(assess("he hit me again").danger_from_someone);
/// assert_eq!(assess("this traffic is killing me").tier, Tier::None);
/// ```
pub fn assess(text: &str) -> CrisisAssessment {
    let set = compiled();
    let tokens = tokens(text);
    let vocabulary = Vocabulary::of(&tokens);
    let (found, lowered_hits): (Vec<Hit<Sign>>, Vec<Hit<Sign>>) =
        hits_in(&set.rules, &tokens, &vocabulary)
            .into_iter()
            .partition(|h| !lowered(set, &tokens, h, h.sign == DangerFromSomeone));
    let mut tier = found
        .iter()
        .map(|h| h.sign.tier())
        .max()
        .unwrap_or(Tier::None);
    let mut danger_from_someone = found.iter().any(|h| h.sign == DangerFromSomeone);
    let mut findings: Vec<CrisisFinding> = found
        .iter()
        .map(|h| {
            let (start, end) = char_span(&tokens, h.tokens);
            CrisisFinding {
                sign: h.sign,
                start,
                end,
            }
        })
        .collect();
    // Weak signs close together, where a pair of them is what crisis
    // services name: the higher tier.
    for (cue, span) in paired_cues(set, &tokens, &vocabulary) {
        tier = Tier::Higher;
        let (start, end) = char_span(&tokens, span);
        findings.push(CrisisFinding {
            sign: cue_sign(cue),
            start,
            end,
        });
    }
    // A time turns any other sign into the higher tier: "tonight" next to
    // "I can't go on" is a plan.
    if tier != Tier::None {
        let times = set.time.find_all(&tokens);
        if !times.is_empty() {
            tier = Tier::Higher;
            for t in times {
                let (start, end) = char_span(&tokens, t);
                findings.push(CrisisFinding {
                    sign: Time,
                    start,
                    end,
                });
            }
        }
    }
    // The sentence encoder's crisis head may add or raise, sentence by
    // sentence (and the whole of a short text); never where context
    // lowered a rule hit ("I'm not suicidal"), never in a sentence that
    // reports someone else's words ("my friend told me she wanted to
    // die"), and never lowering anything.
    if let Some(understanding) = super::understanding::get() {
        let mut lowered_spans: Vec<(usize, usize)> = lowered_hits
            .iter()
            .map(|h| char_span(&tokens, h.tokens))
            .collect();
        lowered_spans.extend(
            set.reported
                .iter()
                .flat_map(|p| p.find_all(&tokens))
                .map(|span| char_span(&tokens, span)),
        );
        let threshold = understanding.thresholds("crisis")[0];
        for ((start, end), p) in understanding.read_units("crisis", text) {
            if lowered_spans.iter().any(|&(s, e)| s < end && e > start) || 1.0 - p[0] < threshold {
                continue;
            }
            // The strongest of lower, higher and danger from someone.
            let class = (1..p.len())
                .max_by(|&a, &b| p[a].total_cmp(&p[b]))
                .unwrap_or(1);
            let sign = match class {
                3 => {
                    danger_from_someone = true;
                    DangerFromSomeone
                }
                2 => {
                    tier = Tier::Higher;
                    Resembles
                }
                _ => {
                    tier = tier.max(Tier::Lower);
                    Resembles
                }
            };
            findings.push(CrisisFinding { sign, start, end });
        }
    }
    findings.sort_by_key(|f| (f.start, f.end));
    findings.dedup();
    CrisisAssessment {
        tier,
        danger_from_someone,
        findings,
    }
}

/// Whether `text` should bring the card with the resources: crisis
/// language of either tier, or danger from someone else.
pub fn mentions_crisis(text: &str) -> bool {
    assess(text).brings_card()
}

#[cfg(test)]
mod tests;
