"""When a relation held and whose word it rests on (issue 11, point 6).

Each construction is checked on sentences of several wars; a relation whose text gives no date has none; a
title in the writer's voice is no claim; a hedge makes a fact uncertain.
"""

from __future__ import annotations

import pytest

from factionmap.extract import Extractor
from factionmap.records import Document, Extraction

PUBLISHED = "2020-06-15"

pytestmark = pytest.mark.issue(11)


def extract(extractor: Extractor, text: str, published: str = PUBLISHED) -> Extraction:
    return extractor.extract(Document("t", text, "test", published=published, published_from="metadata"))


def dates_of(ex: Extraction, rtype: str, subject: str, obj: str) -> tuple[str | None, str | None]:
    """(start, end) of the one relation of that type between the actors so named."""
    names = {a.id: a.name for a in ex.actors}
    found = [(r.start, r.end) for r in ex.relations
             if r.type == rtype and names.get(r.subject) == subject and names.get(r.object) == obj]
    assert len(found) == 1, [(names.get(r.subject), r.type, names.get(r.object)) for r in ex.relations]
    return found[0]


@pytest.mark.parametrize(("text", "relation", "expected"), [
    ("Fighting between the Sudanese army and the Rapid Support Forces broke out in April 2023.",
     ("conflict", "Sudan", "Rapid Support Forces"), ("2023-04", None)),
    ("Fighting between the Houthis and Saudi forces broke out in March 2015.",
     ("conflict", "Houthis", "Saudi Arabia"), ("2015-03", None)),
])
def test_a_fight_that_is_the_subject_starts_when_it_broke_out(
        extractor: Extractor, text: str, relation: tuple[str, str, str], expected: tuple[str | None, None]) -> None:
    assert dates_of(extract(extractor, text), *relation) == expected


@pytest.mark.parametrize(("text", "relation", "end"), [
    (("The Brotherhood, which was outlawed by Egyptian authorities in 2013 following the ousting of Mohamed "
     "Morsi, Egypt's first democratically elected president, has denied any links with the group."),
     ("leader_of", "Mohamed Morsi", "Egypt"), "2013"),
    (("Wali took charge of the Tehreek-e-Taliban Pakistan in 2018 after the killing of his predecessor Maulana "
     "Fazlullah in a drone attack in Afghanistan."), ("leader_of", "Maulana Fazlullah", "Tehrik-i-Taliban Pakistan"),
     "2018"),
    ("Al-Shabaab named a new emir in 2014 after the death of its leader Ahmed Abdi Godane.",
     ("leader_of", "Ahmed Abdi Godane", "al-Shabaab"), "2014"),
])
def test_the_ousting_or_death_of_a_leader_ends_the_leadership(
        extractor: Extractor, text: str, relation: tuple[str, str, str], end: str) -> None:
    assert dates_of(extract(extractor, text), *relation) == (None, end)


def test_the_ousting_of_a_leaders_forces_does_not_end_his_leadership(extractor: Extractor) -> None:
    text = "Hamas took control of Gaza in 2007 after the ousting of Fatah leader Mahmoud Abbas's forces."
    assert dates_of(extract(extractor, text), "leader_of", "Mahmoud Abbas", "Fatah") == (None, None)


@pytest.mark.parametrize(("text", "relation"), [
    ("Boko Haram's leader Abubakar Shekau released a video in March 2015.",
     ("leader_of", "Abubakar Shekau", "Boko Haram")),
    ("In 2016, Hezbollah leader Hassan Nasrallah launched a campaign against the Islamic State.",
     ("leader_of", "Hassan Nasrallah", "Hezbollah")),
    ("The JuA also splintered in 2017 as its commander Mukarram Khan created his own outfit, HuA.",
     ("leader_of", "Mukarram Khan", "Jamaat-ul-Ahrar")),
])
def test_what_a_leader_did_on_a_date_does_not_date_his_leadership(
        extractor: Extractor, text: str, relation: tuple[str, str, str]) -> None:
    assert dates_of(extract(extractor, text), *relation) == (None, None)


@pytest.mark.parametrize(("text", "relation"), [
    ("Hamas, which won the Palestinian elections in 2006, joined forces with Palestinian Islamic Jihad.",
     ("alliance", "Hamas", "Palestinian Islamic Jihad")),
    (("Al-Masri, along with Abu Musab al-Zarqawi, who was killed in 2006, formed the first al-Qaeda cell in "
     "Baghdad."), ("leader_of", "Al-Masri", "al Qaeda")),
])
def test_a_relative_clause_on_a_participant_dates_only_its_own_fact(
        extractor: Extractor, text: str, relation: tuple[str, str, str]) -> None:
    assert dates_of(extract(extractor, text), *relation) == (None, None)


