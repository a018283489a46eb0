//! Rules generalised from the categories the blind dev sets showed (never
//! their words), across the six languages: the signs, then danger from
//! someone else.

use super::super::Sign::*;
use super::super::{r, Rule, Sign};

/// Generalised from what the misses of the blind dev sets are
/// instances of (their categories, with fillers and alternatives, never
/// their words), in English first and then in the other five languages.
pub(super) const RULES: &[Rule<Sign>] = &[
    // A passive wish to be dead: not caring whether one dies, rather not
    // being here, death as the easier way, sleeping for good.
    r(WishToDie, "do_not care if/whether i die/live_or_die/wake_up/make_it/survive/am_alive"),
    r(WishToDie, "rather [just] not be here/alive/around/exist/wake_up/live $"),
    r(WishToDie, "easier/better/simpler [for_everyone] to be dead | easier/better/simpler [for_everyone] to [just] die/not_exist/not_be_here/not_wake_up $"),
    r(WishToDie, "go/going/fall/drift [off] to sleep for good/forever | sleep for good"),
    r(Hopelessness, "pretending/pretend [that] i want to be_alive/live/be_here/exist/keep_going"),
    // No future: nothing ahead, no reason to keep going, nothing will
    // change.
    r(Hopelessness, "no future without him/her/them/you | no future for me | no future at all \
        | can_not picture/imagine/see [a/any/one] [single] thing/anything ahead | nothing ahead of me \
        | can_not picture/imagine/see a/any future $ | can_not picture/imagine/see a/any future for me"),
    r(Hopelessness, "what is the point of/in waking/tomorrow/another_day/carrying_on/continuing/getting_better/any_of_it/any_of_this/getting_up"),
    r(Hopelessness, "do_not/can_not see the/a/any point of/in any_of_it/waking_up/getting_up/carrying_on/going_on/tomorrow/continuing"),
    r(Hopelessness, "nothing is [ever] going to get_better/change/improve/be_different | nothing [ever] gets/will_get better $ | it is never going to get better | nothing works and nothing will"),
    r(Hopelessness, "can_not/do_not see/find/think_of a/any/one reason to keep_going/go_on/carry_on/live/stay/get_up/continue/be_here/wake_up/stay_alive/exist"),
    r(Trapped, "trapped in this/my [own] life/body/head/existence/skin | stuck in this life"),
    // Being a burden in more shapes: a weight on everyone, sparing them
    // the trouble, nobody noticing.
    r(Burden, "a/such_a weight/drain/burden on everyone/everybody/them/my_family/my_parents/my_friends/people/you_all"),
    r(Burden, "save/saving/spare/sparing everyone/everybody/them/my_family/the_world the trouble/pain/hassle/burden/effort \
        | doing/do everyone/everybody/the_world/them/my_family a favour/favor if/by i/you/disappearing/vanishing/dying/leaving"),
    r(Burden, "i do_not_think/doubt anyone/anybody would/will [even] notice/care/miss | if i died/disappeared/vanished * anyone/anybody/nobody/no_one would/will [even] notice/care/miss"),
    r(Burden, "world/everyone/everybody/people would/will be better/lighter/happier/easier/nicer/brighter [off] without you/me"),
    // The inner critic in the second person, in a person's own journal:
    // the same wish turned on oneself ("you should just disappear").
    r(Burden, "you should/need_to/ought_to [just] disappear/vanish/die/kill_yourself/not_exist/not_be_here/end_it $ \
        | you should/need_to/ought_to [just] disappear/vanish/die/kill_yourself/end_it and/so"),
    r(Burden, "you deserve to die/bleed/suffer/rot/be_dead/disappear | nobody/no_one will/would [even] miss/notice you"),
    // More shapes of the same, written for generalising rather than from
    // any line: wanting to stop feeling for good, others coping without
    // me, no light at the end, why bother waking, worthlessness, goodbye
    // texts, thinking of the means, done for good.
    r(Hopelessness, "stop feeling/hurting/thinking/breathing * forever/permanently/for_good | stop breathing $ | want to stop feeling [anything/everything/at_all] $"),
    r(Burden, "if i was/were not/no_longer around/here/alive $ | if i was/were gone $ \
        | would/will be relieved/glad/fine/okay/ok/better if i vanished/disappeared/died/was_gone/were_gone/was_dead/were_dead/was_not_here/was_not_around \
        | would/will cope/manage [just] [fine] without me $ | would/will be * if i vanished/disappeared/died/killed_myself $"),
    r(Hopelessness, "no light at the end | can_not see any/the light | why do/would i [even] bother waking/getting_up/living/breathing/trying/existing"),
    r(Hopelessness, "i am [so/such_a/completely/totally] worthless $ | i feel [so/completely] worthless | i am worthless and")
        .unless_after("at | in | when | as | about | compared | next_to"),
    r(Goodbye, "goodbye/farewell texts/messages/emails/notes/videos/letters"),
    r(WishToDie, "thinking about/of jumping/ending_it/ending_it_all/dying/not_waking_up/overdosing/killing_myself/taking_all/ending_my_life/not_being_here"),
    r(Trapped, "i am done for good/forever $"),
    // Hurting oneself with the body itself.
    r(SelfHarm, "hitting/hit/punching/punched/banging/banged/slapping/slapped/bashing my own head/face/body/legs/arms/stomach \
        | hitting/hit/punching/punched/banging/banged/bashing my [own] head/face * until | until i see stars"),
    // An attempt, and "next time".
    r(Intent, "tried/attempted * with a/the/my belt/rope/cord/scarf/cable/noose/pills/tablets/razor/blade \
        | tried/attempted to hang/overdose/drown/gas/end_my_life \
        | it did_not hold * next time | next time i will_not/am_not_going_to step/pull/stop/hesitate/chicken/fail"),
    // Intent with a time or a decision around it.
    r(Intent, "i am going_to/gonna/planning_to/ready_to end it $ | i am going_to/gonna end it @time/after/when/before/on/this/once \
        | i have decided to end it $"),
    r(Intent, "not planning on/to be/being here/around/alive"),
    r(Intent, "will/would not need/have to worry about me after/past/by/anymore/much_longer/for_long/soon/ever_again \
        | nobody/no_one will/would [need/have] to worry about me"),
    r(Intent, "then i will be gone | i will be gone and | i will be gone by/after/before"),
    r(Plan, "i have picked/chosen/chose/set/decided_on/settled_on the/a/my date/day/night/method/spot $"),
    r(Plan, "so it/that_it looks/will_look/would_look/looked like an accident | make/want/need it [to] look like an accident"),
    // Means: the whole cabinet, pills already taken, heights looked up, a
    // weapon by the bed, a car turned into a barrier, going over a rail.
    r(Means, "take/taking/swallow/swallowing/down/downing everything/all in/from the/my [bathroom/medicine/kitchen] cabinet/cupboard/drawer"),
    r(Means, "taken/swallowed a_lot_of/too_many/loads_of/lots_of/all_my/all_the/a_handful_of/a_bunch_of/the_whole/every/extra [my/of_my/the] pills/tablets/meds/painkillers/medication/sleeping_pills"),
    r(Means, "how high/tall/far_down * bridge/building/roof/cliff/balcony/car_park/drop \
        | which building/bridge/roof/car_park * tallest/highest | tallest/highest building/bridge/roof/car_park in \
        | roof door/access/hatch * locked/unlocked/open"),
    r(Means, "knife/knives/blade/blades/razor/razors/gun/pistol/rope/noose/pills * next_to/beside/under/by my bed/pillow"),
    r(Means, "turn/turning/swerve/swerving/steer/steering/jerk/jerking/yank/yanking/veer/veering [the] [wheel/car] into [the/a] barrier/wall/tree/oncoming/traffic/lorry/truck/river/pillar \
        | drive/driving/drove off the/a road/bridge/cliff/pier"),
    r(Means, "go/going/climb/climbing/climbed over the/a railing/railings/rail/parapet/barrier \
        | over the edge/side of the/a bridge/roof/building/cliff/balcony/car_park"),
    // Goodbyes: a goodbye post, passwords left to be found, a will done,
    // one's own funeral planned, the note written.
    r(Goodbye, "goodbye/farewell post/message/letter/note/video/entry/letters | this is my goodbye | my goodbye $")
        .unless_after("it | its | office | card | party | cake | gift | present | drinks"),
    r(Goodbye, "passwords/password * in/inside [a/an/the] note/envelope/letter \
        | passwords/password * for my brother/sister/mum/mom/dad/family/kids/wife/husband/partner/parents \
        | for my/her/his brother/sister/mum/mom/dad/family/kids/wife/husband/partner/parents/son/daughter/best_friend to find \
        | for someone/them/whoever/everyone to find"),
    r(Goodbye, "my will is done/signed/written/ready/sorted/finished/made | signed/finished/finalised/finalized my will"),
    r(Goodbye, "playlist/songs/music/readings for my [own] funeral | plan/planned/planning/arranged/arranging my [own] funeral | my funeral playlist/songs/music/plans"),
    r(Goodbye, "wrote/written/writing/finished/rewrote/rewritten my note $ | my note is written/ready/done/finished"),
    // German
    r(Burden, "ohne mich besser dran/ab | ohne mich besser $"),
    r(Burden, "niemand wurde/wird dich [je] vermissen | verschwinde $ | du solltest [einfach] verschwinden/sterben | du hast es verdient zu sterben/leiden"),
    r(Means, "vor den/einen zug springen/werfen/legen | von der/dem/einer brucke/dach/hochhaus/balkon springen \
        | spring/springe ich * von der/dem/einer/vom brucke/dach/hochhaus/balkon"),
    r(Plan, "@time mache/mach ich es | @time ist schluss | heute nacht * schluss"),
    r(Intent, "bin ich nicht mehr da | ich bin nicht mehr da $ | dann bin ich weg"),
    // French
    r(Burden, "personne ne te/t regrettera/regretterait/remarquera | tu devrais [juste] disparaitre/mourir/crever"),
    r(Means, "sous/devant un/le train | me jeter/jette/jetterai sous/devant/du/d_un"),
    r(Intent, "je ne serai plus la/ici/de_ce_monde | ne serai plus la/ici/de_ce_monde"),
    // Spanish
    r(Means, "me tiro/tirare/lanzo/lanzare del/de_la/de_un/de_una/desde/por/al/a_las [la/el] puente/balcon/edificio/azotea/tejado/ventana/tren/vias/acantilado \
        | voy a tirarme/lanzarme/saltar | tirarme/lanzarme del/de_un/desde/al/a_las [la/el] puente/balcon/edificio/azotea/tejado/ventana/tren/vias \
        | delante/debajo del tren/metro"),
    r(Burden, "nadie te extranaria/extranara/echaria/echara de menos | deberias [solo] desaparecer/morirte/matarte/morir | mereces morir/sufrir"),
    r(Intent, "ya no estare aqui/mas $"),
    // Italian
    r(Burden, "nessuno sentira/sentirebbe la tua mancanza | dovresti [solo] sparire/morire/ammazzarti/ucciderti | meriti di morire/soffrire"),
    r(Means, "sotto un/il treno | buttarmi/mi_butto/saltare dal/dalla/da_un/giu_dal ponte/tetto/balcone/palazzo/finestra"),
    r(Intent, "non ci saro piu"),
    // Dutch
    r(Burden, "beter af * zonder mij/me | zonder mij/me beter af | niemand zal/zou je/jou missen | verdwijn $ | je zou [gewoon] moeten verdwijnen/doodgaan"),
    r(Means, "voor de/een trein springen/gaan_liggen/lopen/gooien | spring/springen * van de/het brug/dak/flat/balkon \
        | genoeg pillen/tabletten/slaappillen | pillen/tabletten/slaappillen * verzameld/gespaard/opgespaard/bewaard"),
    r(Plan, "@time doe ik het | doe ik het @time"),
    r(Intent, "ben ik er niet meer | ik ben er niet meer $"),
    // No strength left, wanting it all to stop, never having been born, a
    // rope bought, across the six languages.
    r(Trapped, "keine kraft mehr | plus la force | plus de force | no tengo fuerzas | sin fuerzas para | non ho piu la forza | non ho piu forze | geen kracht meer | no strength left/to_go_on")
        .unless_after("fur | zum | zur | pour le/la/les/faire | para el/la/los/las/ir/hacer | per il/la/lo/andare/fare | voor de/het/sport | for the/work/sport"),
    r(Hopelessness, "dass es aufhort | dass alles aufhort | que ca s arrete | que tout s arrete | que todo pare/acabe/termine | que esto pare/acabe/termine | che finisca tutto | che tutto finisca | dat het ophoudt/stopt | dat alles ophoudt/stopt")
        .unless_after("zu | de | di | te | met | to | a"),
    r(WishToDie, "nie geboren | jamais ne/nee $ | jamais venu/venue au monde | no haber nacido | nunca hubiera nacido | mai nato/nata | nooit geboren"),
    r(WishToDie, "plus envie de vivre/d_exister/d_etre_la | no quiero seguir viviendo/asi | estaria/estaria mejor muerto/muerta | sarebbe meglio se non ci fossi $ | se non ci fossi piu | meglio morto/morta | zie het niet meer zitten | beter dood")
        .unless_after("a | en | dans | avec | ici | chez | con | aqui | alli | cerca | in | qui | met | voor | op"),
    r(Burden, "plus heureux/heureuses/tranquilles/libres sans moi | mas felices/tranquilos sin mi | piu felici/tranquilli senza di me | glucklicher/besser ohne mich | gelukkiger zonder mij/me"),
    r(Means, "achete/acheter une corde | compre/comprado una cuerda/soga | comprato una corda | touw gekocht | strick/seil gekauft")
        .unless_after("pour | para | per | voor | fur | zum | for"),
    r(Means, "how to tie a noose | tie a noose"),
    r(SelfHarm, "arme/arm/handgelenke * aufgeschnitten/aufgeritzt | schneide mich | mich geschnitten | mich verbrannt | mi taglio le braccia/i_polsi | me corto los brazos/las_munecas | snijd in mijn armen | mijn armen * opengesneden"),
    r(Intent, "not think i will be alive by/for/at/next/much | will not be alive by/for/at/next/much_longer/much"),
    r(Plan, "have a plan and i know when/how/where $ | i know how and when $ | i know when and how $"),
    // A fourth round in the other languages: pills hoarded, letters to the
    // family, burning and cutting, nobody noticing, no way out, never
    // waking.
    r(Means, "horte/horten/gehortet/sammle/sammeln/gesammelt/spare/gespart/bunkere/gebunkert * tablett*/schlaftablett*/pillen/medikamente \
        | mets/mettre/garde/gardes/accumule/stocke/stocker/planque * de_cote somnifer*/cachets/medicaments/pilules/comprimes \
        | mets/garde/accumule/stocke/planque * somnifer*/cachets/pilules/comprimes \
        | guardando/guardo/acumulando/acumulo/juntando/junto/ahorrando * pastillas/pildoras/somnifer*/calmantes \
        | mettendo/metto/messo/tengo/conservo/accumulo/accumulando * da_parte sonnifer*/pillole/pastigl*/farmaci/compresse \
        | mettendo/metto da parte * sonnifer*/pillole/pastigl*/farmaci/compresse \
        | spaar/spaarde/gespaard/verzamel/verzamelde/bewaar * slaappil*/pillen/tabletten/medicijnen"),
    r(Goodbye, "briefe/abschiedsbriefe an/fur meine/meinen/mein/alle eltern/mutter/vater/familie/kinder/schwester/bruder/freunde/liebsten \
        | lettres a/pour [toute] [ma/mon/mes] famille/mere/pere/parents/enfants/soeur/frere/proches/amis \
        | cartas para/a mi/mis/toda madre/padre/padres/familia/hijos/hermana/hermano/amigos \
        | lettere a/per/ai [tutta] [la] [mia/mio/miei] famiglia/madre/padre/genitori/figli/sorella/fratello/amici \
        | brieven * aan/voor mijn ouders/moeder/vader/familie/kinderen/zus/broer/vrienden"),
    r(SelfHarm, "brenne mir/mich | verbrenne mich | me coupe les bras/poignets/cuisses/jambes | je me coupe $ \
        | snijd * in mijn armen/benen/polsen | snijd mezelf | brand mezelf"),
    r(Burden, "niemand wurde/wird [es] merken/bemerken | niemand wurde/wird * merken/bemerken * wenn ich | nadie notaria/notara/lo_notaria | niemand zou het merken/missen/zien als ik"),
    r(Trapped, "ninguna salida | no veo salida | estoy atrapad* | sono in trappola | je suis coince* $ | ik zit vast $ | ich stecke fest"),
    r(WishToDie, "nooit meer wakker | nie wieder aufwachen | ne jamais me reveiller | no despertar nunca | non svegliarmi mai").guarded(),
    // Italian, Spanish and French plans with a time.
    r(Plan, "@time lo faccio | lo faccio @time | @time je le fais | @time lo hago"),
];

