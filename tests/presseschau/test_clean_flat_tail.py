"""What ends the article on a flattened page (`presseschau.clean.flat_tail`)."""

from __future__ import annotations

import pytest

from presseschau.clean import clean_document
from tests.fixtures.clean.flat import MENU, TEASERS, article_page


def test_flattened_teasers_after_a_related_content_heading_are_no_article() -> None:
    # A heading of related content ends the article where no paragraph follows it: the teasers
    # after it are prose too, and a cluster of prose ran on through them.
    doc = clean_document(article_page("Weitere Themen " + TEASERS), "flattened")
    assert doc.body.endswith("im Einsatz waren")
    assert "Busspur" not in doc.body and "Fernwärme" not in doc.body


def test_flattened_box_inside_the_article_keeps_the_paragraphs_after_it() -> None:
    # A box inside the text ("Lesen Sie auch" and one teaser's title) is followed by the
    # article's next paragraph, names and numbers in its sentences included.
    rest = (
        "Für die neue Linie sind rund 2 1 Millionen Euro eingeplant sagt Stadtwerke Chef Jens Olsen "
        "und er rechnet damit dass die Fahrgäste im ersten Jahr vor allem aus den Stadtteilen am Ostufer "
        "kommen werden die bisher nur mit dem Bus in die Innenstadt fahren können "
    )
    page = article_page("Lesen Sie auch Neue Busspur kommt später " + rest)
    assert clean_document(page, "flattened").body.endswith("mit dem Bus in die Innenstadt fahren können")


@pytest.mark.parametrize(
    "prompt",
    [
        "Wählen Sie Ihren Zugang und lesen Sie weiter Digital Zugang",
        "Bitte aktivieren Sie Javascript Oder nutzen Sie das Angebot ohne Werbung mit RSS",
    ],
    ids=["paywall", "javascript"],
)
def test_flattened_site_prompt_right_after_the_text_is_no_article(prompt: str) -> None:
    # The site's words addressing the reader follow the last sentence with no label between.
    doc = clean_document(article_page(prompt + " "), "flattened")
    assert doc.body.endswith("im Einsatz waren")


def test_flattened_teaser_list_without_a_heading_is_no_article() -> None:
    # Four texts or more in a row at the end, each a few lines long and parted by titles, are a
    # list of teasers, though no heading announces them.
    teasers = TEASERS + "Neue Radwege Ostufer Die Stadt baut bis zum Herbst zwei neue Radwege am Ufer "
    doc = clean_document(article_page(teasers), "flattened")
    assert doc.body.endswith("im Einsatz waren")


def test_flattened_ticker_of_short_items_stays_whole() -> None:
    # Short texts parted by titles that make up most of the page are the article (a ticker).
    items = (
        "Hafen Kiel Meldung Die Fähre nach Laboe fährt heute wegen des Sturms mit einer Verspätung ab "
        "Hafen Kiel Wetter Am Nachmittag soll der Wind nachlassen und der Regen in Schnee übergehen "
        "Hafen Kiel Verkehr Die Brücke über den Kanal ist bis zum Abend für Lastwagen gesperrt "
        "Hafen Kiel Schulen Der Unterricht fällt an den Schulen der Stadt am Freitag nicht aus "
        "Hafen Kiel Strom In zwei Stadtteilen ist der Strom am Morgen für eine Stunde ausgefallen "
    )
    doc = clean_document(MENU + items + "Impressum Datenschutz " + MENU, "flattened")
    assert doc.body.endswith("für eine Stunde ausgefallen")
