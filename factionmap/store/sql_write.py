"""The write side of the SQL store: one ``Extraction`` into the tables, inside the caller's transaction.

Every statement is a SQLAlchemy Core construct with bound parameters (text from the web is hostile) and rows go
in with executemany, a fixed number of statements per record whatever its size.

Merging rules for a relation fact (subject, type, object), folded in incrementally as each document adds evidence
(so they always equal what all its evidence rows give):

* ``start`` is the earliest start any evidence gives, ``end`` the latest end any evidence gives: one source
  saying a relation ended closes it, even if others gave no end (they usually just do not say).
* ``status`` is the strongest any evidence gives (asserted > claimed > uncertain > denied), so the fact is
  ``denied`` only when all its evidence denies it.
* ``confidence`` is ``1 - prod(1 - c_i)`` over the evidence of that status's side (all non-denied evidence, or
  all evidence when the fact is denied), capped at 0.99.
* ``n_sources`` counts distinct outlets (the URL's host, else the document) among all its evidence.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, bindparam, insert, select, update

from factionmap.errors import InputError
from factionmap.lookup.folding import normalize_name
from factionmap.lookup.gazetteer import place_key as gazetteer_place_key
from factionmap.records import Actor, Document, Event, Extraction, Place, Relation
from factionmap.store import schema as t
from factionmap.timeline import bounds, earliest, latest
from factionmap.vocabulary import EVENT_TYPES, PLACE_RELATIONS, RELATION_TYPES, STATUSES, SYMMETRIC_RELATIONS

log = logging.getLogger(__name__)

_EMPTY_FACT: dict[str, object] = {"status": "asserted", "confidence": 0.0, "n_sources": 0}
STATUS_RANK: dict[str, int] = {"asserted": 3, "claimed": 2, "uncertain": 1, "denied": 0}
MAX_CONFIDENCE = 0.99


def outlet_of(doc: Document) -> str:
    """The unit of independent sources: the URL's host without ``www.``, else ``doc:<text key>``."""
    host = urlsplit(doc.url).hostname if doc.url else None
    if host:
        return host.lower().removeprefix("www.")
    return f"doc:{doc.text_key}"


def insert_document(conn: Connection, doc: Document) -> int:
    """Insert the document row and return its store id."""
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    result = conn.execute(
        insert(t.documents).values(
            doc_id=doc.id,
            content_hash=doc.content_hash,
            text_key=doc.text_key,
            source=doc.source,
            title=doc.title,
            url=doc.url,
            outlet=outlet_of(doc),
            published=doc.published,
            published_from=doc.published_from,
            text=doc.text,
            added_at=stamp,
        )
    )
    pk = result.inserted_primary_key
    assert pk is not None
    return int(pk[0])


# --- actors -------------------------------------------------------------------------------------------------


def actor_key(actor: Actor) -> str:
    """The actor's cross-document key: ``Actor.key``, else ``kb:<kb id>``, else ``name:<normalised name>``."""
    if actor.key:
        return actor.key
    return f"kb:{actor.kb_id}" if actor.kb_id else f"name:{normalize_name(actor.name)}"


def _is_kb(actor: Actor) -> bool:
    return actor.kb_id is not None or actor_key(actor).startswith("kb:")


def _names(actor: Actor) -> list[str]:
    """The actor's name and aliases, without duplicates, name first."""
    return list(dict.fromkeys(n for n in (actor.name, *actor.aliases) if n.strip()))


def _norms(actor: Actor) -> list[str]:
    return [n for n in dict.fromkeys(normalize_name(x) for x in _names(actor)) if n]


@dataclass(eq=False)
class _NewActor:
    """An actor this record introduces: its row and every key it is known by."""

    key: str
    name: str
    kind: str
    kb_id: str | None
    keys: list[str]


def _existing_by_key(conn: Connection, keys: Collection[str]) -> dict[str, int]:
    rows = conn.execute(select(t.actor_keys.c.key, t.actor_keys.c.actor_id).where(t.actor_keys.c.key.in_(keys)))
    return {key: actor_id for key, actor_id in rows}


