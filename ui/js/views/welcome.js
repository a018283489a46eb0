// First run: what Crossroads is, and the privacy promise in plain words.

import { h, pageTitle } from "../dom.js";
import { text } from "../strings.js";
import { importControls } from "./your_data.js";

export async function render({ navigate }) {
  const t = text.welcome;
  return h(
    "div",
    { class: "welcome" },
    h("img", { class: "welcome-mark", src: "brand.svg", alt: "", width: 72, height: 72 }),
    pageTitle(t.title),
    h("p", { class: "lead" }, t.lead),
    h(
      "section",
      { class: "card privacy", "aria-labelledby": "privacy-title" },
      h("h2", { id: "privacy-title" }, t.privacyTitle),
      h("ul", { class: "promise" }, t.privacy.map((line) => h("li", {}, line))),
    ),
    h("button", { type: "button", class: "primary", id: "begin", onclick: () => navigate("profile") }, t.begin),
    h("details", { class: "export-first", id: "welcome-import" }, h("summary", {}, t.importFromOther), importControls(async () => navigate("home"))),
  );
}
