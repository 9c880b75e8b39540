"""Downloading the page's current view through the store's exporters (``/api/export/{fmt}``).

The view is what the network shows: relations in force as of a date or during a range, of the chosen types and
statuses, between actors of the chosen kinds, with enough sources, around the selected actors if any. The
exporters (``factionmap.export``) write it unchanged, closed over the actors, places and documents it refers to,
so a download holds exactly what the analyst was looking at, in STIX 2.1, GraphML, GEXF, CSV or JSON Lines.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from factionmap.export import get_exporter
from factionmap.store import Snapshot, StoredEvent, StoredRelation
from factionmap.store.snapshot import close_over
from factionmap.timeline import happened_during, in_force_during

MEDIA_TYPES = {
    "stix": ("application/json", "stix.json"),
    "graphml": ("application/xml", "graphml"),
    "gexf": ("application/xml", "gexf"),
    "acled": ("text/csv", "acled.csv"),
    "mmp": ("text/csv", "csv"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}


@dataclass(frozen=True, slots=True)
class View:
    """The page's view: a date or range, filters, selected actors (empty collections mean "all"), and whether
    relations with no dates at all are in it."""

    since: str | None = None
    until: str | None = None
    types: Collection[str] = ()
    kinds: Collection[str] = ()
    statuses: Collection[str] = ()
    min_sources: int = 1
    actor_ids: Collection[int] = ()
    undated: bool = True


def _kind_ok(rel: StoredRelation, kinds: Mapping[int, str], view: View) -> bool:
    if not view.kinds:
        return True
    ends = [rel.subject_id] if rel.object_is_place else [rel.subject_id, rel.object_id]
    return all(kinds.get(i) in view.kinds for i in ends)


def keeps_relation(rel: StoredRelation, kinds: Mapping[int, str], view: View) -> bool:
    """Whether a relation is in the view."""
    if view.types and rel.type not in view.types:
        return False
    if view.statuses and rel.status not in view.statuses:
        return False
    if rel.n_sources < view.min_sources or not _kind_ok(rel, kinds, view):
        return False
    if view.actor_ids and not ({rel.subject_id, rel.object_id} & set(view.actor_ids)):
        return False
    if rel.start is None and rel.effective_end is None:
        return view.undated
    return in_force_during(rel.start, rel.effective_end, view.since, view.until)


def keeps_event(event: StoredEvent, view: View) -> bool:
    """Whether an event is in the view: in the date range (``timeline.happened_during``), around the selection."""
    ids = {p.actor_id for p in event.participants if p.actor_id is not None}
    if view.actor_ids and not ids & set(view.actor_ids):
        return False
    return happened_during(event.date, view.since, view.until)


def view_snapshot(whole: Snapshot, view: View, include_denied: bool) -> Snapshot:
    """The part of a whole store's snapshot (denied relations included) in ``view``, closed over the actors,
    places and documents it refers to."""
    kinds = {i: a.kind for i, a in whole.actors.items()}
    rels = [
        r for r in whole.relations if (include_denied or r.status != "denied") and keeps_relation(r, kinds, view)
    ]
    events = [e for e in whole.events if keeps_event(e, view)]
    as_of = view.since if view.since == view.until else None
    return close_over(whole, rels, events, as_of, frozenset(view.actor_ids))


def export_view(whole: Snapshot, fmt: str, view: View) -> tuple[bytes, str, str]:
    """The view of a whole store's snapshot written as ``fmt`` (``UnknownFormat`` for an unknown one): bytes,
    media type, file name."""
    exporter = get_exporter(fmt)
    out = io.StringIO()
    exporter(view_snapshot(whole, view, exporter.include_denied), out)
    media, extension = MEDIA_TYPES.get(fmt, ("text/plain", "txt"))
    return out.getvalue().encode("utf-8"), media, file_name(view, extension)


def file_name(view: View, extension: str) -> str:
    """``factionmap-2015.graphml``, ``factionmap-2014-to-2016.stix.json``, ``factionmap.csv``."""
    dates = [view.since] if view.since == view.until else [view.since or "start", view.until or "now"]
    when = "-to-".join(d for d in dates if d)
    return f"factionmap-{when}.{extension}" if when else f"factionmap.{extension}"
