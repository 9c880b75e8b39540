"""Texts longer than the parser takes at once: parsed in pieces, joined back into one ``Doc`` of the whole text.

    tokens = make_tokens(nlp, text)               # any length: tokens only, for the cheap tests before parsing
    docs = parse_docs(nlp, [tokens, ...], 32)     # parsed, in order; a long one piece by piece, then joined

spaCy refuses a text over ``nlp.max_length`` characters (error E088, a million by default) because the parser's
memory grows with the text, so one long input used to stop a whole batch, and every re-run stopped at it again
(issue 10). Here a text over ``PIECE_CHARS`` is cut into windows: whole paragraphs packed up to the limit, a
paragraph too long for one window cut after a sentence, a sentence too long cut at a space, and only a text with no
space at all cut anywhere. Each window is parsed on its own and the parsed windows are joined with
``Doc.from_docs``: the windows cover the text end to end, so the joined ``Doc`` has exactly the original text and
every token, sentence and entity keeps its character offset in the whole document; the evidence of a relation found
in the last window points into the whole text like any other.

Cutting at paragraphs costs nothing: a sentence never spans a blank line (``factionmap_paragraphs_v1``), and the
stages after the parse (references, places, dates, assembly) run on the joined ``Doc``, across windows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from factionmap.extract.nlp import doc_text

PIECE_CHARS = 100_000
"""The longest text parsed in one piece: well under spaCy's ``max_length`` (1,000,000), so the parser's memory
stays small, and far over any news article, which therefore goes through whole."""

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def windows(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` character windows that cover ``text`` end to end, none longer than ``limit``.

    Each window ends after a paragraph break when one falls inside it, else after a sentence's end, else after a
    space, else at the limit.
    """
    if limit < 1:
        raise ValueError(f"a window holds at least one character, not {limit}")
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, stop: int) -> int:
    """Where the window from ``start`` ends: after the last break of the best kind in ``text[start:stop]``."""
    for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END, _SPACE):
        end = max((m.end() for m in pattern.finditer(text, start + 1, stop)), default=start)
        if end > start:
            return end
    return stop


def make_tokens(nlp: Language, text: str, limit: int = PIECE_CHARS) -> Doc:
    """The tokens of ``text`` (no parse), whatever its length: a long text is tokenized window by window."""
    if len(text) <= limit:
        return nlp.make_doc(text)
    return _join([nlp.make_doc(text[a:b]) for a, b in windows(text, limit)])


def parse_docs(nlp: Language, tokens: Sequence[Doc], batch_size: int, limit: int = PIECE_CHARS) -> Iterator[Doc]:
    """Run the pipeline on tokenized texts, in order, in batches of ``batch_size``; a text over ``limit`` is parsed
    window by window and comes back joined, with the offsets of the whole text."""
    pieces: list[Doc] = []
    counts: list[int] = []
    for doc in tokens:
        text = doc_text(doc)
        split = [doc] if len(text) <= limit else [nlp.make_doc(text[a:b]) for a, b in windows(text, limit)]
        pieces.extend(split)
        counts.append(len(split))
    parsed = iter(nlp.pipe(pieces, batch_size=batch_size))
    for count in counts:
        yield _join([next(parsed) for _ in range(count)])


def _join(docs: list[Doc]) -> Doc:
    """One ``Doc`` of consecutive windows: their texts end to end, with no space added between them."""
    if len(docs) == 1:
        return docs[0]
    # a piece's cached text is no whole's (spaCy's stubs lack from_docs's exclude)
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])  # type: ignore[call-arg]
