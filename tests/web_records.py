"""Hand-made extraction records for the web tests: small real sentences from the seed articles, plus one
article whose title and text are hostile HTML (it must show as text)."""

from __future__ import annotations

from pathlib import Path

from factionmap.records import Actor, Document, Event, Extraction, Participant, Place, Relation, Span
from factionmap.store import open_store

IMU_SWITCH = (
    "The IMU, which was previously allied with the Taliban and al Qaeda, has officially joined Abu Bakr al "
    "Baghdadi's Islamic State."
)
IMU_PLEDGE = (
    "On Aug. 6, the IMU released a video that featured the group's leader, Uthman Ghazi, and numerous IMU fighters "
    "swearing allegiance to Baghdadi."
)
IJU_LOYAL = "In 2015, the IJU, which is loyal to the Afghan Taliban, took part in the latter's siege of Kunduz city."
IJU_SPLINTER = "The Islamic Jihad Union is a splinter faction of the Islamic Movement of Uzbekistan (IMU)."
IJU_OPERATES = "The IJU is known to operate in Kunduz and Badakhshan."
HOSTILE_TITLE = "<script>alert(1)</script> IJU raid <img src=x onerror=alert(2)>"
HOSTILE_SENTENCE = (
    "The IJU said <script>alert(1)</script> it raided a village with the Taliban <img src=x onerror=alert(1)>."
)

IMU = Actor("a1", "Islamic Movement of Uzbekistan", "armed_group", ("IMU",), "name:islamic movement of uzbekistan")
TALIBAN = Actor("a2", "Taliban", "armed_group", ("Afghan Taliban",), "kb:G:taliban", "G:taliban")
ISLAMIC_STATE = Actor("a3", "Islamic State", "armed_group", ("ISIS",), "kb:G:islamic-state", "G:islamic-state")
IJU = Actor("a4", "Islamic Jihad Union", "armed_group", ("IJU", "Islamic Jihad Group"), "name:islamic jihad union")
GHAZI = Actor("a5", "Uthman Ghazi", "person", (), "name:uthman ghazi")


def span(text: str, sentence: str) -> Span:
    """The span of ``sentence`` in ``text``."""
    start = text.index(sentence)
    return Span(sentence, start, start + len(sentence))


def kunduz(text: str) -> Place:
    """Kunduz, mentioned in ``text``."""
    start = text.index("Kunduz")
    return Place("p1", "Kunduz", "AF", "PPLA", 36.73, 68.86, "Kunduz", 1135689, mentions=(Span("Kunduz", start, start + 6),))


def imu_record() -> Extraction:
    """The IMU leaves the Taliban's side for the Islamic State on 2015-08-06."""
    text = f"{IMU_SWITCH} {IMU_PLEDGE}"
    doc = Document(
        "imu", text, "imu.txt", "IMU declares allegiance to Islamic State",
        "2015-08-24", "metadata", "https://www.longwarjournal.org/archives/2015/08/imu.php",
    )
    return Extraction(
        doc,
        actors=(IMU, TALIBAN, ISLAMIC_STATE, GHAZI),
        relations=(
            Relation("a1", "alliance", "a2", span(text, IMU_SWITCH), None, "2015-08-06", confidence=0.8),
            Relation("a1", "allegiance", "a3", span(text, IMU_PLEDGE), "2015-08-06", confidence=0.9),
            Relation("a5", "leader_of", "a1", span(text, IMU_PLEDGE), confidence=0.7),
        ),
        events=(
            Event("pledge", (Participant("actor", "a1"), Participant("target", "a3")), span(text, IMU_PLEDGE),
                  "2015-08-06"),
        ),
    )


def iju_record() -> Extraction:
    """The IJU, loyal to the Taliban since 2015, a splinter of the IMU, operating in Kunduz."""
    text = f"{IJU_LOYAL} {IJU_SPLINTER} {IJU_OPERATES}"
    doc = Document(
        "iju", text, "iju.txt", "Islamic Jihad Union conducts joint raid with the Taliban",
        "2017-11-01", "metadata", "https://www.longwarjournal.org/archives/2017/11/iju.php",
    )
    return Extraction(
        doc,
        actors=(IJU, TALIBAN, IMU),
        places=(kunduz(text),),
        relations=(
            Relation("a4", "allegiance", "a2", span(text, IJU_LOYAL), "2015", confidence=0.9),
            Relation("a4", "splinter_of", "a1", span(text, IJU_SPLINTER), confidence=0.9),
            Relation("a4", "operates_in", "p1", span(text, IJU_OPERATES), confidence=0.8),
        ),
        events=(
            Event("attack", (Participant("actor", "a4"), Participant("partner", "a2")), span(text, IJU_LOYAL),
                  "2015", place="p1"),
        ),
    )


def hostile_record() -> Extraction:
    """An article whose title and sentence carry HTML that must never run."""
    text = f"Hostile test. {HOSTILE_SENTENCE}"
    doc = Document("hostile", text, "hostile.html", HOSTILE_TITLE, "2017-10-20", "metadata",
                   "https://example.org/hostile")
    return Extraction(
        doc,
        actors=(IJU, TALIBAN),
        relations=(
            Relation("a4", "joint_operation", "a2", span(text, HOSTILE_SENTENCE), "2017-10", status="claimed",
                     attributed_to="a4", confidence=0.6),
        ),
    )


def web_records() -> list[Extraction]:
    """Every record of the web tests."""
    return [imu_record(), iju_record(), hostile_record()]


def build_store(path: Path) -> Path:
    """A store at ``path`` holding ``web_records()``."""
    with open_store(path) as store:
        for record in web_records():
            store.add_extraction(record)
    return path


IJU_ECHO = "In 2015 the Islamic Jihad Union, loyal to the Taliban, joined its attack on Kunduz."
IJU_BAGHLAN = "The IJU also operates in Baghlan."


def echo_record() -> Extraction:
    """A second outlet telling the IJU's 2015 attack with the Taliban on Kunduz (one incident, two sources) and
    naming Baghlan, next to Kunduz (two markers that crowd at a country's zoom)."""
    text = f"Report. {IJU_ECHO} {IJU_BAGHLAN}"
    doc = Document("echo", text, "echo.txt", "Central Asian jihadists in Kunduz", "2018-02-01", "metadata",
                   "https://www.rferl.org/a/echo.html")
    start = text.index("Baghlan")
    baghlan = Place("p2", "Baghlan", "AF", "ADM1", 36.13, 68.70, "Baghlan", 1147288,
                    mentions=(Span("Baghlan", start, start + 7),))
    return Extraction(
        doc,
        actors=(IJU, TALIBAN),
        places=(kunduz(text), baghlan),
        relations=(
            Relation("a4", "allegiance", "a2", span(text, IJU_ECHO), "2015", confidence=0.8),
            Relation("a4", "operates_in", "p2", span(text, IJU_BAGHLAN), confidence=0.8),
        ),
        events=(
            Event("attack", (Participant("actor", "a4"), Participant("partner", "a2")), span(text, IJU_ECHO),
                  "2015", place="p1"),
        ),
    )


def build_workbench_store(path: Path) -> Path:
    """A store at ``path`` holding ``web_records()`` and ``echo_record()`` (an incident told twice)."""
    with open_store(path) as store:
        for record in [*web_records(), echo_record()]:
            store.add_extraction(record)
    return path
