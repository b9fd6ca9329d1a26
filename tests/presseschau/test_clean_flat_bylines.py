"""Bylines on a flattened page (`presseschau.clean.flat_bylines`)."""

from __future__ import annotations

import random

import pytest

from presseschau.clean import clean_document
from presseschau.clean.boilerplate import is_interface_text
from presseschau.clean.flat_bylines import interface_run_end
from presseschau.clean.resources import phrase_set
from tests.fixtures.clean.flat import BODY, HEADLINE, MENU


def test_flattened_names_beside_a_stamp_and_the_noun_ending_the_text() -> None:
    page = (
        MENU
        + "Hafenstadt plant neue Fährlinie Hafenstadt plant neue Fährlinie "
        + "veröffentlicht am 4 März 2025 18 03 Uhr Tobias Kröning "
        + BODY
        + "Fährlinie Impressum Datenschutz Kontakt Karriere"
    )
    doc = clean_document(page, "flattened")
    assert doc.published == "2025-03-04T18:03"
    assert doc.authors == ("Tobias Kröning",)
    assert doc.body.endswith("im Einsatz waren Fährlinie")


def test_flattened_names_right_before_a_stamp_are_the_byline() -> None:
    # The weekday the stamp opens with is no part of the name; a name the page links and
    # prints beside the link is one author.
    page = MENU + "Hafenstadt plant neue Fährlinie Hanna Keller Hanna Keller Mi 02 04 2025 " + BODY
    assert clean_document(page + "Impressum Datenschutz", "flattened").authors == ("Hanna Keller",)


def test_flattened_name_after_a_preposition_before_a_stamp_is_no_byline() -> None:
    page = MENU + "Das Hafen Update mit Hanna Keller 02 04 2025 " + BODY
    assert clean_document(page + "Impressum Datenschutz", "flattened").authors == ()


@pytest.mark.parametrize(
    "head, tail",
    [
        # An author box after the text: a label for either gender, then the name.
        ("Hafenstadt plant neue Fährlinie ", "Datum 02 04 2025 Autorin Autor Lukas Wendt "),
        ("Hafenstadt plant neue Fährlinie Ein Kommentar von Lukas Wendt ", ""),
    ],
    ids=["two-labels", "kommentar-von"],
)
def test_flattened_byline_opened_by_two_labels_or_a_lower_case_von(head: str, tail: str) -> None:
    page = MENU + head + BODY + tail + "Impressum Datenschutz"
    assert clean_document(page, "flattened").authors == ("Lukas Wendt",)


@pytest.mark.parametrize(
    "head",
    [
        # A job title after the name says it is a byline, though a verb ends the headline before it.
        "Wann sie fährt und wie teuer sie wird Hanna Keller Redakteurin 02 04 2025 ",
        # The picture credit after the byline names its photographer, not an author.
        "Hafenstadt plant neue Fährlinie Von Hanna Keller Foto Karl Meier 02 04 2025 ",
    ],
    ids=["job-title", "credit"],
)
def test_flattened_byline_beside_a_job_title_or_a_credit(head: str) -> None:
    page = MENU + head + BODY + "Impressum"
    assert clean_document(page, "flattened").authors == ("Hanna Keller",)


def test_flattened_reading_time_between_stamp_and_names() -> None:
    head = "Hafenstadt plant neue Fährlinie 02 04 2025 07 30 Lesedauer 7 Minuten Hanna Keller "
    doc = clean_document(MENU + head + BODY + "Impressum", "flattened")
    assert (doc.published, doc.authors) == ("2025-04-02T07:30", ("Hanna Keller",))


def test_flattened_names_on_both_sides_of_the_stamp_after_a_verb() -> None:
    # A verb ends the teaser before the names, but the page prints them again after the stamp.
    head = "Was die Stadt für die Linie gekauft hat Jonas Brandt 02 04 2025 18 03 Uhr Jonas Brandt Formel 1 "
    doc = clean_document(MENU + head + BODY + "Impressum", "flattened")
    assert doc.authors == ("Jonas Brandt",)


