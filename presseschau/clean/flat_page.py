"""A flattened page read once: its tokens, what cuts them, what it repeats, and the weight of
its units of text.

Interface phrases (`flat_tokens`), date stamps (`dates.flat_stamps`) and bylines
(`flat_bylines`) cut the token stream. A headline or teaser the page prints twice is found
by its runs of three tokens, counted once per page; a unit of text weighs as prose only where
it reads as running text and the page does not repeat it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime
from functools import cache, cached_property
from itertools import compress, count
from math import ceil
from operator import itemgetter

import numpy as np
import numpy.typing as npt

from presseschau.clean.byline import Byline
from presseschau.clean.dates import FlatStamp, flat_relative_times, flat_stamps
from presseschau.clean.flat_bylines import find_bylines
from presseschau.clean.flat_credit import CREDIT_LABELS
from presseschau.clean.flat_tokens import (
    Span,
    Vocabulary,
    label_word_runs,
    phrase_index,
    phrase_spans,
    single_word_labels,
    unglued_dates,
)
from presseschau.clean.prose import RunTally
from presseschau.clean.region import weight
from presseschau.clean.resources import function_words, phrase_set
from presseschau.clean.shape import latin1_bytes

# 1 for each Latin-1 character (by its code) that `str.isalpha`, and that `str.islower`, holds true of.
_LATIN1_LETTERS = bytes(chr(code).isalpha() for code in range(256))
_LATIN1_LOWER = bytes(chr(code).islower() for code in range(256))
# The shortest headline, and the shortest run whose repeats are looked for (runs of three
# are counted on every page).
MIN_TITLE_TOKENS = 3
# Units of text are prose when a quarter of their words are function words and three in ten
# are lower-case (menus name things in nouns with the odd article: "Die perfekte Bewerbung");
# anything else costs twice its words, as labels do on a page of lines.
_FLAT_DENSITY, _LOWER_SHARE, LABEL_COST = 0.25, 0.3, 2.0
# A unit of text up to this long that the page repeats is furniture (a headline, a teaser).
_REPEAT_MAX_TOKENS, _REPEAT_SHARE = 40, 0.7
# So is a unit of any length, half of whose tokens stand in runs of 12 that the page prints
# again within 1500 tokens, in repeated stretches of 80 tokens at most (see `near_repeats`).
_NEAR_REPEAT_TOKENS, _NEAR_REPEAT_REACH, _NEAR_REPEAT_LONGEST = 12, 1500, 80
# So is a run of 6 that the page prints three times or more, anywhere. (`near_repeats` reads
# runs of 12 and of 6 as four and two runs of three: change it with these.)
_MENU_REPEAT_TOKENS, _MENU_REPEAT_COPIES = 6, 3


@dataclass
class FlatPage:
    """A flattened page's tokens and what cuts them (computed once, then read)."""

    tokens: list[str]
    folded: list[str]
    joined: str
    spans: list[Span]
    stamps: list[FlatStamp]
    bylines: list[tuple[int, int, Byline]]
    relative_times: list[tuple[int, int, bool]]  # see `dates.flat_relative_times`
    vocabulary: Vocabulary  # of `tokens`

    @cached_property
    def cuts(self) -> list[Span]:
        """Where the token stream is cut: interface phrases, date stamps, bylines."""
        return sorted(
            [
                *self.spans,
                *(Span(s.start, s.end, "stamp") for s in self.stamps),
                *(Span(start, end, "byline") for start, end, _ in self.bylines),
            ],
            key=lambda span: span.start,
        )

    @cached_property
    def _word_ids(self) -> npt.NDArray[np.int64]:
        """A number for each folded token, the same for the same word (words numbered as they
        first stand): the page's runs are compared as numbers, in numpy, not as strings."""
        vocabulary = self.vocabulary
        return Vocabulary.of(vocabulary.folded).numbers[vocabulary.numbers].astype(np.int64)

    @cached_property
    def _trigrams(self) -> _Groups:
        """The runs of three folded tokens, by where they start, grouped where they are equal."""
        words, size = self._word_ids, len(self._word_ids)
        # Numbers below `size` paired into one below its square, the pairs numbered again: no
        # product grows past a 64-bit integer however long the page.
        pairs = np.unique(words[:-1] * size + words[1:], return_inverse=True)[1]
        return _Groups.of(pairs[:-1] * size + words[2:])

    @cached_property
    def twice(self) -> bytes:
        """1 where the run of three folded tokens starting there stands twice or more on the
        page: most stand once, and a longer run opening with one of those needs no search."""
        trigrams = self._trigrams
        return (trigrams.sizes()[trigrams.ids] >= 2).astype(np.uint8).tobytes()

    def occurrences(self, start: int, size: int) -> list[int]:
        """Where the run of `size` (three or more) folded tokens at `start` stands on the page,
        itself included."""
        if start + size > len(self.folded):
            return []
        # Elsewhere on the page, each run of three in it stands twice.
        if 0 in self.twice[start : start + size - 2]:
            return [start]
        # Where its first run of three stands, the rest is compared in place.
        run = self.folded[start : start + size]
        return [
            other
            for other in self._trigrams.members(start)
            if other + size <= len(self.folded) and self.folded[other : other + size] == run
        ]

    def repeats_of(self, positions: set[int]) -> list[int]:
        """Where the runs of three folded tokens starting at `positions` stand, in order, of
        those the page prints twice or more."""
        trigrams, twice = self._trigrams, self.twice
        groups = [trigrams.ids[at] for at in positions if at < len(twice) and twice[at]]
        return np.flatnonzero(np.isin(trigrams.ids, groups)).tolist()

    @cached_property
    def near_repeats(self) -> bytearray:
        """1 for each token of a run of `_NEAR_REPEAT_TOKENS` or more that the page prints again
        within `_NEAR_REPEAT_REACH` tokens (a disclaimer or teaser set twice, for two screen
        sizes), or of a run of `_MENU_REPEAT_TOKENS` that it prints `_MENU_REPEAT_COPIES` times
        or more (a teaser's title in a menu, a teaser list and the next-article links; the text
        may print a sentence again as a caption, not three times), unless the repeated stretch
        is longer than `_NEAR_REPEAT_LONGEST`: then the page holds the article twice, and neither
        copy is furniture."""
        trigrams = self._trigrams.ids
        # A run of six is two runs of three, a run of twelve two runs of six: numbered in turn.
        sixes, six_counts = np.unique(
            trigrams[:-3] * len(trigrams) + trigrams[3:], return_inverse=True, return_counts=True
        )[1:]
        menus = np.flatnonzero(six_counts[sixes] >= _MENU_REPEAT_COPIES)
        twelves = sixes[:-6] * len(sixes) + sixes[6:]
        # Each run of twelve beside its copy before (equal runs side by side, in order).
        order = np.argsort(twelves, kind="stable")
        near = (twelves[order[1:]] == twelves[order[:-1]]) & (np.diff(order) <= _NEAR_REPEAT_REACH)
        repeated = np.concatenate([order[:-1][near], order[1:][near]])
        mask = np.zeros(len(self.folded), dtype=np.uint8)
        mask[(menus[:, None] + np.arange(_MENU_REPEAT_TOKENS)).ravel()] = 1
        mask[(repeated[:, None] + np.arange(_NEAR_REPEAT_TOKENS)).ravel()] = 1
        flags = bytearray(mask.tobytes())
        for low, high in _runs_of_ones(flags, _NEAR_REPEAT_LONGEST + 1):
            flags[low:high] = bytes(high - low)
        return flags

    def repeated(self, start: int, end: int) -> bool:
        """Whether most of tokens[start:end] stand elsewhere on the page too: the first
        `_REPEAT_SHARE` of them (three at least) somewhere else."""
        need = max(MIN_TITLE_TOKENS, ceil(_REPEAT_SHARE * (end - start)))
        return need <= end - start and any(other != start for other in self.occurrences(start, need))

    @cached_property
    def button_rows(self) -> list[Span]:
        """Rows of one-word interface labels outside the phrases (see `label_word_runs`): they
        leave the body, but do not part its units (the label runs around them do)."""
        return label_word_runs(self.label_words, self.spans)

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
        return self.vocabulary.spread(list(map(itemgetter(0), self.vocabulary.words)))

    def opens_sentence(self, position: int) -> bool:
        """Whether a sentence may open at `position`: a capitalised function word ("Die",
        "Nach", "Wer"), as nothing but a sentence's first word is."""
        return self.initials[position].isupper() and self.folded[position] in function_words()

    @cached_property
    def labels(self) -> bytes:
        """1 for each token that is a label (see `_label_flags`)."""
        return _label_flags(self._initials[1], self.function_flags)

    @cached_property
    def function_flags(self) -> bytes:
        """1 for each token that is a function word, else 0."""
        vocabulary = self.vocabulary
        return vocabulary.flags(map(function_words().__contains__, vocabulary.folded)).tobytes()

    @cached_property
    def tally(self) -> RunTally:
        return RunTally(self.tokens)

    @cached_property
    def _initials(self) -> tuple[bytes, bytes]:
        """1 for each token opening with a letter, and for each opening with a lower-case one
        (made in C; a run's are counted by `bytes.count`, see `RunTally`)."""
        latin1 = latin1_bytes("".join(self.initials))
        if latin1 is None:
            return bytes(map(str.isalpha, self.initials)), bytes(map(str.islower, self.initials))
        # Where the initials fit in Latin-1 (a page's, mostly), a byte table gives both flags
        # in one pass each, with no call per token.
        return latin1.translate(_LATIN1_LETTERS), latin1.translate(_LATIN1_LOWER)

    @cached_property
    def _marked(self) -> list[int]:
        """Where a one-word interface label (`single_word_labels`) or a listed word
        (`listed_words`) stands, in order: one look-up per distinct token for both."""
        vocabulary = self.vocabulary
        return np.flatnonzero(vocabulary.flags(map(_marked_words().__contains__, vocabulary.folded))).tolist()

    @cached_property
    def label_words(self) -> bytes:
        """1 for each token that is a one-word interface label, else 0."""
        flags, labels, folded = bytearray(len(self.folded)), single_word_labels(), self.folded
        for at in self._marked:
            flags[at] = folded[at] in labels
        return bytes(flags)

    @cached_property
    def _listed(self) -> list[int]:
        words, folded = listed_words(), self.folded
        return [at for at in self._marked if folded[at] in words]

    def listed(self, low: int, high: int) -> list[int]:
        """Where a listed word (`listed_words`, in any case) stands in tokens[low:high], in
        order: a reader looking for one of them tests these, not every token."""
        found = self._listed
        return found[bisect_left(found, low) : bisect_left(found, max(low, high))]

    @cached_property
    def _interface(self) -> bytes:
        """1 for each interface word that the site-word measure (`tally`) leaves uncounted, else
        0: one-word labels ("teilen", "merken") and the words of interface phrases ("Artikel
        teilen", "nächster Artikel")."""
        flags = bytearray(self.label_words)
        for span in self.spans:
            flags[span.start : span.end] = b"\x01" * (span.end - span.start)
        # A label or phrase word (1) that is no site word (0), byte by byte: the bits of the
        # one and not of the other, in C over the whole page at once.
        size = len(flags)
        others = int.from_bytes(flags) & ~int.from_bytes(self.tally.site_flags())
        return others.to_bytes(size)

    @cached_property
    def _site_marks(self) -> bytes:
        """1 for each token that `site_words` counts (a site word or an interface word), else 0."""
        marks = int.from_bytes(self.tally.site_flags()) | int.from_bytes(self._interface)
        return marks.to_bytes(len(self.tokens))

    def site_word_openings(self, low: int, high: int, reach: int) -> list[int]:
        """The positions of [low, high), in order, with a site or interface word among the
        `reach` tokens from each: the only ones where `site_words(at, at + reach)` may be above
        0 (the marked tokens are found in C, and few are)."""
        found: set[int] = set()
        for marked in compress(count(low), self._site_marks[low : max(low, high + reach - 1)]):
            found.update(range(max(low, marked - reach + 1), min(marked + 1, high)))
        return sorted(found)

    def site_words(self, low: int, high: int) -> int:
        """How many tokens of tokens[low:high] address the reader or name the site's machinery,
        its interface labels included."""
        return self.tally.measure(low, high).site + self._interface.count(1, low, high)

    def lower_share(self, low: int, high: int) -> float:
        """The share of lower-case words in tokens[low:high]: running text has verbs,
        adjectives and function words; menus and teaser titles are mostly capitalised names
        and nouns."""
        letters, lower = self._initials
        opening = letters.count(1, low, high)
        return lower.count(1, low, high) / opening if opening else 0.0

    @cached_property
    def unit_weights(self) -> dict[tuple[int, int], float]:
        """The weight of each unit of text weighed so far, by (start, end): the article's two
        readings (`flat_article`) share some of their units (one in seven on the bench's pages)."""
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
                found = -LABEL_COST * (prose.words + 1)
            self.unit_weights[low, high] = found
        return found

    def reads_as_prose(self, low: int, high: int) -> bool:
        """Whether tokens[low:high] read as running text (as a unit of prose does, see
        `unit_weight`), whether or not the page repeats them."""
        return (
            self.tally.measure(low, high, min_density=_FLAT_DENSITY).is_prose
            and self.lower_share(low, high) >= _LOWER_SHARE
        )


