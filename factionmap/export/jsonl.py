"""JSON Lines of extraction records (shared/eval/FORMAT.md), one per stored document, rebuilt from the store.

The store keeps each document's text, every evidence row of every relation (with its own dates, status,
attribution and confidence), every event, and every place mention, so the records come back nearly whole. What
the store does not keep, and the records therefore lack (docs/exports.md):

* actors a document names without any relation or event (the store does not link actors to documents);
* each document's own aliases of an actor: an actor carries every alias the store has seen for it;
* the record's local ids and order: actors are ``a<store id>`` and places ``p<store id>`` (the same in every
  record), listed in store order;
* relations of an actor with itself, which the store drops.

The records are ``factionmap.records.Extraction`` values written by ``factionmap.record_format`` (``stored=True``),
the one home of the format's field names. Beyond FORMAT.md each record has ``doc.text`` (the cleaned text, so ``import`` can rebuild the document; null
for an evidence-only document), ``doc.content_hash``, and each actor and place its store ``key``. A participant
that is not an actor (a medium, a list name) is ``{"role": ..., "value": ...}`` instead of a ``ref``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TextIO

from factionmap.errors import StoreError
from factionmap.export.base import ExportCounts
from factionmap.record_format import write_jsonl
from factionmap.records import Actor, Document, Event, Extraction, Participant, Place, Relation, Span
from factionmap.store.base import Snapshot, Store, StoredDocument, StoredEvent, StoredEvidence, StoredRelation


def _evidence(ev: StoredEvidence) -> Span:
    return Span(ev.text, ev.start, ev.end)


class _Record:
    """The parts of one document's record, filled in as relations and events are added."""

    def __init__(self, snapshot: Snapshot, doc: StoredDocument) -> None:
        self.snapshot = snapshot
        self.doc = doc
        self.actor_ids: list[int] = []
        self.place_ids: list[int] = []
        self.relations: list[Relation] = []
        self.events: list[Event] = []
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
            Relation(self.actor(rel.subject_id), rel.type, obj, _evidence(ev), ev.start_date, ev.end_date, ev.status,
                     self.attribution(ev.attributed_to), ev.confidence)
        )

    def add_event(self, e: StoredEvent) -> None:
        # a participant that is no actor (a medium, a list name) keeps its literal value
        parts = tuple(Participant(p.role, self.actor(p.actor_id) if p.actor_id is not None else p.name)
                      for p in e.participants)
        place = self.place(e.place.id) if e.place else None
        self.events.append(Event(e.type, parts, _evidence(e.evidence), e.date, place, e.status,
                                 self.attribution(e.attributed_to), e.confidence, e.attributes))

    def extraction(self, store: Store) -> Extraction:
        """The document's record: its actors and places in store order, each under its store id."""
        mentions = store.place_mentions(self.doc.id)
        for place_id in mentions:
            self.place(place_id)
        return Extraction(self._document(store), self._actors(), self._places(store, mentions), tuple(self.relations),
                          tuple(self.events))

    def _document(self, store: Store) -> Document:
        d = self.doc
        return Document(d.doc_id, store.document_text(d.id), d.source, d.title, d.published, d.published_from, d.url)

    def _actors(self) -> tuple[Actor, ...]:
        found = [self.snapshot.actors[i] for i in sorted(self.actor_ids) if i in self.snapshot.actors]
        return tuple(
            Actor(f"a{a.id}", a.name, a.kind, tuple(x for x in a.aliases if x != a.name), a.key, a.kb_id) for a in found
        )

    def _places(self, store: Store, mentions: dict[int, list[Span]]) -> tuple[Place, ...]:
        infos = {
            **store.places([i for i in self.place_ids if i not in self.snapshot.places]),
            **self.snapshot.places,
        }
        places = [infos[i] for i in sorted(self.place_ids)]
        return tuple(Place(f"p{p.id}", p.name, p.country, p.feature, p.lat, p.lon, p.admin1, p.geonames_id,
                           p.precision, tuple(mentions.get(p.id, [])), p.key) for p in places)


def records_of(snapshot: Snapshot) -> Iterator[Extraction]:
    """One extraction record per document of the snapshot, in the order the documents were added."""
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
        yield record.extraction(store)


class JsonlExporter:
    """``jsonl``: extraction records, denied relations included (they are what the documents said)."""

    name = "jsonl"
    include_denied = True

    def __call__(self, snapshot: Snapshot, out: TextIO) -> ExportCounts:
        """Write one JSON object a line (UTF-8, not ASCII-escaped), each as the store holds it (``stored``)."""
        n = write_jsonl(records_of(snapshot), out, stored=True)
        return ExportCounts(
            actors=len(snapshot.actors),
            places=len(snapshot.places),
            relations=len(snapshot.relations),
            events=len(snapshot.events),
            documents=n,
        )
