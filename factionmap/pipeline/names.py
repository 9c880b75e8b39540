"""The shape of actor names: word lists that tell a group name or a state's forces when the KB does not know them.

These are general properties of how armed groups and state forces are named in English-language news, across
wars: Arabic, Pashto, Urdu and Persian name heads ("Katibat", "Jaish", "Lashkar", "Tehrik") and English ones
("... Front", "... Brigades", "... Movement of ..."). They are data, not rules for any one article.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

# Words that open a group name: "Katibat al Tawhid wal Jihad", "Jabhat al-Nusra", "Lashkar-e-Taiba",
# "Ahl al-Sunna wal-Jama'a" (Arabic "people of"), "Tehrik-e-Taliban".
LEADING_GROUP_WORDS: frozenset[str] = frozenset({
    "ahl", "ahlu", "ahlul", "jaysh", "jaish-ul", "tehreek-e", "tanzeem", "majlis-e", "hezb-e", "hizb-e", "harkat-ul",
    "katibat", "katiba", "katibah", "kataib", "kata'ib", "jabhat", "jabha", "jaish", "harakat",
    "harakah", "lashkar", "tehrik", "tehreek", "tahreek", "hizb", "hezb", "hizbul", "ansar", "ansaru",
    "liwa", "liwaa", "jamaat", "jama'at", "jamaah", "jamaa", "jund", "junud", "ahrar", "saraya", "tanzim",
    "faylaq", "firqat", "alwiya", "asaib", "asa'ib", "haraka", "majlis", "tahrir", "hay'at", "hayat",
    "sipah", "sipah-e", "lashkar-e", "jaish-e", "harkat", "tehrik-e", "hizb-ul",
})

# Words that close a group name: "Al Nusrah Front", "Imam Bukhari Jamaat", "Abdullah Azzam Brigades".
TRAILING_GROUP_WORDS: frozenset[str] = frozenset({
    "front", "jamaat", "jamaah", "jama'at", "brigade", "brigades", "battalion", "battalions", "army",
    "movement", "party", "union", "group", "organization", "organisation", "council", "sect", "mujahideen",
    "mujahidin", "militia", "militias", "forces", "alliance", "coalition", "legion", "network", "corps",
    "guard", "guards", "division", "regiment", "squadron", "taliban", "shabaab", "committee", "cells",
    "companies", "tigers", "emirate", "caliphate", "resistance", "rebels", "command", "force",
})

# Words in a name that make an unknown named organization an armed group rather than a civil one.
ARMED_NAME_WORDS: frozenset[str] = frozenset({
    "front", "brigade", "brigades", "battalion", "battalions", "army", "militia", "militias", "mujahideen",
    "mujahidin", "legion", "sect", "jihad", "jihadi", "islamic", "liberation", "revolutionary", "resistance",
    "martyrs", "taliban", "shabaab", "jamaat", "katibat", "kataib", "jaish", "jaysh", "lashkar", "liwa",
    "ansar", "jund", "ahrar", "saraya", "jabhat", "harakat", "tehrik", "hizb", "hezb", "faylaq", "guards",
    "guard", "forces", "rebels", "mujahid", "caliphate", "emirate", "tawhid", "sharia", "corps",
})

# Lower-case connectors allowed inside a name: "Islamic Movement of Uzbekistan", "Katibat al Tawhid wal Jihad".
NAME_CONNECTORS: frozenset[str] = frozenset({
    "of", "the", "al", "al-", "el", "wal", "wa", "ul", "ud", "e", "i", "bin", "ibn", "and", "for", "de", "del",
    "la", "le", "des", "du", "-", "'", "’", "an", "ar", "as", "ash", "at", "az", "ad", "adh", "wal-", "wa-",
    "bint", "ul-", "ud-", "e-", "i-", "y", "da", "do", "dos", "das", "di",
})

# Nouns that, after a state's name or demonym, stand for that state's forces or government.
STATE_FORCE_WORDS: frozenset[str] = frozenset({
    "forces", "force", "troops", "army", "military", "soldiers", "government", "authorities", "police",
    "army's", "navy", "regime", "administration", "officials", "jets", "aircraft", "warplanes", "drones",
    "commandos", "security", "intelligence", "ministry", "department", "state", "gendarmerie", "marines",
    "airstrikes", "artillery", "units", "personnel", "border", "defense", "defence", "cabinet", "president",
})

# Head nouns that stand for a group's members: "IJU fighters", "members of the IJU", "its forces".
MEMBER_WORDS: frozenset[str] = frozenset({
    "member", "members", "fighter", "fighters", "militant", "militants", "forces", "force", "troops",
    "representatives", "commanders", "leaders", "leadership", "elements", "ranks", "units", "unit", "cadres",
    "operatives", "men", "gunmen", "jihadists", "insurgents", "loyalists", "supporters", "soldiers",
    "warriors", "network", "shura", "faction", "branch", "wing", "cell", "cells", "spokesman", "spokesperson",
    "militia", "militias", "personnel", "rebels", "terrorists", "extremists", "jihadis", "guerrillas", "guerillas",
    "combatants", "recruits", "agents", "officers", "police", "policemen", "guards", "commandos",
})

# Personal titles that belong to a person's name: "Mullah Omar", "Sheikh Abdullah".
PERSON_TITLES: frozenset[str] = frozenset({
    "mullah", "maulvi", "mawlawi", "maulana", "sheikh", "shaykh", "sheik", "imam", "emir", "amir", "commander",
    "gen.", "general", "col.", "colonel", "maj.", "major", "lt.", "capt.", "captain", "president", "minister",
    "prime", "mr.", "mrs.", "ms.", "dr.", "hajji", "haji", "qari", "mufti", "sayyid", "ayatollah",
})

# Group-referring noun phrases resolved to the most salient group: "the group", "the jihadist outfit".
GROUP_ANAPHORS: frozenset[str] = frozenset({
    "group", "organization", "organisation", "outfit", "movement", "faction", "militia", "network", "cartel",
    "gang", "brigade", "battalion",
})

# Nouns for a group's leaders: "the Taliban's new emir" stands for the Taliban when no person is named.
LEADER_WORDS: frozenset[str] = frozenset({
    "leader", "emir", "amir", "chief", "head", "commander", "founder", "chairman", "caliph", "spokesman",
    "spokesperson", "deputy", "shura", "leadership",
})

# Things a side owns that stand for it when attacked: "a Nigerian army base", "Houthi positions".
# Generic heads of a group's description: "the Kataib Hezbollah militia group", "the al-Shabaab terror outfit".
GROUP_NOUNS: frozenset[str] = frozenset({"group", "groups", "outfit", "outfits", "organization", "organisation"})

ASSET_WORDS: frozenset[str] = frozenset({
    "base", "bases", "position", "positions", "checkpoint", "checkpoints", "convoy", "convoys", "outpost",
    "outposts", "camp", "camps", "barracks", "post", "posts", "stronghold", "strongholds", "headquarters",
    "patrol", "patrols", "vehicle", "vehicles", "garrison", "garrisons", "targets", "hideout", "hideouts",
})

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
