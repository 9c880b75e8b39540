"""Incidents as event coders code them: every attack, killing or kidnapping a sentence reports (issue 12).

The relation cues find events between named actors. Wire reports mostly tell incidents whose perpetrator is
described, not named: "gunmen killed three soldiers", "a bomb exploded near the embassy", "the terrorists
kidnapped 50 peasants". ``IncidentFinder`` reads the verbs and nouns of the incident lexicon
(``data/incidents.json``) in each sentence and takes the roles from the word's own arguments, active or passive,
verbal or nominal:

- the perpetrator: the subject of an active verb, the agent of a passive one ("was killed by X"), the possessor,
  compound or "by" phrase of a noun ("the FMLN attack", "the bombing of X by Y"); a description that belongs to a
  named group stands for it ("FMLN guerrillas", "terrorists of the FMLN"); a description alone ("gunmen")
  gives an explicit unidentified perpetrator (``Incident.unidentified``), never a made-up name;
- the target: the object of the verb, the subject of a passive one, the object of "on"/"against";
- statements of what did not or may not happen ("will continue to assassinate", "threatened to kill", "did not
  attack", "prevented an attack", "there will be an explosion") are no incidents.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.tokens import Doc, Span, Token

from factionmap.dates.datelines import HEAD as DATELINE_HEAD
from factionmap.dates.datelines import find_dateline_end
from factionmap.errors import FactionmapError
from factionmap.extract.arguments import (
    MentionIndex,
    actors_at,
    clause_subjects,
    expand,
    is_negated,
    passive_conjunct,
    passive_participle,
    prep_objects,
)
from factionmap.records import ActorMention
from factionmap.vocabulary import INCIDENT_TYPES, EventType

SUFFIXES = ("s", "es", "ed", "d", "ing")
LINKED_DEPS = frozenset({"advcl", "relcl", "acl"})
KNOWN_VIA = frozenset({"kb", "alias"})
DEFINITE = frozenset({"the", "these", "those", "this", "that"})
HEADLINE_REACH = 300  # characters from the text's start within which an unpunctuated line is a headline


class IncidentLexiconFile(BaseModel):
    """The incident lexicon as stored in ``data/incidents.json``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    comment: str = Field("", alias="_comment")
    verbs: dict[EventType, list[str]]
    nouns: dict[EventType, list[str]]
    irregular_forms: list[str]
    verbs_needing_object: list[str]
    object_particles: dict[str, list[str]]
    person_object_verbs: list[str]
    hostage_words: list[str]
    noun_modifiers_required: dict[str, list[str]]
    perpetrator_nouns: list[str]
    armed_perpetrator_nouns: list[str]
    unknown_modifiers: list[str]
    """Words that say the perpetrators are not known ("unidentified gunmen"): never resolved to a named group."""
    collective_nouns: list[str]
    weapon_verbs: list[str]
    weapon_objects: list[str]
    armed_means: list[str]
    """Weapons and strikes that stand, as a sentence's agent, for whoever wields them ("Turkish warplanes struck",
    "killed by a U.S. drone strike")."""
    irrealis_heads: list[str]
    irrealis_modifiers: list[str]
    claim_verbs: list[str]
    claim_nouns: list[str]
    blame_verbs: list[str]
    authorship_phrases: list[str]
    authorship_nouns: list[str]
    ordinary_triggers: list[str]
    """Words that also report everyday crime and accidents ("police arrested two men for theft", "a gas
    explosion"): they alone do not send a text to the parser (the general stream stays fast)."""

    def model_post_init(self, context: object, /) -> None:
        for table in (self.verbs, self.nouns):
            unknown = set(table) - set(INCIDENT_TYPES)
            if unknown:
                raise ValueError(f"unknown incident types {sorted(unknown)}; choose from {', '.join(INCIDENT_TYPES)}")


