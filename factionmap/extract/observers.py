"""Who tells the story is not in it: outlets, monitors and the analysts a text cites are observers.

The knowledge base marks the observers it knows (Reuters, ACLED, the Syrian Observatory, SITE Intelligence
Group), in ``data/organizations.jsonl``. The others are told by
where the text puts them, in constructions of reporting found in any outlet:

- an outlet: the person told it something ("analyst X told Magharebia", "telling the Reuters news agency"), a
  news noun names it ("Mauritanian daily ANI", "the Al-Ain News website", "a local paper, Al-Masra"), or a
  statement was given to it;
- a listener: "sources who spoke to X", "in a statement to X";
- a cited author: a person introduced by a role of commentary ("analyst X", "X, the Turkey correspondent for
  ...", "X, a researcher at ...").

Observers stay mentions (they hold their span against other readings and "its" never refers to them) but are
never actors. The news nouns and roles of commentary are data (``data/names.json``). Only names the knowledge base does not know as groups or states can become observers.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from factionmap.extract.cues import cue_words
from factionmap.extract.name_lexicon import name_lexicon
from factionmap.records import ActorMention

# News nouns that also name other bodies ("the DEA, the US anti-drug agency"): they make no outlet in apposition.
AMBIGUOUS_OUTLET_WORDS = cue_words().ambiguous_outlet_words
TELL_LEMMAS = frozenset({"tell"})
_NEVER_OBSERVERS = ("kb", "forces", "shape", "coref")


def mark_observers(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Mark the outlets, sources and commentators the text cites, with every other mention of the same name."""
    keys = {m.key for m in mentions if m.via not in _NEVER_OBSERVERS and m.kb_id is None and _cited(doc, m)}
    if not keys:
        return mentions
    return [replace(m, observer=True) if m.key in keys and m.kb_id is None else m for m in mentions]


def _cited(doc: Doc, m: ActorMention) -> bool:
    span = doc[m.start:m.end]
    looks_personal = m.kind == "person" or m.via == "ner" and len(span) >= 2  # NER calls some people ORG
    return _outlet(span) or (looks_personal and _commentator(span))


def _outlet(span: Span) -> bool:
    """A name the text calls a news outlet or tells something to."""
    doc = span.doc
    root = span.root
    after = doc[span.end] if span.end < len(doc) else None
    before = _before(span)
    outlet_words = name_lexicon().outlet_words
    if after is not None and after.lower_ in outlet_words and after.lower_ != "network":
        return True
    if before is not None and before.lower_ in outlet_words - {"news", "network"}:
        return True
    if root.dep_ == "appos" and root.head.i < span.start and _outlet_noun(root.head):
        return True  # "a new local paper, Al-Masra"
    told = root.dep_ in ("dobj", "dative", "iobj") and root.head.lemma_.lower() in TELL_LEMMAS
    if told and not any(c.dep_ in ("xcomp", "ccomp") for c in root.head.children if c.i > root.i):
        return True
    return _given_to(root)


def _outlet_noun(noun: Token) -> bool:
    """A news noun no party owns: "a local paper" is an outlet, "Hamas' own television station" a part of
    Hamas, and "agency" or "network" name other bodies as often."""
    owned = any(c.dep_ == "poss" for c in noun.children)
    return noun.lower_ in name_lexicon().outlet_words - AMBIGUOUS_OUTLET_WORDS and not owned


def _given_to(root: Token) -> bool:
    """ "said in a statement to X", "sources who spoke to X": the name receives what is said."""
    head = root.head
    if root.dep_ != "pobj" or head.lower_ != "to":
        return False
    return head.head.lower_ in ("statement", "interview", "remarks", "comments") or head.head.lemma_.lower() in (
        "speak", "talk")


def _commentator(span: Span) -> bool:
    """ "analyst X", "X, the Turkey correspondent for ...", "X, a researcher at ..."."""
    before = _before(span)
    roles = name_lexicon().commentator_words
    if before is not None and before.lower_ in roles:
        return True
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in roles:
        return True
    return any(c.dep_ == "appos" and c.lower_ in roles for c in root.children)


def _before(span: Span) -> Token | None:
    """The word before a name, over a "the"."""
    i = span.start - 1
    doc = span.doc
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return doc[i] if i >= 0 else None
