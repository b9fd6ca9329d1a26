"""Picture captions inside the text of a flattened page (`presseschau.clean.flat_captions`)."""

from __future__ import annotations

import random

import pytest

from presseschau.clean import clean_document
from presseschau.clean.flat_captions import _COUNTER_REACH, gallery_counters
from tests.fixtures.clean.flat import BODY, HEADLINE, MENU

STAMP = "Von Hanna Keller 02 04 2025 11 30 Uhr "
CAPTION = "Die neue Fähre am Anleger in der Innenstadt wartet auf ihre erste Fahrt "


def test_flattened_caption_under_the_stamp_leaves_with_its_credit() -> None:
    # A caption set between the article's stamp and its text, closed by a labelled credit.
    page = MENU + HEADLINE + STAMP + CAPTION + "Foto Jens Olsen " + BODY * 3 + "Impressum " + MENU
    body = clean_document(page, "flattened").body
    assert body.startswith("Die Stadt will") and "Anleger" not in body and "Olsen" not in body


def test_flattened_caption_under_the_byline_closed_by_an_agency_alone() -> None:
    # The credit names the photographer before the agency, and the text follows the agency.
    head = HEADLINE + "Von Hanna Keller "
    page = MENU + head + CAPTION + "hkeller_ stock adobe com " + BODY * 3 + "Impressum " + MENU
    body = clean_document(page, "flattened").body
    assert body.startswith("Die Stadt will") and "Anleger" not in body and "adobe" not in body


def test_flattened_caption_placing_a_person_leaves_with_its_credit() -> None:
    # Inside the text nothing marks where the caption opens but the person it places ("(l.)").
    caption = "Hanna Keller l und Jens Olsen am neuen Anleger Foto LUTZ MEIER "
    page = MENU + HEADLINE + BODY * 2 + caption + BODY * 2 + "Impressum " + MENU
    body = clean_document(page, "flattened").body
    assert "Anleger" not in body and "MEIER" not in body and body.endswith("im Einsatz waren")


def test_flattened_agency_credit_inside_the_text_leaves_it() -> None:
    # An agency with its photographer's name in capitals; the caption before it stays, as
    # nothing shows where it opens.
    page = MENU + HEADLINE + BODY * 2 + "Die Fähre am Anleger AFP JENS OLSEN " + BODY * 2 + MENU
    body = clean_document(page, "flattened").body
    assert "OLSEN" not in body and "Die Fähre am Anleger Die Stadt will" in body


@pytest.mark.parametrize(
    "sentence",
    [
        "Sie zeigte ein Foto Jens Olsen erkannte es sofort ",  # after an article: a word of the text
        "Sie zeigte es der AFP Jens Olsen bestätigte es ",  # the agency as a source
        "Er hat das Bild gemalt und Foto Studio sagt man heute nicht mehr ",  # no name after the label
        # An agency alone, with no caption's opening before it: the text's source.
        "Das bestätigte die Reederei gegenüber AFP Außerdem will sie weitere Schiffe kaufen ",
    ],
)
def test_flattened_picture_words_in_a_sentence_stay(sentence: str) -> None:
    page = MENU + HEADLINE + BODY * 2 + sentence + BODY * 2 + "Impressum " + MENU
    assert sentence.strip() in clean_document(page, "flattened").body


def test_flattened_credit_openings_are_the_labels_and_agencies_a_plain_reading_finds() -> None:
    # Made-up pages of credit labels, agencies' first words in any case, and other words:
    # every token from `start` to `end` tested one by one, as the captions' search used to.
    import random

    from presseschau.clean.flat_captions import _credit_openings
    from presseschau.clean.flat_credit import CREDIT_LABELS
    from presseschau.clean.flat_page import read_page
    from presseschau.clean.flat_tokens import phrase_index

    agencies = phrase_index("photo_agencies.txt")
    words = ["Foto", "foto", "Bilder", "Quelle", "dpa", "DPA", "Getty", "getty", "Images", "AFP", "Haus"]
    rng = random.Random(5)
    for _ in range(60):
        page = read_page(" ".join(rng.choice(words) for _ in range(rng.randint(1, 60))), None)
        start = rng.randint(0, len(page.tokens))
        end = rng.randint(start, len(page.tokens))
        expected = [
            position
            for position in range(start, end)
            if page.tokens[position] in CREDIT_LABELS or page.tokens[position].casefold() in agencies
        ]
        assert _credit_openings(page, start, end) == expected


