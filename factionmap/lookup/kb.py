"""The knowledge base of actors: armed groups, states and organizations, with their aliases.

The bundled files live in ``factionmap/data`` (read through :mod:`importlib.resources`):

- ``kb.jsonl``: armed groups and listed entities, built by ``scripts/build_kb.py`` from the curated
  groups (``kb_curated.jsonl``), the UN consolidated sanctions list and the Phoenix militant-actor dictionary;
- ``states.jsonl``: every country, with a ``demonyms`` list ("Afghan", "U.S.") to resolve "Afghan forces";
- ``organizations.jsonl``: international bodies, NGOs, think tanks and publishers.

Users may add JSONL files with the same fields; an entry whose id already exists replaces it. Who held which office
of a state or group, and when, is the office book (``offices.jsonl``, :mod:`factionmap.lookup.offices`):
``kb.offices_at("Erdogan", "2012")``.

Example::

    kb = KnowledgeBase.load()
    kb.lookup("ISIS").name             # 'Islamic State'
    kb.state_for_demonym("Afghan").id  # 'S:AF'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from factionmap.errors import KnowledgeBaseError
from factionmap.lookup.folding import fold_transliteration, normalize_name
from factionmap.lookup.offices import OfficeBook
from factionmap.records import Designation, FormerName, KBEntry, Office, PartialDate
from factionmap.vocabulary import ACTOR_KINDS, ActorKind, is_actor_kind

BUNDLED_FILES: tuple[str, ...] = ("kb.jsonl", "states.jsonl", "organizations.jsonl")
_PARTIAL_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


_INNER_ARTICLE = re.compile(r"(?<=\S) (?:al|el|ul|as|ad|ash|an|ar|at|az)[-\s](?=[A-Z])", re.IGNORECASE)


def particle_variants(name: str) -> list[str]:
    """The forms a writer gives a name without its inner Arabic article: "Hashd al-Shaabi" is also written
    "Hashd Shaabi", "Jaish al-Adl" "Jaish Adl" (the leading one stays: "al-Shabaab" is not "Shabaab" here)."""
    variant = _INNER_ARTICLE.sub(" ", name)
    return [variant] if variant != name and len(variant.split()) >= 2 else []


def is_case_sensitive(alias: str) -> bool:
    """Tell whether an alias must be matched with its case: acronyms ("IS", "LeT", "ISIS-K") are, names are not."""
    if " " in alias.strip():
        return False
    letters = [c for c in alias if c.isalpha()]
    if not letters:
        return True
    upper = sum(1 for c in letters if c.isupper())
    inner_upper = any(c.isupper() for c in letters[1:])
    return (upper >= 2 and upper * 2 >= len(letters)) or (len(letters) <= 4 and inner_upper)


class DesignationModel(BaseModel):
    """A designation as written in a KB file."""

    model_config = ConfigDict(extra="forbid")
    by: str
    list: str
    date: str | None = None


class FormerNameModel(BaseModel):
    """A former name as written in a KB file: ``{"name": "Jabhat Fateh al-Sham", "until": "2017-01"}``."""

    model_config = ConfigDict(extra="forbid")
    name: str
    until: str | None = None

    @field_validator("until")
    @classmethod
    def _partial_date(cls, value: str | None) -> str | None:
        if value is not None and not _PARTIAL_DATE.fullmatch(value):
            raise ValueError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        return value

    @field_validator("name")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not normalize_name(value):
            raise ValueError("a former name may not be blank")
        return value


class EntryModel(BaseModel):
    """One line of a KB file: the :class:`KBEntry` fields, plus ``demonyms`` for states."""

    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = []
    country: str | None = None
    parent: str | None = None
    predecessor: str | None = None
    designations: list[DesignationModel] = []
    source: str = "curated"
    demonyms: list[str] = []
    observer: bool = False
    former_names: list[FormerNameModel] = []

    @field_validator("kind", mode="before")
    @classmethod
    def _known_kind(cls, value: object) -> object:
        if not is_actor_kind(value):
            raise ValueError(f"unknown kind {value!r}. Choose from: {', '.join(ACTOR_KINDS)}")
        return value

    def to_entry(self) -> KBEntry:
        """Return the frozen record."""
        return KBEntry(
            id=self.id, name=self.name, kind=self.kind, aliases=tuple(self.aliases), country=self.country,
            parent=self.parent, predecessor=self.predecessor, source=self.source, observer=self.observer,
            designations=tuple(Designation(by=d.by, list=d.list, date=d.date) for d in self.designations),
            former_names=tuple(FormerName(name=f.name, until=f.until) for f in self.former_names),
        )

    def repeated_names(self) -> list[str]:
        """Former names that repeat the name, an alias or another former name (each must name once)."""
        seen = {normalize_name(self.name)} | {normalize_name(a) for a in self.aliases}
        repeated = []
        for former in self.former_names:
            key = normalize_name(former.name)
            if key in seen:
                repeated.append(former.name)
            seen.add(key)
        return repeated


def parse_line(line: str, where: str) -> EntryModel:
    """Validate one JSONL line; ``where`` ("file:line") names it in the error."""
    try:
        model = EntryModel.model_validate(json.loads(line))
    except json.JSONDecodeError as e:
        raise KnowledgeBaseError(f"{where}: not valid JSON ({e.msg})") from e
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(map(str, err['loc'])) or 'entry'}: {err['msg']}" for err in e.errors())
        raise KnowledgeBaseError(f"{where}: {problems}") from e
    repeated = model.repeated_names()
    if repeated:
        raise KnowledgeBaseError(f"{where}: former_names: {', '.join(map(repr, repeated))} already named by the entry")
    return model


def parse_lines(lines: Iterable[str], source: str) -> list[EntryModel]:
    """Validate the lines of a JSONL file named ``source``; blank lines and ``#`` comments are skipped."""
    models = []
    for number, line in enumerate(lines, start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            models.append(parse_line(line, f"{source}:{number}"))
    return models


def read_bundled(name: str) -> list[dict[str, Any]]:
    """Read one of the bundled data files: trusted rows, checked by the tests rather than at every load."""
    text = resources.files("factionmap").joinpath("data", name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def entry_from_row(row: dict[str, Any]) -> KBEntry:
    """Build the record from a bundled row."""
    return KBEntry(
        id=row["id"], name=row["name"], kind=row["kind"], aliases=tuple(row.get("aliases", ())),
        country=row.get("country"), parent=row.get("parent"), predecessor=row.get("predecessor"),
        designations=tuple(Designation(**d) for d in row.get("designations", ())), source=row.get("source", "curated"),
        observer=bool(row.get("observer", False)),
        former_names=tuple(FormerName(name=f["name"], until=f.get("until")) for f in row.get("former_names", ())),
    )


def read_user_file(path: Path) -> list[EntryModel]:
    """Read a user KB file (JSONL with the :class:`KBEntry` fields)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise KnowledgeBaseError(f"{path}: cannot be read ({e})") from e
    return parse_lines(text.splitlines(), str(path))


def _index(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Map each normalised key to the set of entry ids that carry it."""
    found: dict[str, set[str]] = {}
    for key, entry_id in pairs:
        if key:
            found.setdefault(key, set()).add(entry_id)
    return {key: frozenset(ids) for key, ids in found.items()}


def _compact(text: str) -> str:
    """Text without spaces, dots and hyphens, case kept: how an acronym query is compared."""
    return re.sub(r"[\s.\-]", "", text)


def _other_names(entry: KBEntry) -> tuple[str, ...]:
    """Aliases and former names: the texts that name an entry besides its canonical name."""
    return (*entry.aliases, *(f.name for f in entry.former_names))


def _form_index(entries: Iterable[KBEntry], names: bool) -> dict[str, list[tuple[str, str | None]]]:
    """Map normalised keys to (entry id, exact text when the form is case-sensitive, else None)."""
    found: dict[str, list[tuple[str, str | None]]] = {}
    for entry in entries:
        for text in (entry.name,) if names else _other_names(entry):
            key = normalize_name(text)
            if key:
                found.setdefault(key, []).append((entry.id, _compact(text) if is_case_sensitive(text) else None))
    return found


def _folded_index(entries: Iterable[KBEntry]) -> dict[str, frozenset[str]]:
    """Map transliteration-folded keys of names, aliases and former names (not acronyms) to entry ids."""
    return _index(
        (fold_transliteration(normalize_name(text)), entry.id)
        for entry in entries for text in entry.all_names() if not is_case_sensitive(text)
    )


class KnowledgeBase:
    """Actors known in advance, looked up by name, alias, former name, acronym or (for states) demonym.

    A renamed group is one entry: its earlier names (``former_names``) find it as its aliases do.
    """

    def __init__(self, entries: Sequence[KBEntry], demonyms: Mapping[str, Sequence[str]] | None = None,
                 offices: OfficeBook | None = None) -> None:
        self.entries: tuple[KBEntry, ...] = tuple(entries)
        self.office_book = offices
        self._by_id = {entry.id: entry for entry in self.entries}
        self.demonyms: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in (demonyms or {}).items()}
        self._names = _form_index(self.entries, names=True)
        self._aliases = _form_index(self.entries, names=False)
        self._folded = _folded_index(self.entries)
        self._demonyms = _index(
            (normalize_name(d), entry_id) for entry_id, words in self.demonyms.items() for d in words
        )

    @classmethod
    def load(cls, user_files: Sequence[Path] = ()) -> KnowledgeBase:
        """Load the bundled files, then the user files in order (an existing id is replaced, a new one added).

        Raises :class:`~factionmap.errors.KnowledgeBaseError` naming the file and line of a malformed entry.
        """
        entries: dict[str, KBEntry] = {}
        demonyms: dict[str, list[str]] = {}
        for name in BUNDLED_FILES:
            for row in read_bundled(name):
                entries[row["id"]] = entry_from_row(row)
                demonyms[row["id"]] = row.get("demonyms", [])
        for path in user_files:
            for model in read_user_file(Path(path)):
                entries[model.id] = model.to_entry()
                demonyms[model.id] = model.demonyms
        return cls(sorted(entries.values(), key=lambda e: e.id), {k: v for k, v in demonyms.items() if v},
                   OfficeBook.load())

    def offices(self, name: str) -> tuple[Office, ...]:
        """Every office the named person held ("Museveni", "Yoweri Museveni"), oldest first; () if unknown."""
        return self.office_book.holdings(name) if self.office_book is not None else ()

    def offices_at(self, name: str, date: PartialDate) -> tuple[Office, ...]:
        """The offices the named person may have held on a (partial) date: ``offices_at("Erdogan", "2012")``."""
        return self.office_book.at(name, date) if self.office_book is not None else ()

    def get(self, entry_id: str) -> KBEntry | None:
        """Return the entry with this id, or None."""
        return self._by_id.get(entry_id)

    def lookup(self, name: str) -> KBEntry | None:
        """Return the entry named ``name``; None if unknown or ambiguous.

        The canonical names are tried first, then aliases and former names, then (for a name that is no acronym)
        the same with transliterations folded: "Jabhat an-Nusrah" finds the entry of "Jabhat al-Nusra".
        """
        entry_id = self._resolve(name)
        return self._by_id[entry_id] if entry_id else None

    def lookup_all(self, name: str) -> tuple[KBEntry, ...]:
        """Return every entry that carries ``name`` as its name, an alias or a former name (several when ambiguous)."""
        key = normalize_name(name)
        ids = {i for index in (self._names, self._aliases) for i, _ in index.get(key, [])}
        return tuple(self._by_id[i] for i in sorted(ids))

    def state_for_demonym(self, word: str) -> KBEntry | None:
        """Return the state a demonym stands for: "Afghan" -> Afghanistan, "U.S." -> United States.

        A plural ("Pakistanis") is tried without its "s" when the word itself is unknown.
        """
        key = normalize_name(word)
        ids = self._demonyms.get(key) or (self._demonyms.get(key[:-1]) if key.endswith("s") else None)
        if ids and len(ids) == 1:
            return self._by_id.get(next(iter(ids)))
        return None

    def surface_forms(self) -> Iterator[tuple[str, str, bool]]:
        """Yield ``(text, entry id, case_sensitive)`` for every unambiguous name, alias and former name.

        Meant for a spaCy ``PhraseMatcher``: acronyms and all-caps aliases are case-sensitive
        (match on ``ORTH``), names are not (match on ``LOWER``). Demonyms are not included
        (see :meth:`demonym_forms`).
        """
        for entry in self.entries:
            seen: set[str] = set()
            for name in entry.all_names():
                if name in seen or self._resolve(name) != entry.id:
                    continue
                seen.add(name)
                yield name, entry.id, is_case_sensitive(name)
                for variant in particle_variants(name):
                    if variant not in seen and self._resolve(variant) in (entry.id, None):
                        seen.add(variant)
                        yield variant, entry.id, is_case_sensitive(variant)

    def demonym_forms(self) -> Iterator[tuple[str, str]]:
        """Yield ``(demonym, state id)`` pairs, e.g. ``("Afghan", "S:AF")``."""
        for entry_id, words in sorted(self.demonyms.items()):
            for word in words:
                if self._demonyms.get(normalize_name(word)) == frozenset({entry_id}):
                    yield word, entry_id

    def _resolve(self, text: str) -> str | None:
        """Return the single id a text names: by canonical name first, then by alias or former name, then folded.

        A case-sensitive form (an acronym such as "LeT") only matches the same letters in the same case, and is
        never folded.
        """
        key, compact = normalize_name(text), _compact(text)
        for index in (self._names, self._aliases):
            ids = {i for i, exact in index.get(key, []) if exact is None or exact == compact}
            if ids:
                return next(iter(ids)) if len(ids) == 1 else None
        if is_case_sensitive(text):
            return None
        folded = self._folded.get(fold_transliteration(key), frozenset())
        return next(iter(folded)) if len(folded) == 1 else None

    def __len__(self) -> int:
        return len(self.entries)
