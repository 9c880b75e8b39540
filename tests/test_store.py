"""The store: deduplication, actor resolution, merged relations, as-of queries, safety (factionmap.store)."""

from __future__ import annotations

import math
import multiprocessing
import os
import random
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, insert, select

from factionmap.errors import ActorNotFound, InputError, InvalidDate, StoreError
from factionmap.records import Actor, Document, Event, Extraction, Participant, Place, Relation, Span
from factionmap.store import SQLStore, Store, migrations, open_store, schema, sql_write
from factionmap.store.sql import make_engine
from factionmap.timeline import earliest, latest

IMU_SWITCH = (
    "The IMU, which was previously allied with the Taliban and al Qaeda, has officially joined Abu Bakr al "
    "Baghdadi's Islamic State."
)
IMU_PLEDGE = (
    "On Aug. 6, the IMU released a video that featured the group's leader, Uthman Ghazi, and numerous IMU fighters "
    "swearing allegiance to Baghdadi."
)
IMU_TEXT = f"{IMU_SWITCH} {IMU_PLEDGE}"
IJU_LOYAL = "In 2015, the IJU, which is loyal to the Afghan Taliban, took part in the latter's siege of Kunduz city."
IJU_SPLINTER = "The Islamic Jihad Union is a splinter faction of the Islamic Movement of Uzbekistan (IMU)."
IJU_OPERATES = "The IJU is known to operate in Kunduz and Badakhshan."
IJU_TEXT = f"{IJU_LOYAL} {IJU_SPLINTER} {IJU_OPERATES}"

IMU = Actor("a1", "Islamic Movement of Uzbekistan", "armed_group", ("IMU",), "name:islamic movement of uzbekistan")
TALIBAN = Actor("a2", "Taliban", "armed_group", ("Afghan Taliban",), "kb:G:taliban", "G:taliban")
ISLAMIC_STATE = Actor("a3", "Islamic State", "armed_group", ("ISIS",), "kb:G:islamic-state", "G:islamic-state")
IJU = Actor("a4", "Islamic Jihad Union", "armed_group", ("IJU",), "name:islamic jihad union")
GHAZI = Actor("a5", "Uthman Ghazi", "person", (), "name:uthman ghazi")
KUNDUZ = Place(
    "p1",
    "Kunduz",
    "AF",
    "PPLA",
    36.73,
    68.86,
    admin1="Kunduz",
    geonames_id=1135689,
    mentions=(Span("Kunduz", IJU_TEXT.index("Kunduz"), IJU_TEXT.index("Kunduz") + 6),),
)


POSTGRES_URL_VARIABLE = "FACTIONMAP_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def empty_postgres_url() -> str:
    """The test PostgreSQL database (``FACTIONMAP_TEST_POSTGRES_URL``), emptied; skips the test where it is unset."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(f"{POSTGRES_URL_VARIABLE} is not set: no PostgreSQL server to test against (.ci/run starts one)")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture(params=BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where an empty store can be opened: a SQLite file, or the emptied test PostgreSQL database."""
    if request.param == "postgresql":
        return empty_postgres_url()
    return str(tmp_path / "factionmap.db")


@pytest.fixture(params=BACKENDS)
def fresh_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store: in-memory SQLite, or the emptied test PostgreSQL database."""
    store = open_store(empty_postgres_url() if request.param == "postgresql" else ":memory:")
    yield store
    store.close()


def span(text: str, sentence: str) -> Span:
    """The span of ``sentence`` in ``text`` (it must occur there)."""
    start = text.index(sentence)
    return Span(sentence, start, start + len(sentence))


def rel(
    text: str,
    sentence: str,
    subject: str,
    type_: str,
    obj: str,
    *,
    start: str | None = None,
    end: str | None = None,
    status: str = "asserted",
    attributed_to: str | None = None,
    confidence: float = 0.5,
) -> Relation:
    """A relation whose evidence is ``sentence`` of ``text``."""
    return Relation(subject, type_, obj, span(text, sentence), start, end, status, attributed_to, confidence)


def record(
    text: str,
    *,
    doc_id: str = "d1",
    url: str | None = None,
    published: str | None = "2015-08-24",
    actors: tuple[Actor, ...] = (),
    places: tuple[Place, ...] = (),
    relations: tuple[Relation, ...] = (),
    events: tuple[Event, ...] = (),
    title: str | None = None,
) -> Extraction:
    """An extraction record for ``text``."""
    doc = Document(doc_id, text, source=f"{doc_id}.txt", title=title, url=url, published=published)
    return Extraction(doc, actors, places, relations, events)


def imu_record(
    url: str | None = "https://www.longwarjournal.org/archives/2015/08/imu.php", doc_id: str = "d1"
) -> Extraction:
    """The IMU's switch from the Taliban to the Islamic State (seed article 001)."""
    first, second = IMU_SWITCH, IMU_PLEDGE
    return record(
        IMU_TEXT,
        url=url,
        doc_id=doc_id,
        actors=(IMU, TALIBAN, ISLAMIC_STATE, GHAZI),
        relations=(
            rel(IMU_TEXT, first, "a1", "alliance", "a2", end="2015-08-06", confidence=0.8),
            rel(IMU_TEXT, second, "a1", "allegiance", "a3", start="2015-08-06", confidence=0.9),
            rel(IMU_TEXT, second, "a5", "leader_of", "a1", confidence=0.7),
        ),
        events=(
            Event(
                "pledge",
                (Participant("actor", "a1"), Participant("target", "a3")),
                span(IMU_TEXT, second),
                date="2015-08-06",
            ),
        ),
    )


