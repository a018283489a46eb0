// Starts the UI: picks the screen from the address (#/home, #/settings…),
// keeps the navigation in step, and shows a calm page when the data can't be
// opened. Which screens are reachable follows the engine's overview.

import { api } from "./api.js";
import { h, pageTitle } from "./dom.js";
import { text } from "./strings.js";
import * as welcome from "./views/welcome.js";
import * as profile from "./views/profile.js";
import * as home from "./views/home.js";
import * as settings from "./views/settings.js";
import * as noContact from "./views/no_contact.js";
import * as urge from "./views/urge.js";
import * as safety from "./views/safety.js";
import * as dealbreakers from "./views/dealbreakers.js";
import * as reflect from "./views/reflect.js";
import * as vault from "./views/vault.js";
import { backupList } from "./views/backups.js";

const routes = { welcome, profile, home, settings, "no-contact": noContact, urge, safety, dealbreakers, reflect, vault };
const navItems = [
  ["home", text.nav.home],
  ["dealbreakers", text.nav.dealbreakers],
  ["reflect", text.nav.reflect],
  ["vault", text.nav.vault],
  ["no-contact", text.nav.noContact],
  ["settings", text.nav.settings],
  ["safety", text.nav.safety],
];
// Screens that belong to a step: they show why when the step is locked.
const stepOfRoute = { dealbreakers: "dealbreakers", reflect: "reflect", vault: "too_proud_to_beg", "no-contact": "no_contact", urge: "no_contact" };
// Before the profile exists only these screens make sense; Safety is always there.
const firstRunRoutes = new Set(["welcome", "profile", "safety"]);

function currentRoute() {
  const name = location.hash.replace(/^#\/?/, "");
  return routes[name] ? name : "home";
}

export function navigate(name) {
  if (location.hash === `#/${name}`) {
    render();
  } else {
    location.hash = `#/${name}`;
  }
}

function renderNav(active, full) {
  const nav = document.getElementById("nav");
  nav.hidden = false;
  const list = document.getElementById("nav-links");
  const items = full ? navItems : navItems.filter(([name]) => name === "safety");
  list.replaceChildren(
    ...items.map(([name, label]) =>
      h(
        "li",
        {},
        h("a", { href: `#/${name}`, "aria-current": name === active ? "page" : false }, label),
      ),
    ),
  );
}

function lockedView(step) {
  return {
    render: async () =>
      h(
        "section",
        { class: "card locked", id: "locked" },
        pageTitle(text.steps[step.id].title),
        h("p", {}, text.steps[step.id].purpose),
        h("p", { class: "reason", id: "locked-reason" }, text.lockReason(step.locked)),
      ),
  };
}

function safetyBanner() {
  return h(
    "p",
    { class: "safety-banner", id: "safety-banner", role: "note" },
    text.banner,
    " ",
    h("a", { href: "#/safety" }, text.bannerLink),
  );
}

async function renderFatal(main, error) {
  if (error.kind === "store_corrupt") {
    // The data can't be read: offer the backups, never start empty.
    main.replaceChildren(
      h(
        "section",
        { class: "card fatal", id: "damaged" },
        pageTitle(text.damagedTitle),
        h("p", { role: "alert" }, text.damagedLead),
        await backupList({ damaged: true, onRestored: render }),
      ),
    );
    return;
  }
  const tooNew = error.kind === "store_too_new";
  main.replaceChildren(
    h(
      "section",
      { class: "card fatal", role: "alert", id: tooNew ? "too-new" : "fatal" },
      pageTitle(tooNew ? text.tooNewTitle : text.fatalTitle),
      h("p", {}, error.message || text.genericError),
      h("p", { class: "muted" }, tooNew ? text.tooNewHint : text.fatalHint),
    ),
  );
}

let renderCount = 0;

async function render() {
  const main = document.getElementById("main");
  const ticket = ++renderCount;
  main.setAttribute("aria-busy", "true");
  let overview;
  try {
    overview = await api.overview();
  } catch (error) {
    renderNav(null, false);
    await renderFatal(main, error);
    main.setAttribute("aria-busy", "false");
    return;
  }
  let route = currentRoute();
  if (!overview.has_profile && !firstRunRoutes.has(route)) route = "welcome";
  if (overview.has_profile && route === "welcome") route = "home";
  const step = overview.steps.find((s) => s.id === stepOfRoute[route]);
  const view = step?.status === "locked" ? lockedView(step) : routes[route];
  let content;
  try {
    content = await view.render({ overview, navigate, firstRun: !overview.has_profile });
  } catch (error) {
    await renderFatal(main, error);
    main.setAttribute("aria-busy", "false");
    return;
  }
  // A newer navigation started while this one was loading.
  if (ticket !== renderCount) return;
  renderNav(route, overview.has_profile);
  main.replaceChildren(...(overview.safety_banner ? [safetyBanner()] : []), content);
  main.setAttribute("aria-busy", "false");
  main.dataset.view = route;
  const heading = main.querySelector("h1");
  (heading || main).focus({ preventScroll: true });
  window.scrollTo(0, 0);
  reportReadyOnce();
}

// Tells the app, once per page, that the first screen has drawn real data
// (after the next paint): the signal cold starts are timed by.
let readyReported = false;
function reportReadyOnce() {
  if (readyReported) return;
  readyReported = true;
  requestAnimationFrame(() => requestAnimationFrame(() => api.uiReady().catch(() => {})));
}

// The day count changes at the streak's own time of day; look once a
// minute, and redraw only when the number on screen is out of date.
async function refreshDayCount() {
  const shown = document.querySelector("#day-number, #home-day-number")?.textContent;
  if (shown === undefined) return;
  try {
    const view = await api.noContact();
    if (view.current && String(view.current.days) !== shown) render();
  } catch {
    // The next full render shows any error.
  }
}

// Quick hide: the window disappears at once; Crossroads stays in the tray.
window.addEventListener("keydown", (event) => {
  if (event.ctrlKey && event.shiftKey && event.key.toLowerCase() === "h") {
    event.preventDefault();
    api.quickHide();
  }
});

window.addEventListener("hashchange", render);
setInterval(refreshDayCount, 60_000);
render();
