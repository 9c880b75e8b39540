"""What the API answers, computed from a snapshot: the network, search, places, events, the date range.

Pure functions over ``Snapshot`` (no I/O), so the routers stay thin and the rules are in one place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException

from factionmap.store import Snapshot, StoredActor, StoredEvent, StoredRelation, normalize_name
from factionmap.timeline import earliest, happened_during, in_force, latest
from factionmap.vocabulary import ACTOR_KINDS, RELATION_TYPES, STATUSES, SYMMETRIC_RELATIONS
from factionmap.web.convert import event_place_link, relation_out, relation_place_link
from factionmap.web.schemas import ActorOut, GraphOut, NodeOut, PlaceLinkOut, StatsOut

SEARCH_LIMIT = 20


@dataclass(frozen=True, slots=True)
class GraphFilter:
    """Filters of the network; empty collections mean "all"."""

    as_of: str | None = None
    types: Collection[str] = ()
    kinds: Collection[str] = ()
    statuses: Collection[str] = ()
    min_sources: int = 1


def parse_choices(values: Iterable[str] | None, choices: Sequence[str], what: str) -> list[str]:
    """Split comma-separated query values and check each against ``choices`` (400 naming the valid ones)."""
    found = [v.strip() for value in values or () for v in value.split(",") if v.strip()]
    for value in found:
        if value not in choices:
            raise HTTPException(400, f"Unknown {what} {value!r}. Choose from: {', '.join(choices)}")
    return found


def actor_out(actor: StoredActor) -> ActorOut:
    """An actor with its aliases."""
    return ActorOut(id=actor.id, name=actor.name, kind=actor.kind, kb_id=actor.kb_id, aliases=list(actor.aliases))


def network_relations(snap: Snapshot) -> list[StoredRelation]:
    """Relations between actors that the network can show (no places, nothing denied)."""
    return [r for r in snap.relations if not r.object_is_place and r.status != "denied"]


def _keeps(rel: StoredRelation, snap: Snapshot, f: GraphFilter) -> bool:
    if f.types and rel.type not in f.types:
        return False
    if f.statuses and rel.status not in f.statuses:
        return False
    if rel.n_sources < f.min_sources:
        return False
    if f.kinds:
        ends = (snap.actors.get(rel.subject_id), snap.actors.get(rel.object_id))
        if any(a is None or a.kind not in f.kinds for a in ends):
            return False
    return f.as_of is None or in_force(rel.start, rel.effective_end, f.as_of)


def _counts(snap: Snapshot, all_edges: Sequence[StoredRelation]) -> tuple[Counter[int], Counter[int], Counter[int]]:
    """Per actor: relations, evidence sentences behind them, and events (everything known, not only what shows)."""
    degree: Counter[int] = Counter()
    evidence: Counter[int] = Counter()
    for rel in all_edges:
        for end in (rel.subject_id, rel.object_id):
            degree[end] += 1
            evidence[end] += len(rel.evidence)
    events: Counter[int] = Counter(
        actor for ev in snap.events for actor in {p.actor_id for p in ev.participants if p.actor_id is not None}
    )
    return degree, evidence, events


def _nodes(snap: Snapshot, ids: Collection[int], all_edges: Sequence[StoredRelation]) -> list[NodeOut]:
    """Nodes for ``ids``, sized by everything known about them (not only the edges shown)."""
    degree, evidence, events = _counts(snap, all_edges)
    nodes = []
    for actor_id in sorted(ids):
        actor = snap.actors.get(actor_id)
        if actor is None:
            continue
        nodes.append(
            NodeOut(
                id=actor.id,
                name=actor.name,
                kind=actor.kind,
                aliases=list(actor.aliases),
                relations=degree[actor_id],
                events=events[actor_id],
                weight=evidence[actor_id] + events[actor_id],
            )
        )
    return nodes


LONG_NAME = 20


def is_acronym(alias: str) -> bool:
    """Whether an alias is an acronym: one word of 2 to 8 characters, mostly capitals ("IMU", "AQAP", "ISIS-K")."""
    letters = [c for c in alias if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return 2 <= len(alias) <= 8 and " " not in alias and capitals >= 2 and capitals >= len(letters) - 1


def short_label(name: str, aliases: Sequence[str]) -> str:
    """The network's label for an actor: a long name's shortest acronym ("IMU"), else the name."""
    if len(name) <= LONG_NAME:
        return name
    acronyms = sorted((a for a in aliases if is_acronym(a)), key=lambda a: (len(a), a))
    return acronyms[0] if acronyms else name


def graph(snap: Snapshot, f: GraphFilter) -> GraphOut:
    """The network under the filters: edges in force ``as_of`` (all, without it) and the actors they join."""
    every = network_relations(snap)
    edges = [r for r in every if _keeps(r, snap, f)]
    ids = {end for r in edges for end in (r.subject_id, r.object_id)}
    return GraphOut(as_of=f.as_of, nodes=_nodes(snap, ids, every), edges=[relation_out(r) for r in edges])


def compact_graph(snap: Snapshot, f: GraphFilter) -> dict[str, Any]:
    """``graph`` as columns (the shape of ``CompactGraphOut``), edges strongest first.

    Strongest: most independent sources, then highest confidence, then the ends that are best known (largest
    summed weight), then relation id, so the order is stable and a prefix of the edges is the network's core.
    """
    every = network_relations(snap)
    edges = [r for r in every if _keeps(r, snap, f) and r.subject_id in snap.actors and r.object_id in snap.actors]
    _, evidence, events = _counts(snap, every)
    ids = sorted({end for r in edges for end in (r.subject_id, r.object_id)})
    index = {actor_id: i for i, actor_id in enumerate(ids)}
    weight = [evidence[i] + events[i] for i in ids]
    edges.sort(
        key=lambda r: (
            -r.n_sources,
            -r.confidence,
            -(weight[index[r.subject_id]] + weight[index[r.object_id]]),
            r.id,
        )
    )
    types: list[str] = list(RELATION_TYPES)
    type_index = {t: i for i, t in enumerate(types)}
    statuses: list[str] = list(STATUSES)
    status_index = {s: i for i, s in enumerate(statuses)}
    kinds: list[str] = list(ACTOR_KINDS)
    kind_index = {k: i for i, k in enumerate(kinds)}
    actors = [snap.actors[i] for i in ids]
    return {
        "as_of": f.as_of,
        "types": types,
        "directed": [t not in SYMMETRIC_RELATIONS for t in types],
        "statuses": statuses,
        "kinds": kinds,
        "nodes": {
            "id": ids,
            "name": [a.name for a in actors],
            "short": [short_label(a.name, a.aliases) for a in actors],
            "kind": [kind_index.get(a.kind, kind_index["organization"]) for a in actors],
            "weight": weight,
        },
        "edges": {
            "id": [r.id for r in edges],
            "s": [index[r.subject_id] for r in edges],
            "t": [index[r.object_id] for r in edges],
            "type": [type_index[r.type] for r in edges],
            "status": [status_index[r.status] for r in edges],
            "start": [r.start for r in edges],
            "end": [r.effective_end for r in edges],
            "sources": [r.n_sources for r in edges],
            "confidence": [round(100 * r.confidence) for r in edges],
        },
    }


def search_actors(snap: Snapshot, query: str, exact: Sequence[StoredActor], limit: int = SEARCH_LIMIT) -> list[ActorOut]:
    """Actors whose name or an alias matches ``query``: exact matches (``exact``), then prefixes, then substrings."""
    norm = normalize_name(query)
    ranked: dict[int, tuple[int, str]] = {a.id: (0, a.name) for a in exact}
    for actor in snap.actors.values():
        if actor.id in ranked:
            continue
        names = [normalize_name(n) for n in (actor.name, *actor.aliases)]
        if not norm:
            ranked[actor.id] = (3, actor.name)
        elif any(n.startswith(norm) for n in names):
            ranked[actor.id] = (1, actor.name)
        elif any(norm in n for n in names):
            ranked[actor.id] = (2, actor.name)
    order = sorted(ranked, key=lambda i: (ranked[i][0], ranked[i][1].casefold(), i))
    return [actor_out(snap.actors[i]) for i in order[:limit] if i in snap.actors]


def events(
    snap: Snapshot, actor_id: int | None, until: str | None, types: Collection[str] = (), since: str | None = None
) -> list[StoredEvent]:
    """Events in date order, optionally of one actor, of some types, from and up to a date (``happened_during``:
    with either date, undated events are left out)."""
    return [
        ev
        for ev in snap.events
        if (actor_id is None or any(p.actor_id == actor_id for p in ev.participants))
        and (not types or ev.type in types)
        and happened_during(ev.date, since, until)
    ]


def place_links(snap: Snapshot, actor_id: int | None, as_of: str | None) -> list[PlaceLinkOut]:
    """Map markers: places actors operate in or are based in (in force ``as_of``), and places of events."""
    links: list[PlaceLinkOut] = []
    for rel in snap.relations:
        place = snap.places.get(rel.object_id) if rel.object_is_place else None
        if place is None or rel.status == "denied" or (actor_id is not None and rel.subject_id != actor_id):
            continue
        if as_of is None or in_force(rel.start, rel.effective_end, as_of):
            links.append(relation_place_link(rel, place))
    for ev in events(snap, actor_id, as_of):
        link = event_place_link(ev)
        if link is not None:
            links.append(link)
    return links


def stats(snap: Snapshot, counts: dict[str, int]) -> StatsOut:
    """Counts, the first and last date anything is dated, and the filters' vocabulary."""
    dates = [d for r in snap.relations for d in (r.start, r.end)]
    dates += [e.date for e in snap.events] + [d.published for d in snap.documents.values()]
    return StatsOut(
        counts=counts,
        first_date=earliest(dates),
        last_date=latest(dates),
        relation_types=list(RELATION_TYPES),
        directed_types=[t for t in RELATION_TYPES if t not in SYMMETRIC_RELATIONS],
        actor_kinds=list(ACTOR_KINDS),
        statuses=list(STATUSES),
    )

