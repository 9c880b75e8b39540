"""Who did it, by the text's own account: claims of responsibility and blame (issue 12).

Wire reports often tell an incident first and its author later: "The FMLN claimed responsibility for the
attack", "Police blamed the bombing on the ELN", "The army attributed the massacre to the Taliban", "The
government accused Abu Sayyaf of the kidnapping", "The attack was carried out by al-Shabaab". Each gives a
``Responsibility``: the actor held responsible, with the status of the statement (``claimed`` by the actor
itself, or by whoever blames it) and who makes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from factionmap.extract.arguments import (
    MentionIndex,
    actors_of,
    clause_subjects,
    expand,
    is_negated,
    prep_objects,
)
from factionmap.extract.incidents import IncidentFinder, IncidentLexicon
from factionmap.records import ActorMention
from factionmap.vocabulary import Status


@dataclass(frozen=True, slots=True)
class Responsibility:
    """An actor the text holds responsible for an incident, in the sentence at ``sentence``."""

    actor: ActorMention
    sentence: Span
    trigger: Token
    status: Status
    attributed_to: str | None


class ResponsibilityFinder:
    """Finds claims, blame and authorship in a sentence."""

    def __init__(self, lexicon: IncidentLexicon) -> None:
        spec = lexicon.spec
        self.descriptions = IncidentFinder(lexicon)
        self.claim_verbs = frozenset(spec.claim_verbs)
        self.claim_nouns = frozenset(spec.claim_nouns)
        self.blame_verbs = frozenset(spec.blame_verbs)
        self.authorship = frozenset(p.split()[0] for p in spec.authorship_phrases)
        self.work = frozenset(spec.authorship_nouns)
        self.words = self.claim_verbs | self.blame_verbs | self.authorship | self.work | {"responsible"}

    def __call__(self, sentence: Span, index: MentionIndex) -> Iterator[Responsibility]:
        """The responsibilities the sentence states (only armed groups and organisations, not people)."""
        for token in sentence:
            if token.lemma_.lower() not in self.words or _denied(token):
                continue
            found = self._read(token, index)
            if found is None:
                continue
            actors, status, speaker = found
            actors = actors or self._described(token, index)
            for actor in actors:
                if actor.kind in ("armed_group", "organization") and actor.key != speaker:
                    yield Responsibility(actor, sentence, token, status, speaker)

    def _read(self, token: Token, index: MentionIndex) -> tuple[list[ActorMention], Status, str | None] | None:
        lemma = token.lemma_.lower()
        subjects = actors_of(clause_subjects(token), index) if token.pos_ == "VERB" else []
        if not subjects and token.dep_ == "acl" and token.head.head.pos_ == "VERB":
            subjects = actors_of(clause_subjects(token.head.head), index)  # "X distributed leaflets claiming..."
        speaker = subjects[0].key if subjects else None
        if lemma in self.claim_verbs and any(c.lemma_.lower() in self.claim_nouns for c in token.children
                                             if c.dep_ in ("dobj", "nsubjpass")):
            return subjects, "claimed", None
        if lemma in self.blame_verbs and token.pos_ == "VERB":
            return self._blamed(token, index, speaker)
        if lemma == "responsible" and token.dep_ in ("acomp", "oprd", "amod"):
            holders = actors_of(clause_subjects(token.head), index) if token.dep_ == "acomp" else []
            return holders, "claimed", None
        if lemma in self.work and token.pos_ == "NOUN" and token.dep_ in ("attr", "acomp"):
            return actors_of(prep_objects([token], ("of",)), index), "claimed", None  # "was the work of X"
        if lemma in self.authorship and token.pos_ == "VERB":
            agents = actors_of(prep_objects([token], ("by",)), index)
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or token.dep_ == "acl"
            return (agents if passive else subjects), "asserted", None
        return None

    def _described(self, token: Token, index: MentionIndex) -> list[ActorMention]:
        """ "blamed FMLN guerrillas for", "the FMLN guerrillas are held responsible": the group described."""
        args = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
        if token.dep_ == "acomp":
            args += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return [m for a in args for t in expand(a) for m in self.descriptions.described_group(t, index)]

    def _blamed(self, token: Token, index: MentionIndex, speaker: str | None) -> tuple[
            list[ActorMention], Status, str | None]:
        """ "blamed X for", "blamed it on X", "attributed it to X", "accused X of", "held X responsible"."""
        on_to = actors_of(prep_objects([token], ("on", "to")), index)
        if on_to:
            return on_to, "claimed", speaker
        objects = [t for c in token.children if c.dep_ in ("dobj", "nsubjpass") for t in expand(c)]
        if any(c.dep_ == "nsubjpass" for c in token.children):
            by = actors_of(prep_objects([token], ("by",)), index)
            speaker = by[0].key if by else None
        blamed = actors_of(objects, index)
        if not blamed and token.dep_ != "acl":  # "blamed the bombing of the pipeline on(pipeline) the ELN"
            inner = prep_objects([t for o in objects for t in o.subtree], ("on", "to"))
            blamed = actors_of(inner[-1:], index)
        return blamed, "claimed", speaker


def _denied(token: Token) -> bool:
    """ "bears no responsibility", "no organization has claimed", "did not carry out": nobody is held to it."""
    if is_negated(token):
        return True
    args = [c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")]
    return any(c.lower_ in ("no", "none") for a in args for c in a.children if c.dep_ == "det")
