"""Regenerate presseschau/data/extract_word_clusters.npz from spacy-lookups-data.

Run: .venv/bin/pip install -e '.[data]' && .venv/bin/python scripts/build_word_clusters.py

Input: `de_lexeme_cluster.json.gz` of spacy-lookups-data 1.0.5 (MIT): Brown clusters of
1,000,001 German word forms (750 clusters, each id the cluster's bit path as spaCy stores it).
The JSON table would cost a worker about 100 MB as a Python dict; the artifact keeps an 8-byte
hash of each word (sorted, for binary search) and its cluster id as 2 bytes: 10 MB on disk and
in memory, read in milliseconds. The same words give the same file.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import spacy_lookups_data

from presseschau.extract.clusters import CLUSTERS_PATH, word_hash


def main() -> None:
    source = Path(spacy_lookups_data.__file__).parent / "data" / "de_lexeme_cluster.json.gz"
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        table: dict[str, int] = json.load(handle)
    hashes = np.fromiter((word_hash(word) for word in table), dtype=np.uint64, count=len(table))
    clusters = np.fromiter(table.values(), dtype=np.uint16, count=len(table))
    order = np.argsort(hashes, kind="stable")
    hashes, clusters = hashes[order], clusters[order]
    if np.any(hashes[1:] == hashes[:-1]):
        raise SystemExit("two words share a hash: widen word_hash")
    np.savez(CLUSTERS_PATH, hashes=hashes, clusters=clusters)
    print(f"wrote {CLUSTERS_PATH}: {len(table):,} words, {len(set(table.values()))} clusters")


if __name__ == "__main__":
    main()
