"""Toponym detection and resolution over a spaCy ``Doc``.

Mentions come from spaCy's GPE/LOC/FAC entities and from runs of proper nouns the gazetteer knows (the small
model misses some). Each is resolved by context: the countries the document names vote, the divisions it names
pull their places, a "province"/"city" word picks the feature, and population and feature rank break ties. A
national capital beats a division of the same name ("Washington"), a town the district named after it
("Peshawar"), and a style-guide abbreviation after a comma names a division ("Edmonton, Ky."). A name resolved
once keeps that place where the model mislabels it elsewhere in the document.
Demonyms, names inside group names and spans the caller marks as actors are never places; a name the gazetteer
does not know only costs itself (it takes the place named beside it in its sentence, when there is one).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from factionmap.dates.datelines import dateline_stands_alone, find_dateline_end, find_dateline_place
from factionmap.dates.patterns import MONTHS, WEEKDAYS
from factionmap.extract.name_lexicon import name_lexicon
from factionmap.extract.nlp import doc_text
from factionmap.lookup.folding import normalize_place_name
from factionmap.lookup.gazetteer import NAME_ARTICLES, Gazetteer, place_key
from factionmap.lookup.kb import KnowledgeBase
from factionmap.records import GazetteerEntry, Place, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCKING_LABELS = frozenset({"ORG", "NORP", "PERSON", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"})
# A word after a name that says what kind of place it is, and the features it prefers, best first.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "province": ("ADM1", "ADM2"), "governorate": ("ADM1",), "state": ("ADM1",), "oblast": ("ADM1",),
    "region": ("ADM1", "region", "ADM2"), "prefecture": ("ADM1", "ADM2"), "department": ("ADM1", "ADM2"),
    "district": ("ADM2", "ADM1"), "county": ("ADM2",), "agency": ("ADM2",), "municipality": ("ADM2", "PPL"),
    "city": ("PPLC", "PPL"), "town": ("PPL",), "village": ("PPL",),
}
PLURAL_SUFFIXES = {"provinces": "province", "governorates": "governorate", "states": "state",
                   "regions": "region", "districts": "district", "counties": "county", "cities": "city"}
DIRECTIONS = name_lexicon().place_directions
REGION_NOUNS = name_lexicon().region_nouns
CONTAINER_HEADS = name_lexicon().container_heads
FEATURE_BONUS = {"country": 6.0, "ADM1": 3.5, "PPLC": 3.0, "region": 2.0, "ADM2": 1.0}
IN_DIVISION, NAMESAKE_IN_DIVISION = 4.0, 2.0  # a town in a division the text names ("Edmonton" in Kentucky)
CAPITAL_OVER_DIVISION = 2.0  # "Washington", "Kabul": the national capital over the division of the same name
PROPAGATED_LABELS = frozenset({"ORG", "PERSON", "FAC", "LOC", "GPE"})
POSSESSIVES = ("'s", "’s", "'", "’")
PRECISION = {"country": "country", "ADM1": "admin1", "ADM2": "admin2", "region": "region"}
MIN_TOKEN_RUN_POPULATION = 1000
DATELINE_CITY_BONUS = {"PPLC": 3.0, "PPLA": 2.5, "PPL": 2.0, "country": 2.0}  # a dateline names a city
WORLD_CITY_POPULATION, WORLD_CITY_BONUS = 1_000_000, 12.0  # a dateline alone names the city every reader knows
UNSUPPORTED_MAX_POPULATION = 100_000  # a smaller place in a country nothing else names is likely a misreading
LOCATIVE_WORDS = frozenset({"in", "near", "outside"})
PLACE_NOUNS = name_lexicon().place_nouns
# Spotting names in an unparsed text (no tagger, no entities): how a run of capitalised words may continue, the
# words that place what follows them, and the standing a name needs where nothing says it is a place.
SPOT_CONNECTORS = frozenset({"of", "and", "de", "del", "la", "al", "el", "-", "upon", "on"})
SPOT_LOCATIVES = frozenset({"in", "at", "near", "from", "to", "into", "outside", "across", "throughout", "around",
                            "of", "between", "toward", "towards", "via", "inside", "within", "visit", "visited"})
SENTENCE_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "‘", "'", "—", "–", "(", "[", "-", "…"})
HOLIDAYS = name_lexicon().holidays
TIME_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | HOLIDAYS
SPOT_MAX_TOKENS = 5
WEAK_MIN_POPULATION = 100_000  # a town named where nothing says it is a place must be a big one
ALTERNATE_MIN_POPULATION = 500_000  # a spotted town's other names count for cities this big ("Kiev", "Bombay")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One toponym in the text, resolved to a gazetteer entry."""

    span: Span
    entry: GazetteerEntry
    precision: str
    head_start: int
    head_end: int


