"""Import extraction records (shared/eval/FORMAT.md JSON Lines) produced elsewhere into a store.

Each line becomes a ``records.Extraction`` and goes through ``Store.add_extraction``, so importing is idempotent
by content hash: a record whose text is stored already adds nothing.

A record needs its document's text for offsets to mean anything. FORMAT.md records written by ``factionmap
export jsonl`` carry it as ``doc.text``. A record without it is stored *evidence-only*: the text is rebuilt as
spaces with every evidence sentence and place mention written at its own offsets (so offsets stay true), and the
document's ``source`` is prefixed with ``evidence-only:`` to mark it. Rebuilding is deterministic, so importing
the same evidence-only record twice still adds it once. A record whose spans contradict its text, or each other,
is refused with the reason; the batch goes on without it (see ``ImportReport.problems``).
"""

from __future__ import annotations

import codecs
import json
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from factionmap.errors import FactionmapError, InputError, StoreError
from factionmap.records import Actor, Document, Event, Extraction, IngestProblem, Participant, Place, Relation, Span
from factionmap.store.base import Store

log = logging.getLogger(__name__)

EVIDENCE_ONLY_PREFIX = "evidence-only:"
_EVENT_FIELDS = frozenset(
    {"type", "participants", "date", "place", "status", "attributed_to", "confidence", "evidence"}
)


