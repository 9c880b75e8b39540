"""Readers of the store go through its Protocol only (issue 13): nothing outside ``factionmap/store/`` reaches below.

The web app and the exporters once read SQL below the ``Store`` Protocol, each with its own copy of the queries;
this test fails when a module of the package imports the store's SQL modules, SQLAlchemy, or ``SQLStore``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import factionmap

PACKAGE = Path(factionmap.__file__).parent
SQL_MODULES = frozenset({"sql", "sql_read", "sql_write", "schema", "migrations", "opening"})
FORBIDDEN_NAMES = frozenset({"SQLStore"})

pytestmark = pytest.mark.issue(13)


def reaches_below_the_store(source: str) -> list[str]:
    """The imports in ``source`` that reach below the store's Protocol, as written."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if _below(a.name)]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [f"{node.module}.{a.name}" for a in node.names]
            if _below(node.module):
                found.append(node.module)
            elif node.module == "factionmap.store":
                found += [n for n, a in zip(names, node.names) if a.name in SQL_MODULES | FORBIDDEN_NAMES]
    return found


def _below(module: str) -> bool:
    parts = module.split(".")
    if parts[0] == "sqlalchemy":
        return True
    return parts[:2] == ["factionmap", "store"] and len(parts) > 2 and parts[2] in SQL_MODULES


def outside_the_store() -> list[Path]:
    """Every module of the package but the store's own."""
    store = PACKAGE / "store"
    return sorted(p for p in PACKAGE.rglob("*.py") if store not in p.parents)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from factionmap.store.sql_read import load_actors", ["factionmap.store.sql_read"]),
        ("from factionmap.store import schema as t", ["factionmap.store.schema"]),
        ("import factionmap.store.migrations", ["factionmap.store.migrations"]),
        ("from factionmap.store import SQLStore, Store", ["factionmap.store.SQLStore"]),
        ("from sqlalchemy import select", ["sqlalchemy"]),
        ("from factionmap.store import Snapshot, Store, open_store", []),
        ("from factionmap.store.base import StoredActor", []),
    ],
)
def test_an_import_below_the_protocol_is_caught(source: str, expected: list[str]) -> None:
    assert reaches_below_the_store(source) == expected


def test_no_module_outside_the_store_reads_below_its_protocol() -> None:
    modules = outside_the_store()
    assert PACKAGE / "web" / "catalog.py" in modules and PACKAGE / "cli.py" in modules
    offenders = {str(p.relative_to(PACKAGE)): reaches_below_the_store(p.read_text()) for p in modules}
    assert {p: found for p, found in offenders.items() if found} == {}