def read_page(text: str, now: datetime | None) -> FlatPage:
    """The flattened page `text` split into tokens, with its phrases, stamps and bylines."""
    tokens = unglued_dates(text)
    vocabulary = Vocabulary.of(tokens)
    folded = vocabulary.spread(vocabulary.folded)
    spaced = " ".join(tokens)
    stamps = flat_stamps(tokens, spaced, vocabulary, now=now)
    relative_times = flat_relative_times(tokens, vocabulary)
    standing = [(start, end) for start, end, runs_on in relative_times if not runs_on]
    return FlatPage(
        tokens,
        folded,
        f" {spaced} ",
        phrase_spans(folded, vocabulary),
        stamps,
        find_bylines(tokens, vocabulary, stamps, standing),
        relative_times,
        vocabulary,
    )


@dataclass(frozen=True)
class _Groups:
    """Positions grouped by equal keys: the group of each, and each group's positions."""

    ids: npt.NDArray[np.int64]  # the group of each position, numbered in the keys' order
    order: npt.NDArray[np.int64]  # the positions, group after group, in order within each
    bounds: npt.NDArray[np.int64]  # where each group opens in `order`, and its end

    @classmethod
    def of(cls, keys: npt.NDArray[np.int64]) -> _Groups:
        # Sorted stably, equal keys stand side by side with their positions in order.
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        opens = np.ones(len(keys), dtype=bool)
        np.not_equal(ordered[1:], ordered[:-1], out=opens[1:])
        ids = np.empty(len(keys), dtype=np.int64)
        ids[order] = np.cumsum(opens) - 1
        return cls(ids, order, np.append(np.flatnonzero(opens), len(keys)))

    def sizes(self) -> npt.NDArray[np.int64]:
        """How many positions each group holds."""
        return np.diff(self.bounds)

    def members(self, at: int) -> list[int]:
        """The positions in the group of `at`, in order."""
        group = self.ids[at]
        return self.order[self.bounds[group] : self.bounds[group + 1]].tolist()


