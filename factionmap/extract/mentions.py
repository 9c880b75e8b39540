"""Finding the actors a document names: knowledge base, state forces, the shape of group names, then NER.

Sources are tried from the most to the least reliable and the longest non-overlapping spans win:
the knowledge base (PhraseMatcher over every alias), a state's forces ("Afghan forces" is Afghanistan),
names shaped like group names ("Katibat al Tawhid wal Jihad", "Al Nusrah Front", which spaCy's NER calls
people), then spaCy's PERSON and ORG entities. Aliases the text itself defines ("Islamic Movement of
Uzbekistan (IMU)", "also known as the Islamic Jihad Group") and short forms of people's names ("Ghazi" for
"Uthman Ghazi") are then linked back to the actor they name.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from factionmap.extract.aliases import link_text_aliases
from factionmap.extract.cues import cue_words
from factionmap.extract.name_lexicon import name_lexicon
from factionmap.extract.name_spans import (
    drop_demonym,
    drop_office,
    grow_name,
    led_by_person,
    listed_with_people,
    possessive_start,
    strip_quotes,
    titled_person,
)
from factionmap.extract.names import (
    ARMED_NAME_WORDS,
    GROUP_NAME_WORDS,
    LEADER_WORDS,
    LEADING_GROUP_WORDS,
    NAME_CONNECTORS,
    PERSON_TITLES,
    STATE_FORCE_WORDS,
    TRAILING_GROUP_WORDS,
    is_name_token,
    is_ordinal,
)
from factionmap.extract.nicknames import link_nicknames
from factionmap.extract.nonactors import (
    heading_spans,
    names_a_place,
    names_no_actor,
    only_in_headings,
    plural_acronyms,
)
from factionmap.extract.observers import mark_observers
from factionmap.extract.variants import join_variants, person_name_words
from factionmap.lookup.folding import normalize_name
from factionmap.lookup.kb import KnowledgeBase
from factionmap.records import ActorMention, KBEntry
from factionmap.vocabulary import ActorKind

# Capitalised words allowed between a demonym and a force word: "Afghan National Army", "Iraqi Security Forces".
# ("national" is not one: the Syrian and Libyan "National Army" are not the state's forces.)
FORCE_QUALIFIERS = cue_words().force_qualifiers
# Words that end the names of parties, committees and unions far more often than of armed groups: alone they do
# not send a text to the parser ("the Bharatiya Janata Party", "the action committee"); a known or armed name does.
CIVIL_GROUP_WORDS = cue_words().civil_group_words
# Source tiers: a higher tier wins an overlap whatever the lengths (an NER span that swallows a known name and a
# parenthesis, "Islamic Movement of Uzbekistan (IMU", loses to the known name); within a tier the longest wins.
TIER = {"kb": 3, "forces": 3, "shape": 2, "ner": 1}
NER_KINDS: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organization"}
DATE_WORDS = cue_words().date_words


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    via: str
    kind: ActorKind
    name: str
    key: str
    kb_id: str | None = None
    observer: bool = False


class ActorFinder:
    """Finds actor mentions in a parsed document (a pipeline stage: ``Doc`` in, ``ActorMention`` list out)."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.vocab = nlp.vocab
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._add_aliases(nlp, kb.surface_forms())

    def _add_aliases(self, nlp: Language, forms: Iterable[tuple[str, str, bool]]) -> None:
        folded: dict[str, list[Doc]] = {}
        exact: dict[str, list[Doc]] = {}
        for alias, entry_id, case_sensitive in forms:
            target = exact if case_sensitive else folded
            target.setdefault(entry_id, []).append(nlp.make_doc(alias))
        for entry_id, docs in folded.items():
            self.folded.add(entry_id, docs)
        for entry_id, docs in exact.items():
            self.exact.add(entry_id, docs)

    def may_name_actors(self, doc: Doc) -> bool:
        """A cheap test on a tokenized (unparsed) text: an armed group or organization the knowledge base knows,
        a capitalised group word ("Front", "Katibat") or a state's forces ("Afghan forces")? A text that only
        names countries, or the newspaper that printed it, holds no fact we extract."""
        for token in doc:
            lower = token.lower_
            if token.is_title and (lower in LEADING_GROUP_WORDS or lower in TRAILING_GROUP_WORDS) \
                    and lower not in CIVIL_GROUP_WORDS:
                return True
            if lower in STATE_FORCE_WORDS and token.i > 0 and self._state_named_by(doc[token.i - 1]) is not None:
                return True
        for matcher in (self.exact, self.folded):
            for match_id, _, _ in matcher(doc):
                entry = self.kb.get(self.vocab.strings[match_id])
                if entry is not None and entry.kind != "state" and not entry.observer:
                    return True
        return False

    def __call__(self, doc: Doc) -> list[ActorMention]:
        candidates = [*self._kb_candidates(doc), *self._force_candidates(doc)]
        if not _single_case(doc):  # capitals carry no signal in all-caps wire copy or lower-cased text
            headings, categories = heading_spans(doc), plural_acronyms(doc)
            read = [*self._shape_candidates(doc), *self._ner_candidates(doc)]
            candidates += [c for c in read if not only_in_headings(doc, doc[c.start:c.end], headings)
                           and not self._names_no_actor(doc[c.start:c.end], c.via, categories)]
        chosen = _select(candidates)
        mentions = [self._mention(doc, c) for c in chosen]
        if not _single_case(doc):
            mentions = link_nicknames(doc, mentions)
        mentions = link_text_aliases(doc, mentions)
        mentions = link_short_person_names(add_surnames(doc, mentions))
        return mark_observers(doc, join_variants(mentions))

    def _names_no_actor(self, span: Span, via: str, categories: frozenset[str]) -> bool:
        """A name read from capitals (not the knowledge base) that names a document, an event, a facility, a
        category the text defines in the plural (``categories``: "FTOs"), a demonym or a bare institution noun."""
        if via not in ("shape", "ner"):
            return False
        if span.text.lower() in categories:
            return True
        return names_no_actor(span, lambda word: self.kb.state_for_demonym(word) is not None)

    def _mention(self, doc: Doc, c: _Candidate) -> ActorMention:
        span = doc[c.start:c.end]
        return ActorMention(c.start, c.end, span.start_char, span.end_char, span.text, c.name, c.kind, c.key,
                            c.via, c.kb_id, c.observer)

    def _entry_candidate(self, start: int, end: int, entry: KBEntry, via: str = "kb") -> _Candidate:
        return _Candidate(start, end, via, entry.kind, entry.name, f"kb:{entry.id}", entry.id, entry.observer)

    def _kb_candidates(self, doc: Doc) -> Iterable[_Candidate]:
        for matcher in (self.folded, self.exact):
            for match_id, start, end in matcher(doc):
                entry = self.kb.get(self.vocab.strings[match_id])
                if entry is None or _inside_larger_name(doc, start, end) or _inside_person(doc, entry, start, end):
                    continue
                start = _skip_determiner(doc, start)
                if _leaders_name(entry, doc[start:end]):
                    name = doc[start:end].text
                    yield _Candidate(start, end, "ner", "person", name, f"name:{normalize_name(name)}")
                    continue
                yield self._entry_candidate(start, end, entry, "forces" if _state_organ(entry, doc[start:end]) else "kb")

    def _force_candidates(self, doc: Doc) -> Iterable[_Candidate]:
        """ "Afghan forces", "the Pakistani Army", "US government": a state's forces are that state."""
        for token in doc:
            state = self._state_named_by(token)
            if state is None:
                continue
            end = token.i + 1
            while end < len(doc) and doc[end].lower_ in FORCE_QUALIFIERS and doc[end].lower_ not in STATE_FORCE_WORDS:
                end += 1
            last = end
            while last < len(doc) and doc[last].lower_ in STATE_FORCE_WORDS:
                last += 1
                if doc[last - 1].lower_ not in FORCE_QUALIFIERS:
                    break
            if last > token.i + 1 and doc[last - 1].lower_ in STATE_FORCE_WORDS:
                yield self._entry_candidate(token.i, last, state, via="forces")
            elif _before_hyphen_participle(doc, token.i) or self._coordinated_forces(doc, token.i + 1):
                yield self._entry_candidate(token.i, token.i + 1, state, via="forces")  # "Saudi-backed X"

    def _coordinated_forces(self, doc: Doc, i: int) -> bool:
        """ "American and Iraqi forces", "U.S., British and Afghan troops": a demonym coordinated with the
        demonym of a state's forces shares its head noun."""
        while i + 1 < len(doc) and doc[i].text in (",", "and", "or") and self._state_named_by(doc[i + 1]):
            i += 2
            if i < len(doc) and doc[i].lower_ in STATE_FORCE_WORDS:
                return True
        return False

    def _state_named_by(self, token: Token) -> KBEntry | None:
        if not (token.is_title or token.is_upper) or token.is_stop:
            return None
        entry = self.kb.state_for_demonym(token.text)
        if entry is None:
            found = self.kb.lookup(token.text)
            entry = found if found is not None and found.kind == "state" else None
        return entry

    def _shape_candidates(self, doc: Doc) -> Iterable[_Candidate]:
        for start, end in _split_coordinated(doc, _name_runs(doc)):
            start = possessive_start(doc, start)
            words = [t.lower_.replace("’", "'") for t in doc[start:end]]
            if not (set(words) & LEADING_GROUP_WORDS or words[-1] in TRAILING_GROUP_WORDS
                    or _has_inner_trailing_word(words)):
                continue
            if sum(w not in NAME_CONNECTORS for w in words) < 2:
                continue
            name = strip_quotes(doc[start:end].text)
            entry = self.kb.lookup(name)
            if entry is not None:
                yield self._entry_candidate(start, end, entry)
                continue
            kind: ActorKind = "armed_group" if set(words) & ARMED_NAME_WORDS else "organization"
            yield _Candidate(start, end, "shape", kind, name, f"name:{normalize_name(name)}")

    def _ner_candidates(self, doc: Doc) -> Iterable[_Candidate]:
        for ent in doc.ents:
            kind = NER_KINDS.get(ent.label_)
            span = _trim_entity(ent)
            if span is None:
                continue
            if ent.label_ in ("ORG", "FAC") and (listed_with_people(span) or titled_person(span)
                                             or led_by_person(span)):
                kind = "person"
            if kind is None:
                continue
            span = self._whole_name(span, kind)
            if not _looks_like_name(span):
                continue
            entry = self.kb.lookup(span.text)
            if entry is not None and _leaders_name(entry, span):
                kind, entry = "person", None
            if entry is not None:
                yield self._entry_candidate(span.start, span.end, entry)
            elif names_a_place(span):
                continue
            else:
                armed = kind == "organization" and {t.lower_ for t in span} & ARMED_NAME_WORDS
                name = strip_quotes(span.text)
                yield _Candidate(span.start, span.end, "ner", "armed_group" if armed else kind, name,
                                 f"name:{normalize_name(name)}")

    def _whole_name(self, span: Span, kind: ActorKind) -> Span:
        """The whole name around an NER span, without a demonym before a person's name."""
        span = grow_name(span, person=kind == "person")
        span = span.doc[possessive_start(span.doc, span.start):span.end]
        if kind == "person":
            span = drop_demonym(drop_office(span), lambda word: self.kb.state_for_demonym(word) is not None)
        return span


