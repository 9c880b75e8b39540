"""Extraction on small real-world sentences from several wars: relations, direction, status, dates, places."""

from __future__ import annotations

import pytest

from factionmap.extract import Extractor
from factionmap.records import Document, Extraction

PUBLISHED = "2017-06-14"


def extract(extractor: Extractor, text: str, published: str | None = PUBLISHED) -> Extraction:
    return extractor.extract(Document("t", text, "test", published=published, published_from="metadata"))


def triples(ex: Extraction) -> set[tuple[str, str, str]]:
    """(subject name, type, object name) of every relation."""
    names = {a.id: a.name for a in ex.actors} | {p.id: p.name for p in ex.places}
    return {(names[r.subject], r.type, names[r.object]) for r in ex.relations}


def relation(ex: Extraction, rtype: str, subject: str, obj: str) -> dict[str, object]:
    names = {a.id: a.name for a in ex.actors} | {p.id: p.name for p in ex.places}
    for r in ex.relations:
        if r.type == rtype and names[r.subject] == subject and names[r.object] == obj:
            return {"start": r.start, "end": r.end, "status": r.status,
                    "by": names.get(r.attributed_to or ""), "evidence": r.evidence}
    raise AssertionError(f"no {rtype} {subject} -> {obj} in {sorted(triples(ex))}")


@pytest.mark.parametrize(("text", "expected"), [
    ("Boko Haram pledged allegiance to the Islamic State in March 2015.",
     ("Boko Haram", "allegiance", "Islamic State")),
    ("Al Shabaab fighters clashed with Kenyan troops near the border on Tuesday.",
     ("al-Shabaab", "conflict", "Kenya")),
    ("The Taliban attacked Afghan forces in Helmand province.", ("Taliban", "conflict", "Afghanistan")),
    ("The Islamic Movement of Uzbekistan has fought alongside the Taliban for years.",
     ("Islamic Movement of Uzbekistan", "alliance", "Taliban")),
    ("Hay'at Tahrir al-Sham, which is a splinter of al Qaeda, controls much of Idlib.",
     ("Hay'at Tahrir al-Sham", "splinter_of", "al Qaeda")),
    ("Al Shabaab is al Qaeda's official branch in East Africa.", ("al-Shabaab", "branch_of", "al Qaeda")),
    ("Abubakar Shekau, the leader of Boko Haram, appeared in a new video.",
     ("Abubakar Shekau", "leader_of", "Boko Haram")),
])
def test_relation_is_read_from_the_sentence(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extract(extractor, text))


@pytest.mark.parametrize("text", [
    "Imam Bukhari Jamaat and Katibat al Tawhid wal Jihad, neither of which has joined the Islamic State, fight on.",
    "The Houthis have not pledged allegiance to Iran.",
    "Reporters from Reuters covered the Taliban and al Qaeda at length this year.",
])
def test_mere_cooccurrence_or_negation_yields_no_relation(extractor: Extractor, text: str) -> None:
    rels = triples(extract(extractor, text))
    assert not {r for r in rels if r[1] in ("allegiance", "alliance", "conflict")}


def test_pledge_takes_the_date_in_its_sentence_and_makes_an_event(extractor: Extractor) -> None:
    ex = extract(extractor, "Boko Haram pledged allegiance to the Islamic State in March 2015.")
    assert relation(ex, "allegiance", "Boko Haram", "Islamic State")["start"] == "2015-03"
    assert [(e.type, e.date) for e in ex.events] == [("pledge", "2015-03")]


def test_joining_a_group_named_with_its_leader_is_allegiance_to_the_group(extractor: Extractor) -> None:
    ex = extract(extractor, "The IMU has officially joined Abu Bakr al Baghdadi's Islamic State.")
    assert ("Islamic Movement of Uzbekistan", "allegiance", "Islamic State") in triples(ex)
    assert not any(r[2] == "Abu Bakr al Baghdadi" and r[1] == "allegiance" for r in triples(ex))


def test_claim_is_attributed_to_the_group_that_makes_it(extractor: Extractor) -> None:
    ex = extract(extractor, "The Taliban said its fighters attacked Afghan forces in Kunduz.")
    rel = relation(ex, "conflict", "Taliban", "Afghanistan")
    assert (rel["status"], rel["by"]) == ("claimed", "Taliban")


def test_denial_is_attributed_to_the_denier(extractor: Extractor) -> None:
    ex = extract(extractor, "Hezbollah denied that it fought alongside the Houthis in Yemen.")
    rel = relation(ex, "alliance", "Hezbollah", "Houthis")
    assert (rel["status"], rel["by"]) == ("denied", "Hezbollah")


