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

use super::{char_span, compile, hits, is_filler, tokens, Compiled, Hit, Pattern, Rule, Token};

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
}

impl Sign {
    /// The tier a sign brings on its own.
    pub fn tier(self) -> Tier {
        match self {
            Sign::Hopelessness | Sign::Burden | Sign::Trapped => Tier::Lower,
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

const fn r(sign: Sign, pattern: &'static str) -> Rule<Sign> {
    Rule::new(sign, pattern)
}

/// Objects after "live", "be here" and "wake up" that make them about a
/// place, a person or an hour rather than about living.
const NOT_ABOUT_LIVING: &str =
    "in | with | near | at | there | on | by | next | close | somewhere \
    | anywhere | abroad | together | under | like_that | early | before | when | if | while \
    | for_a | for_the";

/// The English rules.
const ENGLISH: &[Rule<Sign>] = &[
    // A wish to be dead or not wake up (Columbia item 1).
    r(WishToDie, "want_to/wanna/wish_to/ready_to/going_to/deserve_to/need_to/longing_to die")
        .unless_after("of | for | laughing | a_little | when | if_i_see | from | in_that"),
    r(WishToDie, "do_not/never want_to/wanna live/exist/be_alive/be_here [anymore] [like_this]")
        .unless_after(NOT_ABOUT_LIVING)
        .guarded(),
    r(WishToDie, "do_not/never want_to/wanna wake up")
        .unless_after(NOT_ABOUT_LIVING)
        .guarded(),
    r(WishToDie, "sleep/asleep [forever] and [would/could] not/never wake [up]").guarded(),
    r(WishToDie, "hope/hoping/wish/pray/praying i [do/will/would/could] not/never wake [up]")
        .guarded(),
    r(WishToDie, "care/caring whether/if i wake [up]").guarded(),
    r(WishToDie, "wish i was/were/would_be dead/gone/never_born"),
    r(WishToDie, "wish i [would/had] never been born"),
    r(WishToDie, "better off dead"),
    r(WishToDie, "rather be_dead/die"),
    r(WishToDie, "wish * would hit/kill/take me"),
    r(WishToDie, "stop existing/living | not exist"),
    r(WishToDie, "stop/stopped existing"),
    r(WishToDie, "death * relief/peace/peaceful/easier/answer/only_way/way_out"),
    r(WishToDie, "done with life/living/being_alive/this_life"),
    // Thoughts of suicide and intent (items 2 and 4).
    r(Intent, "kill/killing/killed/kil myself")
        .unless_after("laughing | with_laughter | over | for | at | trying | studying | working | to_finish"),
    r(Intent, "end/ending/take/taking/took my [own] life"),
    r(Intent, "end/ending it all/for_good/forever"),
    r(Intent, "courage/guts/nerve to end it/everything"),
    r(Intent, "end everything"),
    r(Intent, "end things $"),
    r(Intent, "suicid*")
        .unless_before("career | professional | beruflicher | by | virgin | un | fue_un | sarebbe_un | c_est_un")
        .unless_after("squad | prevention | rate | rates | awareness | hotline | helpline | statistics \
            | bomber | bombing | mission | doors | professionnel | professionale | profesional | watch"),
    r(Intent, "not going to be around much/for longer/long"),
    r(Intent, "will not be here/around tomorrow/much_longer/for_long/next_week/anymore/soon"),
    r(Intent, "i will not be here $"),
    r(Intent, "not have to worry about me much_longer/for_long/anymore/soon/ever_again"),
    r(Intent, "do something/anything [stupid/bad] to myself"),
    r(Intent, "what i will/might/could/would do to myself"),
    r(Intent, "do_not trust myself [to] [stay/be] safe/alone"),
    r(Intent, "i am going to jump $"),
    r(Intent, "only thing/reason/one stopping/keeping me"),
    // A plan, a time and a means (items 3 and 5).
    r(Plan, "know how i would/will/am_going_to do it"),
    r(Plan, "picked/chosen/chose/set/choose/pick a day/date/time"),
    r(Plan, "going_to/will/gonna do it @time"),
    r(Plan, "this is my last night/day/week"),
    r(Means, "how many/much * pills/tablets/meds/pill/paracetamol/tylenol/painkillers/sleeping_pills"),
    r(Means, "take/took/taking/swallow*/down/downed all/a_bunch_of/too_many/every/the_whole/enough/a_lot_of/loads_of/a_handful_of [of] [my/the/those/these] [sleeping] pills/tablets/meds/pill/painkillers/medication"),
    r(Means, "swallow*/took/taken everything/all"),
    r(Means, "saving/saved/save/stockpil*/hoard*/collect*/stash*/stored [up] [all] [my/the] [sleeping] pills/tablets/meds/painkillers/medication"),
    r(Means, "pills/tablets/meds/painkillers * next_to_me/lined_up/ready/in_front_of_me/on_the_table/beside_me"),
    r(Means, "pills/tablets/meds/painkillers/pillole/pastillas/pillen/tabletten/medicaments * @time"),
    r(Means, "overdos*"),
    r(Means, "standing/stood/stand/sitting/sat/jump*/step*/leap*/throw_myself * on/off/from/over/at the/a bridge/roof/ledge/edge/tracks/platform/cliff/balcony"),
    r(Means, "bridge/roof/ledge/cliff * stood/standing/stand/sat/sitting"),
    r(Means, "edge of the platform/roof/bridge/cliff/building/balcony"),
    r(Means, "step/jump/throw_myself/walk/walking/stepping/jumping in front of a/the train/bus/car/truck/traffic"),
    r(Means, "drive/driving/crash/crashing/drove [my] [car] into a/the wall/tree/river/traffic/lake"),
    r(Means, "bought/buy/got/get/have/looking_at/staring_at/look_at/stare_at/holding/hold [a/the/my] rope/gun/noose/razor/razors/blade/blades/knives/knife/pistol")
        .unless_after("swing | set | block | sharpener"),
    r(Means, "quickest/easiest/fastest/painless/painlessly/best/quick/easy way/ways to die/go/do_it/end_it/kill_myself"),
    r(Means, "ways to die/kill_myself"),
    // Self-harm.
    r(SelfHarm, "cut/cutting/burn*/hurt/hurting/harm*/hit/hitting/scratch*/punch*/stab*/starve*/starving myself")
        .unless_after("off | a | some | out | free | loose | short | on | in_the | skiing | at | while | by"),
    r(SelfHarm, "self harm*"),
    r(SelfHarm, "cutting again"),
    r(SelfHarm, "started/start cutting $"),
    r(SelfHarm, "until * bleed*/bled"),
    // Goodbyes and getting affairs in order.
    r(Goodbye, "give/giving/gave/given away [all] [of] my"),
    r(Goodbye, "give/giving/gave/given [all] [of] my * away"),
    r(Goodbye, "i will not need them/it/this/anything/my_things/my_stuff [anymore]"),
    r(Goodbye, "say/saying/said goodbye to everyone/everybody/you_all/all_of_you/the_world"),
    r(Goodbye, "letters/notes/messages * saying goodbye"),
    r(Goodbye, "this is goodbye"),
    r(Goodbye, "goodbye/bye forever/everyone/world/everybody/all"),
    r(Goodbye, "affairs in order"),
    r(Goodbye, "made/updated/wrote/written/writing/make/update/write my will"),
    r(Goodbye, "written/wrote/writing/left/leave/write my/a [suicide/goodbye] note/letter/letters"),
    r(Goodbye, "tell my mum/mom/family/kids/sister/brother/dad/parents/mother/father i love"),
    r(Goodbye, "last time anyone/you will hear from me"),
    r(Goodbye, "i will be gone for_good/forever/soon"),
    r(Goodbye, "before i go $"),
    // Hopelessness.
    r(Hopelessness, "do_not/can_not see the/a point $"),
    r(Hopelessness, "do_not/can_not see the/a point of/in anything/living/life/going_on/trying/it/any_of_this/talking/getting_up/being/existing"),
    r(Hopelessness, "what is the point $"),
    r(Hopelessness, "what is the point of/in living/life/anything/going_on/it_all/trying/being/existing/me"),
    r(Hopelessness, "there is no point $"),
    r(Hopelessness, "no point in/to trying/living/life/going_on/anything/existing/being"),
    r(Hopelessness, "nothing matters"),
    r(Hopelessness, "nothing left for me | nothing to live for | no reason to live/keep_going/go_on/get_up/stay/be_here/exist"),
    r(Hopelessness, "hopeless/pointless").unless_after("to | romantic | case | at | with"),
    r(Hopelessness, "never/no_way [going_to] get/gets better"),
    r(Hopelessness, "never going to stop/end/change $"),
    r(Hopelessness, "have no future | can_not see a future | no future for me"),
    r(Hopelessness, "give/gave/given/giving up on everything/life/myself/living"),
    r(Hopelessness, "i have given/gave up $"),
    r(Hopelessness, "want it/everything/the_pain/this_pain/all_of_it/all/this to stop/end"),
    r(Hopelessness, "tired/exhausted of/with everything/life/living/being_alive/it_all/existing"),
    r(Hopelessness, "want_to/wish_i_could/wanna disappear/vanish"),
    r(Hopelessness, "want_to/wish_i_could/wanna sleep forever"),
    r(Hopelessness, "not/isn't worth living"),
    r(Hopelessness, "do_not care what happens to me | do_not care if/whether i live"),
    r(Hopelessness, "darkness never"),
    r(Hopelessness, "nobody/no_one can help me | beyond help | too late for me"),
    r(Hopelessness, "do_not belong anywhere/in_this_world"),
    r(Hopelessness, "already gone/dead $"),
    r(Hopelessness, "i will never get out"),
    r(Hopelessness, "can_not see any/a way forward/out | no way forward"),
    r(Hopelessness, "i am sinking | feel like i am drowning | i am drowning"),
    r(Hopelessness, "in [so] much pain | unbearable pain | pain is unbearable"),
    r(Hopelessness, "failure at everything"),
    r(Hopelessness, "drinking * to stop/forget/numb/get_through | drinking way more"),
    r(Hopelessness, "have_not eaten in/for days"),
    r(Hopelessness, "empty and there is no way"),
    // Being a burden.
    r(Burden, "better/happier/easier/fine off without me"),
    r(Burden, "better/happier/easier/fine without me"),
    r(Burden, "better/happier/easier off if i was/were/am gone/dead/not_here/not_around/not_alive"),
    r(Burden, "happier/better/easier if i was/were not around/here/alive"),
    r(Burden, "burden").unless_before("financial | the").unless_after("of_proof"),
    r(Burden, "nobody/no_one would [even] notice/care/miss"),
    r(Burden, "if i was/were gone | if i disappeared"),
    r(Burden, "make everyone's/everyones/everyone life worse | in everyone way"),
    // Feeling trapped, unable to go on.
    r(Trapped, "can_not go on")
        .unless_before("we | you | they | he | she")
        .unless_after("dates | date | a | the | holiday | holidays | vacation | trip | trips | about | at | to | monday | tuesday \
            | wednesday | thursday | friday | saturday | sunday | tonight | tomorrow | today | this_weekend \
            | that | any | another | for | with_the | with_this | with_my | with_our | with_him | with_her | strike | leave | air | tour"),
    r(Trapped, "can_not take it/this/the_pain/this_pain/any_more [anymore] $"),
    r(Trapped, "can_not cope/bear_it/bear_this/handle_this/handle_being/keep_living/keep_going/do_this_anymore"),
    r(Trapped, "can_not hold on | barely hanging on"),
    r(Trapped, "do_not know how much longer i can hold/keep/go/do/take"),
    r(Trapped, "not * survive this/it"),
    r(Trapped, "no way out $ | no way out of this $ | no way out of here/my_head/this_pain/it"),
    r(Trapped, "trapped $ | trapped and | trapped in my"),
    r(Trapped, "end of my rope/tether"),
    r(Trapped, "die without you"),
    r(Trapped, "can_not live/go_on without you/him/her"),
    r(Trapped, "no life without you/him/her"),
    r(Trapped, "i am nothing/nobody $"),
    r(Trapped, "i am done $"),
    r(Trapped, "done with everything/it_all/all_of_it/all_this"),
    r(Trapped, "no one/nobody sees it"),
];

/// German, French, Spanish, Italian and Dutch: the signs as people write
/// them in each, written in the folded form (no accents needed).
const OTHER_LANGUAGES: &[Rule<Sign>] = &[
    // German
    r(WishToDie, "will/mochte/mag nicht mehr leben/da_sein").unless_after("in | mit | bei | hier_in").guarded(),
    r(WishToDie, "will/mochte/wurde [einfach] sterben/tot_sein"),
    r(WishToDie, "nie/nicht wieder/mehr aufwachen").guarded(),
    r(Intent, "mich umbringen/umzubringen/toten | umbringen $ | selbstmord | suizid*")
        .unless_before("beruflicher | politischer"),
    r(Intent, "schluss mit allem | mit allem schluss"),
    r(Means, "tabletten * gesammelt/genommen/bereit"),
    r(SelfHarm, "geritzt | ritze mich | mich ritzen | verletze mich"),
    r(Goodbye, "verschenke/verschenkt * meine sachen | meine sachen verschenkt"),
    r(Hopelessness, "keinen sinn mehr | hat keinen sinn | sinnlos"),
    r(Burden, "besser dran ohne mich | besser ohne mich | eine last fur"),
    r(Trapped, "ich kann/will nicht mehr $ | keinen ausweg | kein ausweg"),
    r(DangerFromSomeone, "hat mich geschlagen/getreten/gewurgt | schlagt mich | bedroht mich | hat mir gedroht | kontrolliert * mein handy"),
    // French
    r(WishToDie, "veux/voudrais/envie_de mourir"),
    r(WishToDie, "ne veux plus vivre/exister").unless_after("dans | a | avec | ici | la | en | chez").guarded(),
    r(WishToDie, "jamais/plus/pas me reveiller").guarded(),
    r(Intent, "me suicider | me tuer | en finir"),
    r(Means, "medicaments/cachets * pour en finir | medicaments/cachets * ce_soir"),
    r(SelfHarm, "scarifi* | me suis coupe* | me couper | me mutile*"),
    r(Goodbye, "donne * mes affaires"),
    r(Hopelessness, "plus l interet | a quoi bon | aucun sens | plus de sens"),
    r(Burden, "mieux sans moi | un fardeau"),
    r(Trapped, "n en peux plus $ | aucune issue | pas d issue | sans issue"),
    r(DangerFromSomeone, "m a frappe* | me frappe | me menace | m a menace* | fouille mon telephone | controle mon telephone"),
    // Spanish
    r(WishToDie, "quiero morir* | quiero estar muerto/muerta | ganas de morir"),
    r(WishToDie, "no quiero vivir").unless_after("en | con | aqui | alli | cerca").guarded(),
    r(WishToDie, "no despertar*").guarded(),
    r(Intent, "quitarme la vida | matarme"),
    r(Means, "pastillas * @time | pastillas * lo_hago"),
    r(Plan, "@time lo hago/hare | @time me mato"),
    r(SelfHarm, "me volvi a cortar | me corte | cortarme | me hice dano"),
    r(Goodbye, "regalando/regale * mis cosas"),
    r(Hopelessness, "no le veo sentido | sin sentido | no tiene sentido"),
    r(Burden, "mejor sin mi | una carga"),
    r(Trapped, "no puedo mas | no hay salida | no aguanto mas | me muero sin ti"),
    r(DangerFromSomeone, "me pego/pega/golpeo/golpea | me amenazo/amenaza | revisa mi celular/telefono/movil"),
    // Italian
    r(WishToDie, "voglio morire"),
    r(WishToDie, "non voglio piu vivere").unless_after("in | con | qui | a | li").guarded(),
    r(WishToDie, "non svegliarmi [piu] | non risvegliarmi").guarded(),
    r(Intent, "togliermi la vita | uccidermi | farla finita"),
    r(Means, "pillole * @time"),
    r(SelfHarm, "mi sono tagliat* | tagliarmi | mi taglio"),
    r(Goodbye, "regalando/regalato * mie cose"),
    r(Hopelessness, "non vedo piu il senso | non ha piu senso | nessun senso"),
    r(Burden, "meglio senza di me | un peso per"),
    r(Trapped, "non ce la faccio piu $ | non c e via d uscita | nessuna via d uscita"),
    r(DangerFromSomeone, "mi ha picchiat* | mi picchia | mi controlla il telefono | mi ha minacciat* | mi minaccia"),
    // Dutch
    r(WishToDie, "ik wil dood"),
    r(WishToDie, "wil niet meer leven").guarded(),
    r(WishToDie, "niet meer wakker worden").guarded(),
    r(Intent, "zelfmoord | mezelf van kant | er een einde aan maken"),
    r(Means, "pillen * klaar* | pillen * @time"),
    r(SelfHarm, "mezelf * gesneden | snijd mezelf"),
    r(Goodbye, "geef * mijn spullen weg"),
    r(Hopelessness, "het nut er niet meer | geen zin meer | heeft geen zin"),
    r(Burden, "beter af zonder mij | een last voor"),
    r(Trapped, "ik kan niet meer $ | geen uitweg"),
    r(DangerFromSomeone, "heeft me geslagen | slaat me | controleert mijn telefoon | bedreigt me | heeft me bedreigd"),
];

/// Danger from someone else, in English.
const DANGER: &[Rule<Sign>] = &[
    r(DangerFromSomeone, "@they [keeps/kept/has/had/is/was/has_been/would/will/used_to] hit/hits/hitting/slapped/slaps/slapping/punched/punches/kicked/kicks/choked/chokes/choking/strangled/strangles/strangling/shoved/shoves/pushed/pushes/grabbed/bit/bites/burned/burnt/smacked/smacks/hurts/hurting/raped/assaulted/attacked/abused/abuses/abusing/beat/beats/beating me")
        .unless_after("up | with | to | at | out | in_chess | off | back | into_the_group"),
    r(DangerFromSomeone, "@they [has/had] beat/beaten me up"),
    r(DangerFromSomeone, "@they [has/had/is/was/keeps/kept] threaten*/threatening me/to_kill/to_hurt/to_post/to_take/to_leak/to_share/to_burn/to_hit/to_beat/my"),
    r(DangerFromSomeone, "@they will/would/does/did/do not/never let me"),
    r(DangerFromSomeone, "@they [always/every_night] check/checks/checked/checking/read/reads/goes_through/go_through/control/controls/track/tracks/monitor/monitors/search/searches [all/every/through] my phone/messages/texts/emails/location/bank/accounts/mail"),
    r(DangerFromSomeone, "controls/control who i talk/see/speak/meet/text"),
    r(DangerFromSomeone, "@they [keeps/takes/took/has] my_phone/my_money/my_bank/my_card/my_keys/my_passport/my_paycheck/my_salary"),
    r(DangerFromSomeone, "@they [keeps/kept/is/was/has_been/been] following/follows/followed/stalking/stalks/stalked me"),
    r(DangerFromSomeone, "locked me in/out/up"),
    r(DangerFromSomeone, "forced me | made me do things"),
    r(DangerFromSomeone, "scared/afraid/terrified [of] [what/that] @they [is/will/would/might/could] [going_to] do/hurt/kill/hit"),
    r(DangerFromSomeone, "@they [said/says] @they will/would/is_going_to hurt/kill/take me/the_kids/my/us/the_children/them"),
    r(DangerFromSomeone, "threw * at me"),
    r(DangerFromSomeone, "grabbed my arm/wrist/neck/hair/throat"),
];

/// Words that put the hit right after them in the past: "I used to cut".
const PAST_NEAR: &str = "used to | fruher | autrefois | vroeger";
/// Words that put their whole clause in the past: "years ago I tried".
const PAST_CLAUSE: &str = "years ago | long time ago | in the past | back then \
    | when i was a/young/younger/in/at/little/small/kid/teen | as a teen/teenager/kid/child";
/// Words that bring a past hit back to now.
const NOW: &str = "again | still | right now | lately | last night | tonight | today | these days";
/// A denial ending right before a hit (fillers aside): "I'm not
/// suicidal", "I would never", "I'm not going to". Only right before, so
/// "I can't stop cutting myself" stays what it is.
const DENIAL: &str =
    "not | never | not going to | never going to | nicht | nie | pas | non | niet | nooit";
/// Another person right before a hit: their words, not the writer's.
const OTHER_PERSON: &str = "he | she | they | his | her | their | him";

struct Compiledset {
    rules: Vec<Compiled<Sign>>,
    past_near: Vec<Pattern>,
    past_clause: Vec<Pattern>,
    now: Vec<Pattern>,
    denial: Vec<Pattern>,
    other: Vec<Pattern>,
    time: Pattern,
}

fn compiled() -> &'static Compiledset {
    static SET: OnceLock<Compiledset> = OnceLock::new();
    SET.get_or_init(|| {
        let list = |s: &str| s.split(" | ").map(Pattern::new).collect();
        let mut rules = compile(ENGLISH);
        rules.extend(compile(OTHER_LANGUAGES));
        rules.extend(compile(DANGER));
        Compiledset {
            rules,
            past_near: list(PAST_NEAR),
            past_clause: list(PAST_CLAUSE),
            now: list(NOW),
            denial: list(DENIAL),
            other: list(OTHER_PERSON),
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
                p.match_at(tokens, i).is_some_and(|end| {
                    end <= start && (end..start).all(|j| is_filler(&tokens[j].word))
                })
            })
        })
}

/// Whether context lowers a hit: a denial or another person right before
/// it, or a clear past (right before it, or anywhere in its clause) with
/// nothing in the clause bringing it back to now ("again", "tonight").
fn lowered(set: &Compiledset, tokens: &[Token], hit: &Hit<Sign>) -> bool {
    if hit.guarded || hit.sign == DangerFromSomeone {
        return false;
    }
    let (start, _) = hit.tokens;
    let clause = tokens[start].clause;
    let denied = ends_before(&set.denial, tokens, start, 6);
    let other = ends_before(&set.other, tokens, start, 1);
    let in_clause: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].clause == clause)
        .collect();
    let clause_range =
        in_clause.first().copied().unwrap_or(0)..in_clause.last().map_or(0, |l| l + 1);
    let past = (ends_before(&set.past_near, tokens, start, 4)
        || any_in(&set.past_clause, tokens, clause_range.clone()))
        && !any_in(&set.now, tokens, clause_range);
    denied || other || past
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
    let found: Vec<Hit<Sign>> = hits(&set.rules, &tokens)
        .into_iter()
        .filter(|h| !lowered(set, &tokens, h))
        .collect();
    let mut tier = found
        .iter()
        .map(|h| h.sign.tier())
        .max()
        .unwrap_or(Tier::None);
    let danger_from_someone = found.iter().any(|h| h.sign == DangerFromSomeone);
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
mod tests {
    use super::*;

