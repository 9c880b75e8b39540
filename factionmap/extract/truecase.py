"""Restoring the case of all-capitals wire copy before the parse (issue 12).

Radio and wire services long sent their copy in capitals ("SAN SALVADOR, 3 JAN 90 -- ... KIDNAPPED BY
TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]"). spaCy's tagger and NER, trained on mixed
case, read such text as a run of proper nouns, and no name stands out. ``Truecaser`` rewrites a single-case
text to ordinary case, letter for letter, so that every offset stays valid:

- words of the English lexicon (the model's own lemma tables, stop words, inflections) go to lower case, unless
  the gazetteer knows them as a large place or a country ("Peru", "Bogota"), or they are a state's name or
  demonym ("Salvadoran");
- other words are names and are capitalised ("Gacha", "Usulutan");
- an acronym in brackets, or one the knowledge base spells in capitals, stays in capitals ("[FMLN]"), and the
  words it abbreviates before it are a name ("Manuel Rodriguez Patriotic Front [FPMR]"); an acronym the text
  once gives in brackets stays in capitals wherever the text uses it again ("... (ELN) ... ELN GUERRILLAS");
- an acronym before its expansion in brackets stays in capitals when its letters are the expansion's initials, in
  any order ("MRTA [TUPAC AMARU REVOLUTIONARY MOVEMENT]");
- a quoted phrase that ends in a group word is a name ("THE SELF-STYLED "GERARDO BARRIOS CIVIC FORCE"");
- initials with full stops stay capitals ("U.S.", "U.N."): "u.s." is no word, and "US" no place;
- a Romance article opens the name it stands before ("LA PAZ", "EL ALTO", "LOS ANGELES": "La Paz", "El Alto"),
  as English copy uses these words only in names;
- a group word after a name is part of it ("Farabundo Marti National Liberation Front", "Salvadoran Army");
- sentences start with a capital.

The verb "IS" becomes "is", never the Islamic State.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.strings import get_string_id

from factionmap.dates.datelines import find_dateline_place
from factionmap.dates.patterns import MONTHS, WEEKDAYS
from factionmap.extract.name_lexicon import name_lexicon
from factionmap.extract.names import GROUP_NAME_WORDS, NAME_CONNECTORS, TRAILING_GROUP_WORDS
from factionmap.lookup.folding import normalize_place_name
from factionmap.lookup.gazetteer import NAME_ARTICLES, Gazetteer
from factionmap.lookup.kb import KnowledgeBase

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
SENTENCE_END = re.compile(r"(?:[.!?:]|--|—)[\"'”’)]*\s+$|\n\s*\n\s*$|^\s*$")
TAGS = re.compile(r"(?:^|--|—|\])\s*(?:\[[^\]\n]{1,40}\]\s*)+$")  # "-- [REPORT] [TEXT] THE ARMY": editors' tags
BIG_PLACE = 100_000  # a place at least this populous named by a common noun's spelling is the place
SINGLE_CASE_SHARE = 0.9
MIN_WORDS = 20
ACRONYM_MAX = 7
CASE_CACHE = 200_000  # words whose case is remembered (a long-running server sees ever more spellings)
NAME_REACH = 5  # words back from a group word to the name it closes
NAME_ADJECTIVES = name_lexicon().name_adjectives
"""Words that stand between a name and its group word ("... National Liberation Front"): the only ones a group
word's name reaches back over, so that "... heavy clashes between army" stays lower case."""
SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
            ("ing", "e"), ("ly", ""), ("er", ""), ("est", ""), ("'s", ""), ("’s", ""))


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    lower: str


def is_single_case(text: str) -> bool:
    """Whether nearly all words of a text are in capitals (or all in lower case)."""
    words = [w for w in WORD.findall(text) if len(w) > 1]
    if len(words) < MIN_WORDS:
        return False
    upper = sum(w.isupper() for w in words)
    lower = sum(w.islower() for w in words)
    return bool(max(upper, lower) > SINGLE_CASE_SHARE * len(words))


