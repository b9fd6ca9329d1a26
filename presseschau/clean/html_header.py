"""The lines a page shows right after its headline: where it prints byline and date.

trafilatura's main text leaves this header out, and the metadata of many pages has no author
or date; the lines are read as a browser lays them out (a block element or `<br>` ends a line)
and stop where the article's running text has clearly begun, or at a box of related articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml.html import HtmlElement

from presseschau.clean.dateline import split_dateline
from presseschau.clean.resources import phrase_set
from presseschau.clean.shape import is_prose, matching_key, normalise_space

# Elements whose text is never shown, and elements that start a line of their own.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "iframe"})
_BLOCKS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section", "header", "footer", "article",
        "main", "aside", "nav", "figure", "figcaption", "blockquote", "address", "table", "tr",
        "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "form", "time",
    }
)  # fmt: skip
# How far the header reaches: lines read at most, and paragraphs of running text passed.
_MAX_LINES = 40
_MAX_PROSE = 3
_BREAK = "\n"
# A description shorter than this is too weak a clue to recognise the teaser by.
_LEAD_MIN_WORDS = 8
_LEAD_OPENING_CHARS = 40
_WORD = re.compile(r"[^\W_]+")


def header_lines(headline: HtmlElement) -> list[str]:
    """The visible lines after `headline`, up to where the article's text is well under way."""
    lines: list[str] = []
    prose = 0
    current: list[str] = []
    for piece in _following_text(headline):
        if piece is not _BREAK:
            current.append(piece)
            continue
        line = normalise_space("".join(current))
        current = []
        if not line:
            continue
        if matching_key(line) in phrase_set("tail_markers.txt"):
            break  # a related-articles box: its dates and bylines are other articles'
        lines.append(line)
        prose += is_prose(line)
        if len(lines) >= _MAX_LINES or prose >= _MAX_PROSE:
            break
    return lines


def _following_text(element: HtmlElement) -> Iterator[str]:
    """Text after `element` in document order, with `_BREAK` where a line ends."""
    node = element
    yield _BREAK
    while (parent := node.getparent()) is not None:
        if tail := node.tail:
            yield tail
        for sibling in node.itersiblings():
            yield from _text_of(sibling)
            if tail := sibling.tail:
                yield tail
        if parent.tag in _BLOCKS:
            yield _BREAK
        node = parent
    yield _BREAK


def _text_of(element: HtmlElement) -> Iterator[str]:
    """The text inside `element` (not its tail), walked with a stack: a deeply nested page
    costs neither recursion nor a chain of generators per level. An element on the stack is
    still to be opened, its children pushed as they stand; a pair (element, whether it is a
    block) closes one. Each property is read once: lxml makes a new string per reading."""
    stack: list[HtmlElement | tuple[HtmlElement, bool]] = [element]
    while stack:
        entry = stack.pop()
        if isinstance(entry, tuple):
            node, block = entry
            if block:
                yield _BREAK
        else:
            node, tag = entry, entry.tag
            if isinstance(tag, str) and tag not in _HIDDEN:
                block = tag in _BLOCKS
                if block:
                    yield _BREAK
                if text := node.text:
                    yield text
                stack.append((node, block))
                stack.extend(reversed(node))
                continue
        if node is not element and (tail := node.tail):
            yield tail


def shown_lead(lines: Iterable[str], description: str | None) -> str | None:
    """The header line showing the page's description (its teaser), from the description's
    first words on (a date may be glued before it); None when the page does not show it."""
    words = _WORD.findall(description or "")[:_LEAD_MIN_WORDS]
    if len(words) < _LEAD_MIN_WORDS:
        return None
    lines = list(lines)
    opening = (description or "").strip()[:_LEAD_OPENING_CHARS]
    for line in lines:  # most pages print the description as it stands: a plain search first
        if (position := line.find(opening)) >= 0:
            return _shown_from(line, position)
    start = re.compile(r"\W+".join(map(re.escape, words)), re.I)
    return next((_shown_from(line, found.start()) for line in lines if (found := start.search(line))), None)


def _shown_from(line: str, position: int) -> str:
    """`line` from `position`, where the description starts, or from the dateline the page
    prints before it ("Berlin. Die Ex-Außenministerin …"): that is the teaser as shown."""
    if position and (parts := split_dateline(line)) is not None and len(parts[1]) == len(line) - position:
        return line
    return line[position:]


def holds(text: str, passage: str) -> bool:
    """Does `text` hold the words of `passage` in sequence (case, spacing and punctuation aside)?"""
    return passage in text or " ".join(_WORD.findall(passage.casefold())) in " ".join(
        _WORD.findall(text.casefold())
    )
