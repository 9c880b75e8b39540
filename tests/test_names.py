"""Names, whole and once (issue 11, point 4): a name keeps its particles, apostrophes and ordinals; the forms a
text uses for one actor join it; what is no actor (a document, an event, a facility, a designation, a time zone,
a demonym, an outlet, a place) never becomes one, and what is no name never becomes an alias.

The sentences are written for these tests, from several conflicts; none is taken from a development document.
"""

from __future__ import annotations

import pytest

from factionmap.extract import Extractor
from factionmap.extract.aliases import is_alias_form
from factionmap.extract.name_lexicon import name_lexicon
from factionmap.extract.nonactors import is_caption_mark
from factionmap.records import Actor, Document, Extraction

pytestmark = pytest.mark.issue(11)


def extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Document(id="t", text=text, source="test", published="2021-03-01"))


def actor_names(extractor: Extractor, text: str) -> set[str]:
    return {a.name for a in extract(extractor, text).actors}


def actor_named(extractor: Extractor, text: str, name: str) -> Actor:
    return next(a for a in extract(extractor, text).actors if a.name == name or name in a.aliases)


@pytest.mark.parametrize(("text", "name"), [
    ("Fighters of Katibat Khalid ibn al-Walid attacked an army post near Daraa.", "Katibat Khalid ibn al-Walid"),
    ("The Saraya Abu Bakr al-Siddiq brigade claimed the rocket fire on Basra.", "Saraya Abu Bakr al-Siddiq"),
    ("Militants of Jama’at Ansar al-Haqq wal-Jihad ambushed a patrol in Tillaberi.",
     "Jama’at Ansar al-Haqq wal-Jihad"),
    ("The 10th Front of the dissidents attacked a police station in Arauca.", "10th Front"),
    ("Sayeed leads the People's Progressive Party, whose militia fought the Taliban.", "People's Progressive Party"),
])
def test_a_group_name_stays_whole_over_particles_apostrophes_and_ordinals(extractor: Extractor, text: str,
                                                                          name: str) -> None:
    assert name in actor_names(extractor, text)


@pytest.mark.parametrize(("text", "name", "not_name"), [
    ("Ansar al-Sharia was led by Commander Abu Hamza bin Yusuf al-Tunisi until 2019.",
     "Abu Hamza bin Yusuf al-Tunisi", "Yusuf al-Tunisi"),
    ("Karen National Union leaders: Chairman Padoh Saw Kwe Htoo Win Secretary (1) Padoh Saw Ta Doh Moo.",
     "Padoh Saw Kwe Htoo Win", "Padoh Saw Kwe Htoo Win Secretary"),
    ("The Treasury designated Kataib Hezbollah's Ahmad Khalil al-Hamdani as Specially Designated Global Terrorist.",
     "Ahmad Khalil al-Hamdani", "Ahmad Khalil al-Hamdani as Specially"),
])
def test_a_persons_name_grows_over_particles_but_not_over_offices_or_english_words(
        extractor: Extractor, text: str, name: str, not_name: str) -> None:
    names = actor_names(extractor, text)
    assert name in names
    assert not_name not in names


@pytest.mark.parametrize("text", [
    "The ministry cited Section 219 of the Immigration and Nationality Act and Executive Order (E.O.) 13224.",
    "The Lusaka Agreement and the Addis Ababa Accord were signed by the Mai-Mai and the Congolese army.",
    "Two men were jailed for the Omagh Bombing and the Battle of Mosul left the city in ruins, Hamas said.",
    "Rockets hit Al Udeid Air Base and the Camp Lemonnier Mission Support Site, Kataib Hezbollah said.",
    "The Taliban released prisoners from Pul-e-Charkhi Prison, the group said.",
])
def test_documents_events_and_facilities_are_no_actors(extractor: Extractor, text: str) -> None:
    suffixes = ("Act", "Order", "Agreement", "Accord", "Bombing", "Mosul", "Base", "Site", "Prison")
    assert not [n for n in actor_names(extractor, text) if n.endswith(suffixes)]


