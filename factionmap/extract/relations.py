"""Relations and events from cue words and the parse: one ``Finding`` per cue with its parties.

For every token whose lemma the cue lexicon knows, the cue's frame says where its parties are (subject of the
clause, direct object, prepositional objects, possessor, compound, hyphen). Mere co-occurrence never makes a
relation: "Imam Bukhari Jamaat and Katibat al Tawhid wal Jihad, neither of which has joined the Islamic State"
yields nothing, and "the IMU has officially joined Abu Bakr al Baghdadi's Islamic State" is an allegiance to
the Islamic State (the object phrase's head), not to Baghdadi.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from factionmap.extract.arguments import (
    LIST_ITEM_TAILS,
    MentionIndex,
    actors_at,
    actors_of,
    after_comma,
    apposed_people,
    bare_list_item,
    clause_subjects,
    clause_verb,
    compounds,
    expand,
    hyphen_actor,
    is_negated,
    listed_after,
    passive_conjunct,
    passive_participle,
    place_list,
    possessors,
    prep_objects,
)
from factionmap.extract.cues import Cue, CueLexicon, cue_words
from factionmap.extract.names import MEMBER_WORDS
from factionmap.records import ActorMention
from factionmap.vocabulary import GROUP_LEVEL_RELATIONS, MUTUAL_NOUN_RELATIONS

LIGHT_VERBS = cue_words().light_verbs
COPULAS = frozenset({"be", "become", "remain", "seem", "appear"})
POS_GROUPS = {"VERB": ("VERB",), "NOUN": ("NOUN", "PROPN"), "ADJ": ("ADJ", "VERB")}


@dataclass(slots=True)
class Finding:
    """A cue that fired, with the actors (or places) it relates."""

    cue: Cue
    trigger: Token
    subjects: list[ActorMention]
    objects: list[ActorMention] = field(default_factory=list)
    places: list[Token] = field(default_factory=list)
    whole: ActorMention | None = None
    """The coalition whose members the finding relates ("X includes A and B"): they are its members since it
    was founded, where the text dates its founding."""
    mutual: bool = False
    """The subjects act on each other ("A and B clashed", "fighting between A and B")."""

    @property
    def sentence(self) -> Span:
        """The sentence holding the cue."""
        return self.trigger.sent


class RelationFinder:
    """Runs the cue lexicon over a parsed document."""

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, sentence: Span, index: MentionIndex, place_tokens: set[int]) -> Iterator[Finding]:
        for token in sentence:
            lemma = token.lemma_.lower()
            if lemma not in self.lexicon.lemmas and token.lower_ not in self.lexicon.lemmas:
                continue
            said: set[str] = set()  # one word states each relation type and event once (the first cue wins)
            for pos, tags in POS_GROUPS.items():
                if token.pos_ not in tags or (pos == "NOUN" and index.in_group_name(token)):
                    continue  # a noun inside a name ("the Kurdish Front", "Popular Front") states nothing
                for cue in self.lexicon.lookup(pos, lemma) or self.lexicon.lookup(pos, token.lower_):
                    kinds = {k for k in (cue.type, cue.event) if k}
                    if kinds & said:
                        continue
                    finding = self._apply(cue, token, index, place_tokens)
                    if finding is not None:
                        said |= kinds
                        yield finding

    def _apply(self, cue: Cue, trigger: Token, index: MentionIndex, place_tokens: set[int]) -> Finding | None:
        if not _requirements_met(cue, trigger) or is_negated(trigger):
            return None
        if self._result_of_merger(cue, trigger):
            if cue.event is None:
                return None
            cue = cue.model_copy(update={"type": None})  # "merged ... and formed C": C's founding, no branch
        if cue.with_purpose is not None and _has_purpose(trigger):
            cue = cue.model_copy(update={"type": cue.with_purpose})  # "joined the council to fight X": allies
        if cue.type == "leader_of" and cue.pos == "NOUN" and _portfolio(trigger, index):
            cue = cue.model_copy(update={"type": "member_of"})  # "the group's head of public relations"
        between = _between_parties(trigger, index)
        if cue.reciprocal and len(between) >= 2:
            return Finding(cue, trigger, _group_level(cue, between), mutual=True)
        subjects = _group_level(cue, _kinds(self._subjects(cue, trigger, index), cue.subject_kinds))
        if cue.place_object:
            subjects = [m for m in subjects if m.kind != "person" and _vouched(m)]
            places = _place_objects(cue, trigger, place_tokens)
            return Finding(cue, trigger, subjects, places=places) if subjects and places else None
        objects = _group_level(cue, _kinds(self._objects(cue, trigger, index), cue.object_kinds))
        if cue.object_via:
            objects = [o for o in objects if o.via in cue.object_via]
        subject_keys = {s.key for s in subjects}
        objects = [o for o in objects if o.key not in subject_keys]
        if not objects and cue.reciprocal and len(subjects) >= 2 and _reciprocal_use(cue, trigger):
            return Finding(cue, trigger, subjects, mutual=True)  # "the two groups have clashed", "X and Y merged"
        if not objects and subjects and (cue.event == "propaganda" or cue.claimed_by_subject or cue.subject_undergoes
                                         or cue.object_optional):
            return Finding(cue, trigger, subjects)
        if not subjects and cue.event == "attack" and objects:
            return Finding(cue, trigger, [], objects)  # agentless: the assembler looks for the narrative's actor
        if not (subjects and objects) and not (cue.event and objects and not cue.type):
            return None
        return Finding(cue, trigger, subjects, objects)

    def _result_of_merger(self, cue: Cue, trigger: Token) -> bool:
        """ "A and B merged to form C": C is what the merger made, not a branch A and B founded."""
        if cue.type != "branch_of" or cue.pos != "VERB" or trigger.dep_ not in ("xcomp", "advcl", "conj"):
            return False
        head = trigger.head.lemma_.lower()
        return any(c.type == "merger" for c in self.lexicon.lookup("VERB", head))

    def _subjects(self, cue: Cue, trigger: Token, index: MentionIndex) -> list[ActorMention]:
        if cue.person_subject:
            return apposed_people(trigger, index) or _copula_subjects(trigger, index)
        if cue.possessor_is_subject:
            owners = possessors(trigger, index)
            if owners:
                return owners
        if cue.pos == "NOUN":
            if cue.type == "conflict" or cue.event == "attack":
                authors = _attack_authors(trigger, index)
                if authors:
                    return authors
            return _noun_subjects(trigger, index)
        if cue.agent and passive_participle(trigger):
            return actors_of(prep_objects([trigger], ("by",)), index)
        if cue.agent and _opening_participle(trigger):
            return actors_of(prep_objects([trigger], ("by",)), index)  # "Formed in 2006 by X, the group ..."
        if cue.agent and (any(c.dep_ == "nsubjpass" for c in trigger.children) or passive_conjunct(trigger)):
            return actors_of(prep_objects([trigger], ("by",)), index) or _means_owner(trigger, index)
        if cue.hyphen_object and trigger.dep_ in ("amod", "acl"):
            return _named_for(trigger.head, index)
        if cue.pos == "ADJ" and trigger.dep_ in ("amod", "acl") and trigger.head.pos_ in ("NOUN", "PROPN"):
            return actors_at(trigger.head, index)  # "the security services loyal to Fatah": the services only
        described = _described_object(trigger)
        if described is not None:
            return actors_at(described, index)  # "described Barnawi as tied to Boko Haram": Barnawi is tied
        return actors_of(clause_subjects(clause_verb(trigger)), index)

    def _objects(self, cue: Cue, trigger: Token, index: MentionIndex) -> list[ActorMention]:
        if cue.hyphen_only:
            return hyphen_actor(trigger, index)
        heads = _frame_heads(trigger, cue)
        found: list[ActorMention] = []
        if cue.hyphen_object:
            found += hyphen_actor(trigger, index)
        if cue.agent and passive_participle(trigger):
            found += actors_at(trigger.head, index)  # "the group, led by al-Julani": the group is led
        if cue.agent and _opening_participle(trigger):
            found += actors_of(clause_subjects(trigger.head), index)  # "Formed by X, the group": the group is formed
        if cue.direct_object and trigger.dep_ == "amod" and any(c.dep_ == "nsubj" for c in trigger.children):
            found += actors_at(trigger.head, index)  # "The group has fought(amod) rival jihadists": a broken parse
        if cue.direct_object:
            if cue.agent and any(c.dep_ == "nsubjpass" for c in trigger.children):
                found += actors_of((c for c in trigger.children if c.dep_ == "nsubjpass"), index)
            elif cue.agent and passive_conjunct(trigger):  # "he joined the underground and was arrested"
                found += actors_of(clause_subjects(trigger), index)
            objects = [c for h in heads for c in h.children if c.dep_ in ("dobj", "attr", "oprd")]
            found += actors_of(objects, index)
            found += _named_apposition(objects, index)
        if cue.preps:
            complements = prep_objects(heads, cue.preps)
            found += actors_of(complements, index)
            found += _named_apposition(complements, index)  # "the formation of a joint room, the Joint Room"
        if cue.possessor:
            found += [a for h in heads for a in possessors(h, index)]
        if cue.compound:
            found += [a for h in heads for a in compounds(h, index)]
        if cue.via_possessor_event:
            found += _event_owner(heads, cue, index)
        if cue.pos == "NOUN" and cue.type == "conflict":  # "US airstrikes targeting X", "raids that hit X"
            targeting = [c for c in trigger.children if c.dep_ in ("acl", "relcl")]
            if trigger.dep_ == "nsubj":
                targeting.append(trigger.head)  # "U.S. strikes on Sunday targeted X"
            found += actors_of((o for c in targeting if c.lemma_.lower() in TARGETING_VERBS
                                for o in c.children if o.dep_ == "dobj"), index)
            if not found:
                found = _surface_phrase(trigger, ("against", "on"), index)
        return found


TARGETING_VERBS = cue_words().targeting_verbs


def _named_apposition(nouns: Sequence[Token], index: MentionIndex) -> list[ActorMention]:
    """ "created his own outfit, HuA", "form an umbrella organisation, BRAS": the name in apposition to an
    unnamed object noun, by the parse or, where the parser hung it elsewhere, right after the noun's comma."""
    found: list[ActorMention] = []
    for noun in nouns:
        if noun.pos_ != "NOUN" or actors_at(noun, index):
            continue
        named = actors_of((c for c in noun.children if c.dep_ == "appos"), index)
        if not named:
            named = [m for i in after_comma(noun.doc, noun.right_edge.i) for m in index.at(noun.doc[i])
                     if m.start == i and m.via != "coref"]
        found += named
    return found


