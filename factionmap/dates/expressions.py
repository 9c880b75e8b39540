"""Partial dates, and the temporal expressions of a text resolved to them.

A *partial date* is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and carries exactly the precision the source
supports. ``find_date_expressions`` resolves every temporal expression of a document against its
publication date: explicit dates ("Aug. 20, 2015", "3 JAN 90"), dates relative to publication ("last
week", "on Tuesday", "30 DECEMBER") and anaphora ("the same year").

Relative expressions are resolved honestly: each is a function from a day to the interval it denotes;
applied to the first and last day the publication date allows, it yields an interval, and the value is
the finest partial date that contains all of it (``None`` if no single year does). "Last week" in an
article of 2015-08-26 is ``2015-08``; in an article known only as ``2015-08`` it is ``2015``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from factionmap.dates.patterns import MONTHS, NUMBER_WORDS, WEEKDAYS, RawMatch, scan
from factionmap.errors import InvalidDate

__all__ = [
    "DateExpression", "date_bounds", "find_date_expressions", "find_dateline", "infer_publication_date",
    "parse_partial_date", "precision",
]

Interval = tuple[date, date]
Relative = Callable[[date], Interval]

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_EXPLICIT = frozenset({"iso", "mdy", "dmy", "my", "y"})
_YEARLESS = frozenset({"md", "dm"})
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A temporal expression of a text: ``text == source[start:end]``.

    ``value`` is the resolved partial date, or ``None`` when no honest precision is possible.
    ``role`` is ``"point"`` (on/in X), ``"start"`` (since X) or ``"end"`` (prior to X, until X).
    """

    start: int
    end: int
    text: str
    value: str | None
    role: str


def parse_partial_date(value: str) -> str:
    """Validate a partial date and return it zero-padded: ``"2015-8"`` gives ``"2015-08"``.

    Raises ``InvalidDate`` unless ``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real date.
    """
    m = _PARTIAL.fullmatch(value.strip()) if isinstance(value, str) else None
    if m is None:
        raise InvalidDate(str(value))
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        date(year, int(month or 1), int(day or 1))
    except ValueError:
        raise InvalidDate(value) from None
    parts = [f"{year:04d}"] + [f"{int(p):02d}" for p in (month, day) if p is not None]
    return "-".join(parts)