def _existing_by_alias(conn: Connection, norms: Collection[str]) -> dict[tuple[str, str], int]:
    """(kind, normalised alias) -> actor id, preferring actors whose canonical name it is, then the oldest."""
    if not norms:
        return {}
    query = (
        select(t.actor_aliases.c.norm, t.actors.c.id, t.actors.c.kind, t.actors.c.name)
        .join(t.actors, t.actors.c.id == t.actor_aliases.c.actor_id)
        .where(t.actor_aliases.c.norm.in_(norms))
        .order_by(t.actors.c.id)
    )
    found: dict[tuple[str, str], tuple[bool, int]] = {}
    for norm, actor_id, kind, name in conn.execute(query):
        canonical = normalize_name(name) == norm
        best = found.get((kind, norm))
        if best is None or (canonical and not best[0]):
            found[(kind, norm)] = (canonical, actor_id)
    return {k: actor_id for k, (_, actor_id) in found.items()}


class _ActorPlan:
    """Decides, actor by actor, which stored actor (an id) or new actor each local actor is."""

    def __init__(self, by_key: dict[str, int], by_alias: dict[tuple[str, str], int]) -> None:
        self.by_key: dict[str, int | _NewActor] = dict(by_key)
        self.by_alias: dict[tuple[str, str], int | _NewActor] = dict(by_alias)
        self.new: list[_NewActor] = []
        self.extra_keys: dict[str, int] = {}
        self.local: dict[str, int | _NewActor] = {}

    def place(self, actor: Actor) -> None:
        """Resolve one local actor: by key, else (non-KB actors) by name or alias of the same kind, else new.

        Stored actors' aliases win over those of actors new in this record (``by_alias`` holds them first).
        """
        key = actor_key(actor)
        norms = [(actor.kind, n) for n in _norms(actor)]
        target = self.by_key.get(key)
        if target is None and not _is_kb(actor):
            target = next((self.by_alias[kn] for kn in norms if kn in self.by_alias), None)
            if isinstance(target, int):
                self.extra_keys[key] = target
            elif target is not None:
                target.keys.append(key)
        if target is None:
            target = _NewActor(key, actor.name, actor.kind, actor.kb_id, [key])
            self.new.append(target)
        self.by_key[key] = target
        for kn in norms:
            self.by_alias.setdefault(kn, target)
        self.local[actor.id] = target


def _insert_new_actors(conn: Connection, plan: _ActorPlan) -> dict[str, int]:
    """Insert the plan's new actors and every new key; return key -> actor id for the new actors."""
    if plan.new:
        conn.execute(
            insert(t.actors), [{"key": n.key, "name": n.name, "kind": n.kind, "kb_id": n.kb_id} for n in plan.new]
        )
    rows = conn.execute(select(t.actors.c.key, t.actors.c.id).where(t.actors.c.key.in_([n.key for n in plan.new])))
    ids = {key: actor_id for key, actor_id in rows}
    key_rows = [{"key": k, "actor_id": ids[n.key]} for n in plan.new for k in n.keys]
    key_rows += [{"key": k, "actor_id": actor_id} for k, actor_id in plan.extra_keys.items()]
    if key_rows:
        conn.execute(insert(t.actor_keys), key_rows)
    return ids


def _insert_aliases(conn: Connection, actors: Sequence[Actor], local_ids: dict[str, int]) -> None:
    """Record every name and alias not yet known for its actor."""
    stored_ids = set(local_ids.values())
    query = select(t.actor_aliases.c.actor_id, t.actor_aliases.c.alias).where(
        t.actor_aliases.c.actor_id.in_(stored_ids)
    )
    known = {(actor_id, alias) for actor_id, alias in conn.execute(query)}
    rows: list[dict[str, object]] = []
    for actor in actors:
        for name in _names(actor):
            pair = (local_ids[actor.id], name)
            if pair not in known:
                known.add(pair)
                rows.append({"actor_id": pair[0], "alias": name, "norm": normalize_name(name)})
    if rows:
        conn.execute(insert(t.actor_aliases), rows)


