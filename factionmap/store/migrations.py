"""Ordered, named schema migrations, recorded in the ``migrations`` table (as sqlite-utils and llm do).

Each migration is a function ``mNNN_what_it_does(conn)`` appended to ``MIGRATIONS``; never edit or reorder one
that has shipped. ``migrate`` applies the pending ones, each in its own transaction together with the row that
records it, so a kill mid-migration leaves the store at the previous version. A store whose ``migrations`` table
names a migration this version does not know was made by a newer factionmap: ``migrate`` refuses it.

Several commands may open a new store at once (issue 10): each migration runs in a *write* transaction (SQLite
``BEGIN IMMEDIATE``, PostgreSQL's advisory write lock; see ``factionmap.store.sql``) that first reads again which
migrations are applied, so the commands queue and the first one creates the tables while the others find them
done. A store already up to date is checked without taking the lock, so readers never wait for a writer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, distinct, func, insert, inspect, select, text, update

from factionmap.errors import StoreError
from factionmap.records import text_key
from factionmap.store import schema

log = logging.getLogger(__name__)

Migration = Callable[[Connection], None]

WRITE_OPTION = "factionmap_write"
"""Execution option that makes a connection's transactions take the store's write lock (``factionmap.store.sql``)."""


def m001_create_tables(conn: Connection) -> None:
    """Create every table of the first schema, with indexes on the hot lookups.

    Indexed: documents.content_hash (unique), actors.key / actor_keys.key (unique), actor_aliases.norm,
    relations.fact_key (unique) and (subject_id, type, object_actor_id), evidence and participants by parent.
    """
    for table in schema.V1_TABLES:  # in dependency order; ``documents`` as it was then (schema.documents_v1)
        table.create(conn, checkfirst=True)


def m002_add_text_key(conn: Connection) -> None:
    """Key documents on their layout-normalised text (``records.text_key``) and count copies as one source.

    Adds ``documents.text_key`` (indexed) and fills it; a document without URL gets the outlet ``doc:<text key>``
    (its evidence rows too), and every relation's ``n_sources`` is counted again, so copies an older version
    stored (CRLF, extra blank lines, trailing spaces) stop counting as independent sources (issue 10).
    """
    d, ev, r = schema.documents, schema.relation_evidence, schema.relations
    conn.execute(text("ALTER TABLE documents ADD COLUMN text_key VARCHAR(64)"))
    for index in d.indexes:
        index.create(conn)
    rows = [
        (doc_id, text_key(body), outlet.startswith("doc:"))
        for doc_id, body, outlet in conn.execute(select(d.c.id, d.c.text, d.c.outlet))
    ]
    for doc_id, key, no_url in rows:
        conn.execute(update(d).where(d.c.id == doc_id).values(text_key=key))
        if no_url:
            conn.execute(update(d).where(d.c.id == doc_id).values(outlet=f"doc:{key}"))
            conn.execute(update(ev).where(ev.c.document_id == doc_id).values(outlet=f"doc:{key}"))
    sources = select(func.count(distinct(ev.c.outlet))).where(ev.c.relation_id == r.c.id).scalar_subquery()
    conn.execute(update(r).values(n_sources=sources))


MIGRATIONS: tuple[Migration, ...] = (m001_create_tables, m002_add_text_key)
"""Every migration, in the order they apply. ``SCHEMA_VERSION`` is their count."""

SCHEMA_VERSION = len(MIGRATIONS)


def applied_migrations(conn: Connection) -> list[str]:
    """Names of the migrations recorded in the store, oldest first; empty for a fresh store."""
    if not inspect(conn).has_table(schema.migrations.name):
        return []
    rows = conn.execute(select(schema.migrations.c.name).order_by(schema.migrations.c.name))
    return [name for (name,) in rows]


def _check_known(applied: list[str], where: str) -> None:
    """Refuse a store made by a newer version (it has migrations this version does not know)."""
    known = {m.__name__ for m in MIGRATIONS}
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise StoreError(
            f"{where} was made by a newer version of factionmap (schema migrations {', '.join(unknown)} are "
            f"unknown to this one, which knows {SCHEMA_VERSION}); upgrade factionmap to open it"
        )


def _check_is_ours(conn: Connection, where: str) -> None:
    """Refuse a database that holds other tables but was never a factionmap store."""
    tables = set(inspect(conn).get_table_names())
    if tables and schema.migrations.name not in tables:
        raise StoreError(f"{where} is a database but not a factionmap store (it has no migrations table)")


def migrate(engine: Engine, where: str) -> list[str]:
    """Apply the pending migrations in order; return the names applied now. ``where`` names the store in errors."""
    with engine.connect() as conn:
        if not pending_migrations(applied_migrations(conn), conn, where):
            return []
    done: list[str] = []
    for migration in MIGRATIONS:
        with engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                if migration.__name__ not in pending_migrations(applied_migrations(conn), conn, where):
                    continue  # applied already, maybe by another command that held the lock before us
                migration(conn)
                stamp = datetime.now(UTC).isoformat(timespec="seconds")
                conn.execute(insert(schema.migrations).values(name=migration.__name__, applied_at=stamp))
        log.info("applied migration %s to %s", migration.__name__, where)
        done.append(migration.__name__)
    return done


def pending_migrations(applied: list[str], conn: Connection, where: str) -> list[str]:
    """The names of the migrations still to apply, after refusing a foreign or newer database."""
    if not applied:
        _check_is_ours(conn, where)
    _check_known(applied, where)
    return [m.__name__ for m in MIGRATIONS if m.__name__ not in applied]
