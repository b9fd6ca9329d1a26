"""Publication dates the document states: date lines ("24. Februar 2025", "Stand: 03.03.2025
14:22 Uhr", flattened "21 02 2025 13 14 Uhr") and machine-readable timestamps (ISO 8601).

Only a line that is a date statement counts; dates inside running text are never used.
Results are ISO `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` in the local time the page prints.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

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
_MONTH = r"(?P<mon>[A-Za-zÄä]{3,9})\.?"
_TIME = r"(?:(?:\s*,\s*|\s+um\s+|\s*[-–|]\s*|\s+)(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:\s*(?:Uhr|h))?)?"
_DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2}))?"),
    re.compile(r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})\b" + _TIME),
    re.compile(r"(?P<d>\d{1,2})\.?\s" + _MONTH + r"\s(?P<y>\d{4})" + _TIME),
    re.compile(_MONTH + r"\s(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s(?P<y>\d{4})" + _TIME),
)
_FLAT_FORM = re.compile(r"(?P<d>\d{1,2}) (?P<m>\d{1,2}) (?P<y>\d{4})(?: (?P<H>\d{1,2}) (?P<M>\d{2}) Uhr)?")
# Words allowed around a date on a date line ("Stand: Montag, 24. Februar 2025, 13:14 Uhr").
_FILLER = re.compile(
    r"\b(?:stand|veröffentlicht|aktualisiert|zuletzt|erstellt|datum|publiziert|erschienen|am|vom|um|uhr|"
    r"published|updated|last|on|at|posted|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|[\s,.:|·•–-]+",
    re.I,
)
_UPDATED = re.compile(r"^\W*(?:aktualisiert|zuletzt aktualisiert|updated|last updated)\b", re.I)
_ISO_STAMP = re.compile(
    r"^\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_LOCAL_ZONE = ZoneInfo("Europe/Berlin")
_EARLIEST_YEAR = 1990
_LATEST_YEAR = 2100


def parse_date_line(text: str, *, flattened: bool = False) -> tuple[str, bool] | None:
    """(ISO date, is_update) when `text` is nothing but a date statement, else None."""
    forms = (_FLAT_FORM,) if flattened else _DATE_FORMS
    for form in forms:
        match = form.search(text)
        if match is None:
            continue
        leftover = _FILLER.sub("", text[: match.start()] + " " + text[match.end() :])
        iso = iso_from_match(match)
        if iso and not leftover:
            return iso, bool(_UPDATED.match(text))
    return None


def find_flat_date(text: str) -> re.Match[str] | None:
    """The first day-month-year run of a flattened page ("21 02 2025 13 14 Uhr")."""
    for match in _FLAT_FORM.finditer(text):
        if iso_from_match(match):
            return match
    return None


def iso_from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if year < 100:
        year += 2000
    month = _MONTHS.get(groups["mon"].casefold()) if groups.get("mon") else int(groups["m"])
    if month is None:
        return None
    return _format(year, month, int(groups["d"]), groups.get("H"), groups.get("M"))


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
