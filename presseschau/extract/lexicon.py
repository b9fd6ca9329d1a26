"""Reading the word lists in presseschau/data/ (tab-separated, `#` lines are comments).

Each list is read once per process; the extraction modules build their lookup tables from it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# A compound's head noun must be this long, and leave a modifier at least this long, so that
# short endings ("Scholz" ends in "holz") do not make names look like common nouns.
MIN_HEAD = 4
MIN_MODIFIER = 3


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The non-comment lines of data file `name`, split on tabs."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return tuple(
        tuple(field.strip() for field in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def words(name: str, *, lower: bool = True) -> frozenset[str]:
    """The first column of data file `name` as a set (lower-cased unless told otherwise)."""
    return frozenset(row[0].lower() if lower else row[0] for row in rows(name))


def is_compound_of(word: str, heads: Collection[str]) -> bool:
    """True when `word` ends in a listed noun after a modifier (`Gefangenenaustausch` → `Austausch`)."""
    for cut in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
        if word[cut].upper() + word[cut + 1 :] in heads:
            return True
    return False


def longest_suffix_in(word: str, suffixes: Collection[str], minimum: int = 3) -> str | None:
    """The longest ending of lower-cased `word` that is in `suffixes` (e.g. a role in `Kremlsprecher`)."""
    lower = word.lower()
    for cut in range(len(lower) - minimum + 1):
        if lower[cut:] in suffixes:
            return lower[cut:]
    return None


def trie_alternation(endings: Mapping[str, str]) -> str:
    """A regex that matches any of the words, each followed by its regex in `endings` ("" for
    none), written as a trie: the engine tests each letter once instead of once per word. The
    words that match at one place all start one another, and the trie tries them longest first
    ("Milliarden" before "Milliarde"), as an alternation sorted by length would."""
    following: dict[str, dict[str, str]] = {}
    for word, ending in endings.items():
        if word:
            following.setdefault(word[0], {})[word[1:]] = ending
    branches = [re.escape(letter) + trie_alternation(rest) for letter, rest in following.items()]
    if "" in endings:
        branches.append(endings[""])
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
