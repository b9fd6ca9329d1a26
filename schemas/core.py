"""Contracts of the core layer: extracted rows, each pointing into a clean body."""

from __future__ import annotations

import math

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from presseschau.models import AMOUNT_UNITS, DATE_PRECISIONS, ENTITY_TYPES

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _spans_match_body(df: pd.DataFrame, text_column: str) -> pd.Series:
    """`body[start:end]` equals the row's text; `body` is joined in for validation only."""
    return pd.Series(
        [
            0 <= start < end <= len(body) and body[start:end] == text
            for body, start, end, text in zip(
                df["body"], df["start_char"], df["end_char"], df[text_column], strict=True
            )
        ],
        index=df.index,
    )


class _Spanned(pa.DataFrameModel):
    doc_id: Series[str]
    start_char: Series[int] = pa.Field(ge=0)
    end_char: Series[int] = pa.Field(ge=1)
    run_id: Series[str]

    @pa.dataframe_check(name="start_before_end")
    def start_before_end(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start_char"] < df["end_char"]

    class Config:
        coerce = True  # DuckDB hands back INTEGER as int32; the contract is about values


class Mentions(_Spanned):
    """core.mentions: the surface text is exactly body[start:end]."""

    entity_id: Series[str]
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    type: Series[str] = pa.Field(isin=list(ENTITY_TYPES))
    surface: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check(name="surface_equals_body_span")
    def surface_in_body(cls, df: pd.DataFrame) -> Series[bool]:
        return _spans_match_body(df, "surface")


class Quotes(_Spanned):
    """core.quotes: quote text is exactly body[start:end]; speaker is a registry entity or null."""

    speaker: Series[str] = pa.Field(nullable=True)
    speaker_id: Series[str] = pa.Field(nullable=True)
    text: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check(name="quote_equals_body_span")
    def text_in_body(cls, df: pd.DataFrame) -> Series[bool]:
        return _spans_match_body(df, "text")


class Dates(_Spanned):
    """core.dates: ISO date whose form matches its precision."""

    date: Series[str] = pa.Field(str_matches=ISO_DATE)
    precision: Series[str] = pa.Field(isin=list(DATE_PRECISIONS))
    text: Series[str]
    sentence: Series[str]

    @pa.dataframe_check(name="date_form_matches_precision")
    def precision_matches(cls, df: pd.DataFrame) -> Series[bool]:
        length = {"year": 4, "month": 7, "day": 10}
        return df["date"].str.len() == df["precision"].map(length)

    @pa.check("date", name="year_between_1000_and_2999")
    def plausible_year(cls, date: Series[str]) -> Series[bool]:
        year = date.str.slice(0, 4).astype(int)
        return (year >= 1000) & (year <= 2999)


class Amounts(_Spanned):
    """core.amounts: finite values in a closed set of units."""

    value: Series[float]
    unit: Series[str] = pa.Field(isin=list(AMOUNT_UNITS))
    text: Series[str]
    sentence: Series[str]

    @pa.check("value", name="value_is_finite")
    def finite(cls, value: Series[float]) -> Series[bool]:
        return value.map(math.isfinite)


class Sentences(_Spanned):
    """core.sentences: boundaries inside the body."""

    sentence_no: Series[int] = pa.Field(ge=0)


class Entities(pa.DataFrameModel):
    """core.entities: the registry; one row per entity id."""

    entity_id: Series[str] = pa.Field(unique=True)
    canonical_name: Series[str] = pa.Field(str_length={"min_value": 1})
    type: Series[str] = pa.Field(isin=list(ENTITY_TYPES))
    doc_count: Series[int] = pa.Field(ge=1)
    mention_count: Series[int] = pa.Field(ge=1)

    class Config:
        coerce = True