def row_counts(store: Store) -> dict[str, int]:
    """Rows in every table but ``migrations``."""
    assert isinstance(store, SQLStore)
    with store.engine.connect() as conn:
        return {
            table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for table in schema.V1_TABLES
            if table is not schema.migrations
        }


# --- documents ----------------------------------------------------------------------------------------------


def test_adding_the_same_text_twice_returns_false_and_adds_nothing(fresh_store: Store) -> None:
    assert fresh_store.add_extraction(imu_record()) is True
    before = row_counts(fresh_store)
    again = imu_record(url="https://example.org/copy", doc_id="other-id")
    assert fresh_store.add_extraction(again) is False
    assert row_counts(fresh_store) == before


def test_stored_document_is_known_by_its_text_key(fresh_store: Store) -> None:
    ex = imu_record()
    fresh_store.add_extraction(ex)
    assert fresh_store.has_text(ex.doc.text_key)
    assert fresh_store.known_text_keys() == {ex.doc.text_key}
    assert not fresh_store.has_text("0" * 64)
    [doc] = fresh_store.documents()
    assert (doc.doc_id, doc.outlet, doc.published) == ("d1", "longwarjournal.org", "2015-08-24")
    assert fresh_store.document_text(doc.id) == IMU_TEXT


def _laid_out(between: str, before: str = "", after: str = "") -> str:
    """The IMU text with ``between`` in place of the space between its two sentences."""
    return f"{before}{IMU_SWITCH}{between}{IMU_PLEDGE}{after}"


PARAGRAPHS = _laid_out("\n\n")
"""The IMU text as two paragraphs, the original its copies below differ from only in layout."""

LAYOUT_COPIES = {
    "CRLF line ends": _laid_out("\r\n\r\n"),
    "CR line ends": _laid_out("\r\r"),
    "a leading space": _laid_out("\n\n", before=" "),
    "leading and trailing blank lines": _laid_out("\n\n", before="\n\n", after="  \n\n\n"),
    "trailing spaces on each line": _laid_out("  \t\n \n", after=" "),
    "extra blank lines": _laid_out("\n\n\n\n\n"),
    "all of these": _laid_out(" \r\n\r\n\r\n", before=" \r\n", after=" \r\n"),
}


def _as_copy(text: str, doc_id: str = "copy") -> Extraction:
    """The IMU record with its text laid out differently (its evidence found again in the new text)."""
    ex = imu_record(url=None)
    relations = tuple(
        Relation(r.subject, r.type, r.object, span(text, r.evidence.text), r.start, r.end, r.status,
                 r.attributed_to, r.confidence)
        for r in ex.relations
    )
    return Extraction(Document(doc_id, text, f"{doc_id}.txt"), ex.actors, ex.places, relations, ())


@pytest.mark.issue(10)
@pytest.mark.parametrize("layout", LAYOUT_COPIES)
def test_a_copy_differing_only_in_layout_is_not_stored_again(fresh_store: Store, layout: str) -> None:
    original, copy = _as_copy(PARAGRAPHS, "original"), _as_copy(LAYOUT_COPIES[layout])
    assert copy.doc.content_hash != original.doc.content_hash
    assert fresh_store.add_extraction(original) is True
    assert fresh_store.add_extraction(copy) is False
    assert fresh_store.stats()["documents"] == 1
    assert {f.n_sources for f in fresh_store.relations()} == {1}


@pytest.mark.issue(10)
def test_a_text_differing_in_more_than_layout_is_another_document(fresh_store: Store) -> None:
    assert fresh_store.add_extraction(_as_copy(PARAGRAPHS, "original"))
    assert fresh_store.add_extraction(_as_copy(PARAGRAPHS + "\n\nHe spoke for ten minutes.", "longer"))
    assert fresh_store.add_extraction(_as_copy(_laid_out(" ")))  # two paragraphs run together: another text


def _make_version_1_store_with_two_copies(location: str) -> None:
    """A store as factionmap wrote it before m002: two layout copies, each a source of the same relations."""
    with open_store(location) as store:
        assert isinstance(store, SQLStore)
        with store.engine.begin() as conn:
            sql_write.write_extraction(conn, _as_copy(PARAGRAPHS, "original"))
            sql_write.write_extraction(conn, _as_copy(LAYOUT_COPIES["CRLF line ends"]))
            for statement in (
                "UPDATE documents SET outlet = 'doc:' || content_hash",
                (
                    "UPDATE relation_evidence SET outlet = "
                    "(SELECT outlet FROM documents WHERE documents.id = relation_evidence.document_id)"
                ),
                "UPDATE relations SET n_sources = 2",
                "DROP INDEX ix_documents_text_key",
                "ALTER TABLE documents DROP COLUMN text_key",
                "DELETE FROM migrations WHERE name = 'm002_add_text_key'",
            ):
                conn.exec_driver_sql(statement)


