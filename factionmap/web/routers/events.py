"""``/api/events``: the timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from factionmap.records import EVENT_TYPES
from factionmap.web.convert import event_out
from factionmap.web.dependencies import MAX_STORE_ID, SnapshotDep
from factionmap.web.queries import check_date, events, parse_choices
from factionmap.web.schemas import EventOut

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
