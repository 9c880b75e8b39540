"""Extraction records as JSON (``shared/eval/FORMAT.md``), with actor and place ids stable across a run."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from factionmap.records import Actor, Event, Extraction, Place, Relation, Span


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


def record_to_dict(ex: Extraction, run: RunIds | None = None) -> dict[str, Any]:
    """One extraction record as the JSON object FORMAT.md specifies."""
    run = run or RunIds()
    local = {a.id: run.id_for(a.key or a.id, "a") for a in ex.actors}
    local |= {p.id: run.id_for(p.key or p.id, "p") for p in ex.places}
    d = ex.doc
    return {
        "doc": {"id": d.id, "source": d.source, "title": d.title, "published": d.published,
                "published_from": d.published_from, "url": d.url},
        "actors": [_actor(a, local) for a in ex.actors],
        "places": [_place(p, local) for p in ex.places],
        "relations": [_relation(r, local) for r in ex.relations],
        "events": [_event(e, local) for e in ex.events],
    }


def _actor(a: Actor, ids: dict[str, str]) -> dict[str, Any]:
    return {"id": ids[a.id], "name": a.name, "aliases": list(a.aliases), "kind": a.kind, "kb_id": a.kb_id}


def _place(p: Place, ids: dict[str, str]) -> dict[str, Any]:
    return {"id": ids[p.id], "name": p.name, "geonames_id": p.geonames_id, "country": p.country,
            "admin1": p.admin1, "feature": p.feature, "lat": p.lat, "lon": p.lon, "precision": p.precision,
            "mentions": [_span(m) for m in p.mentions]}


def _relation(r: Relation, ids: dict[str, str]) -> dict[str, Any]:
    return {"subject": ids[r.subject], "type": r.type, "object": ids[r.object], "start": r.start, "end": r.end,
            "status": r.status, "attributed_to": ids.get(r.attributed_to or ""), "confidence": r.confidence,
            "evidence": _span(r.evidence)}


def _event(e: Event, ids: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": e.type, "participants": [{"role": p.role, "ref": ids.get(p.ref, p.ref)} for p in e.participants],
        "date": e.date, "place": ids.get(e.place or ""), "status": e.status,
        "attributed_to": ids.get(e.attributed_to or ""), "confidence": e.confidence, "evidence": _span(e.evidence)}
    out.update(dict(e.attributes))
    return out


def write_jsonl(records: Iterable[Extraction], out: TextIO, run: RunIds | None = None) -> int:
    """Write records one JSON object a line; return how many were written."""
    run = run or RunIds()
    n = 0
    for ex in records:
        out.write(json.dumps(record_to_dict(ex, run), ensure_ascii=False) + "\n")
        n += 1
    return n
