"""From incidents to event records: perpetrator, day and place of each, one event per incident (issue 12).

- The perpetrator is the actor the sentence names; else the one a claim or blame in the same sentence, or the
  nearest one after it in the paragraph, holds responsible ("The FMLN claimed responsibility for the attack");
  else, when the sentence describes the perpetrators ("gunmen"), an explicit unidentified actor of the
  incident's country in ACLED's manner ("unidentified armed group (El Salvador)", kind ``unidentified``).
- The day is the one the clause names ("on 30 December", "yesterday", resolved against the dateline or
  the publication date), else the day its paragraph narrates, else the report's own day.
- The place is the one under the word's locative ("in San Miguel Department"), else one the sentence names,
  else the last one named before it in the paragraph, else the dateline's.
- The target is what the words hit; an attack on a place ("targeted Kampala") hits the state it lies in, and
  soldiers or police the text gives no owner are the forces of the state where the incident happened.
- One incident, one event: the same incident told again (same type, day and place, no conflicting
  perpetrator) joins the first telling.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from factionmap.extract.arguments import prep_objects
from factionmap.extract.cues import cue_words
from factionmap.extract.home_state import FORCE_HEADS, GOVERNMENT_QUALIFIERS
from factionmap.extract.incidents import Incident
from factionmap.extract.responsibility import Responsibility
from factionmap.extract.timing import DocumentDates, cue_timing
from factionmap.records import ActorMention, Event, Participant
from factionmap.records import Span as TextSpan
from factionmap.vocabulary import INCIDENT_TYPES, Status

PLACE_PREPS = ("in", "near", "at", "around", "outside", "inside", "on", "along", "from", "between")
CONFIDENCE = 0.6
UNIDENTIFIED_CONFIDENCE = 0.5
GENERIC_FORCE_WORDS = cue_words().generic_force_words
CLAIM_REACH = 3  # sentences after an incident in which a claim or blame may still name its author


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """What the incident assembler needs to know of the document's places."""

    at: Mapping[int, str]  # token index -> place key
    countries: Mapping[str, str | None]  # place key -> ISO country
    country_names: Mapping[str, str]  # ISO country -> its name
    dateline: str | None = None  # the dateline's place key
    nations: frozenset[str] = frozenset()  # keys of places that are whole countries
    dateline_end: int = 0  # where the dateline ends: the agency in its brackets is no place of an incident


@dataclass(slots=True)
class IncidentEvents:
    """Events built from a document's incidents, and the actors they name that no name in the text gave:
    unidentified perpetrators, the states of places attacked, and unknown organisations that claim an incident,
    which are armed groups."""

    events: list[Event] = field(default_factory=list)
    added: list[ActorMention] = field(default_factory=list)


def build_incident_events(incidents: Sequence[Incident], blamed: Sequence[Responsibility], places: PlaceInfo,
                          dates: DocumentDates, published: str | None) -> IncidentEvents:
    """One event per incident, perpetrators, days and places filled in, repeated tellings merged."""
    out = IncidentEvents()
    text = incidents[0].trigger.doc.text if incidents else ""  # Doc.text joins every token: build it once
    for incident in incidents:
        place = _place(incident.trigger, places, text)
        actors, status, source = _perpetrators(incident, blamed, text)
        if status == "claimed" and source is None:  # "X claimed responsibility for the bombing": X is armed
            actors = [_armed(a) for a in actors]
            out.added += [a for a in actors if a.via == "claim"]
        participants = [Participant("actor", a.key) for a in actors]
        if not actors and incident.unidentified is not None:
            mention = _unidentified(incident, places, place)
            out.added.append(mention)
            participants.append(Participant("actor", mention.key))
        targets = incident.targets or _place_targets(incident, places) or _force_targets(incident, places, place)
        out.added += [t for t in targets if t.via == "place"]
        participants += [Participant("target", t.key) for t in targets
                         if t.key not in {p.ref for p in participants}]
        confidence = CONFIDENCE if actors else UNIDENTIFIED_CONFIDENCE
        event = Event(incident.type, tuple(participants), _evidence(incident), _date(incident, dates, published),
                      place, status, source, confidence)
        _merge(out.events, event)
    return out


