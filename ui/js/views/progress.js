// Progress: mood, thoughts, activities and the no-contact streak over 2
// weeks, 3 months or all time. The engine computes every number; this file
// draws them as plain SVG (no library, nothing from the network) and gives
// each chart a table with the same numbers for screen readers.

import { api } from "../api.js";
import { h, pageTitle } from "../dom.js";
import { lang, text } from "../strings.js";
import { choiceGroup } from "../forms.js";

const t = text.progress;
const SVG = "http://www.w3.org/2000/svg";
const W = 640;
const H = 220;
const M = { left: 40, right: 24, top: 14, bottom: 34 };
const KINDS = ["friends", "exercise", "hobby", "other"];

let range = "two_weeks";

/// An SVG element; text goes in as text, never as markup.
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// The engine's dates are calendar days (already in its zone): read and
// shown as UTC midnights, so no zone can move them by a day.
const parseDate = (iso) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};
const fmt = (iso, long) =>
  new Intl.DateTimeFormat(lang.locale, { day: "numeric", month: "short", ...(long ? { year: "numeric" } : {}), timeZone: "UTC" }).format(parseDate(iso));

/// Whole-number ticks from 0 to `max`.
function countTicks(max) {
  if (max <= 5) return Array.from({ length: max + 1 }, (_, i) => i);
  return [0, max / 4, max / 2, (3 * max) / 4, max].filter((v) => Number.isInteger(v));
}

/// A round top for a count axis.
function niceMax(max) {
  if (max <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const f of [1, 2, 2.5, 5, 10]) {
    if (f * magnitude >= max) return f * magnitude;
  }
  return max;
}

/// The frame: y gridlines with labels, x labels at a few dates.
function frame(dates, yMin, yMax, yTicks, long) {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  // Each date owns a band; values sit in its middle, so bars stay inside.
  const band = plotW / Math.max(1, dates.length);
  const x = (i) => M.left + (i + 0.5) * band;
  const y = (v) => M.top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;
  const parts = [];
  for (const v of yTicks) {
    parts.push(s("line", { class: "grid", x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }));
    parts.push(s("text", { class: "tick", x: M.left - 8, y: y(v) + 4, "text-anchor": "end" }, String(v)));
  }
  parts.push(s("line", { class: "axis", x1: M.left, x2: W - M.right, y1: y(yMin), y2: y(yMin) }));
  const labels = Math.min(dates.length, 6);
  const seen = new Set();
  for (let k = 0; k < labels; k++) {
    const i = labels === 1 ? 0 : Math.round((k / (labels - 1)) * (dates.length - 1));
    if (seen.has(i)) continue;
    seen.add(i);
    parts.push(s("text", { class: "tick", x: x(i), y: H - 10, "text-anchor": "middle" }, fmt(dates[i], long)));
  }
  return { parts, x, y, plotW, plotH, band };
}

function svgChart(label, parts) {
  return s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": label, preserveAspectRatio: "xMidYMid meet" }, parts);
}

/// A line through the values, broken at gaps, with a dot on each value.
function lineSeries(values, x, y, cls) {
  const parts = [];
  let run = [];
  const flush = () => {
    if (run.length > 1) parts.push(s("polyline", { class: `line ${cls}`, points: run.map(([i, v]) => `${x(i)},${y(v)}`).join(" ") }));
    run = [];
  };
  values.forEach((v, i) => {
    if (v === null || v === undefined) return flush();
    run.push([i, v]);
  });
  flush();
  if (values.length <= 120) {
    values.forEach((v, i) => {
      if (v !== null && v !== undefined) parts.push(s("circle", { class: `dot ${cls}`, cx: x(i), cy: y(v), r: 3.5 }));
    });
  }
  return parts;
}

function numbersTable(title, headers, rows, id) {
  return h(
    "details",
    { class: "numbers" },
    h("summary", {}, t.showTable),
    h(
      "table",
      { id },
      h("caption", {}, t.tableCaption(title)),
      h("thead", {}, h("tr", {}, headers.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c, i) => (i === 0 ? h("th", { scope: "row" }, c) : h("td", {}, c)))))),
    ),
  );
}

function figure(id, title, chart, note, table) {
  return h(
    "figure",
    { class: "card chart-card", id, "aria-labelledby": `${id}-title` },
    h("figcaption", { id: `${id}-title` }, h("h2", {}, title)),
    chart,
    note ? h("p", { class: "muted chart-note" }, note) : null,
    table,
  );
}

function dailyChart(stats, key, { id, title, empty, yFixed, bars, cls, alt, note = t.gapNote }) {
  const long = stats.range === "all_time";
  const dates = stats.days.map((d) => d.date);
  const values = stats.days.map((d) => d[key]);
  const present = values.filter((v) => v !== null && v !== undefined);
  const rows = stats.days.filter((d) => d[key] !== null && d[key] !== undefined).map((d) => [fmt(d.date, true), String(d[key])]);
  const table = numbersTable(title, [t.dateHeader, t.valueHeader], rows, `${id}-table`);
  if (!present.length) {
    return figure(id, title, h("p", { class: "muted chart-empty" }, empty), null, null);
  }
  const max = yFixed ? yFixed[1] : niceMax(Math.max(...present, 1));
  const min = yFixed ? yFixed[0] : 0;
  const ticks = yFixed ? [1, 2, 3, 4, 5] : countTicks(max);
  const { parts, x, y, band } = frame(dates, min, max, ticks, long);
  if (bars) {
    const width = Math.max(1, Math.min(18, band * 0.7));
    values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const top = v === 0 ? y(0) - 1.5 : y(v);
      parts.push(s("rect", { class: `bar ${cls}`, x: x(i) - width / 2, y: top, width, height: Math.max(1.5, y(0) - top) }));
    });
  } else {
    parts.push(...lineSeries(values, x, y, cls));
  }
  const pairs = rows.length <= 31 ? rows.map(([d, v]) => `${d}: ${v}`) : [];
  const label = alt(t.pointsAlt(pairs), fmt(stats.from, true), fmt(stats.to, true));
  return figure(id, title, svgChart(label, parts), note, table);
}

