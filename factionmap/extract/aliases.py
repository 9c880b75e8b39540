"""Aliases the text itself defines, joined to the one actor they name.

Writers define a second name right after the first, in a handful of constructions found in any outlet:

- a parenthesis or bracket: "Islamic Movement of Uzbekistan (IMU)", "Katibat El Moulethemoune ("Brigade of the
  Veiled Ones")", "Abou Moussab Abdelwadoud [Abdelmalek Droukdel]";
- an appositive opener: "X, also known as Y", "X, better known as Y", "X, also called Y", "X, or Y",
  "X, formerly Y", "X, known by its Arabic acronym Y", "X (aka Y)";
- a renaming: "X was renamed Y", "X renamed itself Y", "X changed its name to Y", "X, later rebranded as Y".

The alias belongs to the noun phrase it follows, the mention that ends right before the opener: in "al-Shabab's
leader Ahmed Abdi Godane, also known as Mukhtar Abu Zubair", the second name is the leader's, not the group's.
An alias must be a name (capitalised words, an acronym), never a place ("Ansar al-Sharia (Derna)"), and of the
same sort as what it names: a person's name is no alias of a group, a group's no alias of a person; two actors
the knowledge base tells apart are never merged by a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from factionmap.extract.names import GROUP_NAME_WORDS, is_name_token
from factionmap.extract.nlp import doc_text
from factionmap.extract.nonactors import is_caption_mark
from factionmap.records import ActorMention

# Openers of a defined alias, matched on the text right after a name (after "(", "[" or ",").
_OPENER = re.compile(
    r"(?:(?:also|better|best|formerly|previously|commonly|more\s+commonly|mostly|mainly|popularly|now|later|locally|"
    r"widely)\s+)?"
    r"(?:known|called|named|referred\s+to)"
    r"(?:\s+as|\s+by\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,2}?(?:acronym|initials|abbreviation|name))?"
    r"|a\.?k\.?a\.?|formerly|previously|or"
    r"|(?:(?:which|that|and|it)\s+)?(?:(?:was|is|has\s+been|had\s+been|were)\s+)?(?:later\s+|since\s+|subsequently\s+)?"
    r"(?:renamed|rebranded)(?:\s+(?:itself|themselves))?(?:\s+as)?"
    r"|(?:(?:which|that|and|it)\s+)?(?:later\s+|since\s+|subsequently\s+)?changed\s+(?:its|their)\s+name\s+to",
    re.IGNORECASE,
)
_LEAD = re.compile(r"\s*(?P<punct>[(\[,])?\s*")
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»"})
_CLOSERS = {"(": ")", "[": "]"}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "CARDINAL", "TIME", "MONEY", "PERCENT", "QUANTITY"})
MAX_ALIAS_TOKENS = 10


@dataclass(frozen=True, slots=True)
class _Alias:
    """A name the text defines for ``actor``: tokens ``start:end``, and how it was introduced."""

    actor: ActorMention
    start: int
    end: int
    opener: str


def link_text_aliases(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Learn the aliases the text defines and give every occurrence of them the actor they name."""
    found = [a for m in mentions for a in _defined_aliases(doc, m, mentions)]
    if not found:
        return mentions
    by_span = {(m.start, m.end): m for m in mentions}
    surface: dict[str, ActorMention] = {}
    for alias in found:
        actor = _identity(alias, list(by_span.values()))
        _rekey(by_span, alias.actor.key, actor)
        _place_alias(doc, by_span, alias.start, alias.end, actor)
        surface[doc[alias.start:alias.end].text] = actor
        surface.setdefault(alias.actor.text, actor)
    result = sorted(by_span.values(), key=lambda m: m.start)
    return _apply_aliases(doc, result, surface)


def _identity(alias: _Alias, mentions: list[ActorMention]) -> ActorMention:
    """Who the two names name: the knowledge base's actor if it knows either name; an armed group if either
    name is an armed group's ("Ahl al-Sunna wal-Jama'a, also called Ansar al-Sunna")."""
    inner = [o for o in mentions if o.start < alias.end and alias.start < o.end and o.key != alias.actor.key]
    known = [o for o in inner if o.kb_id is not None and o.kind != "state"]
    base = known[0] if alias.actor.kb_id is None and known else alias.actor
    armed = any(o.kind == "armed_group" for o in [alias.actor, *inner])
    kind = "armed_group" if armed and base.kind in ("armed_group", "organization") else base.kind
    return replace(base, kind=kind)


