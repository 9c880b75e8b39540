"""Offices named by a title: "President Museveni", "then-Prime Minister Erdogan", "X, the group's emir".

A title before or after a person's name says that the person holds an office, but often not of what: the
writer leaves the state or group to the reader's knowledge. The office book (:mod:`factionmap.lookup.offices`) is that
knowledge. Where a title with no owner in the text ("President X", not "Uganda's President X" nor "the
president of Uganda, X", which the constructions read) stands beside a person whom the book knows in that office
on the article's date, the person leads the state or group (``leader_of``), or is a member of it for a minister
(``member_of``). A past marker ("former", "then-", "the late") asks only that the office was held before the
article's date. A group must be named somewhere in the document; a state need not be, in a dated article
("President Duterte" in a text that writes only "Philippine law": the title stands for the state). The evidence
is the sentence of the title, its status asserted (a title in the writer's voice is no claim), and it is dated
only by what the sentence says, never by the publication day.

The book also vets the other findings: a head of state or government it knows is not the leader of a state he
never led ("according to Iraqi Prime Minister Nouri Malaki and US officials" makes him no leader of the US).

The words live in ``data/office_titles.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError
from spacy.tokens import Doc, Token

from factionmap.errors import KnowledgeBaseError
from factionmap.extract.arguments import clause_verb
from factionmap.extract.assemble import sentence_evidence
from factionmap.extract.names import PERSON_TITLES
from factionmap.extract.timing import DocumentDates, cue_timing, leaving_end
from factionmap.lookup.kb import KnowledgeBase
from factionmap.lookup.offices import held_at, held_before
from factionmap.records import ActorMention, Office, Relation
from factionmap.vocabulary import OFFICE_RELATIONS, RelationType

TITLES_FILE = "office_titles.json"
OWNER_MARKS = frozenset({"'s", "\u2019s", "'", "\u2019"})
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
MODIFIER_REACH = 4  # words between a determiner and the title: "the country's current interim president"
CONFIDENCE = 0.85
SURNAME_CONFIDENCE = 0.8  # "President Abbas": the title and the date single out the holder of a bare surname


class TitleModel(BaseModel):
    """The words of one kind of title and the offices they may name."""

    model_config = ConfigDict(extra="forbid")
    words: list[str]
    offices: list[str]
    past: bool = False  # the title names a past holder: "his predecessor X"


class TitleFile(BaseModel):
    """``office_titles.json``, validated on load."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    comment: str = ""
    offices: dict[str, RelationType]
    titles: list[TitleModel]
    past_markers: list[str]
    past_heads: list[str] = []
    onset_verbs: dict[str, list[str]] = {}


