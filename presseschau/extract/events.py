"""Event words: where a sentence names an event ("Telefonat", "traf", "Waffenruhe").

The words and their families are data (extract_event_words.tsv). The marts group a document's
statements by these families, so that dates and amounts given for the same event can be
compared across articles (marts.event_facts, marts.claim_conflicts).
"""

from __future__ import annotations

import re
from functools import cache

from presseschau.extract.lexicon import rows, trie_alternation
from presseschau.extract.text import sentence_of
from presseschau.models import EventMention, Sentence

# Letters and digits make words; anything else (space, punctuation, underscore) separates them.
_NOT_AFTER_LETTER = r"(?<![^\W_])"
_NOT_BEFORE_LETTER = r"(?![^\W_])"


@cache
def event_families() -> dict[str, tuple[tuple[str, bool], ...]]:
    """Each family with its words (lower case) and whether a word must be whole."""
    families: dict[str, list[tuple[str, bool]]] = {}
    for family, word, whole in rows("extract_event_words.tsv"):
        families.setdefault(family, []).append((word, whole == "yes"))
    return {family: tuple(words) for family, words in families.items()}


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pass over lower-case text finds every event word at the start of a text word; the
    word it matched tells its family.

    Words of different families never start one another (the data file's rule), so at most one
    family matches at any position, and a trie tries the words that match there longest first;
    a whole word must end there too. The lookahead on first letters is tested first: at most
    positions it fails at once, before the costlier lookbehind is tried (a third of the time of
    the plain pattern).
    """
    family_of = {word: family for family, words in event_families().items() for word, _ in words}
    wholes: dict[str, bool] = {}
    for words in event_families().values():
        for word, whole in words:
            # A word listed both ways matches as a part of a word too.
            wholes[word] = wholes.get(word, True) and whole
    endings = {word: _NOT_BEFORE_LETTER if whole else "" for word, whole in wholes.items()}
    first_letters = "".join(sorted({word[0] for word in wholes}))
    start = f"(?=[{first_letters}]){_NOT_AFTER_LETTER}"
    return re.compile(start + trie_alternation(endings)), family_of


def find_events(body: str, sentences: tuple[Sentence, ...]) -> tuple[EventMention, ...]:
    """The first event word of each family in each sentence, in text order."""
    pattern, family_of = _pattern()
    starts = [s.start for s in sentences]
    seen: set[tuple[int, str]] = set()
    found = []
    for match in pattern.finditer(_lower_in_place(body)):
        sentence_no = sentence_of(sentences, starts, match.start(), match.end())
        if sentence_no is None:
            continue
        family = family_of[match.group()]
        if (sentence_no, family) not in seen:
            seen.add((sentence_no, family))
            text = body[match.start() : match.end()]
            found.append(EventMention(family, sentence_no, text, match.start(), match.end()))
    return tuple(found)


def _lower_in_place(text: str) -> str:
    """`text` in lower case with every offset kept: a character whose lower case is longer
    ("İ" → "i̇") stays as it is."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
