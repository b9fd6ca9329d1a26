"""Flattened pages: a whole web page on one line with its punctuation stripped.

Such a page is a run of tokens: navigation, the article head (kicker, headline, teaser,
"Von A B und C", "21 02 2025 13 14 Uhr"), the body or a paywall, then teasers and footer
menus. It is read the way a page of lines is (`page`, `region`), on runs of tokens instead of
lines: multi-word interface phrases, date stamps and bylines cut the token stream, the rest is
cut into short windows, and each run is weighed by its function words; the article is the
page's main cluster of prose. Its byline and date stamp are read around the start of that
cluster, and its headline is the run before the lead (or the byline) that the page repeats.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache, cached_property
from itertools import accumulate, compress, count, islice
from math import ceil, inf
from operator import itemgetter, not_, or_

from presseschau.clean.blocks import Block
from presseschau.clean.boilerplate import is_interface_text
from presseschau.clean.byline import Byline, agency, has_byline_marker, parse_byline
from presseschau.clean.dates import FlatStamp, flat_stamps
from presseschau.clean.outlets import canonical_outlet, find_outlet
from presseschau.clean.prose import RunTally
from presseschau.clean.region import main_region, weight
from presseschau.clean.resources import data_lines, data_table, function_words, phrase_set
from presseschau.clean.stated import Stated

_NON_WORD = re.compile(r"[^\w]+")
# A date glued to the word or year before it, where the page set two elements without a space
# between ("Tobias Mühlbauer24 04 2024", "30 01 202430 Januar 2024").
_GLUED_DATE = re.compile(r"(?:[^\W\d_]+|(?:19|20)\d\d)(?=\d{1,2}$)")
_BYLINE_WORDS = frozenset({"Von", "By", "Autor", "Autorin", "Text"})
# "von" opens a byline after a word that says what follows is by someone ("Kommentar von").
_BYLINE_OPENERS = _BYLINE_WORDS | {"von"}
_NAME_JOINERS = frozenset({"und", "and", "von", "van", "de", "der", "zu"})
_CREDIT_LABELS = frozenset({"Foto", "Fotos", "Bild", "Bilder", "Bildquelle", "Quelle"})
_PAGE_TITLE_MAX, _MASTHEAD_MAX = 30, 4
_MIN_TITLE_TOKENS, _MAX_TITLE_TOKENS = 3, 20
# The headline is looked for this many tokens before and into what reads as the article's
# first prose (menus, stamps and bylines between cost nothing); a headline's usual length, and
# what each token between it and the lead costs.
_TITLE_BEFORE, _TITLE_INTO = 120, 25
_TITLE_TYPICAL, _TITLE_DISTANCE_COST = 12, 0.5
# A stamp or byline this few tokens after (or before) a headline candidate speaks for it.
_META_GAP, _META_BONUS = 3, 4.0
_BYLINE_MAX_TOKENS = 40
# Tokens before a stamp searched for a byline (an agency, "dpa 25 10 2025", or two people's
# names, "Julia Vergin Clare Roth"); the most tokens of one name.
_STAMP_BYLINE_TOKENS, _LONGEST_NAME = 6, 3
# The most tokens of a stamp's label ("Zuletzt aktualisiert am").
_STAMP_LABEL_TOKENS = 3
# The longest interface label looked for between a stamp and the names after it.
_INTERFACE_TOKENS = 5
# Where the article's head is looked for: tokens before the article, and into it.
_HEAD_BEFORE, _HEAD_INTO = 120, 60
# Tokens after the article searched for a labelled stamp ("Datum 28 04 2023").
_TAIL_REACH = 200
# Credits: the first agency must follow the label closely, later ones follow each other.
_CREDIT_FIRST_GAP, _CREDIT_NEXT_GAP = 9, 6
# Units of text are prose when a quarter of their words are function words and three in ten
# are lower-case (menus name things in nouns with the odd article: "Die perfekte Bewerbung");
# anything else costs twice its words, as labels do on a page of lines. A run of three
# capitalised words and numbers without a function word between is a label run.
_FLAT_DENSITY, _LOWER_SHARE, _LABEL_COST = 0.25, 0.3, 2.0
_LABEL_RUN = 3
# Inside a sentence, a short run of names and nouns ("hat die Kieler Förde Fähr Gesellschaft
# zwei Schiffe") stands between lower-case words; a run this long at most is read as part of
# it where the article's opening is looked for a second time (see `_article`).
_INNER_LABELS = 6
# How far before the article's start the sentence it starts in is looked for.
_SENTENCE_BACK = 8
_LABEL_RUN_FLAGS = re.compile(rb"\x01{%d,}" % _LABEL_RUN)
# A unit of text up to this long that the page repeats is furniture (a headline, a teaser).
_REPEAT_MAX_TOKENS, _REPEAT_SHARE = 40, 0.7
# So is a unit of any length, half of whose tokens stand in runs of 12 that the page prints
# again within 400 tokens, in repeated stretches of 80 tokens at most (see `near_repeats`).
_NEAR_REPEAT_TOKENS, _NEAR_REPEAT_REACH, _NEAR_REPEAT_LONGEST = 12, 400, 80
# A related-content heading ("Weitere Themen") ends the article unless a paragraph's worth of
# running text follows it within a few teasers' length (a box set inside the article).
_BOX_REACH, _PARAGRAPH_TOKENS = 150, 50
# The article ends before a row of this many texts or more, each shorter than this (teasers).
_TEASERS, _TEASER_TOKENS = 4, 40
# The site's words after the text: the most tokens they run, and their share (twice what
# makes a paragraph the site's, `prose.SITE_SHARE`: these are shorter).
_SITE_TAIL_TOKENS, _SITE_TAIL_SHARE, _SITE_TAIL_OPENING = 60, 0.2, 3


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(_NON_WORD.sub(" ", phrase.casefold()).split())


@cache
def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First token → (phrase tokens, kind), longest first; only phrases of two or more words."""
    sources = (
        ("boilerplate_lines.txt", "nav"),
        ("tail_markers.txt", "tail"),
        ("paywall_markers.txt", "paywall"),
    )
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, kind in sources:
        for line in data_lines(name):
            words = () if line.startswith("re:") else _phrase_tokens(line)
            if len(words) >= 2:
                index.setdefault(words[0], []).append((words, kind))
    for entries in index.values():
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
    return index


