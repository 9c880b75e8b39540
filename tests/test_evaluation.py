"""Scoring against gold records (factionmap.evaluation): FORMAT.md rules, as shared/eval/score.py applies them."""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from factionmap.config import Settings
from factionmap.evaluation import calibration, date_agrees, score, scores_by_type, summarize
from factionmap.extract import Extractor
from factionmap.service import evaluate, extract_to_jsonl

GOLD: list[dict[str, Any]] = [
    {"id": "d1", "published": "2015-08-24", "text": "...",
     "relations": [
         {"subject": ["Islamic Movement of Uzbekistan", "IMU"], "type": "allegiance", "object": ["Islamic State"],
          "start": "2015-08"},
         {"subject": ["IMU"], "type": "alliance", "object": ["Taliban"], "end": "2015-08-06"},
         {"subject": ["Islamic Jihad Union"], "type": ["allegiance", "branch_of"], "object": ["Taliban"],
          "start": "2015-08-20"},
     ],
     "events": [{"type": "pledge", "actor": ["IMU"], "target": ["Islamic State"], "date": "2015-08-06"},
                {"type": "attack", "actor": ["Taliban"], "target": ["Afghanistan"], "date": "2015"}],
     "places": [{"name": "Kunduz", "country": "AF", "admin1": ["Kunduz", "Konduz"], "lat": 36.73, "lon": 68.86},
                {"name": "Afghanistan", "country": "AF", "feature": "country"}],
     "forbidden": [{"subject": ["Shanghai Cooperation Organization"], "type": "*", "object": ["*"]}],
     "forbidden_places": ["Moscow"]},
    {"id": "d2", "published": "2016", "text": "...",
     "relations": [{"subject": ["Syrian Democratic Forces", "SDF"], "type": "conflict", "object": ["ISIL"]}]},
    {"id": "d3", "text": "...", "relations": [{"subject": ["Hamas"], "type": "rivalry", "object": ["Fatah"]}]},
]

OUTPUT: list[dict[str, Any]] = [
    {"doc": {"id": "d1"},
     "actors": [{"id": "a1", "name": "Islamic Movement of Uzbekistan", "aliases": ["the IMU"]},
                {"id": "a2", "name": "the Islamic State's", "aliases": []},
                {"id": "a3", "name": "Taliban", "aliases": ["Afghan Taliban"]},
                {"id": "a4", "name": "Islamic Jihad Union", "aliases": []},
                {"id": "a5", "name": "Shanghai Cooperation Organization", "aliases": ["SCO"]},
                {"id": "a6", "name": "Afghanistan", "aliases": []}],
     "places": [{"id": "p1", "name": "Kunduz", "country": "AF", "admin1": "Konduz", "feature": "PPLA",
                 "lat": 36.7, "lon": 68.9, "mentions": [{"text": "Kunduz province", "start": 0, "end": 15}]},
                {"id": "p2", "name": "Moskva", "country": "RU", "admin1": None, "feature": "PPLC",
                 "lat": 55.75, "lon": 37.6, "mentions": [{"text": "Moscow", "start": 20, "end": 26}]}],
     "relations": [
         {"subject": "a1", "type": "allegiance", "object": "a2", "start": "2015-08-06", "end": None},
         {"subject": "a1", "type": "allegiance", "object": "a2", "start": "2015-08-06", "end": None},
         {"subject": "a3", "type": "alliance", "object": "a1", "start": None, "end": "2015-08"},
         {"subject": "a4", "type": "branch_of", "object": "a3", "start": "2015-08-20"},
         {"subject": "a5", "type": "conflict", "object": "a3"},
     ],
     "events": [{"type": "pledge", "participants": [{"role": "actor", "ref": "a1"}, {"role": "target", "ref": "a2"}],
                 "date": "2015-08-06"},
                {"type": "attack", "participants": [{"role": "actor", "ref": "a3"}], "date": "2015-03"}]},
    {"doc": {"id": "d2"},
     "actors": [{"id": "a7", "name": "Syrian Democratic Forces", "aliases": ["SDF"]},
                {"id": "a8", "name": "Islamic State", "aliases": ["ISIL"]}],
     "relations": [{"subject": "a8", "type": "conflict", "object": "a7"},
                   {"subject": "a7", "type": "alliance", "object": "a8"}]},
]


def load_score_py(shared: Path) -> ModuleType:
    """Import shared/eval/score.py as a module."""
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("system", "gold", "agrees"), [
    ("2015-08-20", "2015-08", True),
    ("2015-08", "2015-08-20", False),
    ("2015-09-01", "2015-08", False),
    (None, "2015", False),
    (None, None, True),
])
def test_a_program_date_counts_when_it_agrees_at_the_gold_precision(system: str | None, gold: str | None,
                                                                   agrees: bool) -> None:
    assert date_agrees(system, gold) is agrees


