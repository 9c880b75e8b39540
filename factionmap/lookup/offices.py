"""The knowledge of offices: who held which office of which state or group, and when.

News names office holders by title more often than by relation: "President Museveni", "Prime Minister Modi",
"then-Prime Minister Erdogan". The title alone does not say of which state; this book does. Each row of the
bundled ``offices.jsonl`` (built by ``scripts/build_offices.py`` from the curated ``offices_curated.jsonl`` and
the leaders the UN sanctions list names) is one holding::

    {"person": "Yoweri Museveni", "aliases": ["Museveni"], "office": "president", "actor": "S:UG",
     "start": "1986-01-29", "end": null}

``actor`` is a knowledge-base id (``S:`` states, ``G:`` armed groups); ``start``/``end`` are partial dates
(``end`` null while the holding lasts, or when it is unknown). The offices and the relation each one makes
(``leader_of`` for a head of state or a group's leader, ``member_of`` for a minister) are listed in
``office_titles.json``.

    book = OfficeBook.load()
    [o.actor for o in book.at("Museveni", "2021-11")]   # ['S:UG']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from factionmap.errors import KnowledgeBaseError
from factionmap.lookup.folding import fold_transliteration, normalize_name
from factionmap.records import Office, PartialDate

BUNDLED_OFFICES = "offices.jsonl"
_PARTIAL_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
SURNAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "da", "del", "van", "von", "ould", "ag", "jr",
                               "iii", "ii"})
_ARTICLE = re.compile(r"^(?:al|el|as|ad|an|ar|ash|at|az)[-\u2011'\u2019]", re.IGNORECASE)


class OfficeModel(BaseModel):
    """One line of an offices file, validated: a user's file or the curated one."""

    model_config = ConfigDict(extra="forbid")
    person: str
    office: str
    actor: str
    aliases: list[str] = []
    start: str | None = None
    end: str | None = None
    source: str = "curated"

    @field_validator("start", "end")
    @classmethod
    def _partial_date(cls, value: str | None) -> str | None:
        if value is not None and not _PARTIAL_DATE.fullmatch(value):
            raise ValueError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        return value

    def to_office(self) -> Office:
        """Return the frozen record."""
        return Office(self.person, self.office, self.actor, tuple(self.aliases), self.start, self.end, self.source)


def parse_office_lines(lines: Iterable[str], source: str) -> list[Office]:
    """Validate the lines of an offices file named ``source``; blank lines and ``#`` comments are skipped.

    Raises :class:`~factionmap.errors.KnowledgeBaseError` naming the file and line of a malformed row."""
    offices = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            model = OfficeModel.model_validate(json.loads(line))
        except json.JSONDecodeError as e:
            raise KnowledgeBaseError(f"{source}:{number}: not valid JSON ({e.msg})") from e
        except ValidationError as e:
            problems = "; ".join(f"{'.'.join(map(str, err['loc'])) or 'row'}: {err['msg']}" for err in e.errors())
            raise KnowledgeBaseError(f"{source}:{number}: {problems}") from e
        if model.start and model.end and _bounds(model.end)[1] < _bounds(model.start)[0]:
            raise KnowledgeBaseError(f"{source}:{number}: ends ({model.end}) before it starts ({model.start})")
        offices.append(model.to_office())
    return offices


def _bounds(date: PartialDate) -> tuple[str, str]:
    """The first and last day a partial date may mean: "2013-08" is 2013-08-01 .. 2013-08-31 (as text)."""
    parts = date.split("-")
    low = "-".join([*parts, *["01"] * (3 - len(parts))])
    high = "-".join([*parts, *["12", "31"][len(parts) - 1:]])
    return low, high


def held_at(office: Office, date: PartialDate) -> bool:
    """Whether the holding may have been in force on a (partial) date: its span and the date's overlap."""
    low, high = _bounds(date)
    started = office.start is None or _bounds(office.start)[0] <= high
    return started and (office.end is None or _bounds(office.end)[1] >= low)


def held_before(office: Office, date: PartialDate) -> bool:
    """Whether the holding had begun by a (partial) date: what "former President X" in a text of that date needs."""
    return office.start is None or _bounds(office.start)[0] <= _bounds(date)[1]


def surname(name: str, alone: bool = False) -> str | None:
    """The normalised last word of a name, its Arabic article off ("Bashar al-Assad" -> "assad"), when it can
    stand for the person; a name of one word is its own surname only when ``alone`` ("President Abbas")."""
    words = name.strip().strip("\u201c\u201d\"'").split()
    if not words or (len(words) < 2 and not alone):
        return None
    last = normalize_name(_ARTICLE.sub("", words[-1]))
    return last if len(last) >= 3 and " " not in last and last not in SURNAME_PARTICLES else None


class OfficeBook:
    """Office holdings, looked up by the holder's name, alias or (for a name of several words) surname."""

    def __init__(self, offices: Sequence[Office]) -> None:
        self.offices: tuple[Office, ...] = tuple(offices)
        self._names: dict[str, list[Office]] = {}
        self._surnames: dict[str, list[Office]] = {}
        for office in self.offices:
            for text in office.names():
                for key in {normalize_name(text), fold_transliteration(normalize_name(text))}:
                    self._names.setdefault(key, []).append(office)
                last = surname(text)
                if last is not None:
                    self._surnames.setdefault(last, []).append(office)

    @classmethod
    def load(cls, user_files: Sequence[Path] = ()) -> OfficeBook:
        """The bundled holdings, then those of the user's files (JSON Lines of the same fields)."""
        offices = [_office_from_row(row) for row in _read_bundled()]
        for path in user_files:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise KnowledgeBaseError(f"{path}: cannot be read ({e})") from e
            offices += parse_office_lines(text.splitlines(), str(path))
        return cls(offices)

    def holdings(self, name: str) -> tuple[Office, ...]:
        """Every holding of the person a full name or alias names (transliterations folded), oldest first."""
        key = normalize_name(name)
        found = self._names.get(key) or self._names.get(fold_transliteration(key)) or []
        return tuple(sorted(found, key=lambda o: o.start or ""))

    def by_surname(self, word: str) -> tuple[Office, ...]:
        """Every holding of a person whose surname this is: for a name a title has already narrowed down."""
        key = surname(word, alone=True)
        return tuple(sorted(self._surnames.get(key, []), key=lambda o: o.start or "")) if key else ()

    def at(self, name: str, date: PartialDate) -> tuple[Office, ...]:
        """The holdings of the named person that may have been in force on a (partial) date."""
        return tuple(o for o in self.holdings(name) if held_at(o, date))

    def __len__(self) -> int:
        return len(self.offices)


def _read_bundled() -> list[dict[str, Any]]:
    """The bundled holdings: trusted rows, checked by the tests rather than at every load."""
    text = resources.files("factionmap").joinpath("data", BUNDLED_OFFICES).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _office_from_row(row: dict[str, Any]) -> Office:
    return Office(row["person"], row["office"], row["actor"], tuple(row.get("aliases", ())), row.get("start"),
                  row.get("end"), row.get("source", "curated"))
