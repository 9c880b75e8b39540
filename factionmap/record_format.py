"""The extraction record of ``shared/eval/FORMAT.md`` both ways: one home for writing and reading it.

Writing (``record_to_dict``, ``write_jsonl``): an ``Extraction`` as the JSON object, with actor and place ids
stable across a run (``RunIds``). ``stored=True`` writes the record as the store holds it (``export jsonl``): ids
as given, and beyond FORMAT.md ``doc.text`` (null for an evidence-only document), ``doc.content_hash`` and each
actor's and place's ``key``. A participant whose ``ref`` is no actor or place of the record is a literal value (a
medium, a list name): ``{"role": ..., "value": ...}``; an attribution to no actor of the record keeps its name.
Reading (``record_to_extraction``): a JSON object back into an ``Extraction``,
each field checked; a record without ``doc.text`` becomes an *evidence-only* document whose text is spaces with
every evidence sentence and place mention written at its own offsets (its ``source`` starts
``EVIDENCE_ONLY_PREFIX``). ``factionmap import`` reads through it; ``export jsonl`` writes through it the records
it rebuilds from the store (``factionmap.export.jsonl``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TextIO, TypeGuard, TypeVar

from factionmap.errors import InputError
from factionmap.records import Actor, Document, Event, Extraction, Participant, Place, Relation, Span
from factionmap.vocabulary import (
    ACTOR_KINDS,
    EVENT_TYPES,
    RELATION_TYPES,
    STATUSES,
    is_actor_kind,
    is_event_type,
    is_relation_type,
    is_status,
)

EVIDENCE_ONLY_PREFIX = "evidence-only:"
_Choice = TypeVar("_Choice", bound=str)
_EVENT_FIELDS = frozenset(
    {"type", "participants", "date", "place", "status", "attributed_to", "confidence", "evidence"}
)


class RunIds:
    """Gives the same actor or place the same id in every record of one run (``a1`` here is ``a1`` there)."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.counts = {"a": 0, "p": 0}

    def id_for(self, key: str, prefix: str) -> str:
        """The run-wide id of an actor or place key."""
        if key not in self.ids:
            self.counts[prefix] += 1
            self.ids[key] = f"{prefix}{self.counts[prefix]}"
        return self.ids[key]


def _span(span: Span) -> dict[str, Any]:
    return {"text": span.text, "start": span.start, "end": span.end}


def record_to_dict(ex: Extraction, run: RunIds | None = None, stored: bool = False) -> dict[str, Any]:
    """One extraction record as the JSON object FORMAT.md specifies; ``stored``: as the store holds it (ids as
    given, plus the document's text and hash and the actors' and places' keys)."""
    if stored:
        ids = {a.id: a.id for a in ex.actors} | {p.id: p.id for p in ex.places}
    else:
        run = run or RunIds()
        ids = {a.id: run.id_for(a.key or a.id, "a") for a in ex.actors}
        ids |= {p.id: run.id_for(p.key or p.id, "p") for p in ex.places}
    return {
        "doc": _document(ex.doc, stored),
        "actors": [_actor(a, ids, stored) for a in ex.actors],
        "places": [_place(p, ids, stored) for p in ex.places],
        "relations": [_relation(r, ids) for r in ex.relations],
        "events": [_event(e, ids) for e in ex.events],
    }


def _document(d: Document, stored: bool) -> dict[str, Any]:
    out = {"id": d.id, "source": d.source, "title": d.title, "published": d.published,
           "published_from": d.published_from, "url": d.url}
    if stored:
        evidence_only = d.source.startswith(EVIDENCE_ONLY_PREFIX)
        out |= {"content_hash": d.content_hash, "text": None if evidence_only else d.text}
    return out


def _actor(a: Actor, ids: dict[str, str], stored: bool) -> dict[str, Any]:
    out = {"id": ids[a.id], "name": a.name, "aliases": list(a.aliases), "kind": a.kind, "kb_id": a.kb_id}
    return out | {"key": a.key} if stored else out


def _place(p: Place, ids: dict[str, str], stored: bool) -> dict[str, Any]:
    out = {"id": ids[p.id], "name": p.name, "geonames_id": p.geonames_id, "country": p.country,
           "admin1": p.admin1, "feature": p.feature, "lat": p.lat, "lon": p.lon, "precision": p.precision}
    return out | ({"key": p.key} if stored else {}) | {"mentions": [_span(m) for m in p.mentions]}


