"""The extraction library API: documents in, one ``Extraction`` record per document out.

    extractor = Extractor.from_settings(settings)
    for extraction in extractor.extract_all(documents):
        ...

The model, the knowledge base, the gazetteer and the cue lexicon load once per ``Extractor``; documents go
through spaCy in batches (``nlp.pipe``). Stages, in order: actor mentions (knowledge base, state forces,
name shapes, NER, aliases the text defines), references ("its", "the group"), places, dates, cue findings
on the parse, then records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from factionmap.config import Settings
from factionmap.dates.datelines import find_dateline_end
from factionmap.dates.expressions import find_date_expressions
from factionmap.extract.aliases import is_alias_form
from factionmap.extract.arguments import MentionIndex
from factionmap.extract.assemble import Assembler
from factionmap.extract.constructions import ConstructionFinder
from factionmap.extract.coref import resolve_references
from factionmap.extract.cues import CueLexicon, load_cues
from factionmap.extract.event_defaults import EventDefaults
from factionmap.extract.home_state import capital_mentions, home_state_mentions, title_state_mentions
from factionmap.extract.incident_events import PlaceInfo, build_incident_events, merge_incident_events
from factionmap.extract.incidents import IncidentFinder, IncidentLexicon, load_incident_lexicon
from factionmap.extract.longtext import make_tokens, parse_docs
from factionmap.extract.mentions import ActorFinder
from factionmap.extract.nlp import load_nlp
from factionmap.extract.office_titles import OfficeTitleFinder, load_titles
from factionmap.extract.places import StateWords, find_place_mentions, group_places, spot_place_mentions
from factionmap.extract.relations import Finding, RelationFinder
from factionmap.extract.responsibility import ResponsibilityFinder
from factionmap.extract.story_place import incident_fallback_place
from factionmap.extract.timing import DocumentDates
from factionmap.extract.truecase import Truecaser, is_single_case
from factionmap.lookup.gazetteer import Gazetteer
from factionmap.lookup.kb import KnowledgeBase
from factionmap.records import (
    Actor,
    ActorMention,
    Document,
    Event,
    Extraction,
    Participant,
    Place,
    Relation,
)
from factionmap.records import Span as TextSpan
from factionmap.vocabulary import INCIDENT_TYPES


@dataclass(frozen=True, slots=True)
class Resources:
    """What an extractor loads once: the spaCy model, the knowledge base, the gazetteer, the cue lexicons."""

    nlp: Language
    kb: KnowledgeBase
    gazetteer: Gazetteer
    cues: CueLexicon
    incidents: IncidentLexicon | None = None


class Extractor:
    """Extracts actors, places, relations and events from documents."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.actors = ActorFinder(resources.nlp, resources.kb)
        self.relations = RelationFinder(resources.cues)
        self.constructions = ConstructionFinder(resources.cues)
        self.titles = frozenset(w for c in resources.cues.cues if c.person_subject for w in c.holder_lemmas)
        self.state_words = StateWords.from_kb(resources.kb)
        self.office_titles = OfficeTitleFinder(resources.kb, load_titles())
        self.incident_words = resources.incidents or load_incident_lexicon()
        self.incidents = IncidentFinder(self.incident_words)
        self.responsibility = ResponsibilityFinder(self.incident_words)
        self.defaults = EventDefaults.from_kb(resources.kb)
        self._truecaser: Truecaser | None = None  # built on the first single-case text (wire copy, lower-cased feeds)
        self._country_names: dict[str, str] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> Extractor:
        """Load the model, the knowledge base (with the user's files), the gazetteer and the cues."""
        return cls(Resources(
            nlp=load_nlp(settings.model),
            kb=KnowledgeBase.load(settings.kb_files),
            gazetteer=Gazetteer.load(settings.geonames_files),
            cues=load_cues(settings.cue_file),
            incidents=load_incident_lexicon(),
        ))

    def extract(self, document: Document) -> Extraction:
        """Extract one document."""
        tokens = self._tokens(document)
        if not self._may_hold_facts(tokens):
            return self.extract_places(document, tokens)
        return self.extract_parsed(document, next(parse_docs(self.resources.nlp, [tokens], 1)))

    def _tokens(self, document: Document) -> Doc:
        """The tokens of the text, recased first when it is all capitals (wire copy): same offsets."""
        return make_tokens(self.resources.nlp, self._recase(document.text))

    def _recase(self, text: str) -> str:
        if not is_single_case(text):
            return text
        if self._truecaser is None:
            r = self.resources
            self._truecaser = Truecaser.from_resources(r.nlp, r.kb, r.gazetteer)
        return self._truecaser(text)

    def _may_hold_facts(self, tokens: Doc) -> bool:
        return self.incident_words.may_report(tokens) or self.actors.may_name_actors(tokens)  # cheaper test first

    def extract_all(self, documents: Iterable[Document], batch_size: int = 32) -> Iterator[Extraction]:
        """Extract many documents in input order, parsing the ones that may hold facts in batches.

        A text of any length is extracted: one too long to parse at once is parsed in pieces
        (``factionmap.extract.longtext``), with the offsets of the whole text."""
        nlp = self.resources.nlp
        for chunk in _chunks(documents, batch_size):
            tokens = {id(d): self._tokens(d) for d in chunk}
            keep = [d for d in chunk if self._may_hold_facts(tokens[id(d)])]
            parsed = dict(zip((id(d) for d in keep), parse_docs(nlp, [tokens[id(d)] for d in keep], batch_size)))
            for document in chunk:
                doc = parsed.get(id(document))
                yield (self.extract_places(document, tokens[id(document)]) if doc is None
                       else self.extract_parsed(document, doc))

    def may_hold_facts(self, document: Document) -> bool:
        """The cheap test run before parsing: does the text name an actor the knowledge base knows, a
        group-shaped name or a state's forces, or a word that reports an incident? Most of a general news stream
        does not, and skips the parser."""
        return self._may_hold_facts(self._tokens(document))

    def extract_places(self, document: Document, tokens: Doc) -> Extraction:
        """The record of a text that names no actor: only its places, spotted on the tokens without a parse."""
        places = group_places(spot_place_mentions(tokens, self.resources.gazetteer, self.state_words, document.text))
        return Extraction(document, places=tuple(places))

    def extract_parsed(self, document: Document, doc: Doc) -> Extraction:
        """Extract from a document already parsed by the model."""
        mentions = self.actors(doc)
        place_mentions = find_place_mentions(doc, self.resources.gazetteer, _non_place_spans(mentions))
        places = group_places(place_mentions)
        mentions = home_state_mentions(doc, resolve_references(doc, _drop_places(mentions, places)))
        mentions = title_state_mentions(doc, mentions, self.resources.kb, self.titles)
        mentions = capital_mentions(doc, mentions, places, self.resources.kb)
        place_at = _place_tokens(doc, places)
        dates = DocumentDates(find_date_expressions(document.text, document.published), document.text)
        index = MentionIndex(mentions, doc)
        assembler = Assembler(index, place_at, dates, document.published, {p.key: p.country for p in places})
        place_tokens = set(place_at)
        findings = [f for sentence in doc.sents
                    for f in _surface_first(list(self.relations(sentence, index, place_tokens)),
                                            list(self.constructions(sentence, index)))]
        for finding in findings:  # a statement's dates may date what it tells of too
            if finding.cue.event != "propaganda":
                dates.reserve(finding.sentence.start_char, finding.sentence.end_char)
        for finding in findings:
            assembler.add(finding)
        assembly = assembler.finish()
        relations, states = self.office_titles(doc, mentions, assembly.relations, dates, document.published)
        # a cue that found no perpetrator leaves the word to the incident reader, whose event joins the cue's
        taken = {f.trigger.i for f in findings if f.cue.event in INCIDENT_TYPES and f.subjects}
        incidents = [i for sentence in doc.sents for i in self.incidents(sentence, index, taken)]
        if not incidents:  # the dateline and the claims matter only to incidents
            done = self.defaults(merge_incident_events(assembly.events), document.published, places)
            return _records(document, [*mentions, *states, *done.added], places, relations, done.events)
        blamed = [r for sentence in doc.sents for r in self.responsibility(sentence, index)]
        built = build_incident_events(incidents, blamed, self._place_info(document, place_at, places), dates,
                                      document.published)
        done = self.defaults(merge_incident_events([*assembly.events, *built.events]), document.published, places)
        found = [*built.added, *mentions, *states, *done.added]  # an incident's reading of a mention comes first
        return _records(document, found, places, relations, done.events)

    def _country_name(self, code: str) -> str:
        if code not in self._country_names:  # the gazetteer's country lookup is a slow query: once per country
            entry = self.resources.gazetteer.country(code)
            self._country_names[code] = entry.name if entry is not None else code
        return self._country_names[code]

    def _place_info(self, document: Document, place_at: dict[int, str], places: Sequence[Place]) -> PlaceInfo:
        countries = {p.key: p.country for p in places}
        names = {code: self._country_name(code) for code in {c for c in countries.values() if c}}
        dateline = incident_fallback_place(places, document.text)
        return PlaceInfo(place_at, countries, names, dateline,
                         frozenset(p.key for p in places if p.feature == "country"), find_dateline_end(document.text))


