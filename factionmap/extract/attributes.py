"""The model's attribute ruler, matched by table lookups instead of spaCy's ``Matcher`` (issue 10: speed).

``en_core_web_sm``'s ``attribute_ruler`` maps each fine-grained tag to its part of speech and features and fixes
a few words ("ai n't", "gon na"). It runs a ``Matcher`` of 179 patterns over every token, a sixth of the parse.
Nearly all of them test one token's ``TAG``, ``LOWER``, ``DEP`` or ``IS_SPACE`` for a value or a set of values:
``AttributeMatcher`` finds those through dictionaries keyed by the token's lower-case form or tag (hashes read
with ``Doc.to_array``, no ``Token`` objects), and leaves any other pattern (several tokens, a regular expression
beside other tests, an operator) to a ``Matcher`` of its own. It returns exactly the matches, in exactly the
order, of ``AttributeRuler.match``, so the ruler sets the same attributes; ``use_attribute_matcher`` installs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

Match = tuple[int, int, int, int]  # (pattern number, match id, start, end), as AttributeRuler.match gives them
_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2}
CACHE_SIZE = 200_000  # token shapes (word, tag, dependency, space) whose matches are remembered
_Test = Callable[[Sequence[int], StringStore], bool]


@dataclass(frozen=True, slots=True)
class _Simple:
    """A one-token pattern: its number, match id and the tests on the token's columns."""

    number: int
    match_id: int
    tests: tuple[_Test, ...]


class AttributeMatcher:
    """``AttributeRuler.match`` by dictionary lookups for one-token patterns."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        self.by_lower: dict[int, list[_Simple]] = {}
        self.by_tag: dict[int, list[_Simple]] = {}
        self.always: list[_Simple] = []
        self.rest = Matcher(ruler.vocab)
        self._found: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        for number, entry in enumerate(ruler.patterns):
            match_id = strings.add(str(number))
            patterns = cast(list[list[dict[str, Any]]], entry["patterns"])
            simple = _simple(number, match_id, patterns, strings)
            if simple is None:
                self.rest.add(match_id, patterns)
            else:
                self._index(simple, patterns[0][0], strings)

    def _index(self, simple: _Simple, pattern: Mapping[str, Any], strings: StringStore) -> None:
        """File a pattern under the values of its most selective test: the word, else the tag, else none."""
        for attr, table in (("LOWER", self.by_lower), ("TAG", self.by_tag)):
            values = _values(pattern.get(attr))
            if values is not None:
                for value in values:
                    table.setdefault(strings.add(value), []).append(simple)
                return
        self.always.append(simple)

    def __call__(self, doc: Doc) -> list[Match]:
        """The matches of every pattern, sorted as ``AttributeRuler.match`` sorts them."""
        matches = [(int(self.strings[m_id]), m_id, start, end)
                   for m_id, start, end in self.rest(doc, allow_missing=True)]
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist() if len(doc) else []
        for i, row in enumerate(rows):
            key = tuple(row)
            found = self._found.get(key)
            if found is None:
                found = self._token_matches(row)
                if len(self._found) > CACHE_SIZE:
                    self._found.clear()
                self._found[key] = found
            matches.extend((number, match_id, i, i + 1) for number, match_id in found)
        matches.sort()
        return matches

    def _token_matches(self, row: Sequence[int]) -> tuple[tuple[int, int], ...]:
        """The one-token patterns a token with these columns matches: they depend on the columns alone."""
        candidates = (*self.by_lower.get(row[0], ()), *self.by_tag.get(row[1], ()), *self.always)
        return tuple((s.number, s.match_id) for s in candidates if all(test(row, self.strings) for test in s.tests))


def use_attribute_matcher(ruler: AttributeRuler) -> None:
    """Have the ruler find its matches with an ``AttributeMatcher`` (same matches, same order)."""
    ruler.match = AttributeMatcher(ruler)  # type: ignore[method-assign]


def _simple(number: int, match_id: int, alternatives: Sequence[Sequence[Mapping[str, Any]]],
            strings: StringStore) -> _Simple | None:
    """The pattern as one-token tests, or None when it is not one (several tokens or alternatives, an operator,
    an attribute or a predicate the tests do not cover)."""
    if len(alternatives) != 1 or len(alternatives[0]) != 1:
        return None
    tests = []
    for attr, value in alternatives[0][0].items():
        test = _test(attr, value, strings)
        if test is None:
            return None
        tests.append(test)
    return _Simple(number, match_id, tuple(tests))


def _test(attr: str, value: Any, strings: StringStore) -> _Test | None:
    """A test of one token attribute, as spaCy's ``Matcher`` reads the pattern, or None if not covered."""
    if attr == "IS_SPACE" and isinstance(value, bool):
        return lambda row, _: bool(row[3]) == value
    column = _COLUMNS.get(attr)
    if column is None:
        return None
    values = _values(value)
    if values is not None:
        wanted = frozenset(strings.add(v) for v in values)
        return lambda row, _: row[column] in wanted
    if isinstance(value, dict) and set(value) == {"NOT_IN"} and isinstance(value["NOT_IN"], list):
        unwanted = frozenset(strings.add(v) for v in value["NOT_IN"])
        return lambda row, _: row[column] not in unwanted
    if isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str):
        pattern = re.compile(value["REGEX"])
        return lambda row, store: pattern.search(store[row[column]]) is not None
    return None


def _values(value: Any) -> list[str] | None:
    """The values a test accepts when it is an equality or an ``IN`` over strings, else None."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return list(value["IN"])
    return None