def _relation(r: Relation, ids: dict[str, str]) -> dict[str, Any]:
    return {"subject": ids[r.subject], "type": r.type, "object": ids[r.object], "start": r.start, "end": r.end,
            "status": r.status, "attributed_to": _attribution(r.attributed_to, ids), "confidence": r.confidence,
            "evidence": _span(r.evidence)}


def _attribution(ref: str | None, ids: dict[str, str]) -> str | None:
    """The id of the actor a claim is attributed to, else the name of its author as written."""
    return None if ref is None else ids.get(ref, ref)


def _participant(p: Participant, ids: dict[str, str]) -> dict[str, str]:
    return {"role": p.role, "ref": ids[p.ref]} if p.ref in ids else {"role": p.role, "value": p.ref}


def _event(e: Event, ids: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": e.type, "participants": [_participant(p, ids) for p in e.participants],
        "date": e.date, "place": ids.get(e.place or ""), "status": e.status,
        "attributed_to": _attribution(e.attributed_to, ids), "confidence": e.confidence, "evidence": _span(e.evidence)}
    out.update({name: value for name, value in e.attributes if name not in out})
    return out


def write_jsonl(records: Iterable[Extraction], out: TextIO, run: RunIds | None = None, stored: bool = False) -> int:
    """Write records one JSON object a line (UTF-8, not ASCII-escaped); return how many were written."""
    run = run or RunIds()
    n = 0
    for ex in records:
        out.write(json.dumps(record_to_dict(ex, run, stored), ensure_ascii=False) + "\n")
        n += 1
    return n


# --- Reading -------------------------------------------------------------------------------------------------


def _read_str(d: Mapping[str, Any], key: str, where: str) -> str:
    value = d.get(key)
    if not isinstance(value, str) or not value:
        raise InputError(where, f"{key!r} must be a non-empty string, got {value!r}")
    return value


def _read_choice(value: object, what: str, is_choice: Callable[[object], TypeGuard[_Choice]],
                 choices: Iterable[str], where: str) -> _Choice:
    """``value`` as one of the ontology's ``choices`` (an actor kind, a status...); ``InputError`` naming it if not."""
    if not is_choice(value):
        raise InputError(where, f"unknown {what} {value!r}; choose from {', '.join(choices)}")
    return value


def _read_opt(d: Mapping[str, Any], key: str) -> Any:
    value = d.get(key)
    return None if value == "" else value


def _read_span(d: Any, where: str) -> Span:
    if not isinstance(d, Mapping):
        raise InputError(where, f"evidence must be an object with text, start and end, got {d!r}")
    start, end = d.get("start"), d.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end:
        raise InputError(where, f"span offsets must be integers with 0 <= start <= end, got {start!r}, {end!r}")
    return Span(_read_str(d, "text", where), start, end)


def _read_actor(d: Mapping[str, Any], where: str) -> Actor:
    aliases = tuple(str(a) for a in d.get("aliases") or ())
    return Actor(
        _read_str(d, "id", where),
        _read_str(d, "name", where),
        _read_choice(d.get("kind"), "actor kind", is_actor_kind, ACTOR_KINDS, where),
        aliases,
        key=str(d.get("key") or ""),
        kb_id=_read_opt(d, "kb_id"),
    )


def _read_place(d: Mapping[str, Any], where: str) -> Place:
    gid = d.get("geonames_id")
    return Place(
        _read_str(d, "id", where),
        _read_str(d, "name", where),
        _read_opt(d, "country"),
        str(d.get("feature") or "unknown"),
        _read_opt(d, "lat"),
        _read_opt(d, "lon"),
        admin1=_read_opt(d, "admin1"),
        geonames_id=int(gid) if gid else None,
        precision=_read_opt(d, "precision"),
        mentions=tuple(_read_span(m, where) for m in d.get("mentions") or ()),
        key=str(d.get("key") or ""),
    )


def _read_relation(d: Mapping[str, Any], where: str) -> Relation:
    return Relation(
        _read_str(d, "subject", where),
        _read_choice(d.get("type"), "relation type", is_relation_type, RELATION_TYPES, where),
        _read_str(d, "object", where),
        _read_span(d.get("evidence"), where),
        start=_read_opt(d, "start"),
        end=_read_opt(d, "end"),
        status=_read_choice(d.get("status") or "asserted", "status", is_status, STATUSES, where),
        attributed_to=_read_opt(d, "attributed_to"),
        confidence=float(d.get("confidence", 0.5)),
    )


