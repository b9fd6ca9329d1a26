"""Search terms: German words reduced to Snowball stems, for the BM25 index."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"\w+", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("german")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lower-cased word; cached per word type (news reuse words a lot)."""
    return str(_STEMMER.stemWord(word.casefold()))


def terms(text: str) -> list[str]:
    """The stemmed terms of `text`, in order."""
    return [stem(word) for word in _WORD.findall(text) if not word.isdigit() or len(word) == 4]


def term_counts(body: str) -> Counter[str]:
    """Term frequencies of a body, the rows of the inverted index."""
    return Counter(terms(body))
