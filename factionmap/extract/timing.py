"""When a fact held: the date expressions of a document tied to the cues they modify.

A cue takes the date in its own clause ("On Aug. 20, the IJU released ..."), else the nearest in its sentence,
never one inside a relative clause that tells of something else ("Al-Masri, with Zarqawi, who was killed in
2006, formed ..."). A date's role says what it bounds: "Prior to June 2014, the IJU was based in Mir Ali" ends
the basing; "between 2007 and 2011" starts and ends. A point date ("In 2009, the IJU established ...") starts a
fact that begins at a moment (a pledge, a founding, a split, a joint raid) but not a state of affairs ("In 2015,
the IJU, which is loyal to the Taliban" does not say the loyalty began in 2015). A relation told inside the
subject of a clause ("its commander X created his own outfit in 2017", "breakaway group MUJAO decided in August
to unite") is not dated by what the clause says the subject did, except that a death or an ousting ends an
office ("X, the group's leader, was killed in June 2015"; "after the killing of his predecessor Y"). A fact
reported by "the statement" takes the date of the statement the text dated before ("A statement issued on 28
January ..."); an act a report gives in the present perfect with no date ("Zawahiri announced that al-Shabaab
has joined al-Qaeda") is news of the report's month. An event with no date in its sentence takes the date its
paragraph narrates. The words live in the cue lexicon (``factionmap/data/cues.json``, ``words``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from factionmap.dates.expressions import DateExpression
from factionmap.extract.arguments import clause_verb
from factionmap.extract.cues import CueWords, cue_words
from factionmap.extract.incidents import load_incident_lexicon
from factionmap.extract.status import REPORTING_VERBS

STORY_LINES = 4  # the headline and the lede paragraphs
PROSE_WORDS, STORY_SCAN = 8, 5000  # a paragraph has words enough; the opening lies within the first characters
SUBJECT_DEPS = ("nsubj", "nsubjpass")
DEFINITE = frozenset({"the", "this", "that"})
NOUN_PHRASE_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "npadvmod", "pobj", "prep", "appos"})
RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Timing:
    """Start and end of a fact (partial dates), whether the text says it is over ("previously allied") and
    whether it is news of the report's own days ("its new leader", "X has joined Y" with no date)."""

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
        told in the opening paragraphs; later paragraphs are background and get none. The short lines between
        the headline and the lede (a date line, a byline, a picture's file name and caption) are no paragraphs."""
        lines = _opening_lines(self.text)
        if not lines or position >= lines[-1].end():
            return None
        points = [e for e in self.within(0, lines[-1].end()) if self._lendable(e)]
        return points[0].value if points else None

    def phrase_dates(self, head: Token) -> list[DateExpression]:
        """The expressions inside a phrase (its head's subtree)."""
        chars = {t.idx for t in head.subtree}
        return [e for e in self.within(head.sent.start_char, head.sent.end_char)
                if any(e.start <= i < e.end for i in chars)]


def _opening_lines(text: str) -> list[re.Match[str]]:
    """The headline and the lede paragraphs: the first line, then the next lines of prose."""
    lines = list(re.finditer(r"[^\n]*\S[^\n]*", text[:STORY_SCAN]))
    prose = [m for m in lines[1:] if len(m.group().split()) >= PROSE_WORDS]
    return (lines[:1] + prose)[:STORY_LINES]


def cue_timing(trigger: Token, dates: DocumentDates, onset: bool, office: bool = False) -> Timing:
    """Start/end of the fact a cue states, from the date expressions of its sentence. ``office``: the fact is a
    leadership or a membership, which a death, an ousting or a resignation ends."""
    words = cue_words()
    verb = _clause(trigger)
    path = _path(trigger, verb)
    ending = trigger.head.lemma_.lower() in words.ending_verbs and trigger.dep_ in ("dobj", "nsubjpass")
    ended = ending or _marked(trigger, words.past_markers)
    recent = _marked(trigger, words.new_markers)
    begun = _begun(trigger, dates, words)
    if begun is not None:  # "the air war launched by Turkey against the Islamic State the day before"
        return Timing(start=begun, ended=ended, recent=recent)
    leaving = office and verb.lemma_.lower() in words.leaving_words
    if office and (end := leaving_end(trigger, dates)) is not None:
        return Timing(end=end, ended=True, recent=recent)
    subject = None if leaving else _holding_subject(trigger, path)
    onset = onset or (subject is None and _beginning(verb, words.office_beginning_verbs if office
                                                      else words.beginning_verbs))
    found = [e for e in dates.within(trigger.sent.start_char, trigger.sent.end_char)
             if not _in_other_relative_clause(e, trigger) and not _dates_other_incident(e, trigger)]
    if subject is not None:  # "its commander X created his own outfit in 2017": the date is the outfit's
        found = [e for e in found if e in dates.phrase_dates(subject)]
    coordinated = _coordinated_dates(trigger, verb, found) if office else None
    if coordinated and coordinated[0].lemma_.lower() in words.departing_verbs | words.leaving_words:
        return Timing(end=coordinated[1].value, ended=True, recent=recent)  # "became X's commander but left in 2016"
    if coordinated:  # "became its commander and led the 2014 offensive": the office's start is not told
        found = [e for e in found if e is not coordinated[1]]
    if not found:
        told = _reported_date(trigger, dates, words) if onset and subject is None else None
        news = onset and trigger.i == verb.i and told is None and _present_perfect(verb) and _announced(verb)
        return Timing(start=told, ended=ended, recent=recent or news)
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
    span = _range(best, candidates, dates.text)
    if span is not None:  # "led the group between 2006 and 2010": both ends
        return Timing(start=span[0], end=span[1], ended=True, recent=recent)
    if best.role == "point" and _inside_until(trigger.sent, best, verb):
        best = replace(best, role="end")  # "Until the withdrawal in December 2011, AAH attacked"
    if best.role == "end" and in_clause and _under_before(verb):
        best = replace(best, role="point")  # "split in 2014 before rejoining it in 2020": 2020 is the rejoining
    if best.role == "end" or ending:  # "cut its ties with al Qaeda in 2016": the ties end in 2016
        return Timing(end=best.value, ended=True, recent=recent)
    if leaving and in_clause:
        return Timing(end=best.value, ended=True, recent=recent)
    if best.role == "start" or onset:
        return Timing(start=best.value, ended=ended, recent=recent)
    return Timing(ended=ended, recent=recent)


def _coordinated_dates(trigger: Token, verb: Token, found: list[DateExpression]) -> tuple[Token, DateExpression] | None:
    """A date in a clause coordinated after an office's own ("became its commander but left the group in 2016"):
    it dates that clause's act, told by the verb returned with it."""
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > trigger.i):
        span = {t.idx for t in conj.subtree}
        inside = [e for e in found if e.start in span]
        if inside:
            return conj, inside[0]
    return None


