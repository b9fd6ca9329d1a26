"""Aggregator footers' lines read plain (`presseschau.clean.footer`)."""

from __future__ import annotations

import html
import random
import re

from presseschau.clean.footer import plain_line

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
