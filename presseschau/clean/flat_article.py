"""Where the article on a flattened page starts and ends: the page's main cluster of prose.

The page is cut into units (`flat_units`), each weighed by its words (`FlatPage.unit_weight`);
the article is the run of units of greatest weight (`region.main_region`), read twice: with
label runs inside sentences cutting them, and without (for an opening left in pieces).
"""

from __future__ import annotations

from math import inf

from presseschau.clean.flat_head import HEAD_BEFORE, HEAD_INTO
from presseschau.clean.flat_page import LABEL_COST, FlatPage
from presseschau.clean.flat_tail import PARAGRAPH_TOKENS, site_tail_start, teaser_tail, text_follows
from presseschau.clean.flat_tokens import Span
from presseschau.clean.flat_units import INNER_LABELS, in_sentence, page_units
from presseschau.clean.region import Joins, main_region
from presseschau.clean.resources import phrase_set

# How far before the article's start the sentence it starts in is looked for.
_SENTENCE_BACK = 8
# A first sentence's subject cut off by a longer run of labels is the run's last words, this many
# at most (an adjective and a noun, a first name and a surname: "Dubiose Händler versprechen").
_SUBJECT_LABELS = 2


def find_article(page: FlatPage, cuts: list[Span]) -> tuple[int, int, int]:
    """(start, end, opening) of the article's tokens, found as on a page of lines (`region`):
    the page is cut into units at interface phrases, stamps and bylines and around runs of
    capitalised words without a function word (menus, teaser titles, names in lists), and each
    unit weighed. Those runs also cut sentences that name a firm, a place or an amount ("bei
    der Werft Neue Schiffswerft Lübeck zwei Schiffe für 12 5 Millionen Euro bestellt"), and an
    opening paragraph left in pieces may fall outside. `opening` is where the article starts
    when short runs between lower-case words are read as part of the text instead (at or before
    `start`); the end stays as the stricter cut finds it (read that way, teaser lists after the
    article join it), and the opening reaches back across no menu phrase or long run of labels."""
    units = page_units(page, cuts)
    start, end = _region(page, units)
    inner_start, inner_end = _region(page, page_units(page, cuts, inner=True))
    if end < inner_end <= end + _SENTENCE_BACK and page.cut_kinds.get(inner_end) == "tail":
        end = inner_end  # the last sentence, split by a name or date, runs up to a related-content heading
    end = site_tail_start(page, start, end)
    if not (inner_start < start < inner_end):
        return start, end, start
    for low, high, is_cut in units:
        if (
            inner_start <= low
            and high <= start
            and is_cut
            and (high - low > INNER_LABELS or page.cut_kinds.get(low) in ("nav", "tail"))
            and not _through_phrase(page, low, high)
        ):
            inner_start = high
    return start, end, inner_start


def _through_phrase(page: FlatPage, low: int, high: int) -> bool:
    """Whether the opening sentence runs through the interface phrase tokens[low:high] ("zwei
    Positionen | nach oben | klettern"): a lower-case word after it, and before it a word of
    the sentence (see `in_sentence`) or a noun after one; a menu has no lower-case word there."""
    if page.cut_kinds.get(low) != "nav":
        return False
    before = low - 1 if low > 1 and page.initials[low - 1].isupper() else low
    return in_sentence(page, Span(before, high, "nav"))


def _region(page: FlatPage, units: list[tuple[int, int, bool]]) -> tuple[int, int]:
    """(start, end) of the main cluster of prose among `units`, each weighed by its words."""
    # A cut weighs its length alone: no need to count its words' kinds.
    weights = [
        -LABEL_COST * (high - low + 1) if is_cut else page.unit_weight(low, high)
        for low, high, is_cut in units
    ]
    stops = {
        i for i, (low, _high, is_cut) in enumerate(units) if is_cut and page.cut_kinds.get(low) == "tail"
    }
    for stop in stops:
        if _heads_other_news(page, units[stop][0], units[stop][1]) or not text_follows(
            page.tokens, units, stop
        ):
            weights[stop] = -inf  # no cluster runs across it
    heads = [cut.start for cut in page.cuts if cut.kind in ("stamp", "byline")]

    def headed(index: int) -> bool:
        """Whether a stamp or byline stands in the head of a cluster opening at units[index]."""
        low = units[index][0]
        return any(low - HEAD_BEFORE <= head <= low + HEAD_INTO for head in heads)

    first, last = main_region(weights, stops, Joins(continuation=PARAGRAPH_TOKENS), headed=headed)
    last = teaser_tail(page.tokens, units, first, last)
    return (units[first][0], units[last - 1][1]) if last > first else (0, 0)


def _heads_other_news(page: FlatPage, low: int, high: int) -> bool:
    """Whether the related-content heading tokens[low:high] heads a list of the site's other
    news (data/other_news_headings.txt: "Weitere Themen"), which no article sets inside its
    text, whatever text follows it (teasers glue title and summary into runs that read as a
    paragraph does). A heading: capitalised, and a capital after it (a teaser's title), as a
    sentence speaking of other topics ("Weitere Themen waren …") has none."""
    return (
        high < len(page.tokens)
        and page.initials[low].isupper()
        and page.initials[high].isupper()
        and " ".join(page.folded[low:high]) in phrase_set("other_news_headings.txt")
    )


def sentence_start(page: FlatPage, cuts: list[Span], start: int, title_end: int) -> int:
    """Where the sentence the article starts in begins: a cut may leave its capitalised subject
    out ("Für 20 GB Datenvolumen | im neuen Tarif zahlt ihr"). A capitalised function
    word (an article or preposition opening a sentence) a few tokens before, with no cut or
    headline between, opens it; so does the run of labels between the cut or headline and a
    start in lower case, when nothing else stands there ("Sozialraumorientierung Inklusion |
    und gesellschaftlicher Fortschritt"). Else a start in lower case, where no sentence opens,
    takes the last `_SUBJECT_LABELS` labels before it as its subject ("betrifft SWR Fernsehen
    | Dubiose Händler | versprechen Hilfe")."""
    floor = max([title_end if title_end <= start else 0, *(cut.end for cut in cuts if cut.end <= start)])
    for index in range(start - 1, max(floor, start - _SENTENCE_BACK) - 1, -1):
        if page.opens_sentence(index):
            return index
    if not (floor < start < len(page.tokens) and page.initials[start].islower()):
        return start
    if start - _SENTENCE_BACK <= floor and all(page.labels[floor:start]):
        return floor
    subject = start
    while subject > max(floor, start - _SUBJECT_LABELS) and page.labels[subject - 1]:
        subject -= 1
    return subject
