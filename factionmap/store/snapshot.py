"""Selections of a snapshot: the relations and events a view keeps, closed over what they refer to.

Pure functions over the records of ``store/base.py``: the store uses them to answer ``Store.snapshot(as_of,
actors)``, and the web app to cut the page's current view out of its cached snapshot. The date rules are
``factionmap.timeline``'s: a relation is in the selection when it is in force ``as_of`` (after supersession), an
event when it happened by then (undated events never do).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from factionmap.store.base import Snapshot, StoredEvent, StoredRelation
from factionmap.timeline import happened_by, in_force


def event_actor_ids(event: StoredEvent) -> set[int]:
    """The store ids of the actors taking part in an event."""
    return {p.actor_id for p in event.participants if p.actor_id is not None}


def _touches(rel: StoredRelation, ids: Collection[int]) -> bool:
    return rel.subject_id in ids or (not rel.object_is_place and rel.object_id in ids)


def select(
    full: Snapshot, as_of: str | None = None, selected: frozenset[int] = frozenset(), include_denied: bool = False
) -> Snapshot:
    """The part of a whole store's snapshot ``as_of`` a date and/or around the ``selected`` actors.

    With neither, every actor, place and document stays, even those no relation or event names; otherwise the
    selection keeps what its relations and events refer to, and the selected actors themselves.
    """
    rels = [r for r in full.relations if include_denied or r.status != "denied"]
    if as_of is not None:
        rels = [r for r in rels if in_force(r.start, r.effective_end, as_of)]
    events = [e for e in full.events if happened_by(e.date, as_of)]
    if selected:
        rels = [r for r in rels if _touches(r, selected)]
        events = [e for e in events if event_actor_ids(e) & selected]
    if as_of is None and not selected:
        return Snapshot(full.actors, full.places, tuple(rels), tuple(events), full.documents, full.fingerprint,
                        store=full.store)
    return close_over(full, rels, events, as_of, selected, keep=selected)


def close_over(
    full: Snapshot,
    relations: Iterable[StoredRelation],
    events: Iterable[StoredEvent],
    as_of: str | None = None,
    selected: frozenset[int] = frozenset(),
    keep: Collection[int] = (),
) -> Snapshot:
    """A snapshot of these relations and events with the actors, places and documents of ``full`` they refer to.

    ``keep``: actors to include even when nothing in the selection refers to them.
    """
    rels, evs = tuple(relations), tuple(events)
    actor_ids = _referenced_actors(rels, evs) | set(keep)
    place_ids = {r.object_id for r in rels if r.object_is_place} | {e.place.id for e in evs if e.place is not None}
    doc_ids = {ev.document_id for r in rels for ev in r.evidence} | {e.evidence.document_id for e in evs}
    return Snapshot(
        actors={i: a for i, a in full.actors.items() if i in actor_ids},
        places={i: p for i, p in full.places.items() if i in place_ids},
        relations=rels,
        events=evs,
        documents={i: d for i, d in full.documents.items() if i in doc_ids},
        fingerprint=full.fingerprint,
        as_of=as_of,
        selected=selected,
        store=full.store,
    )


def _referenced_actors(rels: Iterable[StoredRelation], events: Iterable[StoredEvent]) -> set[int]:
    found: set[int] = set()
    for r in rels:
        found |= {r.subject_id} if r.object_is_place else {r.subject_id, r.object_id}
    for e in events:
        found |= event_actor_ids(e)
    return found
