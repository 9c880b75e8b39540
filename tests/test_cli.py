"""The ``factionmap`` command end to end (click's CliRunner): extract, ingest, actor, graph, eval, stats, docs."""

from __future__ import annotations

import importlib.util
import json
import os
from importlib.metadata import version
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner, Result

from factionmap.cli import cli
from factionmap.extract import Extractor
from factionmap.store import open_store
from factionmap.vocabulary import EVENT_TYPES, PLACE_RELATIONS, RELATION_TYPES, STATUSES

ROOT = Path(__file__).resolve().parents[1]
PLEDGE = "On Aug. 6, the Islamic Movement of Uzbekistan (IMU) pledged allegiance to the Islamic State."
PAST_ALLY = "The IMU had previously been allied with the Taliban."
CLASH = ("Syrian Democratic Forces fighters clashed with the Islamic State near Raqqah on Tuesday, the U.S. Central "
         "Command said.")
STRIKE = "Coalition aircraft struck an al Qaeda training camp in Idlib province on Jan. 19, 2017, the Pentagon said."
ARTICLES = [
    {"id": "imu", "title": "Uzbek group joins Islamic State", "published": "2015-08-24",
     "text": f"{PLEDGE} {PAST_ALLY}"},
    {"id": "sdf", "title": "SDF advance on Raqqah", "published": "2016-11-10", "text": CLASH},
    {"id": "strike", "title": "Strike near Idlib", "published": "2017-01-20", "text": STRIKE},
]
DOC_KEYS = {"id", "source", "title", "published", "published_from", "url"}
ACTOR_KEYS = {"id", "name", "aliases", "kind", "kb_id"}
PLACE_KEYS = {"id", "name", "geonames_id", "country", "admin1", "feature", "lat", "lon", "precision", "mentions"}
RELATION_KEYS = {"subject", "type", "object", "start", "end", "status", "attributed_to", "confidence", "evidence"}
EVENT_KEYS = {"type", "participants", "date", "place", "status", "attributed_to", "confidence", "evidence"}


@pytest.fixture(autouse=True)
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: Extractor) -> Path:
    """Run in an empty folder, with no FACTIONMAP_* variables, sharing one loaded model across the tests."""
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith("FACTIONMAP_")]:
        monkeypatch.delenv(name)
    monkeypatch.setattr(Extractor, "from_settings", staticmethod(lambda settings: extractor))
    return tmp_path


def run(*args: str) -> Result:
    """Invoke ``factionmap ARGS...``."""
    return CliRunner().invoke(cli, list(args), prog_name="factionmap")


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    """Write records as a JSON Lines file and return its path."""
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def edges(graph: Any) -> set[tuple[str, str, str]]:
    """(subject name, type, object name) of every edge."""
    return {(graph.nodes[u]["label"], k, graph.nodes[v]["label"]) for u, v, k in graph.edges(keys=True)}


# --- extract ----------------------------------------------------------------------------------------------------


def check_record(record: dict[str, Any], text: str) -> None:
    """Assert that a record has FORMAT.md's shape and that every evidence span slices ``text`` back to itself."""
    assert set(record) == {"doc", "actors", "places", "relations", "events"}
    assert set(record["doc"]) == DOC_KEYS
    actors = {a["id"] for a in record["actors"]}
    places = {p["id"] for p in record["places"]}
    assert all(set(a) == ACTOR_KEYS for a in record["actors"])
    assert all(set(p) == PLACE_KEYS for p in record["places"])
    for place in record["places"]:
        assert all(text[m["start"]:m["end"]] == m["text"] for m in place["mentions"])
    for rel in record["relations"]:
        assert set(rel) == RELATION_KEYS
        assert rel["type"] in RELATION_TYPES and rel["status"] in STATUSES
        assert rel["subject"] in actors
        assert rel["object"] in (places if rel["type"] in PLACE_RELATIONS else actors)
    for event in record["events"]:
        assert set(event) >= EVENT_KEYS
        assert event["type"] in EVENT_TYPES and event["status"] in STATUSES
        assert all(p["ref"] in actors | places for p in event["participants"])
    for item in record["relations"] + record["events"]:
        ev = item["evidence"]
        assert set(ev) == {"text", "start", "end"}
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_extract_writes_one_format_md_record_per_document_with_evidence_offsets_into_the_text(workdir: Path) -> None:
    articles = write_jsonl(workdir / "articles.jsonl", ARTICLES)
    result = run("extract", "--format", "jsonl", "--output", "out.jsonl", str(articles))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (workdir / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["doc"]["id"] for r in records] == ["imu", "sdf", "strike"]
    for record, article in zip(records, ARTICLES, strict=True):
        check_record(record, article["text"])
    n_rel = sum(len(r["relations"]) for r in records)
    n_ev = sum(len(r["events"]) for r in records)
    assert n_rel > 0 and n_ev > 0
    assert result.stderr == f"Extracted 3 documents to out.jsonl ({n_rel} relations, {n_ev} events).\n"
    assert result.stdout == ""


