"""The library API behind the command line: one function per command, each returning a typed result.

    report = ingest(["articles/"], open_store("factionmap.db"), load_settings())
    print(report.documents, report.skipped_known, report.problems)

The CLI (``factionmap.cli``) only parses arguments, calls these and prints what they return; everything here works
the same from Python.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from factionmap.errors import ActorNotFound, UnknownFormat
from factionmap.evaluation import (
    CalibrationBin,
    ScoringError,
    Tally,
    TypeScore,
    calibration,
    score,
    scores_by_type,
    summarize,
)
from factionmap.ingest import read_documents, read_gold
from factionmap.lookup.folding import normalize_name
from factionmap.record_format import RunIds, record_to_dict
from factionmap.records import Document, Extraction, IngestProblem
from factionmap.scale import IN_PROCESS, Scale, extract_scaled
from factionmap.store.base import ActorProfile, Store, StoredActor, StoredEvent, StoredEvidence, StoredRelation
from factionmap.timeline import bounds, sort_key

if TYPE_CHECKING:  # spaCy and pydantic-settings load where they are used: commands that need neither start fast
    from factionmap.config import Settings
    from factionmap.extract import Extractor

Progress = Callable[[str], None]
"""Called once per input item (document or bad input) when it is done, with the item's source."""


@dataclass(frozen=True, slots=True)
class RunReport:
    """What an ``ingest`` or ``extract`` run did.

    ``documents``: documents extracted (and, for ``ingest``, newly stored); ``skipped_known``: documents whose text
    was already stored (or seen earlier in the same run), so not extracted again; ``problems``: inputs that could
    not be read, each named with the reason; ``relations``/``events``: how many the extracted documents gave.
    """

    documents: int = 0
    skipped_known: int = 0
    problems: tuple[IngestProblem, ...] = ()
    relations: int = 0
    events: int = 0

    @property
    def ok(self) -> bool:
        """Whether every input was read (nothing skipped as bad)."""
        return not self.problems


@dataclass
class _Counter:
    """Mutable tally behind a ``RunReport`` while a run goes on."""

    documents: int = 0
    skipped_known: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    relations: int = 0
    events: int = 0

    def count(self, ex: Extraction) -> None:
        """Count one extracted document."""
        self.documents += 1
        self.relations += len(ex.relations)
        self.events += len(ex.events)

    def report(self) -> RunReport:
        """The final, immutable report."""
        return RunReport(self.documents, self.skipped_known, tuple(self.problems), self.relations, self.events)


def _notify(progress: Progress | None, source: str) -> None:
    if progress is not None:
        progress(source)


def _documents_only(
    items: Iterable[Document | IngestProblem], counter: _Counter, progress: Progress | None
) -> Iterator[Document]:
    """Yield the documents; record each problem (and report its progress) as it passes."""
    for item in items:
        if isinstance(item, IngestProblem):
            counter.problems.append(item)
            _notify(progress, item.source)
        else:
            yield item


def _new_documents(
    documents: Iterable[Document], known: set[str], counter: _Counter, progress: Progress | None
) -> Iterator[Document]:
    """Yield documents whose text is not in ``known`` (which grows as they pass); count the others."""
    for doc in documents:
        digest = doc.text_key
        if digest in known:
            counter.skipped_known += 1
            _notify(progress, doc.source)
            continue
        known.add(digest)
        yield doc


def extract_documents(
    documents: Iterable[Document], settings: Settings, extractor: Extractor | None = None, scale: Scale = IN_PROCESS
) -> Iterator[Extraction]:
    """Extract documents in batches, in input order, loading the model only when the first document arrives.

    With an ``extractor`` or a ``scale`` of one worker the work runs in this process; otherwise on the pool of
    processes or the Dask cluster that ``scale`` names (``factionmap.scale``), with the same records.
    """
    if extractor is None and not scale.in_process:
        yield from extract_scaled(documents, settings, scale)
        return
    pending = iter(documents)
    first = next(pending, None)
    if first is None:
        return
    if extractor is None:
        from factionmap.extract import Extractor

        extractor = Extractor.from_settings(settings)
    yield from extractor.extract_all(chain([first], pending), batch_size=settings.batch_size)


