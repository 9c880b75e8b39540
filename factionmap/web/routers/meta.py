"""``/api/stats``, ``/api/vocabulary`` and ``/api/config``: counts, date range, how the ontology shows, and the
page's settings."""

from __future__ import annotations

from fastapi import APIRouter

from factionmap.web.dependencies import CatalogDep, SettingsDep, SnapshotDep
from factionmap.web.queries import stats
from factionmap.web.schemas import ConfigOut, StatsOut, VocabularyOut
from factionmap.web.tiles import COUNTRIES_URL, tile_layer
from factionmap.web.vocabulary import vocabulary

router = APIRouter(prefix="/api", tags=["meta"])


@router.get("/stats", response_model=StatsOut)
def get_stats(catalog: CatalogDep, snap: SnapshotDep) -> StatsOut:
    """Row counts, the first and last date in the store, and the relation types, kinds and statuses."""
    return stats(snap, catalog.store.stats())


@router.get("/vocabulary", response_model=VocabularyOut)
def get_vocabulary() -> VocabularyOut:
    """Relation types, actor kinds, statuses and event types in the ontology's order, with labels and colours."""
    return vocabulary()


@router.get("/config", response_model=ConfigOut)
def get_config(settings: SettingsDep) -> ConfigOut:
    """The map's tile layer (None: outlines only) and where the country outlines are."""
    url, attribution = tile_layer(settings)
    return ConfigOut(tile_url=url, tile_attribution=attribution, countries_url=COUNTRIES_URL)