def _attack_authors(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """Who attacks in a nominal attack: "attacks by A and B on C", "US airstrikes" (the name covers the noun)."""
    by = actors_of(prep_objects([noun, *_launching_verbs(noun)], ("by",)), index) \
        or _surface_phrase(noun, ("by",), index)
    if by:
        return by  # "attacks by A on C", "the air war launched by Turkey against C"
    owners = [*index.at(noun), *compounds(noun, index)]  # "US airstrikes", "Taliban attacks"
    return [m for m in owners if m.kind in ("state", "armed_group")]


SURFACE_REACH = 16  # tokens after a nominal attack within which its "by" and "against" phrases are read


def _surface_phrase(noun: Token, preps: tuple[str, ...], index: MentionIndex) -> list[ActorMention]:
    """ "a series of attacks over the past month by A against B": where the parser hangs the phrases on other
    words, the first name after the preposition that follows the noun within its clause."""
    doc = noun.doc
    end = min(noun.sent.end, noun.i + SURFACE_REACH)
    for j in range(noun.i + 1, end):
        token = doc[j]
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", "(", ")"):
            return []
        if token.lower_ in preps:
            head = token.head
            if head.pos_ in ("VERB", "AUX") or (head.pos_ == "NOUN" and head.i != noun.i
                                                 and not any(a.i == head.i for a in noun.ancestors)):
                return []  # "blamed the bombing of the pipeline on the ELN": another word's phrase
            k = j + 1
            while k < end and doc[k].lower_ in ("the", "a", "an"):
                k += 1
            first = next((m for m in index.at(doc[k]) if m.start == k), None) if k < len(doc) else None
            if first is None or _qualifies_noun(first, doc):
                return []  # "an assault against the Islamic State affiliate": not the Islamic State
            return [first, *listed_after(first, index)]
    return []


def _qualifies_noun(mention: ActorMention, doc: Doc) -> bool:
    """A name that modifies the common noun after it ("the Islamic State affiliate"), unless that noun stands for
    the name's own members ("Boko Haram fighters")."""
    after = doc[mention.end] if mention.end < len(doc) else None
    return after is not None and after.pos_ == "NOUN" and after.lower_ not in MEMBER_WORDS | LIST_ITEM_TAILS


def _launching_verbs(noun: Token) -> list[Token]:
    """The participle that launches a nominal attack: "the war launched / waged / carried out by X against Y"."""
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and _light(c)]