def test_hedged_statement_is_uncertain(extractor: Extractor) -> None:
    ex = extract(extractor, "Ansaru is reportedly allied with al Qaeda in the Islamic Maghreb.")
    assert relation(ex, "alliance", "Ansaru", "al Qaeda in the Islamic Maghreb")["status"] == "uncertain"


def test_prior_to_gives_an_end_date(extractor: Extractor) -> None:
    ex = extract(extractor, "Prior to the army's offensive in June 2014, the TTP was based in Peshawar.")
    place = next(p.name for p in ex.places if p.name.startswith("Peshawar"))
    assert relation(ex, "based_in", "Tehrik-i-Taliban Pakistan", place)["end"] == "2014-06"


def test_previous_alliance_ends_when_the_group_switches_sides(extractor: Extractor) -> None:
    text = ("The IMU, which was previously allied with the Taliban, has joined the Islamic State. "
            "On Aug. 6, the IMU swore allegiance to the Islamic State.")
    ex = extract(extractor, text, "2015-08")
    assert relation(ex, "alliance", "Islamic Movement of Uzbekistan", "Taliban")["end"] == "2015-08-06"


def test_evidence_offsets_slice_the_document_back_to_the_sentence(extractor: Extractor) -> None:
    text = "Islamic State claims attack\n\nBoko Haram pledged allegiance to the Islamic State in March 2015. It grew."
    ex = extract(extractor, text)
    for r in ex.relations:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text
        assert r.evidence.text.startswith("Boko Haram pledged")


def test_state_forces_resolve_to_the_state_and_places_to_the_gazetteer(extractor: Extractor) -> None:
    ex = extract(extractor, "Pakistani troops battled the TTP in North Waziristan.")
    assert ("Pakistan", "conflict", "Tehrik-i-Taliban Pakistan") in triples(ex) or \
        ("Tehrik-i-Taliban Pakistan", "conflict", "Pakistan") in triples(ex)
    assert {p.country for p in ex.places} == {"PK"}


def test_group_names_the_ner_misses_are_found_by_their_shape(extractor: Extractor) -> None:
    ex = extract(extractor, "The Free Idlib Army is allied with the Northern Dawn Brigades.")
    kinds = {a.name: a.kind for a in ex.actors}
    assert kinds.get("Free Idlib Army") == "armed_group"
    assert ("Free Idlib Army", "alliance", "Northern Dawn Brigades") in triples(ex)


def test_known_aliases_resolve_to_the_canonical_group(extractor: Extractor) -> None:
    ex = extract(extractor, "The Free Idlib Army is allied with the Sham Legion.")
    assert ("Free Idlib Army", "alliance", "Faylaq al-Sham") in triples(ex)


def test_aliases_the_text_defines_are_learned(extractor: Extractor) -> None:
    text = ("The Sham Revolutionaries Brigade (SRB) clashed with the Nour al-Din Movement. "
            "Later the SRB pledged allegiance to Ahrar al-Sham.")
    ex = extract(extractor, text)
    srb = next(a for a in ex.actors if a.name == "Sham Revolutionaries Brigade")
    assert "SRB" in srb.aliases
    assert ("Sham Revolutionaries Brigade", "allegiance", "Ahrar al-Sham") in triples(ex)


@pytest.mark.parametrize(("text", "may"), [
    ("The city council approved the new school budget on Monday.", False),
    ("the district police arrested two men for theft near the station.", False),
    ("Afghan forces repelled the attack.", True),
    ("Fighters of the Northern Dawn Brigades entered the town.", True),
    ("the naxalites and the police exchanged fire.", True),
    ("the action committee of the Samajwadi Party held a rally in lucknow on saturday.", False),
    ("the Hizbul Mujahideen claimed the attack on the party office.", True),
])
def test_texts_that_name_no_actor_skip_the_parser(extractor: Extractor, text: str, may: bool) -> None:
    document = Document("t", text, "test", published=PUBLISHED)
    assert extractor.may_hold_facts(document) is may
    if not may:
        assert extractor.extract(document).relations == ()


def test_according_to_a_source_makes_the_fact_its_claim(extractor: Extractor) -> None:
    ex = extract(extractor, "Boko Haram fighters attacked Nigerian troops in Borno state, according to the Nigerian army.")
    rel = relation(ex, "conflict", "Boko Haram", "Nigeria")
    assert (rel["status"], rel["by"]) == ("claimed", "Nigeria")


def test_suspected_perpetrators_make_the_fact_uncertain(extractor: Extractor) -> None:
    ex = extract(extractor, "Suspected Boko Haram militants attacked Nigerian troops in Borno state.")
    assert relation(ex, "conflict", "Boko Haram", "Nigeria")["status"] == "uncertain"