@cache
def _agency_index() -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for line in data_lines("photo_agencies.txt"):
        words = _phrase_tokens(line)
        if words:
            index.setdefault(words[0], []).append(words)
    for entries in index.values():
        entries.sort(key=len, reverse=True)
    return index


def _spans(folded: list[str]) -> list[_Span]:
    index = _phrase_index()
    spans: list[_Span] = []
    position = 0
    # Only tokens that open a phrase are tried (picked in C); a phrase found skips the tokens it covers.
    for start in compress(count(), map(index.__contains__, folded)):
        if start < position:
            continue
        for words, kind in index[folded[start]]:
            if tuple(folded[start : start + len(words)]) == words:
                spans.append(_Span(start, start + len(words), kind))
                position = start + len(words)
                break
    return spans


@cache
def _single_word_labels() -> frozenset[str]:
    """One-word interface labels ("Impressum", "Abo"): trimmed from the edges of text runs."""
    lines = (line for line in data_lines("boilerplate_lines.txt") if not line.startswith("re:"))
    return frozenset(words[0] for line in lines if len(words := _phrase_tokens(line)) == 1)


def _recurs(joined: str, tokens: Sequence[str], times: int = 2) -> bool:
    return joined.count(" " + " ".join(tokens) + " ") >= times


@dataclass
class _Page:
    """A flattened page's tokens and what cuts them (computed once, then read)."""

    tokens: list[str]
    folded: list[str]
    joined: str
    spans: list[_Span]
    stamps: list[FlatStamp]
    bylines: list[tuple[int, int, Byline]]

    @cached_property
    def cuts(self) -> list[_Span]:
        """Where the token stream is cut: interface phrases, date stamps, bylines."""
        return sorted(
            [
                *self.spans,
                *(_Span(s.start, s.end, "stamp") for s in self.stamps),
                *(_Span(start, end, "byline") for start, end, _ in self.bylines),
            ],
            key=lambda span: span.start,
        )

    @cached_property
    def _folded_text(self) -> tuple[str, list[int]]:
        """The folded tokens joined by spaces (with one before and after), and the offset of
        the space before each token, ascending: what finds the page's repeats, searched in C."""
        offsets = list(accumulate(map((1).__add__, map(len, self.folded)), initial=0))
        return " " + " ".join(self.folded) + " ", offsets

    @cached_property
    def twice(self) -> bytes:
        """1 where the run of three folded tokens starting there stands twice or more on the
        page (counted in C): most stand once, and a longer run opening with one of those needs
        no search."""
        folded = self.folded
        # Joined by a space (no token holds one), a run is one string: hashed faster than a tuple.
        trigrams = list(map(" ".join, zip(folded, folded[1:], folded[2:], strict=False)))
        counts = Counter(trigrams)
        return bytes(map((2).__le__, map(counts.__getitem__, trigrams)))

    def occurrences(self, start: int, size: int) -> list[int]:
        """Where the run of `size` (three or more) folded tokens at `start` stands on the page,
        itself included."""
        if start + size > len(self.folded):
            return []
        # Elsewhere on the page, each run of three in it stands twice.
        if 0 in self.twice[start : start + size - 2]:
            return [start]
        text, offsets = self._folded_text
        needle = " " + " ".join(self.folded[start : start + size]) + " "
        found = []
        offset = text.find(needle)
        while offset >= 0:  # a space before a token: its offset is listed
            found.append(bisect_left(offsets, offset))
            offset = text.find(needle, offset + 1)
        return found

    @cached_property
    def near_repeats(self) -> bytearray:
        """1 for each token of a run of `_NEAR_REPEAT_TOKENS` or more that the page prints again
        within `_NEAR_REPEAT_REACH` tokens (a disclaimer or teaser set twice, for two screen
        sizes), unless the repeated stretch is longer than `_NEAR_REPEAT_LONGEST`: then the page
        holds the article twice, and neither copy is furniture."""
        folded, size = self.folded, _NEAR_REPEAT_TOKENS
        mask = bytearray(len(folded))
        last: dict[tuple[str, ...], int] = {}
        # A run repeats only where each run of three in it stands twice: found by a regex, so
        # that few runs are looked up.
        for candidates in re.finditer(rb"\x01{%d,}" % (size - 2), self.twice):
            for start in range(candidates.start(), candidates.end() - size + 3):
                run = tuple(folded[start : start + size])
                before = last.get(run)
                if before is not None and start - before <= _NEAR_REPEAT_REACH:
                    mask[before : before + size] = mask[start : start + size] = b"\x01" * size
                last[run] = start
        for stretch in re.finditer(rb"\x01{%d,}" % (_NEAR_REPEAT_LONGEST + 1), mask):
            mask[stretch.start() : stretch.end()] = bytes(len(stretch[0]))
        return mask

    def repeated(self, start: int, end: int) -> bool:
        """Whether most of tokens[start:end] stand elsewhere on the page too: the first
        `_REPEAT_SHARE` of them (three at least) somewhere else."""
        need = max(_MIN_TITLE_TOKENS, ceil(_REPEAT_SHARE * (end - start)))
        return need <= end - start and any(other != start for other in self.occurrences(start, need))

    @cached_property
    def cut_kinds(self) -> dict[int, str]:
        """The kind of the first cut starting at each token that one starts at."""
        kinds: dict[int, str] = {}
        for cut in self.cuts:
            kinds.setdefault(cut.start, cut.kind)
        return kinds

    @cached_property
    def initials(self) -> list[str]:
        """The first character of each token (tokens are split at white space, never empty)."""
        return list(map(itemgetter(0), self.tokens))

    @cached_property
    def labels(self) -> bytes:
        """1 for each token that is a label (see `_label_flags`)."""
        return _label_flags(self.initials, self.folded)

    @cached_property
    def tally(self) -> RunTally:
        return RunTally(self.tokens)

    @cached_property
    def _initials(self) -> tuple[list[int], list[int]]:
        """Running counts of tokens opening with a letter, and with a lower-case one."""
        return (
            list(accumulate(map(str.isalpha, self.initials), initial=0)),
            list(accumulate(map(str.islower, self.initials), initial=0)),
        )

    def lower_share(self, low: int, high: int) -> float:
        """The share of lower-case words in tokens[low:high]: running text has verbs,
        adjectives and function words; menus and teaser titles are mostly capitalised names
        and nouns."""
        letters, lower = self._initials
        opening = letters[high] - letters[low]
        return (lower[high] - lower[low]) / opening if opening else 0.0

    @cached_property
    def unit_weights(self) -> dict[tuple[int, int], float]:
        """The weight of each unit of text weighed so far, by (start, end): the article's two
        readings (`_article`) share some of their units (one in seven on the bench's pages)."""
        return {}

    def unit_weight(self, low: int, high: int) -> float:
        """The weight of the text unit tokens[low:high]: its prose's, or a cost by its words
        when it is no prose, is repeated on the page or is mostly capitalised."""
        found = self.unit_weights.get((low, high))
        if found is None:
            prose = self.tally.measure(low, high, min_density=_FLAT_DENSITY)
            if (
                2 * self.near_repeats.count(1, low, high) < high - low
                and prose.is_prose
                and self.lower_share(low, high) >= _LOWER_SHARE
                and not (high - low <= _REPEAT_MAX_TOKENS and self.repeated(low, high))
            ):
                found = weight(prose)
            else:
                found = -_LABEL_COST * (prose.words + 1)
            self.unit_weights[low, high] = found
        return found


