"""The cue lexicon: which words signal which relation or event, validated on load (``data/cues.json``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factionmap.errors import FactionmapError
from factionmap.vocabulary import ACTOR_KINDS, EVENT_TYPES, RELATION_TYPES


class Cue(BaseModel):
    """One cue: trigger lemmas of one part of speech, and where its parties sit in the dependency parse."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    pos: Literal["VERB", "NOUN", "ADJ"]
    lemmas: tuple[str, ...]
    type: str | None = None
    event: str | None = None
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
    requires_in: bool = False
    """A required word may be the object of "in"/"through"/"via" under the cue: "said in a statement"."""
    subject_kinds: tuple[str, ...] = ACTOR_KINDS
    object_kinds: tuple[str, ...] = ACTOR_KINDS
    object_via: tuple[str, ...] = ()
    with_purpose: str | None = None
    """The relation type when the verb takes a purpose clause: "X joined Y to fight Z" allies X and Y."""
    pairs_objects: bool = False
    """The cue joins every party it names: "X joined forces with A, B and C" allies A, B and C too."""
    holder_lemmas: tuple[str, ...] = ()
    """Lemmas that name a party itself ("leader", "branch", "ally"), so that a name in apposition to the noun
    phrase is that party: "Hezbollah's leader Hassan Nasrallah", "AQIM, al-Qaeda's North Africa branch"."""
    coalition_lemmas: tuple[str, ...] = ()
    """Lemmas that name a group of actors ("alliance", "coalition"): "an alliance of A, B and C" pairs them."""
    member_type: str | None = None
    """The relation of each named member to the coalition itself ("an alliance of A and B called C": A and B are
    ``branch_of`` C), where it differs from the relation between members."""
    confidence: float = Field(0.6, ge=0.0, le=1.0)

    def model_post_init(self, context: object, /) -> None:
        if self.type is None and self.event is None:
            raise ValueError(f"cue {self.name!r} yields neither a relation type nor an event")
        if self.type is not None and self.type not in RELATION_TYPES:
            raise ValueError(f"cue {self.name!r}: unknown relation type {self.type!r}")
        if self.with_purpose is not None and self.with_purpose not in RELATION_TYPES:
            raise ValueError(f"cue {self.name!r}: unknown relation type {self.with_purpose!r}")
        if self.event is not None and self.event not in EVENT_TYPES:
            raise ValueError(f"cue {self.name!r}: unknown event type {self.event!r}")


class CueFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: str = Field("", alias="_comment")
    cues: tuple[Cue, ...]


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
    return CueLexicon(parsed.cues)
