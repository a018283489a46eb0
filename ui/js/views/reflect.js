// Step 1: reflect. Answers are saved as the person types; "Saved" shows only
// once the engine has flushed them.

import { api } from "../api.js";
import { announce, h, pageTitle } from "../dom.js";
import { choiceGroup, clearFieldErrors, showFieldError } from "../forms.js";
import { text } from "../strings.js";
import { nextButton } from "../next.js";
import { offerCare, supportLink } from "../care.js";

const t = text.reflect;
const SAVE_AFTER_MS = 600;

function autosaved(field, label, hint, value) {
  // Beside the label, not inside it (it would become part of the field's
  // name); the announcer says it once.
  const status = h("span", { class: "save-status", id: `${field}-status` });
  const area = h("textarea", { id: field, rows: 4, "aria-describedby": `${field}-hint ${field}-error` });
  area.value = value ?? "";
  let timer = null;
  let saving = Promise.resolve();
  const save = () => {
    clearTimeout(timer);
    timer = null;
    const value = area.value;
    saving = saving.then(async () => {
      try {
        const result = await api.saveReflection(field, value);
        clearFieldErrors(wrapper);
        status.textContent = t.saved;
        announce(t.saved);
        if (result.care) await offerCare(result.care, area);
      } catch (error) {
        status.textContent = "";
        showFieldError(wrapper, error, wrapper.querySelector(".field-error"));
      }
    });
  };
  area.addEventListener("input", () => {
    status.textContent = "";
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER_MS);
  });
  // Leaving the field (or the window) saves at once.
  area.addEventListener("blur", () => timer && save());
  window.addEventListener("pagehide", () => timer && save(), { once: true });
  const wrapper = h(
    "div",
    { class: "field" },
    h("div", { class: "label-row" }, h("div", { class: "label-with-status" }, h("label", { for: field }, label), " ", status), supportLink(field)),
    h("p", { class: "hint", id: `${field}-hint` }, hint || ""),
    area,
    h("p", { class: "field-error", id: `${field}-error`, hidden: true }),
  );
  return wrapper;
}

/// A radio group whose choice is saved the moment it is made.
function savedChoice(field, legend, options, current, saveChoice) {
  const group = choiceGroup(field, legend, options, current, async (value) => {
    try {
      await saveChoice(value);
      clearFieldErrors(group);
      announce(t.saved);
    } catch (error) {
      showFieldError(group, error, group.querySelector(".field-error"));
    }
  });
  return group;
}

function growthPlan(view, redraw) {
  const input = h("input", { type: "text", id: "step", autocomplete: "off", "aria-describedby": "step-error" });
  const error = h("p", { class: "field-error", id: "step-error", hidden: true });
  const add = h("button", { type: "submit", class: "secondary", id: "add-step" }, t.addStep);
  const form = h("form", { class: "field add-step", novalidate: true }, h("label", { for: "step" }, t.stepsLabel), h("div", { class: "inline" }, input, add), error);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api.addGrowthStep(input.value);
      announce(t.saved);
      await redraw("step");
    } catch (e) {
      showFieldError(form, e, error);
    }
  });
  const steps = view.steps.length
    ? h(
        "ul",
        { class: "growth-steps", id: "growth-steps" },
        view.steps.map((s) =>
          h(
            "li",
            {},
            h(
              "label",
              { class: "check" },
              h("input", {
                type: "checkbox",
                checked: s.done,
                "data-step": s.id,
                onchange: async (e) => {
                  await api.setGrowthStep(s.id, e.target.checked);
                  announce(t.saved);
                },
              }),
              h("span", {}, s.text),
            ),
          ),
        ),
      )
    : h("p", { class: "muted", id: "growth-steps" }, t.noSteps);
  return h(
    "section",
    { class: "card", "aria-labelledby": "growth-title" },
    h("h2", { id: "growth-title" }, t.growthTitle),
    savedChoice("growth_way", t.wayLegend, t.wayOptions, view.growth_way, api.setGrowthWay),
    steps,
    form,
  );
}

function decision(view, redraw, navigate, overview) {
  const error = h("p", { class: "form-error", id: "decision-error", role: "alert", tabindex: "-1", hidden: true });
  const decide = async (choice) => {
    try {
      await api.decide(choice);
      announce(t.decided[choice]);
      navigate("reflect");
    } catch (e) {
      showFieldError(section, e, error);
    }
  };
  const section = h(
    "section",
    { class: "card", id: "decision", "aria-labelledby": "decision-title" },
    h("h2", { id: "decision-title" }, t.decisionTitle),
    h("p", {}, t.decisionLead),
    view.decision ? h("p", { class: "chosen", id: "decided" }, t.decided[view.decision]) : null,
    view.decision ? nextButton(overview) : null,
    h(
      "div",
      { class: "actions" },
      view.can_choose_try ? h("button", { type: "button", class: "primary", id: "decide-try", onclick: () => decide("try") }, t.try) : null,
      h("button", { type: "button", class: "secondary", id: "decide-move-on", onclick: () => decide("move_on") }, t.moveOn),
    ),
    error,
  );
  return section;
}

export async function render({ navigate, overview }) {
  const root = h("div", { class: "narrow reflect" });
  async function draw(focusId) {
    const view = await api.reflection();
    // The engine says which prompts to offer (none that invites self-blame after abuse).
    const prompts = view.offered_prompts;
    root.replaceChildren(
      pageTitle(t.title),
      h("p", { class: "lead" }, t.lead),
      // (replaceChildren would print a null as the word "null": leave it out instead.)
      ...(view.recent_breakup ? [h("p", { class: "card gentle", id: "recent-note" }, t.recent(view.days_since_breakup))] : []),
      h(
        "section",
        { class: "card form", "aria-label": t.title },
        prompts.map((p) => autosaved(p, t.prompts[p][0], t.prompts[p][1], view.answers[p])),
        savedChoice("pattern", t.patternLegend, t.patternOptions, view.pattern, api.setPattern),
        autosaved("pattern_details", t.prompts.pattern_details[0], t.prompts.pattern_details[1], view.answers.pattern_details),
      ),
      growthPlan(view, draw),
      decision(view, draw, navigate, overview),
    );
    if (focusId) root.querySelector(`#${focusId}`)?.focus();
  }
  await draw();
  return root;
}
