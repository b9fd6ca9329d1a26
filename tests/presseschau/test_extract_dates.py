"""Dates mentioned in a body, resolved against the publication date where they are relative."""

from __future__ import annotations

from presseschau.extract import extract


def dates(body: str, published: str | None = None) -> list[tuple[str, str, str]]:
    extraction = extract(body, published=published)
    for mention in extraction.dates:
        assert body[mention.start : mention.end] == mention.text
        assert mention.text in mention.sentence
    return [(d.date, d.precision, d.text) for d in extraction.dates]


def test_full_month_and_year_precision() -> None:
    body = "Am 3. Oktober 2023 begann es, im Juni 2021 war es vorbei. Seit 1990 gilt das."
    assert dates(body) == [
        ("2023-10-03", "day", "3. Oktober 2023"),
        ("2021-06", "month", "Juni 2021"),
        ("1990", "year", "1990"),
    ]


def test_numeric_and_iso_dates() -> None:
    assert [d[0] for d in dates("Stand: 05.11.2024, erneut am 2024-11-07.")] == ["2024-11-05", "2024-11-07"]


def test_day_and_month_take_the_year_nearest_the_publication() -> None:
    assert dates("Am 28. Dezember kam es zum Streit.", published="2025-01-03") == [
        ("2024-12-28", "day", "28. Dezember")
    ]
    assert dates("Am 28. Dezember kam es zum Streit.") == []


def test_day_and_month_take_the_year_the_sentence_states() -> None:
    body = "Das Abkommen vom Januar 2022 sollte am 18. März erneuert werden."
    assert ("2022-03-18", "day", "18. März") in dates(body)
    # A year glued to a letter is no year the sentence states.
    assert dates("Vorgang A2021 wurde am 18. März erneuert.", published="2025-01-03") == [
        ("2025-03-18", "day", "18. März")
    ]


def test_days_of_one_digit_in_every_numeric_shape() -> None:
    body = "Am 1.2.2020, am 3 4 2021 und am 5. März, dann 2024-01-05."
    assert dates(body, published="2024-06-01") == [
        ("2020-02-01", "day", "1.2.2020"),
        ("2021-04-03", "day", "3 4 2021"),
        ("2024-03-05", "day", "5. März"),
        ("2024-01-05", "day", "2024-01-05"),
    ]


def test_weekdays_resolve_against_the_publication_date() -> None:
    # 2024-05-16 is a Thursday.
    body = (
        "Am Mittwoch telefonierten beide. Die Konferenz beginnt an diesem Freitag "
        "und endet am kommenden Sonntag. Gestern gab es keine Einigung."
    )
    assert dates(body, published="2024-05-16T09:30") == [
        ("2024-05-15", "day", "Am Mittwoch"),
        ("2024-05-17", "day", "an diesem Freitag"),
        ("2024-05-19", "day", "am kommenden Sonntag"),
        ("2024-05-15", "day", "Gestern"),
    ]


def test_relative_dates_are_left_out_without_a_publication_date() -> None:
    assert dates("Am Mittwoch telefonierten beide, gestern nicht.") == []


def test_numbers_that_are_no_years() -> None:
    assert dates("Rund 2000 Soldaten, 1.950 Euro und 2019 Prozent mehr.") == []
