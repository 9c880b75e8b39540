#!/usr/bin/env python3
"""Build ``factionmap/data/kb.jsonl``: the bundled knowledge base of armed groups.

Inputs (see ``shared/data/README.md``):

- ``factionmap/data/kb_curated.jsonl``: curated groups, written by hand (their names are canonical);
- ``factionmap/data/states.jsonl`` and ``organizations.jsonl``: read only to reserve their names;
- ``shared/data/kb-sources/un_consolidated_entities_*.jsonl``: UN Security Council consolidated list entities
  (armed-conflict regimes only: the DPRK, Iraq and Libya lists hold companies and banks);
- ``shared/data/kb-sources/Phoenix.MilNonState.actors.txt``: PETRARCH militant-actor dictionary (MIT licence).

Entries naming the same group (a shared normalised name or alias) are merged; noise is dropped (generic words,
short or ordinary-word aliases, person names, aliases shared by two groups). Output is sorted and deterministic.

    python scripts/build_kb.py [--sources DIR] [--out FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factionmap.errors import KnowledgeBaseError
from factionmap.extract.names import LEADING_GROUP_WORDS, TRAILING_GROUP_WORDS
from factionmap.lookup.folding import fold_transliteration, normalize_name
from factionmap.lookup.kb import parse_lines

DATA = ROOT / "factionmap" / "data"
DEFAULT_SOURCES = ROOT.parent / "shared" / "data" / "kb-sources"
UN_BY = "UN Security Council"
UN_LISTS = {
    "Al-Qaida": "ISIL (Da'esh) and Al-Qaida sanctions list",
    "Taliban": "1988 Taliban sanctions list",
    "DRC": "Democratic Republic of the Congo sanctions list",
    "CAR": "Central African Republic sanctions list",
    "Somalia": "Al-Shabaab sanctions list",
    "Yemen": "Yemen sanctions list",
}
BUSINESS_WORDS = frozenset(
    ["trust", "foundation", "charity", "charitable", "society", "exchange", "company", "corporation", "bank", "co", "ltd", "limited", "branch", "hawala", "airlines", "aerienne", "trading", "impex", "ngo", "relief", "heritage", "committee", "fund", "offices", "institute", "association"]
)
COMMON_WORDS = frozenset(["a", "an", "the", "of", "and", "or", "for", "in", "on", "at", "to", "by", "with", "from", "as", "is", "it", "its", "his", "her", "their", "our", "we", "they", "he", "she", "you", "i", "us", "me", "my", "all", "any", "some", "no", "not", "new", "old", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "last", "group", "groups", "army", "armies", "front", "fronts", "movement", "movements", "party", "parties", "organization", "organisation", "base", "youth", "union", "council", "committee", "alliance", "coalition", "league", "resistance", "revolution", "revolutionary", "liberation", "people", "peoples", "popular", "national", "islamic", "islam", "muslim", "muslims", "jihad", "jihadi", "jihadist", "jihadists", "mujahideen", "mujahidin", "mujahedin", "rebels", "rebel", "militants", "militant", "insurgents", "insurgent", "guerrillas", "guerrilla", "fighters", "fighter", "soldiers", "soldier", "warriors", "militia", "militias", "brigade", "brigades", "battalion", "battalions", "regiment", "division", "forces", "force", "defenders", "partisans", "patriots", "martyrs", "terrorists", "terrorist", "extremists", "separatists", "nationalists", "anarchists", "anarchist", "communists", "communist", "socialist", "socialists", "maoists", "students", "student", "workers", "worker", "farmers", "peasants", "vanguard", "vanguards", "avengers", "tigers", "hawks", "eagles", "lions", "wolves", "falcons", "cobras", "scorpions", "panthers", "knights", "crusaders", "guardians", "sons", "brothers", "brotherhood", "sisters", "hope", "dawn", "light", "truth", "justice", "freedom", "liberty", "unity", "victory", "glory", "honor", "honour", "faith", "god", "allah", "prophet", "holy", "sacred", "black", "red", "white", "green", "blue", "free", "united", "global", "world", "international", "armed", "democratic", "republican", "federal", "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "action", "actions", "struggle", "nuclei", "nucleus", "cells", "cell", "faction", "factions", "attack", "attacks", "commando", "commandos", "unit", "units", "squad", "squads", "command", "network", "networks", "organization", "group's", "sentinels", "veiled", "base", "the_base", "jamaat", "jamaa", "jamiat", "tanzim", "harakat", "katiba", "katibat", "kataib", "jaish", "jaysh", "liwa", "ansar", "supporters", "followers", "soldiers", "devotees", "emirate", "state", "government", "army's", "men", "women", "children", "mothers", "fathers", "family", "families", "clan", "tribe", "tribes", "society", "foundation", "fund", "trust", "committee", "services", "service", "office", "bureau", "department", "ministry", "agency", "company"])
FUNCTION_WORDS = frozenset(["a", "an", "the", "of", "and", "or", "for", "in", "on", "at", "to", "by", "with", "from", "as"])
PERSON_TITLES = frozenset({"sheikh", "shaykh", "mullah", "maulana", "mawlawi", "maulvi", "emir", "commander"})
PERSON_NAME_STARTS = frozenset({"abu", "umm", "mohammed", "muhammad", "mohammad", "mohamed", "ahmed", "ahmad",
                                "omar", "umar", "khalid", "khaled", "hassan", "hussein", "mustafa", "ibrahim"})
PHOENIX_PERSONS = frozenset({  # people filed as actors or aliases in the Phoenix dictionary
    "khaled meshaal", "mohammed deif", "marwan issa", "abu zuhri", "sami abu zuhri", "ahmed yassin",
    "osama bin laden", "usama bin laden", "bin laden", "ayman alzawahiri", "alzawahiri", "zawahiri",
    "alhawsawi", "baasyir", "dulmatin", "hambali", "hamzah", "isnilon", "janjalani", "muhannad", "salauddin",
    "shahin", "sungkar", "zarkasih", "zulkarnaen", "thoriqudin", "nasrallah", "alawlaki", "aulaqi", "awlaqi",
    "khalid sheikh mohammed",
})
# source aliases that name many groups, or a different one, or describe rather than name
SOURCE_GENERIC_NAMES = frozenset({
    "national liberation movement", "free land", "soldiers of the caliphate", "jund al khilafah", "jund alkhilafah",
    "jund alkhilafa", "jund al khalifa", "counter revolutionaries", "holy war warriors", "tamil national front",
    "maoist communist party", "popular liberation forces", "peoples liberation forces", "mai mai", "mayi mayi",
    "army of national liberation",
})
# acronyms and words that read as something else in general news
UNSAFE_SHORT = frozenset(["ngo", "car", "let", "epa", "fps", "isa", "pla", "ana", "bal", "mcc", "ceo", "gdp", "usa", "uae", "nba", "nfl", "fbi", "cia", "who", "aids", "hiv", "icu", "atm", "pin", "pdf", "url", "dna", "icac", "zero", "paradise", "machete", "mavericks", "falcon", "emetic", "yahweh", "boogeymen", "cornerstone", "lightning", "muhammed", "aleph", "mit", "fact", "ira", "cpp", "sna", "saf", "isf", "pm", "mp", "ap", "un", "eu", "hisba", "bersatu"])
PHOENIX_DESCRIPTORS = frozenset({"affiliated", "linked", "offshoot", "operatives", "members", "foundation"})
NON_COUNTRY_CAMEO = frozenset({"MUS", "CHR", "JEW", "BUD", "HIN", "SHI", "SUN", "REB", "SEP", "INS", "ALQ"})


@dataclass
class Draft:
    """An entry being built: aliases keep the source that gave them (``curated`` ones win ambiguities)."""

    id: str
    name: str
    kind: str
    origin: str
    aliases: dict[str, str] = field(default_factory=dict)
    country: str | None = None
    parent: str | None = None
    predecessor: str | None = None
    designations: list[dict[str, str | None]] = field(default_factory=list)
    former_names: list[dict[str, str | None]] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    refs: dict[str, str] = field(default_factory=dict)

    def keys(self) -> set[str]:
        """Normalised name, aliases and former names."""
        return {normalize_name(self.name), *(normalize_name(a) for a in self.aliases), *self.former_keys()}

    def former_keys(self) -> set[str]:
        """Normalised former names."""
        return {normalize_name(str(f["name"])) for f in self.former_names}

    def to_json(self) -> dict[str, object]:
        """The KBEntry fields, in a stable order."""
        curated = [a for a, o in self.aliases.items() if o == "curated"]
        other = sorted(a for a, o in self.aliases.items() if o != "curated")
        row: dict[str, object] = {
            "id": self.id, "name": self.name, "kind": self.kind, "aliases": curated + other,
            "country": self.country, "parent": self.parent, "predecessor": self.predecessor,
            "designations": sorted(self.designations, key=lambda d: (str(d["by"]), str(d["list"]), str(d["date"]))),
            "source": "+".join(sorted(self.sources, key=["curated", "un", "phoenix"].index)),
        }
        if self.former_names:
            row["former_names"] = self.former_names
        return row


class Log:
    """Collects what the build drops, and why."""

    def __init__(self, verbose: bool) -> None:
        self.verbose = verbose
        self.counts: dict[str, int] = {}

    def drop(self, reason: str, detail: str) -> None:
        """Record one dropped item."""
        self.counts[reason] = self.counts.get(reason, 0) + 1
        if self.verbose:
            print(f"drop [{reason}] {detail}", file=sys.stderr)


# --- noise filters -----------------------------------------------------------------------------------

def letters(text: str) -> int:
    """Number of letters in a text."""
    return sum(1 for c in text if c.isalpha())


def is_acronym(text: str) -> bool:
    """All-caps single token such as "ISWAP" or "MS-13"."""
    return " " not in text.strip() and text == text.upper() and letters(text) >= 2


def noise_reason(text: str, is_name: bool = False) -> str | None:
    """Why a name or alias from a source list is unsafe to match against raw text, or None if it is fine.

    Aliases of a single ordinary word ("Al-Aqsa", "Mavericks") are unsafe unless they are acronyms;
    an entry's own name may be one word ("Tupamaros").
    """
    key = normalize_name(text)
    tokens = key.split()
    if key.replace(" ", "") in UNSAFE_SHORT or key in UNSAFE_SHORT:
        return "ordinary word or acronym"
    if len(tokens) == 1 and not is_name and not is_acronym(text):
        return "single word"
    content = [t for t in tokens if t not in FUNCTION_WORDS]
    if letters(text) < 2 or len(key.replace(" ", "")) < 3:
        return "too short"
    if len(content) < 3 and all(t in COMMON_WORDS or t.isdigit() for t in content):
        return "common words only"
    if key in PHOENIX_PERSONS or (tokens and tokens[0] in PERSON_TITLES) or _person_shaped(tokens):
        return "person name"
    if key in SOURCE_GENERIC_NAMES:
        return "generic or misattributed name"
    return None


def _person_shaped(tokens: list[str]) -> bool:
    """A kunya or a given name followed by at most three names and no word of a group's name: "Abu Ayyub Al
    Masri", "Mohammed Atef" are people the dictionary files as actors ("Abu Sayyaf Group" is not)."""
    if not tokens or len(tokens) > 4 or tokens[0] not in PERSON_NAME_STARTS:
        return False
    words = {t.replace("'", "") for t in tokens}
    return not words & (LEADING_GROUP_WORDS | TRAILING_GROUP_WORDS) and "sayyaf" not in words


