"""As-of semantics over partial dates (factionmap.timeline)."""

from __future__ import annotations

from datetime import date

import pytest

from factionmap.errors import InvalidDate
from factionmap.timeline import (
    Superseded,
    TimedFact,
    check_date,
    earliest,
    effective_end,
    happened_by,
    happened_during,
    in_force,
    latest,
    lower_bound,
    sort_key,
    supersessions,
    upper_bound,
)


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [
        ("2015", date(2015, 1, 1), date(2015, 12, 31)),
        ("2015-08", date(2015, 8, 1), date(2015, 8, 31)),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
        ("2015-08-06", date(2015, 8, 6), date(2015, 8, 6)),
    ],
)
def test_partial_date_covers_the_days_it_can_mean(value: str, low: date, high: date) -> None:
    assert (lower_bound(value), upper_bound(value)) == (low, high)


@pytest.mark.parametrize("value", ["15", "2015-13", "2015-02-30", "2015/08/06", "Aug 2015", "2015-8-6", ""])
def test_malformed_date_is_rejected_with_the_accepted_forms(value: str) -> None:
    with pytest.raises(InvalidDate, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        lower_bound(value)


@pytest.mark.parametrize(
    ("start", "end", "as_of", "expected"),
    [
        (None, "2015-08-06", "2016-01-01", False),  # the IMU's alliance with the Taliban, after the switch
        (None, "2015-08-06", "2015-01-01", True),  # ... and before it
        (None, "2015-08-06", "2015-08-06", True),  # the end day itself still counts
        (None, "2015-08", "2015-08-31", True),  # a month-precise end holds to the month's last day
        ("2015-08-20", None, "2015-08-19", False),
        ("2015-08", None, "2015-08-01", True),  # a month-precise start holds from the month's first day
        (None, None, "1990-01-01", True),  # no dates: in force at any date
        ("2009", "2014-06", "2012-05-05", True),
        ("2009", "2014-06", "2014-07-01", False),
        ("2015-08-20", None, "2015", True),  # partial as_of: in force at some day within it
        (None, "2014-06", "2015", False),
    ],
)
def test_relation_in_force_on_a_date(start: str | None, end: str | None, as_of: str, expected: bool) -> None:
    assert in_force(start, end, as_of) is expected


def test_in_force_accepts_a_date_object() -> None:
    assert in_force("2015", None, date(2015, 6, 1))


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("date_", "since", "until", "expected"),
    [
        ("2015-08", None, "2015", True),
        ("2015-08", None, "2015-07", False),
        ("2015", None, "2015-01-01", True),  # some day of 2015 is on or before 1 January 2015
        (None, None, "2030", False),  # an undated event happened by no date
        (None, None, None, True),  # ... but is in a view that gives no date
        (None, "2014", None, False),
        ("2015-08", "2015-09", None, False),
        ("2015-08", "2015-08-31", "2016", True),
    ],
)
def test_an_event_is_in_a_dated_view_only_when_its_date_falls_in_it(
    date_: str | None, since: str | None, until: str | None, expected: bool
) -> None:
    assert happened_during(date_, since, until) is expected
    if since is None:
        assert happened_by(date_, until) is expected


def test_earliest_and_latest_compare_partial_dates_by_their_bounds() -> None:
    assert earliest(["2015-08-06", None, "2015", "2016-01"]) == "2015"
    assert latest(["2015-08-06", None, "2015", "2014-12-31"]) == "2015"
    assert earliest([None, None]) is None and latest([]) is None


def test_sort_key_orders_chronologically_with_undated_last() -> None:
    dates = ["2015-08-20", None, "2009", "2015-08", "2014-06"]
    assert sorted(dates, key=sort_key) == ["2009", "2014-06", "2015-08", "2015-08-20", None]


IMU, TALIBAN, ISLAMIC_STATE, BAGHDADI, MANSOUR, IJU = 1, 2, 3, 4, 5, 6


def test_allegiance_ends_when_a_later_allegiance_to_another_side_starts() -> None:
    old = TimedFact(10, "allegiance", IMU, TALIBAN, start="2001")
    new = TimedFact(11, "allegiance", IMU, ISLAMIC_STATE, start="2015-08-06")
    found = supersessions([old, new])
    assert found == {10: Superseded("2015-08-06", 11)}
    assert effective_end(old, found) == "2015-08-06"
    assert effective_end(new, found) is None


def test_undated_allegiance_is_never_superseded() -> None:
    undated = TimedFact(10, "allegiance", IMU, ISLAMIC_STATE)
    dated = TimedFact(11, "allegiance", IMU, TALIBAN, start="2001")
    assert supersessions([undated, dated]) == {}


def test_allegiance_that_already_ended_keeps_its_end() -> None:
    old = TimedFact(10, "allegiance", IMU, TALIBAN, start="2001", end="2010")
    new = TimedFact(11, "allegiance", IMU, ISLAMIC_STATE, start="2015-08-06")
    assert supersessions([old, new]) == {}


def test_pledge_to_the_groups_leader_does_not_supersede_allegiance_to_the_group() -> None:
    group = TimedFact(10, "allegiance", IJU, TALIBAN, start="2001")
    leader = TimedFact(11, "allegiance", IJU, MANSOUR, start="2015-08-20")
    assert supersessions([group, leader], leads={MANSOUR: {TALIBAN}}) == {}
    assert supersessions([group, leader]) == {10: Superseded("2015-08-20", 11)}


def test_open_alliance_ends_when_a_party_pledges_to_the_allys_enemy() -> None:
    alliance = TimedFact(10, "alliance", IMU, TALIBAN)
    pledge = TimedFact(11, "allegiance", IMU, BAGHDADI, start="2015-08-06")
    conflict = TimedFact(12, "conflict", TALIBAN, ISLAMIC_STATE, start="2015")
    found = supersessions([alliance, pledge, conflict], leads={BAGHDADI: {ISLAMIC_STATE}})
    assert found == {10: Superseded("2015-08-06", 11)}


def test_open_alliance_stands_when_the_new_patron_is_not_hostile_to_the_ally() -> None:
    alliance = TimedFact(10, "alliance", TALIBAN, IMU)
    pledge = TimedFact(11, "allegiance", IMU, ISLAMIC_STATE, start="2015-08-06")
    assert supersessions([alliance, pledge]) == {}


def test_one_check_for_a_date_a_user_gives_pads_on_the_command_line_and_is_strict_in_the_api() -> None:
    assert (check_date("2015-8", pad=True), check_date(None, pad=True)) == ("2015-08", None)
    assert (check_date("2015-08"), check_date(""), check_date(None)) == ("2015-08", None, None)
    for value, pad in (("2015-8", False), ("", True), ("2015-02-30", True), ("Aug 2015", False)):
        with pytest.raises(InvalidDate):
            check_date(value, pad=pad)
