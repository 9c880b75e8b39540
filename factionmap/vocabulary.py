"""The ontology in one table: every actor kind, status, event type and relation type, with every trait the code
uses (``shared/ONTOLOGY.md`` is its prose).

A relation type is one ``RelationTypeRow``: whether it is symmetric, whether its object is a place, whether it is
had between groups, whether its cue dates when it began, what it is called in STIX and in Mapping Militants, how
the page draws it. Every other list of types (``SYMMETRIC_RELATIONS``, ``MMP_TYPES``, the web legend...) is derived
from these rows, so adding a type is one row here plus its cues in ``data/cues.json``; a test proves that every
layer (STIX, the CSV tables, the web legend, the timeline) knows every row.

Colours are from ColorBrewer's and Okabe–Ito's colour-blind-safe palettes; types that look alike in colour differ
in family, arrow or label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeGuard

ActorKind = Literal["armed_group", "state", "person", "organization", "unidentified"]
RelationType = Literal[
    "allegiance", "branch_of", "alliance", "joint_operation", "rivalry", "conflict",
    "splinter_of", "merger", "leader_of", "member_of", "operates_in", "based_in",
]
EventType = Literal["attack", "pledge", "designation", "killing", "capture", "founding", "propaganda"]
Status = Literal["asserted", "claimed", "denied", "uncertain"]


@dataclass(frozen=True, slots=True)
class ActorKindRow:
    """An actor kind: how its nodes look, and whether it is a group (names of groups have acronyms, "the group"
    refers back to one)."""

    name: ActorKind
    label: str
    color: str
    shape: str  # a Cytoscape.js node shape
    group: bool = False


@dataclass(frozen=True, slots=True)
class StatusRow:
    """A status: how much a fact with it is trusted, and how its edges look."""

    name: Status
    label: str
    line_style: str  # solid, dotted or dashed
    confidence: float  # the factor a cue's confidence is multiplied by
    in_network: bool = True  # denied facts are history only: the network never draws them


@dataclass(frozen=True, slots=True)
class EventTypeRow:
    """An event type, its colour on the timeline and the map, and whether the incident finder reports it (an
    incident word of ``data/incidents.json`` names it: "gunmen killed", "an ambush")."""

    name: EventType
    label: str
    color: str
    incident: bool = False


@dataclass(frozen=True, slots=True)
class RelationTypeRow:
    """A relation type and every trait the code uses.

    ``onset``: a cue of it dates when the relation began ("pledged in May 2005" starts it). ``switch``: it changes
    which side the subject is on, so an earlier relation of the subject ends when it starts. ``activity``: the
    parties act together or against each other somewhere ("clashed in Kunduz" also places them there).
    ``mutual_noun``: its noun names both parties at once ("the alliance between A and B"). ``office``: a person
    holds it in an actor. ``recent``: news of the report's days ("its new leader", "X has joined Y") dates it to
    the report's month. ``stix``: the STIX ``relationship_type``; ``mmp``: the Mapping Militants type, None where
    it has none. ``label``, ``phrase`` (read subject to object), ``color`` and ``family`` are how the page shows it.
    """

    name: RelationType
    stix: str
    mmp: str | None
    label: str
    phrase: str
    color: str
    family: str
    symmetric: bool = False
    place_object: bool = False
    group_level: bool = False
    onset: bool = False
    switch: bool = False
    activity: bool = False
    lineage: bool = False
    hostile: bool = False
    mutual_noun: bool = False
    office: bool = False
    recent: bool = False


ACTOR_KIND_ROWS: tuple[ActorKindRow, ...] = (
    ActorKindRow("armed_group", "armed group", "#c0392b", "ellipse", group=True),
    ActorKindRow("state", "state", "#2e6da4", "round-rectangle"),
    ActorKindRow("person", "person", "#3c8d40", "triangle"),
    ActorKindRow("organization", "organization", "#7f7f7f", "diamond", group=True),
    ActorKindRow("unidentified", "unidentified perpetrator", "#8e6c3a", "hexagon"),
)
"""``unidentified``: a perpetrator the text describes but does not name ("gunmen"), kept per country in ACLED's
manner ("unidentified armed group (Peru)"), so that it is neither lost nor taken for a group with a name."""

STATUS_ROWS: tuple[StatusRow, ...] = (
    StatusRow("asserted", "asserted: the text states it", "solid", 1.0),
    StatusRow("claimed", "claimed by a party", "dotted", 0.85),
    StatusRow("denied", "denied by a party (history only)", "solid", 0.5, in_network=False),
    StatusRow("uncertain", "uncertain: hedged", "dashed", 0.6),
)

EVENT_TYPE_ROWS: tuple[EventTypeRow, ...] = (
    EventTypeRow("attack", "attack", "#d73027", incident=True),
    EventTypeRow("pledge", "pledge", "#7b3294"),
    EventTypeRow("designation", "designation", "#2166ac"),
    EventTypeRow("killing", "killing", "#1b1b1b", incident=True),
    EventTypeRow("capture", "capture", "#e08214", incident=True),
    EventTypeRow("founding", "founding", "#1a9850"),
    EventTypeRow("propaganda", "propaganda", "#878787"),
)

_LOYALTY, _COOPERATION, _HOSTILITY = "lineage and loyalty", "cooperation", "hostility"
RELATION_TYPE_ROWS: tuple[RelationTypeRow, ...] = (
    RelationTypeRow("allegiance", "x-factionmap-allegiance-to", "aff", "allegiance", "pledged to", "#7b3294",
                    _LOYALTY, onset=True, switch=True, recent=True),
    RelationTypeRow("branch_of", "part-of", "aff", "branch", "branch of", "#c51b7d", _LOYALTY,
                    group_level=True, lineage=True),
    RelationTypeRow("alliance", "cooperates-with", "all", "alliance", "allied with", "#1a9850", _COOPERATION,
                    symmetric=True, group_level=True, activity=True, mutual_noun=True),
    RelationTypeRow("joint_operation", "cooperates-with", "all", "joint operation", "fought alongside", "#01665e",
                    _COOPERATION, symmetric=True, group_level=True, onset=True, activity=True, mutual_noun=True, recent=True),
    RelationTypeRow("rivalry", "x-factionmap-rival-of", "riv", "rivalry", "rival of", "#e08214", _HOSTILITY,
                    symmetric=True, group_level=True, hostile=True, mutual_noun=True),
    RelationTypeRow("conflict", "x-factionmap-in-conflict-with", "riv", "conflict", "fights", "#d73027", _HOSTILITY,
                    symmetric=True, group_level=True, activity=True, hostile=True),
    RelationTypeRow("splinter_of", "x-factionmap-splinter-of", "spl", "splinter", "splinter of", "#8c510a", _LOYALTY,
                    group_level=True, onset=True, switch=True, lineage=True, recent=True),
    RelationTypeRow("merger", "x-factionmap-merged-with", "mer", "merger", "merged with", "#2166ac", _LOYALTY,
                    symmetric=True, group_level=True, onset=True, switch=True, lineage=True, mutual_noun=True, recent=True),
    RelationTypeRow("leader_of", "x-factionmap-leader-of", None, "leader", "leads", "#1b1b1b", "people",
                    office=True, recent=True),
    RelationTypeRow("member_of", "part-of", None, "member", "member of", "#878787", "people", office=True),
    RelationTypeRow("operates_in", "x-factionmap-operates-in", None, "operates in", "operates in", "#0072b2",
                    "places", place_object=True),
    RelationTypeRow("based_in", "located-at", None, "based in", "based in", "#cc79a7", "places",
                    place_object=True),
)
"""One row per relation type, in the order legends and filters list them."""

ACTOR_KINDS: tuple[ActorKind, ...] = tuple(row.name for row in ACTOR_KIND_ROWS)
STATUSES: tuple[Status, ...] = tuple(row.name for row in STATUS_ROWS)
EVENT_TYPES: tuple[EventType, ...] = tuple(row.name for row in EVENT_TYPE_ROWS)
RELATION_TYPES: tuple[RelationType, ...] = tuple(row.name for row in RELATION_TYPE_ROWS)
RELATION_ROWS: dict[str, RelationTypeRow] = {row.name: row for row in RELATION_TYPE_ROWS}
"""Relation type -> its row."""

INCIDENT_TYPES: tuple[EventType, ...] = tuple(row.name for row in EVENT_TYPE_ROWS if row.incident)
GROUP_KINDS: frozenset[str] = frozenset(row.name for row in ACTOR_KIND_ROWS if row.group)
CONFIDENCE_BY_STATUS: dict[str, float] = {row.name: row.confidence for row in STATUS_ROWS}
SYMMETRIC_RELATIONS: frozenset[str] = frozenset(row.name for row in RELATION_TYPE_ROWS if row.symmetric)
PLACE_RELATIONS: frozenset[str] = frozenset(row.name for row in RELATION_TYPE_ROWS if row.place_object)
OFFICE_RELATIONS: frozenset[str] = frozenset(row.name for row in RELATION_TYPE_ROWS if row.office)
GROUP_LEVEL_RELATIONS: frozenset[str] = frozenset(row.name for row in RELATION_TYPE_ROWS if row.group_level)
ONSET_RELATIONS: frozenset[str] = frozenset(row.name for row in RELATION_TYPE_ROWS if row.onset)
RECENT_RELATIONS: frozenset[str] = frozenset(row.name for row in RELATION_TYPE_ROWS if row.recent)
SWITCH_RELATIONS: frozenset[str] = frozenset(row.name for row in RELATION_TYPE_ROWS if row.switch)
ACTIVITY_RELATIONS: frozenset[str] = frozenset(row.name for row in RELATION_TYPE_ROWS if row.activity)
LINEAGE_RELATIONS: frozenset[str] = frozenset(row.name for row in RELATION_TYPE_ROWS if row.lineage)
HOSTILE_RELATIONS: frozenset[str] = frozenset(row.name for row in RELATION_TYPE_ROWS if row.hostile)
MUTUAL_NOUN_RELATIONS: frozenset[str] = frozenset(row.name for row in RELATION_TYPE_ROWS if row.mutual_noun)
STIX_RELATIONSHIP_TYPES: dict[str, str] = {row.name: row.stix for row in RELATION_TYPE_ROWS}
"""Relation type -> STIX ``relationship_type`` (``x_factionmap_relation`` keeps the exact type)."""
MMP_TYPES: dict[str, str] = {row.name: row.mmp for row in RELATION_TYPE_ROWS if row.mmp is not None}
"""Relation type -> Mapping Militants type; leader_of, member_of and place relations have none."""


def is_actor_kind(value: object) -> TypeGuard[ActorKind]:
    """Whether ``value`` is an actor kind of the ontology (narrows a string read from outside)."""
    return value in ACTOR_KINDS


def is_status(value: object) -> TypeGuard[Status]:
    """Whether ``value`` is a status of the ontology."""
    return value in STATUSES


def is_event_type(value: object) -> TypeGuard[EventType]:
    """Whether ``value`` is an event type of the ontology."""
    return value in EVENT_TYPES


def is_relation_type(value: object) -> TypeGuard[RelationType]:
    """Whether ``value`` is a relation type of the ontology."""
    return value in RELATION_ROWS
