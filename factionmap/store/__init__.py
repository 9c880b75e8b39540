"""The store: where extraction records are kept and the time-aware map is read from.

from factionmap.store import open_store
store = open_store("factionmap.db")
store.add_extraction(record)
store.relations(as_of="2016-01-01", types=["allegiance"])
store.snapshot(as_of="2016")          # actors, places, relations, events, documents read in one transaction
open_store("factionmap.db", read_only=True)   # an existing store, for reading only (never creates one)

The SQL implementation (SQLAlchemy) is imported on first use of ``open_store`` or ``SQLStore``,
so that what only reads the store's record types (``factionmap.store.base``) does not pay for it.
"""

from typing import TYPE_CHECKING, Any

from factionmap.lookup.folding import normalize_name
from factionmap.store.base import (
    ActorProfile,
    Snapshot,
    Store,
    StoredActor,
    StoredDocument,
    StoredEvent,
    StoredEvidence,
    StoredParticipant,
    StoredPlace,
    StoredRelation,
)

if TYPE_CHECKING:
    from factionmap.store.opening import open_store
    from factionmap.store.sql import SQLStore

__all__ = [
    "ActorProfile",
    "SQLStore",
    "Snapshot",
    "Store",
    "StoredActor",
    "StoredDocument",
    "StoredEvent",
    "StoredEvidence",
    "StoredParticipant",
    "StoredPlace",
    "StoredRelation",
    "normalize_name",
    "open_store",
]


def __getattr__(name: str) -> Any:
    """``open_store`` and ``SQLStore``, imported from their modules when first asked for."""
    if name == "SQLStore":
        from factionmap.store import sql

        return sql.SQLStore
    if name == "open_store":
        from factionmap.store import opening

        return opening.open_store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
