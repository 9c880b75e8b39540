"""The library behind the CLI (factionmap.service): extract, ingest, graph, actor profiles, evaluation."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from sqlalchemy import Connection

from factionmap import service
from factionmap.config import Settings
from factionmap.errors import ActorNotFound, InvalidDate, UnknownFormat
from factionmap.extract import Extractor
from factionmap.records import Actor, Document, Event, Extraction, Participant, Place, Relation, Span
from factionmap.store import Store, open_store
from factionmap.store import sql as store_sql

PLEDGE = "On Aug. 6, the Islamic Movement of Uzbekistan (IMU) pledged allegiance to the Islamic State."
PAST_ALLY = "The IMU had previously been allied with the Taliban."
CLASH = "Syrian Democratic Forces fighters clashed with the Islamic State near Raqqah on Tuesday, the U.S. Central " \
        "Command said."
STRIKE = "Coalition aircraft struck an al Qaeda training camp in Idlib province on Jan. 19, 2017, the Pentagon said."
ARTICLES = [
    {"id": "imu", "title": "Uzbek group joins Islamic State", "published": "2015-08-24",
     "text": f"{PLEDGE} {PAST_ALLY}"},
    {"id": "sdf", "title": "SDF advance on Raqqah", "published": "2016-11-10", "text": CLASH},
    {"id": "strike", "title": "Strike near Idlib", "published": "2017-01-20", "text": STRIKE},
]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    """Write records as a JSON Lines file and return its path."""
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def fresh_store() -> Iterator[Store]:
    """An empty in-memory store."""
    store = open_store(":memory:")
    yield store
    store.close()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A JSON Lines file of three short press-release style articles."""
    return write_jsonl(tmp_path / "articles.jsonl", ARTICLES)


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make loading the model fail, to show a code path never loads it."""
    def refuse(settings: Settings) -> Extractor:
        raise AssertionError("the model was loaded")
    monkeypatch.setattr(Extractor, "from_settings", staticmethod(refuse))


# --- extract ----------------------------------------------------------------------------------------------------


def test_extract_writes_one_record_per_document_in_input_order_with_run_wide_ids(
    articles: Path, extractor: Extractor
) -> None:
    out = io.StringIO()
    report = service.extract_to_jsonl([articles], out, Settings(), extractor=extractor)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["doc"]["id"] for r in records] == ["imu", "sdf", "strike"]
    assert (report.documents, report.problems) == (3, ())
    ids = [{a["name"]: a["id"] for a in r["actors"]} for r in records]
    assert ids[0]["Islamic State"] == ids[1]["Islamic State"]
    assert report.relations == sum(len(r["relations"]) for r in records) > 0


def test_extract_of_nothing_readable_does_not_load_the_model(tmp_path: Path, no_model: None) -> None:
    (tmp_path / "empty.txt").write_text("")
    report = service.extract_to_jsonl([tmp_path], io.StringIO(), Settings())
    assert report.documents == 0
    assert [(Path(p.source).name, p.reason) for p in report.problems] == [("empty.txt", "empty file")]


def test_extract_rejects_a_bad_publication_date(articles: Path, no_model: None) -> None:
    with pytest.raises(InvalidDate):
        service.extract_to_jsonl([articles], io.StringIO(), Settings(), published="2015-13")


# --- ingest -----------------------------------------------------------------------------------------------------


def test_ingesting_twice_stores_nothing_new_and_does_not_load_the_model(
    articles: Path, fresh_store: Store, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = service.ingest([articles], fresh_store, Settings(), extractor=extractor)
    counts = fresh_store.stats()
    monkeypatch.setattr(Extractor, "from_settings", staticmethod(lambda s: pytest.fail("the model was loaded")))
    second = service.ingest([articles], fresh_store, Settings())
    assert (first.documents, first.skipped_known) == (3, 0)
    assert (second.documents, second.skipped_known, second.relations) == (0, 3, 0)
    assert fresh_store.stats() == counts


def test_the_same_text_twice_in_one_run_is_stored_once(tmp_path: Path, fresh_store: Store,
                                                      extractor: Extractor) -> None:
    path = write_jsonl(tmp_path / "twice.jsonl", [ARTICLES[1], {**ARTICLES[1], "id": "copy"}])
    report = service.ingest([path], fresh_store, Settings(), extractor=extractor)
    assert (report.documents, report.skipped_known, fresh_store.stats()["documents"]) == (1, 1, 1)


@pytest.mark.issue(10)
def test_copies_differing_in_line_ends_and_spacing_are_one_source(tmp_path: Path, fresh_store: Store,
                                                                  extractor: Extractor) -> None:
    article = f"Uzbek group joins Islamic State\n\n{PLEDGE}\n{PAST_ALLY}\n"
    copies = {
        "crlf.txt": article.replace("\n", "\r\n"),
        "cr.txt": article.replace("\n", "\r"),
        "spaced.txt": " " + article.replace("\n", "   \n"),
        "blank_lines.txt": "\n\n" + article.replace("\n\n", "\n\n\n\n") + "\n\n\n",
    }
    (tmp_path / "first").mkdir()
    (tmp_path / "first" / "original.txt").write_bytes(article.encode())
    for name, text in copies.items():
        (tmp_path / name).write_bytes(text.encode())
    first = service.ingest([tmp_path / "first"], fresh_store, Settings(), extractor=extractor)
    copied = service.ingest([tmp_path / name for name in copies], fresh_store, Settings(), extractor=extractor)
    assert (first.documents, copied.documents, copied.skipped_known) == (1, 0, 4)
    assert fresh_store.stats()["documents"] == 1
    assert fresh_store.relations() and {r.n_sources for r in fresh_store.relations()} == {1}


def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path: Path, fresh_store: Store,
                                                       extractor: Extractor) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "ok.txt").write_text(CLASH, encoding="utf-8")
    report = service.ingest([tmp_path], fresh_store, Settings(), extractor=extractor)
    assert [(Path(p.source).name, p.reason) for p in report.problems] == [
        ("empty.txt", "empty file"), ("image.txt", "binary file (contains NUL bytes)")]
    assert not report.ok
    assert (report.documents, fresh_store.stats()["documents"]) == (1, 1)


class Killed(BaseException):
    """Stands for the process being killed (not an Exception: nothing may catch it on the way)."""


def test_a_run_killed_mid_write_leaves_a_consistent_store_and_the_rerun_completes_without_duplicates(
    articles: Path, tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(":memory:") as reference:
        service.ingest([articles], reference, Settings(), extractor=extractor)
        expected = reference.stats()
    real_write = store_sql.write_extraction
    calls = []

    def write_then_die(conn: Connection, ex: Extraction) -> None:
        calls.append(ex.doc.id)
        real_write(conn, ex)  # the rows are written inside the transaction...
        if len(calls) == 2:
            raise Killed  # ...and the process dies before the commit

    db = tmp_path / "killed.db"
    monkeypatch.setattr(store_sql, "write_extraction", write_then_die)
    with open_store(db) as store, pytest.raises(Killed):
        service.ingest([articles], store, Settings(), extractor=extractor)
    monkeypatch.setattr(store_sql, "write_extraction", real_write)
    with open_store(db) as store:
        assert [d.doc_id for d in store.documents()] == ["imu"]
        report = service.ingest([articles], store, Settings(), extractor=extractor)
        assert (report.documents, report.skipped_known) == (2, 1)
        assert store.stats() == expected


# --- graph and profiles over a hand-made store -------------------------------------------------------------------

IMU = Actor("a1", "Islamic Movement of Uzbekistan", "armed_group", ("IMU",), "name:islamic movement of uzbekistan")
TALIBAN = Actor("a2", "Taliban", "armed_group", ("Afghan Taliban",), "kb:G:taliban", "G:taliban")
ISLAMIC_STATE = Actor("a3", "Islamic State", "armed_group", ("ISIL",), "kb:G:islamic-state", "G:islamic-state")
TEXT = f"{PLEDGE} {PAST_ALLY} The IMU operates in Kunduz."


def span_of(sentence: str) -> Span:
    """The span of a sentence of ``TEXT``."""
    start = TEXT.index(sentence)
    return Span(sentence, start, start + len(sentence))


def imu_record() -> Extraction:
    """The IMU's switch from the Taliban to the Islamic State, with a place and a pledge event."""
    kunduz = Place("p1", "Kunduz", "AF", "PPLA", 36.73, 68.86, "Kunduz", 1135689, mentions=(span_of("Kunduz"),),
                   key="geonames:1135689")
    doc = Document("imu", TEXT, "imu.txt", title="Uzbek group joins Islamic State", published="2015-08-24")
    relations = (
        Relation("a1", "alliance", "a2", span_of(PAST_ALLY), end="2015-08-06", confidence=0.8),
        Relation("a1", "allegiance", "a3", span_of(PLEDGE), start="2015-08-06", confidence=0.9),
        Relation("a1", "operates_in", "p1", span_of("The IMU operates in Kunduz."), confidence=0.7),
    )
    pledge = Event("pledge", (Participant("actor", "a1"), Participant("target", "a3")), span_of(PLEDGE),
                   date="2015-08-06", place="p1")
    return Extraction(doc, (IMU, TALIBAN, ISLAMIC_STATE), (kunduz,), relations, (pledge,))


