"""Where a name starts and ends: whole names from the pieces NER gives.

spaCy's NER cuts Arabic and Asian names at their particles and marks: "Uqba ibn Nafi" comes out as "Nafi" and
"ibn Nafi", "Abu 'Abd al-Karim al-Masri" as "Abu" and "Abd al-Karim al-Masri", "Twan Mrat Naing" as "Twan
Mrat". A name is grown back over the particles that join its words (al-, bin, ibn, Abu, Umm, wal, an ʿayn's
apostrophe) and, for a person, over the capitalised words NER left out; a demonym before a person's name
("Jordanian Sami al-Uraydi") is no part of it; quotes around a name are not either.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from factionmap.pipeline.names import LEADER_WORDS, PERSON_TITLES

# Particles that join the words of an Arabic, Persian or Malay name.
PARTICLES = frozenset({"al", "el", "ibn", "bin", "bint", "ben", "abu", "abou", "umm", "um", "wal", "wa", "ul",
                       "ud", "ad", "ar", "as", "ash", "at", "az", "-", "'", "’", "ʿ", "ʼ", "e", "i", "bn"})
QUOTES = "'’‘\"“”«»"
MAX_GROWTH = 6


def grow_name(span: Span, person: bool) -> Span:
    """The whole name around an NER span: over joining particles, and for a person over capitalised words."""
    doc = span.doc
    start, end = span.start, span.end
    for _ in range(MAX_GROWTH):
        left = _joined_left(doc, start)
        if left == start:
            break
        start = left
    for _ in range(MAX_GROWTH):
        right = _joined_right(doc, end, person)
        if right == end:
            break
        end = right
    return doc[start:end]


def _capitalised(token: Token) -> bool:
    return _capitalised_word(token) and not token.is_sent_start


def _joined_left(doc: Doc, start: int) -> int:
    """ "Uqba ibn Nafi" from "ibn Nafi" or "Nafi": step left over particles to the capitalised word they join."""
    k = start - 1
    while k >= 0 and doc[k].lower_ in PARTICLES and start - k <= 3:
        k -= 1
    if start > 0 and doc[start].lower_ in PARTICLES:
        k = start - 1  # the span opens with a particle: "ibn Nafi"
    if k < 0 or k == start - 1 and doc[start].lower_ not in PARTICLES:
        return start
    breaks = any(doc[i].is_sent_start or doc[i].is_space for i in range(k + 1, start + 1))
    return k if _capitalised_word(doc[k]) and not breaks else start


def _capitalised_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def _joined_right(doc: Doc, end: int, person: bool) -> int:
    """ "Abu 'Abd al-Karim": step right over particles to a capitalised word; a person's name also takes a
    capitalised word NER left out ("Twan Mrat Naing"), never a title ("Deputy")."""
    j = end
    while j < len(doc) and doc[j].lower_ in PARTICLES and j - end < 3 and not doc[j].is_sent_start:
        j += 1
    if j > end and j < len(doc) and _capitalised(doc[j]):
        return j + 1
    if person and end < len(doc) and _capitalised(doc[end]) and doc[end].pos_ == "PROPN" and (
            doc[end].lower_ not in PERSON_TITLES | LEADER_WORDS) and not doc[end].ent_type_ in ("GPE", "ORG", "DATE"):
        return end + 1
    return end


def drop_demonym(span: Span, is_demonym: Callable[[str], bool]) -> Span:
    """ "Jordanian Sami al-Uraydi" is Sami al-Uraydi: a person's name does not open with a demonym."""
    if len(span) > 2 and is_demonym(span[0].text):
        return span.doc[span.start + 1:span.end]
    return span


def strip_quotes(name: str) -> str:
    """A name without the quotes around it ("'Mourabitounes" is Mourabitounes)."""
    return name.strip(QUOTES + " ")