@pytest.mark.parametrize(("text", "category"), [
    (("The State Department listed the group among Foreign Terrorist Organizations (FTOs) in 2019. The FTO "
     "designation froze the assets of al-Shabaab."), "FTO"),
    (("Washington named two Houthi commanders Specially Designated Global Terrorists (SDGTs). The SDGT label "
     "bars transactions."), "SDGT"),
    (("Britain added the Wagner Group to its list of Proscribed Organisations (POs) last year. Each PO is "
     "banned."), "PO"),
])
def test_a_designation_category_is_no_actor(extractor: Extractor, text: str, category: str) -> None:
    names = actor_names(extractor, text)
    assert category not in names
    assert not [n for n in names if n.lower().startswith(("foreign terrorist", "specially designated"))]


@pytest.mark.parametrize(("text", "word"), [
    ("Published March 2nd, 2021 - 10:05 GMT\n\nAl-Shabaab fighters stormed a hotel in Mogadishu.", "GMT"),
    ("Updated 14:20 UTC\n\nThe Allied Democratic Forces attacked Beni overnight.", "UTC"),
    ("Hizbul Mujahideen, a Kashmiri separatist group, denied the claim.", "Kashmiri"),
    ("A Ugandan was among the fighters of the Allied Democratic Forces killed in Beni.", "Ugandan"),
    ("The Department also designated two leaders of the Islamic State Sahel Province.", "Department"),
    ("Specialized counter-terrorism units dismantled a cell of Jund al-Aqsa in Idlib.", "Specialized"),
])
def test_capitalised_words_that_name_nothing_are_no_actors(extractor: Extractor, text: str, word: str) -> None:
    assert word not in actor_names(extractor, text)


@pytest.mark.parametrize(("text", "place"), [
    ("The militants struck big cities like Istanbul, Ankara, like Izmir, the PKK said.", "Izmir"),
    ("A car bomb exploded in Co Tyrone, and the New IRA was blamed.", "Co Tyrone"),
    ("The fighters of the Sinjar Resistance Units withdrew to Mount Sinjar.", "Mount Sinjar"),
])
def test_places_are_no_persons_or_organisations(extractor: Extractor, text: str, place: str) -> None:
    assert place not in actor_names(extractor, text)


@pytest.mark.parametrize(("text", "observer"), [
    ("Hurras al-Din lost 40 fighters, the Syrian Observatory for Human Rights said.",
     "Syrian Observatory for Human Rights"),
    ("The Islamic State West Africa Province claimed the attack, SITE Intelligence Group reported.",
     "SITE Intelligence Group"),
    ("Analyst Jean Dupont told Radio Sahel that JNIM controls the road.", "Jean Dupont"),
    ("A spokesman for al-Shabaab told the Horn Observer daily that the group was behind the blast.",
     "Horn Observer"),
])
def test_outlets_monitors_and_cited_analysts_are_no_actors(extractor: Extractor, text: str,
                                                           observer: str) -> None:
    assert observer not in actor_names(extractor, text)


@pytest.mark.parametrize(("text", "full", "short"), [
    (("Gebremichael rejects deal\n\nThe faction led by Debretsion Gebremichael rejected the deal. Gebremichael "
     "said the TPLF would fight."), "Debretsion Gebremichael", "Gebremichael"),
    ("Nkunda's men advanced. The CNDP, led by Laurent Nkunda, took Rutshuru.", "Laurent Nkunda", "Nkunda"),
])
def test_a_persons_short_name_joins_the_full_name_even_before_it(extractor: Extractor, text: str, full: str,
                                                                  short: str) -> None:
    people = [a for a in extract(extractor, text).actors if a.kind == "person"]
    assert [a.name for a in people if short in a.name or short in a.aliases] == [full]


