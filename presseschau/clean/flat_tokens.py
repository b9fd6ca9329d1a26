"""A flattened page's tokens, and the interface phrases among them.

The page is split at white space; a date the page glued to the word before it is split off
("Keller24 04 2024"). Multi-word phrases of the data lists (menus, related-content headings,
paywall markers) are found in the case-folded tokens: they cut the token stream (see
`flat_page`), and one-word labels are trimmed from the edges of text runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate, compress, count, repeat
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from presseschau.clean.resources import data_lines
from presseschau.clean.shape import latin1_bytes

_NON_WORD = re.compile(r"[^\w]+")


def ones_run(length: int) -> re.Pattern[bytes]:
    """A regex for the runs of `length` or more 1s in a string of flag bytes, spelled as
    `length` literal 1s and a starred one, not as `\\x01{n,}`: sre skips ahead to where a
    pattern's literal opening stands, and tries a counted repeat at every position (twice
    the cost over a page's flags)."""
    return re.compile(b"\x01" * length + b"\x01*")


# This many one-word interface labels in a row are a row of buttons, not words of a sentence.
_LABEL_WORD_RUN = 2
_LABEL_WORD_FLAGS = ones_run(_LABEL_WORD_RUN)
# A date glued to the word or year before it, where the page set two elements without a space
# between ("Tobias Kröning24 04 2024", "30 01 202430 Januar 2024").
_GLUED_DATE = re.compile(r"(?:[^\W\d_]+|(?:19|20)\d\d)(?=\d{1,2}$)")
# Each Latin-1 character (by its code) as what `_GLUED_DATE` reads it as: a letter "a", a
# digit "0", white space (where tokens part) " ", anything else ".".
_GLUE_CLASSES = bytes(
    ord(
        "0"
        if re.fullmatch(r"\d", char)
        else " "
        if char.isspace()
        else "a"
        if re.fullmatch(r"[^\W\d_]", char)
        else "."
    )
    for char in map(chr, range(256))
)
# In those classes, a letter and one or two digits closing a token ("a0 ", "a00 ") or five
# digits ("00000"), found from the digits: a search skips in C to each "0" (a page's digits
# are few), where a substring search for "a0 " stops at every letter.
_GLUED_CLASSES = re.compile(rb"0(?:(?<=a0)0? |0000)")


@dataclass(frozen=True)
class Span:
    """tokens[start:end], a cut of the given kind: nav, tail, paywall (phrases), stamp,
    byline, credit."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Vocabulary:
    """A page's distinct tokens, numbered in the order they first stand, and the number of
    each token: what is asked of every token is asked once of each distinct one (a page
    prints about three tokens for each) and spread to the tokens by numpy."""

    words: list[str]
    numbers: npt.NDArray[np.intp]

    @classmethod
    def of(cls, tokens: list[str]) -> Vocabulary:
        seen: dict[str, int] = {}
        # A token not seen before gets the count of those seen before it.
        numbers = np.fromiter(map(seen.setdefault, tokens, map(len, repeat(seen))), np.intp, len(tokens))
        return cls(list(seen), numbers)

    @cached_property
    def folded(self) -> list[str]:
        """Each distinct token case-folded."""
        return list(map(str.casefold, self.words))

    def spread(self, values: list[str]) -> list[str]:
        """The value of each token, from `values` (one for each distinct token, in order)."""
        return np.array(values, dtype=object)[self.numbers].tolist()

    def positions(self, words: Set[str]) -> list[int]:
        """Where a token of `words` (as printed) stands, in order."""
        return np.flatnonzero(self.flags(map(words.__contains__, self.words))).tolist()

    def offsets(self) -> npt.NDArray[np.intp]:
        """Where each token opens in the tokens joined by single spaces."""
        # The lengths of the tokens before it, and the space after each.
        spaced = np.fromiter(map(len, self.words), np.intp, len(self.words))[self.numbers] + 1
        return np.cumsum(spaced) - spaced

    def flags(self, values: Iterable[bool]) -> npt.NDArray[np.bool_]:
        """True for each token whose distinct token's value in `values` (one for each, in
        order) is."""
        return np.fromiter(values, bool, len(self.words))[self.numbers]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A phrase of a data list as the case-folded tokens a flattened page prints it in."""
    return tuple(_NON_WORD.sub(" ", phrase.casefold()).split())


def phrase_at(index: dict[str, list[tuple[str, ...]]], folded: list[str], position: int) -> int:
    """How many tokens the longest phrase of `index` (see `phrase_index`) standing at
    `position` of the folded tokens spans, else 0."""
    for words in index.get(folded[position], ()):
        if tuple(folded[position : position + len(words)]) == words:
            return len(words)
    return 0


