// The timeline: events of the current selection in date order; those after "as of" are greyed.

import { el } from "./dom.js";
import { happenedBy } from "./dates.js";
import { eventItem } from "./panels.js";

/** Render `events` (already in date order) into the list; `label` says whose events they are. */
export function renderTimeline(list, status, events, asOf, label) {
  status.textContent = `${events.length} event${events.length === 1 ? "" : "s"} · ${label}`;
  list.replaceChildren(
    ...events.map((event) => {
      const item = eventItem(event);
      if (asOf && !happenedBy(event.date, asOf)) item.classList.add("later");
      return item;
    }),
  );
  if (!events.length) list.append(el("li", { className: "hint", text: "No events." }));
}
