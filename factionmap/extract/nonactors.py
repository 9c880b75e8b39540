"""Capitalised words that name no actor: headings, places, documents, events, facilities, categories.

spaCy's NER and the shape of names both read capitals. Several kinds of capitals are no names of actors, in any
outlet (the words that tell them are data, in ``data/names.json``):

- headings, bylines left in the text, menus: in a title-case line every word but the small ones is capitalised
  ("Breaking News", "Kurdish Militants Believed Behind Latest Bombings"), so only a name the body also uses
  counts there (a caption in sentence case, "Recent picture of BLA's Aslam Baloch", is no heading);
- places, which NER often calls persons or organisations: a name ending in a division noun ("Shan State",
  "Abyan Province") or opening with a place word ("Co Tyrone", "Mount Sinjar"), followed by a landscape noun
  ("the Mghila mountains", "the al-Watiya airfield"), standing after a locative preposition ("around Sopore",
  "in Ibn Khouldoun and Omrane", "the provinces of Abyan, Shabwah and Taiz") or a compass word ("eastern
  Shan"), based ("the Homs-based X") or in a list of places ("cities like Istanbul, Ankara, like Izmir");
- things named like groups: a ship ("USS Cole"), a document or law ("Executive Order", "Haigeng Agreement"), an event ("Omagh
  Bombing", "Battle of Mosul"), a facility ("Al Asad Air Base"), a designation ("FTO", "Specially Designated
  Global Terrorists", and any acronym the text defines in the plural: "Foreign Terrorist Organisations (FTOs)");
- words that are capitalised but no name: a dateline ("BOGOTA (Reuters) -"), a weapon ("VBIED"), a platform
  ("Telegram"), a fragment ending in a lower-case word ("Police Service of"), a time zone ("01:20 GMT"), an adjective opening a sentence
  ("Specialized units"), a demonym ("a Kashmiri group"), a bare institution noun ("The Department has also
  designated"), a plural of what groups are ("Both Shura Councils"), an e-mail address or a credit ("dpa/NAN").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from factionmap.extract.name_lexicon import name_lexicon
from factionmap.extract.names import GROUP_NAME_WORDS
from factionmap.extract.nlp import doc_text

HEADING_MAX_WORDS = 16
_LINE = re.compile(r"[^\n]+")
_PLURAL_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][A-Z.&-]*[A-Z])s\)")
_DEMONYM_ENDINGS = ("i", "ian", "ese", "ish")
_ADJECTIVE_ENDINGS = ("ized", "ised", "ated", "ing", "ive", "ous", "ary", "ical", "able", "ible")


def heading_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the title-case lines of a text (headings, bylines, menus)."""
    spans = []
    for line in _LINE.finditer(doc_text(doc)):
        content = line.group(0).strip()
        if content and content[-1] not in ".:;,\"”'’" and _title_case(content):
            spans.append(line.span())
    return spans


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line)]
    if not 2 <= len(words) <= HEADING_MAX_WORDS:
        return False
    small = name_lexicon().heading_small_words
    content = [w for w in words if w.lower() not in small]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


def only_in_headings(doc: Doc, span: Span, headings: list[tuple[int, int]]) -> bool:
    """Whether a name stands in a heading and nowhere in the body."""
    if not any(a <= span.start_char < b for a, b in headings):
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(span.text)}(?!\w)")
    return not any(not any(a <= m.start() < b for a, b in headings) for m in pattern.finditer(doc_text(doc)))


def names_a_place(span: Span) -> bool:
    """Whether a name that NER calls a person or an organisation stands where a place stands."""
    words = {t.lower_.replace("’", "'") for t in span}
    lexicon = name_lexicon()
    if words & (GROUP_NAME_WORDS - lexicon.division_words):
        return False
    if len(span) > 1 and span[-1].lower_ in lexicon.division_words and span[-1].text[:1].isupper():
        return True
    if len(span) > 1 and span[0].lower_ in lexicon.place_openers and span[0].text[:1].isupper():
        return True
    doc = span.doc
    landscape = lexicon.landscape_words | lexicon.division_words
    if span.end < len(doc) and doc[span.end].lower_ in landscape and doc[span.end].is_lower:
        return True
    return _after_locative(span) or _in_place_list(span) or _placed_by_neighbours(span)


def _list_head(span: Span) -> Token:
    """The first item of the coordinated list a name stands in (the name itself when it is in none)."""
    root = span.root
    for _ in range(4):
        if root.dep_ != "conj" or root.head.i >= root.i:
            break
        root = root.head
    return root


def _after_locative(span: Span) -> bool:
    """ "around Sopore", "in the town of X", "in Ibn Khouldoun and Omrane": a place's position."""
    doc = span.doc
    first = _list_head(span)
    start = span.start if first.i == span.root.i else min(first.left_edge.i, span.start)
    before = start - 1
    if before >= 0 and doc[before].lower_ == "the":
        before -= 1
    lexicon = name_lexicon()
    landscape = lexicon.landscape_words | lexicon.division_words | lexicon.place_list_heads
    if before >= 0 and doc[before].lower_ == "of" and before > 0 and doc[before - 1].lower_ in landscape:
        return True
    return before >= 0 and doc[before].lower_ in name_lexicon().locative_words