@pytest.mark.issue(10)
def test_migrating_an_older_store_counts_its_copies_as_one_source(store_location: str) -> None:
    _make_version_1_store_with_two_copies(store_location)
    with open_store(store_location) as store:
        assert store.stats()["documents"] == 2  # kept: the migration deletes nothing
        assert {f.n_sources for f in store.relations()} == {1}
        assert store.known_text_keys() == {_as_copy(PARAGRAPHS).doc.text_key}
        assert store.add_extraction(_as_copy(LAYOUT_COPIES["extra blank lines"])) is False
    with open_store(store_location) as store:  # re-opening applies nothing again
        assert {f.n_sources for f in store.relations()} == {1}


# --- actors -------------------------------------------------------------------------------------------------


def test_actor_named_in_two_documents_is_one_actor_with_all_aliases(fresh_store: Store) -> None:
    fresh_store.add_extraction(imu_record())
    imu_as_written_later = Actor(
        "x9",
        "Islamic Movement of Uzbekistan",
        "armed_group",
        ("IMU", "O'zbekiston Islomiy Harakati"),
        "name:islamic movement of uzbekistan",
    )
    fresh_store.add_extraction(record(IJU_TEXT, doc_id="d2", actors=(imu_as_written_later,)))
    [imu] = fresh_store.find_actors("IMU")
    assert imu.name == "Islamic Movement of Uzbekistan"
    assert set(imu.aliases) == {"IMU", "O'zbekiston Islomiy Harakati"}
    assert fresh_store.stats()["actors"] == 4


def test_actor_found_by_an_alias_of_the_same_kind_is_the_same_actor(fresh_store: Store) -> None:
    fresh_store.add_extraction(imu_record())
    by_acronym = Actor("a1", "IMU", "armed_group", (), "name:imu")
    fresh_store.add_extraction(record(IJU_TEXT, doc_id="d2", actors=(by_acronym,)))
    assert [a.name for a in fresh_store.find_actors("imu")] == ["Islamic Movement of Uzbekistan"]
    assert fresh_store.stats()["actors"] == 4


def test_same_name_of_another_kind_is_another_actor(fresh_store: Store) -> None:
    fresh_store.add_extraction(imu_record())
    person = Actor("a1", "IMU", "person", (), "name:imu")
    fresh_store.add_extraction(record(IJU_TEXT, doc_id="d2", actors=(person,)))
    assert sorted(a.kind for a in fresh_store.find_actors("IMU")) == ["armed_group", "person"]


def test_actors_sharing_an_alias_in_one_record_are_merged_unless_the_kb_tells_them_apart(fresh_store: Store) -> None:
    full = Actor("a1", "Islamic Jihad Union", "armed_group", ("IJU",), "name:islamic jihad union")
    short = Actor("a2", "IJU", "armed_group", (), "name:iju")
    kb_one = Actor("a3", "Islamic State", "armed_group", ("IS",), "kb:G:islamic-state", "G:islamic-state")
    kb_two = Actor("a4", "Islamic Society", "organization", ("IS",), "kb:O:islamic-society", "O:islamic-society")
    fresh_store.add_extraction(record(IJU_TEXT, actors=(full, short, kb_one, kb_two)))
    assert [a.name for a in fresh_store.find_actors("IJU")] == ["Islamic Jihad Union"]
    assert sorted(a.name for a in fresh_store.find_actors("IS")) == ["Islamic Society", "Islamic State"]
    assert fresh_store.stats()["actors"] == 3


@pytest.mark.parametrize("query", ["the Islamic State's", "ISLAMIC STATE", "isis", "Islamic  State"])
def test_find_actors_folds_case_punctuation_and_articles(fresh_store: Store, query: str) -> None:
    fresh_store.add_extraction(imu_record())
    assert [a.name for a in fresh_store.find_actors(query)] == ["Islamic State"]


def test_find_actors_folds_al_prefix(fresh_store: Store) -> None:
    store = fresh_store
    qaeda = Actor("a1", "al-Qaeda", "armed_group", (), "kb:G:al-qaeda", "G:al-qaeda")
    store.add_extraction(record(IMU_TEXT, actors=(qaeda,)))
    assert [a.name for a in store.find_actors("al Qaeda")] == ["al-Qaeda"]
    assert store.find_actors("Hezbollah") == []


# --- relations ----------------------------------------------------------------------------------------------


def _allegiance_record(
    doc_id: str,
    url: str | None,
    confidence: float = 0.6,
    *,
    start: str | None = None,
    end: str | None = None,
    status: str = "asserted",
    attributed_to: str | None = None,
) -> Extraction:
    """The IJU's allegiance to the Taliban (seed article 000)."""
    sentence = IJU_LOYAL
    relation = rel(
        IJU_TEXT,
        sentence,
        "a4",
        "allegiance",
        "a2",
        start=start,
        end=end,
        status=status,
        attributed_to=attributed_to,
        confidence=confidence,
    )
    return record(IJU_TEXT, doc_id=doc_id, url=url, actors=(IJU, TALIBAN), relations=(relation,))


def _one_copy(text: str, n: int) -> str:
    """A different text (another text key) with the same sentences."""
    return f"{text} Copy {n}."


