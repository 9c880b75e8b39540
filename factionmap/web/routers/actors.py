"""``/api/actors``: search by any name or alias, and one actor's profile."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from factionmap.web.convert import event_out, relation_out, relation_place_link
from factionmap.web.dependencies import ActorIdPath, CatalogDep, SnapshotDep
from factionmap.web.queries import SEARCH_LIMIT, actor_out, search_actors
from factionmap.web.schemas import ActorOut, ActorProfileOut

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("", response_model=list[ActorOut])
def list_actors(
    catalog: CatalogDep,
    snap: SnapshotDep,
    q: Annotated[str, Query(description="a name or alias, or part of one; empty lists every actor")] = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = SEARCH_LIMIT,
) -> list[ActorOut]:
    """Actors whose name or an alias matches ``q``: exact matches first, then prefixes, then substrings."""
    exact = catalog.store.find_actors(q) if q.strip() else []
    return search_actors(snap, q, exact, limit)


@router.get("/{actor_id}", response_model=ActorProfileOut)
def get_actor(actor_id: ActorIdPath, catalog: CatalogDep, snap: SnapshotDep) -> ActorProfileOut:
    """Names and aliases, lineage, leaders, relations over time (denied ones too), events and places."""
    profile = catalog.store.actor_profile(actor_id)
    places = [
        relation_place_link(rel, snap.places[rel.object_id]) for rel in profile.places if rel.object_id in snap.places
    ]
    return ActorProfileOut(
        actor=actor_out(profile.actor),
        lineage=[relation_out(r) for r in profile.lineage],
        leaders=[relation_out(r) for r in profile.leaders],
        relations=[relation_out(r) for r in profile.relations],
        events=[event_out(e, snap) for e in profile.events],
        places=places,
    )
