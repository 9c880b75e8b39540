"""Exports, each read back with its own ecosystem's reader and compared to the store (factionmap.export)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import stix2
from export_records import HOSTILE_NAME, HOSTILE_SENTENCE, all_records
from stix2validator import ValidationOptions, validate_string

from factionmap.errors import ActorNotFound, InvalidDate, UnknownFormat
from factionmap.export import EXPORTERS, export
from factionmap.export.stix import stix_id
from factionmap.export.tables import ACLED_COLUMNS, MMP_COLUMNS
from factionmap.store import Store, open_store
from factionmap.vocabulary import (
    ACTOR_KINDS,
    EVENT_TYPES,
    RELATION_TYPES,
    STATUSES,
    STIX_RELATIONSHIP_TYPES,
    SYMMETRIC_RELATIONS,
)

pytestmark = pytest.mark.issue(6)


@pytest.fixture
def filled_store(tmp_path: Path) -> Iterator[Store]:
    """A store in tmp_path holding the three hand-made records (IMU switch, IJU raid, hostile text)."""
    store = open_store(tmp_path / "map.db")
    for record in all_records():
        assert store.add_extraction(record)
    yield store
    store.close()


def run_export(store: Store, fmt: str, **selection: Any) -> str:
    """Export to a string."""
    out = io.StringIO()
    export(store, fmt, out, **selection)
    return out.getvalue()


def fact(subject: str, type_: str, obj: str) -> tuple[str, str, str]:
    """(subject, type, object), the two ends in name order for symmetric types (GEXF gives both directions)."""
    if type_ in SYMMETRIC_RELATIONS:
        subject, obj = sorted((subject, obj))
    return subject, type_, obj


def facts(store: Store, **selection: Any) -> set[tuple[str, str, str]]:
    """(subject, type, object) of the store's relations."""
    return {fact(r.subject_name, r.type, r.object_name) for r in store.relations(**selection)}


def without_texts(fmt: str, text: str) -> str:
    """The export without the JSONL records' whole document texts (which hold every sentence)."""
    if fmt != "jsonl":
        return text
    records = [json.loads(line) for line in text.splitlines()]
    return json.dumps([{**r, "doc": {**r["doc"], "text": None}} for r in records], ensure_ascii=False)


# --- STIX ---------------------------------------------------------------------------------------------------


def stix_objects(text: str) -> dict[str, dict[str, Any]]:
    """The bundle's objects by id, after checking that stix2 parses it."""
    bundle = stix2.parse(text, allow_custom=True)
    assert bundle.type == "bundle"
    return {o["id"]: o for o in json.loads(text)["objects"]}


def test_stix_bundle_passes_the_validator_without_errors(filled_store: Store) -> None:
    result = validate_string(run_export(filled_store, "stix"), ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for e in result.errors]
    assert result.errors == []


def test_stix_relationships_carry_dates_confidence_evidence_and_article(filled_store: Store) -> None:
    objects = stix_objects(run_export(filled_store, "stix"))
    relationships = [o for o in objects.values() if o["type"] == "relationship"]
    assert len(relationships) == len(filled_store.relations())
    rels = {o["x_factionmap_relation"]: o for o in relationships if "Front" not in o["description"]}
    alliance = rels["alliance"]
    assert alliance["relationship_type"] == "cooperates-with"
    assert alliance["stop_time"] == "2015-08-06T23:59:59Z"
    assert alliance["confidence"] == 80
    assert alliance["external_references"][0]["url"] == "https://www.longwarjournal.org/archives/2015/08/imu.php"
    pledge = rels["allegiance"]
    assert pledge["relationship_type"] == "x-factionmap-allegiance-to"
    assert pledge["start_time"] == "2015-08-06T00:00:00Z"
    assert objects[pledge["source_ref"]]["name"] == "Islamic Movement of Uzbekistan"
    assert objects[pledge["target_ref"]]["type"] == "threat-actor"
    assert rels["operates_in"]["relationship_type"] == STIX_RELATIONSHIP_TYPES["operates_in"]
    assert objects[rels["operates_in"]["target_ref"]]["type"] == "location"


