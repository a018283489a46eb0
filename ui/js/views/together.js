// Step 6: a better relationship. Clear the air, commitments, house rules
// (check-in cadence, cooldown, therapy), the cooldown timer and check-ins.
// The engine keeps the schedule and the timer; this screen shows them.

import { api } from "../api.js";
import { dateField, toIso } from "../dates.js";
import { announce, h, pageTitle } from "../dom.js";
import { clearFieldErrors, showFieldError } from "../forms.js";
import { formatWhen } from "../format.js";
import { text } from "../strings.js";
import { offerCareAfterRedraw, watchField } from "../care.js";

const t = text.together;
let ticker = null;
// Set by the start button so the redrawn card announces the new timer once.
let cooldownJustStarted = false;
// The part of the step shown (kept across redraws), and whether the house
// rules were just saved (said beside the button once).
let currentTab = "clear";
let rulesJustSaved = false;

// The step's parts as tabs, so the page is one part at a time: arrows move
// between tabs, the panel follows (WAI-ARIA tabs, automatic activation).
function tabs(panels) {
  const names = Object.keys(panels);
  if (!names.includes(currentTab)) currentTab = names[0];
  const buttons = names.map((name) =>
    h(
      "button",
      {
        type: "button",
        role: "tab",
        id: `tab-${name.replace("_", "-")}`,
        "aria-controls": `panel-${name.replace("_", "-")}`,
        "aria-selected": String(name === currentTab),
        tabindex: name === currentTab ? "0" : "-1",
      },
      t.tabs[name],
    ),
  );
  const sections = names.map((name) =>
    h("section", { role: "tabpanel", id: `panel-${name.replace("_", "-")}`, "aria-labelledby": `tab-${name.replace("_", "-")}`, tabindex: "0", hidden: name !== currentTab }, panels[name]),
  );
  const select = (name, focus) => {
    currentTab = name;
    buttons.forEach((b, i) => {
      const on = names[i] === name;
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
      sections[i].hidden = !on;
    });
    if (focus) buttons[names.indexOf(name)].focus();
  };
  buttons.forEach((b, i) => {
    b.addEventListener("click", () => select(names[i], false));
    b.addEventListener("keydown", (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (step) {
        e.preventDefault();
        select(names[(i + step + names.length) % names.length], true);
      } else if (e.key === "Home" || e.key === "End") {
        e.preventDefault();
        select(names[e.key === "Home" ? 0 : names.length - 1], true);
      }
    });
  });
  return [h("div", { class: "tabs", role: "tablist", "aria-label": t.tabsLabel }, buttons), ...sections];
}

