// Starts the UI: picks the screen from the address (#/home, #/settings…),
// keeps the navigation in step, and shows a calm page when the data can't be
// opened. Which screens are reachable follows the engine's overview.

import { api } from "./api.js";
import { h, pageTitle } from "./dom.js";
import { lockReasons, text } from "./strings.js";
import { armIdleLock, lockScreen } from "./views/privacy.js";
import { unlockLink } from "./next.js";
import { momentCard } from "./moment.js";

// Each screen's module is loaded the first time it is shown, so a start
// reads and compiles only what its first screen needs (index.html preloads
// the home screen's modules; BENCHMARKS.md has the measurement).
const routes = {
  welcome: () => import("./views/welcome.js"),
  profile: () => import("./views/profile.js"),
  home: () => import("./views/home.js"),
  settings: () => import("./views/settings.js"),
  "no-contact": () => import("./views/no_contact.js"),
  urge: () => import("./views/urge.js"),
  safety: () => import("./views/safety.js"),
  dealbreakers: () => import("./views/dealbreakers.js"),
  reflect: () => import("./views/reflect.js"),
  vault: () => import("./views/vault.js"),
  "safety-plan": () => import("./views/safety_plan.js"),
  live: () => import("./views/live.js"),
  journal: () => import("./views/journal.js"),
  progress: () => import("./views/progress.js"),
  "reach-out": () => import("./views/reach_out.js"),
  together: () => import("./views/together.js"),
  "moving-on": () => import("./views/moving_on.js"),
  archive: () => import("./views/archive.js"),
};
// Built at each render, so the labels follow a change of language.
function navItems() {
  const items = [
    ["home", text.nav.home],
    ["dealbreakers", text.nav.dealbreakers],
    ["reflect", text.nav.reflect],
    ["vault", text.nav.vault],
    ["no-contact", text.nav.noContact],
    ["live", text.nav.live],
    ["journal", text.nav.journal],
    ["progress", text.nav.progress],
    ["settings", text.nav.settings],
    ["safety", text.nav.safety],
  ];
  // Steps 5 and 6 and the endings, placed before Settings.
  items.splice(items.findIndex(([name]) => name === "settings"), 0, ["reach-out", text.endingsNav.reachOut], ["together", text.endingsNav.together], ["moving-on", text.endingsNav.movingOn], ["archive", text.endingsNav.archive]);
  return items;
}
// Screens that belong to a step: they show why when the step is locked.
const stepOfRoute = { dealbreakers: "dealbreakers", reflect: "reflect", vault: "too_proud_to_beg", "no-contact": "no_contact", urge: "no_contact" };
stepOfRoute.live = "live_your_life";
Object.assign(stepOfRoute, { "reach-out": "reach_out", together: "better_relationship" });
// Before the profile exists only these screens make sense; Safety is always there.
const firstRunRoutes = new Set(["welcome", "profile", "safety", "safety-plan", "archive"]);

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

// Links the engine's overview makes pointless: steps not offered on this
// path, and the archive while it is empty.
function hiddenRoutes(overview) {
  const hidden = new Set();
  for (const [route, stepId] of Object.entries(stepOfRoute)) {
    const step = overview?.steps.find((s) => s.id === stepId);
    if (step?.locked?.code === "not_offered") hidden.add(route);
  }
  if (!overview?.archived_programs) hidden.add("archive");
  return hidden;
}

function renderNav(active, full, overview, { locked = false } = {}) {
  const nav = document.getElementById("nav");
  nav.hidden = false;
  const list = document.getElementById("nav-links");
  const hidden = hiddenRoutes(overview);
  let items = (full ? navItems() : navItems().filter(([name]) => name === "safety" || name === "archive")).filter(([name]) => !hidden.has(name));
  // Locked: the way back to the lock screen, beside Safety.
  if (locked) items = [["home", text.nav.unlock], ...items];
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
        h("p", { class: "reason", id: "locked-reason" }, lockReasons(step)),
        // Never a dead end: the way to the step or check that opens it.
        unlockLink(step.locked),
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
        await (await import("./views/backups.js")).backupList({ damaged: true, onRestored: render }),
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
const momentScreens = new Set(["home", "no-contact", "live", "progress", "moving-on", "together"]);

// While the data is locked: Safety (the help lines need nothing the
// passphrase seals), the safety plan's sealed notice, and the lock screen.
const lockedRoutes = new Set(["safety", "safety-plan"]);
async function renderLocked(main, ticket) {
  const route = lockedRoutes.has(currentRoute()) ? currentRoute() : "locked";
  let content;
  try {
    content = route === "locked" ? lockScreen(render) : await (await routes[route]()).render({ navigate, locked: true });
  } catch {
    // Whatever Safety could not read, the lock screen is still a way on.
    content = lockScreen(render);
  }
  if (ticket !== renderCount) return;
  renderNav(route === "locked" ? "home" : route, false, null, { locked: true });
  main.replaceChildren(content);
  main.dataset.view = content.id === "lock-screen" ? "locked" : route;
  main.setAttribute("aria-busy", "false");
  if (main.dataset.view !== "locked") {
    (main.querySelector("h1") || main).focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  reportReadyOnce();
}

// Redraws the navigation after a view changed the program in place
// (archiving or erasing it) without leaving its screen.
async function refreshNav() {
  const overview = await api.overview();
  renderNav(currentRoute(), overview.has_profile, overview);
}

async function render() {
  const main = document.getElementById("main");
  const ticket = ++renderCount;
  main.setAttribute("aria-busy", "true");
  let overview;
  try {
    overview = await api.overview();
  } catch (error) {
    renderNav(null, false);
    if (error.kind === "locked") {
      await renderLocked(main, ticket);
      return;
    }
    await renderFatal(main, error);
    main.setAttribute("aria-busy", "false");
    reportReadyOnce();
    return;
  }
  let route = currentRoute();
  if (!overview.has_profile && !firstRunRoutes.has(route)) route = "welcome";
  if (overview.has_profile && route === "welcome") route = "home";
  const step = overview.steps.find((s) => s.id === stepOfRoute[route]);
  let content;
  try {
    const view = step?.status === "locked" ? lockedView(step) : await routes[route]();
    content = await view.render({ overview, navigate, refreshNav, firstRun: !overview.has_profile });
  } catch (error) {
    await renderFatal(main, error);
    main.setAttribute("aria-busy", "false");
    reportReadyOnce();
    return;
  }
  // A milestone or the ending reached: a quiet word on the screens that
  // show the way so far (never on Safety or in the middle of an urge).
  const moment = overview.has_profile && momentScreens.has(route) && step?.status !== "locked" ? await momentCard() : null;
  // A newer navigation started while this one was loading.
  if (ticket !== renderCount) return;
  renderNav(route, overview.has_profile, overview);
  main.replaceChildren(...(overview.safety_banner ? [safetyBanner()] : []), content);
  // Right under the screen's title.
  if (moment) (content.querySelector("h1") ?? content.firstChild)?.after(moment);
  main.setAttribute("aria-busy", "false");
  main.dataset.view = route;
  armIdleLock(render);
  const heading = main.querySelector("h1");
  (heading || main).focus({ preventScroll: true });
  window.scrollTo(0, 0);
  reportReadyOnce();
}

// Tells the app, once per page, that the first screen has drawn (after the
// next paint): the signal cold starts are timed by, and the one the start
// backup and the notifier's first round wait for. The lock screen and the
// calm error page count: they are what this start draws.
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
