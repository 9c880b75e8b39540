#!/usr/bin/env python3
"""Audit the knowledge base against gold files: which actors named in gold relations does it not know?

For every relation of every gold document, each side (a list of acceptable names) is looked up with
``KnowledgeBase.lookup``. A side is *found* when one of its names resolves, *split* when its names resolve to
different entries (the KB holds one actor twice), *missing* when none does. The subject of ``leader_of`` is a
person and is skipped. Use the output to find the kinds of groups the KB lacks, not to copy gold names.

    python scripts/kb_coverage.py GOLD.jsonl [GOLD.jsonl ...] [--kb FILE ...] [--all]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factionmap.lookup.folding import normalize_name
from factionmap.lookup.kb import KnowledgeBase

PERSON_SIDES = {("leader_of", "subject")}


@dataclass(frozen=True)
class Side:
    """One side of a gold relation: its acceptable names and where it was seen."""

    names: tuple[str, ...]
    doc: str


def relation_types(relation: dict[str, object]) -> list[str]:
    """A gold relation's type, or its acceptable types."""
    value = relation.get("type")
    return [str(t) for t in value] if isinstance(value, list) else [str(value)]


def gold_sides(path: Path) -> Iterator[Side]:
    """Yield the actor sides of the relations of a gold file (persons excluded)."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            for relation in doc.get("relations", []):
                for role in ("subject", "object"):
                    if all((t, role) in PERSON_SIDES for t in relation_types(relation)):
                        continue
                    names = relation.get(role) or []
                    names = [names] if isinstance(names, str) else names
                    if names:
                        yield Side(tuple(str(n) for n in names), str(doc.get("id")))


def classify(kb: KnowledgeBase, side: Side) -> tuple[str, set[str]]:
    """``("found" | "split" | "missing", entry ids)`` for one side."""
    ids = {entry.id for entry in (kb.lookup(n) for n in side.names) if entry is not None}
    if not ids:
        return "missing", ids
    return ("found" if len(ids) == 1 else "split"), ids


def report(kb: KnowledgeBase, sides: Sequence[Side], show_all: bool) -> str:
    """Counts of distinct actors found, split and missing, then the split and missing ones."""
    seen: dict[str, tuple[Side, str, set[str]]] = {}
    for side in sides:
        key = normalize_name(side.names[0])
        if key not in seen:
            status, ids = classify(kb, side)
            seen[key] = (side, status, ids)
    counts = {s: sum(1 for _, st, _ in seen.values() if st == s) for s in ("found", "split", "missing")}
    lines = [f"{len(seen)} distinct gold actors: " + ", ".join(f"{n} {s}" for s, n in counts.items())]
    for side, status, ids in sorted(seen.values(), key=lambda v: (v[1], v[0].names[0].lower())):
        if status != "found" or show_all:
            where = f" -> {', '.join(sorted(ids))}" if ids else ""
            lines.append(f"  {status:7s} {' | '.join(side.names[:4])}{where}  [{side.doc}]")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", type=Path, help="gold JSONL files")
    parser.add_argument("--kb", nargs="*", type=Path, default=[], help="extra KB files (JSONL)")
    parser.add_argument("--all", action="store_true", help="list the found actors too")
    args = parser.parse_args(argv)
    kb = KnowledgeBase.load(args.kb)
    sides = [side for path in args.gold for side in gold_sides(path)]
    print(report(kb, sides, args.all))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
