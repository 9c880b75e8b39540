"""The workbench's API (issue 14): the vocabulary the page draws from, documents, incidents and exports of a
view, over a real store through FastAPI's TestClient."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_records import HOSTILE_TITLE, build_workbench_store

from factionmap.config import Settings
from factionmap.timeline import in_force, in_force_during
from factionmap.vocabulary import ACTOR_KINDS, EVENT_TYPES, RELATION_TYPES, STATUSES, SYMMETRIC_RELATIONS
from factionmap.web import create_app

pytestmark = pytest.mark.issue(14)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """A TestClient over the hand-made records plus a second article telling the IJU's 2015 attack."""
    app = create_app(Settings(db=str(build_workbench_store(tmp_path / "web.db"))))
    with TestClient(app, base_url="http://localhost") as test_client:
        yield test_client


def test_vocabulary_names_every_type_kind_status_and_event_of_the_ontology_in_order(client: TestClient) -> None:
    vocab = client.get("/api/vocabulary").json()
    assert [t["name"] for t in vocab["relation_types"]] == list(RELATION_TYPES)
    assert [k["name"] for k in vocab["actor_kinds"]] == list(ACTOR_KINDS)
    assert [s["name"] for s in vocab["statuses"]] == list(STATUSES)
    assert [e["name"] for e in vocab["event_types"]] == list(EVENT_TYPES)
    assert {t["name"] for t in vocab["relation_types"] if not t["directed"]} == SYMMETRIC_RELATIONS


def test_vocabulary_tells_allied_from_pledged_by_colour_and_phrase(client: TestClient) -> None:
    types = {t["name"]: t for t in client.get("/api/vocabulary").json()["relation_types"]}
    network = [t for t in types.values() if not t["place"]]
    assert len({t["color"] for t in network}) == len(network)
    assert (types["alliance"]["phrase"], types["allegiance"]["phrase"]) == ("allied with", "pledged to")
    statuses = {s["name"]: s for s in client.get("/api/vocabulary").json()["statuses"]}
    assert {statuses[s]["line_style"] for s in ("asserted", "claimed", "uncertain")} == {"solid", "dotted", "dashed"}
    assert not statuses["denied"]["in_network"]


def test_documents_list_title_outlet_date_link_and_what_was_extracted(client: TestClient) -> None:
    docs = {d["doc_id"]: d for d in client.get("/api/documents").json()}
    assert list(docs) == ["echo", "iju", "hostile", "imu"]  # newest first
    iju = docs["iju"]
    assert (iju["title"], iju["outlet"], iju["published"]) == (
        "Islamic Jihad Union conducts joint raid with the Taliban", "longwarjournal.org", "2017-11-01")
    assert iju["url"] == "https://www.longwarjournal.org/archives/2017/11/iju.php"
    assert (iju["relations"], iju["events"]) == (3, 1)
    assert [a["name"] for a in iju["actors"]] == ["Islamic Jihad Union", "Islamic Movement of Uzbekistan", "Taliban"]
    assert docs["hostile"]["title"] == HOSTILE_TITLE  # verbatim: escaping is the page's job


def test_documents_of_one_actor(client: TestClient) -> None:
    ghazi = client.get("/api/actors", params={"q": "Uthman Ghazi"}).json()[0]["id"]
    assert [d["doc_id"] for d in client.get("/api/documents", params={"actor_id": ghazi}).json()] == ["imu"]


def test_incidents_merge_one_attack_told_by_two_articles(client: TestClient) -> None:
    events = client.get("/api/events").json()
    incidents = client.get("/api/incidents").json()
    attacks = [i for i in incidents if i["type"] == "attack"]
    assert len([e for e in events if e["type"] == "attack"]) == 2
    assert len(attacks) == 1
    attack = attacks[0]
    assert attack["n_sources"] == 2 and len(attack["event_ids"]) == 2 and attack["place"]["name"] == "Kunduz"
    assert {(p["role"], p["name"]) for p in attack["participants"]} == {
        ("actor", "Islamic Jihad Union"), ("partner", "Taliban")}
    assert {e["title"] for e in attack["evidence"]} == {
        "Islamic Jihad Union conducts joint raid with the Taliban", "Central Asian jihadists in Kunduz"}
    assert [i["type"] for i in incidents] == ["attack", "pledge"]  # date order: 2015, 2015-08-06


@pytest.mark.parametrize(
    ("params", "types"),
    [({"since": "2015-06"}, ["attack", "pledge"]), ({"until": "2015-07"}, ["attack"]), ({"types": "pledge"}, ["pledge"]),
     ({"since": "2016"}, [])],
)
def test_incidents_follow_the_time_window_and_types(client: TestClient, params: dict[str, str],
                                                     types: list[str]) -> None:
    assert [i["type"] for i in client.get("/api/incidents", params=params).json()] == types


