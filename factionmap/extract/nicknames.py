"""A nickname in quotes inside a person's name: one person, and the nickname is theirs.

News of cartels, militias and armies writes a person's nickname in quotes between the given name and the
surname: 'Joaquin "El Chapo" Guzman', 'Mohamed Hamdan "Hemeti" Dagalo', 'Jose Maria “Joma” Sison', 'Brig. Gen.
Richard "Tex" Coe'. NER cuts such a name in pieces at the quotes (one piece an organisation, another a person).
Here the whole span becomes one mention of the person named by the given name and the surname (found by the
text's own construction, like a defined alias, so no place is read inside it: "El Mayo" is also a town), and
every other use of the nickname in the text names the same person.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from factionmap.extract.name_lexicon import name_lexicon
from factionmap.extract.names import GROUP_NAME_WORDS
from factionmap.extract.nlp import doc_text
from factionmap.lookup.folding import normalize_name
from factionmap.records import ActorMention

_WORD = r"[A-Z][\w.'’-]*"
_NICKNAME = re.compile(
    rf"(?P<first>{_WORD}(?:[ \t]+{_WORD}){{0,3}})[ \t]+[\"“‘](?P<nick>[^\"“”‘’\n]{{2,30}}?)[\"”’][ \t]+"
    rf"(?P<last>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"
)


def link_nicknames(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Replace the pieces of each "Given 'Nickname' Surname" with one person, and give that person every other
    use of the nickname."""
    for match in _NICKNAME.finditer(doc_text(doc)):
        person = _person(doc, match)
        if person is None:
            continue
        inside = [m for m in mentions if m.start < person.end and person.start < m.end]
        if any(m.kind != "person" and m.via in ("kb", "shape", "forces") for m in inside):
            continue
        mentions = [m for m in mentions if m not in inside]
        mentions.append(person)
        mentions = _name_other_uses(doc, mentions, match.group("nick"), person)
    return sorted(mentions, key=lambda m: m.start)


def _person(doc: Doc, match: re.Match[str]) -> ActorMention | None:
    """The person a "Given 'Nickname' Surname" match names, or None when it is no person's name."""
    offices = name_lexicon().office_words
    first = [w for w in match.group("first").split() if w.lower().rstrip(".") not in offices]
    nick, last = match.group("nick"), match.group("last").split()
    words = [w.lower().strip(".'’") for w in [*first, *nick.split(), *last]]
    if not first or not any(c.isupper() for c in nick) or set(words) & GROUP_NAME_WORDS:
        return None
    start = match.start("first") + match.group("first").rindex(first[0])
    span = doc.char_span(start, match.end("last"), alignment_mode="expand")
    if span is None or not _names_a_person(span):
        return None
    name = " ".join([*first, *last])
    return ActorMention(span.start, span.end, span.start_char, span.end_char, span.text, name, "person",
                        f"name:{normalize_name(name)}", "alias")


def _names_a_person(span: Span) -> bool:
    """Name words around the quotes: no stop word ("The 'Islamic' State"), no date, no place NER is sure of,
    no word that makes the phrase a document, an event or a facility."""
    lexicon = name_lexicon()
    other = lexicon.document_words | lexicon.event_words | lexicon.facility_words | lexicon.reference_nouns
    words = [t for t in span if t.text[:1].isupper()]
    return not any(t.is_stop or t.ent_type_ in ("DATE", "GPE", "LOC") or t.lower_ in other for t in words)


def _name_other_uses(doc: Doc, mentions: list[ActorMention], nick: str,
                     person: ActorMention) -> list[ActorMention]:
    """Every other use of the nickname names the person (replacing what NER made of it)."""
    result = list(mentions)
    for found in re.finditer(rf"(?<!\w){re.escape(nick)}(?!\w)", doc_text(doc)):
        if person.start_char <= found.start() < person.end_char:
            continue
        span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if span is None:
            continue
        clashing = [m for m in result if m.start < span.end and span.start < m.end]
        if any(m.kb_id is not None for m in clashing):
            continue
        result = [m for m in result if m not in clashing]
        result.append(ActorMention(span.start, span.end, span.start_char, span.end_char, span.text, person.name,
                                   "person", person.key, "alias"))
    return result