def merge_incident_events(events: Sequence[Event]) -> list[Event]:
    """Join incident events that tell the same incident (other events pass through)."""
    merged: list[Event] = []
    for event in events:
        if event.type in INCIDENT_TYPES:
            _merge(merged, event)
        else:
            merged.append(event)
    return merged


def _merge(events: list[Event], event: Event) -> None:
    for i, kept in enumerate(events):
        if _same_incident(kept, event):
            roles = tuple(dict.fromkeys((*kept.participants, *event.participants)))
            events[i] = replace(kept, participants=roles, place=kept.place or event.place,
                                date=kept.date or event.date)
            return
    events.append(event)


def _same_incident(a: Event, b: Event) -> bool:
    if a.type != b.type or (a.date and b.date and a.date != b.date) or (a.place and b.place and a.place != b.place):
        return False
    actors_a = {p.ref for p in a.participants if p.role == "actor"}
    actors_b = {p.ref for p in b.participants if p.role == "actor"}
    return not actors_a or not actors_b or bool(actors_a & actors_b)


def _perpetrators(incident: Incident, blamed: Sequence[Responsibility], text: str) -> tuple[
        list[ActorMention], Status, str | None]:
    """The named perpetrators, else those a claim or blame holds responsible: in the same sentence, else the
    first such statement after it in its paragraph or in the next few sentences ("... The FMLN is held
    responsible."): wire copy gives each sentence its own paragraph, and tells the claim just after the deed."""
    named = [a for a in incident.actors if (a.kind != "person" or not incident.unidentified) and not _generic(a)]
    if named:
        return named, "asserted", None
    sent = incident.sentence
    para_end = text.find("\n\n", sent.end_char)
    para_end = len(text) if para_end < 0 else para_end
    reach = max(para_end, _sentences_after(sent, CLAIM_REACH))
    here = [r for r in blamed if r.sentence.start == sent.start]
    later = [r for r in blamed if sent.end_char <= r.sentence.start_char < reach]
    for group in (here, later[:1]):
        if group:
            first = group[0]
            return [r.actor for r in group if r.sentence.start == first.sentence.start], first.status, \
                first.attributed_to
    return [], "asserted", None


def _sentences_after(sent: Span, count: int) -> int:
    """The character offset where the ``count``-th sentence after ``sent`` ends (or the text's end)."""
    doc = sent.doc
    end = sent.end_char
    token = sent.end
    for _ in range(count):
        if token >= len(doc):
            break
        following = doc[token].sent
        end, token = following.end_char, following.end
    return end


def _generic(actor: ActorMention) -> bool:
    """ "the Army", "Armed Forces", "Guerrilla Forces" read as a name in wire copy: a force word, no name (the
    state's forces are the state only where one state dominates the text, ``home_state``)."""
    words = actor.name.lower().split()
    return actor.kind == "armed_group" and actor.kb_id is None and all(
        w in FORCE_HEADS or w in GOVERNMENT_QUALIFIERS or w in GENERIC_FORCE_WORDS for w in words)


def _armed(actor: ActorMention) -> ActorMention:
    """An organisation the knowledge base does not know that claims an incident is an armed group."""
    if actor.kind != "organization" or actor.kb_id is not None:
        return actor
    return replace(actor, kind="armed_group", via="claim")


def _place_targets(incident: Incident, places: PlaceInfo) -> list[ActorMention]:
    """ "targeted Kampala", "raided Russia's Belgorod region", "shelled the town of Kherson": an attack on a place
    hits the state it lies in (ACLED's "Civilians (Uganda)" is coded to Uganda)."""
    if incident.type != "attack":
        return []
    for patient in incident.patients:
        heads = [patient, *(c for c in patient.children if c.dep_ in ("poss", "compound"))]
        heads += prep_objects([patient], ("of",))  # "the town of Kherson"
        for token in heads:
            country = places.countries.get(places.at.get(token.i, ""))
            if country:
                return [_state_at(token, country, places)]
    return []


