from __future__ import annotations

from presseschau.clean import clean_document
from tests.fixtures.clean import clean_fixture


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
