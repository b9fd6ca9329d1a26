"""Blocks plus stated metadata → `CleanDocument`: the steps every input format shares."""

from __future__ import annotations

import re
from datetime import datetime

from presseschau.clean.blocks import Block
from presseschau.clean.boilerplate import remove_boilerplate
from presseschau.clean.captions import remove_captions
from presseschau.clean.dateline import split_dateline
from presseschau.clean.frame import read_frame
from presseschau.clean.language import detect_language
from presseschau.clean.outlets import canonical_outlet, copyright_holder, find_outlet
from presseschau.clean.page import read_page
from presseschau.clean.shape import is_heading_like, more_words_than
from presseschau.clean.stated import Stated
from presseschau.models import CleanDocument

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"“”»«']?\s+(?=[„\"“»«']?[A-ZÄÖÜ])")
# Body paragraphs searched for a dateline, and the longest derived title.
_DATELINE_PARAGRAPHS = 2
_DERIVED_TITLE_MAX_CHARS = 300
_LEAD_MIN_WORDS = 8


def assemble(
    blocks: list[Block], stated: Stated, *, chars_in: int, page: bool = False, now: datetime | None = None
) -> CleanDocument:
    """The document from its blocks; `page`: the blocks are a whole web page (menus, teasers
    and footers around the article), whose article and head are found first; `now`: when the
    page was fetched, which dates stamps such as "vor 3 Stunden"."""
    found = read_page(blocks, now=now) if page else None
    page_frame = found.frame if found else None
    furniture = found.furniture if found else ()
    if found:
        blocks = found.body
    filtered = remove_boilerplate(blocks)
    kept, credits, captions = remove_captions(filtered.blocks)
    known_title = stated.title or (page_frame.title if page_frame else None)
    known_authors = stated.authors or (page_frame.authors if page_frame else ())
    frame, body_blocks = read_frame(kept, known_title, known_authors)
    if page_frame is not None:
        frame = page_frame.fill(frame)
    body = "\n\n".join(block.text for block in body_blocks)
    lead = stated.lead or _lead(body_blocks)
    text_dateline = _dateline(body_blocks)
    if lead and (split := split_dateline(lead)):
        lead = split[1]
    title = stated.title or frame.title
    derived = title is None and bool(lead)
    if derived and lead:
        title = _SENTENCE_END.split(lead, maxsplit=1)[0][:_DERIVED_TITLE_MAX_CHARS]
    translators = frame.translators
    authors = tuple(a for a in (stated.authors or frame.authors) if a not in translators)
    agencies = stated.agencies or frame.agencies
    outlet = (
        stated.outlet
        or frame.masthead
        or find_outlet((*furniture, *filtered.site_texts))
        or copyright_holder(found.footer if found else ())
    )
    return CleanDocument(
        body=body,
        title=title,
        title_derived=derived,
        lead=lead,
        published=stated.published or frame.published or frame.updated,
        authors=authors,
        agencies=agencies,
        translators=translators,
        dateline=text_dateline or frame.byline_place or stated.dateline,
        outlet=canonical_outlet(outlet) if outlet else None,
        cited_sources=stated.cited_sources,
        image_credits=tuple(dict.fromkeys((*stated.image_credits, *credits))),
        image_captions=captions,
        paywalled=stated.paywalled or filtered.paywalled or bool(found and found.paywalled),
        language=detect_language(body or title or ""),
        chars_in=chars_in,
    )


def _lead(blocks: list[Block]) -> str | None:
    """The first paragraph of running text (the teaser, or the opening paragraph)."""
    for block in blocks:
        if (
            block.kind == "p"
            and not is_heading_like(block.text)
            and more_words_than(block.text, _LEAD_MIN_WORDS - 1)
        ):
            return block.text
    return None


def _dateline(blocks: list[Block]) -> str | None:
    paragraphs = [block for block in blocks if block.kind == "p"][:_DATELINE_PARAGRAPHS]
    for block in paragraphs:
        split = split_dateline(block.text)
        if split:
            return split[0]
    return None
