"""Relations stated inside noun phrases, read off the surface of the sentence around a relational noun.

Writers state many relations without a verb: "Hezbollah's leader Hassan Nasrallah", "the leader of the PKK,
Abdullah Ocalan", "AQIM, al-Qaeda's North Africa branch,", "Hurras al-Din, a Syrian affiliate of al-Qaeda",
"ISWAP top leader Abu Musab al-Barnawi", "Jaish al-Adl, a rival of Jundallah". A small parser often hangs the
appositive on the wrong noun, so these constructions are matched on the token sequence, with the actor
mentions as slots: an *owner* (the possessor or the object of "of") and a *holder* (the name in apposition to
the noun, or the name the noun phrase is in apposition to). The noun's cue gives the relation type; only the
lemmas a cue lists as ``holder_lemmas`` (nouns that name a party: "leader", "branch", "ally", not "ties" or
"alliance") can stand in apposition.

Coalitions are read the same way: "an alliance of A, B and C" pairs every member, and "X, a coalition of A
and B" or "the X coalition of A and B" makes each member part of X.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from factionmap.extract.arguments import (
    LIST_ITEM_TAILS,
    MentionIndex,
    actors_of,
    clause_subjects,
    including,
    item_at,
    listed_after,
    opening_parenthesis,
)
from factionmap.extract.cues import Cue, CueLexicon, cue_words
from factionmap.extract.names import PERSON_TITLES
from factionmap.extract.relations import Finding
from factionmap.records import ActorMention

DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "one", "another"})
POSSESSIVE_MARKS = frozenset({"'s", "\u2019s", "'", "\u2019"})
COPULA_FORMS = frozenset({"is", "was", "are", "were", "be", "been", "became", "becomes", "remains", "remained",
                          "has", "had", "have", "being", "now", "still", "also", "long", "once"})
APPOSITION_CLOSERS = frozenset({",", ".", ";", ":", ")", "(", "\u2014", "\u2013", "-", "and", "who", "whose"})
GROUP_NOUNS = cue_words().group_head_nouns
MEMBER_LIST_OPENERS = frozenset({"of", "between", "including", "comprising", "grouping", "uniting", "among",
                                 "like", "composed", "made", "up", "such", "as"})
APPOINTING_VERBS = cue_words().appointing_verbs
MEMBERSHIP_VERBS = cue_words().membership_verbs
INNER_PREPS = cue_words().inner_preps
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''"})
LEADERSHIP_NOUNS = cue_words().leadership_nouns
MODIFIER_REACH = 5  # words of modifiers between an owner and its noun: "al-Qaeda's powerful North Africa branch"


class ConstructionFinder:
    """Findings from relational nouns in apposition and from coalition lists, on the surface of a sentence."""

    def __init__(self, lexicon: CueLexicon) -> None:
        self.holders: dict[str, list[Cue]] = {}
        for cue in lexicon.cues:
            for lemma in cue.holder_lemmas:
                self.holders.setdefault(lemma.lower(), []).append(cue)
        self.coalitions: dict[str, Cue] = {}
        for cue in lexicon.cues:
            for lemma in cue.coalition_lemmas:
                self.coalitions.setdefault(lemma.lower(), cue)

        leader = [c for cues in self.holders.values() for c in cues if c.type == "leader_of"]
        self.leader: Cue | None = leader[0] if leader else None
        branch = [c for cues in self.holders.values() for c in cues if c.type == "branch_of"]
        self.branch: Cue | None = branch[0] if branch else None
        self.coalition_cue: Cue | None = next(iter(self.coalitions.values()), None)
        member = [c for cues in self.holders.values() for c in cues if c.type == "member_of"]
        self.member: Cue | None = member[0] if member else None

        self.lexicon = lexicon

    def __call__(self, sentence: Span, index: MentionIndex) -> Iterator[Finding]:
        slots = _Slots(sentence, index)
        if self.branch is not None and self.member is not None and self.leader is not None:
            yield from _owned_group(self.branch, self.member, slots)
            yield from _persons_group(self.leader, slots)
            yield from _person_of_group(self.member, slots)
            yield from _under_leader(self.leader, slots)
        for token in sentence:
            word = token.lemma_.lower() if token.pos_ in ("NOUN", "PROPN") else ""
            cues = self.holders.get(word) or self.holders.get(token.lower_) or []
            if cues and token.pos_ in ("NOUN", "PROPN") and not slots.index.in_group_name(token) \
                    and not self._part_of_title(token):  # not "Kurdish Front", not "Secretary" of "Secretary General"
                yield from _apposed(cues, token, slots)
            if token.tag_ in ("JJ", "VBN") and slots.text(token.i - 1) == ",":
                yield from _apposed_participle(self._participle_cues(token), token, slots)
            if token.pos_ == "VERB" and token.lemma_.lower() in MEMBERSHIP_VERBS and self.coalition_cue is not None:
                yield from _includes(self.coalition_cue, token, slots)
            coalition = self.coalitions.get(word) or self.coalitions.get(token.lower_)
            if coalition is not None and token.pos_ in ("NOUN", "PROPN"):
                yield from _coalition(coalition, token, slots)
            if token.lower_ in INNER_PREPS and token.dep_ == "prep" and self.coalition_cue is not None:
                yield from _groups_within(self.coalition_cue, token, slots)


    def _part_of_title(self, token: Token) -> bool:
        """ "Secretary" in "Secretary General": a word that a following holder noun needs as its modifier."""
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is None:
            return False
        cues = self.holders.get(nxt.lemma_.lower()) or self.holders.get(nxt.lower_) or []
        return any(token.lower_ in cue.requires_modifier for cue in cues)

    def _participle_cues(self, token: Token) -> list[Cue]:
        """Cues of an adjective or participle that take a prepositional object: "affiliated with", "loyal to"."""
        lemma = token.lemma_.lower()
        cues = [*self.lexicon.lookup("ADJ", token.lower_), *self.lexicon.lookup("ADJ", lemma),
                *self.lexicon.lookup("VERB", lemma)]
        return [c for c in cues if c.type is not None and c.preps and not c.place_object and not c.requires]


class _Slots:
    """The actor mentions of one sentence by the token where they start and where they end."""

    def __init__(self, sentence: Span, index: MentionIndex) -> None:
        self.index = index
        self.sentence = sentence
        self.doc = sentence.doc
        self.starting: dict[int, ActorMention] = {}
        self.ending: dict[int, ActorMention] = {}
        for token in sentence:
            for m in index.at(token):
                if m.start == token.i:
                    self.starting.setdefault(m.start, m)
                if m.end - 1 == token.i:
                    self.ending.setdefault(m.end - 1, m)

    def inside(self, i: int) -> bool:
        return self.sentence.start <= i < self.sentence.end

    def text(self, i: int) -> str:
        return self.doc[i].lower_ if self.inside(i) else ""

    def dash(self, i: int) -> bool:
        """A dash that opens or closes an aside: "—", "–", or a hyphen with spaces around it ("X - the N of Y")."""
        if not self.inside(i) or self.doc[i].text not in ("-", "\u2013", "\u2014"):
            return False
        return self.doc[i].text != "-" or (i > 0 and bool(self.doc[i - 1].whitespace_) and bool(self.doc[i].whitespace_))


def _apposed(cues: list[Cue], noun: Token, slots: _Slots) -> Iterator[Finding]:
    """ "Y's N X", "Y N X", "the N of Y, X", "X, the N of Y", "X, Y's N", "X is the N of Y"; the first cue of
    the noun whose kinds fit the two parties gives the relation ("member": a person's membership, a group's
    place in a coalition)."""
    owner, owner_end = _owner_before(noun, slots)
    after = noun.i + 1
    if owner is None:
        owner, after = _owner_after(noun, slots)
    if owner is None:
        return
    holder = _holder_after(after, slots) or _holder_before(noun, owner_end, slots)
    if holder is None and owner.end == noun.i:
        holder, owner = owner, _owner_after(noun, slots)[0]  # "the Los Chapitos faction of the Sinaloa Cartel"
    if holder is None or owner is None or holder.key == owner.key or _list_item(holder, owner, noun, slots):
        return
    modifiers = {t.lower_ for t in slots.doc[min(owner_end, noun.i):noun.i]} | {
        c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    for cue in cues:
        if holder.kind not in cue.subject_kinds or owner.kind not in cue.object_kinds:
            continue
        if modifiers & set(cue.excludes_modifier) or (
                cue.requires_modifier and not modifiers & set(cue.requires_modifier)):
            continue  # "the group's deputy leader, X" is a member, not the leader
        if (cue.person_subject and holder.kind != "person") or (
                not cue.person_subject and "person" in (holder.kind, owner.kind)):
            continue
        holders = [holder]
        if noun.tag_ in ("NNS", "NNPS"):  # "the leaders of Los Zetas, A and B": every name listed
            holders += [m for m in listed_after(holder, slots.index) if m.kind == holder.kind]
        yield Finding(cue, noun, holders, [owner])
        return


def _list_item(holder: ActorMention, owner: ActorMention, noun: Token, slots: _Slots) -> bool:
    """ "A, B units and other groups": a bare noun phrase after a comma that a list goes on from is the next
    item of a list, not an appositive of the name before it (an appositive has its article or possessive:
    "AQIM, al-Qaeda's North Africa branch, and")."""
    if holder.end > owner.start or slots.text(holder.end) != ",":
        return False
    between = {slots.text(i) for i in range(holder.end + 1, noun.i)}
    if between & (DETERMINERS | POSSESSIVE_MARKS):
        return False
    return slots.text(noun.i + 1) in ("and", "or", ",", ";")


def _owned_group(branch: Cue, member: Cue, slots: _Slots) -> Iterator[Finding]:
    """ "Hamas's Izz ad-Din al-Qassam Brigades": a group a group owns is its branch; "the BLA's Aslam Baloch":
    a person a group owns is its member. A state's group is not ("Nigeria's Boko Haram" says where, not whose)."""
    for start, mention in slots.starting.items():
        mark = start - 1
        if slots.text(mark) not in POSSESSIVE_MARKS or mention.via == "coref":
            continue
        cue = {"armed_group": branch, "organization": branch, "person": member}.get(mention.kind)
        owner = slots.ending.get(mark - 1)
        if cue is not None and owner is not None and owner.kind in ("armed_group", "organization") \
                and owner.key != mention.key:
            yield Finding(cue, slots.doc[start], [mention], [owner])


