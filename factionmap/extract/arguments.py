"""Who is who around a cue word: subjects and objects read off the dependency parse.

A cue word ("pledged", "branch", "loyal") names a relation; its parties are found by walking the parse from
it: the clause's subject (through conjunctions, relative clauses, "known to operate", gerunds under a
possessive), its direct object, the objects of the prepositions the cue allows, a possessor ("al Qaeda's
branch"), a compound ("Taliban emir"), an apposition ("its emir, Najmuddin Jalolov") or the actor glued to
it by a hyphen ("al Qaeda-linked"). Words that stand for a group's members ("fighters of the IJU", "IMU
fighters", "its forces") resolve to the group.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from factionmap.extract.cues import cue_words
from factionmap.extract.names import ASSET_WORDS, GROUP_NOUNS, LEADER_WORDS, MEMBER_WORDS
from factionmap.records import ActorMention

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom", "whose"})
NEGATIONS = frozenset({"not", "n't", "never", "neither", "nor", "no", "none", "nobody"})
REPORTED_PRONOUNS = frozenset({"they", "it"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})


class MentionIndex:
    """Actor mentions by token index (a token can carry two: "the latter two groups"), and the document."""

    def __init__(self, mentions: Iterable[ActorMention], doc: Doc | None = None) -> None:
        self.doc = doc
        self.by_token: dict[int, list[ActorMention]] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token.setdefault(i, []).append(m)

    def at(self, token: Token) -> list[ActorMention]:
        """Mentions that cover this token."""
        return self.by_token.get(token.i, [])

    def in_group_name(self, token: Token) -> bool:
        """The token is a word of a group's or a state's name ("the Kurdish Front"), not a person's title."""
        return any(m.kind != "person" and m.via not in ("coref", "forces") for m in self.by_token.get(token.i, []))


