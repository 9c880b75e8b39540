"""Offices named by a title and explained by the office book, on sentences of several conflicts written for the
test: "President X" leads the state the book says, on the article's date, when the text names that state."""

from __future__ import annotations

from pathlib import Path

import pytest

from factionmap.errors import KnowledgeBaseError
from factionmap.extract import Extractor
from factionmap.extract.office_titles import load_titles
from tests.test_extraction import extract, relation, triples


@pytest.mark.issue(11)
@pytest.mark.parametrize(("text", "published", "expected"), [
    (("Uganda sent troops into Congo after President Yoweri Museveni blamed the Allied Democratic Forces for the "
     "Kampala bombings."), "2021-11-30", ("Yoweri Museveni", "leader_of", "Uganda")),
    (("The government of President Gustavo Petro suspended peace talks with the ELN, the largest guerrilla group "
     "left in Colombia."), "2025-04-08", ("Gustavo Petro", "leader_of", "Colombia")),
    ("Israel's security cabinet met overnight as Prime Minister Netanyahu weighed a response to Hezbollah.",
     "2024-08-01", ("Netanyahu", "leader_of", "Israel")),
    ("Iran's leaders, including the current supreme leader, Ayatollah Ali Khamenei, praised Kata'ib Hezbollah.",
     "2020-01-03", ("Ayatollah Ali Khamenei", "leader_of", "Iran")),
    ("The strikes on the PKK ended a truce that Turkey had agreed under then-Prime Minister Recep Tayyip Erdogan.",
     "2015-07-26", ("Recep Tayyip Erdogan", "leader_of", "Turkey")),
    (("Libya has been torn by war since the ousting of dictator Moammar Gadhafi, and the Libyan National Army now "
     "holds the east."), "2020-05-10", ("Moammar Gadhafi", "leader_of", "Libya")),
    (("Noor Wali took charge of the TTP in 2018 after the killing of his predecessor Maulana Fazlullah in a drone "
     "strike."), "2020-08-19", ("Maulana Fazlullah", "leader_of", "Tehrik-i-Taliban Pakistan")),
    (("Hezbollah reveres Iran's supreme leader, Ali Khamenei, and his predecessor, the late Ayatollah Ruhollah "
     "Khomeini."), "2019-06-01", ("Ayatollah Ruhollah Khomeini", "leader_of", "Iran")),
    (("Russia's Foreign Minister aside, Sergei Lavrov's deputy met Hamas officials; Foreign Minister Sergei Lavrov "
     "later defended Russia's ties with the group."), "2023-10-27", ("Sergei Lavrov", "member_of", "Russia")),
])
def test_a_title_the_book_explains_relates_its_holder_to_the_state(extractor: Extractor, text: str,
                                                                    published: str,
                                                                    expected: tuple[str, str, str]) -> None:
    assert expected in triples(extract(extractor, text, published=published))


@pytest.mark.issue(11)
def test_the_relation_is_asserted_with_its_sentence_and_no_date_the_text_does_not_give(
        extractor: Extractor) -> None:
    text = ("Fighting resumed in Ituri. President Felix Tshisekedi said the Democratic Republic of the Congo would "
            "not negotiate with the M23.")
    found = relation(extract(extractor, text, published="2022-06-20"), "leader_of", "Felix Tshisekedi",
                     "Democratic Republic of the Congo")
    assert (found["status"], found["start"], found["end"]) == ("asserted", None, None)
    assert str(found["evidence"]).count("President Felix Tshisekedi said") == 1