def title_case(text: str) -> str:
    """Turn an all-caps source name into a readable one; short single tokens stay acronyms."""
    if text != text.upper() or (" " not in text and letters(text) <= 4):
        return text
    small = {"of", "the", "and", "for", "in", "on", "wa", "wal", "fi", "de", "du", "des", "la", "le", "del", "to"}
    words = []
    for i, word in enumerate(text.lower().split(" ")):
        if i and word in small:
            words.append(word)
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(words)


def clean(text: str) -> str:
    """Strip quotes and stray punctuation from a source name."""
    return re.sub(r"\s+", " ", text.strip().strip("\"'“”").strip(" -–—/,;")).strip()


# --- curated files -----------------------------------------------------------------------------------

def read_jsonl(path: Path) -> Iterator[dict[str, object]]:
    """Yield the JSON objects of a JSONL file."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def curated_drafts(path: Path) -> list[Draft]:
    """Read the curated groups, validated as a user KB file is (a malformed line stops the build)."""
    drafts = []
    for model in parse_lines(path.read_text(encoding="utf-8").splitlines(), str(path)):
        draft = Draft(id=model.id, name=model.name, kind=model.kind, origin="curated", country=model.country,
                      parent=model.parent, predecessor=model.predecessor, sources={"curated"})
        draft.aliases = {a: "curated" for a in model.aliases}
        draft.designations = [d.model_dump() for d in model.designations]
        draft.former_names = [f.model_dump() for f in model.former_names]
        drafts.append(draft)
    return drafts


def reserved_keys(paths: Iterable[Path]) -> dict[str, str]:
    """Normalised names and aliases of states and organizations: source entries may not take them."""
    keys: dict[str, str] = {}
    for path in paths:
        for row in read_jsonl(path):
            for text in [row["name"], *row.get("aliases", [])]:  # type: ignore[misc]
                keys[normalize_name(str(text))] = str(row["id"])
    return keys


# --- UN consolidated list ----------------------------------------------------------------------------

def country_of(name: str | None) -> str | None:
    """ISO alpha-2 code of a country name, or None."""
    if not name:
        return None
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


def un_name_and_acronyms(raw: str) -> tuple[str, list[str]]:
    """Split "ISLAMIC STATE WEST AFRICA PROVINCE (ISWAP)" into a name and its acronyms."""
    inner = re.findall(r"\(([^)]*)\)", raw)
    acronyms = [a for a in inner if re.fullmatch(r"[A-Za-z0-9\-]{2,12}", a) and country_of(a) is None]
    qualifier = "".join(f" ({a.title()})" for a in inner if country_of(a))
    name = re.sub(r"\s*\([^)]*\)", "", raw).split(";")[0].split(" / ")[0]
    return title_case(clean(name)) + qualifier, acronyms


def un_drafts(path: Path, log: Log) -> list[Draft]:
    """Read the UN consolidated-list entities of the armed-conflict regimes."""
    drafts = []
    for row in read_jsonl(path):
        list_type = str(row["un_list_type"])
        if list_type not in UN_LISTS:
            log.drop("UN list outside armed conflict", f"{row['name']} ({list_type})")
            continue
        name, acronyms = un_name_and_acronyms(str(row["name"]))
        words = set(normalize_name(name).split())
        addresses = row.get("addresses") or []
        kind = "organization" if words & BUSINESS_WORDS else "armed_group"
        # an address is where a charity or company sits; for an armed group it is often a branch or an office
        address_country = country_of(addresses[0].get("COUNTRY")) if addresses else None  # type: ignore[index]
        draft = Draft(id="", name=name, kind=kind, origin="un", sources={"un"},
                      country=address_country if kind == "organization" else None)
        for raw_alias in row.get("aliases", []):  # type: ignore[union-attr]
            alias, more = un_name_and_acronyms(str(raw_alias))
            acronyms += [alias, *more]
        for alias in acronyms:
            draft.aliases.setdefault(alias, "un")
        draft.designations = [{"by": UN_BY, "list": UN_LISTS[list_type], "date": str(row["listed_on"])[:10]}]
        draft.refs = {"ref": str(row["reference_number"]), "comments": " ".join(str(row["comments"]).split())}
        drafts.append(draft)
    return drafts


# --- Phoenix dictionary ------------------------------------------------------------------------------

def cameo_country(code: str) -> str | None:
    """ISO alpha-2 of a CAMEO actor code's country part ("NGAREB" -> "NG"); regional codes give None."""
    parts = [code[3:6]] if code.startswith("IMG") else [code[:3]]
    for part in parts:
        if part and part not in NON_COUNTRY_CAMEO:
            country = pycountry.countries.get(alpha_3=part)
            if country is not None:
                return str(country.alpha_2)
    return None