def _surface_first(parsed: list[Finding], surface: list[Finding]) -> list[Finding]:
    """The findings of a sentence; where the surface constructions name the person of a role noun ("X (3rd L),
    Defense Minister of Mali, and Y, Defense Minister of Russia"), the parse's reading of that noun, which hangs
    appositives on the wrong name, gives way."""
    roles = {(i, f.cue.type) for f in surface if f.cue.person_subject for i in (f.trigger.i, f.trigger.head.i)}
    kept = [f for f in parsed if not (f.cue.person_subject and ((f.trigger.i, f.cue.type) in roles
                                                                or (f.trigger.head.i, f.cue.type) in roles))]
    return [*kept, *surface]


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _non_place_spans(mentions: Sequence[ActorMention]) -> list[tuple[int, int]]:
    """Actor names are not toponyms, except a country named as such ("Afghanistan" is a state and a place)
    and names only spaCy's NER vouches for (it calls the town of Mir Ali a person): the gazetteer decides."""
    return [(m.start_char, m.end_char) for m in mentions
            if not (m.kind == "state" and m.via == "kb") and m.via not in ("coref", "ner")]


def _drop_places(mentions: Sequence[ActorMention], places: Sequence[Place]) -> list[ActorMention]:
    """NER-only actor mentions that the gazetteer resolved as places are places."""
    spans = [(s.start, s.end) for p in places for s in p.mentions]
    return [m for m in mentions if m.via != "ner" or not any(a < m.end_char and m.start_char < b for a, b in spans)]


