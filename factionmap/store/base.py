"""The ``Store`` Protocol and the records it hands back (read side).

Write side: the store takes ``factionmap.records.Extraction`` records, one per document. Read side: these frozen
dataclasses, with store ids (integers) that are stable for the life of a store.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from types import TracebackType
from typing import Protocol, Self

from factionmap.records import Extraction, PublishedFrom, Span
from factionmap.vocabulary import ActorKind, EventType, RelationType, Status


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A stored document (without its text: see ``Store.document_text``). ``id`` is the store's id."""

    id: int
    doc_id: str
    content_hash: str
    source: str
    title: str | None
    url: str | None
    outlet: str
    published: str | None
    published_from: PublishedFrom | None


@dataclass(frozen=True, slots=True)
class StoredActor:
    """An actor resolved across documents, with every name and alias seen for it."""

    id: int
    key: str
    name: str
    kind: ActorKind
    kb_id: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredPlace:
    """A place resolved across documents by its key (``geonames:<id>`` or ``name:<normalised name>``).

    ``precision`` is the word the place was stored with (``country``, ``admin1``, ``admin2``, ``region``,
    ``city``), None when the gazetteer gave none.
    """

    id: int
    key: str
    name: str
    country: str | None
    admin1: str | None
    feature: str
    lat: float | None
    lon: float | None
    geonames_id: int | None
    precision: str | None = None  # how exact the point is: country, admin1, admin2, region or city


@dataclass(frozen=True, slots=True)
class StoredEvidence:
    """One sentence supporting a relation or event, with what that sentence said and where it is from."""

    text: str
    start: int
    end: int
    document_id: int
    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    status: Status
    attributed_to: str | None
    confidence: float
    start_date: str | None = None
    end_date: str | None = None


@dataclass(frozen=True, slots=True)
class StoredRelation:
    """One fact (subject, type, object) merged over all documents that state it.

    ``start``/``end`` are the earliest start and latest end given by any evidence; ``effective_end`` is ``end``
    after supersession (``factionmap.timeline``), and ``superseded_by`` the relation that closed it, if any.
    For symmetric types the subject is the actor with the lower id. ``object_is_place`` is true for
    ``operates_in``/``based_in``, whose object ids are place ids.
    """

    id: int
    type: RelationType
    subject_id: int
    subject_name: str
    object_id: int
    object_name: str
    object_is_place: bool
    start: str | None
    end: str | None
    status: Status
    confidence: float
    n_sources: int
    evidence: tuple[StoredEvidence, ...] = ()
    effective_end: str | None = None
    superseded_by: int | None = None


@dataclass(frozen=True, slots=True)
class StoredParticipant:
    """An event participant: a stored actor (``actor_id``) or a literal value (a medium, a list name)."""

    role: str
    actor_id: int | None
    name: str


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as extracted from one document."""

    id: int
    type: EventType
    date: str | None
    place: StoredPlace | None
    status: Status
    attributed_to: str | None
    confidence: float
    participants: tuple[StoredParticipant, ...]
    attributes: tuple[tuple[str, str], ...]
    evidence: StoredEvidence


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """Everything the store knows about one actor, each item with its evidence.

    ``lineage``: branch_of / splinter_of / merger relations in either direction (parents, predecessors,
    offshoots); ``leaders``: leader_of relations whose object is the actor; ``relations``: every relation
    between this actor and another actor, both directions, in date order; ``places``: operates_in / based_in.
    Unlike ``Store.relations``, a profile also shows denied relations (their ``status`` says so), as history.
    """

    actor: StoredActor
    lineage: tuple[StoredRelation, ...]
    leaders: tuple[StoredRelation, ...]
    relations: tuple[StoredRelation, ...]
    events: tuple[StoredEvent, ...]
    places: tuple[StoredRelation, ...]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the store holds, or a selection of it, read in one transaction (``Store.snapshot``).

    ``relations`` and ``events`` are in date order; ``actors``, ``places`` and ``documents`` are by store id, in
    the order added. A whole store's snapshot has every actor, place and document, even those no relation or event
    names; a selection (``as_of`` a date, around ``selected`` actors) has those its relations and events refer to.
    ``fingerprint`` tells whether the store has changed since (``Store.fingerprint``); ``store`` is where it was
    read from, for what a snapshot does not hold (document texts, place mentions).
    """

    actors: dict[int, StoredActor]
    places: dict[int, StoredPlace]
    relations: tuple[StoredRelation, ...]
    events: tuple[StoredEvent, ...]
    documents: dict[int, StoredDocument]
    fingerprint: tuple[int, ...] = ()
    as_of: str | None = None
    selected: frozenset[int] = frozenset()
    store: Store | None = None
    relation_by_id: dict[int, StoredRelation] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "relation_by_id", {r.id: r for r in self.relations})

    def outlet(self, document_id: int) -> str | None:
        """The outlet (site) of a document in the snapshot; None for one without a URL or not in it."""
        doc = self.documents.get(document_id)
        if doc is None or doc.outlet.startswith("doc:"):
            return None
        return doc.outlet


