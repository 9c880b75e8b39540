"""How the page shows the ontology: a label, colour and line style for every relation type, actor kind, status
and event type, served at ``/api/vocabulary`` so the page's legend, filters and drawing come from one table.

The names come from ``factionmap.records`` (the ontology); this module adds only how they look. Every name of
the ontology must have an entry here (``vocabulary()`` raises ``KeyError`` otherwise, and a test checks it), so
a new type cannot be half-added. Colours are from ColorBrewer's and Okabe–Ito's colour-blind-safe palettes;
types that look alike in colour differ in family, arrow or label.
"""

from __future__ import annotations

from dataclasses import dataclass

from factionmap.vocabulary import (
    ACTOR_KINDS,
    EVENT_TYPES,
    PLACE_RELATIONS,
    RELATION_TYPES,
    STATUSES,
    SYMMETRIC_RELATIONS,
)
from factionmap.web.schemas import EventTypeOut, KindOut, RelationTypeOut, StatusOut, VocabularyOut


@dataclass(frozen=True, slots=True)
class Look:
    """How one name of the ontology shows: its words in a legend, its phrase on an edge, its colour, its group."""

    label: str
    color: str
    phrase: str = ""
    family: str = ""


RELATION_LOOKS: dict[str, Look] = {
    "allegiance": Look("allegiance", "#7b3294", "pledged to", "lineage and loyalty"),
    "branch_of": Look("branch", "#c51b7d", "branch of", "lineage and loyalty"),
    "splinter_of": Look("splinter", "#8c510a", "splinter of", "lineage and loyalty"),
    "merger": Look("merger", "#2166ac", "merged with", "lineage and loyalty"),
    "alliance": Look("alliance", "#1a9850", "allied with", "cooperation"),
    "joint_operation": Look("joint operation", "#01665e", "fought alongside", "cooperation"),
    "rivalry": Look("rivalry", "#e08214", "rival of", "hostility"),
    "conflict": Look("conflict", "#d73027", "fights", "hostility"),
    "leader_of": Look("leader", "#1b1b1b", "leads", "people"),
    "member_of": Look("member", "#878787", "member of", "people"),
    "operates_in": Look("operates in", "#0072b2", "operates in", "places"),
    "based_in": Look("based in", "#cc79a7", "based in", "places"),
}

KIND_LOOKS: dict[str, tuple[Look, str]] = {
    "armed_group": (Look("armed group", "#c0392b"), "ellipse"),
    "state": (Look("state", "#2e6da4"), "round-rectangle"),
    "person": (Look("person", "#3c8d40"), "triangle"),
    "organization": (Look("organization", "#7f7f7f"), "diamond"),
    "unidentified": (Look("unidentified perpetrator", "#8e6c3a"), "hexagon"),
}

STATUS_LOOKS: dict[str, tuple[Look, str]] = {
    "asserted": (Look("asserted: the text states it", "#444444"), "solid"),
    "claimed": (Look("claimed by a party", "#444444"), "dotted"),
    "uncertain": (Look("uncertain: hedged", "#444444"), "dashed"),
    "denied": (Look("denied by a party (history only)", "#444444"), "solid"),
}

EVENT_LOOKS: dict[str, Look] = {
    "attack": Look("attack", "#d73027"),
    "pledge": Look("pledge", "#7b3294"),
    "designation": Look("designation", "#2166ac"),
    "killing": Look("killing", "#1b1b1b"),
    "capture": Look("capture", "#e08214"),
    "founding": Look("founding", "#1a9850"),
    "propaganda": Look("propaganda", "#878787"),
}


def vocabulary() -> VocabularyOut:
    """Every relation type, actor kind, status and event type of the ontology, in its order, with its look."""
    return VocabularyOut(
        relation_types=[
            RelationTypeOut(
                name=name,
                label=RELATION_LOOKS[name].label,
                phrase=RELATION_LOOKS[name].phrase,
                family=RELATION_LOOKS[name].family,
                color=RELATION_LOOKS[name].color,
                directed=name not in SYMMETRIC_RELATIONS,
                place=name in PLACE_RELATIONS,
            )
            for name in RELATION_TYPES
        ],
        actor_kinds=[
            KindOut(name=name, label=KIND_LOOKS[name][0].label, color=KIND_LOOKS[name][0].color,
                    shape=KIND_LOOKS[name][1])
            for name in ACTOR_KINDS
        ],
        statuses=[
            StatusOut(name=name, label=STATUS_LOOKS[name][0].label, line_style=STATUS_LOOKS[name][1],
                      in_network=name != "denied")
            for name in STATUSES
        ],
        event_types=[
            EventTypeOut(name=name, label=EVENT_LOOKS[name].label, color=EVENT_LOOKS[name].color)
            for name in EVENT_TYPES
        ],
    )
