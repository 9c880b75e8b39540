"""Response models of the JSON API (they make the OpenAPI description at ``/openapi.json``).

Article text travels as plain JSON strings, exactly as stored: escaping is the page's job (it only ever sets
``textContent``), so API users get the text verbatim.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ApiModel(BaseModel):
    """Base of every response model."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class EvidenceOut(ApiModel):
    """One sentence behind a relation or event, with the article it is from and what it said."""

    text: str = Field(description="the sentence, verbatim")
    document_id: int
    doc_id: str
    title: str | None
    url: str | None
    outlet: str | None = Field(description="the site the article is from (host of its URL)")
    published: str | None
    status: str = Field(description="asserted, claimed, denied or uncertain")
    attributed_to: str | None = Field(description="whose claim or denial it is")
    confidence: float
    start: str | None = Field(description="start date this sentence gives")
    end: str | None = Field(description="end date this sentence gives")


class ActorOut(ApiModel):
    """An actor with every name and alias seen for it."""

    id: int
    name: str
    kind: str
    kb_id: str | None
    aliases: list[str]


class NodeOut(ApiModel):
    """An actor in the network. ``weight`` says how much is known: evidence sentences plus events."""

    id: int
    name: str
    kind: str
    aliases: list[str]
    relations: int
    events: int
    weight: int


class RelationOut(ApiModel):
    """A merged relation; ``effective_end`` is its end after supersession (what "as of" uses)."""

    id: int
    type: str
    directed: bool
    subject_id: int
    subject_name: str
    object_id: int
    object_name: str
    object_is_place: bool
    start: str | None
    end: str | None
    effective_end: str | None
    superseded_by: int | None
    status: str
    confidence: float
    n_sources: int
    n_evidence: int


class GraphOut(ApiModel):
    """The network of actors: relations between actors (never denied ones, never places)."""

    as_of: str | None
    nodes: list[NodeOut]
    edges: list[RelationOut]


class RelationEvidenceOut(ApiModel):
    """A relation with every sentence behind it, oldest article first."""

    relation: RelationOut
    evidence: list[EvidenceOut]


class PlaceOut(ApiModel):
    """A gazetteer place."""

    id: int
    name: str
    country: str | None
    admin1: str | None
    feature: str
    lat: float | None
    lon: float | None
    geonames_id: int | None


class ParticipantOut(ApiModel):
    """An event participant: a stored actor (``actor_id``) or a literal value (a medium, a list)."""

    role: str
    actor_id: int | None
    name: str


class EventOut(ApiModel):
    """Something that happened, with its evidence sentence."""

    id: int
    type: str
    date: str | None
    place: PlaceOut | None
    status: str
    attributed_to: str | None
    confidence: float
    participants: list[ParticipantOut]
    attributes: list[tuple[str, str]]
    evidence: EvidenceOut


class PlaceLinkOut(ApiModel):
    """Why a place is on the map: an actor ``operates_in``/``based_in`` it, or an ``event`` happened there."""

    place: PlaceOut
    link: str = Field(description="operates_in, based_in or event")
    actor_ids: list[int]
    actor_names: list[str]
    relation_id: int | None
    event_id: int | None
    event_type: str | None
    start: str | None
    end: str | None
    status: str


class ActorProfileOut(ApiModel):
    """Everything known about one actor; relations include denied ones, as history."""

    actor: ActorOut
    lineage: list[RelationOut]
    leaders: list[RelationOut]
    relations: list[RelationOut]
    events: list[EventOut]
    places: list[PlaceLinkOut]


class StatsOut(ApiModel):
    """Counts, the date range the slider covers, and the vocabulary the filters offer."""

    counts: dict[str, int]
    first_date: str | None
    last_date: str | None
    relation_types: list[str]
    directed_types: list[str]
    actor_kinds: list[str]
    statuses: list[str]


