"""A flattened page cut into units: the stretches between cuts, split around runs of labels.

Menus and lists of teaser titles are runs of capitalised words and numbers with no function
word among them; so are the names, places and amounts inside a sentence ("bei der Werft Neue
Schiffswerft Lübeck zwei Schiffe"), which stand between lower-case words (`runs_through`).
"""

from __future__ import annotations

import re

from presseschau.clean.flat_bylines import weekday_names
from presseschau.clean.flat_page import FlatPage
from presseschau.clean.flat_tokens import Span, ones_run
from presseschau.clean.resources import function_words

# A run of three capitalised words and numbers without a function word between is a label run.
_LABEL_RUN = 3
_LABEL_RUN_FLAGS = ones_run(_LABEL_RUN)
# Inside a sentence, a short run of names and nouns ("hat die Kieler Förde Fähr Gesellschaft
# zwei Schiffe") stands between lower-case words; a run this long at most is read as part of
# it where the article's opening is looked for a second time (see `flat_article`).
INNER_LABELS = 6


def page_units(page: FlatPage, cuts: list[Span], *, inner: bool = False) -> list[tuple[int, int, bool]]:
    """(start, end, is a cut) of the page's units, in order; `inner`: short label runs between
    lower-case words are part of the text."""
    labels = page.labels
    units: list[tuple[int, int, bool]] = []
    position = 0
    for cut in [*cuts, Span(len(page.tokens), len(page.tokens), "end")]:
        if cut.start < position:
            continue
        units += _split_label_runs(labels, position, cut.start, page.tokens if inner else None)
        if cut.end > cut.start:
            units.append((cut.start, cut.end, True))
        position = cut.end
    return units


def _split_label_runs(
    labels: bytes, low: int, high: int, tokens: list[str] | None = None
) -> list[tuple[int, int, bool]]:
    """A stretch between cuts, split around runs of labels (`labels`: 1 for each label token).
    With `tokens`, not around a run a sentence of the stretch runs through."""
    units: list[tuple[int, int, bool]] = []
    start = low
    # Each run's bounds are read once (`span`): a stretch holds a few runs, a page thousands.
    for run_start, run_end in map(re.Match.span, _LABEL_RUN_FLAGS.finditer(labels, low, high)):
        # After a stretch of text, a long run's first word is the noun ending its last sentence.
        first = (
            run_start + 1
            if run_start - start >= _LABEL_RUN and run_end - run_start > _LABEL_RUN
            else run_start
        )
        if run_end - first >= _LABEL_RUN and not (
            tokens and runs_through(tokens, run_start, run_end, low, high)
        ):
            if first > start:
                units.append((start, first, False))
            units.append((first, run_end, True))
            start = run_end
    if high > start:
        units.append((start, high, False))
    return units


def runs_through(tokens: list[str], first: int, end: int, low: int = 0, high: int | None = None) -> bool:
    """Whether a sentence runs through tokens[first:end], a run of names or numbers (or a cut):
    `INNER_LABELS` tokens at most, with a lower-case word or a number of tokens[low:high] on
    either side ("rund 2 | 1 Millionen Thüringern | wahlberechtigt")."""
    return (
        end - first <= INNER_LABELS
        and low < first
        and end < (len(tokens) if high is None else high)
        and _runs_on(tokens[first - 1])
        and _runs_on(tokens[end])
    )


def in_sentence(page: FlatPage, cut: Span) -> bool:
    """Whether a sentence runs through the date stamp or interface phrase `cut`, which then
    stays in the text ("des Urteils vom | 12 April 2024 | vor", "Am | 9 März 2021 | hat der
    Gerichtshof", "führt der Weg wieder | nach oben | und"): a lower-case word or a number
    after it, and one before it or a function word (which may open the sentence). A weekday
    the stamp opens with stands between ("Am Sonntag | 7 Mai 2023 | kurz nach")."""
    if cut.kind not in ("stamp", "nav") or cut.start == 0 or cut.end >= len(page.tokens):
        return False
    before = cut.start - 1
    if before > 0 and cut.kind == "stamp" and page.folded[before] in weekday_names():
        before -= 1
    return (_runs_on(page.tokens[before]) or page.folded[before] in function_words()) and _runs_on(
        page.tokens[cut.end]
    )


def closes_sentence(page: FlatPage, cut: Span) -> bool:
    """Whether the interface phrase `cut` is a sentence's last words: printed in lower case,
    as a site prints none of its links, after a lower-case word, and the next sentence opens
    after it with a capitalised function word ("führt der Weg wieder | nach oben | Die nächste
    Szene")."""
    return (
        cut.kind == "nav"
        and cut.start > 0
        and cut.end < len(page.tokens)
        and page.tokens[cut.start][:1].islower()
        and page.tokens[cut.start - 1][:1].islower()
        and page.opens_sentence(cut.end)
    )


def _runs_on(token: str) -> bool:
    """A lower-case word or a number: what stands around names and amounts inside a sentence."""
    return token[:1].islower() or token.isdigit()
