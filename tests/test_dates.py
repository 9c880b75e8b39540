"""Partial dates and the temporal expressions of news text (factionmap.dates.expressions)."""

from __future__ import annotations

from datetime import date

import pytest

from factionmap.dates.expressions import (
    DateExpression,
    date_bounds,
    find_date_expressions,
    find_dateline,
    infer_publication_date,
    parse_partial_date,
    precision,
)
from factionmap.errors import InvalidDate


def resolved(text: str, published: str | None = None) -> list[tuple[str, str | None, str]]:
    """Return (text, value, role) for every expression of ``text``."""
    return [(e.text, e.value, e.role) for e in find_date_expressions(text, published)]


def value_of(text: str, phrase: str, published: str | None = None) -> str | None:
    """Return the value of the one expression whose text is ``phrase``."""
    matches = [e.value for e in find_date_expressions(text, published) if e.text == phrase]
    assert len(matches) == 1, resolved(text, published)
    return matches[0]


# Partial dates


@pytest.mark.parametrize(("raw", "normal"), [
    ("2015", "2015"), ("2015-8", "2015-08"), ("2015-08-20", "2015-08-20"), ("2015-8-2", "2015-08-02"), (" 1990 ", "1990"),
])
def test_parse_partial_date_zero_pads(raw: str, normal: str) -> None:
    assert parse_partial_date(raw) == normal


@pytest.mark.parametrize("raw", ["", "15", "2015-13", "2015-02-30", "20150820", "Aug 2015", "2015-08-20T10:00", "0000"])
def test_parse_partial_date_rejects_what_is_not_a_partial_date(raw: str) -> None:
    with pytest.raises(InvalidDate, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        parse_partial_date(raw)


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2015", date(2015, 1, 1), date(2015, 12, 31)),
    ("2015-08", date(2015, 8, 1), date(2015, 8, 31)),
    ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
    ("2015-08-20", date(2015, 8, 20), date(2015, 8, 20)),
])
def test_date_bounds_gives_first_and_last_day_covered(value: str, first: date, last: date) -> None:
    assert date_bounds(value) == (first, last)


@pytest.mark.parametrize(("value", "expected"), [("2015", "year"), ("2015-8", "month"), ("2015-08-20", "day")])
def test_precision_names_the_finest_part_given(value: str, expected: str) -> None:
    assert precision(value) == expected


# Explicit dates


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("On Aug. 20, 2015, the IJU released a statement.", "Aug. 20, 2015", "2015-08-20"),
    ("On August 20, 2015 the IJU released a statement.", "August 20, 2015", "2015-08-20"),
    ("The statement came on 20 August 2015.", "20 August 2015", "2015-08-20"),
    ("It was released on the 20th of August, 2015.", "20th of August, 2015", "2015-08-20"),
    ("SAN SALVADOR, 3 JAN 90 -- [REPORT]", "3 JAN 90", "1990-01-03"),
    ("LIMA, 20 MAY 88 (EFE) -- [TEXT]", "20 MAY 88", "1988-05-20"),
    ("The file is dated 2015-08-20.", "2015-08-20", "2015-08-20"),
    ("It was listed on Sept. 3, 2014.", "Sept. 3, 2014", "2014-09-03"),
    ("It was listed on Sep 3 2014.", "Sep 3 2014", "2014-09-03"),
    ("The US listed the group in May 2005.", "May 2005", "2005-05"),
    ("The video, which is dated for Oct. 2017, takes place in northern Afghanistan.", "Oct. 2017", "2017-10"),
    ("In 2009, the IJU established the German Taliban Mujahideen.", "2009", "2009"),
    ("In November 2014, Imam Bukhari Jamaat released a video.", "November 2014", "2014-11"),
    ("Its forces were part of the Taliban's 2015 Azm offensive.", "2015", "2015"),
    ("The group grew stronger by mid-2014.", "mid-2014", "2014"),
    ("The talks collapsed at the end of July 2015.", "the end of July 2015", "2015-07"),
    ("Fighting raged in the summer of 2013.", "the summer of 2013", "2013"),
    ("Raids took place on Aug. 20-21, 2015 near Kunduz.", "Aug. 20-21, 2015", "2015-08"),
    ("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use", "Wed 05 Apr 2017", "2017-04-05"),
])
def test_explicit_dates_resolve_at_their_own_precision(text: str, phrase: str, expected: str) -> None:
    assert value_of(text, phrase) == expected


