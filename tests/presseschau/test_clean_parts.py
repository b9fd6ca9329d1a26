"""The building blocks of cleaning: names, bylines, dates, datelines, captions, segments."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from presseschau.clean import remove_segments, split_segments
from presseschau.clean.boilerplate import heads_related_content, is_interface_text, is_paywall_text
from presseschau.clean.byline import parse_byline, parse_translators
from presseschau.clean.captions import credit_of
from presseschau.clean.dateline import split_dateline
from presseschau.clean.dates import (
    find_stamp,
    iso_from_timestamp,
    opening_stamp,
    parse_date_line,
    states_time_ago,
)
from presseschau.clean.names import split_names
from presseschau.clean.outlets import find_outlet
from presseschau.clean.resources import data_lines
from presseschau.clean.shape import matching_key


def test_split_names_prefers_rare_first_names_as_surnames() -> None:
    tokens = ["Laura", "Becker", "Ann", "Dorit", "Brück", "Georg", "Tiedemann"]
    assert split_names(tokens) == [["Laura", "Becker"], ["Ann", "Dorit", "Brück"], ["Georg", "Tiedemann"]]
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


@pytest.mark.parametrize(
    ("text", "authors", "agencies"),
    [
        ("Von Anna Krüger, ARD-Studio Paris", ("Anna Krüger",), ()),
        ("Anna Krüger/dpa", ("Anna Krüger",), ("dpa",)),
        ("Von Holger Brenneke Leitender Redakteur Wirtschaft", ("Holger Brenneke",), ()),
        ("Von Ulrich EbelingKorrespondent", ("Ulrich Ebeling",), ()),
        ("Autorin/Autor Roman Kowalenko", ("Roman Kowalenko",), ()),
        ("Kolumne von Lars Wittenbrink", ("Lars Wittenbrink",), ()),
        ("Julia Kessin | Clare Dunn", ("Julia Kessin", "Clare Dunn"), ()),
        ("Quelle: dpa Sport", (), ("dpa",)),
        ("(FR mit AFP)", (), ("AFP",)),
        ("Von Anna Krüger, Redaktion NRW", ("Anna Krüger",), ()),
        ("Von Anna Krüger, Team POLITIK", ("Anna Krüger",), ()),
        ("Von: Bill MALLORY, Talisa BRÜGGEMEIER", ("Bill MALLORY", "Talisa BRÜGGEMEIER"), ()),
    ],
)
def test_bylines_keep_agencies_and_desks_apart_from_people(
    text: str, authors: tuple[str, ...], agencies: tuple[str, ...]
) -> None:
    byline = parse_byline(text)
    assert byline is not None
    assert (byline.authors, byline.agencies) == (authors, agencies)


@pytest.mark.parametrize("text", ["Alle Themen", "Meine SZ", "ARD Sounds", "Effiziente Hybridbatterie"])
def test_menu_labels_are_no_bylines_even_beside_a_date(text: str) -> None:
    assert parse_byline(text, expected=True) is None


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
    assert parse_date_line("4 März 2025 18 03 Uhr", flattened=True) == ("2025-03-04T18:03", False)


@pytest.mark.parametrize(
    ("text", "iso", "parts"),
    [
        ("28.04.2024, 17:19 Uhr • Lesezeit: 8 Minuten", "2024-04-28T17:19", ("Lesezeit 8 Minuten",)),
        ("Bettina Kugler 19.10.2019, 05:00 Uhr", "2019-10-19T05:00", ("Bettina Kugler",)),
        (
            "23.06.2016 um 16:14 Uhr - Markus Reuter - 91 Ergänzungen",
            "2016-06-23T16:14",
            ("Markus Reuter", "91 Ergänzungen"),
        ),
        (
            "Von Jan Berkel | Oct 24, 2023 | Zuletzt geändert: Nov 7, 2023",
            "2023-10-24",
            ("Von Jan Berkel", "geändert"),
        ),
        ("Mittwoch, 01. November 2023 - Hafen", "2023-11-01", ("Hafen",)),
        ("19.10.2019 12.09", "2019-10-19T12:09", ()),
    ],
)
def test_date_stamps_share_a_line_with_bylines_and_labels(
    text: str, iso: str, parts: tuple[str, ...]
) -> None:
    stamp = find_stamp(text)
    assert stamp is not None and (stamp.iso, stamp.parts) == (iso, parts)


def test_date_stamps_updates_relative_stamps_and_running_text() -> None:
    update = find_stamp("Zuletzt aktualisiert am 3. März 2025")
    assert update is not None and update.updated and update.iso == "2025-03-03"
    now = dt.datetime(2025, 3, 4, 17, 5, tzinfo=dt.UTC)
    relative = find_stamp("vor 3 Stunden", now=now)
    assert relative is not None and relative.iso == "2025-03-04T15:05"
    assert find_stamp("vor 3 Stunden") is None
    assert find_stamp("gestern, 18:30 Uhr", now=now).iso == "2025-03-03T18:30"  # type: ignore[union-attr]
    running = "Am 12. Februar 2025 telefonierte der Präsident lange mit seinem Amtskollegen in Moskau, " * 2
    assert find_stamp(running) is None


def test_slash_dates_and_compound_date_labels() -> None:
    stamp = find_stamp("Publiziert 02/02/2022 um 09:23 GMT")
    assert stamp is not None and (stamp.iso, stamp.labelled) == ("2022-02-02T09:23", True)
    assert find_stamp("1/2/23") is None  # a two-digit year only after dots: this is no date
    assert find_stamp("12/19/2019") is None  # month first: no 19th month, no date read wrong
    stamp = find_stamp("Erscheinungsdatum: 07.02.2022")
    assert stamp is not None and stamp.labelled
    assert parse_date_line("Erscheinungsdatum: 07.02.2022") == ("2022-02-07", False)


def test_a_count_the_text_copy_ran_into_the_year_leaves_the_date() -> None:
    stamp = find_stamp("06/11/20230 Kommentare")
    assert stamp is not None and (stamp.iso, stamp.parts) == ("2023-11-06", ("0 Kommentare",))
    assert find_stamp("06.11.20231234 Aufrufe") is None  # more digits than a count glued on


def test_a_comment_stamp_says_how_long_ago_it_was_posted() -> None:
    assert states_time_ago("50 Minuten 46 Sekunden her")
    assert states_time_ago("GuterMensch vor 3 Stunden")
    assert states_time_ago("vor einer Stunde")
    assert not states_time_ago("Die Entscheidung fiel vor 3 Stunden in Berlin")
    assert not states_time_ago("Das ist lange her")


def test_a_stamp_run_into_the_opening_of_a_paragraph() -> None:
    assert (
        opening_stamp("19.10.2019, 15:30 UhrAm 8. Spieltag treffen Dortmund und Gladbach")
        == "2019-10-19T15:30"
    )
    assert opening_stamp("Red. / 31.10.2023 Die ehemalige Kolonie steht vor dem Niedergang.") == "2023-10-31"
    # The date closed by a full stop, as a dateline is.
    assert opening_stamp("31. Oktober 2023. Dragqueens stehen auf vielen Bühnen.") == "2023-10-31"
    # A sentence naming a date is no stamp.
    assert opening_stamp("Am 12. Februar 2025 telefonierte der Präsident lange mit Moskau.") is None
    assert opening_stamp("12.02.2025 war ein kalter Tag in Kiel, sagte die Sprecherin.") is None


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
    assert credit_of("Erster Entwurf: So könnte die Brücke über den Hafen aussehen") is None
    # A credit's label stands before the text's last colon, its "©" is the last one.
    assert credit_of("Er sagte: Wir bleiben. Sie sagte: Wir gehen. Bild: Ana Ruiz/AFP") == "Ana Ruiz/AFP"
    assert credit_of("Illustration   : Anna Muster") == "Anna Muster"
    assert credit_of("Die Ministerin sagte: Wir bleiben. Der Hafen am Abend © Max Muster") == "Max Muster"
    assert credit_of("Der Hafen im Abendlicht. Foto: © Max Muster") == "© Max Muster"


def test_paywall_markers_open_with_a_letter_and_close_with_a_word_character() -> None:
    # The boilerplate step looks for them in the blocks' matching keys first, which have lost
    # a list marker ("- ", "1. ") and the punctuation at their edges, and are single-spaced.
    markers = data_lines("paywall_markers.txt")
    assert markers
    for marker in markers:
        assert marker[0].isalpha() and re.match(r"\w", marker[-1]) and " ".join(marker.split()) == marker


def test_outlet_named_as_a_word_of_its_own() -> None:
    assert find_outlet(["Startseite", "Mehr von SPIEGEL+ und Politik"]) == "DER SPIEGEL"
    assert find_outlet(["meinSPIEGEL", "Newsletter"]) is None
    assert find_outlet(["Der Newsletter von RP ONLINE"]) == "Rheinische Post"


def test_segments_round_trip() -> None:
    body = "Erster Absatz.\n\nFolgen Sie uns auch auf  Instagram!\n\nLetzter Absatz."
    assert split_segments(body) == ["Erster Absatz.", "Folgen Sie uns auch auf Instagram!", "Letzter Absatz."]
    assert (
        remove_segments(body, {"Folgen Sie uns auch auf Instagram!"}) == "Erster Absatz.\n\nLetzter Absatz."
    )
    assert remove_segments(body, set()) == body


def test_every_paywall_marker_is_found_in_any_case_within_text() -> None:
    # Markers are searched only where a word of their group occurs: each must still be found.
    # "Jetzt Abo abschließen" went unfound: the text is case folded ("ß" → "ss"), the marker was not.
    markers = data_lines("paywall_markers.txt")
    assert len(markers) >= 20
    for marker in markers:
        for written in (marker, marker.upper(), marker.capitalize()):
            assert is_paywall_text(f"Der Text davor. {written} und danach."), written
    assert not is_paywall_text("Der Artikel ist bereits erschienen; jetzt weiter im Text.")


@pytest.mark.parametrize(
    ("text", "paywall"),
    [
        ("Sie haben bereits ein Abo? Melden Sie sich an.", True),  # the marker opens the text
        ("Bereits gestern und bereits heute: Sie sind bereits Abonnent", True),  # at the third "bereits"
        ("Sie haben bereits ein Auto und bereits ein Haus.", False),
    ],
)
def test_a_paywall_marker_is_found_at_any_occurrence_of_its_groups_word(text: str, paywall: bool) -> None:
    assert is_paywall_text(text) is paywall


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Video verfügbar bis 28.02.2021", True),
        ("02:57 Min.. Verfügbar bis 06.05.2024.", True),
        ("Audio verfügbar bis 1.3.25, 18:00 Uhr", True),
        ("Das Angebot ist verfügbar bis 2025.", False),
        ("Verfügbar bis Ende März sind nur noch Restposten", False),
    ],
)
def test_how_long_a_clip_stays_online_is_interface_text(line: str, label: bool) -> None:
    assert is_interface_text(line) is label


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Detailansicht öffnen", True),
        ("5 Bilder - Fotostrecke öffnen", True),
        ("per Mail an Freunde teilen", True),  # four words before the verb
        ("Artikel per Mail an Freunde teilen", False),  # five
        ("Schulen schließen heute", False),  # the verb does not close the line
        ("Fotostrecke öffnen\tjetzt", False),
    ],
)
def test_a_few_words_before_a_verb_of_the_pages_machinery_are_interface_text(line: str, label: bool) -> None:
    assert is_interface_text(line) is label


def test_a_related_content_heading_behind_an_icons_name_heads_related_content() -> None:
    assert heads_related_content(matching_key("filter_none WEITERE BEITRÄGE ZU DIESEM ARTIKEL"))
    assert not heads_related_content(matching_key("chat_bubble 0 Kommentare"))
