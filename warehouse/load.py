"""Writing step outputs into the working warehouse: bulk, by column name, per document."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import duckdb
import pandas as pd

from warehouse.sql import append, one_row, registered, replace_documents, run_step, step_sql

CORE_TABLES = ("sentences", "mentions", "quotes", "dates", "amounts", "weekdays", "event_mentions", "terms")


def entity_id(name: str, entity_type: str) -> str:
    """Stable id of a registry entity: the same canonical name and type always map to it."""
    return hashlib.sha1(f"{entity_type}|{name}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class KnownContent:
    """What raw.documents knows of a document's contents."""

    current: str | None
    """Content hash of its current version (None when its clean row is missing)."""
    latest: int
    """Its highest version number."""
    versions: dict[str, int]
    """Version number of every content it has had, by content hash."""
    cleaned_by: int | None = None
    """The cleaning version (presseschau.clean.VERSION) that made its clean row."""


def known_contents(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, KnownContent]:
    """The stored contents of the documents `doc_ids`."""
    rows = con.execute(
        """
        SELECT r.doc_id, any_value(c.content_sha256), max(r.version), list(r.content_sha256), list(r.version),
            any_value(c.clean_version)
        FROM raw.documents AS r LEFT JOIN clean.documents AS c USING (doc_id)
        WHERE r.doc_id IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY r.doc_id
        """,
        [doc_ids],
    ).fetchall()
    return {
        doc_id: KnownContent(sha, latest, dict(zip(hashes, versions, strict=True)), cleaned_by)
        for doc_id, sha, latest, hashes, versions, cleaned_by in rows
    }


