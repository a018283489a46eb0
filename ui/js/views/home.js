// Home: where the person is in the program, and why each step is (not) open.

import { api } from "../api.js";
import { h, pageTitle } from "../dom.js";
import { lockReasons, text } from "../strings.js";
import { formatWhen } from "../format.js";

const statusIcon = { locked: "○", open: "→", done: "✓" };
// Steps that have a screen of their own, by step id.
const screens = { dealbreakers: "dealbreakers", reflect: "reflect", too_proud_to_beg: "vault", no_contact: "no-contact" };
screens.live_your_life = "live";
Object.assign(screens, { reach_out: "reach-out", better_relationship: "together" });

/// The card of the ending the engine says this program has reached, or a
/// quiet pointer to the moving-on path.
function endingCard(overview, together) {
  const t = text.homeEndings;
  if (overview.ending === "moving_on") {
    return h(
      "section",
      { class: "card next ending", id: "ending", "data-ending": "moving_on", "aria-labelledby": "ending-title" },
      h("h2", { id: "ending-title", class: "eyebrow" }, t.movingOnTitle),
      h("p", {}, t.movingOnLead),
      h("a", { href: "#/moving-on", class: "button-link", id: "ending-link" }, t.movingOnGo),
    );
  }
  if (overview.ending === "together") {
    return h(
      "section",
      { class: "card next ending", id: "ending", "data-ending": "together", "aria-labelledby": "ending-title" },
      h("h2", { id: "ending-title", class: "eyebrow" }, t.togetherTitle),
      h("p", {}, t.togetherLead),
      together?.next_check_in ? h("p", { id: "home-next-check-in" }, text.together.nextCheckIn(formatWhen(together.next_check_in))) : null,
      h("a", { href: "#/together", class: "button-link", id: "ending-link" }, t.togetherGo),
    );
  }
  return h("p", { class: "muted", id: "other-path" }, t.otherPath, " ", h("a", { href: "#/moving-on" }, t.otherPathLink));
}

function stepCard(step) {
  const words = text.steps[step.id];
  const screen = step.status !== "locked" && screens[step.id];
  return h(
    "li",
    { class: `step step-${step.status}`, "data-step": step.id, "data-status": step.status },
    h("p", { class: "step-number" }, text.step(step.number)),
    h("h3", { class: "step-title" }, screen ? h("a", { href: `#/${screen}` }, words.title) : words.title),
    h("p", { class: "step-purpose" }, words.purpose),
    h(
      "p",
      { class: "step-status" },
      h("span", { class: "badge", "aria-hidden": "true" }, statusIcon[step.status]),
      h("strong", {}, text.status[step.status]),
      step.locked && h("span", { class: "reason" }, ` · ${lockReasons(step)}`),
    ),
  );
}

function dayCard(noContact, navigate, ending) {
  const t = text.noContact;
  if (!noContact.current) {
    return h(
      "section",
      { class: "card count", "aria-label": text.steps.no_contact.title },
      h("p", {}, t.homeInvite),
      h("button", { type: "button", class: "primary", onclick: () => navigate("no-contact") }, t.startButton),
    );
  }
  const days = noContact.current.days;
  return h(
    "section",
    { class: "card count", "aria-label": text.steps.no_contact.title },
    h(
      "p",
      { class: "day-count" },
      h("span", { class: "big", id: "home-day-number" }, String(days)),
      " ",
      h("span", { class: "unit" }, ending === "moving_on" ? text.homeEndings.daysUnit(days) : t.daysUnit(days)),
    ),
    h("a", { href: "#/no-contact" }, t.open),
  );
}

export async function render({ overview, navigate }) {
  const t = text.home;
  const [profile, noContact] = await Promise.all([api.profile(), api.noContact()]);
  // Back together, the day count gives way to the next check-in.
  const together = overview.ending === "together" ? await api.together() : null;
  const next = overview.steps.find((s) => s.id === overview.next_step);
  return h(
    "div",
    { class: "home" },
    pageTitle(t.title),
    !together && dayCard(noContact, navigate, overview.ending),
    h("p", { class: "lead" }, t.lead),
    endingCard(overview, together),
    !overview.ending &&
      next &&
      h(
        "section",
        { class: "card next", "aria-labelledby": "next-title" },
        h("h2", { id: "next-title", class: "eyebrow" }, t.next),
        h("p", { class: "next-title" }, text.steps[next.id].title),
        h("p", {}, text.steps[next.id].purpose),
        screens[next.id] ? h("a", { href: `#/${screens[next.id]}`, class: "button-link", id: "next-link" }, text.home.go) : null,
      ),
    h(
      "section",
      { "aria-labelledby": "steps-title" },
      h("h2", { id: "steps-title" }, t.stepsTitle),
      // On the moving-on path, the steps back toward them are not shown at all.
      h("ol", { class: "steps", id: "steps" }, overview.steps.filter((s) => !(overview.ending === "moving_on" && s.locked?.code === "not_offered")).map(stepCard)),
    ),
    profile &&
      h(
        "section",
        { class: "card about", "aria-labelledby": "about-title" },
        h("h2", { id: "about-title" }, t.aboutTitle),
        h("p", { id: "about-text" }, t.about(profile.days_since_breakup, profile.ended_by)),
        h("button", { type: "button", class: "secondary", onclick: () => navigate("settings") }, t.edit),
      ),
  );
}
