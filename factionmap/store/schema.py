"""The store's tables, as SQLAlchemy Core ``Table`` objects (portable between SQLite and PostgreSQL).

Layout:

* ``documents``: one row per distinct cleaned text. ``content_hash`` (unique) hashes the exact text,
  ``text_key`` its layout-normalised form (``records.text_key``), which new documents are deduplicated on.
  ``outlet`` is the URL's host (without ``www.``) or ``doc:<text key>`` when there is no URL: the unit of
  independent sources, so copies of one text count once even where an older version stored both.
* ``actors`` / ``actor_keys`` / ``actor_aliases``: one row per actor across documents; every ``Actor.key`` seen
  for it, and every name or alias seen with its normalised form (the lookup column).
* ``places`` / ``place_mentions``: one row per place key; every mention with the document it is in.
* ``relations`` / ``relation_evidence``: one row per fact (subject, type, object; for symmetric types the lower
  actor id is the subject), with aggregates folded in from each new evidence row as it is written. Evidence
  rows repeat their document's outlet so that counting a fact's sources is one index lookup.
* ``events`` / ``event_participants`` / ``event_attributes``: events as extracted, one row each.
* ``migrations``: the names of the migrations applied (see ``migrations.py``).
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

migrations = Table(
    "migrations",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

def _document_columns() -> list[Column[object]]:
    """The columns of ``documents`` as ``m001_create_tables`` made them (fresh objects for each table)."""
    return [
        Column("id", Integer, primary_key=True),
        Column("doc_id", Text, nullable=False),
        Column("content_hash", String(64), nullable=False, unique=True),
        Column("source", Text, nullable=False),
        Column("title", Text),
        Column("url", Text),
        Column("outlet", Text, nullable=False),
        Column("published", String(10)),
        Column("published_from", String(20)),
        Column("text", Text, nullable=False),
        Column("added_at", String(40), nullable=False),
    ]


documents = Table(
    "documents",
    metadata,
    *_document_columns(),
    Column("text_key", String(64)),  # m002; set on every row, but a column added later must allow NULL
    Index("ix_documents_text_key", "text_key"),
)

documents_v1 = Table("documents", MetaData(), *_document_columns())
"""``documents`` as of m001 (without ``text_key``), frozen so that m001 keeps creating exactly that."""

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("kb_id", Text),
)

actor_keys = Table(
    "actor_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
)

actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("norm", Text, nullable=False),
    UniqueConstraint("actor_id", "alias", name="uq_actor_alias"),
    Index("ix_actor_aliases_norm", "norm"),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("feature", String(40), nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Column("precision", String(40)),
)

place_mentions = Table(
    "place_mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("place_id", Integer, ForeignKey("places.id"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_place_mentions_place", "place_id"),
)

relations = Table(
    "relations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("fact_key", Text, nullable=False, unique=True),
    Column("type", String(40), nullable=False),
    Column("subject_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("object_actor_id", Integer, ForeignKey("actors.id")),
    Column("object_place_id", Integer, ForeignKey("places.id")),
    Column("start", String(10)),
    Column("end", String(10)),
    Column("status", String(20), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("n_sources", Integer, nullable=False),
    CheckConstraint("(object_actor_id IS NULL) <> (object_place_id IS NULL)", name="ck_relation_one_object"),
    Index("ix_relations_subject_type_object", "subject_id", "type", "object_actor_id"),
    Index("ix_relations_object_actor", "object_actor_id"),
)

relation_evidence = Table(
    "relation_evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("relation_id", Integer, ForeignKey("relations.id"), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("attributed_to", Text),
    Column("attributed_to_id", Integer, ForeignKey("actors.id")),
    Column("confidence", Float, nullable=False),
    Column("start_date", String(10)),
    Column("end_date", String(10)),
    Column("outlet", Text, nullable=False),
    Index("ix_relation_evidence_relation_outlet", "relation_id", "outlet"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("type", String(40), nullable=False),
    Column("date", String(10)),
    Column("place_id", Integer, ForeignKey("places.id")),
    Column("status", String(20), nullable=False),
    Column("attributed_to", Text),
    Column("attributed_to_id", Integer, ForeignKey("actors.id")),
    Column("confidence", Float, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    UniqueConstraint("document_id", "seq", name="uq_event_document_seq"),
)

event_participants = Table(
    "event_participants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Column("role", String(40), nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id")),
    Column("value", Text),
    Index("ix_event_participants_actor", "actor_id"),
    Index("ix_event_participants_event", "event_id"),
)

event_attributes = Table(
    "event_attributes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("value", Text, nullable=False),
    Index("ix_event_attributes_event", "event_id"),
)

V1_TABLES: tuple[Table, ...] = (
    migrations,
    documents_v1,
    actors,
    actor_keys,
    actor_aliases,
    places,
    place_mentions,
    relations,
    relation_evidence,
    events,
    event_participants,
    event_attributes,
)
"""The tables ``m001_create_tables`` creates. A later migration that alters one of them must freeze this
version's definition here (so m001 keeps creating exactly what it created) and alter it in its own step."""