function weeklyChart(stats) {
  const title = t.activitiesTitle;
  const long = stats.range === "all_time";
  const weeks = stats.weeks;
  const kinds = text.live.kinds;
  const rows = weeks.map((w) => [fmt(w.week_start, true), ...KINDS.map((k) => String(w[k])), String(w.total)]);
  const table = numbersTable(title, [t.weekHeader, ...KINDS.map((k) => kinds[k]), t.totalHeader], rows, "activities-chart-table");
  if (!weeks.some((w) => w.total > 0)) {
    return figure("activities-chart", title, h("p", { class: "muted chart-empty" }, t.noActivitiesYet), null, null);
  }
  const max = niceMax(Math.max(...weeks.map((w) => w.total)));
  const { parts, x, y, band } = frame(weeks.map((w) => w.week_start), 0, max, countTicks(max), long);
  const width = Math.max(1, Math.min(28, band * 0.7));
  weeks.forEach((w, i) => {
    let base = 0;
    for (const k of KINDS) {
      if (!w[k]) continue;
      parts.push(s("rect", { class: `bar kind-${k}`, x: x(i) - width / 2, y: y(base + w[k]), width, height: y(base) - y(base + w[k]) }));
      base += w[k];
    }
  });
  const legend = h(
    "ul",
    { class: "legend" },
    KINDS.map((k) => h("li", {}, h("span", { class: `swatch kind-${k}`, "aria-hidden": "true" }), kinds[k])),
  );
  const pairs = rows.length <= 31 ? weeks.filter((w) => w.total).map((w) => `${fmt(w.week_start, true)}: ${w.total}`) : [];
  const label = t.countAlt(title, t.pointsAlt(pairs), fmt(stats.from, true), fmt(stats.to, true));
  const fig = figure("activities-chart", title, svgChart(label, parts), null, table);
  fig.insertBefore(legend, fig.querySelector("details"));
  return fig;
}

function summaryCard(stats) {
  const sum = stats.summary;
  const lines = [];
  if (sum.thoughts) lines.push(h("li", { id: "summary-thoughts" }, t.thoughtsTrend(sum.thoughts)));
  if (sum.mood) lines.push(h("li", { id: "summary-mood" }, t.moodTrend(sum.mood)));
  if (!sum.thoughts && !sum.mood) lines.push(h("li", {}, t.trendLater));
  lines.push(h("li", { id: "summary-activities" }, t.activitiesSummary(sum.activities)));
  lines.push(h("li", { id: "summary-streak" }, t.streakSummary(sum.current_streak, sum.best_streak)));
  return h(
    "section",
    { class: "card gentle", "aria-labelledby": "summary-title", id: "summary" },
    h("h2", { id: "summary-title" }, t.summaryTitle),
    h("ul", { class: "summary" }, lines),
  );
}

function charts(stats) {
  if (!stats.has_data) {
    return [
      h(
        "section",
        { class: "card", id: "progress-empty" },
        h("p", {}, t.empty),
        h("a", { href: "#/live", class: "button-link" }, t.emptyLink),
      ),
    ];
  }
  return [
    summaryCard(stats),
    dailyChart(stats, "mood", {
      id: "mood-chart",
      title: t.moodTitle,
      empty: t.noMoodYet,
      yFixed: [1, 5],
      cls: "mood",
      alt: (points, from, to) => t.moodAlt(points, from, to),
    }),
    dailyChart(stats, "thoughts", {
      id: "thoughts-chart",
      title: t.thoughtsTitle,
      empty: t.noThoughtsYet,
      bars: true,
      cls: "thoughts",
      alt: (points, from, to) => t.countAlt(t.thoughtsTitle, points, from, to),
    }),
    weeklyChart(stats),
    dailyChart(stats, "streak", {
      id: "streak-chart",
      title: t.streakTitle,
      empty: t.noStreakYet,
      cls: "streak",
      // The streak is counted every day: it has no gaps to explain.
      note: null,
      alt: (points, from, to) => t.countAlt(t.streakTitle, points, from, to),
    }),
  ];
}

export async function render() {
  const area = h("div", { class: "charts", id: "charts" });
  async function draw() {
    area.setAttribute("aria-busy", "true");
    const stats = await api.statistics(range);
    area.replaceChildren(...charts(stats));
    area.dataset.range = stats.range;
    area.setAttribute("aria-busy", "false");
  }
  const picker = choiceGroup("range", t.rangeLegend, Object.entries(t.ranges), range, (value) => {
    range = value;
    draw();
  });
  await draw();
  return h("div", { class: "progress" }, pageTitle(t.title), h("p", { class: "lead" }, t.lead), picker, area);
}