def expand(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("the Taliban and al Qaeda")."""
    return [token, *token.conjuncts]


def actors_at(token: Token, index: MentionIndex, depth: int = 0) -> list[ActorMention]:
    """The actors a noun phrase headed by ``token`` stands for (members of a group stand for the group)."""
    if depth > 3:
        return []
    found = index.at(token)
    if found:
        if any(m.via == "forces" for m in found):  # "American and Iraqi forces": each demonym's state
            found = [m for t in token.doc[token.left_edge.i:token.i + 1] for m in index.at(t) if m.via == "forces"]
        return _unique(found)
    if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return []
    if token.lower_ in RELATIVE_PRONOUNS:
        return _antecedent(token, index, depth)
    if token.lower_ in REPORTED_PRONOUNS and token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ccomp":
        # "X and Y announced they would merge", "X said it had joined": the speakers
        return [m for m in actors_of(clause_subjects(token.head.head), index) if m.kind != "person"]
    lemma = token.lemma_.lower()
    named = _called(token, index, depth) or including(token, index)
    if named:
        return named
    if token.dep_ == "attr" and token.pos_ == "NOUN" and token.head.lemma_ in ("be", "become", "remain"):
        # "HAAA is an Iraq-based militia group aligned with Iran": the group is the subject
        subject = [c for c in token.head.children if c.dep_ == "nsubj"]
        if subject and index.at(subject[0]):
            return _unique(index.at(subject[0]))
    if token.dep_ == "nsubj" and token.pos_ == "NOUN" and token.head.lemma_ == "be":
        # "The dominant forces fighting against X are A and B": the noun is the names the copula gives it
        named = [m for c in token.head.children if c.dep_ == "attr" for t in expand(c) for m in index.at(t)]
        if named:
            return _unique(named)
    if token.dep_ == "appos" and token.pos_ == "NOUN" and index.at(token.head) and not bare_list_item(token):
        return _unique(index.at(token.head))  # "Jamaat-ul-Ahrar, a TTP faction": the faction is the group named
    if lemma in LEADER_WORDS or token.lower_ in LEADER_WORDS:
        named = [m for c in token.children if c.dep_ == "appos" for t in expand(c)
                 for m in actors_at(t, index, depth + 1)]
        if any(m.kind == "person" for m in named):
            return _unique(named)
    if token.lower_ in QUANTITY_WORDS or (token.pos_ == "NUM" and token.dep_ != "nummod"):
        counted = [m for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                   for o in _pobjs(c) for m in actors_at(o, index, depth + 1)]
        if counted:
            return _unique(counted)  # "hundreds of jihadis from JFS", "three of its commanders"
    if token.lower_ in GROUP_NOUNS:
        named = [m for c in token.children if c.dep_ == "appos" for m in actors_at(c, index, depth + 1)]
        if named or any(c.lower_ in SPLIT_WORDS for c in token.children):
            return _unique(named)  # "fellow al-Qaeda breakaway group MUJAO" is MUJAO, not al-Qaeda
    if token.lower_ in MEMBER_WORDS | ASSET_WORDS | GROUP_NOUNS or lemma in MEMBER_WORDS or lemma in LEADER_WORDS:
        owners = _owners(token, index, depth)
        if owners:
            return owners
    for child in token.children:
        if child.dep_ == "appos":
            hit = actors_at(child, index, depth + 1)
            if hit:
                return hit
    if token.dep_ == "appos" and token.pos_ == "NOUN" and not bare_list_item(token):
        return actors_at(token.head, index, depth + 1)
    return _loyal_to(token, index, depth)


def _loyal_to(token: Token, index: MentionIndex, depth: int) -> list[ActorMention]:
    """ "the security services loyal to Fatah", "troops loyal to Haftar": forces loyal to an actor are its own."""
    if token.lower_ not in MEMBER_WORDS | {"services"} and token.lemma_.lower() not in MEMBER_WORDS:
        return []
    return _unique(m for c in token.children if c.dep_ == "amod" and c.lower_ == "loyal"
                   for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                   for o in _pobjs(p) for t in expand(o) for m in actors_at(t, index, depth + 1))


def bare_list_item(noun: Token) -> bool:
    """ "A, B units and other groups": a noun the parser hung on A as an appositive, but without the article or
    possessive an appositive has ("A, a B unit,", "A, B's unit,"), and with the list going on after it."""
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return False
    doc = noun.doc
    left = noun.left_edge.i
    after = noun.i + 1
    return left > 0 and doc[left - 1].text == "," and after < len(doc) and doc[after].lower_ in ("and", "or", ",", ";")


QUANTITY_WORDS = cue_words().quantity_words
SPLIT_WORDS = cue_words().split_words


def _antecedent(pronoun: Token, index: MentionIndex, depth: int) -> list[ActorMention]:
    """ "Kataib Hezbollah, which is led by", "the TTP, whose leader pledged": the noun the clause describes."""
    clause = pronoun.head
    if pronoun.lower_ == "whose" and clause.head.i != clause.i:
        clause = clause.head  # whose(poss) -> leader(nsubj) -> pledged(relcl)
    if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
        return actors_at(clause.head, index, depth + 1)
    return []


def including(token: Token, index: MentionIndex) -> list[ActorMention]:
    """ "a rebel coalition including A, B and C", "an alliance comprising A and B": the members named."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma in LEADER_WORDS | MEMBER_WORDS | ASSET_WORDS:
        return []  # "IJU leaders, including its emir": people, not a coalition
    for child in token.children:
        such_as = child.lower_ == "as" and any(g.lower_ == "such" for g in child.children)
        if (child.lower_ in ("including", "comprising") or such_as) and child.dep_ in ("prep", "acl"):
            for t in child.subtree:
                first = next((m for m in index.at(t) if m.start == t.i), None)
                if first is not None:
                    return _unique([first, *listed_after(first, index)])
    return []


NAMING_VERBS = cue_words().naming_verbs


def _called(token: Token, index: MentionIndex, depth: int) -> list[ActorMention]:
    """ "a breakaway group called Lashkar-i-Islam", "an outfit known as X": the noun stands for the name."""
    if token.pos_ != "NOUN":
        return []
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
            for t in child.subtree:
                if t.i != child.i and t.lower_ not in ("as", "by"):
                    found = index.at(t)
                    if found:
                        return _unique(found)
    return []


def _owners(token: Token, index: MentionIndex, depth: int) -> list[ActorMention]:
    """The groups a member or role noun belongs to: "IJU fighters", "its emir", "leaders of al Qaeda and the
    Taliban", "al Qaeda and Taliban leaders"."""
    heads = [c for c in token.children if c.dep_ in ("poss", "compound", "nmod", "amod")]
    heads += [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for o in _pobjs(c)]
    heads += [o for c in token.children if c.dep_ == "acl" and c.lemma_.lower() == "belong"
              for o in _pobjs_of(c, "to")]  # "camps belonging to the PKK"
    found: list[ActorMention] = []
    for head in heads:
        for t in expand(head):
            found += [m for m in actors_at(t, index, depth + 1) if m.kind != "person"]
    if not found:  # "finish off hundreds of jihadis from X": the parser hangs "from X" on the verb
        anchor = token.head.head if token.dep_ == "pobj" and token.head.head.lower_ in QUANTITY_WORDS else token
        if anchor.dep_ == "dobj":
            found = [m for o in _pobjs_of(anchor.head, "from") for t in expand(o)
                     for m in actors_at(t, index, depth + 1) if m.kind in ("armed_group", "organization")]
    return _unique(found)


def _pobjs_of(verb: Token, prep: str) -> list[Token]:
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == prep for o in _pobjs(c)]


