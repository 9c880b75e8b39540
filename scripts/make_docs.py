#!/usr/bin/env python3
"""Write ``docs/cli.md``: the ``--help`` of ``factionmap`` and of every command, as the program prints it.

    python scripts/make_docs.py           # rewrite docs/cli.md
    python scripts/make_docs.py --check   # exit 1 if docs/cli.md is stale (the tests do this too)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import click

from factionmap.cli import cli

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "cli.md"
WIDTH = 100

HEADER = """# Command-line reference

Generated from `--help` by `scripts/make_docs.py` (run `make docs` after changing a command; a test fails when
this file is stale).
"""


def help_text(command: click.Command, path: list[str], parent: click.Context | None = None) -> str:
    """The help page of ``command`` as ``factionmap ... --help`` prints it, at a fixed width."""
    ctx = click.Context(command, info_name=path[-1], parent=parent, terminal_width=WIDTH, max_content_width=WIDTH)
    return command.get_help(ctx)


def render() -> str:
    """The whole reference: the group's help, then each command's, in name order."""
    settings = {**cli.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    root_ctx = click.Context(cli, info_name="factionmap", **settings)
    parts = [HEADER, "## factionmap\n", "```\n" + cli.get_help(root_ctx) + "\n```\n"]
    assert isinstance(cli, click.Group)
    for name in sorted(cli.commands):
        command = cli.commands[name]
        parts += [f"## factionmap {name}\n", "```\n" + help_text(command, ["factionmap", name], root_ctx) + "\n```\n"]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Write the reference, or with ``--check`` compare it with the file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/cli.md is stale, writing nothing")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC} is stale: run `make docs` (python scripts/make_docs.py)", file=sys.stderr)
            return 1
        return 0
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
