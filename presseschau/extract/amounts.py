"""Figures a text cites: money, percentages, durations (in minutes) and counts.

Numbers may be digits in German notation ("1.234,5") or words ("zwei", "anderthalb"), with a
scale word ("500 Milliarden US-Dollar"). Durations become minutes ("eineinhalbstündig" → 90).
Counts are a number before a noun ("700 Firmen"), never a year or a period of days or years.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from presseschau.extract.lexicon import rows, trie_alternation
from presseschau.extract.text import Tokens, positions_of
from presseschau.models import Amount, Sentence

# "1.234,5" or "1234,5". The first digit stands outside the alternatives: a pattern that opens
# with a character class lets the regex engine skip to the next digit in C (a leading
# lookahead, like any other opening, makes it try every position).
_DIGITS = r"[0-9](?:[0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]*(?:,[0-9]+)?)"
# Nouns after a number that make it a period or a date, not a count.
_NOT_COUNTED = frozenset(
    {"jahr", "jahre", "jahren", "jahres", "monat", "monate", "monaten", "monats", "woche", "wochen"}
    | {"tag", "tage", "tagen", "tages", "uhr", "mal", "prozentpunkte"}
)
# Abbreviations whose period belongs to the figure ("500 Mio."); other final periods end a sentence.
_ABBREVIATED = frozenset({"mio", "mrd", "bio", "tsd", "std", "min"})
_DURATION_ADJECTIVE = re.compile(r"stündig|minütig")
_ADJECTIVE_NUMBER = re.compile(r"(?:(?P<digits>[0-9]+)-?|(?P<word>[a-zäöüß]+))$", re.IGNORECASE)


@dataclass(frozen=True)
class _Lexicon:
    numbers: dict[str, float]
    number_words: frozenset[str]
    """The number words as they may be written: lower case or capitalised."""
    scales: dict[str, float]
    units: dict[str, tuple[str, float]]
    digits: re.Pattern[str]
    measure: re.Pattern[str]
    """What follows a number to make money, a percentage or a duration: scale, then unit."""
    symbol_first: re.Pattern[str]
    counted: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    numbers = {word: float(value) for word, value, kind in rows("extract_numbers_de.tsv") if kind == "number"}
    scales = {word: float(value) for word, value, kind in rows("extract_numbers_de.tsv") if kind == "scale"}
    units = {word: (unit, float(factor)) for word, unit, factor in rows("extract_units.tsv")}
    # Used with .match right after a number, so case-insensitive groups cost little here.
    scale = rf"(?:\s+(?P<scale>(?i:{_alternatives(scales)}))\b\.?)?"
    unit_words = _alternatives(word for word in units if word[0].isalpha())
    symbols = "|".join(re.escape(word) for word in units if not word[0].isalpha())
    return _Lexicon(
        numbers=numbers,
        number_words=frozenset(numbers) | {word.capitalize() for word in numbers},
        scales=scales,
        units=units,
        digits=re.compile(_DIGITS),
        measure=re.compile(rf"{scale}\s*(?:(?P<unit>(?i:{unit_words}))\b\.?|(?P<symbol>{symbols}))"),
        symbol_first=re.compile(
            # Opening with the signs (literals) lets the engine skip to the next one in C.
            rf"(?P<symbol>{symbols})\s?(?P<num>{_DIGITS}){scale}"
        ),
        # The counted noun must be capitalised: "700 Firmen", not "700 mal".
        counted=re.compile(rf"{scale}\s+(?P<noun>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*)"),
    )


def _alternatives(items: Iterable[str]) -> str:
    """A regex alternation of lower-case words, longest first so that "Milliarden" wins over
    "Milliarde"; used case-insensitively."""
    return trie_alternation(dict.fromkeys(items, ""))


def parse_number(text: str) -> float | None:
    """German number text as a float ("1.234,5" → 1234.5, "anderthalb" → 1.5), or None."""
    lower = text.lower()
    words = _lexicon().numbers
    if lower in words:
        return words[lower]
    try:
        return float(text.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def find_amounts(body: str, sentences: tuple[Sentence, ...], tokens: Tokens) -> tuple[Amount, ...]:
    """Money, percentages, durations and counts, each normalised to its unit."""
    lexicon = _lexicon()
    figures: list[tuple[int, int, float, str]] = []
    for match in lexicon.symbol_first.finditer(body):
        number = parse_number(match.group("num"))
        if number is not None:
            unit, factor = lexicon.units[match.group("symbol").lower()]
            figures.append((match.start(), match.end(), _round(number * _scale(match) * factor), unit))
    anchors = [(m.start(), m.end(), m.group()) for m in lexicon.digits.finditer(body)]
    anchors += [
        (tokens.start[index], tokens.end[index], tokens.text[index])
        for index in positions_of(tokens.text, lexicon.number_words)
    ]
    for start, end, text in anchors:
        if start and (body[start - 1].isalnum() or body[start - 1] in ".,"):
            continue
        number = parse_number(text)
        figure = _figure(body, end, text, number) if number is not None else None
        if figure is not None:
            figures.append((start, *figure))
    figures += _duration_adjectives(body)
    return _without_overlaps(body, sentences, figures)


def _figure(body: str, end: int, text: str, value: float) -> tuple[int, float, str] | None:
    """(end, value, unit) of the figure a number opens, or None when it opens none."""
    lexicon = _lexicon()
    measure = lexicon.measure.match(body, end)
    if measure is not None:
        unit_text = (measure.group("unit") or measure.group("symbol")).lower()
        if unit_text in lexicon.units:
            unit, factor = lexicon.units[unit_text]
            return measure.end(), _round(value * _scale(measure) * factor), unit
    counted = lexicon.counted.match(body, end)
    if counted is not None and _is_count(text, value, counted):
        return counted.end(), _round(value * _scale(counted)), "count"
    return None


def _duration_adjectives(body: str) -> list[tuple[int, int, float, str]]:
    """Duration adjectives: "eineinhalbstündiges" → 90 minutes, "45-minütige" → 45 minutes."""
    found = []
    for match in _DURATION_ADJECTIVE.finditer(body):
        word_start = match.start()
        while word_start and (body[word_start - 1].isalnum() or body[word_start - 1] == "-"):
            word_start -= 1
        number = _ADJECTIVE_NUMBER.search(body, word_start, match.start())
        value = parse_number(number.group("digits") or number.group("word")) if number else None
        if value is None:
            continue
        word_end = match.end()
        while word_end < len(body) and body[word_end].isalpha():
            word_end += 1
        minutes = value * (60.0 if match.group() == "stündig" else 1.0)
        found.append((word_start, word_end, _round(minutes), "minutes"))
    return found


def _without_overlaps(
    body: str, sentences: tuple[Sentence, ...], figures: list[tuple[int, int, float, str]]
) -> tuple[Amount, ...]:
    starts = [s.start for s in sentences]
    amounts: list[Amount] = []
    for start, raw_end, value, unit in sorted(figures, key=lambda f: (f[0], -f[1])):
        end = _end_of_figure(body, start, raw_end)
        if amounts and start < amounts[-1].end:
            continue
        index = bisect_right(starts, start) - 1
        sentence = sentences[index] if index >= 0 else Sentence(0, len(body))
        amounts.append(Amount(value, unit, body[start:end], body[sentence.start : sentence.end], start, end))
    return tuple(amounts)


def _end_of_figure(body: str, start: int, end: int) -> int:
    """Drop trailing blanks and a sentence period, keep the period of "Mio." or "Std."."""
    text = body[start:end].rstrip()
    if text.endswith(".") and text[:-1].rsplit(None, 1)[-1].lower() not in _ABBREVIATED:
        text = text[:-1]
    return start + len(text)


def _scale(match: re.Match[str]) -> float:
    word = match.group("scale")
    return _lexicon().scales[word.lower()] if word else 1.0


def _is_count(number_text: str, number: float, counted: re.Match[str]) -> bool:
    """Is this a count ("700 Firmen", "zwei Fregatten")? Not a year, an article or a time span."""
    noun = counted.group("noun").lower()
    if noun in _NOT_COUNTED or noun in _lexicon().units:
        return False
    if number_text[0].isalpha():
        return number >= 2 or counted.group("scale") is not None
    return not (1900 <= number <= 2100 and counted.group("scale") is None and "." not in number_text)


def _round(value: float) -> float:
    return round(value, 6)
