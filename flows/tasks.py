"""Prefect tasks, each named after what it produces, each working on a batch.

Tasks that write run in the flow's process (DuckDB allows one writer) and get
the working warehouse's path, never a connection. Pure tasks (`cleaned_batch`,
`extracted_batch`) may run in other processes or on a Dask cluster.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
from prefect import task
from prefect.cache_policies import NONE

from flows import progress, steps
from flows.inputs import (
    InputPlan,
    input_states,
    new_versions,
    plan_inputs,
    read_inputs,
    record_unchanged_run,
)
from presseschau.dedup import body_fingerprint
from presseschau.extract import VERSION as EXTRACTION_VERSION
from presseschau.extract.variants import RegistryEntry, assign_canonical, load_aliases
from presseschau.sources import InputFile
from schemas import core as core_schemas
from schemas import marts as mart_schemas
from schemas.contract import Checked, check
from warehouse import load, store
from warehouse.sql import append, one_row, publish_views, registered, run_step, step_sql

# Every task runs with cache_policy=NONE: inputs are DataFrames and paths, and hashing
# them for a cache would cost more than the work.

# Bodies and view rows are read this many documents at a time, so that memory does not grow
# with the corpus; a view's slice is a range of doc_ids, which DuckDB pushes down into its scans.
_SLICE_DOCUMENTS = 2_000


@task(name="planned inputs", cache_policy=NONE)
def planned_inputs(inputs: list[str], db_path: str, settings_sha256: str, max_bytes: int) -> InputPlan:
    return plan_inputs(inputs, db_path, settings_sha256, max_bytes)


@task(name="unchanged run recorded", cache_policy=NONE)
def unchanged_run_recorded(
    db_path: str, run: load.RunIdentity, plan: InputPlan, max_bytes: int, counts: dict[str, int]
) -> list[str] | None:
    return record_unchanged_run(db_path, run, plan, max_bytes, counts)


@task(name="new inputs", cache_policy=NONE)
def new_inputs(files: list[InputFile], db_path: str, max_bytes: int, run_id: str) -> pd.DataFrame:
    """Read and hash the batch; keep only inputs whose content is not the stored current version.

    Each file's state is recorded as it was found, before reading: a file that changes
    meanwhile has another state by the next run, which therefore reads it again.
    """
    with store.connect(db_path) as con:
        known = load.known_contents(con, [f.doc_id for f in files])
        load.store_input_states(con, run_id, input_states(files))
    return new_versions(read_inputs(files, max_bytes), known)


@task(name="cleaned batch", cache_policy=NONE)
def cleaned_batch(raw: pd.DataFrame, max_body_chars: int, run_id: str) -> steps.CheckedDocuments:
    return steps.checked_documents(steps.clean_batch(raw, max_body_chars), run_id)


@task(name="stored documents", cache_policy=NONE)
def stored_documents(documents: steps.CheckedDocuments, db_path: str, run_id: str) -> int:
    """Store a checked batch in raw and clean; rows that failed a contract are stored as rejected."""
    with store.connect(db_path) as con, store.transaction(con):
        for step, model_name, rows_in, checked in documents.checks:
            _store_check(con, run_id, step, model_name, rows_in, checked)
        load.store_raw(con, documents.raw)
        for step, failures in documents.rejected.items():
            load.store_quarantine(con, run_id, step, failures)
        load.store_clean(con, documents.clean)
    return int((documents.clean["status"] == "ok").sum())


@task(name="duplicates marked", cache_policy=NONE)
def duplicates_marked(db_path: str, near_threshold: float) -> None:
    """Exact duplicates first (same normalised body), then near duplicates among the rest."""
    with store.connect(db_path) as con:
        run_step(con, "mark_exact_duplicates")
        run_step(con, "mark_near_duplicates", {"threshold": near_threshold})
        run_step(con, "drop_stale_facts")


@task(name="boilerplate learned", cache_policy=NONE)
def boilerplate_learned(db_path: str, run_id: str) -> int:
    """Learn lines that recur across an outlet's documents and remove them from its bodies."""
    with store.connect(db_path) as con:
        run_step(con, "learn_boilerplate", {"run_id": run_id})
        run_step(con, "find_boilerplate", {"slice_documents": _SLICE_DOCUMENTS})
        # A first run trims a third of the corpus: a slice of the bodies at a time, each slice
        # a range of doc_ids so that its statements read only the row groups holding it.
        slices = con.execute("SELECT slice, min(doc_id), max(doc_id) FROM _rewrite GROUP BY ALL ORDER BY 1")
        trimmed = 0
        for number, first, last in slices.fetchall():
            with store.transaction(con):
                run_step(con, "apply_boilerplate", {"slice": number, "first": first, "last": last})
                hashed = con.execute("SELECT doc_id, body FROM _trimmed").df()
                hashed["body_sha256"] = hashed.pop("body").map(body_fingerprint)
                with registered(con, "_hashed", hashed):
                    run_step(con, "store_trimmed")
            trimmed += len(hashed)
        con.execute("DROP TABLE _rewrite; DROP TABLE _hit; DROP TABLE _segments")
        return trimmed


