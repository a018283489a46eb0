//! The crisis signs in Dutch, as people write them, in the folded form
//! (no accents needed).

use super::super::Sign::*;
use super::super::{r, Rule, Sign};

/// The Dutch rules.
pub(super) const RULES: &[Rule<Sign>] = &[
    r(WishToDie, "ik wil dood"),
    r(WishToDie, "wil niet meer leven").unless_before("ze | zij | hij").guarded(),
    r(WishToDie, "niet meer wakker worden").guarded(),
    r(Intent, "zelfmoord | mezelf van kant | er een einde aan maken"),
    r(Means, "pillen * klaar* | pillen * @time"),
    r(SelfHarm, "mezelf * gesneden | snijd mezelf"),
    r(Goodbye, "geef * mijn spullen weg"),
    r(Hopelessness, "het nut er niet meer | geen zin meer | heeft geen zin"),
    r(Burden, "beter af zonder mij | een last voor"),
    r(Trapped, "ik kan niet meer $ | geen uitweg"),
    r(DangerFromSomeone, "heeft me geslagen | slaat me | controleert mijn telefoon | bedreigt me | heeft me bedreigd"),
    r(WishToDie, "niet meer wakker word/werd/worden/zou_worden | wil verdwijnen | wil er niet meer zijn | wil niet meer leven").guarded(),
    r(Intent, "mezelf van kant maken | mezelf iets aandoen | er een eind aan maken | er een einde aan maken"),
    r(Burden, "heeft/hebben last van me/mij | niemand zou me/mij missen | ben een last"),
    r(SelfHarm, "mezelf * gesneden | mezelf pijn | snijd mezelf | mezelf gesneden"),
    r(DangerFromSomeone, "heeft me * geslagen/geschopt/gewurgd/bedreigd | staat * voor mijn deur/huis/werk | bang voor hem/haar/mijn_ex | durf niet naar huis | bang om naar huis | leest * mijn berichten | pakt mijn geld/telefoon/pas"),
];
