"""The map's tile layer setting.

The tile URL template is a setting: ``tile_url`` (environment ``FACTIONMAP_TILE_URL``; an empty string turns
tiles off, leaving markers and the bundled country outlines). Until ``factionmap.config.Settings`` has the
``tile_url``/``tile_attribution`` fields, the defaults below apply.
"""

from __future__ import annotations

from factionmap.config import Settings

DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_TILE_ATTRIBUTION = "© OpenStreetMap contributors"
COUNTRIES_URL = "/static/vendor/world-atlas/countries-110m.geojson"


def tile_layer(settings: Settings) -> tuple[str | None, str]:
    """The tile URL template (None when tiles are off) and its attribution."""
    url = getattr(settings, "tile_url", DEFAULT_TILE_URL)
    attribution = getattr(settings, "tile_attribution", DEFAULT_TILE_ATTRIBUTION)
    return (str(url) if url else None), str(attribution)