@pytest.mark.issue(11)
@pytest.mark.parametrize(("text", "published", "expected"), [
    (("Since President Abdel Fattah el-Sisi came to power in 2013, Egypt has jailed members of the Muslim "
     "Brotherhood."), "2021-01-10", ("Abdel Fattah el-Sisi", "Egypt", "2013", None)),
    (("Libya has been torn by war since the ousting of dictator Moammar Gadhafi in 2011, and the Libyan National "
     "Army holds the east."), "2020-05-10", ("Moammar Gadhafi", "Libya", None, "2011")),
    ("President Hosni Mubarak was ousted in February 2011, and the Muslim Brotherhood rose in Egypt.",
     "2020-06-10", ("Hosni Mubarak", "Egypt", None, "2011-02")),
    # a date of the sentence that is not the holding's: "In 2015" dates the strikes, not the presidency
    ("In 2015, President Abdel Fattah el-Sisi ordered strikes on Islamic State targets in Libya.", "2016-02-01",
     ("Abdel Fattah el-Sisi", "Egypt", None, None)),
])
def test_a_holding_is_dated_only_by_the_phrase_that_starts_or_ends_it(
        extractor: Extractor, text: str, published: str, expected: tuple[str, str, str | None, str | None]) -> None:
    person, state, start, end = expected
    found = relation(extract(extractor, text, published=published), "leader_of", person, state)
    assert (found["start"], found["end"]) == (start, end)


@pytest.mark.issue(11)
@pytest.mark.parametrize(("text", "published", "absent"), [
    # out of office on the article's date, and no past marker: the title is not the book's office
    ("President Rodrigo Duterte spoke of Abu Sayyaf in Davao, a city of the Philippines.", "2024-05-02", "Rodrigo Duterte"),
    # the group the book names is not in the text: no group is invented
    ("Leader Abubakar Shekau appeared in a video from the Sambisa forest beside ISWAP fighters.", "2016-03-01",
     "Abubakar Shekau"),
    # a full name is matched in full: "El Chapo" is no surname of Mozambique's President Daniel Chapo
    (("Los Chapitos are the sons of imprisoned cartel leader Joaquin \u201cEl Chapo\u201d Guzman, whose Sinaloa "
     "Cartel is at war."), "2025-05-01", "Joaquin \u201cEl Chapo"),
    # a title the book does not hold for him
    ("Prime Minister Bashar al-Assad visited Syria's front with Hay'at Tahrir al-Sham.", "2015-03-01", "Bashar al-Assad"),
])
def test_a_title_the_book_does_not_explain_says_nothing(extractor: Extractor, text: str, published: str,
                                                        absent: str) -> None:
    found = triples(extract(extractor, text, published=published))
    assert not [t for t in found if t[0] == absent and t[1] == "leader_of"]


@pytest.mark.issue(11)
def test_a_title_stands_for_the_state_the_text_leaves_unnamed(extractor: Extractor) -> None:
    text = "President Emmanuel Macron said the Wagner Group had left the Central African capital."
    ex = extract(extractor, text, published="2023-02-01")
    assert ("Emmanuel Macron", "leader_of", "France") in triples(ex)
    france = next(a for a in ex.actors if a.name == "France")
    assert france.aliases == ()  # the title refers to France; it is no name of it
    assert not [t for t in triples(extract(extractor, text, published=None)) if t[1] == "leader_of"]


@pytest.mark.issue(11)
def test_a_head_of_state_is_no_leader_of_another_state_he_never_led(extractor: Extractor) -> None:
    text = ("Two Taliban commanders were killed in Kunduz, according to Afghan President Ashraf Ghani and US "
            "officials.")
    found = triples(extract(extractor, text, published="2019-03-01"))
    assert ("Ashraf Ghani", "leader_of", "United States") not in found
    assert ("Ashraf Ghani", "leader_of", "Afghanistan") in found


@pytest.mark.issue(11)
def test_a_group_title_after_the_name_finds_the_group_the_book_names(extractor: Extractor) -> None:
    text = ("Boko Haram fighters overran Baga. Abubakar Shekau, the group's leader, claimed the attack in a "
            "video.")
    assert ("Abubakar Shekau", "leader_of", "Boko Haram") in triples(extract(extractor, text, published="2015-01"))


def test_a_title_file_naming_an_unknown_office_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "titles.json"
    bad.write_text('{"offices": {"president": "leader_of"}, "titles": [{"words": ["king"], "offices": ["king"]}],'
                   ' "past_markers": []}', encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="unknown offices"):
        load_titles(bad)
