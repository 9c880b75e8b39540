"""Where a report's incidents happened when no sentence of it says: the place an event coder falls back on
(issue 12).

- A report places its story where it was filed: "SAN SALVADOR, 3 JAN 90 --" tells of El Salvador, as a coder
  reads it, even when its sentences only name the United States or Venezuela, whose envoys speak in it.
- A dateline that spells out its country ("MANAGUA (NICARAGUA), 2 NOV 89 --", "KABUL, Afghanistan (AP) —") was
  filed from a place its readers need placed: abroad. When the text never names that country again and names one
  other country more than any, the story is of that one ("MADRID (SPAIN) -- ... the murder of six Jesuit priests
  in San Salvador"): its place most told of stands for it.
- A report without a place in its dateline ("CLANDESTINE, 13 JAN 90 (RADIO VENCEREMOS) --") is of the place it
  tells of most.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from factionmap.dates.datelines import dateline_stands_alone, find_dateline_end, find_dateline_place
from factionmap.records import Place


def incident_fallback_place(places: Sequence[Place], text: str) -> str | None:
    """The key of the place a report's unplaced incidents take: its dateline's, the story's when the report was
    filed from abroad, else the place it names most."""
    span = find_dateline_place(text)
    filed = next((p for p in places for m in p.mentions if span is not None and m.start < span[1] and span[0] < m.end),
                 None)
    if filed is None:
        return max(places, key=lambda p: len(p.mentions)).key if places else None
    if dateline_stands_alone(text):
        return filed.key
    told = _body_counts(places, find_dateline_end(text))
    if told[filed.country or ""]:
        return filed.key
    story = _story_place(places, told)
    return story.key if story is not None else filed.key


def _body_counts(places: Sequence[Place], body_start: int) -> Counter[str]:
    """How often the text after the dateline names each country's places."""
    counts: Counter[str] = Counter()
    for place in places:
        if place.country:
            counts[place.country] += sum(m.start >= body_start for m in place.mentions)
    return counts


def _story_place(places: Sequence[Place], told: Counter[str]) -> Place | None:
    """The most told-of place of the one country named more than any other, if there is one."""
    ranked = [(country, n) for country, n in told.most_common() if n]
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    country = ranked[0][0]
    return max((p for p in places if p.country == country), key=lambda p: len(p.mentions))