def test_export_graphml_as_of_2016_holds_the_view_and_names_the_file(client: TestClient) -> None:
    response = client.get("/api/export/graphml", params={"as_of": "2016"})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="factionmap-2016.graphml"'
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(response.content)
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    names = {}
    for node in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
        data = {keys[d.get("key")]: d.text for d in node.findall("g:data", ns)}
        names[node.get("id")] = data.get("name") or data.get("label")
    edges = set()
    for edge in root.iter("{http://graphml.graphdrawing.org/xmlns}edge"):
        data = {keys[d.get("key")]: d.text for d in edge.findall("g:data", ns)}
        edges.add((names[edge.get("source")], data.get("type") or data.get("relation"), names[edge.get("target")]))
    assert ("Islamic Movement of Uzbekistan", "allegiance", "Islamic State") in edges
    assert ("Islamic Movement of Uzbekistan", "alliance", "Taliban") not in edges


def test_export_csv_of_a_range_and_one_type(client: TestClient) -> None:
    response = client.get("/api/export/mmp", params={"since": "2014", "until": "2015-06", "types": "alliance"})
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="factionmap-2014-to-2015-06.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["group1"], r["relation"], r["group2"]) for r in rows] == [
        ("Islamic Movement of Uzbekistan", "alliance", "Taliban")]


def test_export_stix_around_one_actor_keeps_only_its_relations(client: TestClient) -> None:
    ghazi = client.get("/api/actors", params={"q": "Uthman Ghazi"}).json()[0]["id"]
    bundle = client.get("/api/export/stix", params={"actor_id": ghazi}).json()
    assert bundle["type"] == "bundle"
    kinds = [o["relationship_type"] for o in bundle["objects"] if o["type"] == "relationship"]
    names = {o["name"] for o in bundle["objects"] if o["type"] in ("intrusion-set", "threat-actor", "identity")}
    assert len(kinds) == 1
    assert "Uthman Ghazi" in names and "Islamic Jihad Union" not in names


def test_export_of_an_unknown_format_names_the_formats(client: TestClient) -> None:
    body = client.get("/api/export/pdf").json()
    assert body == {"ok": False, "status": 400,
                    "error": "Unknown format 'pdf'. Choose from: acled, gexf, graphml, jsonl, mmp, stix"}


def test_export_refuses_a_bad_date(client: TestClient) -> None:
    response = client.get("/api/export/graphml", params={"since": "2015-13"})
    assert response.status_code == 400 and response.json()["ok"] is False


@pytest.mark.parametrize("path", ["/api/vocabulary", "/api/documents", "/api/incidents", "/api/export/graphml"])
def test_new_endpoints_are_described_and_under_the_csp(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert path.replace("graphml", "{fmt}") in client.get("/openapi.json").json()["paths"]


def test_default_settings_fetch_no_tiles_from_elsewhere(client: TestClient) -> None:
    assert Settings().tile_url == ""
    assert client.get("/api/config").json()["tile_url"] is None
    assert "img-src 'self' data:;" in client.get("/").headers["content-security-policy"]


@pytest.mark.parametrize(
    ("start", "end", "since", "until", "expected"),
    [("2015", None, "2014", "2015-02", True), ("2016", None, "2014", "2015-12", False),
     (None, "2013", "2014", None, False), (None, None, "2014", "2015", True), ("2015-08-06", "2016", "2016-06", None, True)],
)
def test_in_force_during_a_range(start: str | None, end: str | None, since: str | None, until: str | None,
                                 expected: bool) -> None:
    assert in_force_during(start, end, since, until) is expected
    if since and since == until:
        assert in_force(start, end, since) is expected


def test_vocabulary_endpoint_is_json(client: TestClient) -> None:
    assert json.loads(client.get("/api/vocabulary").content)["actor_kinds"][0]["shape"] == "ellipse"


def test_compact_graph_labels_long_names_by_their_acronym(client: TestClient) -> None:
    nodes = client.get("/api/graph/compact").json()["nodes"]
    labels = dict(zip(nodes["name"], nodes["short"], strict=True))
    assert labels["Islamic Movement of Uzbekistan"] == "IMU"
    assert labels["Islamic Jihad Union"] == "Islamic Jihad Union"  # short enough to show whole
    assert labels["Taliban"] == "Taliban"


@pytest.mark.parametrize(("alias", "expected"), [("IMU", True), ("ISIS-K", True), ("AQAP", True), ("Daesh", False),
                                                  ("al-Nusra", False), ("I", False), ("Islamic Jihad Group", False)])
def test_acronyms_are_short_capitalised_words(alias: str, expected: bool) -> None:
    from factionmap.web.queries import is_acronym

    assert is_acronym(alias) is expected
