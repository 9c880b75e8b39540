"""The cue lexicon: which words signal which relation or event, validated on load (``data/cues.json``).

The same file holds the word lists the finders read around a cue (``words``): the light verbs of "conducted a
joint raid", the hedges of "reportedly", the verbs that end a tie ("severed ties with"). Each list is a field of
``CueWords`` with a description; a list the model does not declare, an empty list, a word in upper case or a word
twice is refused on load. The pipeline reads the bundled lists (``cue_words()``); a replacement cue file
(``cue_file``) may omit them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from factionmap.errors import FactionmapError
from factionmap.vocabulary import ACTOR_KINDS, ActorKind, EventType, RelationType


class Cue(BaseModel):
    """One cue: trigger lemmas of one part of speech, and where its parties sit in the dependency parse."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    pos: Literal["VERB", "NOUN", "ADJ"]
    lemmas: tuple[str, ...]
    type: RelationType | None = None
    event: EventType | None = None
    requires: tuple[str, ...] = ()
    requires_modifier: tuple[str, ...] = ()
    excludes_modifier: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    direct_object: bool = False
    agent: bool = False
    possessor: bool = False
    possessor_is_subject: bool = False
    compound: bool = False
    hyphen_object: bool = False
    hyphen_only: bool = False
    inverse: bool = False
    reciprocal: bool = False
    place_object: bool = False
    person_subject: bool = False
    via_possessor_event: bool = False
    claimed_by_subject: bool = False
    object_optional: bool = False
    """The event needs no named object: "X launched an offensive in Shan State"."""
    subject_undergoes: bool = False
    """The event's target is the clause's subject: "X is on the US list of terrorist organizations"."""
    requires_in: bool = False
    """A required word may be the object of a preposition under the cue: "said in a statement", "placed under
    arrest", "taken into custody"."""
    subject_kinds: tuple[ActorKind, ...] = ACTOR_KINDS
    object_kinds: tuple[ActorKind, ...] = ACTOR_KINDS
    object_via: tuple[str, ...] = ()
    with_purpose: RelationType | None = None
    """The relation type when the verb takes a purpose clause: "X joined Y to fight Z" allies X and Y."""
    onset: bool = False
    """The clause's date starts the relation, whatever its type: "outlawed by Egypt in 2013" starts a rivalry."""
    pairs_objects: bool = False
    """The cue joins every party it names: "X joined forces with A, B and C" allies A, B and C too."""
    holder_lemmas: tuple[str, ...] = ()
    """Lemmas that name a party itself ("leader", "branch", "ally"), so that a name in apposition to the noun
    phrase is that party: "Hezbollah's leader Hassan Nasrallah", "AQIM, al-Qaeda's North Africa branch"."""
    coalition_lemmas: tuple[str, ...] = ()
    """Lemmas that name a group of actors ("alliance", "coalition"): "an alliance of A, B and C" pairs them."""
    member_type: RelationType | None = None
    """The relation of each named member to the coalition itself ("an alliance of A and B called C": A and B are
    ``branch_of`` C), where it differs from the relation between members."""
    confidence: float = Field(0.6, ge=0.0, le=1.0)

    def model_post_init(self, context: object, /) -> None:
        if self.type is None and self.event is None:
            raise ValueError(f"cue {self.name!r} yields neither a relation type nor an event")


