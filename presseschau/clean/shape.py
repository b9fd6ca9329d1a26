"""What a block of text looks like: heading, prose, list item; and its matching key."""

from __future__ import annotations

import re
from functools import lru_cache

_LIST_MARKER = re.compile(r"^\s*(?:[-–•*·▪►]\s+|\d{1,2}[.)]\s+)")
# A sentence end followed by the start of another sentence inside the same block.
_INNER_SENTENCE_END = re.compile(r"[.!?…][\"“”»«']?\s+[„\"“»«']?[A-ZÄÖÜ0-9]")

_LETTERS = re.compile(r"[^\W_]+")

# Latin-1 characters as `str.casefold` folds them, byte for byte; the few that fold to more or
# to other characters ("ß" to "ss", the micro sign to Greek "μ") are replaced after.
_LATIN1_FOLDS = {chr(code): chr(code).casefold() for code in range(256)}
_LATIN1_FOLDED = bytes(
    ord(fold) if len(fold) == 1 and fold <= "\xff" else ord(character)
    for character, fold in _LATIN1_FOLDS.items()
)
_LATIN1_UNFOLDED = tuple(
    (character, fold)
    for character, fold in _LATIN1_FOLDS.items()
    if chr(_LATIN1_FOLDED[ord(character)]) != fold
)

# The Latin-1 characters `str.isprintable` passes, as bytes.
_LATIN1_PRINTABLE = bytes(code for code in range(256) if chr(code).isprintable())

HEADING_MAX_WORDS = 20
# The fewest words of a paragraph of running text.
PROSE_MIN_WORDS = 12
# The shortest half of a line that `undoubled` takes for a repetition rather than a word.
_DOUBLED_MIN = 4


@lru_cache(maxsize=8192)
def matching_key(text: str) -> str:
    """The form a block is compared in against phrase lists: no list marker, edges, or case."""
    text = normalise_space(strip_list_marker(text))
    # Edges are trimmed of everything but word characters and "©", which marks copyright lines.
    # A loop from each end: the regex `[^\w©]+$` tries every position of a long paragraph.
    start, end = 0, len(text)
    while start < end and not _is_word_character(text[start]):
        start += 1
    while end > start and not _is_word_character(text[end - 1]):
        end -= 1
    return fold_case(text[start:end])


def latin1_bytes(text: str) -> bytes | None:
    """`text` in Latin-1, where it fits (most German text does), else None: a character beyond
    it ("„", "–"). Byte tables then do in one pass what `str` methods do a character at a time."""
    # The German opening quote is the character beyond Latin-1 that most such texts hold: asked
    # first, it spares them the failed encoding's exception (~1 µs). The test costs nothing on
    # text within Latin-1: a string of narrower characters holds none, which Python tells at once.
    if "„" in text:
        return None
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


def fold_case(text: str) -> str:
    """`text.casefold()`, three times cheaper for text within Latin-1 (most German text):
    `str.casefold` looks every character beyond ASCII up in the Unicode tables, a byte
    table translates it in one pass. A paragraph's matching key is folded whole."""
    latin = latin1_bytes(text)
    if latin is None:
        return text.casefold()
    folded = latin.translate(_LATIN1_FOLDED).decode("latin-1")
    for character, replacement in _LATIN1_UNFOLDED:
        if character in folded:
            folded = folded.replace(character, replacement)
    return folded


def letters_key(text: str) -> str:
    """`text`'s letters and digits alone, case folded: how two spellings of one title compare
    whatever their spaces, punctuation and glue ("ZoonosenWie …", "Nutzerbasierte Abrechnung : …")."""
    return "".join(_LETTERS.findall(text.casefold()))


def _is_word_character(character: str) -> bool:
    r"""What the regex class [\w©] matches: letters, digits, "_" and "©"."""
    return character.isalnum() or character in "_©"


def more_words_than(text: str, limit: int) -> bool:
    """Whether `text` has more than `limit` whitespace-separated words (a lone dash counts, which
    thresholds tolerate). Splitting stops after `limit` words: paragraphs are long."""
    return len(text.split(None, limit)) > limit


def is_list_item(text: str) -> bool:
    return _list_marker(text) is not None


def strip_list_marker(text: str) -> str:
    marker = _list_marker(text)
    return text[marker.end() :] if marker else text


def _list_marker(text: str) -> re.Match[str] | None:
    # `match`, not `sub`: the marker stands at the start, and a `sub` that finds none there
    # tries the anchored pattern at every position of a long paragraph. A text opening with a
    # letter (most do) has none: a marker opens with white space, a digit or a bullet, none of
    # which is a letter. Asked of every block several times, the test spares the regex call.
    return None if text[:1].isalpha() else _LIST_MARKER.match(text)


def is_heading_like(text: str) -> bool:
    """Short, one sentence at most, not closed by a full stop: how headlines look."""
    stripped = text.strip()
    # The cheapest test first: most paragraphs end with a full stop.
    if not stripped or stripped.endswith((".", ",", ";")) or is_list_item(stripped):
        return False
    if more_words_than(stripped, HEADING_MAX_WORDS):
        return False
    return not _INNER_SENTENCE_END.search(stripped)


def is_prose(text: str, min_words: int = PROSE_MIN_WORDS) -> bool:
    """A paragraph of running text: long enough and closed like a sentence."""
    stripped = text.strip().rstrip("\"“”»«'’)")
    # The ending first: it costs no split, and headings, labels and list items fail it.
    return stripped.endswith((".", "!", "?", ":", "…")) and more_words_than(stripped, min_words - 1)


@lru_cache(maxsize=8192)
def single_spaced(text: str) -> bool:
    """Printable (no white space but " ": no tab, newline or non-breaking space) and without
    double spaces: its words are what lies between its single spaces, found without a split.
    Cached: a paragraph is asked when its block is made, for its matching key and for its
    prose measure (the same string object each time), and each answer is a pass over it."""
    return "  " not in text and _printable(text)


def _printable(text: str) -> bool:
    """`text.isprintable()`, several times cheaper for text within Latin-1 (most German text):
    `str.isprintable` looks every character up in the Unicode tables, one call each; deleting
    the printable bytes from the text's Latin-1 bytes with a byte table leaves none. ASCII
    text it tells fast itself."""
    latin = None if text.isascii() else latin1_bytes(text)
    return text.isprintable() if latin is None else not latin.translate(None, _LATIN1_PRINTABLE)


# A soft hyphen marks where a browser may break a long word ("Bundes\xadtags\xadwahl"); it is
# shown only at a line's end, so it is no part of the word.
_SOFT_HYPHEN = "\xad"


def normalise_space(text: str) -> str:
    """`text` with its white space runs made single spaces and its soft hyphens removed."""
    # Most texts are normalised already and need only their edges trimmed; a soft hyphen is
    # not printable, so a text holding one is not `single_spaced`.
    if single_spaced(text):
        return text.strip(" ")
    return " ".join(text.replace(_SOFT_HYPHEN, "").split())


def undoubled(text: str) -> str:
    """A line a page shows twice glued ("vor 3 Stundenvor 3 Stunden": a short and a long
    variant for narrow and wide screens, both copied) as it reads once."""
    half = len(text) // 2
    # The cheap tests first: most lines differ in length parity or in their halves' first letter.
    if half >= _DOUBLED_MIN and len(text) % 2 == 0 and text[0] == text[half] and text[:half] == text[half:]:
        return text[:half]
    return text
