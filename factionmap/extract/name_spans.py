"""Where a name starts and ends: whole names from the pieces NER gives.

spaCy's NER cuts Arabic and Asian names at their particles and marks: "Uqba ibn Nafi" comes out as "Nafi" and
"ibn Nafi", "Abu 'Abd al-Karim al-Masri" as "Abu" and "Abd al-Karim al-Masri", "Twan Mrat Naing" as "Twan
Mrat". A name is grown back over the particles that join its words (al-, bin, ibn, Abu, Umm, wal, an ʿayn's
apostrophe) and, for a person, over the capitalised words NER left out, never over an office ("Nyo Twan Awng",
not "Nyo Twan Awng Secretary"); a particle that is also an English word ("as", "at", "an") joins only when a
hyphen ties it ("as-Sa'iqa"), so "al-Sa'idi as Specially Designated" stops at the name. A possessive common noun
opens many names ("People's Democratic Party", "Kurdistan Workers' Party"); an office ("Commander Abu
Hamza") or a demonym ("Jordanian Sami al-Uraydi") before a person's name is no part of it; quotes around a name are not either. The words are data
(``data/names.json``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from factionmap.extract.name_lexicon import name_lexicon
from factionmap.extract.names import GROUP_NAME_WORDS, LEADER_WORDS, PERSON_TITLES

# Particles that are English words too: they join a name only when a hyphen ties them to the next word.
ENGLISH_PARTICLES = frozenset({"as", "at", "an", "ad", "ar", "e", "i", "um", "ben"})
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
    """ "Uqba ibn Nafi" from "ibn Nafi" or "Nafi": step left over particles to the capitalised word they join
    (never to a sentence's capitalised "The": "The al-Qaeda splinter group")."""
    k = start - 1
    while k >= 0 and _particle(doc, k) and start - k <= 3:
        k -= 1
    if start > 0 and _particle(doc, start):
        k = start - 1  # the span opens with a particle: "ibn Nafi"
    if k < 0 or k == start - 1 and not _particle(doc, start):
        return start
    breaks = any(doc[i].is_sent_start or doc[i].is_space for i in range(k + 1, start + 1))
    return k if _capitalised_word(doc[k]) and not doc[k].is_stop and not breaks else start


def _capitalised_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def _joined_right(doc: Doc, end: int, person: bool) -> int:
    """ "Abu 'Abd al-Karim": step right over particles to a capitalised word; a person's name also takes a
    capitalised word NER left out ("Twan Mrat Naing"), never a title ("Deputy")."""
    j = end
    while j < len(doc) and _particle(doc, j) and j - end < 3 and not doc[j].is_sent_start:
        j += 1
    if j > end and j < len(doc) and _capitalised(doc[j]):
        return j + 1
    if person and end < len(doc) and _capitalised(doc[end]) and doc[end].pos_ == "PROPN" and (
            doc[end].lower_ not in PERSON_TITLES | LEADER_WORDS | name_lexicon().office_words) and not doc[end].ent_type_ in ("GPE", "ORG", "DATE"):
        return end + 1
    return end


def _particle(doc: Doc, i: int) -> bool:
    """A particle joining the words of a name; an English word among them only when a hyphen ties it."""
    lower = doc[i].lower_
    if lower not in name_lexicon().particles:
        return False
    if lower not in ENGLISH_PARTICLES:
        return True
    return doc[i].whitespace_ == "" and i + 1 < len(doc) and doc[i + 1].text in ("-", "‐")


def possessive_start(doc: Doc, start: int) -> int:
    """Where a name opens when a possessive common noun leads it: "People's" before "Democratic Party"."""
    if start >= 2 and doc[start - 1].lower_ in ("'s", "’s", "'", "’") and doc[start - 2].text[:1].isupper():
        word = (doc[start - 2].text + doc[start - 1].text).lower()
        if word in name_lexicon().name_possessives:
            return start - 2
    return start


def listed_with_people(span: Span) -> bool:
    """A name NER calls an organisation or a facility, coordinated with a person's name and bearing no word of a
    group's or a facility's name, is a person's: "the individuals are Mahad Moalim and Abu Musab al-Barnawi",
    "factions led by Debretsion Gebremichael and Getachew Reda"."""
    if not _person_shaped(span):
        return False
    root = span.root
    siblings = [*root.conjuncts, *([root.head] if root.dep_ == "conj" else [])]
    return any(t.ent_type_ == "PERSON" and not span.start <= t.i < span.end for t in siblings)


def led_by_person(span: Span) -> bool:
    """A name NER calls an organisation, shaped like a person's and named as the one who leads: "the group led
    by Asmatullah Muawiya", "under the leadership of Hashim Salamat", "commanded by Ibrahim Ali"."""
    if not _person_shaped(span):
        return False
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ not in ("prep", "agent"):
        return False
    leading = name_lexicon().leading_words
    return (prep.lower_ == "by" and prep.head.lemma_.lower() in leading) or (
        prep.lower_ == "of" and prep.head.lower_ in leading)


def _person_shaped(span: Span) -> bool:
    """Two or more capitalised words (particles allowed), no acronym, no word of a group's, a facility's or an
    institution's name."""
    words = {t.lower_.replace("’", "'") for t in span}
    lexicon = name_lexicon()
    if words & (GROUP_NAME_WORDS | lexicon.facility_words | lexicon.reference_nouns) or len(span) < 2:
        return False
    if any(t.is_upper and len(t) > 1 for t in span):
        return False  # an acronym: "HMS Ocean" is a ship, "FARC-EP" a group
    return all(t.text[:1].isupper() or _particle(span.doc, t.i) for t in span)


def titled_person(span: Span) -> bool:
    """An office and a name, whatever NER calls it: "Constable Ronan Kerr", "Colonel Kyaw Han"."""
    words = {t.lower_.replace("’", "'") for t in span}
    rest = span[1:]
    return (span[0].lower_.rstrip(".") in name_lexicon().office_words and len(rest) >= 2
            and all(t.text[:1].isupper() or _particle(span.doc, t.i) for t in rest)
            and not words & (GROUP_NAME_WORDS | name_lexicon().reference_nouns))


def drop_office(span: Span) -> Span:
    """ "Commander Abu Hamza", "General Htang Gam Shawng": an office before a person's name is no part of it
    (a religious title is: "Mullah Omar", "Sheikh Mumin")."""
    start = span.start
    offices = name_lexicon().office_words
    while start < span.end - 1 and span.doc[start].lower_.rstrip(".") in offices:
        start += 1
    return span.doc[start:span.end]


def drop_demonym(span: Span, is_demonym: Callable[[str], bool]) -> Span:
    """ "Jordanian Sami al-Uraydi" is Sami al-Uraydi: a person's name does not open with a demonym."""
    if len(span) > 2 and is_demonym(span[0].text):
        return span.doc[span.start + 1:span.end]
    return span


def strip_quotes(name: str) -> str:
    """A name without the quotes around it ("'Mourabitounes" is Mourabitounes)."""
    return name.strip(QUOTES + " ")
