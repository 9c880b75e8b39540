"""The plain text reader (``.txt``): one article a file; its first line is the title if it looks like a headline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from factionmap.errors import InputError
from factionmap.ingest.decoding import read_file_text
from factionmap.ingest.document import text_document
from factionmap.ingest.reader import Reader
from factionmap.records import Document, IngestProblem


def read_text(path: Path, published: str | None, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """Yield the document of one text file, or the problem that kept it from being read."""
    try:
        raw = read_file_text(path, max_bytes)
    except InputError as error:
        yield IngestProblem(error.source, error.reason)
        return
    yield text_document(raw, path.stem, str(path), {}, published)


READER = Reader(frozenset({".txt"}), read_text)