@pytest.fixture
def imu_store(fresh_store: Store) -> Store:
    """A store holding the hand-made IMU record."""
    fresh_store.add_extraction(imu_record())
    return fresh_store


def edges(graph: Any) -> set[tuple[str, str, str]]:
    """(subject name, type, object name) of every edge."""
    return {(graph.nodes[u]["label"], k, graph.nodes[v]["label"]) for u, v, k in graph.edges(keys=True)}


def test_the_graph_as_of_a_date_has_only_the_relations_in_force_then(imu_store: Store) -> None:
    before = edges(service.build_graph(imu_store, as_of="2015-01"))
    after = edges(service.build_graph(imu_store, as_of="2016"))
    assert ("Islamic Movement of Uzbekistan", "alliance", "Taliban") in before
    assert ("Islamic Movement of Uzbekistan", "allegiance", "Islamic State") not in before
    assert ("Islamic Movement of Uzbekistan", "alliance", "Taliban") not in after
    assert ("Islamic Movement of Uzbekistan", "operates_in", "Kunduz") in after


def test_graph_json_and_graphml_parse_back_with_networkx(imu_store: Store) -> None:
    from_json = nx.node_link_graph(json.loads(service.graph(imu_store, fmt="json")), edges="links")
    from_graphml = nx.parse_graphml(service.graph(imu_store, fmt="graphml"))
    assert edges(from_json) == edges(service.build_graph(imu_store))
    assert "name:islamic movement of uzbekistan" in from_graphml  # the store keys of `export graphml`
    imu = next(n for n, d in from_graphml.nodes(data=True) if d["label"] == "Islamic Movement of Uzbekistan")
    assert from_graphml.nodes[imu]["aliases"] == "IMU"
    kunduz = next(d for _, d in from_graphml.nodes(data=True) if d["label"] == "Kunduz")
    assert (kunduz["country"], kunduz["lat"]) == ("AF", 36.73)
    allegiance = next(d for _, _, d in from_graphml.edges(data=True) if d["relation"] == "allegiance")
    assert (allegiance["start_date"], allegiance["sources"], allegiance["evidence"]) == ("2015-08-06", 1, PLEDGE)


