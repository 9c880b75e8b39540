"""The ``Store`` over SQLAlchemy Core: SQLite now, PostgreSQL through the same code.

SQLite connections run in WAL mode with foreign keys on and a busy timeout, and the driver's own transaction
handling is replaced by explicit ``BEGIN`` (SQLAlchemy's documented recipe) so that every transaction, DDL
included, is atomic; writes take the write lock up front (``BEGIN IMMEDIATE``) so two writers queue instead of
failing on a lock upgrade. PostgreSQL write transactions do the same with a transaction-scoped advisory lock
(``pg_advisory_xact_lock``): without it two writers adding different documents that name the same new actor both
miss it and one fails on the unique key (issue 4).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Connection, Engine, create_engine, event, exists, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DatabaseError, IntegrityError
from sqlalchemy.pool import StaticPool

from factionmap.errors import ActorNotFound, StoreError
from factionmap.records import Extraction, Span
from factionmap.store import schema as t
from factionmap.store.base import (
    ActorProfile,
    Snapshot,
    StoredActor,
    StoredDocument,
    StoredEvent,
    StoredPlace,
    StoredRelation,
)
from factionmap.store.migrations import WRITE_OPTION
from factionmap.store.snapshot import select as select_snapshot
from factionmap.store.sql_read import (
    count_rows,
    find_actors,
    load_actors,
    load_documents,
    load_events,
    load_place_mentions,
    load_places,
    load_relations,
    relation_condition,
    supersession_map,
)
from factionmap.store.sql_write import write_extraction
from factionmap.timeline import bounds, happened_by, in_force
from factionmap.vocabulary import LINEAGE_RELATIONS, PLACE_RELATIONS

BUSY_TIMEOUT_MS = 10_000
WRITE_LOCK_ID = 0x46414D50  # "FAMP": the advisory lock PostgreSQL writers queue on
_WRITE = WRITE_OPTION


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    """Per-connection SQLite settings; take over transaction control from the driver."""
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS:d}")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: still atomic, no fsync per commit
    cursor.close()


def _use_wal(cursor: sqlite3.Cursor) -> None:
    """Switch the file to WAL (it stays so); wait while another connection holds a lock, as ``busy_timeout`` would.

    SQLite does not call the busy handler for this switch, so two commands opening a new store at once would
    otherwise fail with 'database is locked' (issue 10).
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _on_sqlite_begin(conn: Connection) -> None:
    """Emit BEGIN ourselves: IMMEDIATE for writes, deferred for reads."""
    write = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _on_postgres_begin(conn: Connection) -> None:
    """Write transactions queue on one advisory lock (released at commit or rollback), as SQLite's writers do."""
    if conn.get_execution_options().get(_WRITE, False):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_ID:d})")


def _url_of(url_or_path: str | Path) -> URL:
    """The SQLAlchemy URL for a path, ``:memory:``, ``sqlite:///...`` or ``postgresql://...``."""
    text = str(url_or_path)
    if text == ":memory:":
        return make_url("sqlite://")
    if "://" not in text:
        path = Path(text).expanduser()
        if not path.parent.is_dir():
            raise StoreError(f"{text}: cannot create a store there, folder {str(path.parent)!r} does not exist")
        return URL.create("sqlite", database=str(path))
    url = make_url(text)
    if url.drivername == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"{url.drivername!r} stores are not supported. Choose from: a path, sqlite://, postgresql://")
    return url


def _on_sqlite_read_only_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    """Per-connection settings of a reader: wait for writers, change nothing (not even the journal mode)."""
    dbapi_conn.isolation_level = None
    dbapi_conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS:d}")


