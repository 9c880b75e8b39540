"""Extraction on a Dask cluster (the ``[dask]`` extra): ``factionmap ingest --dask tcp://HOST:PORT``.

The scheduler hands chunks of documents to the workers; ``ExtractorPlugin`` loads the extractor once on each
worker (and on every worker that joins later), and the records come back to the one process that numbers them
and writes the store. The workers need factionmap, its model and the same knowledge-base, gazetteer and cue files
at the same paths as the client (the settings travel with the plugin).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from factionmap.config import Settings
from factionmap.errors import FactionmapError
from factionmap.extract import Extractor
from factionmap.records import Extraction
from factionmap.scale.chunks import Chunk, ordered_results

try:
    from distributed import Client, Worker, WorkerPlugin, get_worker
except ImportError as e:  # pragma: no cover - the message is what a user without the extra sees
    raise FactionmapError("--dask needs Dask: pip install 'factionmap[dask]'") from e

PLUGIN_NAME = "factionmap-extractor"
CONNECT_TIMEOUT = "30s"


class ExtractorPlugin(WorkerPlugin):
    """Loads the extractor once per worker, when the worker joins or the plugin is registered."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.extractor: Extractor | None = None

    def setup(self, worker: Worker) -> None:
        """Load the model, knowledge base, gazetteer and cues on this worker."""
        self.extractor = Extractor.from_settings(self.settings)

    def teardown(self, worker: Worker) -> None:
        """Drop the extractor when the worker closes or the plugin is replaced."""
        self.extractor = None


def extract_chunk_on_worker(chunk: Chunk) -> list[Extraction]:
    """Dask task: extract one chunk with the extractor the plugin loaded on this worker."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    if not isinstance(plugin, ExtractorPlugin) or plugin.extractor is None:
        raise FactionmapError(f"the {PLUGIN_NAME} plugin is not set up on this Dask worker")
    return list(plugin.extractor.extract_all(chunk, batch_size=len(chunk)))


def connect(target: str) -> Client:
    """A client of the scheduler at an address (``tcp://host:port``) or named by a scheduler file.

    Raises:
        FactionmapError: the scheduler cannot be reached in time.
    """
    try:
        if "://" in target:
            return Client(target, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
        return Client(scheduler_file=target, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as e:
        raise FactionmapError(f"cannot reach the Dask scheduler {target!r}: {e}") from e


def worker_threads(client: Client) -> int:
    """How many task slots the cluster's workers offer (at least one)."""
    return max(1, sum(client.nthreads().values()))  # type: ignore[no-untyped-call]


def extract_on_dask(work: Iterable[Chunk], settings: Settings, target: str) -> Iterator[Extraction]:
    """Extract chunks on the cluster at ``target`` in input order, keeping two chunks per worker thread in flight.

    Raises:
        FactionmapError: the scheduler cannot be reached.
    """
    client = connect(target)
    try:
        client.register_plugin(ExtractorPlugin(settings), name=PLUGIN_NAME)
        in_flight = 2 * worker_threads(client)
        yield from ordered_results(lambda chunk: client.submit(extract_chunk_on_worker, chunk, pure=False), work,
                                   in_flight)
    finally:
        client.close()  # type: ignore[no-untyped-call]
