"""Scoring extraction records against gold records, by the rules of ``shared/eval/FORMAT.md``.

A port of ``shared/eval/score.py`` (which an install cannot rely on): the same name folding
(``factionmap.lookup.folding.normalize_name`` equals score.py's ``norm``), the same matching rules, and ``summarize`` returns
exactly the object ``score.py --json`` prints, and ``Tally.errors`` the lines of ``score.py --errors``.

Everything here is a pure function over the JSON objects of the two files (``dict``), as they are read.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from factionmap.lookup.folding import normalize_name
from factionmap.vocabulary import SYMMETRIC_RELATIONS

COUNTRY_FEATURES = ("country", "PCLI", "PCL", "PCLD", "PCLS", "PCLF")
NEAR_KM = 161.0
"""A place found within 100 miles (the usual geoparsing threshold) of the gold coordinates counts as near."""

TOTAL_KEYS = (
    "rel_gold", "rel_found", "rel_sys", "rel_sys_correct", "date_gold", "date_ok", "date_gold_all",
    "ev_gold", "ev_found", "ev_date_gold", "ev_date_ok", "ev_date_gold_all",
    "place_gold", "place_found", "place_coord_gold", "place_within_161km",
    "forbidden", "missing_docs",
)


def norm(name: object) -> str:
    """Fold a name as score.py does (any value is turned into a string first)."""
    return normalize_name(str(name))


def as_list(value: Any) -> list[Any]:
    """A gold field that may be one value or a list of acceptable values, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def date_agrees(system: object, gold: object) -> bool:
    """A program date agrees with a gold date when it is at least as precise and equal at the gold precision."""
    if not gold:
        return True
    if not system:
        return False
    sys_text, gold_text = str(system), str(gold)
    return len(sys_text) >= len(gold_text) and sys_text[: len(gold_text)] == gold_text


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


class IndexedRecord:
    """One extraction record, with the folded names of its actors and places, for matching."""

    def __init__(self, rec: Mapping[str, Any]) -> None:
        self.rec = rec
        self.actor_names: dict[Any, set[str]] = {}
        for actor in rec.get("actors", []):
            names = {norm(actor.get("name", ""))} | {norm(x) for x in actor.get("aliases", [])}
            self.actor_names[actor["id"]] = {n for n in names if n}
        self.places: dict[Any, Mapping[str, Any]] = {p["id"]: p for p in rec.get("places", [])}
        self.place_names: dict[Any, set[str]] = {}
        for place in rec.get("places", []):
            names = {norm(place.get("name", ""))} | {norm(x) for x in place.get("aliases", [])}
            names |= {norm(m.get("text", "")) for m in place.get("mentions", []) if isinstance(m, dict)}
            self.place_names[place["id"]] = {n for n in names if n}

    def refs(self, gold_names: Any) -> set[Any]:
        """Ids of the actors or places whose names match any of the gold names (``*`` matches all)."""
        wanted_list = as_list(gold_names)
        if "*" in wanted_list:
            return set(self.actor_names) | set(self.place_names)
        wanted = {norm(n) for n in wanted_list}
        hits = {i for i, names in self.actor_names.items() if names & wanted}
        hits |= {i for i, names in self.place_names.items() if names & wanted}
        return hits

    def relations(self) -> list[Mapping[str, Any]]:
        """The record's relations."""
        return list(self.rec.get("relations", []))

    def events(self) -> list[Mapping[str, Any]]:
        """The record's events."""
        return list(self.rec.get("events", []))


def relation_matches(sysrel: Mapping[str, Any], gold: Mapping[str, Any], record: IndexedRecord) -> bool:
    """Whether an extracted relation is the gold one (direction ignored for symmetric types)."""
    types = as_list(gold["type"])
    if "*" not in types and sysrel.get("type") not in types:
        return False
    subj, obj = record.refs(gold["subject"]), record.refs(gold["object"])
    s, o = sysrel.get("subject"), sysrel.get("object")
    if s in subj and o in obj:
        return True
    return sysrel.get("type") in SYMMETRIC_RELATIONS and o in subj and s in obj


