"""An image credit on a flattened page (`presseschau.clean.flat_credit`)."""

from __future__ import annotations

from presseschau.clean.flat_credit import image_credit
from presseschau.clean.flat_page import read_page


def test_the_credit_label_nearest_the_agencies_and_every_agency_after_it() -> None:
    tokens = read_page("Bild vergrößern Foto M Archiv Getty Images dpa Die Stadt will", None).tokens
    # Both labels reach the agencies; "Foto" stands nearer, and the second agency follows the first.
    assert image_credit(tokens, 0, len(tokens)) == (2, 8)


def test_no_credit_without_an_agency_near_its_label() -> None:
    tokens = read_page(
        "Foto der Woche Die Stadt will ab dem Sommer eine neue Fährlinie einrichten", None
    ).tokens
    assert image_credit(tokens, 0, len(tokens)) is None