def _placed_by_neighbours(span: Span) -> bool:
    """ "eastern Shan", "northern Sheikh Zuwayed": a lower-case compass word before a name; "the Homs-based
    Jaysh al-Sunnah": a name that something is based in."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.lower_ in name_lexicon().compass_words:
        return True
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "based"


def _in_place_list(span: Span) -> bool:
    """ "cities like Istanbul, Ankara, like Izmir", "provinces such as X": an example of a plural place noun,
    or an item of a list of three or more whose other items NER calls places."""
    doc = span.doc
    heads = name_lexicon().place_list_heads
    i = span.start - 1
    while i >= 0 and (doc[i].lower_ in ("like", "as", "such", "including", ",", "and", "or")
                      or doc[i].ent_type_ in ("GPE", "LOC")) and span.start - i <= 12:
        if doc[i].lower_ in ("like", "as", "including") and i > 0 and doc[i - 1].lower_ in heads | {"such"}:
            return True
        i -= 1
    first = _list_head(span)
    items = [first, *[t for t in first.conjuncts if t.i != span.root.i]]
    others = [t for t in items if not span.start <= t.i < span.end]
    acronym = span[0].is_upper
    return not acronym and len(others) >= 2 and all(t.ent_type_ in ("GPE", "LOC") for t in others)


def names_no_actor(span: Span, is_demonym: Callable[[str], bool]) -> bool:
    """Whether a capitalised span names no actor at all: a document, an event, a facility, a designation, a time
    zone, a demonym, an institution noun standing alone, an adjective opening a sentence, an address."""
    words = [t.lower_.replace("’", "'") for t in span]
    lexicon = name_lexicon()
    if " ".join(words) in lexicon.designation_phrases or words[-1].rstrip(".") in lexicon.designation_acronyms:
        return True
    if any(t.like_email or t.like_url for t in span) or _credit(span.text):
        return True
    if span[-1].is_lower or _dateline(span):
        return True  # a name never ends in a lower-case word: "Islamification of parts of" is a fragment
    if len(span) == 1:
        return _not_a_name_word(span[0], is_demonym)
    if words[-1] in lexicon.plural_references:
        return True  # "Both Shura Councils": several actors, named by what they are
    if words[-1] in lexicon.document_words | lexicon.event_words | lexicon.facility_words:
        return span[-1].text[:1].isupper()
    if words[0].rstrip(".") in lexicon.vessel_prefixes and span[0].is_upper:
        return True  # a ship: "HMS Daring", "USS Cole"
    return words[0] in lexicon.event_openers and span[0].text[:1].isupper()


def _dateline(span: Span) -> bool:
    """ "BOGOTA (Reuters) -", "KABUL:": a capitalised place opening a line before the credit or a colon."""
    doc = span.doc
    first = span.start == 0 or "\n" in doc[span.start - 1].text + doc[span.start - 1].whitespace_
    after = doc[span.end].text if span.end < len(doc) else ""
    return first and all(t.is_upper and len(t) > 1 for t in span) and after in ("(", ":", "-", "—", "–", ",")


def _credit(text: str) -> bool:
    """ "dpa/NAN", "AFP/Getty": agencies a photo or a story is credited to, joined by a slash."""
    parts = text.split("/")
    return len(parts) > 1 and any(p.isalpha() and p.islower() for p in parts)


def _not_a_name_word(token: Token, is_demonym: Callable[[str], bool]) -> bool:
    """A capitalised word alone that names nothing: a time zone, an institution noun ("the Department"), an
    adjective opening a sentence ("Specialized units"), a demonym ("a Kashmiri group", "the Briton")."""
    lower = token.lower_
    lexicon = name_lexicon()
    if token.is_upper and lower in lexicon.time_zones | lexicon.weapon_acronyms:
        return True
    if lower in lexicon.platforms and token.text[:1].isupper():
        return True
    if lower in lexicon.reference_nouns and not token.is_upper:
        return True
    if token.is_sent_start and _adjective(token):
        return True
    if is_demonym(token.text):
        return True
    return token.dep_ in ("amod", "nmod", "compound") and token.head.i > token.i and token.head.is_lower and (
        lower.endswith(_DEMONYM_ENDINGS) and _modifier_of_indefinite(token))


def _adjective(token: Token) -> bool:
    """An adjective the tagger may call a proper noun at a sentence's start ("Specialized police units")."""
    modifies = token.dep_ in ("amod", "compound") and token.head.i > token.i and token.head.is_lower
    return token.pos_ == "ADJ" or modifies and token.lower_.endswith(_ADJECTIVE_ENDINGS)


def _modifier_of_indefinite(token: Token) -> bool:
    """ "a Kashmiri separatist group": a word between "a" and the common noun it qualifies."""
    head = token.head
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") and c.i < token.i for c in head.children)


def plural_acronyms(doc: Doc) -> frozenset[str]:
    """Acronyms the text defines in the plural ("Foreign Terrorist Organizations (FTOs)"): categories, never
    names; both the singular acronym and the plural are returned, in lower case."""
    found = {m.group("acronym").lower() for m in _PLURAL_ACRONYM.finditer(doc_text(doc))}
    return frozenset(found | {a + "s" for a in found})


def is_caption_mark(text: str) -> bool:
    """ "3rd L", "2nd R", "L", "left": where a person stands in a photo, which a caption gives in brackets."""
    words = text.lower().replace("-", " ").split()
    marks = name_lexicon().caption_marks
    return bool(words) and all(w in marks or re.fullmatch(r"\d+(?:st|nd|rd|th)?", w) for w in words) and any(
        w in marks for w in words)
