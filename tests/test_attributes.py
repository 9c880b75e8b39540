"""The attribute ruler's lookup matcher gives exactly the matches of spaCy's Matcher (issue 10: speed)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from factionmap.extract.attributes import AttributeMatcher
from factionmap.extract.nlp import MODEL_PACKAGES, load_nlp

TEXTS = [
    "Al-Shabaab fighters attacked an African Union base near Mogadishu on Tuesday, killing 12 soldiers.",
    "THE FMLN SAID IT WOULD NOT NEGOTIATE. Y'ALL AIN'T SEEN NOTHING, GON NA BE WORSE.",
    "the maoists ambushed a crpf convoy in dantewada; police said there were 3 dead.",
    "Let's go, c'mon -- he ain't got ta wait. There is no ceasefire and there are no talks.",
    "Hezbollah's leader Hassan Nasrallah said the group gets arms from Iran.\n\n  (Reuters)  ",
    "",
    "\n\n",
]


@pytest.fixture(scope="module")
def plain() -> Language:
    """The model as it ships: its ruler still matches with spaCy's Matcher."""
    import importlib

    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    pytest.skip("no spaCy model installed")


def test_same_matches_as_spacy(plain: Language) -> None:
    ruler = plain.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    fast = AttributeMatcher(ruler)
    assert len(fast.rest) < len(ruler.patterns) // 10  # most patterns are looked up, not matched
    found = 0
    for doc in plain.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer", "ner"]):
        expected = ruler.match(doc)
        assert fast(doc) == expected
        assert fast(doc) == expected  # and again, from the remembered token shapes
        found += len(expected)
    assert found > 50


def test_loaded_model_sets_the_same_attributes() -> None:
    nlp, reference = load_nlp(), load_nlp()
    ruler = reference.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, AttributeMatcher)
    del ruler.match  # back to AttributeRuler.match: spaCy's Matcher
    for ours, theirs in zip(nlp.pipe(TEXTS), reference.pipe(TEXTS), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in ours] == \
            [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in theirs]
