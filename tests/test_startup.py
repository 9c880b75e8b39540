"""Starting the command loads only what the command uses (issue 10): ``--version`` no spaCy, ``extract`` no
store, graph library or HTML reader."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
HEAVY = ("spacy", "sqlalchemy", "networkx", "trafilatura", "rich", "pydantic_settings")


def imported_after(*args: str) -> set[str]:
    """The heavy top-level packages a fresh interpreter has imported after running the command with ``args``."""
    script = (
        "import json, sys\n"
        "from factionmap.cli import cli\n"
        "try:\n"
        f"    cli({list(args)!r}, prog_name='factionmap')\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.issue(10)
def test_version_and_help_import_no_model_store_or_settings_library() -> None:
    assert imported_after("--version") == set()
    assert imported_after("--help") == set()


@pytest.mark.issue(10)
def test_extracting_json_lines_imports_the_model_but_no_store_graph_or_html_library(tmp_path: Path) -> None:
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "a", "text": "Boko Haram pledged allegiance to the Islamic State."}) + "\n")
    used = imported_after("extract", "--output", str(tmp_path / "out.jsonl"), str(articles))
    assert (tmp_path / "out.jsonl").read_text().count("\n") == 1
    assert {"spacy", "pydantic_settings"} <= used
    assert not used & {"sqlalchemy", "networkx", "trafilatura"}
