"""Incidents: the events of one type, date and participants merged into one, with all their sources.

The same attack is often told by several sentences and several articles; each is stored as an event with its
own evidence. The timeline shows one item per incident (``/api/incidents``), listing every sentence behind it.
Events are one incident when their type, date (as written) and actor participants (role and actor) are equal;
the place is the first one given.
"""

from __future__ import annotations

from collections.abc import Iterable

from factionmap.store import Snapshot, StoredEvent
from factionmap.timeline import sort_key
from factionmap.web.convert import evidence_out, place_out
from factionmap.web.schemas import IncidentOut, ParticipantOut

IncidentKey = tuple[str, str | None, frozenset[tuple[str, int | str]]]


def incident_key(event: StoredEvent) -> IncidentKey:
    """What makes two events one incident: type, date and who took part in which role."""
    who = frozenset((p.role, p.actor_id if p.actor_id is not None else p.name.casefold()) for p in event.participants)
    return event.type, event.date, who


def group_incidents(events: Iterable[StoredEvent]) -> list[list[StoredEvent]]:
    """Events grouped by ``incident_key``, each group in id order, groups in order of first appearance."""
    groups: dict[IncidentKey, list[StoredEvent]] = {}
    for event in events:
        groups.setdefault(incident_key(event), []).append(event)
    return [sorted(group, key=lambda e: e.id) for group in groups.values()]


def _participants(group: list[StoredEvent]) -> list[ParticipantOut]:
    seen: dict[tuple[str, int | str], ParticipantOut] = {}
    for event in group:
        for p in event.participants:
            key = (p.role, p.actor_id if p.actor_id is not None else p.name.casefold())
            seen.setdefault(key, ParticipantOut(role=p.role, actor_id=p.actor_id, name=p.name))
    return list(seen.values())


def incident_out(group: list[StoredEvent], snap: Snapshot) -> IncidentOut:
    """One incident from its events."""
    first = group[0]
    place = next((e.place for e in group if e.place is not None), None)
    statuses = [e.status for e in group]
    return IncidentOut(
        id=f"i{first.id}",
        type=first.type,
        date=first.date,
        place=place_out(place) if place is not None else None,
        status="asserted" if "asserted" in statuses else statuses[0],
        participants=_participants(group),
        event_ids=[e.id for e in group],
        n_sources=len({e.evidence.document_id for e in group}),
        evidence=[evidence_out(e.evidence, snap) for e in group],
    )


def incidents(snap: Snapshot, events: Iterable[StoredEvent]) -> list[IncidentOut]:
    """The incidents of some events, in date order (undated last)."""
    found = [incident_out(group, snap) for group in group_incidents(events)]
    return sorted(found, key=lambda i: sort_key(i.date))
