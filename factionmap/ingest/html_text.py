"""The plain text of an HTML page, for pages trafilatura returns nothing for.

trafilatura parses pages with lxml, whose parser stops at a nesting depth of a few hundred elements: a page of
10,000 nested ``div`` elements loses all its text (issue 10). The standard library's ``HTMLParser`` is a tokenizer
that keeps no tree, so depth costs it nothing. It keeps the text of the body, one line per block element, and
drops what is never article text: scripts, styles, templates, the head, navigation, headers, footers, asides,
forms.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form", "button",
     "select", "svg", "iframe"}
)
BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main",
     "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "figcaption", "hr", "body", "title"}
)
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"})
MIN_WORDS = 5
"""A fallback text shorter than this is no article (a page of menus, an error page)."""

_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class _TextCollector(HTMLParser):
    """Collect the text outside skipped elements, with a line break at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.skipping.clear()  # a head left open ends where the body starts
        if tag in SKIPPED and tag not in VOID:
            self.skipping.append(tag)
        self.in_title = tag == "title" or self.in_title
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        if tag == "title":
            self.in_title = False
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def page_text(html: str) -> tuple[str, str | None] | None:
    """The page's body text (one paragraph a line) and its title, or None when it holds no article-sized text."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(collector.parts).split("\n"))
    text = _BLANK_LINES.sub("\n", "\n".join(lines)).strip()
    if len(text.split()) < MIN_WORDS:
        return None
    title = _SPACES.sub(" ", "".join(collector.title)).strip() or None
    return text, title