@dataclass(slots=True)
class ImportReport:
    """What an import did: documents added, already stored, stored evidence-only, and records refused."""

    added: int = 0
    duplicates: int = 0
    evidence_only: list[str] = field(default_factory=list)
    problems: list[IngestProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no record was refused (the CLI exits non-zero otherwise)."""
        return not self.problems

    def summary(self) -> str:
        """One line for the CLI."""
        return (
            f"{self.added} documents added, {self.duplicates} already stored, "
            f"{len(self.evidence_only)} evidence-only, {len(self.problems)} refused"
        )


def _str(d: Mapping[str, Any], key: str, where: str) -> str:
    value = d.get(key)
    if not isinstance(value, str) or not value:
        raise InputError(where, f"{key!r} must be a non-empty string, got {value!r}")
    return value


def _opt(d: Mapping[str, Any], key: str) -> Any:
    value = d.get(key)
    return None if value == "" else value


def _span(d: Any, where: str) -> Span:
    if not isinstance(d, Mapping):
        raise InputError(where, f"evidence must be an object with text, start and end, got {d!r}")
    start, end = d.get("start"), d.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end:
        raise InputError(where, f"span offsets must be integers with 0 <= start <= end, got {start!r}, {end!r}")
    return Span(_str(d, "text", where), start, end)


def _actor(d: Mapping[str, Any], where: str) -> Actor:
    aliases = tuple(str(a) for a in d.get("aliases") or ())
    return Actor(
        _str(d, "id", where),
        _str(d, "name", where),
        _str(d, "kind", where),
        aliases,
        key=str(d.get("key") or ""),
        kb_id=_opt(d, "kb_id"),
    )


def _place(d: Mapping[str, Any], where: str) -> Place:
    gid = d.get("geonames_id")
    return Place(
        _str(d, "id", where),
        _str(d, "name", where),
        _opt(d, "country"),
        str(d.get("feature") or "unknown"),
        _opt(d, "lat"),
        _opt(d, "lon"),
        admin1=_opt(d, "admin1"),
        geonames_id=int(gid) if gid else None,
        precision=_opt(d, "precision"),
        mentions=tuple(_span(m, where) for m in d.get("mentions") or ()),
        key=str(d.get("key") or ""),
    )


def _relation(d: Mapping[str, Any], where: str) -> Relation:
    return Relation(
        _str(d, "subject", where),
        _str(d, "type", where),
        _str(d, "object", where),
        _span(d.get("evidence"), where),
        start=_opt(d, "start"),
        end=_opt(d, "end"),
        status=str(d.get("status") or "asserted"),
        attributed_to=_opt(d, "attributed_to"),
        confidence=float(d.get("confidence", 0.5)),
    )


def _participant(d: Mapping[str, Any], where: str) -> Participant:
    ref = d.get("ref") if d.get("ref") is not None else d.get("value")
    if not isinstance(ref, str) or not ref:
        raise InputError(where, f"a participant needs a 'ref' (actor id) or a 'value', got {d!r}")
    return Participant(_str(d, "role", where), ref)


def _event(d: Mapping[str, Any], where: str) -> Event:
    attributes = tuple((k, str(v)) for k, v in d.items() if k not in _EVENT_FIELDS and v is not None)
    return Event(
        _str(d, "type", where),
        tuple(_participant(p, where) for p in d.get("participants") or ()),
        _span(d.get("evidence"), where),
        date=_opt(d, "date"),
        place=_opt(d, "place"),
        status=str(d.get("status") or "asserted"),
        attributed_to=_opt(d, "attributed_to"),
        confidence=float(d.get("confidence", 0.5)),
        attributes=attributes,
    )


def _spans(places: Iterable[Place], rels: Iterable[Relation], events: Iterable[Event]) -> list[Span]:
    return [*(m for p in places for m in p.mentions), *(r.evidence for r in rels), *(e.evidence for e in events)]


def evidence_text(spans: Iterable[Span], where: str) -> str:
    """A text of spaces with each span written at its offsets; ``InputError`` if two spans disagree."""
    spans = list(spans)
    chars = [" "] * max((s.end for s in spans), default=0)
    written = [False] * len(chars)
    for s in spans:
        if len(s.text) != s.end - s.start:
            raise InputError(where, f"span {s.text[:40]!r} does not fit its offsets {s.start}-{s.end}")
        for i, ch in enumerate(s.text, start=s.start):
            if written[i] and chars[i] != ch:
                raise InputError(where, f"spans disagree at offset {i}; the record needs its doc.text")
            chars[i], written[i] = ch, True
    return "".join(chars)


def _check_spans(text: str, spans: Iterable[Span], where: str) -> None:
    for s in spans:
        if text[s.start : s.end] != s.text:
            raise InputError(where, f"span {s.text[:40]!r} at {s.start}-{s.end} is not in the document text there")


def _document(d: Mapping[str, Any], spans: list[Span], where: str) -> tuple[Document, bool]:
    """The record's document; the flag says its text was rebuilt from evidence (evidence-only)."""
    source = str(d.get("source") or d.get("id") or where)
    given = d.get("text")
    evidence_only = not isinstance(given, str) or not given
    if isinstance(given, str) and given:
        text = given
        _check_spans(text, spans, where)
    else:
        text = evidence_text(spans, where)
        source = EVIDENCE_ONLY_PREFIX + source.removeprefix(EVIDENCE_ONLY_PREFIX)
    doc = Document(
        _str(d, "id", where),
        text,
        source,
        title=_opt(d, "title"),
        published=_opt(d, "published"),
        published_from=_opt(d, "published_from"),
        url=_opt(d, "url"),
    )
    return doc, evidence_only


def record_to_extraction(record: Mapping[str, Any], where: str) -> tuple[Extraction, bool]:
    """One FORMAT.md record as an ``Extraction``; the flag says the document is evidence-only."""
    if not isinstance(record, Mapping) or not isinstance(record.get("doc"), Mapping):
        raise InputError(where, "a record must be a JSON object with a 'doc' object")
    actors = tuple(_actor(a, where) for a in record.get("actors") or ())
    places = tuple(_place(p, where) for p in record.get("places") or ())
    rels = tuple(_relation(r, where) for r in record.get("relations") or ())
    events = tuple(_event(e, where) for e in record.get("events") or ())
    if not (record.get("doc") or {}).get("text") and not _spans(places, rels, events):
        raise InputError(where, "the record has neither doc.text nor any evidence to store")
    doc, evidence_only = _document(record["doc"], _spans(places, rels, events), where)
    return Extraction(doc, actors, places, rels, events), evidence_only


def read_records(path: str | os.PathLike[str]) -> Iterator[tuple[str, Any]]:
    """(``path:line``, parsed JSON or the ``InputError`` it raised) for each non-blank line of a JSONL file.

    Lines are UTF-8 (a byte order mark on the first is dropped); a line that is not is refused with the byte.
    """
    try:
        f = open(path, "rb")  # noqa: SIM115 (only the open's OSError becomes an InputError)
    except OSError as e:
        raise InputError(os.fspath(path), f"cannot be read: {e.strerror}") from e
    with f:
        for n, raw in enumerate(f, start=1):
            where = f"{os.fspath(path)}:{n}"
            try:
                line = raw.removeprefix(codecs.BOM_UTF8 if n == 1 else b"").decode("utf-8")
            except UnicodeDecodeError as e:
                byte = raw[e.start]
                yield where, InputError(where, f"not UTF-8 (byte 0x{byte:02x} at column {e.start + 1}): "
                                        "save the file as UTF-8")
                continue
            if not line.strip():
                continue
            try:
                yield where, json.loads(line)
            except json.JSONDecodeError as e:
                yield where, InputError(where, f"not JSON: {e.msg} at column {e.colno}")


def _import_one(store: Store, where: str, item: Any, report: ImportReport) -> None:
    if isinstance(item, InputError):
        raise item
    try:
        ex, evidence_only = record_to_extraction(item, where)
    except (TypeError, ValueError, AttributeError) as e:  # a field of the wrong JSON type
        raise InputError(where, f"malformed record: {e}") from e
    if not store.add_extraction(ex):
        report.duplicates += 1
        return
    report.added += 1
    if evidence_only:
        report.evidence_only.append(ex.doc.id)


def import_records(store: Store, path: str | os.PathLike[str]) -> ImportReport:
    """Load every extraction record of a JSONL file into the store, skipping (and logging) the ones it refuses.

    Raises ``InputError`` when the file itself cannot be read, ``StoreError`` when the store cannot be written.
    """
    report = ImportReport()
    for where, item in read_records(path):
        try:
            _import_one(store, where, item, report)
        except StoreError:
            raise  # the store itself failed (read-only, gone): no record can be imported
        except FactionmapError as e:
            log.info("skipping record %s: %s", where, e)
            report.problems.append(IngestProblem(where, e.reason if isinstance(e, InputError) else str(e)))
    return report