def test_claim_of_responsibility_is_an_attack_claimed_by_the_group(extractor: Extractor) -> None:
    ex = extract(extractor, "Al Shabaab claimed responsibility for the bombing in Mogadishu.")
    names = {a.id: a.name for a in ex.actors}
    [event] = ex.events
    assert (event.type, event.status, names[event.attributed_to or ""]) == ("attack", "claimed", "al-Shabaab")
    assert {p.name for p in ex.places if p.id == event.place} == {"Mogadishu"}


def test_merger_of_several_groups_pairs_them_and_takes_its_date(extractor: Extractor) -> None:
    text = ("The group was formed in 2017 through the merger of Ansar Dine, al-Mourabitoun and the Macina "
            "Liberation Front.")
    ex = extract(extractor, text)
    mergers = {frozenset((s, o)) for s, t, o in triples(ex) if t == "merger"}
    assert frozenset(("Ansar Dine", "al-Mourabitoun")) in mergers and len(mergers) == 3
    assert {r.start for r in ex.relations if r.type == "merger"} == {"2017"}


def test_passive_backing_is_an_alliance(extractor: Extractor) -> None:
    ex = extract(extractor, "The Houthis, who are backed by Iran, launched drones at Saudi Arabia on Sunday.")
    assert ("Houthis", "alliance", "Iran") in triples(ex)


def test_killing_a_states_soldiers_is_conflict_with_that_state(extractor: Extractor) -> None:
    ex = extract(extractor, "Al-Shabaab militants stormed a base on Friday, killing at least 12 Somali soldiers.")
    assert ("al-Shabaab", "conflict", "Somalia") in triples(ex)
    assert [e.type for e in ex.events] == ["killing"]


def test_faction_that_split_and_rejoined_has_both_dates(extractor: Extractor) -> None:
    text = ("Jamaat-ul-Ahrar, a TTP faction that split from the group in 2014 before rejoining it in 2020, "
            "denied involvement.")
    ex = extract(extractor, text)
    assert relation(ex, "splinter_of", "Jamaat-ul-Ahrar", "Tehrik-i-Taliban Pakistan")["start"] == "2014"
    assert relation(ex, "allegiance", "Jamaat-ul-Ahrar", "Tehrik-i-Taliban Pakistan")["start"] == "2020"


def test_cutting_ties_ends_the_alliance(extractor: Extractor) -> None:
    ex = extract(extractor, "Hay'at Tahrir al-Sham cut its ties with al Qaeda in 2016.")
    assert relation(ex, "alliance", "Hay'at Tahrir al-Sham", "al Qaeda")["end"] == "2016"


def test_led_by_makes_the_leader(extractor: Extractor) -> None:
    ex = extract(extractor, "Hay'at Tahrir al-Sham, led by Abu Mohammad al-Julani, took Idlib.")
    assert ("Abu Mohammad al-Julani", "leader_of", "Hay'at Tahrir al-Sham") in triples(ex)


def test_attacking_a_sides_base_is_conflict_with_that_side(extractor: Extractor) -> None:
    ex = extract(extractor, "ISWAP fighters overran a Nigerian army base in Borno state last week.")
    assert ("Islamic State West Africa Province", "conflict", "Nigeria") in triples(ex)


def test_a_date_that_dates_another_fact_is_not_lent_to_the_next_sentence(extractor: Extractor) -> None:
    text = ("In 2014, Jamaat-ul-Ahrar broke away from the TTP. Noor Wali Mehsud, the TTP's emir, has pledged allegiance "
            "to Hibatullah Akhundzada.")
    ex = extract(extractor, text)
    assert relation(ex, "allegiance", "Noor Wali Mehsud", "Hibatullah Akhundzada")["start"] is None


def test_a_text_that_names_only_countries_and_its_newspaper_skips_the_parser(extractor: Extractor) -> None:
    text = "India and Japan signed a trade agreement on Monday, The Times of India reported."
    assert not extractor.may_hold_facts(Document("t", text, "test", published=PUBLISHED))


def test_a_text_that_skips_the_parser_keeps_its_places(extractor: Extractor) -> None:
    text = ("Floods cut the road between Peshawar and Islamabad on Monday, officials in Khyber Pakhtunkhwa said. "
            "Rescue teams reached Charsadda by boat.")
    document = Document("t", text, "test", published=PUBLISHED)
    assert not extractor.may_hold_facts(document)
    one, = extractor.extract_all([document])
    assert one == extractor.extract(document)
    assert (one.actors, one.relations, one.events) == ((), (), ())
    assert {p.name: p.country for p in one.places} == {
        "Peshawar": "PK", "Islamabad": "PK", "Khyber Pakhtunkhwa": "PK", "Charsadda": "PK"}
    assert all(text[m.start:m.end] == m.text for p in one.places for m in p.mentions)
