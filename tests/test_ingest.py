"""Reading files, folders and JSON Lines into documents: what a user gets, and what bad inputs report."""

from __future__ import annotations

import importlib
import json
import logging
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from factionmap.errors import InvalidDate
from factionmap.ingest import count_inputs, headline, normalise_date, read_documents, repair_mojibake
from factionmap.records import Document, IngestProblem

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SHARED = Path(__file__).parents[2] / "shared"


def _stub_dates() -> types.ModuleType:
    """A stand-in for ``factionmap.dates.expressions`` with its three functions, for a tree where it is not written yet."""
    module = types.ModuleType("factionmap.dates.expressions")

    def parse_partial_date(value: str) -> str:
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise InvalidDate(value)
        return value

    module.parse_partial_date = parse_partial_date  # type: ignore[attr-defined]
    module.find_dateline = lambda text: None  # type: ignore[attr-defined]
    module.infer_publication_date = lambda text: None  # type: ignore[attr-defined]
    return module


@pytest.fixture(autouse=True)
def dates_module(monkeypatch: pytest.MonkeyPatch) -> Iterator[types.ModuleType]:
    """``factionmap.dates.expressions``: the real module where it exists, else a stub."""
    try:
        module = importlib.import_module("factionmap.dates.expressions")
    except ImportError:
        module = _stub_dates()
        monkeypatch.setitem(sys.modules, "factionmap.dates.expressions", module)
        monkeypatch.setattr("factionmap.dates.expressions", module, raising=False)
    yield module


def read(*paths: str | Path, **kwargs: object) -> list[Document | IngestProblem]:
    return list(read_documents([*paths], **kwargs))  # type: ignore[arg-type]


def only_document(*paths: str | Path, **kwargs: object) -> Document:
    (item,) = read(*paths, **kwargs)
    assert isinstance(item, Document), item
    return item


def only_problem(*paths: str | Path, **kwargs: object) -> IngestProblem:
    (item,) = read(*paths, **kwargs)
    assert isinstance(item, IngestProblem), item
    return item


# --- Encodings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected", "warning"),
    [
        ("raqqa_utf8_bom.txt", "SDF fighters enter Raqqa’s old city\n\nThe Syrian Democratic Forces", None),
        ("mosul_utf16.txt", "Shi’ite militias of the Popular Mobilisation Forces", None),
        ("aleppo_cp1252.txt", "ALEPPO, Syria (Nov. 19, 2016) — Government air strikes", "Windows-1252"),
        ("idlib_mojibake.txt", "“The rebels withdrew without a fight,” one resident", None),
    ],
)
def test_each_encoding_is_read_into_clean_unicode(
    name: str, expected: str, warning: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="factionmap.ingest"):
        doc = only_document(FIXTURES / name)
    assert expected in doc.text
    assert "\ufeff" not in doc.text and "â€" not in doc.text
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    if warning is None:
        assert warnings == []
    else:
        assert warnings == [f"{FIXTURES / name}: not UTF-8; read as Windows-1252 (cp1252)"]


def test_boilerplate_is_removed_from_a_windows_1252_file() -> None:
    doc = only_document(FIXTURES / "aleppo_cp1252.txt")
    assert "Share this:" not in doc.text and "Facebook" not in doc.text
    assert doc.text.endswith("after a three-week pause.")


@pytest.mark.shared
def test_the_fakes_corpus_bytes_read_as_windows_1252_without_crashing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = SHARED / "data" / "corpora" / "fakes_syria_news.csv"
    if not corpus.is_file():
        pytest.skip("shared/ is absent")
    data = corpus.read_bytes()
    start = data.index(b"\x95\x81")
    article = tmp_path / "fakes_excerpt.txt"
    article.write_bytes(data[start - 2000 : start + 2000])
    with caplog.at_level(logging.WARNING, logger="factionmap.ingest"):
        doc = only_document(article)
    assert "Time is running ou" in doc.text
    assert "read as Windows-1252" in caplog.text


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("the proposed â€˜bhoomi pujanâ€™, even", "the proposed ‘bhoomi pujan’, even"),
        ("â€œwe demand a ban,â€\ufffd he said", "“we demand a ban,” he said"),
        ("SÃ£o Paulo and the Ã‰tat islamique", "São Paulo and the État islamique"),
        ("related storiesÂ narendra modi", "related stories narendra modi"),
        ("1Â°C and Â£5", "1°C and £5"),
        ("Plain text — with “real” quotes and café.", "Plain text — with “real” quotes and café."),
        ("ROMÂ NIA in capitals", "ROMÂ NIA in capitals"),
    ],
)
def test_common_mojibake_is_repaired_where_unambiguous(broken: str, repaired: str) -> None:
    assert repair_mojibake(broken) == repaired


