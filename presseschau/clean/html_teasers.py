"""The teaser cards of a page's markup: a small box of a heading, a paragraph and a link to
another page (a kicker, "Gesperrte A2: Staffel hilft Autofahrern" as a link, "Eine
Motorradstaffel versorgt die Menschen im Stau …"; or an unlinked title over a linked picture,
an excerpt and "zur Serie"; or a note on a person, the name over the rest of the sentence).
trafilatura's recall mode drops a card's links and keeps its excerpt, which then reads like
one of the article's paragraphs: the markup, read before trafilatura prunes it, tells the two
apart."""

from __future__ import annotations

from lxml.html import HtmlElement

from presseschau.clean.html_header import holds
from presseschau.clean.shape import normalise_space

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A card holds a heading, an excerpt (two or three sentences, or the opening lines of the
# article it shows) and a kicker, a date or a "more" link: at most this many characters,
# within this many levels above its heading. A box that is longer is an article or a page
# section (a short article of 1,800 characters with a post embedded beside it is no card).
_CARD_MAX_CHARS = 1_000
_CARD_LEVELS = 3


def teaser_cards(tree: HtmlElement, title: str | None) -> frozenset[str]:
    """The texts (spaces made single) of the teaser cards' headings and paragraphs; a box under
    the page's own `title` is the article (a short one, with a link to a source beside it)."""
    texts: set[str] = set()
    # One walk of the tree for all six levels (an XPath union walks it once per level).
    for heading in tree.iter(_HEADINGS):
        text = normalise_space(heading.text_content())
        own = title is not None and (holds(title, text) or holds(text, title))
        excerpts = _card_paragraphs(heading) if text and not own else []
        if excerpts:
            texts.update((text, *excerpts))
    return frozenset(texts)


def _card_paragraphs(heading: HtmlElement) -> list[str]:
    """The paragraphs of the smallest box around `heading` that holds one, if that box is a
    card: of a card's size, with a link of words outside its paragraphs (a link in a paragraph
    is the text's own, as an article's section has them; a linked picture alone opens it
    larger), or with a paragraph that goes on from its heading (a note on a person: "Anna
    Berger" over "ist Anwältin in Kassel …"; an article's paragraph opens a sentence)."""
    box = heading
    for _ in range(_CARD_LEVELS):
        box = box.getparent()
        if box is None or len(box.text_content()) > _CARD_MAX_CHARS:
            return []
        paragraphs = [normalise_space(paragraph.text_content()) for paragraph in box.iter("p")]
        if any(paragraphs):
            texts = [text for text in paragraphs if text]
            return texts if _links_outside_paragraphs(box) or texts[0][:1].islower() else []
    return []


def _links_outside_paragraphs(box: HtmlElement) -> bool:
    for link in box.iter("a"):
        if link.get("href") is None or not link.text_content().strip():
            continue
        element = link.getparent()
        while element is not None and element is not box and element.tag != "p":
            element = element.getparent()
        if element is box:
            return True
    return False