def _range(best: DateExpression, candidates: list[DateExpression], text: str) -> tuple[str, str] | None:
    """The start and end of the range a date is one end of ("between 2007 and 2011", "from 2014 to 2017")."""
    i = candidates.index(best)
    pair = candidates[i:i + 2] if best.role == "start" else candidates[max(0, i - 1):i + 1]
    if len(pair) < 2 or (pair[0].role, pair[1].role) != ("start", "end"):
        return None
    first, last = pair[0], pair[1]
    if not RANGE_GAP.fullmatch(text[first.end:last.start]) or first.value is None or last.value is None:
        return None
    return first.value, last.value


def _begun(trigger: Token, dates: DocumentDates, words: CueWords) -> str | None:
    """The date of a clause on the cue noun that starts it: "the war launched against X in 2014", "the alliance,
    which was formed in 2013"."""
    if trigger.pos_ != "NOUN":
        return None
    for clause in trigger.children:
        if clause.dep_ in ("acl", "relcl") and _beginning(clause, words.beginning_verbs):
            points = [e for e in [*dates.phrase_dates(clause), *_trailing(clause, dates)]
                      if e.role in ("point", "start")]
            if points:
                return points[0].value
    return None


def _trailing(clause: Token, dates: DocumentDates) -> list[DateExpression]:
    """A date right after a clause, which the parser hung higher up: "launched against X in Syria the day
    before." reads "launched the day before"."""
    last = max(t.idx + len(t.text) for t in clause.subtree)
    following = dates.within(last, clause.sent.end_char)
    return following[:1] if following and not dates.text[last:following[0].start].strip() else []


