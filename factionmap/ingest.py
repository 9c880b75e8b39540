"""Reading inputs (text, HTML and JSON Lines files, or folders of them) into ``Document`` records.

Bad inputs do not stop a batch: each one is yielded as an ``IngestProblem`` naming it and saying why, and
reading goes on. Files are decoded as UTF-8 (with or without BOM) or UTF-16 (with BOM, or without one when
NUL bytes beside the ASCII characters show it is UTF-16, with a warning); anything else is
guessed with charset-normalizer (Windows-1252 is preferred for Latin-script text) and a warning names the
file and the encoding used. Common mojibake (UTF-8 read as Windows-1252: "â€™" for "’") is repaired.
JSON Lines files are streamed line by line, folders file by file.
"""

from __future__ import annotations

import codecs
import email.utils
import io
import json
import logging
import os
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from factionmap.boilerplate import clean_text
from factionmap.errors import InputError, InvalidDate
from factionmap.html_text import page_text
from factionmap.records import Document, IngestProblem, PublishedFrom

logger = logging.getLogger(__name__)

MAX_BYTES: int = 5_000_000
"""Default size limit of one input: a text or HTML file, or one line of a JSON Lines file."""

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# Latin-script single-byte encodings: charset-normalizer often names a sibling of Windows-1252 for short
# Western texts, so any of these is read as Windows-1252.
# fmt: off
_LATIN_ENCODINGS = frozenset({
    "ascii", "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp850", "cp852", "cp858", "cp437", "cp775",
    "cp1257", "cp1254", "iso8859_9", "iso8859_4", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_16",
    "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish", "hp_roman8", "cp1140", "cp500",
})
# fmt: on
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.01
_HEADLINE_MAX_CHARS = 150
_HEADLINE_MAX_WORDS = 20
_SNIFF_BYTES = 8192


def read_documents(
    paths: Sequence[str | Path], published: str | None = None, *, max_bytes: int = MAX_BYTES
) -> Iterator[Document | IngestProblem]:
    """Read files and folders into documents, in a deterministic order.

    Args:
        paths: files (``.txt``, ``.html``/``.htm``, ``.jsonl``) or folders, read recursively in name order;
            files of other types inside a folder are skipped.
        published: publication date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) of inputs whose metadata and
            dateline give none.
        max_bytes: size limit of a text or HTML file, and of one line of a JSON Lines file.

    Yields:
        A ``Document`` for each article read, or an ``IngestProblem`` for each input that could not be read.

    Raises:
        InvalidDate: ``published`` is not a date.
    """
    given = normalise_date(published) if published is not None else None
    return _read_all(paths, given, max_bytes)


def count_inputs(paths: Sequence[str | Path]) -> int:
    """Count the items ``read_documents`` will yield for ``paths`` (one per file, one per JSON Lines record)."""
    total = 0
    for item in _iter_files(paths):
        if isinstance(item, IngestProblem) or item[0].suffix.lower() not in JSONL_SUFFIXES:
            total += 1
        else:
            total += sum(1 for _ in _jsonl_items(item[0], MAX_BYTES))
    return total


def normalise_date(value: str) -> str:
    """Return a date of metadata as a partial date: "2015-08-24T10:00:00Z" and "Mon, 24 Aug 2015" give "2015-08-24".

    Raises:
        InvalidDate: ``value`` is no date.
    """
    from factionmap.dates import parse_partial_date

    text = value.strip()
    iso = re.match(r"^(\d{4})(?:[-/](\d{2})(?:[-/](\d{2}))?)?(?:[T ].*)?$", text)
    if iso:
        return parse_partial_date("-".join(part for part in iso.groups() if part))
    parsed = _parse_date_words(text)
    if parsed is None:
        raise InvalidDate(value)
    return parse_partial_date(parsed)


# --- Walking inputs ----------------------------------------------------------------------------------