function listCard(name, items, redraw) {
  const [title, hint] = t.lists[name];
  const id = `item-${name}`;
  const input = watchField(h("input", { type: "text", id, autocomplete: "off", "aria-describedby": `${id}-error` }));
  const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
  const form = h(
    "form",
    { class: "field add-step", novalidate: true },
    h("label", { for: id }, t.addLabel(title)),
    h("div", { class: "inline" }, input, h("button", { type: "submit", class: "secondary" }, t.add)),
    error,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    try {
      const saved = await api.addTogetherItem(name, input.value);
      announce(text.saved);
      await redraw(id);
      await offerCareAfterRedraw(saved.care, input);
    } catch (e) {
      // The engine names the field "item": show it in this list's slot.
      showFieldError(form, { ...e, field: null }, error);
    }
  });
  return h(
    "section",
    { class: "card list", "data-list": name, "aria-labelledby": `${name}-title` },
    h("h3", { id: `${name}-title` }, title),
    hint ? h("p", { class: "hint" }, hint) : null,
    items.length
      ? h(
          "ul",
          { class: "items" },
          items.map((item) =>
            h(
              "li",
              {},
              h("span", {}, item.text),
              h(
                "button",
                { type: "button", class: "link", "aria-label": t.removeLabel(item.text), onclick: async () => { await api.removeTogetherItem(name, item.id); await redraw(); } },
                t.remove,
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, t.empty),
    form,
  );
}

function rulesForm(view, redraw) {
  const rules = view.rules;
  const every = h("input", { type: "number", id: "every", min: "1", max: "12", value: String(rules.check_in.every), "aria-describedby": "every-error" });
  const unit = h("select", { id: "unit" }, Object.entries(t.units).map(([v, label]) => h("option", { value: v, selected: v === rules.check_in.unit }, label)));
  const reminders = h("input", { type: "checkbox", id: "reminders", checked: rules.reminders });
  const minutes = h("input", { type: "number", id: "cooldown_minutes", min: "1", max: "120", value: String(rules.cooldown_minutes), "aria-describedby": "cooldown_minutes-error" });
  const therapy = h("input", { type: "checkbox", id: "therapy", checked: rules.therapy });
  const first = dateField({ id: "first_check_in", "aria-describedby": "first_check_in-hint first_check_in-error" }, "datetime");
  const error = h("p", { class: "field-error", id: "rules-error", hidden: true, tabindex: "-1" });
  const form = h(
    "form",
    { class: "card form", id: "rules-form", novalidate: true, "aria-labelledby": "rules-title" },
    h("h2", { id: "rules-title" }, t.rulesTitle),
    h("ol", { class: "rules" }, h("li", {}, t.ruleCheckIn), h("li", {}, t.ruleCooldown), rules.therapy ? h("li", {}, t.ruleTherapy) : null),
    h(
      "div",
      { class: "inline-fields" },
      h("div", { class: "field" }, h("label", { for: "every" }, t.everyLabel), every, h("p", { class: "field-error", id: "every-error", hidden: true })),
      h("div", { class: "field" }, h("label", { for: "unit" }, t.unitLabel), unit),
      h("div", { class: "field" }, h("label", { for: "cooldown_minutes" }, t.cooldownLabel), minutes, h("p", { class: "field-error", id: "cooldown_minutes-error", hidden: true })),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "first_check_in" }, t.firstLabel),
      h("p", { class: "hint", id: "first_check_in-hint" }, t.firstHint),
      first,
      h("p", { class: "field-error", id: "first_check_in-error", hidden: true }),
    ),
    h("label", { class: "check" }, reminders, h("span", {}, t.remindersLabel)),
    h("label", { class: "check" }, therapy, h("span", {}, t.ruleTherapy)),
    h("p", { id: "next-check-in" }, view.next_check_in ? t.nextCheckIn(formatWhen(view.next_check_in)) : t.noReminders),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "save-rules" }, t.saveRules), h("p", { class: "form-status", id: "rules-status" }, rulesJustSaved ? t.rulesSaved : "")),
    error,
  );
  rulesJustSaved = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const input = {
      first_check_in: toIso(first.value, "datetime") || null,
      unit: unit.value,
      every: Number.parseInt(every.value, 10) || 0,
      reminders: reminders.checked,
      cooldown_minutes: Number.parseInt(minutes.value, 10) || 0,
      therapy: therapy.checked,
    };
    try {
      await api.saveHouseRules(input);
      announce(t.rulesSaved);
      rulesJustSaved = true;
      await redraw("save-rules");
    } catch (e) {
      showFieldError(form, e, error);
    }
  });
  return form;
}

function cooldownCard(view, redraw) {
  // A timer, not a live region: the time left is said once when it starts
  // and once when it is up, never every second.
  const status = h("p", { class: "cooldown-left", id: "cooldown-left", role: "timer" });
  const card = h("section", { class: "card cooldown", id: "cooldown", "aria-labelledby": "cooldown-title" }, h("h2", { id: "cooldown-title" }, t.cooldownTitle), h("p", {}, t.cooldownLead));
  const error = h("p", { class: "field-error", id: "cooldown-error", hidden: true, tabindex: "-1" });
  if (view.cooldown) {
    const ends = Date.now() + view.cooldown.seconds_left * 1000;
    // `ticking`: the time ran out while the person was here (said once).
    const show = (ticking) => {
      const left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      status.textContent = left > 0 ? t.cooldownLeft(left) : t.cooldownOver;
      if (left === 0) {
        clearInterval(ticker);
        if (ticking) announce(t.cooldownOver);
      }
    };
    show(false);
    if (cooldownJustStarted) announce(status.textContent);
    cooldownJustStarted = false;
    clearInterval(ticker);
    ticker = setInterval(() => (status.isConnected ? show(true) : clearInterval(ticker)), 1000);
    card.append(status, h("button", { type: "button", class: "secondary", id: "stop-cooldown", onclick: async () => { await api.stopCooldown(); await redraw(); } }, t.cooldownStop));
  } else {
    card.append(
      h(
        "button",
        {
          type: "button",
          class: "primary",
          id: "start-cooldown",
          onclick: async () => {
            try {
              await api.startCooldown();
              cooldownJustStarted = true;
              await redraw("stop-cooldown");
            } catch (e) {
              showFieldError(card, e, error);
            }
          },
        },
        t.cooldownStart(view.rules.cooldown_minutes),
      ),
    );
  }
  card.append(error);
  return card;
}

