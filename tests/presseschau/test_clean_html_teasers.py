from __future__ import annotations

import random

import lxml.html
from lxml.html import HtmlElement

from presseschau.clean.html_header import holds
from presseschau.clean.html_teasers import _links_outside_paragraphs, teaser_cards
from presseschau.clean.shape import normalise_space

_EXCERPT = "Nach dem Ende der Bauarbeiten fahren die Linienbusse wieder durch die Altstadt."


def test_a_cards_title_and_excerpt_are_read_whether_the_title_or_another_line_links() -> None:
    linked_title = (
        "<html><body><div class='card'><h3><a href='/busse.html'>Busse fahren wieder</a></h3>"
        f"<div><p>{_EXCERPT}</p></div></div></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(linked_title), None) == {"Busse fahren wieder", _EXCERPT}
    more_link = (
        "<html><body><div class='card'><h3>Busse fahren wieder</h3>"
        f"<a href='/busse.html'><img src='b.jpg'></a><p>{_EXCERPT}</p>"
        "<a href='/busse.html'>zum Artikel</a></div></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(more_link), None) == {"Busse fahren wieder", _EXCERPT}


def test_a_section_linking_only_in_its_text_or_a_long_box_is_no_card() -> None:
    long_text = "<p>" + "Der Stadtrat hat lange über den Radweg am Fluss gestritten. " * 20 + "</p>"
    page = (
        "<html><body><div><h2>Busse fahren wieder</h2><p>Nach dem Ende der Bauarbeiten fahren die "
        "<a href='/linien.html'>Linienbusse</a> wieder durch die Altstadt.</p></div><article>"
        f"<h2><a href='/radweg.html'>Radweg wird breiter</a></h2>{long_text}</article></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(page), None) == frozenset()


def test_a_short_article_under_the_pages_title_is_no_card() -> None:
    page = (
        "<html><body><div class='story'><h1>Busse fahren wieder durch die Altstadt</h1>"
        f"<p>{_EXCERPT}</p><a href='https://example.org/quelle'>Quelle: Verkehrsbetriebe</a>"
        "</div></body></html>"
    )
    tree = lxml.html.fromstring(page)
    assert teaser_cards(tree, "Busse fahren wieder durch die Altstadt | Stadtbote") == frozenset()
    assert teaser_cards(tree, "Ein anderer Titel") == {"Busse fahren wieder durch die Altstadt", _EXCERPT}


def test_a_card_showing_its_articles_opening_lines_is_read() -> None:
    opening = (
        "Die Busse der Stadt fahren seit Montag wieder ihre alte Strecke durch die Altstadt, nachdem "
        "die Bauarbeiten am Marktplatz früher als geplant beendet wurden. Für viele Fahrgäste ist das "
        "eine gute Nachricht, denn die Umleitung hatte die Fahrt um bis zu zwanzig Minuten verlängert.",
        "Auch die Händler in der Innenstadt hatten über weniger Kundschaft geklagt, seit die Haltestelle "
        "am Rathaus geschlossen war. Sie hoffen nun auf ein besseres Geschäft im Sommer, wenn wieder "
        "mehr Gäste in die Stadt kommen und die Cafés am Marktplatz ihre Tische nach draußen stellen.",
        "Die Verkehrsbetriebe kündigten an, den Takt der Linien am Wochenende zu erhöhen, und baten "
        "die Fahrgäste um Geduld, solange …",
    )
    page = (
        "<html><body><div class='story-teaser'><h2>Busse fahren wieder</h2>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in opening)
        + "<a href='/busse.html'>Artikel lesen</a></div></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(page), None) == {"Busse fahren wieder", *opening}


def test_a_section_whose_only_link_is_its_picture_is_no_card() -> None:
    # A picture linked to its larger view belongs to the article's section it stands in.
    page = (
        "<html><body><div class='box'><h3>Die Altstadt</h3><a href='/bild-12.html'><img src='a.jpg'></a>"
        f"<p>{_EXCERPT}</p></div></body></html>"
    )
    assert teaser_cards(lxml.html.fromstring(page), None) == frozenset()


def _plain_cards(tree: HtmlElement, title: str | None) -> frozenset[str]:
    """`teaser_cards` read plainly: each box's text built anew for each heading and player (the
    test of a box's links is the module's own: the memory of large boxes is what is compared)."""

    def small_box(element: HtmlElement) -> tuple[HtmlElement | None, list[str]]:
        box = element
        for _ in range(3):
            box = box.getparent()
            if box is None or len(box.text_content()) > 1_000:
                return None, []
            paragraphs = [normalise_space(p.text_content()) for p in box.iter("p")]
            if any(paragraphs):
                return box, [text for text in paragraphs if text]
        return None, []

    texts: set[str] = set()
    for heading in tree.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        box, paragraphs = small_box(heading)
        if box is None or not (_links_outside_paragraphs(box) or paragraphs[0][:1].islower()):
            continue
        text = normalise_space(heading.text_content())
        if text and (title is None or not (holds(title, text) or holds(text, title))):
            texts.update((text, *paragraphs))
    for player in tree.iter("iframe", "video", "audio"):
        texts.update(small_box(player)[1])
    return frozenset(texts)


def _made_up_box(draw: random.Random, depth: int) -> str:
    """Nested boxes of headings, paragraphs of any length around a card's, links and players."""
    parts = []
    for _ in range(draw.randint(1, 4)):
        kind = draw.choice(("h2", "h3", "p", "p", "a", "iframe", "box", "box", "text"))
        words = " ".join(
            draw.choice(("Busse", "fahren", "wieder", "die", "Altstadt"))
            for _ in range(draw.choice((2, 20, 90)))
        )
        if kind == "box" and depth < 4:
            parts.append(f"<div>{_made_up_box(draw, depth + 1)}</div>")
        elif kind == "a":
            parts.append(f"<a href='/a{draw.randint(1, 9)}.html'>{words}</a>")
        elif kind == "iframe":
            parts.append("<iframe src='/v.html'></iframe>")
        elif kind in ("h2", "h3", "p"):
            parts.append(f"<{kind}>{words}</{kind}>")
        else:
            parts.append(words)
    return "".join(parts)


def test_cards_equal_a_plain_reading_on_made_up_pages() -> None:
    # The boxes found too large are remembered for the next heading: nothing else may change.
    draw = random.Random(14)
    for _ in range(400):
        tree = lxml.html.fromstring(f"<html><body>{_made_up_box(draw, 0)}</body></html>")
        title = draw.choice((None, "Busse fahren wieder"))
        assert teaser_cards(tree, title) == _plain_cards(tree, title)
