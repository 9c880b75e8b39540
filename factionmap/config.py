"""Settings: one model, layered defaults < config file < FACTIONMAP_* environment < CLI flags.

Loaded once at the edge (the CLI entry point) and passed down; nothing reads settings from module globals.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from factionmap.errors import FactionmapError

DEFAULT_CONFIG_FILE = Path("factionmap.json")


class Settings(BaseSettings):
    """Everything a run can be told. Environment variables: FACTIONMAP_DB, FACTIONMAP_KB_FILES (JSON list), ..."""

    model_config = SettingsConfigDict(env_prefix="FACTIONMAP_", extra="forbid")

    db: str = Field(default="factionmap.db", description="SQLite file or database URL of the store")
    model: str | None = Field(default=None, description="spaCy model package to load (default: the bundled one)")
    kb_files: list[Path] = Field(default_factory=list, description="user knowledge-base files (JSONL)")
    geonames_files: list[Path] = Field(default_factory=list, description="GeoNames dumps to add to the gazetteer")
    cue_file: Path | None = Field(default=None, description="a cue lexicon replacing the bundled one")
    max_bytes: int = Field(default=5_000_000, description="inputs larger than this are skipped", gt=0)
    batch_size: int = Field(default=32, description="documents parsed together", gt=0)
    tile_url: str = Field(default="",
                          description="map tile URL template for the web app, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; "
                                      "empty (the default): no tiles, nothing fetched from elsewhere, bundled outlines only")
    tile_attribution: str = Field(default="© OpenStreetMap contributors", description="credit shown under the map tiles")


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Build settings from the config file (if any), the environment, then explicit overrides (CLI flags)."""
    values: dict[str, Any] = {}
    path = config_file or (DEFAULT_CONFIG_FILE if DEFAULT_CONFIG_FILE.exists() else None)
    if path is not None:
        try:
            values = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise FactionmapError(f"{path}: cannot read the config file: {e}") from e
    try:
        from_env = Settings()
        values |= from_env.model_dump(include=from_env.model_fields_set)
        values |= {k: v for k, v in overrides.items() if v not in (None, (), [])}
        return Settings(**values)
    except ValidationError as e:
        raise FactionmapError(f"invalid settings: {e}") from e
