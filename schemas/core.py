"""Contracts of the core layer: extracted rows, each pointing into a clean body.

Frames validated against `_Spanned` models carry the document's `body` (joined in for
validation only), so that offsets and texts can be checked against it.
"""

from __future__ import annotations

import math

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from presseschau.extract.events import event_families
from presseschau.models import AMOUNT_UNITS, DATE_PRECISIONS, ENTITY_TYPES, QUOTE_KINDS, SPEAKER_KINDS
from schemas import values

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
EARLIEST_YEAR, LATEST_YEAR = 1000, 2999


class _Spanned(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(str_length={"min_value": 1})
    start_char: Series[int] = pa.Field(ge=0)
    end_char: Series[int] = pa.Field(ge=1)
    run_id: Series[str]

    @pa.dataframe_check(name="span_inside_body")
    def span_inside_body(cls, df: pd.DataFrame) -> Series[bool]:
        return values.spans_inside_body(df)

    class Config:
        coerce = True  # DuckDB hands back INTEGER as int32; the contract is about values


class Mentions(_Spanned):
    """core.mentions: the surface text is exactly body[start:end]."""

    mention_no: Series[int] = pa.Field(ge=0)
    entity_id: Series[str] = pa.Field(str_matches=values.ENTITY_ID)
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    type: Series[str] = pa.Field(isin=list(ENTITY_TYPES))
    sentence_no: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    surface: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check(name="surface_equals_body_span")
    def surface_in_body(cls, df: pd.DataFrame) -> Series[bool]:
        return values.spans_match_body(df, "surface")

    class Config:
        unique = ("doc_id", "mention_no")


class Quotes(_Spanned):
    """core.quotes: quote text is exactly body[start:end], a speaker phrase exactly
    body[speaker_start:speaker_end]; a speaker comes with its entity id and type; a quoted name
    or scare quote (kind term) has no speaker."""

    quote_no: Series[int] = pa.Field(ge=0)
    kind: Series[str] = pa.Field(isin=list(QUOTE_KINDS))
    cue: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1})
    speaker: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1})
    speaker_id: Series[str] = pa.Field(nullable=True, str_matches=values.ENTITY_ID)
    speaker_type: Series[str] = pa.Field(nullable=True, isin=list(ENTITY_TYPES))
    speaker_kind: Series[str] = pa.Field(nullable=True, isin=list(SPEAKER_KINDS))
    speaker_role: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1})
    speaker_text: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1})
    speaker_start: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    speaker_end: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1)
    text: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check(name="quote_equals_body_span")
    def text_in_body(cls, df: pd.DataFrame) -> Series[bool]:
        return values.spans_match_body(df, "text")

    @pa.dataframe_check(name="speaker_text_equals_body_span")
    def speaker_text_in_body(cls, df: pd.DataFrame) -> Series[bool]:
        return values.optional_spans_match_body(df, "speaker_text", "speaker_start", "speaker_end")

    @pa.dataframe_check(name="speaker_and_speaker_id_together")
    def speaker_has_id(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["speaker"].isna() == df["speaker_id"].isna()) & (
            df["speaker"].isna() == df["speaker_type"].isna()
        )

    @pa.dataframe_check(name="term_has_no_speaker")
    def term_without_speaker(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["kind"] != "term") | (df["speaker"].isna() & df["speaker_text"].isna())

    class Config:
        unique = ("doc_id", "quote_no")


class QuoteSpeakers(pa.DataFrameModel):
    """core.quotes joined with core.entities: a named speaker is an entity of the registry."""

    doc_id: Series[str]
    quote_no: Series[int]
    speaker: Series[str] = pa.Field(nullable=True)
    speaker_registered: Series[bool]

    @pa.dataframe_check(name="speaker_in_entity_registry")
    def speaker_registered_check(cls, df: pd.DataFrame) -> Series[bool]:
        return df["speaker"].isna() | df["speaker_registered"]

    class Config:
        coerce = True


class _InSentence(_Spanned):
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    sentence: Series[str]

    # A base model's check has its method's name: pandera names an inherited check by its
    # method from the second subclass converted on, whatever name= says (pandera 0.35).
    @pa.dataframe_check(name="text_equals_body_span")
    def text_equals_body_span(cls, df: pd.DataFrame) -> Series[bool]:
        return values.spans_match_body(df, "text")

    @pa.dataframe_check(name="sentence_contains_text")
    def sentence_contains_text(cls, df: pd.DataFrame) -> Series[bool]:
        return pd.Series(
            [
                text in sentence
                for text, sentence in zip(df["text"].tolist(), df["sentence"].tolist(), strict=True)
            ],
            index=df.index,
            dtype=bool,
        )


