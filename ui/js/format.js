// Dates and times for display, in the person's own locale and in the zone
// the engine counts days in (the shell tells it; the webview's own zone may
// differ).

import { lang } from "./strings.js";

/// "Tuesday 17 March, 09:30" (or just "09:30").
export function formatWhen(isoInstant, { timeOnly: justTime = false } = {}) {
  const date = new Date(isoInstant);
  const options = justTime
    ? { hour: "2-digit", minute: "2-digit" }
    : { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" };
  return new Intl.DateTimeFormat(lang.locale, { ...options, timeZone: lang.timeZone }).format(date);
}
