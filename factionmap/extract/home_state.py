"""States a text names without their name: "the army" in a text about one state, "Iraqi" before a title.

News about a country's war names its state once and then writes "the army" or "government forces". Where one
state clearly dominates the text (it is named at least twice, and at least twice as often as any other), a bare
force phrase with a definite article or a government qualifier stands for that state, as ACLED codes
"Military Forces of Ethiopia". Where no state dominates, the phrase stays unresolved: no guess. Like a resolved
"its", such a mention is a reference (``via="coref"``): it never becomes an alias of the state.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from factionmap.extract.cues import cue_words
from factionmap.extract.names import GROUP_NOUNS, MEMBER_WORDS
from factionmap.lookup.kb import KnowledgeBase
from factionmap.records import ActorMention, Place

FORCE_HEADS = cue_words().force_heads
GOVERNMENT_QUALIFIERS = cue_words().government_qualifiers
"""Words that make "forces" or "troops" the state's: "government forces", "security forces", "armed forces"."""
DEFINITE_HEADS = cue_words().definite_heads
"""Heads that stand for the state with a bare definite article: "the army", "the junta"."""


def home_state_mentions(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions for the bare force phrases of a text dominated by one state, added to the given ones."""
    state = _dominant_state(mentions)
    if state is None:
        return list(mentions)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for token in doc:
        if token.i in covered or token.lower_ not in FORCE_HEADS or token.pos_ not in ("NOUN", "PROPN"):
            continue
        start = _phrase_start(token)
        if start is None or any(i in covered for i in range(start, token.i)):
            continue
        span = doc[start:token.i + 1]
        added.append(ActorMention(start, token.i + 1, span.start_char, span.end_char, span.text, state.name,
                                  "state", state.key, "coref", state.kb_id))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def title_state_mentions(doc: Doc, mentions: Sequence[ActorMention], kb: KnowledgeBase,
                         titles: frozenset[str]) -> list[ActorMention]:
    """Mentions for the state a demonym names before a title: "Iraqi Prime Minister Nouri al-Maliki", "the
    Sudanese army chief". A demonym alone ("Iraqi Shiite militias") names no state actor; before a title of
    office it does, so that the office holder can be related to it."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for token in doc:
        if token.i in covered or not token.is_title or token.i + 1 >= len(doc):
            continue
        if not _title_follows(doc, token.i + 1, titles, covered):
            continue
        state = kb.state_for_demonym(token.text)
        if state is None:
            continue
        span = doc[token.i:token.i + 1]
        added.append(ActorMention(token.i, token.i + 1, span.start_char, span.end_char, span.text, state.name,
                                  "state", f"kb:{state.id}", "coref", state.id))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


CAPITAL_ROLE_PREPS = cue_words().capital_role_preps
"""Prepositions after which a capital is a party, not a place: "a rebellion against Moscow", "backed by Tehran"."""


def capital_mentions(doc: Doc, mentions: Sequence[ActorMention], places: Sequence[Place],
                     kb: KnowledgeBase) -> list[ActorMention]:
    """Mentions for the state a capital stands for where the capital acts: "the Moscow-run Africa Corps",
    "Tehran's proxies", "a rebellion against Moscow", "Washington imposed sanctions". "In Moscow" stays a place.
    Like a demonym before a title, such a mention is a reference (``via="coref"``), never an alias."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for place in places:
        state = kb.get(f"S:{place.country}") if place.feature == "PPLC" and place.country else None
        if state is None or state.kind != "state":
            continue
        for where in place.mentions:
            span = doc.char_span(where.start, where.end, alignment_mode="expand")
            if span is None or any(t.i in covered for t in span) or not _acting(span):
                continue
            added.append(ActorMention(span.start, span.end, span.start_char, span.end_char, span.text, state.name,
                                      "state", f"kb:{state.id}", "coref", state.id))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def _acting(span: Span) -> bool:
    """A capital in the place of a party: before a hyphened participle or a possessive, as a clause's subject,
    or after "against"/"by"."""
    doc = span.doc
    after = span.end
    if after + 1 < len(doc) and doc[after].text in ("-", "\u2013") and doc[after + 1].tag_ in ("VBN", "JJ"):
        return True  # "Moscow-run", "Tehran-backed"
    if after < len(doc) and doc[after].lower_ in ("'s", "\u2019s"):
        return True
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in CAPITAL_ROLE_PREPS


NON_STATE_WORDS = MEMBER_WORDS | GROUP_NOUNS | cue_words().non_state_words
TITLE_REACH = 4  # words of an office between the demonym and its title: "Chinese foreign ministry spokesperson"


def _title_follows(doc: Doc, i: int, titles: frozenset[str], covered: set[int]) -> bool:
    """A title of office starts at ``i`` or after a few words of the office: "Prime Minister", "Major General",
    "foreign ministry spokesperson"."""
    for j in range(i, min(i + TITLE_REACH, len(doc))):
        word = doc[j]
        if word.lower_ in titles:
            return True
        if j in covered or not word.is_alpha or word.pos_ not in ("NOUN", "PROPN", "ADJ") \
                or word.lower_ in NON_STATE_WORDS or f"{word.lemma_.lower()}s" in NON_STATE_WORDS:
            return False  # "Iraqi Shiite militia leader X" leads a militia, not Iraq
    return False


def _dominant_state(mentions: Sequence[ActorMention]) -> ActorMention | None:
    """The state the text names at least twice and at least twice as often as any other state."""
    counts = Counter(m.key for m in mentions if m.kind == "state" and m.via != "coref")
    if not counts:
        return None
    ranked = counts.most_common(2)
    key, n = ranked[0]
    if n < 2 or (len(ranked) > 1 and ranked[1][1] * 2 > n):
        return None
    return next(m for m in mentions if m.key == key)


def _phrase_start(head: Token) -> int | None:
    """Where the force phrase begins: "the army" (definite heads), "government forces", "the security forces";
    None when the head is not the state's ("rebel forces", "Fano fighters", "his army")."""
    doc = head.doc
    before = doc[head.i - 1] if head.i > 0 else None
    if before is not None and before.lower_ in GOVERNMENT_QUALIFIERS:
        start = head.i - 1
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        return start
    if head.lower_ in DEFINITE_HEADS and before is not None and before.lower_ == "the":
        return head.i - 1
    return None
