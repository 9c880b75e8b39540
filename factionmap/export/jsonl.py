"""JSON Lines of extraction records (shared/eval/FORMAT.md), one per stored document, rebuilt from the store.

The store keeps each document's text, every evidence row of every relation (with its own dates, status,
attribution and confidence), every event, and every place mention, so the records come back nearly whole. What
the store does not keep, and the records therefore lack (docs/exports.md):

* actors a document names without any relation or event (the store does not link actors to documents);
* each document's own aliases of an actor: an actor carries every alias the store has seen for it;
* the record's local ids and order: actors are ``a<store id>`` and places ``p<store id>`` (the same in every
  record), listed in store order;
* relations of an actor with itself, which the store drops.

Beyond FORMAT.md each record has ``doc.text`` (the cleaned text, so ``import`` can rebuild the document; null
for an evidence-only document), ``doc.content_hash``, and each actor and place its store ``key``. A participant
that is not an actor (a medium, a list name) is ``{"role": ..., "value": ...}`` instead of a ``ref``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, TextIO

from factionmap.errors import StoreError
from factionmap.export.base import ExportCounts
from factionmap.record_format import EVIDENCE_ONLY_PREFIX
from factionmap.records import Span
from factionmap.store.base import Snapshot, Store, StoredDocument, StoredEvent, StoredEvidence, StoredRelation


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"text": text, "start": start, "end": end}


class _Record:
    """The parts of one document's record, filled in as relations and events are added."""

    def __init__(self, snapshot: Snapshot, doc: StoredDocument) -> None:
        self.snapshot = snapshot
        self.doc = doc
        self.actor_ids: list[int] = []
        self.place_ids: list[int] = []
        self.relations: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.names = {a.name: a.id for a in snapshot.actors.values()}

    def actor(self, actor_id: int) -> str:
        if actor_id not in self.actor_ids:
            self.actor_ids.append(actor_id)
        return f"a{actor_id}"

    def place(self, place_id: int) -> str:
        if place_id not in self.place_ids:
            self.place_ids.append(place_id)
        return f"p{place_id}"

    def attribution(self, name: str | None) -> str | None:
        """An actor id for a claim's author known by that name, else the name as written."""
        if name is None:
            return None
        return self.actor(self.names[name]) if name in self.names else name

    def add_relation(self, rel: StoredRelation, ev: StoredEvidence) -> None:
        obj = self.place(rel.object_id) if rel.object_is_place else self.actor(rel.object_id)
        self.relations.append(
            {
                "subject": self.actor(rel.subject_id),
                "type": rel.type,
                "object": obj,
                "start": ev.start_date,
                "end": ev.end_date,
                "status": ev.status,
                "attributed_to": self.attribution(ev.attributed_to),
                "confidence": ev.confidence,
                "evidence": _span(ev.text, ev.start, ev.end),
            }
        )

    def add_event(self, e: StoredEvent) -> None:
        parts = [
            {"role": p.role, "ref": self.actor(p.actor_id)}
            if p.actor_id is not None
            else {"role": p.role, "value": p.name}
            for p in e.participants
        ]
        ev = e.evidence
        out: dict[str, Any] = {
            "type": e.type,
            "participants": parts,
            "date": e.date,
            "place": self.place(e.place.id) if e.place else None,
            "status": e.status,
            "attributed_to": self.attribution(e.attributed_to),
            "confidence": e.confidence,
            "evidence": _span(ev.text, ev.start, ev.end),
        }
        out.update({k: v for k, v in e.attributes if k not in out})
        self.events.append(out)

    def to_dict(self, store: Store) -> dict[str, Any]:
        mentions = store.place_mentions(self.doc.id)
        for place_id in mentions:
            self.place(place_id)
        return {
            "doc": self._doc(store),
            "actors": self._actors(),
            "places": self._places(store, mentions),
            "relations": self.relations,
            "events": self.events,
        }

    def _doc(self, store: Store) -> dict[str, Any]:
        d = self.doc
        evidence_only = d.source.startswith(EVIDENCE_ONLY_PREFIX)
        return {
            "id": d.doc_id,
            "source": d.source,
            "title": d.title,
            "published": d.published,
            "published_from": d.published_from,
            "url": d.url,
            "content_hash": d.content_hash,
            "text": None if evidence_only else store.document_text(d.id),
        }

    def _actors(self) -> list[dict[str, Any]]:
        found = [self.snapshot.actors[i] for i in sorted(self.actor_ids) if i in self.snapshot.actors]
        return [
            {
                "id": f"a{a.id}",
                "name": a.name,
                "aliases": [x for x in a.aliases if x != a.name],
                "kind": a.kind,
                "kb_id": a.kb_id,
                "key": a.key,
            }
            for a in found
        ]

    def _places(self, store: Store, mentions: dict[int, list[Span]]) -> list[dict[str, Any]]:
        infos = {
            **store.places([i for i in self.place_ids if i not in self.snapshot.places]),
            **self.snapshot.places,
        }
        out = []
        for place_id in sorted(self.place_ids):
            p = infos[place_id]
            out.append(
                {
                    "id": f"p{p.id}",
                    "name": p.name,
                    "geonames_id": p.geonames_id,
                    "country": p.country,
                    "admin1": p.admin1,
                    "feature": p.feature,
                    "lat": p.lat,
                    "lon": p.lon,
                    "precision": p.precision,
                    "key": p.key,
                    "mentions": [_span(m.text, m.start, m.end) for m in mentions.get(place_id, [])],
                }
            )
        return out


def records_of(snapshot: Snapshot) -> Iterator[dict[str, Any]]:
    """One FORMAT.md extraction record per document of the snapshot, in the order the documents were added."""
    store = snapshot.store
    if store is None:
        raise StoreError("a JSON Lines export needs the store the snapshot was read from")
    by_doc: dict[int, list[tuple[StoredRelation, StoredEvidence]]] = defaultdict(list)
    for rel in snapshot.relations:
        for ev in rel.evidence:
            by_doc[ev.document_id].append((rel, ev))
    events: dict[int, list[StoredEvent]] = defaultdict(list)
    for e in snapshot.events:
        events[e.evidence.document_id].append(e)
    for doc in snapshot.documents.values():
        record = _Record(snapshot, doc)
        for rel, ev in sorted(by_doc[doc.id], key=lambda pair: (pair[1].start, pair[0].id)):
            record.add_relation(rel, ev)
        for e in events[doc.id]:
            record.add_event(e)
        yield record.to_dict(store)


class JsonlExporter:
    """``jsonl``: extraction records, denied relations included (they are what the documents said)."""

    name = "jsonl"
    include_denied = True

    def __call__(self, snapshot: Snapshot, out: TextIO) -> ExportCounts:
        """Write one JSON object a line (UTF-8, not ASCII-escaped)."""
        n = 0
        for record in records_of(snapshot):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
        actors = len(snapshot.actors)
        return ExportCounts(
            actors=actors,
            places=len(snapshot.places),
            relations=len(snapshot.relations),
            events=len(snapshot.events),
            documents=n,
        )
