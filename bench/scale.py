"""Benchmark: ``factionmap extract`` on one process, two processes and a two-worker Dask cluster (issue 4).

    .venv/bin/python bench/scale.py [--syria 200] [--write]

Extracts the first N Syria articles (``bench/corpora.py``) to JSON Lines three ways, timing each whole run
(wall clock: starting the workers and loading the model in each is included, as a user pays it):

* ``--workers 1``: this process;
* ``--workers 2``: a pool of two spawned processes;
* ``--dask``: a ``distributed.LocalCluster`` of two single-threaded worker processes on this machine (the cluster's
  own start is not timed; registering the plugin, so loading the model on each worker, is).

Prints each time (the best of ``--repeat`` runs, as other work on the machine only ever slows a run down), the
speed-up over one worker, and whether the records of every run are byte-for-byte those of one worker.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpora import write_corpus_jsonl
from report import replace_speed_rows

from factionmap import service
from factionmap.config import Settings
from factionmap.scale import Scale


def timed_extract(path: Path, scale: Scale) -> tuple[float, str]:
    """Seconds for one ``extract`` run over ``path`` and the records it wrote."""
    out = io.StringIO()
    start = time.perf_counter()
    service.extract_to_jsonl([path], out, Settings(), scale=scale)
    return time.perf_counter() - start, out.getvalue()


def on_dask(path: Path) -> tuple[float, str]:
    """``timed_extract`` on a fresh local cluster of two single-threaded worker processes."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        return timed_extract(path, Scale(dask=cluster.scheduler_address))


def best_of(repeat: int, run: Callable[[], tuple[float, str]]) -> tuple[float, list[str]]:
    """The shortest time of ``repeat`` runs and the records of each."""
    results = [run() for _ in range(repeat)]
    return min(s for s, _ in results), [out for _, out in results]


def main() -> None:
    """Run the three ways, print a table and optionally write it to BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--syria", type=int, default=200, help="Syria articles to extract (default: 200).")
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each way; the best counts (default: 3).")
    parser.add_argument("--write", action="store_true", help="Write the table to BENCHMARKS.md.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = write_corpus_jsonl("syria", args.syria, Path(tmp) / "syria.jsonl")
        ways: list[tuple[str, Callable[[], tuple[float, str]]]] = [
            ("--workers 1", lambda: timed_extract(path, Scale(workers=1))),
            ("--workers 2", lambda: timed_extract(path, Scale(workers=2))),
            ("--dask (LocalCluster, 2 workers)", lambda: on_dask(path))]
        runs = [(name, *best_of(args.repeat, way)) for name, way in ways]
    reference = runs[0][2][0]
    one_s, n = runs[0][1], reference.count("\n")
    rows = [f"| {name} | {s:.1f} | {n / s:.1f} | {one_s / s:.2f} | {'yes' if set(outs) == {reference} else 'NO'} |"
            for name, s, outs in runs]
    table = "\n".join(["| run | seconds | docs/s | speed-up | records identical to --workers 1 |",
                       "|---|---|---|---|---|", *rows])
    caption = f"{n} Syria articles, best of {args.repeat} runs each"
    print(f"{caption}\n\n{table}")
    if args.write:
        command = "python bench/scale.py " + " ".join(sys.argv[1:])
        replace_speed_rows("scale", f"{caption}. Command: `{command.strip()}`\n\n{table}")


if __name__ == "__main__":
    main()
