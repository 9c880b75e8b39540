"""The words that tell what a capitalised phrase is: a name's particles, an outlet, a document, a place.

English-language news of every war writes names and the phrases around them in the same few shapes: particles
join the words of Arabic, Persian and Malay names ("Uqba ibn Nafi"); a news noun makes a name an outlet ("daily
ANI"); a final "Act", "Agreement" or "Base" makes it a document, a treaty or a facility; a time zone closes a
dateline. The words live in ``factionmap/data/names.json`` (general data, never a list of one text's names) and
are read once into a ``NameLexicon``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources

from factionmap.errors import FactionmapError


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """Word sets, lower case, one per role a word plays around a name (see ``data/names.json``)."""

    particles: frozenset[str]
    name_possessives: frozenset[str]
    office_words: frozenset[str]
    outlet_words: frozenset[str]
    commentator_words: frozenset[str]
    heading_small_words: frozenset[str]
    division_words: frozenset[str]
    place_openers: frozenset[str]
    landscape_words: frozenset[str]
    compass_words: frozenset[str]
    place_list_heads: frozenset[str]
    locative_words: frozenset[str]
    document_words: frozenset[str]
    event_words: frozenset[str]
    event_openers: frozenset[str]
    facility_words: frozenset[str]
    designation_acronyms: frozenset[str]
    designation_phrases: frozenset[str]
    time_zones: frozenset[str]
    reference_nouns: frozenset[str]
    plural_references: frozenset[str]
    leading_words: frozenset[str]
    place_directions: frozenset[str]
    region_nouns: frozenset[str]
    container_heads: frozenset[str]
    place_nouns: frozenset[str]
    holidays: frozenset[str]
    other_group_modifiers: frozenset[str]
    state_organ_words: frozenset[str]
    vessel_prefixes: frozenset[str]
    weapon_acronyms: frozenset[str]
    platforms: frozenset[str]
    caption_marks: frozenset[str]
    leading_group_words: frozenset[str]
    trailing_group_words: frozenset[str]
    armed_name_words: frozenset[str]
    name_connectors: frozenset[str]
    state_force_words: frozenset[str]
    member_words: frozenset[str]
    person_titles: frozenset[str]
    group_anaphors: frozenset[str]
    leader_words: frozenset[str]
    group_nouns: frozenset[str]
    asset_words: frozenset[str]
    name_adjectives: frozenset[str]


@cache
def name_lexicon() -> NameLexicon:
    """The bundled lexicon (read once); a missing or malformed list is an error that names the file."""
    where = "factionmap/data/names.json"
    try:
        data = json.loads(resources.files("factionmap.data").joinpath("names.json").read_text(encoding="utf-8"))
        lists = {f.name: frozenset(str(w).lower() for w in data[f.name]) for f in fields(NameLexicon)}
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as e:
        raise FactionmapError(f"{where}: invalid name lexicon: {e!r}") from e
    unknown = set(data) - set(lists) - {"_comment"}
    if unknown:
        raise FactionmapError(f"{where}: unknown lists {sorted(unknown)}; choose from {sorted(lists)}")
    return NameLexicon(**lists)
