"""Metadata an HTML page states: JSON-LD (NewsArticle & co.), OpenGraph and `<meta>` tags,
`<time datetime>`, `<title>`/`<h1>`, and image credits from `<figcaption>`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement

from presseschau.clean.captions import credit_of
from presseschau.clean.html_authors import page_authors
from presseschau.clean.html_dates import page_published
from presseschau.clean.html_header import header_lines, shown_lead
from presseschau.clean.html_title import is_site_desk, page_headline, site_name_keys, site_names, unescape
from presseschau.clean.outlets import find_outlet
from presseschau.clean.shape import normalise_space
from presseschau.clean.stated import Stated

_ARTICLE_TYPES = frozenset(
    {
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "liveblogposting", "report",
        "scholarlyarticle", "techarticle",
    }
)  # fmt: skip

# The expressions compiled once: `element.xpath(text)` compiles its expression on every call,
# and sets up an evaluator for it, which costs more than these searches of a page themselves.
# A step with a condition is written `/descendant::x[…]`, not `//x[…]`: the same elements
# (the conditions do not count positions), but libxml2 reads `//x[…]` as the children of every
# node of the page, a node set built and merged per node, and only `//x` without a condition
# as one walk. Expressions that find strings give plain ones (`smart_strings=False`): lxml's
# default makes each a string that knows its element, an element object built per string.
_CANONICAL_URL = XPath("/descendant::link[@rel='canonical']/@href", smart_strings=False)
_HEADER_AND_FOOTER_TEXT = XPath("//header//text() | //footer//text()", smart_strings=False)
_TITLE = XPath("//title")
_JSON_LD = XPath("/descendant::script[@type='application/ld+json']")
_META_TAGS = XPath("/descendant::meta[@content]")
# Only the pages' class attributes are searched for a credit's class, each read once, and the
# elements holding one found from them (`..`): testing every element for a class and reading it
# for each word costs twice as much. The union gives the elements in page order, each once.
_CAPTIONS = XPath(
    "//figcaption | /descendant::*/@class[contains(., 'credit') or contains(., 'copyright')]/.."
)


def read_html_metadata(tree: HtmlElement) -> Stated:
    article = _json_ld_article(tree)
    meta = _meta_tags(tree)
    outlet = _publisher(article) or meta.get("og:site_name") or meta.get("application-name")
    outlet = outlet or find_outlet(_texts(tree, _HEADER_AND_FOOTER_TEXT))
    sites = site_name_keys(
        site_names(
            (
                outlet,
                meta.get("og:site_name"),
                meta.get("application-name"),
                meta.get("twitter:site", "").lstrip("@"),
            ),
            (meta.get("og:url"), *_CANONICAL_URL(tree), _string(article.get("url"))),
        )
    )
    headline = page_headline(
        tree,
        (
            _string(article.get("headline")),
            meta.get("og:title"),
            meta.get("twitter:title"),
            _text_of(tree, _TITLE),
        ),
        sites,
    )
    shown = headline.element if headline.element is not None else next(tree.iter("h1"), None)
    header = header_lines(shown) if shown is not None else []
    descriptions = (meta.get("og:description"), meta.get("description"), _string(article.get("description")))
    lead = next(
        (shown for text in descriptions if text and (shown := shown_lead(header, unescape(text)))), None
    )
    return Stated(
        title=headline.text,
        lead=lead,
        published=page_published(tree, article, meta, header),
        authors=page_authors(tree, article, meta, header, lambda name: is_site_desk(name, sites)),
        outlet=outlet,
        dateline=_string(article.get("dateline")),
        image_credits=_figure_credits(tree),
        paywalled=_is_paywalled(article),
    )


def _string(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return normalise_space(value) or None if isinstance(value, str) else None


def _texts(tree: HtmlElement, xpath: XPath) -> list[str]:
    return [normalise_space(str(t)) for t in xpath(tree) if str(t).strip()]


def _text_of(tree: HtmlElement, xpath: XPath) -> str | None:
    found = xpath(tree)
    return normalise_space(found[0].text_content()) or None if found else None


def _json_objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _json_objects(item)
    elif isinstance(value, dict):
        yield value
        yield from _json_objects(value.get("@graph"))


def _json_ld_article(tree: HtmlElement) -> dict[str, Any]:
    for script in _JSON_LD(tree):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        for obj in _json_objects(data):
            types = obj.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.casefold() in _ARTICLE_TYPES for t in names):
                return obj
    return {}


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    meta: dict[str, str] = {}
    for element in _META_TAGS(tree):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").casefold()
        content = normalise_space(element.get("content") or "")
        if key and content:
            meta.setdefault(key, content)
    return meta


def _publisher(article: dict[str, Any]) -> str | None:
    return _string(article.get("publisher")) or _string(article.get("sourceOrganization"))


def _figure_credits(tree: HtmlElement) -> tuple[str, ...]:
    credits: list[str] = []
    for caption in _CAPTIONS(tree):
        text = normalise_space(caption.text_content())
        credit = credit_of(text) if text else None
        if credit is None and text and "credit" in (caption.get("class") or "") and len(text.split()) <= 8:
            credit = text
        if credit and credit not in credits:
            credits.append(credit)
    return tuple(credits)


def _is_paywalled(article: dict[str, Any]) -> bool:
    free = article.get("isAccessibleForFree")
    parts = article.get("hasPart")
    part_list = parts if isinstance(parts, list) else [parts]
    flags = [free, *(p.get("isAccessibleForFree") for p in part_list if isinstance(p, dict))]
    return any(flag is False or (isinstance(flag, str) and flag.casefold() == "false") for flag in flags)