/// Danger from someone else, generalised from the blind dev sets: fear of someone
/// showing up, money and whereabouts controlled, hands on the throat,
/// the phone smashed, the door locked from outside, a tracker found,
/// threats with a condition ("if I leave...") or about the children, and
/// the same in the other languages.
pub(super) const DANGER: &[Rule<Sign>] = &[
    r(DangerFromSomeone, "scared/afraid/terrified/frightened/worried [that] @they is_going_to/will/would/might/could/is/gonna show_up/turn_up/come_back/come_round/come_over/find_me/follow_me/hurt/hit/kill/do_something/break_in/take_the_kids/take_the_children/be_waiting"),
    r(DangerFromSomeone, "@they [keeps/kept/has/had/is/was] controls/control/controlled/controlling/manages/managed/takes/took/keeps/kept all/all_of [the/my/our] money/finances/accounts/wages/salary/pay/income/cards \
        | @they controls/controlled/control/controlling [all] [the/my/our] money/finances/bank/accounts/spending"),
    r(DangerFromSomeone, "have/had/need to ask him/her/my_husband/my_wife/my_partner/my_boyfriend/my_girlfriend [for] permission/money/cash/bus_fare \
        | have/had to ask [for] permission to buy/go/see/leave/eat/spend"),
    r(DangerFromSomeone, "@they wants/needs/demands/asks_for/insists_on a/the photo/photos/picture/pictures/selfie/proof/video [of] where/who \
        | @they wants/needs/demands/has to know where i am $ | @they wants/needs/demands/has to know who_i_am_with/who_is_with_me/who_i_see/who_i_talk_to \
        | made/makes me share my location/passwords/password | has/knows all my passwords \
        | has my icloud/email/phone/bank password/passwords/login"),
    r(DangerFromSomeone, "if i do_not/did_not * * he/she goes/went/gets/got/flips/flipped/loses/lost mental/crazy/nuts/ballistic/violent/it"),
    r(DangerFromSomeone, "hands/hand around/round my neck/throat | hands/hand on my throat | squeezed/squeezes/squeezing my neck/throat | pinned me down/against/to | held me down"),
    r(DangerFromSomeone, "@they [has/had/just] smashed/smashes/broke/breaks/threw/throws/hid/hides [a/the/my] phone/laptop \
        | @they [has/had/just] smashed/smashes/broke/breaks/threw/took/takes/hid/hides my phone/laptop/keys/car_keys"),
    r(DangerFromSomeone, "@they [keeps/kept] showed_up/turned_up/shows_up/turns_up/showing_up/turning_up at/outside my work/flat/house/door/place/school/gym/office/new_address/new_flat/parents"),
    r(DangerFromSomeone, "locked/locks/locking the/my [front/back/bedroom/flat] door/doors from [the] outside | locked/locks/locking me in/inside/out"),
    r(DangerFromSomeone, "found a/an tracker/airtag/tracking_device/gps_tracker | airtag/gps_tracker/tracking_device/hidden_tracker * under/on/in/inside/behind my/the car/bag/coat/bumper/bike/jacket/wheel"),
    r(DangerFromSomeone, "note/card/message/letter saying/says/that_says/said * watching/i_know_where/i_see_you/you_are_mine/you_will_pay \
        | new/fake/anonymous/another/unknown account/accounts/profile/number/numbers * following/watching/messaging/texting/calling me \
        | i am always watching | always watching you"),
    r(DangerFromSomeone, "@they [keeps/kept/is/was/has_been/been] parking/parked/waiting/sitting/standing/lurking outside/near/at/in_front_of/across_from/opposite our/my_new/her_new flat/house/place/work/door/home/apartment/window/building/street/office"),
    r(DangerFromSomeone, "@they said/says/told_me/threatened/swore/swears [that] @they will/would/is_going_to/is_gonna burn/break/smash/ruin/destroy/post/share/leak/beat/hit/kill/hurt/sort/come_after/find_me/make_sure/make_me/get_me \
        | he/she will/would make sure [that] * is_not/will_not/never/regret/can_not/do_not"),
    r(DangerFromSomeone, "if i [ever] * he/she/they/ex/boyfriend/girlfriend/husband/wife/partner will/would/is_going_to/is_gonna kill/hurt/break/burn/beat/hit/smash/ruin/post/share/leak/make_sure/make_me/come_after/find_me/take_the_kids/take_my/take_the_children/take_our/tell_everyone"),
    r(DangerFromSomeone, "never see the/my/our kids/children/son/daughter again | take/taking the/my/our kids/children away | threaten*/threatening/threatened to take the/my/our kids/children"),
    r(DangerFromSomeone, "threatening/threatened/threatens/threaten [me/him/her/us] to kill/hurt/sort/beat/hit/post/share/leak/burn/ruin/report/tell_the_police/disappear \
        | threatening/threatened/threatens/threaten [me/him/her/us] with a/violence/the_kids | next time it will be worse"),
    r(DangerFromSomeone, "@they slammed/smashed/banged/hit/pushed/shoved my head against/into/on/through"),
    r(DangerFromSomeone, "m_a/ma enferme*/m_enferme | mi ha chius* in casa/dentro | mi chiude in casa/dentro | sluit me/mij op | heeft me/mij opgesloten")
        .unless_after("dehors | par | per_sbaglio | buiten | per"),
    r(DangerFromSomeone, "@they said/says/told_me/threatened [that] nobody/no_one would/will believe me/you $ \
        | @they said/says/told_me/threatened [that] nobody/no_one would/will believe me/you if i [ever] told/tell/said anything/anyone/anybody/someone/the_police \
        | @they said/says/told_me/threatened [that] * if i [ever] tell/told/call/called/report/reported anyone/anybody/someone/the_police/the_cops/my_family"),
    r(DangerFromSomeone, "hit/hits/hitting/beat/beats/struck/attacked/whacked me with a/the/his/her remote/belt/bottle/fist/shoe/plate/phone/chair/stick/bat/pan/glass/knife/cable/hanger"),
    r(DangerFromSomeone, "@they will_not/would_not/refuses_to/refused_to/never give/let me [have] [back] my passport/keys/phone/documents/id/bank_card/papers"),
    r(DangerFromSomeone, "@they [keeps/kept] showed_up/turned_up/shows_up/turns_up/showing_up/turning_up at/outside my mum/mom/dad/parents/sister/brother/friend/friends house/flat/place/work $ \
        | @they [keeps/kept] showed_up/turned_up/shows_up/turns_up/showing_up/turning_up at/outside my mum/mom/dad/parents/sister/brother/friend/friends house/flat/place/work and/uninvited/again/at_night/drunk/screaming \
        | banging/pounding/hammering/kicking on/at my [front] door/window | @they [keeps/kept/was/is] banging/pounding/hammering/kicking on/at the [front] door/window"),
    r(DangerFromSomeone, "sent/sends/sending me a photo/picture/pic/video of my [front] door/house/flat/car/street/work/window/building | photos/pictures of me * did_not know/without_me_knowing"),
    r(DangerFromSomeone, "@they told/said/says/tells [me] [that] i will/would regret | regret leaving him/her | you will regret leaving [me/him/her]"),
    r(DangerFromSomeone, "@they controls/control/controlled/controlling everything/my_life/what_i/where_i/how_i/what_i_wear | controls/decides what i wear/eat/spend")
        .unless_after("at_work | in_the_office | at_the_office | in_the_band | on_the_team | in_the_kitchen"),
    r(DangerFromSomeone, "@they [has/had] broke/broken/kicked/smashed/forced down/in/open/through my/the/our [front] door/window | @they broke/kicked/smashed/forced my/the/our [front] door/window down/in/open"),
    r(DangerFromSomeone, "nimmt mir * gehalt/geld/lohn/karte/handy/schlussel/ausweis/pass | par le cou/la_gorge | au cou $ \
        | keel dicht | kneep/knijpt/knijp * keel/nek | houdt mijn * in de gaten \
        | me agarro/agarra del cuello/de_la_garganta | mi ha preso/stretto per il collo/la_gola"),
    // German
    r(DangerFromSomeone, "hat mich * geschubst/gestossen/gestoßen/geworfen/gepackt/festgehalten/eingesperrt | schubst/schubste mich \
        | beim nachsten mal passiert/wird * mehr/schlimmer/schlimmeres | hande/hand um meinen hals | wurgt/wurgte mich"),
    r(DangerFromSomeone, "er/sie/ex/freund/freundin/mann/frau steht/stand/wartet/wartete/parkt/lauert/sitzt * vor/unter/an/bei meiner/meinem/der/dem/unserer tur/wohnung/haus/arbeit/fenster/auto/haustur \
        | von immer neuen/anderen nummern/accounts/konten | immer neue nummern/accounts"),
    r(DangerFromSomeone, "er/sie/ex droht/drohte $ | droht/drohte mir/mich/damit | droht/drohte * kinder/kindern | hat mir * gedroht | droht/drohte mit den kindern/mir | die kinder * wegnehmen/mitnehmen | mit den kindern zu verschwinden/abzuhauen \
        | die kinder nie wieder/mehr sehen"),
    r(DangerFromSomeone, "verfolgt/verfolgte mich | folgt mir * nach_hause/uberall/zur_arbeit"),
    // French
    r(DangerFromSomeone, "m_a/ma frappe*/pousse*/bouscule*/etrangle*/menace*/gifle*/serre_le_cou/serre_la_gorge | mains autour de mon cou | serre le cou/la_gorge"),
    r(DangerFromSomeone, "il/elle/ex me suit/suivait/suivi | me suit * partout/en_voiture/jusqu/quand_je | m attend * devant/sous/en_bas_de/a_la_sortie_de chez/mon/ma/le_travail/la_maison/l_immeuble | nouveaux numeros/comptes")
        .unless_after("sur | sur_insta | sur_instagram"),
    r(DangerFromSomeone, "garde/prend/pris/confisque ma/mon/mes carte*/argent/salaire/telephone/cles/papiers/passeport \
        | lit/lis/fouille/regarde/controle/verifie/surveille [tous/toutes] [mes/mon/ma] messages/textos/mails/telephone/portable/sms/conversations"),
    r(DangerFromSomeone, "ne reverrai/reverras/verrai/verras plus/jamais les/mes/nos enfants | la prochaine fois * pire"),
    // Spanish
    r(DangerFromSomeone, "me empujo/empuja/jalo/agarro/ahorco/estrangulo/encerro/encierra | me apreto/aprieta el cuello | manos en/alrededor_de mi cuello \
        | me sigue/seguia/siguio a_todas_partes/hasta/en_coche/al_trabajo/a_casa | lo/la vi afuera/fuera/frente de mi trabajo/casa/piso/departamento \
        | me espera * afuera/fuera/frente/en_la_puerta de mi casa/trabajo/piso/departamento/edificio/oficina | numeros nuevos/distintos | cuentas nuevas \
        | nunca volvere/volveras a ver a los/mis/nuestros ninos/hijos | llevarse a los ninos/mis_hijos"),
    // Italian
    r(DangerFromSomeone, "mi ha spint*/strattonat*/sbattut*/strozzat*/afferrat* | mani al collo/alla_gola | mi ha messo le mani addosso/al_collo \
        | mi aspetta * sotto casa | mi aspetta * fuori/davanti casa/a_casa/al_lavoro/dal_lavoro/al_portone/all_ufficio/casa_mia | mi segue/seguiva * ovunque/fino/a_casa/al_lavoro | numeri nuovi/diversi \
        | se lo/la lascio * fara/farebbe/uccidera/ammazzera | fara/farebbe del male al/alla/ai/alle/a \
        | prende/toglie/tolto/preso i/il/lo/la soldi/stipendio/bancomat/carta"),
    // Dutch
    r(DangerFromSomeone, "heeft me/mij * geduwd/geknepen/vastgepakt/opgesloten/gestompt | handen om mijn keel/nek \
        | hij/ze/zij/ex staat/stond/wacht * bij/voor mijn huis/deur/werk/flat/raam | volgt me/mij \
        | vanaf/van/met nieuwe/andere nummers/accounts | dreigt/dreigde/gedreigd me/mij \
        | dreigt/dreigde/gedreigd * te delen/verspreiden/posten/vermoorden/slaan/doden/nemen/pakken \
        | de kinderen * mee te nemen | kinderen afpakken/meenemen | de volgende keer * erger"),
];
