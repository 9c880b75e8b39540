"""A pool of worker processes on this machine, each loading the extractor once (``Scale(workers=N)``).

    for extraction in extract_in_pool(chunks(documents, 32), settings, workers=4):
        ...

The per-worker extractor lives on the pool process object (``multiprocessing.current_process()``), never in this
module; a worker dies with the process that started it (``scale.lifeline``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from factionmap.records import Extraction
from factionmap.scale.chunks import Chunk, ordered_results
from factionmap.scale.lifeline import die_with_parent

if TYPE_CHECKING:  # the extractor (spaCy) is imported where it is loaded, so a command that needs none starts fast
    from factionmap.config import Settings
    from factionmap.extract import Extractor

_POOL_ATTRIBUTE = "factionmap_extractor"


def available_cores() -> int:
    """The cores this process may run on (the CPU affinity mask where the platform has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _start_pool_worker(settings: Settings, parent_pid: int) -> None:
    """Pool initializer: die with the parent (``scale.lifeline``), then load the extractor once, onto this
    worker's process object."""
    die_with_parent(parent_pid)
    from factionmap.extract import Extractor

    setattr(multiprocessing.current_process(), _POOL_ATTRIBUTE, Extractor.from_settings(settings))


def _extract_chunk_in_pool(chunk: Chunk) -> list[Extraction]:
    """Pool task: extract one chunk with the extractor this worker process loaded."""
    extractor: Extractor = getattr(multiprocessing.current_process(), _POOL_ATTRIBUTE)
    return list(extractor.extract_all(chunk, batch_size=len(chunk)))


def extract_in_pool(work: Iterable[Chunk], settings: Settings, workers: int) -> Iterator[Extraction]:
    """Extract chunks on ``workers`` fresh ("spawn") processes, each loading the model once.

    A ``ProcessPoolExecutor`` rather than ``multiprocessing.Pool``: a worker that dies (killed for memory) fails
    the run with ``BrokenProcessPool`` instead of leaving it waiting forever. A run that stops early (Ctrl-C,
    SIGTERM, an error, a caller that stops reading) stops its workers at once instead of waiting for the chunks in
    flight; a parent killed outright takes its workers with it (``scale.lifeline``).
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
