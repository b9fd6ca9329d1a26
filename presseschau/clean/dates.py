"""Publication dates the document states: date lines ("24. Februar 2025", "Stand: 03.03.2025
14:22 Uhr", flattened "21 02 2025 13 14 Uhr" or "4 März 2025 18 03 Uhr"), date stamps that
share a short line with a byline or a label ("28.04.2024, 17:19 Uhr • Lesezeit: 8 Minuten",
"vor 3 Stunden" when the fetch time is known) and machine-readable timestamps (ISO 8601).

Only a line that is a date statement or a short stamp counts; dates inside running text are
never used. Results are ISO `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` in the local time the page prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from presseschau.clean.flat_tokens import Vocabulary, token_indices
from presseschau.clean.places import is_place
from presseschau.clean.shape import latin1_bytes

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januar", "jänner", "jan", "january"),
            ("februar", "feber", "feb", "february"),
            ("märz", "mär", "maerz", "march", "mar"),
            ("april", "apr"),
            ("mai", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "october", "oct"),
            ("november", "nov"),
            ("dezember", "dez", "december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Possessive (`}+`): every form has a dot or a space after the month's letters, which no letter
# is, so giving letters back never matched; a search tried it at every letter of the line.
_MONTH = r"(?P<mon>[A-Za-zÄä]{3,9}+)\.?"
_TIME = (
    r"(?:(?:\s*,\s*|\s+um\s+|\s*[-–|]\s*|\s+)(?P<H>\d{1,2})[:.](?P<M>\d{2})"
    r"(?:\s*(?:Uhr|h|(?P<pm>[Pp]\.?[Mm]\b\.?)|[Aa]\.?[Mm]\b\.?))?)?"
)
# The forms that open with digits open with one digit (`\d\d{3}`, `\d\d?`, not `\d{4}`, `\d{1,2}`):
# a search for a pattern opening with a character class skips in C to where that class
# occurs; one opening with a repeat is tried at every position of the line.
_DATE_FORMS = (
    re.compile(r"(?P<y>\d\d{3})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2}))?"),
    # Day first with dots, or slashes as pages of other European sites print it ("02/02/2022");
    # one separator throughout (the back reference); a two-digit year only after a dot ("1/2/23" is
    # no date). A page's text copy may run a count into the year ("06/11/20230 Kommentare"): a
    # four-digit year followed by up to three digits and a word is that year.
    re.compile(
        r"(?P<d>\d\d?)(?P<sep>[./])\s?(?P<m>\d{1,2})(?P=sep)\s?"
        r"(?P<y>\d{4}(?=\d{1,3}\s[^\W\d]{3})|\d{4}\b|(?<!/)(?<!/ )\d{2}\b)" + _TIME
    ),
    re.compile(r"(?P<d>\d\d?)\.?\s" + _MONTH + r"\s(?P<y>\d{4})" + _TIME),
    re.compile(_MONTH + r"\s(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s(?P<y>\d{4})" + _TIME),
)
# Every form holds a digit (its year): a line without one is tried against none of them.
_DIGIT = re.compile(r"\d")
# The lookahead on a digit is tested first: at most positions of a page it fails at once, before
# the costlier lookbehind is tried (about twice as fast over a flattened page).
_FLAT_FORM = re.compile(
    r"(?=\d)(?<!\d )\b"
    # A time may stand before a date with a four-digit year ("20 00 29 Jan 2024").
    r"(?:(?P<H0>\d{1,2}) (?P<M0>\d{2}) (?=\d{1,2} (?:\d{1,2}|[A-Za-zÄä]{3,9}\.?) \d{4}\b))?"
    r"(?P<d>\d{1,2}) (?:(?P<m>\d{1,2})|" + _MONTH + r") (?:(?P<y>\d{4})\b"
    r"(?: (?:um )?(?P<H>\d{1,2}) (?P<M>\d{2})\b(?! \d)(?: Uhr)?)?"
    # A two-digit year only with a time after it ("04 05 20 14 50", "27 04 24 um 07 39"): alone
    # it is any three numbers.
    r"|(?P<y2>\d{2}) (?:um )?(?P<H2>\d{1,2}) (?P<M2>\d{2})\b(?! \d)(?: Uhr)?"
    # or with day and month written with two digits each ("06 11 23"), as counts are not.
    r"|(?<=\d\d \d\d )(?P<y3>\d{2})\b(?! \d))"
)
# Three numbers with a two-digit year that `_FLAT_FORM` leaves ("25 4 24", "19 11 21" before
# more numbers): a date where a dateline's place follows it ("25 4 24 Kiel dpo Die …") or the
# same date written out ("19 11 21 19 11 2021"), any three numbers elsewhere (a race time).
_SHORT_DATE = re.compile(r"(?<!\d )\b(?P<d>\d{1,2}) (?P<m>\d{1,2}) (?P<y3>\d{2})\b")
_SHORT_DATE_AFTER = 40  # characters after it read for the place or the date written out
# Where a `_FLAT_FORM` match can start: one or two digits (a day, or an hour before it) and a
# number or a month's name and a number after them (a digit after no word character, where
# a run of digits starts; one found inside a run fails `_FLAT_FORM`'s opening). Opening with
# the class, not a repeat of it, a search skips in C to the next digit; `_FLAT_FORM`'s opening
# lookahead keeps a search trying it at every position of a page. The numbers in text are
# mostly followed by words: they are not tried.
_FORM_OPENING = r"\d\d?+(?= (?:\d|[A-Za-zÄä]{3,9}+\.? \d))"
_FORM_OPENINGS = re.compile(_FORM_OPENING)
# The same in text within Latin-1 (a flattened page's, mostly), whose only decimal digits are
# 0-9: the ASCII class is tested in a comparison or two, the Unicode one looks each character
# up in the Unicode tables (a search tests every character of the page).
_LATIN1_FORM_OPENINGS = re.compile(_FORM_OPENING, re.ASCII)
# English pages put the month first ("Oct 24 2023", "November 1 2023 12 30"). The names are
# looked up where they stand (a regex scan of the page would cost as much as the day-first one).
_MONTH_TOKENS = frozenset(name.capitalize() for name in _MONTHS)
_FLAT_MONTH_FIRST = re.compile(
    _MONTH + r" (?P<d>\d{1,2}) (?P<y>\d{4})\b(?: (?P<H>\d{1,2}) (?P<M>\d{2})\b(?! \d))?"
)
# How long ago, as stamps say it: "vor 3 Stunden", "vor einer Stunde".
_AGO_COUNT, _AGO_UNIT = r"(?:\d{1,2}|einer|einem)", r"(?:Minuten?|Stunden?|Tag(?:en)?)"
_AGO_UNITS = ("Minute", "Minuten", "Stunde", "Stunden", "Tag", "Tagen")
# "vor 3 Stunden", "heute, 12:09 Uhr", "gestern 18.30": dated only by the fetch time.
_RELATIVE = re.compile(
    rf"\bvor (?P<n>{_AGO_COUNT}) (?P<unit>{_AGO_UNIT})\b"
    r"|\b(?P<day>heute|gestern)\b,?(?:\s+um)?\s+(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:\s*Uhr)?",
    re.I,
)
# The same on a flattened page, after its "vor"; a page that prints it twice (for two screen
# sizes) may glue the copies ("vor 3 Stundenvor 3 Stunden").
_FLAT_AGO, _FLAT_HER = frozenset({"vor", "Vor"}), frozenset({"her"})
_FLAT_RELATIVE = re.compile(rf"{_AGO_COUNT} {_AGO_UNIT}(?P<glued>vor)?", re.I)
# A comment's stamp: how long ago it was posted, closing the line after its writer's name
# ("Leser42 vor 3 Stunden") or alone with "her" ("40 Minuten 12 Sekunden her").
_AGO_CLOSING = re.compile(rf"(?:^|\s)vor {_AGO_COUNT} {_AGO_UNIT}$")
_AGO_HER = re.compile(
    r"(?:\d{1,2} (?:Sekunden?|Minuten?|Stunden?|Tag(?:en?)?|Wochen?|Monat(?:en?)?|Jahr(?:en?)?) ?){1,2}her"
)
# A time of day ("20:03 Uhr", "um 15:44"); a score has one digit after its colon ("3:1").
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2}\b|\.\d{2}\s*Uhr\b)", re.I)
# The words that label a stamp: as updated, and as published.
_UPDATE_WORDS = r"aktualisiert|zuletzt geändert|geändert|editiert|bearbeitet|update|updated|last updated"
_DATE_WORDS = r"stand|\w*datum|veröffentlicht|erstellt|publiziert|erschienen|date|published|posted"
_UPDATE_LABEL = re.compile(rf"(?:{_UPDATE_WORDS})\W*(?:am|um|on)?\W*$", re.I)
_DATE_LABEL = re.compile(rf"\b(?:{_DATE_WORDS})\b", re.I)
# A stamp's label standing alone before it, with "am", "um" or "on" after it.
_FLAT_LABEL = re.compile(rf"(?:zuletzt )?(?:{_UPDATE_WORDS}|{_DATE_WORDS})(?: (?:am|um|on))?", re.I)
_PART_SEPARATOR = re.compile(r"\s*[|•·∙,]\s*|\s+[-–—/]\s+")
# Tokens before a flattened stamp searched for its label ("Stand", "Aktualisiert am"); the
# most tokens of one ("20 00 29 01 2024", "27 04 24 um 07 39 Uhr").
_LABEL_REACH, _FLAT_STAMP_TOKENS = 3, 8
# A stamp shares its line with a byline or a few labels; a longer line is running text.
_STAMP_MAX_WORDS = 24
# Words allowed around a date on a date line ("Stand: Montag, 24. Februar 2025, 13:14 Uhr").
_FILLER = re.compile(
    r"\b(?:stand|veröffentlicht|aktualisiert|zuletzt|erstellt|\w*datum|publiziert|erschienen|am|vom|um|uhr|"
    r"published|updated|last|on|at|posted|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|[\s,.:|·•–-]+",
    re.I,
)
# A date line's text around its date is filler: the filler pieces `_FILLER.sub` would take, one
# after the other from the start (each atomic: the piece `sub` takes), and nothing else. Matched
# as a whole, it stops at the first other word, where `sub` went on through the line.
_ALL_FILLER = re.compile(rf"(?>{_FILLER.pattern})*+", re.I)
_UPDATED = re.compile(r"^\W*(?:aktualisiert|zuletzt aktualisiert|updated|last updated)\b", re.I)
_ISO_STAMP = re.compile(
    r"^\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
# A stamp run into a paragraph stands in its first characters, after nothing or a short
# byline closed by a separator ("Red. / ").
_OPENING_CHARS = 80
_STAMP_LEAD_IN = re.compile(r"(?:[^\s/|•·–-][^/|•·–]{0,30}\s[/|•·–-]\s*)?")
_LOCAL_ZONE = ZoneInfo("Europe/Berlin")
_EARLIEST_YEAR = 1990
_LATEST_YEAR = 2100


@dataclass(frozen=True)
class Stamp:
    """A date stamp on a short line: the publication (or update) date, and the line's other
    parts (split at separators, filler words such as "Stand" or "Uhr" left out)."""

    iso: str
    updated: bool
    parts: tuple[str, ...]
    labelled: bool = False
    """A label says what the date is ("Stand:", "Veröffentlicht am", "Datum")."""


@lru_cache(maxsize=8192)
def find_stamp(text: str, *, now: datetime | None = None) -> Stamp | None:
    """The date a short line stamps on its article, and what else the line says.

    The first date not labelled as an update is the publication date; a line that holds only
    update dates stamps an update. `now` (the fetch time, UTC) dates relative stamps.
    """
    if len(text.split(None, _STAMP_MAX_WORDS)) > _STAMP_MAX_WORDS:
        return None
    if now is None and not _DIGIT.search(text):  # only a relative stamp ("vor einer Stunde") has none
        return None
    found: list[tuple[int, int, str, bool]] = []

    def add(match: re.Match[str], iso: str | None) -> None:
        overlaps = any(start < match.end() and match.start() < end for start, end, _, _ in found)
        if iso and not overlaps:
            found.append((match.start(), match.end(), iso, bool(_UPDATE_LABEL.search(text[: match.start()]))))

    for form in _DATE_FORMS:
        for match in form.finditer(text):
            add(match, iso_from_match(match))
    if not found and now is not None and (relative := _RELATIVE.search(text)):
        add(relative, _relative_iso(relative, now))
    if not found:
        return None
    found.sort()
    start, _, iso, updated = next((item for item in found if not item[3]), found[0])
    rest = text
    for match_start, match_end, _, _ in reversed(found):
        rest = rest[:match_start] + " | " + rest[match_end:]
    parts = (" ".join(_FILLER.sub(" ", part).split()) for part in _PART_SEPARATOR.split(rest))
    labelled = updated or bool(_DATE_LABEL.search(text[:start]))
    return Stamp(iso, updated, tuple(part for part in parts if part), labelled)


def opening_stamp(text: str) -> str | None:
    """The date of a stamp the layout ran into the opening of a paragraph ("19.10.2019, 15:30
    UhrAm 8. Spieltag …", "Red. / 31.10.2023 Die ehemalige …"): first thing in it or after a
    short byline and a separator, followed by a time or by the capital of the text's first
    sentence, perhaps after a full stop ("31. Oktober 2023. Dragqueens …"); "Am 12. Februar
    2025 telefonierte …" names a date in a sentence."""
    head = text[:_OPENING_CHARS]
    if not _DIGIT.search(head):
        return None
    for form in _DATE_FORMS:
        match = form.search(head)
        if (
            match
            and _STAMP_LEAD_IN.fullmatch(head[: match.start()])
            and (match["H"] or head[match.end() :].lstrip().removeprefix(".").lstrip()[:1].isupper())
        ):
            return iso_from_match(match)
    return None


def states_time_ago(text: str) -> bool:
    """Whether a line closes with how long ago something was posted, as a comment's stamp does
    ("40 Minuten 12 Sekunden her", "Leser42 vor 3 Stunden"): no date to read without the
    fetch time, but a stamp all the same."""
    if text.endswith(" her"):
        return _AGO_HER.fullmatch(text) is not None
    return text.endswith(_AGO_UNITS) and _AGO_CLOSING.search(text) is not None


@dataclass(frozen=True)
class FlatStamp:
    """A date stamp in a flattened page, by token positions [start, end)."""

    start: int
    end: int
    iso: str
    updated: bool
    labelled: bool
    timed: bool = False
    """It states a time of day as well ("… 14 26 Uhr"), as stamps do and dates in text rarely."""


def flat_stamps(
    tokens: list[str], text: str, vocabulary: Vocabulary, *, now: datetime | None = None
) -> list[FlatStamp]:
    """Every date stamp of a flattened page ("21 02 2025 13 14 Uhr", "4 März 2025", with the
    fetch time "vor 3 Stunden"; `text`: `tokens` joined by single spaces, which the page joins
    once for all its readers; `vocabulary`: of `tokens`), with whether a label before it says
    what it is."""
    found: list[FlatStamp] = []
    matches = [(m, iso_from_match(m)) for m in (*_flat_forms(text), *_month_first(text, tokens, vocabulary))]
    if now is not None:
        matches += [(m, _relative_iso(m, now)) for m in _RELATIVE.finditer(text)]
    token_at = token_indices(text, [at for m, iso in matches if iso for at in (m.start(), m.end() - 1)])
    for match, iso in matches:
        if not iso:
            continue
        start, end = token_at[match.start()], token_at[match.end() - 1] + 1
        # The same date printed again right after it (numeric and spelled out, for two screen
        # sizes) is part of the stamp; `_FLAT_FORM` skips a date after a number on its own.
        again = _FLAT_FORM.match(" ".join(tokens[end : end + _FLAT_STAMP_TOKENS]))
        if again and (iso_from_match(again) or "")[:10] == iso[:10]:
            end += len(again[0].split())
        before = " ".join(tokens[max(0, start - _LABEL_REACH) : start])
        updated = bool(_UPDATE_LABEL.search(before + " "))
        labelled = updated or bool(_DATE_LABEL.search(before))
        found.append(FlatStamp(start, end, iso, updated, labelled, "T" in iso))
    return sorted(found, key=lambda stamp: stamp.start)


def _flat_forms(text: str) -> list[re.Match[str]]:
    """The matches `_FLAT_FORM.finditer(text)` finds, tried only where one may start, and
    where none starts the short dates a dateline's place or the date written out follows
    (`_short_date`)."""
    found: list[re.Match[str]] = []
    end = 0
    for opening in _form_openings(text):
        at = opening.start()
        if at >= end and (match := _FLAT_FORM.match(text, at) or _short_date(text, at)):
            found.append(match)
            end = match.end()
    return found


def _short_date(text: str, at: int) -> re.Match[str] | None:
    """A `_SHORT_DATE` at `at` in `text` with a dateline's place or the same date after it."""
    match = _SHORT_DATE.match(text, at)
    day = iso_from_match(match) if match else None
    if match is None or day is None:
        return None
    after = text[match.end() + 1 : match.end() + 1 + _SHORT_DATE_AFTER]
    again = _FLAT_FORM.match(after)
    if (again and (iso_from_match(again) or "")[:10] == day) or is_place(after.split(" ", 1)[0]):
        return match
    return None


def _form_openings(text: str) -> Iterator[re.Match[str]]:
    """Where a `_FLAT_FORM` match may start in `text` (`_FORM_OPENINGS`), found by the ASCII class where
    that is the same."""
    return (_FORM_OPENINGS if latin1_bytes(text) is None else _LATIN1_FORM_OPENINGS).finditer(text)


def _month_first(text: str, tokens: list[str], vocabulary: Vocabulary) -> list[re.Match[str]]:
    """Month-first dates where a token of `text` (`tokens` joined by spaces) names a month and
    another follows: tried at the month names' offsets (found once per distinct token)."""
    offsets = vocabulary.offsets()
    found = []
    for position in vocabulary.positions(_MONTH_TOKENS):
        if position + 1 < len(tokens) and (match := _FLAT_MONTH_FIRST.match(text, offsets[position])):
            found.append(match)
    return found


def flat_label_start(tokens: list[str], start: int) -> int:
    """Where the label of the flattened stamp starting at `start` starts ("Aktualisiert am",
    "Stand", "Veröffentlicht"): the label the stamp is read with (`_LABEL_REACH` tokens before
    it), standing alone; `start` if none does."""
    for low in range(max(0, start - _LABEL_REACH), start):
        if _FLAT_LABEL.fullmatch(" ".join(tokens[low:start])):
            return low
    return start


def flat_relative_times(tokens: list[str], vocabulary: Vocabulary) -> list[tuple[int, int, bool]]:
    """(start, end, runs on) of every relative time on a flattened page ("vor 3 Stunden", "vor
    einer Stunde"): a stamp that only the fetch time dates, but that stands where stamps stand,
    so one that no sentence runs on from (the next word is not in lower case) still marks the
    names beside it as a byline. It runs on when a lower-case word follows (a commenter's name
    in lower case, or a sentence: only a series of them tells). Both readings are made in one
    scan of the page, as both are asked for; the "vor"s and "her"s are found once per distinct
    token (`vocabulary`: of `tokens`)."""
    found = []
    for start in vocabulary.positions(_FLAT_AGO):
        relative = _FLAT_RELATIVE.fullmatch(" ".join(tokens[start + 1 : start + 3]))
        if relative is None:
            continue
        end = start + 3
        if relative["glued"] and _FLAT_RELATIVE.fullmatch(" ".join(tokens[end : end + 2])):
            end += 2
        found.append((start, end, end < len(tokens) and tokens[end].islower()))
    # A comment's "7 Stunden 20 Minuten her" says the same in two units before a "her" (one
    # unit is a sentence's as often: "Das ist 20 Jahre her").
    for her in vocabulary.positions(_FLAT_HER):
        start = her - 4
        if start >= 0 and _AGO_HER.fullmatch(" ".join(tokens[start : her + 1])):
            found.append((start, her + 1, False))
    return sorted(found)


def _relative_iso(match: re.Match[str], now: datetime) -> str | None:
    local = (now if now.tzinfo else now.replace(tzinfo=UTC)).astimezone(_LOCAL_ZONE)
    if match["day"]:
        day = local.date() - timedelta(days=1 if match["day"].casefold() == "gestern" else 0)
        return _format(day.year, day.month, day.day, match["H"], match["M"])
    count = 1 if not match["n"].isdigit() else int(match["n"])
    unit = match["unit"].casefold()
    delta = (
        timedelta(minutes=count)
        if unit.startswith("minute")
        else (timedelta(hours=count) if unit.startswith("stunde") else timedelta(days=count))
    )
    stamp = local - delta
    hour = None if unit.startswith("tag") else str(stamp.hour)
    return _format(stamp.year, stamp.month, stamp.day, hour, str(stamp.minute))


def names_month(text: str) -> bool:
    """Whether a line is a month and a year alone ("Januar 2022"): the stamp of a monthly's
    issue or of a trade journal's article, dated no closer."""
    words = text.split()
    return (
        len(words) == 2
        and words[0].rstrip(".").casefold() in _MONTHS
        and words[1].isdigit()
        and _EARLIEST_YEAR <= int(words[1]) <= _LATEST_YEAR
    )


def stamp_opening(text: str) -> int | None:
    """Where the first date or time `text` states opens (a date, a time of day, "vor 3
    Stunden"), or None: the start of a stamp a line may carry after other words."""
    starts = [match.start() for form in (*_DATE_FORMS, _RELATIVE, _CLOCK) if (match := form.search(text))]
    return min(starts, default=None)


def states_time(text: str) -> bool:
    """Whether a line states a time of day or a relative time ("Stand: 20:03 Uhr", "vor 3
    Stunden"), as stamps do and headlines do not (a headline may name a day: "Bericht vom
    22.04.2020"), even where no date can be read from it."""
    return bool(_CLOCK.search(text) or _RELATIVE.search(text))


def parse_date_line(text: str, *, flattened: bool = False) -> tuple[str, bool] | None:
    """(ISO date, is_update) when `text` is nothing but a date statement, else None."""
    if not _DIGIT.search(text):
        return None
    forms = (_FLAT_FORM,) if flattened else _DATE_FORMS
    for form in forms:
        match = form.search(text)
        if match is None:
            continue
        only_filler = _ALL_FILLER.fullmatch(text[: match.start()] + " " + text[match.end() :])
        iso = iso_from_match(match)
        if iso and only_filler:
            return iso, bool(_UPDATED.match(text))
    return None


def iso_from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("y2"):
        groups |= {"y": groups["y2"], "H": groups["H2"], "M": groups["M2"]}
    if groups.get("y3"):
        groups["y"] = groups["y3"]
    if groups.get("H0") and not groups.get("H"):
        groups |= {"H": groups["H0"], "M": groups["M0"]}
    year = int(groups["y"])
    if year < 100:
        year += 2000
    month = _MONTHS.get(groups["mon"].casefold()) if groups.get("mon") else int(groups["m"])
    if month is None:
        return None
    hour = groups.get("H")
    if hour and groups.get("pm") and int(hour) < 12:
        hour = str(int(hour) + 12)  # "10:12 PM" in English datelines
    return _format(year, month, int(groups["d"]), hour, groups.get("M"))


def _format(year: int, month: int, day: int, hour: str | None, minute: str | None) -> str | None:
    if not _EARLIEST_YEAR <= year <= _LATEST_YEAR:
        return None
    try:
        day_iso = date(year, month, day).isoformat()
    except ValueError:
        return None
    if hour is None or minute is None or not (0 <= int(hour) < 24 and 0 <= int(minute) < 60):
        return day_iso
    if int(hour) == 0 and int(minute) == 0:
        return day_iso  # midnight stamps stand for "this day", not a stated time
    return f"{day_iso}T{int(hour):02d}:{int(minute):02d}"


def iso_from_timestamp(value: str) -> str | None:
    """ISO date from a machine timestamp (JSON-LD, meta, `<time datetime>`) in local wall time.

    A stamp with an offset keeps its wall time; a UTC stamp is shown in German time, as a
    German page prints it.
    """
    match = _ISO_STAMP.match(value or "")
    if not match:
        return None
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    hour, minute, zone = match["H"], match["M"], match["tz"]
    if hour is not None and zone in ("Z", "+00:00", "+0000", "-00:00"):
        try:
            stamp = datetime(year, month, day, int(hour), int(minute), tzinfo=UTC).astimezone(_LOCAL_ZONE)
        except ValueError:
            return None
        year, month, day, hour, minute = (
            stamp.year,
            stamp.month,
            stamp.day,
            str(stamp.hour),
            str(stamp.minute),
        )
    return _format(year, month, day, hour, minute)
