// The side panel: the evidence behind a relation, and an actor's page. Everything from articles is set as
// text (see dom.js).

import { el, words } from "./dom.js";

function span(start, end) {
  if (!start && !end) return "undated";
  return `${start ?? "…"} – ${end ?? "…"}`;
}

/** "claimed by the IJU", "denied by the Taliban", "uncertain", "asserted". */
export function statusText(status, attributedTo) {
  if ((status === "claimed" || status === "denied") && attributedTo) return `${status} by ${attributedTo}`;
  return status;
}

function statusBadge(status, attributedTo) {
  return el("span", { className: `status status-${status}`, text: statusText(status, attributedTo) });
}

/** One evidence sentence with its article: title (linked), outlet, date and status. */
export function evidenceItem(ev) {
  const title = ev.title || ev.doc_id;
  const titleNode = ev.url
    ? el("a", { href: ev.url, text: title, target: "_blank", rel: "noopener noreferrer" })
    : el("span", { text: title });
  return el(
    "li",
    { className: "evidence" },
    el("blockquote", { text: ev.text }),
    el(
      "p",
      { className: "source" },
      titleNode,
      ev.outlet ? el("span", { className: "outlet", text: ev.outlet }) : null,
      el("span", { className: "published", text: ev.published ?? "date unknown" }),
      statusBadge(ev.status, ev.attributed_to),
    ),
  );
}

/** Render /api/relations/{id}/evidence into `container`. */
export function showEvidence(container, data, { onActor }) {
  const r = data.relation;
  const arrow = r.directed ? "→" : "—";
  container.replaceChildren(
    el(
      "h2",
      {},
      el("button", { type: "button", className: "link", text: r.subject_name, onclick: () => onActor(r.subject_id) }),
      ` ${arrow} ${words(r.type)} ${arrow} `,
      r.object_is_place
        ? el("span", { text: r.object_name })
        : el("button", { type: "button", className: "link", text: r.object_name, onclick: () => onActor(r.object_id) }),
    ),
    el(
      "p",
      { className: "meta" },
      `${span(r.start, r.effective_end)} · ${r.n_sources} source${r.n_sources === 1 ? "" : "s"} · `,
      statusBadge(r.status, null),
      r.superseded_by ? ` · ended by relation #${r.superseded_by}` : "",
    ),
    el("ol", { className: "evidence-list" }, data.evidence.map(evidenceItem)),
  );
}

function relationRow(rel, actorId, onRelation, onActor) {
  const outgoing = rel.subject_id === actorId;
  const otherId = outgoing ? rel.object_id : rel.subject_id;
  const otherName = outgoing ? rel.object_name : rel.subject_name;
  const other = rel.object_is_place
    ? el("span", { text: otherName })
    : el("button", { type: "button", className: "link", text: otherName, onclick: () => onActor(otherId) });
  const direction = rel.directed ? (outgoing ? "→" : "←") : "—";
  return el(
    "li",
    { className: "relation" },
    el("button", {
      type: "button",
      className: "link type",
      text: `${direction} ${words(rel.type)}`,
      title: "Show the evidence",
      onclick: () => onRelation(rel.id),
    }),
    " ",
    other,
    el("span", { className: "dates", text: ` ${span(rel.start, rel.effective_end)} ` }),
    statusBadge(rel.status, null),
  );
}

function section(title, items, render) {
  if (!items.length) return null;
  return el("section", { className: "profile-section" }, el("h3", { text: title }), el("ul", {}, items.map(render)));
}

/** One event: date, type, who took part, where, and the sentence. */
export function eventItem(event) {
  const who = event.participants.map((p) => `${p.role}: ${p.name}`).join("; ");
  return el(
    "li",
    { className: "event", dataset: { date: event.date ?? "" } },
    el("span", { className: "date", text: event.date ?? "undated" }),
    el("strong", { text: ` ${words(event.type)}` }),
    event.place ? el("span", { className: "place", text: ` in ${event.place.name}` }) : null,
    who ? el("span", { className: "who", text: ` (${who})` }) : null,
    el("blockquote", { text: event.evidence.text }),
    el(
      "p",
      { className: "source" },
      el("span", { text: event.evidence.title || event.evidence.doc_id }),
      statusBadge(event.status, event.attributed_to),
    ),
  );
}

/** Render /api/actors/{id} into `container`. */
export function showActor(container, profile, { onRelation, onActor }) {
  const a = profile.actor;
  const row = (rel) => relationRow(rel, a.id, onRelation, onActor);
  const placeItem = (link) =>
    el("li", {}, `${words(link.link)} `, el("strong", { text: link.place.name }), ` ${span(link.start, link.end)}`);
  container.replaceChildren(
    el("h2", { text: a.name }),
    el("p", { className: "meta", text: words(a.kind) }),
    a.aliases.length ? el("p", { className: "aliases" }, "Also known as: ", el("span", { text: a.aliases.join(", ") })) : null,
    section("Lineage", profile.lineage, row),
    section("Leaders", profile.leaders, row),
    section("Relations over time", profile.relations, row),
    section("Places", profile.places, placeItem),
    section("Events", profile.events, eventItem),
  );
}
