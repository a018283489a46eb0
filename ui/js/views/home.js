// Home: where the person is in the program, and why each step is (not) open.

import { api } from "../api.js";
import { h, pageTitle } from "../dom.js";
import { text } from "../strings.js";

const statusIcon = { locked: "○", open: "→", done: "✓" };

function stepCard(step) {
  const words = text.steps[step.id];
  return h(
    "li",
    { class: `step step-${step.status}`, "data-step": step.id, "data-status": step.status },
    h("p", { class: "step-number" }, text.step(step.number)),
    h("h3", { class: "step-title" }, words.title),
    h("p", { class: "step-purpose" }, words.purpose),
    h(
      "p",
      { class: "step-status" },
      h("span", { class: "badge", "aria-hidden": "true" }, statusIcon[step.status]),
      h("strong", {}, text.status[step.status]),
      step.locked && h("span", { class: "reason" }, ` · ${text.lockReason(step.locked)}`),
    ),
  );
}

export async function render({ overview, navigate }) {
  const t = text.home;
  const profile = await api.profile();
  const next = overview.steps.find((s) => s.id === overview.next_step);
  return h(
    "div",
    { class: "home" },
    pageTitle(t.title),
    h("p", { class: "lead" }, t.lead),
    next &&
      h(
        "section",
        { class: "card next", "aria-labelledby": "next-title" },
        h("h2", { id: "next-title", class: "eyebrow" }, t.next),
        h("p", { class: "next-title" }, text.steps[next.id].title),
        h("p", {}, text.steps[next.id].purpose),
      ),
    h(
      "section",
      { "aria-labelledby": "steps-title" },
      h("h2", { id: "steps-title" }, t.stepsTitle),
      h("ol", { class: "steps", id: "steps" }, overview.steps.map(stepCard)),
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