def test_mojibake_in_a_jsonl_record_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "toi.jsonl"
    record = {"id": "toi-11", "text": "aibmac said the proposed â€˜bhoomi pujanâ€™ would violate the order."}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert "‘bhoomi pujan’" in only_document(path).text


# --- HTML --------------------------------------------------------------------------------------------


def test_html_page_gives_main_text_title_date_and_url() -> None:
    doc = only_document(FIXTURES / "kabul_mosque_attack.html")
    assert doc.id == "kabul_mosque_attack"
    assert doc.title == "Islamic State claims suicide attack on Kabul mosque"
    assert (doc.published, doc.published_from) == ("2017-10-21", "metadata")
    assert doc.url == "https://frontier-monitor.example.org/2017/10/islamic-state-claims-kabul-mosque-attack/"
    assert "The Taliban denied any involvement in the attack" in doc.text
    assert "no group immediately claimed it." in doc.text


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Home",
        "About us",
        "Share on Facebook",
        "Tags:",
        "3 Comments",
        "frank k says",
        "take orders from Pakistan",
        "Taliban push into Kunduz",
        "All rights reserved",
    ],
)
def test_html_page_menus_share_links_related_and_comments_are_dropped(boilerplate: str) -> None:
    assert boilerplate not in only_document(FIXTURES / "kabul_mosque_attack.html").text


def test_html_without_article_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "login.html"
    path.write_text("<html><head><title>Log in</title></head><body><form></form></body></html>", encoding="utf-8")
    assert only_problem(path) == IngestProblem(str(path), "no article text found in the HTML")


# --- JSON Lines --------------------------------------------------------------------------------------


def test_jsonl_records_become_documents_with_their_metadata() -> None:
    docs = read(FIXTURES / "articles.jsonl")
    assert all(isinstance(doc, Document) for doc in docs)
    path = FIXTURES / "articles.jsonl"
    assert [(d.id, d.source) for d in docs] == [  # type: ignore[union-attr]
        ("lwj-2015-08-24", f"{path}:1"),
        ("rss-0002", f"{path}:2"),
        ("articles:3", f"{path}:3"),
    ]
    first, html, untitled = docs
    assert isinstance(first, Document) and isinstance(html, Document) and isinstance(untitled, Document)
    assert first.title == "Central Asian groups split over leadership of global jihad"
    assert first.url == "https://www.longwarjournal.org/archives/2015/08/central-asian-groups-split.php"
    assert (first.published, first.published_from) == ("2015-08-24", "metadata")
    assert "Tags:" not in first.text
    assert html.title == "Houthis fire missile at Saudi border town"
    assert html.published == "2017-06-05" and "ballistic missile" in html.text
    assert (untitled.title, untitled.published, untitled.published_from) == (None, "2019-06", "metadata")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a1", "text": "Kabul"', "not JSON (Expecting ',' delimiter at column 29)"),
        ("not json at all", "not JSON (Expecting value at column 1)"),
        ('["Kabul"]', "not a JSON object (got array)"),
        ('{"id": "a2", "title": "No body"}', "record has neither 'text' nor 'html'"),
        ('{"id": "a3", "text": 42}', "'text' is not a string (got number)"),
        ('{"id": "a4", "html": ["<p>x</p>"]}', "'html' is not a string (got array)"),
        ('{"id": "a5", "text": "   "}', "only whitespace, no text"),
        ('{"id": [1], "text": "Kabul attack"}', "'id' is not a string (got array)"),
    ],
)
def test_bad_jsonl_lines_are_reported_by_line_and_the_file_goes_on(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "ok", "text": "Al Shabaab fighters attacked a base in Lower Shabelle."})
    path.write_text(f"{line}\n{good}\n", encoding="utf-8")
    problem, doc = read(path)
    assert problem == IngestProblem(f"{path}:1", reason)
    assert isinstance(problem, IngestProblem)
    assert f"{problem.source}: {problem.reason}".startswith(f"{path}:1: ")
    assert isinstance(doc, Document) and doc.id == "ok"


