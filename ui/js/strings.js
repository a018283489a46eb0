// Every word the UI shows comes from one catalog per language
// (ui/i18n/<language>.json: en, es, pt-BR, de, fr), which the Rust shell also reads for
// the tray, notifications and error messages. The shell hands the person's
// catalog over with `get_words`; this module fills `text` with it before the
// first render, so views keep reading `text.a.b` for plain words. Entries
// with numbers or names in them are the small functions below: they pick the
// language's plural form and fill the `{placeholders}`.
// Only wording lives here: which step is open, and why, comes from the engine.

import { api } from "./api.js";

/// The words of the current language, in the catalog's shape.
export const text = {};

/// The current language ("en", "es", "pt-BR", "de" or "fr"), the locale for Intl, and the zone
/// the engine counts days in (dates are shown in that zone, not the
/// webview's).
export const lang = { language: "en", locale: "en", timeZone: "UTC" };

let words = {};
let pluralRules = new Intl.PluralRules("en");

function lookup(key) {
  const value = key.split(".").reduce((node, part) => (node == null ? undefined : node[part]), words);
  if (value === undefined) throw new Error(`missing word: ${key}`);
  return value;
}

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/// The entry at `key`, with `{name}` placeholders filled from `params`; a
/// plural entry (`{one, other}`) is picked by `params.count`.
export function t(key, params = {}) {
  let value = lookup(key);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    value = value[pluralRules.select(params.count)] ?? value.other;
  }
  return fill(value, params);
}

/// A listed country's name in the person's language (the help-line data
/// names it in English), by its ISO code.
export function countryName(country) {
  try {
    return new Intl.DisplayNames([lang.locale], { type: "region" }).of(country.code) || country.name;
  } catch {
    return country.name;
  }
}

/// A number in the person's locale.
export function number(n) {
  return new Intl.NumberFormat(lang.locale).format(n);
}

// "today", "yesterday", "3 days ago".
function ago(days) {
  if (days === 0) return t("ago.today");
  if (days === 1) return t("ago.yesterday");
  return t("ago.days", { count: days });
}

