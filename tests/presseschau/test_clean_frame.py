"""The frame around a body: the headline line at the top leaves the body however it is set."""

from __future__ import annotations

import pytest

from presseschau.clean.blocks import Block
from presseschau.clean.frame import read_frame

_OPENING = "Der Landtag hat am Donnerstag nach langer Debatte den Haushalt für das kommende Jahr beschlossen."


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # the kicker run into the headline (two spans of one <h1>, copied without a space)
        ("Streit im LandtagHaushalt für 2025 beschlossen", "Haushalt für 2025 beschlossen"),
        # the title with its kicker, the line without
        ("Haushalt für 2025 beschlossen", "Streit im Landtag: Haushalt für 2025 beschlossen"),
        # other punctuation, and the outlet after the headline
        ("Streit im Landtag : Haushalt 2025 beschlossen", "Streit im Landtag: Haushalt 2025 beschlossen"),
        ("Haushalt für 2025 beschlossen | Landesschau aktuell", "Haushalt für 2025 beschlossen"),
    ],
)
def test_a_headline_line_set_otherwise_than_the_title_leaves_the_body(line: str, title: str) -> None:
    _, body = read_frame([Block(line), Block(_OPENING)], title)
    assert [block.text for block in body] == [_OPENING]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Landtag", "Streit im Landtag: Haushalt für 2025 beschlossen"),  # a word of the title
        ("Streit im Landtag", "Im Landtag"),  # a title too short to tell
    ],
)
def test_a_line_sharing_a_word_with_the_title_stays(line: str, title: str) -> None:
    _, body = read_frame([Block(line), Block(_OPENING)], title)
    assert body[0].text == line


@pytest.mark.parametrize(
    "above",
    [
        ["Landespolitik"],  # a kicker over a known headline
        ["- Politik", "- Streit im Landtag"],  # the section's name and a topic, as list items
        ["Do, 09:15 Uhr", "14.11.2024", "Nach langer Debatte"],  # the date, then a kicker
        ["Pressemitteilung", "Herausgeber: Landtag"],  # a press release's labels
    ],
)
def test_short_lines_above_the_known_headline_leave_the_body_with_it(above: list[str]) -> None:
    title = "Haushalt für 2025 beschlossen"
    _, body = read_frame([*map(Block, above), Block(title), Block(_OPENING)], title)
    assert [block.text for block in body] == [_OPENING]


def test_a_sentence_above_a_repeated_headline_stays() -> None:
    title = "Haushalt für 2025 beschlossen"
    blocks = [Block("Der Rat tagte lange."), Block(title), Block(_OPENING)]
    _, body = read_frame(blocks, title)
    assert [block.text for block in body] == [block.text for block in blocks]


def test_a_slogan_above_the_date_line_leaves_the_body_where_the_headline_is_missing() -> None:
    # The main text left the headline out: the site's slogan stands over the date line.
    title = "Haushalt für 2025 beschlossen"
    frame, body = read_frame(
        [Block("Das Magazin für Landespolitik"), Block("14. November 2024"), Block(_OPENING)], title
    )
    assert [block.text for block in body] == [_OPENING]
    assert frame.published == "2024-11-14"


def test_a_sentence_above_the_date_line_stays() -> None:
    title = "Haushalt für 2025 beschlossen"
    blocks = [Block("Der Rat tagte lange."), Block("14. November 2024"), Block(_OPENING)]
    _, body = read_frame(blocks, title)
    assert [block.text for block in body] == [block.text for block in blocks]


@pytest.mark.parametrize(
    ("last", "leaves"),
    [
        (
            "Korrespondentin Lena Brandt ist bei der Zeitung für die Landespolitik und Haushalt zuständig.",
            True,
        ),
        (
            "Laut Lena Brandt ist der Haushalt der größte, den das Land in der Geschichte beschlossen hat.",
            False,
        ),
    ],
)
def test_a_closing_note_naming_the_known_author_after_their_role_leaves_the_body(
    last: str, leaves: bool
) -> None:
    _, body = read_frame([Block(_OPENING), Block(last)], None, ("Lena Brandt",))
    assert [block.text for block in body] == ([_OPENING] if leaves else [_OPENING, last])
