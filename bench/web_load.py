"""Benchmark: time for the page to show the network of a store of 10,000 relations in headless Chromium (not a
timed test; prints the numbers).

    .venv/bin/python bench/web_load.py [--relations 10000] [--runs 3]

Builds a store in a temporary folder: 2,000 actors of every kind, 10,000 distinct relations of every type
(actor to actor, dated or not) over 500 documents (``make_records`` in tests/browser.py), then serves it on
127.0.0.1 and measures, for each run in a fresh browser profile (nothing cached), from navigation start:

- first draw: the strongest relations (network.js's FIRST_DRAW) and their actors laid out and drawn, with the
  status line saying how many of how many show (``document.body.dataset.renderMs``);
- all in: every relation added and drawn (``document.body.dataset.allMs``);

plus the size and server-side time of ``/api/graph/compact`` (what the page loads) and ``/api/graph``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))

from browser import chromium, make_records, running_server, wait_for

from factionmap.config import Settings
from factionmap.store import open_store

MARKS = (
    "return performance.getEntriesByType('mark').map(m => m.name + ' ' + Math.round(m.startTime))"
    ".concat(performance.getEntriesByType('resource').filter(r => r.name.includes('/api/') || r.name.includes('.js'))"
    ".map(r => r.name.split('/').pop() + ' ' + Math.round(r.startTime) + '-' + Math.round(r.responseEnd)"
    " + ' (' + Math.round(r.transferSize / 1000) + ' kB)'))"
)


def fetch(url: str, gzip: bool) -> tuple[float, int]:
    """Milliseconds to GET ``url`` and the bytes that came over the wire."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    t0 = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        size = len(response.read())
    return 1000 * (time.perf_counter() - t0), size


def main() -> None:
    """Build the store, serve it, and print the first-draw and all-in times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relations", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        started = time.perf_counter()
        with open_store(db) as store:
            for record in make_records(args.relations):
                store.add_extraction(record)
            counts = store.stats()
        print(f"store: {counts} built in {time.perf_counter() - started:.1f} s")
        with running_server(Settings(db=str(db))) as base:
            for path in ("graph/compact", "graph/compact", "graph"):
                ms, size = fetch(f"{base}/api/{path}", gzip=False)
                ms_gz, size_gz = fetch(f"{base}/api/{path}", gzip=True)
                print(f"/api/{path}: {ms:.0f} ms, {size / 1e3:.0f} kB; gzipped {ms_gz:.0f} ms, {size_gz / 1e3:.0f} kB")
            first, every = [], []
            for run in range(args.runs):
                with chromium(Path(tmp) / f"profile{run}") as driver:
                    driver.get(f"{base}/")
                    wait_for(driver, "document.body.dataset.state === 'ready'", timeout=120)
                    progress = driver.execute_script("return window.factionmap.progress[0].status")
                    wait_for(driver, "document.body.dataset.allMs", timeout=120)
                    shown = driver.execute_script("return document.getElementById('graph-status').textContent")
                    drawn = driver.execute_script("return window.factionmap.cy.edges().length")
                    first.append(int(driver.execute_script("return document.body.dataset.renderMs")))
                    every.append(int(driver.execute_script("return document.body.dataset.allMs")))
                    print("  timings (ms since navigation):", ", ".join(driver.execute_script(MARKS)))
                print(f"run {run + 1}: first draw {first[-1]} ms ({progress}); "
                      f"all {drawn} relations in {every[-1]} ms ({shown})")
        n = counts["relations"]
        print(f"median time to first draw (strongest relations): {statistics.median(first):.0f} ms for {n} relations")
        print(f"median time to all relations drawn: {statistics.median(every):.0f} ms for {n} relations")


if __name__ == "__main__":
    main()
