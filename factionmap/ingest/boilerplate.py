"""Boilerplate removal that keeps character offsets.

News and analysis pages carry more than the article: share buttons, "Related:" links, tag lines, category
menus, author biographies and reader comments. Extraction must not read them (a reader's comment is not a
claim of the article), yet every offset the pipeline records must still slice the caller's original text.
So ``clean_text`` never deletes characters in the middle of the text: it overwrites boilerplate with spaces,
keeping newlines, and may only cut off a boilerplate tail.

The rules are general ones for news pages of any outlet. Lines in the middle of the text are removed only
when they match a pattern that no article paragraph would (``Tags: ...``, ``Share this:``); the looser rules
(menus of short lines, author biographies) apply only to the tail, after the last body paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_LIMIT_MENU = 5
_MENU_LINE_CHARS = 40
_PROSE_LINE_CHARS = 60
_PROSE_BEFORE_COMMENTS = 400
_MIN_MENU_RUN = 3
_BOILERPLATE_LINE_CHARS = 400


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of the text: ``text[start:end]`` without its line break; ``content`` is it stripped."""

    start: int
    end: int
    content: str


# --- Patterns of lines that are boilerplate wherever they stand ---------------------------------------

_TAGS = re.compile(
    r"^(?:tags|tagged(?:\s+with)?|topics|filed\s+under|categories|category|posted\s+in)\s*:.{0,300}$", re.IGNORECASE
)
_SHARE_TOKEN = (
    r"(?:share(?:\s+(?:this(?:\s+(?:article|story|page|post))?|on\s+\w+|via\s+\w+))?"
    r"|tweet(?:\s+this)?|print(?:\s+this(?:\s+(?:article|page|story))?)?"
    r"|e-?mail(?:\s+this(?:\s+(?:article|page|story))?)?"
    r"|facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|messenger|like\s+this|loading\.\.\."
    r"|click\s+to\s+[^()\n]{1,60}?(?:\s*\(opens\s+in\s+new\s+window\))?)"
)
_SHARE = re.compile(rf"^{_SHARE_TOKEN}(?:[\s|·•,/]+{_SHARE_TOKEN})*\s*[:.]?$", re.IGNORECASE)
_RELATED = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|posts?|coverage|content|news|reading|links?|topics))?"
    r"|read\s+(?:more|also)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|recommended(?:\s+for\s+you)?"
    r"|you\s+(?:may|might)\s+also\s+like|most\s+(?:read|popular)|trending(?:\s+now)?)"
    r"\s*(?:[:»›>|…]|\.\.\.|$)",
    re.IGNORECASE,
)
_IMAGE_CREDIT = re.compile(
    r"^\(?\s*(?:(?:(?:photo|image|picture|photograph|video|graphic|illustration|map)s?"
    r"(?:\s+(?:credit|courtesy|source))?|credits?|source\s+image)\s*:.{0,150}"
    r"|(?:(?:file\s+)?photo|image|picture)s?\s+(?:by|courtesy\s+of|via)\s+.{1,120}"
    r"|.{0,150}(?:getty\s+images|/\s*(?:afp|reuters|ap|epa|anadolu)(?:\s+photo)?)\s*\)?\.?)$",
    re.IGNORECASE,
)
_BYLINE_NAME = r"(?:(?:al|el|bin|ibn|de|van|von|la|le|du)[\s-])?[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"^By\s+(?!(?i:(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?|january|february|march|april|may|june|july|august"
    r"|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
    rf"{_BYLINE_NAME}(?:\s+(?:and\s+)?{_BYLINE_NAME}){{0,5}}"
    r"(?:\s*(?:,|\||–|—|-|\bin\b|\bfor\b)\s*[^.!?]{0,120})?$"
)
_FILE_PHOTO = re.compile(
    r"^\(?\s*[^()\n]{0,60}?(?:/|\b)\s*(?:file\s+)?(?:photo|file|handout|pool)(?:\s+photo)?\s*\)?\.?$", re.IGNORECASE
)
_ADVERT = re.compile(
    r"^(?:advertisement|advertising|sponsored(?:\s+content)?|story\s+continues\s+below"
    r"(?:\s+advertisement)?|continue\s+reading\s+below|scroll\s+to\s+continue.{0,40})$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)\s*\d{4}|copyright\s+(?:©|\(c\)|\d{4})).{0,150}$|^all\s+rights\s+reserved\.?$", re.IGNORECASE
)
_WIRE_TRAILER = re.compile(r"^\((?:additional\s+)?(?:reporting|writing|editing)\s+by\b[^()]{0,300}\)$", re.IGNORECASE)
_SUBSCRIBE = re.compile(
    r"^(?:sign\s+up|subscribe)\b.{0,100}\b(?:newsletter|updates|inbox|subscribe)\b.{0,40}$", re.IGNORECASE
)
_FOLLOW = re.compile(r"^follow\s+.{0,60}\bon\s+(?:twitter|x|facebook|instagram|telegram)\b.{0,40}$", re.IGNORECASE)
_BREADCRUMB_SEP = re.compile(r"\s+[/|›»•>]\s+")
_MENU_SEGMENT = re.compile(r"^[A-Z][^\d.!?:;,]{0,30}$")

_COMMENT_HEADER = re.compile(
    r"^(?:(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:comments?|responses?|replies|thoughts?)(?:\s+(?:on|to)\b.{0,200})?"
    r"|comments?\s*\(\d+\)|leave\s+a\s+(?:reply|comment|response)|(?:add|post|write)\s+(?:a|your)\s+comment"
    r"|comments\s+are\s+closed|join\s+the\s+(?:discussion|conversation)"
    r"|(?:show|view|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments)\s*[:.]?$",
    re.IGNORECASE,
)
_COMMENTER = re.compile(r"^(?P<bullet>[•*·–-]\s*)?(?P<name>[^\s\"“”:][^\"“”:]{0,79}?)\s+(?:says|said|wrote)\s*:$")
_TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}\b|\b(?:19|20)\d\d\b.{0,20}\bat\b", re.IGNORECASE)

# --- Patterns used only in the tail ------------------------------------------------------------------

_BIO_ROLES = (
    r"fellow|editor|analyst|researcher|reporter|correspondent|journalist|writer|contributor|professor|lecturer"
    r"|scholar|director|associate|student|candidate|columnist|producer|photographer|expert|specialist|consultant"
    r"|author|intern|staff\s+writer|member\s+of\s+the\s+staff"
)
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+|(?:al|bin|de|van|von|la|le|du)\s+){1,3}[A-Z][\w'’-]+(?:\s+\([^()]{1,40}\))?"
    r"\s+is\s+(?:a\s+|an\s+|the\s+)?(?P<role>[^.]{0,120}?)\s+(?:at|of|for|with|in)\s+\S"
)
_BIO_ROLE = re.compile(rf"\b(?:{_BIO_ROLES})s?\b", re.IGNORECASE)
_ABOUT_AUTHOR = re.compile(r"^about\s+the\s+(?:authors?|writers?|contributors?)\s*:?$", re.IGNORECASE)
# A credit closing a caption line: "... addressing a press conference. — Dawn File", "... affiliate [State
# Department]" (a caption has no full stop after its credit; an editor's bracket inside a sentence has one).
_CAPTION_CREDIT = re.compile(
    r"(?:\s+[—–]\s*[A-Z][\w./'’ -]{0,40}\b(?:file|photo|images|handout|pool)|\s*\[[A-Z][^\[\]\n.]{1,60}\])\s*$",
    re.IGNORECASE,
)
_INLINE_XREF = re.compile(
    r"\[\s*(?:see|read|related|also\s+see|see\s+also|for\s+more)\b[^\[\]\n]{0,400}\]", re.IGNORECASE
)