def test_relation_scores_count_aliases_symmetry_duplicates_and_missing_documents() -> None:
    s = summarize(score(GOLD, OUTPUT))
    rel = s["relations"]
    # found: IMU allegiance (alias "the IMU", "the Islamic State's"), IMU-Taliban alliance (symmetric, reversed),
    # IJU branch_of (a listed type), SDF conflict (reversed, symmetric); Hamas-Fatah is in a missing document.
    assert (rel["gold"], rel["recall"]) == (5, 4 / 5)
    # extracted: the duplicate allegiance counts once; SCO conflict and the SDF alliance are wrong.
    assert (rel["extracted"], rel["precision"]) == (6, 4 / 6)
    # dates are scored over the matched relations: the IMU allegiance's and the IJU's starts agree, the alliance's
    # end "2015-08" is coarser than the gold "2015-08-06"; the three dated gold relations were all found
    assert rel["date_accuracy"] == 2 / 3
    assert rel["date_recall"] == 2 / 3
    assert s["documents_missing_from_output"] == 1


def test_events_places_and_forbidden_are_scored() -> None:
    s = summarize(score(GOLD, OUTPUT))
    # the attack's month "2015-03" agrees with the gold year; the pledge's day agrees
    assert s["events"] == {"recall": 1 / 2, "gold": 2, "date_accuracy": 1.0, "date_recall": 1 / 2}
    assert s["places"]["recall"] == 1 / 2  # Kunduz (admin1 among the accepted names); no Afghanistan place
    assert s["places"]["within_161km"] == 1.0
    assert s["forbidden_extracted"] == 2  # the SCO relation and the place "Moscow"


def test_precision_and_recall_are_given_per_relation_type() -> None:
    rows = {row.type: row for row in scores_by_type(score(GOLD, OUTPUT))}
    assert (rows["conflict"].gold, rows["conflict"].found, rows["conflict"].extracted) == (1, 1, 2)
    assert rows["conflict"].precision == 1 / 2
    # a gold relation that accepts several types counts under its first: the IJU's under allegiance
    assert (rows["allegiance"].gold, rows["allegiance"].found) == (2, 2)
    assert rows["branch_of"].recall is None and rows["branch_of"].precision == 1.0
    assert rows["rivalry"].recall == 0.0


def test_a_gold_record_that_annotates_some_types_limits_precision_to_them() -> None:
    gold = [{**GOLD[1], "relation_types": ["conflict"]}]
    s = summarize(score(gold, OUTPUT))
    assert (s["relations"]["extracted"], s["relations"]["precision"]) == (1, 1.0)  # the alliance is not judged


def test_errors_list_each_missed_and_each_wrong_relation() -> None:
    errors = score(GOLD, OUTPUT).errors
    missed = [e for e in errors if e.kind == "missed"]
    wrong = [e for e in errors if e.kind == "wrong"]
    assert [(e.doc, e.relation) for e in missed] == [("d3", "Hamas rivalry Fatah  (no party found)")]
    assert sorted(e.relation for e in wrong) == [
        "Shanghai Cooperation Organization conflict Taliban [None]",
        "Syrian Democratic Forces alliance Islamic State [None]",
    ]


def test_calibration_counts_each_distinct_relation_in_its_confidence_band() -> None:
    output = json.loads(json.dumps(OUTPUT))
    for relation, confidence in zip(output[0]["relations"], (0.95, 0.95, 0.85, 0.55, 0.3)):
        relation["confidence"] = confidence
    output[1]["relations"][0]["confidence"] = 0.72
    output[1]["relations"][1]["confidence"] = 0.75
    bands = {(b.low, b.extracted, b.correct) for b in calibration(score(GOLD, output))}
    # the duplicate allegiance counts once; the SCO conflict (0.3) and the SDF alliance (0.75) are wrong
    assert bands == {(0.0, 1, 0), (0.5, 1, 1), (0.6, 0, 0), (0.7, 2, 1), (0.8, 1, 1), (0.9, 1, 1)}


@pytest.mark.shared
def test_scores_equal_those_of_shared_score_py_on_a_hand_made_pair(shared_dir: Path, tmp_path: Path) -> None:
    score_py = load_score_py(shared_dir)
    assert summarize(score(GOLD, OUTPUT)) == score_py.summary(*score_py.score(GOLD, OUTPUT))


@pytest.mark.shared
def test_eval_scores_equal_those_of_score_py_on_the_seed_articles(
    shared_dir: Path, tmp_path: Path, extractor: Extractor
) -> None:
    gold_path = shared_dir / "eval" / "dev" / "seeds.gold.jsonl"
    out = io.StringIO()
    extract_to_jsonl([gold_path], out, Settings(), extractor=extractor)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    score_py = load_score_py(shared_dir)
    report = evaluate(gold_path, Settings(), extractor=extractor)
    assert report.summary == score_py.summary(*score_py.score(gold, records))
