"""Boilerplate removal: what a reader sees gone, what stays, and that offsets still slice the original."""

from __future__ import annotations

from pathlib import Path

import pytest

from factionmap.ingest.boilerplate import clean_text, is_boilerplate_line

SHARED = Path(__file__).parents[2] / "shared"
SEEDS = SHARED / "seeds"

BODY_1 = (
    "Islamic State fighters attacked a police checkpoint on the outskirts of Tikrit on Sunday, killing four "
    "officers, according to a statement from the Interior Ministry."
)
BODY_2 = (
    "The group's Amaq news agency said the attack was carried out by two of its fighters, and released "
    "photographs of the aftermath. Local officials said the assailants had arrived from the desert to the west."
)
BODY_3 = (
    "Security forces have been on alert in Salahuddin province since the group lost its last urban strongholds "
    "in Iraq, and commanders warned that sleeper cells remain active in the Hamrin mountains."
)


def assert_offsets_kept(original: str, cleaned: str) -> None:
    """Every character kept in ``cleaned`` is the character at the same offset in ``original``."""
    assert len(cleaned) <= len(original)
    for index, char in enumerate(cleaned):
        assert char == original[index] or (char == " " and original[index] not in "\r\n"), index


def article(*parts: str) -> str:
    """Join paragraphs the way news pages come out of a text extractor."""
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize(
    ("boilerplate", "text"),
    [
        ("Tags: Iraq, Islamic State, Tikrit", article(BODY_1, BODY_2, BODY_3, "Tags: Iraq, Islamic State, Tikrit")),
        ("Tags: , , , ,", article(BODY_1, "Tags: , , , ,", BODY_2, BODY_3)),
        ("Share this:", article(BODY_1, BODY_2, "Share this:\nFacebook\nTwitter\nEmail", BODY_3)),
        ("Share on Facebook", article("Share on Facebook Share on Twitter", BODY_1, BODY_2, BODY_3)),
        ("Tweet", article(BODY_1, "Tweet", "Print", BODY_2, BODY_3)),
        ("Related: Islamic State", article(BODY_1, "Related: Islamic State claims attack in Samarra", BODY_2, BODY_3)),
        ("Read more", article(BODY_1, BODY_2, "Read more: Iraq's forgotten front line", BODY_3)),
        ("[See LWJ report", article(BODY_1 + " [See LWJ report, Islamic State resurgent in Salahuddin.]", BODY_2)),
        ("Photo credit: Ahmad al-Rubaye/AFP", article("Photo credit: Ahmad al-Rubaye/AFP", BODY_1, BODY_2)),
        (
            "Iraqi soldiers",
            article(BODY_1, "Iraqi soldiers patrol near Tikrit. AHMAD AL-RUBAYE/AFP via Getty Images", BODY_2),
        ),
        ("Advertisement", article(BODY_1, "Advertisement", BODY_2, BODY_3)),
        ("Home / World / Middle East", article("Home / World / Middle East", BODY_1, BODY_2)),
        ("Iraq / Islamic state / Syria / Aqap", article(BODY_1, BODY_2, BODY_3, "Iraq / Islamic state / Syria / Aqap")),
        ("(Reporting by Ahmed Rasheed", article(BODY_1, BODY_2, "(Reporting by Ahmed Rasheed; Editing by Tom Perry)")),
        ("© 2019 Gulf Monitor", article(BODY_1, BODY_2, BODY_3, "© 2019 Gulf Monitor. All rights reserved.")),
        (
            "Jane Doe is a senior analyst",
            article(
                BODY_1,
                BODY_2,
                BODY_3,
                "Jane Doe is a senior analyst at the Institute for the Study of War, where she covers Iraq.",
            ),
        ),
        (
            "Omar Hassan (@ohassan) is a fellow",
            article(BODY_1, BODY_2, "Omar Hassan (@ohassan) is a fellow at the Middle East Institute.", "Tags: Iraq"),
        ),
        (
            "About the author",
            article(
                BODY_1,
                BODY_2,
                "About the author",
                "Ali Kareem is a freelance journalist based in Baghdad and a contributor to Gulf Monitor.",
            ),
        ),
        ("Iraq\n\nSyria\n\nYemen", article(BODY_1, BODY_2, BODY_3, "Iraq", "Syria", "Yemen", "Al shabaab")),
        ("3 Comments", article(BODY_1, BODY_2, BODY_3, "3 Comments", "Great reporting, as always.")),
        (
            "Leave a Reply",
            article(BODY_1, BODY_2, BODY_3, "Leave a Reply", "Your email address will not be published."),
        ),
        ("jim says:", article(BODY_1, BODY_2, BODY_3, "jim says:", "The Kurds are the only ones fighting ISIS.")),
        ("• Karen W. says:", article(BODY_1, BODY_2, BODY_3, "• Karen W. says:", "Iran is behind all of this.")),
        (
            "Peter Hall says:",
            article(BODY_1, BODY_2, BODY_3, "Peter Hall says:", "March 3, 2019 at 10:41 am", "Good piece."),
        ),
    ],
    ids=lambda value: value[:30] if isinstance(value, str) else None,
)
def test_boilerplate_is_gone_and_body_paragraphs_remain(boilerplate: str, text: str) -> None:
    cleaned = clean_text(text)
    assert boilerplate not in cleaned
    for body in (BODY_1, BODY_2, BODY_3):
        if body in text:
            assert body in cleaned
    assert_offsets_kept(text, cleaned)


