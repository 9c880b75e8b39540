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



def by_suffix(readers: tuple[Reader, ...]) -> dict[str, Reader]:
    """The reader of each file ending (lower case, with the dot); a later reader of an ending wins."""
    return {suffix: reader for reader in readers for suffix in reader.suffixes}


BY_SUFFIX: dict[str, Reader] = by_suffix(READERS)
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(BY_SUFFIX)


def reader_for(path_suffix: str) -> Reader | None:
    """The reader of files ending in ``path_suffix`` (any case), or None if no reader reads them."""
    return BY_SUFFIX.get(path_suffix.lower())