def test_a_jsonl_record_over_the_size_limit_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    huge = json.dumps({"id": "big", "text": "Kabul " * 5000})
    good = json.dumps({"id": "ok", "text": "Taliban fighters entered Kunduz."})
    path.write_text(f"{huge}\n{good}\n", encoding="utf-8")
    problem, doc = read(path, max_bytes=1000)
    assert problem == IngestProblem(f"{path}:1", "record is over the limit of 1,000 bytes")
    assert isinstance(doc, Document) and doc.id == "ok"


def test_jsonl_with_bom_and_windows_line_breaks_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": f"Report {i} from Mosul on the fighting."}) for i in range(2)]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    assert [d.id for d in read(path)] == ["r0", "r1"]  # type: ignore[union-attr]


def test_jsonl_is_streamed_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "first", "text": "Clashes in Deir ez-Zor."}) + "\n", encoding="utf-8")
    documents = read_documents([path])
    first = next(documents)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "second", "text": "Clashes in Hasakah."}) + "\n")
    assert isinstance(first, Document) and first.id == "first"
    assert [d.id for d in documents] == ["second"]  # type: ignore[union-attr]


# --- Files and folders -------------------------------------------------------------------------------


def test_a_folder_is_read_recursively_in_name_order_skipping_other_files() -> None:
    folder = FIXTURES / "folder"
    docs = read(folder)
    assert [(d.id, d.source) for d in docs] == [  # type: ignore[union-attr]
        ("001_kunduz", str(folder / "001_kunduz.txt")),
        ("002_helmand", str(folder / "nested" / "002_helmand.txt")),
    ]


def test_the_same_inputs_give_the_same_documents_in_the_same_order() -> None:
    assert read(FIXTURES) == read(FIXTURES)


def test_count_inputs_counts_what_read_documents_yields(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    paths = [FIXTURES, tmp_path, tmp_path / "missing.txt"]
    assert count_inputs(paths) == len(read(*paths)) == 12


def test_a_plain_text_title_is_its_headline_and_stays_in_the_text() -> None:
    doc = only_document(FIXTURES / "folder" / "001_kunduz.txt")
    assert doc.title == "Taliban fighters overrun Kunduz checkpoints"
    assert doc.text.startswith(doc.title)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Islamic Jihad Union conducts joint raid with the Taliban\n\nIn a newly released video...",
            "Islamic Jihad Union conducts joint raid with the Taliban",
        ),
        ("Is the Islamic State finished?\n\nAnalysts disagree.", "Is the Islamic State finished?"),
        ("KABUL, Afghanistan — The Taliban said on Tuesday that its fighters took Musa Qala.\n\nMore text.", None),
        ("Taliban take Musa Qala.\n\nMore text.", None),
        ("Taliban take Musa Qala", None),
        ("2015\n\nA year of war.", None),
    ],
)
def test_headline_is_a_short_first_line_without_final_period(text: str, title: str | None) -> None:
    assert headline(text) == title


# --- Bad inputs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t \r\n", "only whitespace, no text"),
        ("blank.html", b"\n   \n", "only whitespace, no text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (contains NUL bytes)"),
        ("ctrl.txt", b"\x01\x02\x03\x04\x05\x06 abc \x07\x08", "binary file (contains control characters)"),
        ("menu.txt", b"Share this:\nFacebook\nTwitter\n", "no article text left after removing boilerplate"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type '.docx': use .htm, .html, .jsonl, .txt"),
        ("empty.jsonl", b"", "empty file"),
        ("blank.jsonl", b"\n  \n\n", "only whitespace, no records"),
        ("archive.jsonl", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "binary file (contains NUL bytes)"),
    ],
)
def test_bad_files_are_reported_by_name_with_the_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert only_problem(path) == IngestProblem(str(path), reason)


def test_a_file_over_the_size_limit_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text("Kabul " * 400, encoding="utf-8")
    assert only_problem(path, max_bytes=1000) == IngestProblem(
        str(path), "file is 2,400 bytes, over the limit of 1,000 bytes"
    )