def event_matches(sysev: Mapping[str, Any], gold: Mapping[str, Any], record: IndexedRecord) -> bool:
    """Whether an extracted event is the gold one: same type, and one matching actor and target each."""
    if sysev.get("type") != gold["type"]:
        return False
    refs_by_role: dict[Any, set[Any]] = {}
    for participant in sysev.get("participants", []):
        refs_by_role.setdefault(participant.get("role"), set()).add(participant.get("ref"))
    for role in ("actor", "target"):
        if role in gold and not (refs_by_role.get(role, set()) & record.refs(gold[role])):
            return False
    return True


def place_matches(sysplace: Mapping[str, Any], gold: Mapping[str, Any], names: set[str]) -> bool:
    """Whether an extracted place is the gold one: name, country and (where given) first-level division."""
    if sysplace.get("country") != gold["country"]:
        return False
    if gold.get("feature") == "country":
        return sysplace.get("feature") in COUNTRY_FEATURES or norm(gold["name"]) in names
    if "admin1" in gold and norm(sysplace.get("admin1") or "") not in {norm(a) for a in as_list(gold["admin1"])}:
        return False
    return norm(gold["name"]) in names


@dataclass(frozen=True, slots=True)
class ScoringError:
    """One line of ``score.py --errors``: a gold relation missed, or an extracted relation that is wrong."""

    doc: str
    kind: str  # "missed" or "wrong"
    relation: str
    evidence: str | None


@dataclass
class Tally:
    """Raw counts of a scoring run: score.py's totals, its per-type counts, and its list of errors.

    A gold relation that accepts several types is counted under its first type, as score.py does.
    """

    totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TOTAL_KEYS, 0))
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[ScoringError] = field(default_factory=list)
    confidences: list[tuple[float, bool]] = field(default_factory=list)
    """Each distinct extracted relation of the annotated types: its confidence and whether it is right."""

    def add(self, key: str, n: int | bool = 1) -> None:
        """Add to one of the totals."""
        self.totals[key] += int(n)

    def type_counts(self, name: str) -> dict[str, int]:
        """The gold, found, extracted and correct counts of one relation type (created empty)."""
        return self.by_type.setdefault(name, {"gold": 0, "found": 0, "extracted": 0, "correct": 0})


def _gold_text(gr: Mapping[str, Any], record: IndexedRecord) -> str:
    """A missed gold relation as score.py --errors writes it, with which of its parties were found."""
    subject, obj = record.refs(gr["subject"]), record.refs(gr["object"])
    found = "both found" if subject and obj else ("one party not found" if subject or obj else "no party found")
    types = "|".join(as_list(gr["type"]))
    return f"{as_list(gr['subject'])[0]} {types} {as_list(gr['object'])[0]}  ({found})"


def _system_text(sr: Mapping[str, Any], record: IndexedRecord) -> str:
    """An extracted relation as score.py --errors writes it: names, type and status."""
    def name(ref: Any) -> str:
        actor = next((a for a in record.rec.get("actors", []) if a.get("id") == ref), None)
        place = record.places.get(ref)
        return str((actor or place or {}).get("name", str(ref)))
    return f"{name(sr.get('subject'))} {sr.get('type')} {name(sr.get('object'))} [{sr.get('status')}]"


def _score_gold_relations(gold: Mapping[str, Any], record: IndexedRecord, tally: Tally) -> list[bool]:
    """Count gold relations found (and their dates); return which extracted relations are correct."""
    sys_rels = record.relations()
    correct = [False] * len(sys_rels)
    for gr in gold.get("relations", []):
        per_type = tally.type_counts(str(as_list(gr["type"])[0]))
        per_type["gold"] += 1
        tally.add("rel_gold")
        hits = [i for i, sr in enumerate(sys_rels) if relation_matches(sr, gr, record)]
        for i in hits:
            correct[i] = True
        if hits:
            tally.add("rel_found")
            per_type["found"] += 1
        else:
            tally.errors.append(ScoringError(str(gold["id"]), "missed", _gold_text(gr, record), None))
        for date_field in ("start", "end"):
            if gr.get(date_field):
                tally.add("date_gold_all")
                tally.add("date_gold", bool(hits))  # accuracy is over the matched relations
                if any(date_agrees(sys_rels[i].get(date_field), gr[date_field]) for i in hits):
                    tally.add("date_ok")
    return correct