def phoenix_names(raw: str) -> tuple[str, list[str]]:
    """Turn ``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` into ("Aden Abyan Islamic Army", ["AAIA"])."""
    text = clean(raw.replace("_", " "))
    extra = []
    for inner in re.findall(r"\(([^)]*)\)", text):
        if re.fullmatch(r"[A-Z0-9\-]{3,12}", inner) and country_of(inner) is None:
            extra.append(inner)
    base = clean(re.sub(r"\s*\([^)]*\)", "", text))
    return title_case(base), extra


def phoenix_blocks(path: Path) -> Iterator[tuple[str, list[str], str]]:
    """Yield (entry line, alias lines, CAMEO code) from the dictionary; comments after '#' are dropped."""
    entry: list[str] = []
    aliases: list[str] = []
    code = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].rstrip()
        bracket = re.search(r"\[([A-Z]*)[^\]]*\]", text)
        if not text.strip():
            continue
        if text.startswith("+"):
            aliases.extend(a for a in text[1:].split("+") if a.strip("_ "))
        elif text[0] in " \t":
            code = bracket.group(1) if bracket else code
        else:
            if entry:
                yield entry[0], aliases, code
            entry, aliases = [text[: bracket.start()] if bracket else text], []
            code = bracket.group(1) if bracket else ""
    if entry:
        yield entry[0], aliases, code