def extract_to_jsonl(
    paths: Sequence[str | Path],
    output: TextIO,
    settings: Settings,
    published: str | None = None,
    progress: Progress | None = None,
    extractor: Extractor | None = None,
    scale: Scale = IN_PROCESS,
) -> RunReport:
    """Extract every input document and write one extraction record a line (FORMAT.md), in input order.

    Stateless: nothing is stored. Actor and place ids are stable across the records of the run (numbered here,
    whatever ``scale`` runs the extraction, so the output is the same byte for byte). Bad inputs are skipped and
    listed in the report's ``problems``.

    Raises:
        InvalidDate: ``published`` is not a partial date.
    """
    counter = _Counter()
    items = read_documents(paths, published, max_bytes=settings.max_bytes)
    run = RunIds()
    for ex in extract_documents(_documents_only(items, counter, progress), settings, extractor, scale):
        output.write(json.dumps(record_to_dict(ex, run), ensure_ascii=False) + "\n")
        counter.count(ex)
        _notify(progress, ex.doc.source)
    return counter.report()


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    published: str | None = None,
    progress: Progress | None = None,
    extractor: Extractor | None = None,
    scale: Scale = IN_PROCESS,
) -> RunReport:
    """Read, extract and store every input document whose text is not stored yet.

    Documents already stored (by content hash) are skipped before extraction, and the model is not even loaded
    (nor a pool or cluster started) when nothing is new. Extraction runs where ``scale`` says; this process alone
    writes the store, each document in its own transaction, so a run killed midway leaves the store consistent,
    and running it again stores the rest without duplicates.

    Raises:
        InvalidDate: ``published`` is not a partial date.
        StoreError: the store cannot be written.
    """
    counter = _Counter()
    items = read_documents(paths, published, max_bytes=settings.max_bytes)
    fresh = _new_documents(_documents_only(items, counter, progress), store.known_text_keys(), counter, progress)
    for ex in extract_documents(fresh, settings, extractor, scale):
        if store.add_extraction(ex):
            counter.count(ex)
        else:  # stored meanwhile by another writer
            counter.skipped_known += 1
        _notify(progress, ex.doc.source)
    return counter.report()


# --- Evaluation ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores of the program on a gold file: ``summary`` is the object ``shared/eval/score.py --json`` prints,
    ``by_type`` its per-type table with F1, ``errors`` what ``score.py --errors`` lists (each gold relation missed,
    each extracted relation wrong), ``problems`` the gold records that could not be read."""

    gold_path: str
    documents: int
    summary: dict[str, Any]
    by_type: tuple[TypeScore, ...]
    errors: tuple[ScoringError, ...] = ()
    problems: tuple[IngestProblem, ...] = ()
    calibration: tuple[CalibrationBin, ...] = ()


def evaluate(
    gold_path: str | Path, settings: Settings, extractor: Extractor | None = None
) -> EvalReport:
    """Extract the texts of a gold file (it doubles as JSON Lines input) and score the records against it.

    The same as ``factionmap extract --format jsonl --output OUT GOLD`` followed by
    ``python shared/eval/score.py GOLD OUT``, without the intermediate file.

    Raises:
        InputError: the gold file cannot be read.
    """
    gold = read_gold(gold_path)
    counter = _Counter()
    items = read_documents([gold_path], max_bytes=settings.max_bytes)
    run = RunIds()
    records = [record_to_dict(ex, run) for ex in extract_documents(_documents_only(items, counter, None),
                                                                  settings, extractor)]
    tally: Tally = score(gold, records)
    return EvalReport(str(gold_path), len(records), summarize(tally), tuple(scores_by_type(tally)),
                      tuple(tally.errors), tuple(counter.problems), tuple(calibration(tally)))


def _num(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def format_eval(report: EvalReport, errors: bool = False, calibrated: bool = False) -> str:
    """The scores as a text table: relations overall and per type (P/R/F1), events, places, forbidden; with
    ``errors``, first each missed and each wrong relation by document, as ``score.py --errors`` lists them; with
    ``calibrated``, last the precision of the extracted relations by confidence band."""
    s = report.summary
    rel, ev, pl = s["relations"], s["events"], s["places"]
    lines = _error_lines(report.errors) if errors else []
    lines += [
        f"{report.gold_path}: {report.documents} documents extracted",
        (f"relations  P {_num(rel['precision'])}  R {_num(rel['recall'])}  F1 {_num(rel['f1'])}  "
         f"(gold {rel['gold']}, extracted {rel['extracted']}), dates {_num(rel['date_accuracy'])} of the matched "
         f"(found with the right date: {_num(rel['date_recall'])} of all dated gold)"),
    ]
    for row in report.by_type:
        lines.append(f"  {row.type:<16} P {_num(row.precision)}  R {_num(row.recall)}  F1 {_num(row.f1)}  "
                     f"(gold {row.gold}, extracted {row.extracted})")
    lines += [
        (f"events     R {_num(ev['recall'])}  (gold {ev['gold']}), dates {_num(ev['date_accuracy'])} of the matched "
         f"({_num(ev['date_recall'])} of all dated gold)"),
        f"places     R {_num(pl['recall'])}  (gold {pl['gold']}), within 161 km {_num(pl['within_161km'])}",
        (f"forbidden extracted: {s['forbidden_extracted']}; "
         f"documents missing from output: {s['documents_missing_from_output']}"),
    ]
    if calibrated:
        lines += _calibration_lines(report.calibration)
    return "\n".join(lines)


def _calibration_lines(bins: Sequence[CalibrationBin]) -> list[str]:
    """Precision by confidence band, then of everything at or above each band's floor."""
    lines = ["calibration  confidence     extracted  precision   at or above: extracted  precision"]
    for i, band in enumerate(bins):
        above = bins[i:]
        extracted, correct = sum(b.extracted for b in above), sum(b.correct for b in above)
        high = "1.0" if band.high == float("inf") else f"{band.high:.1f}"
        lines.append(f"             [{band.low:.1f}, {high}){'':4}{band.extracted:9d}  {_num(band.precision)}"
                     f"{'':15}{extracted:9d}  {_num(correct / extracted if extracted else None)}")
    return lines


