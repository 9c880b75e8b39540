"""One vocabulary (issue 13): every layer knows every relation type of ``factionmap.vocabulary``, and every word
list of the cue lexicon is declared, described and validated.

The store holds one relation of each type, each between its own two parties (so no type supersedes another),
and every layer is asked about each: the STIX bundle, the Mapping-Militants table, the web's legend and relation
filter, and the timeline's "as of" view.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from factionmap.cli import cli
from factionmap.config import Settings
from factionmap.errors import FactionmapError
from factionmap.export import export
from factionmap.extract.cues import CueWords, cue_words, load_cues
from factionmap.records import Actor, Document, Extraction, Place, Relation, Span
from factionmap.store import open_store
from factionmap.vocabulary import (
    ACTOR_KIND_ROWS,
    EVENT_TYPE_ROWS,
    RELATION_TYPE_ROWS,
    STATUS_ROWS,
    ActorKind,
    EventType,
    RelationType,
    RelationTypeRow,
    Status,
)
from factionmap.web import create_app

pytestmark = pytest.mark.issue(13)

ROWS = {row.name: row for row in RELATION_TYPE_ROWS}
PLACE = "Kunduz"


def _sentence(row: RelationTypeRow) -> str:
    where = PLACE if row.place_object else f"the {row.name} object group"
    return f"The {row.name} subject said it holds a {row.name} with {where}."


def every_type_record() -> Extraction:
    """One document with one relation of every type, each between parties of its own."""
    text = " ".join(_sentence(row) for row in RELATION_TYPE_ROWS)
    at = text.index(PLACE)
    place = Place("p1", PLACE, "AF", "PPLA", 36.73, 68.86, "Kunduz", 1135689, "city", (Span(PLACE, at, at + 6),))
    actors: list[Actor] = []
    relations: list[Relation] = []
    for row in RELATION_TYPE_ROWS:
        sentence = _sentence(row)
        start = text.index(sentence)
        kind = "person" if row.office else "armed_group"
        subject = Actor(f"s-{row.name}", f"{row.name} subject", kind, (), f"name:{row.name} subject")
        actors.append(subject)
        obj = place.id
        if not row.place_object:
            actors.append(Actor(f"o-{row.name}", f"{row.name} object", "armed_group", (), f"name:{row.name} object"))
            obj = f"o-{row.name}"
        relations.append(Relation(subject.id, row.name, obj, Span(sentence, start, start + len(sentence)),
                                  start="2015", confidence=0.9))
    doc = Document("every-type", text, "test", "Every relation type", "2016-01-01", "metadata")
    return Extraction(doc, tuple(actors), (place,), tuple(relations))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("vocabulary") / "every-type.db"
    with open_store(path) as store:
        assert store.add_extraction(every_type_record())
    return path


def _export(path: Path, fmt: str) -> str:
    out = io.StringIO()
    with open_store(path) as store:
        export(store, fmt, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def stix_relationships(store_path: Path) -> dict[str, dict[str, Any]]:
    objects = json.loads(_export(store_path, "stix"))["objects"]
    return {o["x_factionmap_relation"]: o for o in objects if o["type"] == "relationship"}


@pytest.fixture(scope="module")
def mmp_rows(store_path: Path) -> dict[str, dict[str, str]]:
    return {r["relation"]: r for r in csv.DictReader(io.StringIO(_export(store_path, "mmp")))}


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(store_path))), base_url="http://localhost") as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("literal", "rows"),
    [(ActorKind, ACTOR_KIND_ROWS), (Status, STATUS_ROWS), (EventType, EVENT_TYPE_ROWS), (RelationType, RELATION_TYPE_ROWS)],
)
def test_the_typed_literals_of_the_record_fields_are_the_rows_of_the_vocabulary(literal: Any, rows: Any) -> None:
    """The records' fields are typed with these Literals; they name exactly the ontology's rows, in order."""
    assert get_args(literal) == tuple(row.name for row in rows)


@pytest.mark.parametrize("name", ROWS)
def test_stix_bundle_names_every_relation_type_by_its_row(name: str, stix_relationships: dict[str, Any]) -> None:
    assert stix_relationships[name]["relationship_type"] == ROWS[name].stix


@pytest.mark.parametrize("name", ROWS)
def test_mapping_militants_table_has_a_row_exactly_for_types_with_a_code(name: str, mmp_rows: dict[str, Any]) -> None:
    code = ROWS[name].mmp
    assert (mmp_rows[name]["type"] if name in mmp_rows else None) == code


@pytest.mark.parametrize("name", ROWS)
def test_web_legend_and_filter_know_every_relation_type(name: str, client: TestClient) -> None:
    row = ROWS[name]
    legend = {t["name"]: t for t in client.get("/api/vocabulary").json()["relation_types"]}
    assert (legend[name]["label"], legend[name]["color"], legend[name]["phrase"]) == (row.label, row.color, row.phrase)
    assert (legend[name]["directed"], legend[name]["place"]) == (not row.symmetric, row.place_object)
    found = client.get("/api/relations", params={"types": name})
    assert found.status_code == 200
    assert [(r["type"], r["directed"], r["object_is_place"]) for r in found.json()] == [
        (name, not row.symmetric, row.place_object)]


@pytest.mark.parametrize("name", ROWS)
def test_timeline_keeps_every_relation_type_in_force_after_it_began(name: str, store_path: Path) -> None:
    with open_store(store_path) as store:
        assert [(r.type, r.effective_end) for r in store.relations(as_of="2016", types=[name])] == [(name, None)]
        assert store.relations(as_of="2014", types=[name]) == []


def test_the_stix_documentation_lists_every_relation_type_with_its_name() -> None:
    table = (Path(__file__).parents[1] / "docs" / "exports.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `(\w+)` \| `([\w-]+)` \|", table, flags=re.MULTILINE))
    assert documented == {row.name: row.stix for row in RELATION_TYPE_ROWS}


def test_the_legend_tells_every_actor_to_actor_type_apart_by_colour() -> None:
    network = [row for row in RELATION_TYPE_ROWS if not row.place_object]
    assert len({row.color for row in network}) == len(network)
    assert len({row.name for row in RELATION_TYPE_ROWS}) == len(RELATION_TYPE_ROWS)


def test_export_stix_names_a_relation_type_it_cannot_map(tmp_path: Path) -> None:
    path = tmp_path / "odd.db"
    with open_store(path) as store:
        assert store.add_extraction(every_type_record())
    with sqlite3.connect(path) as conn:  # a store written by a version with one more type
        conn.execute("UPDATE relations SET type = 'patronage' WHERE type = 'alliance'")
    result = CliRunner().invoke(cli, ["export", "stix", "--db", str(path)], prog_name="factionmap")
    assert result.exit_code == 1
    assert not isinstance(result.exception, KeyError)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: The stix export cannot map relation type 'patronage'; it maps: allegiance,")


# --- the cue lexicon's word lists -----------------------------------------------------------------------------


def _bundled() -> dict[str, Any]:
    return json.loads((Path(__file__).parents[1] / "factionmap" / "data" / "cues.json").read_text(encoding="utf-8"))


def test_every_word_list_of_the_lexicon_is_declared_and_described() -> None:
    lists = _bundled()["words"]
    assert set(lists) == set(CueWords.model_fields)
    assert all(field.description for field in CueWords.model_fields.values())
    assert {name: sorted(getattr(cue_words(), name)) for name in lists} == {k: sorted(v) for k, v in lists.items()}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sworn_verbs": ["swear"]}, "sworn_verbs"),  # a list added to the data but not to CueWords
        ({"hedges": []}, "non-empty list"),
        ({"hedges": ["Reportedly"]}, "lower case"),
        ({"hedges": ["likely", "likely"]}, "listed twice"),
    ],
)
def test_a_word_list_that_is_not_declared_or_not_clean_is_refused(
    change: dict[str, list[str]], message: str, tmp_path: Path
) -> None:
    data = _bundled()
    data["words"].update(change)
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FactionmapError, match=message) as raised:
        load_cues(path)
    assert str(path) in str(raised.value)


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [("type", "friendship", "friendship"), ("event", "riot", "riot"), ("with_purpose", "friendship", "friendship"),
     ("subject_kinds", ["militia"], "militia")],
)
def test_a_cue_outside_the_ontology_is_refused_naming_the_file_the_field_and_the_value(
    field: str, value: object, shown: str, tmp_path: Path
) -> None:
    data = _bundled()
    data["cues"][0][field] = value
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FactionmapError, match=field) as raised:
        load_cues(path)
    assert str(path) in str(raised.value) and shown in str(raised.value)


CLOSED_CLASS = {
    # dependency labels and the extractor's own source tags: not English words
    "arguments.SUBJECT_DEPS", "timing.SUBJECT_DEPS", "timing.NOUN_PHRASE_DEPS", "arguments.CLAUSE_DEPS", "incidents.LINKED_DEPS", "incidents.KNOWN_VIA",
    "mentions.TIER", "observers._NEVER_OBSERVERS",
    # suffixes, not words
    "incidents.SUFFIXES", "places.PLURAL_SUFFIXES", "nonactors._DEMONYM_ENDINGS", "nonactors._ADJECTIVE_ENDINGS",
    # English grammar, the same for every war: pronouns, determiners, negations, copulas, prepositions
    "arguments.RELATIVE_PRONOUNS", "constructions.REFLEXIVES", "arguments.NEGATIONS", "arguments.REPORTED_PRONOUNS", "constructions.DETERMINERS",
    "constructions.COPULA_FORMS", "constructions.MEMBER_LIST_OPENERS", "coref.PLURAL_OPENERS", "incidents.DEFINITE", "timing.DEFINITE",
    "office_titles.DETERMINERS", "relations.COPULAS", "relations.CLAUSE_PREPS", "assemble.EVENT_PLACE_PREPS",
    "assemble.ACTIVITY_PLACE_PREPS", "incident_events.PLACE_PREPS", "places.LOCATIVE_WORDS", "places.SPOT_LOCATIVES", "name_spans.ENGLISH_PARTICLES",
}
"""The pipeline's module-level lists of lower-case strings that are not lexicon: grammar, labels and suffixes."""
_WORD = re.compile(r"^[a-z][a-z'.\-]*$")


def _word_lists_in_code() -> set[str]:
    """``module.NAME`` of every module-level constant of ``factionmap/pipeline`` made only of lower-case words."""
    found = set()
    for path in (Path(__file__).parents[1] / "factionmap" / "extract").glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
            if not isinstance(target, ast.Name) or getattr(node, "value", None) is None:
                continue
            words = [n.value for n in ast.walk(node.value) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
            if len(words) >= 2 and all(_WORD.match(w) for w in words):
                found.add(f"{path.stem}.{target.id}")
    return found


def test_word_lists_live_in_the_validated_lexicons_not_in_pipeline_code() -> None:
    """A new list of words belongs in data/cues.json (a CueWords field) or data/names.json (a NameLexicon field)."""
    assert _word_lists_in_code() - CLOSED_CLASS == set()
