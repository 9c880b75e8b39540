"""The bundled knowledge base: lookups, demonyms, ambiguity, user files, and the build script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factionmap.errors import KnowledgeBaseError
from factionmap.lookup.folding import fold_transliteration, normalize_name
from factionmap.lookup.kb import KnowledgeBase, is_case_sensitive, particle_variants
from factionmap.records import FormerName, KBEntry
from factionmap.vocabulary import ACTOR_KINDS

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
    from factionmap.lookup.kb import read_user_file
    assert read_user_file(path)
    assert path.stat().st_size < 2_000_000


# --- names, whole and once: former names, transliterations, acronyms, lineage ---------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("Jabhat Fateh al-Sham", "G:nusra"), ("Jabhat Fatah al-Sham", "G:nusra"), ("JFS", "G:nusra"),
    ("Islamic State of Iraq", "G:islamic-state"), ("Islamic State of Iraq and al-Sham", "G:islamic-state"),
    ("GSPC", "G:aqim"), ("Salafist Group for Preaching and Combat", "G:aqim"),
    ("Ansar Bayt al-Maqdis", "G:is-sinai"), ("Ansar Beit al-Maqdis", "G:is-sinai"), ("KADEK", "G:pkk"),
    ("Shabwani Elite Forces", "G:shabwa-defense-forces"), ("Azov Regiment", "G:azov"),
    ("Democratic Karen Buddhist Army", "G:dkba"), ("Karen Border Guard Force", "G:karen-national-army"),
    ("Jama'at al-Tawhid wal-Jihad", "G:aqi"), ("New Syrian Army", "G:maghawir-al-thawra"),
])
def test_former_name_finds_the_renamed_group(kb: KnowledgeBase, name: str, expected: str) -> None:
    entry = kb.lookup(name)
    assert entry is not None and entry.id == expected


def test_former_names_are_dated_and_matched_in_text(kb: KnowledgeBase) -> None:
    entry = kb.get("G:islamic-state")
    assert entry is not None
    assert FormerName("Islamic State of Iraq", "2013-04") in entry.former_names
    assert "Islamic State of Iraq" not in entry.aliases  # named once: as a former name, not also as an alias
    forms = {(text, entry_id) for text, entry_id, _ in kb.surface_forms()}
    assert ("Islamic State of Iraq", "G:islamic-state") in forms
    assert ("Jabhat Fateh al-Sham", "G:nusra") in forms


@pytest.mark.parametrize(("name", "expected"), [
    ("Jabhat an-Nusrah", "G:nusra"), ("Hay\u2019at Tahrir ash-Sham", "G:hts"), ("Hayat Tahrir al Sham", "G:hts"),
    ("Jama'at Nusrat al-Islam wa-l-Muslimin", "G:jnim"), ("Jamaat Nusrat al Islam wa al Muslimin", "G:jnim"),
    ("Harakat al-Shabab al-Mujahidin", "G:al-shabaab"), ("Asa\u2019ib Ahl al Haq", "G:asaib-ahl-al-haq"),
    ("Kata`ib Hizbullah", "G:kataib-hezbollah"), ("Jaysh Khalid ibn al-Walid", "G:jaysh-khalid"),
    ("Jaish Khalid bin al-Walid", "G:jaysh-khalid"), ("Liwa Abou al-Fadl al-Abbas", "G:liwa-abu-fadl-al-abbas"),
    ("al-Murabitun", "G:al-mourabitoun"), ("Ansar ad-Din", "G:ansar-dine"), ("Tehreek e Taliban Pakistan", "G:ttp"),
    ("Lashkar e Taiba", "G:lashkar-e-taiba"), ("444th Brigade", "G:444-brigade"), ("Tariq bin Ziyad Brigade", "G:tariq-bin-ziyad"),
    ("Tariq ibn Ziyad Brigade", "G:tariq-bin-ziyad"), ("Ahl al-Sunna wal-Jama'a (Somalia)", "G:aswj-somalia"),
    # source-list spellings the build merged into the curated group rather than keep as a second actor
    ("Tigray Peoples Liberation Front", "G:tplf"), ("Harakut Ul Jihad E Islami", "G:huji"),
    ("Argentine Anti-Communist Alliance", "G:triple-a"),
])
def test_transliteration_variants_find_one_group(kb: KnowledgeBase, name: str, expected: str) -> None:
    entry = kb.lookup(name)
    assert entry is not None and entry.id == expected


@pytest.mark.parametrize(("raw", "variant"), [
    ("Jabhat al-Nusra", "Jabhat an-Nusrah"), ("Hayat Tahrir al-Sham", "Hay'at Tahrir ash-Sham"),
    ("Nusrat al-Islam wal-Muslimin", "Nusrat al-Islam wa al-Muslimin"), ("Khalid ibn al-Walid", "Khalid bin al-Walid"),
    ("Abu al-Fadl", "Abou al-Fadl"), ("Harkat-ul-Mujahideen", "Harkat al-Mujahidin"), ("Ahl al-Sunna", "Ahlus Sunnah"),
])
def test_fold_transliteration_joins_spellings(raw: str, variant: str) -> None:
    assert fold_transliteration(normalize_name(raw)) == fold_transliteration(normalize_name(variant))


@pytest.mark.parametrize(("raw", "other"), [("Ansar al-Islam", "Ansar al-Sunna"), ("Jabhat al-Nusra", "Jabhat al-Nasr")])
def test_fold_transliteration_keeps_different_names_apart(raw: str, other: str) -> None:
    assert fold_transliteration(normalize_name(raw)) != fold_transliteration(normalize_name(other))


@pytest.mark.parametrize(("name", "expected"), [
    ("SPLM-N", "G:splm-n"), ("SLA-AW", "G:sla-aw"), ("SLA-MM", "G:sla-mm"), ("NSCN-IM", "G:nscn-im"),
    ("NSCN-K", "G:nscn-k"), ("HPG", "G:hpg"), ("KCK", "G:kck"), ("BRAS", "G:bras"), ("HAAA", "G:haaa"),
    ("CJNG", "G:cjng"), ("BLO", "G:blo"), ("CDG", "G:gulf-cartel"), ("FMLN", "G:fmln"), ("FPL", "G:fpl-salvador"),
    ("ERP", "G:erp-salvador"), ("FARN", "G:farn"), ("PRTC", "G:prtc"), ("URNG", "G:urng"), ("MRTA", "G:mrta"),
    ("HCUA", "G:hcua"), ("CMA", "G:cma-mali"), ("BRSC", "G:brsc"), ("DMSC", "G:dmsc"), ("INLA", "G:inla"),
    ("KLA", "G:kla"), ("TMVP", "G:tmvp"), ("EMBF", "G:embf"), ("CNEB", "G:cneb"), ("RCSS", "G:rcss"),
])
def test_acronyms_find_their_group(kb: KnowledgeBase, name: str, expected: str) -> None:
    entry = kb.lookup(name)
    assert entry is not None and entry.id == expected


@pytest.mark.parametrize("name", ["hts", "Hts", "kck", "Erp", "cma"])
def test_acronyms_match_only_in_their_case_and_are_never_folded(kb: KnowledgeBase, name: str) -> None:
    assert kb.lookup(name) is None


@pytest.mark.parametrize(("entry_id", "parent", "predecessor"), [
    ("G:is-sinai", "G:islamic-state", None), ("G:aqim", "G:al-qaeda", "G:gia"), ("G:splm-n-hilu", None, "G:splm-n"),
    ("G:los-chapitos", "G:sinaloa-cartel", None), ("G:hpg", "G:pkk", None), ("G:security-belt", "G:stc", None),
    ("G:nscn-im", None, "G:nscn"), ("G:jenin-brigade", "G:al-quds-brigades", None),
    ("G:cneb", None, "G:segunda-marquetalia"), ("G:hizb-ul-ahrar", None, "G:jamaat-ul-ahrar"),
    ("G:al-mourabitoun", "G:aqim", "G:al-mulathamun"), ("G:los-zetas", None, "G:gulf-cartel"),
    ("G:majeed-brigade", "G:bla", None), ("G:is-somalia", "G:islamic-state", "G:al-shabaab"),
])
def test_lineage_of_branches_and_successors(kb: KnowledgeBase, entry_id: str, parent: str | None,
                                            predecessor: str | None) -> None:
    entry = kb.get(entry_id)
    assert entry is not None and (entry.parent, entry.predecessor) == (parent, predecessor)


# Ordinary English words: a single-word alias that is one of these would fire on ordinary prose.
ENGLISH_WORDS = frozenset({
    "action", "alliance", "army", "avengers", "base", "battalion", "brigade", "brotherhood", "cell", "cells",
    "coalition", "command", "commandos", "corps", "council", "dawn", "defenders", "division", "eagles", "faction",
    "falcons", "fighters", "force", "forces", "front", "glory", "group", "guard", "guardians", "hawks", "hope",
    "insurgents", "justice", "knights", "legion", "liberation", "light", "lions", "militants", "militia", "movement",
    "nation", "network", "order", "organization", "party", "patriots", "people", "popular", "power", "rebels",
    "resistance", "revolution", "sentinels", "shield", "soldiers", "squad", "state", "storm", "struggle", "sword",
    "thunder", "tigers", "truth", "unit", "union", "unity", "vanguard", "victory", "volunteers", "warriors",
    "wolves", "youth"
})


def test_no_alias_is_an_ordinary_word(kb: KnowledgeBase) -> None:
    from spacy.lang.en.stop_words import STOP_WORDS
    words = ENGLISH_WORDS | {w.lower() for w in STOP_WORDS}
    bad = [(e.id, text) for e in kb.entries if e.kind != "state" for text in e.all_names()[1:]
           if not is_case_sensitive(text) and normalize_name(text) in words]
    assert bad == []


def test_no_group_alias_is_a_bare_place_name(kb: KnowledgeBase) -> None:
    from factionmap.lookup.folding import normalize_place_name
    from factionmap.lookup.gazetteer import Gazetteer
    gazetteer = Gazetteer.load()
    state_names = {normalize_name(n) for e in kb.entries if e.kind == "state" for n in e.all_names()}
    state_names |= {normalize_name(d) for words in kb.demonyms.values() for d in words}

    def is_major_place(text: str) -> bool:
        return any(normalize_place_name(p.name) == normalize_place_name(text) and (
            p.feature.startswith("PCL") or p.feature in ("ADM1", "RGN", "PPLC")
            or (p.feature.startswith("PPL") and p.population >= 50_000))
            for p in gazetteer.candidates(text, abbreviations=False))

    bad = [(e.id, text) for e in kb.entries if e.kind == "armed_group" for text in e.all_names()[1:]
           if not is_case_sensitive(text) and (normalize_name(text) in state_names or is_major_place(text))]
    assert bad == []


def test_former_name_repeating_an_alias_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    row = {"id": "G:x", "name": "Some Front", "kind": "armed_group", "aliases": ["Old Front"],
           "former_names": [{"name": "Old Front", "until": "2001"}]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"mine\.jsonl:1: former_names: 'Old Front'"):
        KnowledgeBase.load([path])


@pytest.mark.parametrize("until", ["2014-13", "June 2014", "14-06-2014"])
def test_former_name_date_must_be_a_partial_date(tmp_path: Path, until: str) -> None:
    path = tmp_path / "mine.jsonl"
    row = {"id": "G:x", "name": "Some Front", "kind": "armed_group", "former_names": [{"name": "Old", "until": until}]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"mine\.jsonl:1: former_names\.0\.until"):
        KnowledgeBase.load([path])


def test_user_file_former_name_joins_the_actor(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    row = {"id": "G:new-front", "name": "Brand New Front of Somewhere", "kind": "armed_group",
           "former_names": [{"name": "Old Brigade of Somewhere", "until": "2019-05"}]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    kb = KnowledgeBase.load([path])
    found = kb.lookup("Old Brigade of Somewhere")
    assert found is not None and found.id == "G:new-front"
    assert found.former_names == (FormerName("Old Brigade of Somewhere", "2019-05"),)


@pytest.mark.parametrize("name", ["Abu Ayyub al-Masri", "Mohammed Atef", "Abu Talha", "Umar Patek"])
def test_people_the_source_dictionary_files_as_actors_are_no_groups(kb: KnowledgeBase, name: str) -> None:
    entry = kb.lookup(name)
    assert entry is None or entry.kind == "person"


def test_a_group_named_after_a_kunya_stays_a_group(kb: KnowledgeBase) -> None:
    entry = kb.lookup("Abu Sayyaf Group")
    assert entry is not None and entry.kind == "armed_group"


@pytest.mark.parametrize(("name", "variants"), [
    ("Hashd al-Shaabi", ["Hashd Shaabi"]),
    ("Jaish al-Adl", ["Jaish Adl"]),
    ("al-Shabaab", []),  # the leading article stays
    ("Islamic State", []),
])
def test_a_name_is_also_matched_without_its_inner_arabic_article(name: str, variants: list[str]) -> None:
    assert particle_variants(name) == variants


def test_the_matcher_finds_a_group_written_without_its_inner_article(kb: KnowledgeBase) -> None:
    forms = {text for text, entry_id, _ in kb.surface_forms() if entry_id == "G:pmf"}
    assert "Hashd Shaabi" in forms


@pytest.mark.parametrize("name", ["Army of National Liberation", "National Liberation Movement", "Free Land"])
def test_a_translated_name_many_groups_bear_is_no_ones_alias(kb: KnowledgeBase, name: str) -> None:
    """ "Army of National Liberation" translates the names of groups in Colombia, Bolivia and Corsica: a source
    that files it under one of them would make every other one that group."""
    assert kb.lookup(name) is None