@cache
def phrase_index(name: str, min_words: int = 1) -> dict[str, list[tuple[str, ...]]]:
    """The phrases of the data list `name` of `min_words` or more, as case-folded tokens, by
    their first token, longest first: a phrase is looked up at a token, not searched for."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for line in data_lines(name):
        words = phrase_tokens(line)
        if len(words) >= max(1, min_words):
            index.setdefault(words[0], []).append(words)
    for entries in index.values():
        entries.sort(key=len, reverse=True)
    return index


@cache
def _phrases() -> tuple[dict[str, list[tuple[tuple[str, ...], str]]], frozenset[str]]:
    """The data lists' phrases of two or more words, as case-folded tokens with their kind, by
    their first token, longest first (at a token, the phrase of most words is tried first);
    and the tokens that stand second in one."""
    sources = (
        ("boilerplate_lines.txt", "nav"),
        ("tail_markers.txt", "tail"),
        ("paywall_markers.txt", "paywall"),
    )
    kinds: dict[tuple[str, ...], str] = {}
    for name, kind in sources:
        for line in data_lines(name):
            words = () if line.startswith("re:") else phrase_tokens(line)
            if len(words) >= 2:
                kinds.setdefault(words, kind)
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words in sorted(kinds, key=len, reverse=True):
        index.setdefault(words[0], []).append((words, kinds[words]))
    return index, frozenset(words[1] for words in kinds)


def phrase_spans(folded: list[str], vocabulary: Vocabulary) -> list[Span]:
    """Where the data lists' phrases stand among the case-folded tokens (`vocabulary`: of the
    tokens they fold), the longest first; a phrase found skips the tokens it covers."""
    index, seconds = _phrases()
    # A phrase can open only at a phrase's first token followed by a phrase's second one:
    # asked once per distinct token, the few such positions are tried.
    opens = vocabulary.flags(map(index.__contains__, vocabulary.folded))
    follows = vocabulary.flags(map(seconds.__contains__, vocabulary.folded))
    spans, position = [], 0
    for start in np.flatnonzero(opens[:-1] & follows[1:]).tolist():
        for words, kind in index[folded[start]] if start >= position else ():
            if tuple(folded[start : start + len(words)]) == words:
                spans.append(Span(start, start + len(words), kind))
                position = start + len(words)
                break
    return spans


def token_indices(text: str, offsets: list[int]) -> dict[int, int]:
    """The index of the token at each of `offsets` of `text`, tokens joined by a space (and
    holding none, split at white space): the spaces before it, counted in C from one offset to
    the next (a page's thousands of token offsets are not summed for its few hits)."""
    ordered = sorted(set(offsets))
    spaces = accumulate(map(text.count, repeat(" "), [0, *ordered], ordered))
    return dict(zip(ordered, spaces, strict=True))


def label_word_runs(labels: bytes, phrases: list[Span]) -> list[Span]:
    """Runs of `_LABEL_WORD_RUN` or more one-word interface labels outside `phrases` ("email
    facebook twitter messenger", "anzeige teilen facebook"; `labels`: 1 for each token that is
    one, see `FlatPage.label_words`): a row of buttons, which a page of lines prints one to a line.
    One such word alone may be the text's ("die Bilder teilen")."""
    flags = bytearray(labels)
    for span in phrases:
        flags[span.start : span.end] = bytes(span.end - span.start)
    return [Span(run.start(), run.end(), "nav") for run in _LABEL_WORD_FLAGS.finditer(flags)]


@cache
def single_word_labels() -> frozenset[str]:
    """One-word interface labels ("Impressum", "Abo"): trimmed from the edges of text runs."""
    lines = (line for line in data_lines("boilerplate_lines.txt") if not line.startswith("re:"))
    return frozenset(words[0] for line in lines if len(words := phrase_tokens(line)) == 1)


def unglued_dates(text: str) -> list[str]:
    """The tokens of `text` (split at white space) with a date glued to the word or year before
    it split off: the day, one or two digits ending a token that a month and year follow
    ("Keller24 04 2024", "202430 Januar 2024")."""
    tokens = text.split()
    if not _may_hold_glued_date(text):
        return tokens
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


def _may_hold_glued_date(text: str) -> bool:
    """Whether a token of `text` may be a word or year with a date's day glued on (see
    `_GLUED_DATE`): one or two digits closing it after a letter, or five digits in a row. Where
    the page fits in Latin-1 (a page's, mostly), told by a search in C over its characters'
    classes (`_GLUE_CLASSES`, `_GLUED_CLASSES`), not by a test of every token: most pages hold
    none. The text's own characters are read, not its tokens joined again: every white space
    character parts tokens (`str.split`) and reads as a space (`_GLUE_CLASSES`)."""
    latin1 = latin1_bytes(f"{text} ")
    if latin1 is None:
        return True
    return _GLUED_CLASSES.search(latin1.translate(_GLUE_CLASSES)) is not None
