"""Figures: money with scale and currency, percentages, durations in minutes, counts."""

from __future__ import annotations

import pytest

from presseschau.extract import extract
from presseschau.extract.amounts import parse_number
from presseschau.models import AMOUNT_UNITS


def amounts(body: str) -> list[tuple[float, str, str]]:
    extraction = extract(body)
    for amount in extraction.amounts:
        assert body[amount.start : amount.end] == amount.text
        assert amount.unit in AMOUNT_UNITS
    return [(a.value, a.unit, a.text) for a in extraction.amounts]


def test_money_with_scale_and_a_second_currency_in_brackets() -> None:
    body = "Das Paket hat einen Wert von 300 Milliarden US-Dollar (280 Milliarden Euro)."
    assert amounts(body) == [
        (300e9, "USD", "300 Milliarden US-Dollar"),
        (280e9, "EUR", "280 Milliarden Euro"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Es kostet 1.250,50 Euro.", (1250.5, "EUR")),
        ("Es kostet 4,2 Mrd. €.", (4.2e9, "EUR")),
        ("Es kostet $ 12 Mio. mehr.", (12e6, "USD")),
        ("Kiew erhält 20 Millionen Pfund.", (20e6, "GBP")),
        ("Die Strafe: eine Milliarde Rubel.", (1e9, "RUB")),
    ],
)
def test_money_formats(body: str, expected: tuple[float, str]) -> None:
    assert [(value, unit) for value, unit, _text in amounts(body)] == [expected]


def test_percentages() -> None:
    body = "Die Ausgaben sollen auf 3% des BIP steigen, die Inflation liegt bei 2,7 Prozent."
    assert amounts(body) == [(3.0, "percent", "3%"), (2.7, "percent", "2,7 Prozent")]


@pytest.mark.parametrize(
    ("body", "minutes"),
    [
        ("Ein eineinhalbstündiges Gespräch.", 90.0),
        ("Sie sprachen anderthalb Stunden.", 90.0),
        ("Sie sprachen etwa 45 Minuten.", 45.0),
        ("Sie sprachen rund zwei Stunden.", 120.0),
        ("Nach einer 30-minütigen Pause.", 30.0),
        ("Eine Viertelstunde später.", 15.0),
    ],
)
def test_durations_become_minutes(body: str, minutes: float) -> None:
    assert [(value, unit) for value, unit, _text in amounts(body)] == [(minutes, "minutes")]


def test_counts_but_not_years_ordinals_or_periods() -> None:
    body = "Rund 1.200 Soldaten und zwei Fregatten kamen 2021 an, am 3. Mai, vor drei Jahren, zum 5. Mal."
    assert amounts(body) == [(1200.0, "count", "1.200 Soldaten"), (2.0, "count", "zwei Fregatten")]


def test_parse_number() -> None:
    assert parse_number("1.234.567,8") == 1234567.8
    assert parse_number("anderthalb") == 1.5
    assert parse_number("Zwölf") == 12
    assert parse_number("viele") is None
