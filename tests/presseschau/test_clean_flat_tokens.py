"""The tokens of a flattened page (`presseschau.clean.flat_tokens`)."""

from __future__ import annotations

import random
import re
from itertools import groupby

import pytest

from presseschau.clean import clean_document
from presseschau.clean.flat_page import read_page
from presseschau.clean.flat_tokens import (
    _GLUED_CLASSES,
    Span,
    Vocabulary,
    _phrases,
    label_word_runs,
    ones_run,
    phrase_spans,
    unglued_dates,
)
from tests.fixtures.clean.flat import BODY, MENU, article_page


@pytest.mark.parametrize(
    "stamp",
    ["Hanna Keller30 01 2024 ", "Hanna Keller 30 01 202430 Januar 2024 "],
    ids=["to-a-name", "to-a-year"],
)
def test_flattened_date_glued_to_the_word_before_it(stamp: str) -> None:
    # Two elements the page set without a space between: the name (or a date's year) and the date.
    page = MENU + "Hafenstadt plant neue Fährlinie " + stamp + BODY + "Impressum"
    doc = clean_document(page, "flattened")
    assert (doc.published, doc.authors) == ("2024-01-30", ("Hanna Keller",))


def test_flattened_row_of_buttons_inside_the_text_leaves_it() -> None:
    # One-word labels in a row are buttons ("Merken Facebook Twitter"); one alone may be a word.
    rest = (
        "Die Reederei will nun im Sommer mit dem Umbau der beiden Schiffe beginnen und hofft dass die "
        "ersten Fahrgäste schon im August über die Förde fahren können wenn die Werft die Arbeiten "
        "rechtzeitig abschließt und das Amt die beiden Schiffe für den Betrieb auf der Förde abnimmt "
        "was nach den Erfahrungen der letzten Jahre aber nicht sicher ist und viel Zeit kosten kann "
    )
    body = clean_document(article_page("Merken Facebook Twitter " + rest), "flattened").body
    assert "Facebook" not in body and body.endswith("viel Zeit kosten kann")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Jetzt aktivieren Nein danke ", ""),
        ("", "Dieser Text wurde veröffentlicht unter der Lizenz CC BY NC ND Autoren "),
    ],
    ids=["notification-prompt", "licence-and-author-heading"],
)
def test_flattened_interface_phrases_around_the_text_leave_it(before: str, after: str) -> None:
    page = MENU + "Hafenstadt plant neue Fährlinie " + before + BODY * 2 + after + "Impressum " + MENU
    body = clean_document(page, "flattened").body
    assert "danke" not in body and "Lizenz" not in body and "Autoren" not in body


def test_flattened_row_of_button_labels_outside_phrases_is_found_by_their_flags() -> None:
    flags = read_page("die Bilder teilen Sie Email Facebook Twitter Artikel teilen weiter", None).label_words
    phrases = [Span(7, 9, "nav")]  # "artikel teilen", a phrase of its own
    assert flags[2] == 1  # one label alone, a word of the sentence
    assert label_word_runs(flags, phrases) == [Span(4, 7, "nav")]


@pytest.mark.parametrize(
    ("inside", "after", "label"),
    [
        ("Zum Vergrößern auf das Bild klicken ", "", "Vergrößern"),
        ("Als PDF herunterladen ", "", "PDF"),
        ("", "Titelbild ", "Titelbild"),
        ("Alle Angaben ohne Gewähr ", "", "Gewähr"),
    ],
    ids=["enlarge-hint", "download-link", "cover-credit-label", "disclaimer"],
)
def test_flattened_picture_and_download_labels_leave_the_text(inside: str, after: str, label: str) -> None:
    # Without line breaks the page runs them into the text's sentences or after its last one.
    page = MENU + "Hafenstadt plant neue Fährlinie " + BODY * 2 + inside + BODY * 2 + after + "Impressum "
    body = clean_document(page + MENU, "flattened").body
    assert label not in body and body.endswith("in Bayern im Einsatz waren")


def _phrase_kinds() -> dict[str, str]:
    """The data lists' phrases of two or more words, joined by spaces, and their kinds."""
    index, _seconds = _phrases()
    return {" ".join(words): kind for entries in index.values() for words, kind in entries}


def _phrase_spans_token_by_token(folded: list[str]) -> list[Span]:
    """What `phrase_spans` finds, read token by token: at each token not covered yet, the
    phrase of most words standing there (of those the data lists hold)."""
    kinds = _phrase_kinds()
    longest_first = sorted(kinds, key=lambda phrase: phrase.count(" "), reverse=True)
    spans, position = [], 0
    for start in range(len(folded)):
        for phrase in longest_first if start >= position else ():
            words = phrase.split(" ")
            if folded[start : start + len(words)] == words:
                spans.append(Span(start, start + len(words), kinds[phrase]))
                position = start + len(words)
                break
    return spans