def _rekey(by_span: dict[tuple[int, int], ActorMention], old: str, actor: ActorMention) -> None:
    """Every mention of the actor the alias joined now names ``actor``."""
    for span, m in by_span.items():
        if m.key == old:
            by_span[span] = replace(m, name=actor.name, kind=actor.kind, key=actor.key, kb_id=actor.kb_id)


def _defined_aliases(doc: Doc, m: ActorMention, mentions: list[ActorMention]) -> Iterable[_Alias]:
    """The alias defined right after mention ``m``, if any."""
    if m.kind == "state" or m.via == "coref":
        return
    text = doc_text(doc)
    lead = _LEAD.match(text, m.end_char)
    assert lead is not None  # the pattern matches the empty string
    punct = lead.group("punct")
    opener = _OPENER.match(text, lead.end())
    if opener is not None and text[opener.end():opener.end() + 1].isspace():
        start = _token_at(doc, len(text[:opener.end()]) + _leading_space(text, opener.end()), len(text))
        kind = _opener_kind(opener.group(0))
    elif punct in _CLOSERS:
        start, kind = _token_at(doc, lead.end(), len(text)), "("
    else:
        return
    if start is None or (punct is None and kind != "renamed"):
        return
    span = _alias_span(doc, start, _CLOSERS.get(punct or ""))
    if span is None or is_caption_mark(span.text):
        return
    if kind == "or" and not _closes_apposition(doc, span.end):
        return
    if kind == "(" and not (_closes(doc, span.end, _CLOSERS[punct or "("]) and _parenthesised_name(span, mentions)):
        return
    if _fits(doc, m, span, mentions):
        yield _Alias(m, span.start, span.end, kind)


def is_alias_form(text: str) -> bool:
    """Whether a form the text used for an actor is one of its names: it has a capital ("popular resistance
    committees" is a description), holds no half of a pair of quotes ('El Chapo" Guzman') and is no photo
    caption's mark ("3rd L")."""
    balanced = text.count('"') % 2 == 0 and text.count("“") == text.count("”")
    return balanced and any(c.isupper() for c in text) and not is_caption_mark(text)


def _opener_kind(opener: str) -> str:
    """ "renamed" for a renaming (it needs no comma before it), "or", or "known" for the other openers."""
    lower = opener.lower()
    if "renamed" in lower or "rebranded" in lower or "changed" in lower:
        return "renamed"
    return "or" if lower == "or" else "known"


def _leading_space(text: str, char: int) -> int:
    """How many whitespace characters start at ``char``."""
    return len(text[char:char + 20]) - len(text[char:char + 20].lstrip())


def _token_at(doc: Doc, char: int, text_length: int) -> int | None:
    """Index of the token that starts at (or covers) character ``char`` (of a text of ``text_length``)."""
    span = doc.char_span(char, min(char + 1, text_length), alignment_mode="expand")
    return span.start if span is not None and len(span) else None


def _alias_span(doc: Doc, start: int, closer: str | None) -> Span | None:
    """The name that starts at token ``start``: capitalised words, connectors, hyphens; quotes around it dropped."""
    quoted = start < len(doc) and doc[start].text in _QUOTES
    if quoted:
        start += 1
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    end = start
    while end < len(doc) and end - start < MAX_ALIAS_TOKENS and not doc[end].is_space:
        token = doc[end]
        if token.text == closer or token.text in _QUOTES and not _possessive_apostrophe(doc, end):
            break
        if not (is_name_token(token) or token.text in ("/", "&")):
            break
        end += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("of", "the", "and", "al", "wa", "wal")):
        end -= 1
    if end == start or not any(t.text[:1].isupper() for t in doc[start:end]):
        return None
    return doc[start:end]


def _possessive_apostrophe(doc: Doc, i: int) -> bool:
    """The apostrophe of a plural possessive inside a name ("Kurdistan Workers' Party"), not a closing quote."""
    return (doc[i].text in ("'", "’") and i > 0 and doc[i - 1].lower_.endswith("s") and i + 1 < len(doc)
            and doc[i + 1].text[:1].isupper() and doc[i - 1].whitespace_ == "" and doc[i].whitespace_ != "")


