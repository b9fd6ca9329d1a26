"""What a flattened page repeats (`presseschau.clean.flat_page`)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from presseschau.clean import clean_document
from presseschau.clean.flat_page import listed_words, read_page
from presseschau.clean.flat_tokens import single_word_labels
from presseschau.clean.resources import function_words
from tests.fixtures.clean.flat import BODY, MENU


def test_flattened_notice_printed_twice_is_no_article() -> None:
    # A notice the page sets twice (for two screen sizes) reads as prose, but it is furniture.
    notice = (
        "Für Links auf dieser Seite erhält die Redaktion eine kleine Provision wenn Sie dort etwas kaufen "
    )
    page = MENU + notice + notice + "Startseite Kiel Hafenstadt plant neue Fährlinie " + BODY
    body = clean_document(page + "Impressum Datenschutz", "flattened").body
    assert "Provision" not in body and body.endswith(BODY.strip())


def test_flattened_teaser_titles_printed_three_times_are_no_article() -> None:
    # A menu of teaser titles, printed again in a teaser list and in the next-article links far
    # below: each title is a short run the page prints three times; the story prints none. The
    # titles read as prose, and they run longer than the story.
    titles = (
        "Neue Brücke über den Kanal wird im Herbst für den Verkehr auf beiden Seiten freigegeben "
        "Stadtwerke erhöhen die Preise für die Fernwärme zum ersten Januar um ein Drittel "
        "Segelschule am Ostufer sucht für den Sommer noch neue Lehrer mit einem Schein "
        "Polizei sucht nach dem Brand in der Werft am Wochenende noch nach den Tätern "
        "Kieler Woche soll im nächsten Jahr an der Hörn eine neue Bühne für die Konzerte bekommen "
    )
    # The page's other links, each once: the copies stand far apart.
    far = ["".join(f"Termin {number} " for number in range(low, low + 800)) for low in (0, 800, 1600)]
    page = (
        MENU + titles + far[0] + "Hafenstadt plant neue Fährlinie " + BODY + far[1] + titles + far[2] + titles
    )
    body = clean_document(page + "Impressum Datenschutz " + MENU, "flattened").body
    assert "Brücke" not in body and BODY.strip() in body


def test_flattened_runs_are_found_wherever_the_page_prints_them_again() -> None:
    # Runs printed two and three times, overlapping themselves ("a a a a"), sharing their first
    # three tokens with a longer run, and cut off by the page's end.
    text = "Neue Fähre für Kiel x Neue Fähre für Kiel y a a a a a Neue Fähre für Sylt Neue Fähre für"
    page = read_page(text, None)
    for size in range(3, 7):
        for start in range(len(page.folded)):
            run = page.folded[start : start + size]
            expected = [
                other
                for other in range(len(page.folded) - size + 1)
                if start + size <= len(page.folded) and page.folded[other : other + size] == run
            ]
            assert page.occurrences(start, size) == expected


def _near_repeats_by_hand(folded: list[str]) -> bytearray:
    """`near_repeats` read plainly: every run of 12 tokens compared with the runs after it, and
    every run of 6 counted, at each position of the page."""
    mask = bytearray(len(folded))
    twelves = [tuple(folded[start : start + 12]) for start in range(len(folded) - 11)]
    following: dict[tuple[str, ...], int] = {}  # where each run of 12 stands next
    for start in reversed(range(len(twelves))):
        again = following.get(twelves[start])
        if again is not None and again - start <= 1500:
            mask[start : start + 12] = mask[again : again + 12] = b"\x01" * 12
        following[twelves[start]] = start
    sixes = Counter(tuple(folded[start : start + 6]) for start in range(len(folded) - 5))
    for start in range(len(folded) - 5):
        if sixes[tuple(folded[start : start + 6])] >= 3:
            mask[start : start + 6] = b"\x01" * 6
    start = 0
    while start < len(mask):  # a repeated stretch longer than 80 tokens: the article twice
        end = start
        while end < len(mask) and mask[end]:
            end += 1
        if end - start > 80:
            mask[start:end] = bytes(end - start)
        start = end + 1
    return mask


def test_flattened_near_repeats_equal_a_plain_reading() -> None:
    # Made-up pages of few words, so that runs of 6 and 12 repeat often, overlap, stand three
    # times, far apart (over 1500 tokens) and in stretches over 80 tokens; the last one repeats
    # one long passage: the article twice.
    rng = random.Random(7)
    pages = []
    for _ in range(40):
        words = [f"wort{number}" for number in range(rng.randint(2, 12))]
        pages.append(" ".join(rng.choice(words) for _ in range(rng.randint(0, 400))))
    passage = " ".join(f"satz{number}" for number in range(100))
    pages.append(f"Kopf {passage} Mitte {' '.join(['x'] * 1600)} {passage} Fuss")
    for text in pages:
        page = read_page(text, None)
        assert page.near_repeats == _near_repeats_by_hand(page.folded), text[:80]


def test_flattened_repeated_runs_are_grouped_as_a_plain_reading_groups_them() -> None:
    # The page's runs are compared as numbered words in numpy: made-up pages of few words, in
    # cases that fold together ("Straße", "STRASSE"), with stretches copied elsewhere, short
    # pages (no run of three, six or twelve) and long ones; most runs stand several times.
    rng = random.Random(11)
    vocabulary = ["Die", "die", "DIE", "Straße", "STRASSE", "Haus", "und", "2024", "Kiel", "Fähre"]
    for _ in range(300):
        words = vocabulary[: rng.randint(1, len(vocabulary))]
        tokens = [rng.choice(words) for _ in range(rng.choice([0, 1, 2, 3, 5, 6, 12, 13, 60, 400]))]
        for _ in range(rng.randint(0, 3)):
            if len(tokens) > 20:
                low = rng.randrange(len(tokens) - 10)
                copy = tokens[low : low + rng.randint(3, 100)]
                at = rng.randrange(len(tokens))
                tokens[at:at] = copy
        page = read_page(" ".join(tokens), None)
        folded = page.folded
        runs = [tuple(folded[start : start + 3]) for start in range(len(folded) - 2)]
        assert page.twice == bytes(runs.count(run) >= 2 for run in runs)
        for start in range(len(folded)):
            for size in (3, 4, 8):
                run = folded[start : start + size]
                expected = [
                    other
                    for other in range(len(folded) - size + 1)
                    if start + size <= len(folded) and folded[other : other + size] == run
                ]
                assert page.occurrences(start, size) == expected
        positions = set(rng.sample(range(len(folded) + 2), min(len(folded) + 2, 5)))
        repeated = {runs[at] for at in positions if at < len(runs) and runs.count(runs[at]) >= 2}
        assert page.repeats_of(positions) == [at for at, run in enumerate(runs) if run in repeated]
        assert page.near_repeats == _near_repeats_by_hand(folded)


def test_flattened_listed_words_and_labels_are_found_in_one_pass() -> None:
    # The listed words (credit labels, agencies, teaser prefixes, read-more links, units,
    # picture buttons) and the one-word interface labels are found in one pass over the page:
    # the same positions and flags as testing every token, on made-up pages of both in any
    # case, words of both kinds ("mehr") and other words.
    words = [
        "Foto",
        "foto",
        "dpa",
        "DPA",
        "mehr",
        "Mehr",
        "KB",
        "Lesen",
        "teilen",
        "Teilen",
        "Haus",
        "die",
        "12",
    ]
    labels = single_word_labels()
    rng = random.Random(11)
    for _ in range(200):
        page = read_page(" ".join(rng.choices(words, k=rng.randrange(1, 80))), None)
        size = len(page.tokens)
        low = rng.randrange(size + 1)
        high = rng.randrange(size + 2)
        expected = [at for at in range(low, min(high, size)) if page.folded[at] in listed_words()]
        assert page.listed(low, high) == expected
        assert page.label_words == bytes(map(labels.__contains__, page.folded))


def test_flattened_token_readings_asked_once_per_distinct_token_are_each_tokens() -> None:
    # Folded forms, initials, function words and listed words are read once per distinct
    # token and spread to the tokens: the same as reading every token, on made-up pages with
    # words in several cases, forms that fold together or grow ("Straße", "STRASSE", "İ"),
    # function words, labels and listed words.
    words = [
        "Die",
        "die",
        "DIE",
        "Straße",
        "STRASSE",
        "İstanbul",
        "ǅemal",
        "Foto",
        "dpa",
        "teilen",
        "und",
        "Haus",
        "12",
    ]
    labels, listed, function = single_word_labels(), listed_words(), function_words()
    rng = random.Random(3)
    for _ in range(300):
        tokens = rng.choices(words[: rng.randint(1, len(words))], k=rng.randrange(0, 60))
        page = read_page(" ".join(tokens), None)
        assert page.folded == [token.casefold() for token in tokens]
        assert page.initials == [token[0] for token in tokens]
        assert page.function_flags == bytes(token.casefold() in function for token in tokens)
        assert page.label_words == bytes(token.casefold() in labels for token in tokens)
        assert page.listed(0, len(tokens)) == [
            at for at, token in enumerate(tokens) if token.casefold() in listed
        ]


@pytest.mark.parametrize("beyond", ["", "„Zitat Ωmega "], ids=["latin-1", "beyond-latin-1"])
def test_flattened_initials_flags_equal_the_string_methods(beyond: str) -> None:
    # Within Latin-1 the flags come from byte tables, beyond it from the string methods: both
    # as `str.isalpha` and `str.islower` tell them, for every character a token may open with.
    openings = [chr(code) for code in range(256) if not chr(code).isspace()]
    rng = random.Random(4)
    rng.shuffle(openings)
    page = read_page(beyond + " ".join(f"{opening}x" for opening in openings), None)
    letters, lower = page._initials
    assert letters == bytes(map(str.isalpha, page.initials))
    assert lower == bytes(map(str.islower, page.initials))