function checkInForm(redraw) {
  const fields = Object.entries(t.checkIn).map(([name, label]) => {
    const area = watchField(h("textarea", { id: name, rows: 2, "aria-describedby": `${name}-error` }));
    return [name, area, h("div", { class: "field" }, h("label", { for: name }, label), area, h("p", { class: "field-error", id: `${name}-error`, hidden: true }))];
  });
  const error = h("p", { class: "field-error", id: "check-in-error", hidden: true, tabindex: "-1" });
  const form = h(
    "form",
    { class: "card form", id: "check-in-form", novalidate: true, "aria-labelledby": "check-in-title" },
    h("h2", { id: "check-in-title" }, t.checkInTitle),
    h("p", {}, t.checkInLead),
    fields.map(([, , wrapper]) => wrapper),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "save-check-in" }, t.checkInSave)),
    error,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const input = Object.fromEntries(fields.map(([name, area]) => [name, area.value]));
    try {
      const saved = await api.saveCheckIn(input);
      announce(text.saved);
      await redraw("check-ins");
      await offerCareAfterRedraw(saved.care, ...fields.map(([, area]) => area));
    } catch (e) {
      showFieldError(form, e, error);
    }
  });
  return form;
}

function history(checkIns) {
  return h(
    "section",
    { "aria-labelledby": "history-title" },
    h("h2", { id: "history-title" }, t.historyTitle),
    checkIns.length
      ? h(
          "ol",
          { class: "check-ins", id: "check-ins", tabindex: "-1" },
          checkIns.map((c) =>
            h(
              "li",
              { class: "card" },
              h("p", { class: "eyebrow" }, formatWhen(c.at)),
              h("dl", {}, Object.entries(t.checkIn).filter(([name]) => c[name]).flatMap(([name, label]) => [h("dt", {}, label), h("dd", {}, c[name])])),
            ),
          ),
        )
      : h("p", { class: "muted", id: "check-ins", tabindex: "-1" }, t.historyEmpty),
  );
}

// A cooldown started from the tray: the open screen shows it running.
let redrawCooldown = null;
window.addEventListener("crossroads:cooldown", () => redrawCooldown?.());

export async function render() {
  const root = h("div", { class: "narrow together" });
  let cooldown = null;
  // Only the cooldown card, so nothing half typed elsewhere is lost.
  redrawCooldown = async () => {
    if (!cooldown?.isConnected) return;
    const view = await api.together();
    cooldownJustStarted = true; // said once, as when started here
    const hadFocus = cooldown.contains(document.activeElement);
    const fresh = cooldownCard(view, draw);
    cooldown.replaceWith(fresh);
    cooldown = fresh;
    if (hadFocus) fresh.querySelector("button")?.focus();
  };
  async function draw(focusId) {
    const view = await api.together();
    const lists = (names) => names.map((n) => listCard(n, view.lists[n] || [], draw));
    cooldown = cooldownCard(view, draw);
    root.replaceChildren(
      pageTitle(t.title),
      h("p", { class: "lead" }, t.lead),
      cooldown,
      ...tabs({
        clear: [h("h2", {}, t.clearAir), h("div", { class: "lists" }, lists(["bothered_me", "bothered_them", "on_the_table", "i_ask", "they_ask"]))],
        commitments: [h("h2", {}, t.commitments), h("div", { class: "lists" }, lists(["my_commitments", "their_commitments"]))],
        rules: [rulesForm(view, draw), h("div", { class: "lists" }, lists(["own_rules"]))],
        check_ins: [checkInForm(draw), history(view.check_ins)],
      }),
    );
    if (focusId) document.getElementById(focusId)?.focus();
  }
  currentTab = "clear";
  await draw();
  return root;
}
