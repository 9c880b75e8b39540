"""The plain text reader (``.txt``): one article a file; its first line is the title if it looks like a headline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from factionmap.ingest.document import text_document
from factionmap.ingest.reader import Reader, read_one_article
from factionmap.records import Document, IngestProblem


def read_text(path: Path, published: str | None, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """Yield the document of one text file, or the problem that kept it from being read."""
    return read_one_article(path, published, max_bytes, text_document)


READER = Reader(frozenset({".txt"}), read_text)
