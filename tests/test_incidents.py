"""Incidents as events (issue 12): incidents without a named actor, roles from the verb's own arguments, claims,
unidentified perpetrators, datelines, all-caps wire copy. Sentences written for these tests, from several wars."""

from __future__ import annotations

import pytest

from factionmap.dates.datelines import find_dateline_place
from factionmap.extract import Extractor
from factionmap.extract.truecase import is_single_case
from factionmap.records import Document, Extraction

pytestmark = pytest.mark.issue(12)
INCIDENTS = ("attack", "killing", "capture")


def extract(extractor: Extractor, text: str, published: str | None = "2019-03-14") -> Extraction:
    return extractor.extract(Document("t", text, "test", published=published, published_from="metadata"))


def incidents(ex: Extraction) -> list[tuple[str, str | None, str | None]]:
    """(type, actor name, actor kind) of each incident event."""
    names = {a.id: (a.name, a.kind) for a in ex.actors}
    out = []
    for e in ex.events:
        if e.type in INCIDENTS:
            actor = next((names[p.ref] for p in e.participants if p.role == "actor"), (None, None))
            out.append((e.type, *actor))
    return out


@pytest.mark.parametrize(("text", "kind"), [
    ("Gunmen killed three soldiers near Gao on Tuesday.", "killing"),
    ("Several suspected insurgents were detained by police in Kupwara.", "capture"),
    ("A bomb exploded near a checkpoint in Mogadishu, wounding four people.", "attack"),
    ("Unidentified men kidnapped an engineer on the road to Zamboanga.", "capture"),
    ("A car bomb went off outside the governor's office in Raqqa.", "attack"),
])
def test_incident_without_a_named_actor_is_an_event(extractor: Extractor, text: str, kind: str) -> None:
    assert kind in [t for t, _, _ in incidents(extract(extractor, text))]


@pytest.mark.parametrize(("text", "kind", "group"), [
    ("Al-Shabaab militants attacked a police station in Mandera.", "attack", "al-Shabaab"),
    ("Two teachers were killed by FARC guerrillas in Cauca department.", "killing", "Revolutionary Armed Forces"),
    ("ISWAP fighters abducted 20 passengers near Monguno.", "capture", "Islamic State West Africa Province"),
    ("The Abu Sayyaf kidnapped three tourists in Sulu.", "capture", "Abu Sayyaf"),
])
def test_a_description_of_a_named_group_is_the_group(extractor: Extractor, text: str, kind: str, group: str) -> None:
    found = incidents(extract(extractor, text))
    assert any(t == kind and k == "armed_group" and name and group.lower()[:6] in name.lower()
               for t, name, k in found), found


def test_described_perpetrator_is_an_explicit_unidentified_actor_of_the_country(extractor: Extractor) -> None:
    ex = extract(extractor, "Gunmen on motorcycles killed five villagers in Mopti, Mali.")
    found = incidents(ex)
    assert ("killing", "unidentified armed group (Mali)", "unidentified") in found, found


@pytest.mark.parametrize("text", [
    "The group will continue to assassinate its leaders.",
    "The rebels threatened to kill the hostages in Basilan.",
    "Troops prevented an attack on the convoy near Idlib.",
    "The Taliban did not attack the district centre.",
])
def test_future_threatened_prevented_or_denied_incidents_are_not_events(extractor: Extractor, text: str) -> None:
    assert incidents(extract(extractor, text)) == []


def test_claim_of_responsibility_names_the_perpetrator_of_an_earlier_incident(extractor: Extractor) -> None:
    text = ("A bomb exploded at a market in Jammu on Monday, killing two people.\n\n"
            "Police said Jaish-e-Mohammed claimed responsibility for the blast.")
    found = incidents(extract(extractor, text))
    assert any(name and "Jaish" in name for _, name, _ in found), found


def test_blame_on_a_group_makes_it_the_perpetrator(extractor: Extractor) -> None:
    ex = extract(extractor, "The army blamed the bombing of the pipeline on the ELN.")
    found = incidents(ex)
    assert any(name and ("ELN" in name or "National Liberation Army" in name) for _, name, _ in found), found


def test_incident_told_twice_is_one_event(extractor: Extractor) -> None:
    text = ("Gunmen killed a village chief in Kidal on Sunday.\n\n"
            "The chief was killed in Kidal on Sunday, residents said.")
    assert [t for t, _, _ in incidents(extract(extractor, text))].count("killing") == 1