def actors_of(tokens: Iterable[Token], index: MentionIndex) -> list[ActorMention]:
    """Actors of several noun phrases, each with its coordinated phrases, and the names listed after it on the
    surface where the parser lost the coordination ("with A, one of the largest factions; B; and C")."""
    found: list[ActorMention] = []
    for token in tokens:
        for t in expand(token):
            found.extend(actors_at(t, index))
    if found and index.doc is not None:
        last = max(found, key=lambda m: m.end)
        root = index.doc[last.start:last.end].root
        if last.via != "coref" and root.dep_ not in ("compound", "amod", "nmod", "poss"):
            found.extend(listed_after(last, index))  # a modifier's name heads no list of its own
    return _unique(found)


LIST_SEPARATORS = frozenset({",", ";"})
COORDINATORS = frozenset({"and"})
LIST_ITEM_TAILS = cue_words().list_item_tails
LIST_REST_WORDS = cue_words().list_rest_words
LIST_ITEM_REACH = 12  # tokens an item may run before the next separator ("B, one of the largest factions;")


def listed_after(first: ActorMention, index: MentionIndex) -> list[ActorMention]:
    """The names coordinated with ``first`` on the surface: "A, B and C", "A; B, a small faction; and C".
    Only a list that closes with "and" counts: "attacked A, B said" is no list."""
    doc = index.doc
    if doc is None:
        return []
    end = doc[first.start].sent.end
    items: list[ActorMention] = []
    i = first.end
    while i < end and doc[i].lower_ in LIST_ITEM_TAILS:
        i += 1
    while i < end:
        i = _skip_parenthesis(doc, i, end)
        if i >= end or (doc[i].text not in LIST_SEPARATORS and doc[i].lower_ not in COORDINATORS):
            return []
        closing = doc[i].lower_ in COORDINATORS or (i + 1 < end and doc[i + 1].lower_ in COORDINATORS)
        j = i + 1
        while j < end and (doc[j].lower_ in COORDINATORS or doc[j].lower_ == "the" or doc[j].text in LIST_SEPARATORS):
            j += 1
        item = item_at(doc, j, index)
        if item is None and closing and items and j < end and doc[j].lower_ in LIST_REST_WORDS:
            return items  # "A, B units and other armed groups": the list names A and B
        if item is None:  # "A, one of the largest factions in Aleppo; B": a description, then the next item
            nxt = next((k for k in range(j, min(end, j + LIST_ITEM_REACH)) if doc[k].text == ";"), None)
            if nxt is None:
                return []
            i = nxt
            continue
        items.append(item)
        i = item.end
        while i < end and doc[i].lower_ in LIST_ITEM_TAILS:
            i += 1  # "FSA groups, Jabhat al-Akrad", "Libya Shield units and"
        if closing:
            return items
    return []


def opening_parenthesis(doc: Doc, close: int, low: int) -> int | None:
    """The index of the "(" a short parenthesis closing at ``close`` opens with, looking back no further than
    ``low`` nor 8 tokens ("Sadio Camara (3rd L),", "the Mahdi Army (JAM),")."""
    return next((j for j in range(close - 1, max(close - 8, low - 1), -1) if doc[j].text == "("), None)


def _skip_parenthesis(doc: Doc, i: int, end: int) -> int:
    """The index after "(ACR)" when one opens at ``i``, else ``i``."""
    if doc[i].text != "(":
        return i
    close = next((j for j in range(i, min(end, i + 12)) if doc[j].text == ")"), None)
    return close + 1 if close is not None else end


def item_at(doc: Doc, j: int, index: MentionIndex) -> ActorMention | None:
    """A name starting at ``j`` or after a short modifier there ("the Homs-based Jaysh al-Sunnah")."""
    if j >= len(doc):
        return None
    return next((m for m in index.at(doc[j]) if m.start == j), None) or _after_modifier(doc, j, index)


