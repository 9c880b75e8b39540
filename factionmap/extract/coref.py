"""References to groups resolved where the text makes them clear: "its", "the group", "the latter".

A light, salience-based resolver, not a general coreference model: a singular group reference goes to the
group that is the subject of the current or a recent sentence, else the nearest group named before it;
"the latter"/"the former" pick among the two groups named last; "the two groups"/"the latter two groups"
stand for both; "he"/"she" as a subject is the person the last two sentences are about. One reference looks
ahead: a counted plural ("designated four other groups and two leaders") stands for the names the next
sentence enumerates for it ("The groups are A, B, C and D, and the individuals are X and Y"), when the count
agrees. References are only resolved to groups and organizations (and states for "its" when no group is in
reach, people for "he" and "she"), never across more than three sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from factionmap.dates.patterns import NUMBER_WORDS
from factionmap.extract.arguments import after_comma, opening_parenthesis
from factionmap.extract.name_lexicon import name_lexicon
from factionmap.extract.names import GROUP_ANAPHORS
from factionmap.records import ActorMention
from factionmap.vocabulary import GROUP_KINDS

REACH_SENTENCES = 3
PERSON_REACH = 2
MAX_SHORT_NAME = 3
PLURAL_OPENERS = frozenset({"both", "two"})


def resolve_references(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Add a mention for each group reference whose antecedent is clear; return all mentions in text order."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    sent_of = {}
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        for t in sent:
            sent_of[t.i] = n
    named = sorted(mentions, key=lambda m: m.start)
    topic = _topic(doc, named, sent_of)
    added: list[ActorMention] = []
    for token in doc:
        if token.i in covered:
            continue
        count = _count(token)
        following = sents[sent_of[token.i] + 1] if count and sent_of[token.i] + 1 < len(sents) else None
        enumerated = _enumerated(token, count, following, named) if following is not None else []
        if enumerated:
            covered.update(i for m in enumerated for i in range(m.start, m.end))
            added.extend(enumerated)
            continue
        if not _may_refer(token) or (token.lemma_.lower() in GROUP_ANAPHORS and _names_follow(token, named)):
            continue  # "the better-known Kurdish militant group, the Kurdistan Workers' Party (PKK)": named after
        chain = [m for m in added if _is_subject(doc, m)]  # "It is believed to be ...": a subject resolved before
        before = sorted([m for m in [*named, *chain] if m.end <= token.i
                         and sent_of[token.i] - sent_of[m.start] <= REACH_SENTENCES
                         and not m.observer], key=lambda m: m.start)  # "its" is never the newspaper telling it
        if _short_name(token):  # a name's own last words are no pronoun: the whole text before is in reach
            before = [m for m in named if m.end <= token.i and not m.observer]
        new = _resolve(token, before, sent_of, doc)
        if not new and topic is not None and topic.end <= token.i and _singular_reference(token):
            new = _resolve(token, [topic], sent_of, doc)  # out of reach of any name: the article's subject
        for m in new:
            covered.update(range(m.start, m.end))
        added.extend(new)
    return sorted([*mentions, *added], key=lambda m: (m.start, m.key))


def _topic(doc: Doc, named: list[ActorMention], sent_of: dict[int, int]) -> ActorMention | None:
    """The group the article is about, when its first sentence makes a group its subject ("The Islamist group
    known as Ansaru ... has emerged"): a profile refers to it as "the group" or "it" paragraphs later."""
    first = [m for m in named if sent_of.get(m.start) == 0 and m.kind in GROUP_KINDS and not m.observer]
    return next((m for m in first if _is_subject(doc, m) or _named_subject(doc, m)), None)


def _named_subject(doc: Doc, m: ActorMention) -> bool:
    """ "The group known as Ansaru ... has emerged": the name completes the subject noun phrase."""
    node = doc[m.start:m.end].root
    for _ in range(4):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return True
        if node.dep_ not in ("pobj", "prep", "oprd", "acl", "appos") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _singular_reference(token: Token) -> bool:
    """ "it", "its", "the group": a reference to one group."""
    return (token.lower_ in ("its", "it", "itself") and token.pos_ == "PRON") or (
        token.lemma_.lower() in GROUP_ANAPHORS and token.pos_ == "NOUN" and token.tag_ == "NN")


def _may_refer(token: Token) -> bool:
    """The cheap test before resolution: a pronoun, "latter"/"former", or a group noun."""
    return token.lower_ in ("its", "it", "itself", "latter", "former") or token.lemma_.lower() in GROUP_ANAPHORS \
        or _plural_named(token) or _short_name(token) or _person_subject(token)


def _person_subject(token: Token) -> bool:
    """ "he was briefly arrested", "she founded the group": a personal pronoun as the subject of its clause."""
    return token.lower_ in ("he", "she") and token.dep_ in ("nsubj", "nsubjpass")


def _short_name(token: Token) -> bool:
    """ "the Brotherhood", "the Freedom Falcons": up to three capitalised words after "the", standing alone."""
    return _short_name_end(token) > token.i


def _short_name_end(token: Token) -> int:
    """Where the capitalised run opened by the token after "the" ends, or the token's index if it is none."""
    doc = token.doc
    if not (token.pos_ == "PROPN" and token.is_title and token.i > 0 and doc[token.i - 1].lower_ == "the"):
        return token.i
    end = token.i + 1
    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    return end if end - token.i <= MAX_SHORT_NAME else token.i


def _plural_named(token: Token) -> bool:
    """ "both Shura Councils", "the two cartels": a plural noun after "both" or "two"."""
    return token.tag_ in ("NNS", "NNPS") and any(
        t.lower_ in PLURAL_OPENERS for t in token.doc[max(0, token.i - 3):token.i])


def _count(token: Token) -> int:
    """The number an indefinite plural noun is counted by ("four other groups" -> 4; "the two cartels" looks back,
    not ahead: 0)."""
    if token.tag_ not in ("NNS", "NNPS") or any(c.dep_ in ("det", "poss", "predet") for c in token.children):
        return 0
    number = next((c.lower_ for c in token.children if c.dep_ == "nummod"), "")
    if number.isdigit():
        return int(number)
    return NUMBER_WORDS.get(number, 0) if number not in ("a", "an", "one") else 0


def _enumerated(token: Token, count: int, following: Span, named: list[ActorMention]) -> list[ActorMention]:
    """ "designated four other groups ... The groups are A, B, C and D": the names the next sentence lists for
    a counted plural, found by the noun ("the groups") or, failing that, by the count alone ("two leaders ...
    the individuals are X and Y"); nothing unless exactly as many names are listed as were counted."""
    lists = _enumerations(following, named)
    same_noun = [names for noun, names in lists if noun.lemma_.lower() == token.lemma_.lower()]
    counted = [names for names in same_noun or [names for _, names in lists] if len(names) == count]
    if len(counted) != 1:
        return []
    start = min(c.i for c in token.children if c.dep_ == "nummod")
    return [_refer(start, token.i + 1, token, m) for m in counted[0]]


def _enumerations(sent: Span, named: list[ActorMention]) -> list[tuple[Token, list[ActorMention]]]:
    """ "The groups are A, B and C, and the individuals are X and Y": each "the <plural> are/include" with the
    distinct names listed after it, up to the next such clause or the sentence's end."""
    heads = [t for t in sent[1:-1] if t.tag_ in ("NNS", "NNPS") and t.doc[t.i - 1].lower_ == "the"
             and t.doc[t.i + 1].lemma_ in ("be", "include")]
    out = []
    for n, noun in enumerate(heads):
        end = heads[n + 1].i - 1 if n + 1 < len(heads) else sent.end
        names = _distinct_recent([m for m in named if noun.i + 1 < m.start and m.end <= end])[::-1]
        out.append((noun, names))
    return out


def _resolve(token: Token, before: list[ActorMention], sent_of: dict[int, int], doc: Doc) -> list[ActorMention]:
    lower = token.lower_
    groups = [m for m in before if m.kind in GROUP_KINDS]
    if lower == "itself" and token.dep_ not in ("dobj", "pobj"):
        return []  # "The parent movement is, itself, a breakaway group": emphatic, the subject it stresses
    if lower in ("its", "it", "itself") and token.pos_ == "PRON":
        target = None
        for kind in ("armed_group", "organization", "state"):  # a group first: publishers are rarely "it"
            target = target or _salient(token, [m for m in before if m.kind == kind], sent_of, doc)
        return [_refer(token.i, token.i + 1, token, target)] if target else []
    if _person_subject(token):  # the person the recent sentences are about
        people = [m for m in before if m.kind == "person" and sent_of[token.i] - sent_of[m.start] <= PERSON_REACH]
        target = _salient(token, people, sent_of, doc)
        return [_refer(token.i, token.i + 1, token, target)] if target else []
    if lower in ("latter", "former") and token.i > 0 and doc[token.i - 1].lower_ == "the":
        return _latter_former(token, groups, doc)
    if token.lemma_.lower() in GROUP_ANAPHORS and token.pos_ == "NOUN":
        return _group_noun(token, groups, sent_of, doc)
    if _plural_named(token):
        return _both_named(token, groups, doc)
    if _short_name(token):  # "the Freedom Falcons" after "the Kurdistan Freedom Falcons": the one group named so
        end = _short_name_end(token)
        words = [t.lower_ for t in doc[token.i:end]]
        named = [m for m in _distinct_recent(groups) if any(
            len(n.split()) > len(words) and [w.lower() for w in n.split()[-len(words):]] == words
            for n in (m.name, m.text))]
        return [_refer(token.i - 1, end, token, named[0])] if len(named) == 1 else []
    return []


def _both_named(token: Token, groups: list[ActorMention], doc: Doc) -> list[ActorMention]:
    """ "Both Shura Councils are allied with", "the two cartels": the two groups named last whose names end in
    the noun ("the Benghazi ... Shura Council" and "the Derna ... Shura Council")."""
    nouns = {token.lemma_.lower(), token.lower_, token.lower_.removesuffix("s")}  # "Councils" keeps its s
    named = [m for m in _distinct_recent(groups) if m.name.split()[-1].lower() in nouns]
    if len(named) < 2:
        return []
    start = next(t.i for t in doc[max(0, token.i - 3):token.i] if t.lower_ in PLURAL_OPENERS)
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    return [_refer(start, token.i + 1, token, m) for m in named[:2][::-1]]


def _salient(token: Token, candidates: list[ActorMention], sent_of: dict[int, int], doc: Doc) -> ActorMention | None:
    """The subject group of this or a recent sentence, else the nearest group before the reference.

    A reference inside a clause that describes a group is not that group: in "Jamaat-ul-Ahrar, a TTP faction
    that split from the group", the group is the TTP."""
    described = _described(token)
    candidates = [m for m in candidates if not (m.start <= described < m.end)]
    if not candidates:
        return None
    here = sent_of[token.i]
    for distance in range(REACH_SENTENCES + 1):
        subjects = [m for m in candidates if sent_of[m.start] == here - distance and _is_subject(doc, m)]
        if subjects:
            return subjects[-1] if distance else subjects[0]
    return candidates[-1]


def _described(token: Token) -> int:
    """Index of the noun a relative clause around the token describes (through an apposition), or -1."""
    node = token
    for _ in range(8):
        if node.dep_ in ("relcl", "acl"):
            head = node.head
            return head.head.i if head.dep_ == "appos" else head.i
        if node.head.i == node.i:
            return -1
        node = node.head
    return -1


def _is_subject(doc: Doc, m: ActorMention) -> bool:
    root = doc[m.start:m.end].root
    return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "pobj" and root.head.head.dep_ in ("nsubj",))


