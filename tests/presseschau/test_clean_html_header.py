"""The lines a page shows after its headline (`presseschau.clean.html_header`)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import lxml.html
from lxml.html import HtmlElement

from presseschau.clean.html_header import _BLOCKS, _BREAK, _HIDDEN, _following_text

_TAGS = ("div", "p", "span", "b", "br", "time", "script", "button", "h1", "a")


def _plain_text_of(node: HtmlElement, *, tail: bool) -> Iterator[str]:
    """The text inside `node` (and its tail, if `tail`), read recursively."""
    if isinstance(node.tag, str) and node.tag not in _HIDDEN:
        if node.tag in _BLOCKS:
            yield _BREAK
        if node.text:
            yield node.text
        for child in node:
            yield from _plain_text_of(child, tail=True)
        if node.tag in _BLOCKS:
            yield _BREAK
    if tail and node.tail:
        yield node.tail


def _plain_following_text(element: HtmlElement) -> Iterator[str]:
    """What follows `element`: its tail and its later siblings', then its parent's, upwards."""
    yield _BREAK
    node = element
    while (parent := node.getparent()) is not None:
        if node.tail:
            yield node.tail
        for sibling in node.itersiblings():
            yield from _plain_text_of(sibling, tail=True)
        if parent.tag in _BLOCKS:
            yield _BREAK
        node = parent
    yield _BREAK


def _made_up_markup(draw: random.Random, depth: int = 0) -> str:
    """Nested block, inline and hidden elements, comments, texts and tails, some empty."""
    parts = []
    for _ in range(draw.randint(0, 4)):
        kind = draw.random()
        if kind < 0.15:
            parts.append(f"<!-- Notiz {draw.randint(1, 9)} -->")
        elif kind < 0.3:
            parts.append(draw.choice(("Text ", " ", "", "Von Ada Roth ")))
        else:
            tag = draw.choice(_TAGS)
            inner = "" if tag == "br" or depth > 4 else _made_up_markup(draw, depth + 1)
            parts.append(f"<{tag}>{inner}</{tag}>" if tag != "br" else "<br>")
        parts.append(draw.choice(("", "Schwanz ", "\n")))
    return "".join(parts)


def test_following_text_is_what_a_recursive_reading_finds_on_made_up_pages() -> None:
    draw = random.Random(18)
    pieces = 0
    for _ in range(400):
        page = lxml.html.fromstring(f"<html><body><h1>Titel</h1>{_made_up_markup(draw)}</body></html>")
        elements = [element for element in page.iter() if element.getparent() is not None]
        for element in (page.find(".//h1"), *draw.sample(elements, min(3, len(elements)))):
            found = list(_following_text(element))
            assert found == list(_plain_following_text(element))
            pieces += len(found)
    assert pieces > 10_000
