"""HTML → blocks: trafilatura finds the main text of full pages; fragments (and pages
trafilatura gives up on) are read element by element. Metadata comes from `html_meta`.

trafilatura's recall mode lets through what boxes inside and after the article hold: teasers
closed by a "more" link, credit lines between paragraphs, notes on the author, and the labels
after the last sentence. They are taken out of its main text here, by their shape."""

from __future__ import annotations

import re
from functools import cache

import lxml.etree
import lxml.html
import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Extractor

from presseschau.clean.blocks import Block, text_blocks
from presseschau.clean.byline import has_byline_marker, parse_byline
from presseschau.clean.captions import credit_of
from presseschau.clean.dates import find_stamp, parse_date_line
from presseschau.clean.html_header import holds
from presseschau.clean.html_meta import read_html_metadata
from presseschau.clean.resources import data_lines
from presseschau.clean.shape import is_heading_like, is_list_item, is_prose, more_words_than, normalise_space
from presseschau.clean.stated import Stated
from presseschau.ingest import RejectedInput

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_FULL_PAGE = re.compile(r"<(?:html|body)[\s>]", re.I)
_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# What closes a sentence, closing quotes included; and how far from its end a "more" link stands.
_SENTENCE_ENDS = (".", "!", "?", "…", '"', "“", "”", "»", "«")
_READ_MORE_CHARS = 16
# A note on an author is a sentence of this many words or more ("Inga Buller und Max Muster",
# a byline, is none).
_NOTE_MIN_WORDS = 8
# A credit line between paragraphs has at most this many words (and characters).
_CREDIT_LINE_MAX_WORDS, _CREDIT_LINE_MAX_CHARS = 8, 120
# A main text shorter than this many characters and than this share of the page's visible
# text may have missed the article: trafilatura's second opinions are asked for. The first is
# its own threshold for them in recall mode (MIN_EXTRACTED_SIZE × 10 in its settings.cfg),
# the second the share its recall escalation uses (ESCALATION_PAGE_SHARE in its core.py).
_SECOND_OPINION_CHARS = 2_500
_SECOND_OPINION_SHARE = 0.2
_VISIBLE_TEXT = "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
# Elements that are never article text in a fragment.
_NON_CONTENT = (
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
    "figure", "figcaption", "iframe", "svg", "select",
)  # fmt: skip