class TitleLexicon:
    """Title phrases (as lower-case word tuples) with the offices they name, and the relation of each office."""

    def __init__(self, data: TitleFile) -> None:
        self.relations: dict[str, RelationType] = dict(data.offices)
        self.phrases: dict[tuple[str, ...], frozenset[str]] = {}
        self.past_phrases: set[tuple[str, ...]] = set()
        for title in data.titles:
            for words in title.words:
                key = tuple(words.lower().split())
                self.phrases[key] = self.phrases.get(key, frozenset()) | frozenset(title.offices)
                if title.past:
                    self.past_phrases.add(key)
        self.longest = max((len(k) for k in self.phrases), default=0)
        self.past_markers = frozenset(w.lower() for w in data.past_markers)
        self.past_heads = frozenset(w.lower() for w in data.past_heads)
        self.onset_verbs = {verb: frozenset(words) for verb, words in data.onset_verbs.items()}

    def takes_office(self, verb: Token) -> bool:
        """ "came to power", "took office", "was sworn in": the verb, and one of its words in its phrase."""
        words = self.onset_verbs.get(verb.lemma_.lower())
        return words is not None and (not words or any(t.lemma_.lower() in words for t in verb.subtree))

    def match_ending(self, doc: Doc, end: int, floor: int) -> tuple[int, frozenset[str]] | None:
        """The longest title phrase ending at token ``end`` and starting at or after ``floor``: (start, offices)."""
        for length in range(min(self.longest, end - floor + 1), 0, -1):
            offices = self.phrases.get(tuple(t.lower_ for t in doc[end - length + 1:end + 1]))
            if offices:
                return end - length + 1, offices
        return None

    def names_past(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the title phrase ``doc[start:end]`` names a past holder ("predecessor")."""
        return tuple(t.lower_ for t in doc[start:end]) in self.past_phrases

    def match_starting(self, doc: Doc, start: int, ceiling: int) -> tuple[int, frozenset[str]] | None:
        """The longest title phrase starting at token ``start`` and ending before ``ceiling``: (end, offices)."""
        for length in range(min(self.longest, ceiling - start), 0, -1):
            offices = self.phrases.get(tuple(t.lower_ for t in doc[start:start + length]))
            if offices:
                return start + length, offices
        return None


def load_titles(path: Path | None = None) -> TitleLexicon:
    """Read and validate the title lexicon (the bundled one unless ``path`` is given)."""
    if path is None:
        text = resources.files("factionmap").joinpath("data", TITLES_FILE).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    try:
        raw = json.loads(text)
        data = TitleFile.model_validate({("comment" if k == "_comment" else k): v for k, v in raw.items()})
    except (json.JSONDecodeError, ValidationError) as e:
        raise KnowledgeBaseError(f"{path or TITLES_FILE}: {e}") from e
    unknown = {o for t in data.titles for o in t.offices} - set(data.offices)
    bad = {r for r in data.offices.values()} - OFFICE_RELATIONS
    if unknown or bad:
        raise KnowledgeBaseError(f"{path or TITLES_FILE}: unknown offices {sorted(unknown)} or relations {sorted(bad)}")
    return TitleLexicon(data)


@dataclass(frozen=True, slots=True)
class TitleUse:
    """A title the text gives a person: the title's tokens, the offices it may name, and whether it is past."""

    person: ActorMention
    start: int
    end: int
    offices: frozenset[str]
    past: bool
    ending: int | None = None  # the noun that ends the holding: "the ousting of dictator X"


class OfficeTitleFinder:
    """Relations from titles the office book explains, and the book's veto on leaders of the wrong state."""

    def __init__(self, kb: KnowledgeBase, titles: TitleLexicon) -> None:
        self.kb = kb
        self.titles = titles

    def __call__(self, doc: Doc, mentions: Sequence[ActorMention], relations: Sequence[Relation],
                  dates: DocumentDates, published: str | None) -> tuple[list[Relation], list[ActorMention]]:
        """The document's relations, vetted, with those its titles state added; and the mentions of the states
        those titles stand for where the text does not name them ("President Duterte" in a text that writes only
        "Philippine law"): the title is the mention."""
        kept = self.vet(mentions, relations)
        present = {m.kb_id for m in mentions if m.kb_id and m.kind != "person"}
        stated = {(r.subject, r.type, r.object, r.evidence.start) for r in kept}
        added: list[Relation] = []
        states: list[ActorMention] = []
        for use in self.title_uses(doc, mentions):
            relation = self._relation(doc, use, present, dates, published)
            if relation is None or (relation.subject, relation.type, relation.object,
                                    relation.evidence.start) in stated:
                continue
            stated.add((relation.subject, relation.type, relation.object, relation.evidence.start))
            added.append(relation)
            if relation.object[3:] not in present:
                states.append(self._title_mention(doc, use, relation.object[3:]))
        return sorted([*kept, *added], key=lambda r: (r.evidence.start, r.type, r.subject, r.object)), states

    def _title_mention(self, doc: Doc, use: TitleUse, state_id: str) -> ActorMention:
        """The title as a reference to the state it is an office of (never an alias of the state)."""
        entry = self.kb.get(state_id)
        span = doc[use.start:use.end]
        return ActorMention(use.start, use.end, span.start_char, span.end_char, span.text,
                            entry.name if entry else state_id, "state", f"kb:{state_id}", "coref", state_id)

    def vet(self, mentions: Sequence[ActorMention], relations: Sequence[Relation]) -> list[Relation]:
        """Drop a person's leadership of a state when the book knows him as the head of another state only."""
        names: dict[str, list[str]] = {}
        for m in mentions:
            if m.kind == "person" and m.via != "coref":
                names.setdefault(m.key, []).extend((m.text, m.name))
        return [r for r in relations if not self._contradicted(r, names.get(r.subject, []))]

    def _contradicted(self, relation: Relation, names: Iterable[str]) -> bool:
        if relation.type != "leader_of" or not relation.object.startswith("kb:S:"):
            return False
        held = {o.actor for name in names for o in self.kb.offices(name)
                if self.titles.relations.get(o.office) == "leader_of"}
        return any(a.startswith("S:") for a in held) and relation.object[3:] not in held

    def title_uses(self, doc: Doc, mentions: Sequence[ActorMention]) -> list[TitleUse]:
        """The titles standing before or after a person's name with no owner named in their phrase."""
        index = {i: m for m in mentions for i in range(m.start, m.end)}
        uses = []
        for m in mentions:
            if m.kind == "person" and m.via != "coref":
                use = self._title_before(doc, m, index) or self._title_after(doc, m, index)
                if use is not None:
                    uses.append(use)
        return uses

    def _title_before(self, doc: Doc, person: ActorMention, index: dict[int, ActorMention]) -> TitleUse | None:
        """ "President X", "Gen. X" after a title, "the current supreme leader, X"."""
        sent_start = doc[person.start].sent.start
        end = person.start - 1
        while end >= sent_start and doc[end].lower_ in PERSON_TITLES and \
                self.titles.match_ending(doc, end, sent_start) is None:
            end -= 1  # a rank between the title and the name: "army chief, Gen. X"
        late = end
        while late >= sent_start and doc[late].lower_ in self.titles.past_markers:
            late -= 1  # "his predecessor, the late X"
        if late < end and late >= sent_start and doc[late].lower_ in DETERMINERS:
            late -= 1
        if late < end and late >= sent_start and doc[late].text == ",":
            end = late
        if end >= sent_start and doc[end].text == ",":
            end -= 1
        if end < sent_start or index.get(end) is not None:
            return None
        found = self.titles.match_ending(doc, end, sent_start)
        if found is None:
            return None
        start, offices = found
        past, owned, ending = self._left_context(doc, start, sent_start, index)
        past = past or late < person.start - 1 or self.titles.names_past(doc, start, end + 1)
        return None if owned else TitleUse(person, start, end + 1, offices, past, ending)

    def _title_after(self, doc: Doc, person: ActorMention, index: dict[int, ActorMention]) -> TitleUse | None:
        """ "X, the group's emir,", "X, the former president,": a title in apposition after the name."""
        sent_end = doc[person.start].sent.end
        i = person.end
        if i >= sent_end or doc[i].text != ",":
            return None
        past, owned, j = False, False, i + 1
        while j < sent_end and j - i <= MODIFIER_REACH + 2 and self.titles.match_starting(doc, j, sent_end) is None:
            token = doc[j]
            owned = owned or _owner_at(doc, j, index)
            past = past or token.lower_ in self.titles.past_markers
            if not (token.lower_ in DETERMINERS or token.text in OWNER_MARKS or token.pos_ in ("ADJ", "ADV", "NOUN",
                                                                                              "PROPN", "PUNCT")):
                return None
            j += 1
        found = self.titles.match_starting(doc, j, sent_end)
        if found is None or owned or j == i + 1:
            return None
        end, offices = found
        if end < sent_end and doc[end].lower_ in ("of", "for", "in", "at"):
            return None  # "X, the leader of Y": the text names the owner; the constructions read it
        return TitleUse(person, j, end, offices, past or self.titles.names_past(doc, j, end))

    def _left_context(self, doc: Doc, start: int, floor: int,
                      index: dict[int, ActorMention]) -> tuple[bool, bool, int | None]:
        """Whether the words before a title mark it past ("former", "then-"), whether they name its owner
        ("Uganda's President", "Iraqi Prime Minister", "Hamas leader"; not "Saudi-backed President"), and the noun
        that ends the holding, if the title is its "of" phrase ("the ousting of dictator X", "the fall of President
        X")."""
        past = owned = False
        i = start - 1
        while i >= floor and start - i <= MODIFIER_REACH + 1:
            token = doc[i]
            if token.lower_ in DETERMINERS or (token.is_punct and token.text not in ("-", "\u2011")):
                break
            past = past or token.lower_ in self.titles.past_markers
            owned = owned or _owner_at(doc, i, index)
            if token.pos_ in ("VERB", "AUX", "ADP", "CCONJ") and token.text not in OWNER_MARKS:
                if token.lower_ == "of" and i > floor and doc[i - 1].lower_ in self.titles.past_heads:
                    return True, owned, i - 1
                break
            i -= 1
        return past, owned, None

    def _relation(self, doc: Doc, use: TitleUse, present: set[str], dates: DocumentDates,
                  published: str | None) -> Relation | None:
        holdings, confidence = self._holdings(use.person)
        start, end = self._dates(doc, use, dates)
        past = use.past or end is not None  # "President X was ousted in 2011": over, whatever the article's date
        fitting = [o for o in holdings if o.office in use.offices and _in_time(o, published, past)]
        named = [o for o in fitting if o.actor in present]
        # a state the text leaves unnamed is the title's own, when the full name and the date single out the holding
        fitting = named or ([o for o in fitting if o.actor.startswith("S:")]
                            if published and confidence == CONFIDENCE else [])
        kinds = {(o.actor, self.titles.relations[o.office]) for o in fitting}
        if len(kinds) != 1:
            return None
        actor, rtype = next(iter(kinds))
        return Relation(use.person.key, rtype, f"kb:{actor}", sentence_evidence(doc[use.start].sent), start, end,
                        "asserted", None, confidence)

    def _dates(self, doc: Doc, use: TitleUse, dates: DocumentDates) -> tuple[str | None, str | None]:
        """The holding's end when the noun that ends it is dated ("the ousting of dictator X in 2011"), else the
        dates of the person's own clause."""
        if use.ending is not None:
            head = doc[use.ending]
            own = _dates_in(head, dates, skip=range(use.start, use.person.end))
            return None, own[0] if own else None
        person = doc[use.person.start:use.person.end].root
        end = leaving_end(person, dates)
        if end is not None:
            return None, end
        return _clause_dates(person, dates, self.titles.takes_office(clause_verb(person)))

    def _holdings(self, person: ActorMention) -> tuple[tuple[Office, ...], float]:
        """The holdings of the person named: by full name or alias, else (a name of one word) by surname."""
        for name in (person.text, person.name, _without_honorifics(person.text)):
            found = self.kb.offices(name)
            if found:
                return found, CONFIDENCE
        book = self.kb.office_book
        if book is None or len(_without_honorifics(person.text).split()) > 1:
            return (), 0.0  # "Joaquin 'El Chapo' Guzman" is not Daniel Chapo: a full name must match in full
        return book.by_surname(person.text), SURNAME_CONFIDENCE


def _in_time(office: Office, published: str | None, past: bool) -> bool:
    """Held on the article's date, or (a past title) before it; any holding when the article has no date."""
    if published is None:
        return True
    return held_before(office, published) if past else held_at(office, published)


def _clause_dates(person: Token, dates: DocumentDates, onset: bool) -> tuple[str | None, str | None]:
    """Start and end of the holding as the clause the person is the subject of dates it ("President X came to
    power in 2013", with ``onset``; "President X was ousted in 2011"), never from another clause of the sentence,
    nor from the publication day."""
    clause = clause_verb(person)
    if person.dep_ not in ("nsubj", "nsubjpass") or person.head.i != clause.i:
        return None, None  # "X took charge after the killing of his predecessor Y": Y's clause is not Y's
    timing = cue_timing(person, dates, onset=onset, office=True)
    if timing.start is None and timing.end is None:
        return None, None
    own = set(_dates_in(clause, dates))
    return (timing.start if timing.start in own else None), (timing.end if timing.end in own else None)


def _dates_in(head: Token, dates: DocumentDates, skip: range = range(0)) -> list[str]:
    """The values of the date expressions inside a phrase (its head's subtree), leaving out some tokens."""
    chars = {t.idx for t in head.subtree if t.i not in skip}
    found = dates.within(head.sent.start_char, head.sent.end_char)
    return [e.value for e in found if e.value and any(e.start <= i < e.end for i in chars)]


def _owner_at(doc: Doc, i: int, index: dict[int, ActorMention]) -> bool:
    """A state or group named at token ``i`` that owns what follows (not "Saudi" in "Saudi-backed")."""
    mention = index.get(i)
    if mention is None or mention.kind == "person":
        return False
    after = mention.end
    return not (after < len(doc) and doc[after].text in ("-", "\u2011"))


def _without_honorifics(text: str) -> str:
    """ "Ayatollah Ali Khamenei" -> "Ali Khamenei", "Gen. Abdel Fattah al-Burhan" -> "Abdel Fattah al-Burhan"."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in PERSON_TITLES:
        words = words[1:]
    return " ".join(words)