PERSON_GROUP_MODIFIERS = cue_words().person_group_modifiers


def _apposed_participle(cues: list[Cue], word: Token, slots: _Slots) -> Iterator[Finding]:
    """ "ISCAP, affiliated with the Islamic State group,", "the militia, loyal to Tehran,": the phrase set off
    by commas describes the name before it."""
    i = word.i - 2
    if slots.text(i) == ")":  # "Islamic State Central Africa Province (ISCAP), affiliated with"
        while slots.inside(i) and slots.text(i) != "(":
            i -= 1
        i -= 1
    holder = slots.ending.get(i)
    prep = slots.text(word.i + 1)
    j = word.i + 2
    while slots.text(j) in DETERMINERS:
        j += 1
    owner = slots.starting.get(j)
    if holder is None or owner is None or holder.key == owner.key:
        return
    for cue in cues:
        if prep in cue.preps and holder.kind in cue.subject_kinds and owner.kind in cue.object_kinds \
                and "person" not in (holder.kind, owner.kind):
            yield Finding(cue, word, [holder], [owner])
            return


def _persons_group(cue: Cue, slots: _Slots) -> Iterator[Finding]:
    """ "Khalifa Haftar's self-styled Libyan National Army", "President Abbas and his Fatah faction": the group a
    person owns is one he leads."""
    for start, group in slots.starting.items():
        if group.kind != "armed_group" and group.kind != "organization" or group.via == "coref":
            continue
        i = start - 1
        while slots.inside(i) and (slots.text(i) in PERSON_GROUP_MODIFIERS or slots.doc[i].pos_ == "ADJ"
                                   or slots.text(i) in ("-", "self", "styled") or _bare_proper(i, slots)):
            i -= 1  # "Modi's Hindu nationalist Bharatiya Janata Party"
        if slots.text(i) in ("his", "her") or slots.text(i + 1) in ("his", "her"):
            mark = i if slots.text(i) in ("his", "her") else i + 1
            owner = slots.ending.get(mark - 3) if slots.text(mark - 1) == "and" else None
            owner = owner or (slots.ending.get(mark - 2) if slots.text(mark - 1) == "and" else None)
        else:
            owner = slots.ending.get(i - 1) if slots.text(i) in POSSESSIVE_MARKS else None
        if owner is not None and owner.kind == "person":
            yield Finding(cue, slots.doc[start], [owner], [group])