@dataclass(frozen=True, slots=True)
class IncidentLexicon:
    """Trigger lemmas by part of speech, and the word lists that read roles and modality."""

    verbs: Mapping[str, EventType]
    nouns: Mapping[str, EventType]
    surface: frozenset[str]
    spec: IncidentLexiconFile

    @classmethod
    def from_file(cls, spec: IncidentLexiconFile) -> IncidentLexicon:
        verbs = {lemma: t for t, lemmas in spec.verbs.items() for lemma in lemmas}
        nouns = {lemma: t for t, lemmas in spec.nouns.items() for lemma in lemmas}
        ordinary = set(spec.ordinary_triggers)
        marked = [w for w in (*verbs, *nouns) if w not in ordinary]
        forms = {w + s for w in marked for s in ("", *SUFFIXES)}
        forms |= {w + w[-1] + s for w in marked for s in ("ed", "ing")}  # kidnapped
        forms |= {w[:-1] + s for w in marked if w.endswith("e") for s in ("ed", "ing")}  # massacred
        forms |= set(spec.irregular_forms) | set(spec.armed_perpetrator_nouns)
        return cls(verbs, nouns, frozenset(forms), spec)

    def may_report(self, doc: Doc) -> bool:
        """A cheap test on unparsed tokens: does a word that reports political violence occur ("kidnapped",
        "bombing", "gunmen"), not only one that also reports everyday crime ("arrested", "shot")?"""
        return any(t.lower_ in self.surface for t in doc)


def load_incident_lexicon(path: Path | None = None) -> IncidentLexicon:
    """Read and validate the incident lexicon (the bundled one by default)."""
    try:
        text = (path.read_text(encoding="utf-8") if path is not None
                else resources.files("factionmap.data").joinpath("incidents.json").read_text(encoding="utf-8"))
        return IncidentLexicon.from_file(IncidentLexiconFile.model_validate(json.loads(text)))
    except (OSError, json.JSONDecodeError, ValidationError) as e:
        raise FactionmapError(f"{path or 'incidents.json'}: invalid incident lexicon: {e}") from e


@dataclass(slots=True)
class Incident:
    """An incident a sentence reports: its word, type, perpetrators (named or described) and targets."""

    trigger: Token
    type: EventType
    actors: list[ActorMention] = field(default_factory=list)
    targets: list[ActorMention] = field(default_factory=list)
    patients: list[Token] = field(default_factory=list)  # the heads of what was hit, named or not
    unidentified: Token | None = None  # the description of a perpetrator no name is given for ("gunmen")
    armed: bool = False  # the description says the perpetrators bore arms ("gunmen", "guerrillas")

    @property
    def sentence(self) -> Span:
        """The sentence that reports it."""
        return self.trigger.sent


