// Dates and times for display, in the person's own locale and in the zone
// the engine counts days in (the shell tells it; the webview's own zone may
// differ).

import { lang } from "./strings.js";

// Formatters are costly to build: one per locale, zone and shape.
const formatters = new Map();

function formatter(justTime) {
  const key = `${lang.locale}|${lang.timeZone}|${justTime}`;
  if (!formatters.has(key)) {
    // One shape of time per locale, here and in formatClock: the locale's
    // own clock (9:14 PM in English, 21:14 in Spanish).
    const options = justTime
      ? { hour: "numeric", minute: "2-digit" }
      : { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit" };
    formatters.set(key, new Intl.DateTimeFormat(lang.locale, { ...options, timeZone: lang.timeZone }));
  }
  return formatters.get(key);
}

/// "Tuesday 17 March, 09:30" (or just "09:30").
export function formatWhen(isoInstant, { timeOnly: justTime = false } = {}) {
  return formatter(justTime).format(new Date(isoInstant));
}

// A wall-clock time the engine keeps as "HH:MM" (a reminder, quiet hours),
// in the same shape as formatWhen's times.
const clocks = new Map();
export function formatClock(hhmm) {
  const [hours, minutes] = String(hhmm).split(":").map(Number);
  if (!Number.isFinite(hours) || !Number.isFinite(minutes)) return String(hhmm);
  if (!clocks.has(lang.locale)) clocks.set(lang.locale, new Intl.DateTimeFormat(lang.locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }));
  return clocks.get(lang.locale).format(new Date(Date.UTC(2000, 0, 1, hours, minutes)));
}
