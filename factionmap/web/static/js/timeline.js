// The timeline: one item per incident (/api/incidents) on a time axis (vis-timeline), following the time window
// of the page: the window is shown, "as of" is a line, incidents after it are greyed. A partial date spans its
// whole month or year. Undated incidents are listed under the axis. Item content is built as elements, never
// as HTML text.

import { Timeline } from "/static/vendor/vis-timeline/vis-timeline-graph2d.esm.min.js";
import { lowerBound, upperBound } from "./dates.js";
import { el, fill } from "./dom.js";
import { labelOf } from "./vocab.js";

const YEAR_MS = 365.25 * 86400000;

function itemContent(incident, vocab) {
  const dot = el("span", { className: "dot", "aria-hidden": "true" });
  dot.style.backgroundColor = vocab.event_types.find((t) => t.name === incident.type)?.color ?? "#555";
  const who = incident.participants.filter((p) => p.actor_id !== null).map((p) => p.name).join(", ");
  const sources = incident.n_sources > 1 ? ` · ${incident.n_sources} sources` : "";
  return el("span", { className: "item-text" }, dot, `${labelOf(vocab.event_types, incident.type)}: ${who}${sources}`);
}

function item(incident, vocab) {
  const start = lowerBound(incident.date);
  const end = upperBound(incident.date);
  const span = start !== end;
  return {
    id: incident.id,
    content: itemContent(incident, vocab),
    start,
    end: span ? `${end}T23:59:59` : undefined,
    type: span ? "range" : "box",
    className: `incident ev-${incident.type}`,
  };
}

/** Create the timeline in `container`; `onPick(incident)` on a click. Returns {show(incidents, window)}. */
export function createTimeline(container, undatedList, vocab, onPick) {
  const timeline = new Timeline(container, [], {
    height: "100%",
    stack: true,
    zoomable: true,
    selectable: true,
    showCurrentTime: false,
    orientation: { axis: "bottom" },
    margin: { item: 4 },
  });
  let byId = new Map();
  timeline.on("select", ({ items }) => {
    if (items.length) onPick(byId.get(items[0]));
  });
  let marker = false;

  function follow(win) {
    if (marker) timeline.removeCustomTime("as-of");
    marker = false;
    if (win.until) {
      timeline.addCustomTime(upperBound(win.until), "as-of");
      marker = true;
    }
    if (win.since && win.since !== win.until) {
      timeline.setWindow(lowerBound(win.since), upperBound(win.until ?? win.since), { animation: false });
    } else if (win.until) {
      const end = Date.parse(upperBound(win.until));
      timeline.setWindow(new Date(end - 3 * YEAR_MS), new Date(end + 0.5 * YEAR_MS), { animation: false });
    } else timeline.fit({ animation: false });
  }

  function show(incidents, win) {
    const dated = incidents.filter((i) => i.date);
    byId = new Map(incidents.map((i) => [i.id, i]));
    const later = (i) => win.until && lowerBound(i.date) > upperBound(win.until);
    timeline.setItems(dated.map((i) => {
      const it = item(i, vocab);
      if (later(i)) it.className += " later";
      return it;
    }));
    const undated = incidents.filter((i) => !i.date);
    undatedList.hidden = undated.length === 0;
    if (undatedList.previousElementSibling) undatedList.previousElementSibling.hidden = undated.length === 0;
    fill(undatedList, undated.map((i) => el("li", {},
      el("button", { type: "button", className: "link", onclick: () => onPick(i) }, itemContent(i, vocab)))));
    follow(win);
    return { dated: dated.length, undated: undated.length };
  }

  return { show, timeline, redraw: () => timeline.redraw() };
}