class Truecaser:
    """Recases single-case text from the model's lexicon, the gazetteer and the knowledge base."""

    def __init__(self, common: frozenset[str], nouns: frozenset[str], proper: frozenset[str],
                 acronyms: frozenset[str], gazetteer: Gazetteer | None = None) -> None:
        self.common = common
        self.nouns = nouns
        self.proper = proper
        self.acronyms = acronyms
        self.gazetteer = gazetteer
        self._places: dict[str, bool] = {}
        self._cases: dict[str, str] = {}

    @classmethod
    def from_resources(cls, nlp: Language, kb: KnowledgeBase, gazetteer: Gazetteer) -> Truecaser:
        """The English lexicon from the model's lemmatizer tables and stop words; names from the knowledge base."""
        stop_words = frozenset(nlp.Defaults.stop_words)
        return cls(_english_words(nlp, nouns=False), _english_words(nlp, nouns=True), _state_words(kb) - stop_words,
                   _kb_acronyms(kb), gazetteer)

    def __call__(self, text: str) -> str:
        """The text in ordinary case when it is single-case, else the text unchanged (same length always)."""
        if not is_single_case(text):
            return text
        words = [_Word(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
        expansions = _expansions(text)
        local = _text_acronyms(text, words) | {acronym for acronym, _, _ in expansions}
        cased = [text[w.start:w.end] if _kept_capitals(text, w, local) else self._case(text, w) for w in words]
        _dateline_name(text, words, cased)
        self._acronym_names(text, words, cased)
        _article_names(text, words, cased)
        _quoted_names(text, words, cased)
        _expansion_names(words, cased, expansions)
        self._group_names(text, words, cased)
        chars = list(text)
        for w, form in zip(words, cased):
            if form.islower() and _opens_sentence(text, w.start):
                form = form[:1].upper() + form[1:]
            chars[w.start:w.end] = form
        return "".join(chars)

    def _case(self, text: str, w: _Word) -> str:
        raw = text[w.start:w.end]
        if _bracketed(text, w) and len(raw) <= ACRONYM_MAX and raw.isupper():
            return raw
        if w.lower in MONTHS:  # "may", "march": the verb or the month, by the words around
            return self._word_case(text, w, raw)
        if raw not in self._cases:  # out of brackets, the case of any other word depends on its spelling only
            if len(self._cases) > CASE_CACHE:
                self._cases.clear()
            self._cases[raw] = self._word_case(text, w, raw)
        return self._cases[raw]

    def _word_case(self, text: str, w: _Word, raw: str) -> str:
        base, possessive = re.fullmatch(r"(.+?)((?:['’]S)?)", raw).groups()  # type: ignore[union-attr]
        if base in self.acronyms and not self._is_common(base.lower()):
            return base + possessive.lower()
        if w.lower in self.proper or w.lower in WEEKDAYS or _month(text, w):
            return _title(w.lower)
        forms = list(_base_forms(w.lower))
        if any(f in self.common for f in forms):
            return w.lower
        if any(f in self.nouns for f in forms) and not self._big_place(w.lower):
            return w.lower
        return _title(w.lower)

    def _is_common(self, lower: str) -> bool:
        return any(form in self.common or form in self.nouns for form in _base_forms(lower))

    def _big_place(self, lower: str) -> bool:
        if self.gazetteer is None or lower in NAME_CONNECTORS:
            return False
        if lower not in self._places:
            self._places[lower] = any(
                normalize_place_name(e.name) == lower and (e.population >= BIG_PLACE or e.feature in ("country", "ADM1"))
                for e in self.gazetteer.candidates(lower, abbreviations=False)[:3])
        return self._places[lower]

    def _acronym_names(self, text: str, words: list[_Word], cased: list[str]) -> None:
        """ "MANUEL RODRIGUEZ PATRIOTIC FRONT [FPMR]": the words before a bracketed acronym are its name."""
        for i, w in enumerate(words):
            raw = text[w.start:w.end]
            if not (_bracketed(text, w) and raw.isupper() and 2 <= len(raw) <= ACRONYM_MAX) or i == 0:
                continue
            if not re.fullmatch(r"\s*[\[(]", text[words[i - 1].end:w.start]):
                continue
            _title_back(text, words, cased, i - 1, len(raw))

    def _group_names(self, text: str, words: list[_Word], cased: list[str]) -> None:
        """A group word closes the name before it: "FARABUNDO MARTI NATIONAL LIBERATION FRONT"."""
        for i, w in enumerate(words):
            if w.lower not in TRAILING_GROUP_WORDS or cased[i] != w.lower:
                continue
            for j in range(i - 1, max(-1, i - 1 - NAME_REACH), -1):
                if not _joined(text, words[j], words[j + 1]) or cased[j] in NAME_CONNECTORS:
                    break
                if cased[j].isupper() and len(cased[j]) > 1:
                    break  # "FMLN forces": an acronym's forces are its men, not a longer name
                if cased[j][:1].isupper():
                    for k in range(j + 1, i + 1):
                        cased[k] = _title(words[k].lower)
                    break
                if words[j].lower not in NAME_ADJECTIVES and words[j].lower not in GROUP_NAME_WORDS:
                    break


def _text_acronyms(text: str, words: list[_Word]) -> frozenset[str]:
    """The acronyms the text itself introduces in brackets ("(ELN)", "[MRTA]")."""
    return frozenset(raw for w in words if _bracketed(text, w)
                     and 2 <= len(raw := text[w.start:w.end]) <= ACRONYM_MAX and raw.isupper())


def _expansions(text: str) -> list[tuple[str, int, int]]:
    """ "MRTA [TUPAC AMARU REVOLUTIONARY MOVEMENT]": an acronym, and the span of its expansion in brackets after it,
    whose initials are its letters in any order (names are often expanded in the original language's order)."""
    found = []
    for m in re.finditer(r"\b([A-Z]{2,7})\s*[\[(]([A-Z][A-Z' -]{3,80})[\])]", text):
        initials = sorted(w[0] for w in m.group(2).lower().split() if w not in NAME_CONNECTORS)
        if sorted(m.group(1).lower()) == initials:
            found.append((m.group(1), m.start(2), m.end(2)))
    return found


def _expansion_names(words: list[_Word], cased: list[str], expansions: list[tuple[str, int, int]]) -> None:
    """The expansion of an acronym is a name: "[Tupac Amaru Revolutionary Movement]"."""
    for _, start, end in expansions:
        for i, w in enumerate(words):
            if start <= w.start and w.end <= end:
                cased[i] = w.lower if w.lower in NAME_CONNECTORS else _title(w.lower)


def _quoted_names(text: str, words: list[_Word], cased: list[str]) -> None:
    """ "THE SELF-STYLED "ZARATE WILLKA LIBERATION ARMED FORCES"": a quoted phrase ending in a group word."""
    for m in re.finditer(r"[\"“]([^\"”\n]{3,80})[\"”]", text):
        inside = [i for i, w in enumerate(words) if m.start(1) <= w.start and w.end <= m.end(1)]
        if 2 <= len(inside) <= 7 and words[inside[-1]].lower in TRAILING_GROUP_WORDS:
            for i in inside:
                cased[i] = words[i].lower if words[i].lower in NAME_CONNECTORS else _title(words[i].lower)


def _kept_capitals(text: str, w: _Word, local: frozenset[str]) -> bool:
    """An acronym the text introduced, or one of a run of initials with full stops ("U.S.", "U.N.")."""
    raw = text[w.start:w.end]
    if re.sub(r"['’]S$", "", raw) in local:
        return True
    return w.end - w.start == 1 and bool(
        re.match(r"\.[A-Z]\.", text[w.end:w.end + 3]) or re.search(r"[A-Z]\.$", text[max(0, w.start - 2):w.start])
        and text[w.end:w.end + 1] == ".")


def _article_names(text: str, words: list[_Word], cased: list[str]) -> None:
    """ "IN LA PAZ", "EL ALTO": a Romance article and the word after it are a name."""
    for i, w in enumerate(words[:-1]):
        if w.lower in NAME_ARTICLES and _joined(text, w, words[i + 1]) and text[words[i + 1].start].isalpha():
            cased[i], cased[i + 1] = _title(w.lower), _title(words[i + 1].lower)


def _dateline_name(text: str, words: list[_Word], cased: list[str]) -> None:
    """ "BUENOS AIRES, 10 JAN 90 --": the dateline's place is a name, whatever its words mean in English."""
    span = find_dateline_place(text)
    if span is None:
        return
    inside = [i for i, w in enumerate(words) if span[0] <= w.start and w.end <= span[1]]
    for n, i in enumerate(inside):
        connector = n > 0 and words[i].lower in NAME_CONNECTORS
        cased[i] = words[i].lower if connector else _title(words[i].lower)


def _title_back(text: str, words: list[_Word], cased: list[str], last: int, letters: int) -> None:
    """Capitalise up to ``letters`` content words ending at ``last``, connectors lower-case between them."""
    j, taken = last, 0
    while j >= 0 and taken < letters:
        if j < last and not _joined(text, words[j], words[j + 1]):
            break
        if words[j].lower in NAME_CONNECTORS:
            cased[j] = words[j].lower
        else:
            cased[j] = _title(words[j].lower) if not text[words[j].start:words[j].end].isupper() or len(
                words[j].lower) > 1 else cased[j]
            taken += 1
        j -= 1
    if j + 1 <= last and words[j + 1].lower in NAME_CONNECTORS:
        cased[j + 1] = words[j + 1].lower


def _month(text: str, w: _Word) -> bool:
    """A month's name; "may" and "march" only beside a day's number ("3 MAY 90", "MARCH 12"), else the verbs."""
    if w.lower not in MONTHS:
        return False
    if w.lower not in ("may", "march"):
        return True
    return bool(re.search(r"\d\s*$", text[max(0, w.start - 4):w.start]) or re.match(r"\s*\d", text[w.end:w.end + 4]))


def _joined(text: str, a: _Word, b: _Word) -> bool:
    """Two words side by side in one phrase: only spaces (a line break of wrapped copy) or a hyphen between."""
    between = text[a.end:b.start]
    return bool(re.fullmatch(r"[ \t]*\n?[ \t]*|-", between))


def _bracketed(text: str, w: _Word) -> bool:
    return text[w.start - 1:w.start] in ("[", "(") and text[w.end:w.end + 1] in ("]", ")")


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 60):start]
    if re.search(r"(?:^|[^A-Za-z])[A-Za-z]\.[A-Za-z]\.\s+$", before):
        return False  # "THE U.S. EMBASSY": initials end no sentence
    return bool(SENTENCE_END.search(before[-12:]) or TAGS.search(before))


