"""Name folding: one home for the rules that make spellings of one name compare equal.

``normalize_name`` folds actor and alias names with the rules of shared/eval/score.py's ``norm()`` (the store keeps
each alias's folded form, so changing them needs a migration); ``fold_transliteration`` folds further, so that
transliterations of one Arabic name meet; ``normalize_place_name`` folds place names for the gazetteer (its bundled
index holds names folded so: changing these rules means rebuilding it with scripts/build_gazetteer.py).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "\u2019\u2018`\u02bc\u02bb'"
_APOSTROPHE_TABLE = str.maketrans({a: "'" for a in APOSTROPHES})
_PUNCT = re.compile(r"[^\w]+")
_AL = re.compile(r"\bal (?=\w)")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s\b")
# Transliteration folds, applied to a normalised name: the article's sun-letter forms ("ash-Sham", "an-Nusra",
# "ul-", "el-") read as "al"; "wa al-", "wa-l-", "wa'l-" read as "wal"; bin/ibn, Abu/Abou, Umm/Um; Ahlu/Ahle as "ahl" and
# Ahlus/Ahlis (the article joined to Ahl) as "ahl al";
# a final "ah" as "a" (Nusrah, Sunnah); "ee"/"oo"/"ou" as "i"/"u" (Mujahideen, Mourabitoun); and two English
# spellings: "Peoples" as "People's", "Anti-Communist" as "Anticommunist".
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bwa (?:al|l) ?(?=\w)"), "wal "),
    (re.compile(r"\bwal(?=\w)"), "wal "),
    (re.compile(r"\b(?:a[dnrstz]|ash|adh|ath|el|ul|il) (?=\w)"), "al"),
    (re.compile(r"\b(?:ibn|ben|bn)\b"), "bin"),
    (re.compile(r"\b(?:abou|abo)\b"), "abu"),
    (re.compile(r"\bum\b"), "umm"),
    (re.compile(r"\bahl(?:[iu]?s|[iu]?sh|[iu]l|[iu]t|[iu]d|[iu]r|[iu]n|[iu]z) (?=\w)"), "ahl al "),
    (re.compile(r"\b(?:ahlu|ahle|ahli)\b"), "ahl"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"oo|ou"), "u"),
    (re.compile(r"(?<=\w\w)ah\b"), "a"),
    (re.compile(r"\bpeoples\b"), "people"),  # "People's" loses its "'s" in normalize_name; "Peoples" keeps it
    (re.compile(r"\banti (?=\w)"), "anti"),  # "Anti-Communist", "Anticommunist"
)


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Fold a name so that spellings of the same name compare equal.

    Same rules as ``shared/eval/score.py``'s ``norm()``: accents off, lower case, apostrophes and
    a possessive "'s" dropped, punctuation to spaces, a leading "the " dropped, "al-"/"al " joined to
    the next word, whitespace collapsed. ``normalize_name("The al-Qa'ida") == "alqaida"``.
    """
    s = name
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
        s = s.translate(_APOSTROPHE_TABLE)
    elif "`" in s:  # the one ASCII apostrophe-like mark: "Kata`ib" is "Kata'ib"
        s = s.replace("`", "'")
    s = s.lower()
    if "'" in s:
        s = _POSSESSIVE.sub("", s).replace("'", "")
    s = _PUNCT.sub(" ", s).strip()
    s = re.sub(r"^the ", "", s)
    s = _AL.sub("al", s)
    return _SPACES.sub(" ", s)


def fold_transliteration(name: str) -> str:
    """Fold a normalised name further, so that transliterations of one Arabic (or Urdu, Pashto) name compare equal.

    ``fold_transliteration(normalize_name("Jabhat an-Nusrah")) == fold_transliteration(normalize_name("Jabhat
    al-Nusra"))``. Looser than :func:`normalize_name`: the knowledge base tries it only when no name or alias
    matches exactly, and never for acronyms.
    """
    s = name
    for pattern, replacement in _FOLDS:
        s = pattern.sub(replacement, s)
    return _AL.sub("al", _SPACES.sub(" ", s).strip())


_PLACE_APOSTROPHES = "'’‘`´ʼʻʾʿ"
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 16)
def normalize_place_name(name: str) -> str:
    """Fold a place name for lookup: accents, case, apostrophes, dots and punctuation ("U.S." -> "us")."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss")
    for a in _PLACE_APOSTROPHES + ".":
        s = s.replace(a, "")
    s = _NON_WORD.sub(" ", s).replace("_", " ")
    return " ".join(s.split())
