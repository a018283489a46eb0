// Date and time fields in the person's locale. WebKitGTK's own date and
// time inputs keep one format (mm/dd/yyyy, a 12-hour clock) whatever the
// language, so these are text fields that read and show the locale's order
// and clock ("31/12/2026 21:30" in Spanish, "12/31/2026 9:30 PM" in
// English). The engine still receives ISO ("2026-12-31T21:30"); what it
// can't read it refuses with its own message by the field. ISO typed as
// such is read too.

import { h } from "./dom.js";
import { lang, text } from "./strings.js";

// The locale's order of day, month and year, its separator and its clock.
function shape(locale = lang.locale) {
  const parts = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).formatToParts(new Date(Date.UTC(2006, 10, 22)));
  const order = parts.filter((p) => ["day", "month", "year"].includes(p.type)).map((p) => p.type);
  const sep = parts.find((p) => p.type === "literal")?.value.trim() || "/";
  const hour12 = new Intl.DateTimeFormat(locale, { hour: "numeric" }).resolvedOptions().hourCycle?.startsWith("h1") ?? false;
  return { order, sep, hour12 };
}

const pad = (n) => String(n).padStart(2, "0");

/// "dd/mm/aaaa", "mm/dd/yyyy hh:mm", in the person's words.
export function pattern(kind) {
  const { order, sep, hour12 } = shape();
  const w = text.dates;
  const date = order.map((p) => w[p]).join(sep);
  const time = hour12 ? `${w.hour}:${w.minute} ${w.ampm}` : `${w.hour}:${w.minute}`;
  return kind === "date" ? date : kind === "time" ? time : `${date} ${time}`;
}

function clockText(hours, minutes) {
  return new Intl.DateTimeFormat(lang.locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(new Date(Date.UTC(2000, 0, 1, hours, minutes)));
}

/// An ISO value ("2026-12-31", "21:30", "2026-12-31T21:30[:ss]") as the locale writes it.
export function display(iso, kind) {
  if (!iso) return "";
  const { order, sep } = shape();
  const m = String(iso).match(/^(?:(\d{4})-(\d{2})-(\d{2}))?T?(?:(\d{2}):(\d{2}))?/);
  if (!m) return String(iso);
  const [, y, mo, d, hh, mi] = m;
  const date = y ? order.map((p) => ({ day: d, month: mo, year: y })[p]).join(sep) : "";
  const time = hh !== undefined ? clockText(Number(hh), Number(mi)) : "";
  if (kind === "date") return date;
  if (kind === "time") return time || String(iso);
  return [date, time].filter(Boolean).join(" ");
}

// "9:30 PM", "21:30", "9.30 p. m." -> [21, 30]; null when it isn't a time.
function readClock(textValue) {
  const m = textValue.match(/(\d{1,2})\s*[:.h]\s*(\d{2})(?::\d{2})?\s*([ap])?\.?\s*m?\.?/i);
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const marker = m[3]?.toLowerCase();
  if (marker === "p" && hours < 12) hours += 12;
  if (marker === "a" && hours === 12) hours = 0;
  return [hours, minutes];
}

/// What was typed, as ISO for the engine (or as typed, for the engine to refuse).
export function toIso(value, kind) {
  const typed = String(value ?? "").trim();
  if (!typed) return "";
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(typed) || /^\d{2}:\d{2}$/.test(typed)) return typed;
  if (kind === "time") {
    const clock = readClock(typed);
    return clock ? `${pad(clock[0])}:${pad(clock[1])}` : typed;
  }
  const numbers = typed.match(/\d+/g) ?? [];
  if (numbers.length < 3) return typed;
  // The locale's order; when its year's place holds no four-digit year but
  // the language's own order does, that one (the messages' examples are
  // written in the language's order: "14/03/2026" typed where fr-CA shows
  // 2026-03-14).
  const fourDigitYear = (order) => numbers[order.indexOf("year")]?.length === 4;
  let { order } = shape();
  const own = shape(lang.language).order;
  if (!fourDigitYear(order) && fourDigitYear(own)) order = own;
  const date = Object.fromEntries(order.map((p, i) => [p, numbers[i]]));
  let year = date.year;
  if (year.length === 2) year = `20${year}`;
  const iso = `${year.padStart(4, "0")}-${pad(date.month)}-${pad(date.day)}`;
  if (kind === "date") return iso;
  const rest = typed.slice(typed.indexOf(numbers[2]) + numbers[2].length);
  const clock = readClock(rest);
  return clock ? `${iso}T${pad(clock[0])}:${pad(clock[1])}` : typed;
}

/// A text field for a date ("date"), a time ("time") or both ("datetime"),
/// showing `iso` in the locale; read it with `toIso(field.value, kind)`.
export function dateField(attrs, kind, iso = "") {
  return h("input", { type: "text", inputmode: kind === "time" ? "text" : "text", autocomplete: "off", spellcheck: "false", placeholder: pattern(kind), value: display(iso, kind), "data-date-kind": kind, ...attrs });
}
