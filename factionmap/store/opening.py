"""Opening a store: ``open_store(url)`` to write (creating it if needed), ``open_store(url, read_only=True)`` to read.

Writing (``ingest``, ``import``): the store is created if needed and pending migrations are applied.

Reading (``stats``, ``actor``, ``graph``, ``export`` and ``serve``): a reading command never creates a store: a mistyped path is an error naming it, not a new empty file. SQLite
stores are opened through a ``file:...?mode=ro`` URI, so nothing can be written through the connection, and a
store in a folder the user cannot write (where SQLite cannot create the WAL index beside the file) is opened
``immutable=1``: read as it is, without locks, which is right because nobody can be writing it either. PostgreSQL
sessions are opened with ``default_transaction_read_only``. A store at an older schema is migrated first (a
reader of an upgraded factionmap would otherwise be refused), which needs write access once.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from factionmap.errors import StoreError
from factionmap.store.base import Store
from factionmap.store.migrations import MIGRATIONS, applied_migrations, migrate, pending_migrations
from factionmap.store.sql import SQLStore, database_problem, first_line, make_engine

CREATE_ADVICE = "create one with `factionmap ingest ARTICLES --db {db}`"


def open_store(url_or_path: str | Path, read_only: bool = False) -> Store:
    """Open the store at a path or URL: to write, creating it if needed; with ``read_only``, an existing one only.

    ``"factionmap.db"`` or ``"sqlite:///..."``: SQLite; ``":memory:"``: a private in-memory store (tests);
    ``"postgresql://..."``: PostgreSQL (the ``[postgres]`` extra). Pending migrations are applied (a read-only
    opening of an older store needs write access once). Raises ``StoreError`` naming the location when there is no
    store there (``read_only``), it is not a database, not a factionmap store, or a store of a newer factionmap.
    """
    if read_only:
        return _open_read_only(str(url_or_path))
    return _open_to_write(url_or_path)


def _open_to_write(url_or_path: str | Path) -> SQLStore:
    """Open (creating if needed) the store and apply pending migrations."""
    where = str(url_or_path)
    engine = make_engine(url_or_path)
    try:
        migrate(engine, where)
    except DatabaseError as e:
        engine.dispose()
        if "readonly" in str(e.orig).replace(" ", ""):
            raise StoreError(database_problem(where, e, write=True)) from e
        raise StoreError(f"{where} cannot be opened as a factionmap store: {first_line(e)}") from e
    except StoreError:
        engine.dispose()
        raise
    return SQLStore(engine, where)


def sqlite_path(db: str) -> Path | None:
    """The file of a SQLite store given as a path or ``sqlite:///`` URL; None for other stores."""
    if db == ":memory:":
        return None
    if "://" not in db:
        return Path(db).expanduser()
    url = make_url(db)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database.removeprefix("file:").split("?")[0]).expanduser()
    return None


def read_only_url(path: Path, immutable: bool = False) -> str:
    """The SQLAlchemy URL that opens the SQLite file at ``path`` read-only (``mode=ro``, or ``immutable=1``)."""
    mode = "immutable=1" if immutable else "mode=ro"
    return f"sqlite:///file:{quote(str(path.resolve()))}?{mode}&uri=true"


def _open_read_only(db: str) -> SQLStore:
    """Open the existing store at ``db`` for reading; raise ``StoreError`` naming it when there is none.

    Raises ``StoreError`` when the path holds no store, the database is not a factionmap store or was made by a
    newer factionmap, or the store needs migrating and cannot be written.
    """
    path = sqlite_path(db)
    if path is not None and not path.is_file():
        where = "no such folder" if not path.parent.is_dir() else "no such file"
        raise StoreError(f"{db}: no store there ({where}); check the path, or {CREATE_ADVICE.format(db=db)}")
    engine = _reader(db, path)
    try:
        _migrate_if_older(engine, db)
    except StoreError:
        engine.dispose()
        raise
    return SQLStore(engine, db)


def _reader(db: str, path: Path | None) -> Engine:
    """A read-only engine on the store, ``immutable`` when SQLite cannot open the file ``mode=ro`` there."""
    if path is None:
        return make_engine(db, read_only=True)
    if _nobody_may_write(path.parent):
        return make_engine(read_only_url(path, immutable=True), read_only=True)
    engine = make_engine(read_only_url(path), read_only=True)
    try:
        with engine.connect() as conn:
            applied_migrations(conn)
    except OperationalError as e:
        engine.dispose()
        if "unable to open" not in first_line(e):
            raise StoreError(f"{db} cannot be opened as a factionmap store: {first_line(e)}") from e
        return make_engine(read_only_url(path, immutable=True), read_only=True)
    except DatabaseError as e:
        engine.dispose()
        raise StoreError(f"{db} cannot be opened as a factionmap store: {first_line(e)}") from e
    return engine


def _nobody_may_write(folder: Path) -> bool:
    """Whether the folder's permissions let no one write in it (then nobody writes the store in it either).

    Decided on the permission bits, not on ``os.access``, so that root, who may write anyway, reads such a store
    without creating SQLite's ``-shm`` and ``-wal`` files beside it.
    """
    try:
        return not folder.stat().st_mode & 0o222
    except OSError:
        return False


def _migrate_if_older(engine: Engine, db: str) -> None:
    """Refuse a database that is no store (or a newer one); migrate a store of an older factionmap."""
    try:
        with engine.connect() as conn:
            pending = pending_migrations(applied_migrations(conn), conn, db)
    except (DatabaseError, OperationalError) as e:
        raise StoreError(f"{db} cannot be opened as a factionmap store: {first_line(e)}") from e
    if len(pending) == len(MIGRATIONS):
        raise StoreError(f"{db} holds no factionmap store; {CREATE_ADVICE.format(db=db)}")
    if not pending:
        return
    try:
        _open_to_write(db).close()
    except StoreError as e:
        raise StoreError(f"{db} is a store of an older factionmap; migrating it needs write access: {e}") from e
    engine.dispose()  # connections opened before the migration (an immutable one caches) are not reused
