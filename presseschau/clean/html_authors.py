"""Who an HTML page says wrote its article.

In order of trust: the JSON-LD `author` as stated (persons, and the agency or desk a page
names as author when no person wrote it: "dpa", "Redaktion …"); then meta tags naming
persons; then the byline the page prints under its headline ("Von: A, B"); then elements
marked as a byline (`rel=author`, `itemprop=author`, classes). A visible byline names people: the
site's own desk in it ("von David Lorenzen, HAFENRADIO KIEL") is not an author.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement

from presseschau.clean.byline import has_byline_marker, looks_like_person, parse_byline
from presseschau.clean.shape import normalise_space

_SPLIT = re.compile(r"\s*,\s*|\s+(?:und|and|&)\s+")
_URL = re.compile(r"^https?://", re.I)
_META_KEYS = ("author", "article:author", "dc.creator", "citation_author", "parsely-author")
# Visible byline elements, article first: trafilatura drops them from the main text. They are
# found from the attributes that mark them (`@rel`, `@itemprop`, `@class`), each attribute read
# once, and the element holding a mark from it (`..`): testing every element of the page for
# the three attributes and reading each for each test costs three times as much. The union
# gives the elements in page order, each once (an element with two marks too). The expressions
# are compiled once, not on every call.
_BYLINE_MARKS = (
    "@rel[. = 'author']",
    "@itemprop[. = 'author']",
    "@class[contains(., 'byline') or contains(., 'author')]",
)
_BYLINE_XPATHS = tuple(
    XPath(" | ".join(f"{scope}/descendant::*/{mark}/.." for mark in _BYLINE_MARKS))
    for scope in ("/descendant::article", "")
)
# A label before the names ("Von: A, B"): the byline parser reads the marker word alone.
_LABEL_COLON = re.compile(r"^(\w+):\s+")


def page_authors(
    tree: HtmlElement,
    article: Mapping[str, Any],
    meta: Mapping[str, str],
    header: Iterable[str],
    is_site: Callable[[str], bool],
) -> tuple[str, ...]:
    """The authors of the page `tree`: `article` is its JSON-LD article, `meta` its meta tags,
    `header` the lines after its headline, `is_site` tells the site's own names."""
    stated = _json_ld_names(article.get("author"))
    if stated:
        return stated
    for byline in (_meta_names(meta), _header_byline(header), _element_byline(tree)):
        people = tuple(name for name in byline if not is_site(name))
        if people:
            return people
    return ()


def _json_ld_names(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, list):
            names += _json_ld_names(item)
            continue
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and (name := normalise_space(name)) and not _URL.match(name):
            names += [part for part in _SPLIT.split(name) if part]
    return tuple(dict.fromkeys(names))


def _header_byline(lines: Iterable[str]) -> tuple[str, ...]:
    for line in lines:
        line = _LABEL_COLON.sub(r"\1 ", line)
        if has_byline_marker(line) and (byline := parse_byline(line)):
            return byline.authors
    return ()


def _meta_names(meta: Mapping[str, str]) -> tuple[str, ...]:
    for key in _META_KEYS:
        value = meta.get(key)
        if value and not _URL.match(value):
            return tuple(name for name in _SPLIT.split(value) if looks_like_person(name))
    return ()


def _element_byline(tree: HtmlElement) -> tuple[str, ...]:
    for xpath in _BYLINE_XPATHS:
        for element in xpath(tree):
            byline = parse_byline(normalise_space(element.text_content()))
            if byline:
                return byline.authors
    return ()
