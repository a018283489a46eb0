//! The crisis signs in German, as people write them, in the folded form
//! (no accents needed).

use super::super::Sign::*;
use super::super::{r, Rule, Sign};

/// The German rules.
pub(super) const RULES: &[Rule<Sign>] = &[
    r(WishToDie, "will/mochte/mag nicht mehr leben/da_sein")
        .unless_after("in | mit | bei | hier_in")
        // Said of someone else ("sie will nicht mehr leben"): not the
        // writer's wish, as "she doesn't want to live" is not in English.
        .unless_before("sie | er | man | freundin | freund")
        .guarded(),
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
    r(WishToDie, "nicht mehr aufwachen | nie mehr aufwachen | will sterben | mochte sterben | wunschte ich ware tot | lieber tot"),
    r(Intent, "bin ich nicht mehr da | nicht mehr da sein | nicht mehr hier sein | mich umbringen | mir das leben nehmen | alles beenden"),
    r(Trapped, "halte * nicht mehr aus | ertrage * nicht mehr"),
    r(Burden, "niemand wurde mich vermissen | niemand vermisst mich | bin nur eine last | allen zur last"),
    r(Hopelessness, "alles ist sinnlos | keinen sinn mehr"),
    r(SelfHarm, "mich * geritzt | mich wieder geritzt | ritze mich | mir weh getan | verletze mich selbst | mich selbst verletzt"),
    r(DangerFromSomeone, "hat mich * geschlagen/getreten/gewurgt/gestossen/verletzt/bedroht | liest * meine nachrichten | nimmt mir * weg | nimmt mir mein geld/gehalt/handy | trau* mich nicht heim/nach_hause | angst nach hause zu gehen | angst vor ihm/ihr | droht mir | lasst mich nicht raus/gehen/weg/aus_dem_haus"),
];
