"""The knowledge of offices: the bundled holdings, lookups by name and date, user files, and the build script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factionmap.errors import KnowledgeBaseError
from factionmap.extract.office_titles import load_titles
from factionmap.lookup.kb import KnowledgeBase
from factionmap.lookup.offices import OfficeBook, held_at, held_before, parse_office_lines
from factionmap.records import Office

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "factionmap" / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    """The bundled knowledge base, with its office book."""
    return KnowledgeBase.load()


def test_every_bundled_holding_is_valid_and_names_a_known_actor_and_office(kb: KnowledgeBase) -> None:
    offices = parse_office_lines((DATA / "offices.jsonl").read_text(encoding="utf-8").splitlines(), "offices.jsonl")
    relations = load_titles().relations
    assert len(offices) > 300
    assert not [o for o in offices if kb.get(o.actor) is None]
    assert not [o for o in offices if o.office not in relations]


@pytest.mark.parametrize(("name", "date", "expected"), [
    ("Recep Tayyip Erdogan", "2012-05", {("prime minister", "S:TR")}),
    ("Recep Tayyip Erdoğan", "2016", {("president", "S:TR")}),
    ("Recep Tayyip Erdogan", "2014-08", {("prime minister", "S:TR"), ("president", "S:TR")}),
    ("Nouri Malaki", "2010-04-19", {("prime minister", "S:IQ")}),
    ("Moammar Gadhafi", "2011-08-30", set()),
    ("Abu Mohammad al-Julani", "2019", {("leader", "G:hts")}),
    ("Ivan Duque", "2022-05", {("president", "S:CO")}),
    ("Sergei Lavrov", "2022", {("foreign minister", "S:RU")}),
])
def test_offices_at_a_date_are_those_in_force_then(kb: KnowledgeBase, name: str, date: str,
                                                   expected: set[tuple[str, str]]) -> None:
    assert {(o.office, o.actor) for o in kb.offices_at(name, date)} == expected


def test_offices_lists_every_holding_of_a_person_oldest_first(kb: KnowledgeBase) -> None:
    assert [o.office for o in kb.offices("Vladimir Putin")] == [
        "prime minister", "president", "prime minister", "president"]
    assert kb.offices("Nobody Atall") == ()


def test_a_surname_finds_the_holders_a_title_will_narrow_down(kb: KnowledgeBase) -> None:
    assert kb.office_book is not None
    assert {o.person for o in kb.office_book.by_surname("Assad")} == {"Bashar al-Assad", "Hafez al-Assad"}
    assert {o.actor for o in kb.office_book.by_surname("al-Sisi")} == {"S:EG"}


def test_a_past_title_asks_only_that_the_office_had_begun() -> None:
    santos = Office("Juan Manuel Santos", "president", "S:CO", start="2010-08-07", end="2018-08-07")
    assert not held_at(santos, "2022-05") and held_before(santos, "2022-05")
    assert not held_before(santos, "2009")
    assert held_at(Office("Joseph Kony", "leader", "G:lra"), "1990")  # an undated holding may hold at any date


def test_a_malformed_row_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "offices.jsonl"
    bad.write_text('{"person": "A B", "office": "president", "actor": "S:UG", "start": "2021-13"}\n',
                   encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"offices.jsonl:1: start"):
        OfficeBook.load([bad])
    with pytest.raises(KnowledgeBaseError, match=r"x:2: ends \(2001\) before it starts \(2005\)"):
        parse_office_lines(["", ('{"person": "A B", "office": "king", "actor": "S:JO", "start": "2005", '
                                '"end": "2001"}')], "x")


def test_a_users_file_adds_holdings(tmp_path: Path) -> None:
    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps({"person": "Hemedti Junior", "office": "leader", "actor": "G:rsf",
                                "start": "2030"}) + "\n", encoding="utf-8")
    book = OfficeBook.load([mine])
    assert [o.actor for o in book.at("Hemedti Junior", "2031-02")] == ["G:rsf"]


@pytest.mark.skipif(not (SHARED / "data" / "kb-sources").exists(), reason="../shared is absent")
def test_the_build_script_reproduces_the_bundled_file(tmp_path: Path) -> None:
    out = tmp_path / "offices.jsonl"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_offices.py"), "--out", str(out)], check=True,
                   capture_output=True, timeout=120)
    assert out.read_text(encoding="utf-8") == (DATA / "offices.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {"person": "Radulan Sahiron", "aliases": [], "office": "leader", "actor": "G:abu-sayyaf", "start": None,
            "end": None, "source": "un"} in rows  # "Current leader is Radulan Sahiron (QDi.208)"
