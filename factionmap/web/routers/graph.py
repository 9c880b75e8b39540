"""``/api/graph``: the network of actors, optionally as of a date; ``/api/graph/compact``: the same, compact."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Response

from factionmap.timeline import check_date
from factionmap.vocabulary import ACTOR_KINDS, RELATION_TYPES, STATUSES
from factionmap.web.dependencies import MAX_STORE_ID, CatalogDep, SnapshotDep
from factionmap.web.queries import GraphFilter, compact_graph, graph, parse_choices
from factionmap.web.schemas import CompactGraphOut, GraphOut

router = APIRouter(prefix="/api", tags=["network"])

AsOf = Annotated[str | None, Query(description="only relations in force then: YYYY, YYYY-MM or YYYY-MM-DD")]
Types = Annotated[list[str] | None, Query(description="relation types, comma-separated or repeated")]
Kinds = Annotated[list[str] | None, Query(description="actor kinds; both ends must be one of them")]
Statuses = Annotated[list[str] | None, Query(description="relation statuses (denied ones never show)")]
MinSources = Annotated[int, Query(ge=1, le=MAX_STORE_ID, description="at least this many independent outlets")]


def _filter(as_of: str | None, types: list[str] | None, kinds: list[str] | None, statuses: list[str] | None,
            min_sources: int) -> GraphFilter:
    return GraphFilter(
        as_of=check_date(as_of),
        types=tuple(parse_choices(types, RELATION_TYPES, "relation type")),
        kinds=tuple(parse_choices(kinds, ACTOR_KINDS, "actor kind")),
        statuses=tuple(parse_choices(statuses, STATUSES, "status")),
        min_sources=min_sources,
    )


@router.get("/graph", response_model=GraphOut)
def get_graph(
    snap: SnapshotDep,
    as_of: AsOf = None,
    types: Types = None,
    kinds: Kinds = None,
    statuses: Statuses = None,
    min_sources: MinSources = 1,
) -> GraphOut:
    """Actors and the relations between them; with ``as_of``, only relations in force on that date."""
    return graph(snap, _filter(as_of, types, kinds, statuses, min_sources))


@router.get("/graph/compact", response_model=CompactGraphOut)
def get_compact_graph(
    catalog: CatalogDep,
    snap: SnapshotDep,
    as_of: AsOf = None,
    types: Types = None,
    kinds: Kinds = None,
    statuses: Statuses = None,
    min_sources: MinSources = 1,
) -> Response:
    """``/api/graph`` as columns of small integers, relations strongest first: what the page draws from.

    The same actors and relations as ``/api/graph`` under the same filters; built once per store snapshot."""
    f = _filter(as_of, types, kinds, statuses, min_sources)

    def build() -> bytes:
        return json.dumps(compact_graph(snap, f), ensure_ascii=False, separators=(",", ":")).encode()

    return Response(catalog.memo(snap, ("graph/compact", f), build), media_type="application/json")
