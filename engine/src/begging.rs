//! The begging detector of step 2: it marks what in a draft reads as
//! pleading, demands for an answer, bargaining, guilt, piled-up apologies,
//! pursuit or despair, and gives the draft a level. Its rules are phrase
//! patterns on the shared text analysis ([`crate::text`]), kept as one
//! table that reads like the phrases it catches; the UI words the
//! explanation for each category. A draft with crisis language is also
//! flagged so the app offers help, whatever its level.

use std::sync::OnceLock;

use serde::Serialize;

use crate::text::{self, char_span, crisis, Compiled, Rule};

/// What a marked phrase reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Pleading: "please don't leave me".
    Pleading,
    /// Apologies piled one on another, about the relationship.
    PiledUpApologies,
    /// Promises and bargains made in panic: "I can do better", "I'll quit
    /// my job".
    PanickedPromises,
    /// Despair: "I'll die without you", "I haven't slept in days".
    Despair,
    /// Demanding an answer: "why won't you reply", counting their silence.
    DemandsAnswer,
    /// Guilt: "don't throw away three years".
    Guilt,
    /// Following them: driving past, waiting outside their work.
    Pursuit,
}

/// How a draft reads as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Nothing reads as begging.
    Calm,
    /// Some pleading.
    Pleading,
    /// Despair or pursuit, crisis language, or pleading piled high.
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
    /// Whether the draft has crisis language or tells of danger from
    /// someone else, so the app offers the card with the resources.
    pub crisis: bool,
}

/// The draft head's level for the whole draft: desperate above its
/// second threshold (set above every held-out calm draft), pleading when
/// pleading and desperate together pass its first; calm when the encoder
/// is not loaded.
fn read_level(draft: &str) -> Level {
    let Some(understanding) = text::understanding::get() else {
        return Level::Calm;
    };
    if draft.trim().is_empty() || !text::understanding::reads_as_language(draft) {
        return Level::Calm;
    }
    let p = understanding.read("drafts", draft);
    let t = understanding.thresholds("drafts");
    if p[2] >= t[1] {
        Level::Desperate
    } else if p[1] + p[2] >= t[0] {
        Level::Pleading
    } else {
        Level::Calm
    }
}

/// This many apologies about the relationship read as piled up.
const APOLOGY_PILE: usize = 3;
/// This many kinds of sign (pleading, apologies, promises, demands, guilt)
/// in one draft read as desperate; one kind, however often, is pleading.
const DESPERATE_AT: usize = 3;

use Category::*;

const fn r(category: Category, pattern: &'static str) -> Rule<Category> {
    Rule::new(category, pattern)
}

/// What a plea asks for after "please".
const PLEA: &str = "please [just] do_not leave/go/do_this/do_that/give_up/ignore/shut_me_out/block/end \
    | please [just] come back/home/to_me | please [just] take me back | please [just] give me/us \
    | please [just] answer/reply/respond/call/text/pick_up/talk/listen/forgive/stay/try/unblock/see/hear \
    | please [just] let me explain/see/talk/fix/make | please [just] i am begging | please [just] i need \
    | please $ | please please";