@pytest.mark.parametrize("text", [
    "THE MASS KIDNAPPING TOOK PLACE ON 30 DECEMBER 1989 IN SAN LUIS DE LA REINA.",
    "the mass kidnapping took place on 30 december 1989 in san luis de la reina.",
    "The mass kidnapping took place on 30 December 1989 in San Luis de la Reina.",
])
def test_dates_are_found_in_upper_lower_and_mixed_case(text: str) -> None:
    assert resolved(text) == [(text[34:50], "1989-12-30", "point")]


@pytest.mark.parametrize("text", [
    "The US offered $135 million for information.",
    "Coalition jets carried out 34 strikes overnight.",
    "Some 2,000 fighters and 1,300 civilians fled.",
    "About 2000 fighters joined the offensive.",
    "The 2000 fighters left the town.",
    "The IJU has been waging jihad in the region for more than a decade.",
    "The IMU has fought alongside the Taliban in the past.",
    "Under section 119.3 of the code, the group is banned.",
    "I look forward to 2015/2016 heralding a New Dawn.",
    "Call the hotline on 202-555-2015 or +1 202 555 2015.",
    "Militancy grew in the 1990s.",
    "Good Friday prayers were cancelled.",
    "Rebels killed 1,900 soldiers at 1930 hours.",
])
def test_numbers_that_are_not_dates_are_ignored(text: str) -> None:
    assert resolved(text, "2015-08-26") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("May 5 was the day of the vote.", [("May 5", "2015-05-05", "point")]),
    ("The army said 2 may be dead.", []),
    ("The group will march on the capital.", []),
    ("He was in Kabul in May, officials said.", [("May", "2015-05", "point")]),
    ("Gunmen killed three soldiers on 3 May near Gao.", [("3 May", "2015-05-03", "point")]),
    ("The militia shelled the town on 21 May and withdrew.", [("21 May", "2015-05-21", "point")]),
])
def test_may_and_march_are_months_only_where_they_read_as_months(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert resolved(text, "2015-08-26") == expected


# Dates relative to the publication date


@pytest.mark.parametrize(("published", "expected"), [
    ("2015-08-26", "2015-08-20"),
    ("2015-08-10", "2014-08-20"),  # a day after publication would be in the future: the year before
    ("2015-08", "2015-08-20"),  # an article known by its month tells of that month's days as past
    ("2015", None),  # Aug. 20 could be this year's or last year's
    (None, None),
])
def test_on_month_day_takes_year_from_publication(published: str | None, expected: str | None) -> None:
    text = "On Aug. 20, the Islamic Jihad Union released a statement on Sodiqlar."
    assert value_of(text, "Aug. 20", published) == expected


def test_muc_day_month_without_year_is_the_latest_before_the_dateline() -> None:
    text = "ACCORDING TO THAT GARRISON, THE MASS KIDNAPPING TOOK PLACE ON\n30 DECEMBER IN SAN LUIS DE LA REINA."
    assert value_of(text, "30 DECEMBER", "1990-01-03") == "1989-12-30"


@pytest.mark.parametrize(("text", "phrase", "published", "expected"), [
    ("Earlier this month, the IMU officially swore allegiance to Baghdadi.", "Earlier this month", "2015-08-26",
     "2015-08"),
    ("Earlier this month, the IMU officially swore allegiance to Baghdadi.", "Earlier this month", "2015-08",
     "2015-08"),
    ("Last week, the IJU pledged loyalty to Mullah Mansour.", "Last week", "2015-08-26", "2015-08"),
    ("Last week, the IJU pledged loyalty to Mullah Mansour.", "Last week", "2015-08", "2015"),
    ("Last week, the IJU pledged loyalty to Mullah Mansour.", "Last week", "2015-09-02", "2015"),
    ("Last week, the IJU pledged loyalty to Mullah Mansour.", "Last week", "2015-01-02", None),
    ("Last month, the TIP released a similar video.", "Last month", "2017-11-10", "2017-10"),
    ("Last month, the TIP released a similar video.", "Last month", "2017-01-10", "2016-12"),
    ("Late last year, the IJU released a training camp video.", "Late last year", "2017-11-10", "2016"),
    ("The defection was in the works since last year.", "last year", "2015-08", "2014"),
    ("Honduras has been gripped by violence this year.", "this year", "1989-02-07", "1989"),
    ("At the end of July, the group trumpeted its role.", "the end of July", "2015-08-26", "2015-07"),
    ("The talks resume in July.", "July", "2015-03-01", "2014-07"),
    ("Three subversives were killed during clashes yesterday.", "yesterday", "1990-01-03", "1990-01-02"),
    # a report dated by its month: a day-sized expression is most likely a day of that month
    ("Three subversives were killed during clashes yesterday.", "yesterday", "1990-02", "1990-02"),
    ("Three subversives were killed during clashes yesterday.", "yesterday", "1990-01", "1990-01"),
    ("The IJU released a statement last week.", "last week", "2015-08", "2015"),  # four weeks' worth: the year
    ("Three subversives were killed during clashes yesterday.", "yesterday", None, None),
    ("A bomb exploded today in a Lima restaurant.", "today", "1989-03-29", "1989-03-29"),
    ("A bomb exploded today in a Lima restaurant.", "today", "1989-03", "1989-03"),
    ("Units repelled an attack this morning.", "this morning", "1990-01-03", "1990-01-03"),
    ("The clash took place last night.", "last night", "1990-01-03", "1990-01-02"),
    ("Rebels struck the day before yesterday.", "the day before yesterday", "1990-01-03", "1990-01-01"),
    ("Three days ago the convoy was hit.", "Three days ago", "1990-01-03", "1989-12-31"),
    ("A year ago the convoy was hit.", "A year ago", "1990-01-03", "1989"),
])
def test_relative_dates_resolve_no_finer_than_publication_allows(
    text: str, phrase: str, published: str, expected: str | None
) -> None:
    assert value_of(text, phrase, published) == expected


@pytest.mark.parametrize(("text", "phrase", "published", "expected"), [
    ("The IJU released a statement on Tuesday.", "Tuesday", "2015-08-26", "2015-08-25"),  # a Wednesday
    ("The IJU released a statement on Wednesday.", "Wednesday", "2015-08-26", "2015-08-26"),
    ("The IJU released a statement on Thursday.", "Thursday", "2015-08-26", "2015-08-20"),
    ("The ministry said Tuesday's attack killed six.", "Tuesday", "2015-08-26", "2015-08-25"),
    ("holding a state-level meeting on saturday, the convenor said", "saturday", "2002-03-10", "2002-03-09"),
    ("The IJU released a statement on Tuesday.", "Tuesday", "2015-08", "2015-08"),  # Jul. 28 to Aug. 25
    ("The IJU released a statement on Tuesday.", "Tuesday", None, None),
])
def test_on_weekday_is_the_latest_such_day_on_or_before_publication(
    text: str, phrase: str, published: str | None, expected: str | None
) -> None:
    assert value_of(text, phrase, published) == expected


def test_relative_date_without_publication_is_found_but_unresolved() -> None:
    assert resolved("Earlier this month, the IMU swore allegiance.") == [("Earlier this month", None, "point")]


def test_invalid_publication_date_is_refused() -> None:
    with pytest.raises(InvalidDate):
        find_date_expressions("On Tuesday, rebels attacked.", "Aug 2015")


# Roles


@pytest.mark.parametrize(("text", "expected"), [
    ("Prior to June 2014, the IJU was based in Mir Ali.", ("June 2014", "2014-06", "end")),
    ("The IJU was based in Mir Ali before June 2014.", ("June 2014", "2014-06", "end")),
    ("The IJU was based in Mir Ali until June 2014.", ("June 2014", "2014-06", "end")),
    ("The IJU has been based in Kunduz since 2014.", ("2014", "2014", "start")),
    ("The offensive that began in June 2014 drove the IJU out.", ("June 2014", "2014-06", "start")),
    ("In 2009, the IJU established the German Taliban Mujahideen.", ("2009", "2009", "point")),
    ("The defection was in the works since last year.", ("last year", "2014", "start")),
    ("UNTIL TODAY NOBODY HAD CLAIMED CREDIT FOR THAT ATTACK.", ("TODAY", "2015-08-26", "end")),
])
def test_prepositions_give_the_role_of_a_date(text: str, expected: tuple[str, str, str]) -> None:
    assert resolved(text, "2015-08-26") == [expected]


@pytest.mark.parametrize("text", [
    "Prior to the Pakistani Army's offensive in North Waziristan that began in June 2014, the IJU was based in Mir Ali.",
    ("Prior to the Pakistani Army’s offensive in the tribal agency of North Waziristan in June 2014, the IJU’s "
     "leadership was based in the jihadist hub of Mir Ali."),
    "Before the U.S. invasion of the country in March 2003, the group was based in the north.",
])
def test_date_inside_prior_to_clause_ends_what_the_sentence_says(text: str) -> None:
    [expression] = find_date_expressions(text, "2015-08-26")
    assert expression.role == "end"


def test_prior_to_clause_stops_at_its_comma() -> None:
    text = "Prior to the offensive, the IJU moved to Mir Ali in 2012."
    assert resolved(text) == [("2012", "2012", "point")]


@pytest.mark.parametrize(("text", "expected"), [
    ("From 2010 to 2014 the group grew.", [("2010", "2010", "start"), ("2014", "2014", "end")]),
    ("Between 2011 and 2013 it split twice.", [("2011", "2011", "start"), ("2013", "2013", "end")]),
    ("It fought in Syria in 2012-2014.", [("2012", "2012", "start"), ("2014", "2014", "end")]),
    ("From June 2014 onwards it recruited Uzbeks.", [("June 2014", "2014-06", "start")]),
    ("A video from 2009 shows German fighters.", [("2009", "2009", "point")]),
])
def test_ranges_give_a_start_and_an_end(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert resolved(text) == expected


# Anaphora


def test_same_year_takes_the_year_mentioned_before() -> None:
    text = ("In 2015, the IJU took part in the siege of Kunduz city. The same year, the IJU reported that its forces "
            "were active in Badakhshan.")
    assert resolved(text) == [("2015", "2015", "point"), ("The same year", "2015", "point")]


@pytest.mark.parametrize(("follow_up", "expected"), [
    ("The following year it split.", "2010"),
    ("That year it also lost its emir.", "2009"),
    ("A year later it merged with the IMU.", "2010"),
    ("The previous year it had no name.", "2008"),
    ("The following month it split.", None),  # some month of 2009 or January 2010
])
def test_anaphoric_years_count_from_the_latest_date(follow_up: str, expected: str | None) -> None:
    expressions = find_date_expressions(f"The group was formed in 2009. {follow_up}", None)
    assert expressions[-1].value == expected


def test_next_day_after_a_full_date_is_a_day() -> None:
    text = "ON 6 JANUARY 1990 REBELS ATTACKED A POST. THE NEXT DAY THEY WITHDREW."
    assert value_of(text, "THE NEXT DAY") == "1990-01-07"


@pytest.mark.issue(11)
@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Turkish jets struck the PKK early Saturday, widening the air war launched against ISIS the day before.",
     "the day before", "2015-07-24"),
    ("Rebels took the town on 3 March 2012 and the army shelled it the day after.", "the day after", "2012-03-04"),
])
def test_the_day_before_said_last_counts_from_the_date_before(text: str, phrase: str, expected: str) -> None:
    assert value_of(text, phrase, "2015-07-26") == expected