class IncidentFinder:
    """Finds the incidents of a sentence."""

    def __init__(self, lexicon: IncidentLexicon) -> None:
        self.lexicon = lexicon
        spec = lexicon.spec
        self.perpetrators = frozenset(spec.perpetrator_nouns)
        self.armed = frozenset(spec.armed_perpetrator_nouns)
        self.unknown = frozenset(spec.unknown_modifiers)
        self.collective = frozenset(spec.collective_nouns)
        self.irrealis_heads = frozenset(spec.irrealis_heads)
        self.irrealis_mods = frozenset(spec.irrealis_modifiers)
        self.needs_object = frozenset(spec.verbs_needing_object)
        self.person_objects = frozenset(spec.person_object_verbs)
        self.hostage = frozenset(spec.hostage_words)
        self.weapon_verbs = frozenset(spec.weapon_verbs)
        self.weapons = frozenset(spec.weapon_objects)
        self.means = frozenset(spec.armed_means) | self.weapons

    def __call__(self, sentence: Span, index: MentionIndex, taken: set[int]) -> Iterator[Incident]:
        """Incidents of the sentence, skipping tokens another finding already made an event of."""
        head = find_dateline_end(sentence.doc.text, recased=True) if sentence.start_char < DATELINE_HEAD else 0
        for token in sentence:
            if token.i in taken or _told_with(token, taken):
                continue
            kind = self._type(token)
            if kind is None or not self._realis(token):
                continue
            yield self._roles(token, kind, index, head)

    def _type(self, token: Token) -> EventType | None:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in self.lexicon.verbs:
            return self._verb_type(token, lemma)
        if token.pos_ in ("NOUN", "PROPN") and (lemma in self.lexicon.nouns or token.lower_ in self.lexicon.nouns):
            required = self.lexicon.spec.noun_modifiers_required.get(lemma)
            if required and not any(c.lower_ in required for c in token.children):
                return None
            return self.lexicon.nouns.get(lemma) or self.lexicon.nouns[token.lower_]
        return None

    def _verb_type(self, token: Token, lemma: str) -> EventType | None:
        kind = self.lexicon.verbs[lemma]
        particles = self.lexicon.spec.object_particles.get(lemma)
        if particles and not any(c.lower_ in particles for c in token.children):
            return None
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        arms = any(o.lower_ in self.weapons or o.lemma_.lower() in self.weapons for o in objects)
        if lemma in self.weapon_verbs and not arms and not any(c.lower_ in ("fire", "ablaze") for c in token.children):
            return None  # "planted a bomb", "set off explosives", "set fire to": not "placed an order"
        if lemma in self.needs_object and not objects and not particles:
            return None
        if lemma in self.person_objects and not any(_personal(o) or o.lower_ in self.hostage for o in objects):
            return None  # "seized weapons" is no capture; "seized two soldiers", "held hostage" are
        if lemma == "hold" and not any(c.lower_ in self.hostage for c in token.subtree):
            return None
        return kind

    def _realis(self, token: Token) -> bool:
        """Not future, conditional, habitual, wished, prevented, denied or a purpose ("arms to murder")."""
        if is_negated(token) or _purpose(token) or _habitual(token):
            return False
        node = token
        for _ in range(6):
            if any(c.lower_ in self.irrealis_mods and c.dep_ in ("aux", "amod", "det", "advmod")
                   for c in node.children):
                return False
            if node.dep_ in ("xcomp", "pobj", "dobj", "pcomp", "acomp") and node.head.lemma_.lower() in self.irrealis_heads:
                return False
            if node.dep_ not in ("xcomp", "pobj", "dobj", "pcomp", "prep", "acomp", "attr", "conj") or node.head.i == node.i:
                break
            node = node.head
        return True

    def _roles(self, token: Token, kind: EventType, index: MentionIndex, head: int = 0) -> Incident:
        """Perpetrators and targets from the word's arguments; the dateline's words (before ``head``) are none
        of them, though the parse may hang "NAIROBI, Kenya (Reuters) -" on the first clause as its subject."""
        incident = Incident(token, kind)
        for arg in (w for a in self._agents(token, head) for w in self._wielders(a)):
            for t in expand(self._members(arg)):
                named = actors_at(t, index) or self._owners(t, index) or self._antecedent(t, index)
                if named:
                    incident.actors += named
                elif incident.unidentified is None and self._describes_perpetrator(t):
                    incident.unidentified = t
                    incident.armed = t.lower_ in self.armed or t.lemma_.lower() in self.armed
        for arg in self._patients(token):
            incident.patients += [t for t in expand(arg) if t.idx >= head]
            for t in (t for t in expand(arg) if t.idx >= head):
                hit = actors_at(t, index) or self._owners(t, index)  # "killed 300 Fano fighters"
                incident.targets += [m for m in hit if m.key not in {a.key for a in incident.actors}]
        return incident

    def _antecedent(self, token: Token, index: MentionIndex) -> list[ActorMention]:
        """ "the guerrillas", "these terrorists": a definite description refers back to the last armed group
        the text named before it that the knowledge base knows (a unit named by its shape, "the Atlacatl
        Battalion", is as likely the state's)."""
        if not self._describes_perpetrator(token) or token.lower_ not in self.armed or any(
                c.lower_ in self.unknown for c in token.children):
            return []
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
            return _only_group(index)
        for i in range(token.i - 1, -1, -1):
            groups = [m for m in index.by_token.get(i, []) if m.kind == "armed_group" and not m.observer
                      and m.via in KNOWN_VIA]
            if groups:
                return groups[:1]
        return []

    def _members(self, token: Token) -> Token:
        """ "a group of terrorists of the MRTA": the members a collective noun is made of."""
        if token.lemma_.lower() in self.collective:
            for obj in prep_objects([token], ("of",)):
                if self._describes_perpetrator(obj) or obj.pos_ == "PROPN":
                    return obj
        return token

    def described_group(self, token: Token, index: MentionIndex) -> list[ActorMention]:
        """The named group a description of perpetrators stands for, if the text names one."""
        return self._owners(self._members(token), index) or self._antecedent(self._members(token), index)

    def _owners(self, token: Token, index: MentionIndex) -> list[ActorMention]:
        """The group a description belongs to: "FMLN guerrillas", "terrorists of the FMLN", "the ELN's men"."""
        if not self._describes_perpetrator(token):
            return []
        heads = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        heads += prep_objects([token], ("of", "from"))
        return [m for h in heads for t in expand(h) for m in actors_at(t, index) if m.kind != "person"]

    def _describes_perpetrator(self, token: Token) -> bool:
        return token.lower_ in self.perpetrators or token.lemma_.lower() in self.perpetrators

    def _wielders(self, arg: Token) -> list[Token]:
        """ "killed by a U.S. drone strike", "Turkish warplanes struck", "Nigerian army shelling": a deed or weapon
        as agent stands for whoever the words before it name."""
        if not (self._type(arg) or arg.lower_ in self.means or arg.lemma_.lower() in self.means):
            return [arg]
        owners = [c for c in arg.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < arg.i
                  and c.pos_ in ("PROPN", "ADJ", "NOUN")]
        return owners or [arg]

    def _agents(self, token: Token, head: int = 0) -> list[Token]:
        if token.pos_ == "VERB":
            agents = prep_objects([token], ("by",)) or self._deed_agents(token)
            if any(c.dep_ == "nsubjpass" for c in token.children) or passive_participle(token) \
                    or passive_conjunct(token):
                return agents
            subjects = [s for s in clause_subjects(token) if s.dep_ != "nsubjpass" and s.idx >= head]
            if not subjects and head:
                subjects = [c for c in token.children if c.dep_ == "nsubj" and c.idx >= head]
            return agents or subjects
        owners = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        return [*prep_objects([token], ("by",)), *owners]

    def _deed_agents(self, token: Token) -> list[Token]:
        """ "five policemen were killed in an attack by Boko Haram": the agents of the deed it happened in."""
        deeds = [d for d in prep_objects([token], ("in", "during")) if d.pos_ == "NOUN" and (
            self._type(d) or d.lower_ in self.means or d.lemma_.lower() in self.means)]
        return [a for d in deeds for a in self._agents(d)]

    def _patients(self, token: Token) -> list[Token]:
        if token.pos_ == "VERB":
            direct = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            if passive_participle(token):
                direct.append(token.head)  # "a soldier killed by the rebels"
            if passive_conjunct(token):
                direct += clause_subjects(token)  # "he fled and was arrested"
            return direct + prep_objects([token], ("on", "against"))
        return prep_objects([token], ("on", "against", "of"))