@dataclass(slots=True)
class _Candidate:
    """A toponym being resolved: its span, core name, the features its suffix asks for, and its candidates."""

    start: int
    end: int
    head_start: int
    head_end: int
    sent_start: int
    prefer: tuple[str, ...] = ()
    region: bool = False
    from_ner: bool = True
    label: str = ""
    modifier: bool = False  # names the owner of a thing ("the U.S. embassy"), not where the text is
    entries: list[GazetteerEntry] = field(default_factory=list)
    chosen: GazetteerEntry | None = None


def precision_of(entry: GazetteerEntry) -> str:
    """The precision word of an entry's feature: country, admin1, admin2, region or city."""
    return PRECISION.get(entry.feature, "city")


def find_place_mentions(doc: Doc, gazetteer: Gazetteer,
                        exclude: Sequence[tuple[int, int]] = ()) -> list[PlaceMention]:
    """Find and resolve the toponyms of ``doc``, none inside the ``exclude`` character spans (actor names)."""
    text = doc_text(doc)
    excluded = _tokens_in(doc, exclude)
    blocked = _blocked_tokens(doc, excluded)
    found = (_dateline_candidates(doc, text, excluded, gazetteer) + _ner_candidates(doc, blocked, excluded)
             + _abbreviation_candidates(doc, excluded, gazetteer)
             + _token_run_candidates(doc, blocked, gazetteer) + _organisation_places(doc, text, excluded, gazetteer))
    agency = _agency_span(text)
    found = sorted((c for c in _dedupe(found) if not agency[0] <= c.start < agency[1]), key=lambda c: c.start)
    for cand in found:
        _extend(doc, text, cand)
    _share_plural_suffixes(doc, text, found)
    for cand in found:
        cand.entries = _prefer_towns(_lookup(text[cand.head_start:cand.head_end], gazetteer, cand.from_ner),
                                     cand.prefer)
        if cand.label == "NORP":
            cand.entries = [e for e in cand.entries if e.feature in {"country", "ADM1", "region"}]
        elif cand.label == "weak":
            cand.entries = [e for e in cand.entries if _standing(e) and e.feature != "ADM2"]
    found = [c for c in found if c.entries or (c.from_ner and c.label not in {"NORP", "weak"})]
    _resolve(found, text=text)
    _resolve_unknowns(found, text)
    found = sorted(found + _repeated_names(doc, text, found, excluded), key=lambda c: c.start)
    return [_mention(text, c) for c in found if c.chosen is not None]


@dataclass(frozen=True, slots=True)
class StateWords:
    """Normalised words about states that spotting needs: demonyms ("afghan"), never places, and the names and
    initialisms of countries ("us", "uk", "uae"), which are."""

    demonyms: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()

    @classmethod
    def from_kb(cls, kb: KnowledgeBase) -> StateWords:
        """The demonyms, names and aliases of the knowledge base's states."""
        names = {normalize_place_name(n) for e in kb.entries if e.kind == "state" for n in (e.name, *e.aliases)}
        return cls(frozenset(normalize_place_name(d) for d, _ in kb.demonym_forms()) - names, frozenset(names))


def spot_place_mentions(doc: Doc, gazetteer: Gazetteer, states: StateWords = StateWords(),
                        text: str | None = None) -> list[PlaceMention]:
    """Find and resolve the toponyms of a text that was only tokenized: the cheap path for texts that name no
    actor, with no tagger and no entities to lean on.

    Runs of capitalised words are looked up in the gazetteer, longest name first. Where nothing in the text says
    a name is a place (it opens a sentence, or leads or closes a longer name: "Kentucky State Police",
    "University of Manitoba") it must be a country, a first-level division or a city of 100,000; a locative
    before it ("in Kunduz") or a comma after it ("Paris, Texas") vouches for it. A county needs the word
    "County"; a town is found by its own name (other names only for big cities); and a name the text also gives a
    person ("Andrew Brunson" ... "Brunson said") is not a town. Demonyms are never places; of the initialisms,
    only the ones ``states`` knows as country names ("US", "UK", "UAE") are countries. ``text`` is the doc's
    text where the caller has it (``Doc.text`` joins every token).
    """
    text = doc_text(doc) if text is None else text
    toks = list(doc)  # Token objects made once: Doc indexing builds a new one each time
    if not any(t.is_lower for t in toks[:300]) or not any(t.is_title for t in toks[:300]):
        return []  # capitals carry no signal in all-caps wire copy or lower-cased text
    found = _spotted_candidates(toks, text, gazetteer, states.demonyms)
    for cand in found:
        _extend(doc, text, cand)
    _share_plural_suffixes(doc, text, found)
    people = _person_name_words(toks, text, gazetteer) - {
        normalize_place_name(text[c.head_start:c.head_end]) for c in found if c.label == "placed"}
    for cand in found:
        cand.entries = _spotted_entries(text, cand, gazetteer, people, states.names)
    found = [c for c in found if c.entries]
    _resolve(found, text=text)
    countries, _ = _votes(found)
    for cand in found:  # a division's code ("B.C.") or a town in a weak position ("Man charged...") stands only
        chosen = cand.chosen  # where the text names its country again
        if chosen is not None and countries[chosen.country or ""] <= 1 and (
                cand.label == "code" or (cand.label == "weak" and chosen.feature.startswith("PPL"))):
            cand.chosen = None
    return [_mention(text, c) for c in found if c.chosen is not None]