def test_flattened_source_agency_right_after_the_stamp() -> None:
    # "Quelle: dpa Sport" without its colon: the agency the article comes from.
    head = HEADLINE + "Aktualisiert am 28 April 2023 20 22 Uhr Quelle dpa Sport Hinweis "
    doc = clean_document(MENU + head + BODY + "Impressum", "flattened")
    assert doc.authors == ("dpa",)


def test_flattened_von_and_names_before_a_labelled_stamp() -> None:
    head = HEADLINE + "Hauptinhalt von Hanna Keller NDR KIEL Stand 28 April 2023 05 00 Uhr "
    doc = clean_document(MENU + head + BODY + "Impressum", "flattened")
    assert doc.authors == ("Hanna Keller",)


@pytest.mark.parametrize(
    "stamp",
    ["02 04 2025 18 03 Uhr ", "vor 3 Stunden ", "vor 3 Stundenvor 3 Stunden "],
    ids=["dated", "relative", "relative-printed-twice"],
)
def test_flattened_two_names_after_a_question_beside_a_stamp(stamp: str) -> None:
    # A pronoun ends the headline, but two people's names in a row are a list no sentence
    # holds; a relative time stands where a stamp does, though no fetch time dates it.
    head = "Wie teuer wird die neue Fährlinie für sie Hanna Keller Jonas Brandt " + stamp
    doc = clean_document(MENU + head + BODY + "Impressum", "flattened")
    assert doc.authors == ("Hanna Keller", "Jonas Brandt")


def test_flattened_relative_time_a_sentence_runs_on_from_is_no_stamp() -> None:
    head = HEADLINE + "Wie Jonas Brandt vor 3 Tagen sagte "
    assert clean_document(MENU + head + BODY + "Impressum", "flattened").authors == ()


def test_flattened_initials_before_the_picture_credit_sign_the_text() -> None:
    page = MENU + HEADLINE + BODY + "mk jr Foto Karl Meier Impressum Datenschutz " + MENU
    assert clean_document(page, "flattened").authors == ("mk", "jr")


def test_flattened_one_lower_case_word_before_the_picture_credit_signs_nothing() -> None:
    page = MENU + HEADLINE + BODY + "Foto Karl Meier Impressum Datenschutz " + MENU
    assert clean_document(page.replace("im Einsatz waren", "im Einsatz gut"), "flattened").authors == ()


def test_flattened_three_names_opened_by_von_before_a_stamp() -> None:
    # Three authors run past the few tokens searched before the stamp; the lower-case "von"
    # that opens them all takes in the first.
    page = MENU + HEADLINE + "5 Minuten von Hanna Keller Jan von Berg Tobias Kröning 02 04 2025 " + BODY
    doc = clean_document(page + "Impressum Datenschutz", "flattened")
    assert doc.authors == ("Hanna Keller", "Jan von Berg", "Tobias Kröning")


def _interface_run_end_plainly(tokens: list[str], start: int) -> int:
    """`interface_run_end` read plainly: each run from the longest, its characters searched
    for a digit."""
    for end in range(min(len(tokens), start + 5), start + 1, -1):
        run = " ".join(tokens[start:end])
        listed = run.casefold() in phrase_set("boilerplate_lines.txt")
        if (listed or any(char.isdigit() for char in run)) and is_interface_text(run):
            return end
    return start


def test_interface_run_end_equals_a_plain_reading() -> None:
    # Made-up runs after a stamp: listed labels, counted labels ("12 Kommentare", "Lesedauer
    # 4 Minuten"), a superscript digit, names, at any place and near the page's end.
    words = [
        "Lesedauer",
        "4",
        "Minuten",
        "12",
        "Kommentare",
        "Artikel",
        "teilen",
        "Jetzt",
        "x²",
        "Jana",
        "Beck",
        "Bilder",
        "Bild",
        "3",
        "von",
        "9",
        "min",
        "Anzeige",
    ]
    rng = random.Random(11)
    found = 0
    for _ in range(3000):
        tokens = rng.choices(words, k=rng.randrange(0, 9))
        for start in range(len(tokens) + 1):
            end = interface_run_end(tokens, start)
            assert end == _interface_run_end_plainly(tokens, start), (tokens, start)
            found += end > start
    assert found > 500
