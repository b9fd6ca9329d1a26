"""An image credit on a flattened page (`presseschau.clean.flat_credit`)."""

from __future__ import annotations

import random

from presseschau.clean.flat_credit import image_credit
from presseschau.clean.flat_page import read_page


def test_the_credit_label_nearest_the_agencies_and_every_agency_after_it() -> None:
    tokens = read_page("Bild vergrößern Foto M Archiv Getty Images dpa Die Stadt will", None).tokens
    # Both labels reach the agencies; "Foto" stands nearer, and the second agency follows the first.
    assert image_credit(tokens, range(len(tokens)), len(tokens)) == (2, 8)


def test_no_credit_without_an_agency_near_its_label() -> None:
    tokens = read_page(
        "Foto der Woche Die Stadt will ab dem Sommer eine neue Fährlinie einrichten", None
    ).tokens
    assert image_credit(tokens, range(len(tokens)), len(tokens)) is None


def test_credit_labels_looked_for_among_the_listed_words_only() -> None:
    # The page's listed words hold every credit label: the same credit as trying every token,
    # on made-up pages of labels, agencies in any case and other words.
    words = ["Foto", "Bild", "foto", "Quelle", "dpa", "Getty", "Images", "AFP", "Stadt", "die", "M"]
    rng = random.Random(2)
    found = 0
    for _ in range(300):
        page = read_page(" ".join(rng.choices(words, k=rng.randrange(1, 40))), None)
        tokens = page.tokens
        low = rng.randrange(len(tokens))
        high = rng.randrange(low, len(tokens) + 1)
        expected = image_credit(tokens, range(low, high), high)
        assert image_credit(tokens, page.listed(low, high), high) == expected
        found += expected is not None
    assert found > 50