def test_wire_dateline_dates_and_places_the_incident(extractor: Extractor) -> None:
    text = ("   BOGOTA, 12 JAN 90 (EFE) -- [TEXT] UNIDENTIFIED GUNMEN YESTERDAY MURDERED A JUDGE AS HE LEFT HIS "
            "HOME. POLICE SAID THE KILLERS ESCAPED IN A CAR. THE JUDGE HAD RECEIVED THREATS FOR SEVERAL WEEKS "
            "BEFORE THE CRIME, HIS FAMILY SAID.")
    ex = extract(extractor, text, "1990-01-12")
    places = {p.id: p for p in ex.places}
    killings = [e for e in ex.events if e.type == "killing"]
    assert killings and killings[0].date == "1990-01-11"
    assert places[killings[0].place or ""].country == "CO"
    assert killings[0].evidence.text == text[killings[0].evidence.start:killings[0].evidence.end]


def test_all_caps_wire_copy_finds_the_named_group(extractor: Extractor) -> None:
    text = ("   LIMA, 3 MAY 90 (AFP) -- [TEXT] A GROUP OF TERRORISTS OF THE TUPAC AMARU REVOLUTIONARY MOVEMENT "
            "[MRTA] TODAY ATTACKED A POLICE STATION IN THE DEPARTMENT OF JUNIN. THE ATTACKERS FLED AFTER A "
            "SHOOTOUT THAT LASTED AN HOUR, THE POLICE SAID. IS THE REGION SAFE, ASKED A RESIDENT.")
    ex = extract(extractor, text, "1990-05-03")
    found = incidents(ex)
    assert any(k == "armed_group" and name and "Tupac Amaru" in name for _, name, k in found), found
    assert not any("Islamic State" in a.name for a in ex.actors)


@pytest.mark.parametrize(("text", "place"), [
    ("   SAN SALVADOR, 3 JAN 90 -- [REPORT] THE ARMY", "SAN SALVADOR"),
    ("KABUL, Afghanistan (Jan. 25, 2013) — Taliban", "KABUL"),
    ("Headline\nMOGADISHU, Somalia — Al-Shabaab", "MOGADISHU"),
    ("MAIDUGURI (Reuters) - Gunmen", "MAIDUGURI"),
])
def test_dateline_place_is_read_wherever_the_wire_puts_it(text: str, place: str) -> None:
    span = find_dateline_place(text)
    assert span is not None and text[span[0]:span[1]] == place


def test_single_case_text_is_told_from_mixed_case() -> None:
    assert is_single_case("GUNMEN KILLED THREE SOLDIERS NEAR GAO ON TUESDAY, OFFICIALS SAID. " * 3)
    assert not is_single_case("Gunmen killed three soldiers near Gao on Tuesday, officials said. " * 3)


@pytest.mark.parametrize(("text", "group"), [
    ("A bomb exploded outside the mayor's office in Cucuta. Police said the bombing was the work of the ELN.",
     "National Liberation Army"),
    (("The ambush near Kupwara killed four soldiers. Officials said the attack was the handiwork of "
      "Lashkar-e-Taiba."), "Lashkar-e-Taiba"),
    ("Gunmen stormed a church in Kaduna on Sunday. The government blamed Boko Haram fighters for the attack.",
     "Boko Haram"),
])
def test_authorship_said_later_names_the_perpetrator(extractor: Extractor, text: str, group: str) -> None:
    assert any(name == group for _, name, _ in incidents(extract(extractor, text)))


def test_denied_responsibility_names_no_perpetrator(extractor: Extractor) -> None:
    text = "A bomb exploded near the market in Maiduguri. Boko Haram bears no responsibility for the blast."
    assert not any(name == "Boko Haram" for _, name, _ in incidents(extract(extractor, text)))


def events_of(ex: Extraction, kind: str) -> list[list[tuple[str, str]]]:
    names = {a.id: a.name for a in ex.actors}
    return [[(p.role, names[p.ref]) for p in e.participants] for e in ex.events if e.type == kind]


@pytest.mark.parametrize("text", [
    "Al-Shabaab said in a statement on Wednesday that it had attacked the base.",
    "The Taliban announced in a video message that their leader had died.",
])
def test_a_group_speaking_in_a_statement_or_video_is_propaganda(extractor: Extractor, text: str) -> None:
    found = events_of(extract(extractor, text), "propaganda")
    assert found and found[0][0][0] == "actor"


def test_a_person_founding_a_group_and_a_group_founded_are_foundings(extractor: Extractor) -> None:
    assert [("actor", "Heriberto Lazcano"), ("target", "Los Zetas")] in events_of(
        extract(extractor, "Heriberto Lazcano founded Los Zetas in 1999."), "founding")
    passive = extract(extractor, "In Derna, the Derna Mujahideen Shura Council was created in December 2014.")
    assert [("target", "Derna Mujahideen Shura Council")] in events_of(passive, "founding")