class CueWords(BaseModel):
    """The word lists of the lexicon, one field each: lower-case words (lemmas where the finder compares lemmas)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    non_state_words: frozenset[str] = Field(description=(
        'Words that make a word after a demonym name a non-state actor ("Iraqi Shiite militia leader"), besides '
        'member words and group nouns.'
    ))
    civil_group_words: frozenset[str] = Field(description=(
        'Heads of civil bodies ("party", "committee"): a name ending in one is not an armed group by its shape.'
    ))
    quantity_words: frozenset[str] = Field(description=(
        'Words that count or gather the actors of their "of" phrase ("hundreds of IS fighters", "a band of").'
    ))
    split_words: frozenset[str] = Field(description=(
        'Modifiers that make a group other than the one named beside them ("fellow al-Qaeda breakaway group MUJAO").'
    ))
    light_verbs: frozenset[str] = Field(description=(
        'Verbs whose object noun carries the relation ("conducted a joint raid", "severed ties"), lemmas.'
    ))
    reciprocal_verbs: frozenset[str] = Field(description=(
        'Verbs that make their plural subject the two parties ("the groups clashed"), lemmas.'
    ))
    targeting_verbs: frozenset[str] = Field(description=(
        'Verbs whose object is the target of an attack ("a raid that targeted X"), lemmas.'
    ))
    ending_verbs: frozenset[str] = Field(description=(
        'Verbs that end the relation their object names ("severed ties", "ended the alliance"), lemmas.'
    ))
    hedges: frozenset[str] = Field(description=(
        'Words that make a fact uncertain ("reportedly", "believed", "likely"), words and lemmas.'
    ))
    denial_verbs: frozenset[str] = Field(description=(
        'Verbs by which a party denies a fact ("denied", "rejected"), lemmas.'
    ))
    forming_verbs: frozenset[str] = Field(description=(
        'Verbs of a clause that makes a new group ("joined forces to form X"), lemmas.'
    ))
    past_markers: frozenset[str] = Field(description=(
        'Words that say a relation held before and no longer ("previously allied", "its former ally").'
    ))
    new_markers: frozenset[str] = Field(description=(
        'Words that say a relation has just begun ("newly appointed", "its new ally").'
    ))
    beginning_verbs: frozenset[str] = Field(description=(
        'Verbs whose date starts the relation they govern ("appointed in 2015", "fighting erupted"), lemmas.'
    ))
    generic_force_words: frozenset[str] = Field(description=(
        'Words for fighters that NER may read as a name ("Guerrilla Forces", "the Rebels") but that name no one.'
    ))
    group_shape_words: frozenset[str] = Field(description=(
        'Words that make a name NER alone found a body of people that may be party to a relation between groups '
        '("Union of Sinai Tribes", "Islah Party").'
    ))
    list_rest_words: frozenset[str] = Field(description=(
        'Words after the last "and" of a list that close it without a name ("A, B units and other groups").'
    ))
    inner_preps: frozenset[str] = Field(description=(
        'Prepositions that place groups inside a named group ("Within X, there are groups including A and B").'
    ))
    capital_role_preps: frozenset[str] = Field(description=(
        'Prepositions after which a capital is a party, not a place ("a rebellion against Moscow").'
    ))
    leaving_words: frozenset[str] = Field(description=(
        'Verbs and nouns whose date ends a person\'s office ("was killed in 2016", "following the ousting of X"), '
        'lemmas.'
    ))
    departing_verbs: frozenset[str] = Field(description=(
        'Verbs of a member leaving a group, whose date in a coordinated clause ends the office or membership the '
        'first clause tells ("became its commander but left the group in 2016"), lemmas.'
    ))
    office_beginning_verbs: frozenset[str] = Field(description=(
        'Verbs that start an office or a membership ("was appointed leader in 2016"; not "launched an offensive").'
    ))
    communication_nouns: frozenset[str] = Field(description=(
        'Nouns of what a group or a state issues: "the statement said ..." is dated by the statement.'
    ))
    announcing_verbs: frozenset[str] = Field(description=(
        'Verbs whose saying of a pledge, a merger or a founding is the act itself ("announced its merger").'
    ))
    reporting_verbs: frozenset[str] = Field(description=(
        'Verbs (and a noun) by which a party claims a fact ("said", "claimed", "in a statement"), lemmas.'
    ))
    naming_verbs: frozenset[str] = Field(description=(
        'Verbs of a participle that names a group ("a group called X", "known as"), lemmas.'
    ))
    list_item_tails: frozenset[str] = Field(description=(
        'Nouns that close a list item after its name ("the IMU and Taliban fighters").'
    ))
    appointing_verbs: frozenset[str] = Field(description=(
        'Verbs by which a person is made leader ("appointed emir of"), lemmas.'
    ))
    membership_verbs: frozenset[str] = Field(description=(
        'Verbs by which a coalition names its members ("an alliance comprising A and B"), lemmas.'
    ))
    group_head_nouns: frozenset[str] = Field(description=(
        'Nouns that head a phrase naming a group in apposition ("the group", "its armed wing").'
    ))
    leadership_nouns: frozenset[str] = Field(description=(
        'Nouns of "under the X of" that make a person a leader ("under the command of").'
    ))
    person_group_modifiers: frozenset[str] = Field(description=(
        'Words between a person\'s possessive and the group noun ("his own militia", "the self-styled army").'
    ))
    civilian_words: frozenset[str] = Field(description=(
        'Words for people who are no party to a war and the places they gather ("civilians", "villagers", '
        '"market"): an attack whose sentence tells of them struck no state (ACLED\'s "Civilians"), lower case.'
    ))
    force_heads: frozenset[str] = Field(description=(
        'Nouns that make a demonym name a state\'s forces ("Malian army", "Iraqi troops").'
    ))
    government_qualifiers: frozenset[str] = Field(description=(
        'Words before a force noun that make it the government\'s ("security forces", "government troops").'
    ))
    definite_heads: frozenset[str] = Field(description=(
        'Force nouns that with "the" name the home state\'s forces ("the army", "the junta").'
    ))
    force_qualifiers: frozenset[str] = Field(description=(
        'Words inside the name of a state\'s forces ("Armed Forces", "Special Forces", "Border Police").'
    ))
    date_words: frozenset[str] = Field(description=(
        'Month and weekday names and abbreviations: a capitalised one is a date, not a name.'
    ))
    commemoration_nouns: frozenset[str] = Field(description=(
        'Nouns of a day that recalls an incident ("on the anniversary of the 11 September attacks"): the date in '
        'the incident\'s phrase is then the day of the recalling, in the report\'s year.'
    ))
    ambiguous_outlet_words: frozenset[str] = Field(description=(
        'Outlet words that also name other things ("agency", "network"): not enough alone to make an outlet.'
    ))

    @field_validator("*", mode="before")
    @classmethod
    def _check_list(cls, value: object) -> object:
        if not isinstance(value, list) or not value:
            raise ValueError("must be a non-empty list of words")
        bad = [w for w in value if not isinstance(w, str) or not w or w != w.strip().lower()]
        if bad:
            raise ValueError(f"words must be lower case without surrounding spaces: {bad}")
        twice = sorted({w for w in value if value.count(w) > 1})
        if twice:
            raise ValueError(f"words listed twice: {twice}")
        return value


class CueFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: str = Field("", alias="_comment")
    cues: tuple[Cue, ...]
    words: CueWords | None = None


class CueLexicon:
    """Cues indexed by (part of speech, lemma) for the trigger lookup on every token."""

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        self.cues = cues
        self.index: dict[tuple[str, str], list[Cue]] = {}
        for cue in cues:
            for lemma in cue.lemmas:
                self.index.setdefault((cue.pos, lemma.lower()), []).append(cue)
        self.lemmas: frozenset[str] = frozenset(lemma for _, lemma in self.index)

    def lookup(self, pos: str, lemma: str) -> list[Cue]:
        """Cues whose trigger is this lemma in this part of speech."""
        return self.index.get((pos, lemma), [])


def load_cues(path: Path | None = None) -> CueLexicon:
    """Load and validate a cue file (the bundled one by default); errors name the file and the problem."""
    return CueLexicon(_load_file(path).cues)


@cache
def cue_words() -> CueWords:
    """The bundled lexicon's word lists, read and validated once."""
    words = _load_file(None).words
    if words is None:
        raise FactionmapError("factionmap/data/cues.json: the bundled cue file has no word lists ('words')")
    return words


def _load_file(path: Path | None) -> CueFile:
    """A cue file parsed and validated; errors name the file and the problem."""
    if path is None:
        text = resources.files("factionmap.data").joinpath("cues.json").read_text(encoding="utf-8")
        where = "factionmap/data/cues.json"
    else:
        text, where = path.read_text(encoding="utf-8"), str(path)
    try:
        data: Mapping[str, object] = json.loads(text)
        parsed = CueFile.model_validate(data)
    except (json.JSONDecodeError, ValidationError) as e:
        raise FactionmapError(f"{where}: invalid cue file: {e}") from e
    return parsed