def _leaders_name(entry: KBEntry, span: Span) -> bool:
    """A group's alias that the text uses as a person's name (never the group's own name)."""
    return entry.kind != "person" and normalize_name(span.text) != normalize_name(entry.name) and _named_person(span)


def _state_organ(entry: KBEntry, span: Span) -> bool:
    """ "State Department", "US government", "U.S. Central Command": an organ of a state stands for the state
    (the knowledge base lists it among the state's names) but is a phrase about it, never its alias."""
    return entry.kind == "state" and any(t.lower_ in name_lexicon().state_organ_words for t in span)


def _named_person(span: Span) -> bool:
    """A name the parser calls a person, standing where a person stands: after a leader's title ("al-Shabab's
    leader Ahmed Abdi Godane", "emir X") or in apposition to one ("X, the group's leader"). Sanctions lists
    give some groups their leaders' names as aliases; in such a place the name is the person's."""
    if len(span) < 2 or not all(t.ent_type_ == "PERSON" for t in span):
        return False
    if {t.lower_.replace("’", "'") for t in span} & GROUP_NAME_WORDS:
        return False
    doc = span.doc
    before = span.start - 1
    while before >= 0 and doc[before].lower_ in PERSON_TITLES:
        before -= 1
    if before >= 0 and doc[before].lower_ in LEADER_WORDS | PERSON_TITLES:
        return True
    root = span.root
    head = root.head
    if root.dep_ == "appos" and head.i < span.start and head.dep_ == "pobj" and head.head.lower_ == "of":
        head = head.head.head  # "the leader of Hezbollah, Hassan Nasrallah"
    return (root.dep_ == "appos" and head.lower_ in LEADER_WORDS and head.i < span.start) or any(
        c.dep_ == "appos" and c.lower_ in LEADER_WORDS and c.i > span.end for c in root.children)


