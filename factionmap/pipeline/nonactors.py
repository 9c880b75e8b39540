"""Capitalised words that name no actor: headings and places.

spaCy's NER and the shape of names both read capitals. Two places in a text give capitals that are no names of
actors, in any outlet:

- headings, bylines left in the text, menus: in a title-case line every word but the small ones is capitalised
  ("Breaking News", "Kurdish Militants Believed Behind Latest Bombings"), so only a name the body also uses
  counts there (a caption in sentence case, "Recent picture of BLA's Aslam Baloch", is no heading);
- places, which NER often calls persons or organisations: a name ending in a division noun ("Shan State",
  "Abyan Province"), followed by a landscape noun ("the Mghila mountains"), or standing after a locative
  preposition ("around Sopore", "in Ibn Khouldoun and Omrane").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from factionmap.pipeline.names import GROUP_NAME_WORDS

HEADING_MAX_WORDS = 16
# Small words a title-case heading leaves in lower case.
HEADING_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by",
                                 "with", "from", "as", "vs", "is", "are", "al", "wa", "wal", "bin", "ibn", "de"})
# Nouns that end a place's name ("Shan State") or follow it ("the Mghila mountains").
DIVISION_WORDS = frozenset({"state", "province", "region", "district", "township", "county", "governorate",
                            "prefecture", "municipality", "department", "oblast", "wilaya", "emirate", "territory"})
LANDSCAPE_WORDS = DIVISION_WORDS | frozenset({
    "mountains", "mountain", "hills", "valley", "river", "desert", "forest", "city", "town", "village", "area",
    "neighbourhood", "neighborhood", "suburb", "outskirts", "airport", "port", "border", "crossing", "island",
    "islands", "coast", "lake", "plain", "plains", "camp", "refugee",
})
LOCATIVE_WORDS = frozenset({"in", "near", "around", "outside", "inside", "towards", "toward", "into",
                            "throughout"})
_LINE = re.compile(r"[^\n]+")


def heading_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the title-case lines of a text (headings, bylines, menus)."""
    spans = []
    for line in _LINE.finditer(doc.text):
        content = line.group(0).strip()
        if content and content[-1] not in ".:;,\"”'’" and _title_case(content):
            spans.append(line.span())
    return spans


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line)]
    if not 2 <= len(words) <= HEADING_MAX_WORDS:
        return False
    content = [w for w in words if w.lower() not in HEADING_SMALL_WORDS]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


def only_in_headings(doc: Doc, span: Span, headings: list[tuple[int, int]]) -> bool:
    """Whether a name stands in a heading and nowhere in the body."""
    if not any(a <= span.start_char < b for a, b in headings):
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(span.text)}(?!\w)")
    return not any(not any(a <= m.start() < b for a, b in headings) for m in pattern.finditer(doc.text))


def names_a_place(span: Span) -> bool:
    """Whether a name that NER calls a person or an organisation stands where a place stands."""
    words = {t.lower_.replace("’", "'") for t in span}
    if words & (GROUP_NAME_WORDS - DIVISION_WORDS):
        return False
    if len(span) > 1 and span[-1].lower_ in DIVISION_WORDS and span[-1].text[:1].isupper():
        return True
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in LANDSCAPE_WORDS and doc[span.end].is_lower:
        return True
    return _after_locative(span)


def _after_locative(span: Span) -> bool:
    """ "around Sopore", "in the town of X", "in Ibn Khouldoun and Omrane": a place's position."""
    doc = span.doc
    root = span.root
    start = span.start
    for _ in range(3):
        if root.dep_ != "conj" or root.head.i >= start:
            break
        root = root.head
        start = root.left_edge.i
    before = start - 1
    if before >= 0 and doc[before].lower_ == "the":
        before -= 1
    if before >= 0 and doc[before].lower_ == "of" and before > 0 and doc[before - 1].lower_ in LANDSCAPE_WORDS:
        return True
    return before >= 0 and doc[before].lower_ in LOCATIVE_WORDS
