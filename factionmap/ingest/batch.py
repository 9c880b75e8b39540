"""Reading a batch of inputs (files, or folders of them) into ``Document`` records.

Bad inputs do not stop a batch: each one is yielded as an ``IngestProblem`` naming it and saying why, and
reading goes on. Folders are read recursively in name order; hidden entries, and files no reader reads, are
skipped there, while a file named explicitly in an unsupported format is a problem.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from factionmap.ingest import registry
from factionmap.ingest.published import normalise_date
from factionmap.records import Document, IngestProblem

MAX_BYTES: int = 5_000_000
"""Default size limit of one input: a text or HTML file, or one line of a JSON Lines file."""


def read_documents(
    paths: Sequence[str | Path], published: str | None = None, *, max_bytes: int = MAX_BYTES
) -> Iterator[Document | IngestProblem]:
    """Read files and folders into documents, in a deterministic order.

    Args:
        paths: files (``.txt``, ``.html``/``.htm``, ``.jsonl``) or folders, read recursively in name order;
            files of other types inside a folder are skipped.
        published: publication date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) of inputs whose metadata and
            dateline give none.
        max_bytes: size limit of a text or HTML file, and of one line of a JSON Lines file.

    Yields:
        A ``Document`` for each article read, or an ``IngestProblem`` for each input that could not be read.

    Raises:
        InvalidDate: ``published`` is not a date.
    """
    given = normalise_date(published) if published is not None else None
    return _read_all(paths, given, max_bytes)


def count_inputs(paths: Sequence[str | Path]) -> int:
    """Count the items ``read_documents`` will yield for ``paths`` (one per file, one per JSON Lines record)."""
    total = 0
    for item in _iter_files(paths):
        reader = None if isinstance(item, IngestProblem) else registry.reader_for(item[0].suffix)
        total += reader.count(item[0], MAX_BYTES) if reader is not None and not isinstance(item, IngestProblem) else 1
    return total


def _read_all(paths: Sequence[str | Path], published: str | None, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """Yield the documents and problems of every input, file by file."""
    for item in _iter_files(paths):
        if isinstance(item, IngestProblem):
            yield item
            continue
        path, explicit = item
        reader = registry.reader_for(path.suffix)
        if reader is not None:
            yield from reader.read(path, published, max_bytes)
        elif explicit:
            suffix = path.suffix.lower()
            yield IngestProblem(
                str(path), f"unsupported file type {suffix or '(none)'!r}: use {', '.join(sorted(registry.SUPPORTED_SUFFIXES))}"
            )


def _iter_files(paths: Sequence[str | Path]) -> Iterator[tuple[Path, bool] | IngestProblem]:
    """Yield each file to read with whether it was named explicitly, or a problem for a missing path."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk_folder(path)
        elif path.exists():
            yield path, True
        else:
            yield IngestProblem(str(path), "no such file or directory")


def _walk_folder(folder: Path) -> Iterator[tuple[Path, bool] | IngestProblem]:
    """Yield the supported files under ``folder``, recursively, in name order; hidden entries are skipped."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield IngestProblem(str(folder), f"cannot read folder ({error.strerror or error})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk_folder(Path(entry.path))
        elif entry.is_file() and Path(entry.name).suffix.lower() in registry.SUPPORTED_SUFFIXES:
            yield Path(entry.path), False
