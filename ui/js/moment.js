// A quiet word in the window when a milestone (day 7, 14 or 30) or the
// ending is reached: not a notification, not a celebration; one card, kind
// and brief, closed with "Thank you". Which moment is due, and that it
// shows once, is the engine's to say.

import { api } from "./api.js";
import { announce, h } from "./dom.js";
import { text } from "./strings.js";

function words(moment) {
  const t = text.moments;
  if (moment.kind === "ending") return t.ending[moment.ending];
  return (moment.moving_on ? t.movingOn : t.milestone)[moment.days];
}

/// The card for the moment due now, or null (also when it can't be read).
export async function momentCard() {
  let moment;
  try {
    moment = await api.moment();
  } catch {
    return null;
  }
  if (!moment) return null;
  const [title, body] = words(moment) ?? [];
  if (!title) return null;
  const card = h(
    "section",
    { class: "card moment", id: "moment", "data-moment": moment.kind === "ending" ? moment.ending : String(moment.days), "aria-label": text.moments.label },
    h("h2", { id: "moment-title" }, title),
    h("p", {}, body),
  );
  const close = h("button", { type: "button", class: "secondary", id: "moment-close" }, text.moments.close);
  close.addEventListener("click", async () => {
    try {
      await api.acknowledgeMoment(moment);
    } catch {
      // Shown again next time: nothing is lost by that.
    }
    const next = await momentCard();
    if (next) {
      card.replaceWith(next);
      next.querySelector("button")?.focus();
    } else {
      card.remove();
      document.querySelector("#main h1")?.focus();
    }
  });
  card.append(h("div", { class: "actions" }, close));
  announce(title);
  return card;
}