def make_engine(url_or_path: str | Path, read_only: bool = False) -> Engine:
    """An engine for the store location, with the SQLite settings above when it is SQLite.

    ``read_only``: the caller opened SQLite through a ``mode=ro`` URI (see ``store.opening``); on PostgreSQL,
    every transaction is read-only.
    """
    url = _url_of(url_or_path)
    if url.get_backend_name() != "sqlite":
        return _postgres_engine(url, str(url_or_path), read_only)
    memory = url.database in (None, "", ":memory:")
    kwargs: dict[str, Any] = {"poolclass": StaticPool} if memory else {}
    engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
    event.listen(engine, "connect", _on_sqlite_read_only_connect if read_only else _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _postgres_engine(url: URL, where: str, read_only: bool) -> Engine:
    """A PostgreSQL engine; a missing driver is an error that says which extra to install."""
    options = {"options": "-c default_transaction_read_only=on"} if read_only else {}
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args=options)
    except ImportError as e:
        raise StoreError(
            f"{where}: PostgreSQL stores need the psycopg driver, which is not installed ({e}); "
            "install it with: pip install 'factionmap[postgres]'"
        ) from e
    event.listen(engine, "begin", _on_postgres_begin)
    return engine


class SQLStore:
    """A ``Store`` over a SQLAlchemy engine. Use ``open_store`` (``store.opening``) to get one (it runs the migrations)."""

    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def _transaction(self, write: bool = False) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A database error other than a broken constraint (which ``add_extraction`` handles) becomes a
        ``StoreError`` naming the store: a read-only file, a full disk, a server gone.
        """
        try:
            with self.engine.connect() as conn:
                if write:
                    conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    yield conn
        except IntegrityError:
            raise
        except DatabaseError as e:
            raise StoreError(database_problem(self.where, e, write)) from e

    def has_text(self, key: str) -> bool:
        """Whether a document with this text key (``records.text_key``) is stored."""
        with self._transaction() as conn:
            return _has_text(conn, key)

    def known_text_keys(self) -> set[str]:
        """Text keys of every stored document."""
        with self._transaction() as conn:
            return set(conn.execute(select(t.documents.c.text_key)).scalars())

    def add_extraction(self, ex: Extraction) -> bool:
        """Store one record in one transaction; False, writing nothing, if its text (or a copy of it) is stored.

        A failure (or a kill) mid-write rolls everything back; adding the record again then stores it once.
        """
        key = ex.doc.text_key
        try:
            with self._transaction(write=True) as conn:
                if _has_text(conn, key):
                    return False
                write_extraction(conn, ex)
        except IntegrityError as e:
            if self.has_text(key):  # another writer stored the same text meanwhile
                return False
            raise StoreError(f"{self.where}: could not store document {ex.doc.id!r}: {e.orig}") from e
        return True

    def find_actors(self, name: str) -> list[StoredActor]:
        """Actors whose name or an alias equals ``name`` after normalising; canonical-name matches first."""
        with self._transaction() as conn:
            return find_actors(conn, name)

    def actor_profile(self, actor_id: int) -> ActorProfile:
        """Names, lineage, leaders, relations, events and places of one actor, each with evidence."""
        with self._transaction() as conn:
            actor = load_actors(conn, [actor_id]).get(actor_id)
            if actor is None:
                raise ActorNotFound(f"#{actor_id}")
            _, superseded = supersession_map(conn)
            r = t.relations
            rels = load_relations(conn, (r.c.subject_id == actor_id) | (r.c.object_actor_id == actor_id), superseded)
            events = load_events(conn, actor_id)
        return _profile(actor, rels, events)

    def actors(self, ids: Collection[int] | None = None) -> dict[int, StoredActor]:
        """Stored actors by id (every one when ``ids`` is None), oldest first."""
        with self._transaction() as conn:
            return load_actors(conn, ids)

    def places(self, ids: Collection[int] | None = None) -> dict[int, StoredPlace]:
        """Stored places by id (every one when ``ids`` is None), oldest first, with their precision."""
        with self._transaction() as conn:
            return load_places(conn, ids)

    def relations(
        self,
        as_of: str | None = None,
        types: Collection[str] = (),
        min_sources: int = 1,
        include_denied: bool = False,
    ) -> list[StoredRelation]:
        """Merged relations in date order (denied ones only with ``include_denied``); with ``as_of``, only those in
        force then.

        In force uses the effective end (after supersession); a relation with no dates is in force at any date.
        """
        if as_of is not None:
            bounds(as_of)
        with self._transaction() as conn:
            _, superseded = supersession_map(conn)
            rels = load_relations(conn, relation_condition(types, min_sources, include_denied), superseded)
        if as_of is None:
            return rels
        return [rel for rel in rels if in_force(rel.start, rel.effective_end, as_of)]

    def events(self, actor_id: int | None = None, as_of: str | None = None) -> list[StoredEvent]:
        """Events in date order (undated last), optionally only the actor's and those that happened by ``as_of``."""
        if as_of is not None:
            bounds(as_of)
        with self._transaction() as conn:
            found = load_events(conn, actor_id)
        return [e for e in found if happened_by(e.date, as_of)]

    def documents(self) -> list[StoredDocument]:
        """Every stored document (without its text), in the order added."""
        with self._transaction() as conn:
            return load_documents(conn)

    def document_text(self, document_id: int) -> str:
        """The cleaned text of a stored document; raises ``StoreError`` for an unknown id."""
        with self._transaction() as conn:
            text = conn.execute(select(t.documents.c.text).where(t.documents.c.id == document_id)).scalar()
        if text is None:
            raise StoreError(f"{self.where}: no document with id {document_id}")
        return str(text)

    def place_mentions(self, document_id: int) -> dict[int, list[Span]]:
        """Place id -> the mentions of that place in one stored document, in text order."""
        with self._transaction() as conn:
            return load_place_mentions(conn, document_id)

    def snapshot(
        self, as_of: str | None = None, actors: Collection[int] = (), include_denied: bool = False
    ) -> Snapshot:
        """The store, or the selection ``as_of`` a date and/or around some actors, read in one transaction."""
        if as_of is not None:
            bounds(as_of)
        with self._transaction() as conn:
            _, superseded = supersession_map(conn)
            full = Snapshot(
                actors=load_actors(conn, None),
                places=load_places(conn, None),
                relations=tuple(load_relations(conn, relation_condition(include_denied=True), superseded)),
                events=tuple(load_events(conn)),
                documents={d.id: d for d in load_documents(conn)},
                fingerprint=tuple(count_rows(conn).values()),
                store=self,
            )
        return select_snapshot(full, as_of, frozenset(actors), include_denied)

    def fingerprint(self) -> tuple[int, ...]:
        """The store's row counts, which change whenever it does (documents are only ever added)."""
        return tuple(self.stats().values())

    def stats(self) -> dict[str, int]:
        """Row counts: documents, actors, places, relations, evidence, events."""
        with self._transaction() as conn:
            return count_rows(conn)

    def close(self) -> None:
        """Release the store's connections."""
        self.engine.dispose()