def _single_case(doc: Doc) -> bool:
    """Whether the text is (nearly) all upper case or all lower case, like FBIS wire copy or a lower-cased corpus."""
    words = [t for t in doc if t.is_alpha and len(t) > 1]
    if len(words) < 20:
        return False
    upper = sum(t.is_upper for t in words)
    lower = sum(t.is_lower for t in words)
    return max(upper, lower) > 0.9 * len(words)


def _select(candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """Keep the longest, most reliable non-overlapping candidates, in text order.

    A known name inside a longer group-shaped name that does not end with it ("U.S." in "U.S. Central
    Command") is part of that other name, so it yields; one that ends it ("Members of the Islamic Jihad
    Union", "al Qaeda and Taliban") does not."""
    known = [c for c in candidates if c.via in ("kb", "forces")]
    outer = [c for c in candidates if c.via == "shape" and not any(k.start < c.end <= k.end for k in known)]
    inner = {id(k) for k in known for c in outer if c.start <= k.start and k.end <= c.end}
    promoted = {id(c) for c in outer if any(c.start <= k.start and k.end <= c.end for k in known)}
    candidates = [c for c in candidates if id(c) not in inner]
    taken: set[int] = set()
    chosen: list[_Candidate] = []
    def order(c: _Candidate) -> tuple[int, int, bool, int]:
        tier = TIER["kb"] if id(c) in promoted else TIER[c.via]
        return -tier, -(c.end - c.start), c.via != "forces", c.start

    for c in sorted(candidates, key=order):
        if taken.isdisjoint(range(c.start, c.end)):
            chosen.append(c)
            taken.update(range(c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _skip_determiner(doc: Doc, start: int) -> int:
    return start + 1 if doc[start].lower_ == "the" and start + 1 < len(doc) else start


def _inside_larger_name(doc: Doc, start: int, end: int) -> bool:
    """ "State" in "Islamic State" is fine, but a KB alias glued to capitalised words around it is another name:
    "Islamic Jihad" inside "Islamic Jihad Union" is handled by longest match; here we reject matches that are
    followed by an apostrophe-less capitalised group word (the larger name is unknown to the KB)."""
    return end < len(doc) and doc[end].lower_ in TRAILING_GROUP_WORDS and doc[end].is_title


def _inside_person(doc: Doc, entry: KBEntry, start: int, end: int) -> bool:
    """A group's alias that a person's name goes on from: "Abu Musab" in "Abu Musab al-Barnawi"."""
    if entry.kind == "person" or end >= len(doc) or doc[end].ent_iob_ != "I" or doc[end].ent_type_ != "PERSON":
        return False
    return not {t.lower_ for t in doc[start:end]} & GROUP_NAME_WORDS


def _name_runs(doc: Doc) -> Iterable[tuple[int, int]]:
    """Maximal runs of capitalised words and name connectors, trimmed of connectors and sentence openers."""
    i = 0
    while i < len(doc):
        if not is_name_token(doc[i]):
            i += 1
            continue
        j = i
        while j < len(doc) and is_name_token(doc[j]) and (j == i or not doc[j].is_sent_start):
            j += 1
        start, end = i, j
        while start < end and (doc[start].lower_ in NAME_CONNECTORS - {"al", "al-"} or doc[start].is_stop
                               and doc[start].lower_ not in ("al",) or _common_opener(doc[start])):
            start += 1
        while end > start and (doc[end - 1].lower_ in NAME_CONNECTORS or is_ordinal(doc[end - 1])):
            end -= 1
        if end - start >= 2:
            yield start, end
        i = j


def _is_group_name(words: Sequence[str]) -> bool:
    return bool(set(words) & LEADING_GROUP_WORDS) or bool(words) and words[-1] in TRAILING_GROUP_WORDS


def _split_coordinated(doc: Doc, runs: Iterable[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """ "the German Taliban Mujahideen and the Victorious Sect" is two names; "Iraq and the Levant" is not."""
    for start, end in runs:
        cut = next((i for i in range(start + 1, end - 1) if doc[i].lower_ == "and"), None)
        if cut is not None:
            right = _skip_determiner(doc, cut + 1)
            left_words = [t.lower_ for t in doc[start:cut]]
            right_words = [t.lower_ for t in doc[right:end]]
            acronym = cut - start == 1 and doc[start].is_upper and len(doc[start]) > 1  # "NPA and the NDF"
            if (_is_group_name(left_words) or acronym) and _is_group_name(right_words):
                yield start, cut
                yield right, end
                continue
        yield start, end


def _common_opener(token: Token) -> bool:
    """A capitalised common word only because it opens the sentence ("Members of the ...") or a date word.

    An ordinal opens unit names ("10th Front"), and a date before one names a group after a day ("February
    17th Martyrs Brigade"), so neither is an opener."""
    if is_ordinal(token):
        return False
    if token.lower_.rstrip(".") in DATE_WORDS:
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is None or not is_ordinal(following)
    if token.like_num:
        return True
    return bool(token.is_sent_start) and token.pos_ != "PROPN" and token.lower_ not in LEADING_GROUP_WORDS


def _has_inner_trailing_word(words: Sequence[str]) -> bool:
    """ "Islamic Movement of Uzbekistan": a group word followed by "of ..." names a group."""
    return any(w in TRAILING_GROUP_WORDS and n in ("of", "for") for w, n in itertools.pairwise(words))


def _trim_entity(ent: Span) -> Span | None:
    """Drop a leading "the", and a trailing possessive or common noun, from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_space):
        start += 1
    cut = next((i for i in range(start, end) if any(b in doc[i].text for b in "([\n") or doc[i].is_space), None)
    end = cut if cut is not None else end
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct
                           or doc[end - 1].is_space or doc[end - 1].is_lower and doc[end - 1].pos_ == "NOUN"):
        end -= 1  # and a common noun NER took in: "Hezbollah fighters" is Hezbollah
    return doc[start:end] if end > start else None


def _looks_like_name(span: Span) -> bool:
    return any(t.is_title or t.is_upper for t in span) and len(span.text) > 2 and not span.text.isdigit()


def add_surnames(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """A person named in full is later called by the last word of the name alone ("Ghazi" for "Uthman Ghazi"),
    which NER often misses at the start of a sentence, or by the first of two surnames ("Zambada" for "Ismael
    Zambada Garcia", as Spanish names go); a word two people's names share names neither."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    surnames: dict[str, ActorMention] = {}
    shared: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if m.kind != "person" or len(words) < 2:
            continue
        for word in (words[-1], *(words[-2:-1] if len(words) >= 3 else ())):
            if len(word) >= 4 and word[:1].isupper() and surnames.setdefault(word, m).key != m.key:
                shared.add(word)
    surnames = {w: m for w, m in surnames.items() if w not in shared}
    added = []
    for token in doc:
        person = surnames.get(token.text)
        if person is not None and token.i not in covered and token.i >= person.end:
            added.append(ActorMention(token.i, token.i + 1, token.idx, token.idx + len(token), token.text,
                                      person.name, "person", person.key, "alias", person.kb_id))
    return sorted([*mentions, *added], key=lambda m: m.start)


def link_short_person_names(mentions: list[ActorMention]) -> list[ActorMention]:
    """ "Ghazi" after "Uthman Ghazi", "Mullah Mansour" after "Mullah Akhtar Mohammad Mansour": the same person."""
    people: list[ActorMention] = []
    result: list[ActorMention] = []
    for m in mentions:
        single_name = m.via == "ner" and m.end - m.start == 1 and m.kind == "organization"
        if (m.kind == "person" or single_name) and m.kb_id is None:
            words = person_name_words(m.text)
            fuller = {p.key: p for p in people if words and len(person_name_words(p.text)) > len(words)
                      and words <= person_name_words(p.text)}
            full = next(iter(fuller.values())) if len(fuller) == 1 else None  # "Guzman" after two Guzmans: neither
            if full is not None:
                m = replace(m, name=full.name, key=full.key, kind="person")
            elif m.kind == "person":
                people.append(m)
        result.append(m)
    return result


def _before_hyphen_participle(doc: Doc, i: int) -> bool:
    """ "Saudi-backed", "Iranian-trained": a demonym joined to a participle stands for its state's acts."""
    return (i + 2 < len(doc) and doc[i + 1].text in ("-", "–") and doc[i + 2].tag_ == "VBN"
            and doc[i + 2].lower_.endswith("ed"))
