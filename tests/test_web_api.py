"""The JSON API over a store (factionmap.web), through FastAPI's TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from export_records import all_records
from fastapi.testclient import TestClient
from web_records import HOSTILE_SENTENCE, HOSTILE_TITLE, build_store

from factionmap.config import Settings
from factionmap.errors import StoreError
from factionmap.store import open_store
from factionmap.web import create_app

pytestmark = pytest.mark.issue(5)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """A TestClient over a store holding the hand-made IMU, IJU and hostile-HTML records."""
    app = create_app(Settings(db=str(build_store(tmp_path / "web.db"))))
    with TestClient(app, base_url="http://localhost") as test_client:
        yield test_client


def edges(client: TestClient, **params: str) -> set[tuple[str, str, str]]:
    """The network's edges as (subject, type, object) names."""
    graph = client.get("/api/graph", params=params).json()
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    return {(names[e["subject_id"]], e["type"], names[e["object_id"]]) for e in graph["edges"]}


IMU_TALIBAN = ("Islamic Movement of Uzbekistan", "alliance", "Taliban")
IMU_IS = ("Islamic Movement of Uzbekistan", "allegiance", "Islamic State")


def test_graph_as_of_2015_01_shows_the_imu_allied_with_the_taliban(client: TestClient) -> None:
    shown = edges(client, as_of="2015-01")
    assert IMU_TALIBAN in shown
    assert IMU_IS not in shown


def test_graph_as_of_2016_shows_the_imu_pledged_to_the_islamic_state(client: TestClient) -> None:
    shown = edges(client, as_of="2016")
    assert IMU_IS in shown
    assert IMU_TALIBAN not in shown


def test_graph_without_date_shows_every_actor_relation_and_no_places(client: TestClient) -> None:
    graph = client.get("/api/graph").json()
    assert {n["name"] for n in graph["nodes"]} == {
        "Islamic Movement of Uzbekistan", "Taliban", "Islamic State", "Islamic Jihad Union", "Uthman Ghazi",
    }
    assert all(not e["object_is_place"] for e in graph["edges"])
    assert len(graph["edges"]) == 6


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"types": "alliance"}, {IMU_TALIBAN}),
        ({"types": "alliance,allegiance", "as_of": "2016"}, {IMU_IS, ("Islamic Jihad Union", "allegiance", "Taliban")}),
        ({"kinds": "person"}, set()),
        ({"statuses": "claimed"}, {("Taliban", "joint_operation", "Islamic Jihad Union")}),
        ({"min_sources": "2"}, set()),
    ],
)
def test_graph_filters(client: TestClient, params: dict[str, str], expected: set[tuple[str, str, str]]) -> None:
    assert edges(client, **params) == expected


def test_evidence_lists_the_sentence_article_outlet_date_link_and_status(client: TestClient) -> None:
    graph = client.get("/api/graph", params={"types": "alliance"}).json()
    relation_id = graph["edges"][0]["id"]
    body = client.get(f"/api/relations/{relation_id}/evidence").json()
    assert body["relation"]["effective_end"] == "2015-08-06"
    [evidence] = body["evidence"]
    assert evidence["text"].startswith("The IMU, which was previously allied with the Taliban")
    assert evidence["title"] == "IMU declares allegiance to Islamic State"
    assert evidence["outlet"] == "longwarjournal.org"
    assert evidence["published"] == "2015-08-24"
    assert evidence["url"] == "https://www.longwarjournal.org/archives/2015/08/imu.php"
    assert evidence["status"] == "asserted"


@pytest.mark.parametrize("q", ["Islamic Jihad Group", "IJU", "iju", "jihad un"])
def test_search_finds_the_iju_by_any_alias_or_part_of_one(client: TestClient, q: str) -> None:
    found = client.get("/api/actors", params={"q": q}).json()
    assert found[0]["name"] == "Islamic Jihad Union"
    assert "Islamic Jihad Group" in found[0]["aliases"]


def test_hostile_article_text_comes_back_verbatim_with_a_strict_csp(client: TestClient) -> None:
    graph = client.get("/api/graph", params={"types": "joint_operation"}).json()
    response = client.get(f"/api/relations/{graph['edges'][0]['id']}/evidence")
    [evidence] = response.json()["evidence"]
    assert evidence["text"] == HOSTILE_SENTENCE
    assert evidence["title"] == HOSTILE_TITLE
    assert evidence["status"] == "claimed"
    assert evidence["attributed_to"] == "Islamic Jihad Union"
    assert response.headers["content-type"] == "application/json"
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp


def test_page_has_no_inline_script_or_style(client: TestClient) -> None:
    html = client.get("/").text
    assert '<script type="module" src="/static/js/main.js"></script>' in html
    assert "<style" not in html and " style=" not in html and "onclick" not in html


