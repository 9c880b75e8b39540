"""From cue findings to relation and event records, each with its status, dates, place and evidence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations, product

from spacy.tokens import Span, Token

from factionmap.extract.arguments import MentionIndex, clause_verb, place_list, prep_objects
from factionmap.extract.cues import Cue
from factionmap.extract.relations import Finding
from factionmap.extract.status import Attribution, attribute
from factionmap.extract.timing import DocumentDates, Timing, cue_timing
from factionmap.records import ActorMention, Event, Participant, Relation
from factionmap.records import Span as TextSpan
from factionmap.vocabulary import (
    ACTIVITY_RELATIONS,
    CONFIDENCE_BY_STATUS,
    OFFICE_RELATIONS,
    ONSET_RELATIONS,
    RECENT_RELATIONS,
    SWITCH_RELATIONS,
    EventType,
    RelationType,
)

EVENT_PLACE_PREPS = ("in", "near", "at", "around", "outside", "across", "inside", "throughout", "of")
ACTIVITY_PLACE_PREPS = ("in", "across", "throughout", "inside")
AGENTLESS_REACH = 3  # sentences back to look for the agent of an agentless attack ("A clash with Afghan forces")


@dataclass(slots=True)
class Assembly:
    """Relations and events of one document, with actor and place keys as references."""

    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    ended: list[int] = field(default_factory=list)  # indexes of relations the text says are over


class Assembler:
    """Turns the findings of one document into records."""

    def __init__(self, index: MentionIndex, places: dict[int, str], dates: DocumentDates,
                 published: str | None, place_countries: dict[str, str | None] | None = None) -> None:
        self.index = index
        self.places = places
        self.place_countries = place_countries or {}
        self.dates = dates
        self.published = published
        self.out = Assembly()
        self._last_agents: list[tuple[int, list[str]]] = []
        self._founded: dict[str, str] = {}  # group key -> the date its own sentence gives its founding
        self._members: list[tuple[int, str]] = []  # undated ties among a coalition's members -> the coalition

    def add(self, finding: Finding) -> None:
        """Record the relations and the event a finding states."""
        cue, trigger = finding.cue, finding.trigger
        act = cue.event in ("pledge", "founding") or cue.type in ("merger", "allegiance")
        who = attribute(trigger, self.index, act)
        if cue.claimed_by_subject and finding.subjects:  # "Al Shabaab claimed responsibility for the bombing"
            who = Attribution("claimed", finding.subjects[0].key)
        onset = cue.onset or cue.event is not None or (cue.type in ONSET_RELATIONS and (cue.pos == "VERB" or cue.type != "allegiance"))
        timing = cue_timing(trigger, self.dates, onset, office=cue.type in OFFICE_RELATIONS)
        evidence = sentence_evidence(finding.sentence)
        confidence = round(cue.confidence * CONFIDENCE_BY_STATUS[who.status], 3)
        subjects = [m.key for m in finding.subjects]
        if not subjects and cue.event == "attack":
            subjects = [a for a in self._recent_agents(trigger) if a not in {m.key for m in finding.objects}]
            confidence = round(confidence * 0.7, 3)
        objects = [m.key for m in finding.objects]
        if cue.event == "founding" and timing.start is not None:
            self._founded.update((o, timing.start) for o in objects if o not in self._founded)
        if cue.event is not None and onset and timing.start is None and timing.end is None:
            timing = replace(timing, start=self.dates.paragraph_date(finding.sentence))
        if cue.event in ("killing", "capture"):
            # killing a group's men or a state's soldiers is fighting them; killing a person is an event only
            objects_of_groups = [m.key for m in finding.objects if m.kind != "person"]
            for s in subjects:
                for o in objects_of_groups:
                    if s != o:
                        self._relation("conflict", s, o, timing, who, confidence, evidence)
        elif cue.type is not None and _joint_founding(cue, subjects):
            for s, o in product(dict.fromkeys(subjects), dict.fromkeys(objects)):  # "A, B and C formed an umbrella
                if s != o:                                                        # organisation, X": its members
                    self._relation("member_of", s, o, timing, who, confidence, evidence)
        elif cue.type is not None:
            for s, o in self._pairs(finding, subjects, objects):
                self._relation(cue.type, s, o, timing, who, confidence, evidence)
                if finding.whole is not None and timing.start is None:
                    self._members.append((len(self.out.relations) - 1, finding.whole.key))
            if (cue.type in ACTIVITY_RELATIONS or cue.event == "attack") and objects:
                for place in self._places_near(trigger, ACTIVITY_PLACE_PREPS):
                    for s in subjects:
                        if not self._home_ground(s, place):
                            self._relation("operates_in", s, place, timing, who, round(confidence * 0.8, 3),
                                           evidence)
        if cue.event is not None and (subjects or objects):
            self._event(cue.event, finding, subjects, objects, timing, who, confidence, evidence)

    def _home_ground(self, actor_key: str, place_key: str) -> bool:
        """A state operating in its own territory is no news: "the Pakistani Army's offensive in North
        Waziristan" says where the offensive was, not that Pakistan operates in Pakistan."""
        country = self.place_countries.get(place_key)
        return country is not None and actor_key == f"kb:S:{country}"

    def _pairs(self, finding: Finding, subjects: list[str], objects: list[str]) -> Iterable[tuple[str, str]]:
        cue = finding.cue
        if cue.place_object:
            keys = [self.places[t.i] for t in finding.places if t.i in self.places]
            return [(s, p) for s in subjects for p in dict.fromkeys(keys) if not self._home_ground(s, p)]
        if not objects and cue.reciprocal:
            return list(combinations(dict.fromkeys(subjects), 2))
        if cue.person_subject and len(finding.subjects) > 1 and len(finding.objects) > 1:
            return _nearest_pairs(finding)
        pairs = [(o, s) if cue.inverse else (s, o) for s in subjects for o in objects]
        if cue.type == "merger":  # "A and B merged into C": A and B merged too
            pairs += list(combinations(dict.fromkeys(subjects), 2))
        if cue.pairs_objects:  # "X joined forces with A, B and C", "X merged with A and B": all together
            pairs += list(combinations(dict.fromkeys(objects), 2))
        return [(s, o) for s, o in pairs if s != o]

    def _relation(self, rtype: RelationType, s: str, o: str, timing: Timing, who: Attribution, confidence: float,
                  evidence: TextSpan) -> None:
        start = timing.start
        if start is None and timing.recent and rtype in RECENT_RELATIONS and self.published:
            start = self.published[:7]
        self.out.relations.append(Relation(s, rtype, o, evidence, start, timing.end, who.status,
                                           who.attributed_to, confidence))
        if timing.ended and timing.end is None:
            self.out.ended.append(len(self.out.relations) - 1)

    def _event(self, etype: EventType, finding: Finding, subjects: list[str], objects: list[str], timing: Timing,
               who: Attribution, confidence: float, evidence: TextSpan) -> None:
        cue, trigger = finding.cue, finding.trigger
        date = timing.start or timing.end or self.dates.paragraph_date(finding.sentence)
        if cue.subject_undergoes:  # "X is on the US list": the list's keeper designates X
            subjects, objects = objects, subjects
        if finding.mutual and not objects and len(dict.fromkeys(subjects)) >= 2:  # "A and B clashed": each the
            parties = list(dict.fromkeys(subjects))                            # other's target, A named first
            subjects, objects = parties[:1], parties[1:]
        roles = [("actor", s) for s in subjects]
        other = "partner" if cue.type == "joint_operation" else "target"
        roles += [(other, o) for o in objects]
        if cue.event == "killing":
            roles += [("target", m.key) for m in _people_in_object(trigger, self.index) if m.key not in objects]
        places = self._places_near(trigger, EVENT_PLACE_PREPS)
        attributes = _event_attributes(finding)
        event = Event(etype, tuple(Participant(r, k) for r, k in dict.fromkeys(roles)), evidence, date,
                      places[0] if places else None, who.status, who.attributed_to, confidence, attributes)
        self.out.events.append(event)
        if subjects and cue.event == "attack":
            self._last_agents.append((trigger.sent.start, subjects[:1]))

    def _recent_agents(self, trigger: Token) -> list[str]:
        """The agent of the last attack told within a few sentences: the narrative's actor."""
        sents = list(trigger.doc.sents)
        here = next(i for i, s in enumerate(sents) if s.start == trigger.sent.start)
        floor = sents[max(0, here - AGENTLESS_REACH)].start
        recent = [agents for start, agents in self._last_agents if start >= floor]
        return recent[-1] if recent else []

    def _places_near(self, trigger: Token, preps: Sequence[str]) -> list[str]:
        """Places under the cue's locative prepositions, wherever the parser attached them in its phrase."""
        heads = [trigger, clause_verb(trigger)]
        heads += [t for t in trigger.subtree if t.dep_ in ("pobj", "dobj") and t.i != trigger.i]
        found: list[str] = []
        for obj in prep_objects(heads, preps):
            for token in obj.subtree:
                if token.i in self.places and token.dep_ not in ("relcl", "acl"):
                    found += [self.places[t.i] for t in place_list(token, self.places)]
        return list(dict.fromkeys(found))

    def finish(self) -> Assembly:
        """Close relations the text says are over at the subject's next switch, date undated splits by the
        splinter's founding and undated ties among a coalition's members by the coalition's, and drop
        duplicates."""
        for i in self.out.ended:
            rel = self.out.relations[i]
            switch = _switch_date(rel, self.out.relations)
            if switch is not None:
                self.out.relations[i] = replace(rel, end=switch)
        for i, whole in self._members:
            if whole in self._founded and self.out.relations[i].start is None:
                self.out.relations[i] = replace(self.out.relations[i], start=self._founded[whole])
        self.out.relations = [_split_at_founding(r, self._founded) for r in self.out.relations]
        self.out.relations = _dedupe(self.out.relations)
        return self.out