def _bare_proper(i: int, slots: _Slots) -> bool:
    """A capitalised modifier that names nobody ("Hindu", "Shiite") between a possessor and its group."""
    token = slots.doc[i]
    return token.pos_ == "PROPN" and token.dep_ in ("compound", "amod") and not slots.index.at(token)


def _under_leader(cue: Cue, slots: _Slots) -> Iterator[Finding]:
    """ "al-Qaeda in Iraq under Abu Musab al-Zarqawi", "established in 1984 under the leadership of Hashim
    Salamat", "Under the leadership of Abu Yasir Hassan, the group": the person a group acts under leads it."""
    for token in slots.sentence:
        if token.lower_ != "under":
            continue
        i = token.i + 1
        while slots.text(i) in DETERMINERS or (slots.inside(i) and slots.doc[i].pos_ == "ADJ"):
            i += 1
        if slots.text(i + 1) in LEADERSHIP_NOUNS and slots.text(i + 2) == "of" and slots.starting.get(i) is None:
            i += 1  # "under the hardline leadership of"
        if slots.text(i) in LEADERSHIP_NOUNS and slots.text(i + 1) == "of":
            i += 2
        person = slots.starting.get(i)
        if person is None or person.kind != "person":
            continue
        group = _group_before(token.i, slots) or _group_after(person.end, slots)
        if group is not None:
            yield Finding(cue, token, [person], [group])