def phoenix_drafts(path: Path, log: Log) -> list[Draft]:
    """Read the Phoenix militant and non-state actor dictionary."""
    drafts = []
    for raw, raw_aliases, code in phoenix_blocks(path):
        name, acronyms = phoenix_names(raw)
        draft = Draft(id="", name=name, kind="armed_group", origin="phoenix", sources={"phoenix"},
                      country=cameo_country(code))
        for alias_raw in raw_aliases:
            alias, more = phoenix_names(alias_raw)
            if PHOENIX_DESCRIPTORS & set(normalize_name(alias).split()):
                log.drop("Phoenix descriptor alias", f"{alias} ({name})")
                continue
            for text in (alias, *more):
                draft.aliases.setdefault(text, "phoenix")
        for acronym in acronyms:
            draft.aliases.setdefault(acronym, "phoenix")
        drafts.append(draft)
    return drafts


# --- merging -----------------------------------------------------------------------------------------

def filter_aliases(draft: Draft, log: Log) -> None:
    """Drop a source entry's unsafe aliases; curated aliases are trusted."""
    for alias, origin in list(draft.aliases.items()):
        reason = None if origin == "curated" else noise_reason(alias)
        if reason or normalize_name(alias) == normalize_name(draft.name):
            del draft.aliases[alias]
            if reason:
                log.drop(f"alias: {reason}", f"{alias!r} of {draft.name}")


