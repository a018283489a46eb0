//! The crisis signs in French, as people write them, in the folded form
//! (no accents needed).

use super::super::Sign::*;
use super::super::{r, Rule, Sign};

/// The French rules.
pub(super) const RULES: &[Rule<Sign>] = &[
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
    r(Intent, "en finis/finirai/finisse | en finir une bonne fois | me foutre en l air | disparaitre pour toujours | ne plus etre la"),
    r(Means, "sauter/saute/sauterai/jeter/jette/jetterai * du/d_un/depuis/sous pont/toit/balcon/falaise/train/immeuble | garde*/stock*/accumul*/economis*/cache* * pilules/cachets/comprimes/medicaments"),
    r(Plan, "j ai tout prevu/planifie $ | tout est prevu $ | j ai choisi le jour/la_date"),
    r(WishToDie, "envie de mourir | veux disparaitre | voudrais disparaitre | plus jamais me reveiller | pas me reveiller | ne plus me reveiller").guarded(),
    r(Burden, "personne ne me regretterait/remarquerait | personne ne remarquerait | je suis un poids/fardeau | mieux sans moi"),
    r(SelfHarm, "me fais du mal | me faire du mal | me bruler | me suis brule*"),
    r(Goodbye, "donne* * mes affaires/choses | lettre d adieu"),
    r(DangerFromSomeone, "lit/lis/fouille/regarde/controle/verifie tous/toutes/mes * messages/textos/mails/telephone/sms | m interdit de | m empeche de voir/sortir/partir/parler | peur de lui/elle | peur de rentrer | me prend mon argent/salaire/telephone"),
];
