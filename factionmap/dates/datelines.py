"""Wire datelines: the place and the day a report was filed from (issue 12).

"SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) --", "KABUL, Afghanistan (Jan. 25, 2013) —", "MOGADISHU, Somalia
—", "BOGOTA (Reuters) -", "PANAMA CITY (PANAMA), 26 JAN 89 --": a line opens with a place in capitals, perhaps
its country (after a comma, or in brackets), perhaps a date and the agency, then a dash, which may end the
line. The date is read by ``factionmap.dates.find_dateline``; ``find_dateline_place`` gives the place's
character span, so that an incident the report places nowhere else is placed where it was filed, and
``find_dateline_end`` where the dateline ends, so that its words are never read as an incident's actors.
"""

from __future__ import annotations

import re

HEAD = 400  # a dateline opens the text, or the line after a title
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z'’.-]*(?:[ \t]+[A-Z][A-Z'’.-]*){0,3})"
    r"(?P<qualifier>,[ \t]*[A-Z][A-Za-z'’.]*(?:[ \t]+[A-Z][A-Za-z'’.]*){0,2}"  # ", Afghanistan", ", Ky."
    r"|[ \t]*\([A-Z][A-Za-z'’. ]{1,30}\)(?=,))?"  # " (PANAMA)," before the date
    r"[ \t]*(?:,[ \t]*(?:[^()\n]{0,25}?\d{2,4}|\d{1,2}[ \t]+[A-Za-z]{3,9}\.?)[ \t]*)?"  # ", 3 JAN 90", ", 7 FEB"
    r"(?:\([^)\n]{0,60}\)[ \t]*)*"  # "(Jan. 25, 2013)", "(RADIO VENCEREMOS)", "(Reuters)"
    r"(?:--|—|–|-)(?:[ \t]|$)"  # the dash may end the line
)


_RECASED_DATELINE = re.compile(_DATELINE.pattern.replace("[A-Z'’.-]*", "[A-Za-z'’.-]*"))
"""The same for text already recased ("Bogota, 20 Aug 89 (AFP) --"): its place words are capitalised only."""


def find_dateline_place(text: str, recased: bool = False) -> tuple[int, int] | None:
    """The character span of the place a dateline names at the head of the text, or None; ``recased`` for wire
    copy whose capitals were restored."""
    m = (_RECASED_DATELINE if recased else _DATELINE).search(text[:HEAD])
    if m is None:
        return None
    return m.start("place"), m.end("place")


def find_dateline_end(text: str, recased: bool = False) -> int:
    """The character offset where the dateline at the head of the text ends (0 when there is none)."""
    m = (_RECASED_DATELINE if recased else _DATELINE).search(text[:HEAD])
    return 0 if m is None else m.end()


def dateline_stands_alone(text: str, recased: bool = False) -> bool:
    """The dateline names its place without a country or a state after it: "SANTIAGO, 18 JUL 89 --", "BOGOTA
    (Reuters) -", not "EDMONTON, Ky. --" or "MANAGUA (NICARAGUA), 2 NOV 89 --"."""
    m = (_RECASED_DATELINE if recased else _DATELINE).search(text[:HEAD])
    return m is not None and m.group("qualifier") is None