def test_a_short_name_two_people_share_joins_neither(extractor: Extractor) -> None:
    text = "Abdul Wali and Noor Wali both left the TTP in 2014. Wali later returned."
    people = {a.name for a in extract(extractor, text).actors if a.kind == "person"}
    assert {"Abdul Wali", "Noor Wali"} <= people


@pytest.mark.parametrize(("text", "name", "variant"), [
    ("Hurras al-Din fighters fled. He was a senior Hurras al-Dina religious figure in Idlib.", "Hurras al-Din",
     "Hurras al-Dina"),
    ("The Kata’ib Sayyid al-Shuhada militia fired rockets; Kataib Sayyid al-Shuhadaa denied it.",
     "Kata'ib Sayyid al-Shuhada", "Kataib Sayyid al-Shuhadaa"),
])
def test_a_spelling_a_vowel_apart_joins_the_same_group(extractor: Extractor, text: str, name: str,
                                                       variant: str) -> None:
    assert variant in actor_named(extractor, text, name).aliases


def test_two_names_more_than_a_vowel_apart_stay_two(extractor: Extractor) -> None:
    groups = extract(extractor, "Jaish al-Salam and Jaish al-Islam clashed near Douma.").actors
    assert len({a.name for a in groups}) == 2


def test_a_groups_one_word_short_name_joins_the_one_name_it_ends(extractor: Extractor) -> None:
    text = "The Egyptian Muslim Brotherhood denied links to Hasm. The Brotherhood said it rejects violence."
    assert "Brotherhood" in actor_named(extractor, text, "Muslim Brotherhood").aliases


@pytest.mark.parametrize(("text", "person", "alias"), [
    ("Mohamed Hamdan Dagalo, mostly known as Hemeti, leads the Rapid Support Forces.", "Mohamed Hamdan Dagalo",
     "Hemeti"),
    ("Ahmed al-Sharaa, better known as Abu Mohammed al-Jolani, leads Hay'at Tahrir al-Sham.", "Ahmed al-Sharaa",
     "Abu Mohammed al-Jolani"),
])
def test_a_persons_defined_alias_joins_the_person(extractor: Extractor, text: str, person: str,
                                                  alias: str) -> None:
    assert alias in actor_named(extractor, text, person).aliases


@pytest.mark.parametrize(("text", "state", "organ"), [
    ("The US State Department designated the Resistance Front on Thursday.", "United States",
     "US State Department"),
    ("The Government of Iraq asked the Popular Mobilization Forces to leave Sinjar.", "Iraq",
     "Government of Iraq"),
])
def test_a_states_organ_stands_for_it_but_is_no_alias(extractor: Extractor, text: str, state: str,
                                                      organ: str) -> None:
    actor = next(a for a in extract(extractor, text).actors if a.name == state)
    assert organ not in actor.aliases


@pytest.mark.parametrize(("text", "alias"), [
    ("Russian Defence Minister Andrei Belousov (2nd R) met Wagner commanders in Bamako.", "2nd R"),
    ("The 'Punjabi Taliban' split from the TTP in 2014.", "'Punjabi Taliban"),
    ("They called it the “Border Commandos” (Comandos de la Frontera), which fights the ELN.", "“Border Commandos"),
])
def test_caption_marks_and_stray_quotes_are_no_aliases(extractor: Extractor, text: str, alias: str) -> None:
    assert not [a for a in extract(extractor, text).actors if alias in a.aliases]


@pytest.mark.parametrize(("form", "expected"), [
    ("Hemeti", True), ("ISWAP", True), ("popular resistance committees", False), ("3rd L", False),
    ('El Chapo" Guzman', False), ("L", False),
])
def test_alias_forms_are_names(form: str, expected: bool) -> None:
    assert is_alias_form(form) is expected


@pytest.mark.parametrize(("text", "expected"), [("3rd L", True), ("2nd from left", False), ("left", True),
                                                ("L-R", True), ("Lashkar", False)])