def _spotted_candidates(doc: list[Token], text: str, gazetteer: Gazetteer,
                        not_places: frozenset[str]) -> list[_Candidate]:
    """Gazetteer names in the runs of capitalised words, longest first, labelled by the support their position
    gives them: ``placed`` (after a locative, before a comma, a dateline), ``weak`` or ``spotted``."""
    out: list[_Candidate] = []
    i, n = 0, len(doc)
    while i < n:
        if _dateline(doc, i):
            if gazetteer.candidates(doc[i].text, abbreviations=False):
                out.append(_spotted(doc, i, i + 1, "placed"))
            i += 1
            continue
        if not _spot_token(doc[i]):
            i += 1
            continue
        end = i + 1  # the run: capitalised words, joined by "of", "and", "de", hyphens
        while end < n and (_spot_token(doc[end]) or (
                doc[end].lower_ in SPOT_CONNECTORS and end + 1 < n and _spot_token(doc[end + 1]))):
            end += 1
        k = i
        while k < end:
            stop = _longest_name(doc, text, k, end, gazetteer, not_places)
            if stop is None:
                k += 1
                continue
            placed = k == i and ((k > 0 and doc[k - 1].lower_ in SPOT_LOCATIVES) or (
                stop < n and doc[stop].text == ","))
            weak = (k, stop) != (i, end) or _opens_sentence(doc, i)
            out.append(_spotted(doc, k, stop, "placed" if placed else "weak" if weak else "spotted"))
            k = stop
        i = end
    return out


def _spotted(toks: list[Token], start: int, end: int, label: str) -> _Candidate:
    start_char, end_char = toks[start].idx, toks[end - 1].idx + len(toks[end - 1].text)
    return _Candidate(start_char, end_char, start_char, end_char, start_char, from_ner=False, label=label)


def _spot_token(tok: Token) -> bool:
    """A word that can be part of a name: capitalised ("Kunduz"), or an initialism ("U.S.", "UAE")."""
    t = tok.text
    if not t[:1].isupper() or tok.like_num:
        return False
    if tok.is_title:
        return not tok.is_stop or len(t) > 4
    return _initialism(t) and t not in {"I", "A"}


def _initialism(name: str) -> bool:
    bare = name.replace(".", "").replace(" ", "")
    return bare.isupper() and (len(bare) <= 4 or "." in name)


def _dateline(doc: list[Token], i: int) -> bool:
    """A capitalised place opening a paragraph before a dash or comma: "WASHINGTON —", "KABUL, Afghanistan"."""
    tok = doc[i]
    return (tok.is_upper and tok.is_alpha and len(tok.text) > 4 and _opens_sentence(doc, i)
            and i + 1 < len(doc) and doc[i + 1].text in {",", "—", "–", "-", "(", "--"})


