"""What an event coder fills in (issue 12): the report's day, the keeper of a designation list."""

from __future__ import annotations

import pytest

from factionmap.extract.event_defaults import EventDefaults, fold_list
from factionmap.lookup.kb import KnowledgeBase
from factionmap.records import Event, Participant, Place, Span

pytestmark = pytest.mark.issue(12)


@pytest.fixture(scope="module")
def defaults() -> EventDefaults:
    return EventDefaults.from_kb(KnowledgeBase.load())


def designation(listed: str | None, actor: str | None = None, date: str | None = None) -> Event:
    roles = (Participant("target", "kb:G:x"), *((Participant("actor", actor),) if actor else ()))
    return Event("designation", roles, Span("...", 0, 3), date, attributes=(("list", listed),) if listed else ())


def test_list_names_fold_spelling_and_number() -> None:
    assert fold_list("Foreign Terrorist Organisations") == fold_list("Foreign Terrorist Organization")


def test_an_undated_event_takes_the_report_day_and_a_dated_one_keeps_its_own(defaults: EventDefaults) -> None:
    done = defaults([designation(None), designation(None, date="2009-07")], "2024-06-17")
    assert [e.date for e in done.events] == ["2024-06-17", "2009-07"]


def test_the_keeper_of_a_known_list_designates(defaults: EventDefaults) -> None:
    done = defaults([designation("a Specially Designated Global Terrorist")], None)
    assert [p for p in done.events[0].participants if p.role == "actor"] == [Participant("actor", "kb:S:US")]
    assert [m.name for m in done.added] == ["United States"]


@pytest.mark.parametrize("event", [designation("a criminal gang"), designation(
    "a Foreign Terrorist Organization", actor="kb:S:GB")])
def test_no_keeper_for_unknown_lists_or_named_designators(defaults: EventDefaults, event: Event) -> None:
    done = defaults([event], None)
    assert done.events == [event] and done.added == []


RU = Place("p1", "Belgorod", "RU", "ADM1", 50.6, 36.6, mentions=(Span("Belgorod", 20, 28),), key="p1")
ELSEWHERE = Place("p1", "Belgorod", "RU", "ADM1", 50.6, 36.6, mentions=(Span("Belgorod", 500, 508),), key="p1")


def attack(*roles: tuple[str, str], place: str | None = "p1") -> Event:
    return Event("attack", tuple(Participant(r, k) for r, k in roles), Span("x" * 60, 0, 60), "2023-06", place)


def test_an_armed_groups_attack_on_no_named_target_struck_the_state_where_it_happened(
        defaults: EventDefaults) -> None:
    done = defaults([attack(("actor", "kb:G:rvc"))], None, [RU])
    assert done.events[0].participants[-1] == Participant("target", "kb:S:RU")
    assert [(m.name, m.kind) for m in done.added] == [("Russia", "state")]


@pytest.mark.parametrize("event", [
    attack(("actor", "kb:G:rvc"), ("target", "kb:G:wagner")),  # a named target stays the only one
    attack(("actor", "kb:S:UA")),  # a state's own attack
    attack(("actor", "unidentified:unidentified armed group:RU")),  # ACLED's civilians, not the state
    attack(("target", "kb:G:wagner")),  # no perpetrator
])
def test_no_struck_state_for_named_targets_states_unidentified_or_placeless_attacks(
        defaults: EventDefaults, event: Event) -> None:
    assert defaults([event], None, [RU]).events == [event]


@pytest.mark.parametrize("event", [attack(("actor", "kb:G:rvc")), attack(("actor", "kb:G:rvc"), place=None)])
def test_no_struck_state_for_a_place_only_the_sentences_around_name(defaults: EventDefaults, event: Event) -> None:
    assert defaults([event], None, [ELSEWHERE]).events == [event]


def test_a_place_named_in_the_attacks_sentence_places_it(defaults: EventDefaults) -> None:
    done = defaults([attack(("actor", "kb:G:rvc"), place=None)], None, [RU])
    assert done.events[0].participants[-1] == Participant("target", "kb:S:RU")


def test_an_attack_told_as_hitting_civilians_struck_no_state(defaults: EventDefaults) -> None:
    event = Event("attack", (Participant("actor", "kb:G:rvc"),), Span("Shelling of Belgorod killed four civilians", 0, 43),
                  "2023-06", "p1")
    belgorod = Place("p1", "Belgorod", "RU", "ADM1", 50.6, 36.6, mentions=(Span("Belgorod", 12, 20),), key="p1")
    assert defaults([event], None, [belgorod]).events == [event]
