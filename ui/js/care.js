// The crisis card and the "Support" link beside free-text fields.
//
// The engine reads the text (api.checkText while typing pauses, or the
// `care` of a save's answer) and says the tier and whether someone else is a
// danger; this module only lays the card out in that order. The card never
// takes focus from the text being typed: it appears beside the page and is
// announced politely. It shows once per field per visit: a closed card
// stays closed for that entry. The Support link brings it back any time.

import { api } from "./api.js";
import { announce, h } from "./dom.js";
import { countryName, text } from "./strings.js";

const t = text.care;
const PAUSE_MS = 900;

// Fields whose card has shown on this visit (a re-rendered field is a new entry).
const shownFor = new WeakSet();
// Fields whose card the person closed: it stays closed for that entry.
const closedFor = new WeakSet();
let returnFocusTo = null;
let cardFor = null;

/// The person's country and the shipped resources, together.
export async function personalResources() {
  const [resources, country] = await Promise.all([api.safetyResources(), api.country()]);
  const listed = country.code ? resources.countries.find((c) => c.code === country.code) : null;
  return { resources, country, listed };
}

/// One line: its name, how to reach it, its hours, and a mark when no
/// current page confirms it.
export function lineItem(line, ...more) {
  return h(
    "li",
    { "data-kind": line.kind, "data-unconfirmed": String(Boolean(line.unconfirmed)) },
    h("strong", {}, line.name),
    h("span", { class: "contact" }, ` ${line.contact}`),
    h("span", { class: "muted hours" }, ` (${line.hours})`),
    line.unconfirmed ? h("span", { class: "unconfirmed" }, ` ${t.unconfirmed}`) : null,
    ...more,
  );
}

/// The lines of `kind`, in the engine's order (confirmed lines open around
/// the clock first, unconfirmed ones last).
export function linesOf(country, kind) {
  return country.lines.filter((l) => l.kind === kind);
}

/// What a group says when no line of its kind could be confirmed: so, and
/// where to look instead.
export function noLine(mine) {
  const d = mine.resources.international_directory;
  return h("p", { class: "no-line" }, t.noConfirmedLine(countryName(mine.listed)), d ? ` ${d.name}: ${d.contact}` : "");
}

function lineGroup(mine, kind, id) {
  const lines = linesOf(mine.listed, kind);
  const body = lines.length ? h("ul", { class: "lines" }, lines.map((l) => lineItem(l))) : noLine(mine);
  return h("div", { class: "line-group", id }, h("h3", {}, text.safety[kind]), body);
}

/// The emergency number first: the country's, or the note that says to call the local one.
export function emergencyFirst({ resources, listed }) {
  if (!listed) return h("p", { class: "emergency", id: "card-emergency" }, text.safety.emergencyNote);
  return h(
    "div",
    { class: "emergency", id: "card-emergency" },
    listed.emergency_warning ? h("p", { class: "emergency-warning" }, h("strong", {}, listed.emergency_warning.text)) : null,
    h("p", {}, text.safety.emergency(listed.emergency)),
    listed.lead === "not_all_day" ? h("p", { class: "not-all-day" }, t.notAllDay(countryName(listed), listed.emergency)) : null,
    listed.lead === "unconfirmed" ? h("p", { class: "not-all-day" }, t.noConfirmedCrisisLine(countryName(listed), listed.emergency)) : null,
  );
}

/// The international directory, for a country that isn't listed (or not
/// chosen yet), or whose crisis lines could not be confirmed.
export function directory({ resources, country, listed }) {
  const d = resources.international_directory;
  return h(
    "div",
    { class: "directory", id: "directory" },
    h("p", {}, listed ? t.unconfirmedDirectory : country.chosen ? t.notListed : t.noCountry),
    d ? h("p", {}, h("strong", {}, d.name), ` ${d.contact}`) : null,
    d ? h("small", { class: "source" }, text.safety.checked(d.last_checked, d.source)) : null,
  );
}

function planSummary(plan) {
  const parts = [
    ["who_to_call", plan.who_to_call],
    ["calming", plan.calming],
    ["people_places", plan.people_places],
  ].filter(([, value]) => value && value.trim());
  if (!parts.length) return h("p", { id: "card-plan" }, t.planEmpty, " ", h("a", { href: "#/safety-plan" }, t.planMake));
  return h(
    "div",
    { class: "card-plan", id: "card-plan" },
    h("h3", {}, t.planTitle),
    h("dl", {}, parts.flatMap(([key, value]) => [h("dt", {}, text.plan.short[key]), h("dd", {}, value)])),
  );
}

/// Builds the card for `care` ({tier, danger_from_someone}, or null when the
/// person asked for support themselves), in the order the engine lays it out.
async function buildCard(care) {
  const reading = care ? { tier: care.tier, danger_from_someone: Boolean(care.danger_from_someone) } : null;
  const [mine, card] = await Promise.all([personalResources(), api.careCard(reading)]);
  const plan = card.parts.includes("plan") ? await api.safetyPlan() : null;
  const build = {
    emergency: () => emergencyFirst(mine),
    directory: () => directory(mine),
    plan: () => planSummary(plan),
    make_plan: () => h("p", { id: "card-plan" }, t.planEmpty, " ", h("a", { href: "#/safety-plan" }, t.planMake)),
    crisis_lines: () => lineGroup(mine, "crisis", "card-crisis-lines"),
    abuse_lines: () => lineGroup(mine, "domestic_abuse", "card-abuse-lines"),
    grounding: () => h("div", { class: "grounding", id: "card-grounding" }, h("h3", {}, t.groundingTitle), h("p", {}, t.grounding)),
    choose_country: () => h("p", {}, h("a", { href: "#/settings" }, t.chooseCountry)),
    kept: () => h("p", { class: "muted", id: "card-kept" }, t.kept),
  };
  const parts = [h("h2", { id: "crisis-title" }, t.titles[card.kind]), h("p", { id: "card-lead" }, t.leads[card.lead]), ...card.parts.map((part) => build[part]?.())];
  return { parts: parts.filter(Boolean), key: card.kind, planWritten: card.plan_written };
}