def _means_owner(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """ "X has been targeted in a number of US airstrikes": the owner of the strikes the verb happened in."""
    found: list[ActorMention] = []
    for obj in prep_objects([verb], ("in", "during", "with")):
        if obj.lemma_.lower() in ("number", "series", "wave", "spate", "string", "round"):
            obj = next(iter(prep_objects([obj], ("of",))), obj)
        found += _attack_authors(obj, index)
    return found


def _has_purpose(verb: Token) -> bool:
    """ "joined Y to launch an offensive", "joined forces in order to fight": a purpose infinitive."""
    return any(c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
               for c in verb.children)


def _described_object(trigger: Token) -> Token | None:
    """The object a predicate describes: "called TRF a front", "described X as tied to Y", "saw X as an ally"."""
    as_marker = any(c.lower_ == "as" and c.dep_ in ("mark", "prep") for c in trigger.children)
    head = trigger.head
    if trigger.dep_ in ("pobj", "pcomp") and head.lower_ == "as":
        head, as_marker = head.head, True
    if not as_marker or trigger.dep_ not in ("advcl", "xcomp", "oprd", "pobj", "pcomp", "acomp"):
        return None
    return next((c for c in head.children if c.dep_ == "dobj"), None)


def _requirements_met(cue: Cue, trigger: Token) -> bool:
    if cue.requires:
        near = [*trigger.children, trigger.head, *(c for c in trigger.head.children if c.dep_ == "conj")]
        if cue.requires_in:
            near += prep_objects([trigger], ("in", "through", "via", "under", "into"))
        if cue.pos == "NOUN":  # "the list of foreign terrorist organizations"
            near += [t for o in prep_objects([trigger], ("of",)) for t in (o, *o.children)]
        if not any(t.lemma_.lower() in cue.requires or t.lower_ in cue.requires for t in near):
            return False
    mods = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound")}
    if cue.requires_modifier and not mods & set(cue.requires_modifier):
        return False
    if mods & set(cue.excludes_modifier):
        return False
    return not (cue.hyphen_only and not (trigger.i >= 2 and trigger.nbor(-1).text in ("-", "–")))


def _frame_heads(trigger: Token, cue: Cue) -> list[Token]:
    """Where the cue's prepositions and objects may hang: the trigger, its noun head, its required noun."""
    heads = [trigger]
    if trigger.dep_ in ("compound", "amod") and trigger.head.pos_ in ("NOUN", "PROPN"):
        heads.append(trigger.head)  # "splinter faction of", and the misparse "X swore(amod) allegiance to"
    heads += [c for c in trigger.children if c.dep_ in ("dobj", "npadvmod", "attr")
              and (c.lemma_.lower() in cue.requires or c.lower_ in cue.requires)]
    if cue.pos == "VERB":
        heads += [c for c in trigger.children if c.dep_ == "dobj"]
        if cue.type == "merger":  # "merged to form C", "agreed to merge ... and form a new alliance, C"
            heads += [c for c in trigger.children if c.dep_ in ("xcomp", "advcl", "conj")
                      and c.lemma_.lower() in FORMING_VERBS]
        # "broke away from": the parser may hang "from" on the particle
        heads += [c for c in trigger.children if c.dep_ in ("advmod", "prt")
                  and c.lower_ in ("away", "off", "out", "back", "together")]
    if trigger.dep_ == "xcomp" or trigger.dep_ == "pcomp":
        heads.append(trigger.head)
    if cue.pos == "NOUN":
        if trigger.dep_ == "dobj" and _light(trigger.head):
            heads.append(trigger.head)  # "pursue jihad in Algeria", "waged war against the state"
        launching = _launching_verbs(trigger)  # "the war launched by Turkey against C"
        for agent in prep_objects([trigger, *launching], ("by",)):
            heads += expand(agent)  # "attacks by A and B on C": the parser hangs "on C" on B
        heads += launching
    return heads


FORMING_VERBS = cue_words().forming_verbs
CLAUSE_PREPS = frozenset({"in", "into", "during", "after", "following", "with", "through"})


def _opening_participle(verb: Token) -> bool:
    """ "Formed in 2006 by Qais al-Khazali, Asaib Ahl al-Haq fought": a passive participle opening the sentence
    with its own agent describes the main clause's subject."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children) \
        and any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children)


def _portfolio(noun: Token, index: MentionIndex) -> bool:
    """ "head of public relations", "commander of military forces in Iraq": a leader noun whose "of" names a
    department or a force, not a group, heads that part; its holder is a member of the group or state."""
    objects = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
               if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    return bool(objects) and not any(m.kind in ("armed_group", "organization")
                                     for o in objects for t in o.subtree for m in index.at(t))


def _light(verb: Token) -> bool:
    """A light verb ("launch", "stage", "wage"), by its lemma or, where the lemmatizer slips ("staged" -> "stag"),
    by its regular inflections."""
    if verb.lemma_.lower() in LIGHT_VERBS:
        return True
    word = verb.lower_
    stems = {word[:-1], word[:-2], word[:-3], word[:-3] + "e"} if word.endswith(("d", "s", "ing")) else set()
    return bool(stems & LIGHT_VERBS)


def _noun_subjects(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """Who a relational noun is about: "X is a branch of", "X, a branch of", "X maintains ties with"."""
    node = noun
    for _ in range(6):
        if node.dep_ == "appos":
            if bare_list_item(node):
                return []  # "A, B units and other groups": B's units are the list's next item, not A
            return actors_at(node.head, index) or _noun_subjects(node.head, index)
        if node.dep_ in ("compound", "amod") and node.head.pos_ in ("NOUN", "PROPN"):
            node = node.head
            continue
        if node.dep_ == "conj":
            node = node.head
            continue
        if node.dep_ in ("attr", "acomp", "dobj", "oprd") and node.head.pos_ in ("VERB", "AUX"):
            verb = node.head
            if verb.lemma_ in COPULAS or _light(verb) or node.dep_ != "dobj":
                return actors_of(clause_subjects(verb), index)
            return []
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            owner = node.head.head
            on_copula = node.head.lower_ == "on" and owner.lemma_ in COPULAS  # "X is on the list"
            if owner.pos_ in ("VERB", "AUX", "ADJ") and (node.head.lower_ in CLAUSE_PREPS or on_copula):
                agents = prep_objects([owner], ("by",))
                if node.head.lower_ == "with" and agents:  # "killed by Iraqi forces with help from US forces"
                    return actors_of(agents, index)
                return actors_of(clause_subjects(clause_verb(owner)), index)
            return []  # "the leadership of the global jihad": a noun deep in a phrase says nothing of the subject
        if node.dep_ in ("nsubj", "nsubjpass"):
            return []
        return []
    return []


def _named_for(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """The actors a described noun stands for: "three ISIS-affiliated groups - A, B and C" is each of the groups
    its apposition lists (a name's own coordination is not: "the Iran-backed Houthis and the coalition")."""
    found = actors_at(noun, index)
    if noun.pos_ == "NOUN" and noun.tag_ == "NNS" and len(found) == 1 and found[0].start > noun.i:
        found = [*found, *listed_after(found[0], index)]
    return found


def _copula_subjects(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """ "X is the group's leader" and "its leader is (may be, was) X": the person the copula equates."""
    if noun.dep_ in ("attr",) and noun.head.lemma_ in COPULAS:
        return [m for m in actors_of(clause_subjects(noun.head), index) if m.kind == "person"]
    if noun.dep_ == "nsubj" and noun.head.lemma_ in COPULAS:
        named = [c for c in noun.head.children if c.dep_ == "attr"]
        return [m for m in actors_of(named, index) if m.kind == "person"]
    return []


def _place_objects(cue: Cue, trigger: Token, place_tokens: set[int]) -> list[Token]:
    heads = [trigger, clause_verb(trigger)] if cue.pos != "NOUN" else [trigger]
    found: list[Token] = []
    for obj in prep_objects(heads, cue.preps):
        for token in expand(obj):
            found += [p for t in token.subtree if t.i in place_tokens and not _under_clause(t, token)
                      for p in place_list(t, place_tokens)]
    return found


def _under_clause(token: Token, top: Token) -> bool:
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        node = node.head
    return False


def _event_owner(heads: Sequence[Token], cue: Cue, index: MentionIndex) -> list[ActorMention]:
    """ "took part in the latter's siege", "its role in the Taliban-led offensive": the event's owner."""
    owners: list[ActorMention] = []
    for event_noun in prep_objects(heads, cue.preps):
        owners += possessors(event_noun, index)
        for child in event_noun.children:
            if child.dep_ in ("amod", "compound") and child.lemma_.lower() == "lead":
                owners += hyphen_actor(child, index)
    return owners


def _between_parties(trigger: Token, index: MentionIndex) -> list[ActorMention]:
    """ "the struggle between the Islamic State and al Qaeda", "the merger of Ansar Dine, al-Mourabitoun and
    the Macina Liberation Front": the parties are the ones named, whoever the sentence's subject is."""
    parties: list[ActorMention] = []
    preps = ("between",) if trigger.pos_ != "NOUN" else ("between", "of")
    for obj in prep_objects([trigger], preps):
        nested = {t.i for c in obj.children if c.dep_ in ("prep", "relcl", "acl") for t in c.subtree}
        parties += [m for t in obj.subtree if t.i not in nested for m in index.at(t)]
    return list({m.key: m for m in parties}.values())


RECIPROCAL_VERBS = cue_words().reciprocal_verbs




def _reciprocal_use(cue: Cue, trigger: Token) -> bool:
    """ "X and Y clashed" pairs its subjects; "X and Y agreed to destroy" does not (destroy is not mutual);
    "X and Y formed an alliance", "X and Y are bitter rivals" pair them (a launched attack does not)."""
    if cue.pos == "NOUN":
        return cue.type in MUTUAL_NOUN_RELATIONS and trigger.dep_ in ("dobj", "attr", "oprd")
    if cue.pos == "ADJ":
        return True
    return trigger.lemma_.lower() in RECIPROCAL_VERBS and not any(c.dep_ == "dobj" for c in trigger.children) \
        and not _unnamed_partner(cue, trigger)


def _unnamed_partner(cue: Cue, trigger: Token) -> bool:
    """ "X and Y are allied with local gangs": the partner is there but unnamed, so X and Y are not said to be
    allied with each other ("X and Y clashed with each other" still pairs them)."""
    return any(c.dep_ == "prep" and c.lower_ in cue.preps and any(_partner_noun(o) for o in c.children)
               for c in trigger.children)


def _partner_noun(token: Token) -> bool:
    """A common noun as the object of the relation's preposition ("local gangs"), not "each other" or a phrase
    of circumstance ("with the former excluded")."""
    return token.dep_ == "pobj" and token.pos_ == "NOUN" and token.lower_ not in ("other", "another") \
        and not any(c.pos_ in ("VERB", "AUX") for c in token.children)


def _group_level(cue: Cue, mentions: list[ActorMention]) -> list[ActorMention]:
    """Relations between groups and states are not had with a person: drop people from them (a person who
    pledges alongside his group's fighters is counted with the group)."""
    if cue.type in GROUP_LEVEL_RELATIONS or (cue.type == "allegiance" and any(m.kind != "person" for m in mentions)):
        return [m for m in mentions if m.kind != "person" and _vouched(m)]
    return mentions


def _vouched(m: ActorMention) -> bool:
    """A party to a relation between groups must be known, shaped like a group, or a state's forces: a
    capitalised word that only NER calls an organization ("Raqa", "Observatorys") is not enough; a name with a
    word that makes a body of people ("union", "federation", "party") is."""
    if m.via != "ner" or m.kind == "armed_group":
        return True
    words = set(m.key.removeprefix("name:").split()) | set(m.name.lower().split())
    return bool(words & GROUP_SHAPE_WORDS)  # "the Union of Sinai Tribes", "the Islah Party"


GROUP_SHAPE_WORDS = cue_words().group_shape_words


def _kinds(mentions: Sequence[ActorMention], kinds: Sequence[str]) -> list[ActorMention]:
    return [m for m in mentions if m.kind in kinds]
