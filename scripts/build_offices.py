#!/usr/bin/env python3
"""Build ``factionmap/data/offices.jsonl``: the bundled office holdings (who led which state or group, when).

Inputs:

- ``factionmap/data/offices_curated.jsonl``: heads of state and government, defence and foreign ministers and
  armed-group leaders since about 2000, curated from general public knowledge, with dates;
- ``shared/data/kb-sources/un_consolidated_entities_*.jsonl``: the leaders the UN Security Council sanctions list
  names in its comments on an entity ("The leader is Joseph Kony (CFi.001)", "Led by Doku Khamatovich Umarov",
  "Founded and led by ..."), with no dates; the entity is resolved to its knowledge-base id by name.

A UN row whose person and group a curated row already holds is dropped (the curated one carries dates). Every
row is validated as a user's file would be; the output is sorted and deterministic.

    python scripts/build_offices.py [--sources DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factionmap.lookup.folding import normalize_name
from factionmap.lookup.kb import KnowledgeBase
from factionmap.lookup.offices import parse_office_lines
from factionmap.records import Office

DATA = ROOT / "factionmap" / "data"
DEFAULT_SOURCES = ROOT.parent / "shared" / "data" / "kb-sources"
# "The leader is X (QDi.123)": the phrases of the UN comments that name an entity's own leader, then the name,
# then the reference of the listed person (or "not listed", "deceased").
UN_LEADER = re.compile(
    r"(?:[Tt]he leader is|[Cc]urrent leader is|[Ii]ts leader is|[Ll]eader of [\w\s\-]{2,40}? is|[Ff]ounded and "
    r"led by|[Ll]ed by|[Hh]eaded by|founder and leader,)\s+([A-Z][^().,;]{3,80}?)\s*\("
    r"(?:[A-Z]{2}i\.\d+|not listed|deceased)")


def un_offices(path: Path, kb: KnowledgeBase) -> Iterator[Office]:
    """Leaders named in the comments of the UN list's entities that the knowledge base knows as armed groups."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entity = json.loads(line)
        group = kb.lookup(_un_name(entity["name"]))
        if group is None or group.kind != "armed_group":
            continue
        comments = re.sub(r"\s+", " ", entity.get("comments") or "")
        for match in UN_LEADER.finditer(comments):
            yield Office(_title_case(match.group(1)), "leader", group.id, source="un")


def _un_name(name: str) -> str:
    """ "AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)" -> "AL-QAIDA IN THE ARABIAN PENINSULA"."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


def _title_case(name: str) -> str:
    """The UN writes names in mixed case already; keep them, fold only an all-caps one."""
    return name.title() if name.isupper() else name


def merge(curated: list[Office], un: list[Office]) -> list[Office]:
    """Curated rows, then the UN rows whose person and group no curated row holds."""
    held = {(normalize_name(n), o.actor) for o in curated for n in o.names()}
    extra = {(normalize_name(o.person), o.actor): o for o in un if (normalize_name(o.person), o.actor) not in held}
    return [*curated, *extra.values()]


def to_row(office: Office) -> dict[str, object]:
    """The JSON fields, in a stable order."""
    return {"person": office.person, "aliases": list(office.aliases), "office": office.office,
            "actor": office.actor, "start": office.start, "end": office.end, "source": office.source}


def main(argv: list[str] | None = None) -> int:
    """Build the offices file; print how many rows came from each source."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--out", type=Path, default=DATA / "offices.jsonl")
    args = parser.parse_args(argv)
    kb = KnowledgeBase.load()
    curated_path = DATA / "offices_curated.jsonl"
    curated = parse_office_lines(curated_path.read_text(encoding="utf-8").splitlines(), str(curated_path))
    unknown = sorted({o.actor for o in curated if kb.get(o.actor) is None})
    if unknown:
        print(f"{curated_path}: unknown actor ids {unknown}", file=sys.stderr)
        return 1
    un = [o for path in sorted(args.sources.glob("un_consolidated_entities_*.jsonl")) for o in un_offices(path, kb)]
    rows = sorted(merge(curated, un), key=lambda o: (o.actor, o.start or "", o.person, o.office))
    args.out.write_text("".join(json.dumps(to_row(o), ensure_ascii=False) + "\n" for o in rows), encoding="utf-8")
    added = len(rows) - len(curated)
    print(f"{len(rows)} office holdings: {len(curated)} curated, {added} from the UN list -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