def test_graph_command_and_graphml_export_write_one_dialect(imu_store: Store) -> None:
    """`factionmap graph --format graphml` and `factionmap export graphml` share one builder: same node ids, same
    attributes, same edges (the export also keeps actors no relation names)."""
    from factionmap.export import export

    exported = io.StringIO()
    export(imu_store, "graphml", exported, as_of="2016")
    whole = nx.parse_graphml(exported.getvalue(), force_multigraph=True)
    graph = nx.parse_graphml(service.graph(imu_store, as_of="2016", fmt="graphml"), force_multigraph=True)
    assert sorted(graph.edges(keys=True, data=True)) == sorted(whole.edges(keys=True, data=True))
    assert all(graph.nodes[n] == whole.nodes[n] for n in graph)
    assert set(graph) == {n for edge in whole.edges() for n in edge}


def test_graph_types_filter_and_unknown_format(imu_store: Store) -> None:
    only = service.build_graph(imu_store, types=["allegiance"])
    assert {k for _, _, k in only.edges(keys=True)} == {"allegiance"}
    assert {d["label"] for _, d in only.nodes(data=True)} == {"Islamic Movement of Uzbekistan", "Islamic State"}
    assert service.build_graph(imu_store, min_sources=2).number_of_nodes() == 0
    with pytest.raises(UnknownFormat, match="Choose from: graphml, json"):
        service.graph(imu_store, fmt="csv")


def test_the_profile_of_an_alias_shows_history_in_date_order_with_evidence(imu_store: Store) -> None:
    text = service.format_profile(service.actor_profile(imu_store, "the IMU"))
    assert text.splitlines()[:2] == ["Islamic Movement of Uzbekistan (armed group)", "  also: IMU"]
    until = text.index("until 2015-08-06: Islamic Movement of Uzbekistan alliance Taliban")
    assert until < text.index("since 2015-08-06: Islamic Movement of Uzbekistan allegiance")
    assert f'"{PLEDGE}" (Uzbek group joins Islamic State, 2015-08-24)' in text
    assert "2015-08-06: pledge (actor Islamic Movement of Uzbekistan, target Islamic State) in Kunduz" in text
    assert "Places:\n  undated: Islamic Movement of Uzbekistan operates_in Kunduz" in text


def test_an_unknown_actor_is_an_error_that_suggests_close_names(imu_store: Store) -> None:
    with pytest.raises(ActorNotFound, match=r"No actor named 'Talibn' in the store. Did you mean: Taliban\?"):
        service.actor_profile(imu_store, "Talibn")


# --- eval -------------------------------------------------------------------------------------------------------


def test_evaluate_scores_the_gold_texts_per_type(tmp_path: Path, extractor: Extractor) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [{
        **ARTICLES[0],
        "relations": [{"subject": ["IMU"], "type": "allegiance", "object": ["Islamic State"], "start": "2015-08-06"},
                      {"subject": ["IMU"], "type": "alliance", "object": ["Taliban"]}],
        "events": [{"type": "pledge", "actor": ["IMU"], "target": ["Islamic State"], "date": "2015-08-06"}],
    }])
    report = service.evaluate(gold, Settings(), extractor=extractor)
    assert report.summary["relations"]["gold"] == 2
    assert report.summary["documents_missing_from_output"] == 0
    text = service.format_eval(report)
    assert text.splitlines()[0] == f"{gold}: 1 documents extracted"
    assert any(line.startswith("  allegiance ") and "(gold 1, " in line for line in text.splitlines())
    assert "forbidden extracted: 0" in text
