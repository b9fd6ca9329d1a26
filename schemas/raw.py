"""Contract of the raw layer: what ingest hands on."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from presseschau.models import FORMATS


class RawDocuments(pa.DataFrameModel):
    """raw.documents: one row per input version, bytes kept."""

    doc_id: Series[str] = pa.Field(str_length={"min_value": 1})
    content_sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    version: Series[int] = pa.Field(ge=1)
    source_path: Series[str]
    size_bytes: Series[int] = pa.Field(ge=0)
    encoding: Series[str] = pa.Field(nullable=True)
    format: Series[str] = pa.Field(isin=list(FORMATS), nullable=True)
    reject_reason: Series[str] = pa.Field(nullable=True)
    run_id: Series[str]

    class Config:
        unique = ("doc_id", "content_sha256")
        strict = False
        coerce = True