def test_extract_to_stdout_with_a_partial_publication_date(workdir: Path) -> None:
    (workdir / "clash.txt").write_text(CLASH, encoding="utf-8")
    result = run("extract", "--format", "jsonl", "--output", "-", "--published", "2016-11", "clash.txt")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["doc"]["id"], record["doc"]["published"], record["doc"]["published_from"]) == (
        "clash", "2016-11", "metadata")


def test_an_invalid_publication_date_is_rejected_naming_the_valid_forms(workdir: Path) -> None:
    (workdir / "clash.txt").write_text(CLASH, encoding="utf-8")
    result = run("extract", "--output", "-", "--published", "2015-13", "clash.txt")
    assert result.exit_code == 2
    assert ("Invalid value for '--published': '2015-13' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD "
            "(e.g. 2015, 2015-08, 2015-08-24)") in result.stderr


# --- ingest -----------------------------------------------------------------------------------------------------


def test_ingesting_twice_adds_nothing_the_second_time_and_says_so(workdir: Path) -> None:
    articles = write_jsonl(workdir / "articles.jsonl", ARTICLES)
    first = run("ingest", str(articles), "--db", "t.db")
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("Stored 3 new documents in t.db (")
    counts = run("stats", "--db", "t.db").stdout
    second = run("ingest", str(articles), "--db", "t.db")
    assert (second.exit_code, second.stdout, second.stderr) == (0, "Nothing new: 3 documents already in t.db.\n", "")
    assert run("stats", "--db", "t.db").stdout == counts


def test_bad_inputs_are_named_on_stderr_the_rest_is_stored_and_the_status_is_1(workdir: Path) -> None:
    folder = workdir / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "strike.txt").write_text(STRIKE, encoding="utf-8")
    (folder / "wire.jsonl").write_text(json.dumps(ARTICLES[1]) + "\n{not json\n", encoding="utf-8")
    result = run("ingest", "inbox", "--db", "t.db", "--published", "2017-01")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"skipped {Path('inbox/empty.txt')}: empty file",
        f"skipped {Path('inbox/image.txt')}: binary file (contains NUL bytes)",
        (f"skipped {Path('inbox/wire.jsonl')}:2: not JSON (Expecting property name enclosed in double quotes at "
        "column 2)"),
    ]
    assert result.stdout.startswith("Stored 2 new documents in t.db (")
    assert result.stdout.endswith("; 3 bad inputs skipped.\n")
    with open_store(workdir / "t.db") as store:
        assert {d.doc_id: d.published for d in store.documents()} == {"strike": "2017-01", "sdf": "2016-11-10"}


