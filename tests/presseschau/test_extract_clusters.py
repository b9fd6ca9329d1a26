"""Brown clusters from spacy-lookups-data, looked up through the hashed table."""

from __future__ import annotations

from presseschau.extract.clusters import UNKNOWN, word_cluster


def test_words_used_alike_share_a_cluster() -> None:
    assert word_cluster("Müller") == word_cluster("Schmidt") != word_cluster("Regierung")
    assert word_cluster("Hamburg") == word_cluster("Berlin")


def test_an_unknown_word_has_no_cluster() -> None:
    assert word_cluster("Xqzvrblt") == UNKNOWN
