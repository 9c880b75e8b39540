"""Decoding the bytes of an input: UTF-8 (with or without BOM) or UTF-16 (with BOM, or without one when NUL
bytes beside the ASCII characters show it is UTF-16, with a warning); anything else is guessed with
charset-normalizer (Windows-1252 is preferred for Latin-script text) and a warning names the file and the encoding
used. Common mojibake (UTF-8 read as Windows-1252: "â€™" for "’") is repaired.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from charset_normalizer import from_bytes

from factionmap.errors import InputError

logger = logging.getLogger(__name__)

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


def read_bytes(path: Path, max_bytes: int) -> bytes:
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


def read_file_text(path: Path, max_bytes: int) -> str:
    """Return the decoded, repaired text of a file no larger than ``max_bytes``.

    Raises:
        InputError: the file cannot be read, is too large or empty, or is binary.
    """
    return decode_bytes(read_bytes(path, max_bytes), str(path))


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
    return repaired(text, source)


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


def repaired(text: str, source: str) -> str:
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