def test_actor_profile_has_aliases_lineage_leaders_relations_events_and_places(client: TestClient) -> None:
    [iju] = client.get("/api/actors", params={"q": "IJU"}).json()
    profile = client.get(f"/api/actors/{iju['id']}").json()
    assert profile["actor"]["aliases"] == ["IJU", "Islamic Jihad Group"]
    assert [r["type"] for r in profile["lineage"]] == ["splinter_of"]
    assert [p["place"]["name"] for p in profile["places"]] == ["Kunduz"]
    assert [e["type"] for e in profile["events"]] == ["attack"]
    [imu] = client.get("/api/actors", params={"q": "IMU"}).json()
    leaders = client.get(f"/api/actors/{imu['id']}").json()["leaders"]
    assert [r["subject_name"] for r in leaders] == ["Uthman Ghazi"]


def test_places_and_events_follow_actor_and_date(client: TestClient) -> None:
    places = client.get("/api/places").json()
    assert {(p["place"]["name"], p["link"]) for p in places} == {("Kunduz", "operates_in"), ("Kunduz", "event")}
    assert client.get("/api/places", params={"as_of": "2014"}).json()[0]["link"] == "operates_in"
    events = client.get("/api/events").json()
    assert [(e["type"], e["date"]) for e in events] == [("attack", "2015"), ("pledge", "2015-08-06")]
    assert client.get("/api/events", params={"until": "2015-06"}).json()[0]["type"] == "attack"