def read_flattened(text: str, *, now: datetime | None = None) -> tuple[list[Block], Stated]:
    page = _read_page(text, now)
    tokens, cuts = page.tokens, page.cuts
    start, end, opening = _article(page, cuts)
    first_cut = min((span.start for span in page.spans), default=len(tokens))
    title_end = _page_title_end(tokens, page.joined, first_cut)
    page_title = " ".join(tokens[:title_end]) or None
    outside = " ".join(tokens[:start]) + " " + " ".join(tokens[end:])
    outlet = _masthead(tokens[title_end:first_cut], page.joined) if title_end else None
    outlet = outlet or find_outlet([outside])
    if end <= start:
        return [], Stated(title=page_title, outlet=outlet)
    head_low = max(0, start - _HEAD_BEFORE)
    credit = _credit(tokens, head_low, end)
    if credit:
        cuts = [*cuts, _Span(credit[0], credit[1], "credit")]
    stamp, byline = _head_meta(page, head_low, start, end)
    # The headline stands near the article's start, or right before its stamp or byline (a
    # gallery or teaser may part head and text).
    heads = [
        position
        for position in (stamp.start if stamp else None, byline[0] if byline else None)
        if position is not None and head_low <= position < start + _HEAD_INTO
    ]
    title_span = _headline(page, cuts, start, heads)
    if title_span and title_span[0] <= start < title_span[1]:
        start = title_span[1]  # the headline ran into the lead
        stamp, byline = _head_meta(page, head_low, start, end)
    # The body takes in first sentences shattered by names, but opens after its headline; its
    # stamp, byline and lead are read around where the stricter cut starts it.
    body_start = start
    if opening < start:
        body_start = max(opening, title_span[1]) if title_span and title_span[1] <= start else opening
    body_start = _sentence_start(page, cuts, body_start, title_span[1] if title_span else 0)
    # A byline or stamp right after the article's opening ends its lead (the teaser).
    anchors = [
        position for position in (stamp.start if stamp else None, byline[0] if byline else None) if position
    ]
    lead_end = min((a for a in anchors if start < a <= min(end, start + _HEAD_INTO)), default=None)
    body_end = _author_box_start(tokens, byline, body_start, end)
    body = _body_text(
        tokens, body_start, body_end, [(s.start, s.end) for s in cuts if body_start <= s.start < body_end]
    )
    return [Block(body)] if body else [], Stated(
        title=" ".join(tokens[title_span[0] : title_span[1]]) if title_span else page_title,
        lead=_trimmed(tokens, start, lead_end) or None if lead_end is not None else None,
        published=stamp.iso if stamp else None,
        # A page may link the name and print it beside the link ("Gunter Frank Gunter Frank").
        authors=tuple(dict.fromkeys(byline[2].authors or byline[2].agencies)) if byline else (),
        agencies=byline[2].agencies if byline and byline[2].authors else (),
        outlet=outlet,
        image_credits=(" ".join(tokens[credit[0] + 1 : credit[1]]),) if credit else (),
        paywalled=any(
            span.kind == "paywall" and end <= span.start <= end + _HEAD_INTO for span in page.spans
        ),
    )