def _copy(ex: Extraction, n: int, url: str | None) -> Extraction:
    doc = Document(f"copy{n}", _one_copy(ex.doc.text, n), "copy.txt", url=url, published=ex.doc.published)
    return Extraction(doc, ex.actors, ex.places, ex.relations, ex.events)


def test_relation_from_two_documents_is_one_fact_with_both_evidence(fresh_store: Store) -> None:
    first = _allegiance_record("d1", "https://www.longwarjournal.org/a", confidence=0.6)
    fresh_store.add_extraction(first)
    fresh_store.add_extraction(_copy(first, 1, "https://www.rferl.org/b"))
    [fact] = fresh_store.relations(types=["allegiance"])
    assert (fact.subject_name, fact.type, fact.object_name) == ("Islamic Jihad Union", "allegiance", "Taliban")
    assert len(fact.evidence) == 2 and fact.n_sources == 2
    assert fact.confidence == pytest.approx(1 - 0.4 * 0.4)


def test_two_documents_from_the_same_host_count_as_one_source(fresh_store: Store) -> None:
    first = _allegiance_record("d1", "https://www.longwarjournal.org/a")
    fresh_store.add_extraction(first)
    fresh_store.add_extraction(_copy(first, 1, "https://longwarjournal.org/b"))
    [fact] = fresh_store.relations()
    assert (len(fact.evidence), fact.n_sources) == (2, 1)
    assert fresh_store.relations(min_sources=2) == []


def test_documents_without_url_count_as_separate_sources(fresh_store: Store) -> None:
    first = _allegiance_record("d1", None)
    fresh_store.add_extraction(first)
    fresh_store.add_extraction(_copy(first, 1, None))
    assert [f.n_sources for f in fresh_store.relations(min_sources=2)] == [2]


def test_symmetric_relation_is_one_fact_whichever_way_it_is_stated(fresh_store: Store) -> None:
    sentence = IMU_SWITCH
    forward = record(IMU_TEXT, actors=(IMU, TALIBAN), relations=(rel(IMU_TEXT, sentence, "a1", "alliance", "a2"),))
    backward = record(
        _one_copy(IMU_TEXT, 1),
        doc_id="d2",
        actors=(IMU, TALIBAN),
        relations=(rel(IMU_TEXT, sentence, "a2", "alliance", "a1"),),
    )
    fresh_store.add_extraction(forward)
    fresh_store.add_extraction(backward)
    [fact] = fresh_store.relations()
    assert len(fact.evidence) == 2


def test_directed_relation_stated_the_other_way_is_another_fact(fresh_store: Store) -> None:
    sentence = IJU_SPLINTER
    fresh_store.add_extraction(
        record(
            IJU_TEXT,
            actors=(IJU, IMU),
            relations=(
                rel(IJU_TEXT, sentence, "a4", "splinter_of", "a1"),
                rel(IJU_TEXT, sentence, "a1", "splinter_of", "a4"),
            ),
        )
    )
    assert len(fresh_store.relations()) == 2


def test_fact_takes_earliest_start_latest_end_and_strongest_status(fresh_store: Store) -> None:
    first = _allegiance_record("d1", None, start="2015", status="uncertain", confidence=0.5)
    second = _allegiance_record(
        "d2", None, start="2009", end="2021-08", status="claimed", attributed_to="a4", confidence=0.5
    )
    fresh_store.add_extraction(first)
    fresh_store.add_extraction(_copy(second, 1, None))
    [fact] = fresh_store.relations()
    assert (fact.start, fact.end, fact.status) == ("2009", "2021-08", "claimed")
    assert {e.attributed_to for e in fact.evidence} == {None, "Islamic Jihad Union"}


def test_fact_is_denied_only_when_all_its_evidence_denies_it(fresh_store: Store) -> None:
    denied = _allegiance_record("d1", None, status="denied", attributed_to="a2")
    fresh_store.add_extraction(denied)
    assert fresh_store.relations() == []
    assert fresh_store.relations(as_of="2015-01-01") == []
    [fact] = fresh_store.actor_profile(fresh_store.find_actors("IJU")[0].id).relations
    assert fact.status == "denied"
    fresh_store.add_extraction(_copy(_allegiance_record("d2", None, confidence=0.9), 1, None))
    [fact] = fresh_store.relations()
    assert fact.status == "asserted"
    assert fact.confidence == pytest.approx(0.9)