def _error_lines(errors: Iterable[ScoringError]) -> list[str]:
    """Missed and wrong relations grouped by document, each wrong one with its evidence."""
    lines: list[str] = []
    doc = None
    for error in errors:
        if error.doc != doc:
            lines.append(f"# {error.doc}")
            doc = error.doc
        lines.append(f"  {error.kind:<6} {error.relation}")
        if error.evidence:
            lines.append(f'         "{error.evidence[:200]}"')
    return lines + [""] if lines else lines


# --- Graph ---------------------------------------------------------------------------------------------------

GRAPH_FORMATS: tuple[str, ...] = ("json", "graphml")


def build_graph(
    store: Store, as_of: str | None = None, types: Sequence[str] = (), min_sources: int = 1
) -> Any:
    """The relations of the store (in force ``as_of`` a date, if given) as a networkx ``MultiDiGraph``.

    The graph of ``factionmap export graphml`` (:func:`factionmap.export.graphs.relation_graph`): nodes are the
    actors and places the relations join, keyed by their store keys; each edge is one merged relation, keyed by its
    type (docs/exports.md lists the attributes).

    Raises:
        InvalidDate: ``as_of`` is not a partial date.
    """
    from factionmap.export.graphs import relation_graph  # only the graph command needs networkx

    if as_of is not None:
        bounds(as_of)
    return relation_graph(store.snapshot(as_of), types, min_sources)


def graph(
    store: Store, as_of: str | None = None, fmt: str = "json", types: Sequence[str] = (), min_sources: int = 1
) -> str:
    """The relation graph (see ``build_graph``) as node-link JSON or GraphML text.

    Raises:
        UnknownFormat: ``fmt`` is neither ``json`` nor ``graphml``.
        InvalidDate: ``as_of`` is not a partial date.
    """
    if fmt not in GRAPH_FORMATS:
        raise UnknownFormat(fmt, GRAPH_FORMATS)
    g = build_graph(store, as_of, types, min_sources)
    import networkx as nx

    from factionmap.export.graphs import graphml_lines

    if fmt == "graphml":
        return "".join(graphml_lines(g))
    return json.dumps(nx.node_link_data(g, edges="links"), ensure_ascii=False, indent=1) + "\n"


# --- Actor profiles ------------------------------------------------------------------------------------------

_EVIDENCE_CHARS = 240


def _known_names(store: Store) -> set[str]:
    """Every actor name the store's relations and events mention (for suggestions)."""
    names = {r.subject_name for r in store.relations()}
    names |= {r.object_name for r in store.relations() if not r.object_is_place}
    names |= {p.name for e in store.events() for p in e.participants if p.actor_id is not None}
    return names


def suggest_names(store: Store, name: str, limit: int = 5) -> list[str]:
    """Actor names close to ``name`` (by spelling, or containing it), best first."""
    wanted = normalize_name(name)
    by_norm = {normalize_name(n): n for n in sorted(_known_names(store))}
    close = difflib.get_close_matches(wanted, list(by_norm), n=limit, cutoff=0.6)
    containing = [n for n in by_norm if wanted and wanted in n and n not in close]
    return [by_norm[n] for n in (close + containing)[:limit]]


