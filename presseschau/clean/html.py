"""HTML → blocks: trafilatura finds the main text of full pages; fragments (and pages
trafilatura gives up on) are read element by element, and what trafilatura's recall mode lets
through is trimmed (`html_trim`). Metadata comes from `html_meta`."""

from __future__ import annotations

import re
import threading
from functools import cache

import lxml.etree
import lxml.html
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from trafilatura.core import trafilatura_sequence
from trafilatura.settings import Extractor
from trafilatura.xml import xmltotxt

from presseschau.clean.blocks import Block, text_blocks
from presseschau.clean.byline import has_byline_marker
from presseschau.clean.dates import parse_date_line
from presseschau.clean.html_header import holds
from presseschau.clean.html_meta import read_html_metadata
from presseschau.clean.html_teasers import teaser_cards
from presseschau.clean.html_trim import trimmed
from presseschau.clean.shape import (
    PROSE_MIN_WORDS,
    is_heading_like,
    is_list_item,
    more_words_than,
    normalise_space,
)
from presseschau.clean.stated import Stated
from presseschau.ingest import RejectedInput

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_FULL_PAGE = re.compile(r"<(?:html|body)[\s>]", re.I)
_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A main text shorter than this many characters and than this share of the page's visible
# text may have missed the article: trafilatura's second opinions are asked for. The first is
# its own threshold for them in recall mode (MIN_EXTRACTED_SIZE × 10 in its settings.cfg),
# the second the share its recall escalation uses (ESCALATION_PAGE_SHARE in its core.py).
_SECOND_OPINION_CHARS = 2_500
_SECOND_OPINION_SHARE = 0.2
# The page's teaser follows its headline lines: at most this many lines stand above it.
_HEAD_LINES = 4
# The element classes of lxml.html's parser, chosen in C: its own lookup is a Python method
# called for every element Python touches (a tenth of the cleaning of an HTML page), only to
# give form controls (form, input, select, textarea, label) subclasses with form accessors
# (`value`, `inputs`, `fields`) that neither this package nor trafilatura uses. Every element
# is an `HtmlElement` still, with `text_content`, `drop_tree` and the rest.
_ELEMENT_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)
# One parser per thread, made on the thread's first page: a parser's first parse sets up
# libxml2's parser context, about a third of parsing a small page, and later parses reset it.
# Not shared between threads: a parse clears its parser's error log, which `read_html` reads.
_PARSERS = threading.local()
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
    parser = _parser()
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
    # trafilatura prunes the tree it is given (the teaser cards' headings with the rest), so
    # the cards are read first, and a second reading parses the page again.
    cards = teaser_cards(tree, stated.title)
    blocks = _main_text(tree, fast=True)
    chars = sum(len(block.text) for block in blocks)
    # The page's visible text is never longer than its source: a main text that is a large
    # share of the source needs no second opinion, and no second parse to measure the page.
    menu = not _has_paragraph(blocks)
    if menu or chars < min(_SECOND_OPINION_CHARS, _SECOND_OPINION_SHARE * len(source)):
        fresh = lxml.html.fromstring(source, parser=parser)
        if menu or chars < _SECOND_OPINION_SHARE * _visible_chars(fresh):
            blocks = _main_text(fresh, fast=False) or blocks
    blocks = _from_lead(trimmed(blocks, stated, cards), stated.lead)
    blocks = blocks or _element_blocks(lxml.html.fromstring(source, parser=parser))
    return _with_lead(blocks, stated.lead), stated


def _parser() -> lxml.html.HTMLParser:
    """This thread's parser (see `_PARSERS`), in libxml2's "huge" mode (see `read_html`)."""
    parser: lxml.html.HTMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = lxml.html.HTMLParser(huge_tree=True)
        parser.set_element_class_lookup(_ELEMENT_CLASSES)
        _PARSERS.parser = parser
    return parser


def _with_lead(blocks: list[Block], lead: str | None) -> list[Block]:
    """`blocks` with the teaser under the headline (`lead`) when the main text left it out: after
    the headline lines the main text opens with (headline, kicker, subtitle), where the page
    shows it, so that the frame still finds the headline at the top."""
    if not lead or holds("\n".join(block.text for block in blocks), lead):
        return blocks
    under = next(
        (index for index, block in enumerate(blocks) if not is_heading_like(block.text)), len(blocks)
    )
    return [*blocks[:under], Block(lead), *blocks[under:]]


def _from_lead(blocks: list[Block], lead: str | None) -> list[Block]:
    """`blocks` from the page's teaser (`lead`) on when only headline-like lines stand above it:
    the kicker and the headline as the page shows them, worded otherwise than its title
    ("Hitzefolgen", "So sind Straßenbahnen … vorbereitet"), and labels such as "Hauptinhalt".
    A date or byline line among them leaves the head as it is, for the frame to read."""
    if not lead:
        return blocks
    for index, block in enumerate(blocks[:_HEAD_LINES]):
        if holds(block.text, lead):
            return blocks[index:]
        if not is_heading_like(block.text) or parse_date_line(block.text) or has_byline_marker(block.text):
            return blocks
    return blocks


def _main_text(tree: HtmlElement, *, fast: bool) -> list[Block]:
    """trafilatura's main text; metadata is read separately, so it is not asked for it. The
    tree is pruned on the way: read it no more.

    The fast reading is in recall mode, which keeps teasers (trafilatura's default drops
    elements classed "teaser"); the boilerplate step after it removes what recall lets through.
    Fast mode skips trafilatura's second opinions (readability and justext); they run
    (`fast=False`, see `_extractor`) only on pages whose fast reading is short, and a small part
    of the page's text, or has no paragraph: on the others they would cost a copy of the whole
    tree and change nothing.

    trafilatura's extraction cascade is called without `bare_extraction` around it: that
    copies the whole tree it is given before anything else (so that the caller's stays
    whole), about 2 % of the cleaning of an HTML page, and no page is read twice here. The
    cascade is internal (its docstring: "not a stable API"); it earns that for the pinned
    trafilatura (pyproject.toml), and test_clean_html compares both on the sample pages, so
    an upgrade that changes it fails there. What `bare_extraction` does around the cascade
    for these options is done here: discard a page on its errors and on empty text.
    """
    options = _extractor(fast)
    try:
        body, text, _comments_body, _comments = trafilatura_sequence(tree, options)
    except (TypeError, ValueError):
        return []
    if len(text) < options.min_output_size:
        return []
    return [
        Block(line, "li" if is_list_item(line) else "p")
        for line in map(normalise_space, xmltotxt(body, options.formatting).split("\n"))
        if line
    ]


@cache
def _extractor(fast: bool) -> Extractor:
    """trafilatura's options, made once rather than for every page (each set reads a dozen
    settings); trafilatura copies a set before it changes one, so one set serves every page.

    The second reading (`fast=False`) is in trafilatura's balanced mode: there, a short result
    escalates to a reading in recall mode and to justext, and the longer one wins. Recall mode
    has no such escalation, and on a page whose recall reading stops at the article's header
    justext is the one that finds its paragraphs."""
    return Extractor(output_format="python", fast=fast, recall=fast, comments=False, tables=False)


def _has_paragraph(blocks: list[Block]) -> bool:
    """Whether a main text has a line of more words than a paragraph's fewest; a main text
    without one, of any length, is a menu's entries taken for the article and gets the second
    opinion too."""
    return any(more_words_than(block.text, PROSE_MIN_WORDS) for block in blocks)


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
