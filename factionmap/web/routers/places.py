"""``/api/places``: what the map shows."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from factionmap.timeline import check_date
from factionmap.web.dependencies import MAX_STORE_ID, SnapshotDep
from factionmap.web.queries import place_links
from factionmap.web.schemas import PlaceLinkOut

router = APIRouter(prefix="/api", tags=["places"])


@router.get("/places", response_model=list[PlaceLinkOut])
def get_places(
    snap: SnapshotDep,
    actor_id: Annotated[int | None, Query(ge=1, le=MAX_STORE_ID, description="only this actor's places and events")] = None,
    as_of: Annotated[str | None, Query(description="relations in force then, events up to then")] = None,
) -> list[PlaceLinkOut]:
    """Places where actors operate or are based, and places of events (markers without coordinates included)."""
    return place_links(snap, actor_id, check_date(as_of))
