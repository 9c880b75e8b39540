"""As-of semantics over partial dates: when is a relation in force?

Dates in factionmap are *partial dates*: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, at the precision the text
supports. A partial date stands for an interval of days: ``2015-08`` is 1 to 31 August 2015. Everything here is a
pure function; the store calls these when it answers ``relations(as_of=...)``.

Rules:

* A relation is in force on ``as_of`` when it started on or before that day (``lower_bound(start) <= as_of``) and
  had not ended before it (``as_of <= upper_bound(end)``). A missing start or end is open on that side, so **a
  relation with no dates is in force at any date**: the text gave no reason to bound it.
* A partial ``as_of`` (``"2016"``) asks whether the relation was in force at some day within it.
* An *event* is in the map as of a date when it happened on or before it (``happened_by``: the first day of its
  partial date is no later than the last day of ``as_of``); in a range, when some day of its date falls in the
  range (``happened_during``). **An undated event is in no dated view.** A relation is a state that holds until
  something ends it, so an undated one holds at any date; an event is a moment, and an analyst asking what had
  happened by 2015 must not be shown an attack whose date the text never gave (it may be from 2020). Undated
  events stay in every view that gives no date; the web page lists them apart. The store, the web app and every
  export use these two functions, and no other rule.
* Supersession (``supersessions``) closes relations the text left open:

  1. an ``allegiance`` ends when the same subject's *later* dated allegiance to a different object starts (the
     older one must have a start strictly before the newer one's start; an undated allegiance is never
     superseded, as nothing says it is the older one). An allegiance to a group's leader and one to the group
     (linked by ``leader_of``) are the same side and do not supersede each other;
  2. an ``alliance`` with no end ends when one of its parties starts a dated allegiance to a third party that is
     in ``rivalry`` or ``conflict`` with the ally (or whose led group is), provided the alliance had not
     started after that allegiance.

  The superseding relation's start becomes the older one's effective end (inclusive: on that day both hold).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from factionmap.dates.expressions import date_bounds, parse_partial_date
from factionmap.errors import InvalidDate
from factionmap.vocabulary import HOSTILE_RELATIONS


@lru_cache(maxsize=8192)
def bounds(value: str) -> tuple[date, date]:
    """First and last day a partial date can mean; ``InvalidDate`` unless it is canonical (zero-padded).

    Stored dates are compared as strings too, so ``"2015-8"`` is refused rather than read as ``"2015-08"``.
    """
    if parse_partial_date(value) != value:
        raise InvalidDate(value)
    return date_bounds(value)


def check_date(value: str | None, *, pad: bool = False) -> str | None:
    """A date a user gave (a command's option, an API query), checked; the one rule of both.

    ``InvalidDate`` unless it is YYYY, YYYY-MM or YYYY-MM-DD naming a real day. With ``pad`` (the command line)
    "2015-8" is read as "2015-08" and only None is no date; without it (the API, where an empty query value is no
    date) only the zero-padded form passes, as stored dates are compared as strings.
    """
    if pad:
        return None if value is None else parse_partial_date(value)
    if not value:
        return None
    bounds(value)
    return value


def lower_bound(value: str) -> date:
    """First day a partial date can mean: ``2015`` -> 2015-01-01, ``2015-08`` -> 2015-08-01."""
    return bounds(value)[0]


def upper_bound(value: str) -> date:
    """Last day a partial date can mean: ``2015`` -> 2015-12-31, ``2016-02`` -> 2016-02-29."""
    return bounds(value)[1]


def _as_interval(as_of: str | date) -> tuple[date, date]:
    if isinstance(as_of, date):
        return as_of, as_of
    return lower_bound(as_of), upper_bound(as_of)


def in_force(start: str | None, end: str | None, as_of: str | date) -> bool:
    """Whether a relation dated ``start``..``end`` (each partial or None) holds on ``as_of``.

    True when (start is None or lower_bound(start) <= as_of) and (end is None or as_of <= upper_bound(end)).
    For a partial ``as_of`` the test is "at some day within it". No dates at all: in force at any date.
    """
    first, last = _as_interval(as_of)
    if start is not None and lower_bound(start) > last:
        return False
    return end is None or first <= upper_bound(end)


def in_force_during(start: str | None, end: str | None, since: str | None, until: str | None) -> bool:
    """Whether a relation dated ``start``..``end`` holds on some day from ``since`` to ``until`` (either open).

    The range form of ``in_force``: ``in_force_during(s, e, d, d) == in_force(s, e, d)``.
    """
    if start is not None and until is not None and lower_bound(start) > upper_bound(until):
        return False
    return end is None or since is None or lower_bound(since) <= upper_bound(end)


def happened_by(date: str | None, as_of: str | None) -> bool:
    """Whether an event dated ``date`` (partial or None) happened on or before ``as_of`` (None: any event does).

    An undated event happened by no date (see the module's rules).
    """
    if as_of is None:
        return True
    return date is not None and lower_bound(date) <= upper_bound(as_of)


def happened_during(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an event dated ``date`` happened on some day from ``since`` to ``until`` (either open).

    The range form of ``happened_by``: ``happened_during(d, None, u) == happened_by(d, u)``. With neither bound
    every event is in it; with either, an undated one is not.
    """
    if since is None and until is None:
        return True
    if date is None:
        return False
    early = since is None or upper_bound(date) >= lower_bound(since)
    return early and (until is None or lower_bound(date) <= upper_bound(until))


def _precision(value: str) -> int:
    return len(value)


def earliest(dates: Iterable[str | None]) -> str | None:
    """The earliest of some partial dates by lower bound (ties: the more precise); None if none is given."""
    given = [d for d in dates if d]
    if not given:
        return None
    return min(given, key=lambda d: (lower_bound(d), -_precision(d)))


def latest(dates: Iterable[str | None]) -> str | None:
    """The latest of some partial dates by upper bound (ties: the more precise); None if none is given."""
    given = [d for d in dates if d]
    if not given:
        return None
    return max(given, key=lambda d: (upper_bound(d), _precision(d)))


def sort_key(value: str | None) -> tuple[int, date, int]:
    """Key that orders partial dates chronologically (less precise first on ties), undated last."""
    if value is None:
        return (1, date.max, 0)
    return (0, lower_bound(value), _precision(value))


@dataclass(frozen=True, slots=True)
class TimedFact:
    """The part of a stored relation that supersession looks at (ids are store ids)."""

    id: int
    type: str
    subject: int
    object: int
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Superseded:
    """A relation closed by a later one: its effective ``end`` and the id of the relation that closed it."""

    end: str
    by: int


def _same_side(a: int, b: int, leads: Mapping[int, Collection[int]]) -> bool:
    """Whether two allegiance targets are one side: equal, or a leader and the group they lead."""
    if a == b or b in leads.get(a, ()) or a in leads.get(b, ()):
        return True
    return bool(set(leads.get(a, ())) & set(leads.get(b, ())))


def _closes(old: TimedFact, new_start: str) -> bool:
    """Whether a relation starting ``new_start`` can close ``old``: still open then, and not newer itself."""
    if old.start is not None and lower_bound(old.start) >= lower_bound(new_start):
        return False
    return old.end is None or lower_bound(new_start) <= upper_bound(old.end)


def _keep_earliest(found: dict[int, Superseded], fact_id: int, candidate: Superseded) -> None:
    current = found.get(fact_id)
    if current is None or lower_bound(candidate.end) < lower_bound(current.end):
        found[fact_id] = candidate


def _supersede_allegiances(
    allegiances: Sequence[TimedFact], leads: Mapping[int, Collection[int]], found: dict[int, Superseded]
) -> None:
    """Rule 1: a dated allegiance ends when the subject's later allegiance to another side starts."""
    for old in allegiances:
        if old.start is None:
            continue
        for new in allegiances:
            if new.subject != old.subject or new.start is None or _same_side(new.object, old.object, leads):
                continue
            if _closes(old, new.start):
                _keep_earliest(found, old.id, Superseded(new.start, new.id))


def _hostile_pairs(facts: Iterable[TimedFact]) -> set[frozenset[int]]:
    return {frozenset((f.subject, f.object)) for f in facts if f.type in HOSTILE_RELATIONS}


def _supersede_alliances(
    facts: Sequence[TimedFact], leads: Mapping[int, Collection[int]], found: dict[int, Superseded]
) -> None:
    """Rule 2: an open alliance ends when a party pledges to a third party hostile to the ally."""
    hostile = _hostile_pairs(facts)
    pledges = [f for f in facts if f.type == "allegiance" and f.start is not None]
    for alliance in (f for f in facts if f.type == "alliance" and f.end is None):
        for party, ally in ((alliance.subject, alliance.object), (alliance.object, alliance.subject)):
            for pledge in pledges:
                if pledge.subject != party or pledge.object == ally or pledge.start is None:
                    continue
                sides = {pledge.object, *leads.get(pledge.object, ())}
                if any(frozenset((side, ally)) in hostile for side in sides) and _closes(alliance, pledge.start):
                    _keep_earliest(found, alliance.id, Superseded(pledge.start, pledge.id))


def supersessions(
    facts: Sequence[TimedFact], leads: Mapping[int, Collection[int]] | None = None
) -> dict[int, Superseded]:
    """Find the relations that later ones close (see the module docstring), keyed by relation id.

    ``leads`` maps a person to the groups they lead (from ``leader_of``), so that pledging to a leader counts as
    pledging to the group. Denied relations should not be passed in.
    """
    leads = leads or {}
    found: dict[int, Superseded] = {}
    _supersede_allegiances([f for f in facts if f.type == "allegiance"], leads, found)
    _supersede_alliances(facts, leads, found)
    return found


def effective_end(fact: TimedFact, superseded: Mapping[int, Superseded]) -> str | None:
    """The end that holds for ``fact``: the earlier of its given end and the end a supersession gives it."""
    closed = superseded.get(fact.id)
    if closed is None:
        return fact.end
    if fact.end is None or lower_bound(closed.end) < upper_bound(fact.end):
        return closed.end
    return fact.end
