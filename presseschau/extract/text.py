"""Splitting a clean body into sentences and word tokens, with character offsets.

One regex pass each; no per-character Python loops. Sentences never cross a line break,
because clean bodies put headings, list items and paragraphs on lines of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress
from operator import itemgetter

from presseschau.extract.lexicon import words
from presseschau.models import Sentence

# A word: letters and digits, with inner hyphens or apostrophes ("US-Präsident", "G20-Gipfel").
# One group, so that `split` returns the words between the gaps around them. The possessive
# quantifiers (nothing follows a word that could make the engine give back letters) save it
# the bookkeeping for backtracking.
_WORD = re.compile(r"(\w++(?:[-‐‑'’]\w++)*+)")
# A sentence ends at [.!?…] (and closing marks) before a capital or digit, and at a line break.
# A page that lost the space between two sentences ("… der Papst.Der Vatikan …") ends one
# where a lower-case word meets a capitalised one across the mark (a domain's ending is lower-case).
# Opening with a character class lets the regex engine skip from one candidate mark to the
# next in C (a leading lookahead makes it try every position); the lookbehinds tell which.
_SENTENCE_END = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"“”»«‘’')\]]*[^\S\n]+(?=[\"„“‚»«(\[]?[A-ZÄÖÜ0-9])"
    r"|(?<=[a-zäöüß]{2}[.!?])(?=[A-ZÄÖÜ][a-zäöüß])|(?<=\n)\s*)"
)
_CLOSERS = frozenset("\"“”»«‘’')]")
# After these marks a word is capitalised because of its position, not because it is a name.
_OPENERS = frozenset(':„"»«‚“(–-•*#>|')


@dataclass(frozen=True, slots=True)
class Tokens:
    """The word tokens of a body as parallel lists (cheaper than one object per token)."""

    text: list[str]
    start: list[int]
    end: list[int]
    capitalised: list[int]
    """Indices of the tokens that start with a capital letter: where names can be."""
    initial: list[bool]
    """Set for capitalised tokens that stand where German capitalises any word: at a sentence
    start, after a colon or an opening quote."""
    gaps: list[str]
    """The characters before each token (after the one before it): spaces, punctuation, marks."""


@cache
def _abbreviations() -> frozenset[str]:
    return words("extract_abbreviations.txt", lower=False)


def split_sentences(body: str) -> tuple[Sentence, ...]:
    """Sentence spans (stripped of surrounding blanks) covering the body in order."""
    spans: list[Sentence] = []
    begin = 0
    for match in _SENTENCE_END.finditer(body):
        if match.group().strip() and not _ends_sentence(body, match.start()):
            continue
        _add_span(body, begin, match.start() + len(match.group().rstrip()), spans)
        begin = match.end()
    _add_span(body, begin, len(body), spans)
    return tuple(spans)


def sentence_of(sentences: tuple[Sentence, ...], starts: list[int], start: int, end: int) -> int | None:
    """The number of the sentence that holds the span [start, end), or None when the span lies in
    a gap between sentences; `starts` are the sentences' start offsets."""
    number = bisect_right(starts, start) - 1
    return number if number >= 0 and end <= sentences[number].end else None


def sentence_at(sentences: tuple[Sentence, ...], starts: list[int], offset: int) -> int | None:
    """The number of the sentence the character at `offset` is in (None in a gap): the sentence
    of a date or weekday, which the event marts place by its first character."""
    return sentence_of(sentences, starts, offset, offset + 1)


def _ends_sentence(body: str, dot: int) -> bool:
    """False for the period of an abbreviation, an initial ("J. D. Vance") or an ordinal ("13. Mai")."""
    if body[dot] != ".":
        return True
    end = dot
    while end > 0 and body[end - 1] in _CLOSERS:
        end -= 1
    begin = end
    while begin > 0 and end - begin < 30 and body[begin - 1].isalnum():
        begin -= 1
    word = body[begin:end]
    if not word:
        return True
    if word in _abbreviations() or (len(word) == 1 and word.isalpha()):
        return False
    return not (word.isdigit() and len(word) <= 2)


def _add_span(body: str, begin: int, end: int, spans: list[Sentence]) -> None:
    text = body[begin:end]
    stripped = text.strip()
    if stripped:
        offset = begin + len(text) - len(text.lstrip())
        spans.append(Sentence(start=offset, end=offset + len(stripped)))


def tokenize(body: str, sentences: tuple[Sentence, ...]) -> Tokens:
    """Word tokens, the capitalised ones, and whether their capital letter is positional."""
    # Splitting on the words gives gap, word, gap, …, gap; the offsets are the running sums of
    # their lengths. No match objects, and every loop per token runs in C.
    parts = _WORD.split(body)
    offsets = list(accumulate(map(len, parts), initial=0))
    text, gaps = parts[1::2], parts[0:-1:2]
    start, end = offsets[1:-1:2], offsets[2::2]
    capitalised = list(compress(range(len(text)), map(str.isupper, map(itemgetter(0), text))))
    sentence_starts = {s.start for s in sentences}
    initial = [False] * len(text)
    for index in capitalised:
        if index == 0 or start[index] in sentence_starts:
            initial[index] = True
            continue
        gap = gaps[index]
        if gap != " ":
            marks = gap.rstrip()
            initial[index] = "\n" in gap or (bool(marks) and marks[-1] in _OPENERS)
    return Tokens(text, start, end, capitalised, initial, gaps)


def positions_of(text: list[str], words: AbstractSet[str]) -> list[int]:
    """The indices of the tokens that are one of `words`, found without a Python loop per token
    (most tokens are none of them)."""
    return list(compress(range(len(text)), map(words.__contains__, text)))
