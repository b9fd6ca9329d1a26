"""Acronyms defined in the text: "die Deutsche Vermögensberatung (DVAG)", "General Motors (GM)".

A short capitalised word in parentheses right after a run of capitalised words whose letters it
abbreviates names the same thing as that run, and both are names: mostly organisations, which
news writers introduce this way more than any other kind of name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from presseschau.extract.gazetteer import gazetteer, word_info
from presseschau.extract.reader import SPACES
from presseschau.extract.text import Tokens

# "(DVAG)", "( BdB )", "(VKSt)": a capital, then up to five letters, at least two capitals in all.
_DEFINED = re.compile(r"\([ \xa0]?([A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,5})[ \xa0]?\)")
# Lower-case words inside a long form: "Bundesamt für Gesundheit", "Council on Security and
# Development", "Front de Libération de la Côte".
_INNER_WORDS = frozenset(
    {"und", "für", "der", "des", "von", "zur", "zum", "of", "for", "on", "the", "and"}
    | {"de", "du", "la", "le", "les", "del", "et", "y"}
)
_MAX_LONG_FORM = 10


class Definition(NamedTuple):
    """Tokens [first, acronym) spell out the acronym at token `acronym`."""

    first: int
    acronym: int


def acronym_definitions(body: str, tokens: Tokens) -> list[Definition]:
    """Each acronym the text defines in parentheses, with its long form's tokens."""
    if "(" not in body:  # most texts define none: one scan in C
        return []
    found = []
    for match in _DEFINED.finditer(body):
        acronym = match.group(1)
        if sum(ch.isupper() for ch in acronym) < 2 or acronym in gazetteer().non_entity_acronyms:
            continue
        index = bisect_left(tokens.start, match.start(1))
        if index < 1 or index >= len(tokens.text) or tokens.start[index] != match.start(1):
            continue
        first = _long_form(tokens, index, acronym)
        if first is not None:
            found.append(Definition(first, index))
    return found


def _long_form(tokens: Tokens, acronym_index: int, acronym: str) -> int | None:
    """The first token of the longest run before the parenthesis that the acronym abbreviates:
    it opens with the acronym's first letter and holds its letters in order."""
    text, gaps = tokens.text, tokens.gaps
    last = acronym_index - 1
    if gaps[acronym_index].strip() != "(" or not text[last][0].isupper():
        return None
    best = None
    index = last
    while index >= 0 and last - index < _MAX_LONG_FORM:
        word = text[index]
        capital = word[0].isupper()
        if not (capital or word in _INNER_WORDS):
            break
        if capital and _abbreviates(acronym, text[index : last + 1]):
            info = word_info(word)
            # One common noun abbreviated is a term ("Fluorchlorkohlenwasserstoffe (FCKW)",
            # "Jagdgeschwadern (JG)"), unless it ends in an organisation's head word.
            term = index == last and info.plain and not info.org_head
            if not (info.function or info.role or term):
                best = index
        if index == 0 or gaps[index] not in SPACES:
            break
        index -= 1
    return best


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Does the acronym start with the first word's initial and spell its letters in order?"""
    if words[0][0].upper() != acronym[0].upper():
        return False
    spelled = " ".join(words).lower()
    position = 0
    for letter in acronym.lower():
        position = spelled.find(letter, position) + 1
        if not position:
            return False
    return True
