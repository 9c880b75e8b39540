"""STIX 2.1 bundle: reports, threat actors, identities, locations and relationships (``docs/exports.md``).

Ids are ``uuid5`` over the fields that identify each object (an actor's store key, a place's key, a relation's
ontology type and its two ends' keys, a document's content hash) in the factionmap namespace, so exporting the
same facts again, from this store or another one, gives the same ids: a STIX consumer updates its objects
instead of duplicating them.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, time
from typing import Any, TextIO

from stix2 import Bundle, ExternalReference, Identity, Location, Relationship, Report, ThreatActor
from stix2.base import _STIXBase

from factionmap.errors import UnmappedRelationType
from factionmap.export.base import ExportCounts
from factionmap.store.base import Snapshot, StoredActor, StoredDocument, StoredEvidence, StoredPlace, StoredRelation
from factionmap.timeline import lower_bound, upper_bound
from factionmap.vocabulary import STIX_RELATIONSHIP_TYPES

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://factionmap.org/stix")
"""The uuid5 namespace of every factionmap STIX id (fixed forever: changing it would duplicate every object)."""


def relationship_type(rel_type: str) -> str:
    """The STIX ``relationship_type`` of an ontology relation type; ``UnmappedRelationType`` names a type the
    vocabulary does not know (a store written by another version)."""
    try:
        return STIX_RELATIONSHIP_TYPES[rel_type]
    except KeyError:
        raise UnmappedRelationType("stix", rel_type, STIX_RELATIONSHIP_TYPES) from None


IDENTITY_CLASSES: dict[str, str] = {"state": "organization", "organization": "organization", "person": "individual"}
PRECISION_METRES: dict[str, float] = {
    "country": 500_000.0,
    "region": 250_000.0,
    "admin1": 100_000.0,
    "admin2": 30_000.0,
    "city": 5_000.0,
}
PRODUCER_NAME = "factionmap"


def stix_id(kind: str, *fields: str) -> str:
    """A deterministic STIX id: ``<kind>--uuid5(NAMESPACE, kind|field|...)``."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, '|'.join((kind, *fields)))}"


def start_timestamp(value: str) -> datetime:
    """The first instant a partial date can mean, in UTC."""
    return datetime.combine(lower_bound(value), time.min, UTC)


def stop_timestamp(value: str) -> datetime:
    """The last whole second a partial date can mean, in UTC."""
    return datetime.combine(upper_bound(value), time(23, 59, 59), UTC)


class _Builder:
    """Builds the STIX objects of one snapshot; every object gets ``created_by_ref`` the factionmap identity."""

    def __init__(self, snapshot: Snapshot, now: datetime) -> None:
        self.snapshot = snapshot
        self.now = now
        self.producer = Identity(
            id=stix_id("identity", "producer", PRODUCER_NAME),
            name=PRODUCER_NAME,
            identity_class="system",
            created=now,
            modified=now,
            description="factionmap: a sourced, time-aware map of armed groups.",
        )
        self.refs: dict[int, str] = {}
        self.place_refs: dict[int, str] = {}
        self.doc_objects: dict[int, list[str]] = defaultdict(list)

    def _common(self, created: datetime | None = None) -> dict[str, Any]:
        first = min(created, self.now) if created is not None else self.now
        return {"created": first, "modified": self.now, "created_by_ref": self.producer.id, "allow_custom": True}

    def actor(self, a: StoredActor) -> _STIXBase:
        """A threat-actor for an armed group, an identity for a state, organization or person."""
        custom = {"x_factionmap_kind": a.kind, "x_factionmap_key": a.key, "x_factionmap_kb_id": a.kb_id}
        custom = {k: v for k, v in custom.items() if v is not None}
        aliases = [x for x in a.aliases if x != a.name]
        if a.kind == "armed_group":
            obj: _STIXBase = ThreatActor(
                id=stix_id("threat-actor", a.key), name=a.name, aliases=aliases or None, **custom, **self._common()
            )
        else:
            extra = {"sectors": ["government-national"]} if a.kind == "state" else {}
            obj = Identity(
                id=stix_id("identity", a.key),
                name=a.name,
                identity_class=IDENTITY_CLASSES.get(a.kind, "unknown"),
                x_factionmap_aliases=aliases or None,
                **extra,
                **custom,
                **self._common(),
            )
        self.refs[a.id] = obj.id
        return obj

    def location(self, p: StoredPlace) -> _STIXBase | None:
        """A location with coordinates and precision in metres; None for a place with neither country nor point."""
        point = p.lat is not None and p.lon is not None
        if not point and not p.country:
            return None
        precision = PRECISION_METRES.get(p.precision or "", 10_000.0) if point else None
        obj = Location(
            id=stix_id("location", p.key),
            name=p.name,
            latitude=p.lat if point else None,
            longitude=p.lon if point else None,
            precision=precision,
            country=p.country,
            administrative_area=p.admin1,
            x_factionmap_feature=p.feature,
            x_factionmap_precision=p.precision,
            x_factionmap_geonames_id=p.geonames_id,
            **self._common(),
        )
        self.place_refs[p.id] = obj.id
        return obj

    def relationship(self, rel: StoredRelation) -> _STIXBase | None:
        """A relationship with dates, confidence, the evidence and a reference to each article; None if an end
        is not exported (a place without location)."""
        source = self.refs.get(rel.subject_id)
        target = (self.place_refs if rel.object_is_place else self.refs).get(rel.object_id)
        if source is None or target is None:
            return None
        obj = Relationship(
            id=stix_id("relationship", rel.type, self._key(rel.subject_id), self._object_key(rel)),
            relationship_type=relationship_type(rel.type),
            source_ref=source,
            target_ref=target,
            description=_evidence_text(rel.evidence) or None,
            confidence=round(rel.confidence * 100),
            external_references=[_reference(ev) for ev in rel.evidence] or None,
            **_times(rel),
            **_relation_custom(rel),
            **self._common(_first_published(rel.evidence)),
        )
        for ev in rel.evidence:
            self.doc_objects[ev.document_id] += [obj.id, source, target]
        return obj

    def _key(self, actor_id: int) -> str:
        return self.snapshot.actors[actor_id].key

    def _object_key(self, rel: StoredRelation) -> str:
        return self.snapshot.places[rel.object_id].key if rel.object_is_place else self._key(rel.object_id)

    def report(self, doc: StoredDocument) -> _STIXBase | None:
        """A report for an article, referring to what it gave evidence for; None when it gave none."""
        refs = list(dict.fromkeys(self.doc_objects.get(doc.id, [])))
        if not refs:
            return None
        published = start_timestamp(doc.published) if doc.published else self.now
        ref = ExternalReference(source_name=doc.outlet, url=doc.url, external_id=doc.doc_id)
        return Report(
            id=stix_id("report", doc.content_hash),
            name=doc.title or doc.doc_id,
            published=published,
            report_types=["threat-actor"],
            object_refs=refs,
            external_references=[ref],
            x_factionmap_published=doc.published,
            x_factionmap_source=doc.source,
            **self._common(published),
        )


