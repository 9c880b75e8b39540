"""Store records to API models."""

from __future__ import annotations

from factionmap.store import Snapshot, StoredEvent, StoredEvidence, StoredPlace, StoredRelation
from factionmap.vocabulary import SYMMETRIC_RELATIONS
from factionmap.web.schemas import (
    EventOut,
    EvidenceOut,
    ParticipantOut,
    PlaceLinkOut,
    PlaceOut,
    RelationOut,
)


def evidence_out(ev: StoredEvidence, snap: Snapshot) -> EvidenceOut:
    """An evidence sentence with its article's outlet."""
    return EvidenceOut(
        text=ev.text,
        document_id=ev.document_id,
        doc_id=ev.doc_id,
        title=ev.title,
        url=ev.url,
        outlet=snap.outlet(ev.document_id),
        published=ev.published,
        status=ev.status,
        attributed_to=ev.attributed_to,
        confidence=ev.confidence,
        start=ev.start_date,
        end=ev.end_date,
    )


def relation_out(rel: StoredRelation) -> RelationOut:
    """A relation without its evidence sentences (see ``/api/relations/{id}/evidence``)."""
    return RelationOut(
        id=rel.id,
        type=rel.type,
        directed=rel.type not in SYMMETRIC_RELATIONS,
        subject_id=rel.subject_id,
        subject_name=rel.subject_name,
        object_id=rel.object_id,
        object_name=rel.object_name,
        object_is_place=rel.object_is_place,
        start=rel.start,
        end=rel.end,
        effective_end=rel.effective_end,
        superseded_by=rel.superseded_by,
        status=rel.status,
        confidence=rel.confidence,
        n_sources=rel.n_sources,
        n_evidence=len(rel.evidence),
    )


def place_out(place: StoredPlace) -> PlaceOut:
    """A place."""
    return PlaceOut(
        id=place.id,
        name=place.name,
        country=place.country,
        admin1=place.admin1,
        feature=place.feature,
        lat=place.lat,
        lon=place.lon,
        geonames_id=place.geonames_id,
    )


def event_out(event: StoredEvent, snap: Snapshot) -> EventOut:
    """An event with its participants and evidence."""
    return EventOut(
        id=event.id,
        type=event.type,
        date=event.date,
        place=place_out(event.place) if event.place is not None else None,
        status=event.status,
        attributed_to=event.attributed_to,
        confidence=event.confidence,
        participants=[ParticipantOut(role=p.role, actor_id=p.actor_id, name=p.name) for p in event.participants],
        attributes=list(event.attributes),
        evidence=evidence_out(event.evidence, snap),
    )


def relation_place_link(rel: StoredRelation, place: StoredPlace) -> PlaceLinkOut:
    """A map marker for an ``operates_in``/``based_in`` relation."""
    return PlaceLinkOut(
        place=place_out(place),
        link=rel.type,
        actor_ids=[rel.subject_id],
        actor_names=[rel.subject_name],
        relation_id=rel.id,
        event_id=None,
        event_type=None,
        start=rel.start,
        end=rel.effective_end,
        status=rel.status,
    )


def event_place_link(event: StoredEvent) -> PlaceLinkOut | None:
    """A map marker for an event that has a place; None for one that has none."""
    if event.place is None:
        return None
    actors = [p for p in event.participants if p.actor_id is not None]
    return PlaceLinkOut(
        place=place_out(event.place),
        link="event",
        actor_ids=[p.actor_id for p in actors if p.actor_id is not None],
        actor_names=[p.name for p in actors],
        relation_id=None,
        event_id=event.id,
        event_type=event.type,
        start=event.date,
        end=event.date,
        status=event.status,
    )