def date_bounds(value: str) -> tuple[date, date]:
    """Return the first and last day a partial date covers: ``"2015-08"`` gives Aug. 1 and Aug. 31, 2015."""
    parts = [int(p) for p in parse_partial_date(value).split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def precision(value: str) -> str:
    """Return the precision of a partial date: ``"year"``, ``"month"`` or ``"day"``."""
    return ("year", "month", "day")[parse_partial_date(value).count("-")]


def _cover(lo: date, hi: date) -> str | None:
    """Return the finest partial date containing every day from ``lo`` to ``hi``, or ``None``."""
    if lo == hi:
        return lo.isoformat()
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    return f"{lo.year:04d}" if lo.year == hi.year else None


def _add_months(day: date, months: int) -> date:
    """Return the first day of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _shift(day: date, unit: str, n: int) -> date:
    """Move ``day`` by ``n`` units; months and years land on the first day of their month or year."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    if unit == "month":
        return _add_months(day, n)
    return date(day.year + n, 1, 1)


def _expand(lo: date, hi: date, unit: str) -> Interval:
    """Widen an interval to whole months or years (days and weeks are left as they are)."""
    if unit == "month":
        return date_bounds(f"{lo.year:04d}-{lo.month:02d}")[0], date_bounds(f"{hi.year:04d}-{hi.month:02d}")[1]
    if unit == "year":
        return date(lo.year, 1, 1), date(hi.year, 12, 31)
    return lo, hi


def _relative(published: str | None, meaning: Relative) -> str | None:
    """Resolve an expression relative to publication; every ``meaning`` used here is monotone."""
    if published is None:
        return None
    first, last = date_bounds(published)
    lo, hi = meaning(first)[0], meaning(last)[1]
    if len(published) == 7 and (hi - lo).days <= 31:
        return _likely_month(lo, hi)
    return _cover(lo, hi)


def _likely_month(lo: date, hi: date) -> str:
    """The month holding most of the days a day-sized expression may be, in a report dated by its month only:
    "on Saturday" in a November report is one of Oct. 27 to Nov. 24 (2018), most likely a November day; the
    cover of them all would say only the year."""
    last_of_first = _add_months(lo, 1) - timedelta(days=1)
    day = lo if (last_of_first - lo).days >= (hi - last_of_first).days - 1 else hi
    return f"{day.year:04d}-{day.month:02d}"


def _recent(day: date, month: int, dom: int) -> date:
    """Return the latest ``month``/``dom`` on or before ``day`` (Feb. 29 looks back to a leap year)."""
    for year in range(day.year, day.year - 9, -1):
        try:
            candidate = date(year, month, dom)
        except ValueError:
            continue
        if candidate <= day:
            return candidate
    return date(day.year - 8, month, min(dom, 28))


def _month_of(m: re.Match[str]) -> int:
    """Return the month number a match names ("Sept." and "SEP" are 9)."""
    return MONTHS[m.group("month").lower().rstrip(".")]


def _year_of(m: re.Match[str]) -> int:
    """Return a match's year; two-digit years are 19yy from 30 on, else 20yy (as in "3 JAN 90")."""
    yy = m.groupdict().get("yy")
    if yy is not None:
        return int(yy) + (1900 if int(yy) >= 30 else 2000)
    return int(m.group("year"))


def _explicit(raw: RawMatch) -> str | None:
    """Resolve a date that states its own year."""
    m = raw.match
    if raw.kind == "y":
        return m.group("year")
    if raw.kind == "my":
        return f"{_year_of(m):04d}-{_month_of(m):02d}"
    year, month = _year_of(m), (int(m.group("month")) if raw.kind == "iso" else _month_of(m))
    try:
        first = date(year, month, int(m.group("day")))
        last = date(year, month, int(m.groupdict().get("day2") or m.group("day")))
    except ValueError:
        return None
    return _cover(first, last) if first <= last else None


def _month_day(raw: RawMatch, published: str | None) -> str | None:
    """Resolve "Aug. 20" or "30 DECEMBER": the latest such day on or before publication."""
    month, dom = _month_of(raw.match), int(raw.match.group("day"))
    if dom > calendar.monthrange(2000, month)[1]:
        return None
    dom2 = int(raw.match.groupdict().get("day2") or dom)

    def meaning(day: date) -> Interval:
        first = _recent(day, month, dom)
        return first, first.replace(day=max(dom, min(dom2, calendar.monthrange(first.year, month)[1])))

    if published is not None and precision(published) == "month":
        # An article known only by its month tells of days of that month as past: "On Aug. 6" in an article
        # of 2015-08 is Aug. 6, 2015, not "Aug. 6 of 2015 or 2014".
        published = date_bounds(published)[1].isoformat()
    return _relative(published, meaning)


def _bare_month(raw: RawMatch, published: str | None) -> str | None:
    """Resolve "in July", "the end of July": the latest July not after publication ("next July": the first after)."""
    month, ahead = _month_of(raw.match), (raw.match.group("rel") or "").lower().startswith("next")

    def meaning(day: date) -> Interval:
        year = day.year + (1 if ahead and month <= day.month else 0) - (1 if not ahead and month > day.month else 0)
        return date_bounds(f"{year:04d}-{month:02d}")

    return _relative(published, meaning)


_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "this": 0, "last": -1}


def _deictic_day(raw: RawMatch, published: str | None) -> str | None:
    """Resolve "yesterday", "today", "this morning", "last night", "the day before yesterday"."""
    word = raw.match.group("word").lower()
    offset = -2 if word.startswith("the") else _DAY_OFFSETS[word.split()[0]]
    return _relative(published, lambda day: (day + timedelta(days=offset),) * 2)


def _period_meaning(rel: str, unit: str, mod: str) -> Relative:
    """Return the interval function of "last week", "earlier this month", "the past year" and the like."""
    def meaning(day: date) -> Interval:
        if "past" in rel:
            return _shift(day, "day", -{"week": 7, "month": 31, "year": 365}.get(unit, 1)), day
        if unit == "week":
            monday = day - timedelta(days=day.weekday())
            weeks = {"this": (monday, monday + timedelta(days=6)), "last": (monday - timedelta(days=7), day - _ONE_DAY)}
            lo, hi = weeks.get(rel, (day + _ONE_DAY, monday + timedelta(days=13)))
        else:
            n = {"this": 0, "last": -1}.get(rel, 1)
            lo, hi = _expand(_shift(day, unit, n), _shift(day, unit, n), unit)
        if mod == "earlier":
            return lo, max(lo, min(hi, day))
        return (min(hi, max(lo, day)), hi) if mod == "later" else (lo, hi)

    return meaning


def _period(raw: RawMatch, published: str | None) -> str | None:
    """Resolve "last week", "this year", "late last year", "the past month", "next week"."""
    m = raw.match
    rel = " ".join(m.group("rel").lower().split()).removeprefix("the ").replace("coming", "next")
    mod = (m.group("mod") or "").strip(" -").lower()
    return _relative(published, _period_meaning(rel, m.group("unit").lower(), mod))


