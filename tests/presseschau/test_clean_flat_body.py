"""The body of a flattened page and its author box (`presseschau.clean.flat_body`)."""

from __future__ import annotations

from presseschau.clean import clean_document
from tests.fixtures.clean.flat import BODY, HEADLINE, MENU


def test_flattened_author_box_after_the_article() -> None:
    # The byline's name printed again at the end of the text opens the author's box.
    head = HEADLINE + "Von Hanna Keller 02 04 2025 "
    box = "Hanna Keller ist Redakteurin im Ressort Kiel und schreibt gern über Schiffe und die Förde "
    doc = clean_document(MENU + head + BODY * 2 + box + "Impressum", "flattened")
    assert doc.body.endswith(BODY.strip()) and doc.authors == ("Hanna Keller",)


def test_flattened_name_the_text_is_about_is_no_author_box() -> None:
    # The text names the byline's name before its last quarter too: there it is whom the text
    # is about (a byline read from a subject's name), and it opens no author box.
    olsen = (
        "Nach Angaben von Jens Olsen soll der Betrieb im Mai beginnen und die Stadt zahlt dafür in "
        "den ersten zwei Jahren einen Zuschuss von jährlich rund einer Million Euro an die Reederei "
        "die dafür auch am Wochenende und an den Feiertagen im Stundentakt fahren muss "
    )
    end = "Jens Olsen will die Linie schon im nächsten Jahr bis nach Laboe verlängern lassen"
    page = MENU + "Hafenstadt plant neue Fährlinie Von Jens Olsen 04 03 2025 18 03 "
    page += BODY + olsen + end + " Impressum Datenschutz " + MENU
    doc = clean_document(page, "flattened")
    assert doc.authors == ("Jens Olsen",) and doc.body.endswith(end)
