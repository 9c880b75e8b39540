"""When a fact held: the date expressions of a document tied to the cues they modify.

A cue takes the date in its own clause ("On Aug. 20, the IJU released ..."), else the nearest in its sentence.
A date's role says what it bounds: "Prior to June 2014, the IJU was based in Mir Ali" ends the basing. A
point date ("In 2009, the IJU established ...") starts a fact that begins at a moment (a pledge, a founding, a
split, a joint raid) but not a state of affairs ("In 2015, the IJU, which is loyal to the Taliban" does not
say the loyalty began in 2015). An event with no date in its sentence takes the date its paragraph narrates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from factionmap.dates import DateExpression
from factionmap.pipeline.cues import cue_words

STORY_LINES = 4  # the headline and the lede paragraphs
ENDING_VERBS = cue_words().ending_verbs
PAST_MARKERS = cue_words().past_markers
NEW_MARKERS = cue_words().new_markers
BEGINNING_VERBS = cue_words().beginning_verbs
"""A dated clause with these verbs dates the start of what it states: "was appointed leader of ISWAP in August
2016", "fighting between the army and Fano broke out in July 2023", "began carrying out attacks in 2017"."""
LEAVING_VERBS = cue_words().leaving_verbs
"""A dated clause with these verbs ends an office: "X, the group's top leader, was killed in June 2015"."""


@dataclass(frozen=True, slots=True)
class Timing:
    """Start and end of a fact (partial dates), and whether the text says it is over ("previously allied")."""

    start: str | None = None
    end: str | None = None
    ended: bool = False
    recent: bool = False


class DocumentDates:
    """The date expressions of one document, looked up by position."""

    def __init__(self, expressions: Sequence[DateExpression], text: str) -> None:
        self.expressions = [e for e in expressions if e.value]
        self.starts = [e.start for e in self.expressions]
        self.text = text
        self.busy: list[tuple[int, int]] = []  # sentences whose dates belong to their own cues

    def reserve(self, start: int, end: int) -> None:
        """Mark a sentence whose dates date its own facts: they are not lent to neighbouring sentences."""
        self.busy.append((start, end))

    def _lendable(self, e: DateExpression) -> bool:
        return e.role == "point" and not any(a <= e.start < b for a, b in self.busy)

    def within(self, start: int, end: int) -> list[DateExpression]:
        """Expressions inside a character range."""
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.expressions) and self.expressions[i].start < end:
            out.append(self.expressions[i])
            i += 1
        return out

    def paragraph_date(self, sentence: Span) -> str | None:
        """The narrated date of a sentence's paragraph: the last point date before it, else the first after."""
        para_start = self.text.rfind("\n", 0, sentence.start_char) + 1
        para_end = self.text.find("\n", sentence.end_char)
        para_end = len(self.text) if para_end < 0 else para_end
        before = [e for e in self.within(para_start, sentence.start_char) if self._lendable(e)]
        if before:
            return before[-1].value
        after = [e for e in self.within(sentence.end_char, para_end) if self._lendable(e)]
        if after:
            return after[0].value
        return self.story_date(sentence.start_char)

    def story_date(self, position: int) -> str | None:
        """The date the lede gives the story ("The video, which is dated for Oct. 2017"), for undated events
        told in the opening paragraphs; later paragraphs are background and get none."""
        lines = [m for m in re.finditer(r"[^\n]*\S[^\n]*", self.text)][:STORY_LINES]
        if not lines or position >= lines[-1].end():
            return None
        points = [e for e in self.within(0, lines[-1].end()) if self._lendable(e)]
        return points[0].value if points else None


def cue_timing(trigger: Token, dates: DocumentDates, onset: bool, office: bool = False) -> Timing:
    """Start/end of the fact a cue states, from the date expressions of its sentence. ``office``: the fact is a
    leadership or a membership, which a death, an ousting or a resignation ends."""
    sent = trigger.sent
    verb = _clause(trigger)
    lemma = verb.lemma_.lower()
    onset = onset or lemma in BEGINNING_VERBS or (
        lemma == "break" and any(c.lower_ == "out" for c in verb.children))
    found = dates.within(sent.start_char, sent.end_char)
    ending = trigger.head.lemma_.lower() in ENDING_VERBS and trigger.dep_ in ("dobj", "nsubjpass")
    ended = ending or _marked(trigger, PAST_MARKERS)
    recent = _marked(trigger, NEW_MARKERS)
    if not found:
        return Timing(ended=ended, recent=recent)
    clause = {t.idx for t in verb.subtree}
    in_clause = [e for e in found if any(e.start <= i < e.end for i in clause)]
    if not in_clause and verb.dep_ in ("relcl", "acl") and verb.pos_ in ("VERB", "AUX"):
        # a relative clause takes no date from the clause around it ("On Aug. 17, the groups that splintered
        # from X announced"), only one the parser hung elsewhere after it ("which killed X ... in April 2011")
        found = [e for e in found if e.start > trigger.idx]
        if not found:
            return Timing(ended=ended, recent=recent)
    candidates = in_clause or found
    best = min(candidates, key=lambda e: abs(e.start - trigger.idx))
    if best.role == "point" and _inside_until(sent, best, verb):
        best = replace(best, role="end")  # "Until the withdrawal in December 2011, AAH attacked"
    if best.role == "end" and in_clause and _under_before(trigger):
        best = replace(best, role="point")  # "split in 2014 before rejoining it in 2020": 2020 is the rejoining
    if best.role == "end" or ending:  # "cut its ties with al Qaeda in 2016": the ties end in 2016
        return Timing(end=best.value, ended=True, recent=recent)
    if office and lemma in LEAVING_VERBS and in_clause:
        return Timing(end=best.value, ended=True, recent=recent)
    if best.role == "start" or onset:
        return Timing(start=best.value, ended=ended, recent=recent)
    return Timing(ended=ended, recent=recent)


def _inside_until(sent: Span, date: DateExpression, verb: Token) -> bool:
    """The date sits in an "until"/"till" phrase of the clause: "Until the U.S. withdrawal in December 2011"."""
    token = next((t for t in sent if t.idx <= date.start < t.idx + len(t.text) + 1), None)
    while token is not None and token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in ("until", "till") and token.head.i == verb.i:
            return True
        token = token.head
    return False


def _under_before(trigger: Token) -> bool:
    """The cue's own clause is the object of "before"/"prior to"/"until"."""
    verb = _clause(trigger)
    return verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ in ("before", "to", "until", "till")


def _clause(token: Token) -> Token:
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _marked(trigger: Token, markers: frozenset[str]) -> bool:
    """An adverb or adjective like "previously" on the cue or its clause verb."""
    for node in (trigger, _clause(trigger), trigger.head):
        for child in node.children:
            if child.lower_ in markers and child.dep_ in ("advmod", "amod", "npadvmod"):
                return True
            if child.dep_ == "amod" and any(g.lower_ in markers for g in child.children):
                return True
    return False