def test_stix_actor_kinds_map_to_threat_actor_or_identity(filled_store: Store) -> None:
    objects = stix_objects(run_export(filled_store, "stix"))
    by_name = {o["name"]: o for o in objects.values() if o["type"] in ("threat-actor", "identity")}
    assert by_name["Islamic Jihad Union"]["type"] == "threat-actor"
    assert by_name["Islamic Jihad Union"]["aliases"] == ["IJU", "Islamic Jihad Group"]
    assert by_name["Uthman Ghazi"]["identity_class"] == "individual"
    assert by_name["Afghanistan"]["identity_class"] == "organization"
    assert by_name["Afghanistan"]["sectors"] == ["government-national"]
    kunduz = next(o for o in objects.values() if o["type"] == "location")
    assert (kunduz["latitude"], kunduz["longitude"], kunduz["precision"], kunduz["country"]) == (
        36.73,
        68.86,
        5000.0,
        "AF",
    )


def test_stix_reports_one_per_article_with_publication_date(filled_store: Store) -> None:
    objects = stix_objects(run_export(filled_store, "stix"))
    reports = {o["name"]: o for o in objects.values() if o["type"] == "report"}
    assert set(reports) == {d.title for d in filled_store.documents()}
    imu = reports["IMU swears allegiance to Islamic State"]
    assert imu["published"] == "2015-08-24T00:00:00Z"
    assert all(ref in objects for ref in imu["object_refs"])


def test_stix_reexport_gives_identical_ids(filled_store: Store, tmp_path: Path) -> None:
    first = set(stix_objects(run_export(filled_store, "stix")))
    second = set(stix_objects(run_export(filled_store, "stix")))
    assert first == second
    other = open_store(tmp_path / "other.db")  # another store with the same facts: the same ids
    for record in reversed(all_records()):
        other.add_extraction(record)
    assert set(stix_objects(run_export(other, "stix"))) == first
    assert stix_id("threat-actor", "kb:G:taliban") in first


# --- GraphML and GEXF ---------------------------------------------------------------------------------------