def _only_group(index: MentionIndex) -> list[ActorMention]:
    """ "urban guerrillas threw two bombs" in a report that names one armed group, the FMLN, and no other: the
    guerrillas are that group's, as an event coder reads them."""
    groups = {m.key: m for ms in index.by_token.values() for m in ms
              if m.kind == "armed_group" and not m.observer and m.via in KNOWN_VIA}
    return list(groups.values()) if len(groups) == 1 else []


def _told_with(token: Token, taken: set[int]) -> bool:
    """ "stormed a base, killing 12 soldiers", "an attack that killed two": one incident told by two words, one
    of which another finding already made an event of."""
    if token.dep_ in LINKED_DEPS and token.head.i in taken:
        return True
    return any(c.i in taken and c.dep_ in LINKED_DEPS for c in token.children)


def _purpose(token: Token) -> bool:
    """ "money to murder peasants", "made it possible to kill": an infinitive of purpose tells no deed."""
    return token.pos_ == "VERB" and token.dep_ in ("advcl", "acl", "relcl", "ccomp") and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def _habitual(token: Token) -> bool:
    """ "the FMLN attacks civilians", "they kill peasants": the simple present tells what is done, not a deed,
    except in a headline, whose present is the news ("Turkey attacks Kurdish group in Iraq")."""
    if token.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    sent = token.sent
    headline = sent.start_char < HEADLINE_REACH and "\n" in token.doc.text[sent.end_char - 1:sent.end_char + 2] \
        and not sent.text.rstrip().endswith(".")
    return not headline


def _personal(token: Token) -> bool:
    """A noun phrase that stands for people: a person's name, a pronoun, or a count of people."""
    if token.ent_type_ in ("PERSON", "NORP") or token.pos_ == "PRON":
        return True
    return any(c.like_num or c.pos_ == "NUM" for c in token.children) and token.pos_ == "NOUN"

