"""Aliases the text defines join one actor; phrases, persons, places and other actors never become aliases."""

from __future__ import annotations

import pytest

from factionmap.extract import Extractor
from factionmap.records import ActorMention, Document, Extraction


def mentions(extractor: Extractor, text: str) -> list[ActorMention]:
    return extractor.actors(extractor.resources.nlp(text))


def key_of(found: list[ActorMention], text: str) -> str:
    return next(m.key for m in found if m.text == text)


def extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Document(id="t", text=text, source="test", published="2020-01-01"))


@pytest.mark.parametrize(("text", "first", "second"), [
    ("The Northern Hawks Brigade (NHB) was formed in 2014. The NHB later split.", "Northern Hawks Brigade", "NHB"),
    ("The Kivu Liberation Front, or KLF, attacked the town.", "Kivu Liberation Front", "KLF"),
    ("The Movement for Justice, better known as the Desert Lions Brigade, clashed with the Tuareg Front.",
     "Movement for Justice", "Desert Lions Brigade"),
    ("Katiba Salaheddine, also called the Salaheddine Battalion, fought near Aleppo.",
     "Katiba Salaheddine", "Salaheddine Battalion"),
    ("The Sinai Mujahideen Front, formerly the Sinai Tawhid Brigade, claimed the attack.",
     "Sinai Mujahideen Front", "Sinai Tawhid Brigade"),
    ("The Northern Hawks Brigade was renamed the Free Coast Army in 2016.", "Northern Hawks Brigade",
     "Free Coast Army"),
    ("The Hawks of Mindanao Brigade, known by its Tagalog acronym LMB, ambushed soldiers.",
     "Hawks of Mindanao Brigade", "LMB"),
    ("The Arakan Liberation Front, also known as the Rakhine Front, recruited fighters.",
     "Arakan Liberation Front", "Rakhine Front"),
    ('Katibat El Moulethemoune ("Brigade of the Veiled Ones") and MUJAO joined forces.',
     "Katibat El Moulethemoune", "Brigade of the Veiled Ones"),
])
def test_an_alias_the_text_defines_names_the_same_actor(extractor: Extractor, text: str, first: str,
                                                        second: str) -> None:
    found = mentions(extractor, text)
    assert key_of(found, second) == key_of(found, first)


def test_every_later_use_of_a_defined_alias_names_the_actor(extractor: Extractor) -> None:
    found = mentions(extractor, "The Kivu Liberation Front (KLF) attacked Beni. The KLF then withdrew.")
    assert sum(m.key == key_of(found, "Kivu Liberation Front") for m in found) == 3


def test_an_alias_of_a_known_group_takes_the_knowledge_bases_identity(extractor: Extractor) -> None:
    found = mentions(extractor, "Ahl al-Sunna wal-Jama’a, also called Ansar al-Sunna, attacked the port.")
    assert key_of(found, "Ahl al-Sunna wal-Jama’a") == key_of(found, "Ansar al-Sunna")
    assert next(m for m in found if m.text == "Ansar al-Sunna").kind == "armed_group"


def test_an_also_known_as_after_a_leaders_name_is_the_leaders_alias(extractor: Extractor) -> None:
    text = "Al-Shabab's leader Ahmed Abdi Godane, also known as Mukhtar Abu Zubair, had pledged allegiance."
    found = mentions(extractor, text)
    godane = next(m for m in found if m.text == "Ahmed Abdi Godane")
    assert godane.kind == "person"
    assert key_of(found, "Mukhtar Abu Zubair") == godane.key
    assert godane.key != key_of(found, "Al-Shabab")


def test_a_person_named_as_the_leader_of_a_group_is_no_alias_of_it(extractor: Extractor) -> None:
    ex = extract(extractor, "The leader of Hezbollah, Hassan Nasrallah, addressed supporters in Beirut.")
    hezbollah = next(a for a in ex.actors if a.name == "Hezbollah")
    assert "Hassan Nasrallah" not in hezbollah.aliases


@pytest.mark.parametrize("text", [
    "Ansar al-Sharia (Derna) and Ansar al-Sharia (Benghazi) fought the Libyan National Army.",
    "The Taliban, or al-Qaeda, attacked the base in Kunar.",
    "The Islamic State (Iraq) lost ground to the Peshmerga.",
])
def test_places_and_other_known_groups_are_no_aliases(extractor: Extractor, text: str) -> None:
    found = mentions(extractor, text)
    assert len({m.key for m in found if m.via == "alias"}) == 0 or all(
        m.text not in ("Derna", "Benghazi", "Iraq", "al-Qaeda") for m in found if m.via == "alias")
    if "al-Qaeda" in text:
        assert key_of(found, "Taliban") != key_of(found, "al-Qaeda")


@pytest.mark.parametrize(("text", "name", "phrase"), [
    ("IJU fighters attacked the checkpoint. The IJU later released a video.", "Islamic Jihad Union", "IJU fighters"),
    ("US airstrikes hit al-Shabaab positions near Jilib.", "United States", "US airstrikes"),
    ("Turkish security forces clashed with the PKK.", "Turkey", "Turkish security forces"),
])
def test_a_phrase_about_an_actor_is_no_alias_of_it(extractor: Extractor, text: str, name: str,
                                                   phrase: str) -> None:
    ex = extract(extractor, text)
    actor = next(a for a in ex.actors if a.name == name)
    assert phrase not in actor.aliases


def test_observers_are_no_actors(extractor: Extractor) -> None:
    ex = extract(extractor, "Al-Shabaab attacked a base in Lower Shabelle, Reuters reported, citing ACLED data.")
    assert {a.name for a in ex.actors} & {"Reuters", "ACLED"} == set()
