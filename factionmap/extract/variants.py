"""One actor under every form of its name in a text: short names, spellings, quotes.

A writer names a person in full once and then by part of the name, sometimes before the full name comes
(a headline's "Belmokhtar", a caption's "Soleimani"); a transliterated name is spelt two ways in one text
("Hurras al-Din" and "Hurras al-Dina", "Abdelmalek" and "Abdelmalik"); quotes are glued to a name ("'Punjabi
Taliban", "“Border Commandos"). Here every such form joins the actor its fuller or better-known form names:

- a person's one-word short name joins the one person in the text whose full name holds it (never when two
  do, and never a two-word name: a father and a son share two);
- a group's short name, the last word of the one longer group name of the text that ends with it ("the
  Brotherhood" after "the Muslim Brotherhood"), joins it; a generic word ("Army") never does, nor do several
  words ("Central Command" is as often another command as the tail of "Air Forces Central Command");
- an acronym the knowledge base does not know joins the one group of the text whose initials it spells ("NDF"
  and "National Democratic Front", "R.S.F." and "Rapid Support Forces");
- two or three capitalised words NER calls an organisation are a person when the last of them names a person
  elsewhere in the text ("Otty Patino" ... "Patino said");
- a name read from capitals joins a name of the same text that differs only in a vowel or two (same consonants
  in the same order) or in the Arabic article ("Nouri Maliki", "Nouri al-Maliki"), preferring the name the
  knowledge base knows;
- quotes at the edges of a mention are no part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from factionmap.extract.name_lexicon import name_lexicon
from factionmap.extract.names import (
    GROUP_NAME_WORDS,
    NAME_CONNECTORS,
    PERSON_TITLES,
    STATE_FORCE_WORDS,
    TRAILING_GROUP_WORDS,
)
from factionmap.lookup.folding import normalize_name
from factionmap.records import ActorMention
from factionmap.vocabulary import GROUP_KINDS

QUOTE_CHARS = "'’‘\"“”«»"
MIN_VARIANT_CHARS = 8
LONG_NAME_CHARS = 15  # a name this long may differ in two vowels, a shorter one in one
GENERIC_GROUP_WORDS = TRAILING_GROUP_WORDS | STATE_FORCE_WORDS
_VOWELS = re.compile(r"[aeiouy]")


def person_name_words(text: str) -> set[str]:
    """Words of a person's name without titles; "albaghdadi" also counts as "baghdadi"."""
    words = {w for w in normalize_name(text).split() if w not in PERSON_TITLES}
    return words | {w[2:] for w in words if w.startswith("al") and len(w) > 5}


def join_variants(mentions: list[ActorMention]) -> list[ActorMention]:
    """Give every short name and spelling variant the key of the actor it names; trim quotes off mentions."""
    mentions = [_without_quotes(m) for m in mentions]
    promoted = _people_called_organisations(_representatives(mentions))
    mentions = [replace(m, kind="person") if m.key in promoted else m for m in mentions]
    actors = _representatives(mentions)
    target = {**_short_group_names(actors), **_acronyms(actors), **_short_person_names(actors),
              **_spelling_variants(actors)}
    if not target:
        return mentions
    return [_as(m, actors[_final(target, m.key)]) if m.key in target else m for m in mentions]


def _representatives(mentions: Iterable[ActorMention]) -> dict[str, ActorMention]:
    """The first mention of each actor (key) that is not an observer or a reference."""
    actors: dict[str, ActorMention] = {}
    for m in mentions:
        if not m.observer and m.via != "coref":
            actors.setdefault(m.key, m)
    return actors


def _final(target: dict[str, str], key: str) -> str:
    seen = {key}
    while key in target and target[key] not in seen:
        key = target[key]
        seen.add(key)
    return key


def _as(m: ActorMention, actor: ActorMention) -> ActorMention:
    return replace(m, name=actor.name, kind=actor.kind, key=actor.key, kb_id=actor.kb_id)


def _short_person_names(actors: dict[str, ActorMention]) -> dict[str, str]:
    """Short name key -> the key of the one person whose full name holds it."""
    people = {k: person_name_words(a.name) for k, a in actors.items() if a.kind == "person"}
    joined = {}
    for key, actor in actors.items():
        if actor.kb_id is not None or not _may_be_short_name(actor):
            continue
        words = {w for w in person_name_words(actor.name) if not w.startswith("al") or len(w) <= 5}
        if len(words) != 1:
            continue  # "Joaquin Guzman" is not "Joaquin Guzman Lopez": families share two names
        fuller = [k for k, full in people.items() if k != key and words < full]
        if len(fuller) == 1:
            joined[key] = fuller[0]
    return joined