class Store(Protocol):
    """Where extraction records are kept and the map is read from. ``open_store`` returns one."""

    def has_text(self, key: str) -> bool:
        """Whether a document with this text key (``records.text_key``: the text, layout normalised) is stored."""
        ...

    def known_text_keys(self) -> set[str]:
        """Text keys of every stored document (for fast incremental skipping)."""
        ...

    def add_extraction(self, ex: Extraction) -> bool:
        """Store one extraction record in one transaction; False (nothing written) if its text or a copy is stored."""
        ...

    def find_actors(self, name: str) -> list[StoredActor]:
        """Actors whose name or an alias equals ``name`` after normalising; canonical-name matches first."""
        ...

    def actor_profile(self, actor_id: int) -> ActorProfile:
        """The actor's profile; raises ``ActorNotFound`` for an unknown id."""
        ...

    def actors(self, ids: Collection[int] | None = None) -> dict[int, StoredActor]:
        """Stored actors by id (every one when ``ids`` is None), oldest first, each with every name seen for it."""
        ...

    def places(self, ids: Collection[int] | None = None) -> dict[int, StoredPlace]:
        """Stored places by id (every one when ``ids`` is None), oldest first, with their precision."""
        ...

    def relations(
        self,
        as_of: str | None = None,
        types: Collection[str] = (),
        min_sources: int = 1,
        include_denied: bool = False,
    ) -> list[StoredRelation]:
        """Merged relations in date order, optionally only those in force ``as_of`` a (partial) date.

        Denied ones only with ``include_denied`` (a profile or a record shows them as history; the map does not).
        """
        ...

    def events(self, actor_id: int | None = None, as_of: str | None = None) -> list[StoredEvent]:
        """Events in date order (undated last), optionally only the actor's, optionally only those that happened
        by ``as_of`` (``timeline.happened_by``: undated events are left out then)."""
        ...

    def documents(self) -> list[StoredDocument]:
        """Every stored document, in the order added."""
        ...

    def document_text(self, document_id: int) -> str:
        """The cleaned text of a stored document (evidence offsets point into it)."""
        ...

    def place_mentions(self, document_id: int) -> dict[int, list[Span]]:
        """Place id -> the mentions of that place in one stored document, in text order."""
        ...

    def snapshot(
        self, as_of: str | None = None, actors: Collection[int] = (), include_denied: bool = False
    ) -> Snapshot:
        """The store, or the selection ``as_of`` a date and/or around some actors (ids), read in one transaction.

        Relations in force ``as_of`` (``Store.relations``) and events that happened by then (``Store.events``);
        with ``actors``, those they take part in (their one-step neighbourhood), and those actors themselves. The
        selection is closed over the actors, places and documents it refers to. Denied relations only with
        ``include_denied``.
        """
        ...

    def fingerprint(self) -> tuple[int, ...]:
        """A value that changes whenever the store does (documents are only ever added): its row counts."""
        ...

    def stats(self) -> dict[str, int]:
        """Row counts: documents, actors, places, relations, evidence, events."""
        ...

    def close(self) -> None:
        """Release the store's connections."""
        ...

    def __enter__(self) -> Self:
        """Use the store in a ``with`` block, which closes it."""
        ...

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        """Close the store."""
        ...
