"""GraphML and GEXF (via networkx): actors and places as nodes, relations as edges (``docs/exports.md``).

The one graph builder of factionmap: ``factionmap export graphml|gexf`` writes it for a snapshot, and
``factionmap graph`` (``relation_graph``: only some relation types, or relations stated by several sources) writes
the same graph as GraphML or as networkx node-link JSON.

Node ids are the store keys (``kb:G:taliban``, ``name:islamic jihad union``, ``geonames:1135689``), stable across
stores. Missing values are empty strings (neither format has a null). In GEXF every edge also carries its time
interval (``start``/``end`` as days, the widest a partial date can mean) so Gephi's timeline plays the network.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import replace
from typing import Any, TextIO

import networkx as nx

from factionmap.export.base import ExportCounts
from factionmap.store.base import Snapshot, StoredActor, StoredPlace, StoredRelation
from factionmap.timeline import lower_bound, upper_bound
from factionmap.vocabulary import SYMMETRIC_RELATIONS

ALIAS_SEPARATOR = "; "


def _actor_node(a: StoredActor) -> dict[str, Any]:
    return {
        "label": a.name,
        "kind": a.kind,
        "aliases": ALIAS_SEPARATOR.join(x for x in a.aliases if x != a.name),
        "kb_id": a.kb_id or "",
        "store_id": a.id,
    }


def _place_node(p: StoredPlace) -> dict[str, Any]:
    node: dict[str, Any] = {
        "label": p.name,
        "kind": "place",
        "aliases": "",
        "country": p.country or "",
        "admin1": p.admin1 or "",
        "feature": p.feature,
        "precision": p.precision or "",
        "geonames_id": str(p.geonames_id or ""),
        "store_id": p.id,
    }
    if p.lat is not None and p.lon is not None:  # a place without a point has no lat/lon attributes at all
        node |= {"lat": float(p.lat), "lon": float(p.lon)}
    return node


def _edge(rel: StoredRelation) -> dict[str, Any]:
    """Edge attributes; ``end`` is the effective end (after supersession), ``stated_end`` the text's own."""
    urls = [ev.url or ev.doc_id for ev in rel.evidence]
    return {
        "relation": rel.type,
        "label": rel.type,
        "symmetric": rel.type in SYMMETRIC_RELATIONS,
        "start_date": rel.start or "",
        "end_date": rel.effective_end or "",
        "stated_end": rel.end or "",
        "status": rel.status,
        "confidence": float(rel.confidence),
        "sources": rel.n_sources,
        "evidence": "\n".join(dict.fromkeys(ev.text for ev in rel.evidence)),
        "documents": "\n".join(dict.fromkeys(urls)),
        "store_id": rel.id,
    }


def build_graph(snapshot: Snapshot) -> tuple[nx.MultiDiGraph, ExportCounts]:
    """The snapshot as a directed multigraph (edge key: relation type; symmetric ones carry ``symmetric``)."""
    g = nx.MultiDiGraph(name="factionmap", as_of=snapshot.as_of or "")
    actor_node = {a.id: a.key for a in snapshot.actors.values()}
    place_node = {p.id: p.key for p in snapshot.places.values()}
    for a in snapshot.actors.values():
        g.add_node(a.key, **_actor_node(a))
    for p in snapshot.places.values():
        g.add_node(p.key, **_place_node(p))
    for rel in snapshot.relations:
        target = (place_node if rel.object_is_place else actor_node)[rel.object_id]
        g.add_edge(actor_node[rel.subject_id], target, key=rel.type, **_edge(rel))
    counts = ExportCounts(actors=len(actor_node), places=len(place_node), relations=g.number_of_edges())
    return g, counts


def select_relations(snapshot: Snapshot, types: Collection[str] = (), min_sources: int = 1) -> Snapshot:
    """The snapshot cut to relations of ``types`` (all if empty) stated by at least ``min_sources`` independent
    sources, with only the actors and places they join."""
    kept = tuple(r for r in snapshot.relations if (not types or r.type in types) and r.n_sources >= min_sources)
    actor_ids = {r.subject_id for r in kept} | {r.object_id for r in kept if not r.object_is_place}
    place_ids = {r.object_id for r in kept if r.object_is_place}
    return replace(
        snapshot,
        relations=kept,
        actors={i: a for i, a in snapshot.actors.items() if i in actor_ids},
        places={i: p for i, p in snapshot.places.items() if i in place_ids},
    )


def relation_graph(snapshot: Snapshot, types: Collection[str] = (), min_sources: int = 1) -> nx.MultiDiGraph:
    """The graph of the snapshot's relations (see ``select_relations``): the nodes are the actors and places they
    join, in ``build_graph``'s dialect."""
    return build_graph(select_relations(snapshot, types, min_sources))[0]


def graphml_lines(g: nx.MultiDiGraph) -> Iterator[str]:
    """The GraphML text of a graph, line by line: named keys (``label``, ``relation``, ...), pretty-printed."""
    for line in nx.generate_graphml(g, encoding="utf-8", prettyprint=True, named_key_ids=True):
        yield line + "\n"


def with_time_intervals(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy for GEXF: each edge gets ``start``/``end`` days and a GEXF edge ``type`` (directed, or mutual for symmetric relations)."""
    h = g.copy()
    h.graph["mode"] = "dynamic"
    for _, _, data in h.edges(data=True):
        data["type"] = "mutual" if data["symmetric"] else "directed"
        if data["start_date"]:
            data["start"] = lower_bound(data["start_date"]).isoformat()
        if data["end_date"]:
            data["end"] = upper_bound(data["end_date"]).isoformat()
    return h


class GraphMLExporter:
    """``graphml``: GraphML for networkx, Gephi, yEd, Cytoscape."""

    name = "graphml"
    include_denied = False

    def __call__(self, snapshot: Snapshot, out: TextIO) -> ExportCounts:
        """Write the graph as GraphML."""
        g, counts = build_graph(snapshot)
        out.writelines(graphml_lines(g))
        return counts


class GexfExporter:
    """``gexf``: GEXF 1.2 with edge time intervals (a dynamic graph) for Gephi."""

    name = "gexf"
    include_denied = False

    def __call__(self, snapshot: Snapshot, out: TextIO) -> ExportCounts:
        """Write the graph as dynamic GEXF."""
        g, counts = build_graph(snapshot)
        out.writelines(
            line + "\n" for line in nx.generate_gexf(with_time_intervals(g), encoding="utf-8", prettyprint=True)
        )
        return counts