@pytest.mark.parametrize(
    "body_line",
    [
        "Minister Ellwood said:",
        "The statement says:",
        "Uthman Ghazi is the leader of the Islamic Movement of Uzbekistan.",
        "Related fighting erupted in the Hamrin mountains later that day.",
        "Members of the group swear allegiance to Taliban emir Mullah Mansour.",
        "“have testified to the close ties between the [IJU] leaders and Osama bin Laden,” the State Department said.",
        "Images from the Islamic Jihad Union’s Kunduz branch swearing bayat to the Taliban:",
        "Islamic Jihad Union reaffirms allegiance to the Taliban",
    ],
)
def test_body_lines_that_look_like_boilerplate_are_kept(body_line: str) -> None:
    text = article(BODY_1, body_line, BODY_2, BODY_3)
    cleaned = clean_text(text)
    assert body_line in cleaned
    assert BODY_3 in cleaned


@pytest.mark.parametrize("ending", ["Iraq", "Iraq\n\nSyria", "Kirkuk\n\nMosul\n\nTikrit"])
def test_a_list_the_body_announces_is_not_taken_for_a_menu(ending: str) -> None:
    text = article(BODY_1, BODY_2, "The group named three targets:", ending)
    assert clean_text(text).endswith(ending.split("\n")[-1])


def test_a_comment_count_before_the_body_is_blanked_without_cutting_the_article() -> None:
    text = article("By Staff Writer", "2 Comments", BODY_1, BODY_2, BODY_3)
    cleaned = clean_text(text)
    assert "2 Comments" not in cleaned
    assert "By Staff Writer" not in cleaned  # a byline, blanked in place
    assert cleaned.index(BODY_1) == text.index(BODY_1)
    assert BODY_3 in cleaned
    assert_offsets_kept(text, cleaned)


def test_a_commenter_line_before_the_body_does_not_cut_the_article() -> None:
    text = article("jim says:", BODY_1, BODY_2, BODY_3)
    assert BODY_3 in clean_text(text)


@pytest.mark.parametrize("text", ["", "\n\n", "   ", BODY_1, "Tags: Iraq"])
def test_short_and_empty_texts_keep_their_offsets(text: str) -> None:
    assert_offsets_kept(text, clean_text(text))


def test_windows_line_breaks_are_kept() -> None:
    text = article(BODY_1, "Share this:", BODY_2, BODY_3).replace("\n", "\r\n")
    cleaned = clean_text(text)
    assert "Share this:" not in cleaned
    assert cleaned.count("\r\n") >= 5
    assert_offsets_kept(text, cleaned)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tags: Iraq, Syria", True),
        ("Share this:", True),
        ("Tweet", True),
        ("Read more »", True),
        ("The Taliban said on Tuesday that its fighters took the district.", False),
        ("Tweeted", False),
    ],
)
def test_is_boilerplate_line(line: str, expected: bool) -> None:
    assert is_boilerplate_line(line) is expected


