// The network's legend, built from /api/vocabulary: relation types by family (colour, arrow, the phrase edges
// carry), statuses (line styles), actor kinds (shapes) and the marks of what began or ended in the time window.

import { el } from "./dom.js";
import { networkStatuses, networkTypes } from "./vocab.js";

function line(color, style = "solid", extra = "") {
  const swatch = el("span", { className: `swatch-line${extra}`, "aria-hidden": "true" });
  swatch.style.borderTopColor = color;
  swatch.style.borderTopStyle = style;
  return swatch;
}

function entry(swatch, text, data = {}) {
  return el("li", { dataset: data }, swatch, el("span", { text }));
}

function group(title, items) {
  return el("li", { className: "legend-group" }, el("h3", { text: title }), el("ul", {}, items));
}

function relationGroups(vocab) {
  const families = new Map();
  for (const t of networkTypes(vocab)) {
    if (!families.has(t.family)) families.set(t.family, []);
    const arrow = t.directed ? " →" : "";
    families.get(t.family).push(entry(line(t.color), `${t.label}: “${t.phrase}”${arrow}`, { type: t.name }));
  }
  return [...families].map(([family, items]) => group(family, items));
}

/** Fill the legend list `list` from the vocabulary. */
export function renderLegend(list, vocab) {
  const kinds = vocab.actor_kinds.map((k) => {
    const shape = el("span", { className: `swatch shape-${k.shape}`, "aria-hidden": "true" });
    shape.style.backgroundColor = k.color;
    return entry(shape, k.label, { kind: k.name });
  });
  const statuses = networkStatuses(vocab).map((s) => entry(line("#444", s.line_style), s.label, { status: s.name }));
  const marks = [
    entry(line("#1a9850", "solid", " mark-began"), "began in the time window"),
    entry(line("#d73027", "solid", " mark-ended"), "ended in the time window"),
  ];
  list.replaceChildren(
    ...relationGroups(vocab),
    group("status (line)", statuses),
    group("actors", kinds),
    group("changes", marks),
  );
}
