"""Event words: the first word of each event family in each sentence."""

from __future__ import annotations

import re

from presseschau.extract.events import event_families, find_events
from presseschau.extract.text import split_sentences


def _events(body: str) -> list[tuple[str, int, str]]:
    return [(e.family, e.sentence_no, e.text) for e in find_events(body, split_sentences(body))]


def test_words_are_plain_lower_case_and_no_word_starts_one_of_another_family() -> None:
    words = [(family, word) for family, listed in event_families().items() for word, _ in listed]
    assert words and all(re.fullmatch(r"[a-zäöüß]+", word) for _, word in words)
    clashes = [(a, b) for fa, a in words for fb, b in words if fa != fb and b.startswith(a)]
    assert clashes == []


def test_a_word_start_matches_and_offsets_point_into_the_body() -> None:
    body = "Trump telefonierte mit Putin. Danach folgte ein Gipfeltreffen."
    events = find_events(body, split_sentences(body))
    assert [(e.family, e.sentence_no) for e in events] == [("Telefonat", 0), ("Treffen", 1)]
    assert [body[e.start : e.end] for e in events] == ["telefon", "Gipfel"]


def test_only_the_first_word_of_a_family_in_a_sentence_counts() -> None:
    assert _events("Das Treffen war ein Gipfel. Sie trafen sich.") == [
        ("Treffen", 0, "Treffen"),
        ("Treffen", 1, "trafen"),
    ]


def test_whole_words_must_end_there_and_words_must_start_there() -> None:
    assert _events("Der Trafo brannte. Die Besucherin kam. Der Mitbesuch fiel aus.") == []
    assert _events("Sie traf ihn, der Besuch war kurz.") == [("Treffen", 0, "traf"), ("Besuch", 0, "Besuch")]


def test_punctuation_and_underscores_separate_words() -> None:
    assert _events("Nach dem_Anruf: (Waffenruhe)!") == [
        ("Telefonat", 0, "Anruf"),
        ("Waffenruhe", 0, "Waffenruhe"),
    ]


def test_offsets_survive_characters_whose_lower_case_is_longer() -> None:
    body = "İstanbul: Erdoğan traf Selenskyj."
    events = find_events(body, split_sentences(body))
    assert [(e.family, body[e.start : e.end]) for e in events] == [("Treffen", "traf")]