@pytest.mark.parametrize(("text", "relation", "start"), [
    (("A statement issued on 12 March announced a new coalition. The statement said the Arakan Army had joined "
     "forces with the Kachin Independence Army."), ("alliance", "Arakan Army", "Kachin Independence Army"),
     "2020-03-12"),
    (("A video released on 9 February showed the group's new emir. In the video, the Nusra Front said it had "
     "merged with Jaish al-Muhajireen wal-Ansar."), ("merger", "Al Nusrah Front", "Jaysh al-Muhajireen wal-Ansar"),
     "2020-02-09"),
    ("The statement said the Arakan Army had joined forces with the Kachin Independence Army.",
     ("alliance", "Arakan Army", "Kachin Independence Army"), None),
])
def test_a_fact_the_statement_reports_takes_the_date_of_the_statement_told_before(
        extractor: Extractor, text: str, relation: tuple[str, str, str], start: str | None) -> None:
    assert dates_of(extract(extractor, text), *relation) == (start, None)


@pytest.mark.parametrize(("text", "relation", "start", "published"), [
    ("Yemen has been devastated by the war launched by Saudi Arabia against the Houthis in March 2015.",
     ("conflict", "Saudi Arabia", "Houthis"), "2015-03", PUBLISHED),
    (("Turkish warplanes struck Kurdish militants in northern Iraq early Saturday, expanding and complicating the "
     "air war launched by Turkey against the Islamic State in Syria the day before."),
     ("conflict", "Turkey", "Islamic State"), "2015-07-24", "2015-07-26"),
])
def test_a_war_launched_on_a_date_starts_then(extractor: Extractor, text: str, relation: tuple[str, str, str],
                                              start: str, published: str) -> None:
    assert dates_of(extract(extractor, text, published), *relation) == (start, None)


@pytest.mark.parametrize(("text", "relation"), [
    (("Mokhtar Belmokhtar founded al-Mourabitoun in 2013. Al-Mourabitoun, which splintered from al-Qaeda in the "
     "Islamic Maghreb, attacked a hotel in Bamako."), ("al-Mourabitoun", "al Qaeda in the Islamic Maghreb")),
    (("Ivan Marquez founded the Segunda Marquetalia in 2019. The Segunda Marquetalia, a FARC splinter, operates "
     "in Venezuela."), ("Segunda Marquetalia", "Revolutionary Armed Forces of Colombia")),
])
def test_a_splinter_split_when_the_text_says_it_was_founded(
        extractor: Extractor, text: str, relation: tuple[str, str]) -> None:
    start, _ = dates_of(extract(extractor, text), "splinter_of", *relation)
    assert start == text.split(" in ", 1)[1][:4]


def test_a_groups_founding_does_not_date_its_other_ties(extractor: Extractor) -> None:
    text = "Mokhtar Belmokhtar founded al-Mourabitoun in 2013. Al-Mourabitoun is allied with Ansar Dine."
    assert dates_of(extract(extractor, text), "alliance", "al-Mourabitoun", "Ansar Dine") == (None, None)


@pytest.mark.parametrize(("text", "start"), [
    ("Al-Shabaab has joined al-Qaeda, Ayman al-Zawahiri announced in a video.", "2020-06"),
    ("Al-Shabaab joined al-Qaeda, Ayman al-Zawahiri announced in a video.", None),
])
def test_has_joined_is_news_of_the_reports_month_and_joined_alone_has_no_date(
        extractor: Extractor, text: str, start: str | None) -> None:
    assert dates_of(extract(extractor, text), "allegiance", "al-Shabaab", "al Qaeda") == (start, None)


def test_joining_a_leaders_group_does_not_date_his_leadership(extractor: Extractor) -> None:
    ex = extract(extractor, "The IMU has officially joined Abu Bakr al-Baghdadi's Islamic State.")
    assert dates_of(ex, "leader_of", "Abu Bakr al-Baghdadi", "Islamic State") == (None, None)


@pytest.mark.parametrize(("text", "relation", "expected"), [
    ("Abu Omar al-Baghdadi led the Islamic State of Iraq between 2006 and 2010.",
     ("leader_of", "Abu Omar al-Baghdadi", "Islamic State"), ("2006", "2010")),
    ("Alfonso Cano led the FARC from 2008 to 2011.",
     ("leader_of", "Alfonso Cano", "Revolutionary Armed Forces of Colombia"), ("2008", "2011")),
    ("The Islamic Movement of Uzbekistan pledged allegiance to the Islamic State five years ago.",
     ("allegiance", "Islamic Movement of Uzbekistan", "Islamic State"), ("2015", None)),
    ("Hayat Tahrir al-Sham broke with al-Qaeda last year.",
     ("splinter_of", "Hay'at Tahrir al-Sham", "al Qaeda"), ("2019", None)),
])
def test_ranges_and_dates_relative_to_the_report(
        extractor: Extractor, text: str, relation: tuple[str, str, str], expected: tuple[str, str | None]) -> None:
    assert dates_of(extract(extractor, text), *relation) == expected