def test_claim_in_a_later_paragraph_of_wire_copy_names_the_perpetrator(extractor: Extractor) -> None:
    text = ("   MANILA, 4 FEB 19 -- [TEXT] A BOMB EXPLODED YESTERDAY OUTSIDE A CATHEDRAL IN JOLO, WOUNDING TWO.\n\n"
            "   THE BLAST DAMAGED SEVERAL SHOPS NEARBY.\n\n"
            "   THE ABU SAYYAF CLAIMED RESPONSIBILITY FOR THE ATTACK IN A MESSAGE TO A LOCAL RADIO STATION.")
    found = incidents(extract(extractor, text, "2019-02-04"))
    assert any(name and "Abu Sayyaf" in name for _, name, _ in found), found


def test_claim_far_after_the_incident_names_no_perpetrator(extractor: Extractor) -> None:
    text = ("A roadside bomb killed a soldier near Kandahar on Monday.\n\nThe soldier was 24.\n\nHe had served "
            "two tours.\n\nHis family lives in the city.\n\nIn an unrelated statement, the Taliban claimed "
            "responsibility for last year's attack on a bank in Kabul.")
    ex = extract(extractor, text)
    first = next(e for e in ex.events if e.type == "killing")
    names = {a.id: a.name for a in ex.actors}
    assert not any(names.get(p.ref) == "Taliban" for p in first.participants)


@pytest.mark.parametrize(("text", "kind", "country"), [
    ("NAIROBI, Kenya (Reuters) - Gunmen attacked a police post near the border on Tuesday, officials said.",
     "attack", "Kenya"),
    ("KABUL, Afghanistan (Jan. 25, 2013) — Gunmen kidnapped five engineers in Nad Ali district on Thursday.",
     "capture", "Afghanistan"),
])
def test_dateline_words_are_never_the_perpetrator(extractor: Extractor, text: str, kind: str, country: str) -> None:
    found = incidents(extract(extractor, text))
    assert (kind, f"unidentified armed group ({country})", "unidentified") in found, found


def test_acronym_introduced_in_brackets_is_read_again_in_all_caps_copy(extractor: Extractor) -> None:
    text = ("   BOGOTA, 9 JAN 90 (EFE) -- [TEXT] THE NATIONAL LIBERATION ARMY (ELN) HAS BEEN ACTIVE IN THE NORTH FOR "
            "YEARS. A MAYOR WAS KIDNAPPED YESTERDAY BY ELN GUERRILLAS WHILE HE WAS TRAVELING ON THE RIVER, "
            "THE POLICE SAID.")
    found = incidents(extract(extractor, text, "1990-01-09"))
    assert ("capture", "National Liberation Army", "armed_group") in found, found


@pytest.mark.parametrize(("text", "country"), [
    (("   LA PAZ, 21 MAR 89 (EFE) -- [TEXT] A BOMB EXPLODED TODAY NEAR THE U.S. EMBASSY, DAMAGING TWO CARS. THE "
     "POLICE SAID THE U.S. DIPLOMATS WERE UNHURT AND THAT THE ATTACKERS FLED IN A TRUCK TOWARD THE CITY CENTER."),
     "BO"),
    (("   QUITO, 2 JUN 89 (EFE) -- [TEXT] GUNMEN KILLED A GUARD TODAY OUTSIDE THE U.S. CONSULATE. THE POLICE "
      "SAID THE GUNMEN FLED IN A CAR AND THAT AN INVESTIGATION WAS UNDER WAY IN THE CITY."), "EC"),
])
def test_wire_city_with_an_article_and_a_foreign_embassy_is_placed_in_its_own_country(
        extractor: Extractor, text: str, country: str) -> None:
    ex = extract(extractor, text, "1989-03-21")
    places = {p.id: p for p in ex.places}
    found = [places[e.place].country for e in ex.events if e.type in INCIDENTS and e.place in places]
    assert found and all(c == country for c in found), found


def participants(ex: Extraction, kind: str) -> list[set[tuple[str, str]]]:
    names = {a.id: a.name for a in ex.actors}
    return [{(p.role, names[p.ref]) for p in e.participants} for e in ex.events if e.type == kind]


