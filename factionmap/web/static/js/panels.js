// The side panel: the evidence behind a relation, an incident's sources, and an actor's page. Everything from
// articles is set as text (see dom.js); sections with nothing in them are left out, never printed as "null".

import { el, fill } from "./dom.js";
import { byName, labelOf } from "./vocab.js";

function span(start, end) {
  if (!start && !end) return "undated";
  return `${start ?? "…"} – ${end ?? "…"}`;
}

function percent(confidence) {
  return `confidence ${Math.round(100 * confidence)}%`;
}

/** "claimed by the IJU", "denied by the Taliban", "uncertain", "asserted". */
export function statusText(status, attributedTo) {
  if ((status === "claimed" || status === "denied") && attributedTo) return `${status} by ${attributedTo}`;
  return status;
}

function statusBadge(status, attributedTo) {
  return el("span", { className: `status status-${status}`, text: statusText(status, attributedTo) });
}

/** A link to an article when its URL is http(s), else its title as text. */
export function articleTitle(title, url) {
  return url
    ? el("a", { href: url, text: title, target: "_blank", rel: "noopener noreferrer" })
    : el("span", { text: title });
}

/** One evidence sentence with its article: title (linked), outlet, date and status. */
export function evidenceItem(ev) {
  return el(
    "li",
    { className: "evidence" },
    el("blockquote", { text: ev.text }),
    el(
      "p",
      { className: "source" },
      articleTitle(ev.title || ev.doc_id, ev.url),
      ev.outlet ? el("span", { className: "outlet", text: ev.outlet }) : null,
      el("span", { className: "published", text: ev.published ?? "date unknown" }),
      statusBadge(ev.status, ev.attributed_to),
    ),
  );
}

function actorButton(name, id, onActor) {
  return el("button", { type: "button", className: "link", text: name, onclick: () => onActor(id) });
}

/** Render /api/relations/{id}/evidence into `container`. */
export function showEvidence(container, data, vocab, { onActor }) {
  const r = data.relation;
  const type = byName(vocab.relation_types)[r.type];
  const phrase = type?.phrase ?? labelOf(vocab.relation_types, r.type);
  const sources = `${r.n_sources} source${r.n_sources === 1 ? "" : "s"}`;
  fill(
    container,
    el(
      "h2",
      {},
      actorButton(r.subject_name, r.subject_id, onActor),
      ` ${phrase} `,
      r.object_is_place ? el("span", { text: r.object_name }) : actorButton(r.object_name, r.object_id, onActor),
    ),
    el(
      "p",
      { className: "meta" },
      `${span(r.start, r.effective_end)} · ${sources} · ${percent(r.confidence)} · `,
      statusBadge(r.status, null),
      r.superseded_by ? ` · ended by relation #${r.superseded_by}` : "",
    ),
    el("ol", { className: "evidence-list" }, data.evidence.map(evidenceItem)),
  );
}

function relationRow(rel, actorId, vocab, { onRelation, onActor }) {
  const outgoing = rel.subject_id === actorId;
  const otherId = outgoing ? rel.object_id : rel.subject_id;
  const otherName = outgoing ? rel.object_name : rel.subject_name;
  const other = rel.object_is_place ? el("span", { text: otherName }) : actorButton(otherName, otherId, onActor);
  const type = byName(vocab.relation_types)[rel.type];
  const phrase = type?.phrase ?? labelOf(vocab.relation_types, rel.type);
  const arrow = rel.directed ? (outgoing ? "→" : "←") : "—";
  const text = `${arrow} ${!rel.directed || outgoing ? phrase : labelOf(vocab.relation_types, rel.type)}`;
  return el(
    "li",
    { className: "relation" },
    el("button", { type: "button", className: "link type", text, title: "Show the evidence",
      onclick: () => onRelation(rel.id) }),
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

function who(participants) {
  return participants.map((p) => `${p.role}: ${p.name}`).join("; ");
}

/** One event: date, type, who took part, where, and the sentence. */
export function eventItem(event, vocab) {
  const people = who(event.participants);
  return el(
    "li",
    { className: "event", dataset: { date: event.date ?? "" } },
    el("span", { className: "date", text: event.date ?? "undated" }),
    el("strong", { text: ` ${labelOf(vocab.event_types, event.type)}` }),
    event.place ? el("span", { className: "place", text: ` in ${event.place.name}` }) : null,
    people ? el("span", { className: "who", text: ` (${people})` }) : null,
    el("blockquote", { text: event.evidence.text }),
    el(
      "p",
      { className: "source" },
      articleTitle(event.evidence.title || event.evidence.doc_id, event.evidence.url),
      statusBadge(event.status, event.attributed_to),
    ),
  );
}

/** Render one incident of /api/incidents: what, when, where, who, and every sentence that tells it. */
export function showIncident(container, incident, vocab) {
  const sources = `${incident.n_sources} source${incident.n_sources === 1 ? "" : "s"}`;
  fill(
    container,
    el("h2", { text: `${labelOf(vocab.event_types, incident.type)} · ${incident.date ?? "undated"}` }),
    el(
      "p",
      { className: "meta" },
      incident.place ? `${incident.place.name} · ` : "",
      `${sources} · `,
      statusBadge(incident.status, null),
    ),
    who(incident.participants) ? el("p", { text: who(incident.participants) }) : null,
    el("ol", { className: "evidence-list" }, incident.evidence.map(evidenceItem)),
  );
}

/** Render /api/actors/{id} into `container`, with buttons to focus the network on its neighbourhood. */
export function showActor(container, profile, vocab, handlers) {
  const a = profile.actor;
  const row = (rel) => relationRow(rel, a.id, vocab, handlers);
  const placeItem = (link) =>
    el("li", {}, `${labelOf(vocab.relation_types, link.link)} `, el("strong", { text: link.place.name }),
      ` ${span(link.start, link.end)}`);
  const focus = (depth, text) =>
    el("button", { type: "button", className: "focus", dataset: { depth: String(depth) }, text,
      onclick: () => handlers.onFocus(a.id, depth) });
  fill(
    container,
    el("h2", { text: a.name }),
    el("p", { className: "meta", text: labelOf(vocab.actor_kinds, a.kind) }),
    a.aliases.length ? el("p", { className: "aliases" }, "Also known as: ", el("span", { text: a.aliases.join(", ") })) : null,
    el("p", { className: "focus-bar" }, "Network: ", focus(1, "Focus: 1 step"), " ", focus(2, "2 steps")),
    section("Lineage", profile.lineage, row),
    section("Leaders", profile.leaders, row),
    section("Relations over time", profile.relations, row),
    section("Places", profile.places, placeItem),
    section("Events", profile.events, (event) => eventItem(event, vocab)),
  );
}
