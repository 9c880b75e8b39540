"""Whose word a fact rests on: asserted by the article, claimed or denied by a party, or hedged.

A cue under a reporting verb ("the IJU said", "the IJU claims to run camps", "the IJU reported that") is
``claimed`` by that verb's subject; under a denial ("The Afghan Taliban has denied that ...") it is
``denied``; a hedge in its clause ("likely", "reportedly", "believed", "purporting to show", "thought killed")
makes it ``uncertain``. A title or a description beside a name is the writer's own word ("X said ... CPP
chairman Sison"); a pledge or a merger announced is done, not claimed; a report whose source names no actor
("the statement said", "media reports") is the article's account.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from factionmap.extract.arguments import MentionIndex, actors_of, clause_subjects, clause_verb
from factionmap.extract.cues import cue_words
from factionmap.vocabulary import Status

REPORTING_VERBS = cue_words().reporting_verbs
DENIAL_VERBS = cue_words().denial_verbs
HEDGES = cue_words().hedges
ANNOUNCING_VERBS = cue_words().announcing_verbs
"""Verbs whose saying of a pledge, a merger or a founding is the act itself."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """The status of a cue and, for claims and denials, who makes them (an actor key, or None)."""

    status: Status
    attributed_to: str | None = None


def attribute(trigger: Token, index: MentionIndex, act: bool = False) -> Attribution:
    """Status of the fact a cue states, from the verbs above it and the hedges in its clause. A title or a
    description beside a name ("CPP founding chairman Jose Maria Sison", "AQIM, al-Qaeda's north African wing",
    "the group's deputy leader, X") is in the writer's voice: the verb that reports or hedges the clause around
    it does not reach it, only a hedge of its own ("the suspected Boko Haram commander X"). ``act``: the cue
    states an act that announcing it performs (a pledge, a merger, a founding)."""
    if _descriptive(trigger):
        phrase = trigger.head if trigger.dep_ in ("appos", "compound", "amod") else trigger
        own = any(t.lower_ in HEDGES and t.dep_ in ("amod", "advmod", "compound") and _in_noun_phrase(t, phrase)
                  for t in phrase.subtree)
        return Attribution("uncertain" if own else "asserted")
    hedged = _hedged(trigger)
    node = trigger
    for _ in range(10):
        parent = node.head
        if parent.i == node.i:
            break
        lemma = parent.lemma_.lower()
        if node.dep_ in ("ccomp", "xcomp", "advcl", "conj", "dobj", "acl", "relcl", "pcomp", "pobj", "prep") and (
                lemma in DENIAL_VERBS or lemma in REPORTING_VERBS):
            speaker = _speaker(parent, index)
            if lemma in DENIAL_VERBS:
                return Attribution("denied", speaker)
            if node.dep_ in ("ccomp", "xcomp", "advcl", "acl") or lemma in ("claim", "allege"):
                return _reported(lemma, speaker, hedged, act)
        node = parent
    quoted = _quoted_speaker(trigger, index) or _according_to(trigger, index)
    if quoted is not None:
        return Attribution("uncertain" if hedged else "claimed", quoted)
    return Attribution("uncertain" if hedged else "asserted")


def _reported(lemma: str, speaker: str | None, hedged: bool, act: bool) -> Attribution:
    """The status of a fact a reporting verb governs. A party's word is its claim; an act announced is done
    ("JuA and HuA announced they would merge"); a report whose source names no actor ("the statement said",
    "media reports that") is the article's own account, unless it only claims or alleges."""
    if hedged:
        return Attribution("uncertain", speaker)
    if act and lemma in ANNOUNCING_VERBS:
        return Attribution("asserted")
    if speaker is None:
        return Attribution("uncertain" if lemma in ("claim", "allege") else "asserted")
    return Attribution("claimed", speaker)


def _descriptive(trigger: Token) -> bool:
    """The cue is a noun that describes a name: its apposition ("X, Y's affiliate"), a title before it
    ("CPP chairman X") or a title the name stands beside ("the group's leader, X")."""
    modifier = trigger.dep_ == "amod" or (trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN")
    noun = trigger.head if modifier else trigger
    if noun.pos_ != "NOUN":  # "Ansaru, Boko Haram's breakaway faction": the cue word modifies the noun
        return False
    if noun.dep_ in ("appos", "compound") and noun.head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children)


def _in_noun_phrase(token: Token, phrase: Token) -> bool:
    """The token modifies the phrase's nouns, not a clause inside it ("X, who will likely play a role")."""
    node = token
    while node.i != phrase.i:
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return True


def _according_to(trigger: Token, index: MentionIndex) -> str | None:
    """ "..., according to the Nigerian army": the sentence rests on that source's word."""
    for token in trigger.sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            sources = actors_of((c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"), index)
            if sources:
                return sources[0].key
    return None


def _speaker(verb: Token, index: MentionIndex) -> str | None:
    speakers = actors_of(clause_subjects(verb), index)
    return speakers[0].key if speakers else None


def _quoted_speaker(trigger: Token, index: MentionIndex) -> str | None:
    """A cue inside quotation marks in a sentence whose main verb is a reporting verb ("... ,” the IJU said)."""
    sent = trigger.sent
    before = sent.doc[sent.start:trigger.i].text
    if before.count("“") <= before.count("”") and before.count('"') % 2 == 0:
        return None
    for token in sent:
        if token.dep_ in ("ROOT", "parataxis") and token.lemma_.lower() in REPORTING_VERBS:
            speaker = _speaker(token, index)
            if speaker is not None:
                return speaker
    return None


def _hedged(trigger: Token) -> bool:
    """A hedge word governs or modifies the cue's clause (not a neighbouring clause: "that could change as the
    two groups have clashed" does not hedge the clash), or qualifies its subject ("suspected Boko Haram
    militants attacked")."""
    for subject in clause_subjects(clause_verb(trigger)):
        if any(c.lower_ in HEDGES and c.dep_ in ("amod", "advmod", "compound") for c in subject.subtree):
            return True
    node = trigger
    for _ in range(6):
        for child in node.children:
            hedge = child.lemma_.lower() in HEDGES or child.lower_ in HEDGES
            if hedge and child.dep_ in ("advmod", "aux", "amod", "acomp", "mark", "npadvmod", "parataxis", "ccomp"):
                return True
        if (node.lemma_.lower() in HEDGES or node.lower_ in HEDGES) and node.i != trigger.i:
            return True
        if node.head.i == node.i or node.dep_ in ("ROOT", "advcl", "relcl", "acl", "conj", "parataxis"):
            break
        node = node.head
    return False