def find_match(draft: Draft, indexes: Iterable[tuple[dict[str, set[int]], Callable[[str], str]]]) -> int | None:
    """Position of the single entry sharing the draft's name, else one of its aliases, or None.

    ``indexes`` pair an index with the function that made its keys from normalised names; they are tried in order
    (curated keys first, transliteration-folded curated keys last), so a source entry joins the curated group it
    names, even spelt "Tigray Peoples Liberation Front" or "Harakut-ul-Jihad".
    """
    for index, key_of in indexes:
        for keys in ([normalize_name(draft.name)], draft.keys()):
            found: set[int] = set().union(*(index.get(key_of(k), set()) for k in keys))
            if found:
                return next(iter(found)) if len(found) == 1 else None
    return None


def same_key(key: str) -> str:
    """A normalised name as it is."""
    return key


def same_country(entry: Draft, draft: Draft) -> bool:
    """Whether two entries may be the same group: their countries agree or one is unknown."""
    return not entry.country or not draft.country or entry.country == draft.country


def absorb(target: Draft, draft: Draft) -> None:
    """Merge a source draft into an existing entry (curated names and fields win)."""
    target.sources |= draft.sources
    own = {normalize_name(target.name), *target.former_keys()}
    for alias, origin in [(draft.name, draft.origin), *draft.aliases.items()]:
        if normalize_name(alias) not in own:
            target.aliases.setdefault(alias, origin)
    target.country = target.country or draft.country
    known = {(d["by"], d["list"]) for d in target.designations}
    target.designations += [d for d in draft.designations if (d["by"], d["list"]) not in known]
    target.refs = target.refs or draft.refs


