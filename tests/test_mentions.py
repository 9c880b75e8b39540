"""Finding actors: knowledge base, state forces, name shapes, aliases the text defines, references."""

from __future__ import annotations

import pytest

from factionmap.extract import Extractor
from factionmap.extract.coref import resolve_references
from factionmap.records import ActorMention


def mentions(extractor: Extractor, text: str) -> list[ActorMention]:
    doc = extractor.resources.nlp(text)
    return resolve_references(doc, extractor.actors(doc))


def named(extractor: Extractor, text: str) -> dict[str, tuple[str, str]]:
    """Mention text -> (canonical name, kind)."""
    return {m.text: (m.name, m.kind) for m in mentions(extractor, text)}


@pytest.mark.parametrize(("text", "mention", "name", "kind"), [
    ("Afghan forces repelled the attack.", "Afghan forces", "Afghanistan", "state"),
    ("The Pakistani Army launched an offensive.", "Pakistani Army", "Pakistan", "state"),
    ("Iraqi security forces entered the city.", "Iraqi security forces", "Iraq", "state"),
    ("Fighters of Al Nusrah Front crossed the river.", "Al Nusrah Front", "Al Nusrah Front", "armed_group"),
    ("Imam Bukhari Jamaat released a video.", "Imam Bukhari Jamaat", "Imam Bukhari Jamaat", "armed_group"),
    ("ISWAP fighters overran the base.", "ISWAP", "Islamic State West Africa Province", "armed_group"),
])
def test_known_groups_and_state_forces_are_found(extractor: Extractor, text: str, mention: str, name: str,
                                                 kind: str) -> None:
    assert named(extractor, text)[mention] == (name, kind)


def test_group_shaped_name_unknown_to_the_kb_is_an_armed_group(extractor: Extractor) -> None:
    found = named(extractor, "Katibat Ansar al-Tawhid wal-Sunna clashed with the Tigers of Idlib Brigade.")
    assert found["Katibat Ansar al-Tawhid wal-Sunna"][1] == "armed_group"


def test_demonym_without_a_force_noun_is_not_a_state_actor(extractor: Extractor) -> None:
    assert "Afghan" not in named(extractor, "The fighters drove through a remote Afghan village.")


def test_acronym_defined_in_parentheses_names_the_same_actor(extractor: Extractor) -> None:
    found = mentions(extractor, "The Northern Hawks Brigade (NHB) was formed in 2014. The NHB later split.")
    keys = {m.text: m.key for m in found}
    assert keys["NHB"] == keys["Northern Hawks Brigade"]


def test_short_form_of_a_persons_name_is_the_same_person(extractor: Extractor) -> None:
    found = mentions(extractor, "Uthman Ghazi led the group. Ghazi later praised the Islamic State.")
    keys = {m.text: m.key for m in found}
    assert keys["Ghazi"] == keys["Uthman Ghazi"]


@pytest.mark.parametrize(("text", "short", "full"), [
    ("Police said Ismael Zambada Garcia fled. Zambada was arrested in Texas in 2024.", "Zambada",
     "Ismael Zambada Garcia"),
    ("The party leader Pablo Iglesias Turrion spoke. Iglesias later resigned.", "Iglesias", "Pablo Iglesias Turrion"),
])
def test_the_first_of_two_surnames_names_the_person(extractor: Extractor, text: str, short: str, full: str) -> None:
    keys = {m.text: m.key for m in mentions(extractor, text)}
    assert keys[short] == keys[full]


def test_a_surname_two_people_share_names_neither(extractor: Extractor) -> None:
    text = ("Ivan Archivaldo Guzman and Joaquin Guzman Lopez split the cartel. Guzman was arrested in 2024.")
    keys = {m.key for m in mentions(extractor, text) if m.text == "Guzman"}
    assert not keys & {m.key for m in mentions(extractor, text) if m.text.endswith(("Guzman", "Lopez"))
                       and m.text != "Guzman"}


@pytest.mark.parametrize(("text", "reference", "name"), [
    ("The IJU released a video. Its fighters raided a village.", "Its", "Islamic Jihad Union"),
    ("Al Shabaab attacked a base. The group later claimed the attack.", "The group", "al-Shabaab"),
    ("The Taliban fought the Islamic State, and the latter lost ground.", "the latter", "Islamic State"),
    ("The Gulf Cartel hired Los Zetas in 1999. The cartel was run by Osiel Cardenas.", "The cartel", "Gulf Cartel"),
    ("The Kurdistan Freedom Falcons bombed a resort. The Freedom Falcons later warned tourists.",
     "The Freedom Falcons", "Kurdistan Freedom Falcons"),
    (("The Kurdistan Freedom Falcons bombed a resort. Tourism fell. Hotels closed. Prices rose. Flights stopped. "
      "The Freedom Falcons later warned tourists."), "The Freedom Falcons", "Kurdistan Freedom Falcons"),
    ("Abu Hamza al-Masri was arrested in London. In 2004, he was extradited.", "he", "Abu Hamza al-Masri"),
    # a subject already resolved carries the reference on: "It is ..." -> "its leader"
    (("The armed group known as Ansaru emerged in 2012. It is believed to be a splinter of Boko Haram, which "
     "attacked Kano. Little is known. Experts say its leader may be Khalid al-Barnawi."), "its", "Ansaru"),
    # out of reach of every name, a profile's "the group" is the group its first sentence is about
    (("The Islamist group known as Ansaru has emerged as a new threat. ORIGIN: Little is known. AIMS: Mali was "
     "mentioned Mali. Experts doubt such claims. They see a gang. FOREIGN LINKS: The group is believed to have "
     "links with AQIM."), "The group", "Ansaru"),
])
def test_references_resolve_to_the_salient_group(extractor: Extractor, text: str, reference: str,
                                                 name: str) -> None:
    assert named(extractor, text)[reference][0] == name


def test_all_caps_wire_copy_does_not_turn_every_phrase_into_a_name(extractor: Extractor) -> None:
    text = ("SAN SALVADOR, 3 JAN 90 -- [REPORT] THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50 PEASANTS OF\n"
            "VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT\n"
            "[FMLN] IN SAN MIGUEL DEPARTMENT. THE SOURCE ADDED THAT THE TERRORISTS FORCED THE INDIVIDUALS OUT.")
    found = mentions(extractor, text)
    assert all(m.via in ("kb", "forces", "alias", "coref") for m in found)


def test_hard_wrapped_lines_do_not_cut_sentences(extractor: Extractor) -> None:
    text = ("THE ARMY REPORTED THAT GUERRILLAS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT ATTACKED\n"
            "A MILITARY POST NEAR THE TOWN YESTERDAY AFTERNOON AND THAT TWO SOLDIERS WERE WOUNDED.\n\nNEXT.")
    starts = [s.text.strip()[:10] for s in extractor.resources.nlp(text).sents]
    assert "A MILITARY" not in starts
    assert starts[-1] == "NEXT."


def test_its_never_refers_to_the_news_agency_that_tells_the_story(extractor: Extractor) -> None:
    text = "The Islamic State attacked the town, AFP reported. Its fighters then withdrew."
    assert named(extractor, text)["Its"][0] == "Islamic State"


def test_a_group_noun_named_right_after_its_comma_refers_to_no_earlier_group(extractor: Extractor) -> None:
    text = ("The Kurdistan Freedom Falcons bombed a resort. At the time, the better-known Kurdish militant group, "
            "the Kurdistan Workers' Party (PKK), announced the end of its cease-fire.")
    assert not [m for m in mentions(extractor, text) if m.via == "coref" and m.text.endswith("group")]