def _read_all(paths: Sequence[str | Path], published: str | None, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """Yield the documents and problems of every input, file by file."""
    for item in _iter_files(paths):
        if isinstance(item, IngestProblem):
            yield item
            continue
        path, explicit = item
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, published, max_bytes)
        elif suffix in SUPPORTED_SUFFIXES:
            yield _read_file(path, published, max_bytes)
        elif explicit:
            yield IngestProblem(
                str(path), f"unsupported file type {suffix or '(none)'!r}: use {', '.join(sorted(SUPPORTED_SUFFIXES))}"
            )


def _iter_files(paths: Sequence[str | Path]) -> Iterator[tuple[Path, bool] | IngestProblem]:
    """Yield each file to read with whether it was named explicitly, or a problem for a missing path."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk_folder(path)
        elif path.exists():
            yield path, True
        else:
            yield IngestProblem(str(path), "no such file or directory")


def _walk_folder(folder: Path) -> Iterator[tuple[Path, bool] | IngestProblem]:
    """Yield the supported files under ``folder``, recursively, in name order; hidden entries are skipped."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield IngestProblem(str(folder), f"cannot read folder ({error.strerror or error})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk_folder(Path(entry.path))
        elif entry.is_file() and Path(entry.name).suffix.lower() in SUPPORTED_SUFFIXES:
            yield Path(entry.path), False


# --- Text and HTML files -----------------------------------------------------------------------------


def _read_file(path: Path, published: str | None, max_bytes: int) -> Document | IngestProblem:
    """Read one text or HTML file into a document."""
    source = str(path)
    try:
        raw = decode_bytes(_read_bytes(path, max_bytes), source)
    except InputError as error:
        return IngestProblem(error.source, error.reason)
    if path.suffix.lower() in HTML_SUFFIXES:
        return _html_document(raw, path.stem, source, {}, published)
    return _text_document(raw, path.stem, source, {}, published)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """Return the bytes of a file no larger than ``max_bytes``."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(source, f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(source, f"cannot read file ({error.strerror or error})") from error
    if not data:
        raise InputError(source, "empty file")
    return data


def _text_document(
    raw: str, doc_id: str, source: str, meta: dict[str, str], published: str | None
) -> Document | IngestProblem:
    """Make a document of a plain text and the metadata its record carries (title, url, published)."""
    if not raw.strip():
        return IngestProblem(source, "only whitespace, no text")
    text = clean_text(raw)
    if not text.strip():
        return IngestProblem(source, "no article text left after removing boilerplate")
    date, date_from = _publication_date(meta.get("published"), text, published, source)
    return Document(
        id=doc_id,
        text=text,
        source=source,
        title=meta.get("title") or headline(text),
        published=date,
        published_from=date_from,
        url=meta.get("url"),
    )


def _html_document(
    html: str, doc_id: str, source: str, meta: dict[str, str], published: str | None
) -> Document | IngestProblem:
    """Make a document of an HTML page: main text, title, date and url through trafilatura."""
    if not html.strip():
        return IngestProblem(source, "only whitespace, no text")
    page = _extract_html(html, meta.get("url"))
    if page is None or not page.get("text"):
        page = _plain_page(html, source)
    if page is None:
        return IngestProblem(source, "no article text found in the HTML")
    merged = {key: value for key, value in page.items() if key != "text" and value}
    merged.update(meta)
    return _text_document(page["text"], doc_id, source, merged, published)


def _extract_html(html: str, url: str | None) -> dict[str, str] | None:
    """Return the main text and the title, date and url trafilatura finds in a page, or None."""
    import trafilatura  # only for HTML: a command given text or JSON Lines starts without it

    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return None
    found: dict[str, Any] = result if isinstance(result, dict) else result.as_dict()
    page = {
        "text": found.get("text"),
        "title": found.get("title"),
        "published": found.get("date"),
        "url": found.get("url"),
    }
    return {key: value for key, value in page.items() if isinstance(value, str) and value.strip()}


def _plain_page(html: str, source: str) -> dict[str, str] | None:
    """The page's plain text and title when trafilatura finds none (e.g. nesting too deep for its parser)."""
    found = page_text(html)
    if found is None:
        return None
    logger.info("%s: no main text found; read the page's plain text instead", source)
    text, title = found
    return {"text": text, "title": title} if title else {"text": text}


