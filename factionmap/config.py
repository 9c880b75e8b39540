"""Settings: one model, layered defaults < config file < FACTIONMAP_* environment < CLI flags.

Loaded once at the edge (the CLI entry point) and passed down; nothing reads settings from module globals.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

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
    allowed_hosts: list[str] = Field(default_factory=list,
                                     description="Host names the web app answers to besides localhost, 127.0.0.1, "
                                     "::1 and the address it binds ('*': any)")
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
        from_env = _from_environment()
        values |= from_env.model_dump(include=from_env.model_fields_set)
        values |= {k: v for k, v in overrides.items() if v not in (None, (), [])}
        return Settings(**values)
    except ValidationError as e:
        raise FactionmapError(f"invalid settings: {_one_line(e)}") from e


def _one_line(error: ValidationError) -> str:
    """Each problem as ``setting 'name' (FACTIONMAP_NAME): what is wrong, got VALUE``, on one line."""
    problems = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"])
        if item["type"] == "extra_forbidden":
            problems.append(f"unknown setting {field!r}; choose from: {', '.join(Settings.model_fields)}")
            continue
        head = str(item["loc"][0]) if item["loc"] else field
        problems.append(f"setting {field!r} (FACTIONMAP_{head.upper()}): {item['msg']}, got {item.get('input')!r}")
    return "; ".join(problems)


def _from_environment() -> Settings:
    """The settings the ``FACTIONMAP_*`` variables give; a list variable that is no JSON list names itself."""
    try:
        return Settings()
    except SettingsError as e:
        found = re.search(r'field "(\w+)"', str(e))
        name = f"FACTIONMAP_{found.group(1).upper()}" if found else "a FACTIONMAP_* variable"
        value = os.environ.get(name, "")
        raise FactionmapError(
            f"{name}={value!r} is not valid: give a JSON list, e.g. {name}='[\"first\", \"second\"]'"
        ) from e
