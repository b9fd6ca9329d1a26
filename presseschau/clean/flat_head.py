"""The article's head on a flattened page: its date stamp and byline, read around where the
text starts (`flat_article`)."""

from __future__ import annotations

from presseschau.clean.byline import Byline
from presseschau.clean.dates import FlatStamp
from presseschau.clean.flat_page import FlatPage

# Where the article's head is looked for: tokens before the article, and into it.
HEAD_BEFORE, HEAD_INTO = 120, 60
# Tokens after the article searched for a labelled stamp ("Datum 28 04 2023").
_TAIL_REACH = 200


def head_meta(
    page: FlatPage, low: int, start: int, end: int
) -> tuple[FlatStamp | None, tuple[int, int, Byline] | None]:
    """The article's stamp and byline, read around its start (see `_article_stamp`)."""
    stamp = _article_stamp(page.stamps, low, start, end)
    return stamp, _nearest_byline(page.bylines, low, end + HEAD_INTO, start) or _beside(page.bylines, stamp)


def _article_stamp(stamps: list[FlatStamp], low: int, start: int, end: int) -> FlatStamp | None:
    """The article's stamp, as on a page of lines: in its head, then in its opening (where a
    date without a time or label is more likely one the text mentions), then after it with a
    label; a labelled stamp first, then one with a time of day (a plain date nearer the text
    is as often one a caption mentions), then the one nearest the article's start; publication
    before update. A page with no such stamp still dates its article by the nearest plain
    date: in the opening, anywhere above (a long teaser list may part stamp and text), the
    first one in the text (where it took in a teaser above the head: readers' comments date
    the text's end), or after it."""
    opening = [s for s in stamps if start <= s.start < min(end, start + HEAD_INTO)]
    areas = [
        [s for s in stamps if low <= s.start < start],
        [s for s in opening if s.timed or s.labelled],
        [s for s in stamps if end <= s.start < end + HEAD_INTO and s.timed],
        [s for s in stamps if end <= s.start < end + _TAIL_REACH and s.labelled],
        opening,
        [s for s in stamps if s.start < low],
        [s for s in stamps if start <= s.start < end][:1],
        [s for s in stamps if end <= s.start < end + _TAIL_REACH],
    ]
    for area in areas:
        if area:
            return min(area, key=lambda s: (s.updated, not s.labelled, not s.timed, abs(s.start - start)))
    return None


def _beside(
    bylines: list[tuple[int, int, Byline]], stamp: FlatStamp | None
) -> tuple[int, int, Byline] | None:
    """The byline right before or after the article's stamp, wherever the page sets the two
    (far above the text, past a picture gallery)."""
    if stamp is None:
        return None
    return next((b for b in bylines if b[0] == stamp.end or b[1] == stamp.start), None)


def _nearest_byline(
    bylines: list[tuple[int, int, Byline]], low: int, high: int, start: int
) -> tuple[int, int, Byline] | None:
    near = [b for b in bylines if low <= b[0] < high]
    return min(near, key=lambda b: abs(b[0] - start)) if near else None
