"""The API's routers, one per resource, and the page."""

from factionmap.web.routers import actors, documents, events, export, graph, meta, page, places, relations

ROUTERS = (
    graph.router, actors.router, relations.router, places.router, events.router, documents.router, export.router,
    meta.router, page.router,
)

__all__ = ["ROUTERS"]