def test_caption_marks(text: str, expected: bool) -> None:
    assert is_caption_mark(text) is expected


def test_the_name_lexicon_is_general_data() -> None:
    lexicon = name_lexicon()
    assert {"al", "ibn", "bin", "abu", "umm", "wal"} <= lexicon.particles
    assert "gmt" in lexicon.time_zones and "agreement" in lexicon.document_words


def test_a_capitalised_the_before_a_particle_is_no_part_of_the_name(extractor: Extractor) -> None:
    text = "The al-Shabaab faction led by Ahmed Diriye attacked Mogadishu."
    assert not [a for a in extract(extractor, text).actors for alias in a.aliases if alias.startswith("The ")]


@pytest.mark.parametrize(("text", "person"), [
    ("The sanctioned individuals are Mahad Moalim and Abu Musab al-Barnawi, the Treasury said of ISWAP.",
     "Mahad Moalim"),
    ("The TPLF split into two factions led by Debretsion Gebremichael and Getachew Reda.",
     "Debretsion Gebremichael"),
])
def test_a_name_listed_with_people_is_a_person(extractor: Extractor, text: str, person: str) -> None:
    assert actor_named(extractor, text, person).kind == "person"


def test_ships_are_no_actors(extractor: Extractor) -> None:
    names = actor_names(extractor, "HMS Ocean and USS Bataan joined the coalition against the Islamic State.")
    assert not [n for n in names if n.startswith(("HMS", "USS"))]


@pytest.mark.parametrize(("text", "person", "nickname"), [
    ('The Sinaloa Cartel of Ismael "El Mayo" Zambada fought Los Zetas. El Mayo was never caught.',
     "Ismael Zambada", "El Mayo"),
    ("Lt. Gen. Mohamed Hamdan “Hemeti” Dagalo leads the Rapid Support Forces. Hemeti met the envoy.",
     "Mohamed Hamdan Dagalo", "Hemeti"),
    ("The CPP's founding chairman Jose Maria “Joma” Sison lives in exile, the NPA said. Joma denied it.",
     "Jose Maria Sison", "Joma"),
])
def test_a_quoted_nickname_inside_a_name_is_one_person_and_theirs(extractor: Extractor, text: str, person: str,
                                                                  nickname: str) -> None:
    actor = actor_named(extractor, text, person)
    assert actor.kind == "person" and nickname in actor.aliases
    assert [a.name for a in extract(extractor, text).actors if a.kind == "person"] == [person]


def test_a_two_word_name_is_no_short_name_of_a_relatives_longer_one(extractor: Extractor) -> None:
    text = ('Joaquin "El Chapo" Guzman led the Sinaloa Cartel. His son Joaquin Guzman Lopez leads Los Chapitos.')
    people = {a.name for a in extract(extractor, text).actors if a.kind == "person"}
    assert {"Joaquin Guzman", "Joaquin Guzman Lopez"} <= people


def test_a_name_with_and_without_the_arabic_article_is_one_person(extractor: Extractor) -> None:
    text = "Haider al-Abadi met the Badr Organization. Haider Abadi said the PMF would stay."
    people = [a for a in extract(extractor, text).actors if a.kind == "person"]
    assert len(people) == 1


@pytest.mark.parametrize(("text", "word"), [
    ("KABUL (AP) - The Taliban said they shot down a UAV and destroyed a VBIED.", "KABUL"),
    ("The Taliban said they shot down a UAV and destroyed a VBIED.", "VBIED"),
    ("Wagner announced its withdrawal on Telegram, the Kremlin said.", "Telegram"),
    ("Hezbollah condemned the Islamification of parts of Syria.", "Islamification of parts of"),
    ("The Houthis seized the ship, Saba/dpa reported.", "Saba/dpa"),
])
def test_datelines_weapons_platforms_fragments_and_credits_are_no_actors(extractor: Extractor, text: str,
                                                                          word: str) -> None:
    assert word not in actor_names(extractor, text)


