"""The store: where extraction records are kept and the time-aware map is read from.

from factionmap.store import open_store
store = open_store("factionmap.db")
store.add_extraction(record)
store.relations(as_of="2016-01-01", types=["allegiance"])
open_read_only("factionmap.db")   # an existing store, for reading only (never creates one)
"""

from factionmap.store.base import (
    ActorProfile,
    Store,
    StoredActor,
    StoredDocument,
    StoredEvent,
    StoredEvidence,
    StoredParticipant,
    StoredPlace,
    StoredRelation,
    normalize_name,
)
from factionmap.store.readonly import open_read_only
from factionmap.store.sql import SQLStore, open_store

__all__ = [
    "ActorProfile",
    "SQLStore",
    "Store",
    "StoredActor",
    "StoredDocument",
    "StoredEvent",
    "StoredEvidence",
    "StoredParticipant",
    "StoredPlace",
    "StoredRelation",
    "normalize_name",
    "open_read_only",
    "open_store",
]
