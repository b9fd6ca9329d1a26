"""Contracts of the mart views: what analysts read.

`CONTRACTS` names the contract of each published view; the flow checks every view that
has one after (re)creating the views, and `presseschau schemas` documents them. The flow
reads only the columns a contract declares, so every column a check reads is declared.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from presseschau.models import AMOUNT_UNITS, DATE_PRECISIONS, ENTITY_TYPES, QUOTE_KINDS, SPEAKER_KINDS
from schemas import values
from schemas.clean import STATUSES
from schemas.core import ISO_DATE
from schemas.ops import RUN_STATUSES, STEPS


class Documents(pa.DataFrameModel):
    """marts.documents: one row per document with its size, status and boilerplate share."""

    doc_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    outlet: Series[str] = pa.Field(nullable=True)
    title: Series[str] = pa.Field(nullable=True)
    published: Series[str] = pa.Field(nullable=True, str_matches=values.ISO_DATE_OR_TIME)
    authors: Series[object]
    language: Series[str] = pa.Field(nullable=True, str_matches=values.ISO_639_1)
    words: Series[int] = pa.Field(ge=0)
    status: Series[str] = pa.Field(isin=list(STATUSES))
    reject_reason: Series[str] = pa.Field(nullable=True)
    paywalled: Series[bool]
    boilerplate_share: Series[float] = pa.Field(nullable=True, le=1.0)
    duplicate_of: Series[str] = pa.Field(nullable=True)
    gone_since: Series[pd.Timestamp] = pa.Field(nullable=True)

    @pa.check("published", name="published_between_1990_and_today")
    def published_in_range(cls, published: Series[str]) -> Series[bool]:
        return values.published_in_range(published) & values.real_calendar_dates(published)

    @pa.check("authors", name="authors_are_names")
    def authors_are_names(cls, authors: Series[object]) -> Series[bool]:
        return values.lists_of_names(authors)

    @pa.dataframe_check(name="ok_documents_have_words")
    def ok_has_words(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] != "ok") | (df["words"] > 0)

    class Config:
        strict = False
        coerce = True


class DataQuality(pa.DataFrameModel):
    """marts.dq: rows in, out and quarantined per run, step and contract."""

    run_id: Series[str]
    started_at: Series[pd.Timestamp]
    run_status: Series[str] = pa.Field(isin=list(RUN_STATUSES))
    step: Series[str] = pa.Field(isin=list(STEPS))
    schema_name: Series[str] = pa.Field(str_length={"min_value": 1})
    rows_in: Series[int] = pa.Field(ge=0)
    rows_out: Series[int] = pa.Field(ge=0)
    rows_quarantined: Series[int] = pa.Field(ge=0)
    failure_rate: Series[float] = pa.Field(ge=0.0, le=1.0)

    @pa.dataframe_check(name="failure_rate_is_quarantined_share")
    def rate_matches(cls, df: pd.DataFrame) -> Series[bool]:
        share = (df["rows_quarantined"] / df["rows_in"].where(df["rows_in"] > 0)).fillna(0.0)
        return (df["failure_rate"] - share).abs() <= 0.0001

    class Config:
        strict = False
        coerce = True


class Quotes(pa.DataFrameModel):
    """marts.quotes: one row per quote (no quoted names or scare quotes); a speaker always comes
    with its entity id."""

    doc_id: Series[str]
    quote_no: Series[int] = pa.Field(ge=0)
    kind: Series[str] = pa.Field(isin=[kind for kind in QUOTE_KINDS if kind != "term"])
    speaker_kind: Series[str] = pa.Field(nullable=True, isin=list(SPEAKER_KINDS))
    speaker: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1})
    speaker_id: Series[str] = pa.Field(nullable=True, str_matches=values.ENTITY_ID)
    quote: Series[str] = pa.Field(str_length={"min_value": 1})
    quote_chars: Series[int] = pa.Field(ge=1)
    published: Series[str] = pa.Field(nullable=True, str_matches=values.ISO_DATE_OR_TIME)
    start_char: Series[int] = pa.Field(ge=0)
    end_char: Series[int] = pa.Field(ge=1)

    @pa.dataframe_check(name="quote_chars_match_the_span")
    def length_matches(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["quote_chars"] == df["quote"].str.len()) & (
            df["end_char"] - df["start_char"] == df["quote_chars"]
        )

    @pa.dataframe_check(name="speaker_and_speaker_id_together")
    def speaker_has_id(cls, df: pd.DataFrame) -> Series[bool]:
        return df["speaker"].isna() == df["speaker_id"].isna()

    class Config:
        unique = ("doc_id", "quote_no")
        strict = False
        coerce = True


class QuotesBySpeaker(pa.DataFrameModel):
    """marts.quotes_by_speaker: one row per speaker and way of speaking; the counts by kind add up."""

    speaker: Series[str] = pa.Field(str_length={"min_value": 1})
    speaker_id: Series[str] = pa.Field(str_matches=values.ENTITY_ID)
    kind: Series[str] = pa.Field(nullable=True, isin=list(SPEAKER_KINDS))
    quotes: Series[int] = pa.Field(ge=1)
    direct: Series[int] = pa.Field(ge=0)
    indirect: Series[int] = pa.Field(ge=0)
    reported: Series[int] = pa.Field(ge=0)
    documents: Series[int] = pa.Field(ge=1)

    @pa.dataframe_check(name="kinds_add_up_to_quotes")
    def kinds_add_up(cls, df: pd.DataFrame) -> Series[bool]:
        return df["direct"] + df["indirect"] + df["reported"] == df["quotes"]

    class Config:
        unique = ("speaker_id", "kind")
        strict = False
        coerce = True


class Amounts(pa.DataFrameModel):
    """marts.amounts: finite figures in the closed set of units, one row per amount."""

    doc_id: Series[str]
    amount_no: Series[int] = pa.Field(ge=0)
    value: Series[float]
    unit: Series[str] = pa.Field(isin=list(AMOUNT_UNITS))
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    sentence: Series[str]

    @pa.check("value", name="value_is_finite")
    def finite(cls, value: Series[float]) -> Series[bool]:
        return pd.Series(np.isfinite(value.to_numpy(dtype=float)), index=value.index)

    class Config:
        unique = ("doc_id", "amount_no")
        strict = False
        coerce = True


class Timeline(pa.DataFrameModel):
    """marts.timeline: one row per date and precision, a real period mentioned by documents."""

    date: Series[str] = pa.Field(str_matches=ISO_DATE)
    precision: Series[str] = pa.Field(isin=list(DATE_PRECISIONS))
    period_start: Series[pd.Timestamp] = pa.Field(nullable=True)
    period_end: Series[pd.Timestamp] = pa.Field(nullable=True)
    mentions: Series[int] = pa.Field(ge=1)
    documents: Series[int] = pa.Field(ge=1)

    @pa.check("date", name="date_is_a_real_date")
    def real_date(cls, date: Series[str]) -> Series[bool]:
        return values.real_calendar_dates(date)

    @pa.dataframe_check(name="period_starts_before_it_ends")
    def period_in_order(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["period_start"] <= df["period_end"]).fillna(False).astype(bool)

    @pa.dataframe_check(name="mentions_at_least_documents")
    def mentions_cover_documents(cls, df: pd.DataFrame) -> Series[bool]:
        return df["mentions"] >= df["documents"]

    class Config:
        unique = ("date", "precision")
        strict = False
        coerce = True


class TopEntities(pa.DataFrameModel):
    """marts.top_entities: the registry ranked by documents; one row per entity."""

    rank: Series[int] = pa.Field(ge=1, unique=True)
    entity_id: Series[str] = pa.Field(unique=True, str_matches=values.ENTITY_ID)
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    type: Series[str] = pa.Field(isin=list(ENTITY_TYPES))
    documents: Series[int] = pa.Field(ge=1)
    mentions: Series[int] = pa.Field(ge=1)
    quotes: Series[int] = pa.Field(ge=0)

    @pa.dataframe_check(name="mentions_at_least_documents")
    def mentions_cover_documents(cls, df: pd.DataFrame) -> Series[bool]:
        return df["mentions"] >= df["documents"]

    @pa.dataframe_check(name="ranked_by_documents")
    def ranked(cls, df: pd.DataFrame) -> Series[bool]:
        ordered = df.sort_values("rank")["documents"]
        return (ordered.diff().fillna(0) <= 0).reindex(df.index)

    class Config:
        strict = False
        coerce = True


CONTRACTS: dict[str, type[pa.DataFrameModel]] = {
    "marts.documents": Documents,
    "marts.dq": DataQuality,
    "marts.quotes": Quotes,
    "marts.quotes_by_speaker": QuotesBySpeaker,
    "marts.amounts": Amounts,
    "marts.timeline": Timeline,
    "marts.top_entities": TopEntities,
}