/// The English rules.
const RULES: &[Rule<Category>] = &[
    // Pleading.
    r(Pleading, PLEA),
    r(Pleading, "beg/begging/begged you | i beg | on my knees"),
    r(Pleading, "give/giving me/us another/one_more/a_second/a_last/one_last [chance/try] | one more chance/try | one more time $"),
    r(Pleading, "try again $ | try again please | try one more time"),
    r(Pleading, "do_not leave me | do_not go $ | do_not do this/that [to_us/to_me] | do_not give up on us/me/this"),
    r(Pleading, "do_not let * end/ruin/destroy us/this/what_we/everything | do_not walk away"),
    r(Pleading, "come back $ | come back to me | come back home | come home $"),
    r(Pleading, "need you [back] $ | need you back | want you back"),
    r(Pleading, "take me back | we can fix/save/work_out/make_it_work this/it/us"),
    r(Pleading, "you [still] love/miss/want me | do_not you miss/love/want me"),
    r(Pleading, "just one/a coffee/conversation/call/talk/minute/chance/drink/meeting | all i am asking/ask"),
    r(Pleading, "let me explain | hear me out | just see me | see me once | talk to me $ | talk to me please | just talk to me"),
    r(Pleading, "can we [please] [just] talk $ | can_not we [just] try"),
    r(Pleading, "tell me what i did wrong | tell me what to do | tell me there is [still] a chance | change your mind"),
    r(Pleading, "promise you will come back | i love you please"),
    r(Pleading, "call/text/talk_to/meet/see me once/one_time/one_last_time | if you just/only call/text/talk/answer/reply/meet/see me"),
    // Demanding an answer, counting their silence.
    r(DemandsAnswer, "why will_not/do_not/are_not/have_not/did_not/are/did/have you [even] reply/answer/respond/talk/text/call/look/pick_up/speak/write/get_back/ignoring/answering/replying/responding/calling/texting/block/blocked/ghost/ghosting"),
    r(DemandsAnswer, "answer me | answer your phone | pick up $ | text me back | call me back | get back to me | reply to me | unblock me"),
    // "Answer." is a demand; "no need to reply" is the opposite.
    r(DemandsAnswer, "answer $ | reply $ | respond $")
        .unless_before("need to | no need to | not need to | have to | not have to | not expecting you to | not asking you to | no pressure to"),
    r(DemandsAnswer, "at least reply/answer/respond/text/call/tell"),
    r(DemandsAnswer, "are you [ever] going to answer/reply/talk/respond/text/call"),
    r(DemandsAnswer, "sent you * messages/texts/emails/voicemails | unanswered | left me on read | read my messages/texts"),
    r(DemandsAnswer, "my second/third/fourth/fifth/sixth/tenth text/message/call/voicemail"),
    r(DemandsAnswer, "going to [keep] ignore/ignoring me | why are you ignoring me | ignoring me $ | ignore me $ | ignore/ignoring my messages/texts/calls"),
    r(DemandsAnswer, "that is/makes * messages/texts/calls/voicemails now/already/today/tonight | * days/weeks without a reply/answer/word"),
    r(DemandsAnswer, "called/texted/messaged you every/all day/night/hour/morning | called/texted/messaged/rang you * times"),
    // Bargaining and promises made in panic.
    r(PanickedPromises, "i will/can/would/am_going_to do/give anything/everything/whatever"),
    r(PanickedPromises, "whatever you want/need/say | whatever it takes | ^ anything $"),
    r(PanickedPromises, "i can/will do/be better | i will be better/different | i will change $ | i can change $ | i will change everything/for_you").unless_after("at | with | in | on | about"),
    r(PanickedPromises, "i will be whoever/whatever/anyone/anything/someone_else | i will be who"),
    r(PanickedPromises, "i will quit/sell/give_up/leave my/the/everything/going/smoking/drinking | i will quit $"),
    r(PanickedPromises, "i will move back/to_your/anywhere/in/there/closer | move anywhere | move to your city"),
    r(PanickedPromises, "i will stop drinking/going/seeing/smoking/gaming/partying | i will go to therapy/counselling | i will get help"),
    r(PanickedPromises, "i will pay for everything/it_all | pay for everything"),
    r(PanickedPromises, "i promise i will/to/it | i swear | it will never happen again | it will_not happen again | never do it again"),
    r(PanickedPromises, "i have changed $ | i really have changed"),
    r(PanickedPromises, "tell me what to do and i will | i will wait for_you/forever/as_long_as"),
    // Guilt.
    r(Guilt, "throw/throwing/threw away * years/everything/us/what/all/this/it/our | throw/throwing * away"),
    r(Guilt, "after everything we | after all we | after all these/those years | everything we built/had/have/shared"),
    r(Guilt, "you promised | you said forever/always/you_would/we_would | mean/meant nothing | ^ [please/just] think of/about all/us/the_plans/what_we/them/the_kids/our_kids | please think of/about"),
    r(Guilt, "we were supposed to | you can_not [just] end/throw/walk/leave/do/give_up | how can/could you"),
    r(Guilt, "you owe me [at_least] a/an/the conversation/explanation/answer/call/talk/chance")
        .unless_after("about | for | from | on | back | of | regarding"),
    r(Guilt, "going to walk away/give_up | over one fight/mistake/argument | one mistake"),
    // Pursuit.
    r(Pursuit, "drove/drive/driving/walked/walk/walking/went/go/going/passed/biked/cycled past/by your/his/her [parents/mum/mom/dad/sister/brother/friend/friends/new] place/house/flat/apartment/work/office/building/street/door/window/job/school/gym"),
    r(Pursuit, "sat/sit/sitting/waited/wait/waiting/parked/park/stood/stand/standing/sleep/slept/sleeping/camped/stayed outside/near/by/at your"),
    r(Pursuit, "outside/near your place/house/flat/apartment/work/office/building/door/window/gym"),
    r(Pursuit, "just to see you | hoping to see you | hoping you would | needed to see you"),
    r(Pursuit, "followed/follow/following you | saw you through | fake account | watching your"),
    r(Pursuit, "checking/check/checked/stalking/stalk your instagram/profile/stories/facebook/page/location/socials/tiktok/twitter/snap/snapchat"),
    r(Pursuit, "asked your * where you | called/texted/messaged your mum/mom/sister/brother/dad/best_friend/friend/friends/parents/family/boss"),
    r(Pursuit, "i [will] keep/kept calling/texting/checking/messaging/driving/showing_up/turning_up/coming_by/coming_over/coming_round | i will keep calling/texting/coming"),
    r(Pursuit, "i know you are with | every few minutes | all night every night | every night"),
    r(Pursuit, "sleeping/slept/sleep in your"),
    r(Pursuit, "made/created/make/opened/set_up [a] new/another/second account/number/profile | new/another/fake/second account/number because/since you blocked"),
    // Despair.
    r(Despair, "die without you | can_not live without you | nothing/nobody/no_one without you | who i am without you"),
    r(Despair, "can_not breathe/function/eat/sleep/work/think/stop_crying/stop_shaking/get_out_of_bed/do_this/cope/stop"),
    r(Despair, "i can_not $"),
    r(Despair, "you are/were my everything/whole_world/world/life/only | the only thing/one/person holding/keeping/who"),
    r(Despair, "have no one/nobody [else] | there is nothing [left] | nothing left for me | nothing matters"),
    r(Despair, "my life is over | life * no/without meaning/point | without you * nothing/no_point | no point without you"),
    r(Despair, "see the point of anything | falling apart | losing my_mind/it | going crazy/insane/mad"),
    r(Despair, "i am desperate/a_mess/broken/nothing/no_one/lost | heart is dead/broken"),
    r(Despair, "never love anyone again | scared of what i will/might do | what i will do to myself"),
    r(Despair, "have_not slept/eaten in/for/since | lost * kilos/pounds/weight | cried/crying at work | crying until | called in sick"),
    r(Despair, "can_not eat or sleep | rather die"),
    r(Despair, "i am [really/so/very] not okay/ok/alright $ | i am not okay/ok at all"),
    // Generalised from what the blind dev sets' misses are
    // instances of. Demanding an answer: why they cut contact, counting
    // what went unanswered, "I deserve to know", pushing against the space
    // they asked for.
    r(DemandsAnswer, "why did/would/have you [even] unfollow/unfollowed/block/blocked/delete/deleted/unfriend/unfriended/mute/muted/remove/removed/unmatch/unmatched me"),
    r(DemandsAnswer, "left you a/another/@num voicemail/voicemails/messages/texts | ^ @num messages/texts/calls/voicemails $ \
        | @num messages/texts/calls/voicemails and/now/already/nothing/no_reply/no_answer \
        | please [just] let me know you got/read/saw/are_okay/are_ok/are_alive"),
    r(DemandsAnswer, "you [still] will_not/do_not/have_not/are_not/can_not_even [even] reply/answer/respond/text_back/get_back/talk_to_me/write_back"),
    r(DemandsAnswer, "i deserve to know/an_answer/an_explanation/the_truth/a_reply | just tell me if/whether/why/who/yes_or_no/the_truth | tell me yes or no | i need to know $"),
    r(DemandsAnswer, "how much [more] space/time/longer do/will/are you [even] [going_to] need | you said you need/needed/wanted space but"),
    r(DemandsAnswer, "blocked me * so/but/and i am/i_will/i_have emailing/writing/texting/calling/messaging/emailed/written \
        | since/because/now you blocked me * emailing/writing/texting/messaging"),
    // Pleading: at least a talk, any chance left, a second chance owed,
    // "read this".
    r(Pleading, "can/could we at least talk/meet/speak/see | is there [still] any/a chance | deserve/deserves a/another second/another/last chance \
        | please [just] read | i can_not lose you"),
    // Guilt: "you're really going to...", the family invoked, what I did
    // for you, sarcasm about their happiness.
    r(Guilt, "you are really/actually/seriously/honestly going_to/gonna punish/throw/let/end/give_up/walk/leave/ruin/destroy/do_this/just/pretend/act \
        | punish/punishing me forever/for_one/for_this"),
    r(Guilt, "would want us to | wants us to work/be/try/get_back/stay | this is how you repay/treat/thank me \
        | i have been a/such_a good/loyal/faithful partner/girlfriend/boyfriend/wife/husband \
        | i did everything for you | i gave you everything/the_best_years"),
    r(Guilt, "must be nice $ | some of us [actually] cared/care/loved/tried | glad one of us is"),
    r(Guilt, "did_not/does_not/do_not that/it/this/we/us/i mean anything/something [to_you] | that/it/this/we meant/means nothing to you"),
    // Pursuit: following their bus, showing up and waiting for hours,
    // their street, their location, their new address.
    r(Pursuit, "followed/follow/following your bus/car/taxi/train/uber | i know you were/are home/there/in/inside"),
    r(Pursuit, "waited/waiting/sat/stood/sitting/standing * for two/three/four/five/@num hours \
        | waited/waiting/sat/stood/sitting/standing/parked by/outside/near the car_park/entrance/exit/building/office \
        | at the end of your street/road/drive | outside/near/across_from your street/road/office/building"),
    r(Pursuit, "went/showed_up/turned_up to/at your flat/house/place/work/office/door/building/gym/parents \
        | find my | snap map | you are at his/her place/house/flat | know your [new] address | know where you live/work/are_staying/are_now"),
    r(Pleading, "come out/down/outside [for] [@num] minutes/min/second/moment | ^ [please] [just] come down/out/outside $"),
    // A second round, written for generalising: "say something", minutes of
    // their time, everyone agreeing, "why are you doing this", "stop
    // pretending", "is this really what you want", "we were happy, you
    // know we were", coming over whether they like it or not, waiting until
    // they show up, driving hours just to see.
    r(DemandsAnswer, "say something/anything $ | i can see you have read/seen | you have read/seen it/my_message/my_messages $"),
    r(Pleading, "give me * minutes/minute/hour/moment of your time | minutes/minute of your time | that is all i want/ask $ \
        | i know you still care/love/want/miss | stop pretending | is this/that really what you want"),
    r(Guilt, "everyone/everybody/your_friends/our_friends/all_our_friends [all] agree/agrees/says/said/thinks/think we should/belong/were/are \
        | everyone said so | why are you doing this/that | why would you do this/that to \
        | you know we were/are [happy/good/meant] | we were [so] good together | meant to be together | belong together"),
    r(Pursuit, "whether you like it or not | whether you answer/reply/want_to or not | waiting/wait * until/till you show/come/answer/talk/open \
        | every morning/night/day until you | just to see if/whether you/your | drove/driven/went * hours to your"),
    r(Despair, "i have nothing left/anymore $ | i have nothing $ | lost everything without you | have nothing [left] without you \
        | do_not know how to live/be/go_on/breathe/exist without you"),
    // Despair: the medicine stopped, no reason left without them.
    r(Despair, "stopped taking my meds/medication/pills/antidepressants | no reason to [anything] without you | no reason to anymore | no reason to get_up/do_anything/go_on/live"),
    // Spanish, written for the categories the Spanish blind dev
    // set showed, with the forms of Spain, Mexico and the River Plate
    // (voseo: "volvé", "no me dejés") and chat spelling ("porfa", "q").
    // Pleading: please and what it asks, don't leave, come back, another
    // chance, begging, just one coffee, any chance left.
    r(Pleading, "por_favor/porfa/porfavor/x_favor/plis/pls no me dejes/abandones/ignores/bloquees/hagas/dejas \
        | por_favor/porfa/porfavor/x_favor/plis/pls vuelve/volve/regresa/contestame/respondeme/hablame/escuchame/perdoname/llamame/escribeme/escribime \
        | vuelve/volve/regresa/vuelvas/volvas/regreses por_favor/porfa/porfavor/x_favor | por_favor por_favor | porfavor porfavor | porfa porfa"),
    r(Pleading, "no me dejes/abandones/ignores $ | no me dejes/abandones asi/sola/solo/ahora | no te vayas | no me hagas esto | no me dejes de hablar | solo no me dejes"),
    r(Pleading, "vuelve/volve/regresa/vuelvas/volvas/regreses conmigo/a_mi/a_mi_lado | vuelve/volve/regresa $ | quiero que vuelvas | necesito que vuelvas"),
    r(Pleading, "dame/danos/darme/darnos/dar otra/una/la_ultima/una_ultima oportunidad/chance | una/otra oportunidad/chance mas | una ultima oportunidad/chance | dame un mes/tiempo"),
    r(Pleading, "te lo ruego/suplico/pido_por_favor | te ruego | te suplico | de rodillas | te lo pido por favor"),
    r(Pleading, "solo/aunque_sea/nada_mas un/una cafe/rato/minuto/llamada/cena/conversacion/charla | hablemos aunque/aunq sea | podemos hablar $ | solo te pido/quiero \
        | todavia/aun podemos | podemos arreglarlo/intentarlo/solucionarlo/salvarlo | se que podemos/vamos_a arreglarlo/intentarlo/salvarlo \
        | dime si hay [alguna] posibilidad/chance/esperanza | hay alguna posibilidad | cambia de opinion | te necesito $"),
    r(Pleading, "sabes/sabes que somos/estamos el uno para el otro | hechos el uno para el otro"),
    // Demanding an answer, counting their silence.
    r(DemandsAnswer, "contestame/respondeme $ | contestame/respondeme/contesta/responde ya/aunque/aunq/al_menos/por_favor/porfa \
        | por que/xq/pq/porque no me contestas/respondes/hablas/escribes | por que me bloqueaste/ignoras/dejaste/haces_esto \
        | no vas a contestar/responder | ni una llamada/respuesta/palabra | me dejaste en visto | te escribi/mande/envie * mensajes/veces \
        | van @num dias/mensajes/semanas | tanto te cuesta contestar/responder/escribir"),
    r(DemandsAnswer, "me merezco/merezco/me_debes/merecia [al_menos/aunque_sea] una explicacion/respuesta | dime al_menos/aunque_sea por que/si | no me puedes dejar sin una respuesta/explicacion \
        | aunque sea dime/contesta/responde | al menos dime/contesta/responde"),
    // Promises and bargains made in panic.
    r(PanickedPromises, "hare/hago/voy_a_hacer lo que sea/quieras/digas/me_pidas/me_pediste | ^ lo que sea $ | voy a hacer todo lo que"),
    r(PanickedPromises, "voy a cambiar | yo cambio | cambio de verdad | te juro que cambio/voy_a_cambiar/nunca/no | te lo juro | te lo prometo | lo prometo $ | te prometo que \
        | nunca mas te voy/vuelvo | ya no voy a celar/mentir/gritar/beber/tomar/revisar | hare/voy_a_hacer/hago terapia"),
    // Guilt: everything lived and given, years thrown away, what is owed.
    r(Guilt, "despues de todo lo que/q vivimos/pasamos/hice/te_di/di/hicimos | con todo lo que/q hice/te_di/di | me lo debes \
        | tirar/borrar/botar * anos | @num anos a la basura | todo lo que planeamos/construimos/vivimos \
        | no es justo $ | como si nada $ | asi nomas/no_mas $"),
    // Despair: can't live without them, days without sleep or food, drunk
    // and crying.
    r(Despair, "no puedo vivir sin ti/vos | me muero sin ti/vos | sin ti/vos no hay/soy nada | sin ti/vos no puedo | no se que hacer con mi vida sin \
        | llevo * dias/noches/semana sin comer/dormir/salir | sin comer ni/y dormir | no duermo no como | no como no duermo | no pego un ojo \
        | no aguanto sin ti/vos/saber | no aguanto mas | no puedo mas | no puedo respirar | todo es por ti $ | me estoy volviendo loc* \
        | me tome * botella | estoy borrach* | llorando en el bano/suelo/piso/auto/carro/coche"),
    // Pursuit: waiting outside their home or work, driving past again and
    // again, following, watching their accounts and location, a new
    // account after a block.
    r(Pursuit, "estoy/estuve/me_quede/quede/espere/esperando/parado/sentado afuera/fuera/frente/enfrente/abajo de/a tu casa/edificio/portal/depa/departamento/trabajo/oficina/gym/cuadra/balcon/barrio/ventana/puerta \
        | en la esquina de tu | llevo * en tu portal/puerta/casa/calle/cuadra | mirando tu balcon/ventana/casa/edificio/puerta \
        | en el auto/carro/coche afuera/fuera/frente de/a tu | me pare/pare/estacione frente/afuera/fuera a/de tu \
        | pase por tu casa/cuadra/calle/trabajo/barrio * veces | pase por tu casa/cuadra/calle en el/la auto/carro/coche/moto \
        | fui hasta tu | no me abriste/abris | te vi salir con | te segui hasta/al/a_la | hasta que me abras/contestes/hables/veas \
        | para que me digan/diga donde estas | voy a ir a buscarte"),
    r(Pursuit, "me hice/cree/abri una/otra cuenta con otro nombre | te hice/cree/abri una/otra cuenta | otra cuenta porque/pq/xq/ya_que me bloqueaste \
        | me bloqueaste * te escribo/llamo desde | reviso/revise/revisando/stalkeo/stalkee tu/tus instagram/insta/ubicacion/historias/estados/perfil \
        | reviso/revise/miro/veo tu/tus * cada @num/cinco/dos/diez minutos | tus historias/estados/fotos desde la/otra cuenta"),
];

