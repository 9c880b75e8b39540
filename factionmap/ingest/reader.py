"""What a reader of one input format is: the file endings it reads, and how it reads and counts a file.

A reader turns one file into documents, or into problems that name the input and say why it could not be read;
it never raises for a bad input. The registry (:mod:`factionmap.ingest.registry`) lists the readers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factionmap.records import Document, IngestProblem

ReadFile = Callable[[Path, str | None, int], Iterator[Document | IngestProblem]]
"""Read one file (path, publication date of inputs that give none, size limit) into documents and problems."""

CountFile = Callable[[Path, int], int]
"""Count the items a ``ReadFile`` yields for one file (path, size limit)."""


def one_item(path: Path, max_bytes: int) -> int:
    """The count of a format that holds one article a file."""
    return 1


@dataclass(frozen=True, slots=True)
class Reader:
    """A reader of one input format: the file endings (lower case, with the dot) it reads, and how."""

    suffixes: frozenset[str]
    read: ReadFile
    count: CountFile = one_item