def edges_of(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, Any]]:
    """Edges by (subject label, relation, object label)."""
    label = nx.get_node_attributes(g, "label")
    return {fact(label[u], d["relation"], label[v]): d for u, v, d in g.edges(data=True)}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_nodes_and_edges_match_the_store(filled_store: Store, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"map.{fmt}"
    export(filled_store, fmt, path)
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    kinds = nx.get_node_attributes(g, "kind")
    assert kinds["name:islamic jihad union"] == "armed_group"
    assert kinds["name:uthman ghazi"] == "person"
    assert kinds["kb:S:AF"] == "state"
    assert kinds["geonames:1135689"] == "place"
    assert g.nodes["name:islamic jihad union"]["aliases"] == "IJU; Islamic Jihad Group"
    edges = edges_of(g)
    assert set(edges) == facts(filled_store)
    for rel in filled_store.relations():
        e = edges[fact(rel.subject_name, rel.type, rel.object_name)]
        assert (e["start_date"], e["end_date"], e["status"]) == (rel.start or "", rel.effective_end or "", rel.status)
        assert int(e["sources"]) == rel.n_sources
        assert float(e["confidence"]) == pytest.approx(rel.confidence)


def test_gexf_is_dynamic_with_edge_time_intervals(filled_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "map.gexf"
    export(filled_store, "gexf", path)
    g = nx.read_gexf(path)
    assert g.graph["mode"] == "dynamic"
    edges = edges_of(g)
    alliance = edges[fact("Islamic Movement of Uzbekistan", "alliance", "Taliban")]
    assert alliance["end"] == "2015-08-06" and "start" not in alliance
    conflict = edges[fact("Islamic Jihad Union", "conflict", "Afghanistan")]
    assert (conflict["start"], conflict["status"]) == ("2017-10-01", "claimed")
    assert 'type="mutual"' in path.read_text(encoding="utf-8")


# --- CSV tables ---------------------------------------------------------------------------------------------


def read_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows, as csv.DictReader reads them."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_acled_csv_has_the_documented_header_and_maps_event_types(filled_store: Store) -> None:
    header, rows = read_csv(run_export(filled_store, "acled"))
    assert header == list(ACLED_COLUMNS)
    by_type = {r["factionmap_type"]: r for r in rows}
    assert len(rows) == len(filled_store.events())
    attack = by_type["attack"]
    assert (attack["event_type"], attack["sub_event_type"]) == ("Battles", "Armed clash")
    assert (attack["actor1"], attack["assoc_actor_1"], attack["actor2"]) == (
        "Islamic Jihad Union",
        "Taliban",
        "Afghanistan",
    )
    assert (attack["event_date"], attack["time_precision"], attack["date"]) == ("2017-10-01", "3", "2017-10")
    assert (attack["country"], attack["admin1"], attack["location"], attack["geo_precision"]) == (
        "Afghanistan",
        "Kunduz",
        "Kunduz",
        "1",
    )
    assert (attack["latitude"], attack["longitude"]) == ("36.73", "68.86")
    pledge = by_type["pledge"]
    assert (pledge["event_type"], pledge["sub_event_type"]) == ("Strategic developments", "Change to group/activity")
    assert (pledge["event_date"], pledge["time_precision"]) == ("2015-08-06", "1")
    assert by_type["designation"]["sub_event_type"] == "Other"
    killing = by_type["killing"]
    assert (killing["event_type"], killing["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")


def test_mmp_csv_has_the_documented_header_and_types(filled_store: Store) -> None:
    header, rows = read_csv(run_export(filled_store, "mmp"))
    assert header == list(MMP_COLUMNS)
    found = {(r["type"], r["group1"], r["group2"]) for r in rows}
    assert ("spl", "Islamic Jihad Union", "Islamic Movement of Uzbekistan") in found
    assert ("aff", "Islamic Movement of Uzbekistan", "Islamic State") in found
    assert ("riv", "Islamic Jihad Union", "Afghanistan") in found
    alliance = next(r for r in rows if r["relation"] == "alliance" and r["group2"] == "Taliban")
    assert (alliance["type"], alliance["end_date"], alliance["sources"]) == ("all", "2015-08-06", "1")
    assert not {r["relation"] for r in rows} & {"leader_of", "member_of", "operates_in", "based_in"}


# --- JSON Lines ---------------------------------------------------------------------------------------------


def test_jsonl_records_follow_format_md(filled_store: Store) -> None:
    lines = run_export(filled_store, "jsonl").splitlines()
    assert len(lines) == len(filled_store.documents())
    for line in lines:
        record = json.loads(line)
        assert set(record) == {"doc", "actors", "places", "relations", "events"}
        text = record["doc"]["text"]
        actors = {a["id"]: a for a in record["actors"]}
        places = {p["id"] for p in record["places"]}
        assert all(a["kind"] in ACTOR_KINDS for a in actors.values())
        for rel in record["relations"]:
            assert rel["type"] in RELATION_TYPES and rel["status"] in STATUSES
            assert rel["subject"] in actors and rel["object"] in (places if rel["type"].endswith("_in") else actors)
            ev = rel["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["text"]
        for event in record["events"]:
            assert event["type"] in EVENT_TYPES
            assert all(p["ref"] in actors for p in event["participants"] if "ref" in p)
        for place in record["places"]:
            assert all(text[m["start"] : m["end"]] == m["text"] for m in place["mentions"])


def test_jsonl_keeps_claims_attributions_and_literal_participants(filled_store: Store) -> None:
    records = {json.loads(x)["doc"]["id"]: json.loads(x) for x in run_export(filled_store, "jsonl").splitlines()}
    iju = records["iju_raid"]
    conflict = next(r for r in iju["relations"] if r["type"] == "conflict")
    names = {a["id"]: a["name"] for a in iju["actors"]}
    assert conflict["status"] == "claimed" and names[conflict["attributed_to"]] == "Islamic Jihad Union"
    listing = next(e for e in iju["events"] if e["type"] == "designation")
    assert {"role": "list", "value": "Specially Designated Global Terrorist"} in listing["participants"]


# --- selections ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_as_of_keeps_only_what_was_in_force(filled_store: Store, fmt: str) -> None:
    before = without_texts(fmt, run_export(filled_store, fmt, as_of="2014"))
    after = without_texts(fmt, run_export(filled_store, fmt, as_of="2016"))
    if fmt in ("stix", "graphml", "gexf", "mmp", "jsonl"):
        assert "previously allied" in before and "previously allied" not in after
        assert "swearing allegiance" in after
    if fmt == "acled":
        assert "designation" in before and "pledge" not in before and "pledge" in after


@pytest.mark.issue(13)
def test_an_undated_event_is_in_no_as_of_export(filled_store: Store) -> None:
    every = {r["factionmap_type"] for r in read_csv(run_export(filled_store, "acled"))[1]}
    later = {r["factionmap_type"] for r in read_csv(run_export(filled_store, "acled", as_of="2030"))[1]}
    assert "killing" in every  # the hostile record's drone strike has no date
    assert every - later == {"killing"}


def test_as_of_graph_matches_the_store(filled_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "2016.graphml"
    export(filled_store, "graphml", path, as_of="2016")
    assert set(edges_of(nx.read_graphml(path))) == facts(filled_store, as_of="2016")


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_actor_selection_keeps_that_actors_relations_and_events(filled_store: Store, fmt: str) -> None:
    text = without_texts(fmt, run_export(filled_store, fmt, actors=["IMU"]))
    assert "previously allied" in text or fmt == "acled"
    assert "Afghan forces" not in text  # the IJU's clash does not involve the IMU
    if fmt == "acled":
        _, rows = read_csv(text)
        assert {r["factionmap_type"] for r in rows} == {"pledge", "propaganda"}


def test_actor_selection_graph_is_the_actors_neighbourhood(filled_store: Store) -> None:
    g = nx.read_graphml(io.StringIO(run_export(filled_store, "graphml", actors=["Islamic Jihad Group"])))
    assert set(edges_of(g)) == {f for f in facts(filled_store) if "Islamic Jihad Union" in (f[0], f[2])}


def test_unknown_format_actor_or_date_is_refused_with_the_choices(filled_store: Store) -> None:
    with pytest.raises(UnknownFormat, match="Choose from: acled, gexf, graphml, jsonl, mmp, stix"):
        run_export(filled_store, "xlsx")
    with pytest.raises(ActorNotFound, match="Hezbollah"):
        run_export(filled_store, "stix", actors=["Hezbollah"])
    with pytest.raises(InvalidDate):
        run_export(filled_store, "stix", as_of="2015-8")


def test_export_writes_to_a_path_a_binary_stream_or_a_text_stream(filled_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    report = export(filled_store, "mmp", path)
    binary = io.BytesIO()
    export(filled_store, "mmp", binary)
    assert path.read_bytes() == binary.getvalue() == run_export(filled_store, "mmp").encode("utf-8")
    assert report.output == str(path) and report.counts.relations == 5
    assert report.summary().startswith("mmp: 0 actors, 0 places, 5 relations")


# --- hostile text -------------------------------------------------------------------------------------------


def hostile_values(fmt: str, text: str, tmp_path: Path) -> tuple[set[str], set[str]]:
    """(every actor name, every evidence text) the format gives back, read with its own reader."""
    if fmt == "stix":
        objects = stix_objects(text).values()
        return {o["name"] for o in objects if "name" in o}, {o.get("description", "") for o in objects}
    if fmt in ("graphml", "gexf"):
        path = tmp_path / f"h.{fmt}"
        path.write_text(text, encoding="utf-8")
        g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        return set(nx.get_node_attributes(g, "label").values()), {d["evidence"] for *_, d in g.edges(data=True)}
    if fmt in ("acled", "mmp"):
        _, rows = read_csv(text)
        names = {r[k] for r in rows for k in ("actor1", "actor2", "group1", "group2") if k in r}
        return names, {r.get("notes") or r.get("description") or "" for r in rows}
    records = [json.loads(x) for x in text.splitlines()]
    return (
        {a["name"] for r in records for a in r["actors"]},
        {x["evidence"]["text"] for r in records for x in r["relations"] + r["events"]},
    )


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_hostile_text_survives_every_format_intact(filled_store: Store, tmp_path: Path, fmt: str) -> None:
    names, evidence = hostile_values(fmt, run_export(filled_store, fmt), tmp_path)
    assert HOSTILE_SENTENCE in evidence
    assert HOSTILE_NAME in names