def test_a_missing_path_is_reported(tmp_path: Path) -> None:
    assert only_problem(tmp_path / "nope.txt") == IngestProblem(str(tmp_path / "nope.txt"), "no such file or directory")


@pytest.mark.parametrize("name", ["locked.txt", "locked.jsonl"])
def test_an_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = tmp_path / name
    path.write_text("Taliban fighters entered Kunduz.\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "open", refuse)
    assert only_problem(path) == IngestProblem(str(path), "cannot read file (Permission denied)")


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01")
    (tmp_path / "c_good.txt").write_text("Boko Haram fighters attacked Monguno on Friday.", encoding="utf-8")
    items = read(tmp_path)
    assert [type(item).__name__ for item in items] == ["IngestProblem", "IngestProblem", "Document"]


# --- Publication dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-08-24T10:00:00Z", "2015-08-24"),
        ("2017-10-21T09:14:00+04:30", "2017-10-21"),
        ("2015-08", "2015-08"),
        ("2015", "2015"),
        ("Mon, 24 Aug 2015", "2015-08-24"),
        ("Mon, 24 Aug 2015 10:00:00 +0000", "2015-08-24"),
        ("August 24, 2015", "2015-08-24"),
        ("Aug. 24, 2015", "2015-08-24"),
        ("24 August 2015", "2015-08-24"),
        ("2015/08/24", "2015-08-24"),
        ("August 2015", "2015-08"),
    ],
)
def test_metadata_dates_are_normalised_to_partial_dates(value: str, expected: str) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "24/08", ""])
def test_a_date_that_is_no_date_is_refused(value: str) -> None:
    with pytest.raises(InvalidDate):
        normalise_date(value)


def test_a_bad_published_argument_is_refused_at_once() -> None:
    with pytest.raises(InvalidDate):
        read_documents([FIXTURES], published="last week")


def test_a_bad_date_in_a_record_is_ignored_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Fighting in Sirte.", "published": "soon"}) + "\n", "utf-8")
    with caplog.at_level(logging.WARNING, logger="factionmap.ingest"):
        doc = only_document(path, published="2016-05")
    assert (doc.published, doc.published_from) == ("2016-05", "metadata")
    assert "ignoring publication date 'soon'" in caplog.text


@pytest.mark.parametrize(
    ("meta", "dateline", "given", "inferred", "expected"),
    [
        ("2015-08-24", "2015-08-20", "2015-01", "2015", ("2015-08-24", "metadata")),
        (None, "2015-08-20", "2015-01", "2015", ("2015-08-20", "dateline")),
        (None, None, "2015-01", "2015", ("2015-01", "metadata")),
        (None, None, None, "2015", ("2015", "inferred")),
        (None, None, None, None, (None, None)),
    ],
)
def test_publication_date_comes_from_metadata_then_dateline_then_caller_then_text(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dates_module: types.ModuleType,
    meta: str | None,
    dateline: str | None,
    given: str | None,
    inferred: str | None,
    expected: tuple[str | None, str | None],
) -> None:
    monkeypatch.setattr(dates_module, "find_dateline", lambda text: dateline)
    monkeypatch.setattr(dates_module, "infer_publication_date", lambda text: inferred)
    record = {"id": "d", "text": "KUNDUZ — The IJU pledged allegiance to the Taliban."}
    if meta:
        record["published"] = meta
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    doc = only_document(path, published=given)
    assert (doc.published, doc.published_from) == expected


def test_a_dateline_sets_the_date_with_the_real_dates_module() -> None:
    pytest.importorskip("factionmap.dates.expressions", reason="factionmap.dates.expressions is not written yet")
    if "factionmap.dates.expressions" in sys.modules and not getattr(sys.modules["factionmap.dates.expressions"], "__file__", None):
        pytest.skip("factionmap.dates.expressions is stubbed")
    doc = only_document(FIXTURES / "folder" / "nested" / "002_helmand.txt")
    assert doc.published_from == "dateline"
    assert doc.published is not None and doc.published.startswith("2016-08")


# --- The seeds (shared/) -----------------------------------------------------------------------------


