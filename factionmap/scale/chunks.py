"""Chunks of documents and their records in input order: what the pool and the Dask cluster share.

    for extraction in ordered_results(submit, chunks(documents, 32), in_flight=8):
        ...

A chunk is a list of documents handed to one worker; ``submit`` returns something with ``result()`` (a
``concurrent.futures.Future`` or a Dask ``Future``). At most ``in_flight`` chunks are pending at once, so memory stays
flat on an archive of any size, and records come back in the order their documents went out.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Protocol

from factionmap.records import Document, Extraction

Chunk = list[Document]


def chunks(documents: Iterable[Document], size: int) -> Iterator[Chunk]:
    """Consecutive lists of ``size`` documents (the last may be shorter), read lazily."""
    pending = iter(documents)
    while chunk := list(islice(pending, size)):
        yield chunk


class Pending(Protocol):
    """A submitted chunk: a ``concurrent.futures.Future`` or a Dask ``Future``."""

    def result(self) -> list[Extraction]: ...


def ordered_results(submit: Callable[[Chunk], Pending], work: Iterable[Chunk], in_flight: int) -> Iterator[Extraction]:
    """Submit chunks, keeping at most ``in_flight`` pending, and yield their records in input order."""
    pending: deque[Pending] = deque()
    for chunk in work:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
