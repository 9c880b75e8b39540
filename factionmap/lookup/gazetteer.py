"""An offline gazetteer: GeoNames countries, first- and second-level divisions, populated places and regions.

The bundled index (``factionmap/data/gazetteer.sqlite.gz``, built by ``scripts/build_gazetteer.py``) is a gzipped
SQLite database; decompressing it costs a third of a CPU-second, so the first load writes the decompressed copy to
the user's cache folder (``$XDG_CACHE_HOME/factionmap`` or ``~/.cache/factionmap``) and later loads open that copy
read-only (issue 10: start-up cost); where no cache can be written it is read into memory. A user's GeoNames dump (``allCountries.txt`` or one country's
``XX.txt``, with ``admin1CodesASCII.txt`` for division names) is indexed once into a cache file beside it and
searched before the bundled index.
"""

from __future__ import annotations

import gzip
import logging
import os
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol

from factionmap.errors import InputError
from factionmap.lookup.folding import normalize_place_name
from factionmap.records import GazetteerEntry

BUNDLED = "gazetteer.sqlite.gz"
SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT, feature TEXT NOT NULL, lat REAL, lon REAL,
    admin1 TEXT, geonames_id INTEGER, population INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS names (
    norm TEXT NOT NULL, entry INTEGER NOT NULL, abbrev INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (norm, entry)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS skeletons (
    key TEXT NOT NULL, norm TEXT NOT NULL, entry INTEGER NOT NULL, PRIMARY KEY (key, norm, entry)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin1 (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""
# GeoNames feature classes kept from a user's dump: divisions (A), regions and areas (L), populated places (P),
# and a few spot features that news names as places.
DUMP_CLASSES = frozenset("APL")
DUMP_SPOTS = frozenset({"AIRP", "AIRB", "CMP", "MILB", "PRT", "DAM", "BDG"})
DUMP_CACHE_VERSION = "1"
NAME_ARTICLES = frozenset({"la", "el", "los", "las", "le", "les"})
"""Romance articles that open place names ("La Paz", "El Alto", "Los Angeles"); English copy uses them in
names only, so an article before a name is part of it."""


_SKELETON_MAP = str.maketrans({"q": "k", "y": "i", "w": "v", "h": None, "j": "g", "c": "k", "z": "s"})


class Placed(Protocol):
    """What a place key is made of: a gazetteer entry and a document's ``Place`` both have it."""

    @property
    def name(self) -> str: ...

    @property
    def country(self) -> str | None: ...

    @property
    def geonames_id(self) -> int | None: ...


def place_key(place: Placed) -> str:
    """The cross-document key of a place, on ingest and on import alike: ``geonames:<id>``, else
    ``name:<country>:<folded name>`` (``normalize_place_name``), so one place keys the same from either road."""
    if place.geonames_id is not None:
        return f"geonames:{place.geonames_id}"
    return f"name:{place.country or ''}:{normalize_place_name(place.name)}"


def skeleton(norm: str) -> str:
    """A transliteration-tolerant key of a normalised name: consonants, simplified, first letter kept.

    "paktia", "paktiya" and "paktya" share the key "pkt"; it finds candidates, which
    ``spelling_distance`` then checks.
    """
    words = []
    for word in norm.translate(_SKELETON_MAP).split():
        rest = "".join(c for c in word[1:] if c not in "aeiou")
        collapsed = "".join(c for i, c in enumerate(rest) if i == 0 or c != rest[i - 1])
        words.append(("a" if word[:1] in "aeiou" else word[:1]) + collapsed)
    return " ".join(words)


def spelling_distance(a: str, b: str) -> int:
    """Levenshtein distance between two normalised names, with y and i counted as the same letter."""
    a, b = a.replace("y", "i"), b.replace("y", "i")
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def create_schema(db: sqlite3.Connection) -> None:
    """Create the gazetteer tables (entries, their names, admin1 code names) if absent."""
    db.executescript(SCHEMA)


def _row_entry(row: tuple[object, ...]) -> GazetteerEntry:
    name, country, feature, lat, lon, admin1, gid, pop = row
    return GazetteerEntry(
        name=str(name), country=str(country) if country else None, feature=str(feature),
        lat=float(lat) if isinstance(lat, (int, float)) else None,
        lon=float(lon) if isinstance(lon, (int, float)) else None,
        admin1=str(admin1) if admin1 else None, geonames_id=int(gid) if isinstance(gid, int) else None,
        population=int(pop) if isinstance(pop, int) else 0)


_SELECT = ("SELECT e.name, e.country, e.feature, e.lat, e.lon, e.admin1, e.geonames_id, e.population "
           "FROM names n JOIN entries e ON e.id = n.entry WHERE n.norm = ?")


class Gazetteer:
    """Name lookup over one or more gazetteer databases, user dumps first, the bundled index last."""

    def __init__(self, databases: Sequence[sqlite3.Connection]) -> None:
        self._dbs = list(databases)
        self._cache: dict[tuple[str, bool], list[GazetteerEntry]] = {}
        self._countries: dict[str, GazetteerEntry] | None = None

    @classmethod
    def load(cls, geonames_files: Sequence[Path] = ()) -> Gazetteer:
        """Open the bundled index, plus an index of each given GeoNames dump (built on first use, then cached).

        ``admin1CodesASCII.txt`` among the files names the first-level divisions of the other dumps.
        """
        bundled = open_bundled()
        dumps = [Path(p) for p in geonames_files]
        admin_files = [p for p in dumps if p.name.lower().startswith("admin1codes")]
        admin1 = read_admin1_names(admin_files, fallback=bundled)
        dbs = [open_dump_index(p, admin1) for p in dumps if p not in admin_files]
        return cls([*dbs, bundled])

    def candidates(self, name: str, *, abbreviations: bool = True) -> list[GazetteerEntry]:
        """Every entry whose name or alternate name folds to the same key as ``name``, most populous first.

        With ``abbreviations=False`` codes and short forms ("KY", "UK", "B.C.") do not match.
        """
        key = (normalize_place_name(name), abbreviations)
        if not key[0]:
            return []
        if key not in self._cache:
            self._cache[key] = self._lookup(*key)
        return list(self._cache[key])

    def _lookup(self, norm: str, abbreviations: bool) -> list[GazetteerEntry]:
        query = _SELECT + ("" if abbreviations else " AND n.abbrev = 0")
        seen: set[int] = set()
        out: list[GazetteerEntry] = []
        for db in self._dbs:
            for row in db.execute(query, (norm,)):
                entry = _row_entry(row)
                if entry.geonames_id is not None and entry.geonames_id in seen:
                    continue
                if entry.geonames_id is not None:
                    seen.add(entry.geonames_id)
                out.append(entry)
        return sorted(out, key=lambda e: -e.population)

    def variant_candidates(self, name: str) -> list[GazetteerEntry]:
        """Entries whose name is a spelling variant of ``name`` ("Paktya" for "Paktia"): same consonant skeleton,
        at most two edits apart. Only countries, divisions, regions and places of 15,000+ people are indexed."""
        norm = normalize_place_name(name)
        if len(norm) < 5:
            return []
        limit = min(2, len(norm) // 4)
        query = ("SELECT e.name, e.country, e.feature, e.lat, e.lon, e.admin1, e.geonames_id, e.population, s.norm "
                 "FROM skeletons s JOIN entries e ON e.id = s.entry WHERE s.key = ?")
        out: dict[tuple[str, int | None], GazetteerEntry] = {}
        for db in self._dbs:
            for row in db.execute(query, (skeleton(norm),)):
                entry = _row_entry(row[:8])
                if spelling_distance(norm, str(row[8])) <= limit:
                    out.setdefault((entry.name, entry.geonames_id), entry)
        return sorted(out.values(), key=lambda e: -e.population)

    def country(self, code: str) -> GazetteerEntry | None:
        """The country entry for an ISO 3166-1 alpha-2 code, or None."""
        if self._countries is None:  # no index on the feature: one scan for every country, not one per country
            self._countries = self._country_entries()
        return self._countries.get(code.upper())

    def _country_entries(self) -> dict[str, GazetteerEntry]:
        """Code -> country entry: the first of a code in the bundled index, then in the user's dumps, last first."""
        countries: dict[str, GazetteerEntry] = {}
        for db in reversed(self._dbs):
            for row in db.execute("SELECT name, country, feature, lat, lon, admin1, geonames_id, population "
                                  "FROM entries WHERE feature = 'country' ORDER BY rowid"):
                if row[1]:
                    countries.setdefault(str(row[1]), _row_entry(row))
        return countries


def open_bundled(cache_dir: Path | None = None) -> sqlite3.Connection:
    """Open the bundled gazetteer: its decompressed copy in ``cache_dir`` (default: the user's cache folder),
    written there on first use, or, where that fails, an in-memory copy."""
    source = resources.files("factionmap").joinpath("data", BUNDLED)
    folder = cache_dir or _user_cache_dir()
    if isinstance(source, Path):
        try:
            return _open_cached(source, folder)
        except (OSError, sqlite3.Error) as e:  # a read-only home, a full disk: decompress into memory, as before
            logging.getLogger(__name__).info("no gazetteer cache in %s (%s): reading it into memory", folder, e)
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.deserialize(gzip.decompress(source.read_bytes()))
    return db


def _user_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factionmap"


def _open_cached(source: Path, folder: Path) -> sqlite3.Connection:
    """Open the decompressed copy of ``source`` in ``folder``, named by its size and time, writing it if missing
    (to a temporary file renamed into place, so that commands starting together never read half a copy)."""
    stat = source.stat()
    cached = folder / f"gazetteer-{stat.st_size}-{stat.st_mtime_ns}.sqlite"
    if not cached.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as part:
            try:
                part.write(gzip.decompress(source.read_bytes()))
            except BaseException:
                os.unlink(part.name)
                raise
        os.replace(part.name, cached)
    db = sqlite3.connect(f"{cached.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    db.execute("SELECT count(*) FROM meta").fetchone()  # a damaged copy fails here, not at the first lookup
    return db


# --- a user's GeoNames dump -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DumpRow:
    """The columns of one GeoNames ``geoname`` table row that the gazetteer keeps."""

    geonames_id: int
    name: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    admin1_code: str
    population: int


def parse_dump_line(line: str) -> DumpRow | None:
    """Parse one tab-separated line of a GeoNames dump; None for features the gazetteer does not keep."""
    cols = line.rstrip("\n").split("\t")
    if len(cols) < 15:
        return None
    fclass, fcode = cols[6], cols[7]
    if fclass not in DUMP_CLASSES and fcode not in DUMP_SPOTS:
        return None
    try:
        return DumpRow(int(cols[0]), cols[1], tuple(a for a in cols[3].split(",") if a),
                       float(cols[4]), float(cols[5]), fclass, fcode, cols[8], cols[10], int(cols[14] or 0))
    except ValueError:
        return None


def dump_feature(row: DumpRow) -> str:
    """The gazetteer feature of a dump row: "country", "ADM1"..., a PPL code, "region" or the GeoNames code."""
    if row.feature_code.startswith("PCL"):
        return "country"
    if row.feature_code in {"RGN", "RGNE", "CONT", "AREA", "ZN"}:
        return "region"
    return row.feature_code


def read_admin1_names(paths: Iterable[Path], fallback: sqlite3.Connection) -> dict[str, str]:
    """Map "CC.code" to a first-level division's name, from ``admin1CodesASCII.txt`` files, else the bundled index."""
    names = dict(fallback.execute("SELECT code, name FROM admin1").fetchall())
    for path in paths:
        for line in _read_lines(path):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and "." in cols[0]:
                names[cols[0]] = cols[1]
    return names


def _read_lines(path: Path) -> Iterator[str]:
    try:
        with open(path, encoding="utf-8") as fh:
            yield from fh
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"cannot read GeoNames file: {e}") from e


def _cache_path(path: Path) -> Path:
    return path.with_name(path.name + ".factionmap.sqlite")


def open_dump_index(path: Path, admin1: dict[str, str]) -> sqlite3.Connection:
    """Open the cached index of a GeoNames dump, building it first when it is missing or older than the dump."""
    if not path.is_file():
        raise InputError(str(path), "no such GeoNames dump file")
    cache = _cache_path(path)
    if cache.is_file() and cache.stat().st_mtime >= path.stat().st_mtime:
        db = sqlite3.connect(cache, check_same_thread=False)
        if _cache_is_current(db):
            return db
        db.close()
    try:
        db = sqlite3.connect(cache, check_same_thread=False)
        db.execute("DROP TABLE IF EXISTS entries")
        db.execute("DROP TABLE IF EXISTS names")
    except sqlite3.OperationalError:
        db = sqlite3.connect(":memory:", check_same_thread=False)
    index_dump(db, path, admin1)
    return db


def _cache_is_current(db: sqlite3.Connection) -> bool:
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == DUMP_CACHE_VERSION


def index_dump(db: sqlite3.Connection, path: Path, admin1: dict[str, str]) -> None:
    """Index every kept feature of a GeoNames dump into ``db``: its name, ASCII name and Latin alternates."""
    create_schema(db)
    rows = (r for r in map(parse_dump_line, _read_lines(path)) if r is not None)
    for i, row in enumerate(rows, start=1):
        a1 = admin1.get(f"{row.country}.{row.admin1_code}")
        if row.feature_code == "ADM1":
            a1 = a1 or row.name
        db.execute("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?)",
                   (i, row.name, row.country or None, dump_feature(row), row.lat, row.lon, a1, row.geonames_id,
                    row.population))
        keys = {normalize_place_name(n) for n in (row.name, *usable_alternates(row.alternates))}
        db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,0)", [(k, i) for k in keys if k])
    db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (DUMP_CACHE_VERSION,))
    db.commit()


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is Latin (alternate names in other scripts are not looked up)."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def usable_alternates(alternates: Iterable[str]) -> Iterator[str]:
    """The alternate names worth indexing: Latin script, capitalised (not machine transliterations), not codes."""
    for alt in alternates:
        alt = alt.strip()
        if 2 < len(alt) <= 60 and alt[0].isupper() and not alt.isupper() and is_latin(alt):
            yield alt
