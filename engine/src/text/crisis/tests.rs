//! The crisis detector's tests: each sign in each language, the context
//! that cancels a hit (or does not), and danger from someone else.

use super::*;

#[test]
fn every_rule_compiles_to_something_that_can_match() {
    let set = compiled();
    assert!(set.rules.len() > 100);
}

#[test]
fn warning_signs_bring_the_card_and_everyday_idioms_do_not() {
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

/// What the rules alone make of a text: its tier without the learned
/// model's `Resembles` (the model is measured by cross-validation and
/// the corpora, not by tables), and whether it names danger.
fn by_rules(text: &str) -> (Tier, bool) {
    let a = assess(text);
    let tier = a
        .findings
        .iter()
        .filter(|f| f.sign != Resembles)
        .map(|f| f.sign.tier())
        .max()
        .unwrap_or(Tier::None);
    (tier, a.danger_from_someone)
}

/// The categories generalised from the blind dev sets, in
/// wordings of their own (none is a line of any corpus), in the six
/// languages.
#[test]
fn generalised_categories_catch_new_wordings_in_six_languages() {
    for text in [
        "honestly i don't care whether i wake up tomorrow",
        "I'd rather not be alive.",
        "it would be easier for everyone to just not exist",
        "I want to go to sleep for good",
        "another day of pretending I want to live",
        "I can't imagine anything ahead of me",
        "what's the point in getting up tomorrow",
        "Nothing's ever going to change for me.",
        "I can't think of one reason to keep going",
        "I feel trapped in my own life",
        "I'm such a drain on my family",
        "they'd be doing everyone a favour if I disappeared",
        "I doubt anybody would even notice",
        "you should just die, you useless idiot",
        "you deserve to suffer for what you did",
        "I keep hitting my own face when I'm alone",
        "I tried with a scarf on Tuesday but it broke",
        "I'm ready to end it.",
        "nobody will need to worry about me after tonight",
        "then I'll be gone and they can move on",
        "I've chosen the night.",
        "I want it to look like an accident so it's easier for my kids",
        "I swallowed everything from the medicine cabinet",
        "I've taken too many of my sleeping pills",
        "I've been checking how tall the multi-storey car park is",
        "the razor is under my pillow",
        "thinking about steering into oncoming traffic on the way home",
        "I almost climbed over the railing tonight",
        "this is my farewell message to all of you",
        "I left the passwords in an envelope for my husband",
        "my will is signed and the letters are written",
        "I picked songs for my own funeral",
        "I finished my note",
        "I've been researching how to tie a noose",
        "I don't think I'll be alive by Christmas",
        "I have a plan and I know when",
        "I gave my dog to my sister and I won't need anything after Friday. They'll understand afterwards.",
        "i've decided. thursday. acting normal so nobody suspects a thing",
        "the rope is in the shed and i can't stop thinking about it",
        "i counted the pills. more than enough.",
        "I'm going up to the roof and I've made up my mind",
        "Mein Bruder bekommt meine Gitarre, und am Samstag spring ich von der Brücke.",
        "Alle wären ohne mich besser dran.",
        "Niemand würde dich vermissen, du Versager.",
        "Heute Nacht ist endgültig Schluss.",
        "Ich habe keine Kraft mehr weiterzumachen.",
        "Ich will einfach nur, dass es aufhört.",
        "Ich wünschte, ich wäre nie geboren.",
        "Ich habe mir die Arme aufgeschnitten.",
        "Ich habe genug Tabletten für heute Nacht.",
        "Je vais me jeter sous le train demain.",
        "Demain je ne serai plus de ce monde.",
        "Tu devrais juste disparaître, personne ne te regrettera.",
        "Je n'ai plus envie de vivre.",
        "Ils seraient tous plus heureux sans moi.",
        "J'ai acheté une corde.",
        "Mañana me tiro desde la azotea.",
        "Ya no las voy a necesitar, regalé todas mis cosas.",
        "Nadie te echaría de menos.",
        "No quiero seguir viviendo así.",
        "Estaría mejor muerto.",
        "Stanotte mi butto dal ponte.",
        "Dopo domenica non ci sarò più.",
        "Nessuno sentirebbe la tua mancanza.",
        "Non voglio più svegliarmi.",
        "Sarebbe meglio se non ci fossi.",
        "Ho comprato una corda.",
        "Zaterdag spring ik van het dak.",
        "Iedereen is zonder mij beter af.",
        "Ik heb genoeg slaappillen verzameld.",
        "Ik zie het niet meer zitten.",
        "Ik heb een touw gekocht.",
        "I just want to stop feeling anything, forever.",
        "some days I think everyone would cope fine if I wasn't around",
        "I'm exhausted by life, there is no light at the end of this",
        "I'm so done with everything, I can't keep pretending",
        "why do I even bother waking up",
        "it feels like I'm drowning and nobody notices",
        "I'm worthless and everybody would be relieved if I vanished",
        "I've started giving my stuff away to friends",
        "been writing goodbye texts in my notes app",
        "I keep thinking about the pills in the bathroom",
        "I've been standing at the edge of the platform a lot lately",
        "I know exactly how I'd do it",
        "if this doesn't get better by Friday, I'm done for good",
        "I scratched my arms until they bled last night",
        "I've been starving myself since she left",
        "I punch myself when I mess up",
        "Ich horte seit Monaten meine Schlaftabletten.",
        "Ich habe Briefe an meine Eltern geschrieben und sie in die Schublade gelegt.",
        "Am Freitag gehe ich auf das Dach vom Parkhaus und springe.",
        "Ich habe meinen Hund meiner Nachbarin gegeben, ich brauche ihn nicht mehr.",
        "Ich brenne mir mit dem Feuerzeug in den Arm.",
        "Niemand würde merken, wenn ich weg wäre.",
        "Ich sehe keinen Ausweg mehr aus diesem Loch.",
        "Ich wünschte, ich würde einfach einschlafen und nie wieder aufwachen.",
        "Je mets de côté mes somnifères depuis des semaines.",
        "J'ai écrit des lettres à toute ma famille.",
        "Vendredi je monte sur le toit et je saute.",
        "Personne ne remarquerait si je disparaissais.",
        "Je me coupe les bras tous les soirs.",
        "Je ne vois plus aucune issue, je suis coincée.",
        "J'aimerais ne jamais me réveiller.",
        "Estoy guardando mis pastillas para dormir desde hace semanas.",
        "He escrito cartas para mi madre y mi hermano.",
        "El viernes subo a la azotea y salto.",
        "Nadie notaría si desapareciera.",
        "Me quemo los brazos con cigarros.",
        "No veo ninguna salida, estoy atrapada.",
        "Quisiera dormirme y no despertar nunca.",
        "Sto mettendo da parte i sonniferi da settimane.",
        "Ho scritto lettere a tutta la mia famiglia.",
        "Venerdì salgo sul tetto e mi butto.",
        "Nessuno se ne accorgerebbe se sparissi.",
        "Mi taglio ogni sera da quando se n'è andato.",
        "Non vedo nessuna via d'uscita, sono in trappola.",
        "Vorrei dormire e non svegliarmi mai più.",
        "Ik spaar al weken mijn slaappillen op.",
        "Ik heb brieven geschreven aan mijn ouders.",
        "Vrijdag ga ik het dak op en spring ik.",
        "Niemand zou het merken als ik verdween.",
        "Ik snijd elke avond in mijn armen.",
        "Ik zie geen uitweg meer, ik zit vast.",
        "Ik wil gaan slapen en nooit meer wakker worden.",
    ] {
        assert_ne!(by_rules(text).0, Tier::None, "{text}: {:?}", assess(text));
    }
}

#[test]
fn generalised_danger_is_named_in_six_languages() {
    for text in [
        "my ex is waiting outside my flat again and I'm terrified",
        "I'm afraid he'll turn up at my mum's",
        "she manages all the money and I have to ask her for cash",
        "he demands a photo of who I'm with every hour",
        "he had his hands around my throat last night",
        "he broke my phone so I couldn't call for help",
        "she locked the bedroom door from the outside",
        "there's an airtag in my bag and I didn't put it there",
        "he said if I ever leave he'll burn everything I own",
        "he told me if he cant have me nobody can and he had that look in his eyes",
        "if I go to the party he'll make sure I regret it",
        "he threatened to take the kids abroad",
        "he slammed my head against the door",
        "she keeps showing up at my work and screaming at me",
        "er hat mich gegen den Schrank geschubst",
        "Sie droht mir, die Kinder mitzunehmen",
        "Er nimmt mir das Handy weg und liest alles.",
        "il m'a poussée dans l'escalier",
        "mon ex m'attend devant le travail tous les soirs",
        "Il m'a enfermée dans l'appartement.",
        "me empujó contra la pared",
        "mi ex me espera afuera de mi casa cada noche",
        "mi ha spinta contro il muro",
        "Mi ha chiusa in casa e mi ha preso il telefono.",
        "hij staat elke nacht voor mijn deur",
        "hij dreigt mijn foto's te delen",
        "Hij sluit me op in huis.",
        "he grabbed me by the hair and dragged me out",
        "he said nobody would believe me if I told anyone",
        "she hit me with the remote and then laughed",
        "he's tracking my phone, I'm sure of it",
        "he won't give me my passport back",
        "he keeps turning up at my mum's house and banging on the door",
        "my ex sent me a picture of my front door at 3am",
        "he told me I'd regret leaving him",
        "I'm scared to go back to the flat while he's there",
        "he controls everything, what I wear, who I see, what I spend",
        "she threatened to kill herself if I leave",
        "he broke down my door last night",
        "Er hat mich am Hals gepackt.",
        "Er verfolgt mich mit dem Auto bis zur Arbeit.",
        "Er nimmt mir jeden Monat mein Gehalt ab.",
        "Il m'a attrapée par le cou.",
        "Il m'attend tous les soirs devant chez moi.",
        "Il m'a pris ma carte bleue et mon téléphone.",
        "Me agarró del cuello hasta que no podía respirar.",
        "Me vigila el móvil y me quita el sueldo.",
        "Mi ha stretto le mani al collo.",
        "Mi controlla il telefono e mi prende lo stipendio.",
        "Hij kneep mijn keel dicht.",
        "Hij houdt mijn geld en mijn telefoon in de gaten.",
    ] {
        let a = assess(text);
        assert!(a.danger_from_someone, "{text}: {a:?}");
    }
}

/// The look-alikes of the same categories: plans, days, bridges, ropes,
/// gifts, trackers and threats of everyday life.
#[test]
fn look_alikes_of_the_generalised_categories_bring_no_card() {
    // The rule table alone: the heads are measured on the corpora.
    crate::text::understanding::rules_only(|| {
        for text in [
            "I've decided. I'm moving to Leeds on Saturday.",
            "I've made up my mind, I'm selling the car tomorrow.",
            "Going to the bridge club on Friday with my aunt.",
            "We walked across the bridge on Sunday, it was lovely.",
            "I gave my old bike to my nephew yesterday.",
            "I'm giving my dog to my sister for the weekend while I'm away.",
            "I'm leaving for good on Monday, new job in Berlin!",
            "I quit smoking for good this Monday.",
            "Thanks for everything, see you on Saturday at the wedding.",
            "I finished the report and then it's done for the week.",
            "Don't tell anyone but I have a crush on my trainer.",
            "I can't stop thinking about it, he kissed her at the party.",
            "How easy it would be to just text him, but I won't.",
            "That should be enough flour for the cake, right?",
            "The rope is in the garage if you need it for the tent.",
            "I counted them twice, 40 chairs for the party.",
            "He jumped off the diving board on Sunday, so brave.",
            "I jumped at the chance to move.",
            "Tomorrow I'm jumping into my new job.",
            "I'm done with him, that's all.",
            "I'd rather not be here when he picks up his stuff.",
            "I'd rather not be at the party tonight.",
            "You should disappear for a weekend, you deserve a break.",
            "You deserve to be happy.",
            "He keeps hitting the snooze button every morning.",
            "I tried with a new recipe last night and it didn't work.",
            "I'm going to end it with him tonight.",
            "I won't be here on Monday, I'm on holiday.",
            "I've picked the date for the party: the 14th!",
            "We've picked a date for the move.",
            "The dent looks like an accident, the insurance will pay.",
            "I took all the books from the cabinet and sorted them.",
            "I've taken my pills as the doctor said.",
            "How tall is the Eiffel tower, looking it up for our trip.",
            "My knife is in the kitchen drawer.",
            "I drove over the bridge into the city.",
            "Goodbye post-it notes on the fridge, hello whiteboard.",
            "I changed all my passwords after the breakup.",
            "My will to live came back after therapy.",
            "I wrote my note of thanks to the nurses.",
            "Er ist am Samstag von der Brücke ins Wasser gesprungen, beim Stadtfest.",
            "Morgen springe ich ins kalte Wasser und fange den neuen Job an.",
            "Ich bin heute ohne ihn besser dran.",
            "Demain je pars pour de bon à Lyon.",
            "Je vais sauter sur l'occasion.",
            "Mañana me tiro a la piscina con el nuevo trabajo.",
            "Ya no los voy a necesitar, los abrigos de invierno.",
            "Domani salto la palestra.",
            "Zaterdag spring ik even langs bij mijn moeder.",
            "Ik ben zonder hem beter af.",
            "He wants to know where I'm eating tonight so he can book.",
            "She manages the money for the club.",
            "If I don't reply tomorrow it's because I'm hiking.",
            "My ex waits outside the gym for his friend.",
            "I'm scared he'll forget me.",
            "He said he'd take the car on Sunday.",
            "If I go to the party he'll drive me home.",
            "She threatened to leave if I moved to Spain.",
            "He broke the news to me gently.",
            "The tracker on my bike says I rode 20 km.",
            "I found a fitness tracker in the drawer.",
            "mi ex me sigue en Instagram todavía",
            "elle me suit sur insta depuis des années",
            "Ze dreigt te laat te komen.",
            "Sie drohen mit Streik.",
            "mi segue su Instagram",
            "he held me while I cried",
            "I'm not suicidal, I just want to sleep for a week.",
            "My friend told me she feels like a burden, so I went over.",
            "he said he wants to die when his team lost lol",
            "jump off a bridge? lol no, I'm fine, just kidding.",
            "Ich habe heute keine Kraft mehr für den Sport, morgen wieder.",
            "Ich will, dass es aufhört zu regnen.",
            "Das Baby war noch nie so ruhig, seit es geboren wurde.",
            "J'ai acheté une corde pour le camping.",
            "Je n'ai plus envie de vivre à Paris.",
            "Il m'a enfermée dehors par erreur, on a ri.",
            "No quiero seguir viviendo en este piso.",
            "Compré una cuerda para tender la ropa.",
            "Ho comprato una corda per l'arrampicata.",
            "Ik heb een touw gekocht voor de schommel.",
            "Ik zie het niet meer zitten met deze baan.",
            "I have a plan and I know when I'll tell my boss.",
            "I don't think I'll be here by the time you arrive.",
            "He slammed the door on his way out.",
            "Sarebbe meglio se non ci fossi andata, alla festa.",
            "I'd love it if I wasn't around when he collects his stuff.",
            "The kids will cope fine without me for one weekend.",
            "It would be funny if I disappeared for a week, nobody at work would notice.",
            "I'm exhausted by the commute.",
            "Why do I even bother ironing shirts.",
            "I feel worthless at my new job sometimes but it's getting better.",
            "I wrote goodbye to the old flat on the wall before I left.",
            "I keep thinking about the pills the doctor offered me, maybe they'd help my sleep.",
            "I'm done for good with dating apps.",
            "I'm done for the day.",
            "He hit me with the news that he's moving.",
            "She hit me with a question I couldn't answer.",
            "He won't give me my money back for the concert tickets, so annoying.",
            "He keeps turning up at my mum's house for Sunday lunch, she invites him.",
            "The neighbours were banging on the door for the party.",
            "My sister sent me a photo of her new front door.",
            "You'll regret this haircut tomorrow.",
            "He controls everything at work, he's the manager.",
            "The firemen broke down the door but nobody was hurt.",
            "I'm scared to go back to the flat because it reminds me of her.",
            "He said nobody would believe me if I told them I met a celebrity.",
            "The remote hit me when it fell off the shelf.",
            "I stopped feeling anything for him, finally.",
            "Ich habe heute mein altes Fahrrad meinem Bruder gegeben.",
            "Am Freitag gehe ich aufs Dach zum Grillen.",
            "Ich verschwinde jetzt unter die Bettdecke, gute Nacht.",
            "Meine Pflanze ist eingegangen, wie unsere Beziehung.",
            "Je mets de côté un peu d'argent pour les vacances.",
            "Vendredi je monte sur le toit pour voir le feu d'artifice.",
            "J'ai écrit des lettres de motivation toute la journée.",
            "Estoy guardando dinero para el viaje.",
            "El viernes subo a la azotea a tomar el sol.",
            "Sto mettendo da parte i soldi per le vacanze.",
            "Venerdì salgo sul tetto a sistemare l'antenna.",
            "Ik spaar voor een nieuwe fiets.",
            "Vrijdag ga ik het dak op om de goot schoon te maken.",
            "Ik heb brieven geschreven aan de gemeente.",
            "Er hat mich am Bahnhof abgeholt.",
            "Il m'attend devant le cinéma ce soir.",
        ] {
            assert_eq!(
                by_rules(text),
                (Tier::None, false),
                "{text}: {:?}",
                assess(text)
            );
        }
    })
}

#[test]
fn weak_cues_bring_the_card_only_in_pairs_and_close_together() {
    for text in [
        "I've decided.",
        "Saturday, then.",
        "I gave my cat to my neighbour.",
        "The bridge was closed again.",
        "and then it's done",
        "Thanks for everything!",
        "I've decided, I'm going on Saturday.",
        "I gave my cat to my neighbour. It was raining. We had tea. The bus was late. And then it's done.",
    ] {
        assert_eq!(by_rules(text).0, Tier::None, "{text}");
    }
    for text in [
        "I gave my cat to my neighbour, and then it's done.",
        "I've decided. Sunday. I'll act normal so nobody suspects.",
        "Ich fahr zur Brücke und spring.",
        "Domani vado sul tetto e questa volta salto.",
        "told mum i love her. gave my records to my best mate.",
        "the gun is in the closet. I know where the key is.",
    ] {
        assert_eq!(by_rules(text).0, Tier::Higher, "{text}");
    }
}

#[test]
fn another_subject_a_joke_or_a_past_year_lowers_a_hit_but_never_the_guard() {
    for text in [
        "Someone on here said they feel like a burden. You're not.",
        "My friend told me she feels like a burden, so I went over.",
        "he left me on read so I'm gonna jump off a bridge lol jk",
        "L'anno scorso pensavo di farla finita, ora sto molto meglio.",
        "Meine Freundin sagt, sie will nicht mehr leben, ich bin sofort hin.",
        "No estoy pensando en suicidarme, solo estoy triste.",
        "I'm not thinking about killing myself, I'm just sad.",
    ] {
        assert_eq!(by_rules(text).0, Tier::None, "{text}");
    }
    for (text, tier) in [
        ("they would be better off without me", Tier::Lower),
        (
            "they won't need to worry about me after this weekend",
            Tier::Higher,
        ),
        ("I don't want to live anymore lol jk", Tier::Higher),
        ("Ich will nicht mehr leben, nur Spaß", Tier::Higher),
        (
            "last year I didn't want to live, and I don't want to live now",
            Tier::Higher,
        ),
        ("he left, and now I feel like a burden", Tier::Lower),
    ] {
        assert_eq!(by_rules(text).0, tier, "{text}");
    }
}

#[test]
fn saying_it_is_no_joke_keeps_a_hit() {
    for text in [
        "I'm going to end it tonight, I'm not kidding.",
        "Si me dejas me mato, no es broma.",
    ] {
        assert_eq!(by_rules(text).0, Tier::Higher, "{text}");
    }
    assert_eq!(
        by_rules("me voy a matar jaja es broma").0,
        Tier::None,
        "a joke still takes it back"
    );
}

/// Spanish: the categories written from the Spanish blind
/// dev set, in wordings that are not its own, and their look-alikes.
#[test]
fn spanish_categories_read_both_ways() {
    // The rule table alone: the heads are measured on the corpora.
    crate::text::understanding::rules_only(|| {
        for (text, tier) in [
            (
                "Me gustaría estar muerto, así dejaría de doler.",
                Tier::Higher,
            ),
            ("Ojalá me atropelle un camión mañana.", Tier::Higher),
            (
                "Tengo guardados los antidepresivos de dos meses.",
                Tier::Higher,
            ),
            (
                "Voy a tirar el coche contra un muro cuando salga.",
                Tier::Higher,
            ),
            ("Ya tengo todo planeado para el domingo.", Tier::Higher),
            ("Me hice cortes en los brazos otra vez.", Tier::Higher),
            (
                "Le dejé a mi hermana mi perro, cuando no esté que lo cuide.",
                Tier::Higher,
            ),
            ("Estoy atrapada y no veo salida.", Tier::Lower),
            ("Quisiera dormirme y no despertar nunca más.", Tier::Higher),
            ("Cuando leas esto ya no voy a estar.", Tier::Higher),
            ("Pronto no voy a ser un problema para nadie.", Tier::Higher),
            ("Perdí las ganas de vivir.", Tier::Lower),
            ("Mis hijos estarían mejor sin mí.", Tier::Lower),
            (
                "No me quedan fuerzas, quisiera que todo se acabe.",
                Tier::Lower,
            ),
        ] {
            assert_eq!(by_rules(text).0, tier, "{text}");
        }
        assert!(assess("Me agarró del pelo y me empujó contra la puerta.").danger_from_someone);
        assert!(assess("Amenazó con quemarme el coche si lo dejo.").danger_from_someone);
        assert!(assess("Mi marido me dio una paliza el sábado.").danger_from_someone);
        assert!(assess("Mi ex se presentó sin avisar en mi trabajo.").danger_from_someone);
        for text in [
            "Me corté el pelo y me encanta.",
            "Me corté cocinando, nada grave.",
            "Me quiero morir de la vergüenza, jaja.",
            "Quiero morirme de risa con este vídeo.",
            "Estoy en la azotea tendiendo la ropa.",
            "¿Cuántas pastillas de ibuprofeno puedo tomar al día?",
            "No sé cómo seguir con el proyecto.",
            "Mi hermana vino a mi casa con pizza.",
            "Me quedé atrapada en el ascensor media hora.",
            "No tengo fuerzas para ir al gimnasio hoy.",
            "Me subo al techo a arreglar la antena.",
            "Te devuelvo las llaves, ya no las voy a necesitar.",
            "Me pegó la gripe y llevo tres días en cama.",
            "Me pegó un susto el perro del vecino.",
            "Me muero de ganas de verte, mañana es el concierto.",
        ] {
            assert_eq!(by_rules(text).0, Tier::None, "{text}");
            assert!(!assess(text).danger_from_someone, "{text}");
        }
    })
}

#[test]
fn the_model_keeps_out_of_someone_elses_reported_words() {
    for text in [
        "My friend told me she wanted to die after the breakup, so I called her.",
        "Una mia amica mi ha detto che voleva morire, l'ho chiamata subito.",
        "Mon amie m'a dit qu'elle voulait mourir, je l'ai appelée.",
    ] {
        assert!(!mentions_crisis(text), "{text}: {:?}", assess(text));
    }
    // The rules still read the writer's own words in such a sentence.
    assert_eq!(
        assess("she told me to calm down but I want to die").tier,
        Tier::Higher
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