// Scrolls the page (never focus) so the card's help shows: its heading,
// lead and first help (the emergency number or a line) at least, the whole
// card when it fits, while what was typed just above it stays in sight.
function bringIntoView(card) {
  const view = window.innerHeight;
  const box = card.getBoundingClientRect();
  const first = card.querySelector("#card-lead")?.nextElementSibling ?? card;
  const needed = Math.min(box.height, Math.max(first.getBoundingClientRect().bottom - box.top + 16, view * 0.6));
  let delta = 0;
  if (box.top < 0) delta = box.top - 16;
  else if (box.top + needed > view) delta = box.top + needed - view;
  if (delta) window.scrollBy({ top: delta, left: 0, behavior: "instant" });
}

function closeCard() {
  const card = document.getElementById("crisis-card");
  if (!card) return;
  // Focus goes back to where the card came from when it was in the card,
  // or nowhere at all (a clicked button in WebKit does not take focus, and
  // removing the card would drop it on the page's body).
  const active = document.activeElement;
  const focusWouldBeLost = card.contains(active) || !active || active === document.body;
  card.remove();
  if (cardFor) closedFor.add(cardFor);
  const back = returnFocusTo;
  returnFocusTo = null;
  if (focusWouldBeLost && back?.isConnected) back.focus();
}

/// Shows the card. `from` is the field (or link) it belongs to: focus goes
/// back there when the card is closed. `takeFocus` only when the person
/// asked for it (the Support link).
export async function showCard(care, { from = null, takeFocus = false } = {}) {
  const { parts, key, planWritten } = await buildCard(care);
  document.getElementById("crisis-card")?.remove();
  const close = h("button", { type: "button", class: "secondary", id: "crisis-close" }, text.safety.cardClose);
  const card = h(
    "aside",
    { class: "card crisis-card", id: "crisis-card", "data-tier": care?.tier ?? "none", "data-danger": String(Boolean(care?.danger_from_someone)), "aria-labelledby": "crisis-title", tabindex: "-1" },
    ...parts,
    h("div", { class: "actions" }, h("a", { href: "#/safety-plan", class: "button-link", id: "card-plan-link" }, planWritten ? t.planLink : t.planMakeLink), h("a", { href: "#/safety", class: "button-link secondary-link" }, text.safety.cardMore), close),
  );
  returnFocusTo = from;
  cardFor = from;
  close.addEventListener("click", closeCard);
  card.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeCard();
  });
  for (const a of card.querySelectorAll("a")) a.addEventListener("click", () => card.remove());
  // Beside the field it belongs to when that is still on the page, else on top.
  const main = document.getElementById("main");
  const banner = document.getElementById("safety-banner");
  const near = from?.isConnected ? from.closest(".field") : null;
  if (near) near.after(card);
  else if (banner) banner.after(card);
  else main.prepend(card);
  bringIntoView(card);
  announce(`${t.titles[key]} ${t.announce}`);
  if (takeFocus) card.focus();
}

/// Offers the card after a save whose answer carried `care`, once per field per visit.
export async function offerCare(care, field) {
  if (!care) return;
  if (field) {
    if (shownFor.has(field)) return;
    shownFor.add(field);
  }
  await showCard(care, { from: field });
}

/// Offers the card after a save that redrew its form, so its `fields` are
/// gone (and a card shown beside them with it): shown on top, unless the
/// person closed the card for one of them on this visit.
export async function offerCareAfterRedraw(care, ...fields) {
  if (!care || fields.some((f) => closedFor.has(f))) return;
  // A card still open stays, unless this reading is more serious: then its
  // layout (emergency first, abuse lines first) must show.
  const open = document.getElementById("crisis-card");
  if (open && severity(care) <= severity({ tier: open.dataset.tier, danger_from_someone: open.dataset.danger === "true" })) return;
  for (const f of fields) shownFor.add(f);
  await showCard(care);
  cardFor = fields[0] ?? null;
}

// How serious a reading is, to choose between two cards.
function severity(care) {
  if (care.danger_from_someone) return 3;
  return { higher: 2, lower: 1 }[care.tier] ?? 0;
}

/// Checks `field` (an input or textarea) when typing pauses.
export function watchField(field) {
  let timer = null;
  field.addEventListener("input", () => {
    clearTimeout(timer);
    if (shownFor.has(field)) return;
    timer = setTimeout(async () => {
      try {
        const care = await api.checkText(field.value);
        await offerCare(care, field);
      } catch {
        // Too long to check: saving says so next to the field.
      }
    }, PAUSE_MS);
  });
  return field;
}

/// The small "Support" link beside a free-text field.
export function supportLink(forId) {
  const link = h("button", { type: "button", class: "link support-link", "data-for": forId, "aria-label": t.supportLabel }, t.support);
  link.addEventListener("click", () => showCard(null, { from: link, takeFocus: true }));
  return link;
}
