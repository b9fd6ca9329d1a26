"""The teaser cards of a page's markup: a small box of a heading that is all a link to another
article and that article's excerpt in a paragraph beside it (a kicker, "Gesperrte A2: Staffel
hilft Autofahrern" linked, "Eine Motorradstaffel versorgt die Menschen im Stau …"). trafilatura's
recall mode drops the linked heading and keeps the excerpt, which then reads like one of the
article's paragraphs: the markup, read before trafilatura prunes it, tells the two apart."""

from __future__ import annotations

from lxml.html import HtmlElement

from presseschau.clean.shape import normalise_space

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A card holds a heading, an excerpt of two or three sentences and a kicker or a date: at most
# this many characters, within this many levels above its heading. A box that is longer (an
# article, a page section) is no card.
_CARD_MAX_CHARS = 600
_CARD_LEVELS = 3


def teaser_cards(tree: HtmlElement) -> frozenset[str]:
    """The texts (spaces made single) of the teaser cards' linked headings and of the
    paragraphs beside them."""
    texts: set[str] = set()
    # One walk of the tree for all six levels (an XPath union walks it once per level).
    for heading in tree.iter(_HEADINGS):
        links = [link.text_content() for link in heading.iter("a") if link.get("href") is not None]
        title = normalise_space(heading.text_content())
        if not links or not title or normalise_space(" ".join(links)) != title:
            continue
        excerpts = _card_paragraphs(heading)
        if excerpts:
            texts.update((title, *excerpts))
    return frozenset(texts)


def _card_paragraphs(heading: HtmlElement) -> list[str]:
    """The paragraphs of the smallest box around `heading` that holds one, if that box is a
    card's size."""
    box = heading
    for _ in range(_CARD_LEVELS):
        box = box.getparent()
        if box is None or len(box.text_content()) > _CARD_MAX_CHARS:
            return []
        paragraphs = [normalise_space(paragraph.text_content()) for paragraph in box.iter("p")]
        if any(paragraphs):
            return [text for text in paragraphs if text]
    return []