def resolve_actors(conn: Connection, actors: Sequence[Actor]) -> dict[str, int]:
    """Map each local actor id to a store actor id, creating actors, keys and aliases as needed."""
    if not actors:
        return {}
    by_key = _existing_by_key(conn, {actor_key(a) for a in actors})
    norms = {n for a in actors if not _is_kb(a) and actor_key(a) not in by_key for n in _norms(a)}
    plan = _ActorPlan(by_key, _existing_by_alias(conn, norms))
    for actor in actors:
        plan.place(actor)
    new_ids = _insert_new_actors(conn, plan)
    local_ids = {
        local: target if isinstance(target, int) else new_ids[target.key] for local, target in plan.local.items()
    }
    _insert_aliases(conn, actors, local_ids)
    return local_ids


# --- places -------------------------------------------------------------------------------------------------


def place_key(place: Place) -> str:
    """The place's cross-document key: ``Place.key`` (set on ingest), else the same rule ingest uses
    (``lookup.gazetteer.place_key``) for a record imported without one."""
    return place.key or gazetteer_place_key(place)


def _place_row(place: Place) -> dict[str, object]:
    return {
        "key": place_key(place),
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "feature": place.feature,
        "lat": place.lat,
        "lon": place.lon,
        "geonames_id": place.geonames_id,
        "precision": place.precision,
    }


def resolve_places(conn: Connection, places: Sequence[Place], document_id: int) -> dict[str, int]:
    """Map each local place id to a store place id (creating places) and record the place's mentions."""
    if not places:
        return {}
    keys = {place_key(p) for p in places}
    query = select(t.places.c.key, t.places.c.id).where(t.places.c.key.in_(keys))
    existing = {key: place_id for key, place_id in conn.execute(query)}
    new_rows = {place_key(p): _place_row(p) for p in places if place_key(p) not in existing}
    if new_rows:
        conn.execute(insert(t.places), list(new_rows.values()))
        added = conn.execute(select(t.places.c.key, t.places.c.id).where(t.places.c.key.in_(new_rows)))
        existing.update({key: place_id for key, place_id in added})
    local_ids = {p.id: existing[place_key(p)] for p in places}
    mentions = [
        {"place_id": local_ids[p.id], "document_id": document_id, "text": m.text, "start": m.start, "end": m.end}
        for p in places
        for m in p.mentions
    ]
    if mentions:
        conn.execute(insert(t.place_mentions), mentions)
    return local_ids


# --- relations ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Fact:
    """A fact's identity: its row in ``relations`` without the aggregates."""

    fact_key: str
    type: str
    subject_id: int
    object_actor_id: int | None
    object_place_id: int | None


def _check_relation(doc_id: str, rel: Relation) -> None:
    if rel.type not in RELATION_TYPES:
        raise InputError(doc_id, f"unknown relation type {rel.type!r}; choose from {', '.join(RELATION_TYPES)}")
    if rel.status not in STATUSES:
        raise InputError(doc_id, f"unknown status {rel.status!r}; choose from {', '.join(STATUSES)}")
    for value in (rel.start, rel.end):
        if value is not None:
            bounds(value)


def _fact_of(doc_id: str, rel: Relation, actor_ids: dict[str, int], place_ids: dict[str, int]) -> _Fact | None:
    """The fact a relation states, in canonical order; None for an actor related to itself."""
    _check_relation(doc_id, rel)
    if rel.subject not in actor_ids:
        raise InputError(doc_id, f"relation subject {rel.subject!r} is not an actor of the record")
    subject = actor_ids[rel.subject]
    if rel.type in PLACE_RELATIONS:
        if rel.object not in place_ids:
            raise InputError(doc_id, f"{rel.type} object {rel.object!r} is not a place of the record")
        return _Fact(f"{rel.type}|a{subject}|p{place_ids[rel.object]}", rel.type, subject, None, place_ids[rel.object])
    if rel.object not in actor_ids:
        raise InputError(doc_id, f"relation object {rel.object!r} is not an actor of the record")
    obj = actor_ids[rel.object]
    if obj == subject:
        log.debug("%s: skipping %s of an actor with itself (%s, %s)", doc_id, rel.type, rel.subject, rel.object)
        return None
    if rel.type in SYMMETRIC_RELATIONS:
        subject, obj = min(subject, obj), max(subject, obj)
    return _Fact(f"{rel.type}|a{subject}|a{obj}", rel.type, subject, obj, None)


