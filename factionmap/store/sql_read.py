"""The read side of the SQL store: queries that build the records of ``store/base.py``.

Each reader runs a fixed number of queries (children are fetched with a subquery over the same condition,
never one query per row) and orders its results in Python with ``factionmap.timeline.sort_key``, which knows
partial dates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, func, select, true

from factionmap.lookup.folding import normalize_name
from factionmap.records import Span
from factionmap.store import schema as t
from factionmap.store.base import (
    StoredActor,
    StoredDocument,
    StoredEvent,
    StoredEvidence,
    StoredParticipant,
    StoredPlace,
    StoredRelation,
)
from factionmap.timeline import Superseded, TimedFact, effective_end, sort_key, supersessions

Condition = ColumnElement[bool]

_DOC_COLUMNS = (t.documents.c.doc_id, t.documents.c.title, t.documents.c.url, t.documents.c.published)


# --- actors and places --------------------------------------------------------------------------------------


def load_actors(conn: Connection, ids: Collection[int] | None) -> dict[int, StoredActor]:
    """Stored actors by id (every one when ``ids`` is None), oldest first, each with every name and alias seen for
    it (in the order first seen)."""
    if ids is not None and not ids:
        return {}
    a, aa = t.actors, t.actor_aliases
    alias_query = select(aa.c.actor_id, aa.c.alias).order_by(aa.c.id)
    query = select(a).order_by(a.c.id)
    if ids is not None:
        wanted = list(ids)
        alias_query, query = alias_query.where(aa.c.actor_id.in_(wanted)), query.where(a.c.id.in_(wanted))
    aliases: dict[int, list[str]] = defaultdict(list)
    for actor_id, alias in conn.execute(alias_query):
        aliases[actor_id].append(alias)
    return {
        r.id: StoredActor(r.id, r.key, r.name, r.kind, r.kb_id, tuple(a for a in aliases[r.id] if a != r.name))
        for r in conn.execute(query)
    }


def find_actors(conn: Connection, name: str) -> list[StoredActor]:
    """Actors with ``name`` as name or alias after normalising: canonical-name matches first, then oldest."""
    norm = normalize_name(name)
    if not norm:
        return []
    query = select(t.actor_aliases.c.actor_id).where(t.actor_aliases.c.norm == norm).distinct()
    found = load_actors(conn, [actor_id for (actor_id,) in conn.execute(query)])
    return sorted(found.values(), key=lambda a: (normalize_name(a.name) != norm, a.id))


def _place(row: Row[Any]) -> StoredPlace:
    return StoredPlace(
        row.id, row.key, row.name, row.country, row.admin1, row.feature, row.lat, row.lon, row.geonames_id,
        row.precision,
    )


def load_places(conn: Connection, ids: Collection[int] | None) -> dict[int, StoredPlace]:
    """Stored places by id (every one when ``ids`` is None), oldest first."""
    if ids is not None and not ids:
        return {}
    query = select(t.places).order_by(t.places.c.id)
    if ids is not None:
        query = query.where(t.places.c.id.in_(list(ids)))
    return {r.id: _place(r) for r in conn.execute(query)}


def load_place_mentions(conn: Connection, document_id: int) -> dict[int, list[Span]]:
    """Place id -> the mentions of that place in one stored document, in text order."""
    m = t.place_mentions
    query = select(m.c.place_id, m.c.text, m.c.start, m.c.end).where(m.c.document_id == document_id)
    found: dict[int, list[Span]] = {}
    for place_id, text, start, end in conn.execute(query.order_by(m.c.start, m.c.id)):
        found.setdefault(place_id, []).append(Span(text, start, end))
    return found


COUNTED_TABLES = {
    "documents": t.documents,
    "actors": t.actors,
    "places": t.places,
    "relations": t.relations,
    "evidence": t.relation_evidence,
    "events": t.events,
}


def count_rows(conn: Connection) -> dict[str, int]:
    """Row counts: documents, actors, places, relations, evidence, events."""
    return {
        name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        for name, table in COUNTED_TABLES.items()
    }


def load_documents(conn: Connection) -> list[StoredDocument]:
    """Every document (without text), in the order added."""
    d = t.documents
    query = select(
        d.c.id,
        d.c.doc_id,
        d.c.content_hash,
        d.c.source,
        d.c.title,
        d.c.url,
        d.c.outlet,
        d.c.published,
        d.c.published_from,
    ).order_by(d.c.id)
    return [StoredDocument(*row) for row in conn.execute(query)]


# --- relations ----------------------------------------------------------------------------------------------


def _timed_facts(conn: Connection) -> list[TimedFact]:
    """Every non-denied actor-to-actor fact, as supersession needs it."""
    r = t.relations
    query = select(r.c.id, r.c.type, r.c.subject_id, r.c.object_actor_id, r.c.start, r.c.end).where(
        r.c.status != "denied", r.c.object_actor_id.is_not(None)
    )
    return [TimedFact(*row) for row in conn.execute(query)]


def supersession_map(conn: Connection) -> tuple[list[TimedFact], dict[int, Superseded]]:
    """The non-denied facts and which of them later facts close (see ``factionmap.timeline``)."""
    facts = _timed_facts(conn)
    leads: dict[int, set[int]] = defaultdict(set)
    for f in facts:
        if f.type == "leader_of":
            leads[f.subject].add(f.object)
    return facts, supersessions(facts, leads)


def _evidence_columns() -> tuple[Any, ...]:
    """Evidence columns in the field order of ``StoredEvidence`` (rows are built positionally: it is fast)."""
    ev, d = t.relation_evidence, t.documents
    return (
        ev.c.text,
        ev.c.start,
        ev.c.end,
        ev.c.document_id,
        d.c.doc_id,
        d.c.title,
        d.c.url,
        d.c.published,
        ev.c.status,
        ev.c.attributed_to,
        ev.c.confidence,
        ev.c.start_date,
        ev.c.end_date,
    )


def _relation_evidence(conn: Connection, cond: Condition) -> dict[int, list[StoredEvidence]]:
    """Evidence rows of the facts matching ``cond``, oldest publication first."""
    ev = t.relation_evidence
    query = (
        select(ev.c.relation_id, *_evidence_columns())
        .join(t.documents, t.documents.c.id == ev.c.document_id)
        .where(ev.c.relation_id.in_(select(t.relations.c.id).where(cond)))
        .order_by(ev.c.id)
    )
    found: dict[int, list[StoredEvidence]] = defaultdict(list)
    for relation_id, *fields in conn.execute(query):
        found[relation_id].append(StoredEvidence(*fields))
    for items in found.values():
        items.sort(key=lambda e: sort_key(e.published))
    return found


def load_relations(conn: Connection, cond: Condition, superseded: dict[int, Superseded]) -> list[StoredRelation]:
    """The facts matching ``cond`` with their evidence and effective end, in date order."""
    r, subj, obj, place = t.relations, t.actors.alias("subj"), t.actors.alias("obj"), t.places
    query = (
        select(r, subj.c.name.label("subject_name"), obj.c.name.label("object_name"), place.c.name.label("place_name"))
        .join(subj, subj.c.id == r.c.subject_id)
        .outerjoin(obj, obj.c.id == r.c.object_actor_id)
        .outerjoin(place, place.c.id == r.c.object_place_id)
        .where(cond)
    )
    evidence = _relation_evidence(conn, cond)
    found = [_relation(row, evidence.get(row.id, []), superseded) for row in conn.execute(query)]
    return sorted(found, key=relation_sort_key)


def _relation(row: Row[Any], evidence: list[StoredEvidence], superseded: dict[int, Superseded]) -> StoredRelation:
    is_place = row.object_place_id is not None
    fact = TimedFact(
        row.id, row.type, row.subject_id, row.object_place_id if is_place else row.object_actor_id, row.start, row.end
    )
    closed = superseded.get(row.id)
    return StoredRelation(
        id=row.id,
        type=row.type,
        subject_id=row.subject_id,
        subject_name=row.subject_name,
        object_id=fact.object,
        object_name=row.place_name if is_place else row.object_name,
        object_is_place=is_place,
        start=row.start,
        end=row.end,
        status=row.status,
        confidence=row.confidence,
        n_sources=row.n_sources,
        evidence=tuple(evidence),
        effective_end=effective_end(fact, superseded),
        superseded_by=closed.by if closed is not None and effective_end(fact, superseded) == closed.end else None,
    )


def relation_sort_key(rel: StoredRelation) -> tuple[object, ...]:
    """Date order: by start (or, lacking one, by end), undated last; then type and id.

    On the same date a relation that *ended* then comes before one that *started* then.
    """
    return (sort_key(rel.start or rel.end), rel.start is not None, rel.type, rel.id)


def relation_condition(types: Collection[str] = (), min_sources: int = 1, include_denied: bool = False) -> Condition:
    """The SQL condition for ``Store.relations`` filters (dates are filtered afterwards, in Python)."""
    r = t.relations
    cond: Condition = r.c.n_sources >= min_sources
    if types:
        cond = cond & r.c.type.in_(list(types))
    if not include_denied:
        cond = cond & (r.c.status != "denied")
    return cond


# --- events -------------------------------------------------------------------------------------------------


def _participants(conn: Connection, event_ids: Any) -> dict[int, list[StoredParticipant]]:
    p, a = t.event_participants, t.actors
    query = (
        select(p.c.event_id, p.c.role, p.c.actor_id, p.c.value, a.c.name)
        .outerjoin(a, a.c.id == p.c.actor_id)
        .where(p.c.event_id.in_(event_ids))
        .order_by(p.c.id)
    )
    found: dict[int, list[StoredParticipant]] = defaultdict(list)
    for event_id, role, actor_id, value, name in conn.execute(query):
        found[event_id].append(StoredParticipant(role, actor_id, name if actor_id is not None else value))
    return found


def _attributes(conn: Connection, event_ids: Any) -> dict[int, list[tuple[str, str]]]:
    at = t.event_attributes
    query = select(at.c.event_id, at.c.name, at.c.value).where(at.c.event_id.in_(event_ids)).order_by(at.c.id)
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for event_id, name, value in conn.execute(query):
        found[event_id].append((name, value))
    return found


def load_events(conn: Connection, actor_id: int | None = None) -> list[StoredEvent]:
    """Events in date order (undated last), optionally only those with ``actor_id`` among the participants."""
    e, p = t.events, t.event_participants
    cond: Condition = true()
    if actor_id is not None:
        cond = e.c.id.in_(select(p.c.event_id).where(p.c.actor_id == actor_id))
    ids = select(e.c.id).where(cond)
    participants, attributes = _participants(conn, ids), _attributes(conn, ids)
    rows = conn.execute(select(e, *_DOC_COLUMNS).join(t.documents, t.documents.c.id == e.c.document_id).where(cond))
    rows_list = list(rows)
    places = load_places(conn, {row.place_id for row in rows_list if row.place_id is not None})
    found = [
        StoredEvent(
            id=row.id,
            type=row.type,
            date=row.date,
            place=places.get(row.place_id) if row.place_id is not None else None,
            status=row.status,
            attributed_to=row.attributed_to,
            confidence=row.confidence,
            participants=tuple(participants[row.id]),
            attributes=tuple(attributes[row.id]),
            evidence=_evidence_of_event(row),
        )
        for row in rows_list
    ]
    return sorted(found, key=lambda ev: (sort_key(ev.date), ev.id))


def _evidence_of_event(row: Row[Any]) -> StoredEvidence:
    return StoredEvidence(
        text=row.text,
        start=row.start,
        end=row.end,
        document_id=row.document_id,
        doc_id=row.doc_id,
        title=row.title,
        url=row.url,
        published=row.published,
        status=row.status,
        attributed_to=row.attributed_to,
        confidence=row.confidence,
        start_date=row.date,
        end_date=row.date,
    )