@pytest.mark.parametrize(("text", "kind", "actor"), [
    ("The AQAP commander was killed by a U.S. drone strike in Shabwa last June.", "killing", "United States"),
    ("Five policemen were killed in an attack by Boko Haram fighters near Maiduguri.", "killing", "Boko Haram"),
    ("Three villagers died when they were killed during a raid by al-Shabaab near Kismayo.", "killing", "al-Shabaab"),
])
def test_the_deed_or_weapon_a_killing_happened_in_names_its_perpetrator(
        extractor: Extractor, text: str, kind: str, actor: str) -> None:
    found = participants(extract(extractor, text), kind)
    assert any(("actor", actor) in roles for roles in found), found


@pytest.mark.parametrize(("text", "state"), [
    ("On Tuesday a pair of suicide bombers targeted Kampala, killing three people.", "Uganda"),
    ("Fighters of the Russian Volunteer Corps raided Russia's Belgorod region in May.", "Russia"),
    ("Rebels shelled the town of Goma on Sunday.", "Democratic Republic of the Congo"),
])
def test_an_attack_on_a_place_targets_the_state_it_lies_in(extractor: Extractor, text: str, state: str) -> None:
    found = participants(extract(extractor, text), "attack")
    assert any(("target", state) in roles for roles in found), found


def test_a_foretold_explosion_is_no_incident(extractor: Extractor) -> None:
    assert incidents(extract(extractor, "Without a political solution there will be a social explosion in Lima.")) == []


def test_an_event_the_text_does_not_date_takes_the_report_date(extractor: Extractor) -> None:
    text = "The United States has designated the Egyptian group Hasm as a terrorist organisation, officials said."
    ex = extract(extractor, text, "2021-01-15")
    assert [e.date for e in ex.events if e.type == "designation"] == ["2021-01-15"]


@pytest.mark.parametrize(("text", "keeper", "target"), [
    ("Kata'ib Hizballah, designated as a Foreign Terrorist Organization in July 2009, denied the report.",
     "United States", "Kata'ib Hezbollah"),
    ("Lashkar-e-Taiba, listed as a foreign terrorist organisation, is based in Muridke.",
     "United States", "Lashkar-e-Taiba"),
])
def test_a_designation_without_designator_takes_the_keeper_of_its_list(
        extractor: Extractor, text: str, keeper: str, target: str) -> None:
    found = participants(extract(extractor, text), "designation")
    assert any(("actor", keeper) in roles and ("target", target) in roles for roles in found), found


def test_a_designation_on_an_unknown_list_gets_no_made_up_designator(extractor: Extractor) -> None:
    found = participants(extract(extractor, "Boko Haram, banned as a criminal gang in 2013, attacked Bama."),
                         "designation")
    assert not any(role == "actor" for roles in found for role, _ in roles), found


@pytest.mark.parametrize(("text", "actor", "target"), [
    ("Turkish warplanes struck PKK camps in northern Iraq early Saturday.", "Turkey", None),
    ("U.S. strikes in Iraq and Syria on Sunday targeted the Kataib Hezbollah militia group.", "United States",
     "Kata'ib Hezbollah"),
    ("Ethiopian troops have killed more than 300 Fano fighters in the Amhara region, the army said.", "Ethiopia",
     "Fano"),
])
def test_weapons_and_forces_stand_for_who_wields_them(
        extractor: Extractor, text: str, actor: str, target: str | None) -> None:
    found = [r for kind in INCIDENTS for r in participants(extract(extractor, text), kind)]
    assert any(("actor", actor) in roles and (target is None or ("target", target) in roles) for roles in found), found


@pytest.mark.parametrize(("text", "group"), [
    (('   MANILA, 3 MAR 19 -- [TEXT] A GROUP CALLING ITSELF THE "SULU FREEDOM COMMAND" TODAY CLAIMED RESPONSIBILITY '
     "FOR THE BOMBING OF A FERRY IN ZAMBOANGA THAT KILLED SEVEN PASSENGERS, THE COAST GUARD SAID."),
     "Sulu Freedom Command"),
    (("   LIMA, 11 JAN 90 -- [TEXT] THE MRTA [TUPAC AMARU REVOLUTIONARY MOVEMENT] TODAY DISTRIBUTED LEAFLETS "
     "CLAIMING RESPONSIBILITY FOR THE MURDER OF A FORMER MINISTER IN HIS HOME IN THE CAPITAL, THE POLICE SAID."),
     "Tupac Amaru Revolutionary Movement"),
])
def test_a_group_claiming_an_incident_in_wire_copy_is_its_armed_perpetrator(
        extractor: Extractor, text: str, group: str) -> None:
    found = incidents(extract(extractor, text, "1990-01-11"))
    assert any(name == group and k == "armed_group" for _, name, k in found), found