def _after_modifier(doc: Doc, j: int, index: MentionIndex) -> ActorMention | None:
    """ "the Homs-based Jaysh al-Sunnah": a name after a short modifier of one to three words."""
    for k in range(j + 1, min(j + 4, len(doc))):
        hyphened = doc[k - 2].text == "-"  # "Homs-based", "Iran-backed": a modifier, not a verb
        if doc[k - 1].text in LIST_SEPARATORS or (doc[k - 1].pos_ in ("VERB", "AUX") and not hyphened):
            return None
        found = next((m for m in index.at(doc[k]) if m.start == k), None)
        if found is not None:
            return found
    return None


def _unique(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.key not in seen:
            seen.add(m.key)
            out.append(m)
    return out


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def clause_verb(token: Token) -> Token:
    """The verb (or copula) whose clause holds this token."""
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            return current
        current = current.head
    return current


def _name_before(pronoun: Token) -> Token | None:
    """The name just before "which" (and its comma) where the parser hung the clause on the common noun the
    name completes: "the foreign ministers of Turkey, which backs the GNA" (Turkey backs, not its ministers)."""
    head = pronoun.head.head
    i = pronoun.i - 1 - (pronoun.i > 1 and pronoun.nbor(-1).text == ",")
    if pronoun.lower_ != "which" or head.pos_ != "NOUN" or i <= head.i:
        return None
    name = pronoun.doc[i]
    return name if name.pos_ == "PROPN" and name.head.i != head.i and head.is_ancestor(name) else None


def after_comma(doc: Doc, i: int) -> tuple[int, ...]:
    """Where a name right after the comma that follows token ``i`` may start, with or without "the" ("the
    better-known Kurdish militant group, the Kurdistan Workers' Party"); none when no comma follows."""
    comma = i + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return ()
    return (comma + 1, comma + 2) if doc[comma + 1].lower_ == "the" else (comma + 1,)


def passive_participle(verb: Token) -> bool:
    """A participle modifying the noun it tells of ("a soldier killed by the rebels", "the group, led by X"); not
    one with an object of its own, which the parser took for it ("The U.S. airstrikes killed(acl) 25 men")."""
    return verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in verb.children)


def passive_conjunct(verb: Token) -> bool:
    """A passive verb that shares the subject of the verb it is coordinated with: "X joined the underground and
    was arrested" (X undergoes the arrest)."""
    return verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def clause_subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Subject tokens of a verb's clause, inherited through conjunctions, xcomp, relative clauses and gerunds."""
    if depth > 4:
        return []
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        s = subjects[0]
        if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ in ("relcl", "acl"):
            return [_name_before(s) or verb.head]
        if s.lower_ in RELATIVE_PRONOUNS | {"neither", "none"} and s.dep_ and verb.dep_ == "conj":
            return clause_subjects(verb.head, depth + 1)
        return [s]
    if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head.i != verb.i:
        return clause_subjects(verb.head, depth + 1)
    if verb.dep_ == "amod" and (verb.tag_ in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("compound", "nsubj") and c.i < verb.i for c in verb.children)):
        return _left_subject(verb)  # "the IMU swore(amod) allegiance": a broken parse, read the surface
    if verb.dep_ in ("relcl", "acl", "amod"):
        return [verb.head]
    if verb.dep_ in ("pcomp", "pobj") and verb.head.dep_ == "prep":
        owner = verb.head.head
        poss = [c for c in owner.children if c.dep_ == "poss"]
        return poss or ([] if owner.pos_ not in ("VERB", "AUX", "ADJ") else clause_subjects(owner, depth + 1))
    if verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        return _name_right_before(verb)  # "Abdul Wali - alias Omar Khalid Khorasani - founded": the parser lost it
    return []


DASHES = ("-", "–", "—")


def _name_right_before(verb: Token) -> list[Token]:
    """The proper noun that ends right before a verb, over a closing dash or bracket ("X - alias Y - founded"),
    or right before a dashed aside that ends there ("X - once its chief negotiator - founded"); nothing else."""
    doc, first = verb.doc, verb.sent.start
    k = verb.i - 1
    closing = k >= first and doc[k].text in DASHES
    while k >= first and (doc[k].text in DASHES or doc[k].text == ")"):
        k -= 1
    if k >= first and doc[k].pos_ == "PROPN":
        return [doc[k]]
    opening = next((j for j in range(k, first - 1, -1) if doc[j].text in DASHES), None) if closing else None
    if opening is not None and opening - 1 >= first and doc[opening - 1].pos_ == "PROPN":
        return [doc[opening - 1]]
    return []


