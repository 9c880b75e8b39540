"""The bundled knowledge base: lookups, demonyms, ambiguity, user files, and the build script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factionmap.errors import KnowledgeBaseError
from factionmap.kb import KnowledgeBase, is_case_sensitive, normalize_name
from factionmap.records import ACTOR_KINDS, KBEntry

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "data" / "kb-sources").exists(), reason="../shared is absent")

# Words that must never be an alias: matched against raw news text they would fire everywhere.
STOP_ALIASES = [
    "rebels", "militants", "insurgents", "guerrillas", "the group", "group", "army", "front", "movement",
    "party", "al", "the base", "base", "youth", "islamic group", "islamic jihad group of", "jihad", "mujahideen",
    "fighters", "forces", "coalition", "government", "state", "militia", "terrorists", "car", "let", "may",
    "congo", "america", "kurdish", "the sentinels", "tigers", "al-aqsa", "ngo", "is the", "soldiers of god",
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    """The bundled knowledge base."""
    return KnowledgeBase.load()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("al Qaeda", "G:al-qaeda"), ("al-Qaida", "G:al-qaeda"), ("AQ", "G:al-qaeda"), ("Al-Qa'ida", "G:al-qaeda"),
        ("Islamic State", "G:islamic-state"), ("ISIS", "G:islamic-state"), ("ISIL", "G:islamic-state"),
        ("IS", "G:islamic-state"), ("Daesh", "G:islamic-state"), ("Da’esh", "G:islamic-state"),
        ("Islamic State of Iraq and the Levant", "G:islamic-state"),
        ("Taliban", "G:taliban"), ("Afghan Taliban", "G:taliban"), ("Islamic Emirate of Afghanistan", "G:taliban"),
        ("Islamic Emirate", "G:taliban"), ("Al Nusrah Front", "G:nusra"), ("Jabhat al-Nusra", "G:nusra"),
        ("Nusra Front", "G:nusra"), ("Hay'at Tahrir al-Sham", "G:hts"), ("HTS", "G:hts"),
        ("Islamic Movement of Uzbekistan", "G:imu"), ("IMU", "G:imu"), ("Islamic Jihad Union", "G:iju"),
        ("IJU", "G:iju"), ("Islamic Jihad Group", "G:iju"), ("Turkistan Islamic Party", "G:tip"),
        ("TIP", "G:tip"), ("Turkestan Islamic Party", "G:tip"), ("Imam Bukhari Jamaat", "G:imam-bukhari-jamaat"),
        ("Katibat Imam al-Bukhari", "G:imam-bukhari-jamaat"),
        ("Katibat al Tawhid wal Jihad", "G:katibat-tawhid-wal-jihad"), ("TTP", "G:ttp"),
        ("Haqqani Network", "G:haqqani-network"), ("LeT", "G:lashkar-e-taiba"), ("JeM", "G:jaish-e-mohammed"),
        ("ISKP", "G:iskp"), ("ISIS-K", "G:iskp"), ("ISWAP", "G:iswap"), ("Boko Haram", "G:boko-haram"),
        ("JAS", "G:boko-haram"), ("al-Shabaab", "G:al-shabaab"), ("Shabaab", "G:al-shabaab"), ("AQAP", "G:aqap"),
        ("AQIM", "G:aqim"), ("JNIM", "G:jnim"), ("ISGS", "G:isgs"), ("Ansar Dine", "G:ansar-dine"),
        ("Houthis", "G:houthis"), ("Ansar Allah", "G:houthis"), ("Hezbollah", "G:hezbollah"),
        ("Hizballah", "G:hezbollah"), ("Hamas", "G:hamas"), ("Qassam Brigades", "G:qassam-brigades"),
        ("PIJ", "G:pij"), ("PKK", "G:pkk"), ("YPG", "G:ypg"), ("SDF", "G:sdf"), ("PMF", "G:pmf"),
        ("Hashd al-Shaabi", "G:pmf"), ("Kataib Hezbollah", "G:kataib-hezbollah"), ("FARC", "G:farc"),
        ("ELN", "G:eln"), ("ADF", "G:adf"), ("M23", "G:m23"), ("Wagner Group", "G:wagner"),
        ("Africa Corps", "G:africa-corps"), ("Rapid Support Forces", "G:rsf"), ("TDF", "G:tdf"),
        ("Arakan Army", "G:arakan-army"), ("New People's Army", "G:npa"), ("Abu Sayyaf", "G:abu-sayyaf"),
        ("Army of the Victorious Sect", "G:jaish-al-taifa-al-mansura"), ("German Taliban Mujahideen", "G:german-taliban-mujahideen"),
    ],
)
def test_lookup_finds_group_by_name_alias_acronym_or_transliteration(kb: KnowledgeBase, name: str, expected: str) -> None:
    entry = kb.lookup(name)
    assert entry is not None and entry.id == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("United States", "S:US"), ("U.S.", "S:US"), ("US", "S:US"), ("State Department", "S:US"),
        ("Afghanistan", "S:AF"), ("Syria", "S:SY"), ("Iran", "S:IR"), ("Russia", "S:RU"), ("Türkiye", "S:TR"),
        ("UN", "O:un"), ("NATO", "O:nato"), ("Foundation for Defense of Democracies", "O:fdd"),
        ("FDD", "O:fdd"), ("Long War Journal", "O:lwj"), ("Reuters", "O:reuters"), ("HRW", "O:hrw"),
    ],
)
def test_lookup_finds_states_and_organizations(kb: KnowledgeBase, name: str, expected: str) -> None:
    entry = kb.lookup(name)
    assert entry is not None and entry.id == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Afghan", "S:AF"), ("Pakistani", "S:PK"), ("Pakistanis", "S:PK"), ("American", "S:US"), ("U.S.", "S:US"),
     ("US", "S:US"), ("Syrian", "S:SY"), ("Iraqi", "S:IQ"), ("Israeli", "S:IL"), ("Burkinabe", "S:BF")],
)
def test_demonym_resolves_to_its_state(kb: KnowledgeBase, word: str, expected: str) -> None:
    entry = kb.state_for_demonym(word)
    assert entry is not None and entry.id == expected and entry.kind == "state"


@pytest.mark.parametrize("word", ["Kurdish", "Arab", "Pashtun", "Korean", "group"])
def test_non_state_words_are_not_demonyms(kb: KnowledgeBase, word: str) -> None:
    assert kb.state_for_demonym(word) is None


@pytest.mark.parametrize("word", STOP_ALIASES)
def test_generic_words_name_no_actor(kb: KnowledgeBase, word: str) -> None:
    assert kb.lookup(word) is None


def test_no_alias_is_a_stop_word(kb: KnowledgeBase) -> None:
    stop = {normalize_name(w) for w in STOP_ALIASES}
    bad = [(e.id, a) for e in kb.entries for a in (e.name, *e.aliases)
           if normalize_name(a) in stop and not is_case_sensitive(a)]  # "LeT" matches only "LeT"
    assert bad == []


def test_ambiguous_alias_resolves_to_nothing(kb: KnowledgeBase) -> None:
    # Libya's and Tunisia's Ansar al-Sharia share the bare name: it names neither.
    assert kb.lookup("Ansar al-Sharia") is None
    assert kb.lookup("Ansar al-Sharia in Benghazi").id == "G:ansar-al-sharia-benghazi"  # type: ignore[union-attr]


def test_ambiguity_is_computed_over_user_entries_too(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"id": "G:other-tip", "name": "Tip Brigade", "kind": "armed_group",
                                "aliases": ["TIP"]}) + "\n", encoding="utf-8")
    kb = KnowledgeBase.load([path])
    assert kb.lookup("TIP") is None
    assert {e.id for e in kb.lookup_all("TIP")} == {"G:tip", "G:other-tip"}
    assert "TIP" not in {text for text, _, _ in kb.surface_forms()}


def test_user_file_overrides_an_id_and_adds_new_ones(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    rows = [
        {"id": "G:iju", "name": "Islamic Jihad Union", "kind": "armed_group", "aliases": ["Ittihad"], "source": "me"},
        {"id": "G:new-front", "name": "Brand New Front of Somewhere", "kind": "armed_group", "country": "ML"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    kb = KnowledgeBase.load([path])
    assert kb.get("G:iju") == KBEntry(id="G:iju", name="Islamic Jihad Union", kind="armed_group",
                                      aliases=("Ittihad",), source="me")
    assert kb.lookup("IJU") is None
    assert kb.lookup("Brand New Front of Somewhere").id == "G:new-front"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "G:x", "name": "X", "kind": "armed_group", "colour": "red"}', "colour"),
        ('{"id": "G:x", "kind": "armed_group"}', "name"),
        ('{"id": "G:x", "name": "X", "kind": "militia"}', "unknown kind"),
        ('{"id": "G:x", "name": "X"', "not valid JSON"),
    ],
)
def test_malformed_user_file_error_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"id": "G:ok", "name": "Fine Group Name", "kind": "armed_group"})
    path.write_text(f"{good}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=rf"bad\.jsonl:3: .*{message}"):
        KnowledgeBase.load([path])


def test_every_parent_and_predecessor_is_an_entry(kb: KnowledgeBase) -> None:
    ids = {e.id for e in kb.entries}
    broken = [(e.id, ref) for e in kb.entries for ref in (e.parent, e.predecessor) if ref and ref not in ids]
    assert broken == []


def test_ids_are_unique_slugs_and_kinds_known(kb: KnowledgeBase) -> None:
    assert len({e.id for e in kb.entries}) == len(kb.entries)
    assert all(e.id[:2] in ("G:", "S:", "O:") and e.kind in ACTOR_KINDS for e in kb.entries)
    assert not any(e.id.split(":", 1)[1].isdigit() for e in kb.entries)


@pytest.mark.parametrize(("entry_id", "parent", "predecessor"), [
    ("G:aqap", "G:al-qaeda", None), ("G:hts", None, "G:nusra"), ("G:iswap", "G:islamic-state", "G:boko-haram"),
    ("G:iskp", "G:islamic-state", None), ("G:haqqani-network", "G:taliban", None),
])
def test_curated_lineage(kb: KnowledgeBase, entry_id: str, parent: str | None, predecessor: str | None) -> None:
    entry = kb.get(entry_id)
    assert entry is not None and (entry.parent, entry.predecessor) == (parent, predecessor)


def test_un_listing_is_recorded_as_a_designation(kb: KnowledgeBase) -> None:
    entry = kb.get("G:iju")
    assert entry is not None
    assert any(d.by == "UN Security Council" and d.date == "2005-06-01" for d in entry.designations)


def test_every_country_is_a_state_with_its_code(kb: KnowledgeBase) -> None:
    states = [e for e in kb.entries if e.kind == "state"]
    assert len(states) >= 249 and all(e.id == f"S:{e.country}" for e in states)


@pytest.mark.parametrize(("text", "expected"), [
    ("ISIS", True), ("IS", True), ("LeT", True), ("ISIS-K", True), ("al-Qaeda", False), ("Hamas", False),
    ("Islamic State", False), ("U.S.", True),
])
def test_surface_form_case_sensitivity(text: str, expected: bool) -> None:
    assert is_case_sensitive(text) is expected


def test_surface_forms_cover_names_and_acronyms(kb: KnowledgeBase) -> None:
    forms = {(text, entry_id): cs for text, entry_id, cs in kb.surface_forms()}
    assert forms[("ISWAP", "G:iswap")] is True
    assert forms[("Islamic State West Africa Province", "G:iswap")] is False
    assert ("Afghan", "S:AF") in set(kb.demonym_forms())


@pytest.mark.parametrize(("raw", "expected"), [
    ("The al-Qa'ida", "alqaida"), ("al Qaeda", "alqaeda"), ("Da’esh", "daesh"), ("Hay'at Tahrir al-Sham", "hayat tahrir alsham"),
    ("Séléka", "seleka"), ("Taliban's", "taliban"),
])
def test_normalize_name_folds_spellings(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


@pytest.mark.shared
@needs_shared
def test_build_script_is_deterministic_and_matches_bundled_file(tmp_path: Path) -> None:
    outs = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    for out in outs:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_kb.py"), "--out", str(out)],
                       check=True, capture_output=True)
    assert outs[0].read_bytes() == outs[1].read_bytes()
    assert outs[0].read_bytes() == (ROOT / "factionmap" / "data" / "kb.jsonl").read_bytes()


@pytest.mark.parametrize("name", ["kb.jsonl", "states.jsonl", "organizations.jsonl", "kb_curated.jsonl"])
def test_bundled_files_are_valid_and_small(name: str) -> None:
    path = ROOT / "factionmap" / "data" / name
    from factionmap.kb import read_user_file
    assert read_user_file(path)
    assert path.stat().st_size < 2_000_000
