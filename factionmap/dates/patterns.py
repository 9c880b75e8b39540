"""The grammar of temporal expressions: word tables and regular expressions, no resolution.

``scan`` finds every candidate temporal expression in a text and returns them as ``RawMatch``es, in
order and without overlaps; ``factionmap.dates.expressions`` turns them into partial dates. Everything is
case-insensitive, because one corpus is all lower case and another (MUC, FBIS 1989-90) all upper case.

The grammar is deliberately small and explicit: a table of month and weekday names, and one regular
expression per kind of expression. Bare four-digit numbers count as years only in a date-like context
(``in 2009``, ``the Taliban's 2015 offensive``, ``mid-2014``), never in ``2,000 fighters`` or ``2015/2016``.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
"""Month names and abbreviations (``Sept.``, ``Sep``, ``JAN``), lower case, to month numbers."""

FULL_MONTHS: frozenset[str] = frozenset(name for name, _ in MONTHS.items() if len(name) > 3 or name == "may")
"""Full month names: only these stand alone ("in July"); abbreviations need a day or a year."""

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
"""Full weekday names to ``date.weekday()`` numbers."""

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
"""Small counts spelled out, as in "two weeks ago" or "a year later"."""

YEAR_TRIGGERS: frozenset[str] = frozenset({
    "in", "since", "until", "till", "by", "before", "after", "during", "from", "to", "through", "throughout",
    "between", "and", "or", "of", "year", "circa", "early", "late", "mid", "summer", "spring", "autumn",
    "fall", "winter", "the", "its", "their", "his", "her", "our", "prior",
})
"""Words after which a bare four-digit number is read as a year ("in 2009", "the 2015 offensive")."""

QUANTITY_WORDS: frozenset[str] = frozenset({
    "about", "around", "some", "over", "nearly", "almost", "approximately", "roughly", "estimated",
    "additional", "another", "than", "least", "only", "total", "up",
})
"""Words after which a four-digit number is a count ("about 2000"), not a year."""

COUNT_NOUNS = (
    r"people|persons|fighters|militants|troops|soldiers|men|women|children|civilians|members|families|"
    r"refugees|policemen|police|officers|insurgents|rebels|guerrillas|terrorists|students|workers|"
    r"dollars|euros|pounds|rupees|tons|tonnes|km|kilometers|kilometres|miles|meters|metres|feet|hectares|"
    r"acres|rounds|rockets|missiles|vehicles|homes|houses|cases|votes|hours|minutes|years|days|percent|strong"
)
"""Nouns after which a number is a count ("2000 fighters", "March 15 people"), not a date."""

HOLIDAY_WEEKDAY = re.compile(r"\b(?:good|black|ash|palm|easter|bloody|holy|super|cyber|maundy)\s+$", re.IGNORECASE)
"""Named days ("Good Friday", "Bloody Sunday") that are not the weekday before publication."""


def _alternation(words: list[str]) -> str:
    """Return a regex alternation of ``words``, longest first so that "sept" wins over "sep"."""
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternation(list(MONTHS))})\b\.?"
_MONTH_FULL = rf"(?P<month>{_alternation(list(FULL_MONTHS))})\b"
_WEEKDAY = _alternation(list(WEEKDAYS))
_WEEKDAY_PREFIX = rf"(?:(?:{_WEEKDAY}|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\b\.?,?\s+)?"
_DAY = r"(?<![\d.,:/$])(?P<day>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*[-–]\s*(?P<day2>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?)?"
_YEAR_DIGITS = r"(?P<year>(?:19|20)\d\d)"
_YEAR = _YEAR_DIGITS + r"(?![\d\w])"
_NO_YEAR = rf"(?![\d\w])(?!\.?,?\s*(?:'?\d|of\s+\d))(?!\s+(?:{COUNT_NOUNS})\b)"
_MOD = (
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:"
    r"(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of\s+"
    r"|(?:early|late|mid)(?:-|\s+)|(?:summer|spring|autumn|fall|winter)(?:\s+of)?\s+))?"
)
_UNIT = r"(?P<unit>day|week|month|year)"
_NUMBER = rf"(?P<num>{_alternation(list(NUMBER_WORDS))}|\d{{1,2}})"
_BARE_MONTH_PRE = r"in|since|until|till|by|before|after|during|from|through|throughout|of|prior\s+to|to|and|or"

_PATTERN_SOURCES: tuple[tuple[str, str, str], ...] = (
    ("iso", "year", r"(?<![\d\-/.])" + _YEAR_DIGITS + r"-(?P<month>0?[1-9]|1[0-2])-(?P<day>0?[1-9]|[12]\d|3[01])(?![\d\-/])"),
    ("mdy", "month", _WEEKDAY_PREFIX + _MONTH + r"\s*" + _DAY + _DAY2 + r",?\s+(?:" + _YEAR + r"|'(?P<yy>\d\d)(?!\d))"),
    ("dmy", "month", _WEEKDAY_PREFIX + _DAY + _DAY2 + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR),
    ("dmy", "month", _WEEKDAY_PREFIX + _DAY + r"\s+" + _MONTH + r" +(?P<yy>\d\d)(?![\d:\w])"
     + rf"(?!\s+(?:{COUNT_NOUNS})\b)"),
    ("my", "month", _MOD + _MONTH + r",?\s+(?:of\s+)?" + _YEAR),
    ("md", "month", _WEEKDAY_PREFIX + _MONTH + r"\s*" + _DAY + _DAY2 + _NO_YEAR),
    ("dm", "month", _WEEKDAY_PREFIX + _DAY + _DAY2 + r"\s+(?:of\s+)?" + _MONTH + _NO_YEAR),
    ("m", "month", rf"(?P<pre>\b(?:{_BARE_MONTH_PRE})\s+)?(?P<rel>(?:last|this|next)\s+)?" + _MOD + _MONTH_FULL + _NO_YEAR),
    ("y", "year", r"(?<![\d\w])" + _MOD + _YEAR),
    ("rel_day", "deictic", r"\b(?P<word>(?:the\s+day\s+before\s+)?yesterday|today|tonight|tomorrow"
                + r"|(?:this|last)\s+(?:morning|afternoon|evening|night))(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("rel_period", "unit", r"\b(?P<mod>(?:earlier|later|early|late|mid)(?:\s+|-))?(?:in\s+)?"
                   + r"(?P<rel>this\s+past|this|last|next|the\s+past|past|the\s+coming|coming)\s+" + _UNIT + r"\b"),
    ("weekday", "weekday", rf"(?P<rel>\b(?:last|this|next|this\s+past)\s+)?\b(?P<weekday>{_WEEKDAY})\b(?!s\b)"),
    ("ago", "unit", r"\b" + _NUMBER + r"\s+" + _UNIT + r"s?\s+ago\b"),
    ("anaphor", "unit", r"\b(?P<which>(?:the\s+|that\s+)?same|that|(?:the\s+)?(?:following|next|previous|preceding))\s+"
                + _UNIT + r"\b(?!s)"),
    ("anaphor", "unit", r"\b" + _NUMBER + r"\s+" + _UNIT + r"s?\s+(?P<which>later|earlier)\b"),
    ("anaphor", "unit", r"\bthe\s+" + _UNIT + r"\s+(?P<which>before|after)(?=\s*(?:[.,;:)]|$))"),
)
"""(kind, anchor class, regex): one regular expression per kind of expression, most specific first."""



def _compile_patterns() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """Compile the patterns and group them by anchor class."""
    patterns: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for kind, anchor, source in _PATTERN_SOURCES:
        patterns.setdefault(anchor, []).append((kind, re.compile(r"\b" + source)))
    return patterns


PATTERNS = _compile_patterns()
"""Compiled patterns by anchor class. They match ASCII-lower-cased text (see ``scan``): that keeps
offsets and is several times faster than ``re.IGNORECASE``."""

_ANCHOR_WORDS: dict[str, list[str]] = {
    "month": list(MONTHS), "weekday": list(WEEKDAYS), "unit": ["days?", "weeks?", "months?", "years?"],
    "deictic": ["yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "night"],
}
_FIRST_CHARS = "".join(sorted({w[0] for words in _ANCHOR_WORDS.values() for w in words})) + "12"
_ANCHOR = re.compile(
    rf"\b(?=[{_FIRST_CHARS}])(?:(?P<year>(?:19|20)\d\d(?!\d))|"
    + "|".join(f"(?P<{name}>(?:{_alternation(words)})\\b)" for name, words in _ANCHOR_WORDS.items()) + ")")
"""The token every expression of a class contains: its patterns run only in windows around these."""
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_WINDOW_BEFORE, _WINDOW_AFTER = 60, 40

_QUANTITY_BEFORE = re.compile(r"(?:\b(?:" + "|".join(QUANTITY_WORDS) + r")|\bup\s+to)\s+$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*[-–]\s*(?:19|20)\d\d(?!\d)")
_RANGE_BEFORE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*$")
_BAD_BEFORE = re.compile(r"(?:[$€£#/.:\d-]|\d,)$")
_BAD_AFTER = re.compile(rf"(?:/|-\w|[.:,]\d|\s*%|\+|\s+(?:{COUNT_NOUNS})\b)", re.IGNORECASE)
_PREV_WORD = re.compile(r"(?:^|[\s(\[])([A-Za-z]+)(?:'s|’s)?\s+$")
_POSSESSIVE = re.compile(r"(?:'s|’s|s')\s+$", re.IGNORECASE)
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")


@dataclass(frozen=True, slots=True)
class RawMatch:
    """A candidate temporal expression: its kind, its span in the text and the regex match behind it."""

    kind: str
    start: int
    end: int
    match: re.Match[str]


def _year_in_context(text: str, m: re.Match[str]) -> bool:
    """Tell whether a bare four-digit number reads as a year where it stands."""
    start, end = m.span("year")
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    if m.group("mod") or _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before):
        return True
    if m.group("year").endswith("0") and after[:2] in {"'s", "’s"}:
        return False  # "the 1990's" is a decade
    if _BAD_BEFORE.search(before) or _BAD_AFTER.match(after) or _QUANTITY_BEFORE.search(before):
        return False
    if _POSSESSIVE.search(before) or (before.endswith("(") and after.startswith(")")):
        return True
    prev = _PREV_WORD.search(before)
    return prev is not None and prev.group(1).lower() in YEAR_TRIGGERS


def _is_modal_may(text: str, m: re.Match[str]) -> bool:
    """Tell whether a yearless "may" is the verb ("2 may be"): it is when a lower-case word follows and it is
    not written as the month is in mixed case ("killed on 3 May near Gao" is a day)."""
    if m.group("month") != "may" or _LOWER_WORD_AFTER.match(text, m.end("month")) is None:
        return False
    return not text[m.start("month"):m.end("month")].istitle()


def _bare_month_ok(m: re.Match[str]) -> bool:
    """A lone month needs a preposition or modifier; "to"/"and"/"or" cannot introduce "march"/"may"."""
    pre = (m.group("pre") or "").strip()
    if not (pre or m.group("rel") or m.group("mod")):
        return False
    return not (pre in {"to", "and", "or"} and m.group("month") in {"march", "may"})


def _accept(kind: str, text: str, m: re.Match[str]) -> bool:
    """Apply the context checks a regex cannot express."""
    if kind == "y":
        return _year_in_context(text, m)
    if kind in {"md", "dm", "m"} and _is_modal_may(text, m):
        return False
    if kind == "m":
        return _bare_month_ok(m)
    if kind == "weekday":
        return HOLIDAY_WEEKDAY.search(text, max(0, m.start() - 12), m.start()) is None
    return True


def _span(kind: str, m: re.Match[str]) -> tuple[int, int]:
    """Return the span of the expression proper: a leading preposition ("in", "since") is left out."""
    if kind == "m" and m.group("pre"):
        return m.end("pre"), m.end()
    return m.start(), m.end()


def _windows(lowered: str) -> dict[str, list[tuple[int, int]]]:
    """Return, by anchor class, disjoint stretches of text around the anchors, ending on white space.

    A pattern run inside a window still sees what precedes it (look-behind reaches back past the
    window start), and every expression ends a few characters after its last anchor, so nothing is lost.
    """
    windows: dict[str, list[tuple[int, int]]] = {}
    for m in _ANCHOR.finditer(lowered):
        spans = windows.setdefault(m.lastgroup or "", [])
        start = max(0, m.start() - _WINDOW_BEFORE)
        if spans and start <= spans[-1][1]:
            start = spans.pop()[0]
        end = lowered.find(" ", m.end() + _WINDOW_AFTER)
        spans.append((start, len(lowered) if end < 0 else end))
    return windows


def scan(text: str) -> list[RawMatch]:
    """Find the temporal expressions of ``text``: in order, not overlapping, the longest where two compete."""
    lowered = text.translate(_ASCII_LOWER)
    found: list[RawMatch] = []
    for anchor, spans in _windows(lowered).items():
        for start, end in spans:
            for kind, pattern in PATTERNS[anchor]:
                found.extend(RawMatch(kind, *_span(kind, m), m)
                             for m in pattern.finditer(lowered, start, end) if _accept(kind, text, m))
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[RawMatch] = []
    for raw in found:
        if not kept or raw.start >= kept[-1].end:
            kept.append(raw)
    return kept