@pytest.mark.parametrize(("text", "group", "acronym"), [
    ("The government listed the National Democratic Front as terrorists. The NDF rejected it.",
     "National Democratic Front", "NDF"),
    ("The Rapid Support Forces attacked El Fasher. The R.S.F. denied it.", "Rapid Support Forces", "R.S.F."),
    ("The Northern Alliance of Tigray Fighters clashed with the army. The NATF said it lost ten men.",
     "Northern Alliance of Tigray Fighters", "NATF"),
])
def test_an_acronym_joins_the_one_group_it_abbreviates(extractor: Extractor, text: str, group: str,
                                                       acronym: str) -> None:
    assert acronym in actor_named(extractor, text, group).aliases


def test_an_organisation_named_like_a_person_the_text_quotes_is_a_person(extractor: Extractor) -> None:
    text = "The ELN's chief negotiator Otty Patino met the president. Patino said the talks would go on."
    actor = actor_named(extractor, text, "Otty Patino")
    assert actor.kind == "person" and "Patino" in actor.aliases


@pytest.mark.parametrize(("text", "name"), [
    ("Constable Ronan Kerr was killed by a bomb the Real IRA planted.", "Ronan Kerr"),
    ("The Wagner Group's founder was praised by Colonel Assimi Goita in Bamako.", "Assimi Goita"),
])
def test_an_office_before_a_name_makes_it_a_person_without_the_office(extractor: Extractor, text: str,
                                                                      name: str) -> None:
    assert actor_named(extractor, text, name).kind == "person"


def test_a_sociologist_the_text_cites_is_no_actor(extractor: Extractor) -> None:
    text = "Its members include former officers, according to Roland Marchal, a sociologist at a Paris university."
    assert "Roland Marchal" not in actor_names(extractor, text + " The RSF denied it.")


@pytest.mark.parametrize(("text", "place"), [
    ("The junta's troops withdrew from eastern Kokang after the MNDAA advanced.", "Kokang"),
    ("The Houthis fought in the central provinces of Aden, Abyan, Shabwah and Marib, the STC said.", "Shabwah"),
    ("The Idlib-based Hurras al-Din rejected the truce.", "Idlib"),
    ("Haftar's army lost the al-Watiya airfield to the Government of National Accord.", "al-Watiya"),
])
def test_compass_words_place_lists_based_and_airfields_make_places(extractor: Extractor, text: str,
                                                                    place: str) -> None:
    assert place not in actor_names(extractor, text)


def test_a_local_paper_in_apposition_is_an_outlet(extractor: Extractor) -> None:
    text = "AQAP expanded in Mukalla and even launched a new local paper, Al-Masra, the Houthis said."
    assert "Al-Masra" not in actor_names(extractor, text)


def test_a_groups_own_station_is_no_outlet(extractor: Extractor) -> None:
    text = "The video was aired by Hamas' own television station, Al-Aqsa TV, the next day."
    assert "Al-Aqsa TV" in actor_names(extractor, text)


@pytest.mark.parametrize(("text", "name", "phrase"), [
    ("A Pentagon spokesman said US forces struck al-Shabaab.", "United States", "Pentagon spokesman"),
    ("A Pentagon spokesman said US forces struck al-Shabaab.", "United States", "Pentagon"),
    ("The Turkish-backed Syrian National Army attacked the SDF.", "Syrian National Army",
     "Turkish-backed Syrian National Army"),
    ("Iranian-backed Kataib Hezbollah fighters attacked US troops.", "Kata'ib Hezbollah",
     "Kataib Hezbollah fighters"),
    ("Hezbollah's Radwan Force fired rockets, the IDF said.", "Hezbollah", "Radwan Force"),
])
def test_a_phrase_or_a_unit_is_no_alias(extractor: Extractor, text: str, name: str, phrase: str) -> None:
    actor = next(a for a in extract(extractor, text).actors if a.name == name)
    assert phrase not in actor.aliases