def _opens_sentence(doc: list[Token], i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    return prev.is_space or prev.text in SENTENCE_OPENERS


def _longest_name(doc: list[Token], text: str, k: int, end: int, gazetteer: Gazetteer,
                  not_places: frozenset[str]) -> int | None:
    """The end of the longest gazetteer name starting at token ``k`` within the run, or None."""
    for stop in range(min(end, k + SPOT_MAX_TOKENS), k, -1):
        if doc[stop - 1].lower_ in SPOT_CONNECTORS:
            continue
        name = text[doc[k].idx:doc[stop - 1].idx + len(doc[stop - 1].text)]
        norm = normalize_place_name(name)
        if norm in not_places or norm in TIME_WORDS or norm in DIRECTIONS:
            continue
        if gazetteer.candidates(name, abbreviations=_initialism(name)):
            return stop
    return None


def _spotted_entries(text: str, cand: _Candidate, gazetteer: Gazetteer, people: set[str],
                     state_names: frozenset[str]) -> list[GazetteerEntry]:
    """The entries a spotted name may stand for (see :func:`spot_place_mentions`)."""
    name = text[cand.head_start:cand.head_end]
    norm = normalize_place_name(name)
    entries = gazetteer.candidates(name, abbreviations=_initialism(name))
    if _initialism(name):  # "US", "U.K.": countries news abbreviates; "Ky.", "B.C.": divisions, checked later
        comma = text[:cand.start].rstrip().endswith(",")
        entries = [e for e in entries if (e.feature == "country" and norm in state_names)
                   or (e.feature == "ADM1" and "." in name)]
        if any(e.feature == "ADM1" for e in entries) and not comma:
            cand.label = "code"
        return entries
    out = []
    for e in _prefer_towns(entries, cand.prefer):
        if e.feature == "ADM2" and "ADM2" not in cand.prefer:
            continue  # "Walsh" is a surname before it is Walsh County
        town = e.feature.startswith("PPL")
        if town and normalize_place_name(e.name) != norm and e.population < ALTERNATE_MIN_POPULATION:
            continue  # "Google" was once another name of Topeka
        if cand.label == "weak" and not _standing(e):
            continue
        if town and norm in people and not cand.prefer:
            continue
        out.append(e)
    return out


def _standing(entry: GazetteerEntry) -> bool:
    return entry.feature in {"country", "ADM1", "region"} or entry.population >= WEAK_MIN_POPULATION


def _person_name_words(doc: list[Token], text: str, gazetteer: Gazetteer) -> set[str]:
    """Words of people's names: the two last words of a run "First Last" whose last word the text also uses
    alone ("Andrew Brunson" ... "Brunson said"), the news convention for a person named a second time."""
    alone: Counter[str] = Counter()
    pairs: list[tuple[str, str, str]] = []
    i, n = 0, len(doc)
    while i < n:
        if not (doc[i].is_title and doc[i].is_alpha):
            i += 1
            continue
        end = i + 1
        while end < n and doc[end].is_title and doc[end].is_alpha:
            end += 1
        if end - i == 1 and not _opens_sentence(doc, i):
            alone[doc[i].lower_] += 1
        elif 2 <= end - i <= 3 and not doc[end - 2].is_stop:
            run = text[doc[i].idx:doc[end - 1].idx + len(doc[end - 1].text)]
            pairs.append((doc[end - 2].lower_, doc[end - 1].lower_, run))
        i = end
    return {w for first, last, run in pairs if alone[last] and not gazetteer.candidates(run, abbreviations=False)
            for w in (first, last)}


def _organisation_places(doc: Doc, text: str, excluded: set[int], gazetteer: Gazetteer) -> list[_Candidate]:
    """A place leading the name of an organisation that is not an actor: "Kentucky State Police", "Kabul
    University". It must have standing (a country, a division, a city of 100,000)."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or len(ent) < 2 or any(t.i in excluded for t in ent):
            continue
        toks = list(ent[1:] if ent[0].lower_ == "the" else ent)
        stop = _longest_name(toks, text, 0, len(toks) - 1, gazetteer, frozenset()) if len(toks) > 1 else None
        if stop is not None and toks[0].is_title:
            out.append(_spotted(toks, 0, stop, "weak"))
    return out


def _tokens_in(doc: Doc, spans: Sequence[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that start inside any of the character spans (one pass per span)."""
    found: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.update(t.i for t in span if start <= t.idx < end)
    return found


def _blocked_tokens(doc: Doc, excluded: set[int]) -> set[int]:
    """Indices of tokens that cannot be part of a toponym: actor spans, organisations, people, demonyms."""
    blocked = set(excluded)
    for ent in doc.ents:
        if ent.label_ in BLOCKING_LABELS:
            blocked.update(range(ent.start, ent.end))
    return blocked


def _inside_name(doc: Doc, start: int) -> bool:
    """True for a place after "of" in a capitalised name ("Islamic Movement of Uzbekistan", "Bank of England")."""
    if start < 2 or doc[start - 1].lower_ != "of":
        return False
    chain: list[Token] = []
    i = start - 2
    while i >= 0 and doc[i].is_title:
        chain.append(doc[i])
        if doc[i].is_sent_start:
            break
        i -= 1
    if not chain:
        return False
    head = chain[0].lower_
    return len(chain) >= 2 if head == "state" else head not in CONTAINER_HEADS


def _is_demonym(span: SpacySpan) -> bool:
    """Adjectives ("Afghan forces", "Uzbek group") and nationality words are not places."""
    return all(t.tag_ in {"JJ", "NNPS", "NNS"} for t in span)


def _ner_candidates(doc: Doc, blocked: set[int], excluded: set[int]) -> list[_Candidate]:
    """spaCy's place entities, and the names it mislabelled that the text shows are places."""
    out = []
    for ent in doc.ents:
        label = _place_label(doc, ent)
        stop = blocked if ent.label_ in PLACE_LABELS else excluded
        if label is None or any(i in stop for i in range(ent.start, ent.end)):
            continue
        if _is_demonym(ent) or _inside_name(doc, ent.start):
            continue
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        if start >= ent.end:
            continue
        span = doc[start:ent.end]
        out.append(_Candidate(span.start_char, span.end_char, span.start_char, span.end_char,
                              span.sent.start_char, label=label, modifier=_modifies_noun(span)))
    return out


def _modifies_noun(span: SpacySpan) -> bool:
    """ "the U.S. embassy", "U.S. diplomats": a name that qualifies a common noun after it."""
    root = span.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and root.head.i >= span.end


def _place_label(doc: Doc, ent: SpacySpan) -> str | None:
    """The label a toponym candidate gets: GPE for names the text places ("based in Mir Ali") whatever the model
    said, NORP for singular proper nouns the model took for a nationality ("the border with Tajikistan")."""
    if ent.label_ in {"PERSON", "FAC", "LOC", "ORG"} and _after_locative(doc, ent.start) and ent.label_ != "ORG":
        return "GPE"
    kind_word = (len(ent) > 1 and ent[-1].lower_ in SUFFIXES) or (ent.end < len(doc) and doc[ent.end].lower_ in SUFFIXES)
    if ent.label_ in {"ORG", "PERSON"} and kind_word:
        return "GPE"  # "Paktiya province" read as an organisation
    if ent.label_ == "NORP" and all(t.tag_ == "NNP" for t in ent):
        return "NORP"
    return ent.label_ if ent.label_ in PLACE_LABELS else None


def _after_locative(doc: Doc, start: int) -> bool:
    """A name the model took for a person but the text places: "based in Mir Ali", "the hub of Mir Ali"."""
    if start < 1:
        return False
    prev = doc[start - 1].lower_
    return prev in LOCATIVE_WORDS or (prev == "of" and start >= 2 and doc[start - 2].lower_ in PLACE_NOUNS)


def _abbreviation_candidates(doc: Doc, excluded: set[int], gazetteer: Gazetteer) -> list[_Candidate]:
    """A division written as an abbreviation after a comma: "Red Deer, Alta.", "Winnipeg, Man.", "Edmonton, Ky."

    The model often splits the dot off or calls the abbreviation a person; the comma and the dot say what it is.
    """
    out = []
    for tok in doc[2:]:
        if tok.nbor(-1).text != "," or tok.i in excluded or not tok.text[:1].isupper() or len(tok.text) > 6:
            continue
        dotted = tok.text.endswith(".") or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "."
                                            and doc[tok.i + 1].idx == tok.idx + len(tok.text))
        if not dotted:
            continue
        name = tok.text if tok.text.endswith(".") else tok.text + "."
        if _abbreviation_entries(name, gazetteer):
            start = tok.idx
            out.append(_Candidate(start, start + len(name), start, start + len(name), tok.sent.start_char,
                                  label="GPE"))
    return out