def _split_at_founding(rel: Relation, founded: dict[str, str]) -> Relation:
    """A splinter split when it was founded: "X, which splintered from Y" with "Z founded X in 2014" elsewhere
    in the text starts the split in 2014. Only the split: a group's founding dates none of its other ties."""
    if rel.type != "splinter_of" or rel.start is not None or rel.subject not in founded:
        return rel
    return replace(rel, start=founded[rel.subject])


def _nearest_pairs(finding: Finding) -> list[tuple[str, str]]:
    """ "Turkish President Erdogan and Russian President Putin": each person leads the state named beside him."""
    return [(s.key, min(finding.objects, key=lambda o: abs(o.start - s.start)).key) for s in finding.subjects]


def _switch_date(rel: Relation, relations: Sequence[Relation]) -> str | None:
    """The date the subject moved on: its dated allegiance, merger or split with another actor."""
    dates = [r.start for r in relations if r.subject == rel.subject and r.type in SWITCH_RELATIONS
             and r.object != rel.object and r.start]
    if not dates:
        return None
    return max(dates, key=lambda d: (len(d), [-ord(c) for c in d]))


def _dedupe(relations: Sequence[Relation]) -> list[Relation]:
    """One relation per pair, type and sentence (the dated and surest kept); a membership the same sentence
    states as leadership ("its Secretary General X") is the leadership."""
    seen: set[tuple[object, ...]] = set()
    led = {(r.subject, r.object, r.evidence.start) for r in relations if r.type == "leader_of"}
    out = []
    for r in sorted(relations, key=lambda r: (-(r.start is not None) - (r.end is not None), -r.confidence)):
        key = (r.subject, r.type, r.object, r.evidence.start)
        if r.type == "member_of" and (r.subject, r.object, r.evidence.start) in led:
            continue
        if key not in seen:
            seen.add(key)
            out.append(r)
    return sorted(out, key=lambda r: (r.evidence.start, r.type, r.subject, r.object))