# --- The two seed articles (shared/) -----------------------------------------------------------------

SEED_BOILERPLATE = {
    "000_f2eb0cac38d4fd85": [
        "Bill Roggio is a Senior Fellow",
        "Caleb Weiss is a research analyst",
        "Tags:",
        "2 Comments",
        "\nIraq\n",
        "Islamic state",
        "Aqap",
        "Al shabaab",
        "Boko Haram",
        "Isis",
        "[See FDD’s Long War Journal report",
    ],
    "001_f27e878cea6fe74a": [
        "Bill Roggio is a Senior Fellow",
        "Thomas Joscelyn is a Senior Fellow",
        "Tags:",
        "1 Comment",
        "mike merlo says:",
        "Shanghai Cooperation Organization",
        "historiographical",
        "Al shabaab",
        "Boko Haram",
    ],
}
SEED_LAST_BODY = {
    "000_f2eb0cac38d4fd85": "the US State department said in its designation.",
    "001_f27e878cea6fe74a": "Images from the Islamic Jihad Union’s Kunduz branch swearing bayat to the Taliban:",
}


def seed_paragraphs(original: str, last_body: str) -> list[str]:
    """The body paragraphs of a seed: every paragraph up to and including the one ending with ``last_body``."""
    body = original[: original.index(last_body) + len(last_body)]
    return [p.strip() for p in body.split("\n") if p.strip()]


@pytest.mark.shared
@pytest.mark.parametrize("seed", sorted(SEED_BOILERPLATE))
def test_seed_comments_bios_tags_and_menus_are_gone(seed: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip("shared/ is absent")
    original = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    cleaned = clean_text(original)
    for boilerplate in SEED_BOILERPLATE[seed]:
        assert boilerplate not in cleaned, boilerplate
    assert cleaned.rstrip().endswith(SEED_LAST_BODY[seed])


@pytest.mark.shared
@pytest.mark.parametrize("seed", sorted(SEED_BOILERPLATE))
def test_seed_body_paragraphs_all_remain_at_their_offsets(seed: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip("shared/ is absent")
    original = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    cleaned = clean_text(original)
    assert_offsets_kept(original, cleaned)
    for paragraph in seed_paragraphs(original, SEED_LAST_BODY[seed]):
        start = original.index(paragraph)
        kept = cleaned[start : start + len(paragraph)]
        if "[See " in paragraph:
            paragraph = paragraph[: paragraph.index("[See ")].rstrip()
            kept = kept[: len(paragraph)]
        assert kept == paragraph


@pytest.mark.parametrize("line", [
    "By Bakari Gueye in Nouakchott for Magharebia – 25/08/2013",
    "By Ahmed al-Masri and John Smith, Reuters",
    "By JOHN SMITH | AP",
    "(Shutterstock/File Photo)",
    "(AFP Photo)",
    "File photo",
])
def test_bylines_and_photo_credits_are_boilerplate(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "By December 2014, ISIS had taken Mosul.",
    "By March the Taliban controlled Kunduz",
    "By then the group had collapsed.",
    "By ISIS standards it was a small attack",
])
def test_sentences_opening_with_by_are_kept(line: str) -> None:
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(("caption", "credit"), [
    ("Hizbul Mujahideen's commander addressing a press conference. — Dawn File", "Dawn File"),
    ("Hurras al-Din are viewed as Syria's al-Qaeda affiliate [State Department]", "State Department"),
])
def test_a_credit_closing_a_caption_is_blanked_and_the_caption_kept(caption: str, credit: str) -> None:
    text = article(caption, BODY_1, BODY_2)
    cleaned = clean_text(text)
    assert credit not in cleaned
    assert caption.split()[0] in cleaned
    assert_offsets_kept(text, cleaned)


def test_an_editors_bracket_inside_a_sentence_is_kept() -> None:
    text = article("The dismissal of Belmokhtar by Abou Moussab Abdelwadoud [Abdelmalek Droukdel] followed.", BODY_1)
    assert "[Abdelmalek Droukdel]" in clean_text(text)
