"""Wire datelines and the place a report's unplaced incidents take (issue 12). Datelines and reports written for
these tests, in the manner of several wires and wars."""

from __future__ import annotations

import pytest

from factionmap.dates.datelines import dateline_stands_alone, find_dateline_end, find_dateline_place
from factionmap.extract import Extractor
from factionmap.records import Document, Extraction

pytestmark = pytest.mark.issue(12)


@pytest.mark.parametrize(("text", "place", "body"), [
    ("   MANAGUA (NICARAGUA), 2 NOV 89 (RADIO SANDINO) -- [TEXT] THE ARMY", "MANAGUA", "[TEXT]"),
    ("   WASHINGTON DC (UNITED STATES), 16 NOV 89 (EFE) -- [TEXT] THE", "WASHINGTON DC", "[TEXT]"),
    ("   LIMA, 18 JUL 89 (TELEVISION NACIONAL DEL PERU NETWORK) --\n[TEXT] THE MINISTER", "LIMA", "\n[TEXT]"),
    ("   TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] A BOMB BLAST", "TEGUCIGALPA", "[TEXT]"),
    ("KANDAHAR, 4 Mar (Pajhwok) - Gunmen killed", "KANDAHAR", "Gunmen"),
])
def test_a_dateline_with_its_country_in_brackets_a_dash_ending_its_line_or_no_year_is_read(
        text: str, place: str, body: str) -> None:
    span = find_dateline_place(text)
    assert span is not None and text[span[0]:span[1]] == place
    assert text[find_dateline_end(text):].startswith(body)


@pytest.mark.parametrize(("text", "alone"), [
    ("   SANTIAGO, 18 JUL 89 (TELEVISION NACIONAL DE CHILE NETWORK) -- [TEXT]", True),
    ("BAGHDAD (Reuters) - A car bomb", True),
    ("KABUL, Afghanistan (Jan. 25, 2013) — Taliban", False),
    ("EDMONTON, Ky. (WBKO) -- One man", False),
    ("   MANAGUA (NICARAGUA), 2 NOV 89 (RADIO SANDINO) -- [TEXT]", False),
    ("No dateline in this text at all.", False),
])
def test_a_dateline_stands_alone_unless_it_names_its_country_or_state(text: str, alone: bool) -> None:
    assert dateline_stands_alone(text) is alone


def extract(extractor: Extractor, text: str, published: str) -> Extraction:
    return extractor.extract(Document("t", text, "test", published=published, published_from="metadata"))


def incident_countries(ex: Extraction) -> set[str | None]:
    places = {p.id: p for p in ex.places}
    return {places[e.place].country for e in ex.events
            if e.type in ("attack", "killing", "capture") and e.place in places}


@pytest.mark.parametrize(("text", "published", "name", "country"), [
    (("   MEDELLIN, 28 OCT 89 (RADIO CADENA NACIONAL) -- [TEXT] FIVE WOMEN WERE MURDERED AND THEIR BODIES "
     "THROWN FROM A MOVING VEHICLE EARLY THIS MORNING IN EL POBLADO NEIGHBORHOOD."), "1989-10-28", "Medellín", "CO"),
    (("   SANTIAGO, 27 NOV 89 (DOMESTIC SERVICE) -- [TEXT] A BOMB EXPLODED TODAY IN TOBALABA, THE POLICE SAID. "
     "THIS WAS A REPORT BY RADIO NACIONAL FOR RADIO MINERIA."), "1989-11-27", "Santiago", "CL"),
])
def test_a_dateline_alone_names_the_city_every_reader_knows(extractor: Extractor, text: str, published: str,
                                                            name: str, country: str) -> None:
    ex = extract(extractor, text, published)
    assert next(p.country for p in ex.places if p.name == name) == country


@pytest.mark.parametrize(("text", "published", "country"), [
    (("   MADRID (SPAIN), 18 NOV 89 (DOMESTIC SERVICE) -- [TEXT] GUNMEN KILLED SIX JESUIT PRIESTS AT DAWN TODAY, "
     "THE GOVERNMENT SAID.\n\n   THE ARCHBISHOP OF SAN SALVADOR ASKED FOR AN INQUIRY, AND EL SALVADOR'S "
     "PRESIDENT PROMISED ONE."), "1989-11-18", "SV"),
    (("NAIROBI, Kenya (AP) — Gunmen killed four aid workers on Tuesday, officials said.\n\nThe aid group said "
     "its staff had been travelling from Mogadishu to Baidoa. Somalia has seen a rise in such raids."),
     "2017-03-15", "SO"),
])
def test_a_report_filed_from_abroad_places_its_story_in_the_country_it_tells_of(
        extractor: Extractor, text: str, published: str, country: str) -> None:
    assert incident_countries(extract(extractor, text, published)) == {country}


@pytest.mark.parametrize(("text", "published", "country"), [
    (("   SAN SALVADOR, 9 JUN 89 (RADIO CADENA YSKL) -- [TEXT] URBAN GUERRILLAS KILLED A POLICEMAN TODAY. THE "
     "UNITED STATES AND VENEZUELA SENT THEIR CONDOLENCES, AND THE UNITED STATES OFFERED HELP."), "1989-06-09", "SV"),
    (("KABUL, Afghanistan (AP) — A suicide bomber killed six people on Monday, officials said.\n\nThe interior "
     "ministry in Kabul said the bomber was on foot. Pakistan sent condolences, and Pakistan's prime minister "
     "called the president."), "2018-04-30", "AF"),
])
def test_a_report_from_home_or_naming_its_filing_country_again_keeps_its_dateline(
        extractor: Extractor, text: str, published: str, country: str) -> None:
    assert incident_countries(extract(extractor, text, published)) == {country}