def tracks_inputs(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse has what a run's plan reads (input states, gone inputs, cleaning
    versions); one built by older code has not until its next build adds them."""
    (found,) = one_row(
        con,
        "SELECT count(*) FROM duckdb_columns() WHERE (schema_name = 'ops' "
        "AND table_name IN ('input_files', 'gone_inputs') AND column_index = 1) "
        "OR (schema_name = 'clean' AND table_name = 'documents' AND column_name = 'clean_version')",
    ) or (0,)
    return found == 3


def settings_of_last_run(con: duckdb.DuckDBPyConnection) -> str | None:
    """The settings hash of the last completed run; None for a warehouse built before input states."""
    if not tracks_inputs(con):
        return None
    last = one_row(
        con,
        "SELECT settings_sha256 FROM ops.runs WHERE status = 'completed' ORDER BY finished_at DESC LIMIT 1",
    )
    return last[0] if last else None


def pending_extraction(con: duckdb.DuckDBPyConnection, version: int) -> list[str]:
    """The doc_ids whose core facts are missing, or were extracted from another body or by an
    extraction older than `version`."""
    pending = con.execute(step_sql("pending_extraction"), {"version": version}).fetchall()
    return [doc_id for (doc_id,) in pending]


def unchanged_inputs(con: duckdb.DuckDBPyConnection, states: pd.DataFrame, cleaning_version: int) -> set[str]:
    """doc_ids of the files whose state (see ops.input_files) is the one recorded when last read,
    unless a cleaning other than `cleaning_version` made their documents: those are read again."""
    if states.empty:
        return set()
    with registered(con, "_states", states):
        rows = con.execute(
            "SELECT doc_id FROM _states JOIN ops.input_files "
            "USING (doc_id, source_path, size_bytes, modified_ns, changed_ns, inode) "
            "WHERE doc_id NOT IN (SELECT doc_id FROM clean.documents WHERE clean_version IS DISTINCT FROM ?)",
            [cleaning_version],
        ).fetchall()
    return {doc_id for (doc_id,) in rows}


def input_paths(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, str]:
    """doc_id → the path its file was read from last: ops.input_files, or for a file read before
    its state settled (which has no row there), the source of the current version."""
    rows = con.execute(
        "SELECT d.doc_id, coalesce(f.source_path, d.source_path) FROM clean.documents AS d "
        "LEFT JOIN ops.input_files AS f USING (doc_id) WHERE d.doc_id IN (SELECT unnest(?::VARCHAR[]))",
        [doc_ids],
    ).fetchall()
    return dict(rows)


def gone_changes(
    con: duckdb.DuckDBPyConnection, roots: list[str], seen: list[str]
) -> tuple[pd.DataFrame, list[str]]:
    """Documents whose input file the inputs `roots` no longer hold (doc_id, source_path), and the
    doc_ids marked gone earlier that `seen` (a run's listing) holds again."""
    with registered(con, "_seen", pd.DataFrame({"doc_id": seen}, dtype=object)):
        gone = con.execute(step_sql("inputs_gone"), {"roots": roots}).df()
        back = con.execute("SELECT doc_id FROM ops.gone_inputs WHERE doc_id IN (SELECT doc_id FROM _seen)")
        return gone, [doc_id for (doc_id,) in back.fetchall()]


def in_exact_duplicates(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> bool:
    """Whether any of `doc_ids` is an exact duplicate or the document others duplicate exactly."""
    (count,) = one_row(
        con,
        "SELECT count(*) FROM clean.documents WHERE reject_reason = 'exact_duplicate' AND "
        "(doc_id IN (SELECT unnest($ids::VARCHAR[])) OR duplicate_of IN (SELECT unnest($ids::VARCHAR[])))",
        {"ids": doc_ids},
    ) or (0,)
    return bool(count)


def store_gone(con: duckdb.DuckDBPyConnection, run_id: str, gone: pd.DataFrame, back: list[str]) -> None:
    """Mark documents whose input file is gone, and unmark those whose file is there again."""
    if back:
        con.execute("DELETE FROM ops.gone_inputs WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [back])
    append(con, "ops.gone_inputs", gone.assign(gone_since=_now(), run_id=run_id))


def store_input_states(con: duckdb.DuckDBPyConnection, run_id: str, states: pd.DataFrame) -> None:
    """Record the state in which each file was read, replacing the one from an earlier run."""
    append(con, "ops.input_files", states.assign(run_id=run_id), replace=True)


def store_raw(con: duckdb.DuckDBPyConnection, raw: pd.DataFrame) -> int:
    columns = [
        "doc_id",
        "content_sha256",
        "version",
        "source_path",
        "size_bytes",
        "content",
        "encoding",
        "format",
        "reject_reason",
        "run_id",
    ]
    extra = [c for c in ("url", "http_status", "http_headers", "fetched_at") if c in raw.columns]
    # A file back at content it had before is that earlier version again: its row is there.
    return append(con, "raw.documents", raw[columns + extra], keep_existing=True)


def store_clean(con: duckdb.DuckDBPyConnection, clean: pd.DataFrame) -> int:
    """Replace the documents' clean rows, MinHash signatures, LSH band keys and candidate
    boilerplate lines.

    Only documents stored before have rows to delete (see `store_facts`): a later version, or a
    file back at its first content (version 1 again).
    """
    doc_ids = [
        doc_id
        for (doc_id,) in con.execute(
            "SELECT doc_id FROM clean.documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [clean["doc_id"].tolist()],
        ).fetchall()
    ]
    columns = [row[0] for row in con.execute("DESCRIBE clean.documents").fetchall()]
    signed = clean[clean["signature"].map(len) > 0]
    bands = signed[["doc_id", "band_keys"]].explode("band_keys").rename(columns={"band_keys": "band_key"})
    replace_documents(con, "clean.fingerprints", doc_ids, signed[["doc_id", "signature"]])
    replace_documents(con, "clean.lsh_bands", doc_ids, bands)
    replace_documents(con, "clean.lines", doc_ids, pd.DataFrame())
    bodies = clean.loc[clean["body"].notna(), ["doc_id", "body"]]
    with registered(con, "_stored", bodies):
        run_step(con, "store_lines")
    return replace_documents(con, "clean.documents", doc_ids, clean[columns])


def store_facts(con: duckdb.DuckDBPyConnection, doc_ids: list[str], tables: dict[str, pd.DataFrame]) -> None:
    """Replace every core row of `doc_ids` with the newly extracted ones (call it in a transaction).

    Only documents extracted before (a row in core.extracted) have rows to delete: a delete
    scans its whole table, so deleting for new documents would make loading quadratic.

    This is what keeps the key of each table in CORE_TABLES unique across batches: a document's
    rows arrive in one batch, whose contract checked the key (flows/steps.py:checked_facts), and
    its old rows go in the same transaction. The tables declare no primary key: DuckDB keeps an
    ART index for one. At 100,000 documents those indexes made storing a batch of 200 about twice
    as slow (0.35-0.54 s against 0.19-0.36 s) and the warehouse file twice as large (3.8 against
    1.7 GB). Deleting a changed document's rows had to load them, more than the writer's 256 MB.
    """
    previous = con.execute(
        "SELECT doc_id FROM core.extracted WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids]
    ).fetchall()
    stale = [doc_id for (doc_id,) in previous]
    for name in (*CORE_TABLES, "extracted"):
        frame = tables[name]
        columns = [row[0] for row in con.execute(f"DESCRIBE core.{name}").fetchall()]
        replace_documents(con, f"core.{name}", stale, frame, [c for c in columns if c in frame.columns])


def store_quarantine(con: duckdb.DuckDBPyConnection, run_id: str, step: str, failures: pd.DataFrame) -> int:
    if failures.empty:
        return 0
    return append(con, "ops.quarantine", failures.assign(run_id=run_id, step=step))


def store_validation(
    con: duckdb.DuckDBPyConnection, run_id: str, step: str, schema: str, rows_in: int, rows_out: int
) -> None:
    """Add a batch's counts to the step's row of ops.step_validations for this run."""
    con.execute(
        """
        INSERT INTO ops.step_validations VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (run_id, step, schema_name) DO UPDATE SET
            rows_in = rows_in + excluded.rows_in,
            rows_out = rows_out + excluded.rows_out,
            rows_quarantined = rows_quarantined + excluded.rows_quarantined
        """,
        [run_id, step, schema, rows_in, rows_out, rows_in - rows_out],
    )


@dataclass(frozen=True)
class RunIdentity:
    """A run as ops.runs knows it: its ids, the code that ran and what it was configured with."""

    run_id: str
    flow_run_id: str | None
    code_version: str
    settings_sha256: str


def start_run(con: duckdb.DuckDBPyConnection, run: RunIdentity) -> None:
    con.execute(
        "INSERT INTO ops.runs BY NAME SELECT ? AS run_id, ? AS flow_run_id, ? AS started_at, "
        "'running' AS status, 0 AS inputs_seen, 0 AS inputs_new, 0 AS docs_loaded, 0 AS docs_rejected, "
        "? AS code_version, ? AS settings_sha256",
        [run.run_id, run.flow_run_id, _now(), run.code_version, run.settings_sha256],
    )


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    status: str,
    counts: dict[str, int],
    message: str | None,
    step_seconds: dict[str, float] | None = None,
) -> None:
    con.execute(
        """
        UPDATE ops.runs SET finished_at = ?, status = ?, inputs_seen = ?, inputs_new = ?,
            docs_loaded = ?, docs_rejected = ?, message = ?, step_seconds = ?
        WHERE run_id = ?
        """,
        [
            _now(),
            status,
            counts.get("inputs_seen", 0),
            counts.get("inputs_new", 0),
            counts.get("docs_loaded", 0),
            counts.get("docs_rejected", 0),
            message,
            json.dumps(step_seconds or {}),
            run_id,
        ],
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
