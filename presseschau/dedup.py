"""Duplicate detection on clean bodies: exact duplicates share the fingerprint of the
normalised body; near duplicates have similar MinHash signatures of word shingles.

The flow stores fingerprint, signature and LSH band keys per document; documents that share
a band key are candidates, and `estimated_jaccard` decides (threshold 0.9 by default).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import cache

import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 3
# 16 bands of 8 rows: pairs at Jaccard 0.9 share a band with probability > 0.999,
# pairs at 0.5 with about 0.06, so few candidates need checking.
LSH_BANDS = 16
NEAR_DUPLICATE_THRESHOLD = 0.9
_SEED = 1
# Pinned so stored signatures stay comparable across datasketch versions.
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def normalise_body(body: str) -> str:
    """Words of the body, case folded, single-spaced: what two copies of an article share."""
    # The words of a whitespace-separated token that is all letters and digits are the token
    # itself (`\w` is `str.isalnum` or "_", and no whitespace is either): only tokens with
    # punctuation need the regex, which makes this a fifth cheaper than one `findall`.
    words: list[str] = []
    for token in body.casefold().split():
        if token.isalnum():
            words.append(token)
        else:
            words += _WORD.findall(token)
    return " ".join(words)


def body_fingerprint(body: str) -> str:
    """SHA-256 of the normalised body; equal fingerprints mean exact duplicates."""
    return _fingerprint(normalise_body(body))


def minhash_signature(body: str) -> tuple[int, ...]:
    """MinHash signature (NUM_PERM integers) of the body's word 3-shingles; () for an empty body."""
    return _signature(normalise_body(body))


def duplicate_keys(body: str) -> tuple[str, tuple[int, ...]]:
    """Fingerprint and signature of a body, normalising it once."""
    normalised = normalise_body(body)
    return _fingerprint(normalised), _signature(normalised)


def _fingerprint(normalised: str) -> str:
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations (a, b) as columns, imported on first use: datasketch
    imports scipy (its LSH module), 65 MB and a second of start-up that the flow process, which
    computes no signature, would otherwise pay on every run."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations
    return a.reshape(-1, 1), b.reshape(-1, 1)


def _shingles(words: list[bytes]) -> list[bytes]:
    """The word 3-shingles, joined by `map` and `zip` over bytes: half the time of a Python
    loop over the words, and the same bytes, so signatures stay as stored. A repeated shingle
    is kept: it cannot change a minimum."""
    if len(words) <= SHINGLE_WORDS:
        return [b" ".join(words)]
    return list(map(b" ".join, zip(*(words[offset:] for offset in range(SHINGLE_WORDS)), strict=False)))


def _fmix32(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which affine32 applies to every input hash first."""
    hashes ^= hashes >> np.uint32(16)
    hashes *= np.uint32(0x85EBCA6B)
    hashes ^= hashes >> np.uint32(13)
    hashes *= np.uint32(0xC2B2AE35)
    hashes ^= hashes >> np.uint32(16)
    return hashes


def _signature(normalised: str) -> tuple[int, ...]:
    """datasketch's `MinHash.update_batch` (scheme affine32, hashfunc CRC-32) on the shingles,
    computed here in numpy: per permutation the minimum of a * fmix32(crc) + b (mod 2^32).
    The MinHash object hashed each shingle in a Python loop and checked its permutations on
    every document; the values are the same (tests compare them with datasketch's)."""
    words = normalised.encode("utf-8").split()
    if not words:
        return ()
    shingles = _shingles(words)
    # CRC-32 is a stable 32-bit shingle hash and much cheaper than datasketch's default SHA-1.
    hashes = np.fromiter(map(zlib.crc32, shingles), dtype=np.uint32, count=len(shingles))
    a, b = _permutations()
    permuted = np.multiply(a, _fmix32(hashes))  # NUM_PERM rows × shingles, wrapping in uint32
    permuted += b
    return tuple(permuted.min(axis=1).tolist())


def estimated_jaccard(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """Share of equal signature positions: an estimate of the shingles' Jaccard similarity."""
    if not first or len(first) != len(second):
        return 0.0
    return float(np.count_nonzero(np.asarray(first) == np.asarray(second))) / len(first)


def is_near_duplicate(
    first: tuple[int, ...], second: tuple[int, ...], threshold: float = NEAR_DUPLICATE_THRESHOLD
) -> bool:
    return estimated_jaccard(first, second) >= threshold


def lsh_band_keys(signature: tuple[int, ...], bands: int = LSH_BANDS) -> list[str]:
    """One key per band of the signature; near duplicates very likely share at least one."""
    if not signature or len(signature) % bands:
        return []
    rows = len(signature) // bands
    keys = []
    for band in range(bands):
        chunk = np.asarray(signature[band * rows : (band + 1) * rows], dtype=np.uint64).tobytes()
        keys.append(f"{band:02d}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys
