"""When an HTML page says its article was published, from the most to the least specific
statement: JSON-LD `datePublished`, meta tags and elements that mean "published", the date
line the page prints under its headline ("Stand: 28.04.2020 18:00 Uhr", also beside the
byline: "04.02.2022 | 15:33 Uhr | Dennis Kolbe"), meta tags that only say "date", `<time>`
elements of the article; and, only when none of these is there, htmldate's extensive search
(the full search trafilatura runs: URL, attributes, text patterns), whose cost is paid on
those pages alone. A line anywhere on the page that states the publication ("Erschienen am:
01.11.2023") comes just before that search.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from copy import deepcopy
from typing import Any
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement

from presseschau.clean.byline import parse_byline
from presseschau.clean.dates import find_stamp, iso_from_timestamp, opening_stamp, parse_date_line
from presseschau.clean.shape import is_prose

# Meta tags (name, property or itemprop) that name the publication itself, and ones that
# name a date of the page without saying which (often its last change).
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "dc.date.issued", "dcterms.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime", "article.published",
)  # fmt: skip
_GENERIC_META = ("date", "dc.date", "dcterms.date")
_PUBLISHED_ELEMENTS = (
    "//*[@itemprop='datePublished']/@content | //*[@itemprop='datePublished']/@datetime"
    " | //time[@pubdate]/@datetime"
)
# A header holding the site's navigation is the site's, and its `<time>` the site's clock
# (today's date over the menu), not the article's.
_TIME_ELEMENTS = "//article//time/@datetime | //header[not(.//nav)]//time/@datetime"
_BODY_TEXT = "//body//text()[not(ancestor::script or ancestor::style)]"
# A date line anywhere on the page that says it is the publication date ("Erschienen am:
# 01.11.2023" in a footer, "Erstellt am: 01.11.2023" under the text, "Datum 28.04.2023" in
# a box of facts) is trusted before htmldate's guesses.
_DIGIT = re.compile(r"\d")  # every date line has one: lines without are not parsed
# A date beside its byline is set apart from it: by a bar, a bullet, a spaced dash or slash.
_STAMP_SEPARATOR = re.compile(r"[|•·∙]|\s[-–—/]+\s")
_PUBLISHED_WORD = re.compile(
    r"\b(?:veröffentlicht|erschienen|erstellt|publiziert|published|\w*datum)\b", re.I
)
# A label set in an element of its own ("<li><strong>Datum</strong> 28.04.2023</li>") is read
# with the element around it, when that is a short line.
_LABEL_LINE_WORDS = 8

_CANONICAL = "//link[@rel='canonical']/@href"
# A teaser is a link with a few lines around it: its box is looked for this many levels up,
# and is no longer one past this many words.
_TEASER_LEVELS, _TEASER_WORDS = 4, 40

logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def page_published(
    tree: HtmlElement, article: Mapping[str, Any], meta: Mapping[str, str], header: Iterable[str]
) -> str | None:
    """The publication date (ISO, with the local time when stated) of the page `tree`.

    `article` is its JSON-LD article, `meta` its meta tags (keys case folded), `header` the
    lines after its headline.
    """
    return (
        _printed(header)
        or _first_stamp(_published_stamps(tree, article, meta))
        or _first_stamp(meta[key] for key in _GENERIC_META if key in meta)
        or _first_stamp(map(str, tree.xpath(_TIME_ELEMENTS)))
        or _printed(_labelled_lines(tree))
        or _opening_stamp(tree)
        or _own_teaser_date(tree, meta)
        or _searched(tree)
    )


def _published_stamps(
    tree: HtmlElement, article: Mapping[str, Any], meta: Mapping[str, str]
) -> Iterator[str]:
    """Machine-readable stamps that say "published", most specific first (read as needed)."""
    for value in (article.get("datePublished"), article.get("dateCreated")):
        if isinstance(value, str):
            yield value
    yield from (meta[key] for key in _PUBLISHED_META if key in meta)
    yield from map(str, tree.xpath(_PUBLISHED_ELEMENTS))


def _first_stamp(stamps: Iterable[str]) -> str | None:
    return next((iso for stamp in stamps if (iso := iso_from_timestamp(stamp))), None)


def _printed(lines: Iterable[str]) -> str | None:
    """The first publication date line of the header; an update line only when no other is there."""
    updated = None
    for line in lines:
        found = _date_line(line) if _DIGIT.search(line) else None
        if found and not found[1]:
            return found[0]
        updated = updated or (found[0] if found else None)
    return updated


def _labelled_lines(tree: HtmlElement) -> Iterator[str]:
    """The texts of the page with a word that labels a publication date, each followed by the
    short line of the element that holds it and its neighbours (its value may stand beside it)."""
    for text in tree.xpath(_BODY_TEXT):
        if not _PUBLISHED_WORD.search(text):
            continue
        yield text
        holder = text.getparent()
        line = outer if (outer := holder.getparent()) is not None else holder
        words = line.text_content().split(None, _LABEL_LINE_WORDS)
        if len(words) <= _LABEL_LINE_WORDS:
            yield " ".join(words)


def _date_line(line: str) -> tuple[str, bool] | None:
    """(ISO date, is_update) of a line that is a date, or a date beside its byline ("04.02.2022 |
    15:33 Uhr | Dennis Kolbe"); a date beside other words dates a caption or a teaser."""
    found = parse_date_line(line)
    if found is not None or not _STAMP_SEPARATOR.search(line):
        return found
    if (stamp := find_stamp(line)) is None or not stamp.parts:
        return None
    return (
        (stamp.iso, stamp.updated) if all(parse_byline(part, expected=True) for part in stamp.parts) else None
    )


def _opening_stamp(tree: HtmlElement) -> str | None:
    """The stamp the first paragraph of running text that opens with one carries ("31. Oktober
    2023. Dragqueens sind …"): the article's, set into its first lines."""
    paragraphs = (paragraph.text_content() for paragraph in tree.iter("p"))
    return next((iso for text in paragraphs if is_prose(text) and (iso := opening_stamp(text))), None)


def _own_teaser_date(tree: HtmlElement, meta: Mapping[str, str]) -> str | None:
    """The date of the page's teaser of itself: a list of the site's articles on the page may
    hold the article too, a link to the page's own address (og:url or canonical) in a box that
    prints its date ("Achtsam durch die Krise · 18. März 2020")."""
    own = {_path(url) for url in (meta.get("og:url"), *map(str, tree.xpath(_CANONICAL))) if url} - {""}
    for link in tree.iter("a"):
        if _path(link.get("href")) not in own:
            continue
        for box in list(link.iterancestors())[:_TEASER_LEVELS]:
            if len(box.text_content().split(None, _TEASER_WORDS)) > _TEASER_WORDS:
                break
            if found := _printed(str(text) for text in box.xpath(".//text()")):
                return found
    return None


def _path(url: str | None) -> str:
    """The path of an address, without its closing slash ("" when there is none)."""
    return urlsplit(url or "").path.rstrip("/")


def _searched(tree: HtmlElement) -> str | None:
    """htmldate's extensive search for the original date (a day), as trafilatura runs it, on
    the page without its paragraphs of running text: a date an article mentions ("Am 12. März
    begann der Umbau") is not when it was published."""
    pruned = deepcopy(tree)
    for paragraph in [p for p in pruned.iter("p") if is_prose(p.text_content())]:
        paragraph.drop_tree()
    return find_date(pruned, extensive_search=True, original_date=True) or None