def _weekday(raw: RawMatch, published: str | None) -> str | None:
    """Resolve "on Tuesday" (the latest Tuesday on or before publication), "last Tuesday", "next Tuesday"."""
    target, rel = WEEKDAYS[raw.match.group("weekday").lower()], " ".join((raw.match.group("rel") or "").lower().split())

    def meaning(day: date) -> Interval:
        back = (day.weekday() - target) % 7
        if rel == "next":
            ahead = day + timedelta(days=(7 - back) or 7)
            return ahead, ahead
        if rel in {"last", "this past"}:
            latest = day - timedelta(days=back or 7)
            return (latest - timedelta(days=7) if rel == "last" else latest), latest
        return (day - timedelta(days=back),) * 2

    return _relative(published, meaning)


def _count(m: re.Match[str]) -> int:
    """Return the count of "three days ago" or "a year later"."""
    num = m.group("num").lower()
    return int(num) if num.isdigit() else NUMBER_WORDS[num]


def _ago(raw: RawMatch, published: str | None) -> str | None:
    """Resolve "three days ago", "two weeks ago" (give or take three days), "a year ago"."""
    n, unit = _count(raw.match), raw.match.group("unit").lower()
    slack = timedelta(days=3 if unit == "week" else 0)

    def meaning(day: date) -> Interval:
        back = _shift(day, unit, -n)
        return _expand(back - slack, back + slack, unit)

    return _relative(published, meaning)


def _anaphor(raw: RawMatch, anchor: str | None) -> str | None:
    """Resolve "the same year", "the following year", "a month later", "the day before" (said last, as in "the
    air war launched the day before") against the latest date resolved before."""
    if anchor is None:
        return None
    m, unit = raw.match, raw.match.group("unit").lower()
    which = m.group("which").lower()
    n = _count(m) if m.groupdict().get("num") else 1
    step = {"following": n, "next": n, "later": n, "after": n, "previous": -n, "preceding": -n, "earlier": -n,
            "before": -n}.get(
        which.split()[-1], 0)
    lo, hi = date_bounds(anchor)
    if step:
        lo, hi = _shift(lo, unit, step), _shift(hi, unit, step)
    return _cover(*_expand(lo, hi, unit))


def _resolve(raw: RawMatch, published: str | None, anchor: str | None) -> str | None:
    """Resolve one raw expression to a partial date, or ``None``."""
    if raw.kind in _EXPLICIT:
        return _explicit(raw)
    if raw.kind == "anaphor":
        return _anaphor(raw, anchor)
    resolvers = {"md": _month_day, "dm": _month_day, "m": _bare_month, "rel_day": _deictic_day,
                 "rel_period": _period, "weekday": _weekday, "ago": _ago}
    return resolvers[raw.kind](raw, published)


_END_BEFORE = re.compile(
    r"\b(?:prior\s+to|before|until|till|up\s+to|up\s+until|through|thru|ended\s+in|ending\s+in)\s+$", re.IGNORECASE)
_START_BEFORE = re.compile(
    r"\b(?:since|after|as\s+early\s+as|(?:starting|beginning|began|begun|started)(?:\s+(?:in|on|from))?)\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_ONWARDS_AFTER = re.compile(r"\s*(?:on|onwards?|forward)\b", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*", re.IGNORECASE)
_SCOPE_TRIGGER = re.compile(r"\b(?:prior\s+to|before)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:!?\n]|\.(?=\s|$)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\b(?:mr|mrs|ms|dr|gen|lt|col|maj|sgt|capt|st|no|vs|jr|sr|gov|sen|rep|inc|co|corp|ltd|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec))$", re.IGNORECASE)
_SCOPE_CHARS = 300


def _direct_role(text: str, raw: RawMatch) -> str:
    """Return the role the words just before (and after) an expression give it."""
    before = text[max(0, raw.start - 40):raw.start]
    if _END_BEFORE.search(before):
        return "end"
    if _START_BEFORE.search(before):
        return "start"
    if _FROM_BEFORE.search(before) and _ONWARDS_AFTER.match(text, raw.end):
        return "start"
    return "point"


def _clause_end(text: str, pos: int, spans: Sequence[RawMatch]) -> int:
    """Return where the clause running from ``pos`` ends: a comma, colon or sentence end outside any date."""
    limit = min(len(text), pos + _SCOPE_CHARS)
    for m in _CLAUSE_BREAK.finditer(text, pos, limit):
        if any(r.start <= m.start() < r.end for r in spans):
            continue
        if m.group() == "." and _ABBREVIATION.search(text, max(0, m.start() - 6), m.start()):
            continue
        return m.start()
    return limit


