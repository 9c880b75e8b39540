"""A cached, consistent snapshot of the store for the web app.

The page asks for the whole network once and filters it by date in the browser, and the API filters the same
snapshot in Python, so the store is read once per change rather than once per request. The snapshot is the
store's own (``Store.snapshot``: read in one transaction, so its relations, actors and places agree), of the whole
store with denied relations (the network leaves those out; actor pages show them as history). Before each request
the store's ``fingerprint`` is compared with the snapshot's; when another process has added documents since, the
snapshot is read again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TypeVar

from factionmap.store import Snapshot, Store

T = TypeVar("T")
MEMO_SIZE = 16


class Catalog:
    """The store plus its latest snapshot; safe to share between request threads."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        self._memo: dict[Hashable, object] = {}
        self._memo_of: Snapshot | None = None

    def snapshot(self) -> Snapshot:
        """The current snapshot, read again if the store has changed since the last one."""
        current = self.store.fingerprint()
        with self._lock:
            if self._snapshot is None or self._snapshot.fingerprint != current:
                self._snapshot = self.store.snapshot(include_denied=True)
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
