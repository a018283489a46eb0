// Safety: the person's own safety plan, crisis and abuse lines for the
// country they chose (shipped offline; the choice is stored by the engine,
// never guessed), an international directory when their country isn't
// listed, the scam warning, and how to hide the window quickly. Always one
// click away.

import { api } from "../api.js";
import { announce, h, pageTitle } from "../dom.js";
import { countryName, text } from "../strings.js";
import { directory, emergencyFirst, lineItem, linesOf, noLine, personalResources } from "../care.js";

const t = text.safety;

export function lineList(mine, kinds = ["crisis", "domestic_abuse"]) {
  return kinds.map((kind) => {
    const lines = linesOf(mine.listed, kind);
    return h(
      "div",
      { class: "line-group" },
      h("h3", {}, t[kind]),
      lines.length
        ? h(
            "ul",
            { class: "lines" },
            lines.map((line) =>
              lineItem(
                line,
                h("small", { class: "source" }, t.checked(line.last_checked, line.source)),
                line.hours_source ? h("small", { class: "source" }, t.hoursChecked(line.last_checked, line.hours_source)) : null,
              ),
            ),
          )
        : noLine(mine),
    );
  });
}

/// The lines for the person's country, or the directory and the emergency
/// note first when it isn't listed or not chosen yet. `noteShown`: the page
/// already shows the emergency note above (Safety), so it isn't repeated.
export function linesFor(mine, { noteShown = false, abuseFirst = false } = {}) {
  if (!mine.listed) return [noteShown ? null : emergencyFirst(mine), directory(mine)].filter(Boolean);
  return [
    emergencyFirst(mine),
    mine.listed.lead === "unconfirmed" ? directory(mine) : null,
    ...lineList(mine, abuseFirst ? ["domestic_abuse", "crisis"] : undefined),
  ].filter(Boolean);
}

/// The country picker, stored by the engine. `onSaved(view)` runs after a save.
export function countryPicker(resources, country, onSaved) {
  const c = text.country;
  const select = h(
    "select",
    { id: "country", "aria-describedby": "country-hint country-error" },
    country.chosen ? null : h("option", { value: "" }, c.choose),
    resources.countries.map((k) => h("option", { value: k.code }, countryName(k))),
    h("option", { value: "not_listed" }, c.notListed),
  );
  select.value = country.code ?? (country.not_listed ? "not_listed" : "");
  const error = h("p", { class: "field-error", id: "country-error", hidden: true });
  select.addEventListener("change", async () => {
    error.hidden = true;
    try {
      const saved = await api.setCountry(select.value);
      announce(c.saved);
      await onSaved(saved);
    } catch (e) {
      error.textContent = e.message || text.genericError;
      error.hidden = false;
    }
  });
  return h(
    "div",
    { class: "field", id: "country-field" },
    h("label", { for: "country" }, c.label),
    h("p", { class: "hint", id: "country-hint" }, c.hint),
    select,
    error,
  );
}

export async function render({ locked = false } = {}) {
  let mine = await personalResources();
  // Not a live region: a new country is announced in one sentence, not by
  // reading every line out.
  const lines = h("section", { class: "card", id: "lines" });
  const show = () => lines.replaceChildren(...linesFor(mine, { noteShown: true }));
  show();
  return h(
    "div",
    { class: "narrow safety" },
    pageTitle(t.title),
    h("p", { class: "emergency-note", id: "emergency-note" }, text.safety.emergencyNote),
    h(
      "section",
      { class: "card plan-invite", "aria-labelledby": "plan-invite-title" },
      h("h2", { id: "plan-invite-title" }, text.plan.openFromSafety),
      h("p", { id: "plan-invite-lead" }, locked ? text.plan.sealedShort : text.plan.openFromSafetyLead),
      h("a", { href: "#/safety-plan", class: "button-link", id: "open-safety-plan" }, t.planLink),
    ),
    h("p", { class: "lead" }, t.lead),
    countryPicker(mine.resources, mine.country, async () => {
      mine = await personalResources();
      show();
    }),
    lines,
    h("section", { class: "card warning", id: "scam-warning", "aria-labelledby": "scam-title" }, h("h2", { id: "scam-title" }, t.scamTitle), h("p", {}, t.scam)),
    h("section", { class: "card", "aria-labelledby": "hide-title" }, h("h2", { id: "hide-title" }, t.hideTitle), h("p", {}, t.hide)),
  );
}
