// Before step 1: four questions, and what the engine recommends from them.

import { api } from "../api.js";
import { announce, h, pageTitle } from "../dom.js";
import { choiceGroup, clearFieldErrors, showFieldError } from "../forms.js";
import { text } from "../strings.js";
import { linesFor } from "./safety.js";
import { personalResources } from "../care.js";
import { nextButton } from "../next.js";

const t = text.dealbreakers;

function question([name, label], answers) {
  const current = answers ? (answers[name] ? "yes" : "no") : null;
  const group = choiceGroup(name, label, [["yes", t.yes], ["no", t.no]], current);
  if (name === "abusive") {
    // What control looks like, so the person can recognise it.
    group.querySelector("legend").after(h("p", { class: "hint", id: "abusive-hint" }, t.abusiveHint));
  }
  return group;
}

/// The fifth, optional question.
function hurtQuestion(answers) {
  const q = text.hurtThem;
  const current = answers ? (answers.hurt_them ? "yes" : answers.hurt_them_answered ? "no" : null) : null;
  const group = choiceGroup("hurt_them", q.question, [["yes", t.yes], ["no", t.no], ["", q.notAnswered]], current ?? "");
  group.querySelector("legend").after(h("p", { class: "hint", id: "hurt_them-hint" }, q.hint));
  return group;
}

/// A pointer to support for a person who said they hurt them.
function hurtPointer(view) {
  if (!view.hurt_them) return null;
  const q = text.hurtThem;
  return h("section", { class: "card gentle", id: "hurt-support", "aria-labelledby": "hurt-title" }, h("h2", { id: "hurt-title" }, q.title), h("p", {}, q.body));
}

async function recommendation(view, rerender, overview) {
  if (!view.answers) return null;
  if (!view.recommend_not_pursuing && view.hurt_them) {
    // The four answers raise nothing, but the program will not coach them back.
    return h(
      "section",
      { class: "card", id: "verdict", "aria-labelledby": "verdict-title" },
      h("h2", { id: "verdict-title" }, t.oneWayTitle),
      h("p", {}, t.hurtOneWayLead),
      h("a", { href: "#/reflect", class: "button-link" }, t.toReflect),
    );
  }
  if (!view.recommend_not_pursuing) {
    return h(
      "section",
      { class: "card", id: "verdict", "aria-labelledby": "verdict-title" },
      h("h2", { id: "verdict-title" }, t.clearTitle),
      h("p", {}, t.clear),
      h("a", { href: "#/reflect", class: "button-link" }, t.toReflect),
    );
  }
  const reasons = t.questions.map(([name]) => name).filter((name) => view.answers[name]);
  const parts = [
    h("h2", { id: "verdict-title" }, t.recommendTitle),
    h("ul", { class: "reasons" }, reasons.map((name) => h("li", { "data-reason": name }, t.reasons[name]))),
    h("p", {}, t.therapist),
  ];
  if (view.abuse) {
    const mine = await personalResources();
    parts.push(h("div", { id: "abuse-lines" }, ...linesFor(mine, { abuseFirst: true })), h("p", {}, t.abuseNote), h("p", { class: "muted", id: "abuse-kept" }, t.keptNote));
  }
  const oneWay = view.paths_offered.length === 1;
  if (view.path) {
    parts.push(h("p", { class: "chosen", id: "chosen-path" }, t.chosen[view.path]), nextButton(overview));
  } else {
    const ack = h("input", { type: "checkbox", id: "acknowledged", "aria-describedby": "acknowledged-error" });
    const error = h("p", { class: "form-error", id: "path-error", role: "alert", hidden: true });
    const choose = async (path) => {
      try {
        await api.choosePath(path, ack.checked);
        announce(text.saved);
        await rerender();
      } catch (e) {
        showFieldError(box, e, error);
      }
    };
    // The engine says which paths are offered: after abuse, only moving on,
    // and the lead says so instead of offering a choice.
    const box = h(
      "div",
      { class: "choose", id: "choose-path" },
      h("h3", {}, oneWay ? t.oneWayTitle : t.chooseTitle),
      oneWay ? h("p", { id: "one-way-lead" }, view.abuse ? t.oneWayLead : t.hurtOneWayLead) : null,
      h("button", { type: "button", class: "primary", id: "choose-moving-on", onclick: () => choose("moving_on") }, t.movingOn),
      view.paths_offered.includes("continue")
        ? h(
            "div",
            { class: "field" },
            h("label", { class: "check" }, ack, h("span", {}, t.acknowledge)),
            h("p", { class: "field-error", id: "acknowledged-error", hidden: true }),
            h("button", { type: "button", class: "secondary", id: "choose-continue", onclick: () => choose("continue") }, t.continue),
          )
        : null,
      error,
    );
    parts.push(box);
  }
  return h("section", { class: "card recommendation", id: "verdict", "aria-labelledby": "verdict-title" }, ...parts);
}

export async function render({ navigate, overview }) {
  const root = h("div", { class: "narrow dealbreakers" });
  async function draw() {
    const view = await api.dealbreakers();
    const formError = h("p", { class: "form-error", id: "db-error", role: "alert", hidden: true });
    const form = h(
      "form",
      { class: "card form", id: "dealbreaker-form", novalidate: true },
      t.questions.map((q) => question(q, view.answers)),
      hurtQuestion(view.answers),
      formError,
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "answer-dealbreakers" }, t.submit)),
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      clearFieldErrors(form);
      const data = new FormData(form);
      const input = Object.fromEntries(t.questions.map(([name]) => [name, String(data.get(name) ?? "")]));
      try {
        await api.answerDealbreakersWith(input, String(data.get("hurt_them") ?? ""));
        announce(text.saved);
        // The overview (banner, navigation) may have changed.
        navigate("dealbreakers");
      } catch (error) {
        showFieldError(form, error, formError);
      }
    });
    const verdict = await recommendation(view, () => navigate("dealbreakers"), overview);
    root.replaceChildren(...[pageTitle(t.title), h("p", { class: "lead" }, t.lead), form, hurtPointer(view), verdict].filter(Boolean));
  }
  await draw();
  return root;
}