def _group_before(i: int, slots: _Slots) -> ActorMention | None:
    """The group the "under" phrase follows: directly, or as the subject of its clause."""
    mention = slots.ending.get(i - 1)
    if mention is not None and mention.kind in ("armed_group", "organization"):
        return mention
    subjects = actors_of(clause_subjects(slots.doc[i].head), slots.index) if slots.doc[i].dep_ == "prep" else []
    return next((m for m in subjects if m.kind in ("armed_group", "organization")), None)


def _group_after(i: int, slots: _Slots) -> ActorMention | None:
    """ "Under the leadership of X, the group ...": the group right after the phrase's comma."""
    if slots.text(i) != ",":
        return None
    mention = slots.starting.get(i + 1) or slots.starting.get(i + 2)
    return mention if mention is not None and mention.kind in ("armed_group", "organization") else None


def _person_of_group(cue: Cue, slots: _Slots) -> Iterator[Finding]:
    """ "Abu Yasir Hassan of ISIS-Mozambique": a person "of" a group is one of its members."""
    for end, person in slots.ending.items():
        if person.kind != "person" or person.via == "coref" or slots.text(end + 1) != "of":
            continue
        i = end + 2
        while slots.text(i) == "the":
            i += 1
        group = slots.starting.get(i)
        if group is not None and group.kind in ("armed_group", "organization") and group.via != "coref":
            yield Finding(cue, slots.doc[end + 1], [person], [group])


