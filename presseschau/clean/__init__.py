"""Cleaning: decoded article text → `CleanDocument` (body + the metadata it states).

Each input format has a reader that turns it into blocks plus explicitly stated metadata;
`assemble` then applies the shared steps (boilerplate, captions, headline/byline/date frame,
lead, dateline, outlet, language).
"""

from __future__ import annotations

from datetime import datetime

from presseschau.clean.assemble import assemble
from presseschau.clean.blocks import text_blocks
from presseschau.clean.flattened import read_flattened
from presseschau.clean.footer import split_footer
from presseschau.clean.html import read_html
from presseschau.clean.language import detect_language
from presseschau.clean.markdown import read_markdown
from presseschau.clean.segments import remove_segments, split_segments
from presseschau.models import CleanDocument

__all__ = ["VERSION", "clean_document", "detect_language", "remove_segments", "split_segments"]

# Raise when a change to cleaning changes what the same input becomes (body, metadata or
# reason): documents an older version cleaned are then cleaned again by the next run
# (clean.documents.clean_version), although their files have not changed.
VERSION = 13


def clean_document(text: str, fmt: str, *, fetched_at: datetime | None = None) -> CleanDocument:
    """Strip web leftovers from `text` (of format `fmt`) and read its metadata; `fetched_at`
    (when a fetched page was downloaded) dates relative stamps ("vor 3 Stunden")."""
    if fmt == "html":
        blocks, stated = read_html(text)
        return assemble(blocks, stated, chars_in=len(text))
    if fmt == "flattened":
        blocks, stated = read_flattened(text, now=fetched_at)
        return assemble(blocks, stated, chars_in=len(text))
    rest, footer = split_footer(text)
    if fmt == "markdown":
        blocks, stated = read_markdown(rest)
    else:
        blocks, stated = text_blocks(rest), footer
    return assemble(blocks, stated.fill(footer), chars_in=len(text), page=True, now=fetched_at)