@pytest.mark.parametrize("text", [
    "The ministry said donors gave the militia money to murder opponents in Darfur.",
    "The minister said the FMLN attacks the civilian population in a brutal manner.",
    "The ELN plans to continue its sabotage and its attacks on the pipeline in Arauca.",
])
def test_purposes_habits_and_plans_are_no_incidents(extractor: Extractor, text: str) -> None:
    assert incidents(extract(extractor, text)) == []


def test_a_headline_in_the_present_reports_the_news(extractor: Extractor) -> None:
    text = "Gunmen kill three soldiers near Gao\nGunmen killed three soldiers near Gao on Tuesday, officials said."
    assert "killing" in [t for t, _, _ in incidents(extract(extractor, text))]


@pytest.mark.parametrize(("text", "country"), [
    (("   BOGOTA, 20 AUG 89 (AFP) -- [TEXT] GUNMEN KILLED A JUDGE TODAY AS HE LEFT HIS HOME. THE U.S. GOVERNMENT "
     "CONDEMNED THE CRIME AND THE UNITED STATES OFFERED HELP, WASHINGTON SAID."), "CO"),
    (("   SUCRE, 3 SEP 89 (PRESENCIA) -- [TEXT] A BOMB EXPLODED TODAY AT THE HOME OF A JUDGE. THE POLICE SAID NO ONE "
     "WAS HURT AND THAT THE ATTACKERS FLED IN A CAR."), "BO"),
    (("SANTIAGO, 18 JUL 89 (TELEVISION NACIONAL) -- [TEXT] A BOMB EXPLODED TODAY AT A BANK. THE POLICE SAID NO ONE "
     "WAS HURT AND THAT THE ATTACKERS FLED IN A CAR."), "CL"),
])
def test_a_dateline_names_the_city_of_standing_the_wire_filed_from(
        extractor: Extractor, text: str, country: str) -> None:
    ex = extract(extractor, text, "1989-08-20")
    places = {p.id: p for p in ex.places}
    found = [places[e.place].country for e in ex.events if e.type in INCIDENTS and e.place in places]
    assert found and all(c == country for c in found), found


def test_guerrillas_in_a_report_naming_one_armed_group_are_that_groups(extractor: Extractor) -> None:
    text = ("Police in Cucuta said the ELN had threatened local officials for weeks. On Monday night urban "
            "guerrillas threw two grenades at the mayor's office, wounding a guard.")
    assert any(name == "National Liberation Army" for _, name, _ in incidents(extract(extractor, text)))


def test_guerrillas_in_a_report_naming_two_armed_groups_stay_unidentified(extractor: Extractor) -> None:
    text = ("The ELN and the FARC both operate near Cucuta. On Monday night urban guerrillas threw two grenades "
            "at the mayor's office, wounding a guard.")
    found = incidents(extract(extractor, text))
    assert found and not any(k == "armed_group" for _, _, k in found), found


def test_unidentified_gunmen_in_a_report_naming_one_group_stay_unidentified(extractor: Extractor) -> None:
    text = ("Police in Cucuta said the ELN had threatened local officials for weeks. On Monday night unidentified "
            "terrorists threw two grenades at the mayor's office, wounding a guard.")
    found = incidents(extract(extractor, text))
    assert found and not any(k == "armed_group" for _, _, k in found), found


def _targets(ex: Extraction, kind: str) -> set[str]:
    names = {a.id: a.name for a in ex.actors}
    return {names[p.ref] for e in ex.events if e.type == kind for p in e.participants if p.role == "target"}


@pytest.mark.parametrize(("text", "kind", "state"), [
    ("Two policemen were killed by Taliban gunmen in Kunar province.", "killing", "Afghanistan"),
    ("Gunmen killed three soldiers near Gao on Tuesday.", "killing", "Mali"),
    ("Fano fighters captured 98 soldiers in the Amhara region of Ethiopia.", "capture", "Ethiopia"),
])
def test_forces_without_an_owner_are_the_forces_of_the_incidents_state(extractor: Extractor, text: str, kind: str,
                                                                      state: str) -> None:
    assert state in _targets(extract(extractor, text), kind)


def test_forces_with_an_owner_are_that_owners(extractor: Extractor) -> None:
    targets = _targets(extract(extractor, "Al-Shabaab fighters killed two US soldiers in Kismayo."), "killing")
    assert targets == {"United States"}


def test_forces_of_an_incident_with_no_place_are_nobodys(extractor: Extractor) -> None:
    assert not _targets(extract(extractor, "Gunmen killed three soldiers on Tuesday."), "killing")