def _times(rel: StoredRelation) -> dict[str, datetime]:
    """``start_time``/``stop_time`` from the partial dates; no stop time when it would not follow the start."""
    times: dict[str, datetime] = {}
    if rel.start:
        times["start_time"] = start_timestamp(rel.start)
    end = rel.effective_end
    if end and ("start_time" not in times or stop_timestamp(end) > times["start_time"]):
        times["stop_time"] = stop_timestamp(end)
    return times


def _relation_custom(rel: StoredRelation) -> dict[str, Any]:
    custom = {
        "x_factionmap_relation": rel.type,
        "x_factionmap_status": rel.status,
        "x_factionmap_sources": rel.n_sources,
        "x_factionmap_start": rel.start,
        "x_factionmap_end": rel.effective_end,
        "x_factionmap_stated_end": rel.end,
    }
    return {k: v for k, v in custom.items() if v is not None}


def _evidence_text(evidence: Sequence[StoredEvidence]) -> str:
    return "\n\n".join(dict.fromkeys(ev.text for ev in evidence))


def _first_published(evidence: Iterable[StoredEvidence]) -> datetime | None:
    dates = sorted(lower_bound(ev.published) for ev in evidence if ev.published)
    return datetime.combine(dates[0], time.min, UTC) if dates else None


def _reference(ev: StoredEvidence) -> ExternalReference:
    return ExternalReference(source_name=ev.title or ev.doc_id, url=ev.url, external_id=ev.doc_id, description=ev.text)


def build_objects(snapshot: Snapshot, now: datetime) -> tuple[list[_STIXBase], ExportCounts]:
    """Every STIX object of a snapshot, in a stable order, and what they count."""
    b = _Builder(snapshot, now)
    actors = [b.actor(a) for a in sorted(snapshot.actors.values(), key=lambda a: a.id)]
    places = [o for o in (b.location(p) for p in snapshot.places.values()) if o is not None]
    rels = [o for o in (b.relationship(r) for r in snapshot.relations) if o is not None]
    reports = [o for o in (b.report(d) for d in snapshot.documents.values()) if o is not None]
    counts = ExportCounts(actors=len(actors), places=len(places), relations=len(rels), documents=len(reports))
    return [b.producer, *actors, *places, *rels, *reports], counts


def bundle_of(snapshot: Snapshot, now: datetime | None = None) -> tuple[Bundle, ExportCounts]:
    """The snapshot as one bundle, whose id is a uuid5 of its objects' ids."""
    objects, counts = build_objects(snapshot, now or datetime.now(UTC).replace(microsecond=0))
    bundle_id = stix_id("bundle", *sorted(o.id for o in objects))
    return Bundle(objects=objects, id=bundle_id, allow_custom=True), counts


class StixExporter:
    """``stix``: a STIX 2.1 bundle (JSON), denied relations left out."""

    name = "stix"
    include_denied = False

    def __call__(self, snapshot: Snapshot, out: TextIO) -> ExportCounts:
        """Write the bundle as indented JSON (UTF-8, not ASCII-escaped)."""
        bundle, counts = bundle_of(snapshot)
        out.write(json.dumps(json.loads(bundle.serialize()), indent=2, ensure_ascii=False) + "\n")
        return counts
