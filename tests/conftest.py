"""Fixtures shared by the test modules: the ``shared/`` folder beside the repository, and one loaded extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from factionmap.config import Settings
from factionmap.extract import Extractor

SHARED = Path(__file__).parents[2] / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's ``shared/`` folder (dev gold sets, seeds, data); the test is skipped where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("shared/ is absent beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One extractor with the default settings (loading the model takes seconds, so tests share it)."""
    return Extractor.from_settings(Settings())


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--lower-floors``: allow the quality gate's floors to go down (a deliberate, reviewed change)."""
    parser.addoption("--lower-floors", action="store_true", default=False,
                     help="allow lowering a floor in tests/quality_floors.json")
