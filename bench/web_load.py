"""Benchmark: time for the page to load and render the network of a store of 10,000 relations, in headless
Chromium (not a timed test; prints the numbers).

    .venv/bin/python bench/web_load.py [--relations 10000] [--runs 3]

Builds a store in a temporary folder: 2,000 actors of every kind, 10,000 distinct relations of every type
(actor to actor, dated or not) over 500 documents, then serves it on 127.0.0.1 and measures, for each run, the
time from navigation start until the network has been laid out and drawn (``document.body.dataset.renderMs``),
plus the server-side time of ``/api/graph``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))

from browser import chromium, running_server, wait_for

from factionmap.config import Settings
from factionmap.records import ACTOR_KINDS, SYMMETRIC_RELATIONS, Actor, Document, Extraction, Relation, Span
from factionmap.store import open_store

TYPES = ("allegiance", "branch_of", "alliance", "joint_operation", "rivalry", "conflict", "splinter_of", "merger")


def _date(rng: random.Random) -> str | None:
    return rng.choice([None, f"{rng.randint(2000, 2020)}", f"{rng.randint(2000, 2020)}-{rng.randint(1, 12):02d}"])


def make_records(n_relations: int, n_actors: int = 2000, per_doc: int = 20, seed: int = 5) -> list[Extraction]:
    """Deterministic records holding ``n_relations`` distinct relations."""
    rng = random.Random(seed)
    actors = [Actor(f"x{i}", f"Group {i}", ACTOR_KINDS[i % 4], (f"G{i}",), f"name:group {i}") for i in range(n_actors)]
    facts: set[tuple[int, str, int]] = set()
    while len(facts) < n_relations:
        a, b = rng.sample(range(n_actors), 2)
        kind = rng.choice(TYPES)
        if kind in SYMMETRIC_RELATIONS:  # the store keeps one fact per unordered pair
            a, b = min(a, b), max(a, b)
        facts.add((a, kind, b))
    ordered = sorted(facts)
    rng.shuffle(ordered)
    records = []
    for d in range(0, len(ordered), per_doc):
        chunk = ordered[d : d + per_doc]
        sentences = [f"Group {a} and Group {b} ({t.replace('_', ' ')})." for a, t, b in chunk]
        text = " ".join(sentences)
        relations, pos = [], 0
        for (a, t, b), sentence in zip(chunk, sentences, strict=True):
            start = text.index(sentence, pos)
            pos = start + len(sentence)
            end = _date(rng)
            relations.append(Relation(f"x{a}", t, f"x{b}", Span(sentence, start, pos), _date(rng), end))
        used = sorted({i for a, _, b in chunk for i in (a, b)})
        doc = Document(f"doc{d}", text, f"doc{d}.txt", f"Article {d}", "2020-01-01", "metadata",
                       f"https://outlet{d % 50}.example/a{d}")
        records.append(Extraction(doc, tuple(actors[i] for i in used), relations=tuple(relations)))
    return records


def main() -> None:
    """Build the store, serve it, and print the load-and-render times."""
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
            for label in ("cold", "warm"):
                t0 = time.perf_counter()
                with urllib.request.urlopen(f"{base}/api/graph") as response:
                    size = len(response.read())
                print(f"/api/graph ({label} snapshot): {1000 * (time.perf_counter() - t0):.0f} ms, {size / 1e6:.1f} MB")
            results = []
            for run in range(args.runs):
                with chromium(Path(tmp) / f"profile{run}") as driver:
                    driver.get(f"{base}/")
                    wait_for(driver, "document.body.dataset.state === 'ready'", timeout=120)
                    shown = driver.execute_script("return document.getElementById('graph-status').textContent")
                    results.append(int(driver.execute_script("return document.body.dataset.renderMs")))
                    marks = driver.execute_script(
                        "return performance.getEntriesByType('mark').map(m => m.name + ' ' + Math.round(m.startTime))"
                        ".concat(performance.getEntriesByType('resource').filter(r => r.name.includes('/api/'))"
                        ".map(r => r.name.split('/api/')[1] + ' ' + Math.round(r.startTime) + '-' + Math.round(r.responseEnd)))"
                    )
                    print("  timings (ms since navigation):", ", ".join(marks))
                print(f"run {run + 1}: page loaded and network rendered in {results[-1]} ms ({shown})")
        print(f"median load-and-render time: {sorted(results)[len(results) // 2]} ms for {counts['relations']} relations")


if __name__ == "__main__":
    main()
