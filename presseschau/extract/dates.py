"""Dates a text mentions: full dates, month and year, years, and weekdays or "gestern" resolved
against the publication date. Without a publication date a relative expression is left out
rather than guessed; a day and month without a year take the year the same sentence states.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import cache

from presseschau.extract.lexicon import rows
from presseschau.extract.text import sentence_at
from presseschau.models import DateMention, Sentence, WeekdayMention

_YEAR = r"(?:1[89][0-9][0-9]|20[0-9][0-9]|2100)"
# A year as a word: "\b" at its start is "no word character before its first digit", tested
# after that digit so that the pattern opens with a class (long sentences are scanned in C).
_STATED_YEAR = re.compile(rf"[12](?<!\w.)[0-9]{{3}}(?<={_YEAR})\b")
_FUTURE = re.compile(r"\b(?:wird|werden|soll|sollen|will|wollen|plant|planen|geplant|kommende[nm]?)\b")
_RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
_PAST_WORDS = ("vergangenen", "letzten", "vorigen")
_NEXT_WORDS = ("kommenden", "nächsten")


@cache
def _calendar() -> tuple[dict[str, int], dict[str, int]]:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for word, kind, number in rows("extract_calendar_de.tsv"):
        (months if kind == "month" else weekdays)[word.lower()] = int(number)
    return months, weekdays


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """The passes, most precise first. Each opens with a digit or a calendar word, so the regex
    engine can skip ahead fast; the words a match needs before it ("am", "im") are checked by
    `_preceded`. Group names carry a prefix per alternative ("iso_y"); `_groups` drops it."""
    months, weekdays = _calendar()
    month = _words(months)
    weekday = _words(weekdays)
    return (
        # Every alternative opens with a digit, matched once before them all: the regex engine
        # skips to the next digit in C only when a pattern opens with a class (with a group or a
        # lookahead first it tries every position). The digit is the first of the alternative's
        # first group ("…_lead_…"), so the group holds the rest; `_preceded` joins them again.
        # The year's first digit is checked by looking back over all four.
        re.compile(
            rf"[0-9](?:(?P<iso_lead_y>[0-9]{{3}})(?<={_YEAR})-(?P<iso_m>[0-9][0-9])-(?P<iso_d>[0-9][0-9])\b"
            rf"|(?P<num_lead_d>[0-9]?)\.\s?(?P<num_m>[0-9]{{1,2}})\.\s?(?P<num_y>{_YEAR})\b"
            # Punctuation-stripped pages print "21 02 2025".
            rf"|(?P<flat_lead_d>[0-9]?) (?P<flat_m>[0-9]{{1,2}}) (?P<flat_y>{_YEAR})\b(?![.,]?[0-9])"
            rf"|(?P<long_lead_d>[0-9]?)\.\s*(?P<long_mn>{month})\.?(?:\s+(?P<long_y>{_YEAR})\b)?)"
        ),
        re.compile(rf"(?P<mn>{month})\b\.?(?:\s+(?P<y>{_YEAR})\b)?"),
        re.compile(rf"(?P<wd>{weekday})(?:abend|morgen|mittag|nachmittag|vormittag)?\b"),
        # "Morgen" with a capital is the noun (morning); the adverbs may open a sentence.
        re.compile(r"(?P<adv>vorgestern|Vorgestern|gestern|Gestern|heute|Heute|morgen|übermorgen)\b"),
        re.compile(rf"(?P<y>{_YEAR})\b(?![.,]?[0-9])(?!\s*(?:%|Prozent|[A-ZÄÖÜ]))"),
    )


# Index of the weekday pass in `_patterns()`.
_WEEKDAY_PASS = 2


def _words(table: dict[str, int]) -> str:
    """Capitalised calendar words, longest first."""
    forms = {word[0].upper() + word[1:] for word in table}
    return "|".join(re.escape(word) for word in sorted(forms, key=len, reverse=True))


# What must stand right before a month without a number, or a weekday.
_MONTH_CONTEXT = re.compile(r"\b(?:[Ii]m|[Ss]eit|[Bb]is|[Aa]b|Anfang|Mitte|Ende|[Vv]om|[Zz]um)\s+$")
_WEEKDAY_CONTEXT = re.compile(
    r"\b(?P<pre>[Aa]m|[Aa]n|[Vv]om|[Zz]um|[Ss]eit|[Aa]b|[Dd]iesen)\s+"
    r"(?:(?P<rel>diesem|kommenden|nächsten|vergangenen|letzten|vorigen)\s+)?$"
)


@cache
def _short_names(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], frozenset[int]]:
    """The name of each group of a pass in order, without the prefix of its alternative, and the
    numbers of the groups that lack the pass's leading digit."""
    names = [""] * pattern.groups
    for name, number in pattern.groupindex.items():
        names[number - 1] = name.rpartition("_")[2]
    leads = frozenset(number for name, number in pattern.groupindex.items() if "_lead_" in name)
    return tuple(names), leads


