"""The scale package imports one way only (issue 13): no module of ``factionmap/scale/`` imports one that imports it
back, directly or through others (``parallel.py`` and ``cluster.py`` once imported each other)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import factionmap.scale

SCALE = Path(factionmap.scale.__file__).parent

pytestmark = pytest.mark.issue(13)


def imports_within(folder: Path, package: str) -> dict[str, set[str]]:
    """Module name -> the modules of the same folder it imports (anywhere in it, functions included)."""
    names = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    graph: dict[str, set[str]] = {}
    for name in names:
        tree = ast.parse((folder / f"{name}.py").read_text())
        found = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        graph[name] = {m.removeprefix(f"{package}.") for m in found if m.startswith(f"{package}.")} & names
    return graph


def cycle_in(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as a path of names (empty when there is none)."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return path[path.index(node) :] + [node]
        if node in done:
            return []
        for nxt in sorted(graph[node]):
            if found := visit(nxt, [*path, node]):
                return found
        done.add(node)
        return []

    for start in sorted(graph):
        if found := visit(start, []):
            return found
    return []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycle_in({"parallel": {"cluster"}, "cluster": {"parallel"}}) == ["cluster", "parallel", "cluster"]
    assert cycle_in({"dispatch": {"chunks", "pool"}, "pool": {"chunks"}, "chunks": set()}) == []


def test_the_scale_package_has_no_import_cycle() -> None:
    graph = imports_within(SCALE, "factionmap.scale")
    assert graph["dispatch"] == {"chunks", "pool", "cluster"} and graph["cluster"] == {"chunks"}
    assert cycle_in(graph) == []
