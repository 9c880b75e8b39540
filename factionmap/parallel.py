"""Extraction over many cores or a Dask cluster, with the same records, in the same order, as one process.

    scale = Scale(workers=4)                      # a pool of 4 processes on this machine
    scale = Scale.automatic()                     # the command's default: a pool of all cores for large batches
    scale = Scale(dask="tcp://scheduler:8786")    # the workers of a Dask cluster
    for extraction in extract_scaled(documents, settings, scale):
        ...

Each worker (a pool process or a Dask worker) loads the model once and extracts chunks of ``settings.batch_size``
documents; only documents go out and only ``Extraction`` records come back. The caller's process reads the
inputs, numbers actors and places for the whole run (``serialize.RunIds``) and writes the store, so the output is
byte for byte the same whatever the worker count. At most ``2 x workers`` chunks are in flight, so memory stays
flat on an archive of any size.

Each worker pays for loading the model, the knowledge base and the gazetteer (seconds of CPU), so a pool pays for
itself only on a large batch: by default (``Scale.automatic``) fewer than ``POOL_MIN_DOCUMENTS`` documents are
extracted in the caller's process alone (issue 10: with a worker per core, 100 articles cost 27 CPU-seconds instead
of 23, and 300 short news items 13.8 instead of 5.8).

Per-worker state lives on the worker, never in this module: on the pool process object
(``multiprocessing.current_process()``) or in a Dask ``WorkerPlugin`` (``factionmap.cluster``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, Protocol

from factionmap.lifeline import die_with_parent
from factionmap.records import Document, Extraction

if TYPE_CHECKING:  # the extractor (spaCy) is imported where it is loaded, so a command that needs none starts fast
    from factionmap.config import Settings
    from factionmap.extract import Extractor

Chunk = list[Document]
_POOL_ATTRIBUTE = "factionmap_extractor"
POOL_MIN_DOCUMENTS = 500
"""The fewest documents for which the default scale starts a pool. Below it the pool's start (the model loaded once
more on each worker, about 3 CPU-seconds) is a large share of the work, while one process ends within a minute or
two anyway (150 war articles take about 18 CPU-seconds, 300 general news items 5)."""


@dataclass(frozen=True, slots=True)
class Scale:
    """Where extraction runs: this process (``workers=1``), a pool of ``workers`` processes, or a Dask cluster
    (``dask``: a scheduler address such as ``tcp://host:8786``, or the path of a scheduler file). A pool starts
    only for at least ``min_documents`` documents (and two chunks); fewer are extracted in this process."""

    workers: int = 1
    dask: str | None = None
    min_documents: int = 0

    @classmethod
    def automatic(cls) -> Scale:
        """The default of the command: a pool of every core for ``POOL_MIN_DOCUMENTS`` documents or more, this
        process alone for fewer."""
        return cls(workers=available_cores(), min_documents=POOL_MIN_DOCUMENTS)

    @property
    def in_process(self) -> bool:
        """Whether extraction runs in the caller's process (no pool, no cluster)."""
        return self.dask is None and self.workers <= 1


IN_PROCESS = Scale()
"""Extraction in the caller's process: the default of the library functions."""


def available_cores() -> int:
    """The cores this process may run on (the CPU affinity mask where the platform has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


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


def extract_scaled(documents: Iterable[Document], settings: Settings, scale: Scale) -> Iterator[Extraction]:
    """Extract documents in input order on the workers ``scale`` names.

    Nothing loads before the first document arrives; a pool starts only when there are at least two chunks
    (``settings.batch_size`` documents each) and ``scale.min_documents`` documents to share out, otherwise this
    process does the work. To know, up to that many documents are read ahead.

    Raises:
        FactionmapError: Dask is asked for but not installed, or the scheduler cannot be reached.
    """
    pending = iter(documents)
    head = list(islice(pending, max(settings.batch_size + 1, scale.min_documents)))
    if not head:
        return
    work = chunks(chain(head, pending), settings.batch_size)
    if scale.dask is not None:
        from factionmap.cluster import extract_on_dask  # Dask is an extra: imported only when asked for

        yield from extract_on_dask(work, settings, scale.dask)
    elif scale.workers <= 1 or len(head) <= settings.batch_size or len(head) < scale.min_documents:
        from factionmap.extract import Extractor  # a small batch: loading once here beats loading on each worker

        yield from Extractor.from_settings(settings).extract_all(chain(head, pending), settings.batch_size)
    else:
        yield from _extract_in_pool(work, settings, scale.workers)


# --- A pool of processes on this machine ---------------------------------------------------------------------


def _start_pool_worker(settings: Settings, parent_pid: int) -> None:
    """Pool initializer: die with the parent (``factionmap.lifeline``), then load the extractor once, onto this
    worker's process object."""
    die_with_parent(parent_pid)
    from factionmap.extract import Extractor

    setattr(multiprocessing.current_process(), _POOL_ATTRIBUTE, Extractor.from_settings(settings))


def _extract_chunk_in_pool(chunk: Chunk) -> list[Extraction]:
    """Pool task: extract one chunk with the extractor this worker process loaded."""
    extractor: Extractor = getattr(multiprocessing.current_process(), _POOL_ATTRIBUTE)
    return list(extractor.extract_all(chunk, batch_size=len(chunk)))


def _extract_in_pool(work: Iterable[Chunk], settings: Settings, workers: int) -> Iterator[Extraction]:
    """Extract chunks on ``workers`` fresh ("spawn") processes, each loading the model once.

    A ``ProcessPoolExecutor`` rather than ``multiprocessing.Pool``: a worker that dies (killed for memory) fails
    the run with ``BrokenProcessPool`` instead of leaving it waiting forever. A run that stops early (Ctrl-C,
    SIGTERM, an error, a caller that stops reading) stops its workers at once instead of waiting for the chunks in
    flight; a parent killed outright takes its workers with it (``factionmap.lifeline``).
    """
    context = multiprocessing.get_context("spawn")  # no inherited threads or locks; the same on every platform
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_pool_worker,
                               initargs=(settings, os.getpid()))
    try:
        yield from ordered_results(lambda chunk: pool.submit(_extract_chunk_in_pool, chunk), work, 2 * workers)
    except BaseException:
        _stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now (``terminate_workers`` from Python 3.14 on; before,
    through the pool's table of processes, which ``shutdown`` empties, so it is read first)."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
