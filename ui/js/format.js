// Dates and times for display, in the person's own locale and zone.

const dateTime = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/// "Tuesday 17 March, 09:30" (or just "09:30").
export function formatWhen(isoInstant, { timeOnly: justTime = false } = {}) {
  const date = new Date(isoInstant);
  return (justTime ? timeOnly : dateTime).format(date);
}