def _present_perfect(verb: Token) -> bool:
    """ "has joined", "have merged": news of the days before the report, which gives the act no other date."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve")
                                      for c in verb.children)


def _announced(verb: Token) -> bool:
    """The clause is what a report or an announcement says ("Zawahiri announced that al-Shabaab has joined
    al-Qaeda"), not the writer's account of a standing fact ("X, the TTP's emir, has pledged allegiance to Y")."""
    if any(c.lemma_.lower() in REPORTING_VERBS and _reporting_tail(c) for c in verb.children):
        return True  # "Al-Shabaab has joined al-Qaeda, Zawahiri announced"
    node = verb
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl") and node.head.lemma_.lower() in REPORTING_VERBS:
            return True
        node = node.head
    return False


def _reporting_tail(report: Token) -> bool:
    """A report verb after the clause it reports: ", Zawahiri announced" (the parser may call it a conjunct)."""
    if report.dep_ in ("ccomp", "parataxis"):
        return True
    deps = {c.dep_ for c in report.children}
    return report.dep_ == "conj" and "nsubj" in deps and not deps & {"dobj", "ccomp"}


def _clause(token: Token) -> Token:
    """The verb whose clause holds the cue. A gerund that is a subject is a noun ("Fighting between the army
    and Fano broke out in July 2023" is dated by "broke out"), and a participle that is a preposition belongs to
    the clause it hangs on ("outlawed in 2013 following the ousting of X")."""
    verb = clause_verb(token)
    for _ in range(3):
        nominal = verb.tag_ == "VBG" and verb.dep_ in SUBJECT_DEPS
        if not (nominal or verb.dep_ == "prep") or verb.head.i == verb.i:
            break
        verb = clause_verb(verb.head)
    return verb


def _path(trigger: Token, verb: Token) -> list[Token]:
    """The tokens from the cue up to its clause verb, both included."""
    path = [trigger]
    while path[-1].i != verb.i and path[-1].head.i != path[-1].i and len(path) < 12:
        path.append(path[-1].head)
    return path


def _beginning(verb: Token, lemmas: frozenset[str]) -> bool:
    """The clause verb starts what it states ("appointed", "broke out")."""
    lemma = verb.lemma_.lower()
    return lemma in lemmas or (lemma == "break" and any(c.lower_ == "out" for c in verb.children))


def leaving_end(holder: Token, dates: DocumentDates) -> str | None:
    """The end of an office that a noun over its holder ends: the noun's own date ("the ousting of X in 2011"),
    else the year of the clause around it ("outlawed in 2013 following the ousting of X, Egypt's president";
    "took charge in 2018 after the killing of his predecessor Y"): the leaving came no later than that act."""
    verb = _clause(holder)
    noun = _leaving_noun(_path(holder, verb), cue_words())
    if noun is None:
        return None
    own = [e for e in dates.phrase_dates(noun) if e.role == "point"]
    if own:
        return own[0].value
    around = [e for e in dates.phrase_dates(verb) if e.role == "point" and not _in_other_relative_clause(e, holder)]
    nearest = min(around, key=lambda e: abs(e.start - noun.idx)).value if around else None
    return nearest[:4] if nearest else None


def _leaving_noun(path: list[Token], words: CueWords) -> Token | None:
    """A noun of leaving over the holder, below the clause verb: "the ousting of X", "the death of its leader
    X", "X's death"; not over a thing of the holder's ("the ousting of Abbas's forces")."""
    for k in range(1, len(path) - 1):
        node, below = path[k], path[k - 1]
        if node.pos_ == "NOUN" and node.lemma_.lower() in words.leaving_words:
            named = below.dep_ == "poss" or (below.dep_ == "prep" and below.lower_ == "of")
            chain = path[:k - 1] if below.dep_ == "prep" else path[:k]
            held = all(t.dep_ in ("appos", "pobj", "compound") for t in chain[:-1]) if chain else True
            return node if named and held else None
    return None


def _holding_subject(trigger: Token, path: list[Token]) -> Token | None:
    """The subject of the clause when the cue sits inside it, below its head ("its commander X", "fellow
    breakaway group MUJAO", "the Brotherhood Alliance of A, B and C"): what the clause says dates the subject's
    act, not the relation. A cue that is itself the subject ("Fighting between A and B broke out") is dated."""
    if len(path) < 3 or trigger.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    top = path[-2]
    return top if top.dep_ in SUBJECT_DEPS else None


def _in_other_relative_clause(date: DateExpression, trigger: Token) -> bool:
    """The date sits in a relative clause that tells of something else: one on a participant of the cue's
    verb ("Al-Masri, with Zarqawi, who was killed in 2006, formed ..."). One inside a cue noun's own phrase
    may tell of the noun ("fighting with X that has been ravaging the state since September"), and one that
    bounds the sentence keeps its role ("Prior to the offensive that began in June 2014, X was based in Y"). A
    date after a comma at the end of a relative clause that ends the sentence may be the parser's misreading of
    the main clause's own ("kidnapped by a group, two of whom wore uniforms, in Lima on 4 October"): it stays."""
    node = _token_at(trigger.sent, date.start)
    while node is not None and node.head.i != node.i:
        if date.role != "end" and node.dep_ == "relcl" and not (node.i == trigger.i or node.is_ancestor(trigger)):
            closed = node.right_edge.i < trigger.i  # a clause the sentence goes on after, not a trailing one
            inside = "," not in trigger.doc.text[node.idx:date.start]  # a comma after its verb may close it
            return (closed or inside) and (trigger.pos_ in ("VERB", "AUX") or not trigger.is_ancestor(node))
        node = node.head
    return False


def _dates_other_incident(date: DateExpression, trigger: Token) -> bool:
    """The date sits in the phrase of an incident noun while the cue tells of something else: "designated TRF
    over the Apr 22 attack", "sanctioned the group after the bombing on 3 May" date the attack and the bombing,
    not the designation. (An incident's cue keeps it: "killed in an attack on 3 May" is one act.)"""
    words = _incident_words()
    if trigger.lemma_.lower() in words:
        return False
    node = _token_at(trigger.sent, date.start)
    for _ in range(4):
        if node is None or node.head.i == node.i or node.i == trigger.i or node.dep_ not in NOUN_PHRASE_DEPS:
            return False
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in words:
            return node.i != trigger.i and not _recalled(node)
    return False


def _recalled(incident: Token) -> bool:
    """ "the anniversary of the 11 September attacks": the incident's date names the day that recalls it."""
    holder = incident.head.head if incident.dep_ == "pobj" and incident.head.lower_ == "of" else None
    return holder is not None and holder.lemma_.lower() in cue_words().commemoration_nouns


@cache
def _incident_words() -> frozenset[str]:
    """The lemmas that tell of an incident (the incident lexicon's verbs and nouns)."""
    lexicon = load_incident_lexicon()
    return frozenset(lexicon.nouns) | frozenset(lexicon.verbs)


def _token_at(sent: Span, position: int) -> Token | None:
    return next((t for t in sent if t.idx <= position < t.idx + len(t.text) + 1), None)


def _reported_date(trigger: Token, dates: DocumentDates, words: CueWords) -> str | None:
    """The date of the statement that reports the fact, when the sentence names it as one the text told of
    before: "The statement announcing the creation of X said A had joined forces with B" after "A statement
    issued on 28 January announced ..."; the latest earlier mention of the noun must carry the date."""
    for noun in trigger.sent:
        if not _definite_report(noun, trigger, words):
            continue
        lemma = noun.lemma_.lower()
        earlier = next((t for t in reversed(trigger.doc[:trigger.sent.start]) if t.lemma_.lower() == lemma
                        and t.pos_ == "NOUN"), None)
        points = [e for e in dates.phrase_dates(earlier) if e.role == "point"] if earlier is not None else []
        return points[0].value if points else None
    return None


def _definite_report(noun: Token, trigger: Token, words: CueWords) -> bool:
    """ "the statement" (or "this video") whose clause reports the cue's clause."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in words.communication_nouns:
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return False
    verb = clause_verb(noun)
    return verb.i != trigger.i and verb.is_ancestor(trigger)


def _inside_until(sent: Span, date: DateExpression, verb: Token) -> bool:
    """The date sits in an "until"/"till" phrase of the clause: "Until the U.S. withdrawal in December 2011"."""
    token = _token_at(sent, date.start)
    while token is not None and token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in ("until", "till") and token.head.i == verb.i:
            return True
        token = token.head
    return False


def _under_before(verb: Token) -> bool:
    """The cue's own clause is the object of "before"/"prior to"/"until"."""
    return verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ in ("before", "to", "until", "till")


def _marked(trigger: Token, markers: frozenset[str]) -> bool:
    """An adverb or adjective like "previously" on the cue or its clause verb."""
    for node in (trigger, clause_verb(trigger), trigger.head):
        for child in node.children:
            if child.lower_ in markers and child.dep_ in ("advmod", "amod", "npadvmod"):
                return True
            if child.dep_ == "amod" and any(g.lower_ in markers for g in child.children):
                return True
    return False