def _assign_roles(text: str, raws: Sequence[RawMatch]) -> list[str]:
    """Give each expression its role.

    Besides the words right before a date ("since", "until"), two constructions decide:
    a range ("from 2010 to 2014", "between 2010 and 2014", "2010-2014") makes a start and an end;
    a date anywhere inside a "prior to ..." or "before ..." clause is an end, for what the sentence
    says held *before* it: in "Prior to the offensive that began in June 2014, the IJU was based in
    Mir Ali", June 2014 ends the basing.
    """
    roles = [_direct_role(text, raw) for raw in raws]
    for i in range(len(raws) - 1):
        first, second = raws[i], raws[i + 1]
        gap = text[first.end:second.start]
        if _RANGE_GAP.fullmatch(gap) and (gap.strip() in "-–—" or _FROM_BEFORE.search(text, 0, first.start)):
            roles[i], roles[i + 1] = "start", "end"
    for trigger in _SCOPE_TRIGGER.finditer(text):
        if any(r.start <= trigger.start() < r.end for r in raws):
            continue
        stop = _clause_end(text, trigger.end(), raws)
        for i, raw in enumerate(raws):
            if trigger.end() <= raw.start < stop:
                roles[i] = "end"
    return roles


def _expressions(text: str, published: str | None) -> list[tuple[RawMatch, DateExpression]]:
    """Scan, resolve and give roles; keep each expression's raw match beside it."""
    pub = parse_partial_date(published) if published is not None else None
    raws = scan(text)
    out: list[tuple[RawMatch, DateExpression]] = []
    anchor: str | None = None
    for raw, role in zip(raws, _assign_roles(text, raws), strict=True):
        value = _resolve(raw, pub, anchor)
        anchor = value or anchor
        out.append((raw, DateExpression(raw.start, raw.end, text[raw.start:raw.end], value, role)))
    return out


def find_date_expressions(text: str, published: str | None) -> list[DateExpression]:
    """Return every temporal expression of a document, in order, resolved against its publication date.

    ``published`` is a partial date or ``None``; without it, only dates that state their year (and
    anaphora such as "the same year" that lean on them) get a value. Raises ``InvalidDate`` if
    ``published`` is not a partial date.
    """
    return [expression for _, expression in _expressions(text, published)]


_DATELINE_HEAD = 300
_DATELINE_PREFIXES = (
    re.compile(r"(?:this\s+story\s+is\s+from|(?:first\s+|last\s+)?published|posted|updated|dated?"
               r"|date\s+of\s+publication|publication\s+date)(?:\s+on)?\s*:?\s*", re.IGNORECASE),
    re.compile(r"[A-Z][A-Z .'’()-]{1,40}(?:,\s*[A-Za-z .'’()-]{1,40})?\s*[,(–—-]?\s*"),
    re.compile(r"[^.!?\n]{0,80}[|•·]\s*"),
)


def _dateline_prefix_ok(text: str, raw: RawMatch) -> bool:
    """Tell whether what precedes a date on its line is a dateline: nothing, a place, or "Published:"."""
    line_start = text.rfind("\n", 0, raw.start) + 1
    prefix = text[line_start:raw.start].strip()
    return not prefix or any(p.fullmatch(prefix + " ") for p in _DATELINE_PREFIXES)


def find_dateline(text: str) -> str | None:
    """Return the publication date a dateline near the start of ``text`` gives, or ``None``.

    Reads "KABUL, Afghanistan (Jan. 25, 2013)", "SAN SALVADOR, 3 JAN 90 --", "Wed 05 Apr 2017 ...",
    "This story is from March 10, 2002". Only the first 300 characters count, and only a date with at
    least a month that opens its line or follows a dateline prefix: "WASHINGTON (Reuters) - In May
    2005, ..." has no dateline.
    """
    head = text[:_DATELINE_HEAD]
    for raw in scan(head):
        if raw.kind in _EXPLICIT - {"y"} and _dateline_prefix_ok(head, raw):
            return _explicit(raw)
    return None


def infer_publication_date(text: str) -> str | None:
    """Guess a publication date from the dates a text mentions, when there is no metadata and no dateline.

    The base guess is the year of the latest date that states its own year and is a plain point in time
    (not "since ...", "until ...", nor either end of a range), and only when that date gives at least
    a month: a bare year ("in 2009") is usually background. News style writes the year only for dates
    outside the current year ("in November 2014", but "On Aug. 20"): so when yearless month dates name months
    that fall before that latest dated month, they belong to the next year, and the article is of that year,
    no earlier than the latest such month. ``None`` where there is no such date; never finer than a month.
    """
    expressions = _expressions(text, None)
    points = [
        expr.value for raw, expr in expressions
        if raw.kind in _EXPLICIT and expr.value is not None and expr.role == "point"
    ]
    if not points:
        return None
    latest = max(points, key=lambda value: date_bounds(value)[1])
    if precision(latest) == "year":
        return None
    yearless = [_month_of(raw.match) for raw, _ in expressions if raw.kind in _YEARLESS]
    if yearless and max(yearless) < int(latest[5:7]):
        return f"{int(latest[:4]) + 1:04d}-{max(yearless):02d}"
    return latest[:4]