def test_combined_confidence_is_capped_below_certainty(fresh_store: Store) -> None:
    first = _allegiance_record("d1", None, confidence=0.95)
    fresh_store.add_extraction(first)
    fresh_store.add_extraction(_copy(first, 1, None))
    assert fresh_store.relations()[0].confidence == 0.99


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fact_aggregates_always_match_all_its_evidence(fresh_store: Store, seed: int) -> None:
    rng = random.Random(seed)
    urls = [None, "https://a.example/1", "https://b.example/2"]
    for i in range(25):
        ex = _allegiance_record(
            f"d{i}",
            None,
            confidence=rng.random(),
            start=rng.choice([None, "2001", "2015-08", "2009-02-03"]),
            end=rng.choice([None, None, "2016", "2014-06"]),
            status=rng.choice(["asserted", "claimed", "uncertain", "denied", "denied", "denied"]),
        )
        fresh_store.add_extraction(_copy(ex, i, rng.choice(urls)))
    [fact] = fresh_store.actor_profile(fresh_store.find_actors("IJU")[0].id).relations
    ranks = ["denied", "uncertain", "claimed", "asserted"]
    status = max((e.status for e in fact.evidence), key=ranks.index)
    side = [e.confidence for e in fact.evidence if (e.status == "denied") == (status == "denied")]
    outlets = {urlsplit(e.url).hostname if e.url else e.document_id for e in fact.evidence}
    assert (fact.status, fact.n_sources) == (status, len(outlets))
    assert fact.confidence == pytest.approx(min(1 - math.prod(1 - c for c in side), 0.99))
    assert fact.start == earliest(e.start_date for e in fact.evidence)
    assert fact.end == latest(e.end_date for e in fact.evidence)


def test_relations_filter_by_type(fresh_store: Store) -> None:
    fresh_store.add_extraction(imu_record())
    assert [r.type for r in fresh_store.relations(types=["leader_of", "alliance"])] == ["alliance", "leader_of"]


# --- as of --------------------------------------------------------------------------------------------------


def test_imu_alliance_with_the_taliban_is_not_in_force_after_it_ended(fresh_store: Store) -> None:
    fresh_store.add_extraction(imu_record())
    after = {(r.subject_name, r.type, r.object_name) for r in fresh_store.relations(as_of="2016-01-01")}
    before = {(r.subject_name, r.type, r.object_name) for r in fresh_store.relations(as_of="2015-01-01")}
    alliance = ("Islamic Movement of Uzbekistan", "alliance", "Taliban")
    assert alliance not in after and alliance in before
    assert ("Islamic Movement of Uzbekistan", "allegiance", "Islamic State") in after - before


def test_relation_without_dates_is_in_force_at_any_date(fresh_store: Store) -> None:
    fresh_store.add_extraction(imu_record())
    for as_of in ("1990", "2015-08-06", "2030-12-31"):
        assert "leader_of" in {r.type for r in fresh_store.relations(as_of=as_of)}


def test_allegiance_is_superseded_by_a_later_one(fresh_store: Store) -> None:
    sentence = IMU_SWITCH
    old = record(
        IMU_TEXT,
        actors=(IMU, TALIBAN, ISLAMIC_STATE),
        relations=(
            rel(IMU_TEXT, sentence, "a1", "allegiance", "a2", start="2001"),
            rel(IMU_TEXT, sentence, "a1", "allegiance", "a3", start="2015-08-06"),
        ),
    )
    fresh_store.add_extraction(old)
    assert [r.object_name for r in fresh_store.relations(as_of="2010")] == ["Taliban"]
    [now] = fresh_store.relations(as_of="2016-01-01")
    assert now.object_name == "Islamic State"
    old_fact = next(r for r in fresh_store.relations() if r.object_name == "Taliban")
    assert (old_fact.end, old_fact.effective_end, old_fact.superseded_by) == (None, "2015-08-06", now.id)


def test_as_of_rejects_a_malformed_date(fresh_store: Store) -> None:
    with pytest.raises(InvalidDate):
        fresh_store.relations(as_of="Aug 2015")


# --- profile and events -------------------------------------------------------------------------------------


def test_profile_shows_history_in_date_order(fresh_store: Store) -> None:
    fresh_store.add_extraction(imu_record())
    iju_sentence = IJU_SPLINTER
    fresh_store.add_extraction(
        record(
            IJU_TEXT,
            doc_id="d2",
            published="2017-11-01",
            actors=(IJU, IMU),
            places=(KUNDUZ,),
            relations=(rel(IJU_TEXT, iju_sentence, "a4", "splinter_of", "a1", start="2002"),),
            events=(
                Event(
                    "founding",
                    (Participant("actor", "a1"), Participant("target", "a4")),
                    span(IJU_TEXT, iju_sentence),
                    date="2002",
                ),
            ),
        )
    )
    [imu] = fresh_store.find_actors("Islamic Movement of Uzbekistan")
    profile = fresh_store.actor_profile(imu.id)
    assert [(r.type, r.start or r.end) for r in profile.relations] == [
        ("splinter_of", "2002"),
        ("alliance", "2015-08-06"),
        ("allegiance", "2015-08-06"),
        ("leader_of", None),
    ]
    assert [(e.type, e.date) for e in profile.events] == [("founding", "2002"), ("pledge", "2015-08-06")]
    assert [r.subject_name for r in profile.lineage] == ["Islamic Jihad Union"]
    assert [r.subject_name for r in profile.leaders] == ["Uthman Ghazi"]
    evidence = profile.relations[0].evidence[0]
    assert (evidence.doc_id, evidence.published, evidence.text) == ("d2", "2017-11-01", iju_sentence)


def test_profile_lists_places_where_the_actor_operates(fresh_store: Store) -> None:
    sentence = IJU_OPERATES
    fresh_store.add_extraction(
        record(
            IJU_TEXT, actors=(IJU,), places=(KUNDUZ,), relations=(rel(IJU_TEXT, sentence, "a4", "operates_in", "p1"),)
        )
    )
    [iju] = fresh_store.find_actors("IJU")
    [place] = fresh_store.actor_profile(iju.id).places
    assert (place.object_name, place.object_is_place) == ("Kunduz", True)
    assert fresh_store.stats()["places"] == 1


