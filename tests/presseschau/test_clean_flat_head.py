"""The article's stamp and byline on a flattened page (`presseschau.clean.flat_head`)."""

from __future__ import annotations

import pytest

from presseschau.clean import clean_document
from tests.fixtures.clean.flat import BODY, MENU


def test_flattened_plain_date_in_the_opening_dates_the_article() -> None:
    # A date without time or label after the article's first sentence (where a layout sets the
    # picture credit): no other stamp on the page, so it is the article's.
    opening = "Die Stadt will ab dem Sommer eine neue Fährlinie über die Förde einrichten "
    page = MENU + "Hafenstadt plant neue Fährlinie " + opening + "12 12 2022 " + BODY * 2
    page += "Impressum Datenschutz " + MENU
    assert clean_document(page, "flattened").published == "2022-12-12"


def test_flattened_stamp_far_above_the_article_dates_it() -> None:
    # The stamp stands by the headline, a long list of teaser links parts it from the text.
    teasers = "".join(f"Neue Busspur Nummer {n} kommt später " for n in range(30))
    page = MENU + "Hafenstadt plant neue Fährlinie 4 März 2025 " + teasers + BODY * 2
    page += "Impressum Datenschutz " + MENU
    assert clean_document(page, "flattened").published == "2025-03-04"


def test_flattened_timed_stamp_over_a_nearer_plain_date() -> None:
    # The caption of the picture above the text dates the picture, not the article.
    head = "Hafenstadt plant neue Fährlinie 02 04 2025 18 03 Uhr Foto Archiv der Stadtwerke vom 12 03 2019 "
    page = MENU + head + BODY + "Impressum Datenschutz"
    assert clean_document(page, "flattened").published == "2025-04-02T18:03"


def test_flattened_stamp_with_um_and_the_byline_beside_it_far_above_the_text() -> None:
    # Stamp and byline under the headline, a gallery of teasers between them and the text.
    teasers = "".join(f"Neue Busspur Nummer {n} kommt später " for n in range(30))
    head = "Hafenstadt plant neue Fährlinie Veröffentlicht am 02 04 25 um 07 39 Uhr Hanna Keller Teilen "
    page = MENU + head + teasers + BODY * 2 + "Impressum Datenschutz"
    doc = clean_document(page, "flattened")
    assert (doc.published, doc.authors) == ("2025-04-02T07:39", ("Hanna Keller",))


def test_flattened_month_first_stamp() -> None:
    page = MENU + "Hafenstadt plant neue Fährlinie Von Anna Berger Oct 24 2023 " + BODY
    assert clean_document(page + "Impressum", "flattened").published == "2023-10-24"


def test_flattened_first_date_in_a_text_that_took_in_the_teaser_above_its_head() -> None:
    # Prose above the headline reads as part of the text, and the date stands far into it.
    teaser = "Die Stadtwerke wollen in den nächsten Jahren auch die Busse auf Strom umstellen " * 5
    page = MENU + teaser + "Hafenstadt plant neue Fährlinie 12 12 2022 " + BODY
    assert clean_document(page + "Impressum", "flattened").published == "2022-12-12"


@pytest.mark.parametrize("stamp", ["20 00 29 Jan 2024", "20 00 29 01 2024"], ids=["month-name", "numeric"])
def test_flattened_time_before_the_date(stamp: str) -> None:
    page = MENU + "Hafenstadt plant neue Fährlinie Hanna Keller " + stamp + " " + BODY
    doc = clean_document(page + "Impressum", "flattened")
    assert (doc.published, doc.authors) == ("2024-01-29T20:00", ("Hanna Keller",))


@pytest.mark.parametrize(("stamp", "published"), [("06 11 23", "2023-11-06"), ("6 11 23", None)])
def test_flattened_two_digit_year_with_two_digit_day_and_month(stamp: str, published: str | None) -> None:
    # Written with leading zeros the three numbers are a date; "6 11 23" may be any three counts.
    page = MENU + "Hafenstadt plant neue Fährlinie Von Hanna Keller " + stamp + " " + BODY
    assert clean_document(page + "Impressum", "flattened").published == published


def test_flattened_date_printed_twice_in_a_row_is_one_stamp() -> None:
    # Two renderings of one date (for two screen sizes): the text starts right after both.
    head = "Hafenstadt plant neue Fährlinie Hanna Keller 30 01 2024 30 Januar 2024 Tausende "
    body = "standen für die neue Linie am Hafen in der Kälte und warteten auf das erste Schiff "
    doc = clean_document(MENU + head + body + BODY + "Impressum", "flattened")
    assert doc.body.startswith("Tausende standen") and doc.authors == ("Hanna Keller",)
