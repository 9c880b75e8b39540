"""Making a ``Document`` of an article's text and the metadata its input carries (title, url, published).

Every reader ends here: the text is cleaned of boilerplate, the title is the metadata's or the text's headline,
and the publication date comes from :mod:`factionmap.ingest.published`.
"""

from __future__ import annotations

import re

from factionmap.ingest.boilerplate import clean_text
from factionmap.ingest.published import publication_date
from factionmap.records import Document, IngestProblem

_HEADLINE_MAX_CHARS = 150
_HEADLINE_MAX_WORDS = 20


def text_document(
    raw: str, doc_id: str, source: str, meta: dict[str, str], published: str | None
) -> Document | IngestProblem:
    """Make a document of a plain text and the metadata its record carries (title, url, published)."""
    if not raw.strip():
        return IngestProblem(source, "only whitespace, no text")
    text = clean_text(raw)
    if not text.strip():
        return IngestProblem(source, "no article text left after removing boilerplate")
    date, date_from = publication_date(meta.get("published"), text, published, source)
    return Document(
        id=doc_id,
        text=text,
        source=source,
        title=meta.get("title") or headline(text),
        published=date,
        published_from=date_from,
        url=meta.get("url"),
    )


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