def _owner_before(noun: Token, slots: _Slots) -> tuple[ActorMention | None, int]:
    """The possessor or compound owner left of the noun: "al-Qaeda's North Africa branch", "ISWAP top leader",
    "its emir". Returns the owner and the index of its first token (or the noun's when none)."""
    i = noun.i - 1
    for _ in range(MODIFIER_REACH + 1):
        if not slots.inside(i):
            return None, noun.i
        token = slots.doc[i]
        mention = slots.ending.get(i)
        if mention is not None and mention.kind != "person":
            return mention, mention.start
        if token.text in POSSESSIVE_MARKS and slots.ending.get(i - 1) is not None:
            m = slots.ending[i - 1]
            return (m, m.start) if m.kind != "person" else (None, noun.i)
        if token.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM") and token.lower_ not in ("-", "top", "then"):
            return None, noun.i
        if token.text in (",", "(", ")"):
            return None, noun.i
        i -= 1
    return None, noun.i


def _owner_after(noun: Token, slots: _Slots) -> tuple[ActorMention | None, int]:
    """ "leader of the PKK", "a branch of al-Qaeda in Syria": the owner after "of"; returns it and the index
    just after it."""
    i = noun.i + 1
    while slots.text(i) in GROUP_NOUNS and slots.starting.get(i) is None:
        i += 1  # "a splinter faction of Boko Haram"
    if slots.text(i) not in ("of", "for", "within", "from"):
        return None, noun.i + 1
    i += 1
    while slots.text(i) in DETERMINERS:
        i += 1
    if slots.starting.get(i) is None and slots.inside(i) and slots.doc[i].pos_ == "ADJ" \
            and slots.starting.get(i + 1) is not None:
        i += 1  # "the founder of the original Taliban"
    mention = slots.starting.get(i) or _apposed_to_description(i, slots)
    if mention is None or mention.kind == "person":
        return None, i
    return mention, mention.end


def _apposed_to_description(i: int, slots: _Slots) -> ActorMention | None:
    """ "the leader of an umbrella group, the Islamic State of Iraq": a name apposed to a described owner."""
    steps = 0
    while slots.inside(i) and steps < MODIFIER_REACH and slots.doc[i].pos_ in ("ADJ", "NOUN", "NUM") \
            and slots.starting.get(i) is None:
        i += 1
        steps += 1
    if not steps or slots.text(i) != ",":
        return None
    i += 1
    while slots.text(i) in DETERMINERS:
        i += 1
    return slots.starting.get(i)


def _holder_after(i: int, slots: _Slots) -> ActorMention | None:
    """The name in apposition right after the noun phrase: "Hezbollah's leader Hassan Nasrallah", "the leader
    of the PKK, Abdullah Ocalan,"; titles and a comma may stand between."""
    while slots.text(i) in GROUP_NOUNS and slots.starting.get(i) is None:
        i += 1  # "the al-Qaeda breakaway group MUJAO"
    if slots.text(i) == "of" and slots.starting.get(i + 1) is None:
        j = i + 1  # "Secretary of State Mike Pompeo", "Chief of Staff X": the title's own complement
        while slots.inside(j) and slots.doc[j].is_title and slots.starting.get(j) is None and j - i <= 3:
            j += 1
        if j > i + 1:
            i = j
    comma = slots.text(i) == "," or slots.dash(i)
    if comma:
        i += 1
        while slots.text(i) in DETERMINERS:
            i += 1
        i = _past_description(i, slots)  # "the leaders of Los Zetas - the former military officer X"
    while slots.text(i) in QUOTES:
        i += 1
    while slots.inside(i) and slots.starting.get(i) is None and slots.doc[i].is_title and not slots.doc[i].is_sent_start \
            and _is_title(slots.text(i)):
        i += 1
    mention = slots.starting.get(i)
    if mention is None:
        return None
    if comma:
        closer = mention.end
        if slots.inside(closer) and slots.text(closer) not in APPOSITION_CLOSERS:
            return None
    return mention


def _before_parenthesis(i: int, slots: _Slots) -> int:
    """ "Sadio Camara (3rd L), Defense Minister of Mali": the token before a short parenthesis that closes at
    ``i`` (else -1)."""
    if slots.text(i) != ")":
        return -1
    opening = opening_parenthesis(slots.doc, i, slots.sentence.start)
    return opening - 1 if opening is not None else -1


