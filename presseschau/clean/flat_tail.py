"""Where the article on a flattened page ends: before the site's prompt set right after its
last sentence, before a row of teasers, and at a related-content heading unless the
article's paragraphs go on after it (a box set inside the text)."""

from __future__ import annotations

from itertools import islice

from presseschau.clean.flat_page import FlatPage
from presseschau.clean.flat_tokens import single_word_labels
from presseschau.clean.flat_units import runs_through
from presseschau.clean.region import series_start

# A related-content heading ("Weitere Themen") ends the article unless a paragraph's worth of
# running text follows it within a few teasers' length (a box set inside the article).
_BOX_REACH, _PARAGRAPH_TOKENS = 150, 50
# The article ends before a row of this many texts or more, each shorter than this (teasers).
_TEASERS, _TEASER_TOKENS = 4, 40
# The site's words after the text: the most tokens they run, and their share (twice what
# makes a paragraph the site's, `prose.SITE_SHARE`: these are shorter).
_SITE_TAIL_TOKENS, _SITE_TAIL_SHARE, _SITE_TAIL_OPENING = 60, 0.2, 3
# Comments: this many stamps with a time of day or a name beside them, each at most this many
# tokens after the one before (as `region._before_comments` reads them on a page of lines).
_COMMENT_RUN, _COMMENT_GAP = 3, 300


def site_tail_start(page: FlatPage, start: int, end: int) -> int:
    """Where the site's own words that end the article's last unit start, else `end`: a
    paywall, newsletter or feedback prompt set right after the text, with no label between
    ("... zurückziehen | Wählen Sie Ihren Zugang und lesen Sie weiter"). They address the reader
    or name the site's machinery (see `prose`), the text seldom does; the prompt opens with a
    capital and one of those words within its first `_SITE_TAIL_OPENING` tokens, and runs to
    the end."""
    tally, labels = page.tally, single_word_labels()
    last = end  # interface labels at the edge are trimmed from the text anyway (`flat_body.trimmed`)
    while last > start and page.folded[last - 1] in labels:
        last -= 1
    reach = max(start, last - _SITE_TAIL_TOKENS)
    if tally.measure(reach, last).site < 2:
        return end  # as on most pages: no prompt, and no run to try
    tail = end
    for low in range(last - _SITE_TAIL_OPENING, reach - 1, -1):
        if not page.initials[low].isupper():
            continue
        prose = tally.measure(low, last)
        if (
            prose.site >= 2
            and prose.site >= _SITE_TAIL_SHARE * prose.words
            and tally.measure(low, low + _SITE_TAIL_OPENING).site
        ):
            tail = low
    return tail


def teaser_tail(tokens: list[str], units: list[tuple[int, int, bool]], first: int, last: int) -> int:
    """The end (a unit index) of the article among units[first:last] without the list of
    teasers it may end in: `_TEASERS` texts or more in a row up to the end, each under
    `_TEASER_TOKENS` tokens, parted by titles or menu phrases; the article's paragraphs are
    longer (a sentence runs through short runs of names and numbers, see `runs_through`). A
    list longer than the article before it is the article (a ticker, a list of short items)."""
    texts, tail = 0, last
    text_end = None  # the end of the text being walked back through
    for index in range(last - 1, first - 1, -1):
        low, high, is_cut = units[index]
        if not is_cut or runs_through(tokens, low, high):
            text_end = high if text_end is None else text_end
            if text_end - low >= _TEASER_TOKENS:
                break
        elif text_end is not None:
            texts, text_end = texts + 1, None
            if texts >= _TEASERS:
                tail = index
    if first < tail < last and units[tail][0] - units[first][0] >= units[last - 1][1] - units[tail][0]:
        return tail
    return last


def text_follows(tokens: list[str], units: list[tuple[int, int, bool]], index: int) -> bool:
    """Whether `_PARAGRAPH_TOKENS` of running text follow units[index] within `_BOX_REACH`
    tokens, counting the short runs of names and numbers a sentence runs through (see
    `runs_through`), as the article's paragraphs have; teasers after the article stand
    between titles, each a few lines long."""
    reach = units[index][1] + _BOX_REACH
    run_start = None
    for low, high, is_cut in islice(units, index + 1, None):
        if low >= reach:
            break
        if is_cut and not runs_through(tokens, low, high):
            run_start = None
            continue
        run_start = low if run_start is None else run_start
        if high - run_start >= _PARAGRAPH_TOKENS:
            return True
    return False


def comments_start(page: FlatPage, start: int, end: int) -> int:
    """Where a comment section the article's run of prose ran into starts, else `end`: a
    series of stamps stating a time of day or a name beside the date, as comments carry (the
    article's paragraphs carry none; labelled ones, "Aktualisiert am", are the article's
    updates), each at most `_COMMENT_GAP` tokens after the one before. The section starts at
    its first stamp, or at the name right before it."""
    named_from: dict[int, int] = {}  # where a byline ends (a stamp may start) → where it starts
    for low, high, _ in page.bylines:
        named_from.setdefault(high, low)
    opened = {low for low, _, _ in page.bylines}
    signed = (
        stamp.start
        for stamp in page.stamps
        if start < stamp.start < end
        and not stamp.labelled
        and (stamp.timed or stamp.start in named_from or stamp.end in opened)
    )
    first = series_start(signed, _COMMENT_RUN, _COMMENT_GAP)
    return end if first is None else named_from.get(first, first)
