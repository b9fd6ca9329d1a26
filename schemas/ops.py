"""Contracts of the ops layer: what the flow records about its own runs.

The flow writes these rows itself, so the tests hold every run's ops tables to them;
`presseschau schemas` documents them with the data layers.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

RUN_STATUSES = ("running", "completed", "failed")
# The steps that quarantine or validate rows, in the order a run reaches them (fetching
# quarantines the URLs that did not land; it has no contract of its own).
STEPS = ("fetch", "ingest", "clean", "extract", "registry", "publish")
RUN_ID = r"^\d{8}T\d{6}-[0-9a-f]{8}$"


class Runs(pa.DataFrameModel):
    """ops.runs: one row per run, finished ones with their end time and counts."""

    run_id: Series[str] = pa.Field(unique=True, str_matches=RUN_ID)
    flow_run_id: Series[str] = pa.Field(nullable=True)
    started_at: Series[pd.Timestamp]
    finished_at: Series[pd.Timestamp] = pa.Field(nullable=True)
    status: Series[str] = pa.Field(isin=list(RUN_STATUSES))
    inputs_seen: Series[int] = pa.Field(ge=0)
    inputs_new: Series[int] = pa.Field(ge=0)
    docs_loaded: Series[int] = pa.Field(ge=0)
    docs_rejected: Series[int] = pa.Field(ge=0)
    code_version: Series[str] = pa.Field(nullable=True)
    message: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="finished_runs_have_an_end_after_their_start")
    def finished_in_order(cls, df: pd.DataFrame) -> Series[bool]:
        running = df["status"] == "running"
        ended = df["finished_at"].notna() & (df["finished_at"] >= df["started_at"])
        return (running & df["finished_at"].isna()) | (~running & ended)

    @pa.dataframe_check(name="failed_runs_say_why")
    def failure_explained(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] != "failed") | (df["message"].str.strip().str.len() > 0).fillna(False)

    @pa.dataframe_check(name="new_inputs_within_seen_inputs")
    def counts_nest(cls, df: pd.DataFrame) -> Series[bool]:
        stored = df["docs_loaded"] + df["docs_rejected"]
        return (df["inputs_new"] <= df["inputs_seen"]) & (stored <= df["inputs_new"])

    class Config:
        strict = False
        coerce = True


class StepValidations(pa.DataFrameModel):
    """ops.step_validations: per run, step and contract, rows in = rows out + rows quarantined."""

    run_id: Series[str] = pa.Field(str_matches=RUN_ID)
    step: Series[str] = pa.Field(isin=list(STEPS))
    schema_name: Series[str] = pa.Field(str_length={"min_value": 1})
    rows_in: Series[int] = pa.Field(ge=0)
    rows_out: Series[int] = pa.Field(ge=0)
    rows_quarantined: Series[int] = pa.Field(ge=0)

    @pa.dataframe_check(name="rows_in_equal_out_plus_quarantined")
    def rows_balance(cls, df: pd.DataFrame) -> Series[bool]:
        return df["rows_in"] == df["rows_out"] + df["rows_quarantined"]

    class Config:
        unique = ("run_id", "step", "schema_name")
        coerce = True


class Quarantine(pa.DataFrameModel):
    """ops.quarantine: each rejected row with the step, the check it failed and why."""

    run_id: Series[str] = pa.Field(str_matches=RUN_ID)
    doc_id: Series[str] = pa.Field(nullable=True)
    step: Series[str] = pa.Field(isin=list(STEPS))
    check_name: Series[str] = pa.Field(str_length={"min_value": 1})
    failure_case: Series[str] = pa.Field(nullable=True)
    column_name: Series[str] = pa.Field(nullable=True)
    value: Series[str] = pa.Field(nullable=True)

    @pa.check("failure_case", name="reason_given_in_words")
    def explained(cls, failure_case: Series[str]) -> Series[bool]:
        return (failure_case.str.strip().str.len() > 0).fillna(False).astype(bool)

    class Config:
        coerce = True


class InputFiles(pa.DataFrameModel):
    """ops.input_files: each input file's state when a run last read it (one row per doc_id)."""

    doc_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    source_path: Series[str] = pa.Field(str_length={"min_value": 1})
    size_bytes: Series[int] = pa.Field(ge=0)
    modified_ns: Series[int]
    changed_ns: Series[int]
    inode: Series[int] = pa.Field(ge=0)
    run_id: Series[str] = pa.Field(str_matches=RUN_ID)

    class Config:
        coerce = True


class GoneInputs(pa.DataFrameModel):
    """ops.gone_inputs: documents whose input file a run no longer found (one row per doc_id)."""

    doc_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    source_path: Series[str] = pa.Field(str_length={"min_value": 1})
    gone_since: Series[pd.Timestamp]
    run_id: Series[str] = pa.Field(str_matches=RUN_ID)

    class Config:
        coerce = True
