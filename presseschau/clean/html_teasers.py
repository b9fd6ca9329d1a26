"""The teaser cards of a page's markup: a small box of a heading, a paragraph and a link to
another page (a kicker, "Gesperrte A2: Staffel hilft Autofahrern" as a link, "Eine
Motorradstaffel versorgt die Menschen im Stau …"; or an unlinked title over a linked picture,
an excerpt and "zur Serie"; or a note on a person, the name over the rest of the sentence),
and the small boxes of a video or podcast player with a paragraph that describes it.
trafilatura's recall mode drops a card's links and players and keeps its paragraphs, which
then read like the article's: the markup, read before trafilatura prunes it, tells them apart."""

from __future__ import annotations

from lxml.html import HtmlElement

from presseschau.clean.html_header import holds
from presseschau.clean.shape import normalise_space

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# An embedded video, podcast or post: the page shows it, its text is not the article.
_PLAYERS = ("iframe", "video", "audio")
# A card holds a heading, an excerpt (two or three sentences, or the opening lines of the
# article it shows) and a kicker, a date or a "more" link: at most this many characters,
# within this many levels above its heading. A box that is longer is an article or a page
# section (a short article of 1,800 characters with a post embedded beside it is no card).
_CARD_MAX_CHARS = 1_000
_CARD_LEVELS = 3


def teaser_cards(tree: HtmlElement, title: str | None) -> frozenset[str]:
    """The texts (spaces made single) of the teaser cards' headings and paragraphs and of the
    players' paragraphs; a box under the page's own `title` is the article (a short one, with
    a link to a source beside it)."""
    texts: set[str] = set()
    # The boxes found too large so far: the headings of an article or a page section share
    # their box, whose text `_small_box` would build again for each of them.
    large: set[HtmlElement] = set()
    # One walk of the tree for all six levels (an XPath union walks it once per level).
    for heading in tree.iter(_HEADINGS):
        box, paragraphs = _small_box(heading, large)
        # A link in a paragraph is the text's own, as an article's section has them; a
        # linked picture alone opens it larger. A paragraph opening in lower case goes on
        # from the heading ("Anna Berger" / "ist Anwältin in Kassel …"): a note on a person.
        if box is None or not (_links_outside_paragraphs(box) or paragraphs[0][:1].islower()):
            continue
        text = normalise_space(heading.text_content())
        if text and (title is None or not (holds(title, text) or holds(text, title))):
            texts.update((text, *paragraphs))
    for player in tree.iter(_PLAYERS):
        texts.update(_small_box(player, large)[1])
    return frozenset(texts)


def _small_box(element: HtmlElement, large: set[HtmlElement]) -> tuple[HtmlElement | None, list[str]]:
    """The smallest box around `element` that holds a paragraph, and its paragraphs' texts,
    if that box is a card's size; else no box and no texts. `large`: the boxes found larger
    than a card so far, to which those found now are added."""
    box = element
    for _ in range(_CARD_LEVELS):
        box = box.getparent()
        if box is None or box in large:
            return None, []
        if len(box.text_content()) > _CARD_MAX_CHARS:
            large.add(box)
            return None, []
        paragraphs = [normalise_space(paragraph.text_content()) for paragraph in box.iter("p")]
        if any(paragraphs):
            return box, [text for text in paragraphs if text]
    return None, []


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
