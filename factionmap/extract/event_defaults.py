"""What an event coder fills in when the text leaves it out (issue 12).

- An event the text dates nowhere ("The United States has designated Hasm a terrorist organisation", "the group
  announced") happened when the report says so: it takes the report's day, as ACLED and the MUC coders date it.
- An armed group's attack that names no target ("carried out attacks in Russia's Belgorod region") struck the
  state where it happened, as ACLED codes such attacks against the state's forces; one whose sentence tells of
  civilians struck them, not the state.
- A designation told without its designator ("Kata'ib Hizballah, designated as a Foreign Terrorist
  Organization", "ISIS-DRC has been designated a Specially Designated Global Terrorist") names the list, and a
  list has one keeper: the knowledge base's designations say whose list it is (the US State Department keeps the
  Foreign Terrorist Organization list, the UN Security Council its sanctions lists), by its name or by the
  acronym releases use for it ("designated as SDGTs").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from factionmap.extract.cues import cue_words
from factionmap.lookup.kb import KnowledgeBase
from factionmap.records import ActorMention, Event, Participant, Place
from factionmap.vocabulary import ActorKind

CIVILIAN_WORDS = cue_words().civilian_words


@dataclass(frozen=True, slots=True)
class Keeper:
    """The actor that keeps a designation list."""

    key: str
    name: str
    kind: ActorKind
    kb_id: str


@dataclass(frozen=True, slots=True)
class Completed:
    """Events with their defaults filled in, and the actors the defaults name."""

    events: list[Event]
    added: list[ActorMention]


class EventDefaults:
    """Fills an undated event's day, a designation's designator, and an armed group's attack's target."""

    def __init__(self, keepers: Mapping[str, Keeper], kb: KnowledgeBase | None = None) -> None:
        self.keepers = keepers
        self.kb = kb  # the states attacks strike, by their ids ("S:RU")

    @classmethod
    def from_kb(cls, kb: KnowledgeBase) -> EventDefaults:
        """The keeper of each list the knowledge base's designations name ("Foreign Terrorist Organization")."""
        keepers: dict[str, Keeper] = {}
        for entry in kb.entries:
            for designation in entry.designations:
                keeper = kb.lookup(designation.by)
                if keeper is not None and designation.list:
                    kept = Keeper(f"kb:{keeper.id}", keeper.name, keeper.kind, keeper.id)
                    keepers.setdefault(fold_list(designation.list), kept)
                    keepers.setdefault(initials(designation.list), kept)  # "SDGTs", "an FTO"
        return cls(keepers, kb)

    def __call__(self, events: Sequence[Event], published: str | None, places: Sequence[Place] = ()) -> Completed:
        """The events, each undated one dated by the report, each designation without designator given its list's
        keeper, each attack of an armed group on no named target given the state where its own sentence places
        it."""
        out: list[Event] = []
        added: list[ActorMention] = []
        for event in events:
            if published and not event.date:
                event = replace(event, date=published)
            keeper = self._keeper(event)
            if keeper is not None:
                event = replace(event, participants=(Participant("actor", keeper.key), *event.participants))
                added.append(_named_by_default(event, keeper, "list"))
            state = self._struck_state(event, places)
            if state is not None:
                event = replace(event, participants=(*event.participants, Participant("target", state.key)))
                added.append(_named_by_default(event, state, "place"))
            out.append(event)
        return Completed(out, added)

    def _struck_state(self, event: Event, places: Sequence[Place]) -> Keeper | None:
        """ "The RVC carried out attacks in Russia's Belgorod region": an armed group's attack that names no
        target struck the state where it happened, as ACLED codes an insurgent attack against "Military Forces of
        Russia"; not a state's own attack, nor an unidentified perpetrator's (ACLED's civilians), nor one placed
        only by the sentences around it (a paragraph's place is no sure place of the attack). The state is that of
        the event's place where its sentence names it, else of the one country its sentence's places lie in."""
        if event.type != "attack" or any(p.role == "target" for p in event.participants):
            return None
        actors = [p.ref for p in event.participants if p.role == "actor"]
        if not actors or any(a.startswith(("kb:S:", "unidentified:")) for a in actors):
            return None
        ev = event.evidence
        if set(re.findall(r"[a-z]+", ev.text.lower())) & CIVILIAN_WORDS:
            return None  # "rebel shelling killed four civilians": ACLED's civilians, not the state
        told = [p for p in places if any(ev.start <= m.start < ev.end for m in p.mentions)]
        countries = {p.country for p in told if p.key == event.place} or {p.country for p in told}
        entry = self.kb.get(f"S:{countries.pop()}") if self.kb is not None and len(countries) == 1 else None
        state = Keeper(f"kb:{entry.id}", entry.name, entry.kind, entry.id) if entry is not None else None
        return None if state is None or state.key in actors else state

    def _keeper(self, event: Event) -> Keeper | None:
        if event.type != "designation" or any(p.role == "actor" for p in event.participants):
            return None
        listed = f' {fold_list(dict(event.attributes).get("list", ""))} '
        return next((k for name, k in self.keepers.items() if name and f" {name} " in listed), None)


def _named_by_default(event: Event, actor: Keeper, via: str) -> ActorMention:
    """The mention of an actor a default names, at the start of the event's evidence."""
    start = event.evidence.start
    return ActorMention(0, 0, start, start, actor.name, actor.name, actor.kind, actor.key, via, actor.kb_id)


def initials(name: str) -> str:
    """A list's acronym, as releases abbreviate it ("Specially Designated Global Terrorist" -> "sdgt"); empty for
    a name of one word."""
    words = fold_list(name).split()
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def fold_list(name: str) -> str:
    """A list's name folded for comparison: lower case, words only, British spelling American, plurals singular
    ("Foreign Terrorist Organisations" -> "foreign terrorist organization")."""
    words = re.findall(r"[a-z0-9]+", name.lower().replace("isation", "ization"))
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)
