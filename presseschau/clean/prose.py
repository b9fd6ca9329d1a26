"""Is a run of words article prose? Sentence shape, function-word density, and how much of it
is the site talking to its reader; the same measure for a text line and a flattened token run.

Running article text is dense in function words (a German news sentence: a third of its words
or more); menus, teaser titles, credits and link lists are not. Consent banners, log-in forms
and subscription pitches are prose too, but they address the reader ("Sie", "Ihre", "du") and
name the site's machinery (data/site_words.txt); an article rarely does either.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

from presseschau.clean.resources import data_lines, function_words
from presseschau.clean.shape import is_heading_like, single_spaced

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+")
# Words that address the reader; "Sie"/"Ihr…" only capitalised, as the polite form is written.
_INFORMAL_ADDRESS = frozenset(
    {"du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "euch", "euer"}
)
POLITE_ADDRESS = frozenset({"Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"})
_PUNCTUATION = "\"'„“”»«‚‘’()[]{}.,;:!?…–—-/|*•·"
_NO_WORD = re.compile(r"[^\w]+")
# A sentence ends in one of these, perhaps before closing quotes or brackets.
_STOPS, _CLOSING = ".!?…:", "\"“”»«'’)]"
_INNER_SENTENCE_END = re.compile(r"[a-zäöüß]{2}[.!?…][\"“”»«'’]?\s+[„\"“»«']?[A-ZÄÖÜ]")

# Thresholds: prose has this many words and this share of function words at least; a run is
# the site's when this share of its words address the reader or name the site's machinery.
PROSE_MIN_WORDS = 8
# A paragraph longer than this is judged on its opening (about seventy words).
_SAMPLE_CHARS = 500
PROSE_DENSITY = 0.15
SITE_SHARE = 0.1


class Prose(NamedTuple):
    """Word counts of one text run and what they tell, made by `prose_of`. A named tuple: one
    is made for every block and token run, several times faster than a frozen dataclass, and
    as immutable (they are cached)."""

    words: int
    function: int
    site: int
    sentence: bool
    """Closed like a sentence (or holding one) and not all capitals."""
    heading: bool
    """Shaped like a headline: short, one sentence at most, not closed by a full stop
    ("Wer zahlt jetzt?" is one, however dense in function words)."""
    min_density: float
    """The share of function words prose has at least (higher where no punctuation tells)."""
    is_site: bool
    """`SITE_SHARE` of its words or more address the reader or name the site's machinery."""
    is_prose: bool
    """Running text: closed like a sentence, no heading, `PROSE_MIN_WORDS` words or more, as
    dense in function words as `min_density` asks, and not the site's."""

    @property
    def density(self) -> float:
        return self.function / self.words if self.words else 0.0


def prose_of(
    words: int,
    function: int,
    site: int,
    sentence: bool,
    heading: bool = False,
    min_density: float = PROSE_DENSITY,
) -> Prose:
    """The `Prose` of these counts. Whether it is the site's and whether it is prose are
    fields, read off the counts once here: as properties they were a call on every reading,
    and a block's are read many times (its weight, the region's edges, the page's head)."""
    # Past the count of words, `words` is no zero.
    is_site = words > 0 and site / words >= SITE_SHARE
    is_prose = (
        sentence
        and not heading
        and words >= PROSE_MIN_WORDS
        and function / words >= min_density
        and not is_site
    )
    return Prose(words, function, site, sentence, heading, min_density, is_site, is_prose)


# What a token is, as bit flags: a word (it holds a letter or digit: a lone dash or quote mark
# is none), a function word, a site word or informal address, the polite address.
_IS_WORD, _FUNCTION, _SITE, _POLITE = 1, 2, 4, 8


@cache
def _listed_words() -> tuple[dict[str, int], dict[str, tuple[str, ...]]]:
    """The flags of the words listed whole (function words, site words, the informal address),
    one look-up of a case-folded word for all three lists; and the listed site prefixes
    ("cookie*") by their first character: a word is asked about the few prefixes its own first
    character opens, one `startswith` of a short tuple, instead of every prefix (a listed
    prefix is never empty)."""
    lines = data_lines("site_words.txt")
    flags = dict.fromkeys(function_words(), _FUNCTION)
    for word in _INFORMAL_ADDRESS.union(line for line in lines if not line.endswith("*")):
        flags[word] = flags.get(word, 0) | _SITE
    prefixes: dict[str, tuple[str, ...]] = {}
    for line in lines:
        if line.endswith("*"):
            prefixes[line[:1]] = (*prefixes.get(line[:1], ()), line[:-1])
    return flags, prefixes


def _word_class(token: str) -> int:
    """The flags of one token as written (punctuation around it ignored)."""
    bare = token.strip(_PUNCTUATION)
    folded = bare.casefold()
    listed, prefixes = _listed_words()
    flags = listed.get(folded, 0)
    if folded.startswith(prefixes.get(folded[:1], ())):
        flags |= _SITE
    if bare in POLITE_ADDRESS:
        flags |= _POLITE
    # Most tokens are plain words: `isalnum` passes them without the regex.
    if token.isalnum() or not _NO_WORD.fullmatch(token):
        flags |= _IS_WORD
    return flags


# Tokens whose flags are kept; the cache is emptied when it grows this big.
_CLASSES_MAX = 65536


class _Classes(dict[str, int]):
    """The flags of the tokens seen, as pages repeat words: looked up by `map` in C, and a
    token not seen before is classed in Python (`__missing__`) within the same pass, without
    an exception and a second pass."""

    def __missing__(self, token: str) -> int:
        if len(self) > _CLASSES_MAX:
            self.clear()
        flags = self[token] = _word_class(token)
        return flags