def _latter_former(token: Token, groups: list[ActorMention], doc: Doc) -> list[ActorMention]:
    distinct = _distinct_recent(groups)
    start = token.i - 1
    end = _np_end(token)
    plural = any(t.lower_ in PLURAL_OPENERS or t.tag_ == "NNS" for t in doc[token.i:end])
    if plural:
        return [_refer(start, end, token, m) for m in distinct[:2][::-1]] if len(distinct) >= 2 else []
    if token.lower_ == "latter" and distinct:
        return [_refer(start, end, token, distinct[0])]
    if token.lower_ == "former" and len(distinct) >= 2:
        return [_refer(start, end, token, distinct[1])]
    return []


def _group_noun(token: Token, groups: list[ActorMention], sent_of: dict[int, int], doc: Doc) -> list[ActorMention]:
    """ "the group", "the jihadist group", "the two groups": a definite group noun with no name of its own."""
    dets = [c for c in token.children if c.dep_ in ("det", "nummod", "predet", "amod", "compound")]
    lowers = {c.lower_ for c in dets}
    if "the" not in lowers and "both" not in lowers or any(c.pos_ == "PROPN" for c in dets):
        return []
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return []
    start = min([token.i, *(c.i for c in dets)])
    anchor = _apposed_to(start, token, groups, doc) if token.tag_ != "NNS" else None
    if anchor is not None:  # "the Mahdi Army (JAM), the militia run by Sadr": the name it stands beside
        return [_refer(start, token.i + 1, token, anchor)]
    if lowers & name_lexicon().other_group_modifiers:
        return []  # "the parent movement", "the rival group": another group than the one in view
    coordinated = {i for c in (*token.conjuncts, *([token.head] if token.dep_ == "conj" else []))
                   for i in range(c.left_edge.i, c.right_edge.i + 1)}
    groups = [m for m in groups if m.start not in coordinated]  # "MUJAO and the brigade": not MUJAO
    namesakes = [m for m in groups if token.lemma_.lower() in m.name.lower().split()]
    groups = namesakes or groups  # "the cartel" is the Gulf Cartel before Los Zetas
    if token.tag_ == "NNS" or "both" in lowers:  # "both organisation": "both" makes it two, whatever the ending
        if lowers & PLURAL_OPENERS:
            distinct = _distinct_recent(groups)
            return [_refer(start, token.i + 1, token, m) for m in distinct[:2][::-1]] if len(distinct) >= 2 else []
        return []
    armed = [m for m in groups if m.kind == "armed_group"] or groups
    target = _salient(token, armed, sent_of, doc)
    return [_refer(start, token.i + 1, token, target)] if target else []


