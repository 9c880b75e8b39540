"""The map's tile layer setting.

The tile URL template is the ``tile_url`` setting (environment ``FACTIONMAP_TILE_URL``); an empty string turns
tiles off, leaving the markers and the bundled country outlines.
"""

from __future__ import annotations

from factionmap.config import Settings

COUNTRIES_URL = "/static/vendor/world-atlas/countries-110m.geojson"


def tile_layer(settings: Settings) -> tuple[str | None, str]:
    """The tile URL template (None when tiles are off) and its attribution."""
    return (settings.tile_url or None), settings.tile_attribution