def _past_description(i: int, slots: _Slots) -> int:
    """The start of a person's name after the lower-case words that describe him: "the former military officer
    Heriberto Lazcano" (else ``i`` unchanged)."""
    j = i
    while slots.inside(j) and j - i < MODIFIER_REACH and slots.starting.get(j) is None \
            and slots.doc[j].pos_ in ("ADJ", "NOUN") and slots.doc[j].is_lower:
        j += 1
    found = slots.starting.get(j)
    return j if found is not None and found.kind == "person" and j > i else i


def _holder_before(noun: Token, phrase_start: int, slots: _Slots) -> ActorMention | None:
    """The name the noun phrase stands in apposition to, or is predicated of: "Abdullah Ocalan, the leader
    of", "AQIM, al-Qaeda's North Africa branch", "Ocalan is the founder of"."""
    i = min(phrase_start, noun.i) - 1
    steps = 0
    while slots.inside(i) and steps <= MODIFIER_REACH and (
            slots.text(i) in DETERMINERS or slots.doc[i].pos_ in ("ADJ", "NUM", "ADV")
            or slots.doc[i].pos_ in ("NOUN", "PROPN") and slots.ending.get(i) is None):
        i -= 1
        steps += 1
    if slots.text(i) in POSSESSIVE_MARKS and slots.ending.get(i - 1) is not None \
            and slots.ending[i - 1].kind == "state":  # "X is Syria's al-Qaeda affiliate": where, not whose
        i = slots.ending[i - 1].start - 1
        while slots.text(i) in DETERMINERS:
            i -= 1
    if not slots.inside(i):
        return None
    if slots.text(i) in QUOTES and slots.text(i - 1) == ",":
        i -= 1  # 'namely "Ivan Marquez," the FARC's former leader': the comma inside the quotes
    if slots.text(i) == "," or slots.dash(i):
        return slots.ending.get(i - 1) or slots.ending.get(_before_parenthesis(i - 1, slots))
    if slots.text(i) == "as":  # "X emerged as a splinter faction of Y", "X are viewed as Y's affiliate"
        i -= 1
        while slots.inside(i) and (slots.doc[i].pos_ in ("VERB", "AUX", "ADV", "PART") or slots.text(i) in REFLEXIVES):
            i -= 1  # "X, who described himself as the RVC commander"
        if slots.text(i) == "who" and slots.text(i - 1) == ",":
            i -= 2
        return slots.ending.get(i)
    if slots.doc[i].lemma_.lower() in APPOINTING_VERBS and slots.doc[i].tag_ == "VBN":
        i -= 1  # "Abu Jabir was appointed Tahrir al-Sham's leader", "X was named the new head of Y"
    verbs = 0
    while slots.inside(i) and slots.text(i) in COPULA_FORMS and verbs < 3:
        i -= 1
        verbs += 1
    if verbs and slots.doc[i + 1].lower_ in ("is", "was", "are", "were", "became", "becomes", "remains",
                                              "remained", "been"):
        return slots.ending.get(i)
    return None


def _coalition(cue: Cue, noun: Token, slots: _Slots) -> Iterator[Finding]:
    """ "an alliance of A, B and C": every pair of members is allied, and each member is part of the
    coalition when the coalition is named ("X, a coalition of A and B", "the X alliance of A and B")."""
    i = noun.i + 1
    if slots.text(i) not in MEMBER_LIST_OPENERS:
        return
    while slots.text(i) in MEMBER_LIST_OPENERS:
        i += 1
    members = _listed(i, slots)
    groups = [m for m in members if m.kind != "person"]
    named = _coalition_name(noun, slots)
    whole = named if named is not None and named.kind != "person" else None
    if len(groups) >= 2:
        yield Finding(cue, noun, groups, whole=whole)
    if whole is not None:
        members = [m for m in groups if m.key != whole.key]
        if members:
            yield Finding(_membership(cue), noun, members, [whole], whole=whole)


