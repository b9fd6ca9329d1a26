from __future__ import annotations

import zlib

from presseschau.dedup import (
    NUM_PERM,
    body_fingerprint,
    duplicate_keys,
    estimated_jaccard,
    is_near_duplicate,
    lsh_band_keys,
    minhash_signature,
    normalise_body,
)

ARTICLE = " ".join(
    f"Absatz {n}: Der Gemeinderat hat am Dienstag über den neuen Haushalt beraten und dabei "
    f"zahlreiche Änderungen an Posten {n} beschlossen, die ab dem kommenden Jahr gelten sollen."
    for n in range(30)
)


def test_fingerprint_ignores_case_spacing_and_punctuation() -> None:
    variant = ARTICLE.upper().replace(" ", "  \n").replace(":", " -")
    assert body_fingerprint(variant) == body_fingerprint(ARTICLE)
    assert body_fingerprint(ARTICLE + " Nachtrag") != body_fingerprint(ARTICLE)


def test_normalise_body_keeps_only_words() -> None:
    assert normalise_body("„Ja!“, sagte er –\nNEIN.") == "ja sagte er nein"


def test_small_edit_is_a_near_duplicate_and_other_text_is_not() -> None:
    base = minhash_signature(ARTICLE)
    edited = minhash_signature(ARTICLE.replace("Dienstag", "Mittwoch", 1) + " Mit Material von dpa.")
    other = minhash_signature("Ganz anderer Text über das Wetter an der Küste und die Fähren zu den Inseln.")
    assert len(base) == NUM_PERM
    assert is_near_duplicate(base, edited)
    assert estimated_jaccard(base, other) < 0.1
    assert not is_near_duplicate(base, other)


def test_half_rewritten_text_is_below_the_threshold() -> None:
    half = ARTICLE[: len(ARTICLE) // 2] + " " + "Völlig neuer Schluss mit anderen Worten. " * 20
    assert not is_near_duplicate(minhash_signature(ARTICLE), minhash_signature(half))


def test_signatures_are_deterministic() -> None:
    assert minhash_signature(ARTICLE) == minhash_signature(ARTICLE)


def test_signatures_match_those_stored_by_earlier_versions() -> None:
    # Unchanged inputs keep the signature cleaning stored for them: a new way of computing it
    # must give the same values, or near duplicates of old documents would go unnoticed.
    assert minhash_signature(ARTICLE)[:6] == (42778631, 25979393, 61407638, 10320421, 49215279, 15033955)
    assert minhash_signature("zwei Wörter")[:3] == (3650890384, 1935078645, 4026998101)


def test_duplicate_keys_are_fingerprint_and_signature() -> None:
    assert duplicate_keys(ARTICLE) == (body_fingerprint(ARTICLE), minhash_signature(ARTICLE))


def test_near_duplicates_share_a_band_key() -> None:
    base = set(lsh_band_keys(minhash_signature(ARTICLE)))
    edited = set(lsh_band_keys(minhash_signature(ARTICLE + " Ein Satz mehr.")))
    other = set(
        lsh_band_keys(minhash_signature("Etwas völlig anderes steht hier geschrieben, heute und morgen."))
    )
    assert base & edited
    assert not base & other


def test_empty_and_tiny_bodies() -> None:
    assert minhash_signature("") == ()
    assert minhash_signature(" ... ") == ()
    assert estimated_jaccard((), ()) == 0.0
    assert lsh_band_keys(()) == []
    assert len(minhash_signature("zwei Wörter")) == NUM_PERM


def test_signature_is_datasketchs_minhash_of_the_crc32_shingles() -> None:
    # The signature is computed in numpy, not with datasketch's MinHash object: it must hold
    # the values the object gives (repeated shingles, three words or fewer, non-ASCII words).
    from datasketch import MinHash

    for text in (ARTICLE, "zwei Wörter", "eins zwei drei", "a b a b a b a b", "Straße " * 40 + "Ende"):
        words = normalise_body(text).encode("utf-8").split()
        shingles = {b" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
        minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32", hashfunc=zlib.crc32)
        minhash.update_batch(shingles)
        assert minhash_signature(text) == tuple(minhash.hashvalues.tolist()), text