@pytest.mark.shared
def test_the_seed_articles_are_read_clean_with_their_headlines() -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/ is absent")
    docs = read(seeds, published="2015-08-24")
    assert [(d.id, d.title) for d in docs] == [  # type: ignore[union-attr]
        ("000_f2eb0cac38d4fd85", "Islamic Jihad Union conducts joint raid with the Taliban"),
        ("001_f27e878cea6fe74a", "Central Asian groups split over leadership of global jihad"),
    ]
    for doc in docs:
        assert isinstance(doc, Document)
        original = Path(doc.source).read_text(encoding="utf-8")
        assert original.startswith(doc.text[:200])
        assert "Tags:" not in doc.text and "says:" not in doc.text and "Senior Fellow" not in doc.text


# --- UTF-16 without byte order mark, and pages too deep for the HTML parser (issue 10) ----------------------


UTF16_TEXTS = [
    "The Islamic Movement of Uzbekistan pledged allegiance to the Islamic State in August 2015.\n",
    "Al-Shabaab fighters attacked an African Union base near Mogadishu, officials said.\n",
    "قالت جماعة الدولة الإسلامية إنها هاجمت مواقع للجيش العراقي قرب الموصل في عام 2016.\n",
    "Боевики группировки атаковали позиции армии у Донецка 12 мая 2014 года.\n",
]


@pytest.mark.issue(10)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", UTF16_TEXTS, ids=["uzbek", "somali", "arabic", "russian"])
def test_utf16_without_byte_order_mark_is_decoded_not_called_binary(
    tmp_path: Path, codec: str, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(codec))
    with caplog.at_level(logging.WARNING):
        assert only_document(path).text == text.strip()
    assert f"read as {codec.upper()}" in caplog.text


@pytest.mark.issue(10)
def test_a_jsonl_file_in_utf16_without_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    record = {"id": "x", "text": "The Taliban claimed the attack in Kunduz on Monday."}
    path.write_bytes((json.dumps(record) + "\n").encode("utf-16-le"))
    assert only_document(path).text == record["text"]


@pytest.mark.issue(10)
def test_binary_data_with_nul_bytes_on_both_sides_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "packed.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert only_problem(path).reason.startswith("binary file")


@pytest.mark.issue(10)
def test_a_page_of_ten_thousand_nested_divs_keeps_its_text(tmp_path: Path) -> None:
    body = ("<p>Hayat Tahrir al-Sham fighters clashed with government forces near Idlib on Tuesday, a monitor "
            "said.</p><script>var tracking = 1;</script><p>The group denied losing the village.</p>")
    page = ("<html><head><title>Clashes near Idlib</title><style>p {}</style></head><body>"
            + "<div>" * 10_000 + body + "</div>" * 10_000 + "</body></html>")
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    doc = only_document(path)
    assert doc.text.splitlines() == [
        "Hayat Tahrir al-Sham fighters clashed with government forces near Idlib on Tuesday, a monitor said.",
        "The group denied losing the village.",
    ]
    assert doc.title == "Clashes near Idlib"


def test_a_new_input_format_is_one_reader_listed_in_the_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Adding CSV input: a reader (here a toy one, one article per row) and one more entry in ``READERS``."""
    import csv

    from factionmap.ingest import registry
    from factionmap.ingest.document import text_document
    from factionmap.ingest.reader import Reader

    def read_csv(path: Path, published: str | None, max_bytes: int) -> Iterator[Document | IngestProblem]:
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=1):
                yield text_document(row["text"], row["id"], f"{path}:{number}", {"title": row["title"]}, published)

    readers = (*registry.READERS, Reader(frozenset({".csv"}), read_csv))
    monkeypatch.setattr(registry, "BY_SUFFIX", registry.by_suffix(readers))
    monkeypatch.setattr(registry, "SUPPORTED_SUFFIXES", frozenset(registry.BY_SUFFIX))
    (tmp_path / "feed.csv").write_text(
        "id,title,text\nm1,Ceasefire,The militia agreed a ceasefire in Goma on Monday.\n", encoding="utf-8")
    (tmp_path / "note.txt").write_text("Rebels seized the town of Bunia.\n", encoding="utf-8")
    docs = read(tmp_path, published="2024-03")
    assert [(d.id, d.title) for d in docs if isinstance(d, Document)] == [("m1", "Ceasefire"), ("note", None)]
    (tmp_path / "feed.rss").write_text("<rss/>", encoding="utf-8")
    assert only_problem(tmp_path / "feed.rss").reason == "unsupported file type '.rss': use .csv, .htm, .html, .jsonl, .txt"
