"""Benchmark: factionmap's extraction against plain spaCy on the same texts, in the same process (issue 4).

    .venv/bin/python bench/run.py [--syria N] [--india N] [--write]

For each corpus (``bench/corpora.py``), a fresh child process loads the extractor and the plain model, warms
both up, then times in CPU seconds of the process, batch by batch in turn (so that other work on a shared machine
weighs on both alike), over the same documents:

* the baseline: the same spaCy model's ``nlp.pipe`` over the texts, nothing else;
* factionmap: ``Extractor.extract_all`` (prefilter, parse, every extraction stage) and the JSON record of each
  document (``record_to_dict``), as ``factionmap extract --workers 1`` does after reading the inputs.

It prints documents per CPU second (one process, so per core), tokens per second (spaCy tokens of the texts),
the ratio of factionmap's speed to the baseline's, the share of documents the prefilter sent to the parser,
and the child's peak resident memory (``ru_maxrss``: model, knowledge base, gazetteer, both pipelines).
``--write`` puts the table, the machine and the command in BENCHMARKS.md's "Speed" section.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpora import load_corpus
from report import replace_speed_rows

from factionmap.config import Settings
from factionmap.extract import Extractor
from factionmap.extract.nlp import MODEL_PACKAGES
from factionmap.record_format import RunIds, record_to_dict

WARM_UP_DOCS = 16
PETRARCH2_PER_HOUR = 1_000  # stories an hour, PETRARCH2's README (after a CoreNLP parse)


@dataclass(frozen=True, slots=True)
class Result:
    """One corpus's measurements."""

    corpus: str
    documents: int
    tokens: int
    parsed: int
    baseline_s: float
    factionmap_s: float
    peak_mb: float

    @property
    def ratio(self) -> float:
        """factionmap's speed over plain spaCy's (above 1: faster than parsing everything)."""
        return self.baseline_s / self.factionmap_s

    def row(self) -> str:
        """A Markdown table row."""
        fm_dps, sp_dps = self.documents / self.factionmap_s, self.documents / self.baseline_s
        return (f"| {self.corpus} | {self.documents} | {self.tokens:,} | {self.parsed / self.documents:.0%} "
                f"| {sp_dps:.1f} | {fm_dps:.1f} | {self.tokens / self.factionmap_s:,.0f} | {self.ratio:.2f} "
                f"| {fm_dps * 3600 / PETRARCH2_PER_HOUR:.0f}x | {self.peak_mb:,.0f} |")


HEADER = ("| corpus | docs | tokens | parsed | plain spaCy docs/s | factionmap docs/s/core | factionmap tokens/s "
          "| ratio to spaCy | vs PETRARCH2 | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|---|")


def plain_model() -> object:
    """The same spaCy model the extractor uses, loaded as its package ships it (no factionmap component)."""
    import importlib

    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise SystemExit(f"no spaCy model installed: one of {MODEL_PACKAGES}")


def measure(corpus: str, limit: int | None) -> Result:
    """Run in a child process: time plain spaCy and factionmap over the same documents of one corpus."""
    documents = load_corpus(corpus, limit)
    texts = [d.text for d in documents]
    settings = Settings()
    extractor = Extractor.from_settings(settings)
    nlp = plain_model()
    for _ in nlp.pipe(texts[:WARM_UP_DOCS]):  # type: ignore[attr-defined]
        pass
    list(extractor.extract_all(documents[:WARM_UP_DOCS], settings.batch_size))
    tokens = sum(len(nlp.make_doc(t)) for t in texts)  # type: ignore[attr-defined]
    parsed = sum(extractor.may_hold_facts(d) for d in documents)
    baseline = spent = 0.0
    run = RunIds()
    size = settings.batch_size
    for first in range(0, len(documents), size):  # turn about, batch by batch: both see the same machine
        start = time.process_time()
        for _ in nlp.pipe(texts[first:first + size], batch_size=size):  # type: ignore[attr-defined]
            pass
        baseline += time.process_time() - start
        start = time.process_time()
        for ex in extractor.extract_all(documents[first:first + size], size):
            record_to_dict(ex, run)
        spent += time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Result(corpus, len(documents), tokens, parsed, baseline, spent, peak)


def machine() -> str:
    """A one-line description of this machine."""
    import spacy

    cpu = platform.processor() or platform.machine()
    try:
        names = [ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                 if ln.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    return (f"{multiprocessing.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"spaCy {spacy.__version__}")


def main() -> None:
    """Measure both corpora, each in its own child process, print the table and optionally write it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--syria", type=int, default=None, help="Syria articles to use (default: all).")
    parser.add_argument("--india", type=int, default=None, help="General-stream articles to use (default: all).")
    parser.add_argument("--write", action="store_true", help="Write the table to BENCHMARKS.md.")
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    results = []
    for corpus, limit in (("syria", args.syria), ("india", args.india)):
        with context.Pool(1) as pool:  # a fresh process per corpus: its peak memory is its own
            results.append(pool.apply(measure, (corpus, limit)))
    table = "\n".join([HEADER, *(r.row() for r in results)])
    print(f"Machine: {machine()}\n\n{table}")
    if args.write:
        command = "python bench/run.py " + " ".join(sys.argv[1:])
        replace_speed_rows("run", f"Machine: {machine()}. Command: `{command.strip()}`\n\n{table}")


if __name__ == "__main__":
    main()