    #[test]
    fn every_rule_compiles_to_something_that_can_match() {
        let set = compiled();
        assert!(set.rules.len() > 100);
    }

    #[test]
    fn the_issue_examples_read_as_the_issue_asks() {
        for text in [
            "I just don't see the point anymore",
            "my family would be better off if I was gone",
            "I've been giving away my things",
            "I looked up how many pills it would take",
            "I want to go to sleep and not wake up",
            "I've been thinking about ending it all",
            "I'll just die without you",
            "I cant go on",
            "I dont want to live",
        ] {
            assert!(mentions_crisis(text), "{text}");
        }
        for text in [
            "I don't want to live in this city anymore",
            "this traffic is killing me",
            "I could die for a pizza",
            "my phone died",
            "career suicide",
            "I can't go on dates yet",
        ] {
            assert!(!mentions_crisis(text), "{text}");
        }
    }

    #[test]
    fn context_lowers_only_what_it_may() {
        assert_eq!(assess("I'm not suicidal, just tired").tier, Tier::None);
        assert_eq!(assess("I used to cut myself as a teen").tier, Tier::None);
        assert_eq!(
            assess("I used to cut myself and I did it again").tier,
            Tier::Higher
        );
        assert_eq!(
            assess("I'm not saying this lightly: I don't want to live").tier,
            Tier::Higher
        );
        assert_eq!(assess("I can't go on. Tonight.").tier, Tier::Higher);
        assert_eq!(assess("I'm not really suicidal").tier, Tier::None);
        assert_eq!(assess("I can't stop cutting myself").tier, Tier::Higher);
        assert_eq!(
            assess("I used to love him and now I want to die").tier,
            Tier::Higher
        );
        assert_eq!(
            assess("years ago I tried to kill myself, and I'm glad I'm here").tier,
            Tier::None
        );
    }

    #[test]
    fn findings_mark_the_words() {
        let text = "Honestly? I dont wanna wake up tomorrow";
        let a = assess(text);
        let f = a.findings.iter().find(|f| f.sign == WishToDie).unwrap();
        let marked: String = text.chars().skip(f.start).take(f.end - f.start).collect();
        assert_eq!(marked, "dont wanna wake up");
        assert_eq!(a.tier, Tier::Higher);
    }
}
