"""FastAPI dependencies: the settings and the store's snapshot, loaded once by ``create_app``.

Tests replace them with ``app.dependency_overrides`` (STYLE §6).
"""

from __future__ import annotations

from typing import Annotated, cast

from fastapi import Depends, Path, Request

from factionmap.config import Settings
from factionmap.store import Snapshot
from factionmap.web.catalog import Catalog


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return cast(Settings, request.app.state.settings)


def get_catalog(request: Request) -> Catalog:
    """The store the app serves, with its cached snapshot."""
    return cast(Catalog, request.app.state.catalog)


def get_snapshot(catalog: Annotated[Catalog, Depends(get_catalog)]) -> Snapshot:
    """The store's current snapshot (read again when the store has changed)."""
    return catalog.snapshot()


SettingsDep = Annotated[Settings, Depends(get_settings)]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
SnapshotDep = Annotated[Snapshot, Depends(get_snapshot)]

MAX_STORE_ID = 2**63 - 1
"""The largest id a store row can have (a signed 64-bit integer): a larger one is refused with 422, not a 500."""

ActorIdPath = Annotated[int, Path(ge=1, le=MAX_STORE_ID, description="the actor's id in the store")]
RelationIdPath = Annotated[int, Path(ge=1, le=MAX_STORE_ID, description="the relation's id in the store")]
