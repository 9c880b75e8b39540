"""How the page shows the ontology, served at ``/api/vocabulary`` so the page's legend, filters and drawing come
from one table: ``factionmap.vocabulary``, whose rows carry each name's label, colour, line style and shape.

The page keeps no list of types of its own: a type added to the vocabulary appears in its legend and filters.
"""

from __future__ import annotations

from factionmap.vocabulary import ACTOR_KIND_ROWS, EVENT_TYPE_ROWS, RELATION_TYPE_ROWS, STATUS_ROWS
from factionmap.web.schemas import EventTypeOut, KindOut, RelationTypeOut, StatusOut, VocabularyOut


def vocabulary() -> VocabularyOut:
    """Every relation type, actor kind, status and event type of the ontology, in its order, with its look."""
    return VocabularyOut(
        relation_types=[
            RelationTypeOut(name=row.name, label=row.label, phrase=row.phrase, family=row.family, color=row.color,
                            directed=not row.symmetric, place=row.place_object)
            for row in RELATION_TYPE_ROWS
        ],
        actor_kinds=[
            KindOut(name=row.name, label=row.label, color=row.color, shape=row.shape) for row in ACTOR_KIND_ROWS
        ],
        statuses=[
            StatusOut(name=row.name, label=row.label, line_style=row.line_style, in_network=row.in_network)
            for row in STATUS_ROWS
        ],
        event_types=[EventTypeOut(name=row.name, label=row.label, color=row.color) for row in EVENT_TYPE_ROWS],
    )