_CLASSES = _Classes()


def _word_classes(tokens: list[str]) -> bytes:
    """The tokens' flags, one byte each: counted in C without an int object per token."""
    return bytes(map(_CLASSES.__getitem__, tokens))


def _counted(test: Callable[[int], int]) -> bytes:
    """A `bytes.translate` table of the flags bytes: 1 for a token that `test` counts, else 0."""
    return bytes(bool(test(flags)) for flags in range(256))


# Which tokens count as words, function words and site words, by their flags.
_WORDS = _counted(lambda flags: flags & _IS_WORD)
_FUNCTION_WORDS = _counted(lambda flags: flags & _IS_WORD and flags & _FUNCTION)
_SITE_WORDS = _counted(lambda flags: flags & _IS_WORD and flags & (_SITE | _POLITE))
_SITE_OR_POLITE = _counted(lambda flags: flags & (_SITE | _POLITE))
_FUNCTION_ONLY = _counted(lambda flags: flags & _FUNCTION)
_POLITE_ONLY = _counted(lambda flags: flags & _POLITE)


def _tally(tokens: list[str]) -> tuple[int, int, int]:
    """(words, function words, site words) among those of `tokens` that are words, counted
    in C: each kind's tokens marked by `bytes.translate` and counted by `bytes.count`."""
    classes = _word_classes(tokens)
    words = classes.translate(_WORDS)
    site = marked = classes.translate(_SITE_WORDS).count(1)
    # The polite "Sie" opening a sentence may be "they"; anywhere else it addresses the reader.
    at = words.find(1)
    first = classes[at] if at >= 0 else 0
    if first & _POLITE and not first & _SITE:
        site -= 1
    # A polite address is a word, so among the site words marked: with none, no call to act.
    calls = _calls_to_act(tokens, classes) if marked else 0
    return words.count(1), classes.translate(_FUNCTION_WORDS).count(1), site + calls


def _calls_to_act(tokens: list[str], classes: bytes) -> int:
    """How many sentences open with a polite imperative and close as a statement ("Starten
    Sie mit uns in den Tag.", "Unterstützen Sie uns!", "Bitte haben Sie Geduld."): the site
    asking its reader to act. Each counts once more beside its "Sie": an article seldom
    addresses its reader, and when it does it asks ("Glauben Sie, dass …?") or quotes someone
    („Stellen Sie sich vor …“)."""
    calls = 0
    polite = classes.translate(_POLITE_ONLY)
    at = polite.find(1, 1)
    while at >= 0:
        # "Bitte" before the verb makes the request politer still ("Bitte verstehen Sie, …").
        opening = at - 2 if at > 1 and tokens[at - 2] == "Bitte" else at - 1
        verb, before = tokens[opening], tokens[opening - 1] if opening > 0 else "."
        imperative = opening < at - 1 or (verb[:1].isupper() and not classes[at - 1] & _FUNCTION)
        if imperative and before[-1:] in ".!":
            close = next((token for token in tokens[at:] if token.rstrip(_CLOSING)[-1:] in ".!?"), ".")
            calls += close.rstrip(_CLOSING)[-1:] != "?"
        at = polite.find(1, at + 1)
    return calls


def word_tokens(text: str) -> list[str]:
    """The words of `text` as written: letter runs (with inner hyphens) and digit runs."""
    return _WORD.findall(text)


class RunTally:
    """The counts of any run tokens[low:high] of one token list: a flattened page weighs
    thousands of overlapping runs of its tokens. Each kind of token is flagged once, in C
    (`bytes.translate` of their classes), and counted in a run by `bytes.count`: runs are
    short beside a page, whose running sums cost more to make than all its runs to count. It
    has no punctuation to tell where sentences close, so every run counts as closed."""

    def __init__(self, tokens: list[str]) -> None:
        self._classes = _word_classes(tokens)
        self._function = self._classes.translate(_FUNCTION_ONLY)
        self._site = self._classes.translate(_SITE_OR_POLITE)

    def site_flags(self) -> bytes:
        """1 for each token that addresses the reader or names the site's machinery, else 0
        (as `measure` counts them, the polite "Sie" opening a run included)."""
        return self._site

    def measure(self, low: int, high: int, *, min_density: float = PROSE_DENSITY) -> Prose:
        """The counts of tokens[low:high], every token counted as a word."""
        site = self._site.count(1, low, high)
        # The polite "Sie" opening a sentence may be "they" (as in `_tally`).
        first = self._classes[low] if high > low else 0
        if first & _POLITE and not first & _SITE:
            site -= 1
        return prose_of(high - low, self._function.count(1, low, high), site, True, False, min_density)


@lru_cache(maxsize=8192)
def measure_text(text: str) -> Prose:
    """Counts for a line or paragraph of text with its punctuation. A long paragraph is
    judged on its opening words (the counts scaled to its length): they tell as much."""
    stripped = text.strip()
    # Words split at white space: a lone dash or quote mark is no word.
    words, function, site = _tally(stripped[:_SAMPLE_CHARS].split())
    last = stripped.rstrip(_CLOSING)[-1:]
    closed = bool(last and last in _STOPS) or bool(_INNER_SENTENCE_END.search(stripped[:_SAMPLE_CHARS]))
    closed = closed and not stripped.isupper()
    heading = is_heading_like(stripped)
    if len(stripped) <= _SAMPLE_CHARS or not words:
        return prose_of(words, function, site, closed, heading)
    # A long paragraph's words counted without splitting it, where that is safe.
    total = stripped.count(" ") + 1 if single_spaced(stripped) else len(stripped.split())
    scale = total / words
    return prose_of(total, round(function * scale), round(site * scale), closed, heading)