def _names_follow(token: Token, named: list[ActorMention]) -> bool:
    """A group noun with a name right after its comma (with or without "the"), or two words on, as after a
    possessive ("the 4th Infantry Brigade's Azmitia Battalion"): a noun of a named body, no reference."""
    starts = (token.i + 2, *after_comma(token.doc, token.i))
    return any(m.start in starts for m in named)


def _apposed_to(start: int, token: Token, groups: list[ActorMention], doc: Doc) -> ActorMention | None:
    """The name a group noun phrase is an appositive of: by the parse, or on the surface right after the name's
    comma (a parenthesis between: "the Mahdi Army (JAM), the militia")."""
    if token.dep_ == "appos":
        return next((m for m in reversed(groups) if m.start <= token.head.i < m.end), None)
    i = start - 1
    if i < 1 or doc[i].text != ",":
        return None
    i -= 1
    if doc[i].text == ")":
        i = (opening_parenthesis(doc, i, 0) or 0) - 1
    return next((m for m in reversed(groups) if m.end - 1 == i), None)


def _distinct_recent(groups: list[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    out = []
    for m in reversed(groups):
        if m.key not in seen:
            seen.add(m.key)
            out.append(m)
    return out


def _np_end(token: Token) -> int:
    end = token.i + 1
    doc = token.doc
    while end < len(doc) and (doc[end].lower_ in PLURAL_OPENERS or doc[end].like_num or
                              doc[end].lemma_.lower() in GROUP_ANAPHORS or doc[end].lower_ in ("'s", "’s")):
        end += 1
    return end


def _refer(start: int, end: int, token: Token, target: ActorMention) -> ActorMention:
    span = token.doc[start:end]
    return ActorMention(start, end, span.start_char, span.end_char, span.text, target.name, target.kind,
                        target.key, "coref", target.kb_id)
