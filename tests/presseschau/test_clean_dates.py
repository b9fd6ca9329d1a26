"""Date lines and stamps in text."""

import random
import re

import pytest

from presseschau.clean import clean_document, dates
from presseschau.clean.dates import flat_label_start, parse_date_line
from presseschau.clean.flat_tokens import Vocabulary
from tests.fixtures.clean.flat import BODY, HEADLINE, MENU


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Stand: Montag, 24. Februar 2025, 13:14 Uhr", ("2025-02-24T13:14", False)),
        ("Aktualisiert am 03.03.2025 | 14:22 Uhr", ("2025-03-03T14:22", True)),
        ("2024-04-22", ("2024-04-22", False)),
        ("March 4, 2025", ("2025-03-04", False)),
        ("Veröffentlicht am 4. März 2025 von Anna Krüger", None),  # a byline beside the date
        ("Am 4. März 2025 telefonierte der Kanzler", None),
        ("Mitgliederversammlung 4. März 2025", None),  # a word that is no filler
    ],
)
def test_a_date_line_holds_a_date_and_filler_words_only(line: str, expected: tuple[str, bool] | None) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Matthias von Lerchenau Aktualisiert 11 04 2020", 3),
        ("Stand am 11 04 2020", 0),
        ("Hafen in 11 04 2020", 2),
    ],
)
def test_flat_label_start_takes_the_stamps_label_alone(label: str, expected: int) -> None:
    tokens = label.split()
    assert flat_label_start(tokens, tokens.index("11")) == expected


def test_flattened_stamp_leaves_the_body_with_its_label() -> None:
    # An update stamp between two paragraphs takes its label with it.
    more = (
        "Die Fähren sollen im Winter in der Werft überholt werden und die Stadt will bis zum Herbst "
        "auch neue Anleger am Ostufer bauen lassen damit die Fahrgäste bei jedem Wetter trocken einsteigen "
    )
    page = MENU + HEADLINE + "Von Anna Berger 02 04 2025 " + BODY + "Aktualisiert 11 04 2025 10 27 " + more
    assert "im Einsatz waren Die Fähren sollen" in clean_document(page + "Impressum", "flattened").body


# Dates after a word, after a number on its own, glued into codes, with times, two-digit years
# and a date printed twice: wherever a search of the whole page would find one.
_FLAT_DATES = (
    "Kurz notiert 21 02 2025 13 14 Uhr Artikel teilen 3 4 2024 vor A320 12 05 2023 Stand "
    "4 März 2025 4 März 2025 Seite 2 von 17 Termin 27 04 24 um 07 39 Uhr x1 02 2020 "
    "06 11 23 und 20 00 29 Jan 2024 sowie 12 03 2024_ 7 08 1999"
)


@pytest.mark.parametrize("start", range(0, 40, 7))
def test_flattened_dates_are_found_where_digit_runs_start_as_a_search_finds_them(start: int) -> None:
    text = _FLAT_DATES[start:]
    expected = [(m.span(), m.groupdict()) for m in dates._FLAT_FORM.finditer(text)]
    assert expected
    assert [(m.span(), m.groupdict()) for m in dates._flat_forms(text)] == expected


@pytest.mark.parametrize(
    "text",
    [_FLAT_DATES + " Fläche 12² 4 März 2025 ¹2 05 2023", "„Zitat“ 12 05 2023 und ١٢ ٠٥ ٢٠٢٣ am 3 4 2024"],
    ids=["latin-1", "beyond-latin-1"],
)
def test_flattened_dates_are_found_with_the_digits_a_search_finds(text: str) -> None:
    # Within Latin-1 the digits are 0-9 alone (not "²"); beyond it, other scripts' digits too.
    expected = [(m.span(), m.groupdict()) for m in dates._FLAT_FORM.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in dates._flat_forms(text)] == expected


_STAMPED = "Kurz notiert 21 02 2025 13 14 Uhr Artikel 4 März 2025 Ende"


def test_flattened_stamps_name_the_tokens_they_span() -> None:
    tokens = _STAMPED.split()
    stamps = dates.flat_stamps(tokens, " ".join(tokens), Vocabulary.of(tokens))
    assert [(s.start, s.end, s.iso) for s in stamps] == [(2, 8, "2025-02-21T13:14"), (9, 12, "2025-03-04")]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Fähre kentert 25 4 24 Kiel dpa Die Fähre", "2024-04-25"),  # a dateline's place after it
        ("Fähre kentert 19 11 21 19 11 2021 Die Fähre", "2021-11-19"),  # the date written out after it
        ("Rennen 1 2 34 Sekunden Vorsprung", None),  # a race time
        ("Rennen 25 4 24 Runden in Kiel", None),  # three counts
    ],
    ids=["place", "written-out", "race-time", "counts"],
)
def test_flattened_short_dates_stand_before_a_datelines_place_or_the_date_written_out(
    text: str, iso: str | None
) -> None:
    # Three numbers with a two-digit year and a one-digit day or month are a date only where
    # the page shows them as one.
    tokens = text.split()
    stamps = dates.flat_stamps(tokens, text, Vocabulary.of(tokens))
    assert [s.iso[:10] for s in stamps[:1]] == ([iso] if iso else [])


def _month_first_by_search(text: str) -> list[tuple[int, int]]:
    """Where month-first dates stand, found plainly: every month name followed by a space that
    opens a token of `text`, searched for in the text and tried there."""
    found = []
    for month in sorted(dates._MONTH_TOKENS):
        at = text.find(month + " ")
        while at >= 0:
            if (at == 0 or text[at - 1] == " ") and (match := dates._FLAT_MONTH_FIRST.match(text, at)):
                found.append(match.span())
            at = text.find(month + " ", at + 1)
    return sorted(found)