def headline(text: str) -> str | None:
    """Return the first line of a text if it looks like a headline (short, no final period, text follows)."""
    stripped = text.strip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if not rest.strip() or len(first) > _HEADLINE_MAX_CHARS or len(first.split()) > _HEADLINE_MAX_WORDS:
        return None
    if not re.search(r"[^\W\d_]", first) or re.search(r"[.,;:]$", first):
        return None
    return first


# --- Publication dates -------------------------------------------------------------------------------


def _publication_date(
    meta: str | None, text: str, published: str | None, source: str
) -> tuple[str | None, PublishedFrom | None]:
    """Return the publication date and where it came from: metadata, dateline, the caller, or the text."""
    from factionmap import dates

    if meta:
        try:
            return normalise_date(meta), "metadata"
        except InvalidDate:
            logger.warning("%s: ignoring publication date %r: not a date", source, meta)
    dateline = _valid_date(dates.find_dateline(text))
    if dateline:
        return dateline, "dateline"
    if published:
        return published, "metadata"
    inferred = _valid_date(dates.infer_publication_date(text))
    if inferred:
        return inferred, "inferred"
    return None, None


def _valid_date(value: str | None) -> str | None:
    """Return ``value`` as a partial date, or None if it is missing or no date."""
    from factionmap.dates import parse_partial_date

    if not value:
        return None
    try:
        return parse_partial_date(value)
    except InvalidDate:
        logger.debug("ignoring %r: not a date", value)
        return None


def _parse_date_words(text: str) -> str | None:
    """Parse an e-mail style or written date ("Mon, 24 Aug 2015", "August 24, 2015") into YYYY-MM-DD."""
    stamp = email.utils.parsedate_tz(text)
    if stamp is not None:
        return f"{stamp[0]:04d}-{stamp[1]:02d}-{stamp[2]:02d}"
    cleaned = re.sub(r"\s+", " ", text.replace(".", " ")).strip()
    for fmt in (
        "%a, %d %b %Y",
        "%A, %d %B %Y",
        "%d %b %Y",
        "%d %B %Y",
        "%b %d, %Y",
        "%B %d, %Y",
        "%a %b %d %Y",
        "%B %Y",
        "%b %Y",
    ):
        try:
            parsed = datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m" if "%d" not in fmt else "%Y-%m-%d")
    return None


# --- JSON Lines --------------------------------------------------------------------------------------


