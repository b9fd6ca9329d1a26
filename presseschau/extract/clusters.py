"""Brown clusters of German words: which words the web uses alike ("Merkel" ~ "Müller").

A cluster says what kind of word an unlisted name is: surnames, first names, towns, companies
and common nouns fall into clusters of their own. The table (`scripts/build_word_clusters.py`,
from spacy-lookups-data) holds one million word forms as sorted 8-byte hashes and 2-byte
cluster ids, so a worker process pays 10 MB for it, not the 100 MB of a dict.
"""

from __future__ import annotations

import hashlib
from functools import cache, lru_cache

import numpy as np
import numpy.typing as npt

from presseschau.extract.lexicon import DATA_DIR

CLUSTERS_PATH = DATA_DIR / "extract_word_clusters.npz"
UNKNOWN = -1


def word_hash(word: str) -> int:
    """A stable 64-bit hash of a word (Python's own `hash` changes from process to process)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


@cache
def _table() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint16]]:
    with np.load(CLUSTERS_PATH) as data:
        return data["hashes"], data["clusters"]


@lru_cache(maxsize=100_000)
def word_cluster(word: str) -> int:
    """The word's Brown cluster id, or UNKNOWN for a word the table does not hold."""
    hashes, clusters = _table()
    key = np.uint64(word_hash(word))
    position = int(np.searchsorted(hashes, key))
    if position < len(hashes) and hashes[position] == key:
        return int(clusters[position])
    return UNKNOWN
