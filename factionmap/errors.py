"""All factionmap exceptions, under one base class."""

from __future__ import annotations

from collections.abc import Iterable


class FactionmapError(Exception):
    """Base class of every error factionmap raises on purpose."""


class InputError(FactionmapError):
    """An input (file, record) cannot be read; the message names it and says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class OutputError(FactionmapError):
    """An output file cannot be written; the message names it, says why and what to do."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: cannot write the output: {reason}")
        self.path = path


class InvalidDate(FactionmapError):
    """A date string is not YYYY, YYYY-MM or YYYY-MM-DD."""

    def __init__(self, value: str) -> None:
        super().__init__(f"Invalid date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")


class UnknownFormat(FactionmapError):
    """A format name is not one of the supported ones."""

    def __init__(self, fmt: str, choices: Iterable[str]) -> None:
        super().__init__(f"Unknown format {fmt!r}. Choose from: {', '.join(sorted(choices))}")


class UnmappedRelationType(FactionmapError):
    """An export format has no name for a relation type (one the vocabulary does not know)."""

    def __init__(self, fmt: str, rel_type: str, choices: Iterable[str]) -> None:
        super().__init__(f"The {fmt} export cannot map relation type {rel_type!r}; "
                         f"it maps: {', '.join(sorted(choices))}")
        self.rel_type = rel_type


class KnowledgeBaseError(FactionmapError):
    """A knowledge-base file is malformed; the message names the file and line."""


class StoreError(FactionmapError):
    """The store cannot be opened or migrated."""


class ActorNotFound(FactionmapError):
    """No actor in the store has the given name or alias."""

    def __init__(self, name: str, suggestions: Iterable[str] = ()) -> None:
        hint = list(suggestions)
        msg = f"No actor named {name!r} in the store"
        if hint:
            msg += f". Did you mean: {', '.join(hint)}?"
        super().__init__(msg)
