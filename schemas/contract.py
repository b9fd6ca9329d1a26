"""Applying a contract: validate lazily, keep the rows that pass, quarantine the rest."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib.util import find_spec

import pandas as pd
import pandera.pandas as pa

# pandera's first validation in a process imports `dask.dataframe` when dask is installed (it
# is, for the Dask task runner). Without pyarrow that import fails, but only after loading dask:
# 0.4 s in every run and every worker process. Marked missing, it fails at once, as it would anyway.
if find_spec("pyarrow") is None:
    sys.modules.setdefault("dask.dataframe", None)  # type: ignore[arg-type]

QUARANTINE_COLUMNS = ["doc_id", "check_name", "failure_case", "column_name", "value"]
_VALUE_CHARS = 200


@dataclass(frozen=True)
class Checked:
    """The rows that passed a contract and one quarantine row per failed check."""

    valid: pd.DataFrame
    failures: pd.DataFrame

    @property
    def rejected_doc_ids(self) -> set[str]:
        return set(self.failures["doc_id"].dropna())


def check(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> Checked:
    """Validate `frame` against `model` with lazy=True and split it into passing and failing rows."""
    if frame.empty:
        return Checked(frame, pd.DataFrame(columns=QUARANTINE_COLUMNS))
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    else:
        return Checked(frame, pd.DataFrame(columns=QUARANTINE_COLUMNS))
    # A failed dataframe-wide check is reported once per column: one row per failing row is enough.
    frame_wide = cases["schema_context"] == "DataFrameSchema"
    cases = pd.concat([cases[~frame_wide], cases[frame_wide].drop_duplicates(["check", "index"])])
    cases.loc[cases["schema_context"] == "DataFrameSchema", ["column", "failure_case"]] = None
    failed_rows = cases["index"].dropna()
    # A failure without a row index (a wrong column type, a missing column) condemns every row.
    whole_frame = cases["index"].isna().any()
    bad_index = (
        frame.index if whole_frame else frame.index.intersection(failed_rows.astype(frame.index.dtype))
    )
    failures = pd.DataFrame(
        {
            "doc_id": [_doc_id(frame, idx) for idx in cases["index"]],
            "check_name": cases["check"].astype(str),
            "failure_case": [
                f"{model.__name__}: {row_check} failed"
                + (f" on column {col}" if isinstance(col, str) else "")
                for row_check, col in zip(cases["check"], cases["column"], strict=True)
            ],
            "column_name": cases["column"].where(cases["column"].notna(), None),
            "value": cases["failure_case"].astype(str).str.slice(0, _VALUE_CHARS),
        }
    )
    return Checked(frame.drop(index=bad_index), failures)


def _doc_id(frame: pd.DataFrame, idx: object) -> str | None:
    if idx is None or pd.isna(idx) or "doc_id" not in frame.columns or idx not in frame.index:
        return None
    return str(frame.at[idx, "doc_id"])
