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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from factionmap.errors import FactionmapError, InputError, StoreError
from factionmap.record_format import record_to_extraction
from factionmap.records import IngestProblem
from factionmap.store.base import Store

log = logging.getLogger(__name__)



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