def read_html(text: str) -> tuple[list[Block], Stated]:
    """Blocks of an HTML page or fragment, and the metadata its markup states.

    Raises RejectedInput `too_deeply_nested` for a page nested deeper than libxml2 parses:
    libxml2 stops at 256 levels by default and keeps only what came before, so a page whose
    article sat in 300 nested <div>s came out empty. Its "huge" mode parses 2,048 levels;
    a page deeper than that is refused with its reason instead of read in part.
    """
    source = _XML_DECLARATION.sub("", text)
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.fromstring(source, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return text_blocks(_TAG.sub(" ", text)), Stated()
    too_deep = [error.message for error in parser.error_log if error.type_name == "ERR_RESOURCE_LIMIT"]
    if too_deep:
        raise RejectedInput(
            "too_deeply_nested",
            f"its HTML nests elements more than 2,048 levels deep ({too_deep[0].strip()}); no article "
            "page does, and a parser reads only what comes before that depth",
        )
    stated = read_html_metadata(tree)
    if not _FULL_PAGE.search(source[:5000]):
        return _element_blocks(tree), stated
    # trafilatura prunes the tree it is given, so a second reading parses the page again.
    blocks = _main_text(tree, fast=True)
    chars = sum(len(block.text) for block in blocks)
    # The page's visible text is never longer than its source: a main text that is a large
    # share of the source needs no second opinion, and no second parse to measure the page.
    if chars < min(_SECOND_OPINION_CHARS, _SECOND_OPINION_SHARE * len(source)):
        fresh = lxml.html.fromstring(source, parser=parser)
        if chars < _SECOND_OPINION_SHARE * _visible_chars(fresh):
            blocks = _main_text(fresh, fast=False) or blocks
    blocks = _without_author_notes(_without_inner_credits(_without_teasers(blocks)), stated.authors)
    blocks = _without_trailing_labels(blocks)
    blocks = blocks or _element_blocks(lxml.html.fromstring(source, parser=parser))
    if stated.lead and not holds("\n".join(block.text for block in blocks), stated.lead):
        blocks.insert(0, Block(stated.lead))  # the teaser under the headline, left out of the main text
    return blocks, stated


def _main_text(tree: HtmlElement, *, fast: bool) -> list[Block]:
    """trafilatura's main text; metadata is read separately, so it is not asked for it.

    Recall mode keeps teasers (trafilatura's default drops elements classed "teaser"); the
    boilerplate step after it removes what recall lets through. Fast mode skips trafilatura's
    second opinions (readability and justext); they run (`fast=False`) only on pages whose
    fast reading is short, and a small part of the page's text: on the others they would
    cost a copy of the whole tree and change nothing.
    """
    document = trafilatura.bare_extraction(tree, options=_extractor(fast))
    extracted = getattr(document, "text", None) if document is not None else None
    if not extracted:
        return []
    return [
        Block(line, "li" if is_list_item(line) else "p")
        for line in map(normalise_space, extracted.split("\n"))
        if line
    ]


@cache
def _extractor(fast: bool) -> Extractor:
    """trafilatura's options, made once rather than for every page (each set reads a dozen
    settings); trafilatura copies a set before it changes one, so one set serves every page."""
    return Extractor(output_format="python", fast=fast, recall=True, comments=False, tables=False)


def _visible_chars(tree: HtmlElement) -> int:
    return sum(len(text.strip()) for text in tree.xpath(_VISIBLE_TEXT))


def _element_blocks(tree: HtmlElement) -> list[Block]:
    for element in tree.xpath("|".join(f"//{tag}" for tag in _NON_CONTENT)):
        element.drop_tree()
    blocks: list[Block] = []
    for element in tree.iter(*_BLOCK_TAGS):
        if any(ancestor.tag in _BLOCK_TAGS for ancestor in element.iterancestors()):
            continue
        text = normalise_space(element.text_content())
        if not text:
            continue
        if element.tag == "li":
            blocks.append(Block(f"- {text}", "li"))
        else:
            blocks.append(
                Block(
                    text, "h" if element.tag in _HEADINGS else "quote" if element.tag == "blockquote" else "p"
                )
            )
    if not blocks:
        return text_blocks(tree.text_content())
    return blocks


def _without_teasers(blocks: list[Block]) -> list[Block]:
    """`blocks` without teasers of other articles: a text closed by a "more" link after its last
    sentence ("… Hier finden Sie Antworten auf viele Fragen. mehr"), and the title line above it."""
    # Most blocks end with a full stop, not with a link's letters: one character tells.
    if not any(block.text[-1:].isalpha() and _ends_with_read_more(block.text) for block in blocks):
        return blocks
    kept: list[Block] = []
    for block in blocks:
        if not _ends_with_read_more(block.text):
            kept.append(block)
        elif kept and is_heading_like(kept[-1].text):
            kept.pop()
    return kept


def _ends_with_read_more(text: str) -> bool:
    ending = text[-_READ_MORE_CHARS:].casefold()
    if not ending.endswith(_read_more_labels()):
        return False
    label = next(label for label in _read_more_labels() if ending.endswith(label))
    before = text[: -len(label)]
    return before[-1:].isspace() and before.rstrip().endswith(_SENTENCE_ENDS)


@cache
def _read_more_labels() -> tuple[str, ...]:
    """The labels, longest first: "mehr lesen" is found before "lesen" would be."""
    return tuple(sorted(data_lines("read_more_links.txt"), key=len, reverse=True))


def _without_inner_credits(blocks: list[Block]) -> list[Block]:
    """`blocks` without the bylines and source lines between the article's paragraphs ("Von Tim
    Ehlers", "Quelle: Landesregierung"): the credits of a box, a table or a teaser set inside
    the article. Those before its first paragraph and after its last stay for the frame."""
    # The first and last paragraphs, each found from its own end; the blocks between are tested
    # by their length first, as most are paragraphs far longer than a credit.
    first = next((i for i, block in enumerate(blocks) if is_prose(block.text)), len(blocks))
    last = next((i for i in range(len(blocks) - 1, first, -1) if is_prose(blocks[i].text)), first)
    credits = {
        index
        for index in range(first + 1, last)
        if len(blocks[index].text) <= _CREDIT_LINE_MAX_CHARS and _is_credit_line(blocks[index].text)
    }
    return [block for index, block in enumerate(blocks) if index not in credits] if credits else blocks


def _is_credit_line(text: str) -> bool:
    """A short byline, or a line labelled like one ("Quelle: …", "Autor: red"); a subheading
    opening with "Von" ("Von Risiken und Nebenwirkungen") is neither."""
    if more_words_than(text, _CREDIT_LINE_MAX_WORDS) or not has_byline_marker(text):
        return False
    return text.split(None, 1)[0].endswith(":") or parse_byline(text) is not None


def _without_author_notes(blocks: list[Block], authors: tuple[str, ...]) -> list[Block]:
    """`blocks` without the notes on the article's authors, sentences opening with an author's
    name and a verb ("Inga Buller ist Head of Social & Community bei …", "Daniel Weinmann
    arbeitete viele Jahre als Redakteur …"): the author box, not the article."""
    if not authors:
        return blocks
    openings = tuple(f"{name} " for name in authors)
    return [
        block
        for block in blocks
        if not (block.text.startswith(openings) and _is_author_note(block.text, openings))
    ]


def _is_author_note(text: str, openings: tuple[str, ...]) -> bool:
    opening = next(opening for opening in openings if text.startswith(opening))
    return text[len(opening) : len(opening) + 1].islower() and is_prose(text, min_words=_NOTE_MIN_WORDS)


def _without_trailing_labels(blocks: list[Block]) -> list[Block]:
    """`blocks` without the short labels after the article's last sentence: the box titles,
    link texts, contact lines and lists of dated headlines trafilatura's recall lets through
    ("Mehr aus Thüringen", "Weiterführender Link", "Telefon: …"). An article ends with a closed
    sentence, an undated list or its credits: the date, byline and image credit lines among the
    labels stay for the steps that read them. A text without a sentence is left as it is."""
    end = len(blocks)
    meta: list[Block] = []
    while end > 0 and _is_label(text := blocks[end - 1].text):
        if parse_date_line(text) is not None or has_byline_marker(text) or credit_of(text) is not None:
            meta.insert(0, blocks[end - 1])
        end -= 1
    return blocks[:end] + meta if 0 < end < len(blocks) else blocks


def _is_label(text: str) -> bool:
    """A headline-like line, or a line stamped with a date and not closed like a sentence: an
    entry of a list of other articles ("- Mazda fertigt flexibler 4. November 2021"), a programme
    note ("Dieses Thema im Programm: … | 20. April 2020 | 13:00 Uhr")."""
    return is_heading_like(text) or (
        not text.rstrip().endswith(_SENTENCE_ENDS) and find_stamp(text) is not None
    )