@pytest.mark.issue(11)
def test_the_day_before_an_event_is_not_an_anaphor() -> None:
    text = "On 3 March 2012 rebels took the town. Police arrested them the day before the attack."
    assert [e.text for e in find_date_expressions(text, None)] == ["3 March 2012"]


def test_anaphor_with_nothing_before_is_unresolved() -> None:
    assert resolved("That year the group split.") == [("That year", None, "point")]


# Whole documents


def test_expressions_carry_offsets_into_the_text() -> None:
    text = "Earlier this month, the IMU swore allegiance. Last week, the IJU pledged loyalty. On Aug. 6, it spoke."
    expressions = find_date_expressions(text, "2015-08-26")
    assert [text[e.start:e.end] for e in expressions] == [e.text for e in expressions]
    assert [e.value for e in expressions] == ["2015-08", "2015-08", "2015-08-06"]
    assert all(isinstance(e, DateExpression) for e in expressions)


def test_muc_report_resolves_against_its_dateline() -> None:
    text = ("   SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE,\nCOPREFA] [TEXT] THE ARCE BATTALION "
            "COMMAND HAS REPORTED THAT ABOUT 50\nPEASANTS HAVE BEEN KIDNAPPED. THE MASS KIDNAPPING TOOK PLACE ON\n"
            "30 DECEMBER IN SAN LUIS DE LA REINA.  THREE SUBVERSIVES WERE KILLED DURING CLASHES YESTERDAY AFTERNOON.")
    published = find_dateline(text)
    assert published == "1990-01-03"
    assert [(e.text, e.value) for e in find_date_expressions(text, published)] == [
        ("3 JAN 90", "1990-01-03"), ("30 DECEMBER", "1989-12-30"), ("YESTERDAY AFTERNOON", "1990-01-02"),
    ]