def _fact_ids(conn: Connection, facts: Iterable[_Fact]) -> dict[str, int]:
    """Store ids of the facts by key, inserting those not stored yet (empty: ``update_facts`` fills them)."""
    wanted = {f.fact_key: f for f in facts}
    query = select(t.relations.c.fact_key, t.relations.c.id)
    ids = {key: rid for key, rid in conn.execute(query.where(t.relations.c.fact_key.in_(wanted)))}
    new = [{**asdict(f), **_EMPTY_FACT} for key, f in wanted.items() if key not in ids]
    if new:
        conn.execute(insert(t.relations), new)
        added = conn.execute(query.where(t.relations.c.fact_key.in_([r["fact_key"] for r in new])))
        ids.update({key: rid for key, rid in added})
    return ids


def _attribution(ref: str | None, actors: dict[str, Actor], actor_ids: dict[str, int]) -> tuple[str | None, int | None]:
    """(name, store id) of whoever a claim or denial is attributed to: a local actor id or a free name."""
    if ref is None:
        return None, None
    if ref in actors and ref in actor_ids:
        return actors[ref].name, actor_ids[ref]
    return ref, None


def write_relations(
    conn: Connection, ex: Extraction, actor_ids: dict[str, int], place_ids: dict[str, int], document_id: int
) -> None:
    """Merge the record's relations into facts, add their evidence rows, and fold them into the facts' aggregates."""
    stated = [(rel, _fact_of(ex.doc.id, rel, actor_ids, place_ids)) for rel in ex.relations]
    pairs = [(rel, fact) for rel, fact in stated if fact is not None]
    if not pairs:
        return
    ids = _fact_ids(conn, (fact for _, fact in pairs))
    actors, outlet = {a.id: a for a in ex.actors}, outlet_of(ex.doc)
    rows = []
    for rel, fact in pairs:
        who, who_id = _attribution(rel.attributed_to, actors, actor_ids)
        rows.append(
            {
                "relation_id": ids[fact.fact_key],
                "document_id": document_id,
                "text": rel.evidence.text,
                "start": rel.evidence.start,
                "end": rel.evidence.end,
                "status": rel.status,
                "attributed_to": who,
                "attributed_to_id": who_id,
                "confidence": rel.confidence,
                "start_date": rel.start,
                "end_date": rel.end,
                "outlet": outlet,
            }
        )
    update_facts(conn, rows, outlet)
    conn.execute(insert(t.relation_evidence), rows)


@dataclass(frozen=True, slots=True)
class FactState:
    """A fact's aggregates; ``n_sources == 0`` means it has no evidence yet."""

    start: str | None
    end: str | None
    status: str
    confidence: float
    n_sources: int


def _combine(confidence: float, more: Iterable[float]) -> float:
    """``1 - prod(1 - c_i)`` over a (possibly capped) running value and more confidences, capped at 0.99."""
    rest = math.prod(1.0 - min(max(c, 0.0), 1.0) for c in more)
    return min(1.0 - (1.0 - confidence) * rest, MAX_CONFIDENCE)


def fold_evidence(old: FactState, evidence: Sequence[dict[str, Any]], new_outlet: bool) -> FactState:
    """A fact's aggregates after adding evidence rows of one document (see the module docstring).

    Incremental, so adding a document costs the same however much evidence a fact has: the capped confidence
    stays capped, and the confidence side switches to non-denied evidence the first time one arrives.
    """
    empty = old.n_sources == 0
    status = max([e["status"] for e in evidence] + ([] if empty else [old.status]), key=STATUS_RANK.__getitem__)
    denied = status == "denied"
    side = [e["confidence"] for e in evidence if (e["status"] == "denied") == denied]
    keep_old = not empty and (old.status == "denied") == denied
    return FactState(
        start=earliest([old.start, *(e["start_date"] for e in evidence)]),
        end=latest([old.end, *(e["end_date"] for e in evidence)]),
        status=status,
        confidence=_combine(old.confidence if keep_old else 0.0, side),
        n_sources=old.n_sources + (1 if new_outlet else 0),
    )


