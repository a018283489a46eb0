// Archived programs: kept as they were, readable, never changed.

import { api } from "../api.js";
import { h, pageTitle } from "../dom.js";
import { formatWhen } from "../format.js";
import { text } from "../strings.js";

const t = text.archive;

// A piece's label in the person's words: the prompt, topic or kind it
// belongs to, as the live screens name it.
function labelOf(item) {
  if (!item.label) return null;
  const named = {
    reflection: () => text.reflect.prompts[item.label]?.[0],
    plan_note: () => text.reachOut.notes[item.label]?.[0],
    moment: () => text.noContact.kinds[item.label],
    activity: () => text.live.kinds[item.label],
    mood: () => text.live.moods[item.label],
  }[item.kind];
  return named?.() ?? null;
}

function writtenSection(written) {
  const kinds = [...new Set(written.map((w) => w.kind))];
  if (!kinds.length) return null;
  return h(
    "section",
    { id: "archived-written", "aria-labelledby": "archived-written-title" },
    h("h3", { id: "archived-written-title" }, t.writtenTitle),
    kinds.map((kind) =>
      h(
        "div",
        { class: "written-group", "data-kind": kind },
        h("h4", {}, t.written[kind]),
        h(
          "ul",
          { class: "plain" },
          written
            .filter((w) => w.kind === kind)
            .map((w) => {
              const label = labelOf(w);
              const when = w.at ? formatWhen(w.at) : null;
              const meta = [label, when].filter(Boolean).join(" · ");
              return h("li", { class: "written" }, meta ? h("p", { class: "muted" }, meta) : null, h("blockquote", { class: "space-text" }, w.text));
            }),
        ),
      ),
    ),
  );
}

function readOne(view, back) {
  const fields = text.movingOn.fields;
  const closure = Object.entries(fields).filter(([field]) => view.closure.notes[field]);
  // The facts come last, and a zero is not worth a line.
  const facts = [view.best_days > 0 ? t.about(view.ex_name || "", view.best_days) : null, view.drafts || view.check_ins ? t.counts(view.drafts, view.check_ins) : null].filter(Boolean);
  return h(
    "article",
    { class: "card archived", id: "archived" },
    h("h2", {}, view.ex_name || ""),
    h("p", { class: "muted" }, t.archivedOn(formatWhen(view.archived_at))),
    view.ending ? h("p", { id: "archived-ending" }, t.endings[view.ending]) : null,
    closure.length
      ? h(
          "section",
          { "aria-labelledby": "archived-closure-title" },
          h("h3", { id: "archived-closure-title" }, t.closureTitle),
          h(
            "dl",
            { id: "archived-closure" },
            closure.flatMap(([field, [label]]) => [h("dt", {}, label), h("dd", { class: "space-text" }, view.closure.notes[field])]),
          ),
        )
      : null,
    writtenSection(view.written),
    facts.length ? h("section", { id: "archived-facts", "aria-labelledby": "archived-facts-title" }, h("h3", { id: "archived-facts-title" }, t.factsTitle), facts.map((f) => h("p", { class: "muted" }, f))) : null,
    h("button", { type: "button", class: "secondary", onclick: back }, t.back),
  );
}

export async function render() {
  const root = h("div", { class: "narrow archive" });
  async function list() {
    const archives = await api.archives();
    root.replaceChildren(
      pageTitle(t.title),
      h("p", { class: "lead" }, t.lead),
      archives.length
        ? h(
            "ul",
            { class: "plain", id: "archives" },
            archives.map((a) =>
              h(
                "li",
                { class: "card" },
                h("p", {}, a.ex_name || "", " · ", t.archivedOn(formatWhen(a.archived_at))),
                h("button", { type: "button", class: "secondary", "data-archive": a.id, onclick: () => open(a.id) }, t.open),
              ),
            ),
          )
        : h("p", { class: "muted", id: "archives" }, t.empty),
    );
  }
  async function open(id) {
    const view = await api.archive(id);
    root.replaceChildren(pageTitle(t.title), readOne(view, list));
    root.querySelector("h1").focus();
  }
  await list();
  return root;
}
