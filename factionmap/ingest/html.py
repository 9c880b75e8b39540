"""The HTML reader (``.html``, ``.htm``): main text, title, date and url through trafilatura.

A page whose main text trafilatura cannot find is read as plain text (:mod:`factionmap.ingest.html_text`).
JSON Lines records with an ``html`` field are read by :func:`html_document` too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factionmap.ingest.document import text_document
from factionmap.ingest.html_text import page_text
from factionmap.ingest.reader import Reader, read_one_article
from factionmap.records import Document, IngestProblem

logger = logging.getLogger(__name__)


def read_html(path: Path, published: str | None, max_bytes: int) -> Iterator[Document | IngestProblem]:
    """Yield the document of one HTML file, or the problem that kept it from being read."""
    return read_one_article(path, published, max_bytes, html_document)


def html_document(
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
    return text_document(page["text"], doc_id, source, merged, published)


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


READER = Reader(frozenset({".html", ".htm"}), read_html)
