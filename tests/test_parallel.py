"""Extraction on several processes or a Dask cluster gives the records one process gives (issue 4)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factionmap import scale, service
from factionmap.cli import cli
from factionmap.config import Settings
from factionmap.extract import Extractor
from factionmap.records import Document
from factionmap.scale import Scale, dispatch
from factionmap.scale.chunks import chunks, ordered_results
from factionmap.store import open_store

EXAMPLES = Path(__file__).parents[1] / "examples" / "articles.jsonl"
"""Nine real press releases: with a batch size of 2 they make five chunks to share out."""

pytestmark = pytest.mark.issue(4)


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Batches of two documents (so nine articles make five chunks), run from an empty folder."""
    monkeypatch.setenv("FACTIONMAP_BATCH_SIZE", "2")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> Result:
    """Run the command line in-process; fail the test with its output if it fails."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


def extract_bytes(folder: Path, *options: str) -> bytes:
    """The extraction records of the example articles, as written by ``factionmap extract``."""
    out = folder / f"out-{len(list(folder.iterdir()))}.jsonl"
    run("extract", "--output", str(out), *options, str(EXAMPLES))
    return out.read_bytes()


@pytest.fixture(scope="module")
def one_process_records(tmp_path_factory: pytest.TempPathFactory) -> Iterator[bytes]:
    """The records of one process (the reference every other way of running must match)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTIONMAP_BATCH_SIZE", "2")
        yield extract_bytes(tmp_path_factory.mktemp("one"), "--workers", "1")


def test_two_workers_write_the_same_records_byte_for_byte(small_batches: Path, one_process_records: bytes) -> None:
    assert one_process_records.count(b"\n") == 9
    assert extract_bytes(small_batches, "--workers", "2") == one_process_records


def test_ingest_with_two_workers_stores_what_one_worker_stores(small_batches: Path) -> None:
    run("ingest", "--workers", "1", "--db", "one.db", str(EXAMPLES))
    run("ingest", "--workers", "2", "--db", "two.db", str(EXAMPLES))
    with open_store("one.db") as one, open_store("two.db") as two:
        assert one.stats() == two.stats()
        assert [(r.subject_name, r.type, r.object_name, r.n_sources) for r in one.relations()] == [
            (r.subject_name, r.type, r.object_name, r.n_sources) for r in two.relations()]


def test_a_dask_cluster_of_two_workers_writes_the_same_records(small_batches: Path, one_process_records: bytes) -> None:
    distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        assert extract_bytes(small_batches, "--dask", cluster.scheduler_address) == one_process_records


def test_reingesting_with_workers_loads_no_model_and_starts_no_pool(
    small_batches: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store("t.db") as store:
        service.ingest([EXAMPLES], store, Settings(batch_size=2), extractor=extractor)

        def refuse(*args: object) -> None:
            raise AssertionError("extraction started for documents already stored")

        monkeypatch.setattr(Extractor, "from_settings", staticmethod(refuse))
        monkeypatch.setattr(dispatch, "extract_in_pool", refuse)
        report = service.ingest([EXAMPLES], store, Settings(batch_size=2), scale=Scale(workers=2))
    assert (report.documents, report.skipped_known) == (0, 9)


def test_one_chunk_is_extracted_in_this_process_without_a_pool(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Extractor, "from_settings", staticmethod(lambda settings: extractor))
    monkeypatch.setattr(dispatch, "extract_in_pool", lambda *args: pytest.fail("a pool was started"))
    docs = [Document("d1", "The IMU pledged allegiance to the Islamic State.", "d1.txt")]
    [record] = scale.extract_scaled(docs, Settings(), Scale(workers=2))
    assert record.doc.id == "d1"


def test_results_come_back_in_input_order_with_a_bounded_number_in_flight() -> None:
    in_flight: list[int] = []

    class Done:
        def __init__(self, chunk: list[Document]) -> None:
            self.chunk = chunk

        def result(self) -> list[object]:
            in_flight.pop()
            return list(self.chunk)

    def submit(chunk: list[Document]) -> Done:
        in_flight.append(1)
        assert len(in_flight) <= 3
        return Done(chunk)

    docs = [Document(f"d{n}", f"text {n}", "x") for n in range(10)]
    out = list(ordered_results(submit, chunks(docs, 3), in_flight=3))  # type: ignore[arg-type]
    assert [d.id for d in out] == [d.id for d in docs]  # type: ignore[attr-defined]


@pytest.mark.parametrize("options", [["--dask", "tcp://127.0.0.1:1", "--workers", "2"],
                                     ["--dask", "tcp://127.0.0.1:1", "--dask-scheduler-file", "x.json"]])
def test_conflicting_scale_options_are_a_usage_error(small_batches: Path, options: list[str]) -> None:
    (small_batches / "x.json").write_text("{}")
    result = CliRunner().invoke(cli, ["extract", *options, str(EXAMPLES)])
    assert result.exit_code == 2
    assert "not both" in result.output or "drop one" in result.output


# --- The default scale: a pool only for a large batch (issue 10) ---------------------------------------------


def _documents(n: int) -> list[Document]:
    return [Document(f"d{i}", f"The IMU pledged allegiance to the Islamic State in {2000 + i}.", f"d{i}.txt")
            for i in range(n)]


@pytest.mark.issue(10)
@pytest.mark.parametrize(("documents", "pool"), [(3, False), (4, True), (9, True)])
def test_a_pool_starts_only_for_at_least_min_documents(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch, documents: int, pool: bool
) -> None:
    started: list[int] = []

    def fake_pool(work: Iterator[list[Document]], settings: Settings, workers: int) -> Iterator[object]:
        started.append(workers)
        return extractor.extract_all(d for chunk in work for d in chunk)

    monkeypatch.setattr(Extractor, "from_settings", staticmethod(lambda settings: extractor))
    monkeypatch.setattr(dispatch, "extract_in_pool", fake_pool)
    records = list(scale.extract_scaled(_documents(documents), Settings(batch_size=1),
                                           Scale(workers=2, min_documents=4)))
    assert [r.doc.id for r in records] == [f"d{i}" for i in range(documents)]
    assert started == ([2] if pool else [])


@pytest.mark.issue(10)
def test_the_command_defaults_to_all_cores_above_a_few_hundred_documents_and_one_process_below() -> None:
    from factionmap.cli import _scale

    assert _scale(None, None, None) == Scale(workers=scale.available_cores(),
                                             min_documents=scale.POOL_MIN_DOCUMENTS)
    assert 100 < scale.POOL_MIN_DOCUMENTS <= 1000
    assert _scale(3, None, None) == Scale(workers=3)  # an explicit --workers is obeyed for any batch