@cache
def listed_words() -> frozenset[str]:
    """The case-folded words that the text's boxes, links and credits open with or are told
    by: credit labels, news and picture agencies, picture buttons, teaser prefixes (of two
    words or more), read-more links and file size units. A reader that looks for words of
    these lists looks among `FlatPage.listed` (a word of another list would be missed)."""
    words = {label.casefold() for label in CREDIT_LABELS}
    words.update(phrase_set("news_agencies.txt"), phrase_index("photo_agencies.txt"))
    words.update(phrase_index("picture_buttons.txt"))
    words.update(phrase_index("teaser_prefixes.txt", 2))
    words.update(phrase_set("read_more_links.txt"), phrase_set("file_size_units.txt"))
    return frozenset(words)


@cache
def _marked_words() -> frozenset[str]:
    return single_word_labels() | listed_words()


def _label_flags(lower: bytes, function: bytes) -> bytes:
    """1 for each label token (capitalised or a number, and no function word; `lower`: 1 for
    each token opening with a lower-case letter, `function`: for each function word), else 0;
    made in C, so that runs of labels are found by a regex rather than token by token."""
    # Neither lower-case nor a function word: the two flags or-ed and flipped byte by byte, as
    # integers (one pass each over the page in C, no call per token).
    either = int.from_bytes(lower) | int.from_bytes(function)
    return (either ^ int.from_bytes(b"\x01" * len(function))).to_bytes(len(function))


def _runs_of_ones(flags: bytes | bytearray, length: int) -> list[tuple[int, int]]:
    """(start, end) of each run of `length` or more 1s in `flags`, in order: found by a
    substring search in C, which skips ahead (a regex tries every position, and again every
    position inside a run too short to match)."""
    runs, needle = [], b"\x01" * length
    start = flags.find(needle)
    while start >= 0:
        end = flags.find(0, start + length)
        end = len(flags) if end < 0 else end
        runs.append((start, end))
        start = flags.find(needle, end)
    return runs