def _head_meta(
    page: _Page, low: int, start: int, end: int
) -> tuple[FlatStamp | None, tuple[int, int, Byline] | None]:
    """The article's stamp and byline, read around its start (see `_article_stamp`)."""
    stamp = _article_stamp(page.stamps, low, start, end)
    return stamp, _nearest_byline(page.bylines, low, end + _HEAD_INTO, start) or _beside(page.bylines, stamp)


def _author_box_start(tokens: list[str], byline: tuple[int, int, Byline] | None, start: int, end: int) -> int:
    """Where an author box after the article starts, else `end`: the name of the byline in the
    article's head printed again in the last quarter of the text ("… ansehen Inga Buller Inga
    Buller ist Head of Social Community …"). Earlier, the name is more likely a picture credit
    or a quote; after "von" it is a byline again (a second article); a byline read further
    down is no head's; a name the text mentions before its last quarter (past the head) is
    whom it is about."""
    if byline is None or byline[0] >= start + _HEAD_INTO:
        return end
    low = start + 3 * (end - start) // 4
    text = " " + " ".join(tokens[start + _HEAD_INTO : low]) + " "
    box = end
    for name in byline[2].authors:
        words = name.replace("-", " ").split()
        if len(words) < 2 or f" {' '.join(words)} " in text:
            continue  # the text names them: whom it is about (a byline read from its subject)
        box = min(
            box,
            next(
                (
                    i
                    for i in range(low, end - len(words) + 1)
                    if tokens[i : i + len(words)] == words and tokens[i - 1] not in _BYLINE_OPENERS
                ),
                end,
            ),
        )
    return box


def _read_page(text: str, now: datetime | None) -> _Page:
    tokens = _unglued_dates(text.split())
    folded = list(map(str.casefold, tokens))
    stamps = flat_stamps(tokens, now=now)
    return _Page(
        tokens, folded, " " + " ".join(tokens) + " ", _spans(folded), stamps, _bylines(tokens, stamps)
    )


def _unglued_dates(tokens: list[str]) -> list[str]:
    """`tokens` with a date glued to the word or year before it split off: the day, one or two
    digits ending a token that a month and year follow ("Keller24 04 2024", "202430 Januar
    2024")."""
    glued = [
        i
        # Most tokens end in a letter: those ending in a digit are picked in C.
        for i in compress(count(), map(str.isdigit, map(itemgetter(-1), tokens)))
        if not (tokens[i].isdigit() and len(tokens[i]) <= 4) and i + 2 < len(tokens)
    ]
    for i in reversed(glued):
        head = _GLUED_DATE.match(tokens[i])
        following = tokens[i + 1 : i + 3]
        day_month = following[0].isdigit() and len(following[0]) <= 2 and following[1].isdigit()
        month_year = following[0].isalpha() and following[1].isdigit() and len(following[1]) == 4
        if head and (day_month or month_year):
            tokens[i : i + 1] = [head[0], tokens[i][head.end() :]]
    return tokens


def _article(page: _Page, cuts: list[_Span]) -> tuple[int, int, int]:
    """(start, end, opening) of the article's tokens, found as on a page of lines (`region`):
    the page is cut into units at interface phrases, stamps and bylines and around runs of
    capitalised words without a function word (menus, teaser titles, names in lists), and each
    unit weighed. Those runs also cut sentences that name a firm, a place or an amount ("bei
    der Werft Neue Schiffswerft Lübeck zwei Schiffe für 12 5 Millionen Euro bestellt"), and an
    opening paragraph left in pieces may fall outside. `opening` is where the article starts
    when short runs between lower-case words are read as part of the text instead (at or before
    `start`); the end stays as the stricter cut finds it (read that way, teaser lists after the
    article join it), and the opening reaches back across no menu phrase or long run of labels."""
    units = _units(page, cuts)
    start, end = _region(page, units)
    inner_start, inner_end = _region(page, _units(page, cuts, inner=True))
    if end < inner_end <= end + _SENTENCE_BACK and page.cut_kinds.get(inner_end) == "tail":
        end = inner_end  # the last sentence, split by a name or date, runs up to a related-content heading
    end = _site_tail_start(page, start, end)
    if not (inner_start < start < inner_end):
        return start, end, start
    for low, high, is_cut in units:
        if (
            inner_start <= low
            and high <= start
            and is_cut
            and (high - low > _INNER_LABELS or page.cut_kinds.get(low) in ("nav", "tail"))
        ):
            inner_start = high
    return start, end, inner_start


def _site_tail_start(page: _Page, start: int, end: int) -> int:
    """Where the site's own words that end the article's last unit start, else `end`: a
    paywall, newsletter or feedback prompt set right after the text, with no label between
    ("... zurückziehen | Wählen Sie Ihren Zugang und lesen Sie weiter"). They address the reader
    or name the site's machinery (see `prose`), the text seldom does; the prompt opens with a
    capital and one of those words within its first `_SITE_TAIL_OPENING` tokens, and runs to
    the end."""
    tally, labels = page.tally, _single_word_labels()
    last = end  # interface labels at the edge are trimmed from the text anyway (`_trimmed`)
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


def _sentence_start(page: _Page, cuts: list[_Span], start: int, title_end: int) -> int:
    """Where the sentence the article starts in begins: a cut may leave its capitalised subject
    out ("Für 10 GB Datenvolumen | im gut ausgebauten Netz zahlt ihr"). A capitalised function
    word (an article or preposition opening a sentence) a few tokens before, with no cut or
    headline between, opens it."""
    floor = max([title_end if title_end <= start else 0, *(cut.end for cut in cuts if cut.end <= start)])
    words = function_words()
    for index in range(start - 1, max(floor, start - _SENTENCE_BACK) - 1, -1):
        if page.tokens[index][:1].isupper() and page.folded[index] in words:
            return index
    return start