def _relation_key(sr: Mapping[str, Any]) -> tuple[Any, ...]:
    """The identity of an extracted relation: symmetric types ignore direction."""
    key: tuple[Any, ...] = (sr.get("subject"), sr.get("type"), sr.get("object"))
    if sr.get("type") in SYMMETRIC_RELATIONS:
        key = (tuple(sorted([str(key[0]), str(key[2])])), key[1])
    return key


def _score_system_relations(gold: Mapping[str, Any], record: IndexedRecord, correct: list[bool], tally: Tally) -> None:
    """Count distinct extracted relations of the annotated types, the correct ones, and the forbidden ones."""
    seen: set[tuple[Any, ...]] = set()
    scope = set(gold.get("relation_types") or [])  # a gold record may annotate only some relation types
    for i, sr in enumerate(record.relations()):
        if scope and sr.get("type") not in scope:
            continue
        key = _relation_key(sr)
        if key in seen:
            continue
        seen.add(key)
        tally.add("rel_sys")
        tally.add("rel_sys_correct", correct[i])
        tally.confidences.append((float(sr.get("confidence") or 0.0), correct[i]))
        if not correct[i]:
            evidence = (sr.get("evidence") or {}).get("text")
            tally.errors.append(ScoringError(str(gold["id"]), "wrong", _system_text(sr, record), evidence))
        per_type = tally.type_counts(str(sr.get("type")))
        per_type["extracted"] += 1
        per_type["correct"] += int(correct[i])
        if any(relation_matches(sr, f, record) for f in gold.get("forbidden", [])):
            tally.add("forbidden")


def _score_events(gold: Mapping[str, Any], record: IndexedRecord, tally: Tally) -> None:
    """Count gold events found, and their dates (accuracy over the matched, recall over all dated)."""
    for ge in gold.get("events", []):
        tally.add("ev_gold")
        hits = [e for e in record.events() if event_matches(e, ge, record)]
        tally.add("ev_found", bool(hits))
        if ge.get("date"):
            tally.add("ev_date_gold_all")
            tally.add("ev_date_gold", bool(hits))
            tally.add("ev_date_ok", any(date_agrees(e.get("date"), ge["date"]) for e in hits))


def _score_places(gold: Mapping[str, Any], record: IndexedRecord, tally: Tally) -> None:
    """Count gold places found, those found near the gold coordinates, and forbidden places extracted."""
    for gp in gold.get("places", []):
        tally.add("place_gold")
        found = [p for pid, p in record.places.items() if place_matches(p, gp, record.place_names[pid])]
        tally.add("place_found", bool(found))
        if "lat" in gp:
            tally.add("place_coord_gold")
            near = [p for pid, p in record.places.items()
                    if p.get("lat") is not None and norm(gp["name"]) in record.place_names[pid]
                    and km(p["lat"], p["lon"], gp["lat"], gp["lon"]) <= NEAR_KM]
            tally.add("place_within_161km", bool(near))
    bad_places = {norm(x) for x in gold.get("forbidden_places", [])}
    tally.add("forbidden", sum(bool(names & bad_places) for names in record.place_names.values()))


def score(gold_records: Iterable[Mapping[str, Any]], system_records: Iterable[Mapping[str, Any]]) -> Tally:
    """Match the extraction records against the gold records (by document id) and count."""
    by_id = {r.get("doc", {}).get("id"): IndexedRecord(r) for r in system_records}
    tally = Tally()
    for gold in gold_records:
        record = by_id.get(gold["id"])
        if record is None:
            tally.add("missing_docs")
            record = IndexedRecord({"actors": [], "places": [], "relations": [], "events": []})
        correct = _score_gold_relations(gold, record, tally)
        _score_system_relations(gold, record, correct, tally)
        _score_events(gold, record, tally)
        _score_places(gold, record, tally)
    return tally


