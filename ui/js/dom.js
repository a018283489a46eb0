// A tiny element builder. Text always goes in as text (never as markup),
// so nothing a person writes can turn into HTML.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2), value);
    } else if (name === "class") {
      el.className = value;
    } else {
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/// `text` with each finding ({start, end, category}, in characters) in a
/// <mark>, as text nodes only: what the engine marked, never markup.
export function markedText(text, findings) {
  const chars = Array.from(text);
  const parts = [];
  let at = 0;
  for (const f of findings) {
    if (f.start < at) continue;
    parts.push(chars.slice(at, f.start).join(""));
    parts.push(h("mark", { "data-category": f.category }, chars.slice(f.start, f.end).join("")));
    at = f.end;
  }
  parts.push(chars.slice(at).join(""));
  return h("p", { class: "draft-text" }, parts);
}

/// The page's heading, focusable so a route change can move focus to it.
export function pageTitle(text) {
  return h("h1", { tabindex: "-1", class: "page-title" }, text);
}

const announcer = () => document.getElementById("announcer");

/// Says a status change out loud to screen readers (and nothing visually).
export function announce(message) {
  const region = announcer();
  if (!region) return;
  region.textContent = "";
  // A fresh text node after a tick makes screen readers repeat equal messages.
  setTimeout(() => {
    region.textContent = message;
  }, 30);
}