def update_facts(conn: Connection, evidence: Sequence[dict[str, Any]], outlet: str) -> None:
    """Fold one document's evidence rows (not inserted yet) into their facts' stored aggregates."""
    r, ev = t.relations, t.relation_evidence
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in evidence:
        grouped[row["relation_id"]].append(row)
    query = select(r.c.id, r.c.start, r.c.end, r.c.status, r.c.confidence, r.c.n_sources).where(r.c.id.in_(grouped))
    states = {rid: FactState(*rest) for rid, *rest in conn.execute(query)}
    seen = select(ev.c.relation_id).where(ev.c.relation_id.in_(grouped), ev.c.outlet == outlet)
    has_outlet = set(conn.execute(seen.distinct()).scalars())
    rows = []
    for rid, items in grouped.items():
        state = fold_evidence(states[rid], items, rid not in has_outlet)
        rows.append({"rid": rid, **{f"new_{k}": getattr(state, k) for k in _FACT_COLUMNS}})
    stmt = update(r).where(r.c.id == bindparam("rid")).values({c: bindparam(f"new_{c}") for c in _FACT_COLUMNS})
    conn.execute(stmt, rows)


_FACT_COLUMNS = ("start", "end", "status", "confidence", "n_sources")


# --- events -------------------------------------------------------------------------------------------------


def _event_row(
    ex: Extraction, seq: int, event: Event, document_id: int, actor_ids: dict[str, int], place_ids: dict[str, int]
) -> dict[str, object]:
    if event.type not in EVENT_TYPES:
        raise InputError(ex.doc.id, f"unknown event type {event.type!r}; choose from {', '.join(EVENT_TYPES)}")
    if event.status not in STATUSES:
        raise InputError(ex.doc.id, f"unknown status {event.status!r}; choose from {', '.join(STATUSES)}")
    if event.date is not None:
        bounds(event.date)
    if event.place is not None and event.place not in place_ids:
        raise InputError(ex.doc.id, f"event place {event.place!r} is not a place of the record")
    who, who_id = _attribution(event.attributed_to, {a.id: a for a in ex.actors}, actor_ids)
    return {
        "document_id": document_id,
        "seq": seq,
        "type": event.type,
        "date": event.date,
        "place_id": place_ids[event.place] if event.place is not None else None,
        "status": event.status,
        "attributed_to": who,
        "attributed_to_id": who_id,
        "confidence": event.confidence,
        "text": event.evidence.text,
        "start": event.evidence.start,
        "end": event.evidence.end,
    }


def write_events(
    conn: Connection, ex: Extraction, actor_ids: dict[str, int], place_ids: dict[str, int], document_id: int
) -> None:
    """Insert the record's events with their participants (actors, or literal values) and attributes."""
    if not ex.events:
        return
    rows = [_event_row(ex, seq, e, document_id, actor_ids, place_ids) for seq, e in enumerate(ex.events)]
    conn.execute(insert(t.events), rows)
    query = select(t.events.c.seq, t.events.c.id).where(t.events.c.document_id == document_id)
    ids = {seq: event_id for seq, event_id in conn.execute(query)}
    participants = [
        {
            "event_id": ids[seq],
            "role": p.role,
            "actor_id": actor_ids.get(p.ref),
            "value": None if p.ref in actor_ids else p.ref,
        }
        for seq, e in enumerate(ex.events)
        for p in e.participants
    ]
    attributes = [
        {"event_id": ids[seq], "name": name, "value": value}
        for seq, e in enumerate(ex.events)
        for name, value in e.attributes
    ]
    if participants:
        conn.execute(insert(t.event_participants), participants)
    if attributes:
        conn.execute(insert(t.event_attributes), attributes)


def write_extraction(conn: Connection, ex: Extraction) -> None:
    """Write a whole record (its document not yet stored) inside the caller's transaction."""
    document_id = insert_document(conn, ex.doc)
    actor_ids = resolve_actors(conn, ex.actors)
    place_ids = resolve_places(conn, ex.places, document_id)
    write_relations(conn, ex, actor_ids, place_ids, document_id)
    write_events(conn, ex, actor_ids, place_ids, document_id)