def _title(lower: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in lower.split("-"))


def _base_forms(lower: str) -> Iterable[str]:
    """The word and the stems its regular inflections may come from ("kidnapped" -> "kidnap")."""
    yield lower
    for suffix, repl in SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            yield stem + repl
            if len(stem) > 2 and stem[-1] == stem[-2]:
                yield stem[:-1]


def _english_words(nlp: Language, nouns: bool) -> frozenset[str]:
    """The words the model's lemmatizer tables list (WordNet's index and exceptions): its nouns, which include
    names of places and people ("salvador", "lima"), or its other words and the stop words."""
    words: set[str] = set() if nouns else set(nlp.Defaults.stop_words)
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if "lemmatizer" in nlp.pipe_names else None
    noun_key = get_string_id("noun")  # the tables are keyed by the hash of the part of speech
    for name in ("lemma_index", "lemma_exc"):
        if lookups is None or not lookups.has_table(name):
            continue
        for pos, entries in lookups.get_table(name).items():
            if (pos in ("noun", noun_key)) == nouns:
                words.update(w for w in entries if "_" not in w)
    return frozenset(w.lower() for w in words)


def _state_words(kb: KnowledgeBase) -> frozenset[str]:
    """Single-word names and demonyms of states: capitalised even when they are also common words."""
    words = {form.lower() for form, _ in kb.demonym_forms() if " " not in form}
    words |= {e.name.lower() for e in kb.entries if e.kind == "state" and " " not in e.name}
    return frozenset(words)


def _kb_acronyms(kb: KnowledgeBase) -> frozenset[str]:
    """Aliases the knowledge base spells in capitals ("FMLN", "ELN"), kept in capitals."""
    return frozenset(form for form, _, case_sensitive in kb.surface_forms()
                     if case_sensitive and form.isupper() and " " not in form and len(form) > 1)
