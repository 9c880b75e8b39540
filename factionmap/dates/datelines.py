"""Wire datelines: the place and the day a report was filed from (issue 12).

"SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) --", "KABUL, Afghanistan (Jan. 25, 2013) —", "MOGADISHU, Somalia
—", "BOGOTA (Reuters) -": a line opens with a place in capitals, perhaps its country, perhaps a date and the
agency, then a dash. The date is read by ``factionmap.dates.find_dateline``; ``find_dateline_place`` gives the
place's character span, so that an incident the report places nowhere else is placed where it was filed, and
``find_dateline_end`` where the dateline ends, so that its words are never read as an incident's actors.
"""

from __future__ import annotations

import re

HEAD = 400  # a dateline opens the text, or the line after a title
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z'’.-]*(?:[ \t]+[A-Z][A-Z'’.-]*){0,3})"
    r"(?:,[ \t]*[A-Z][A-Za-z'’.]*(?:[ \t]+[A-Z][A-Za-z'’.]*){0,2})?"  # ", Afghanistan"
    r"[ \t]*(?:,[ \t]*[^()\n]{0,25}?\d{2,4}[ \t]*)?"  # ", 3 JAN 90"
    r"(?:\([^)\n]{0,60}\)[ \t]*)*"  # "(Jan. 25, 2013)", "(RADIO VENCEREMOS)", "(Reuters)"
    r"(?:--|—|–|-)[ \t]"
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