def merge(curated: list[Draft], sources: list[Draft], reserved: dict[str, str], log: Log) -> list[Draft]:
    """Merge source drafts into the curated entries and each other."""
    entries = list(curated)
    curated_index: dict[str, set[int]] = {}
    for i, entry in enumerate(entries):
        for key in entry.keys():
            curated_index.setdefault(key, set()).add(i)
    index = {k: set(v) for k, v in curated_index.items()}
    curated_folded: dict[str, set[int]] = {}
    for key, positions in curated_index.items():
        curated_folded.setdefault(fold_transliteration(key), set()).update(positions)
    for draft in sources:
        filter_aliases(draft, log)
        key = normalize_name(draft.name)
        if key in reserved:
            log.drop("names a state or organization", f"{draft.name} -> {reserved[key]}")
            continue
        if key not in curated_index and noise_reason(draft.name, is_name=True):
            log.drop(f"{draft.origin} entry: {noise_reason(draft.name, is_name=True)}", draft.name)
            continue
        match = find_match(draft, [(curated_index, same_key), (index, same_key), (curated_folded, fold_transliteration)])
        if match is not None and not same_country(entries[match], draft):
            if key in curated_index:
                log.drop("same name as a group of another country", f"{draft.name} ({draft.country})")
                continue
            match = None
        if match is None and index.get(key):
            log.drop("name shared by several groups", draft.name)
            continue
        if match is None:
            entries.append(draft)
            match = len(entries) - 1
        else:
            absorb(entries[match], draft)
        for key in entries[match].keys():
            index.setdefault(key, set()).add(match)
    return entries


def slug(text: str) -> str:
    """A stable id part from a name."""
    return re.sub(r"[^a-z0-9]+", "-", normalize_name(text)).strip("-")[:60]


def assign_ids(entries: list[Draft]) -> None:
    """Give source-only entries ids from their names (deterministic: ties broken by source order)."""
    taken = {e.id for e in entries if e.id}
    for entry in entries:
        if entry.id:
            continue
        base = ("G:" if entry.kind == "armed_group" else "O:") + slug(entry.name)
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        entry.id = candidate
        taken.add(candidate)


CURATED_ORIGINS = ("curated", "name:curated", "name:former")


def name_holders(entries: list[Draft], key_of: Callable[[str], str]) -> dict[str, list[tuple[Draft, str, str]]]:
    """Map each key of a name, alias or former name to its (entry, text, origin) holders."""
    holders: dict[str, list[tuple[Draft, str, str]]] = {}
    for entry in entries:
        named = [(entry.name, "name:" + entry.origin), *entry.aliases.items()]
        named += [(str(f["name"]), "name:former") for f in entry.former_names]
        for text, origin in named:
            holders.setdefault(key_of(text), []).append((entry, text, origin))
    return holders


def drop_shared(holders: dict[str, list[tuple[Draft, str, str]]], reserved: set[str], keep_curated: bool,
                log: Log) -> None:
    """Drop the aliases whose key several entries hold; a single curated holder keeps its own.

    ``keep_curated`` spares every curated alias (for keys that are merely spelled alike).
    """
    for key, found in sorted(holders.items()):
        ids = {e.id for e, _, _ in found}
        if len(ids) < 2 and key not in reserved:
            continue
        curated = {e.id for e, _, o in found if o in CURATED_ORIGINS}
        winner = next(iter(curated)) if len(curated) == 1 and key not in reserved else None
        for entry, text, origin in found:
            if entry.id == winner or origin.startswith("name:") or (keep_curated and origin == "curated"):
                continue
            if text in entry.aliases:
                del entry.aliases[text]
                log.drop("ambiguous alias", f"{text!r} of {entry.id} (also {sorted(ids - {entry.id})})")


def resolve_ambiguity(entries: list[Draft], reserved: dict[str, str], log: Log) -> None:
    """Drop aliases that name two actors: kept on a curated holder, dropped from the other entries.

    Then the same with transliterations folded, as the knowledge base's last-resort lookup compares names, for
    source aliases only: UN "Ansar al-Shari'ah" of Tunisia's group is Libya's curated "Ansar al-Sharia" too.
    """
    folded = name_holders(entries, lambda t: fold_transliteration(normalize_name(t)))  # before any drop
    drop_shared(name_holders(entries, normalize_name), set(reserved), False, log)
    drop_shared(folded, {fold_transliteration(k) for k in reserved}, True, log)


# --- relations from UN comments ----------------------------------------------------------------------

PARENT_CUE = re.compile(r"\b(?:affiliate of|affiliated with|associated with|under the umbrella of)\b(.*)", re.IGNORECASE)
SPLINTER_CUE = re.compile(r"\bsplinter group of\b(.*)", re.IGNORECASE)
HEDGES = re.compile(r"\b(?:previously|formerly|had been|not affiliated)\b", re.IGNORECASE)
REF = re.compile(r"\(([A-Z]{2}e\.\d+)\)")
LISTED_AS = re.compile(r"^\s*(?:the\s+)?([^,(]+?)\s*(?:\([A-Z\-]+\)\s*)?,?\s*\(?listed as\b")


