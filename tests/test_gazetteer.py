"""The offline gazetteer: bundled countries, divisions and places, spelling variants, a user's GeoNames dump."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from factionmap.errors import InputError
from factionmap.lookup.folding import normalize_place_name
from factionmap.lookup.gazetteer import Gazetteer, open_bundled

FIXTURES = Path(__file__).parent / "fixtures" / "geonames"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(("name", "country", "geonames_id"), [
    ("Afghanistan", "AF", 1149361),
    ("Pakistan", "PK", 1168579),
    ("U.S.", "US", 6252001),
    ("Britain", "GB", 2635167),
])
def test_country_names_and_short_forms_find_the_country(gazetteer: Gazetteer, name: str, country: str,
                                                        geonames_id: int) -> None:
    best = gazetteer.candidates(name)[0]
    assert (best.country, best.feature, best.geonames_id) == (country, "country", geonames_id)


@pytest.mark.parametrize("name", ["Kunduz", "Konduz", "Qunduz"])
def test_kunduz_spellings_find_the_city_in_kunduz_province(gazetteer: Gazetteer, name: str) -> None:
    assert any(e.feature == "PPL" and e.country == "AF" and e.admin1 == "Kunduz" for e in gazetteer.candidates(name))


@pytest.mark.parametrize("name", ["Paktia", "Paktiya", "Paktya"])
def test_paktia_spellings_find_the_province(gazetteer: Gazetteer, name: str) -> None:
    found = gazetteer.candidates(name) or gazetteer.variant_candidates(name)
    assert [(e.name, e.feature, e.country) for e in found][:1] == [("Paktia", "ADM1", "AF")]


@pytest.mark.parametrize(("name", "admin1"), [("North Waziristan", "Khyber Pakhtunkhwa"), ("Kunduz", "Kunduz")])
def test_divisions_carry_their_first_level_division_and_coordinates(gazetteer: Gazetteer, name: str,
                                                                    admin1: str) -> None:
    division = next(e for e in gazetteer.candidates(name) if e.feature in {"ADM1", "ADM2"})
    assert division.admin1 == admin1 and division.lat is not None and division.lon is not None


def test_codes_match_only_when_asked(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("UK")[0].country == "GB"
    assert all(e.feature != "country" for e in gazetteer.candidates("UK", abbreviations=False))


@pytest.mark.parametrize(("raw", "folded"), [("U.S.", "us"), ("Badakhshān", "badakhshan"), ("Kunduz  City", "kunduz city")])
def test_names_fold_accents_dots_and_case(raw: str, folded: str) -> None:
    assert normalize_place_name(raw) == folded


def test_an_unknown_name_has_no_candidates(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("Xqzzyvillage") == []


@pytest.fixture
def dump_dir(tmp_path: Path) -> Path:
    for f in FIXTURES.iterdir():
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


def test_a_user_geonames_dump_adds_its_places_with_division_names(dump_dir: Path) -> None:
    gaz = Gazetteer.load([dump_dir / "XX.txt", dump_dir / "admin1CodesASCII.txt"])
    found = gaz.candidates("Zurgabad")
    assert [(e.name, e.feature, e.admin1, e.geonames_id, e.population) for e in found] == [
        ("Zorgabad", "PPLA", "Kunduz", 9990001, 42000)]


def test_a_user_geonames_dump_is_cached_and_keeps_the_bundled_places(dump_dir: Path) -> None:
    Gazetteer.load([dump_dir / "XX.txt"])
    assert (dump_dir / "XX.txt.factionmap.sqlite").is_file()
    gaz = Gazetteer.load([dump_dir / "XX.txt"])
    assert gaz.candidates("Qalat-e Naw")[0].geonames_id == 9990002
    assert gaz.candidates("Afghanistan")[0].geonames_id == 1149361


def test_a_dump_keeps_populated_places_and_divisions_not_mountains(dump_dir: Path) -> None:
    assert Gazetteer.load([dump_dir / "XX.txt"]).candidates("Koh-e Zorg") == []


def test_a_missing_dump_file_is_named_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nowhere.txt"):
        Gazetteer.load([tmp_path / "nowhere.txt"])


@pytest.mark.issue(3)
def test_dotted_state_abbreviations_are_abbreviations(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("Ky.")[0].name == "Kentucky"
    assert all(e.name != "Kentucky" for e in gazetteer.candidates("Ky", abbreviations=False))


@pytest.mark.issue(3)
def test_a_division_point_is_not_its_largest_city(gazetteer: Gazetteer) -> None:
    state = next(e for e in gazetteer.candidates("New York") if e.feature == "ADM1")
    assert state.lat is not None and state.lat > 41.5  # New York City lies at 40.7 N



def _finds_kunduz_city(db: sqlite3.Connection) -> bool:
    return any(e.feature == "PPL" and e.country == "AF" for e in Gazetteer([db]).candidates("Kunduz"))


@pytest.mark.issue(10)
def test_the_bundled_index_is_decompressed_once_into_a_cache_and_read_from_it(tmp_path: Path) -> None:
    first = open_bundled(tmp_path / "cache")
    [copy] = (tmp_path / "cache").iterdir()
    written = copy.stat().st_mtime_ns
    again = open_bundled(tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == [copy] and copy.stat().st_mtime_ns == written
    assert _finds_kunduz_city(first) and _finds_kunduz_city(again)


@pytest.mark.issue(10)
def test_without_a_writable_cache_the_bundled_index_is_read_into_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    assert _finds_kunduz_city(open_bundled(blocked / "cache"))
    assert blocked.is_file()