def _region(page: _Page, units: list[tuple[int, int, bool]]) -> tuple[int, int]:
    """(start, end) of the main cluster of prose among `units`, each weighed by its words."""
    # A cut weighs its length alone: no need to count its words' kinds.
    weights = [
        -_LABEL_COST * (high - low + 1) if is_cut else page.unit_weight(low, high)
        for low, high, is_cut in units
    ]
    stops = {
        i for i, (low, _high, is_cut) in enumerate(units) if is_cut and page.cut_kinds.get(low) == "tail"
    }
    for stop in stops:
        if not _text_follows(page.tokens, units, stop):
            weights[stop] = -inf  # no cluster runs across it
    first, last = main_region(weights, stops)
    last = _teaser_tail(page.tokens, units, first, last)
    return (units[first][0], units[last - 1][1]) if last > first else (0, 0)


def _teaser_tail(tokens: list[str], units: list[tuple[int, int, bool]], first: int, last: int) -> int:
    """The end (a unit index) of the article among units[first:last] without the list of
    teasers it may end in: `_TEASERS` texts or more in a row up to the end, each under
    `_TEASER_TOKENS` tokens, parted by titles or menu phrases; the article's paragraphs are
    longer (a sentence runs through short runs of names and numbers, see `_runs_through`). A
    list longer than the article before it is the article (a ticker, a list of short items)."""
    texts, tail = 0, last
    text_end = None  # the end of the text being walked back through
    for index in range(last - 1, first - 1, -1):
        low, high, is_cut = units[index]
        if not is_cut or _runs_through(tokens, low, high):
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


def _text_follows(tokens: list[str], units: list[tuple[int, int, bool]], index: int) -> bool:
    """Whether `_PARAGRAPH_TOKENS` of running text follow units[index] within `_BOX_REACH`
    tokens, counting the short runs of names and numbers a sentence runs through (see
    `_runs_through`), as the article's paragraphs have; teasers after the article stand
    between titles, each a few lines long."""
    reach = units[index][1] + _BOX_REACH
    run_start = None
    for low, high, is_cut in islice(units, index + 1, None):
        if low >= reach:
            break
        if is_cut and not _runs_through(tokens, low, high):
            run_start = None
            continue
        run_start = low if run_start is None else run_start
        if high - run_start >= _PARAGRAPH_TOKENS:
            return True
    return False


def _runs_through(tokens: list[str], low: int, high: int) -> bool:
    """Whether a sentence runs through the cut tokens[low:high]: a run of names or numbers of
    `_INNER_LABELS` tokens at most with a lower-case word or a number on either side ("rund 2 |
    1 Millionen Thüringern | wahlberechtigt")."""
    return (
        high - low <= _INNER_LABELS
        and low > 0
        and high < len(tokens)
        and _runs_on(tokens[low - 1])
        and _runs_on(tokens[high])
    )


def _runs_on(token: str) -> bool:
    """A lower-case word or a number: what stands around names and amounts inside a sentence."""
    return token[:1].islower() or token.isdigit()


def _units(page: _Page, cuts: list[_Span], *, inner: bool = False) -> list[tuple[int, int, bool]]:
    """(start, end, is a cut) of the page's units, in order; `inner`: short label runs between
    lower-case words are part of the text."""
    labels = page.labels
    units: list[tuple[int, int, bool]] = []
    position = 0
    for cut in [*cuts, _Span(len(page.tokens), len(page.tokens), "end")]:
        if cut.start < position:
            continue
        units += _split_label_runs(labels, position, cut.start, page.tokens if inner else None)
        if cut.end > cut.start:
            units.append((cut.start, cut.end, True))
        position = cut.end
    return units


def _label_flags(initials: list[str], folded: list[str]) -> bytes:
    """1 for each label token (capitalised or a number, and no function word; `initials`: the
    tokens' first characters), else 0; made in C, so that runs of labels are found by a regex
    rather than token by token."""
    lower = map(str.islower, initials)
    function = map(function_words().__contains__, folded)
    return bytes(map(not_, map(or_, lower, function)))


def _split_label_runs(
    labels: bytes, low: int, high: int, tokens: list[str] | None = None
) -> list[tuple[int, int, bool]]:
    """A stretch between cuts, split around runs of labels: capitalised words and numbers with
    no function word among them, as menus and lists of teaser titles are. With `tokens`, not
    around a short run between two lower-case words of the stretch (inside a sentence)."""
    units: list[tuple[int, int, bool]] = []
    start = low
    for run in _LABEL_RUN_FLAGS.finditer(labels, low, high):
        # After a stretch of text, a long run's first word is the noun ending its last sentence.
        first = (
            run.start() + 1 if run.start() - start >= _LABEL_RUN and len(run[0]) > _LABEL_RUN else run.start()
        )
        if run.end() - first >= _LABEL_RUN and not (
            tokens and _in_sentence(tokens, run.start(), run.end(), low, high)
        ):
            if first > start:
                units.append((start, first, False))
            units.append((first, run.end(), True))
            start = run.end()
    if high > start:
        units.append((start, high, False))
    return units


def _in_sentence(tokens: list[str], first: int, end: int, low: int, high: int) -> bool:
    """Whether the label run tokens[first:end] is short and has a lower-case word of its
    stretch [low, high) on either side."""
    return (
        end - first <= _INNER_LABELS
        and low < first
        and end < high
        and tokens[first - 1][:1].islower()
        and tokens[end][:1].islower()
    )