def test_unknown_actor_id_raises_actor_not_found(fresh_store: Store) -> None:
    with pytest.raises(ActorNotFound):
        fresh_store.actor_profile(999)


def test_events_of_an_actor_keep_participants_and_literal_values(fresh_store: Store) -> None:
    second = IMU_PLEDGE
    video = Event(
        "propaganda",
        (Participant("actor", "a1"), Participant("medium", "video")),
        span(IMU_TEXT, second),
        date="2015-08-06",
        place="p1",
        attributes=(("outlet", "unnamed"),),
    )
    fresh_store.add_extraction(record(IMU_TEXT, actors=(IMU, TALIBAN), places=(KUNDUZ,), events=(video,)))
    [imu] = fresh_store.find_actors("IMU")
    [event] = fresh_store.events(imu.id)
    assert [(p.role, p.name) for p in event.participants] == [
        ("actor", "Islamic Movement of Uzbekistan"),
        ("medium", "video"),
    ]
    assert event.place is not None and event.place.geonames_id == 1135689
    assert event.attributes == (("outlet", "unnamed"),)
    assert fresh_store.events(fresh_store.find_actors("Taliban")[0].id) == []


# --- the read interface (issue 13): every reader of the store goes through these -----------------------------


def _read_interface_store(store: Store) -> None:
    """The IMU's switch (dated pledge) and the IJU's record: a denied allegiance, Kunduz, an undated attack."""
    store.add_extraction(imu_record())
    kunduz = Place(**{**{f: getattr(KUNDUZ, f) for f in KUNDUZ.__dataclass_fields__}, "precision": "city"})
    attack = Event("attack", (Participant("actor", "a4"),), span(IJU_TEXT, IJU_OPERATES), place="p1")
    store.add_extraction(
        record(
            IJU_TEXT,
            doc_id="d2",
            actors=(IJU, TALIBAN),
            places=(kunduz,),
            relations=(
                rel(IJU_TEXT, IJU_LOYAL, "a4", "allegiance", "a2", start="2015", status="denied", attributed_to="a2"),
                rel(IJU_TEXT, IJU_OPERATES, "a4", "operates_in", "p1"),
            ),
            events=(attack,),
        )
    )


@pytest.mark.issue(13)
def test_actors_and_places_are_listed_oldest_first_with_names_and_precision(fresh_store: Store) -> None:
    _read_interface_store(fresh_store)
    actors = fresh_store.actors()
    assert [a.name for a in actors.values()] == [
        "Islamic Movement of Uzbekistan", "Taliban", "Islamic State", "Uthman Ghazi", "Islamic Jihad Union"
    ]
    [taliban] = fresh_store.find_actors("Taliban")
    assert fresh_store.actors([taliban.id]) == {taliban.id: taliban} and fresh_store.actors([]) == {}
    [kunduz] = fresh_store.places().values()
    assert (kunduz.name, kunduz.precision) == ("Kunduz", "city")
    assert fresh_store.places([kunduz.id]) == {kunduz.id: kunduz}


@pytest.mark.issue(13)
def test_denied_relations_are_read_only_when_asked_for(fresh_store: Store) -> None:
    _read_interface_store(fresh_store)
    denied = {(r.type, r.status) for r in fresh_store.relations(include_denied=True)} - {
        (r.type, r.status) for r in fresh_store.relations()
    }
    assert denied == {("allegiance", "denied")}
    in_force = fresh_store.relations(as_of="2016", types=["allegiance"], include_denied=True)
    assert [(r.start, r.status) for r in in_force] == [("2015", "denied"), ("2015-08-06", "asserted")]


@pytest.mark.issue(13)
def test_events_as_of_a_date_leave_out_later_and_undated_ones(fresh_store: Store) -> None:
    _read_interface_store(fresh_store)
    assert [(e.type, e.date) for e in fresh_store.events()] == [("pledge", "2015-08-06"), ("attack", None)]
    assert [e.type for e in fresh_store.events(as_of="2015-08")] == ["pledge"]
    assert fresh_store.events(as_of="2015-07") == []


@pytest.mark.issue(13)
def test_place_mentions_and_texts_of_a_document_point_into_its_text(fresh_store: Store) -> None:
    _read_interface_store(fresh_store)
    iju = fresh_store.documents()[1]
    text = fresh_store.document_text(iju.id)
    [(place_id, [mention])] = fresh_store.place_mentions(iju.id).items()
    assert fresh_store.places()[place_id].name == text[mention.start : mention.end] == "Kunduz"
    assert fresh_store.place_mentions(fresh_store.documents()[0].id) == {}


