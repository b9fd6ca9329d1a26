"""Aggregator footers' lines read plain (`presseschau.clean.footer`)."""

from __future__ import annotations

import html
import random
import re
import sys

from presseschau.clean.footer import plain_line, split_footer

# The reading before the substring tests that spare a line without links or emphasis the regexes.
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]*>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)|(?<=\S)(\*\*|__|\*|_)")


def _every_regex(line: str) -> str:
    line = _LINK.sub(r"\1", line)
    line = html.unescape(_TAG.sub(" ", line))
    return " ".join(_EMPHASIS.sub("", line).split())


def test_a_plain_line_reads_as_every_regex_applied_to_it_reads() -> None:
    # Made-up footer lines of words, links (whole and broken), tags, emphasis marks, entities
    # (one that decodes to a star or underscore) and white space, in any order.
    pieces = (
        "Ort", "Quelle:", "Kiel", "[Hafenblatt](https://example.org/a)", "[kein Link]", "](", "(x)",
        "<b>", "</b>", "<li class='q'>", "**fett**", "__dick__", "*", "_", "snake_case", "&amp;",
        "&#42;", "&#95;", "&lt;i&gt;", "  ", "\t", " ", "Ärger", "„Zitat“", "a*b", "[", "]",
    )  # fmt: skip
    draw = random.Random(21)
    changed = 0
    for _ in range(600):
        line = "".join(draw.choice(pieces) for _ in range(draw.randint(0, 8)))
        plain = plain_line(line)
        assert plain == _every_regex(line), line
        changed += plain != " ".join(line.split())
    assert changed > 200


def test_case_folding_makes_no_colon_and_drops_no_character() -> None:
    # A footer line's key is folded with its closing colons stripped after the folding: the
    # same key as stripping them first only while no character folds to a colon or to nothing.
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        folded = chr(code).casefold()
        assert folded
        assert (":" in folded) == (code == ord(":"))


def test_a_details_heading_closes_the_footer_however_it_is_written() -> None:
    # The heading of the fact box is found with its colons and capitals ("DETAILS:"), and what
    # stands under it is read into metadata, not left in the text.
    text = "Der Hafen wächst weiter.\n\nDETAILS::\nOrt\tKiel\nQuelle\tHafenamt"
    body, stated = split_footer(text)
    assert body == "Der Hafen wächst weiter."
    assert stated.dateline == "Kiel"
