"""The documents list: every stored article with what was extracted from it (``/api/documents``)."""

from __future__ import annotations

from collections import Counter, defaultdict

from factionmap.store import Snapshot
from factionmap.timeline import sort_key
from factionmap.web.schemas import ActorRefOut, DocumentOut


def _extracted(snap: Snapshot) -> tuple[Counter[int], Counter[int], dict[int, set[int]]]:
    """Per document id: relations it supports, events from it, and the actors they name."""
    relations: Counter[int] = Counter()
    events: Counter[int] = Counter()
    actors: dict[int, set[int]] = defaultdict(set)
    for rel in snap.relations:
        for doc in {ev.document_id for ev in rel.evidence}:
            relations[doc] += 1
            actors[doc].add(rel.subject_id)
            if not rel.object_is_place:
                actors[doc].add(rel.object_id)
    for event in snap.events:
        doc = event.evidence.document_id
        events[doc] += 1
        actors[doc].update(p.actor_id for p in event.participants if p.actor_id is not None)
    return relations, events, actors


def documents(snap: Snapshot, actor_id: int | None = None) -> list[DocumentOut]:
    """Documents newest first (undated last), optionally only those naming an actor."""
    relations, events, actors = _extracted(snap)
    found = []
    for doc in snap.documents.values():
        named = actors.get(doc.id, set())
        if actor_id is not None and actor_id not in named:
            continue
        refs = sorted((snap.actors[i] for i in named if i in snap.actors), key=lambda a: a.name.casefold())
        found.append(
            DocumentOut(
                id=doc.id,
                doc_id=doc.doc_id,
                title=doc.title,
                outlet=snap.outlet(doc.id),
                published=doc.published,
                url=doc.url,
                relations=relations[doc.id],
                events=events[doc.id],
                actors=[ActorRefOut(id=a.id, name=a.name) for a in refs],
            )
        )
    found.sort(key=lambda d: d.id)
    found.sort(key=lambda d: sort_key(d.published)[1], reverse=True)
    found.sort(key=lambda d: d.published is None)
    return found
