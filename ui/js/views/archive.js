// Archived programs: kept as they were, readable, never changed.

import { api } from "../api.js";
import { h, pageTitle } from "../dom.js";
import { formatWhen } from "../format.js";
import { text } from "../strings.js";

const t = text.archive;

function readOne(view, back) {
  const fields = text.movingOn.fields;
  return h(
    "article",
    { class: "card archived", id: "archived" },
    h("h2", {}, view.ex_name || ""),
    h("p", { class: "muted" }, t.archivedOn(formatWhen(view.archived_at))),
    h("p", {}, t.about(view.ex_name || "", view.best_days)),
    view.ending ? h("p", { id: "archived-ending" }, t.endings[view.ending]) : null,
    h("p", { class: "muted" }, t.counts(view.drafts, view.check_ins)),
    h(
      "dl",
      { id: "archived-closure" },
      Object.entries(fields)
        .filter(([field]) => view.closure.notes[field])
        .flatMap(([field, [label]]) => [h("dt", {}, label), h("dd", { class: "space-text" }, view.closure.notes[field])]),
    ),
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
