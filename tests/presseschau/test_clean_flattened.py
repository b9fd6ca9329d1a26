"""Flattened pages read whole (`presseschau.clean.flattened`): what a reader of the page sees."""

from __future__ import annotations

from presseschau.clean import clean_document
from tests.fixtures.clean import clean_fixture
from tests.fixtures.clean.flat import BODY, HEADLINE, MENU


def test_free_flattened_page() -> None:
    doc = clean_fixture("flattened_free.txt")
    # The headline above the teaser, with its kicker; the page title it opens with says the same.
    assert doc.title == "Orkan Zeynep Fähren bleiben im Hafen"
    assert doc.outlet == "Inselblatt"
    assert doc.authors == ("Tjark Ubben", "Meike Hinrichs")
    assert doc.published == "2025-03-14T08:15"
    assert doc.lead == (
        "Wegen des Sturms fällt der Fährverkehr zu den Inseln auch am Freitag aus "
        "Urlauber müssen sich auf längere Wartezeiten einstellen"
    )
    assert not doc.paywalled
    assert "Die Reedereien wollen am Samstagmorgen entscheiden" in doc.body
    for dropped in ("Merkliste", "Mehr zum Thema", "Deiche halten", "Impressum", "Wartende Autos", "Menü"):
        assert dropped not in doc.body


def test_flattened_paywall_leaves_only_the_teaser() -> None:
    page = (
        "Neue Regeln für Mieter was sich ändert Mietblatt Zum Inhalt springen Mietblatt Startseite Wohnen "
        "Neue Regeln für Mieter was sich ändert Suche öffnen "
        "Mietrecht Neue Regeln für Mieter was sich ändert "
        "Ab Juli gelten strengere Vorgaben für Nebenkostenabrechnungen "
        "und was Vermieter jetzt beachten müssen "
        "Von Hanna Keller 02 04 2025 07 30 Uhr Link kopieren Diesen Artikel weiterlesen mit Mietblatt plus "
        "Jetzt abonnieren Impressum Datenschutz " + "Wohnen Bauen Garten Finanzen Recht " * 40
    )
    doc = clean_document(page, "flattened")
    assert doc.paywalled
    assert doc.body == doc.lead
    assert doc.lead is not None and doc.lead.startswith("Ab Juli gelten")
    assert doc.authors == ("Hanna Keller",)
    assert doc.published == "2025-04-02T07:30"


def test_flattened_page_without_byline_falls_back_to_longest_prose_run() -> None:
    prose = (
        "die Stadt hat am Abend entschieden dass der Markt auf dem Platz bleibt und nicht verlegt wird "
        "die Händler hatten sich in einer Umfrage mit großer Mehrheit für den alten Standort ausgesprochen "
        "und der Rat folgte ihnen nach einer langen Debatte mit nur zwei Gegenstimmen "
    )
    page = "Startseite Politik Sport Kultur Zum Inhalt springen " + prose + "Impressum Datenschutz Kontakt"
    doc = clean_document(page, "flattened")
    assert doc.body == prose.strip()
    assert doc.published is None and doc.authors == ()


def test_flattened_page_without_page_title_headline_byline_and_short_year_stamp() -> None:
    page = (
        MENU
        + "Kiel Hafenstadt plant neue Fährlinie 04 03 25 18 03 "
        + "Von Anna Berger und Lukas Wendt Die Stadtwerke haben lange gezögert "
        + BODY
        + "Mehr zum Thema Hafenstadt plant neue Fährlinie Neue Busspur kommt später Impressum Datenschutz "
        + MENU
    )
    doc = clean_document(page, "flattened")
    assert doc.title == "Hafenstadt plant neue Fährlinie"
    assert doc.published == "2025-03-04T18:03"
    # The byline ends with the one name after "und": "Die Stadtwerke" opens the text.
    assert doc.authors == ("Anna Berger", "Lukas Wendt")
    assert doc.body.startswith("Die Stadtwerke haben lange gezögert Die Stadt will")
    assert "Busspur" not in doc.body and "Ratgeber" not in doc.body


def test_flattened_head_is_read_above_an_opening_shattered_by_names() -> None:
    # Runs of names split the first paragraph, so that the clean prose starts far below the
    # head; the text opens at that paragraph still, and the head stands right above it.
    shattered = (
        "Der Wirtschaftsausschuss der Stadt Kiel Ost hat am Dienstag mit den Stimmen von SPD CDU Grünen "
        "FDP und SSW beschlossen dass die Stadtwerke Kiel Förde Linie GmbH zwei Schiffe der Reederei "
        "Bodensee Schifffahrt Lindau kauft die bisher als MS Lindau Bayern und MS Friedrichshafen Süd "
        "im Dienst waren und dass sie ab dem 1 Juni 2025 zwischen Kiel Hauptbahnhof Bahnhofskai und "
        "Dietrichsdorf Ostufer Anleger fahren die Kosten trägt laut Oberbürgermeister Ulf Kämpfer Rathaus "
        "Kiel zur Hälfte das Land Schleswig Holstein Landesregierung Kiel und zur anderen Hälfte der Bund "
        "über das Programm Klimaschutz Nahverkehr Förderung Bund Länder wie Stadtrat Jens Olsen SPD "
        "Fraktion Kiel am Abend sagte "
    )
    head = "Hafenstadt plant neue Fährlinie über die Förde Von Meike Hinrichs 5 März 2025 07 30 Uhr "
    doc = clean_document(
        MENU * 3 + head + shattered * 2 + BODY * 3 + "Impressum Datenschutz " + MENU, "flattened"
    )
    assert doc.title == "Hafenstadt plant neue Fährlinie über die Förde"
    assert doc.published == "2025-03-05T07:30"
    assert doc.authors == ("Meike Hinrichs",)


def test_flattened_notice_above_the_headline_is_no_part_of_the_text() -> None:
    # An affiliate notice set above the headline reads as prose, and the article's cluster of
    # prose opens with it; the text opens under the headline (printed twice here).
    notice = (
        "Für Links auf dieser Seite erhält die Zeitung vom Händler eine kleine Provision "
        "die am Preis für Sie nichts ändert "
    )
    page = (
        MENU * 3
        + notice
        + "Hafenstadt Kiel "
        + HEADLINE * 2
        + "5 März 2025 07 30 Uhr "
        + BODY * 3
        + "Impressum Datenschutz "
        + MENU
    )
    doc = clean_document(page, "flattened")
    assert doc.title == HEADLINE.strip()
    assert doc.body.startswith("Die Stadt will ab dem Sommer")
