"""Why documents pass the prefilter (``Extractor.may_hold_facts``), and what a stricter one would keep (issue 4).

    .venv/bin/python bench/prefilter.py [--corpus india] [--limit N]

For each document the prefilter sends to the parser, it records which test let it through: a knowledge-base
name (and the entry's kind), a capitalised group word, or a state's forces. It then extracts those documents and
counts the ones that gave any relation or event, and shows, for stricter rules that ignore knowledge-base
matches of some kinds, how many documents would still be parsed and how many of those with facts would be lost.
"""

from __future__ import annotations

import argparse
import collections
import logging
import sys
from collections.abc import Collection
from pathlib import Path

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).parent))

from corpora import load_corpus

from factionmap.config import Settings
from factionmap.extract import Extractor
from factionmap.extract.mentions import LEADING_GROUP_WORDS, TRAILING_GROUP_WORDS, ActorFinder
from factionmap.extract.names import STATE_FORCE_WORDS

STRICTER = ((), ("state",), ("state", "organization"))


def reasons(finder: ActorFinder, doc: Doc) -> set[str]:
    """Every prefilter test the tokenized text passes: ``group word``, ``state forces``, ``kb:<kind>``."""
    found: set[str] = set()
    for token in doc:
        if token.is_title and (token.lower_ in LEADING_GROUP_WORDS or token.lower_ in TRAILING_GROUP_WORDS):
            found.add("group word")
        if token.lower_ in STATE_FORCE_WORDS and token.i > 0 and finder._state_named_by(doc[token.i - 1]):
            found.add("state forces")
    for match_id, _, _ in [*finder.exact(doc), *finder.folded(doc)]:
        entry = finder.kb.get(finder.vocab.strings[match_id])
        if entry is not None:
            found.add(f"kb:{entry.kind}")
    return found


def passes(found: set[str], ignored_kinds: Collection[str]) -> bool:
    """Whether a stricter prefilter, blind to KB matches of ``ignored_kinds``, would still parse the text."""
    return any(not r.startswith("kb:") or r[3:] not in ignored_kinds for r in found)


def main() -> None:
    """Print the reasons and the stricter rules' effect."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="india", choices=("india", "syria"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    documents = load_corpus(args.corpus, args.limit)
    extractor = Extractor.from_settings(Settings())
    passing = [d for d in documents if extractor.may_hold_facts(d)]
    why = {d.id: reasons(extractor.actors, extractor.resources.nlp.make_doc(d.text)) for d in passing}
    tally = collections.Counter(r for found in why.values() for r in found)
    with_facts = {ex.doc.id for ex in extractor.extract_all(passing) if ex.relations or ex.events}
    print(f"{args.corpus}: {len(documents)} documents, {len(passing)} parsed, {len(with_facts)} gave a fact")
    print("passed because (a document may count under several):", dict(tally.most_common()))
    for ignored in STRICTER:
        kept = {i for i, found in why.items() if passes(found, ignored)}
        print(f"ignoring KB matches of kind {list(ignored) or 'none'}: {len(kept)} parsed "
              f"({len(kept) / len(documents):.0%}), documents with facts lost: {sorted(with_facts - kept)}")


if __name__ == "__main__":
    main()
