"""Who an HTML page says wrote it (presseschau.clean.html_authors), on small handmade pages."""

from __future__ import annotations

import random

import lxml.html
from lxml.etree import XPath

from presseschau.clean import clean_document
from presseschau.clean.html_authors import _BYLINE_XPATHS

_BODY = (
    "<p>Der Stadtrat hat am Abend nach langer Debatte beschlossen, den Radweg am Fluss zu verbreitern.</p>"
    "<p>Die Arbeiten sollen im Frühjahr beginnen und bis zum Herbst abgeschlossen sein, sagte die Stadt.</p>"
)


def _authors(head: str, header: str = "") -> tuple[str, ...]:
    page = (
        f"<!DOCTYPE html><html><head>{head}</head><body><article><h1>Radweg wird breiter</h1>"
        f"{header}{_BODY}</article></body></html>"
    )
    return clean_document(page, "html").authors


def _json_ld(author: str, publisher: str = "Flussbote") -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Radweg wird breiter", '
        f'"author": {author}, "publisher": {{"@type": "Organization", "name": "{publisher}"}}}}</script>'
    )


def test_an_agency_or_desk_the_json_ld_names_as_author_is_the_author() -> None:
    assert _authors(_json_ld('[{"@type": "Organization", "name": "dpa"}]')) == ("dpa",)
    # ... and the places a meta tag lists beside the site are not.
    head = _json_ld('{"@type": "NewsMediaOrganization", "name": "Redaktion Flussbote"}')
    head += '<meta name="author" content="flussbote.example, Frankfurt, Germany">'
    assert _authors(head) == ("Redaktion Flussbote",)


def test_the_byline_under_the_headline_names_the_authors() -> None:
    header = (
        '<ul><li class="information-item">Veröffentlicht am 13. Mai 2026 um 15:44</li>'
        '<li class="information-item">Von: <span><a href="/a">Bill MALLORY</a>, </span>'
        '<span><a href="/b">Talisa BRÜGGEMEIER</a></span></li></ul>'
    )
    assert _authors("", header) == ("Bill MALLORY", "Talisa BRÜGGEMEIER")


def test_the_sites_own_desk_in_a_byline_is_not_an_author() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"publisher": {"name": "HAFENRADIO"}}</script>'
    )
    header = '<div class="authorWrapper"><p class="author">von David Lorenzen, HAFENRADIO KIEL</p></div>'
    assert _authors(head, header) == ("David Lorenzen",)


def test_byline_elements_are_those_a_walk_over_every_element_finds() -> None:
    # Byline marks of each kind (rel, itemprop, a class holding "byline" or "author"), elements
    # with other attributes or none, inside the article and outside it: found in page order.
    page = lxml.html.fromstring(
        "<html><body><header><span class='site-author-box'>Redaktion</span></header><article>"
        "<a rel='author' href='/jana'>Jana Reiter</a><span itemprop='author'>Ole Brandt</span>"
        "<p class='article-byline'>Von Mia Lorenz</p><p id='author'>kein Autor</p>"
        "<div class='lead'>Der Hafen wächst.</div><p>Text.</p><a rel='next' href='/2'>weiter</a>"
        "</article><footer><a rel='author' href='/redaktion'>Redaktion</a></footer></body></html>"
    )

    def marked(element: lxml.html.HtmlElement) -> bool:
        classes = element.get("class") or ""
        return (
            element.get("rel") == "author"
            or element.get("itemprop") == "author"
            or "byline" in classes
            or "author" in classes
        )

    article = [element for element in page.iter("article") for element in element.iterdescendants()]
    everywhere = list(page.iter())
    in_article, anywhere = _BYLINE_XPATHS
    assert in_article(page) == [element for element in article if marked(element)]
    assert anywhere(page) == [element for element in everywhere if marked(element)]
    assert [element.text for element in in_article(page)] == ["Jana Reiter", "Ole Brandt", "Von Mia Lorenz"]


_ATTRIBUTES = (
    "", " rel='author'", " rel='nofollow'", " rel='author nofollow'", " itemprop='author'",
    " itemprop='name'", " class='byline'", " class='author-box x'", " class='teaser'", " class=''",
    " class='Author'",
)  # fmt: skip


def _made_up_page(draw: random.Random, depth: int = 0) -> str:
    """Nested elements, articles among them (an article in an article too), with and without
    the attributes a byline is found by."""
    parts = []
    for _ in range(draw.randint(1, 4)):
        tag = draw.choice(("div", "article", "p", "span", "a"))
        attributes = "".join(draw.choice(_ATTRIBUTES) for _ in range(draw.randint(0, 2)))
        inner = _made_up_page(draw, depth + 1) if depth < 4 and tag != "a" else "Anna Berger"
        parts.append(f"<{tag}{attributes}>{inner}</{tag}>")
    return "".join(parts)


def test_byline_expressions_find_what_their_plain_forms_find_on_made_up_pages() -> None:
    # Elements found from their marking attributes (`@class[…]/..`) for every element tested for
    # them (`//x[…]`): the same elements in the same order, nothing else may change.
    test = (
        "[@rel or @itemprop or @class]"
        "[@rel='author' or @itemprop='author' or contains(@class, 'byline') or contains(@class, 'author')]"
    )
    plain = (XPath(f"//article//*{test}"), XPath(f"//*{test}"))
    draw = random.Random(16)
    found = 0
    for _ in range(300):
        page = lxml.html.fromstring(f"<html><body>{_made_up_page(draw)}</body></html>")
        for element in (page, *draw.sample(list(page.iter()), 2)):
            for expression, plain_form in zip(_BYLINE_XPATHS, plain, strict=True):
                elements = expression(element)
                assert elements == plain_form(element)
                found += len(elements)
    assert found > 1_000
