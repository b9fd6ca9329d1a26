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

from presseschau.extract.gazetteer import gazetteer
from presseschau.extract.lexicon import DATA_DIR

CLUSTERS_PATH = DATA_DIR / "extract_word_clusters.npz"
UNKNOWN = -1
_CLUSTER_IDS = 1 << 16
_MIN_LEAD = 2
_MIN_LISTED_SHARE = 0.005


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


@cache
def cluster_kinds() -> dict[int, str]:
    """Cluster id → the kind of name ("PER", "LOC", "ORG") the word lists place in it at least
    twice as often as any other kind, each kind counted relative to its list's size: what an
    unlisted word of that cluster most likely is ("Lenovo" shares "BMW"'s cluster). Clusters in
    which listed names are rarer than one word in 200 say nothing and are left out."""
    gaz = gazetteer()
    listed: dict[str, list[str]] = {"PER": [*gaz.first_names, *gaz.surnames], "LOC": [], "ORG": []}
    for surface, (_canonical, kind) in gaz.known.items():
        listed[kind].append(surface)
    clusters = _table()[1]
    sizes = np.bincount(clusters, minlength=_CLUSTER_IDS)
    found = {kind: np.bincount(_clusters_of(names), minlength=_CLUSTER_IDS) for kind, names in listed.items()}
    kinds = list(found)
    shares = np.vstack([found[kind] / len(listed[kind]) for kind in kinds])
    listed_share = sum(found.values()) / np.maximum(sizes, 1)
    kinds_of: dict[int, str] = {}
    for cluster in np.nonzero(listed_share >= _MIN_LISTED_SHARE)[0]:
        second, best = np.sort(shares[:, cluster])[-2:]
        if best >= _MIN_LEAD * second:
            kinds_of[int(cluster)] = kinds[int(np.argmax(shares[:, cluster]))]
    return kinds_of


def _clusters_of(words: list[str]) -> npt.NDArray[np.uint16]:
    """The clusters of the words the table holds."""
    hashes, clusters = _table()
    keys = np.fromiter((word_hash(word) for word in words), dtype=np.uint64, count=len(words))
    positions = np.minimum(np.searchsorted(hashes, keys), len(hashes) - 1)
    return clusters[positions[hashes[positions] == keys]]