// The entries that take arguments. Same names and arguments as the plain
// entries they replace, so view code calls them as before.
const calls = {
  home: {
    about: (days, endedBy) => t("home.about.sentence", { who: t(`home.about.who.${endedBy}`), when: ago(days) }),
  },
  step: (number) => (number ? t("step.number", { number }) : t("step.before")),
  lockReason(reason) {
    switch (reason.code) {
      case "needs_profile":
        return t("lockReason.needs_profile");
      case "needs_step":
        return t("lockReason.needs_step", { step: text.steps[reason.step].title });
      case "needs_no_contact_days":
        return reason.remaining >= reason.required
          ? t("lockReason.needs_no_contact_days_start", { required: reason.required })
          : t("lockReason.needs_no_contact_days", { required: reason.required, count: reason.remaining });
      case "needs_no_looking_days":
        return text.lockNoLooking(reason);
      case "needs_reach_out_outcome":
        return t("lockReason.needs_reach_out_outcome");
      case "not_offered":
        if (reason.why === "hurt_them") return t("lockReason.not_offered_hurt_them");
        return reason.why === "abuse" ? t("lockReason.not_offered_abuse") : t("lockReason.not_offered");
      default:
        return t("lockReason.default");
    }
  },
  lockNoLooking: (reason) =>
    reason.remaining >= reason.required
      ? t("lockNoLooking.start", { required: reason.required })
      : t("lockNoLooking.remaining", { required: reason.required, count: reason.remaining }),
  settings: {
    version: (version) => t("settings.version", { version }),
  },
  noContact: {
    daysUnit: (count) => t("noContact.daysUnit", { count }),
    since: (when) => t("noContact.since", { when }),
    best: (count) => t("noContact.best", { count }),
    next: (days, when) => t("noContact.next", { days, when }),
    slipLogged: (count) => t("noContact.slipLogged", { count }),
    historyItem: (count, ended, how) => t("noContact.historyItem", { count, ended, how }),
    undoneItem: (kind, at, undone) => t("noContact.undoneItem", { kind, at, undone }),
    counts: (c) =>
      t("noContact.counts", {
        urges: c.urges_resisted,
        looking: c.looking_slips,
        they: c.they_contacted,
        necessary: c.necessary_contact ?? 0,
      }),
  },
  urge: { count: (count) => t("urge.count", { count }) },
  safety: {
    emergency: (number) => t("safety.emergency", { number }),
    checked: (date, source) => t("safety.checked", { date, source }),
    hoursChecked: (date, source) => t("safety.hoursChecked", { date, source }),
  },
  reflect: { recent: (days) => t("reflect.recent", { when: ago(days) }) },
  backups: {
    counts: (records, drafts, events) =>
      t("backups.counts.sentence", {
        records: t("backups.counts.records", { count: records }),
        drafts: t("backups.counts.drafts", { count: drafts }),
        events: t("backups.counts.events", { count: events }),
      }),
    confirm: (what, damaged) => t(damaged ? "backups.confirm.damaged" : "backups.confirm.kept", { what }),
  },
  live: {
    thoughtsToday: (count) => (count === 0 ? t("live.thoughtsToday.none") : t("live.thoughtsToday.some", { count })),
    thoughtCounted: (count) => t("live.thoughtCounted", { count }),
    moodToday: (score) => t("live.moodToday", { mood: text.live.moods[score] }),
    editLabel: (kind) => t("live.editLabel", { kind }),
    removeLabel: (kind) => t("live.removeLabel", { kind }),
    reminderAt: (time) => t("live.reminderAt", { time }),
  },
  journal: {
    matched: (n, count) => t("journal.matched", { n, count }),
    edited: (when) => t("journal.edited", { when }),
  },
  progress: {
    thoughtsTrend: (trend) => t(`progress.thoughtsTrend.${trend.direction}`, trendParams(trend)),
    moodTrend: (trend) => t(`progress.moodTrend.${trend.direction}`, trendParams(trend)),
    activitiesSummary: (count) => t("progress.activitiesSummary", { count }),
    streakSummary: (current, best) =>
      current === null || current === undefined
        ? t("progress.streakSummary.none")
        : t("progress.streakSummary.some", { current, count: best }),
    tableCaption: (title) => t("progress.tableCaption", { title }),
    moodAlt: (points, from, to) => t("progress.moodAlt", { points, from, to }),
    countAlt: (what, points, from, to) => t("progress.countAlt", { what, points, from, to }),
    pointsAlt: (pairs) => (pairs.length ? t("progress.pointsAlt.list", { items: pairs.join("; ") }) : t("progress.pointsAlt.none")),
  },
  reachOut: {
    history: (count) => t("reachOut.history", { count }),
    careCheck: { waitUntil: (when) => t("reachOut.careCheck.waitUntil", { when }) },
  },
  together: {
    addLabel: (title) => t("together.addLabel", { title }),
    removeLabel: (text) => t("together.removeLabel", { text }),
    nextCheckIn: (when) => t("together.nextCheckIn", { when }),
    cooldownStart: (minutes) => t("together.cooldownStart", { minutes }),
    cooldownLeft: (s) => t("together.cooldownLeft", { time: `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}` }),
  },
  movingOn: { eraseLead: (word) => t("movingOn.eraseLead", { word }) },
  yourData: {
    exported: (path) => t("yourData.exported", { path }),
    imported: (count, when) => t("yourData.imported", { count, when }),
    eraseLabel: (word) => t("yourData.eraseLabel", { word }),
  },
  archive: {
    archivedOn: (when) => t("archive.archivedOn", { when }),
    about: (name, count) => t("archive.about", { name, count }),
    counts: (drafts, checkIns) =>
      t("archive.counts.sentence", {
        drafts: t("archive.counts.drafts", { count: drafts }),
        checkIns: t("archive.counts.checkIns", { count: checkIns }),
      }),
  },
  homeEndings: {
    daysUnit: (count) => t("homeEndings.daysUnit", { count }),
    archives: (count) => t("homeEndings.archives", { count }),
  },
  care: {
    notAllDay: (country, emergency) => t("care.notAllDay", { country, emergency }),
    noConfirmedCrisisLine: (country, emergency) => t("care.noConfirmedCrisisLine", { country, emergency }),
    noConfirmedLine: (country) => t("care.noConfirmedLine", { country }),
  },
};

function trendParams(trend) {
  return { from: number(trend.from), to: number(trend.to), weeks: t("progress.weeks", { count: trend.weeks }) };
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// Copies `source` into `target` in place: views keep `const t = text.vault`
// from their first import, so a language switch must refill those same
// objects rather than replace them.
function refill(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (isObject(value) && isObject(target[key])) {
      refill(target[key], value);
    } else if (isObject(value)) {
      target[key] = refill({}, value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

/// Takes the shell's answer to `get_words` and makes it the current language.
export function useWords(answer) {
  words = answer.words;
  lang.language = answer.language;
  lang.locale = answer.locale;
  lang.timeZone = answer.time_zone;
  // The plural rules of the language the catalog was written in (pt-BR says
  // "0 dia" even where the dates follow pt-PT), as the shell picks them.
  pluralRules = new Intl.PluralRules(answer.language);
  refill(text, words);
  refill(text, calls);
  document.documentElement.lang = answer.language;
  const skip = document.querySelector(".skip-link");
  if (skip) skip.textContent = text.skipLink;
  document.getElementById("nav")?.setAttribute("aria-label", text.page.navLabel);
  const loading = document.querySelector("#main > .loading");
  if (loading) loading.textContent = text.page.loading;
}

/// Loads the person's words from the shell. Every view needs them, so this
/// module waits for them before anything renders.
export async function loadWords() {
  useWords(await api.words());
}

await loadWords();

/// Everything a locked step still waits for, the first reason first.
export function lockReasons(step) {
  // Each reason is a sentence of its own.
  return [step.locked, ...(step.also_needed ?? [])].map((r) => text.lockReason(r)).join(" ");
}