def _bylines(tokens: list[str], stamps: list[FlatStamp]) -> list[tuple[int, int, Byline]]:
    """(start, end, byline) of every "Von A B und C" run ("Kommentar von A B" too), and of the
    names or agency right before or after a date stamp ("14 26 Uhr Tobias Költzsch", "dpa
    25 10 2025", "Nathaniel Flakin 06 01 2026")."""
    found: list[tuple[int, int, Byline]] = []
    # Only tokens that may open a byline are visited (picked in C).
    for start in compress(count(), map(_BYLINE_OPENERS.__contains__, tokens)):
        token = tokens[start]
        # "Autorin Autor Roman Goncharenko" (a label for either gender): the last label opens it.
        opens = token in _BYLINE_WORDS and not _labels_byline(tokens, start + 1)
        if opens or (token == "von" and start > 0 and has_byline_marker(f"{tokens[start - 1]} von _")):
            end = _name_run_end(tokens, start + 1)
            byline = _shortest_full_byline(tokens, start, end, marked=True)
            if byline is not None:
                found.append(byline)
    for stamp in stamps:
        # An interface label may stand between stamp and names ("Lesedauer 7 Minuten"): the
        # byline then spans it, so that it still stands beside the stamp.
        names = _interface_run_end(tokens, stamp.end)
        after = (
            None
            if _labels_byline(tokens, names)
            else _source_agency(tokens, names)
            or _shortest_full_byline(tokens, names, _name_run_end(tokens, names), marked=False)
        )
        if after is not None:
            after = (stamp.end, after[1], after[2])
        before = _byline_before(tokens, stamp) or _von_byline_before(tokens, stamp)
        found += [b for b in (after, before) if b is not None]
    return sorted(found, key=lambda byline: byline[0])


def _interface_run_end(tokens: list[str], start: int) -> int:
    """The end of the longest interface label of two to `_INTERFACE_TOKENS` tokens at `start`:
    a phrase of data/boilerplate_lines.txt, or one of its patterns where the run holds a number
    ("Lesedauer 7 Minuten"; the patterns for words before a verb, "… teilen", would take names
    in); `start` if none stands there."""
    for end in range(min(len(tokens), start + _INTERFACE_TOKENS), start + 1, -1):
        run = " ".join(tokens[start:end])
        if (run.casefold() in phrase_set("boilerplate_lines.txt") or any(map(str.isdigit, run))) and (
            is_interface_text(run)
        ):
            return end
    return start


def _source_agency(tokens: list[str], label: int) -> tuple[int, int, Byline] | None:
    """A source label and an agency right after the stamp ("Quelle dpa Sport"): the agency the
    article comes from. Elsewhere the label's colon makes it a byline marker; flattened, the
    same word credits pictures, so it is read only here."""
    if label >= len(tokens) or tokens[label] not in _CREDIT_LABELS:
        return None
    for end in range(min(len(tokens), label + 3), label + 1, -1):
        byline = parse_byline(" ".join(tokens[label + 1 : end]), flattened=True, expected=True)
        if byline is not None and byline.agencies and not byline.authors:
            return label, end, byline
    return None


def _labels_byline(tokens: list[str], index: int) -> bool:
    return index < len(tokens) and tokens[index] in _BYLINE_WORDS


def _byline_before(tokens: list[str], stamp: FlatStamp) -> tuple[int, int, Byline] | None:
    """The agency or names right before a stamp (or before the weekday it opens with: "Julia
    Lauter Di 31 03 2020"), the longest run that reads as a byline. People's names only where
    nothing says the run is part of a sentence (not after a lower-case function word: "Update
    mit Christian Drosten 18 03 2020" names a guest in a headline) and no label stands between
    (a labelled stamp's label ends the run before it: "Aktualisiert am")."""
    end = (
        stamp.start - 1
        if stamp.start > 0 and tokens[stamp.start - 1].casefold() in _weekdays()
        else stamp.start
    )
    if end == 0 or not (tokens[end - 1][:1].isupper() or agency(tokens[end - 1])):
        return None  # a byline ends with a name or an agency; most stamps follow other words
    words, labels = function_words(), _single_word_labels()
    window = range(max(0, end - _STAMP_BYLINE_TOKENS), end)
    if any(tokens[i] in _CREDIT_LABELS for i in window):
        return None  # whom a picture credit names ("Foto Karl Meier") took the picture
    # A menu label ("Meistgelesen") is no one's name: the run starts after the last one.
    blocked = [i for i in window if tokens[i].casefold() in labels]
    for low in range(blocked[-1] + 1 if blocked else window.start, end):
        byline = parse_byline(" ".join(tokens[low:end]), flattened=True, expected=True)
        if byline is None:
            continue
        after_word = low > 0 and tokens[low - 1].islower() and tokens[low - 1] in words
        # A job title the names leave over ("Daniel Großert Redakteur") says it is a byline, and
        # so do the same names printed again right after the stamp (byline and author box).
        titled = sum(len(name.split()) for name in byline.authors) < end - low
        repeated = tokens[stamp.end : stamp.end + end - low] == tokens[low:end]
        if not byline.authors or not ((after_word and not (titled or repeated)) or stamp.labelled):
            return low, end, byline
    return None


def _von_byline_before(tokens: list[str], stamp: FlatStamp) -> tuple[int, int, Byline] | None:
    """Names opened by a lower-case "von" before a labelled stamp's label ("Hauptinhalt von
    David Straub MDR THÜRINGEN Stand 28 April 2023"): "von" says they are a byline where names
    before a label are otherwise the end of a headline or teaser (see `_byline_before`)."""
    if not stamp.labelled:
        return None
    for von in range(max(0, stamp.start - _STAMP_BYLINE_TOKENS - _STAMP_LABEL_TOKENS), stamp.start - 3):
        if tokens[von] != "von":
            continue
        for end in range(stamp.start - 1, max(von + 2, stamp.start - 1 - _STAMP_LABEL_TOKENS), -1):
            byline = parse_byline(" ".join(tokens[von:end]), flattened=True)
            if byline is not None and byline.authors:
                return von, end, byline
    return None