# Datelines and inferred publication dates


@pytest.mark.parametrize(("text", "expected"), [
    ("KABUL, Afghanistan (Jan. 25, 2013) - Afghan forces killed a Taliban leader.", "2013-01-25"),
    ("   SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE]", "1990-01-03"),
    ("   ROME (ITALY), 11 JAN 90 -- [INTERVIEW WITH RUBEN ZAMORA]", "1990-01-11"),
    ("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO.", "2017-04-05"),
    ("This story is from March 10, 2002\n\nlucknow: the all-india babri masjid action committee", "2002-03-10"),
    ("Date of publication 5 July 2016 The bomber was on a motorcycle.", "2016-07-05"),
    ("Islamic Jihad Union conducts joint raid\n\nAugust 26, 2015\n\nIn a newly released video", "2015-08-26"),
    ("WASHINGTON (Reuters) - The United States designated the group on Monday.", None),
    ("WASHINGTON (Reuters) - In May 2005, the US listed the IJU.", None),
    ("The US government listed the IJU in May 2005.", None),
    ("   TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] A BOMB BLAST", None),
    ("x" * 300 + "\nAugust 26, 2015", None),
])
def test_find_dateline_reads_only_a_dateline_near_the_start(text: str, expected: str | None) -> None:
    assert find_dateline(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The video is dated for Oct. 2017. In 2015, the IJU took part in the siege. In May 2005 it was listed.", "2017"),
    ("On Aug. 20, 2015, the IJU pledged allegiance. Earlier this month the IMU did too.", "2015"),
    ("The group plans to hold Kunduz until 2030. It was founded in May 2002.", "2002"),
    ("The group has fought since March 2011. It split in 2009.", None),
    ("The IJU established the German Taliban Mujahideen in 2009.", None),
    ("Last week the IJU pledged loyalty to the Taliban.", None),
])
def test_inferred_publication_date_is_the_year_of_the_latest_dated_event(text: str, expected: str | None) -> None:
    assert infer_publication_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # News style gives the year only outside the current year: yearless days before the dated month are next year's.
    ("In November 2014 the group pledged to Omar. On Aug. 6 it pledged to Baghdadi. On Aug. 20 it said so.",
     "2015-08"),
    ("In March 2016 the group formed. On Aug. 6 it pledged.", "2016"),
    ("The group was formed in 2009.", None),
])
def test_publication_date_is_inferred_from_dated_and_yearless_mentions(text: str, expected: str | None) -> None:
    assert infer_publication_date(text) == expected
