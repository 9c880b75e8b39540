"""The shape of actor names: word lists that tell a group name or a state's forces when the KB does not know them.

These are general properties of how armed groups and state forces are named in English-language news, across
wars: Arabic, Pashto, Urdu and Persian name heads ("Katibat", "Jaish", "Lashkar", "Tehrik") and English ones
("... Front", "... Brigades", "... Movement of ..."). They are data, not rules for any one article: the lists live
in ``data/names.json`` (read by ``name_lexicon``); this module names them and holds the rules that read them.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from factionmap.extract.name_lexicon import name_lexicon

# Words that open a group name: "Katibat al Tawhid wal Jihad", "Jabhat al-Nusra", "Lashkar-e-Taiba",
# "Ahl al-Sunna wal-Jama'a" (Arabic "people of"), "Tehrik-e-Taliban".
LEADING_GROUP_WORDS: frozenset[str] = name_lexicon().leading_group_words

# Words that close a group name: "Al Nusrah Front", "Imam Bukhari Jamaat", "Abdullah Azzam Brigades".
TRAILING_GROUP_WORDS: frozenset[str] = name_lexicon().trailing_group_words

# Words in a name that make an unknown named organization an armed group rather than a civil one.
ARMED_NAME_WORDS: frozenset[str] = name_lexicon().armed_name_words

# Lower-case connectors allowed inside a name: "Islamic Movement of Uzbekistan", "Katibat al Tawhid wal Jihad".
NAME_CONNECTORS: frozenset[str] = name_lexicon().name_connectors

# Nouns that, after a state's name or demonym, stand for that state's forces or government.
STATE_FORCE_WORDS: frozenset[str] = name_lexicon().state_force_words

# Head nouns that stand for a group's members: "IJU fighters", "members of the IJU", "its forces".
MEMBER_WORDS: frozenset[str] = name_lexicon().member_words

# Personal titles that belong to a person's name: "Mullah Omar", "Sheikh Abdullah".
PERSON_TITLES: frozenset[str] = name_lexicon().person_titles

# Group-referring noun phrases resolved to the most salient group: "the group", "the jihadist outfit".
GROUP_ANAPHORS: frozenset[str] = name_lexicon().group_anaphors

# Nouns for a group's leaders: "the Taliban's new emir" stands for the Taliban when no person is named.
LEADER_WORDS: frozenset[str] = name_lexicon().leader_words

# Things a side owns that stand for it when attacked: "a Nigerian army base", "Houthi positions".
# Generic heads of a group's description: "the Kataib Hezbollah militia group", "the al-Shabaab terror outfit".
GROUP_NOUNS: frozenset[str] = name_lexicon().group_nouns

ASSET_WORDS: frozenset[str] = name_lexicon().asset_words

# Every word that marks a group's name, wherever it stands in it.
GROUP_NAME_WORDS: frozenset[str] = LEADING_GROUP_WORDS | TRAILING_GROUP_WORDS | ARMED_NAME_WORDS

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


def is_ordinal(token: Token) -> bool:
    """ "10th", "17th": an ordinal written in figures, which opens many unit names ("10th Front")."""
    return _ORDINAL.fullmatch(token.text) is not None


def is_name_token(token: Token) -> bool:
    """A token that may stand inside a name: a capitalised word (whatever follows an inner apostrophe:
    "Jama’a", "Ta'ang"), an acronym, an ordinal, a connector ("al", "wal", "bin", "of") or a hyphen."""
    text = token.text
    if token.is_space or token.is_punct and text not in ("-", "'", "’"):
        return False
    return text[:1].isupper() or is_ordinal(token) or token.lower_ in NAME_CONNECTORS