def ratio(a: int, b: int) -> float | None:
    """``a / b``, or None when there is nothing to divide by."""
    return a / b if b else None


def f1_of(precision: float | None, recall: float | None) -> float:
    """The harmonic mean of precision and recall (0 when either is missing or 0), as score.py computes it."""
    return 2 * precision * recall / (precision + recall) if precision and recall else 0.0


def summarize(tally: Tally) -> dict[str, Any]:
    """The scores, as the JSON object ``score.py --json`` prints (same keys, same values)."""
    t = tally.totals
    p = ratio(t["rel_sys_correct"], t["rel_sys"])
    r = ratio(t["rel_found"], t["rel_gold"])
    return {
        "relations": {"precision": p, "recall": r, "f1": f1_of(p, r), "gold": t["rel_gold"],
                      "extracted": t["rel_sys"], "date_accuracy": ratio(t["date_ok"], t["date_gold"]),
                      "date_recall": ratio(t["date_ok"], t["date_gold_all"])},
        "relations_by_type": {k: {"recall": ratio(v["found"], v["gold"]), "gold": v["gold"],
                                  "precision": ratio(v["correct"], v["extracted"]), "extracted": v["extracted"]}
                              for k, v in sorted(tally.by_type.items())},
        "events": {"recall": ratio(t["ev_found"], t["ev_gold"]), "gold": t["ev_gold"],
                   "date_accuracy": ratio(t["ev_date_ok"], t["ev_date_gold"]),
                   "date_recall": ratio(t["ev_date_ok"], t["ev_date_gold_all"])},
        "places": {"recall": ratio(t["place_found"], t["place_gold"]), "gold": t["place_gold"],
                   "within_161km": ratio(t["place_within_161km"], t["place_coord_gold"])},
        "forbidden_extracted": t["forbidden"],
        "documents_missing_from_output": t["missing_docs"],
    }


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Scores of one relation type: recall over the gold relations, precision over the extracted ones.

    A gold relation that accepts several types is counted under its first type (as score.py does).
    """

    type: str
    gold: int
    found: int
    extracted: int
    correct: int

    @property
    def recall(self) -> float | None:
        """Share of the gold relations of this type that were found."""
        return ratio(self.found, self.gold)

    @property
    def precision(self) -> float | None:
        """Share of the extracted relations of this type that match a gold relation."""
        return ratio(self.correct, self.extracted)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f1_of(self.precision, self.recall)


CALIBRATION_EDGES: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True)
class CalibrationBin:
    """Extracted relations whose confidence lies in [low, high), and how many of them are right."""

    low: float
    high: float
    extracted: int
    correct: int

    @property
    def precision(self) -> float | None:
        return ratio(self.correct, self.extracted)


def calibration(tally: Tally, edges: Sequence[float] = CALIBRATION_EDGES) -> list[CalibrationBin]:
    """Precision of the extracted relations by confidence band, and of all those at or above each edge: a
    confidence that means something has precision rising with it."""
    bounds = [*edges, float("inf")]
    bins = []
    for low, high in pairwise(bounds):
        inside = [ok for confidence, ok in tally.confidences if low <= confidence < high]
        bins.append(CalibrationBin(low, high, len(inside), sum(inside)))
    return bins


def scores_by_type(tally: Tally) -> list[TypeScore]:
    """Per relation type: gold, found, extracted and correct counts, sorted by type name."""
    return [TypeScore(name, c["gold"], c["found"], c["extracted"], c["correct"])
            for name, c in sorted(tally.by_type.items())]


def score_files(
    gold_records: Iterable[Mapping[str, Any]], system_records: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """The scores of extraction records against gold records: ``summarize(score(gold, system))``."""
    return summarize(score(gold_records, system_records))