@task(name="documents pending extraction", cache_policy=NONE)
def documents_pending_extraction(db_path: str) -> list[str]:
    """The doc_ids whose facts are missing or stale (their bodies are read a batch at a time)."""
    with store.connect(db_path) as con:
        return load.pending_extraction(con, EXTRACTION_VERSION)


@task(name="documents to extract", cache_policy=NONE)
def documents_to_extract(db_path: str, doc_ids: list[str]) -> pd.DataFrame:
    with store.connect(db_path) as con:
        batch = {"doc_ids": doc_ids, "first": min(doc_ids), "last": max(doc_ids)}
        return con.execute(step_sql("documents_to_extract"), batch).df()


@task(name="extracted batch", cache_policy=NONE)
def extracted_batch(docs: pd.DataFrame, run_id: str) -> steps.CheckedFacts:
    return steps.checked_facts(steps.extract_batch(docs), docs, run_id)


@task(name="core facts", cache_policy=NONE)
def core_facts(facts: steps.CheckedFacts, docs: pd.DataFrame, db_path: str, run_id: str) -> int:
    """Store a batch's checked core tables (names are resolved later by `entity_registry`)."""
    with store.connect(db_path) as con, store.transaction(con):
        for model_name, rows_in, checked in facts.checks:
            _store_check(con, run_id, "extract", model_name, rows_in, checked)
        load.store_facts(con, docs["doc_id"].tolist(), facts.tables)
        load.store_quarantine(con, run_id, "extract", facts.failures)
        load.store_validation(con, run_id, "extract", "extract()", len(docs), len(docs) - len(facts.failures))
    return len(docs)


# Resolution reaches its fixed point in two or three rounds; the cap only guards against cycles.
_MAX_RESOLUTION_ROUNDS = 5
# Equal for two registries with the same entities and variants.
_REGISTRY_HASH = "SELECT count(*), sum(hash(entity_id, variants)) FROM core.entities"


@task(name="entity registry", cache_policy=NONE)
def entity_registry(db_path: str, run_id: str, aliases_path: str) -> int:
    """Resolve name variants across the whole corpus, then rebuild core.entities from the mentions.

    Resolution sees every document's names at once, so its result does not depend on the order
    or batches in which documents arrived; the previous registry and the alias file steer it.
    """
    aliases = load_aliases(Path(aliases_path) if aliases_path else None)
    with store.connect(db_path) as con:
        # Documents naming each (doc_name, type), and the canonical names its mentions that earlier
        # runs extracted carry: what this run renames is recorded (ops.renames).
        documents: dict[tuple[str, str], int] = {}
        earlier: dict[tuple[str, str], list[str]] = {}
        for name, kind, n, names in con.execute(
            "SELECT doc_name, type, count(DISTINCT doc_id), list(DISTINCT name) FILTER (WHERE run_id <> ?) "
            "FROM core.mentions GROUP BY ALL",
            [run_id],
        ).fetchall():
            documents[(name, kind)] = n
            earlier[(name, kind)] = names or []
        # Resolve until nothing changes: the registry a resolution produces steers the next one
        # (a variant seen under a full name joins it), so a rerun would otherwise rename entities.
        for round_no in range(_MAX_RESOLUTION_ROUNDS):
            previous = [
                RegistryEntry(name, kind, tuple(variants))
                for name, kind, variants in con.execute(
                    "SELECT canonical_name, type, variants FROM core.entities ORDER BY ALL"
                ).fetchall()
            ]
            canonical = assign_canonical(documents, previous, aliases)
            resolved = pd.DataFrame(
                [
                    (doc_name, kind, name, load.entity_id(name, kind))
                    for (doc_name, kind), name in canonical.items()
                ],
                columns=["doc_name", "type", "name", "entity_id"],
            )
            with registered(con, "_resolved", resolved):
                renamed = run_step(con, "resolve_entities")
            # After the first round the registry was just rebuilt from these mentions: when this
            # resolution renames none of them, rebuilding it again would give the same registry.
            if round_no and not renamed:
                break
            before = one_row(con, _REGISTRY_HASH)
            run_step(con, "rebuild_entities")
            if one_row(con, _REGISTRY_HASH) == before:
                break
        renames = [
            {
                "run_id": run_id,
                "doc_name": doc_name,
                "type": kind,
                "old_name": old,
                "new_name": canonical[doc_name, kind],
            }
            for (doc_name, kind), names in earlier.items()
            for old in names
            if old != canonical[doc_name, kind]
        ]
        append(con, "ops.renames", pd.DataFrame(renames))
        entities = con.execute("SELECT * FROM core.entities").df()
        _checked(con, run_id, "registry", core_schemas.Entities, entities)
        # A speaker must be an entity of the registry: this run's quotes whose speaker is not
        # are quarantined for it, and every such quote keeps its text without a speaker.
        speakers = con.execute(
            "SELECT doc_id, quote_no, speaker, "
            "coalesce(speaker_id IN (SELECT entity_id FROM core.entities), false) AS speaker_registered "
            "FROM core.quotes WHERE run_id = ? AND speaker IS NOT NULL",
            [run_id],
        ).df()
        _checked(con, run_id, "registry", core_schemas.QuoteSpeakers, speakers)
        con.execute(
            "UPDATE core.quotes SET speaker = NULL, speaker_id = NULL, speaker_type = NULL "
            "WHERE speaker_id IS NULL OR speaker_id NOT IN (SELECT entity_id FROM core.entities)"
        )
        return len(entities)