def clean_text(text: str) -> str:
    """Return ``text`` with boilerplate blanked out and a boilerplate tail cut off.

    The result has the same length as ``text`` except for a possibly removed tail: boilerplate characters are
    replaced by spaces (line breaks kept), so ``result[i] == text[i]`` for every character that is kept and any
    offset into the result is an offset into ``text``. Removed: reader comments (from a "2 Comments" or
    "NAME says:" line to the end), tag lines, share and "Related:" lines, "[See ... report]" cross-references,
    image credits, and in the tail, menus of short lines and author biographies.
    """
    lines = _split_lines(text)
    cut = _comment_cut(lines)
    kept = lines[:cut] if cut is not None else lines
    spans = _boilerplate_spans(text, kept)
    tail = _tail_start(kept)
    end = len(text)
    if cut is not None:
        end = lines[cut].start
    if tail is not None:
        end = min(end, kept[tail].start)
    return _blank(text, spans)[:end].rstrip()


def is_boilerplate_line(line: str) -> bool:
    """Tell whether a line (without its line break) is boilerplate wherever it stands in an article."""
    content = line.strip()
    if not content or len(content) > _BOILERPLATE_LINE_CHARS:
        return False
    patterns = (
        _TAGS,
        _SHARE,
        _RELATED,
        _IMAGE_CREDIT,
        _FILE_PHOTO,
        _BYLINE,
        _ADVERT,
        _COPYRIGHT,
        _WIRE_TRAILER,
        _SUBSCRIBE,
        _FOLLOW,
        _COMMENT_HEADER,
    )
    return any(p.match(content) for p in patterns) or _is_separator_menu(content)