def _includes(cue: Cue, verb: Token, slots: _Slots) -> Iterator[Finding]:
    """ "X includes A, B and C", "Other members of X include A and B", "X comprises A and B": when X is a group
    or a coalition, each member is allied with X and with the others."""
    subjects = actors_of(clause_subjects(verb), slots.index)
    coalition = next((m for m in subjects if m.kind in ("armed_group", "organization")), None)
    if coalition is None:
        return
    i = verb.i + 1
    while slots.text(i) in ("of", "together", "in", "its", "their", "ranks", ":"):
        i += 1
    listed = _listed(i, slots)
    if any(m.key == coalition.key for m in listed):
        return  # "an alliance comprising A and B": the clause's subject is the list itself
    members = [m for m in listed if m.kind in ("armed_group", "organization")]
    if len(members) >= 2:
        yield Finding(cue, verb, members, whole=coalition)
    if members:
        yield Finding(_membership(cue), verb, members, [coalition], whole=coalition)


def _groups_within(cue: Cue, prep: Token, slots: _Slots) -> Iterator[Finding]:
    """ "Within X, there are a number of armed groups including A, B and C", "Inside X, factions such as A and B
    compete": the groups a clause finds within a named group are its members, allied with each other."""
    whole = next((m for t in prep.children if t.dep_ == "pobj" for m in slots.index.at(t)
                  if m.kind in ("armed_group", "organization")), None)
    if whole is None:
        return
    clause = prep.head
    members = [m for t in clause.subtree if t.lower_ in GROUP_NOUNS and not (prep.i <= t.i <= prep.right_edge.i)
               for m in including(t, slots.index) if m.kind in ("armed_group", "organization") and m.key != whole.key]
    members = list({m.key: m for m in members}.values())
    if len(members) >= 2:
        yield Finding(cue, prep, members, whole=whole)
    if members:
        yield Finding(_membership(cue), prep, members, [whole], whole=whole)


def _membership(cue: Cue) -> Cue:
    """The cue for a member's tie to the coalition it is named in: its ``member_type`` (a member is part of the
    whole), one way."""
    return cue.model_copy(update={"reciprocal": False, "type": cue.member_type or cue.type})


def _listed(i: int, slots: _Slots) -> list[ActorMention]:
    """The actors listed from token ``i`` on: "A, B, and C", "the A and the B", "A; B, a faction; and C"."""
    while slots.text(i) in DETERMINERS or slots.text(i) in ("groups", "group", "such", "factions", "multiple"):
        i += 1
    first = item_at(slots.doc, i, slots.index) if slots.inside(i) else None
    if first is None or not slots.inside(first.start) or _modifies_noun(first, slots):
        return []
    found = [first, *listed_after(first, slots.index)]
    return list({m.key: m for m in found}.values())


def _modifies_noun(mention: ActorMention, slots: _Slots) -> bool:
    """ "other NAVCENT task forces", "Iran-aligned groups": a name that qualifies what follows is no list item ("Libya Shield
    units" still is: a group's units stand for it)."""
    after = mention.end
    if slots.inside(after) and slots.doc[after].text in ("-", "\u2013") and not slots.doc[after - 1].whitespace_:
        return True  # "multiple Iran-aligned militia groups"
    return slots.inside(after) and slots.doc[after].pos_ in ("NOUN", "PROPN") \
        and slots.doc[after].lower_ not in LIST_ITEM_TAILS and slots.starting.get(after) is None


def _coalition_name(noun: Token, slots: _Slots) -> ActorMention | None:
    """The coalition's own name: in the noun's name ("the Three Brotherhood Alliance of"), before it ("the
    Fatah al-Islam coalition of", "X, a coalition of") or after it ("a coalition of A and B called X")."""
    inside = slots.ending.get(noun.i)
    if inside is not None and inside.start < noun.i:
        return inside
    before = slots.ending.get(noun.i - 1)
    if before is not None:
        return before
    return _holder_before(noun, noun.i, slots)




def _is_title(word: str) -> bool:
    """ "Sheikh", "Gen.", "Maj": a title between a role noun and the name it introduces."""
    return word in PERSON_TITLES or f"{word}." in PERSON_TITLES or word in ("field", "marshal", "brigadier")
