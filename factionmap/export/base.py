"""What every exporter is: a callable writing a ``Snapshot`` as text, and the counts it returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TextIO

from factionmap.store.base import Snapshot


@dataclass(frozen=True, slots=True)
class ExportCounts:
    """How many of each thing an exporter wrote (objects it could not express are not counted)."""

    actors: int = 0
    places: int = 0
    relations: int = 0
    events: int = 0
    documents: int = 0


class Exporter(Protocol):
    """Writes a snapshot of the store to a text stream in one format."""

    name: str
    include_denied: bool

    def __call__(self, snapshot: Snapshot, out: TextIO) -> ExportCounts:
        """Write the snapshot; return what was written."""
        ...
