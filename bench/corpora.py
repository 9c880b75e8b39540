"""The benchmark corpora of ``../shared/data/corpora`` as factionmap documents, read the way ``ingest`` reads them.

* ``syria``: ``fakes_syria_news.csv`` (Windows-1252; unit_id, article_title, article_content, date): every article
  is about the war in Syria.
* ``india``: ``india_police_events_docs.jsonl`` (doc_id, doc_text; lower-cased): a general news stream in which
  few articles concern armed groups.

Each corpus is written to a temporary JSON Lines file and read back with ``read_documents``, so the texts are the
cleaned texts the pipeline sees in a real run.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from factionmap.ingest import read_documents
from factionmap.records import Document

CORPORA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora"


def syria_records(folder: Path) -> Iterator[dict[str, Any]]:
    """Input records of the Syria corpus (bytes undefined in Windows-1252 become U+FFFD)."""
    raw = (folder / "fakes_syria_news.csv").read_bytes().decode("cp1252", errors="replace")
    for row in csv.DictReader(io.StringIO(raw)):
        text = f"{row['article_title'].strip()}\n\n{row['article_content'].strip()}"
        yield {"id": f"syria-{row['unit_id']}", "title": row["article_title"].strip(), "text": text,
               "published": _us_date(row.get("date") or "")}


def _us_date(value: str) -> str | None:
    """"4/5/17" (month/day/two-digit year, as the CSV writes dates) as "2017-04-05"; None if it is no such date."""
    try:
        return datetime.strptime(value.strip(), "%m/%d/%y").strftime("%Y-%m-%d")
    except ValueError:
        return None


def india_records(folder: Path) -> Iterator[dict[str, Any]]:
    """Input records of the general news stream."""
    with (folder / "india_police_events_docs.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                yield {"id": f"india-{row['doc_id']}", "text": row["doc_text"]}


CORPORA: dict[str, Callable[[Path], Iterator[dict[str, Any]]]] = {"syria": syria_records, "india": india_records}


def load_corpus(name: str, limit: int | None = None, folder: Path = CORPORA_DIR) -> list[Document]:
    """The first ``limit`` documents of a corpus (all with None), as ``read_documents`` makes them."""
    with tempfile.TemporaryDirectory() as tmp:
        path = write_corpus_jsonl(name, limit, Path(tmp) / f"{name}.jsonl", folder)
        return [d for d in read_documents([path]) if isinstance(d, Document)]


def write_corpus_jsonl(name: str, limit: int | None, path: Path, folder: Path = CORPORA_DIR) -> Path:
    """Write the first ``limit`` input records of a corpus as a JSON Lines file ``factionmap`` can read."""
    records = [r for _, r in zip(range(limit or 10**9), CORPORA[name](folder))]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path
