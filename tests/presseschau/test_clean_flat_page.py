"""What a flattened page repeats (`presseschau.clean.flat_page`)."""

from __future__ import annotations

from presseschau.clean import clean_document
from tests.fixtures.clean.flat import BODY, MENU


def test_flattened_notice_printed_twice_is_no_article() -> None:
    # A notice the page sets twice (for two screen sizes) reads as prose, but it is furniture.
    notice = (
        "Für Links auf dieser Seite erhält die Redaktion eine kleine Provision wenn Sie dort etwas kaufen "
    )
    page = MENU + notice + notice + "Startseite Kiel Hafenstadt plant neue Fährlinie " + BODY
    body = clean_document(page + "Impressum Datenschutz", "flattened").body
    assert "Provision" not in body and body.endswith(BODY.strip())