def _read_participant(d: Mapping[str, Any], where: str) -> Participant:
    ref = d.get("ref") if d.get("ref") is not None else d.get("value")
    if not isinstance(ref, str) or not ref:
        raise InputError(where, f"a participant needs a 'ref' (actor id) or a 'value', got {d!r}")
    return Participant(_read_str(d, "role", where), ref)


def _read_event(d: Mapping[str, Any], where: str) -> Event:
    attributes = tuple((k, str(v)) for k, v in d.items() if k not in _EVENT_FIELDS and v is not None)
    return Event(
        _read_choice(d.get("type"), "event type", is_event_type, EVENT_TYPES, where),
        tuple(_read_participant(p, where) for p in d.get("participants") or ()),
        _read_span(d.get("evidence"), where),
        date=_read_opt(d, "date"),
        place=_read_opt(d, "place"),
        status=_read_choice(d.get("status") or "asserted", "status", is_status, STATUSES, where),
        attributed_to=_read_opt(d, "attributed_to"),
        confidence=float(d.get("confidence", 0.5)),
        attributes=attributes,
    )


def _spans_of(places: Iterable[Place], rels: Iterable[Relation], events: Iterable[Event]) -> list[Span]:
    return [*(m for p in places for m in p.mentions), *(r.evidence for r in rels), *(e.evidence for e in events)]


def evidence_text(spans: Iterable[Span], where: str) -> str:
    """A text of spaces with each span written at its offsets; ``InputError`` if two spans disagree."""
    spans = list(spans)
    chars = [" "] * max((s.end for s in spans), default=0)
    written = [False] * len(chars)
    for s in spans:
        if len(s.text) != s.end - s.start:
            raise InputError(where, f"span {s.text[:40]!r} does not fit its offsets {s.start}-{s.end}")
        for i, ch in enumerate(s.text, start=s.start):
            if written[i] and chars[i] != ch:
                raise InputError(where, f"spans disagree at offset {i}; the record needs its doc.text")
            chars[i], written[i] = ch, True
    return "".join(chars)


def _check_spans(text: str, spans: Iterable[Span], where: str) -> None:
    for s in spans:
        if text[s.start : s.end] != s.text:
            raise InputError(where, f"span {s.text[:40]!r} at {s.start}-{s.end} is not in the document text there")


def _read_document(d: Mapping[str, Any], spans: list[Span], where: str) -> tuple[Document, bool]:
    """The record's document; the flag says its text was rebuilt from evidence (evidence-only)."""
    source = str(d.get("source") or d.get("id") or where)
    given = d.get("text")
    evidence_only = not isinstance(given, str) or not given
    if isinstance(given, str) and given:
        text = given
        _check_spans(text, spans, where)
    else:
        text = evidence_text(spans, where)
        source = EVIDENCE_ONLY_PREFIX + source.removeprefix(EVIDENCE_ONLY_PREFIX)
    doc = Document(
        _read_str(d, "id", where),
        text,
        source,
        title=_read_opt(d, "title"),
        published=_read_opt(d, "published"),
        published_from=_read_opt(d, "published_from"),
        url=_read_opt(d, "url"),
    )
    return doc, evidence_only


def record_to_extraction(record: Mapping[str, Any], where: str) -> tuple[Extraction, bool]:
    """One FORMAT.md record as an ``Extraction``; the flag says the document is evidence-only."""
    if not isinstance(record, Mapping) or not isinstance(record.get("doc"), Mapping):
        raise InputError(where, "a record must be a JSON object with a 'doc' object")
    actors = tuple(_read_actor(a, where) for a in record.get("actors") or ())
    places = tuple(_read_place(p, where) for p in record.get("places") or ())
    rels = tuple(_read_relation(r, where) for r in record.get("relations") or ())
    events = tuple(_read_event(e, where) for e in record.get("events") or ())
    if not (record.get("doc") or {}).get("text") and not _spans_of(places, rels, events):
        raise InputError(where, "the record has neither doc.text nor any evidence to store")
    doc, evidence_only = _read_document(record["doc"], _spans_of(places, rels, events), where)
    return Extraction(doc, actors, places, rels, events), evidence_only