def first_line(error: DatabaseError) -> str:
    """The driver's message, first line only (PostgreSQL adds hints on further lines)."""
    lines = str(error.orig if error.orig is not None else error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def database_problem(where: str, error: DatabaseError, write: bool) -> str:
    """One line saying what went wrong with the store and, where it is clear, what to do."""
    reason = first_line(error)
    if "readonly" in reason.replace(" ", "") or "read-only" in reason:
        return (f"{where}: cannot write to the store, it is read-only ({reason}); give a store you can write "
                "with --db, or make the file and its folder writable")
    return f"{where}: cannot {'write to' if write else 'read'} the store: {reason}"


def _has_text(conn: Connection, key: str) -> bool:
    return bool(conn.execute(select(exists().where(t.documents.c.text_key == key))).scalar())


def _profile(actor: StoredActor, rels: list[StoredRelation], events: list[StoredEvent]) -> ActorProfile:
    """Sort one actor's relations into the profile's sections (each keeps date order)."""
    return ActorProfile(
        actor=actor,
        lineage=tuple(r for r in rels if r.type in LINEAGE_RELATIONS),
        leaders=tuple(r for r in rels if r.type == "leader_of" and r.object_id == actor.id and not r.object_is_place),
        relations=tuple(r for r in rels if not r.object_is_place),
        events=tuple(events),
        places=tuple(r for r in rels if r.type in PLACE_RELATIONS and r.subject_id == actor.id),
    )