class ConfigOut(ApiModel):
    """What the page needs to know about the server's settings."""

    tile_url: str | None
    tile_attribution: str
    countries_url: str


class ErrorOut(ApiModel):
    """The shape of every error."""

    ok: bool = False
    error: str
    status: int


class CompactNodesOut(ApiModel):
    """The network's actors as columns: item ``i`` of every list is actor ``i`` (edges refer to that index)."""

    id: list[int]
    name: list[str]
    short: list[str] = Field(description="the label to draw: a long name's acronym (IMU), else the name")
    kind: list[int] = Field(description="index into ``kinds``")
    weight: list[int] = Field(description="evidence sentences plus events: how much is known")


class CompactEdgesOut(ApiModel):
    """The network's relations as columns, strongest first (most sources, then highest confidence, then the
    best-known ends), so a page can draw a prefix of them first."""

    id: list[int] = Field(description="relation id (see ``/api/relations/{id}/evidence``)")
    s: list[int] = Field(description="subject: index into ``nodes``")
    t: list[int] = Field(description="object: index into ``nodes``")
    type: list[int] = Field(description="index into ``types``")
    status: list[int] = Field(description="index into ``statuses``")
    start: list[str | None]
    end: list[str | None] = Field(description="effective end, after supersession (what \"as of\" uses)")
    sources: list[int] = Field(description="independent outlets")
    confidence: list[int] = Field(description="confidence in percent")


class CompactGraphOut(ApiModel):
    """``/api/graph`` in a compact form for drawing large networks: the same actors and relations under the same
    filters, as columns of small integers, without names of relation ends or evidence counts."""

    as_of: str | None
    types: list[str]
    directed: list[bool] = Field(description="for each of ``types``, whether it has a direction")
    statuses: list[str]
    kinds: list[str]
    nodes: CompactNodesOut
    edges: CompactEdgesOut


class RelationTypeOut(ApiModel):
    """A relation type and how the page shows it."""

    name: str
    label: str = Field(description="words for legends and filters")
    phrase: str = Field(description="words on an edge, read subject to object: 'pledged to'")
    family: str = Field(description="the legend's group: cooperation, hostility, lineage and loyalty, people, places")
    color: str
    directed: bool
    place: bool = Field(description="whether its object is a place (the map shows it, not the network)")


class KindOut(ApiModel):
    """An actor kind and how its nodes look."""

    name: str
    label: str
    color: str
    shape: str = Field(description="a Cytoscape.js node shape")


class StatusOut(ApiModel):
    """A status and the line style of edges that have it."""

    name: str
    label: str
    line_style: str = Field(description="solid, dotted or dashed")
    in_network: bool = Field(description="whether the network shows relations with it (denied ones it never does)")


class EventTypeOut(ApiModel):
    """An event type and its colour on the timeline and the map."""

    name: str
    label: str
    color: str


class VocabularyOut(ApiModel):
    """The ontology's names in order, with how the page shows each (the legend and filters are built from it)."""

    relation_types: list[RelationTypeOut]
    actor_kinds: list[KindOut]
    statuses: list[StatusOut]
    event_types: list[EventTypeOut]


class ActorRefOut(ApiModel):
    """An actor named by id and name."""

    id: int
    name: str


class DocumentOut(ApiModel):
    """A stored document and what was extracted from it."""

    id: int
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    relations: int = Field(description="relations it is evidence for")
    events: int = Field(description="events extracted from it")
    actors: list[ActorRefOut] = Field(description="actors of those relations and events, by name")


class IncidentOut(ApiModel):
    """One incident: the events of one type, date and participants, from however many sentences and articles."""

    id: str = Field(description="stable key: the lowest id of its events")
    type: str
    date: str | None
    place: PlaceOut | None
    status: str = Field(description="asserted when any source asserts it, else the first source's status")
    participants: list[ParticipantOut]
    event_ids: list[int]
    n_sources: int = Field(description="distinct articles reporting it")
    evidence: list[EvidenceOut]