def _closes_apposition(doc: Doc, end: int) -> bool:
    """After "X, or Y" the apposition closes: a comma, a parenthesis, a full stop, a dash or the text's end."""
    return end >= len(doc) or doc[end].text in (",", ")", ".", ";", ":", "—", "–", "]") or doc[end].is_space


def _closes(doc: Doc, end: int, closer: str) -> bool:
    """The parenthesis holds the name and nothing else (quotes aside)."""
    while end < len(doc) and doc[end].text in _QUOTES:
        end += 1
    return end < len(doc) and doc[end].text == closer


def _parenthesised_name(span: Span, mentions: list[ActorMention]) -> bool:
    """A bare parenthesis holds a name: an acronym, several words, or a name already found; one capitalised
    word alone is as often a place or a gloss ("Ansar al-Sharia (Derna)")."""
    if len(span) > 1 or span[0].is_upper or any(c.isupper() for c in span.text[1:]):
        return True
    return any(o.start == span.start and o.via in ("kb", "shape") for o in mentions)


def _fits(doc: Doc, m: ActorMention, span: Span, mentions: list[ActorMention]) -> bool:
    """Whether ``span`` may be a second name of ``m``: a name of the same sort, not a place, not another actor."""
    acronym = len(span) == 1 and span[0].is_upper
    if not acronym and any(t.ent_type_ in PLACE_LABELS for t in span):
        return False
    inner = [o for o in mentions if o.start < span.end and span.start < o.end and o is not m]
    for other in inner:
        if other.kind == "state" or other.observer:
            return False
        if other.kb_id is not None and m.kb_id is not None and other.kb_id != m.kb_id:
            return False  # the knowledge base tells them apart: "X, or Y" lists two groups
        if (other.kind == "person") != (m.kind == "person") and other.via != "ner":
            return False
    if m.kind != "person" and _person_name(span):
        return False
    return not (m.kind == "person" and any(o.kind != "person" and o.via in ("kb", "shape") for o in inner))


def _person_name(span: Span) -> bool:
    """A span spaCy calls a person and that has no word of a group's name: "Mukhtar Abu Zubair"."""
    words = {t.lower_.replace("’", "'") for t in span}
    return all(t.ent_type_ == "PERSON" for t in span) and not words & GROUP_NAME_WORDS and len(span) > 1


def _place_alias(doc: Doc, by_span: dict[tuple[int, int], ActorMention], start: int, end: int,
                 actor: ActorMention) -> None:
    """Give the alias's span the actor's identity, replacing the fragments that overlapped it."""
    for key in [k for k in by_span if k[0] < end and start < k[1]]:
        other = by_span.pop(key)
        if other.start == start and other.end > end:
            start, end = other.start, other.end
    span = doc[start:end]
    by_span[(start, end)] = ActorMention(start, end, span.start_char, span.end_char, span.text, actor.name,
                                         actor.kind, actor.key, "alias", actor.kb_id, actor.observer)


def _as(mention: ActorMention, actor: ActorMention) -> ActorMention:
    return replace(mention, name=actor.name, kind=actor.kind, key=actor.key, kb_id=actor.kb_id, via="alias")


def _apply_aliases(doc: Doc, mentions: list[ActorMention], aliases: dict[str, ActorMention]) -> list[ActorMention]:
    """Every other occurrence of an alias names the same actor."""
    by_start = {m.start: m for m in mentions}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    text = doc_text(doc)
    for alias, actor in aliases.items():
        for found in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            span = doc.char_span(found.start(), found.end())
            if span is None:
                continue
            existing = by_start.get(span.start)
            if existing is not None and existing.end == span.end:
                if existing.key != actor.key and existing.kind != "state" and existing.kb_id is None:
                    by_start[span.start] = _as(existing, actor)
            elif covered.isdisjoint(range(span.start, span.end)):
                by_start[span.start] = ActorMention(span.start, span.end, span.start_char, span.end_char, span.text,
                                                    actor.name, actor.kind, actor.key, "alias", actor.kb_id,
                                                    actor.observer)
                covered.update(range(span.start, span.end))
    return [by_start[s] for s in sorted(by_start)]
