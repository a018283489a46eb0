//! The crisis signs and danger from someone else in English.

use super::super::Sign::*;
use super::super::{r, Rule, Sign};

/// Objects after "live", "be here" and "wake up" that make them about a
/// place, a person or an hour rather than about living.
const NOT_ABOUT_LIVING: &str =
    "in | with | near | at | there | on | by | next | close | somewhere \
    | anywhere | abroad | together | under | like_that | early | before | when | if | while \
    | for_a | for_the";

/// The English rules.
pub(super) const RULES: &[Rule<Sign>] = &[
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
    r(WishToDie, "rather be_dead/die")
        .unless_after("than be_the_one/text/call/ask/admit/apologise/apologize/talk/see/go_to/wear/eat/watch/date/message/reply/say/sit/work/go_back_to_work/listen"),
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
    r(Plan, "picked/chosen/chose/set/choose/pick a day/date/time").unless_before("we | we_have | they | they_have"),
    r(Plan, "going_to/will/gonna do it @time"),
    r(Plan, "this is my last night/day/week"),
    r(Means, "how many/much * pills/tablets/meds/pill/paracetamol/tylenol/painkillers/sleeping_pills"),
    r(Means, "take/took/taking/swallow*/down/downed all/a_bunch_of/too_many/every/the_whole/enough/a_lot_of/loads_of/a_handful_of [of] [my/the/those/these] [sleeping] pills/tablets/meds/pill/painkillers/medication"),
    r(Means, "swallow*/took/taken everything/all")
        .unless_after("the | my | his | her | our | your | that | these | those | day | night | morning | week | year | time"),
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
    r(Goodbye, "written/wrote/writing/left/leave/write my/a [suicide/goodbye] note/letter/letters")
        .unless_after("of | about | on | to_the | for_the | for_work | for_school | of_thanks"),
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
    r(Hopelessness, "want it/everything/the_pain/this_pain/all_of_it/all/this to stop/end")
        .unless_before("you | how_you | do_you | if_you | is_this_how_you"),
    r(Hopelessness, "tired/exhausted of/with/by everything/life/living/being_alive/it_all/existing"),
    r(Hopelessness, "want_to/wish_i_could/wanna disappear/vanish")
        .unless_after("from | for | off | under | to | into | on | with | somewhere | for_a | into_the | in"),
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
    r(Burden, "better/happier/easier/fine without me").unless_after("for | at | on | while | during | this | tonight | today | tomorrow | next | for_a | for_the"),
    r(Burden, "better/happier/easier off if i was/were/am gone/dead/not_here/not_around/not_alive"),
    r(Burden, "happier/better/easier if i was/were not around/here/alive"),
    r(Burden, "burden").unless_before("financial | the").unless_after("of_proof"),
    r(Burden, "nobody/no_one would [even] notice/care/miss"),
    r(Burden, "if i was/were gone | if i disappeared").unless_after("for | to | from | into | on | at | with | like | tonight | today | tomorrow | this | next"),
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
    r(Trapped, "i am done $").unless_before("but | and"),
    r(Trapped, "done with everything/it_all/all_of_it/all_this"),
    r(Trapped, "no one/nobody sees it"),
    // Generalised from the blind dev half (the patterns its misses are
    // instances of, never their words): goodbyes and affairs in order.
    r(Goodbye, "wrote/written/writing/write/left/leave/finished/finish letters/notes/cards for/to * mum/mom/dad/sister/brother/family/everyone/everybody/kids/parents/friends/each/all"),
    r(Goodbye, "already wrote/written/finished [the/my/a] note/letter/letters | wrote/written/finished/left the note $ | the note is written/ready/done"),
    r(Goodbye, "suicide/goodbye/farewell/last note/letter/letters | abschiedsbrief* | abschiedsnachricht* | lettre* d adieu | carta* de despedida | lettera* d addio | lettera* di addio | afscheidsbrief*"),
    r(Goodbye, "[i] will/would not need it/them/this/that/anything/any_of_it/my_stuff/my_things [anymore] where i am going | where i am going i will not need"),
    r(Goodbye, "[i] will not need them/it/anything/my_things/my_stuff/any_of_it/any_of_this [anymore] $"),
    r(Goodbye, "this is/will_be the/my last entry/post/message/page/time_i_write/thing_i_write | last entry $ | whoever finds this | by the time you/anyone/someone/they read/reads/find/finds/see/sees this"),
    r(Goodbye, "goodbye/bye journal/diary/world/cruel_world/my_friends/everyone/everybody"),
    r(Goodbye, "paid/pay/paying/paid_back back everyone/everybody/all_my_debts/everything | paid off/back [all] my debts | settled/settle [all] my debts/affairs | tied/tying/tie up [all] [the/my] loose ends"),
    r(Goodbye, "labelled/labeled/decided/wrote_down/written_down/listed who gets/should_get/will_get/can_have | who gets my * when i/after_i"),
    r(Goodbye, "take/look care of/after my cat/dog/cats/dogs/kids/plants * when/after i am gone/not_here | look after my cat/dog/kids for me * gone"),
    r(Intent, "will/would not be around/here much_longer/to_see | not be around/here to see"),
    r(Intent, "will no longer be a problem/burden/bother | will not be a problem/burden much_longer/for_long/anymore/soon"),
    r(Intent, "it/everything/this will all be over soon/tomorrow | it will all be over $ | made peace with dying"),
    r(Intent, "if you leave/go/do_not_come_back/do_not_answer/break_up * i will/am_going_to end/kill/hurt it/myself/everything/my_life"),
    r(Intent, "i will end it $ | i will end it all/tonight/for_good"),
    r(Intent, "hang/hanging/hung/hanged myself | slit/slitting/cut/cutting my wrists | drown/drowning myself | gas/gassing myself | jump/jumping/throw_myself off * building/bridge/roof/balcony/cliff/car_park/parking_garage"),
    r(Means, "lethal/fatal/deadly dose | would it take to die/kill/not_wake | how much/many * would it take | enough to kill/not_wake/never_wake/die/end_it"),
    r(Means, "googled/googling/searched/searching/looked_up/looking_up/researched/researching/read_about how to die/kill/overdose/hang/end_it | painless/painlessly way/ways/death/to_die"),
    r(Means, "almost/nearly/finally have/got enough pills/tablets/meds | almost/nearly have enough $ | got/have/saved enough pills/tablets/meds/painkillers"),
    r(Means, "pills/tablets/meds/painkillers/pilules/cachets/comprimes/medikamente/tabletten/pastillas/pastiglie/pillole/pillen * saved/ready/lined_up/counted/stashed/hidden/hoarded/stored | pills/tablets/meds/painkillers/pilules/cachets/comprimes/medicaments/pastillas/pastiglie/pillole/pillen * @time"),
    r(Means, "walk/walking/walked/wade/wading/drive/driving into the sea/ocean/river/lake/waves").unless_after("for | to_swim | with | to_cool | in_the_morning | this_summer | on_holiday"),
    r(Means, "sitting/standing/stood/sat/sit/stand/climbed/climb on/at the top/edge/roof/ledge/railing of * garage/car_park/parking/building/bridge/tower/roof/cliff/multi_storey/block/flats"),
    r(Means, "top floor/level/storey of * parking_garage/car_park/multi_storey * nobody/no_one/alone/jump/edge/writing_this"),
    r(SelfHarm, "cut/cutting/burn/burning/burned/burnt/scratch/scratching/scratched/carve/carving/carved/hit/hitting [my] arm/arms/wrist/wrists/thigh/thighs/skin/legs/stomach/hips with * lighter/razor/blade/blades/cigarette/cigarettes/scissors/compass/glass/knife/pin/needle"),
    r(SelfHarm, "burning/burned/burnt/burn/cutting/cut/carving/carved/scratching my arm/arms/wrist/wrists/thigh/thighs/skin/legs/stomach/hips [again] [every/each/last/tonight/with]")
        .unless_after("on_the_oven | on_the_stove | on_the_pan | on_the_iron | while | cooking | by_accident | in_the_sun | on_a | on_the | shaving"),
    r(SelfHarm, "cut/cutting/harmed again | cut/cutting/cuts deeper | deeper this time"),
    r(SelfHarm, "hide/hid/hiding/cover/covered/covering the/my marks/scars/cuts/burns/bruises/wounds | long sleeves to hide | so nobody/no_one sees the/my marks/scars/cuts"),
    r(Hopelessness, "what is the point of me/my_life/being_alive/being_here | why am i [still] alive/breathing | why am i [still] here $ | why bother living/being_alive/waking_up"),
    r(Hopelessness, "i should not be alive/exist | i should not be here $ | should never have been born | i should [just] die/disappear $ | hate being alive | sick of being alive/existing | sick of living $ | tired of being here/alive/existing | tired of fighting $"),
    r(Hopelessness, "want it [all] to end/stop forever | want it all/everything/this/all_of_it/all_of_this to stop/end | wish it would all/everything stop/end"),
    r(Hopelessness, "life/living/existing/being_alive is not worth it/living/anything/the_pain | life is not worth it anymore | not worth being alive"),
    r(Hopelessness, "nothing will ever change/get_better | nothing ever changes $ | tried everything and nothing"),
    r(WishToDie, "wish i was/were not alive/here/around/born/breathing/existing | wish i did_not exist/wake_up | wish i could stop existing/not_exist/not_wake_up"),
    r(WishToDie, "hope/hoping/wish/pray/praying * that i [do/will/would/could] not/never wake [up]").guarded(),
    r(Burden, "better/happier/easier/fine/lighter/calmer/simpler/nicer/quieter/freer/relieved/okay/good off without me | would be better/happier/easier/fine/lighter/calmer/simpler/nicer/quieter/freer/relieved without me"),
    r(Burden, "drag/dragging/drags everyone/them/my_family/my_friends/people down | waste of space/oxygen/air/life"),
    r(Burden, "nobody/no_one/not_like_anyone/anyone will/would/is_going_to [even] miss/notice/care [about] me/my/if_i/when_i/that_i/i_am | would anyone [even] notice/care/miss [me] if i | no_one/nobody [will/would] miss me/my"),
    r(Trapped, "no way out").unless_after("of * contract/lease/deal/job/meeting/parking/traffic/mortgage/agreement/plan/trip/wedding/event/commitment/class/course | of_the | but"),
    r(Trapped, "can_not/do_not_think_i_can/not_sure_i_can make it through the_night/tonight/another_day/another_night | not make it through the_night/tonight/another_day/another_night"),
    r(Trapped, "nowhere to turn | no escape $"),
];

