"""Name normalisation shared by the document-level and the corpus-level entity matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Transliteration folding: German (Duden), English and scholarly romanisations of the same
# Cyrillic (and other) names differ in a few regular ways. Folding both sides onto one
# spelling lets "w"/"v", "j"/"y"/"i", "sch"/"sh"/"zh", "tsch"/"ch", "ch"/"kh" and "z"/"s"
# variants meet. Order matters: the longer German clusters are folded first.
_FOLDS = (
    ("schtsch", "shch"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "h"),
    ("ch", "h"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("j", "i"),
    ("y", "i"),
    ("z", "s"),
    ("c", "k"),
)
_REPEATS = re.compile(r"(.)\1+")
_ADJECTIVE_ENDINGS = ("es", "er", "en", "em", "e")
_NOUN_ENDINGS = ("", "s", "es", "n", "en")


@lru_cache(maxsize=100_000)
def fold(name: str) -> str:
    """A spelling-insensitive key: lower case, no accents, transliteration variants merged."""
    decomposed = unicodedata.normalize("NFKD", name.lower().replace("ß", "ss"))
    key = "".join(ch for ch in decomposed if ch.isalnum())
    for variant, common in _FOLDS:
        key = key.replace(variant, common)
    return _REPEATS.sub(r"\1", key)


def declensions(phrase: str) -> set[str]:
    """Case forms of an adjective + noun name: "Weißes Haus" → "Weißen Hauses", "Nahen Osten"…"""
    words = phrase.split(" ")
    if len(words) < 2:
        return {phrase}
    first, last = words[0], words[-1]
    stem = next((first[: -len(end)] for end in _ADJECTIVE_ENDINGS if first.endswith(end)), None)
    if stem is None or not stem or not stem[0].isupper():
        return {phrase}
    middle = words[1:-1]
    return {
        " ".join([stem + ending, *middle, last + noun_ending])
        for ending in _ADJECTIVE_ENDINGS
        for noun_ending in _NOUN_ENDINGS
    }


def without_genitive(word: str) -> str | None:
    """`word` without a genitive ending ("Putins" → "Putin", "Hauses" → "Haus"), or None."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None
