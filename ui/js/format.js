// Dates and times for display, in the person's own locale and in the zone
// the engine counts days in (the shell tells it; the webview's own zone may
// differ).

import { lang } from "./strings.js";

// Formatters are costly to build: one per locale, zone and shape.
const formatters = new Map();

function formatter(justTime) {
  const key = `${lang.locale}|${lang.timeZone}|${justTime}`;
  if (!formatters.has(key)) {
    const options = justTime
      ? { hour: "2-digit", minute: "2-digit" }
      : { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" };
    formatters.set(key, new Intl.DateTimeFormat(lang.locale, { ...options, timeZone: lang.timeZone }));
  }
  return formatters.get(key);
}

/// "Tuesday 17 March, 09:30" (or just "09:30").
export function formatWhen(isoInstant, { timeOnly: justTime = false } = {}) {
  return formatter(justTime).format(new Date(isoInstant));
}