def comment_targets(tail: str, by_ref: dict[str, str], by_key: dict[str, str]) -> set[str]:
    """Entry ids a comment clause names: "X, listed as Y (QDe.115)" means X; else the (QDe.N) references."""
    listed = LISTED_AS.match(tail)
    if listed:
        target = by_key.get(normalize_name(listed.group(1)))
        return {target} if target else set()
    return {by_ref[r] for r in REF.findall(tail) if r in by_ref}


def link_un_relations(entries: list[Draft], log: Log) -> None:
    """Fill parent/predecessor of source-only UN entries from "Associated with X" / "Splinter group of X"."""
    by_ref = {e.refs["ref"]: e.id for e in entries if e.refs}
    by_key = {normalize_name(a): e.id for e in entries for a in (e.name, *e.aliases)}
    for entry in entries:
        if "curated" in entry.sources or not entry.refs or entry.kind != "armed_group":
            continue
        for sentence in re.split(r"(?<=\.)\s+(?=[A-Z])", entry.refs["comments"]):
            if HEDGES.search(sentence):
                continue
            for cue, attr in ((SPLINTER_CUE, "predecessor"), (PARENT_CUE, "parent")):
                found = cue.search(sentence)
                if not found or getattr(entry, attr):
                    continue
                targets = comment_targets(found.group(1), by_ref, by_key) - {entry.id}
                if len(targets) == 1:
                    setattr(entry, attr, targets.pop())
                elif targets:
                    log.drop(f"UN {attr}: several candidates", f"{entry.id}: {sorted(targets)}")


# --- main --------------------------------------------------------------------------------------------

def check_links(entries: list[Draft]) -> None:
    """Fail when a parent or predecessor names no entry."""
    ids = {e.id for e in entries}
    broken = [f"{e.id}.{a}={getattr(e, a)}" for e in entries for a in ("parent", "predecessor")
              if getattr(e, a) and getattr(e, a) not in ids]
    if broken:
        raise SystemExit(f"broken links: {', '.join(broken)}")


def build(sources: Path, log: Log) -> list[dict[str, object]]:
    """Build the merged, filtered, sorted entries."""
    curated = curated_drafts(DATA / "kb_curated.jsonl")
    reserved = reserved_keys([DATA / "states.jsonl", DATA / "organizations.jsonl"])
    un_files = sorted(sources.glob("un_consolidated_entities_*.jsonl"))
    drafts = [d for f in un_files for d in un_drafts(f, log)]
    drafts += phoenix_drafts(sources / "Phoenix.MilNonState.actors.txt", log)
    entries = merge(curated, drafts, reserved, log)
    assign_ids(entries)
    resolve_ambiguity(entries, reserved, log)
    link_un_relations(entries, log)
    check_links(entries)
    return [e.to_json() for e in sorted(entries, key=lambda e: e.id)]


def write(rows: list[dict[str, object]], out: Path) -> None:
    """Write one JSON object a line."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")


def summary(rows: list[dict[str, object]], log: Log) -> str:
    """Counts per source and kind, then the drops."""
    counts: dict[str, int] = {}
    for row in rows:
        key = f"{row['kind']} from {row['source']}"
        counts[key] = counts.get(key, 0) + 1
    lines = [f"{len(rows)} entries"] + [f"  {n:4d} {k}" for k, n in sorted(counts.items())]
    lines += ["dropped:"] + [f"  {n:4d} {k}" for k, n in sorted(log.counts.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="folder of the source lists")
    parser.add_argument("--out", type=Path, default=DATA / "kb.jsonl", help="output JSONL file")
    parser.add_argument("--verbose", action="store_true", help="list every dropped item on stderr")
    args = parser.parse_args(argv)
    if not (args.sources / "Phoenix.MilNonState.actors.txt").exists():
        print(f"{args.sources}: no Phoenix.MilNonState.actors.txt there", file=sys.stderr)
        return 2
    log = Log(args.verbose)
    try:
        rows = build(args.sources, log)
    except KnowledgeBaseError as e:
        print(e, file=sys.stderr)
        return 1
    write(rows, args.out)
    print(summary(rows, log), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
