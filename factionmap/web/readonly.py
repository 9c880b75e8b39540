"""Opening the store read-only for the web app.

SQLite stores are opened through a ``file:...?mode=ro`` URI, so the server cannot write to the store even by
mistake (SQLite refuses every write on such a connection), and opening a path that holds no store fails instead
of creating an empty one. Other stores (PostgreSQL) are opened with ``open_store`` and only read methods are
called on them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from factionmap.errors import StoreError
from factionmap.store import SQLStore, Store, open_store
from factionmap.store.migrations import MIGRATIONS, applied_migrations
from factionmap.store.sql import make_engine


def sqlite_path(db: str) -> Path | None:
    """The file of a SQLite store given as a path or ``sqlite:///`` URL; None for other stores."""
    if db == ":memory:":
        return None
    if "://" not in db:
        return Path(db).expanduser()
    url = make_url(db)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).expanduser()
    return None


def read_only_url(path: Path) -> str:
    """The SQLAlchemy URL that opens the SQLite file at ``path`` read-only (``mode=ro``)."""
    return f"sqlite:///file:{quote(str(path.resolve()))}?mode=ro&uri=true"


def open_read_only(db: str) -> Store:
    """Open the store at ``db`` for reading; raise ``StoreError`` naming it when it cannot be served.

    A SQLite store must exist and be at the schema version this factionmap knows (the server never migrates).
    """
    path = sqlite_path(db)
    if path is None:
        return open_store(db)
    if not path.is_file():
        raise StoreError(f"{db}: no store there; create one with `factionmap extract --db {db} ARTICLES`")
    engine = make_engine(read_only_url(path))
    try:
        with engine.connect() as conn:
            applied = applied_migrations(conn)
    except (DatabaseError, OperationalError) as e:
        engine.dispose()
        raise StoreError(f"{db} cannot be opened as a factionmap store: {e.orig}") from e
    known = sorted(m.__name__ for m in MIGRATIONS)
    if applied != known:
        engine.dispose()
        raise StoreError(
            f"{db} is at schema {applied or 'none'}, this factionmap serves {known}; "
            "open it once with a writing command (e.g. `factionmap extract`) to migrate it"
        )
    return SQLStore(engine, db)