def test_a_standing_fact_in_the_present_perfect_gets_no_date(extractor: Extractor) -> None:
    ex = extract(extractor, "The Islamic Movement of Uzbekistan has officially joined the Islamic State.")
    assert dates_of(ex, "allegiance", "Islamic Movement of Uzbekistan", "Islamic State") == (None, None)


def status_of(ex: Extraction, rtype: str, subject: str, obj: str) -> tuple[str, str | None]:
    """(status, name of whom it is attributed to) of the one relation so named."""
    names = {a.id: a.name for a in ex.actors}
    found = [(r.status, names.get(r.attributed_to or "")) for r in ex.relations
             if r.type == rtype and names.get(r.subject) == subject and names.get(r.object) == obj]
    assert len(found) == 1, [(names.get(r.subject), r.type, names.get(r.object)) for r in ex.relations]
    return found[0]


@pytest.mark.parametrize(("text", "relation", "expected"), [
    # a title or description beside a name is the writer's word, whoever speaks or hedges around it
    ("The Taliban said they had killed Boko Haram commander Mamman Nur.",
     ("leader_of", "Mamman Nur", "Boko Haram"), ("asserted", None)),
    ("The Islamic State said it had captured Lashkar-e-Taiba commander Zakiur Rehman Lakhvi.",
     ("leader_of", "Zakiur Rehman Lakhvi", "Lashkar-e-Taiba"), ("asserted", None)),
    ("The group is believed to have links of some kind with Ansaru, Boko Haram's breakaway faction.",
     ("splinter_of", "Ansaru", "Boko Haram"), ("asserted", None)),
    ("Suspected Boko Haram commander Mamman Nur was arrested.",
     ("leader_of", "Mamman Nur", "Boko Haram"), ("uncertain", None)),
    # hedges
    ("Hurras al-Din is viewed as al-Qaeda's Syrian affiliate.", ("branch_of", "Hurras al-Din", "al Qaeda"),
     ("uncertain", None)),
    ("Jund al-Khilafah is regarded as the Islamic State's Algerian branch.",
     ("branch_of", "Jund al-Khilafah", "Islamic State"), ("uncertain", None)),
    ("It is claimed that Hezbollah fought alongside the Houthis.", ("alliance", "Hezbollah", "Houthis"),
     ("uncertain", None)),
    # a party's word is its claim; an act announced is done; a report with no named source is the article's
    ("The Taliban claimed that the Haqqani Network had merged with it.", ("merger", "Haqqani Network", "Taliban"),
     ("claimed", "Taliban")),
    ("The Jamaat-ul-Ahrar and the Hizb-ul-Ahrar announced they would merge.",
     ("merger", "Jamaat-ul-Ahrar", "Hizb-ul-Ahrar"), ("asserted", None)),
    ("The Islamic Movement of Uzbekistan announced that it had pledged allegiance to the Islamic State.",
     ("allegiance", "Islamic Movement of Uzbekistan", "Islamic State"), ("asserted", None)),
    ("The statement said the Arakan Army had joined forces with the Kachin Independence Army.",
     ("alliance", "Arakan Army", "Kachin Independence Army"), ("asserted", None)),
    ("Media reports said Hezbollah had fought alongside the Houthis.", ("alliance", "Hezbollah", "Houthis"),
     ("asserted", None)),
])
def test_status_follows_whose_word_the_relation_rests_on(
        extractor: Extractor, text: str, relation: tuple[str, str, str], expected: tuple[str, str | None]) -> None:
    assert status_of(extract(extractor, text), *relation) == expected


@pytest.mark.parametrize(("text", "rtype", "subject", "obj", "start", "end"), [
    ("Faruq al-Suri became the military commander of al-Nusra Front but left the group in 2016.", "leader_of",
     "Faruq al-Suri", "Al Nusrah Front", None, "2016"),
    ("Ivan Marquez became a FARC commander and led the 2016 peace talks.", "leader_of", "Ivan Marquez",
     "Revolutionary Armed Forces of Colombia", None, None),
])
def test_a_coordinated_clause_dates_its_own_act_not_the_office(extractor: Extractor, text: str, rtype: str,
                                                               subject: str, obj: str, start: str | None,
                                                               end: str | None) -> None:
    assert dates_of(extract(extractor, text), rtype, subject, obj) == (start, end)
