"""Contract of the clean layer: one cleaned document per doc_id."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from presseschau.models import FORMATS

ISO_DATE_OR_TIME = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$"
EARLIEST_PUBLISHED = "1990-01-01"


def _published_in_range(published: pd.Series) -> pd.Series:
    """Not before 1990 and not in the future (a day of slack for time zones)."""
    latest = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    day = published.str.slice(0, 10)
    return published.isna() | ((day >= EARLIEST_PUBLISHED) & (day <= latest))


class CleanDocuments(pa.DataFrameModel):
    """clean.documents: body and stated metadata of the current version of each document."""

    doc_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    content_sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    format: Series[str] = pa.Field(isin=list(FORMATS), nullable=True)
    language: Series[str] = pa.Field(str_matches=r"^[a-z]{2,3}$", nullable=True)
    status: Series[str] = pa.Field(isin=["ok", "rejected", "duplicate"])
    reject_reason: Series[str] = pa.Field(nullable=True)
    duplicate_of: Series[str] = pa.Field(nullable=True)
    title: Series[str] = pa.Field(nullable=True)
    title_derived: Series[bool]
    published: Series[str] = pa.Field(str_matches=ISO_DATE_OR_TIME, nullable=True)
    paywalled: Series[bool]
    body: Series[str]
    chars_in: Series[int] = pa.Field(ge=0)

    @pa.check("published", name="published_between_1990_and_today")
    def published_in_range(cls, published: Series[str]) -> Series[bool]:
        return _published_in_range(published)

    @pa.dataframe_check(name="ok_documents_have_a_body")
    def ok_has_body(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] != "ok") | (df["body"].str.strip().str.len() > 0)

    @pa.dataframe_check(name="rejected_documents_say_why")
    def rejected_has_reason(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] != "rejected") | df["reject_reason"].notna()

    class Config:
        strict = False
        coerce = True