@task(name="inferred dates", cache_policy=NONE)
def inferred_dates(db_path: str, run_id: str) -> int:
    """Date the weekdays of undated articles from other articles about the same event."""
    with store.connect(db_path) as con:
        run_step(con, "infer_weekday_dates", {"run_id": run_id})
        (count,) = one_row(con, "SELECT count(*) FROM core.dates WHERE inferred_from IS NOT NULL") or (0,)
        return int(count)


@task(name="published views", cache_policy=NONE)
def published_views(db_path: str, run_id: str) -> list[str]:
    """(Re)create the mart views and check this run's rows of each view that has a contract."""
    with store.connect(db_path) as con:
        con.execute("CHECKPOINT")  # free the run's updates held in memory before the big reads
        views = publish_views(con)
        run_documents = [
            doc_id
            for (doc_id,) in con.execute(
                "SELECT doc_id FROM clean.documents WHERE run_id = ? ORDER BY doc_id", [run_id]
            ).fetchall()
        ]
        if not run_documents:  # an unchanged corpus: every row was checked when it was written
            return views
        for view in views:
            contract = mart_schemas.CONTRACTS.get(view)
            if contract is not None:
                for rows in _rows_of_run(
                    con, view, list(contract.to_schema().columns), run_id, run_documents
                ):
                    _checked(con, run_id, "publish", contract, rows)
        return views


def _rows_of_run(
    con: duckdb.DuckDBPyConnection, view: str, checked: list[str], run_id: str, run_documents: list[str]
) -> Iterator[pd.DataFrame]:
    """The `checked` columns of the rows of a view this run produced, by its documents (the sorted
    `run_documents`) a slice at a time, and by run_id where the view has one. A view with neither
    column (an aggregate) is checked whole; reading only the checked columns spares DuckDB its
    lists (marts.timeline's doc_ids, at 100,000 documents more than the writer's memory).
    """
    schema, name = view.split(".")
    columns = {
        column
        for (column,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ?",
            [schema, name],
        ).fetchall()
    }
    where: list[str] = []
    params: dict[str, object] = {}
    if "run_id" in columns:
        where, params = ["run_id = $run_id"], {"run_id": run_id}
    # A declared column the view lacks is left for the contract to report.
    checked = [column for column in checked if column in columns]
    if "doc_id" not in columns:
        yield _select(con, view, checked, where, params)
        return
    for start in range(0, len(run_documents), _SLICE_DOCUMENTS):
        documents = run_documents[start : start + _SLICE_DOCUMENTS]
        yield _select(
            con,
            view,
            checked,
            [*where, "doc_id BETWEEN $first AND $last", "doc_id IN (SELECT unnest($documents::VARCHAR[]))"],
            {**params, "first": documents[0], "last": documents[-1], "documents": documents},
        )


def _select(
    con: duckdb.DuckDBPyConnection,
    view: str,
    columns: list[str],
    where: list[str],
    params: dict[str, object],
) -> pd.DataFrame:
    selected = ", ".join(f'"{column}"' for column in columns)
    condition = " AND ".join(where) or "true"
    return con.execute(f"SELECT {selected} FROM {view} WHERE {condition}", params or None).df()


def _checked(
    con: duckdb.DuckDBPyConnection, run_id: str, step: str, model: type, frame: pd.DataFrame
) -> Checked:
    with progress.timed("validate"):
        checked = check(model, frame)
    _store_check(con, run_id, step, model.__name__, len(frame), checked)
    return checked


def _store_check(
    con: duckdb.DuckDBPyConnection, run_id: str, step: str, contract: str, rows_in: int, checked: Checked
) -> None:
    """A contract's result in the warehouse: its failures quarantined, its counts recorded."""
    load.store_quarantine(con, run_id, step, checked.failures)
    load.store_validation(con, run_id, step, contract, rows_in, len(checked.valid))
