"""Typed records that flow from ingest to store.

Every stage of factionmap passes these frozen dataclasses, never loose dicts. Their JSON shape
(``factionmap.record_format``) is the extraction record of ``shared/eval/FORMAT.md``.

Dates are *partial dates*: strings ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` carrying exactly the
precision the source text supports (see ``factionmap.dates.expressions``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Literal

from factionmap.vocabulary import ActorKind, EventType, RelationType, Status

PartialDate = str
"""``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

PublishedFrom = Literal["metadata", "dateline", "inferred"]


def content_hash(text: str) -> str:
    """Return the SHA-256 hex digest of a document's exact text (its identity in exports)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_LINE_ENDS = re.compile(r"\r\n?")
_TRAILING_SPACE = re.compile(r"[ \t\f\v\u00a0]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_layout(text: str) -> str:
    """``text`` as a copy of it may differ only in layout: LF line ends, no spaces at line ends or around the text,
    and no run of more than one blank line."""
    text = _TRAILING_SPACE.sub("", _LINE_ENDS.sub("\n", text))
    return _BLANK_LINES.sub("\n\n", text).strip()


def text_key(text: str) -> str:
    """Return the SHA-256 hex digest of the text's layout-normalised form: the key documents are deduplicated on.

    The same article with CRLF or CR line ends, a leading space, trailing spaces or extra blank lines has the same
    key, so it is stored once and never counts as a second source (issue 10).
    """
    return content_hash(normalise_layout(text))


@dataclass(frozen=True, slots=True)
class Document:
    """One article, cleaned of boilerplate, ready for extraction.

    ``text`` is the cleaned text; every offset in the records derived from it points into it.
    """

    id: str
    text: str
    source: str
    title: str | None = None
    published: PartialDate | None = None
    published_from: PublishedFrom | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the cleaned text."""
        return content_hash(self.text)

    @property
    def text_key(self) -> str:
        """SHA-256 of the cleaned text with its layout normalised (``text_key``): copies share it."""
        return text_key(self.text)


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """An input that could not be read, named with the reason; the batch goes on without it."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of document text: ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Designation:
    """A listing of a group by a state or body (e.g. US FTO, UN ISIL/Al-Qaida list)."""

    by: str
    list: str
    date: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class FormerName:
    """A name a group bore before it renamed itself: ``until`` is when it stopped (partial date), when known."""

    name: str
    until: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One actor of the knowledge base (bundled, curated or user-supplied)."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    country: str | None = None
    parent: str | None = None
    predecessor: str | None = None
    designations: tuple[Designation, ...] = ()
    source: str = "curated"
    observer: bool = False  # publishers, think tanks, monitors: they report on conflicts, they are not the story
    former_names: tuple[FormerName, ...] = ()  # the same actor under its earlier names, oldest first

    def all_names(self) -> tuple[str, ...]:
        """The name, the aliases and the former names: every text that names this actor."""
        return (self.name, *self.aliases, *(f.name for f in self.former_names))


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as found in one document. ``key`` is stable across documents of a run.

    ``key`` is ``kb:<kb id>`` for actors the knowledge base knows, else ``name:<normalised name>``.
    """

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    key: str = ""
    kb_id: str | None = None


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A gazetteer place: GeoNames id where one exists, ISO country, first-level division, coordinates."""

    name: str
    country: str | None
    feature: str
    lat: float | None
    lon: float | None
    admin1: str | None = None
    geonames_id: int | None = None
    population: int = 0


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place in one document, with every mention of it."""

    id: str
    name: str
    country: str | None
    feature: str
    lat: float | None
    lon: float | None
    admin1: str | None = None
    geonames_id: int | None = None
    precision: str | None = None
    mentions: tuple[Span, ...] = ()
    key: str = ""


@dataclass(frozen=True, slots=True)
class Relation:
    """A claim holding over time between two actors, or an actor and a place (``operates_in``/``based_in``)."""

    subject: str
    type: RelationType
    object: str
    evidence: Span
    start: PartialDate | None = None
    end: PartialDate | None = None
    status: Status = "asserted"
    attributed_to: str | None = None
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor's role in an event (``actor``, ``target``, ``partner``, ``list``, ``means``...)."""

    role: str
    ref: str


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened at a time and, usually, a place."""

    type: EventType
    participants: tuple[Participant, ...]
    evidence: Span
    date: PartialDate | None = None
    place: str | None = None
    status: Status = "asserted"
    attributed_to: str | None = None
    confidence: float = 0.5
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document: one extraction record."""

    doc: Document
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named (or referred to) in a document: token span, char span and who it is.

    ``key`` identifies the actor within a document and across documents: ``kb:<id>`` or ``name:<normalised>``.
    ``via`` says how it was found: ``kb``, ``shape``, ``ner``, ``forces``, ``alias``, ``coref``.
    """

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    name: str
    kind: ActorKind
    key: str
    via: str
    kb_id: str | None = None
    observer: bool = False


@dataclass(frozen=True, slots=True)
class Office:
    """One holding of an office: a person, the office ("president", "leader"), the state or group held (its
    knowledge-base id) and when (partial dates; ``end`` None while it lasts or when unknown)."""

    person: str
    office: str
    actor: str
    aliases: tuple[str, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None
    source: str = "curated"

    def names(self) -> tuple[str, ...]:
        """The person's name and aliases: every text that names the holder."""
        return (self.person, *self.aliases)
