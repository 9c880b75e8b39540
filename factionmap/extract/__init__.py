"""Extraction: from a document's text to its actors, places, relations and events, each with its evidence.

One stage per module, in the order a document passes them: ``nlp`` (the parse), ``truecase`` (single-case text),
``mentions``/``names``/``aliases`` (who is named), ``places`` (where), ``coref``/``home_state`` (references),
``relations``/``constructions`` (cues and noun phrases), ``timing``/``status`` (when, and on whose word),
``assemble`` (relations and events), ``office_titles``, ``incidents``/``incident_events``/``responsibility``
(incidents as an event coder codes them), ``event_defaults``. ``extractor.Extractor`` runs them; dates are
read by ``factionmap.dates``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factionmap.extract.extractor import Extractor

__all__ = ["Extractor"]


def __getattr__(name: str) -> Any:
    """``factionmap.extract.Extractor`` loads the extractor (and spaCy) only when asked for."""
    if name == "Extractor":
        from factionmap.extract.extractor import Extractor

        return Extractor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
