// Safety: crisis and abuse lines by country (shipped offline), the scam
// warning, and how to hide the window quickly. Always one click away.

import { api } from "../api.js";
import { h, pageTitle } from "../dom.js";
import { text } from "../strings.js";

const t = text.safety;
const COUNTRY_KEY = "crossroads.safety.country";

/// The country to show first: the person's last choice, else their locale's region.
export function preferredCountry(countries) {
  const saved = localStorage.getItem(COUNTRY_KEY);
  if (saved && countries.some((c) => c.code === saved)) return saved;
  const region = (navigator.language || "").split("-")[1]?.toUpperCase();
  if (region === "UK") return "GB";
  return countries.some((c) => c.code === region) ? region : countries[0]?.code;
}

export function lineList(country) {
  return ["crisis", "domestic_abuse"].map((kind) =>
    h(
      "div",
      { class: "line-group" },
      h("h3", {}, t[kind]),
      h(
        "ul",
        { class: "lines" },
        country.lines
          .filter((line) => line.kind === kind)
          .map((line) =>
            h(
              "li",
              { "data-kind": kind },
              h("strong", {}, line.name),
              h("span", { class: "contact" }, ` ${line.contact}`),
              h("span", { class: "muted" }, ` (${line.hours})`),
              h("small", { class: "source" }, t.checked(line.last_checked, line.source)),
            ),
          ),
      ),
    ),
  );
}

export async function render() {
  const resources = await api.safetyResources();
  const select = h(
    "select",
    { id: "country" },
    resources.countries.map((c) => h("option", { value: c.code }, c.name)),
  );
  select.value = preferredCountry(resources.countries);
  const lines = h("section", { class: "card", id: "lines", "aria-live": "polite" });
  const show = () => {
    const country = resources.countries.find((c) => c.code === select.value);
    lines.replaceChildren(h("p", { class: "emergency" }, t.emergency(country.emergency)), ...lineList(country));
  };
  select.addEventListener("change", () => {
    localStorage.setItem(COUNTRY_KEY, select.value);
    show();
  });
  show();
  return h(
    "div",
    { class: "narrow safety" },
    pageTitle(t.title),
    h("p", { class: "emergency-note", id: "emergency-note" }, resources.emergency_note),
    h("p", { class: "lead" }, t.lead),
    h("div", { class: "field" }, h("label", { for: "country" }, t.countryLabel), select),
    lines,
    h("section", { class: "card warning", id: "scam-warning", "aria-labelledby": "scam-title" }, h("h2", { id: "scam-title" }, t.scamTitle), h("p", {}, t.scam)),
    h("section", { class: "card", "aria-labelledby": "hide-title" }, h("h2", { id: "hide-title" }, t.hideTitle), h("p", {}, t.hide)),
  );
}

/// The gentle card shown after free text with words of crisis. It never
/// blocks anything; Esc or Close dismisses it.
export async function showCrisisCard() {
  if (document.getElementById("crisis-card")) return;
  const resources = await api.safetyResources();
  const country = resources.countries.find((c) => c.code === preferredCountry(resources.countries));
  const close = h("button", { type: "button", class: "secondary", id: "crisis-close" }, t.cardClose);
  const card = h(
    "section",
    { class: "card crisis-card", id: "crisis-card", role: "dialog", "aria-modal": "false", "aria-labelledby": "crisis-title", tabindex: "-1" },
    h("h2", { id: "crisis-title" }, t.cardTitle),
    h("p", {}, t.cardLead),
    h("p", { class: "emergency" }, resources.emergency_note),
    country ? lineList(country).slice(0, 1) : null,
    h("div", { class: "actions" }, h("a", { href: "#/safety", class: "button-link" }, t.cardMore), close),
  );
  const dismiss = () => card.remove();
  close.addEventListener("click", dismiss);
  card.addEventListener("keydown", (e) => {
    if (e.key === "Escape") dismiss();
  });
  card.querySelector("a").addEventListener("click", dismiss);
  document.getElementById("main").prepend(card);
  card.focus();
}
