"""What the exporters read from a store: a ``Snapshot`` of actors, places, relations, events and documents.

Most of it comes through the ``Store`` Protocol (``relations``, ``events``, ``documents``, ``find_actors``).
Four things the Protocol does not offer yet are read here with SQLAlchemy Core over the SQL store's engine
(read-only): every actor (with kind and aliases) by id, every place by id with its precision word, the relations
whose status is ``denied`` (``Store.relations`` never returns them) and the place mentions of a document. Once
the Protocol grows ``actors()``, ``places()``, ``relations(include_denied=True)`` and ``place_mentions()``, the
helpers below become one-line calls.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, select

from factionmap.errors import ActorNotFound, StoreError
from factionmap.records import Span
from factionmap.store import schema as t
from factionmap.store.base import Store, StoredActor, StoredDocument, StoredEvent, StoredPlace, StoredRelation
from factionmap.store.sql_read import load_actors, load_relations, relation_condition, supersession_map
from factionmap.timeline import bounds, happened_by, in_force


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """A stored place with the key and precision word (country, admin1, admin2, region, city) it was stored with."""

    place: StoredPlace
    precision: str | None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The part of a store an export writes: a selection closed over the actors and places it refers to."""

    actors: dict[int, StoredActor]
    places: dict[int, PlaceInfo]
    relations: list[StoredRelation]
    events: list[StoredEvent]
    documents: list[StoredDocument]
    as_of: str | None = None
    selected: frozenset[int] = field(default_factory=frozenset)
    store: Store | None = None


def engine_of(store: Store) -> Engine:
    """The SQLAlchemy engine of a SQL store; ``StoreError`` for any other kind of store."""
    engine = getattr(store, "engine", None)
    if not isinstance(engine, Engine):
        raise StoreError(f"exports read a SQL store (SQLite or PostgreSQL), not {type(store).__name__}")
    return engine


@contextmanager
def _reading(store: Store) -> Iterator[Connection]:
    with engine_of(store).connect() as conn, conn.begin():
        yield conn


def all_actor_ids(store: Store) -> list[int]:
    """Ids of every stored actor, oldest first."""
    with _reading(store) as conn:
        return [int(i) for i in conn.execute(select(t.actors.c.id).order_by(t.actors.c.id)).scalars()]


def actors_by_id(store: Store, ids: Collection[int]) -> dict[int, StoredActor]:
    """Stored actors (with kind and aliases) by id."""
    with _reading(store) as conn:
        return load_actors(conn, list(ids))


def places_by_id(store: Store, ids: Collection[int] | None = None) -> dict[int, PlaceInfo]:
    """Stored places with their precision word, by id; every place when ``ids`` is None."""
    p = t.places
    query = select(p).order_by(p.c.id)
    if ids is not None:
        query = query.where(p.c.id.in_(list(ids)))
    with _reading(store) as conn:
        rows = list(conn.execute(query))
    return {
        r.id: PlaceInfo(
            StoredPlace(r.id, r.key, r.name, r.country, r.admin1, r.feature, r.lat, r.lon, r.geonames_id), r.precision
        )
        for r in rows
    }


def relations_with_denied(store: Store) -> list[StoredRelation]:
    """Every merged relation, denied ones included (``Store.relations`` leaves those out), in date order."""
    with _reading(store) as conn:
        _, superseded = supersession_map(conn)
        return load_relations(conn, relation_condition(include_denied=True), superseded)


def place_mentions(store: Store, document_id: int) -> dict[int, list[Span]]:
    """Place id -> the mentions of that place in one stored document, in text order."""
    m = t.place_mentions
    query = select(m.c.place_id, m.c.text, m.c.start, m.c.end).where(m.c.document_id == document_id)
    found: dict[int, list[Span]] = {}
    with _reading(store) as conn:
        for place_id, text, start, end in conn.execute(query.order_by(m.c.start, m.c.id)):
            found.setdefault(place_id, []).append(Span(text, start, end))
    return found


def resolve_actor_names(store: Store, names: Iterable[str]) -> frozenset[int]:
    """Store ids of the named actors (best match of each name); ``ActorNotFound`` for a name no actor has."""
    ids: set[int] = set()
    for name in names:
        found = store.find_actors(name)
        if not found:
            raise ActorNotFound(name)
        ids.add(found[0].id)
    return frozenset(ids)


def _touches(rel: StoredRelation, ids: Collection[int]) -> bool:
    return rel.subject_id in ids or (not rel.object_is_place and rel.object_id in ids)


def _event_actor_ids(event: StoredEvent) -> set[int]:
    return {p.actor_id for p in event.participants if p.actor_id is not None}


def _select_relations(store: Store, as_of: str | None, selected: frozenset[int], denied: bool) -> list[StoredRelation]:
    if denied:
        rels = relations_with_denied(store)
        if as_of is not None:
            rels = [r for r in rels if in_force(r.start, r.effective_end, as_of)]
    else:
        rels = store.relations(as_of=as_of)
    return [r for r in rels if _touches(r, selected)] if selected else rels


def _select_events(store: Store, as_of: str | None, selected: frozenset[int]) -> list[StoredEvent]:
    events = store.events()
    if as_of is not None:
        events = [e for e in events if happened_by(e.date, as_of)]
    return [e for e in events if _event_actor_ids(e) & selected] if selected else events


def _documents_of(store: Store, rels: list[StoredRelation], events: list[StoredEvent]) -> list[StoredDocument]:
    used = {ev.document_id for r in rels for ev in r.evidence} | {e.evidence.document_id for e in events}
    return [d for d in store.documents() if d.id in used]


def load_snapshot(
    store: Store, as_of: str | None = None, actors: Iterable[str] = (), include_denied: bool = False
) -> Snapshot:
    """The store, or the selection ``as_of`` a date and/or around some actors, closed over what it refers to.

    With no selection every actor, place and document is included, even those no relation or event names.
    ``actors`` keeps the relations and events those actors take part in (their one-step neighbourhood).
    """
    if as_of is not None:
        bounds(as_of)
    selected = resolve_actor_names(store, actors)
    rels = _select_relations(store, as_of, selected, include_denied)
    events = _select_events(store, as_of, selected)
    if as_of is None and not selected:
        actor_ids: Collection[int] = all_actor_ids(store)
        places = places_by_id(store)
        docs = store.documents()
    else:
        actor_ids = _referenced_actors(rels, events) | selected
        places = places_by_id(store, _referenced_places(rels, events))
        docs = _documents_of(store, rels, events)
    return Snapshot(actors_by_id(store, actor_ids), places, rels, events, docs, as_of, selected, store)


def _referenced_actors(rels: list[StoredRelation], events: list[StoredEvent]) -> set[int]:
    found = {r.subject_id for r in rels} | {r.object_id for r in rels if not r.object_is_place}
    for e in events:
        found |= _event_actor_ids(e)
    return found


def _referenced_places(rels: list[StoredRelation], events: list[StoredEvent]) -> set[int]:
    found = {r.object_id for r in rels if r.object_is_place}
    return found | {e.place.id for e in events if e.place is not None}