def _abbreviation_entries(name: str, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """Divisions a dotted abbreviation names: "Ky." is Kentucky; capitalised forms ("N.Y.", "U.S.") name anything."""
    entries = gazetteer.candidates(name, abbreviations=True)
    return entries if name.isupper() else [e for e in entries if e.feature == "ADM1"]


def _repeated_names(doc: Doc, text: str, found: Sequence[_Candidate], excluded: set[int]) -> list[_Candidate]:
    """A name the model mislabelled ("Edmonton" as an organisation) that the document elsewhere resolves as a place
    takes that place: one sense per name per document."""
    sense: dict[str, _Candidate] = {}
    for c in found:
        if c.chosen is not None and c.entries and not c.region and c.label != "NORP":
            sense.setdefault(normalize_place_name(text[c.head_start:c.head_end]), c)
    out = []
    for ent in doc.ents:
        if ent.label_ not in PROPAGATED_LABELS or any(i in excluded for i in range(ent.start, ent.end)):
            continue
        if any(c.start < ent.end_char and ent.start_char < c.end for c in found):
            continue
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        for p in POSSESSIVES:
            name = name.removesuffix(p)
        host = sense.get(normalize_place_name(name))
        if host is not None:
            start = ent.start_char + ent.text.index(name)
            out.append(_Candidate(start, start + len(name), start, start + len(name), ent.sent.start_char,
                                  label=host.label, entries=host.entries, chosen=host.chosen))
    return out


def _token_run_candidates(doc: Doc, blocked: set[int], gazetteer: Gazetteer) -> list[_Candidate]:
    """Runs of capitalised proper nouns outside any entity that name a gazetteer entry of some standing."""
    out = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and _run_token(doc[j], blocked) and j - i < 4:
            j += 1
        if j > i and not _inside_name(doc, i):
            span = _with_article(doc, i, j, gazetteer)
            entries = gazetteer.candidates(span.text, abbreviations=False)
            if any(e.feature != "PPL" or e.population >= MIN_TOKEN_RUN_POPULATION for e in entries):
                out.append(_Candidate(span.start_char, span.end_char, span.start_char, span.end_char,
                                      span.sent.start_char, from_ner=False))
        i = max(j, i + 1)
    return out


def _with_article(doc: Doc, i: int, j: int, gazetteer: Gazetteer) -> SpacySpan:
    """The run, with the Romance article before it when the gazetteer knows the longer name ("La Paz")."""
    before = doc[i - 1] if i > 0 else None
    if (before is not None and before.lower_ in NAME_ARTICLES and before.is_title and not before.ent_type_
            and gazetteer.candidates(doc[i - 1:j].text, abbreviations=False)):
        return doc[i - 1:j]
    return doc[i:j]


def _run_token(tok: Token, blocked: set[int]) -> bool:
    return (tok.i not in blocked and not tok.ent_type_ and tok.pos_ == "PROPN" and tok.is_title
            and not tok.is_stop and len(tok.text) > 2)


def _dedupe(found: list[_Candidate]) -> list[_Candidate]:
    """Drop candidates overlapping an earlier (NER) one."""
    out: list[_Candidate] = []
    for c in found:
        if not any(c.start < o.end and o.start < c.end for o in out):
            out.append(c)
    return out


def _tokens_after(doc: Doc, char: int) -> list[Token]:
    tok = doc.char_span(char, char, alignment_mode="expand")
    start = tok.start if tok is not None else len(doc)
    while start < len(doc) and doc[start].idx < char:
        start += 1
    return list(doc[start:start + 4])


def _extend(doc: Doc, text: str, cand: _Candidate) -> None:
    """Take in a kind word ("Kunduz province"), a direction ("northern Afghanistan") or a region noun."""
    head = text[cand.head_start:cand.head_end]
    last = head.split()[-1].lower() if head.split() else ""
    if last in SUFFIXES and len(head.split()) > 1:
        cand.prefer = SUFFIXES[last]
        cand.head_end = cand.head_start + len(head.rsplit(None, 1)[0])
    after = _tokens_after(doc, cand.end)
    if after and after[0].lower_ in SUFFIXES and not cand.prefer:
        cand.prefer = SUFFIXES[after[0].lower_]
        cand.end = after[0].idx + len(after[0].text)
    elif len(after) >= 2 and after[0].text in {"'s", "’s"}:
        _extend_region(cand, after[1:])
    before = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if (before is not None and before.start > 0 and doc[before.start - 1].lower_ in DIRECTIONS
            and doc[before.start - 1].is_lower):
        cand.start = doc[before.start - 1].idx
        cand.region = True


def _extend_region(cand: _Candidate, after: list[Token]) -> None:
    """"Pakistan's tribal areas": a region of the named place, without a gazetteer entry of its own."""
    for k, tok in enumerate(after[:3]):
        if tok.lower_ in REGION_NOUNS and all(t.is_lower for t in after[:k + 1]):
            cand.end = tok.idx + len(tok.text)
            cand.region = True
            return
        if not tok.is_lower:
            return


def _share_plural_suffixes(doc: Doc, text: str, found: list[_Candidate]) -> None:
    """"Kunduz, Badakhshan and Nangarhar provinces": the plural kind word applies to every name of the list."""
    for k, cand in enumerate(found):
        after = _tokens_after(doc, cand.end)
        if cand.prefer or not after or after[0].lower_ not in PLURAL_SUFFIXES:
            continue
        cand.prefer = SUFFIXES[PLURAL_SUFFIXES[after[0].lower_]]
        cand.end = after[0].idx + len(after[0].text)
        j = k - 1
        while j >= 0 and _list_gap(text[found[j].end:found[j + 1].start]) and not found[j].prefer:
            found[j].prefer = cand.prefer
            j -= 1


def _list_gap(text: str) -> bool:
    return len(text) < 8 and text.replace(",", " ").replace("and", " ").replace("or", " ").strip() == ""


def _lookup(name: str, gazetteer: Gazetteer, from_ner: bool) -> list[GazetteerEntry]:
    """Candidates for a name: exact (codes only where NER saw a place), else spelling variants."""
    if name.endswith(".") and len(name) <= 7 and name[:1].isupper():
        entries = _abbreviation_entries(name, gazetteer)
        if entries:
            return entries
    abbreviations = from_ner and name.replace(".", "").replace(" ", "").isupper()
    entries = gazetteer.candidates(name, abbreviations=abbreviations)
    if not entries and name.isupper() and len(name) > 4:
        entries = gazetteer.candidates(name.title(), abbreviations=False)
    return entries or (gazetteer.variant_candidates(name) if from_ner or name[:1].isupper() else [])


def _prefer_towns(entries: list[GazetteerEntry], prefer: tuple[str, ...]) -> list[GazetteerEntry]:
    """Drop a second-level division that shares its name with a town of the same division ("Peshawar" the city,
    not Peshawar District), unless the text says "district"."""
    if "ADM2" in prefer:
        return entries
    towns = {(e.country, e.admin1) for e in entries if e.feature.startswith("PPL")}
    return [e for e in entries if e.feature != "ADM2" or (e.country, e.admin1) not in towns]


def _votes(found: Sequence[_Candidate]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Country and (country, admin1) votes: from resolved mentions, else from unambiguous ones."""
    countries: Counter[str] = Counter()
    admin1s: Counter[tuple[str, str]] = Counter()
    for c in found:
        picks = [c.chosen] if c.chosen else ([c.entries[0]] if len(c.entries) == 1 or (
            c.entries and c.entries[0].feature == "country") else [])
        for e in picks:
            if c.modifier and e.feature == "country":
                continue  # "the U.S. embassy in La Paz" says nothing of where La Paz is
            if e.country:
                countries[e.country] += 2 if e.feature == "country" else 1
            if e.country and e.admin1 and e.feature != "country":
                admin1s[(e.country, e.admin1)] += 1
    return countries, admin1s


def _score(entry: GazetteerEntry, cand: _Candidate, countries: Counter[str],
           admin1s: Counter[tuple[str, str]], neighbour: GazetteerEntry | None) -> float:
    """How well an entry fits a mention: its standing, the kind word, the document's countries and divisions."""
    s = math.log10(entry.population + 10) + FEATURE_BONUS.get(entry.feature, 0.0)
    if entry.feature == "PPLC" and any(e.feature == "ADM1" and e.country == entry.country for e in cand.entries):
        s += CAPITAL_OVER_DIVISION
    if cand.prefer:
        s += 10.0 if entry.feature in cand.prefer[:1] else 6.0 if entry.feature in cand.prefer else 0.0
    total = sum(countries.values())
    if total and entry.country:
        s += 6.0 * countries[entry.country] / total
    if entry.country and entry.admin1 and admin1s[(entry.country, entry.admin1)] and entry.feature != "ADM1":
        # a town in a division the text names; less for a county ("Delaware" is the state) or the division's
        # namesake town, which its own name voted for
        town = entry.feature.startswith("PPL") and normalize_place_name(entry.admin1) != normalize_place_name(entry.name)
        s += IN_DIVISION if town else NAMESAKE_IN_DIVISION
    if neighbour is not None and entry.country == neighbour.country and (
            neighbour.feature == "country" or entry.admin1 == neighbour.admin1):
        s += 8.0
    return s


def _agency_span(text: str) -> tuple[int, int]:
    """ "SANTIAGO, 18 JUL 89 (TELEVISION NACIONAL) --": the brackets after the dateline's date name the agency or
    station, no place ("Nacional" is no Distrito Nacional)."""
    span, end = find_dateline_place(text, recased=True), find_dateline_end(text, recased=True)
    if span is None:
        return (0, 0)
    m = re.search(r"\d[^(\n]*\(", text[span[1]:end])
    return (span[1] + m.end() - 1, end) if m else (0, 0)


def _dateline_candidates(doc: Doc, text: str, excluded: set[int], gazetteer: Gazetteer) -> list[_Candidate]:
    """ "SUCRE, 3 SEP 89 (PRESENCIA) --": the place a wire dateline names, which the model may not tag."""
    span = find_dateline_place(text, recased=True)
    if span is None or not gazetteer.candidates(text[span[0]:span[1]], abbreviations=False):
        return []
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or any(t.i in excluded for t in tokens):
        return []
    return [_Candidate(span[0], span[1], span[0], span[1], tokens.sent.start_char, from_ner=False, label="GPE")]


def _dateline_bonus(entry: GazetteerEntry, known: GazetteerEntry | None = None) -> float:
    """ "SANTIAGO, 18 JUL 89 --", "BOGOTA (AFP) -": a wire files from a city, most often one of standing, so a
    dateline leans to cities and to capitals (Bogota is Colombia's, not New Jersey's), while the places the text
    names still vote (a local paper's "EDMONTON" in a story about Kentucky). A dateline that stands alone
    and names a city of millions (``known``) names that city: the wires write "SANTIAGO" or "MEDELLIN" alone only
    because every reader knows which one is meant, whatever a street or a namesake in the text says."""
    if known is not None and entry is known:
        return WORLD_CITY_BONUS
    if entry.feature in DATELINE_CITY_BONUS:
        return DATELINE_CITY_BONUS[entry.feature]
    return DATELINE_CITY_BONUS["PPL"] if entry.feature.startswith("PPL") else 0.0


def _world_city(entries: Sequence[GazetteerEntry], name: str) -> GazetteerEntry | None:
    """The city of millions a name stands for: the national capital among them ("Santiago" is Chile's, not the
    Dominican Republic's second city), else the biggest, when no city of the name elsewhere comes near it. The
    name must be the city's own, not one it once had or a part of it has ("Victoria" is no name of Hong Kong's)."""
    cities = sorted((e for e in entries if e.feature.startswith("PPL") and normalize_place_name(e.name) == name),
                    key=lambda e: -e.population)
    if not cities or cities[0].population < WORLD_CITY_POPULATION:
        return None
    capital = next((e for e in cities if e.feature == "PPLC" and e.population >= WORLD_CITY_POPULATION), None)
    if capital is not None:
        return capital
    rival = next((e for e in cities[1:] if e.country != cities[0].country), None)
    return cities[0] if rival is None or rival.population * 10 <= cities[0].population else None


def _neighbour(found: Sequence[_Candidate], k: int, text: str) -> GazetteerEntry | None:
    """The container named right after a mention: "Paris, Texas", "Kunduz, Afghanistan", "Managua (Nicaragua)"."""
    if k + 1 >= len(found) or text[found[k].end:found[k + 1].start].strip() not in {",", "("}:
        return None
    nxt = found[k + 1]
    return nxt.chosen or next((e for e in nxt.entries if e.feature in {"country", "ADM1"}), None)


def _resolve(found: list[_Candidate], rounds: int = 2, text: str = "") -> None:
    """Pick each mention's entry; a second round lets the first round's choices vote."""
    span = find_dateline_place(text, recased=True) if text else None
    filed = normalize_place_name(text[span[0]:span[1]]) if span else None
    alone = filed is not None and dateline_stands_alone(text, recased=True)
    names = [normalize_place_name(text[c.head_start:c.head_end]) for c in found]
    for _ in range(rounds):
        countries, admin1s = _votes(found)
        for k, cand in enumerate(found):
            if cand.entries:
                nb = _neighbour(found, k, text) if text else None
                if filed and nb is None and names[k] == filed:
                    known = _world_city(cand.entries, names[k]) if alone else None
                    cand.chosen = max(cand.entries, key=lambda e: _score(e, cand, countries, admin1s, nb)
                                      + _dateline_bonus(e, known))  # the dateline, and its city told again
                    continue
                cand.chosen = max(cand.entries, key=lambda e: _score(e, cand, countries, admin1s, nb))
    countries, _ = _votes(found)
    for cand in found:
        if cand.chosen is not None and _unsupported(cand.chosen, countries):
            cand.chosen, cand.entries, cand.label = None, [], "unsupported"


def _unsupported(entry: GazetteerEntry, countries: Counter[str]) -> bool:
    """A small populated place in a country no other mention names ("God" -> Göd, Hungary)."""
    return (entry.feature.startswith("PPL") and entry.population < UNSUPPORTED_MAX_POPULATION
            and countries[entry.country or ""] <= 1)


def _resolve_unknowns(found: list[_Candidate], text: str) -> None:
    """A name the gazetteer lacks takes the nearest place below country level named in its sentence."""
    for cand in found:
        if cand.entries or cand.label != "GPE" or len(text[cand.head_start:cand.head_end].split()) > 3:
            continue
        near = [o for o in found if o.chosen is not None and o.sent_start == cand.sent_start
                and o.chosen.feature != "country" and not o.region and o.entries]
        if near:
            host = min(near, key=lambda o: abs(o.start - cand.start)).chosen
            assert host is not None
            cand.chosen = replace(host, name=text[cand.head_start:cand.head_end], geonames_id=None, population=0)


def _mention(text: str, cand: _Candidate) -> PlaceMention:
    assert cand.chosen is not None
    precision = "region" if cand.region else precision_of(cand.chosen)
    return PlaceMention(Span(text[cand.start:cand.end], cand.start, cand.end), cand.chosen, precision,
                        cand.head_start, cand.head_end)


def group_places(mentions: Sequence[PlaceMention]) -> list[Place]:
    """One ``Place`` per distinct entry, ids p1, p2... in order of first mention, with all its mentions."""
    order: list[str] = []
    by_key: dict[str, list[PlaceMention]] = {}
    for m in sorted(mentions, key=lambda m: m.span.start):
        key = place_key(m.entry)
        if key not in by_key:
            order.append(key)
            by_key[key] = []
        by_key[key].append(m)
    return [_place(f"p{i}", key, by_key[key]) for i, key in enumerate(order, start=1)]


def _place(pid: str, key: str, mentions: list[PlaceMention]) -> Place:
    e = mentions[0].entry
    plain = [m.precision for m in mentions if m.precision != "region"]
    precision = plain[0] if plain else "region"
    return Place(id=pid, name=e.name, country=e.country, feature=e.feature, lat=e.lat, lon=e.lon, admin1=e.admin1,
                 geonames_id=e.geonames_id, precision=precision, mentions=tuple(m.span for m in mentions), key=key)
