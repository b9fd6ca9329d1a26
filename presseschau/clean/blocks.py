"""Blocks: the paragraphs, headings and list items a document is made of, in order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from presseschau.clean.shape import is_list_item, normalise_space, undoubled

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Hard-wrapped text: most lines end near the same column, and paragraphs are blank-line separated.
WRAP_MIN, _WRAP_MAX, _WRAP_SHARE = 50, 100, 0.6


@dataclass(frozen=True, init=False)
class Block:
    """One paragraph; `kind` is "p" (paragraph), "h" (heading), "li" (list item), "quote" or
    "row" (a table row); `links` the share of its words that link elsewhere (markdown);
    `level` a heading's level where the input states it (markdown's "#" is 1), else 0;
    `targets` the addresses its links lead to, where the input states them (markdown);
    `set_off` whether a browser's copy of a page sets its line off by blank lines (text), as
    it does a paragraph's or a heading's and no other element's."""

    text: str
    kind: str = "p"
    links: float = 0.0
    level: int = 0
    targets: tuple[str, ...] = ()
    set_off: bool = False

    def __init__(
        self,
        text: str,
        kind: str = "p",
        links: float = 0.0,
        level: int = 0,
        targets: tuple[str, ...] = (),
        set_off: bool = False,
    ) -> None:
        # The fields go into the instance's dict in one call: a frozen dataclass's own
        # `__init__` makes an `object.__setattr__` call per field, and a page makes a block per line.
        self.__dict__.update(text=text, kind=kind, links=links, level=level, targets=targets, set_off=set_off)


def text_blocks(text: str) -> list[Block]:
    """Blocks of a plain-text document: one per line (each marked whether blank lines set it
    off), or per paragraph if the text is hard-wrapped."""
    rows = text.splitlines()
    # One blank past the end: it stands after the last line and, as index -1, before the first.
    blank = [not row.strip() for row in rows] + [True]
    lines = [row for number, row in enumerate(rows) if not blank[number]]
    wrapped = sum(1 for line in lines if WRAP_MIN <= len(line) <= _WRAP_MAX)
    if lines and wrapped / len(lines) >= _WRAP_SHARE and _BLANK_LINE.search(text):
        parts = _BLANK_LINE.split(text)
        return [Block(undoubled(normalise_space(part)), _kind(part)) for part in parts if part.strip()]
    return [
        Block(undoubled(normalise_space(row)), _kind(row), set_off=blank[number - 1] and blank[number + 1])
        for number, row in enumerate(rows)
        if not blank[number]
    ]


def _kind(part: str) -> str:
    # A browser copies table cells tab-separated; a tab inside a line marks a table row.
    if "\t" in part and "\t" in part.strip():  # most lines hold no tab: no copy stripped
        return "row"
    return "li" if is_list_item(part) else "p"