def _preceded(body: str, match: re.Match[str]) -> tuple[dict[str, str], int] | None:
    """The match's parts and start, given the context it needs: no digit glued on before it,
    "im"/"seit" before a bare month, "am"/"an diesem" before a weekday (which then belongs to it)."""
    start = match.start()
    before = body[start - 1] if start else " "
    if before.isalnum() or (before in ".,€$£" and match.group()[0].isdigit()):
        return None
    names, leads = _short_names(match.re)
    values = match.groups()
    if leads:
        # One of them took part (its value may be empty: a day of one digit).
        lead = next(number for number in leads if values[number - 1] is not None)
        values = (*values[: lead - 1], body[start : match.end(lead)], *values[lead:])
    groups = {name: value for name, value in zip(names, values, strict=True) if value}
    if "wd" in groups:
        context = _WEEKDAY_CONTEXT.search(body, max(0, start - 30), start)
        if context is None:
            return None
        groups.update({key: value for key, value in context.groupdict().items() if value})
        start = context.start()
    elif (
        "mn" in groups
        and "d" not in groups
        and "y" not in groups
        and _MONTH_CONTEXT.search(body, max(0, start - 12), start) is None
    ):
        return None
    return groups, start


def find_dates(body: str, sentences: tuple[Sentence, ...], published: str | None) -> tuple[DateMention, ...]:
    """Every date mention; the more precise pattern wins where two overlap."""
    anchor = _parse_published(published)
    starts = [s.start for s in sentences]
    taken = bytearray(len(body))  # 1 where an earlier, more precise mention lies
    found: list[DateMention] = []
    for pattern in _patterns():
        for match in pattern.finditer(body):
            if taken.find(1, match.start(), match.end()) != -1:
                continue
            context = _preceded(body, match)
            if context is None:
                continue
            groups, start = context
            sentence = _sentence_of(start, sentences, starts, body)
            sentence_text = body[sentence.start : sentence.end]
            resolved = _resolve(groups, anchor, sentence_text)
            if resolved is None:
                continue
            iso, precision = resolved
            taken[start : match.end()] = b"\x01" * (match.end() - start)
            found.append(
                DateMention(
                    date=iso,
                    precision=precision,
                    text=body[start : match.end()],
                    sentence=sentence_text,
                    start=start,
                    end=match.end(),
                    sentence_no=sentence_at(sentences, starts, start),
                )
            )
    return tuple(sorted(found, key=lambda d: d.start))


def find_weekdays(body: str, sentences: tuple[Sentence, ...]) -> tuple[WeekdayMention, ...]:
    """Weekday expressions ("am Mittwoch", "an diesem Freitag") with no anchor to date them."""
    _months, weekdays = _calendar()
    starts = [s.start for s in sentences]
    found = []
    for match in _patterns()[_WEEKDAY_PASS].finditer(body):
        context = _preceded(body, match)
        if context is None:
            continue
        groups, start = context
        sentence = _sentence_of(start, sentences, starts, body)
        found.append(
            WeekdayMention(
                weekday=weekdays[groups["wd"].lower()],
                text=body[start : match.end()],
                sentence=body[sentence.start : sentence.end],
                start=start,
                end=match.end(),
                sentence_no=sentence_at(sentences, starts, start),
            )
        )
    return tuple(found)


def _sentence_of(offset: int, sentences: tuple[Sentence, ...], starts: list[int], body: str) -> Sentence:
    index = bisect_right(starts, offset) - 1
    return sentences[index] if index >= 0 else Sentence(0, len(body))


def _parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _resolve(groups: dict[str, str], anchor: date | None, sentence: str) -> tuple[str, str] | None:
    if "adv" in groups:
        return _shift(anchor, _RELATIVE_DAYS[groups["adv"].lower()])
    if "wd" in groups:
        return _weekday(groups, anchor, sentence)
    months, _weekdays = _calendar()
    month = int(groups["m"]) if "m" in groups else months.get(groups.get("mn", "").lower().rstrip("."), 0)
    year = int(groups["y"]) if "y" in groups else None
    if "d" in groups:
        return _day(int(groups["d"]), month, year, anchor, sentence)
    if month:
        if year is None:
            year = _year_for(month, 1, anchor, sentence)
        return (f"{year:04d}-{month:02d}", "month") if year and 1 <= month <= 12 else None
    return (f"{year:04d}", "year") if year else None


def _day(
    day: int, month: int, year: int | None, anchor: date | None, sentence: str
) -> tuple[str, str] | None:
    if not 1 <= month <= 12:
        return None
    if year is None:
        year = _year_for(month, day, anchor, sentence)
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _year_for(month: int, day: int, anchor: date | None, sentence: str) -> int | None:
    """The year the sentence states, else the one that puts the date nearest the publication."""
    stated = set(_STATED_YEAR.findall(sentence))
    if len(stated) == 1:
        return int(stated.pop())
    if anchor is None:
        return None
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append((abs((date(year, month, min(day, 28)) - anchor).days), year))
        except ValueError:
            continue
    return min(options)[1] if options else None


def _weekday(groups: dict[str, str], anchor: date | None, sentence: str) -> tuple[str, str] | None:
    if anchor is None:
        return None
    _months, weekdays = _calendar()
    target = weekdays[groups["wd"].lower()]
    relation = groups.get("rel", "").lower()
    ahead = (target - anchor.weekday()) % 7
    if relation == "diesem" or groups.get("pre", "").lower() == "diesen":
        delta = target - anchor.weekday()
    elif relation in _NEXT_WORDS:
        delta = ahead or 7
    elif relation in _PAST_WORDS:
        delta = ahead - 7 if ahead else -7
    elif _FUTURE.search(sentence):
        delta = ahead
    else:
        delta = ahead - 7 if ahead else 0
    return _shift(anchor, delta)


def _shift(anchor: date | None, days: int) -> tuple[str, str] | None:
    if anchor is None:
        return None
    return (anchor + timedelta(days=days)).isoformat(), "day"