def _force_targets(incident: Incident, places: PlaceInfo, place: str | None) -> list[ActorMention]:
    """ "several soldiers were captured" in the Belgorod region, "two policemen were killed" in Kunar: forces the
    text gives no owner are the forces of the state where the incident happened (ACLED's "Military Forces of
    Russia"); nothing where the incident has no place in a country."""
    country = places.countries.get(place or "") or places.countries.get(places.dateline or "")
    if not country:
        return []
    for patient in incident.patients:
        words = [patient, *(c for c in patient.children if c.dep_ == "compound")]  # "police officers"
        if any(w.lemma_.lower() in FORCE_HEADS or w.lower_ in FORCE_HEADS for w in words):
            return [_state_at(patient, country, places)]
    return []


def _state_at(token: Token, country: str, places: PlaceInfo) -> ActorMention:
    """The state of a country, told at the word that stands for it (a place attacked, its unnamed forces)."""
    name = places.country_names.get(country, country)
    return ActorMention(token.i, token.i + 1, token.idx, token.idx + len(token.text), token.text, name, "state",
                        f"kb:S:{country}", "place", f"S:{country}")


def _unidentified(incident: Incident, places: PlaceInfo, place: str | None) -> ActorMention:
    """The explicit unidentified perpetrator of the incident's country ("unidentified armed group (Peru)")."""
    country = places.countries.get(place or "") or places.countries.get(places.dateline or "")
    where = places.country_names.get(country or "", country or "")
    what = "unidentified armed group" if incident.armed else "unidentified perpetrators"
    name = f"{what} ({where})" if where else what
    token = incident.unidentified
    assert token is not None
    return ActorMention(token.i, token.i + 1, token.idx, token.idx + len(token.text), token.text, name,
                        "unidentified", f"unidentified:{what}:{country or ''}", "description")


def _date(incident: Incident, dates: DocumentDates, published: str | None) -> str | None:
    timing = cue_timing(incident.trigger, dates, onset=True)
    return timing.start or timing.end or dates.paragraph_date(incident.sentence) or published


def _place(trigger: Token, places: PlaceInfo, text: str) -> str | None:
    """Under the word's locative, else in its sentence, else earlier in its paragraph, else the dateline's."""
    heads = [trigger, trigger.head] + [t for t in trigger.children if t.dep_ in ("dobj", "nsubjpass")]
    for obj in prep_objects(heads, PLACE_PREPS):
        for token in obj.subtree:
            if token.i in places.at and not _owner_nation(token, places):
                return places.at[token.i]
    sent = trigger.sent
    in_sentence = [places.at[t.i] for t in sent if t.i in places.at and not _owner_nation(t, places)
                   and t.idx >= places.dateline_end]  # the dateline's place is no place the sentence names
    if in_sentence:
        return in_sentence[0]
    para_start = text.rfind("\n\n", 0, sent.start_char)
    for i in range(sent.start - 1, -1, -1):  # the last place named before it in its paragraph
        if trigger.doc[i].idx < places.dateline_end:
            break
        if i in places.at:
            return places.at[i] if trigger.doc[i].idx > para_start else places.dateline
    return places.dateline


def _owner_nation(token: Token, places: PlaceInfo) -> bool:
    """ "the U.S. embassy", "a Peru consulate": a country that owns what was hit is not where it was hit."""
    return (places.at[token.i] in places.nations and token.dep_ in ("compound", "amod", "poss", "nmod")
            and token.head.i not in places.at)


def _evidence(incident: Incident) -> TextSpan:
    sent = incident.sentence
    text = sent.text
    left = len(text) - len(text.lstrip())
    stripped = text.strip()
    return TextSpan(stripped, sent.start_char + left, sent.start_char + left + len(stripped))
