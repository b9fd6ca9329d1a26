"""Value checks shared by several contracts: vectorised, one boolean per row."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

SHA256_HEX = r"^[0-9a-f]{64}$"
ENTITY_ID = r"^[0-9a-f]{16}$"
ISO_639_1 = r"^[a-z]{2}$"
ISO_DATE_OR_TIME = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$"
REASON_TAG = r"^[a-z][a-z0-9_]*$"
EARLIEST_PUBLISHED = "1990-01-01"

_ISO_PARTS = (
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?P<hour>\d{2}):(?P<minute>\d{2}))?)?)?$"
)
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
# Control characters other than tab, newline and carriage return never belong in clean text.
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"


def real_calendar_dates(values: pd.Series) -> pd.Series:
    """`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` naming a real day and time; null passes.

    A regular expression lets "2025-02-30" through; this does not.
    """
    parts = values.astype("string").str.extract(_ISO_PARTS).astype("float64")
    year = parts["year"]
    month = parts["month"].fillna(1)
    day = parts["day"].fillna(1)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    valid_month = month.between(1, 12)
    days = pd.Series(_MONTH_DAYS[month.where(valid_month, 0).astype(int)], index=values.index)
    days = days.where(~(leap & (month == 2)), 29)
    real = (
        year.notna()
        & valid_month
        & day.between(1, days)
        & parts["hour"].fillna(0).between(0, 23)
        & parts["minute"].fillna(0).between(0, 59)
    )
    return real | values.isna()


def published_in_range(published: pd.Series) -> pd.Series:
    """Not before 1990 and not in the future (a day of slack for time zones); null passes."""
    latest = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    day = published.astype("string").str.slice(0, 10)
    return (published.isna() | ((day >= EARLIEST_PUBLISHED) & (day <= latest))).astype(bool)


def free_of_control_characters(text: pd.Series) -> pd.Series:
    return ~text.astype("string").str.contains(_CONTROL, regex=True).fillna(False).astype(bool)


def lists_of_names(values: pd.Series) -> pd.Series:
    """Each value is a list (or array) of non-empty strings, possibly empty."""
    return values.map(
        lambda items: (
            isinstance(items, list | tuple | np.ndarray)
            and all(isinstance(item, str) and item.strip() for item in items)
        )
    )


def optional_spans_match_body(df: pd.DataFrame, text_column: str, start: str, end: str) -> pd.Series:
    """Where a row has the span, `body[start:end]` equals its text; a row with neither passes."""
    columns = (df[name].tolist() for name in ("body", start, end, text_column))
    return pd.Series(
        [
            _optional_span_matches(body, begin, stop, text)
            for body, begin, stop, text in zip(*columns, strict=True)
        ],
        index=df.index,
        dtype=bool,
    )


def _optional_span_matches(body: object, begin: object, stop: object, text: object) -> bool:
    if type(begin) is int and type(stop) is int and isinstance(body, str) and isinstance(text, str):
        return body[begin:stop] == text  # most rows: spared the four pd.isna calls below
    if pd.isna(text) and pd.isna(begin) and pd.isna(stop):
        return True
    if not (isinstance(body, str) and isinstance(text, str)) or pd.isna(begin) or pd.isna(stop):
        return False
    return body[int(begin) : int(stop)] == text  # type: ignore[call-overload]


def spans_match_body(df: pd.DataFrame, text_column: str) -> pd.Series:
    """`body[start:end]` equals the row's text; `body` is joined in for validation only.

    Columns are turned into lists first: iterating a pandas string array is 20× slower.
    """
    columns = (df[name].tolist() for name in ("body", "start_char", "end_char", text_column))
    return pd.Series(
        [
            isinstance(body, str) and 0 <= start < end <= len(body) and body[start:end] == text
            for body, start, end, text in zip(*columns, strict=True)
        ],
        index=df.index,
        dtype=bool,
    )


def spans_inside_body(df: pd.DataFrame) -> pd.Series:
    """0 <= start < end <= len(body), for rows that carry offsets but no text of their own."""
    length = pd.Series(
        [len(body) if isinstance(body, str) else -1 for body in df["body"].tolist()], index=df.index
    )
    return (df["start_char"] >= 0) & (df["start_char"] < df["end_char"]) & (df["end_char"] <= length)