@cache
def _weekdays() -> frozenset[str]:
    """Weekday names and their abbreviations ("Di"), case folded."""
    return frozenset(
        word.casefold() for word, kind, _ in data_table("extract_calendar_de.tsv") if kind == "weekday"
    )


def _name_run_end(tokens: list[str], start: int) -> int:
    """Where a run of name tokens from `start` ends: at a lower-case word that joins no names,
    a capitalised function word opening a sentence ("Die"), an interface label ("Anhören"),
    a picture credit's label ("Foto"), or the byline's length limit."""
    end = start
    labels = _single_word_labels()
    words = function_words()
    while (
        end < len(tokens)
        and end - start < _BYLINE_MAX_TOKENS
        and (
            tokens[end] in _NAME_JOINERS
            or (tokens[end][:1].isupper() and tokens[end].casefold() not in words)
        )
        and tokens[end].casefold() not in labels
        and tokens[end] not in _CREDIT_LABELS
        and not is_interface_text(tokens[end])
    ):
        end += 1
    return end


def _shortest_full_byline(
    tokens: list[str], start: int, end: int, *, marked: bool
) -> tuple[int, int, Byline] | None:
    """The byline in tokens[start:end]: after its last "und" one name only ("Von A und B C D"
    ends after B's surname, C D opens the lead); without "und", the longest run that reads as one."""
    joiners = [i for i in range(start, end) if tokens[i] in ("und", "and")]
    stops = range(end, start + 1, -1)
    if joiners:
        last = joiners[-1]
        stops = range(min(end, last + 3), min(end, last + _LONGEST_NAME + 1) + 1)
    for stop in stops:
        if stop < len(tokens) and tokens[stop][:1].islower():
            continue  # the name is the subject of a sentence running on, not a byline
        byline = parse_byline(" ".join(tokens[start:stop]), flattened=True, expected=not marked)
        if byline is not None:
            return start, stop, byline
    return None


