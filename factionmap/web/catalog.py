"""A cached, consistent snapshot of the store for the web app.

The page asks for the whole network once and filters it by date in the browser, and the API filters the same
snapshot in Python, so the store is read once per change rather than once per request. A snapshot is read in one
transaction (so its relations, actors and places agree) through the SQL store's own read functions
(``factionmap.store.sql_read``), because the ``Store`` Protocol has no listing of actors or places. Before each
request the row counts (``Store.stats``) are compared with the snapshot's; when another process has added
documents since, the snapshot is read again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select

from factionmap.errors import StoreError
from factionmap.store import SQLStore, Store, StoredActor, StoredDocument, StoredEvent, StoredPlace, StoredRelation
from factionmap.store import schema as t
from factionmap.store.sql_read import (
    load_actors,
    load_documents,
    load_events,
    load_places,
    load_relations,
    relation_condition,
    supersession_map,
)

T = TypeVar("T")
MEMO_SIZE = 16


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the page shows, as read at one moment.

    ``relations`` holds every merged relation, denied ones included (the network leaves those out; actor pages
    show them as history), in date order.
    """

    fingerprint: tuple[int, ...]
    actors: dict[int, StoredActor]
    relations: tuple[StoredRelation, ...]
    events: tuple[StoredEvent, ...]
    places: dict[int, StoredPlace]
    documents: dict[int, StoredDocument]
    relation_by_id: dict[int, StoredRelation] = field(default_factory=dict)

    def outlet(self, document_id: int) -> str | None:
        """The outlet (site) of a stored document; None for documents without a URL."""
        doc = self.documents.get(document_id)
        if doc is None or doc.outlet.startswith("doc:"):
            return None
        return doc.outlet


def _fingerprint(store: Store) -> tuple[int, ...]:
    return tuple(store.stats().values())


def read_snapshot(store: SQLStore) -> Snapshot:
    """Read a snapshot of ``store`` in one read transaction."""
    fingerprint = _fingerprint(store)
    with store.engine.connect() as conn, conn.begin():
        _, superseded = supersession_map(conn)
        relations = load_relations(conn, relation_condition(include_denied=True), superseded)
        events = load_events(conn)
        actors = load_actors(conn, list(conn.execute(select(t.actors.c.id)).scalars()))
        place_ids = {r.object_id for r in relations if r.object_is_place}
        places = load_places(conn, place_ids | {e.place.id for e in events if e.place is not None})
        documents = {d.id: d for d in load_documents(conn)}
    return Snapshot(
        fingerprint=fingerprint,
        actors=actors,
        relations=tuple(relations),
        events=tuple(events),
        places=places,
        documents=documents,
        relation_by_id={r.id: r for r in relations},
    )


class Catalog:
    """The store plus its latest snapshot; safe to share between request threads."""

    def __init__(self, store: Store) -> None:
        if not isinstance(store, SQLStore):
            raise StoreError(f"the web app serves SQL stores only, not {type(store).__name__}")
        self.store: SQLStore = store
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        self._memo: dict[Hashable, object] = {}
        self._memo_of: Snapshot | None = None

    def snapshot(self) -> Snapshot:
        """The current snapshot, read again if the store has changed since the last one."""
        current = _fingerprint(self.store)
        with self._lock:
            if self._snapshot is None or self._snapshot.fingerprint != current:
                self._snapshot = read_snapshot(self.store)
            return self._snapshot

    def memo(self, snap: Snapshot, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, remembered for ``key`` while ``snap`` is the current snapshot (the last few keys only).

        For answers that are costly to build and asked for again and again (the page's network)."""
        with self._lock:
            if self._memo_of is not snap:
                self._memo, self._memo_of = {}, snap
            if key in self._memo:
                return self._memo[key]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            if self._memo_of is snap:
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.pop(next(iter(self._memo)))
                self._memo[key] = value
        return value

    def close(self) -> None:
        """Close the store."""
        self.store.close()