def test_flattened_caption_after_a_picture_button_printed_twice_leaves_the_text() -> None:
    # A gallery sets the same uncredited caption under the picture and its enlarged copy; the
    # shared run shows where each copy ends.
    caption = "Vergrößern Die neue Fähre wartet am Anleger in der Innenstadt auf die erste Fahrt "
    caption += "Renders Jens Olsen "
    page = MENU + HEADLINE + BODY + caption + BODY + caption + BODY * 2 + "Impressum " + MENU
    body = clean_document(page, "flattened").body
    assert "Anleger" not in body and "Vergrößern" not in body and "Olsen" not in body
    assert body.startswith("Die Stadt will") and body.endswith("im Einsatz waren")


def test_flattened_credit_passed_on_via_an_agency_leaves_the_text() -> None:
    # A picture that came through another agency: the photographer, "via" and the agency,
    # which a site may write as its web address.
    credit = "imago images Jana Olsen via www imago images de "
    page = MENU + HEADLINE + STAMP + BODY + "Der Anleger am Südkai " + credit + BODY * 2 + "Impressum " + MENU
    body = clean_document(page, "flattened").body
    assert "Olsen" not in body and "via" not in body and "www" not in body
    assert "Der Anleger am Südkai Die Stadt will" in body


def test_flattened_numbered_gallery_captions_leave_the_text() -> None:
    # A gallery numbers its pictures ("2 3": the second of three) before each caption.
    gallery = (
        "1 3 Die neue Fähre am Anleger wartet auf die erste Fahrt Foto Jens Olsen "
        "2 3 Der Kapitän auf der Brücke der neuen Fähre Foto Jens Olsen "
        "3 3 Die Fähre im Hafen Foto Jens Olsen "
    )
    page = MENU + HEADLINE + STAMP + BODY + gallery + BODY * 2 + "Impressum " + MENU
    body = clean_document(page, "flattened").body
    assert body == (BODY * 3).strip()


def test_flattened_page_with_a_superscript_number_beside_a_count_is_cleaned() -> None:
    # "10²" is a digit for str.isdigit but no number for int(): it is no picture's counter.
    area = "Die Fläche misst 10² 20 Meter am Südkai "
    page = MENU + HEADLINE + STAMP + BODY + area + "2 3 Foto Jens Olsen " + BODY * 2 + "Impressum " + MENU
    assert area.strip() in clean_document(page, "flattened").body


def _counters_token_by_token(tokens: list[str], start: int, end: int) -> list[int]:
    """The reading `gallery_counters` replaced: every position asked in turn."""
    numbered = [
        (at, tokens[at + 1])
        for at in range(start, end - 1)
        if tokens[at].isdigit() and tokens[at + 1].isdigit() and 0 < int(tokens[at]) <= int(tokens[at + 1])
    ]
    return [
        at
        for at, total in numbered
        if any(other != at and abs(other - at) <= _COUNTER_REACH and n == total for other, n in numbered)
    ]


def test_gallery_counters_read_as_every_position_asked_in_turn() -> None:
    rng = random.Random(7)
    words = ["0", "1", "2", "3", "5", "12", "Foto", "die", "Fähre", "x2"]
    for _ in range(3000):
        tokens = rng.choices(words, k=rng.randint(0, 60))
        start = rng.randint(0, len(tokens))
        end = rng.randint(start, len(tokens))
        assert gallery_counters(tokens, start, end) == _counters_token_by_token(tokens, start, end)
