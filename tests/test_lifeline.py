"""A killed or terminated run leaves no process behind, and running it again completes the store (issue 10)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
EXAMPLES = ROOT / "examples" / "articles.jsonl"
FACTIONMAP = "from factionmap.cli import main; main()"  # what the installed `factionmap` script runs
VARIANTS = 6  # copies of each example article, each with a different last line: enough work to be killed midway

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")


def _parent_and_state(pid: int) -> tuple[int, str] | None:
    """A process's parent pid and state letter (Z: a zombie, dead), or None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()  # after the command name, which may hold spaces
    return int(fields[1]), fields[0]


def _children(pid: int) -> set[int]:
    """The living processes whose parent is ``pid``."""
    pids = (int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit())
    return {p for p in pids if (info := _parent_and_state(p)) is not None and info[0] == pid and info[1] != "Z"}


def _alive(pids: set[int]) -> set[int]:
    return {p for p in pids if (info := _parent_and_state(p)) is not None and info[1] != "Z"}


def _stored(db: Path) -> int:
    """Documents in the store so far (0 while it is being created)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def articles(tmp_path: Path) -> tuple[Path, int]:
    """A JSON Lines file of distinct articles (the examples, several times with a different last line)."""
    records = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(VARIANTS):
            for record in records:
                copy = record | {"id": f"{record['id']}-{n}", "text": f"{record['text']}\n\nUpdate {n}."}
                out.write(json.dumps(copy) + "\n")
    return path, VARIANTS * len(records)


def _ingest(articles: Path, db: Path, *options: str) -> subprocess.Popen[str]:
    env = os.environ | {"PYTHONPATH": str(ROOT), "FACTIONMAP_BATCH_SIZE": "1"}  # one document a chunk: a pool
    command = [sys.executable, "-c", FACTIONMAP, "ingest", str(articles), "--db", str(db), *options]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.mark.issue(10)
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_a_killed_ingest_leaves_no_worker_behind_and_a_rerun_completes_it(
        articles: tuple[Path, int], tmp_path: Path, sig: signal.Signals) -> None:
    path, total = articles
    db = tmp_path / "killed.db"
    run = _ingest(path, db, "--workers", "2")
    try:
        assert _wait_for(lambda: _stored(db) > 0, 120), run.communicate()[0]
        children = _children(run.pid)  # the two workers and multiprocessing's resource tracker
        assert len(children) >= 2
        run.send_signal(sig)
        run.wait(timeout=30)
    finally:
        run.kill()
    assert _stored(db) < total, "the run ended before it could be killed: nothing was tested"
    _wait_for(lambda: not _alive(children), 5)
    left = _alive(children)
    for pid in left:  # so a failing run leaves no orphans either
        os.kill(pid, signal.SIGKILL)
    assert not left, f"still alive 5 seconds after the parent was killed: {left}"

    rerun = _ingest(path, db, "--workers", "1")
    output = rerun.communicate(timeout=300)[0]
    assert rerun.returncode == 0, output
    with sqlite3.connect(db) as connection:
        rows, distinct = connection.execute("SELECT count(*), count(DISTINCT content_hash) FROM documents").fetchone()
    assert rows == distinct == total
