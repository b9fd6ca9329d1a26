"""Brown clusters from spacy-lookups-data, looked up through the hashed table."""

from __future__ import annotations

from presseschau.extract.clusters import UNKNOWN, cluster_kinds, word_cluster


def test_words_used_alike_share_a_cluster() -> None:
    assert word_cluster("Müller") == word_cluster("Schmidt") != word_cluster("Regierung")
    assert word_cluster("Hamburg") == word_cluster("Berlin")


def test_an_unknown_word_has_no_cluster() -> None:
    assert word_cluster("Xqzvrblt") == UNKNOWN


def test_a_cluster_is_typed_by_the_listed_names_in_it() -> None:
    kinds = cluster_kinds()
    # "Lenovo" is in no list; its cluster is that of listed companies ("BMW").
    assert kinds[word_cluster("Lenovo")] == kinds[word_cluster("BMW")] == "ORG"
    assert kinds[word_cluster("Angela")] == "PER"
    assert kinds[word_cluster("Berlin")] == "LOC"
    assert word_cluster("Regierung") not in kinds