def test_stats_give_counts_and_the_date_range(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["counts"]["relations"] == 7
    assert (stats["first_date"], stats["last_date"]) == ("2015", "2017-11-01")


@pytest.mark.parametrize(
    ("path", "status", "error"),
    [
        ("/api/actors/999", 404, "No actor named '#999' in the store"),
        ("/api/relations/999/evidence", 404, "No relation with id 999 in the store"),
        ("/api/nothing", 404, "Not Found"),
        ("/api/graph?as_of=2015-13", 400, "Invalid date '2015-13': use YYYY, YYYY-MM or YYYY-MM-DD"),
        ("/api/graph?min_sources=0", 422, "query.min_sources: Input should be greater than or equal to 1"),
    ],
)
def test_errors_have_one_json_shape(client: TestClient, path: str, status: int, error: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.json() == {"ok": False, "error": error, "status": status}


def test_unknown_relation_type_names_the_valid_ones(client: TestClient) -> None:
    error = client.get("/api/graph", params={"types": "friendship"}).json()["error"]
    assert error.startswith("Unknown relation type 'friendship'. Choose from: allegiance, branch_of")


def test_openapi_describes_every_api_route(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths == {
        "/api/graph", "/api/graph/compact", "/api/actors", "/api/actors/{actor_id}", "/api/relations",
        "/api/relations/{relation_id}/evidence", "/api/places", "/api/events", "/api/stats", "/api/config",
        "/api/vocabulary", "/api/documents", "/api/incidents", "/api/export/{fmt}",
    }


def test_server_serves_the_store_read_only(tmp_path: Path) -> None:
    path = build_store(tmp_path / "web.db")
    app = create_app(Settings(db=str(path)))
    store = app.state.catalog.store
    with pytest.raises(Exception, match="readonly"), store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM relations")


def test_missing_store_is_refused_not_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store there"):
        create_app(Settings(db=str(tmp_path / "missing.db")))
    assert not (tmp_path / "missing.db").exists()


def compact_edges(client: TestClient, **params: str) -> set[tuple[str, str, str]]:
    """The compact network's edges as (subject, type, object) names."""
    graph = client.get("/api/graph/compact", params=params).json()
    names, types = graph["nodes"]["name"], graph["types"]
    e = graph["edges"]
    return {(names[s], types[t], names[o]) for s, t, o in zip(e["s"], e["type"], e["t"], strict=True)}


@pytest.mark.parametrize(
    "params",
    [{}, {"as_of": "2015-01"}, {"as_of": "2016"}, {"types": "alliance,allegiance"}, {"statuses": "claimed"},
     {"kinds": "armed_group"}, {"min_sources": "2"}],
)
def test_compact_graph_has_the_same_edges_as_the_graph(client: TestClient, params: dict[str, str]) -> None:
    assert compact_edges(client, **params) == edges(client, **params)


def test_compact_graph_is_columns_strongest_first_with_the_same_nodes(client: TestClient) -> None:
    from factionmap.web.schemas import CompactGraphOut

    full = client.get("/api/graph").json()
    body = client.get("/api/graph/compact").json()
    compact = CompactGraphOut.model_validate(body)
    assert set(compact.nodes.id) == {n["id"] for n in full["nodes"]}
    weights = {n["id"]: n["weight"] for n in full["nodes"]}
    assert compact.nodes.weight == [weights[i] for i in compact.nodes.id]
    by_id = {e["id"]: e for e in full["edges"]}
    assert set(compact.edges.id) == set(by_id)
    strength = [(by_id[i]["n_sources"], by_id[i]["confidence"]) for i in compact.edges.id]
    assert strength == sorted(strength, reverse=True)
    assert [by_id[i]["effective_end"] for i in compact.edges.id] == compact.edges.end
    assert [compact.directed[t] for t in compact.edges.type] == [by_id[i]["directed"] for i in compact.edges.id]
    assert "text" not in str(body) and "evidence" not in str(body)


def test_large_responses_are_gzipped_for_clients_that_accept_it(client: TestClient) -> None:
    response = client.get("/api/graph", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    plain = client.get("/api/graph/compact", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers


# --- out-of-range ids, headers on every error, the Host check (issue 10) ----------------------------------------


SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options",
                    "cross-origin-opener-policy")


@pytest.mark.issue(10)
@pytest.mark.parametrize(
    "path",
    [f"/api/actors/{2**64}", f"/api/actors/{2**63}", f"/api/relations/{2**64}/evidence", "/api/actors/0",
     f"/api/events?actor_id={2**64}", f"/api/relations?actor_id={2**64}", f"/api/places?actor_id={2**70}",
     f"/api/graph?min_sources={2**64}"],
)
def test_an_id_past_64_bits_is_refused_with_422_not_a_server_error(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422
    assert response.json()["ok"] is False


@pytest.mark.issue(10)
def test_the_largest_64_bit_id_is_simply_not_found(client: TestClient) -> None:
    assert client.get(f"/api/actors/{2**63 - 1}").status_code == 404


def _headers(response: object) -> dict[str, str]:
    return {name: response.headers.get(name) for name in SECURITY_HEADERS}  # type: ignore[attr-defined]


@pytest.mark.issue(10)
def test_every_error_response_carries_the_security_headers_of_a_success(tmp_path: Path) -> None:
    app = create_app(Settings(db=str(build_store(tmp_path / "web.db"))))

    def broken() -> None:
        raise RuntimeError("the disk went away")

    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as client:
        expected = _headers(client.get("/api/stats"))
        assert all(expected.values())
        errors = [client.get("/api/actors/999"), client.get("/nowhere"), client.get("/api/actors/x"),
                  client.get("/api/graph?as_of=2015-13"), client.get("/api/stats", headers={"host": "evil.example"})]
        app.state.catalog.snapshot = broken
        errors.append(client.get("/api/stats"))
    assert [r.status_code for r in errors] == [404, 404, 422, 400, 400, 500]
    assert errors[-1].json() == {"ok": False, "error": "internal error", "status": 500}
    for response in errors:
        assert _headers(response) == expected, response.url


@pytest.mark.issue(10)
@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example"])
def test_a_request_for_another_host_is_refused_against_dns_rebinding(client: TestClient, host: str) -> None:
    response = client.get("/api/stats", headers={"host": host})
    assert response.status_code == 400
    assert response.json()["error"].startswith(f"Host {host!r} is not served here")
    assert "allowed_hosts" in response.json()["error"]


@pytest.mark.issue(10)
@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_requests_for_a_local_name_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/stats", headers={"host": host}).status_code == 200


@pytest.mark.issue(10)
def test_the_bound_address_and_the_allowed_hosts_setting_are_served(tmp_path: Path) -> None:
    settings = Settings(db=str(build_store(tmp_path / "web.db")), allowed_hosts=["map.example.org"])
    with TestClient(create_app(settings, host="10.1.2.3"), base_url="http://localhost") as client:
        assert [client.get("/api/stats", headers={"host": h}).status_code
                for h in ("10.1.2.3:8000", "map.example.org", "other.example.org")] == [200, 200, 400]


@pytest.mark.issue(13)
def test_the_page_and_its_downloads_leave_undated_events_out_of_a_dated_view(tmp_path: Path) -> None:
    with open_store(tmp_path / "export.db") as store:
        for record in all_records():  # the hostile record's drone strike ("killing") has no date
            store.add_extraction(record)
    app = create_app(Settings(db=str(tmp_path / "export.db")))
    with TestClient(app, base_url="http://localhost") as c:
        listed = {e["type"] for e in c.get("/api/events").json()}
        by_2030 = {e["type"] for e in c.get("/api/events", params={"until": "2030"}).json()}
        assert "killing" in listed and listed - by_2030 == {"killing"}
        assert "killing" in c.get("/api/export/acled").text
        assert "killing" not in c.get("/api/export/acled", params={"as_of": "2030"}).text
        assert "killing" not in c.get("/api/export/acled", params={"since": "2000"}).text
