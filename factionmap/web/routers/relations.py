"""``/api/relations``: relations, and the evidence behind one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from factionmap.timeline import check_date, in_force
from factionmap.vocabulary import RELATION_TYPES
from factionmap.web.convert import evidence_out, relation_out
from factionmap.web.dependencies import MAX_STORE_ID, RelationIdPath, SnapshotDep
from factionmap.web.queries import parse_choices
from factionmap.web.schemas import RelationEvidenceOut, RelationOut

router = APIRouter(prefix="/api/relations", tags=["relations"])


@router.get("", response_model=list[RelationOut])
def list_relations(
    snap: SnapshotDep,
    as_of: Annotated[str | None, Query(description="only relations in force then")] = None,
    types: Annotated[list[str] | None, Query(description="relation types, comma-separated or repeated")] = None,
    actor_id: Annotated[int | None, Query(ge=1, le=MAX_STORE_ID, description="only relations of this actor")] = None,
    include_denied: bool = False,
) -> list[RelationOut]:
    """Every merged relation (places included) in date order, filtered."""
    when, kinds = check_date(as_of), parse_choices(types, RELATION_TYPES, "relation type")
    return [
        relation_out(r)
        for r in snap.relations
        if (include_denied or r.status != "denied")
        and (not kinds or r.type in kinds)
        and (actor_id is None or actor_id in (r.subject_id, None if r.object_is_place else r.object_id))
        and (when is None or in_force(r.start, r.effective_end, when))
    ]


@router.get("/{relation_id}/evidence", response_model=RelationEvidenceOut)
def get_evidence(relation_id: RelationIdPath, snap: SnapshotDep) -> RelationEvidenceOut:
    """Every sentence behind a relation, with article title, outlet, date, link and status."""
    rel = snap.relation_by_id.get(relation_id)
    if rel is None:
        raise HTTPException(404, f"No relation with id {relation_id} in the store")
    return RelationEvidenceOut(relation=relation_out(rel), evidence=[evidence_out(e, snap) for e in rel.evidence])