class Dates(_InSentence):
    """core.dates: a real ISO date whose form matches its precision."""

    date_no: Series[int] = pa.Field(ge=0)
    date: Series[str] = pa.Field(str_matches=ISO_DATE)
    precision: Series[str] = pa.Field(isin=list(DATE_PRECISIONS))

    @pa.dataframe_check(name="date_form_matches_precision")
    def precision_matches(cls, df: pd.DataFrame) -> Series[bool]:
        length = {"year": 4, "month": 7, "day": 10}
        return df["date"].str.len() == df["precision"].map(length)

    @pa.check("date", name="date_is_a_real_date")
    def real_date(cls, date: Series[str]) -> Series[bool]:
        return values.real_calendar_dates(date)

    @pa.check("date", name=f"year_between_{EARLIEST_YEAR}_and_{LATEST_YEAR}")
    def plausible_year(cls, date: Series[str]) -> Series[bool]:
        year = pd.to_numeric(date.str.slice(0, 4), errors="coerce")
        return year.between(EARLIEST_YEAR, LATEST_YEAR)

    class Config:
        unique = ("doc_id", "date_no")


class Amounts(_InSentence):
    """core.amounts: finite values in a closed set of units."""

    amount_no: Series[int] = pa.Field(ge=0)
    value: Series[float]
    unit: Series[str] = pa.Field(isin=list(AMOUNT_UNITS))

    @pa.check("value", name="value_is_finite")
    def finite(cls, value: Series[float]) -> Series[bool]:
        return value.map(math.isfinite).astype(bool)

    class Config:
        unique = ("doc_id", "amount_no")


class Weekdays(_InSentence):
    """core.weekdays: a weekday expression of the body, 0 = Monday … 6 = Sunday."""

    weekday_no: Series[int] = pa.Field(ge=0)
    weekday: Series[int] = pa.Field(ge=0, le=6)
    sentence_no: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)

    class Config:
        unique = ("doc_id", "weekday_no")


class Terms(pa.DataFrameModel):
    """core.terms: the search index, one row per stemmed term of a document."""

    # No length check on doc_id (the documents' contract has one): on the largest core table it
    # cost seven times the rest of the contract.
    doc_id: Series[str]
    term: Series[str] = pa.Field(str_length={"min_value": 1})
    tf: Series[int] = pa.Field(ge=1)

    class Config:
        unique = ("doc_id", "term")


class EventMentions(_Spanned):
    """core.event_mentions: the event word is exactly body[start:end], in its sentence."""

    sentence_no: Series[int] = pa.Field(ge=0)
    family: Series[str] = pa.Field(isin=list(event_families()))
    text: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check(name="word_equals_body_span")
    def text_in_body(cls, df: pd.DataFrame) -> Series[bool]:
        return values.spans_match_body(df, "text")

    class Config:
        unique = ("doc_id", "sentence_no", "family")


class Sentences(_Spanned):
    """core.sentences: boundaries inside the body."""

    sentence_no: Series[int] = pa.Field(ge=0)

    class Config:
        unique = ("doc_id", "sentence_no")


class Entities(pa.DataFrameModel):
    """core.entities: the registry; one row per entity id."""

    entity_id: Series[str] = pa.Field(unique=True, str_matches=values.ENTITY_ID)
    canonical_name: Series[str] = pa.Field(str_length={"min_value": 1})
    type: Series[str] = pa.Field(isin=list(ENTITY_TYPES))
    variants: Series[object]
    first_seen: Series[str] = pa.Field(nullable=True, str_matches=values.ISO_DATE_OR_TIME)
    last_seen: Series[str] = pa.Field(nullable=True, str_matches=values.ISO_DATE_OR_TIME)
    doc_count: Series[int] = pa.Field(ge=1)
    mention_count: Series[int] = pa.Field(ge=1)

    @pa.check("variants", name="variants_are_surface_forms")
    def variants_named(cls, variants: Series[object]) -> Series[bool]:
        return values.lists_of_names(variants) & (variants.map(len) > 0)

    @pa.dataframe_check(name="mentions_at_least_documents")
    def mentions_cover_documents(cls, df: pd.DataFrame) -> Series[bool]:
        return df["mention_count"] >= df["doc_count"]

    @pa.dataframe_check(name="first_seen_not_after_last_seen")
    def seen_in_order(cls, df: pd.DataFrame) -> Series[bool]:
        return df["first_seen"].isna() | df["last_seen"].isna() | (df["first_seen"] <= df["last_seen"])

    class Config:
        coerce = True
