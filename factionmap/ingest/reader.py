"""What a reader of one input format is: the file endings it reads, and how it reads and counts a file.

A reader turns one file into documents, or into problems that name the input and say why it could not be read;
it never raises for a bad input. The registry (:mod:`factionmap.ingest.registry`) lists the readers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factionmap.errors import InputError
from factionmap.ingest.decoding import read_file_text
from factionmap.records import Document, IngestProblem

ReadFile = Callable[[Path, str | None, int], Iterator[Document | IngestProblem]]
"""Read one file (path, publication date of inputs that give none, size limit) into documents and problems."""

CountFile = Callable[[Path, int], int]
"""Count the items a ``ReadFile`` yields for one file (path, size limit)."""


MakeDocument = Callable[[str, str, str, dict[str, str], str | None], Document | IngestProblem]
"""Make a document of a decoded text (text, document id, source, metadata, publication date given)."""


def read_one_article(
    path: Path, published: str | None, max_bytes: int, make: MakeDocument
) -> Iterator[Document | IngestProblem]:
    """Yield the document of a file that holds one article (its decoded text made a document by ``make``), or the
    problem that kept it from being read."""
    try:
        raw = read_file_text(path, max_bytes)
    except InputError as error:
        yield IngestProblem(error.source, error.reason)
        return
    yield make(raw, path.stem, str(path), {}, published)


def one_item(path: Path, max_bytes: int) -> int:
    """The count of a format that holds one article a file."""
    return 1


@dataclass(frozen=True, slots=True)
class Reader:
    """A reader of one input format: the file endings (lower case, with the dot) it reads, and how."""

    suffixes: frozenset[str]
    read: ReadFile
    count: CountFile = one_item