def _place_tokens(doc: Doc, places: Sequence[Place]) -> dict[int, str]:
    """Token index -> place key, for every token inside a place mention."""
    at: dict[int, str] = {}
    for place in places:
        for mention in place.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    at[token.i] = place.key
    return at


def _records(document: Document, mentions: Sequence[ActorMention], places: Sequence[Place],
             relations: Sequence[Relation], events: Sequence[Event]) -> Extraction:
    """Number actors and places locally (a1, p1...) and point relations and events at those ids."""
    actors = _actors(mentions)
    ids = {a.key: a.id for a in actors} | {p.key: p.id for p in places}
    rels = tuple(replace(r, subject=ids[r.subject], object=ids[r.object], evidence=_original(document, r.evidence),
                         attributed_to=ids.get(r.attributed_to or "")) for r in relations
                 if r.subject in ids and r.object in ids)
    evs = tuple(replace(e, participants=tuple(Participant(p.role, ids[p.ref]) for p in e.participants
                                              if p.ref in ids), evidence=_original(document, e.evidence),
                        place=ids.get(e.place or ""), attributed_to=ids.get(e.attributed_to or ""))
                for e in events)
    return Extraction(document, tuple(actors), tuple(places), rels, evs)


def _original(document: Document, span: TextSpan) -> TextSpan:
    """Evidence quotes the document as written, not as recased for the parse."""
    return replace(span, text=document.text[span.start:span.end])


def _actors(mentions: Sequence[ActorMention]) -> list[Actor]:
    """One actor per key, named by its canonical name, with every name the text used for it as aliases.

    Observers (outlets, monitors, cited analysts) are not actors; a reference ("the group") and a state's
    forces ("Turkish security forces") are phrases about an actor, not names of it."""
    names: dict[str, ActorMention] = {}
    aliases: dict[str, list[str]] = {}
    for m in mentions:
        if m.observer:
            continue
        names.setdefault(m.key, m)
        if m.via not in ("coref", "forces", "description", "place", "list") and is_alias_form(m.text):
            aliases.setdefault(m.key, []).append(m.text)
    actors = []
    for n, (key, first) in enumerate(names.items(), 1):
        forms = [a for a in dict.fromkeys(aliases.get(key, [])) if a != first.name]
        actors.append(Actor(f"a{n}", first.name, first.kind, tuple(forms), key, first.kb_id))
    return actors
