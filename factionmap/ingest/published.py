"""The publication date of a document: from its metadata, its dateline, the caller, or inferred from the text.

Metadata dates come in many forms ("2015-08-24T10:00:00Z", "Mon, 24 Aug 2015", "August 24, 2015"); all become
partial dates (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
"""

from __future__ import annotations

import email.utils
import logging
import re
from datetime import datetime

from factionmap.errors import InvalidDate
from factionmap.records import PublishedFrom

logger = logging.getLogger(__name__)


def normalise_date(value: str) -> str:
    """Return a date of metadata as a partial date: "2015-08-24T10:00:00Z" and "Mon, 24 Aug 2015" give "2015-08-24".

    Raises:
        InvalidDate: ``value`` is no date.
    """
    from factionmap.dates.expressions import parse_partial_date

    text = value.strip()
    iso = re.match(r"^(\d{4})(?:[-/](\d{2})(?:[-/](\d{2}))?)?(?:[T ].*)?$", text)
    if iso:
        return parse_partial_date("-".join(part for part in iso.groups() if part))
    parsed = _parse_date_words(text)
    if parsed is None:
        raise InvalidDate(value)
    return parse_partial_date(parsed)


def publication_date(
    meta: str | None, text: str, published: str | None, source: str
) -> tuple[str | None, PublishedFrom | None]:
    """Return the publication date and where it came from: metadata, dateline, the caller, or the text."""
    from factionmap.dates import expressions as dates

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
    from factionmap.dates.expressions import parse_partial_date

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