@pytest.mark.issue(13)
def test_snapshot_agrees_with_the_readers_and_its_selection_is_closed(fresh_store: Store) -> None:
    _read_interface_store(fresh_store)
    whole = fresh_store.snapshot(include_denied=True)
    assert list(whole.relations) == fresh_store.relations(include_denied=True)
    assert list(whole.events) == fresh_store.events()
    assert (whole.actors, whole.places) == (fresh_store.actors(), fresh_store.places())
    assert list(whole.documents.values()) == fresh_store.documents()
    assert whole.fingerprint == fresh_store.fingerprint()
    dated = fresh_store.snapshot(as_of="2015-09")
    assert list(dated.relations) == fresh_store.relations(as_of="2015-09")
    assert list(dated.events) == fresh_store.events(as_of="2015-09")
    [iju] = fresh_store.find_actors("IJU")
    around = fresh_store.snapshot(actors=[iju.id])
    assert {r.type for r in around.relations} == {"operates_in"} and [e.type for e in around.events] == ["attack"]
    assert set(around.actors) == {iju.id} and [p.name for p in around.places.values()] == ["Kunduz"]
    assert [d.doc_id for d in around.documents.values()] == ["d2"]


@pytest.mark.issue(13)
def test_fingerprint_changes_when_a_document_is_added(fresh_store: Store) -> None:
    before = fresh_store.fingerprint()
    fresh_store.add_extraction(imu_record())
    assert fresh_store.fingerprint() != before


# --- safety -------------------------------------------------------------------------------------------------


