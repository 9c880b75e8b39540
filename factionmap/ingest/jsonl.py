"""The JSON Lines reader (``.jsonl``): one article a line, as ``text`` or ``html`` with ``id``, ``published``,
``title`` and ``url``; a gold file of shared/eval/FORMAT.md is such a file.

The file is streamed line by line; a bad line is a problem naming ``FILE:LINE`` and reading goes on.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from factionmap.errors import InputError
from factionmap.ingest.decoding import decode_bytes, repaired, utf16_without_bom
from factionmap.ingest.document import text_document
from factionmap.ingest.html import html_document
from factionmap.ingest.reader import Reader
from factionmap.records import Document, IngestProblem

logger = logging.getLogger(__name__)

_SNIFF_BYTES = 8192


def read_jsonl(path: Path, published: str | None, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """Yield a document or a problem for each non-empty line of a JSON Lines file."""
    for item in jsonl_items(path, max_bytes):
        if isinstance(item, IngestProblem):
            yield item
        else:
            yield _record_document(path, item[0], item[1], published)


def jsonl_items(path: Path, max_bytes: int) -> Iterator[tuple[int, str] | IngestProblem]:
    """Yield (line number, line) for each non-empty line of a JSON Lines file, or a problem."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield IngestProblem(str(path), f"cannot read file ({error.strerror or error})")
        return
    with handle:
        head = handle.read(_SNIFF_BYTES)
        handle.seek(0)
        utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(head) is not None
        if not utf16 and b"\x00" in head:
            yield IngestProblem(str(path), "binary file (contains NUL bytes)")
            return
        found = False
        for number, line in enumerate(_text_lines(handle, max_bytes, str(path)), start=1):
            if isinstance(line, InputError):
                yield IngestProblem(f"{path}:{number}", line.reason)
            elif line.strip():
                yield number, line
            found = found or isinstance(line, InputError) or bool(line.strip())
    if not found:
        yield IngestProblem(str(path), "empty file" if not head else "only whitespace, no records")


def count_records(path: Path, max_bytes: int) -> int:
    """Count the items :func:`read_jsonl` yields for a file: one per record or bad line."""
    return sum(1 for _ in jsonl_items(path, max_bytes))


def _text_lines(handle: BinaryIO, max_bytes: int, source: str) -> Iterator[str | InputError]:
    """Yield the decoded lines of a binary file; a line over ``max_bytes`` or undecodable is an error."""
    head = handle.read(_SNIFF_BYTES)
    handle.seek(0)
    bom = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    codec = "utf-16" if bom else (utf16_without_bom(head) if b"\x00" in head else None)
    if codec is not None:
        logger.warning("%s: read as %s", source, codec.upper())
        yield from io.TextIOWrapper(handle, encoding=codec, newline="\n")
        return
    first = True
    while raw := handle.readline(max_bytes + 2):
        body = raw.rstrip(b"\r\n")
        if len(body) > max_bytes:
            _skip_rest_of_line(handle, raw)
            yield InputError(source, f"record is over the limit of {max_bytes:,} bytes")
            continue
        try:
            yield decode_bytes(body.removeprefix(codecs.BOM_UTF8) if first else body, source, allow_empty=True)
        except InputError as error:
            yield error
        first = False


def _skip_rest_of_line(handle: BinaryIO, read: bytes) -> None:
    """Advance ``handle`` past the end of the line whose beginning ``read`` holds."""
    while read and not read.endswith(b"\n"):
        read = handle.readline(1 << 20)


def _record_document(path: Path, number: int, line: str, published: str | None) -> Document | IngestProblem:
    """Make a document of one JSON Lines record (``id``, ``text`` or ``html``, ``published``, ``title``, ``url``)."""
    source = f"{path}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return IngestProblem(source, f"not JSON ({error.msg} at column {error.colno})")
    if not isinstance(record, dict):
        return IngestProblem(source, f"not a JSON object (got {_json_type(record)})")
    doc_id = record.get("id")
    if doc_id is not None and not isinstance(doc_id, (str, int)):
        return IngestProblem(source, f"'id' is not a string (got {_json_type(doc_id)})")
    doc_id = str(doc_id) if doc_id is not None and str(doc_id).strip() else f"{path.stem}:{number}"
    meta = _record_meta(record, source)
    for field in ("text", "html"):
        value = record.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            return IngestProblem(source, f"'{field}' is not a string (got {_json_type(value)})")
        if field == "text":
            return text_document(repaired(value, source), doc_id, source, meta, published)
        return html_document(repaired(value, source), doc_id, source, meta, published)
    return IngestProblem(source, "record has neither 'text' nor 'html'")


def _record_meta(record: dict[str, Any], source: str) -> dict[str, str]:
    """Return the optional ``title``, ``url`` and ``published`` of a record; other types are ignored."""
    meta: dict[str, str] = {}
    for key in ("title", "url", "published"):
        value = record.get(key)
        if key == "published" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
        elif value is not None:
            logger.warning("%s: ignoring %r: not a string (got %s)", source, key, _json_type(value))
    return meta


def _json_type(value: object) -> str:
    """Name the JSON type of a decoded value."""
    names = {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


READER = Reader(frozenset({".jsonl"}), read_jsonl, count_records)
