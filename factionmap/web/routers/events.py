"""``/api/events`` and ``/api/incidents``: what happened, sentence by sentence or incident by incident."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from factionmap.timeline import check_date
from factionmap.vocabulary import EVENT_TYPES
from factionmap.web.convert import event_out
from factionmap.web.dependencies import MAX_STORE_ID, SnapshotDep
from factionmap.web.incidents import incidents
from factionmap.web.queries import events, parse_choices
from factionmap.web.schemas import EventOut, IncidentOut

router = APIRouter(prefix="/api", tags=["events"])


@router.get("/events", response_model=list[EventOut])
def get_events(
    snap: SnapshotDep,
    actor_id: Annotated[int | None, Query(ge=1, le=MAX_STORE_ID, description="only events this actor takes part in")] = None,
    until: Annotated[str | None, Query(description="only events dated on or before this date")] = None,
    types: Annotated[list[str] | None, Query(description="event types, comma-separated or repeated")] = None,
) -> list[EventOut]:
    """Events in date order (undated last)."""
    chosen = parse_choices(types, EVENT_TYPES, "event type")
    return [event_out(e, snap) for e in events(snap, actor_id, check_date(until), chosen)]


@router.get("/incidents", response_model=list[IncidentOut])
def get_incidents(
    snap: SnapshotDep,
    actor_id: Annotated[int | None, Query(ge=1, le=MAX_STORE_ID, description="only incidents this actor takes part in")] = None,
    since: Annotated[str | None, Query(description="only incidents dated on or after this date")] = None,
    until: Annotated[str | None, Query(description="only incidents dated on or before this date")] = None,
    types: Annotated[list[str] | None, Query(description="event types, comma-separated or repeated")] = None,
) -> list[IncidentOut]:
    """Events of one type, date and participants merged into one incident with every source, in date order.

    With ``since`` or ``until``, undated incidents are left out."""
    chosen = parse_choices(types, EVENT_TYPES, "event type")
    found = events(snap, actor_id, check_date(until), chosen, check_date(since))
    return incidents(snap, found)
