"""Contract of the raw layer: what ingest hands on."""

from __future__ import annotations

import hashlib

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from presseschau.models import FORMATS
from schemas import values


class RawDocuments(pa.DataFrameModel):
    """raw.documents: one row per input version, bytes kept."""

    doc_id: Series[str] = pa.Field(str_length={"min_value": 1})
    content_sha256: Series[str] = pa.Field(str_matches=values.SHA256_HEX)
    version: Series[int] = pa.Field(ge=1)
    source_path: Series[str] = pa.Field(str_length={"min_value": 1})
    size_bytes: Series[int] = pa.Field(ge=0)
    content: Series[object] = pa.Field(nullable=True)
    encoding: Series[str] = pa.Field(nullable=True)
    format: Series[str] = pa.Field(isin=list(FORMATS), nullable=True)
    reject_reason: Series[str] = pa.Field(nullable=True, str_matches=values.REASON_TAG)
    run_id: Series[str]

    @pa.dataframe_check(name="content_matches_its_hash_and_size")
    def content_matches(cls, df: pd.DataFrame) -> Series[bool]:
        """Bytes that are kept hash to content_sha256 and have size_bytes bytes."""
        return pd.Series(
            [
                not isinstance(content, bytes)
                or (len(content) == size and hashlib.sha256(content).hexdigest() == sha)
                for content, size, sha in zip(
                    df["content"], df["size_bytes"], df["content_sha256"], strict=True
                )
            ],
            index=df.index,
            dtype=bool,
        )

    @pa.dataframe_check(name="readable_inputs_have_encoding_and_format")
    def decoded_unless_rejected(cls, df: pd.DataFrame) -> Series[bool]:
        return df["reject_reason"].notna() | (df["encoding"].notna() & df["format"].notna())

    class Config:
        unique = ("doc_id", "content_sha256")
        strict = False
        coerce = True
