// After "I feel the urge": it has been counted; here is something to do instead.

import { api } from "../api.js";
import { announce, h, pageTitle } from "../dom.js";
import { text } from "../strings.js";

const t = text.urge;
let timer = null;

/// `seconds` as the timer shows it: minutes and seconds, "10:00".
function clockFace(seconds) {
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

/// The timer after an urge; how long it runs is the engine's to say.
function timerCard(seconds) {
  const display = h("p", { class: "timer", id: "urge-timer", "aria-hidden": "true" }, clockFace(seconds));
  // Said through the shared announcer (start and end, once each); the
  // running time is not read out every second.
  const status = h("p", { class: "form-status" });
  const button = h("button", { type: "button", class: "secondary", id: "urge-timer-toggle" }, t.timerStart);
  const stop = () => {
    clearInterval(timer);
    timer = null;
    button.textContent = t.timerStart;
    display.textContent = clockFace(seconds);
  };
  button.addEventListener("click", () => {
    if (timer) return stop();
    const ends = Date.now() + seconds * 1000;
    button.textContent = t.timerStop;
    status.textContent = "";
    announce(t.timerStarted);
    timer = setInterval(() => {
      // Left the screen: the timer goes with it.
      if (!display.isConnected) return stop();
      const left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      display.textContent = clockFace(left);
      if (left === 0) {
        stop();
        status.textContent = t.timerDone;
        announce(t.timerDone);
      }
    }, 1000);
  });
  return h(
    "section",
    { class: "card", "aria-labelledby": "timer-title" },
    h("h2", { id: "timer-title" }, t.timerTitle),
    h("p", {}, t.timerLead),
    display,
    h("div", { class: "actions" }, button, status),
  );
}

export async function render({ navigate }) {
  if (timer) {
    clearInterval(timer);
    timer = null;
  }
  const view = await api.noContact();
  return h(
    "div",
    { class: "narrow urge" },
    pageTitle(t.title),
    h("p", { class: "lead" }, t.lead),
    h("p", { id: "urge-count" }, t.count(view.counts.urges_resisted)),
    h(
      "section",
      { class: "card", "aria-labelledby": "instead-title" },
      h("h2", { id: "instead-title" }, t.insteadTitle),
      h("ul", { class: "rules" }, t.instead.map((line) => h("li", {}, line))),
    ),
    timerCard(view.urge_timer_seconds),
    h("button", { type: "button", class: "link", onclick: () => navigate("no-contact") }, t.back),
  );
}