def test_db_defaults_to_the_settings(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("factionmap.db", "env.db", "conf.db"):
        open_store(workdir / name).close()
    assert run("stats").stdout.startswith("factionmap.db: 0 documents, ")
    monkeypatch.setenv("FACTIONMAP_DB", "env.db")
    assert run("stats").stdout == "env.db: 0 documents, 0 actors, 0 places, 0 relations, 0 evidence, 0 events\n"
    (workdir / "conf.json").write_text('{"db": "conf.db"}', encoding="utf-8")
    monkeypatch.delenv("FACTIONMAP_DB")
    assert run("stats", "--config", "conf.json").stdout.startswith("conf.db: 0 documents")


def test_a_broken_config_file_is_an_error_naming_it(workdir: Path) -> None:
    (workdir / "conf.json").write_text("{db:", encoding="utf-8")
    result = run("stats", "--config", "conf.json")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: conf.json: cannot read the config file:")


# --- actor and graph over an ingested store ---------------------------------------------------------------------


@pytest.fixture
def ingested(workdir: Path) -> Path:
    """A store in ./factionmap.db holding the three articles."""
    articles = write_jsonl(workdir / "articles.jsonl", ARTICLES)
    assert run("ingest", str(articles)).exit_code == 0
    return workdir / "factionmap.db"


def test_actor_prints_the_profile_of_a_name_or_alias(ingested: Path) -> None:
    result = run("actor", "IMU")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Islamic Movement of Uzbekistan (armed group)"
    assert "Relations over time:" in lines
    assert f'      "{PLEDGE}" (Uzbek group joins Islamic State, 2015-08-24)' in lines


def test_an_unknown_actor_exits_1_with_a_message(ingested: Path) -> None:
    result = run("actor", "Zzyzx Brigade")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", "Error: No actor named 'Zzyzx Brigade' in the store\n")


def test_graph_as_of_a_date_exports_the_relations_in_force_as_json_and_graphml(ingested: Path) -> None:
    in_2015 = run("graph", "--as-of", "2015-01")
    in_2016 = run("graph", "--as-of", "2016", "--format", "json")
    assert in_2015.exit_code == 0 and in_2016.exit_code == 0
    before = edges(nx.node_link_graph(json.loads(in_2015.stdout), edges="links"))
    after = edges(nx.node_link_graph(json.loads(in_2016.stdout), edges="links"))
    imu = "Islamic Movement of Uzbekistan"
    assert (imu, "alliance", "Taliban") in before and (imu, "alliance", "Taliban") not in after
    assert (imu, "allegiance", "Islamic State") in after and (imu, "allegiance", "Islamic State") not in before
    result = run("graph", "--as-of", "2016", "--format", "graphml", "--output", "map.graphml")
    assert result.exit_code == 0, result.output
    assert edges(nx.read_graphml(ingested.parent / "map.graphml", force_multigraph=True)) == after


def test_graph_with_a_bad_date_or_type_is_a_usage_error(ingested: Path) -> None:
    assert run("graph", "--as-of", "2016-02-30").exit_code == 2
    result = run("graph", "--type", "friendship")
    assert result.exit_code == 2
    assert "'friendship' is not one of 'allegiance'" in result.stderr


# --- eval, stats, version, docs -------------------------------------------------------------------------------


def test_eval_prints_scores_per_relation_type(workdir: Path) -> None:
    gold = write_jsonl(workdir / "gold.jsonl", [
        {**ARTICLES[0], "relations": [
            {"subject": ["IMU"], "type": "allegiance", "object": ["Islamic State"], "start": "2015-08-06"},
            {"subject": ["IMU"], "type": "alliance", "object": ["Taliban"], "end": "2015-08-06"}],
         "events": [{"type": "pledge", "actor": ["IMU"], "target": ["Islamic State"], "date": "2015-08-06"}]},
        {**ARTICLES[1], "relations": [{"subject": ["SDF"], "type": "conflict", "object": ["ISIL"]}]},
    ])
    result = run("eval", str(gold))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{gold}: 2 documents extracted"
    assert lines[1].startswith("relations  P ")
    assert [line.split()[0] for line in lines[2:5]] == ["allegiance", "alliance", "conflict"]
    assert all(" P " in line and " R " in line and " F1 " in line for line in lines[2:5])
    assert lines[-3].startswith("events     R ")
    assert lines[-2].startswith("places     R ")
    assert lines[-1] == "forbidden extracted: 0; documents missing from output: 0"


def test_version() -> None:
    assert run("--version").stdout == f"factionmap, version {version('factionmap')}\n"


def test_the_cli_reference_in_docs_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("make_docs", ROOT / "scripts" / "make_docs.py")
    assert spec is not None and spec.loader is not None
    make_docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_docs)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == make_docs.render(), (
        "docs/cli.md is stale: run `make docs`")