def test_flattened_month_first_dates_are_tried_where_a_plain_search_finds_them() -> None:
    # Made-up pages of month names in several spellings and cases, inside other tokens
    # ("Maifeier", "XMai"), with a dot, first and last, numbers of one to five digits and
    # tokens of other lengths ("ß", "Straße"), so that the offsets the names are tried at count.
    pieces = ["Mai", "Oct", "October", "Dezember", "Mai.", "mai", "Maifeier", "XMai", "ß", "Straße", "„Zitat"]
    pieces += ["1", "24", "2024", "12345", "13", "30", "Haus", "und"]
    draw = random.Random(21)
    for _ in range(1_000):
        tokens = draw.choices(pieces, k=draw.randint(0, 30))
        text = " ".join(tokens)
        found = dates._month_first(text, tokens, Vocabulary.of(tokens))
        assert sorted(match.span() for match in found) == _month_first_by_search(text)


_RELATIVE_TIMES = "vor 3 Stunden Anna Berg Sie kam vor 2 Tagen an Vor einer Stunde"


def test_flattened_relative_times_are_found_at_every_vor_and_not_inside_a_sentence() -> None:
    # The second runs on into the sentence ("an", lower case); the last ends the page.
    tokens = _RELATIVE_TIMES.split()
    assert dates.flat_relative_times(tokens, Vocabulary.of(tokens)) == [
        (0, 3, False),
        (7, 10, True),
        (11, 14, False),
    ]


def test_flattened_comment_stamps_of_how_long_ago_in_two_units_are_relative_times() -> None:
    # A comment's "9 Stunden 4 Minuten her"; one unit before "her" is a sentence's as often.
    page = "Fragen über Fragen 9 Stunden 4 Minuten her Jens Olsen Das ist 20 Jahre her Die"
    tokens = page.split(" ")
    assert dates.flat_relative_times(tokens, Vocabulary.of(tokens)) == [(3, 8, False)]


def _plain_relative_times(tokens: list[str], *, running_on: bool) -> list[tuple[int, int]]:
    """The relative times read token by token: a "vor" and a count and unit (twice when the
    unit is glued to the next "vor"), kept when `running_on` or no lower-case word follows;
    and two units before a "her" ("9 Stunden 4 Minuten her"), kept always."""
    unit = re.compile(r"(?:\d{1,2}|einer|einem) (?:Minuten?|Stunden?|Tag(?:en)?)(vor)?", re.I)
    found = []
    for start, token in enumerate(tokens):
        if token in ("vor", "Vor") and (relative := unit.fullmatch(" ".join(tokens[start + 1 : start + 3]))):
            end = start + 3
            if relative[1] and unit.fullmatch(" ".join(tokens[end : end + 2])):
                end += 2
            if running_on or end == len(tokens) or not tokens[end].islower():
                found.append((start, end))
        if (
            token == "her"
            and start >= 4
            and dates._AGO_HER.fullmatch(" ".join(tokens[start - 4 : start + 1]))
        ):
            found.append((start - 4, start + 1))
    return sorted(found)


def test_flattened_relative_times_and_whether_they_run_on_equal_a_plain_reading() -> None:
    # One scan gives both readings: the standing times (bylines) and all of them (comments).
    words = ("vor", "Vor", "3", "einer", "Stunden", "Tagen", "Stundenvor", "5", "Minuten", "her", "an", "Die")
    draw = random.Random(14)
    for _ in range(2_000):
        tokens = draw.choices(words, k=draw.randint(0, 14))
        found = dates.flat_relative_times(tokens, Vocabulary.of(tokens))
        assert [(start, end) for start, end, _ in found] == _plain_relative_times(tokens, running_on=True)
        standing = [(start, end) for start, end, runs_on in found if not runs_on]
        assert standing == _plain_relative_times(tokens, running_on=False)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Neue Fähre im Watt vor 3 Stunden in Region", 19),
        ("Neue Fähre im Watt 12.03.2025 | Region", 19),
        ("Anleger gesperrt, Abfahrt 14:30 Uhr", 26),
        ("Neue Fähre im Watt", None),
    ],
)
def test_stamp_opening_is_where_a_lines_first_date_or_time_opens(line: str, expected: int | None) -> None:
    assert dates.stamp_opening(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Januar 2025", True), ("Sept. 2024", True), ("Januar 2025 bis März", False), ("Mai 12", False)],
)
def test_names_month_is_a_month_and_a_year_alone(line: str, expected: bool) -> None:
    assert dates.names_month(line) is expected


def test_flattened_dates_are_found_where_a_search_finds_them_on_made_up_pages() -> None:
    # Made-up pages of numbers (one to five digits, 0-9 and others), month names (long, short,
    # with a dot, too long), words and codes, in any order: dates and lookalikes of each form.
    pieces = [
        "1",
        "12",
        "123",
        "2024",
        "20245",
        "07",
        "39",
        "März",
        "Jan",
        "Sept.",
        "Septembers",
        "Uhr",
        "um",
        "und",
        "A320",
        "x1",
        "12²",
        "٠٥",
        "„Zitat“",
        "Seite",
        "von",
        "Stand",
    ]
    rng = random.Random(5)
    found = 0
    for _ in range(3000):
        text = " ".join(rng.choices(pieces, weights=[6] * 7 + [1] * 15, k=rng.randrange(1, 14)))
        expected = [(m.span(), m.groupdict()) for m in dates._FLAT_FORM.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in dates._flat_forms(text)] == expected, text
        found += len(expected)
    assert found > 150
