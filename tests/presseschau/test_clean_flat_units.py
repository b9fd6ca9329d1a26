"""A flattened page cut into units (`presseschau.clean.flat_units`)."""

from __future__ import annotations

import random
import re

import pytest

from presseschau.clean import clean_document
from presseschau.clean.flat_page import read_page
from presseschau.clean.flat_units import _split_label_runs, in_sentence, page_units, runs_through
from tests.fixtures.clean.flat import BODY, HEADLINE, MENU

_SENTENCE = read_page(
    "Zur Wahl sind rund 2 1 Millionen Thüringer wahlberechtigt sagt die Landeswahlleiterin", None
).tokens


def test_a_sentence_runs_through_names_and_numbers_between_lower_case_words_or_numbers() -> None:
    assert runs_through(_SENTENCE, 4, 8)  # "rund | 2 1 Millionen Thüringer | wahlberechtigt"
    assert runs_through(_SENTENCE, 5, 8)  # "2 | 1 Millionen Thüringer | …": a number before


def test_no_sentence_runs_through_a_run_at_an_edge_or_beside_a_capital() -> None:
    assert not runs_through(_SENTENCE, 0, 2)  # nothing before the page's first token
    assert not runs_through(_SENTENCE, 1, 3)  # "Zur" before it opens with a capital
    # Within the stretch [5, 12) only: the number before the run stands outside it.
    assert not runs_through(_SENTENCE, 5, 8, 5, 12)


def test_no_sentence_runs_through_a_long_run_of_labels() -> None:
    tokens = read_page("sagt die Liste Rot Grün Gelb Blau Weiß Schwarz Lila heute", None).tokens
    assert not runs_through(tokens, 2, 10)


def test_the_inner_reading_keeps_a_short_label_run_inside_its_sentence() -> None:
    page = read_page(
        "Wahl sind rund 2 1 Millionen Thüringer wahlberechtigt sagt die Landeswahlleiterin", None
    )
    # Strictly, "1 Millionen Thüringer" is a run of labels (after text, a long run's first
    # token ends the sentence before); inside, it stays with its sentence.
    assert page_units(page, []) == [(0, 4, False), (4, 7, True), (7, 11, False)]
    assert page_units(page, [], inner=True) == [(0, len(_SENTENCE) - 1, False)]


def test_a_sentence_runs_through_a_date_after_a_function_word_opening_it() -> None:
    page = read_page(
        "Urteil verkündet Am 13 Mai 2014 hat das Gericht entschieden Von Hanna Keller 02 04 2025 Die", None
    )
    inside, head = page.cuts[0], page.cuts[-1]
    assert (inside.kind, head.kind) == ("stamp", "stamp")
    assert in_sentence(page, inside) and not in_sentence(page, head)


def test_a_sentence_runs_through_a_date_after_its_weekday() -> None:
    # "Am Dienstag, 13. Mai 2014, kurz nach …": the weekday stands between the opening word and
    # the stamp; a head's weekday and stamp before a capitalised word stay a stamp.
    page = read_page(
        "Urteil verkündet Am Dienstag 13 Mai 2014 kurz nach Mittag hat das Gericht entschieden "
        "Hanna Keller Mittwoch 02 04 2025 Die",
        None,
    )
    inside, head = page.cuts[0], page.cuts[-1]
    assert (inside.kind, head.kind) == ("stamp", "stamp")
    assert in_sentence(page, inside) and not in_sentence(page, head)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # The back-to-top link's words in lower case close a sentence; the next one opens.
        ("Dann führt der Weg über die Treppe wieder nach oben Die nächste Szene spielt im Keller ", True),
        # The link itself, capitalised, between two paragraphs.
        ("Dann führt der Weg über die Treppe ins Foyer Nach oben Die nächste Szene spielt im Keller ", False),
        # A noun phrase goes on after it: no sentence is known to end there.
        ("Dann geht der Blick wieder nach oben Richtung Dach und Turm der Kirche ", False),
    ],
)
def test_an_interface_phrase_closing_a_sentence_stays_in_the_text(sentence: str, kept: bool) -> None:
    page = MENU + HEADLINE + BODY * 2 + sentence + BODY * 2 + "Impressum " + MENU
    assert ("nach oben" in clean_document(page, "flattened").body.casefold()) is kept


def _split_label_runs_by_match(
    labels: bytes, low: int, high: int, tokens: list[str] | None = None
) -> list[tuple[int, int, bool]]:
    """The loop `_split_label_runs` ran before it read each run's bounds once (a copy)."""
    units: list[tuple[int, int, bool]] = []
    start = low
    for run in re.compile(b"\x01\x01\x01\x01*").finditer(labels, low, high):
        first = run.start() + 1 if run.start() - start >= 3 and len(run[0]) > 3 else run.start()
        if run.end() - first >= 3 and not (
            tokens and runs_through(tokens, run.start(), run.end(), low, high)
        ):
            if first > start:
                units.append((start, first, False))
            units.append((first, run.end(), True))
            start = run.end()
    if high > start:
        units.append((start, high, False))
    return units


def test_label_runs_split_a_stretch_as_the_match_by_match_reading_did() -> None:
    chance = random.Random(25)
    words = ["die", "Liste", "rot", "12", "Grün", "und", "3", "Blau"]
    for _ in range(2000):
        size = chance.randrange(0, 40)
        labels = bytes(chance.random() < 0.6 for _ in range(size))
        tokens = [chance.choice(words) for _ in range(size)]
        low = chance.randrange(0, size + 1)
        high = chance.randrange(low, size + 1)
        for given in (None, tokens):
            assert _split_label_runs(labels, low, high, given) == _split_label_runs_by_match(
                labels, low, high, given
            )
