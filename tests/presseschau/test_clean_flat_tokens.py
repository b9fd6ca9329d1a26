"""The tokens of a flattened page (`presseschau.clean.flat_tokens`)."""

from __future__ import annotations

import pytest

from presseschau.clean import clean_document
from tests.fixtures.clean.flat import BODY, MENU


@pytest.mark.parametrize(
    "stamp",
    ["Hanna Keller30 01 2024 ", "Hanna Keller 30 01 202430 Januar 2024 "],
    ids=["to-a-name", "to-a-year"],
)
def test_flattened_date_glued_to_the_word_before_it(stamp: str) -> None:
    # Two elements the page set without a space between: the name (or a date's year) and the date.
    page = MENU + "Hafenstadt plant neue Fährlinie " + stamp + BODY + "Impressum"
    doc = clean_document(page, "flattened")
    assert (doc.published, doc.authors) == ("2024-01-30", ("Hanna Keller",))