def test_flattened_phrases_tried_where_they_may_open_are_the_token_by_token_ones() -> None:
    # Made-up pages from the phrases' own words and their parts: phrases inside longer ones,
    # overlapping, cut short, glued to other words, at the page's edges; in any case.
    kinds = _phrase_kinds()
    words = sorted({word for phrase in kinds for word in phrase.split(" ")})
    vocabulary = [*words, *(word[:-1] for word in words), *(word + "s" for word in words[:50]), "und"]
    pick = random.Random(7)
    for _ in range(200):
        folded = [pick.choice(vocabulary) for _ in range(60)]
        for phrase in pick.sample(sorted(kinds), 4):
            at = pick.randrange(len(folded))
            folded[at:at] = phrase.split(" ")[: pick.choice((None, -1))]
        tokens = [pick.choice((word, word.upper(), word.capitalize())) for word in folded]
        distinct = Vocabulary.of(tokens)
        page_folded = distinct.spread(distinct.folded)
        assert page_folded == [token.casefold() for token in tokens]
        assert phrase_spans(page_folded, distinct) == _phrase_spans_token_by_token(page_folded)


def test_vocabulary_positions_and_offsets_are_a_token_by_token_reading() -> None:
    # Where tokens of a set stand (byline openers, "vor", month names) and where each token
    # opens in the tokens joined by spaces, read once per distinct token: the same as asking
    # every token, on made-up token lists of repeated words in several cases and lengths.
    words = ["Von", "von", "VON", "vor", "Vor", "Mai", "ß", "Straße", "„Zitat", "12", "Text"]
    openers = frozenset({"Von", "von", "Text"})
    draw = random.Random(9)
    for _ in range(500):
        tokens = draw.choices(words[: draw.randint(1, len(words))], k=draw.randint(0, 40))
        distinct = Vocabulary.of(tokens)
        assert distinct.positions(openers) == [at for at, token in enumerate(tokens) if token in openers]
        assert distinct.offsets().tolist() == [len(" ".join([*tokens[:at], ""])) for at in range(len(tokens))]


def test_glued_dates_are_found_in_the_characters_classes_as_by_substring_search() -> None:
    # The classes of a page's characters (letter "a", digit "0", space, other "."), made up:
    # the search from the digits finds a glued date where one of the three substrings stands.
    draw = random.Random(6)
    for _ in range(3000):
        classes = bytes(draw.choices(b"a0 .", k=draw.randrange(0, 12)))
        expected = any(glued in classes for glued in (b"a0 ", b"a00 ", b"00000"))
        assert (_GLUED_CLASSES.search(classes) is not None) == expected, classes


@pytest.mark.parametrize("length", [1, 2, 3, 5])
def test_runs_of_ones_are_those_a_plain_reading_of_the_flags_finds(length: int) -> None:
    rng = random.Random(length)
    for _ in range(200):
        flags = bytes(rng.choice((0, 1, 1, 1)) for _ in range(rng.randrange(0, 60)))
        plain, at = [], 0
        for flag, group in groupby(flags):
            size = len(list(group))
            if flag and size >= length:
                plain.append((at, at + size))
            at += size
        assert [run.span() for run in ones_run(length).finditer(flags)] == plain
        low, high = sorted(rng.randrange(0, len(flags) + 1) for _ in range(2))
        bounded = [run.span() for run in ones_run(length).finditer(flags, low, high)]
        assert bounded == [
            run.span() for run in re.compile(rb"\x01{%d,}" % length).finditer(flags, low, high)
        ]


def _unglued_every_token(tokens: list[str]) -> list[str]:
    """`unglued_dates` read token by token: each token but the last two tried against the glued
    date's form, from the last."""
    glued_date = re.compile(r"(?:[^\W\d_]+|(?:19|20)\d\d)(?=\d{1,2}$)")
    for i in reversed(range(len(tokens) - 2)):
        head = glued_date.match(tokens[i])
        first, second = tokens[i + 1 : i + 3]
        day_month = first.isdigit() and len(first) <= 2 and second.isdigit()
        month_year = first.isalpha() and second.isdigit() and len(second) == 4
        if head and (day_month or month_year):
            tokens[i : i + 1] = [head[0], tokens[i][head.end() :]]
    return tokens


def test_unglued_dates_equal_every_token_read() -> None:
    # Made-up tokens: glued days after words (Latin-1 letters too) and years, lookalikes that
    # are none (a superscript, an underscore, a sign before the digits, six digits or more), and
    # letters beyond Latin-1 (the page then is not read by the byte table).
    words = [
        "Meier24",
        "Öztürk3",
        "Straße07",
        "202430",
        "19995",
        "2024301",
        "x²4",
        "µ12",
        "ab_12",
        "€12",
        "A380",
        "Ωmega12",
        "„Zitat",
        "24",
        "04",
        "2024",
        "März",
        "Mai",
        "Text",
        "12345",
        "und",
        "5",
        "7b",
        "b7",
        "ª12",
    ]
    # The tokens parted by white space of any kind (a page's line breaks, tabs, no-break and
    # thin spaces), before the first and after the last too, or by none there.
    spaces = [" ", "  ", "\n", "\t", " \n ", "\xa0", "\u2009", "\x1c", "\x85"]
    rng = random.Random(20)
    split = 0
    for _ in range(3000):
        tokens = rng.choices(words, k=rng.randrange(0, 9))
        parts = [rng.choice(["", *spaces]), *(word + rng.choice(spaces) for word in tokens)]
        text = "".join(parts).rstrip() + rng.choice(["", *spaces])
        expected = _unglued_every_token(list(tokens))
        assert unglued_dates(text) == expected, text
        split += expected != tokens
    assert split > 50
