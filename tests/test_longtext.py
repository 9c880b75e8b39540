"""A text too long for the parser at once is parsed in pieces, keeps its offsets, and stops no batch (issue 10)."""

from __future__ import annotations

import io
import json
from itertools import pairwise
from pathlib import Path

import pytest
import spacy

from factionmap import service
from factionmap.config import Settings
from factionmap.extract import Extractor
from factionmap.extract.longtext import PIECE_CHARS, make_tokens, windows
from factionmap.store import open_store


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("First paragraph here.\n\nSecond one. It goes on.", 30, ["First paragraph here.\n\n", "Second one. It goes on."]),
    ("One sentence. Another sentence. A third", 20, ["One sentence. ", "Another sentence. ", "A third"]),
    ("words without any final stop at all", 12, ["words ", "without any ", "final stop ", "at all"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ("short enough", 100, ["short enough"]),
])
def test_windows_cut_after_a_paragraph_then_a_sentence_then_a_space(text: str, limit: int,
                                                                     expected: list[str]) -> None:
    assert [text[a:b] for a, b in windows(text, limit)] == expected


def test_windows_prefer_the_last_paragraph_break_over_a_later_sentence_end() -> None:
    text = "Para one.\n\nPara two. Still two. And more of it here"
    assert next(text[a:b] for a, b in windows(text, 40)) == "Para one.\n\n"


def test_windows_cover_a_long_text_end_to_end_each_under_the_limit() -> None:
    text = "\n\n".join(f"Paragraph {n} says something. " * (n % 7 + 1) for n in range(3000))
    spans = windows(text, 5_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in pairwise(spans))
    assert all(0 < b - a <= 5_000 for a, b in spans)
    assert all(text[b - 2:b] == "\n\n" for _, b in spans[:-1])


def test_tokens_of_a_text_over_spacys_limit_keep_the_whole_text_and_its_offsets() -> None:
    nlp = spacy.blank("en")
    text = "\n\n".join(f"Line {n} of a {'y' * 60} report." for n in range(12_000))
    assert len(text) > nlp.max_length
    doc = make_tokens(nlp, text)
    assert doc.text == text
    last = doc[-2]  # "report", before the final period
    assert text[last.idx:last.idx + len(last)] == "report" and last.idx > len(text) - 10


# A long text cheap to parse: few tokens per character (long words), in paragraphs, with one statement near its
# start and one near its end, from two different conflicts.
EARLY = "Boko Haram pledged allegiance to the Islamic State in March 2015."
LATE = "Hay'at Tahrir al-Sham, which is a splinter of al Qaeda, controls much of Idlib."
FILLER = " ".join(["Notwithstanding" + "x" * 180] * 8) + "."


def _long_text() -> str:
    paragraphs = [EARLY, *[FILLER] * 700, LATE, "The report ends here."]
    text = "\n\n".join(paragraphs)
    assert len(text) > 1_000_000 and text.index(LATE) > 10 * PIECE_CHARS
    return text


@pytest.fixture(scope="module")
def long_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a text of over a million characters, and a good news item beside it (read after it)."""
    folder = tmp_path_factory.mktemp("long")
    (folder / "a_long_report.txt").write_text(_long_text(), encoding="utf-8")
    (folder / "b_good.txt").write_text("Ansaru is reportedly allied with al Qaeda in the Islamic Maghreb.\n",
                                       encoding="utf-8")
    return folder


@pytest.mark.issue(10)
def test_a_text_over_a_million_characters_is_extracted_with_offsets_into_the_whole_text(
        long_folder: Path, extractor: Extractor) -> None:
    out = io.StringIO()
    report = service.extract_to_jsonl([long_folder], out, Settings(), extractor=extractor)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert report.ok and report.documents == 2
    long_record, good_record = records
    text = _long_text()
    evidence = {r["type"]: r["evidence"] for r in long_record["relations"]}
    assert evidence["splinter_of"]["start"] == text.index(LATE)
    assert text[evidence["splinter_of"]["start"]:evidence["splinter_of"]["end"]] == LATE
    assert evidence["allegiance"]["text"] == EARLY
    assert [r["type"] for r in good_record["relations"]] == ["alliance"]


@pytest.mark.issue(10)
def test_a_folder_with_a_text_over_the_parser_limit_is_ingested_whole_and_a_rerun_adds_nothing(
        long_folder: Path, extractor: Extractor, tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "long.db"))
    with open_store(settings.db) as store:
        first = service.ingest([long_folder], store, settings, extractor=extractor)
    with open_store(settings.db) as store:
        again = service.ingest([long_folder], store, settings, extractor=extractor)
        counts = store.stats()
    assert (first.ok, first.documents, first.relations) == (True, 2, 3)
    assert (again.ok, again.documents, again.skipped_known) == (True, 0, 2)
    assert counts["documents"] == 2