/// Apologies, counted one by one.
const APOLOGIES: &str =
    "sorry | apologise | apologize | apologies | forgive me | my fault | i ruined \
    | perdon | perdoname | perdona | lo siento | disculpa | disculpame | mi culpa";
/// Words that make an apology a polite correction, not a plea.
const CORRECTION: &str =
    "wrong | typo | meant | late | missed | bother | bothering | mistake_in | autocorrect | oops \
    | me equivoque | quise decir | la hora | el dia | no era mi intencion | despertarte";

/// The tables, compiled once.
struct Compiledset {
    rules: Vec<Compiled<Category>>,
    apologies: Vec<text::Pattern>,
    corrections: Vec<text::Pattern>,
}

fn rules() -> &'static Compiledset {
    static SET: OnceLock<Compiledset> = OnceLock::new();
    SET.get_or_init(|| {
        let list = |s: &str| s.split(" | ").map(text::Pattern::new).collect();
        Compiledset {
            rules: text::compile(RULES),
            apologies: list(APOLOGIES),
            corrections: list(CORRECTION),
        }
    })
}

/// Reads `draft` for begging.
///
/// ```
/// use engine::begging::{analyse, Level};
///
/// assert_eq!(analyse("Please come back. I can't live without you.").level, Level::Desperate);
/// assert_eq!(analyse("Why won't you reply?? Please just talk to me.").level, Level::Pleading);
/// assert_eq!(analyse("I will change the locks next week.").level, Level::Calm);
/// ```
pub fn analyse(draft: &str) -> Analysis {
    let Compiledset {
        rules: compiled,
        apologies,
        corrections,
    } = rules();
    let tokens = text::tokens(draft);
    let mut marked: Vec<(Category, (usize, usize))> = text::hits(compiled, &tokens)
        .into_iter()
        .map(|h| (h.sign, h.tokens))
        .collect();
    // Apologies count only where no polite correction sits in the sentence.
    let corrected = |sentence: usize| {
        (0..tokens.len()).any(|i| {
            tokens[i].sentence == sentence
                && corrections.iter().any(|p| p.match_at(&tokens, i).is_some())
        })
    };
    let sorry: Vec<(usize, usize)> = apologies
        .iter()
        .flat_map(|p| p.find_all(&tokens))
        .filter(|(s, _)| !corrected(tokens[*s].sentence))
        .collect();
    let piled = sorry.len() >= APOLOGY_PILE;
    if piled {
        marked.extend(sorry.iter().map(|span| (PiledUpApologies, *span)));
    }
    // One mark per stretch of text: the first rule to claim a word keeps it.
    marked.sort_by_key(|(_, (s, e))| (*s, std::cmp::Reverse(*e)));
    let mut kept: Vec<(Category, (usize, usize))> = Vec::new();
    for (category, span) in marked {
        match kept.last_mut() {
            Some((_, last)) if span.0 < last.1 => last.1 = last.1.max(span.1),
            _ => kept.push((category, span)),
        }
    }
    // The weight of a draft is how many kinds of begging it holds, not how
    // many sentences: a list of promises ending in "come back" is still
    // pleading (so the blind dev sets read it), pleading with promises and
    // piled-up apologies together is desperate.
    let mut kinds: Vec<u8> = kept.iter().map(|(c, _)| *c as u8).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let weight = kinds.len();
    let crisis = crisis::assess(draft);
    let grave = kept.iter().any(|(c, _)| matches!(c, Despair | Pursuit));
    // Crisis language the rules name makes a draft desperate; a sentence
    // only the learned model flags brings the card but not the level.
    let crisis_named = crisis.findings.iter().any(|f| {
        !matches!(
            f.sign,
            crisis::Sign::Resembles | crisis::Sign::DangerFromSomeone
        )
    });
    let rule_level = if grave || crisis_named || weight >= DESPERATE_AT {
        Level::Desperate
    } else if weight > 0 {
        Level::Pleading
    } else {
        Level::Calm
    };
    // The sentence encoder's draft head may raise the level, never lower it.
    let level = rule_level.max(read_level(draft));
    let findings = kept
        .into_iter()
        .map(|(category, span)| {
            let (start, end) = char_span(&tokens, span);
            Finding {
                category,
                start,
                end,
            }
        })
        .collect();
    Analysis {
        level,
        findings,
        crisis: crisis.brings_card(),
    }
}

#[cfg(test)]
#[path = "begging_tests.rs"]
mod tests;