def _split_lines(text: str) -> list[_Line]:
    """Split ``text`` into lines, keeping each line's offsets (``\\r`` stays with its line)."""
    lines: list[_Line] = []
    start = 0
    for match in re.finditer(r"\n", text):
        lines.append(_Line(start, match.start(), text[start : match.start()].strip()))
        start = match.end()
    lines.append(_Line(start, len(text), text[start:].strip()))
    return lines


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Overwrite every span of ``text`` with spaces, keeping line breaks."""
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if start >= end:
            continue
        parts.append(text[pos:start])
        parts.append(re.sub(r"[^\r\n]", " ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _boilerplate_spans(text: str, lines: list[_Line]) -> list[tuple[int, int]]:
    """Return the spans to blank: whole boilerplate lines and inline cross-references."""
    spans: list[tuple[int, int]] = []
    for line in lines:
        if is_boilerplate_line(line.content):
            spans.append((line.start, line.end))
            continue
        for match in _INLINE_XREF.finditer(text, line.start, line.end):
            spans.append(match.span())
        credit = _CAPTION_CREDIT.search(text, line.start, line.end)
        if credit is not None:
            spans.append(credit.span())
    return spans


def _is_separator_menu(content: str) -> bool:
    """Tell whether a line is a menu or breadcrumb: three or more short titles joined by "/", "|", "»"..."""
    if len(content) > 150:
        return False
    segments = _BREADCRUMB_SEP.split(content)
    return len(segments) >= 3 and all(_MENU_SEGMENT.match(s) and len(s.split()) <= 4 for s in segments)


# --- Reader comments ---------------------------------------------------------------------------------


def _comment_cut(lines: list[_Line]) -> int | None:
    """Return the index of the line where the reader comments start, if the text has some after its body."""
    prose = 0
    mixed_case = any(char.isupper() for line in lines[:200] for char in line.content)
    for index, line in enumerate(lines):
        if prose >= _PROSE_BEFORE_COMMENTS and _starts_comments(lines, index, mixed_case):
            return index
        if len(line.content) >= _PROSE_LINE_CHARS:
            prose += len(line.content)
    return None


def _starts_comments(lines: list[_Line], index: int, mixed_case: bool) -> bool:
    """Tell whether line ``index`` opens a comment section: "2 Comments", or a commenter's "NAME says:".

    A "NAME says:" line counts when it has a bullet, a time stamp near it, or a lower-case name (a user name;
    unless the whole text is lower case, as some corpora are).
    """
    content = lines[index].content
    if _COMMENT_HEADER.match(content):
        return True
    match = _COMMENTER.match(content)
    if match is None:
        return False
    name = match.group("name")
    following = [line.content for line in lines[index + 1 : index + 4] if line.content][:2]
    return (
        match.group("bullet") is not None
        or (mixed_case and name == name.lower())
        or bool(_TIMESTAMP.search(name))
        or any(len(f) <= 60 and _TIMESTAMP.search(f) for f in following)
    )


# --- The tail after the body -------------------------------------------------------------------------


def _tail_start(lines: list[_Line]) -> int | None:
    """Return the index of the first line of the boilerplate tail (bios, menus, tags), or None if there is none.

    Walks back from the end over empty, boilerplate, biography and short title-like lines, and stops at the
    first body line. The tail is cut when it holds a strong sign (a biography, a tag or share line...) or a run
    of short lines that cannot be the end of a list the body introduced.
    """
    strong = False
    menu_lines = 0
    index = len(lines)
    while index > 0:
        content = lines[index - 1].content
        kind = _tail_kind(content)
        if kind is None:
            break
        strong = strong or kind == "strong"
        menu_lines += kind == "menu"
        index -= 1
    if index == 0 or index == len(lines):
        return None
    if strong or (menu_lines >= _MIN_MENU_RUN and not lines[index - 1].content.endswith(":")):
        return index
    return None


def _tail_kind(content: str) -> str | None:
    """Classify a tail line: "empty", "strong" (boilerplate, biography), "menu" (short title), or None (body)."""
    if not content:
        return "empty"
    if is_boilerplate_line(content) or _ABOUT_AUTHOR.match(content) or _is_bio(content):
        return "strong"
    if _is_menu_line(content):
        return "menu"
    return None


def _is_bio(content: str) -> bool:
    """Tell whether a paragraph is an author biography: "Jane Doe is a senior fellow at ...", "... editor of ..."."""
    match = _BIO.match(content)
    return match is not None and _BIO_ROLE.search(match.group("role")) is not None


def _is_menu_line(content: str) -> bool:
    """Tell whether a line is a short title-like menu entry ("Iraq", "Boko Haram", "Al shabaab")."""
    return (
        len(content) <= _MENU_LINE_CHARS
        and len(content.split()) <= _WORD_LIMIT_MENU
        and content[0].isupper()
        and not re.search(r"[.!?:;,\"“”’)]$", content)
    )