def actor_profile(store: Store, name: str) -> ActorProfile:
    """The profile of the actor called ``name`` (name or alias, any spelling normalisation allows).

    When several actors answer to the name, the one with the most relations is taken.

    Raises:
        ActorNotFound: no actor has that name; the message suggests close names.
    """
    candidates: list[StoredActor] = store.find_actors(name)
    if not candidates:
        raise ActorNotFound(name, suggest_names(store, name))
    profiles = [store.actor_profile(a.id) for a in candidates]
    return max(profiles, key=lambda p: len(p.relations))  # max keeps the first (best name match) on ties


def _span(start: str | None, end: str | None) -> str:
    """A date range for display: "2015-08-06 to 2016", "since 2015", "until 2014-06", "undated"."""
    if start and end:
        return start if start == end else f"{start} to {end}"
    if start:
        return f"since {start}"
    if end:
        return f"until {end}"
    return "undated"


def _quote(ev: StoredEvidence) -> str:
    """One evidence sentence with its document's title and date."""
    text = " ".join(ev.text.split())
    if len(text) > _EVIDENCE_CHARS:
        text = text[: _EVIDENCE_CHARS - 1].rstrip() + "…"
    where = ev.title or ev.doc_id
    return f'      "{text}" ({where}, {ev.published or "undated"})'


def _status(status: str, attributed_to: str | None) -> str:
    return f"{status} by {attributed_to}" if attributed_to else status


def _relation_lines(rel: StoredRelation) -> list[str]:
    """A relation over time: dates, who to whom, status, sources, and its first evidence sentence."""
    ended = f" (ended by relation #{rel.superseded_by})" if rel.superseded_by is not None else ""
    first = rel.evidence[0] if rel.evidence else None
    head = (f"  {_span(rel.start, rel.effective_end)}{ended}: {rel.subject_name} {rel.type} {rel.object_name}"
            f"  [{_status(rel.status, first.attributed_to if first else None)}, {rel.n_sources} "
            f"source{'s' if rel.n_sources != 1 else ''}, confidence {rel.confidence:.2f}]")
    return [head] + ([_quote(first)] if first else [])


def _event_lines(event: StoredEvent) -> list[str]:
    """An event: date, type, who did what to whom, where, and its evidence sentence."""
    roles = ", ".join(f"{p.role} {p.name}" for p in event.participants)
    place = f" in {event.place.name}" if event.place else ""
    status = "" if event.status == "asserted" else f" [{_status(event.status, event.attributed_to)}]"
    return [f"  {event.date or 'undated'}: {event.type} ({roles}){place}{status}", _quote(event.evidence)]


def _section(title: str, items: Sequence[Any], render: Callable[[Any], list[str]]) -> list[str]:
    if not items:
        return []
    return ["", f"{title}:"] + [line for item in items for line in render(item)]


def _by_date(relations: Iterable[StoredRelation]) -> list[StoredRelation]:
    """Relations in time order: by start, or by end where only the end is known ("until X" before "since X")."""
    return sorted(relations, key=lambda r: (sort_key(r.start or r.effective_end), r.start is not None))


def format_profile(profile: ActorProfile) -> str:
    """A readable profile: names, kind, KB id, lineage, leaders, relations over time, events, places."""
    actor = profile.actor
    lines = [f"{actor.name} ({actor.kind.replace('_', ' ')})"]
    if actor.aliases:
        lines.append(f"  also: {'; '.join(actor.aliases)}")
    if actor.kb_id:
        lines.append(f"  knowledge base: {actor.kb_id}")
    shown = {r.id for r in profile.lineage} | {r.id for r in profile.leaders}
    others = [r for r in profile.relations if r.id not in shown]
    lines += _section("Lineage", _by_date(profile.lineage), _relation_lines)
    lines += _section("Leaders", _by_date(profile.leaders), _relation_lines)
    lines += _section("Relations over time", _by_date(others), _relation_lines)
    lines += _section("Events", sorted(profile.events, key=lambda e: sort_key(e.date)), _event_lines)
    lines += _section("Places", _by_date(profile.places), _relation_lines)
    if len(lines) == 1 + bool(actor.aliases) + bool(actor.kb_id):
        lines += ["", "No relations or events stored for this actor."]
    return "\n".join(lines)