def test_crash_mid_add_leaves_no_partial_rows_and_a_readd_works(
    fresh_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = row_counts(fresh_store)

    def crash(*args: object) -> None:
        raise RuntimeError("killed mid-write")

    monkeypatch.setattr(sql_write, "write_events", crash)
    with pytest.raises(RuntimeError, match="killed"):
        fresh_store.add_extraction(imu_record())
    assert row_counts(fresh_store) == empty
    monkeypatch.undo()
    assert fresh_store.add_extraction(imu_record()) is True
    assert fresh_store.add_extraction(imu_record()) is False
    assert fresh_store.stats() == {"documents": 1, "actors": 4, "places": 0, "relations": 3, "evidence": 3, "events": 1}


def test_relation_to_an_unknown_actor_is_refused_and_nothing_is_written(fresh_store: Store) -> None:
    sentence = IJU_OPERATES
    bad = record(IJU_TEXT, actors=(IJU,), relations=(rel(IJU_TEXT, sentence, "a4", "alliance", "a9"),))
    with pytest.raises(InputError, match="'a9'"):
        fresh_store.add_extraction(bad)
    assert fresh_store.stats()["documents"] == 0


HOSTILE = "Robert'); DROP TABLE actors;-- \"quoted\" <script>alert('x')</script> \u202e\u00e9"


def test_hostile_text_is_stored_and_read_back_verbatim(fresh_store: Store) -> None:
    text = f"{HOSTILE} The IJU is known to operate in Kunduz."
    actor = Actor("a1", HOSTILE, "armed_group", ("'; DROP TABLE documents; --",), "")
    ex = record(
        text,
        title=HOSTILE,
        url="https://evil.example/?q=';--",
        actors=(actor, IJU),
        relations=(Relation("a1", "alliance", "a4", Span(HOSTILE, 0, len(HOSTILE)), attributed_to=HOSTILE),),
    )
    assert fresh_store.add_extraction(ex)
    [doc] = fresh_store.documents()
    assert (doc.title, fresh_store.document_text(doc.id)) == (HOSTILE, text)
    [found] = fresh_store.find_actors(HOSTILE)
    assert (found.name, found.aliases) == (HOSTILE, ("'; DROP TABLE documents; --",))
    [fact] = fresh_store.relations()
    assert (fact.evidence[0].text, fact.evidence[0].attributed_to) == (HOSTILE, HOSTILE)
    assert fresh_store.stats()["actors"] == 2


def test_two_writers_storing_the_same_documents_store_each_once(store_location: str) -> None:
    path = store_location
    open_store(path).close()
    records = [_copy(_allegiance_record("d", None), n, f"https://outlet{n}.example/") for n in range(12)]
    added: list[bool] = []

    def write() -> None:
        with open_store(path) as store:
            added.extend(store.add_extraction(ex) for ex in records)

    writers = [threading.Thread(target=write) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert sorted(added) == [False] * 12 + [True] * 12
    with open_store(path) as store:
        assert store.stats()["documents"] == 12 and store.relations()[0].n_sources == 12


def test_two_writers_storing_different_documents_about_the_same_actors_resolve_them_once(
    store_location: str,
) -> None:
    open_store(store_location).close()
    batches = [[_copy(_allegiance_record("d", None), 2 * n + w, None) for n in range(8)] for w in range(2)]
    added: list[bool] = []

    def write(records: list[Extraction]) -> None:
        with open_store(store_location) as store:
            added.extend(store.add_extraction(ex) for ex in records)

    writers = [threading.Thread(target=write, args=(batch,)) for batch in batches]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert added == [True] * 16
    with open_store(store_location) as store:
        assert store.stats()["documents"] == 16 and store.stats()["actors"] == 2


# --- files and migrations -----------------------------------------------------------------------------------


def _open_when_all_are_ready(location: str, ready: Any, errors: Any) -> None:
    """Open the store at the same moment as the other processes; put any error on ``errors``."""
    ready.wait()
    try:
        with open_store(location) as store:
            store.stats()
    except Exception as e:  # noqa: BLE001 -- the test reports whatever any process hit
        errors.put(repr(e))


def _open_at_once(location: str, processes: int) -> list[str]:
    """Open a new store from several processes at once; the errors they hit."""
    context = multiprocessing.get_context("fork")
    ready, errors = context.Barrier(processes), context.SimpleQueue()
    workers = [context.Process(target=_open_when_all_are_ready, args=(location, ready, errors)) for _ in range(processes)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    found = []
    while not errors.empty():
        found.append(errors.get())
    return found + [f"exit status {w.exitcode}" for w in workers if w.exitcode != 0]


@pytest.mark.issue(10)
@pytest.mark.parametrize("backend", BACKENDS)
def test_several_commands_creating_the_same_new_store_at_once_all_succeed(backend: str, tmp_path: Path) -> None:
    # Before: 'database is locked', 'UNIQUE constraint failed: migrations.name', PostgreSQL duplicate keys.
    errors: list[str] = []
    for attempt in range(6):
        location = empty_postgres_url() if backend == "postgresql" else str(tmp_path / f"new{attempt}.db")
        errors += _open_at_once(location, processes=4)
        with open_store(location) as store, store.engine.connect() as conn:  # type: ignore[attr-defined]
            names = conn.execute(select(schema.migrations.c.name)).scalars().all()
        assert sorted(names) == sorted(m.__name__ for m in migrations.MIGRATIONS)
    assert errors == []



def test_migrations_are_recorded_once_and_reopening_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "factionmap.db"
    with open_store(path) as store:
        store.add_extraction(imu_record())
    for _ in range(2):
        store = open_store(f"sqlite:///{path}")
        assert store.stats()["documents"] == 1
        store.close()
    with sqlite3.connect(path) as conn:
        assert [name for (name,) in conn.execute("SELECT name FROM migrations")] == ["m001_create_tables", "m002_add_text_key"]


def test_reopening_a_store_applies_no_migration_twice_and_keeps_the_data(store_location: str) -> None:
    with open_store(store_location) as store:
        store.add_extraction(imu_record())
    for _ in range(2):
        with open_store(store_location) as store:
            assert store.stats()["documents"] == 1
            assert isinstance(store, SQLStore)
            with store.engine.connect() as conn:
                names = conn.execute(select(schema.migrations.c.name)).scalars().all()
            assert names == ["m001_create_tables", "m002_add_text_key"]


def test_file_store_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = open_store(tmp_path / "f.db")
    assert isinstance(store, SQLStore)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert int(conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) > 0
    store.close()


def test_opening_a_file_that_is_not_a_database_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("These are not the tables you are looking for.\n" * 100)
    with pytest.raises(StoreError, match="notes.txt"):
        open_store(path)


def test_opening_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a factionmap store"):
        open_store(path)


def test_store_made_by_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    store = open_store(path)
    assert isinstance(store, SQLStore)
    with store.engine.begin() as conn:
        conn.execute(insert(schema.migrations).values(name="m999_from_the_future", applied_at="2030-01-01"))
    store.close()
    with pytest.raises(StoreError, match="newer version.*m999_from_the_future"):
        open_store(path)


def test_store_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "f.db")


def test_unsupported_store_url_names_the_choices() -> None:
    with pytest.raises(StoreError, match="Choose from"):
        open_store("mysql://localhost/factionmap")


def test_crash_in_a_file_store_leaves_it_as_before(store_location: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = store_location
    store = open_store(path)

    def crash(*args: object) -> None:
        raise RuntimeError("killed mid-write")

    monkeypatch.setattr(sql_write, "write_relations", crash)
    with pytest.raises(RuntimeError):
        store.add_extraction(imu_record())
    store.close()
    monkeypatch.undo()
    reopened = open_store(path)
    assert row_counts(reopened) == {name: 0 for name in row_counts(reopened)}
    assert reopened.add_extraction(imu_record())
    reopened.close()


# --- performance --------------------------------------------------------------------------------------------


def _typical_record(n: int) -> Extraction:
    """20 actors and 30 relations, as a long article yields."""
    text = f"Document {n}. " + "Group 0 fought group 1 in the north. " * 10
    sentence = Span("Group 0 fought group 1 in the north.", len(f"Document {n}. "), len(f"Document {n}. ") + 36)
    actors = tuple(Actor(f"a{i}", f"Group {i}", "armed_group", (f"G{i}",), f"name:group {i}") for i in range(20))
    types = ("conflict", "alliance", "allegiance")
    relations = tuple(
        Relation(f"a{i % 20}", types[i % 3], f"a{(i * 7 + 1) % 20}", sentence, start=f"{2000 + i % 20}", confidence=0.7)
        for i in range(30)
        if i % 20 != (i * 7 + 1) % 20
    )
    return record(text, doc_id=f"d{n}", url=f"https://outlet{n % 5}.example/{n}", actors=actors, relations=relations)


def test_many_typical_records_resolve_to_the_same_actors(store_location: str) -> None:
    # Speed is measured by the benchmark (bench/), not asserted here.
    store = open_store(store_location)
    records = [_typical_record(n) for n in range(60)]
    for ex in records:
        assert store.add_extraction(ex)
    assert store.stats()["actors"] == 20
    store.close()