def _people_called_organisations(actors: dict[str, ActorMention]) -> set[str]:
    """Keys of names NER calls organisations that are people: two or three capitalised words, no word of a
    group's name, the last of them a person's name elsewhere in the text ("Otty Patino" and "Patino said")."""
    surnames = {normalize_name(a.name) for a in actors.values() if a.kind == "person" and " " not in a.name}
    promoted = set()
    for key, actor in actors.items():
        words = actor.name.split()
        if actor.kind != "organization" or actor.via != "ner" or actor.kb_id is not None:
            continue
        plain = not {w.lower() for w in words} & (GROUP_NAME_WORDS | name_lexicon().reference_nouns)
        if plain and 2 <= len(words) <= 3 and normalize_name(words[-1]) in surnames:
            promoted.add(key)
    return promoted


def _acronyms(actors: dict[str, ActorMention]) -> dict[str, str]:
    """Unknown acronym key ("NDF", "R.S.F.") -> the key of the one group of the text it abbreviates."""
    initials = {k: _initials(a.name) for k, a in actors.items() if a.kind in GROUP_KINDS and " " in a.name}
    joined = {}
    for key, actor in actors.items():
        letters = actor.name.replace(".", "").replace(" ", "")
        if actor.kb_id is not None or not (letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6):
            continue
        expansions = [k for k, found in initials.items() if k != key and found == letters]
        if len(expansions) == 1:
            joined[key] = expansions[0]
    return joined


def _initials(name: str) -> str:
    """ "National Democratic Front" -> "NDF", "Rapid Support Forces" -> "RSF" (connectors and articles skipped)."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper() and w.lower() not in NAME_CONNECTORS)


def _short_group_names(actors: dict[str, ActorMention]) -> dict[str, str]:
    """One-word group name key -> the key of the one longer group name of the text that ends with it."""
    groups = {k: normalize_name(a.name).split() for k, a in actors.items() if a.kind in GROUP_KINDS}
    joined = {}
    for key, actor in actors.items():
        words = groups.get(key)
        if actor.kb_id is not None or actor.via not in ("ner", "shape") or not words:
            continue
        if len(words) > 1 or words[0] in GENERIC_GROUP_WORDS:
            continue
        longer = [k for k, other in groups.items() if len(other) > len(words) and other[-len(words):] == words]
        if len(longer) == 1:
            joined[key] = longer[0]
    return joined


def _may_be_short_name(actor: ActorMention) -> bool:
    """A person's name, or one word NER calls an organisation ("Duterte"'s, "Debretsion's")."""
    return actor.kind == "person" or (actor.via == "ner" and actor.kind == "organization"
                                      and len(actor.name.split()) == 1)


def _spelling_variants(actors: dict[str, ActorMention]) -> dict[str, str]:
    """Name key -> the key of a name of the text spelt with the same consonants, one or two vowels apart."""
    joined = {}
    order = {key: n for n, key in enumerate(actors)}
    for key, actor in actors.items():
        if actor.kb_id is not None or actor.via not in ("ner", "shape"):
            continue
        form = normalize_name(actor.name)
        matches = [k for k, other in actors.items() if k != key and _variant(form, normalize_name(other.name))]
        known = [k for k in matches if actors[k].kb_id is not None]
        known = known or [k for k in matches if order[k] < order[key]]  # else the spelling the text used first
        if len(known) == 1:
            joined[key] = known[0]
    return joined


def _variant(a: str, b: str) -> bool:
    """Two folded names of two or more words, the same consonants in order, a vowel or two apart."""
    if a == b or len(a.split()) < 2 or len(a) < MIN_VARIANT_CHARS or len(a.split()) != len(b.split()):
        return False
    if _without_article(a) == _without_article(b):
        return True  # "Nouri Maliki" and "Nouri al-Maliki"
    if _VOWELS.sub("", a) != _VOWELS.sub("", b):
        return False
    allowed = 2 if min(len(a), len(b)) >= LONG_NAME_CHARS else 1
    return _distance(a, b, allowed) <= allowed


def _without_article(name: str) -> str:
    """A folded name without the Arabic article glued to its words ("almaliki" is "maliki")."""
    return " ".join(w[2:] if w.startswith("al") and len(w) > 5 else w for w in name.split())


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _without_quotes(m: ActorMention) -> ActorMention:
    """A mention without the quotes glued to its edges (the token keeps them: "'Mourabitounes")."""
    stripped = m.text.strip(QUOTE_CHARS)
    if stripped == m.text or not stripped:
        return m
    lead = len(m.text) - len(m.text.lstrip(QUOTE_CHARS))
    return replace(m, text=stripped, start_char=m.start_char + lead, end_char=m.start_char + lead + len(stripped))
