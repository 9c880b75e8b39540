"""Hand-made extraction records for the export and import tests, from sentences of the two seed articles.

Plus one hostile document: quotes, ``<script>``, commas and a newline in its names and evidence.
"""

from __future__ import annotations

from factionmap.records import Actor, Document, Event, Extraction, Participant, Place, Relation, Span

IMU_SWITCH = (
    "The IMU, which was previously allied with the Taliban and al Qaeda, has officially joined Abu Bakr al "
    "Baghdadi's Islamic State."
)
IMU_PLEDGE = (
    "On Aug. 6, the IMU released a video that featured the group's leader, Uthman Ghazi, and numerous IMU fighters "
    "swearing allegiance to Baghdadi."
)
IMU_TEXT = f"{IMU_SWITCH} {IMU_PLEDGE}"

IJU_RAID = "A clash with Afghan forces, the majority which occurred at night, is featured."
IJU_OPERATES = "However, the IJU is known to operate in Kunduz and Badakhshan."
IJU_SPLINTER = "The Islamic Jihad Union is a splinter faction of the Islamic Movement of Uzbekistan (IMU)."
IJU_LISTED = "The US government listed the IJU as a specially designated global terrorist organization in May 2005."
IJU_TEXT = f"{IJU_RAID} {IJU_OPERATES} {IJU_SPLINTER} {IJU_LISTED}"

HOSTILE_NAME = 'Kunduz "Front", <script>alert(1)</script>'
HOSTILE_SENTENCE = 'The IJU said: "we fight, together,\nwith the Kunduz "Front", <script>alert(1)</script> & co."'
HOSTILE_TEXT = f"Preface, with a comma. {HOSTILE_SENTENCE}"

IMU = Actor("a1", "Islamic Movement of Uzbekistan", "armed_group", ("IMU",), "name:islamic movement of uzbekistan")
TALIBAN = Actor("a2", "Taliban", "armed_group", ("Afghan Taliban",), "kb:G:taliban", "G:taliban")
ISLAMIC_STATE = Actor("a3", "Islamic State", "armed_group", ("ISIS",), "kb:G:islamic-state", "G:islamic-state")
IJU = Actor("a4", "Islamic Jihad Union", "armed_group", ("IJU", "Islamic Jihad Group"), "name:islamic jihad union")
GHAZI = Actor("a5", "Uthman Ghazi", "person", (), "name:uthman ghazi")
AFGHANISTAN = Actor("a6", "Afghanistan", "state", ("Afghan forces",), "kb:S:AF", "S:AF")
USA = Actor("a7", "United States", "state", ("US government",), "kb:S:US", "S:US")
FRONT = Actor("a8", HOSTILE_NAME, "armed_group", ('"Front"',), "name:kunduz front")


def span(text: str, sentence: str) -> Span:
    """The span of ``sentence`` in ``text``."""
    start = text.index(sentence)
    return Span(sentence, start, start + len(sentence))


def kunduz(text: str) -> Place:
    """Kunduz, with its first mention in ``text``."""
    return Place(
        "p1",
        "Kunduz",
        "AF",
        "PPLA",
        36.73,
        68.86,
        admin1="Kunduz",
        geonames_id=1135689,
        precision="city",
        mentions=(span(text, "Kunduz"),),
    )


def imu_record() -> Extraction:
    """The IMU leaves the Taliban's side and pledges to the Islamic State on 2015-08-06."""
    doc = Document(
        "imu_switch",
        IMU_TEXT,
        "lwj/imu.html",
        "IMU swears allegiance to Islamic State",
        "2015-08-24",
        "metadata",
        "https://www.longwarjournal.org/archives/2015/08/imu.php",
    )
    switch, pledge = span(IMU_TEXT, IMU_SWITCH), span(IMU_TEXT, IMU_PLEDGE)
    relations = (
        Relation("a1", "alliance", "a2", switch, end="2015-08-06", confidence=0.8),
        Relation("a1", "allegiance", "a3", pledge, start="2015-08-06", confidence=0.9),
        Relation("a5", "leader_of", "a1", pledge, confidence=0.7),
    )
    events = (
        Event("pledge", (Participant("actor", "a1"), Participant("target", "a3")), pledge, date="2015-08-06"),
        Event("propaganda", (Participant("actor", "a1"), Participant("medium", "video")), pledge, date="2015-08-06"),
    )
    return Extraction(doc, (IMU, TALIBAN, ISLAMIC_STATE, GHAZI), (), relations, events)


def iju_record() -> Extraction:
    """The IJU: a splinter of the IMU, active in Kunduz, listed by the US, clashing with Afghan forces."""
    doc = Document(
        "iju_raid",
        IJU_TEXT,
        "lwj/iju.html",
        "IJU shows joint raid with Taliban",
        "2017-10-31",
        "metadata",
        "https://www.longwarjournal.org/archives/2017/10/iju.php",
    )
    raid, listed = span(IJU_TEXT, IJU_RAID), span(IJU_TEXT, IJU_LISTED)
    relations = (
        Relation("a4", "splinter_of", "a1", span(IJU_TEXT, IJU_SPLINTER), confidence=0.9),
        Relation("a4", "operates_in", "p1", span(IJU_TEXT, IJU_OPERATES), confidence=0.8),
        Relation("a4", "conflict", "a6", raid, start="2017-10", status="claimed", attributed_to="a4"),
    )
    events = (
        Event(
            "attack",
            (Participant("actor", "a4"), Participant("partner", "a2"), Participant("target", "a6")),
            raid,
            date="2017-10",
            place="p1",
        ),
        Event(
            "designation",
            (
                Participant("actor", "a7"),
                Participant("target", "a4"),
                Participant("list", "Specially Designated Global Terrorist"),
            ),
            listed,
            date="2005-05",
        ),
    )
    return Extraction(doc, (IMU, TALIBAN, IJU, AFGHANISTAN, USA), (kunduz(IJU_TEXT),), relations, events)


def hostile_record() -> Extraction:
    """Quotes, markup, commas and a newline in an actor's name and in evidence; a killing by drone strike."""
    doc = Document("hostile", HOSTILE_TEXT, "hostile.txt", 'A "hostile", <b>title</b>', "2018", "inferred")
    sentence = span(HOSTILE_TEXT, HOSTILE_SENTENCE)
    relations = (Relation("a4", "alliance", "a8", sentence, start="2018", confidence=0.6),)
    events = (
        Event(
            "killing",
            (Participant("actor", "a8"), Participant("target", "a5")),
            sentence,
            attributes=(("means", "drone strike"),),
        ),
    )
    return Extraction(doc, (IJU, FRONT, GHAZI), (), relations, events)


def all_records() -> list[Extraction]:
    """Every test record, in the order they are added to the store."""
    return [imu_record(), iju_record(), hostile_record()]
