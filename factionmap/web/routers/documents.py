"""``/api/documents``: the articles in the store, with what was extracted from each."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from factionmap.web.dependencies import SnapshotDep
from factionmap.web.documents import documents
from factionmap.web.schemas import DocumentOut

router = APIRouter(prefix="/api", tags=["documents"])


@router.get("/documents", response_model=list[DocumentOut])
def get_documents(
    snap: SnapshotDep,
    actor_id: Annotated[int | None, Query(description="only documents naming this actor")] = None,
) -> list[DocumentOut]:
    """Title, outlet, date and link of each document, and the relations, events and actors taken from it."""
    return documents(snap, actor_id)
