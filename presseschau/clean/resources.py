"""Read the curated data files under `presseschau/data/` once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file, stripped of surrounding whitespace."""
    text = resources.files("presseschau").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(
        stripped for line in text.splitlines() if (stripped := line.strip()) and not stripped.startswith("#")
    )


@cache
def data_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in data_lines(name))


@cache
def phrase_set(name: str) -> frozenset[str]:
    """Plain (non-regex) entries of a phrase file, already case folded."""
    return frozenset(line.casefold() for line in data_lines(name) if not line.startswith("re:"))


@cache
def phrase_pattern(name: str) -> re.Pattern[str] | None:
    """One compiled alternation of the `re:` entries of a phrase file (matched in full)."""
    patterns = [line[3:] for line in data_lines(name) if line.startswith("re:")]
    if not patterns:
        return None
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


@cache
def word_set(name: str) -> frozenset[str]:
    """The words of a data file that lists them separated by white space (case folded)."""
    return frozenset(word.casefold() for line in data_lines(name) for word in line.split())


@cache  # called per token in places: one look-up without the file name's hashing
def function_words() -> frozenset[str]:
    """German and English function words (case folded)."""
    return word_set("function_words.txt")


def grouped_alternation(texts: Iterable[str]) -> str:
    """A regex alternation of `texts`, matched literally, grouped by their first character
    ("S(?:PIEGEL|WR|…)", each group in the order given): at each position sre tries the one
    group that character opens instead of every text."""
    groups: dict[str, list[str]] = {}
    for text in texts:
        groups.setdefault(text[0], []).append(re.escape(text[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
