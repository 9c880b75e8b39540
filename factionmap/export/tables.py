"""ACLED-style events CSV and Mapping-Militants-style relationships CSV (headers and mappings: docs/exports.md).

Both are written with ``csv`` (RFC 4180 quoting, ``\\n`` line ends), so commas, quotes and newlines in evidence
survive; read them back with ``csv.DictReader(open(path, newline="", encoding="utf-8"))``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import TextIO

import pycountry

from factionmap.export.base import ExportCounts
from factionmap.store.base import Snapshot, StoredActor, StoredEvent, StoredEvidence, StoredRelation
from factionmap.timeline import lower_bound
from factionmap.vocabulary import MMP_TYPES

ACLED_COLUMNS: tuple[str, ...] = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "notes",
    # factionmap's own columns
    "event_id",
    "factionmap_type",
    "date",
    "status",
    "confidence",
    "country_code",
    "source_url",
    "doc_id",
)
MMP_COLUMNS: tuple[str, ...] = (
    "type",
    "group1",
    "group2",
    "date",
    "description",
    # factionmap's own columns
    "end_date",
    "status",
    "sources",
    "relation",
    "stated_end_date",
    "confidence",
    "source_urls",
)

GEO_PRECISION: dict[str, int] = {"city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
TIME_PRECISION: dict[int, int] = {10: 1, 7: 3, 4: 3}  # by partial-date length: day, month, year

REMOTE_MEANS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("drone", "airstrike", "air strike", "air raid", "aerial", "bombing raid", "warplane", "jet"), "Air/drone strike"),
    (("suicide",), "Suicide bomb"),
    (("shell", "artillery", "rocket", "missile", "mortar"), "Shelling/artillery/missile attack"),
    (("ied", "bomb", "explosive", "landmine", "mine", "car bomb", "vbied"), "Remote explosive/landmine/IED"),
)
"""Words in an event's ``means`` (participant or attribute) -> ACLED Explosions/Remote violence sub-event type."""

STRATEGIC: dict[str, str] = {
    "capture": "Arrests",
    "pledge": "Change to group/activity",
    "founding": "Change to group/activity",
    "designation": "Other",
    "propaganda": "Other",
    "killing": "Other",
}
"""Non-attack events coded as ACLED "Strategic developments" (killings by remote means excepted)."""

FIGHTING_KINDS = frozenset({"armed_group", "state"})


def _means(event: StoredEvent) -> str:
    values = [p.name for p in event.participants if p.role == "means"]
    values += [v for k, v in event.attributes if k == "means"]
    return " ".join(values).lower()


def _remote_sub_type(means: str) -> str | None:
    words = set(means.replace("/", " ").replace("-", " ").split())
    for cues, sub_type in REMOTE_MEANS:
        if any(
            (cue in means) if " " in cue else (cue in words or any(w.startswith(cue) for w in words)) for cue in cues
        ):
            return sub_type
    return None


def acled_type(event: StoredEvent, actors: dict[int, StoredActor]) -> tuple[str, str]:
    """ACLED (event_type, sub_event_type) for an event: by its type, its means and what kind its target is."""
    remote = _remote_sub_type(_means(event))
    if event.type in ("attack", "killing") and remote is not None:
        return "Explosions/Remote violence", remote
    if event.type != "attack":
        return "Strategic developments", STRATEGIC.get(event.type, "Other")
    kinds = {
        actors[p.actor_id].kind
        for p in event.participants
        if p.role == "target" and p.actor_id is not None and p.actor_id in actors
    }
    if kinds & FIGHTING_KINDS:
        return "Battles", "Armed clash"
    return "Violence against civilians", "Attack"


def _names(event: StoredEvent, roles: Iterable[str]) -> list[str]:
    wanted = set(roles)
    return list(dict.fromkeys(p.name for p in event.participants if p.role in wanted and p.actor_id is not None))


def _country_name(code: str | None) -> str:
    if not code:
        return ""
    found = pycountry.countries.get(alpha_2=code)
    return str(found.name) if found is not None else code


def _source(ev: StoredEvidence) -> str:
    return ev.title or ev.doc_id


def acled_row(event: StoredEvent, actors: dict[int, StoredActor], precisions: dict[int, str | None]) -> dict[str, str]:
    """One ACLED-style row; dates at day precision (first day of a month or year, with time_precision 3)."""
    event_type, sub_type = acled_type(event, actors)
    side1, side2 = _names(event, ("actor",)), _names(event, ("target",))
    side1 += [n for n in _names(event, ("partner",)) if n not in side1]
    place, ev = event.place, event.evidence
    row = {
        "event_date": lower_bound(event.date).isoformat() if event.date else "",
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": side1[0] if side1 else "",
        "assoc_actor_1": "; ".join(side1[1:]),
        "actor2": side2[0] if side2 else "",
        "assoc_actor_2": "; ".join(side2[1:]),
        "country": _country_name(place.country if place else None),
        "admin1": (place.admin1 or "") if place else "",
        "location": place.name if place else "",
        "latitude": "" if place is None or place.lat is None else str(place.lat),
        "longitude": "" if place is None or place.lon is None else str(place.lon),
        "geo_precision": str(GEO_PRECISION.get(precisions.get(place.id) or "city", 1)) if place else "",
        "time_precision": str(TIME_PRECISION[len(event.date)]) if event.date else "",
        "source": _source(ev),
        "notes": ev.text,
        "event_id": str(event.id),
        "factionmap_type": event.type,
        "date": event.date or "",
        "status": event.status,
        "confidence": f"{event.confidence:.2f}",
        "country_code": (place.country or "") if place else "",
        "source_url": ev.url or "",
        "doc_id": ev.doc_id,
    }
    return row


def mmp_row(rel: StoredRelation) -> dict[str, str]:
    """One Mapping-Militants-style row: group1 is the subject (the affiliate, the splinter), group2 the object."""
    urls = [ev.url or ev.doc_id for ev in rel.evidence]
    return {
        "type": MMP_TYPES[rel.type],
        "group1": rel.subject_name,
        "group2": rel.object_name,
        "date": rel.start or "",
        "description": "\n".join(dict.fromkeys(ev.text for ev in rel.evidence)),
        "end_date": rel.effective_end or "",
        "status": rel.status,
        "sources": str(rel.n_sources),
        "relation": rel.type,
        "stated_end_date": rel.end or "",
        "confidence": f"{rel.confidence:.2f}",
        "source_urls": "\n".join(dict.fromkeys(urls)),
    }


def write_rows(out: TextIO, columns: Sequence[str], rows: Iterable[dict[str, str]]) -> int:
    """Write a header and rows as CSV; return the number of rows."""
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


class AcledExporter:
    """``acled``: one row per event, ACLED's columns first."""

    name = "acled"
    include_denied = False

    def __call__(self, snapshot: Snapshot, out: TextIO) -> ExportCounts:
        """Write the events as ACLED-style CSV."""
        precisions = {pid: p.precision for pid, p in snapshot.places.items()}
        rows = (acled_row(e, snapshot.actors, precisions) for e in snapshot.events)
        return ExportCounts(events=write_rows(out, ACLED_COLUMNS, rows))


class MmpExporter:
    """``mmp``: one row per actor-to-actor relation that has a Mapping Militants type."""

    name = "mmp"
    include_denied = False

    def __call__(self, snapshot: Snapshot, out: TextIO) -> ExportCounts:
        """Write the relations as Mapping-Militants-style CSV."""
        rows = (mmp_row(r) for r in snapshot.relations if r.type in MMP_TYPES and not r.object_is_place)
        return ExportCounts(relations=write_rows(out, MMP_COLUMNS, rows))
