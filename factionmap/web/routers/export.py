"""``/api/export/{fmt}``: the page's current view as a download, through the store's exporters."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from factionmap.timeline import check_date
from factionmap.vocabulary import ACTOR_KINDS, RELATION_TYPES, STATUSES
from factionmap.web.dependencies import CatalogDep
from factionmap.web.exports import View, export_view
from factionmap.web.queries import parse_choices

router = APIRouter(prefix="/api", tags=["export"])

Types = Annotated[list[str] | None, Query(description="relation types, comma-separated or repeated")]
Kinds = Annotated[list[str] | None, Query(description="actor kinds; both ends must be one of them")]
Statuses = Annotated[list[str] | None, Query(description="relation statuses")]
ActorIds = Annotated[list[int] | None, Query(description="only what these actors take part in")]


@router.get("/export/{fmt}", response_class=Response)
def get_export(
    fmt: str,
    catalog: CatalogDep,
    as_of: Annotated[str | None, Query(description="in force then (or use since and until)")] = None,
    since: Annotated[str | None, Query(description="in force at some time from this date")] = None,
    until: Annotated[str | None, Query(description="in force at some time up to this date")] = None,
    types: Types = None,
    kinds: Kinds = None,
    statuses: Statuses = None,
    min_sources: Annotated[int, Query(ge=1)] = 1,
    actor_id: ActorIds = None,
    undated: Annotated[bool, Query(description="include relations with no dates at all")] = True,
) -> Response:
    """The view as stix, graphml, gexf, acled or mmp (CSV) or jsonl, as an attachment (400 for other formats)."""
    view = View(
        since=check_date(as_of) or check_date(since),
        until=check_date(as_of) or check_date(until),
        types=parse_choices(types, RELATION_TYPES, "relation type"),
        kinds=parse_choices(kinds, ACTOR_KINDS, "actor kind"),
        statuses=parse_choices(statuses, STATUSES, "status"),
        min_sources=min_sources,
        actor_ids=tuple(actor_id or ()),
        undated=undated,
    )
    body, media, name = export_view(catalog.snapshot(), fmt, view)
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})
