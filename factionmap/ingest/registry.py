"""The input formats ``factionmap ingest`` reads, one reader module each.

To read a new format (CSV, RSS, ...), write a module with a ``READER`` (:class:`factionmap.ingest.reader.Reader`)
and add it to ``READERS``.
"""

from __future__ import annotations

from factionmap.ingest import html, jsonl, text
from factionmap.ingest.reader import Reader

READERS: tuple[Reader, ...] = (
    text.READER,
    html.READER,
    jsonl.READER,
)

BY_SUFFIX: dict[str, Reader] = {suffix: reader for reader in READERS for suffix in reader.suffixes}
"""The reader of each file ending (lower case, with the dot)."""

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(BY_SUFFIX)


def reader_for(path_suffix: str) -> Reader | None:
    """The reader of files ending in ``path_suffix`` (any case), or None if no reader reads them."""
    return BY_SUFFIX.get(path_suffix.lower())