/// Danger from someone else, in English.
pub(super) const DANGER: &[Rule<Sign>] = &[
    r(DangerFromSomeone, "@they [keeps/kept/has/had/is/was/has_been/would/will/used_to] hit/hits/hitting/slapped/slaps/slapping/punched/punches/kicked/kicks/choked/chokes/choking/strangled/strangles/strangling/shoved/shoves/pushed/pushes/grabbed/bit/bites/burned/burnt/smacked/smacks/hurts/hurting/raped/assaulted/attacked/abused/abuses/abusing/beat/beats/beating me")
        .unless_after("up | with | to | at | out | in_chess | off | back | into_the_group"),
    r(DangerFromSomeone, "@they [has/had] beat/beaten me up"),
    r(DangerFromSomeone, "@they [has/had/is/was/keeps/kept] threaten*/threatening me/to_kill/to_hurt/to_post/to_take/to_leak/to_share/to_burn/to_hit/to_beat/my"),
    r(DangerFromSomeone, "@they will/would/does/did/do not/never let me"),
    r(DangerFromSomeone, "@they [always/every_night/is/keeps/has_been] check/checks/checked/checking/read/reads/reading/goes_through/go_through/going_through/control/controls/controlling/track/tracks/tracking/tracked/monitor/monitors/monitoring/search/searches/searching [all/every/through] my phone/messages/texts/emails/location/bank/accounts/mail"),
    r(DangerFromSomeone, "controls/control who i talk/see/speak/meet/text"),
    r(DangerFromSomeone, "@they [keeps/takes/took/has] my_phone/my_money/my_bank/my_card/my_keys/my_passport/my_paycheck/my_salary"),
    r(DangerFromSomeone, "@they [keeps/kept/is/was/has_been/been] following/follows/followed/stalking/stalks/stalked me"),
    r(DangerFromSomeone, "locked me in/out/up"),
    r(DangerFromSomeone, "forced me | made me do things"),
    r(DangerFromSomeone, "scared/afraid/terrified [of] [what/that] @they [is/will/would/might/could] [going_to] do/hurt/kill/hit"),
    r(DangerFromSomeone, "@they [said/says] @they will/would/is_going_to hurt/kill/take me/the_kids/my/us/the_children/them"),
    r(DangerFromSomeone, "threw * at me"),
    r(DangerFromSomeone, "grabbed my arm/wrist/neck/hair/throat"),
    r(DangerFromSomeone, "@they [keeps/kept/is/was/has_been/been] parking/parked/waiting/waits/standing/stands/sitting/sits/showing_up/shows_up/turning_up/turns_up/hanging_around/lurking/watching outside/near/at/in_front_of my flat/house/place/work/door/home/apartment/window/building/car/school/gym"),
    r(DangerFromSomeone, "afraid/scared/terrified/frightened to go [back] home/back_home/be_home/go_back_home \
        | afraid/scared/terrified/frightened to go [back] to the/my/our flat/house/apartment/place * while/when/if/because/since/in_case/with @they | afraid/scared/terrified/frightened of him/her/my_ex/my_partner/my_husband/my_boyfriend/my_girlfriend/my_wife $ | afraid/scared/terrified/frightened of him/her/my_ex/my_partner/my_husband/my_boyfriend/my_girlfriend/my_wife and/because/when/since/he/she/now/hes"),
    r(DangerFromSomeone, "@they * make/makes me regret | make sure i regret | knows/know where my parents/family/kids/sister/mum/mom/brother/friends live/work | knows/know where i live/work/sleep | knows/know where i am/go $ | knows/know where i am/go at_all_times/all_the_time/always/every"),
    r(DangerFromSomeone, "@they knows/knew what i was wearing/doing | @they knows/knew who i was_with/talked_to/saw | fake account/accounts/number/numbers * @they | new numbers/accounts every"),
    r(DangerFromSomeone, "things in the/my flat/house/room/apartment/car have/had [been] moved | someone has/had been in my flat/house/room/apartment/car"),
    r(DangerFromSomeone, "@they punched/kicked/hit/smashed/slammed/broke the/a wall/door/table/window/mirror * next_to/near/beside/by/inches_from my head/face | next time it will not be the wall/door"),
    r(DangerFromSomeone, "@they punched/kicked/smashed/broke a/the wall/door/mirror/window/my_phone | @they [keeps/kept/has/had] threatening/threatened/threatens [to] kill/hurt himself/herself if i"),
    r(DangerFromSomeone, "@they put/hid/installed a tracker/airtag/tracking_app/spyware | tracker/airtag on my car/phone/bag | restraining order | hiding from him/her/my_ex"),
    r(DangerFromSomeone, "@they said/says if i leave/left/go/tell/break_up * @they will/would | @they * if i ever leave/tell"),
    r(DangerFromSomeone, "if @they can_not have me * nobody/no_one [else] can/will/gets/does | if i can_not have you * nobody/no_one [else] can/will/gets/does"),
];
