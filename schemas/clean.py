"""Contract of the clean layer: one cleaned document per doc_id."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from presseschau.models import FORMATS
from schemas import values

STATUSES = ("ok", "rejected", "duplicate")


class CleanDocuments(pa.DataFrameModel):
    """clean.documents: body and stated metadata of the current version of each document."""

    doc_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    content_sha256: Series[str] = pa.Field(str_matches=values.SHA256_HEX)
    version: Series[int] = pa.Field(ge=1)
    clean_version: Series[int] = pa.Field(ge=1)
    format: Series[str] = pa.Field(isin=list(FORMATS), nullable=True)
    encoding: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1})
    language: Series[str] = pa.Field(str_matches=values.ISO_639_1, nullable=True)
    status: Series[str] = pa.Field(isin=list(STATUSES))
    reject_reason: Series[str] = pa.Field(nullable=True, str_matches=values.REASON_TAG)
    duplicate_of: Series[str] = pa.Field(nullable=True)
    title: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1})
    title_derived: Series[bool]
    published: Series[str] = pa.Field(str_matches=values.ISO_DATE_OR_TIME, nullable=True)
    authors: Series[object]
    paywalled: Series[bool]
    body: Series[str]
    body_sha256: Series[str] = pa.Field(str_matches=values.SHA256_HEX)
    chars_in: Series[int] = pa.Field(ge=0)

    @pa.check("published", name="published_is_a_real_date")
    def published_real(cls, published: Series[str]) -> Series[bool]:
        return values.real_calendar_dates(published)

    @pa.check("published", name="published_between_1990_and_today")
    def published_in_range(cls, published: Series[str]) -> Series[bool]:
        return values.published_in_range(published)

    @pa.check("authors", name="authors_are_names")
    def authors_are_names(cls, authors: Series[object]) -> Series[bool]:
        return values.lists_of_names(authors)

    @pa.check("body", name="body_free_of_control_characters")
    def body_printable(cls, body: Series[str]) -> Series[bool]:
        return values.free_of_control_characters(body)

    @pa.dataframe_check(name="ok_documents_have_a_body")
    def ok_has_body(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] != "ok") | (df["body"].str.strip().str.len() > 0)

    @pa.dataframe_check(name="ok_documents_have_format_and_encoding")
    def ok_was_decoded(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] != "ok") | (df["format"].notna() & df["encoding"].notna())

    @pa.dataframe_check(name="only_unusable_documents_have_a_reason")
    def reason_iff_not_ok(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] == "ok") == df["reject_reason"].isna()

    @pa.dataframe_check(name="duplicates_point_at_another_document")
    def duplicate_points_elsewhere(cls, df: pd.DataFrame) -> Series[bool]:
        is_duplicate = df["status"] == "duplicate"
        pointed = df["duplicate_of"].notna() & (df["duplicate_of"] != df["doc_id"])
        return (is_duplicate & pointed) | (~is_duplicate & df["duplicate_of"].isna())

    class Config:
        strict = False
        coerce = True
