"""Exports of the store (STIX 2.1, GraphML, GEXF, ACLED- and Mapping-Militants-style CSV, JSON Lines) and import.

from factionmap.export import export, import_records
with open_store("factionmap.db") as store:
    report = export(store, "stix", "bundle.json", as_of="2016-01-01", actors=["IJU"])
    import_records(store, "records.jsonl")

Each format is an ``Exporter`` in the ``EXPORTERS`` registry (built-ins register themselves the same way a
plugin would, through ``register_exporter``). An exporter writes a ``Snapshot`` (``Store.snapshot``) as text
and returns how many of each thing it wrote. See ``docs/exports.md`` for every mapping.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO, TextIO, cast

from factionmap.errors import ActorNotFound, OutputError, UnknownFormat
from factionmap.export.base import ExportCounts, Exporter
from factionmap.export.graphs import GexfExporter, GraphMLExporter
from factionmap.export.importer import ImportReport, import_records
from factionmap.export.jsonl import JsonlExporter
from factionmap.export.stix import StixExporter
from factionmap.export.tables import AcledExporter, MmpExporter
from factionmap.store.base import Store
from factionmap.timeline import bounds

Output = TextIO | BinaryIO | str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What ``export`` wrote: the format, where to (None for a stream) and the counts."""

    format: str
    output: str | None
    counts: ExportCounts

    def summary(self) -> str:
        """One line for the CLI: ``stix: 5 actors, 1 places, 4 relations, 0 events, 2 documents -> out.json``."""
        c = self.counts
        where = f" -> {self.output}" if self.output else ""
        return (
            f"{self.format}: {c.actors} actors, {c.places} places, {c.relations} relations, "
            f"{c.events} events, {c.documents} documents{where}"
        )


EXPORTERS: dict[str, Exporter] = {}


def register_exporter(exporter: Exporter) -> Exporter:
    """Add an exporter to the registry under its ``name`` (a later one with the same name replaces it)."""
    EXPORTERS[exporter.name] = exporter
    return exporter


def get_exporter(fmt: str) -> Exporter:
    """The exporter for a format name; ``UnknownFormat`` naming the choices otherwise."""
    try:
        return EXPORTERS[fmt]
    except KeyError:
        raise UnknownFormat(fmt, EXPORTERS) from None


def _is_binary(stream: TextIO | BinaryIO) -> bool:
    return isinstance(stream, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(stream, "mode", "")


def _open_output(path: str | os.PathLike[str]) -> TextIO:
    """Open an output file for writing; ``OutputError`` saying what to do when it cannot be."""
    where = os.fspath(path)
    folder = os.path.dirname(where) or "."
    if not os.path.isdir(folder):
        problem = "is not a folder" if os.path.exists(folder) else "does not exist"
        raise OutputError(where, f"folder {folder!r} {problem}; create it or give another --output")
    try:
        return open(where, "w", encoding="utf-8", newline="")
    except OSError as e:
        raise OutputError(where, f"{e.strerror}; give another --output") from e


@contextmanager
def _text_output(output: Output) -> Iterator[TextIO]:
    """A UTF-8 text stream over a path (created), a binary stream or a text stream (used as is)."""
    if isinstance(output, (str, os.PathLike)):
        with _open_output(output) as f:
            yield f
    elif _is_binary(output):
        wrapper = io.TextIOWrapper(cast(BinaryIO, output), encoding="utf-8", newline="")
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()
    else:
        yield cast(TextIO, output)


def resolve_actor_names(store: Store, names: Iterable[str]) -> frozenset[int]:
    """Store ids of the named actors (best match of each name); ``ActorNotFound`` for a name no actor has."""
    ids: set[int] = set()
    for name in names:
        found = store.find_actors(name)
        if not found:
            raise ActorNotFound(name)
        ids.add(found[0].id)
    return frozenset(ids)


def export(
    store: Store, fmt: str, output: Output, as_of: str | None = None, actors: Iterable[str] = ()
) -> ExportReport:
    """Write the store, or the selection ``as_of`` a date and/or around ``actors`` (names or aliases), as ``fmt``.

    Raises ``UnknownFormat``, ``InvalidDate`` for a bad ``as_of``, ``ActorNotFound`` for an unknown actor name.
    """
    exporter = get_exporter(fmt)
    if as_of is not None:
        bounds(as_of)
    snapshot = store.snapshot(as_of, resolve_actor_names(store, actors), include_denied=exporter.include_denied)
    with _text_output(output) as out:
        counts = exporter(snapshot, out)
    where = os.fspath(output) if isinstance(output, (str, os.PathLike)) else None
    return ExportReport(fmt, where, counts)


for _builtin in (StixExporter(), GraphMLExporter(), GexfExporter(), AcledExporter(), MmpExporter(), JsonlExporter()):
    register_exporter(_builtin)

__all__ = [
    "EXPORTERS",
    "ExportCounts",
    "ExportReport",
    "Exporter",
    "ImportReport",
    "export",
    "get_exporter",
    "import_records",
    "register_exporter",
]
