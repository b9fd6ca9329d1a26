"""Flattened pages: a whole web page on one line with its punctuation stripped.

Such a page is a run of tokens: the page title and masthead, navigation, the article head
(kicker, headline, teaser, "Von A B und C", "21 02 2025 13 14 Uhr"), then the body or a
paywall, then footer menus. Multi-word interface phrases from the data files are the cut
points; article text is told from menus by its density of function words; the byline with
its date anchors the article; and a headline is recognised because pages repeat it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from presseschau.clean.blocks import Block
from presseschau.clean.byline import Byline, parse_byline
from presseschau.clean.dates import find_flat_date, iso_from_match
from presseschau.clean.outlets import canonical_outlet, find_outlet
from presseschau.clean.resources import data_lines, function_words
from presseschau.clean.stated import Stated

_NON_WORD = re.compile(r"[^\w]+")
_DATE_AT_START = re.compile(r"^\d{1,2} \d{1,2} \d{4}(?: \d{1,2} \d{2} Uhr)?")
_BYLINE_WORDS = frozenset({"Von", "By"})
_NAME_JOINERS = frozenset({"und", "and", "von", "van", "de", "der", "zu"})
_CREDIT_LABELS = frozenset({"Foto", "Fotos", "Bild", "Bilder", "Bildquelle"})
_YEAR = re.compile(r"^\d{4}$")
_PAGE_TITLE_MAX, _MASTHEAD_MAX = 30, 4
_MIN_TITLE_TOKENS, _MIN_TEASER_TOKENS = 3, 5
# A kicker before the headline is short; a repeated run after it must be long enough not to be chance.
_KICKER_MAX_TOKENS, _MIN_RECURRING_TOKENS = 3, 4
_BYLINE_MAX_TOKENS = 40
_HEAD_MAX_TOKENS = 80
# Credits: the first agency must follow the label closely, later ones follow each other.
_CREDIT_FIRST_GAP, _CREDIT_NEXT_GAP = 9, 6
# Runs of article text vs. menus (share of function words).
_PROSE_DENSITY, _MENU_DENSITY = 0.2, 0.12
_PROSE_MIN_TOKENS, _MENU_MIN_TOKENS, _FALLBACK_MIN_TOKENS = 8, 15, 20


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class _Anchor:
    start: int
    end: int
    byline: Byline | None
    published: str | None


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


def _spans(folded: list[str], start: int = 0, stop: int | None = None) -> list[_Span]:
    index = _phrase_index()
    spans: list[_Span] = []
    position, stop = start, len(folded) if stop is None else stop
    while position < stop:
        for words, kind in index.get(folded[position], ()):
            if tuple(folded[position : position + len(words)]) == words:
                spans.append(_Span(position, position + len(words), kind))
                position += len(words)
                break
        else:
            position += 1
    return spans


@cache
def _single_word_labels() -> frozenset[str]:
    """One-word interface labels ("Impressum", "Abo"): trimmed from the edges of text runs."""
    lines = (line for line in data_lines("boilerplate_lines.txt") if not line.startswith("re:"))
    return frozenset(words[0] for line in lines if len(words := _phrase_tokens(line)) == 1)


def _trimmed(tokens: list[str], start: int, end: int) -> str:
    labels = _single_word_labels()
    while start < end and tokens[start].casefold() in labels:
        start += 1
    while end > start and tokens[end - 1].casefold() in labels:
        end -= 1
    return " ".join(tokens[start:end])


def _density(folded: list[str]) -> float:
    words = function_words()
    return sum(1 for token in folded if token in words) / len(folded) if folded else 0.0


def _recurs(joined: str, tokens: list[str], times: int = 2) -> bool:
    return joined.count(" " + " ".join(tokens) + " ") >= times


def read_flattened(text: str) -> tuple[list[Block], Stated]:
    tokens = text.split()
    folded = [token.casefold() for token in tokens]
    joined = " " + " ".join(tokens) + " "
    spans = _spans(folded)
    first_cut = spans[0].start if spans else len(tokens)
    title_end = _page_title_end(tokens, joined, first_cut)
    outlet = _masthead(tokens[title_end:first_cut], joined) if title_end else None
    outlet = outlet or find_outlet(" ".join(tokens[s.start : s.end + _MASTHEAD_MAX]) for s in spans)
    page_title = " ".join(tokens[:title_end]) or None
    anchor = _find_anchor(tokens)
    if anchor is None:
        body = _longest_prose_run(tokens, folded, spans)
        return [Block(body)] if body else [], Stated(title=page_title, outlet=outlet)
    boundary = max([title_end, *(s.end for s in spans if s.end <= anchor.start)])
    head_start, credit = _skip_credit(tokens, max(boundary, anchor.start - _HEAD_MAX_TOKENS), anchor.start)
    headline, teaser = _split_head(tokens[head_start : anchor.start], joined)
    runs, paywalled = _body_runs(tokens, folded, spans, _skip_issue_reference(tokens, anchor.end))
    blocks = [Block(part) for part in (teaser, *runs) if part]
    return blocks, Stated(
        title=page_title or headline,
        lead=teaser or None,
        published=anchor.published,
        authors=anchor.byline.authors if anchor.byline else (),
        outlet=outlet,
        image_credits=(credit,) if credit else (),
        paywalled=paywalled,
    )


def _page_title_end(tokens: list[str], joined: str, first_cut: int) -> int:
    """Length of the page title: the longest opening run the page repeats (e.g. in breadcrumbs)."""
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


def _find_anchor(tokens: list[str]) -> _Anchor | None:
    """The byline ("Von …") followed by a date; failing that a byline alone, or a dated time stamp."""
    weak: _Anchor | None = None
    for start, token in enumerate(tokens):
        if token not in _BYLINE_WORDS:
            continue
        end = start + 1
        while (
            end < len(tokens)
            and end - start <= _BYLINE_MAX_TOKENS
            and (tokens[end][:1].isupper() or tokens[end] in _NAME_JOINERS)
        ):
            end += 1
        date = _DATE_AT_START.match(" ".join(tokens[end : end + 6]))
        if date:
            byline = parse_byline(" ".join(tokens[start:end]), flattened=True)
            if byline:
                published = iso_from_match(find_flat_date(date.group(0)))  # type: ignore[arg-type]
                return _Anchor(start, end + len(date.group(0).split()), byline, published)
        if weak is None:
            weak = _longest_byline(tokens, start, end)
    if weak is not None:
        return weak
    stamp = find_flat_date(" ".join(tokens))
    if stamp is None or "Uhr" not in stamp.group(0):
        return None
    first = len(" ".join(tokens)[: stamp.start()].split())
    return _Anchor(first, first + len(stamp.group(0).split()), None, iso_from_match(stamp))


def _longest_byline(tokens: list[str], start: int, end: int) -> _Anchor | None:
    for stop in range(end, start + 2, -1):
        byline = parse_byline(" ".join(tokens[start:stop]), flattened=True)
        if byline:
            return _Anchor(start, stop, byline, None)
    return None


def _agency_end(tokens: list[str], position: int) -> int | None:
    for words in _agency_index().get(tokens[position].casefold(), ()):
        if tuple(t.casefold() for t in tokens[position : position + len(words)]) == words:
            return position + len(words)
    return None


def _skip_credit(tokens: list[str], start: int, stop: int) -> tuple[int, str | None]:
    """Skip an image caption and its credit ("… Foto M SPIEGEL Fotos X Getty Images") before the head."""
    for label in range(start, stop):
        if tokens[label] not in _CREDIT_LABELS:
            continue
        end, gap_limit, position = None, _CREDIT_FIRST_GAP, label + 1
        last = label + 1
        while position < stop and position - last <= gap_limit:
            agency_end = _agency_end(tokens, position)
            if agency_end is None:
                position += 1
                continue
            end, last, gap_limit, position = agency_end, agency_end, _CREDIT_NEXT_GAP, agency_end
        if end is not None:
            return end, " ".join(tokens[label + 1 : end])
    return start, None


def _split_head(head: list[str], joined: str) -> tuple[str | None, str]:
    """(headline, teaser): the headline is the longest opening of the head that the page repeats
    elsewhere, possibly after a short kicker ("Mietrecht Neue Regeln …") the page does not repeat."""
    for end in range(len(head) - _MIN_TEASER_TOKENS, _MIN_TITLE_TOKENS - 1, -1):
        for start in range(min(_KICKER_MAX_TOKENS, end - _MIN_RECURRING_TOKENS) + 1):
            if (start == 0 or end - start >= _MIN_RECURRING_TOKENS) and _recurs(joined, head[start:end]):
                return " ".join(head[:end]), " ".join(head[end:])
    return None, " ".join(head)


def _skip_issue_reference(tokens: list[str], start: int) -> int:
    """Skip a print-issue reference after the date ("aus DER SPIEGEL 9 2025")."""
    if start < len(tokens) and tokens[start] == "aus":
        for position in range(start + 2, min(start + 7, len(tokens))):
            if _YEAR.match(tokens[position]) and tokens[position - 1].isdigit():
                return position + 1
    return start


def _body_runs(
    tokens: list[str], folded: list[str], spans: list[_Span], start: int
) -> tuple[list[str], bool]:
    """Article text after the head, up to a paywall, a related-content box or the footer menus."""
    runs: list[str] = []
    position = start
    for span in [*(s for s in spans if s.start >= start), _Span(len(tokens), len(tokens), "end")]:
        segment = folded[position : span.start]
        density = _density(segment)
        if len(segment) >= _PROSE_MIN_TOKENS and density >= _PROSE_DENSITY:
            runs.append(_trimmed(tokens, position, span.start))
        elif len(segment) >= _MENU_MIN_TOKENS and density < _MENU_DENSITY:
            return runs, False
        if span.kind in ("paywall", "tail"):
            return runs, span.kind == "paywall"
        position = max(position, span.end)
    return runs, False


def _longest_prose_run(tokens: list[str], folded: list[str], spans: list[_Span]) -> str | None:
    bounds = [0, *(edge for span in spans for edge in (span.start, span.end)), len(tokens)]
    best: tuple[int, int] | None = None
    for left, right in zip(bounds[::2], bounds[1::2], strict=False):
        size = right - left
        longer = best is None or size > best[1] - best[0]
        if longer and size >= _FALLBACK_MIN_TOKENS and _density(folded[left:right]) >= _PROSE_DENSITY:
            best = (left, right)
    return _trimmed(tokens, *best) if best else None
