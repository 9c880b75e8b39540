"""Reading a gold file (shared/eval/FORMAT.md): JSON Lines, one annotated article a line, each with an ``id``.

A gold file doubles as JSON Lines input (:mod:`factionmap.ingest.jsonl` reads its texts); this module reads its
records whole, for scoring. Unlike a batch of articles, a bad gold line stops the reading.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factionmap.errors import InputError


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold records of a JSON Lines gold file.

    Raises:
        InputError: the file cannot be read, or a line is not a JSON object with an ``id``.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"cannot read the gold file ({e})") from e
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{number}", f"not JSON ({e.msg} at column {e.colno})") from e
        if not isinstance(record, dict) or "id" not in record:
            raise InputError(f"{path}:{number}", "a gold record must be a JSON object with an 'id'")
        records.append(record)
    return records