def sentence_evidence(sentence: Span) -> TextSpan:
    """A sentence as evidence: its text without the surrounding whitespace, with the offsets of that text."""
    text = sentence.text
    left = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sentence.start_char + left
    return TextSpan(stripped, start, start + len(stripped))


def _joint_founding(cue: Cue, founders: list[str]) -> bool:
    """Several groups founding one group make a coalition of it, not a branch of each."""
    return cue.event == "founding" and cue.type == "branch_of" and len(set(founders)) >= 2


def _people_in_object(trigger: Token, index: MentionIndex) -> list[ActorMention]:
    """People named inside the object phrase of a killing: "several IJU leaders, including its emir, X"."""
    people: list[ActorMention] = []
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            for token in child.subtree:
                people += [m for m in index.at(token) if m.kind == "person"]
    return list({m.key: m for m in people}.values())


def _event_attributes(finding: Finding) -> tuple[tuple[str, str], ...]:
    """Medium of propaganda, list of a designation, means of a killing, when the sentence names them."""
    trigger = finding.trigger
    if finding.cue.event == "propaganda":
        media = [c.lemma_.lower() for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")
                 and c.lemma_.lower() in finding.cue.requires]  # "warned people": no medium
        return (("medium", media[0]),) if media else ()
    if finding.cue.event == "designation" and finding.cue.pos == "NOUN":  # "on the US list of terrorist groups"
        return (("list", " ".join(t.text for t in trigger.subtree)),)
    if finding.cue.event == "designation":  # "as" on the verb, or on its object ("designated four groups as SDGTs")
        designated = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        for obj in prep_objects([trigger, *designated], ("as",)):
            phrase = " ".join(t.text for t in obj.subtree).strip()
            return (("list", phrase),)
    if finding.cue.event == "killing":
        for obj in prep_objects([trigger], ("in", "by", "with")):
            if obj.pos_ == "NOUN":
                return (("means", " ".join(t.text for t in obj.subtree if t.dep_ != "prep")[:80]),)
    return ()

