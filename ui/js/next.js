// Where a step or an ending lives in the UI, and the button that leads to
// what comes next. Which step comes next is the engine's answer (the
// overview's `next`, a locked step's reason); this only maps it to a page.

import { h } from "./dom.js";
import { t, text } from "./strings.js";

/// The page of each step and of the check.
export const routeOfStep = {
  dealbreakers: "dealbreakers",
  reflect: "reflect",
  too_proud_to_beg: "vault",
  no_contact: "no-contact",
  live_your_life: "live",
  reach_out: "reach-out",
  better_relationship: "together",
};

const routeOfEnding = { moving_on: "moving-on", together: "together" };

/// The route and label for the overview's `next`, or null.
export function nextTarget(next) {
  if (!next) return null;
  if (next.kind === "profile") return { route: "welcome", label: t("next.profile") };
  if (next.kind === "ending") return { route: routeOfEnding[next.ending], label: t(`next.${next.ending}`) };
  return { route: routeOfStep[next.step], label: t("next.step", { title: text.steps[next.step].title }) };
}

/// A button-styled link to what comes next, or null when nothing does.
export function nextButton(overview, id = "next-step") {
  const target = nextTarget(overview?.next);
  if (!target) return null;
  return h("p", { class: "next-link" }, h("a", { href: `#/${target.route}`, class: "button-link", id }, target.label));
}

/// The link from a locked page to the step or check that opens it.
export function unlockLink(reason) {
  if (!reason) return null;
  let route;
  let label;
  switch (reason.code) {
    case "needs_profile":
      [route, label] = ["welcome", t("lockLink.profile")];
      break;
    case "needs_step":
      [route, label] = [routeOfStep[reason.step], t("lockLink.step", { title: text.steps[reason.step].title })];
      break;
    case "needs_no_contact_days":
    case "needs_no_looking_days":
      [route, label] = ["no-contact", t("lockLink.no_contact")];
      break;
    case "needs_reach_out_outcome":
      [route, label] = ["reach-out", t("lockLink.reach_out")];
      break;
    case "not_offered":
      [route, label] = ["moving-on", t("lockLink.moving_on")];
      break;
    default:
      return null;
  }
  return h("p", { class: "next-link" }, h("a", { href: `#/${route}`, class: "button-link", id: "locked-link" }, label));
}