def _article_stamp(stamps: list[FlatStamp], low: int, start: int, end: int) -> FlatStamp | None:
    """The article's stamp, as on a page of lines: in its head, then in its opening (where a
    date without a time or label is more likely one the text mentions), then after it with a
    label; a labelled stamp first, then one with a time of day (a plain date nearer the text
    is as often one a caption mentions), then the one nearest the article's start; publication
    before update. A page with no such stamp still dates its article by the nearest plain
    date: in the opening, anywhere above (a long teaser list may part stamp and text), the
    first one in the text (where it took in a teaser above the head: readers' comments date
    the text's end), or after it."""
    opening = [s for s in stamps if start <= s.start < min(end, start + _HEAD_INTO)]
    areas = [
        [s for s in stamps if low <= s.start < start],
        [s for s in opening if s.timed or s.labelled],
        [s for s in stamps if end <= s.start < end + _HEAD_INTO and s.timed],
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


def _headline(page: _Page, cuts: list[_Span], start: int, heads: list[int]) -> tuple[int, int] | None:
    """(start, end) of the headline: a run of tokens around the article's start that the page
    shows again elsewhere (breadcrumbs, share texts, print headers), as long as the two copies
    agree (both ways), holding a lower-case word (a verb, an adjective) as headlines do and
    menus do not, and no menu phrase, stamp or byline. A stamp or byline right after it (or
    right before, under a kicker) speaks for it, and so does its copy right beside it (printed
    twice in a row); nearer the start, or nearer one of `heads` (where the article's stamp and
    byline start), is better; stamps and bylines between cost nothing. Where the copy was cut
    short, the headline runs on past it (see `_headline_opening` and the end below)."""
    cut = bytearray(len(page.tokens))  # 1 where a cut covers the token, set span by span in C
    for span in cuts:
        cut[span.start : span.end] = b"\x01" * (span.end - span.start)
    meta = [span for span in cuts if span.kind in ("stamp", "byline")]
    meta_starts, meta_ends = {span.start for span in meta}, {span.end for span in meta}
    words = function_words()
    folded = page.folded
    # Before a stamp or byline, a headline and its kicker stand within two headlines' length.
    low, high = (
        max(0, min([start - _TITLE_BEFORE, *(head - 2 * _MAX_TITLE_TOKENS for head in heads)])),
        min(len(page.tokens), max([start + _TITLE_INTO, *heads])),
    )
    best: tuple[float, int, int] | None = None  # score, begin, size
    # Only where a run of three the page shows twice opens can a repeat start.
    for begin in compress(range(low, high), page.twice[low:high]):
        if cut[begin] or page.tokens[begin][:1].islower():
            continue  # a headline opens with a capital or a number, not in a menu, stamp or byline
        if begin > 0 and not cut[begin - 1] and folded[begin - 1] in words:
            continue  # a headline does not start after an article or preposition
        for other in page.occurrences(begin, _MIN_TITLE_TOKENS):
            if other == begin or (
                other > 0 and begin > 0 and folded[other - 1] == folded[begin - 1] and not cut[begin - 1]
            ):
                continue  # not where the two copies start to agree
            size = _common_run(folded, begin, other, cut)
            run = page.tokens[begin : begin + size]
            if size < _MIN_TITLE_TOKENS or not any(token[:1].islower() for token in run):
                continue  # a menu names things; a headline says something of them
            if size == _MAX_TITLE_TOKENS:
                continue  # copies that agree past a headline's length are a teaser with its lead
            distance = min(_distance(cut, begin, begin + size, point) for point in (start, *heads))
            score = min(size, _TITLE_TYPICAL) - _TITLE_DISTANCE_COST * distance
            if any(begin + size + gap in meta_starts or begin - gap in meta_ends for gap in range(_META_GAP)):
                score += _META_BONUS
            if other == begin + size or other + size == begin:
                score += _META_BONUS  # printed twice in a row, as a headline and its hidden copy are
            if best is None or score > best[0]:
                best = (score, begin, size)
    if best is None:
        return None
    end = best[1] + best[2]
    if folded[end - 1] in words and page.tokens[end - 1].islower():
        # No headline ends in a lower-case function word ("… streiten über"): the copy was cut
        # short (a teaser link), and the headline runs on to the stamp or byline after it.
        after = min((m for m in meta_starts if m >= end), default=end)
        if after - best[1] <= _MAX_TITLE_TOKENS and not cut.count(1, end, after):
            end = after
    return _headline_opening(page.tokens, cut, best[1], end), end


def _headline_opening(tokens: list[str], cut: bytearray, begin: int, end: int) -> int:
    """Where the headline tokens[begin:end] (the part the page repeats) opens: a lower-case
    word before it (a verb: "Reederei verschweigt | Mängel an den Schiffen") or a number after
    one ("Fährverkehr wächst um | 40 Prozent …") says the repeated copy starts inside the
    headline, which opens at the capitalised word before them, or at the cut before them. Not
    back into its own ending printed right before it (a headline set twice in a row), nor past
    a headline's length."""
    opening = begin
    while opening > 0 and end - opening < _MAX_TITLE_TOKENS and not cut[opening - 1]:
        before = tokens[opening - 1]
        after_lower = opening > 1 and tokens[opening - 2][:1].islower()
        if not (before[:1].islower() or (before.isdigit() and after_lower)):
            break
        opening -= 1
    if opening == begin:
        return begin
    if opening > 0 and not cut[opening - 1]:
        if not tokens[opening - 1][:1].isupper():
            return begin
        opening -= 1
    return begin if tokens[opening:begin] == tokens[end - (begin - opening) : end] else opening


def _distance(cut: bytearray, begin: int, end: int, point: int) -> int:
    """Tokens between tokens[begin:end] and `point` that no cut covers."""
    if begin <= point <= end:
        return 0
    near, far = (end, point) if end < point else (point, begin)
    return far - near - cut.count(1, near, far)


def _common_run(folded: list[str], first: int, second: int, cut: bytearray) -> int:
    """How many tokens from `first` and `second` agree, outside cuts, at most a headline's length."""
    size = 0
    while (
        size < _MAX_TITLE_TOKENS
        and first + size < len(folded)
        and second + size < len(folded)
        and first + size != second
        and not cut[first + size]
        and folded[first + size] == folded[second + size]
    ):
        size += 1
    return size


def _credit(tokens: list[str], low: int, high: int) -> tuple[int, int] | None:
    """An image credit ("Foto M SPIEGEL Fotos X Getty Images"): the label nearest the agencies
    it names, and the agencies."""
    best: tuple[int, int] | None = None
    for label in range(low, high):
        if tokens[label] not in _CREDIT_LABELS:
            continue
        end, gap_limit, position = None, _CREDIT_FIRST_GAP, label + 1
        last = label + 1
        while position < high and position - last <= gap_limit:
            agency_end = _agency_end(tokens, position)
            if agency_end is None:
                position += 1
                continue
            end, last, gap_limit, position = agency_end, agency_end, _CREDIT_NEXT_GAP, agency_end
        if end is not None and (best is None or end <= best[1]):
            best = (label, end)
        elif best is not None:
            break
    return best


def _agency_end(tokens: list[str], position: int) -> int | None:
    for words in _agency_index().get(tokens[position].casefold(), ()):
        if tuple(t.casefold() for t in tokens[position : position + len(words)]) == words:
            return position + len(words)
    return None


def _body_text(tokens: list[str], start: int, end: int, drop: list[tuple[int, int]]) -> str:
    """The article's tokens without its stamps, bylines and credit, and without interface
    labels at its edges."""
    keep = bytearray(b"\x01") * (end - start)  # 0 where a drop covers the token; read in C
    for low, high in drop:
        keep[low - start : high - start] = bytes(len(keep[low - start : high - start]))
    kept = list(compress(tokens[start:end], keep))
    return _trimmed(kept, 0, len(kept))


def _trimmed(tokens: list[str], start: int, end: int) -> str:
    labels = _single_word_labels()
    while start < end and tokens[start].casefold() in labels:
        start += 1
    while end > start and tokens[end - 1].casefold() in labels:
        end -= 1
    return " ".join(tokens[start:end])


def _page_title_end(tokens: list[str], joined: str, first_cut: int) -> int:
    """Length of the page title a saved page may open with: the longest opening run the page
    repeats (e.g. in breadcrumbs)."""
    for size in range(min(_PAGE_TITLE_MAX, first_cut), _MIN_TITLE_TOKENS - 1, -1):
        if _recurs(joined, tokens[:size]):
            return size
    return 0


def _masthead(tokens: list[str], joined: str) -> str | None:
    """The site name between page title and navigation, if it is known or repeated on the page."""
    if not 1 <= len(tokens) <= _MASTHEAD_MAX:
        return None
    name = " ".join(tokens)
    known = find_outlet([name])
    if known:
        return known
    return canonical_outlet(name) if _recurs(joined, tokens, times=3) else None
