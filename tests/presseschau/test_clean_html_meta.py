"""Metadata an HTML page states (`presseschau.clean.html_meta`)."""

from __future__ import annotations

import random

import lxml.html
from lxml.etree import XPath

from presseschau.clean.html_meta import (
    _CANONICAL_URL,
    _CAPTIONS,
    _HEADER_AND_FOOTER_TEXT,
    _JSON_LD,
    _META_TAGS,
    read_html_metadata,
)


def test_caption_elements_are_every_figcaption_and_credit_class_in_page_order() -> None:
    # Credit classes on elements of several kinds, a figcaption with a class and without, an
    # element with a class that names no credit and one with none: found as a walk over every
    # element finds them, in page order, each once.
    page = lxml.html.fromstring(
        "<html><body><article><p class='lead'>Der Hafen wächst.</p>"
        "<figure><img src='a.jpg'><figcaption>Die Kaimauer. Foto: Jana Reiter</figcaption></figure>"
        "<span class='image-credit'>Bild: Ole Brandt/dpa</span><p>Text ohne Klasse.</p>"
        "<figure><figcaption class='caption credit'>Der Kran.</figcaption></figure>"
        "<div class='footer-copyright'>© Kieler Hafenblatt</div><div class=''>leer</div>"
        "</article></body></html>"
    )
    by_walk = [
        element
        for element in page.iter()
        if isinstance(element.tag, str)
        and (
            element.tag == "figcaption"
            or "credit" in (element.get("class") or "")
            or "copyright" in (element.get("class") or "")
        )
    ]
    assert _CAPTIONS(page) == by_walk
    assert [element.tag for element in by_walk] == ["figcaption", "span", "figcaption", "div"]
    # A short text in a credit-classed element is a credit as it stands.
    credits = ("Jana Reiter", "Ole Brandt/dpa", "Der Kran.", "Kieler Hafenblatt")
    assert read_html_metadata(page).image_credits == credits


_ATTRIBUTES = (
    "", " class='photo-credit'", " class='copyright x'", " class='teaser'", " class=''", " content='Kiel'",
    " type='application/ld+json'", " rel='canonical'", " href='/a.html'",
)  # fmt: skip
_TAGS = ("div", "article", "p", "span", "meta", "script", "link", "figcaption", "title", "header", "footer")


def _made_up_page(draw: random.Random, depth: int = 0) -> str:
    """Nested elements of the kinds the expressions look for, with and without the attributes
    they test, among others, in any order and depth (an article in an article too)."""
    parts = []
    for _ in range(draw.randint(1, 4)):
        tag = draw.choice(_TAGS)
        attributes = "".join(draw.choice(_ATTRIBUTES) for _ in range(draw.randint(0, 2)))
        nests = tag in ("div", "article", "p", "header", "footer")
        inner = _made_up_page(draw, depth + 1) if depth < 4 and nests else f"Text {draw.randint(1, 9)}"
        parts.append(f"<{tag}{attributes}>{inner}</{tag}>")
    return "".join(parts)


def test_expressions_find_what_their_plain_forms_find_on_made_up_pages() -> None:
    # `/descendant::x[…]` for `//x[…]`, credit classes found from the class attributes, plain
    # strings for lxml's: the same nodes and strings in the same order, nothing else may change.
    plain = {
        _CANONICAL_URL: XPath("//link[@rel='canonical']/@href"),
        _HEADER_AND_FOOTER_TEXT: XPath("//header//text() | //footer//text()"),
        _JSON_LD: XPath("//script[@type='application/ld+json']"),
        _META_TAGS: XPath("//meta[@content]"),
        _CAPTIONS: XPath(
            "//figcaption | //*[@class][contains(@class, 'credit') or contains(@class, 'copyright')]"
        ),
    }
    draw = random.Random(16)
    found = 0
    for _ in range(300):
        page = lxml.html.fromstring(f"<html><head></head><body>{_made_up_page(draw)}</body></html>")
        for element in (page, *draw.sample(list(page.iter()), 2)):
            for expression, plain_form in plain.items():
                nodes = expression(element)
                assert nodes == plain_form(element)
                found += len(nodes)
    assert found > 1_000