def _clause_chain(trigger: Token) -> list[Token]:
    """The cue and the words it hangs from within its clause, up to the clause's verb and the verbs it
    complements ("doesn't appear to be involved in the infighting" reaches "appear")."""
    chain = [trigger]
    node = trigger
    for _ in range(10):
        if node.head.i == node.i or node.dep_ in CLAUSE_DEPS - {"xcomp"} or node.dep_ == "conj":
            break
        node = node.head
        chain.append(node)
    return chain


def _left_subject(verb: Token) -> list[Token]:
    """The nearest noun before the verb in its sentence that is not the object of a preposition."""
    for token in reversed(verb.doc[verb.sent.start:verb.i]):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass", "amod"):
            return []
        if token.pos_ in ("PROPN", "NOUN") and (token.dep_ not in ("pobj", "poss", "npadvmod", "compound")
                                                or token.dep_ == "compound" and token.head.i == verb.i):
            return [token]
    return []


def is_negated(trigger: Token) -> bool:
    """ "has not joined", "neither of which has joined", "never pledged": the cue is denied by the sentence."""
    verb = clause_verb(trigger)
    for t in _clause_chain(trigger):
        for child in t.children:
            if child.dep_ == "neg" or (child.dep_ in SUBJECT_DEPS and child.lower_ in NEGATIONS):
                return True
    for s in clause_subjects(verb):
        if any(c.dep_ == "appos" and c.lower_ in NEGATIONS for c in s.children):
            return True
        if s.lower_ in NEGATIONS:
            return True
    return any(c.dep_ == "appos" and c.lower_ in NEGATIONS for c in verb.head.children) and verb.dep_ == "conj" \
        and verb.head.dep_ != "ROOT"


def prep_objects(heads: Sequence[Token], preps: Iterable[str]) -> list[Token]:
    """Objects of the allowed prepositions attached to any of the given heads ("allied with X", "loyal to X")."""
    wanted = set(preps)
    objects: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ in ("prep", "agent", "dative", "prt") and child.lower_ in wanted \
                    and not _set_off_with(child):
                objects.extend(_pobjs(child) or ([child] if child.dep_ == "prt" else []))
    return objects


def _set_off_with(prep: Token) -> bool:
    """ "X and Y have fallen out, with the former excluded from the talks": a "with" phrase after a comma that
    a participle completes is an adjunct of circumstance, not the verb's partner."""
    if prep.lower_ != "with" or prep.i == 0 or prep.nbor(-1).text != ",":
        return False
    return any(c.tag_ in ("VBN", "VBG") for o in _pobjs(prep) for c in o.children)


def hyphen_actor(trigger: Token, index: MentionIndex) -> list[ActorMention]:
    """ "al Qaeda-linked", "Taliban-led", "Iran-backed": the actor joined to the cue by a hyphen."""
    if trigger.i < 2 or trigger.nbor(-1).text not in ("-", "–"):
        return []
    return actors_at(trigger.nbor(-2), index)


def possessors(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """Actors that own a noun: "al Qaeda's branch", "its emir"."""
    return actors_of((c for c in noun.children if c.dep_ == "poss"), index)


def compounds(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """Actors that modify a noun: "Taliban emir", "IJU leaders"."""
    return actors_of((c for c in noun.children if c.dep_ in ("compound", "nmod", "npadvmod", "amod")), index)


def apposed_people(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """People named beside a role noun: "its emir, Najmuddin Jalolov", "Mansour, the leader of", "emir Mullah X"."""
    candidates: list[Token] = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ in ("appos", "amod", "compound", "nmod"):
        candidates.append(noun.head)
    # No coordination here: in "Turkish President Erdogan and Russian President Putin" each title has its man.
    people = [m for c in candidates for m in actors_at(c, index) if m.kind == "person"]
    if people:
        return people
    return _person_after(noun, index)


def _person_after(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """Surface fallback for parses that drop the apposition: "ROLE, PERSON" or "ROLE PERSON"."""
    doc = noun.doc
    i = noun.i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc):
        return [m for m in index.at(doc[i]) if m.kind == "person" and m.start == i]
    return []


def place_list(token: Token, place_tokens: set[int] | dict[int, str]) -> list[Token]:
    """A place and the places listed after it, read off the surface ("in Kunduz, Badakhshan, and Nangarhar
    provinces"): parsers often lose long coordinations, the commas do not."""
    doc = token.doc
    found = [token]
    i = token.i + 1
    while i < len(doc):
        if i in place_tokens:
            if doc[i - 1].text in (",", "and", "or") or doc[i - 1].i == found[-1].i + 1:
                found.append(doc[i])
                i += 1
                continue
            break
        if doc[i].text in (",", "and", "or"):
            i += 1
            continue
        break
    return found
