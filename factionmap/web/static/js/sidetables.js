// The side panel's tables: relations the network shows (with confidence, sources and dates), incidents of the
// time window, and the documents in the store with what was extracted from each.

import { el } from "./dom.js";
import { articleTitle } from "./panels.js";
import { createTable } from "./tables.js";
import { labelOf } from "./vocab.js";

function link(text, onclick) {
  return el("button", { type: "button", className: "link", text, onclick: (event) => {
    event.stopPropagation();
    onclick();
  } });
}

/** Create the three tables; returns {relations(rows), events(incidents), documents(docs)}, each redrawing one. */
export function createTables({ vocab, onRelation, onActor, onIncident }) {
  const relations = createTable(document.getElementById("relations-table"), {
    name: "relations",
    onRow: (row) => onRelation(row.id),
    sortKey: "sources",
    descending: true,
    columns: [
      { key: "subject", label: "Subject", value: (r) => r.subject, cell: (r) => link(r.subject, () => onActor(r.subjectId)) },
      { key: "type", label: "Relation", value: (r) => labelOf(vocab.relation_types, r.type) },
      { key: "object", label: "Object", value: (r) => r.object, cell: (r) => link(r.object, () => onActor(r.objectId)) },
      { key: "start", label: "From", value: (r) => r.start },
      { key: "end", label: "To", value: (r) => r.end },
      { key: "change", label: "Change", value: (r) => r.change },
      { key: "status", label: "Status", value: (r) => r.status },
      { key: "confidence", label: "Conf.", value: (r) => r.confidence, cell: (r) => `${r.confidence}%` },
      { key: "sources", label: "Sources", value: (r) => r.sources },
    ],
  });
  const events = createTable(document.getElementById("events-table"), {
    name: "incidents",
    onRow: onIncident,
    columns: [
      { key: "date", label: "Date", value: (i) => i.date },
      { key: "type", label: "Type", value: (i) => labelOf(vocab.event_types, i.type) },
      { key: "who", label: "Who", value: (i) => i.participants.map((p) => p.name).join(", ") },
      { key: "place", label: "Place", value: (i) => i.place?.name ?? "" },
      { key: "sources", label: "Sources", value: (i) => i.n_sources },
    ],
  });
  const documents = createTable(document.getElementById("documents-table"), {
    name: "documents",
    sortKey: "published",
    descending: true,
    columns: [
      { key: "title", label: "Title", value: (d) => d.title || d.doc_id, cell: (d) => articleTitle(d.title || d.doc_id, d.url) },
      { key: "outlet", label: "Outlet", value: (d) => d.outlet ?? "" },
      { key: "published", label: "Date", value: (d) => d.published },
      { key: "extracted", label: "Extracted", value: (d) => d.relations + d.events,
        cell: (d) => `${d.relations} relation${d.relations === 1 ? "" : "s"}, ${d.events} event${d.events === 1 ? "" : "s"}` },
      { key: "actors", label: "Actors", value: (d) => d.actors.map((a) => a.name).join(", ") },
    ],
  });
  return { relations: relations.update, events: events.update, documents: documents.update };
}