def _read_jsonl(path: Path, published: str | None, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """Yield a document or a problem for each non-empty line of a JSON Lines file."""
    for item in _jsonl_items(path, max_bytes):
        if isinstance(item, IngestProblem):
            yield item
        else:
            yield _record_document(path, item[0], item[1], published)


def _jsonl_items(path: Path, max_bytes: int) -> Iterator[tuple[int, str] | IngestProblem]:
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
            return _text_document(_repaired(value, source), doc_id, source, meta, published)
        return _html_document(_repaired(value, source), doc_id, source, meta, published)
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


# --- Decoding ----------------------------------------------------------------------------------------


def decode_bytes(data: bytes, source: str, *, allow_empty: bool = False) -> str:
    """Decode the bytes of an input, repairing mojibake; a warning names any encoding other than UTF-8.

    Raises:
        InputError: the bytes are binary (NUL or control bytes) or fit no encoding.
    """
    if not data and not allow_empty:
        raise InputError(source, "empty file")
    text = _decode_unicode(data)
    if b"\x00" in data and (text is None or "\x00" in text):
        text = _decode_utf16_without_bom(data, source) or text
    if (text is None and b"\x00" in data) or (text is not None and "\x00" in text):
        raise InputError(source, "binary file (contains NUL bytes)")
    if text is None:
        text = _decode_legacy(data, source)
    if text and len(_CONTROL.findall(text)) > _MAX_CONTROL_RATIO * len(text):
        raise InputError(source, "binary file (contains control characters)")
    return _repaired(text, source)


def _decode_unicode(data: bytes) -> str | None:
    """Decode UTF-8 (with or without BOM) or UTF-16/32 with BOM; None if the bytes are none of these."""
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    encoding = next((name for bom, name in boms if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when bytes without a byte order mark look like UTF-16, else None.

    UTF-16 puts a NUL beside every ASCII character (spaces, digits, Latin letters), always on the same side of
    the pair; binary data has NULs on both sides.
    """
    pairs = len(data) // 2
    if pairs < 2:
        return None
    even, odd = data[0 : 2 * pairs : 2].count(0), data[1 : 2 * pairs : 2].count(0)
    if min(even, odd) > pairs // 100 or max(even, odd) < pairs // 20 + 1:
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


def _decode_utf16_without_bom(data: bytes, source: str) -> str | None:
    """Decode UTF-16 that has no byte order mark; None if the bytes do not look like it or do not decode."""
    codec = utf16_without_bom(data)
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    logger.warning("%s: read as %s (UTF-16 without byte order mark)", source, codec.upper())
    return text


def _decode_legacy(data: bytes, source: str) -> str:
    """Decode bytes that are not UTF-8, with charset-normalizer's guess (Windows-1252 for Latin script)."""
    guesses = [match.encoding for match in from_bytes(data)]
    if not guesses:
        raise InputError(source, "cannot decode text: not UTF-8, and no other encoding fits")
    if "cp1252" in guesses or guesses[0] in _LATIN_ENCODINGS:
        logger.warning("%s: not UTF-8; read as Windows-1252 (cp1252)", source)
        return data.decode("latin-1").translate(_CP1252_FROM_LATIN1)
    logger.warning("%s: not UTF-8; read as %s", source, guesses[0])
    return data.decode(guesses[0], errors="replace")


def _cp1252_tables() -> tuple[dict[int, str], dict[str, int]]:
    """Return the C1-range translation Latin-1 -> Windows-1252 and the map of each Windows-1252 char to its byte.

    The five bytes Windows-1252 leaves undefined map to the Latin-1 control characters, as browsers do.
    """
    forward: dict[int, str] = {}
    reverse: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            char = chr(byte)
        forward[byte] = char
        reverse[char] = byte
    return forward, reverse


_CP1252_FROM_LATIN1, _CP1252_TO_BYTE = _cp1252_tables()
_CONTINUATION = "".join(re.escape(char) for char, byte in _CP1252_TO_BYTE.items() if byte < 0xC0)
_MOJIBAKE = re.compile(
    rf"â€\ufffd|(?:[\xc2-\xdf][{_CONTINUATION}]|[\xe0-\xef][{_CONTINUATION}]{{2}}"
    rf"|[\xf0-\xf4][{_CONTINUATION}]{{3}})+"
)

_STRAY_NBSP_LEAD = re.compile(r"(?<![A-ZÀ-Þ])Â(?= )")


def repair_mojibake(text: str) -> str:
    """Repair UTF-8 text that was decoded as Windows-1252 ("â€™" -> "’", "Ã©" -> "é") where it is unambiguous.

    Only runs of characters that re-encode to valid UTF-8 are replaced; "â€" followed by U+FFFD (the lost
    byte 0x9D) becomes "”", and a lone "Â" before a space (a no-break space whose second byte became a plain
    space) is dropped unless it ends an upper-case word.
    """
    if "Â" not in text and "â" not in text and "Ã" not in text:
        return text
    return _STRAY_NBSP_LEAD.sub("", _MOJIBAKE.sub(_repair_match, text))


def _repaired(text: str, source: str) -> str:
    """Return ``text`` with mojibake repaired, logging that ``source`` was repaired."""
    repaired = repair_mojibake(text)
    if repaired != text:
        logger.info("%s: repaired mis-decoded characters (UTF-8 read as Windows-1252)", source)
    return repaired


def _repair_match(match: re.Match[str]) -> str:
    """Return the UTF-8 reading of one run of mojibake, or the run unchanged if it is not valid UTF-8."""
    run = match.group()
    if run == "â€\ufffd":
        return "”"
    try:
        return bytes(_CP1252_TO_BYTE[char] for char in run).decode("utf-8")
    except UnicodeDecodeError:
        return run
