//! The crisis signs in Italian, as people write them, in the folded form
//! (no accents needed).

use super::super::Sign::*;
use super::super::{r, Rule, Sign};

/// The Italian rules.
pub(super) const RULES: &[Rule<Sign>] = &[
    r(WishToDie, "voglio morire"),
    r(WishToDie, "non voglio piu vivere").unless_after("in | con | qui | a | li").guarded(),
    r(WishToDie, "non svegliarmi [piu] | non risvegliarmi | non voglio piu svegliarmi | non mi voglio piu svegliare").guarded(),
    r(Intent, "togliermi la vita | uccidermi | farla finita"),
    r(Means, "pillole * @time"),
    r(SelfHarm, "mi sono tagliat* | tagliarmi | mi taglio"),
    r(Goodbye, "regalando/regalato * mie cose"),
    r(Hopelessness, "non vedo piu il senso | non ha piu senso | nessun senso"),
    r(Burden, "meglio senza di me | un peso per"),
    r(Trapped, "non ce la faccio piu $ | non c e via d uscita | nessuna via d uscita"),
    r(DangerFromSomeone, "mi ha picchiat* | mi picchia | mi controlla il telefono | mi ha minacciat* | mi minaccia"),
    r(Intent, "la faccio/faro/farei finita | farla finita | ammazzarmi | mi ammazzo | mi uccido | suicidarmi"),
    r(Intent, "mi butto $ | mi butto/buttero/butterei da/dal/dalla/giu/sotto | buttarmi da/dal/dalla/giu/sotto"),
    r(Means, "messo/mettendo/tenuto da parte * pillole/pastiglie/farmaci | pillole/pastiglie/farmaci * da parte | sul/dal ponte/tetto/balcone * mi butto"),
    r(WishToDie, "vorrei morire | non svegliarmi piu | voglio sparire | vorrei sparire").guarded(),
    r(Burden, "nessuno sentirebbe la mia mancanza | nessuno se ne accorgerebbe | sono un peso"),
    r(Trapped, "non ne posso piu | non ce la faccio piu"),
    r(SelfHarm, "mi faccio del male | mi sono fatt* del male | mi brucio"),
    r(DangerFromSomeone, "controlla il mio telefono/cellulare | mi controlla | mi ha tolto/preso * carta/soldi/telefono/stipendio/chiavi | ho paura di lui/lei | paura di tornare a casa | non mi lascia uscire/vedere/parlare"),
];
