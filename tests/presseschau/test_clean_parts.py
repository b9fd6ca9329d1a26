"""The building blocks of cleaning: names, bylines, dates, datelines, captions, segments."""

from __future__ import annotations

import pytest

from presseschau.clean import remove_segments, split_segments
from presseschau.clean.byline import parse_byline, parse_translators
from presseschau.clean.captions import credit_of
from presseschau.clean.dateline import split_dateline
from presseschau.clean.dates import iso_from_timestamp, parse_date_line
from presseschau.clean.names import split_names


def test_split_names_prefers_rare_first_names_as_surnames() -> None:
    tokens = ["Laura", "Becker", "Ann", "Dorit", "Boy", "Georg", "Fahrion"]
    assert split_names(tokens) == [["Laura", "Becker"], ["Ann", "Dorit", "Boy"], ["Georg", "Fahrion"]]
    assert split_names(["Ursula", "von", "der", "Leyen"]) == [["Ursula", "von", "der", "Leyen"]]
    assert split_names(["Neue", "Regeln"]) is None


@pytest.mark.parametrize(
    ("text", "authors", "place"),
    [
        ("Von Max Mustermann, Berlin", ("Max Mustermann",), "Berlin"),
        (
            "Von Anna Schmidt und Tetiana Kowalenko, Politikredaktion",
            ("Anna Schmidt", "Tetiana Kowalenko"),
            None,
        ),
        ("Sabine Krüger Washington", ("Sabine Krüger",), "Washington"),
        ("By John Smith and Jane Doe", ("John Smith", "Jane Doe"), None),
        ("Ein Kommentar von Heribert Walter", ("Heribert Walter",), None),
    ],
)
def test_bylines(text: str, authors: tuple[str, ...], place: str | None) -> None:
    byline = parse_byline(text)
    assert byline is not None
    assert (byline.authors, byline.place) == (authors, place)


@pytest.mark.parametrize(
    "text", ["Das Treffen von Trump und Putin", "Verlorenes Vertrauen", "Mehr zum Thema", ""]
)
def test_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


def test_flattened_byline_restores_double_first_names() -> None:
    byline = parse_byline("Von Eva Maria Kolb und Paul Brandt", flattened=True)
    assert byline is not None and byline.authors == ("Eva-Maria Kolb", "Paul Brandt")


def test_translators() -> None:
    assert parse_translators("Adaptiert aus dem Englischen von Mira Sander.") == ("Mira Sander",)
    assert parse_translators("Übersetzung: Jan Ott und Ida Berg") == ("Jan Ott", "Ida Berg")
    assert parse_translators("Aus dem Englischen kommt das Wort Computer, wie jeder weiß.") is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("24. Februar 2025", "2025-02-24"),
        ("Stand: 03.03.2025 14:22 Uhr", "2025-03-03T14:22"),
        ("Montag, 24. Februar 2025, 13:14 Uhr", "2025-02-24T13:14"),
        ("February 24, 2025", "2025-02-24"),
        ("Veröffentlicht am 1.3.2025", "2025-03-01"),
    ],
)
def test_date_lines(text: str, iso: str) -> None:
    assert parse_date_line(text) == (iso, False)


def test_date_lines_reject_prose_and_impossible_dates() -> None:
    assert parse_date_line("Am 12. Februar 2025 telefonierte der Präsident lange") is None
    assert parse_date_line("31.02.2025") is None
    assert parse_date_line("Aktualisiert am 24.02.2025") == ("2025-02-24", True)
    assert parse_date_line("21 02 2025 13 14 Uhr", flattened=True) == ("2025-02-21T13:14", False)


def test_timestamps_keep_printed_local_time() -> None:
    assert iso_from_timestamp("2025-02-24T10:15:00+01:00") == "2025-02-24T10:15"
    assert iso_from_timestamp("2025-07-24T08:15:00Z") == "2025-07-24T10:15"
    assert iso_from_timestamp("2025-02-24") == "2025-02-24"
    assert iso_from_timestamp("gestern") is None


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("Berlin. Die Regierung hat beschlossen.", "Berlin"),
        ("Sumy, Ukraine - Am Morgen fielen Schüsse.", "Sumy, Ukraine"),
        ("MÜNCHEN (dpa) – Der Stadtrat tagt.", "München"),
        ("Frankfurt am Main - Die Börse schloss fester.", "Frankfurt am Main"),
        ("Nein. Das wollte niemand.", None),
        ("Trump - ein Präsident, der polarisiert.", None),
    ],
)
def test_datelines(paragraph: str, dateline: str | None) -> None:
    split = split_dateline(paragraph)
    assert (split[0] if split else None) == dateline


def test_credits() -> None:
    assert credit_of("Ein Bild vom Hafen (ArchivbildBild: Ole Sand/IMAGO") == "Ole Sand/IMAGO"
    assert credit_of('Er sprach von einer "Blase"Bild: Ana Ruiz/AFP') == "Ana Ruiz/AFP"
    assert credit_of("Foto: dpa") == "dpa"
    assert credit_of("Ein Vorbild: So sollte es sein. Und das war es auch am Ende des Tages.") is None


def test_segments_round_trip() -> None:
    body = "Erster Absatz.\n\nFolgen Sie uns auch auf  Instagram!\n\nLetzter Absatz."
    assert split_segments(body) == ["Erster Absatz.", "Folgen Sie uns auch auf Instagram!", "Letzter Absatz."]
    assert (
        remove_segments(body, {"Folgen Sie uns auch auf Instagram!"}) == "Erster Absatz.\n\nLetzter Absatz."
    )
    assert remove_segments(body, set()) == body
