"""Quality gate: the development gold sets scored with pinned floors (STYLE.md section 8).

Each corpus is pinned by its SHA-256 so a changed gold file cannot silently move the bar. A score under its
floor fails the build; lowering a floor in ``quality_floors.json`` needs ``pytest --lower-floors``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from factionmap.evaluation import score_files
from factionmap.extract import Extractor
from factionmap.record_format import RunIds, record_to_dict
from factionmap.records import Document

FLOORS_FILE = Path(__file__).with_name("quality_floors.json")
FLOORS: dict[str, Any] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
CORPORA = [name for name in FLOORS if not name.startswith("_")]


def _value(scores: dict[str, Any], dotted: str) -> float:
    node: Any = scores
    for part in dotted.split("."):
        node = node[part]
    return float(node or 0.0)


def _score(extractor: Extractor, gold_path: Path) -> dict[str, Any]:
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(g["id"], g["text"], str(gold_path), g.get("title"), g.get("published"),
                     "metadata" if g.get("published") else None, g.get("url")) for g in gold]
    run = RunIds()
    records = [record_to_dict(ex, run) for ex in extractor.extract_all(docs)]
    return score_files(gold, records)


@pytest.mark.shared
@pytest.mark.parametrize("corpus", CORPORA)
def test_development_scores_stay_above_their_floors(corpus: str, shared_dir: Path, extractor: Extractor) -> None:
    spec = FLOORS[corpus]
    gold_path = shared_dir / spec["gold"]
    digest = hashlib.sha256(gold_path.read_bytes()).hexdigest()
    assert digest == spec["sha256"], f"{gold_path} changed: re-measure and re-pin it in {FLOORS_FILE.name}"
    scores = _score(extractor, gold_path)
    below = {k: (_value(scores, k), floor) for k, floor in spec["floors"].items() if _value(scores, k) < floor}
    above = {k: (_value(scores, k), ceiling) for k, ceiling in spec["ceilings"].items()
             if _value(scores, k) > ceiling}
    assert not below, f"{corpus}: under the floor (score, floor): {below}"
    assert not above, f"{corpus}: over the ceiling (score, ceiling): {above}"


def _committed_floors() -> dict[str, Any] | None:
    """The floors file as last committed, or None outside a git checkout."""
    try:
        shown = subprocess.run(["git", "show", f"HEAD:tests/{FLOORS_FILE.name}"], cwd=FLOORS_FILE.parent,
                               capture_output=True, text=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    committed: dict[str, Any] = json.loads(shown.stdout)
    return committed


def test_floors_are_not_lowered_without_the_flag(request: pytest.FixtureRequest) -> None:
    committed = _committed_floors()
    if committed is None or request.config.getoption("--lower-floors"):
        pytest.skip("no committed floors to compare with, or --lower-floors given")
    for corpus in CORPORA:
        for key, floor in FLOORS[corpus]["floors"].items():
            old = committed.get(corpus, {}).get("floors", {}).get(key, 0.0)
            assert floor >= old, f"{corpus} {key} floor lowered from {old} to {floor}: run pytest --lower-floors"
