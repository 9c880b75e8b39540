"""Import of extraction records (JSON Lines) into a store (factionmap.export.import_records)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from export_records import HOSTILE_SENTENCE, all_records, iju_record

from factionmap.errors import InputError
from factionmap.export import export, import_records
from factionmap.record_format import EVIDENCE_ONLY_PREFIX, RunIds, record_to_dict, write_jsonl
from factionmap.store import Store, StoredRelation, open_store
from factionmap.vocabulary import SYMMETRIC_RELATIONS

pytestmark = pytest.mark.issue(6)


@pytest.fixture
def filled_store(tmp_path: Path) -> Iterator[Store]:
    """A store in tmp_path holding the three hand-made records."""
    store = open_store(tmp_path / "source.db")
    for record in all_records():
        store.add_extraction(record)
    yield store
    store.close()


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Store]:
    """An empty store in tmp_path."""
    store = open_store(tmp_path / "fresh.db")
    yield store
    store.close()


def fact(r: StoredRelation) -> tuple[str, str, str]:
    """(subject, type, object); the ends in name order for symmetric types, whose stored order is by store id."""
    subject, obj = (r.subject_name, r.object_name)
    if r.type in SYMMETRIC_RELATIONS:
        subject, obj = sorted((subject, obj))
    return subject, r.type, obj


def summary(rels: list[StoredRelation]) -> set[tuple[object, ...]]:
    """What a relation says, without store ids."""
    return {
        (
            *fact(r),
            r.start,
            r.end,
            r.effective_end,
            r.status,
            r.n_sources,
            round(r.confidence, 6),
            tuple(e.text for e in r.evidence),
        )
        for r in rels
    }


def exported(store: Store, path: Path) -> Path:
    """The store exported as JSON Lines to ``path``."""
    export(store, "jsonl", path)
    return path


def test_import_of_an_export_reproduces_the_relations(filled_store: Store, fresh_store: Store, tmp_path: Path) -> None:
    report = import_records(fresh_store, exported(filled_store, tmp_path / "all.jsonl"))
    assert (report.added, report.duplicates, report.problems, report.evidence_only) == (3, 0, [], [])
    assert summary(fresh_store.relations()) == summary(filled_store.relations())
    assert fresh_store.stats() == filled_store.stats()
    assert [(e.type, e.date, e.participants[0].name) for e in fresh_store.events()] == [
        (e.type, e.date, e.participants[0].name) for e in filled_store.events()
    ]


def test_second_import_adds_nothing(filled_store: Store, fresh_store: Store, tmp_path: Path) -> None:
    path = exported(filled_store, tmp_path / "all.jsonl")
    import_records(fresh_store, path)
    before = fresh_store.stats()
    report = import_records(fresh_store, path)
    assert (report.added, report.duplicates) == (0, 3)
    assert fresh_store.stats() == before


def test_reexport_of_an_import_is_the_same_records(filled_store: Store, fresh_store: Store, tmp_path: Path) -> None:
    first = exported(filled_store, tmp_path / "first.jsonl")
    import_records(fresh_store, first)
    second = exported(fresh_store, tmp_path / "second.jsonl")
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_pipeline_records_written_by_serialize_import(fresh_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    # FORMAT.md records as the pipeline writes them (no doc.text); a participant that is no actor is a value
    with path.open("w", encoding="utf-8") as f:
        write_jsonl(all_records(), f)
    report = import_records(fresh_store, path)
    assert report.added == 3 and len(report.evidence_only) == 3
    assert {d.source.startswith(EVIDENCE_ONLY_PREFIX) for d in fresh_store.documents()} == {True}
    values = {(p.role, p.name) for e in fresh_store.events() for p in e.participants if p.actor_id is None}
    assert values == {("medium", "video"), ("list", "Specially Designated Global Terrorist")}


def test_one_writer_gives_the_format_and_the_stored_form_with_its_extra_fields() -> None:
    """FORMAT.md for ``extract`` (ids numbered for the run, no text or keys); the stored form for ``export jsonl``
    (ids as given, the text, its hash and the keys); in both a participant that is no actor is a value."""
    record = iju_record()
    run = RunIds()
    run.id_for("someone else", "a")
    plain, stored = record_to_dict(record, run), record_to_dict(record, stored=True)
    assert [a["id"] for a in plain["actors"]] == ["a2", "a3", "a4", "a5", "a6"]
    assert [a["id"] for a in stored["actors"]] == [a.id for a in record.actors]
    assert "text" not in plain["doc"] and "key" not in plain["actors"][0] and "key" not in plain["places"][0]
    assert stored["doc"]["text"] == record.doc.text and stored["doc"]["content_hash"] == record.doc.content_hash
    assert [a["key"] for a in stored["actors"]] == [a.key for a in record.actors]
    assert list(stored["places"][0])[-2:] == ["key", "mentions"]
    for out in (plain, stored):
        designation = next(e for e in out["events"] if e["type"] == "designation")
        assert {"role": "list", "value": "Specially Designated Global Terrorist"} in designation["participants"]


def test_evidence_only_documents_keep_true_offsets_and_import_once(
    filled_store: Store, fresh_store: Store, tmp_path: Path
) -> None:
    records = [json.loads(x) for x in exported(filled_store, tmp_path / "a.jsonl").read_text("utf-8").splitlines()]
    stripped = tmp_path / "stripped.jsonl"
    stripped.write_text(
        "".join(json.dumps({**r, "doc": {**r["doc"], "text": None}}) + "\n" for r in records), encoding="utf-8"
    )
    report = import_records(fresh_store, stripped)
    assert report.evidence_only == ["imu_switch", "iju_raid", "hostile"]
    assert import_records(fresh_store, stripped).added == 0
    for rel in fresh_store.relations():
        for ev in rel.evidence:
            assert fresh_store.document_text(ev.document_id)[ev.start : ev.end] == ev.text
    assert {fact(r) for r in fresh_store.relations()} == {fact(r) for r in filled_store.relations()}
    again = exported(fresh_store, tmp_path / "again.jsonl")
    assert import_records(fresh_store, again).added == 0  # the marked source and rebuilt text round-trip


def test_hostile_text_survives_import(filled_store: Store, fresh_store: Store, tmp_path: Path) -> None:
    import_records(fresh_store, exported(filled_store, tmp_path / "h.jsonl"))
    assert HOSTILE_SENTENCE in {e.text for r in fresh_store.relations() for e in r.evidence}


def test_bad_records_are_refused_with_the_line_and_the_rest_imported(
    filled_store: Store, fresh_store: Store, tmp_path: Path
) -> None:
    good = exported(filled_store, tmp_path / "good.jsonl").read_text("utf-8").splitlines()
    record = json.loads(good[0])
    record["relations"][0]["evidence"]["start"] += 1  # offsets no longer point at the sentence
    lines = [good[1], "{not json", json.dumps(record), json.dumps({"actors": []}), "", good[2]]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_records(fresh_store, path)
    assert report.added == 2 and not report.ok
    assert [p.source for p in report.problems] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "not JSON" in report.problems[0].reason
    assert "is not in the document text" in report.problems[1].reason
    assert "'doc' object" in report.problems[2].reason


@pytest.mark.parametrize(
    ("part", "field", "value", "reason"),
    [
        ("relations", "type", "friendship", "unknown relation type 'friendship'; choose from allegiance, branch_of"),
        ("relations", "status", "rumoured", "unknown status 'rumoured'; choose from asserted, claimed, denied"),
        ("events", "type", "riot", "unknown event type 'riot'; choose from attack, pledge"),
        ("actors", "kind", "militia", "unknown actor kind 'militia'; choose from armed_group, state"),
    ],
)
def test_a_record_outside_the_ontology_is_refused_naming_the_line_and_the_value(
    filled_store: Store, fresh_store: Store, tmp_path: Path, part: str, field: str, value: str, reason: str
) -> None:
    good = exported(filled_store, tmp_path / "good.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in good]
    bad = next(r for r in records if r[part])
    bad[part][0][field] = value
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = import_records(fresh_store, path)
    assert report.added == len(records) - 1
    [problem] = report.problems
    assert problem.source == f"{path}:{records.index(bad) + 1}"
    assert problem.reason.startswith(reason)


def test_unreadable_file_is_an_input_error(fresh_store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing.jsonl: cannot be read"):
        import_records(fresh_store, tmp_path / "missing.jsonl")


def test_a_place_imported_without_a_key_is_keyed_as_ingest_keys_it() -> None:
    """One place key: a record without ``key`` or GeoNames id lands on the row ingest made for the same place."""
    from factionmap.extract.places import place_key as ingest_key
    from factionmap.records import GazetteerEntry, Place
    from factionmap.store.sql_write import place_key as import_key

    entry = GazetteerEntry("Kunduz Province", "AF", "ADM1", None, None)
    imported = Place("p1", "Kunduz Province", "AF", "ADM1", None, None)
    assert import_key(imported) == ingest_key(entry) == "name:AF:kunduz province"
    assert import_key(Place("p2", "Kunduz", "AF", "PPLA", 36.7, 68.9, geonames_id=1135689)) == "geonames:1135689"
