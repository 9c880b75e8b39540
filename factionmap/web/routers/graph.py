"""``/api/graph``: the network of actors, optionally as of a date."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from factionmap.records import ACTOR_KINDS, RELATION_TYPES, STATUSES
from factionmap.web.dependencies import SnapshotDep
from factionmap.web.queries import GraphFilter, check_date, graph, parse_choices
from factionmap.web.schemas import GraphOut

router = APIRouter(prefix="/api", tags=["network"])


@router.get("/graph", response_model=GraphOut)
def get_graph(
    snap: SnapshotDep,
    as_of: Annotated[str | None, Query(description="only relations in force then: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    types: Annotated[list[str] | None, Query(description="relation types, comma-separated or repeated")] = None,
    kinds: Annotated[list[str] | None, Query(description="actor kinds; both ends must be one of them")] = None,
    statuses: Annotated[list[str] | None, Query(description="relation statuses (denied ones never show)")] = None,
    min_sources: Annotated[int, Query(ge=1, description="at least this many independent outlets")] = 1,
) -> GraphOut:
    """Actors and the relations between them; with ``as_of``, only relations in force on that date."""
    return graph(
        snap,
        GraphFilter(
            as_of=check_date(as_of),
            types=parse_choices(types, RELATION_TYPES, "relation type"),
            kinds=parse_choices(kinds, ACTOR_KINDS, "actor kind"),
            statuses=parse_choices(statuses, STATUSES, "status"),
            min_sources=min_sources,
        ),
    )
