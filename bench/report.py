"""Writes benchmark results into BENCHMARKS.md's "Speed" section, between markers, leaving the rest alone."""

from __future__ import annotations

from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"
SECTION = "## Speed"


def replace_speed_rows(key: str, block: str, path: Path = BENCHMARKS) -> None:
    """Put ``block`` between ``<!-- bench:KEY -->`` markers in the Speed section (added at the end if missing)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    begin, end = f"<!-- bench:{key} -->", f"<!-- /bench:{key} -->"
    new = f"{begin}\n{block.strip()}\n{end}"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + new + rest.split(end, 1)[1]
    elif SECTION in text:  # at the end of the Speed section, before the next one
        head, rest = text.split(SECTION, 1)
        cut = rest.find("\n## ")
        body, tail = (rest, "") if cut < 0 else (rest[:cut], rest[cut:])
        text = f"{head}{SECTION}{body.rstrip()}\n\n{new}\n{tail}"
    else:
        text = text.rstrip() + f"\n\n{SECTION}\n\n{new}\n"
    path.write_text(text, encoding="utf-8")
