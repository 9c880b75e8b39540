"""Where extraction runs (``Scale``) and the one entry that runs it there (``extract_scaled``).

Extraction over many cores or a Dask cluster gives the same records, in the same order, as one process:

    scale = Scale(workers=4)                      # a pool of 4 processes on this machine
    scale = Scale.automatic()                     # the command's default: a pool of all cores for large batches
    scale = Scale(dask="tcp://scheduler:8786")    # the workers of a Dask cluster
    for extraction in extract_scaled(documents, settings, scale):
        ...

Each worker (a pool process or a Dask worker) loads the model once and extracts chunks of ``settings.batch_size``
documents; only documents go out and only ``Extraction`` records come back. The caller's process reads the
inputs, numbers actors and places for the whole run (``record_format.RunIds``) and writes the store, so the output is
byte for byte the same whatever the worker count. At most ``2 x workers`` chunks are in flight, so memory stays
flat on an archive of any size.

Each worker pays for loading the model, the knowledge base and the gazetteer (seconds of CPU), so a pool pays for
itself only on a large batch: by default (``Scale.automatic``) fewer than ``POOL_MIN_DOCUMENTS`` documents are
extracted in the caller's process alone (issue 10: with a worker per core, 100 articles cost 27 CPU-seconds instead
of 23, and 300 short news items 13.8 instead of 5.8).

Per-worker state lives on the worker, never in this module: on the pool process object
(``multiprocessing.current_process()``, ``scale.pool``) or in a Dask ``WorkerPlugin`` (``scale.cluster``). The
modules import one way only: ``dispatch`` uses ``chunks``, ``pool`` and (when asked for) ``cluster``; ``pool`` and
``cluster`` use ``chunks``; ``pool`` uses ``lifeline``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING

from factionmap.records import Document, Extraction
from factionmap.scale.chunks import chunks
from factionmap.scale.pool import available_cores, extract_in_pool

if TYPE_CHECKING:  # the extractor (spaCy) is imported where it is loaded, so a command that needs none starts fast
    from factionmap.config import Settings

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
        from factionmap.scale.cluster import extract_on_dask  # Dask is an extra: imported only when asked for

        yield from extract_on_dask(work, settings, scale.dask)
    elif scale.workers <= 1 or len(head) <= settings.batch_size or len(head) < scale.min_documents:
        from factionmap.extract import Extractor  # a small batch: loading once here beats loading on each worker

        yield from Extractor.from_settings(settings).extract_all(chain(head, pending), settings.batch_size)
    else:
        yield from extract_in_pool(work, settings, scale.workers)
