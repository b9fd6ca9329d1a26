"""The read-only queries behind the report: mart views in, `ReportData` out.

Each list is ranked and cut here, so the page stays readable on a large corpus; the
report package only renders what it is given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from presseschau.report.data import (
    Claim,
    ClaimValue,
    DocumentRow,
    EntityCount,
    Failure,
    OutletDay,
    Pair,
    ReportData,
    SpeakerQuotes,
    TimelineDate,
    Validation,
)
from warehouse.sql import one_row

TOP_ENTITIES = 25
TOP_PAIRS = 40
NETWORK_ENTITIES = 14
TIMELINE_DATES = 60
TOP_SPEAKERS = 20
CLAIMS = 50
DAYS = 60
DOCUMENTS = 500


def load_report_data(con: duckdb.DuckDBPyConnection, title: str = "Presseschau") -> ReportData:
    """Everything the report shows, read from the published marts."""
    run_id = _latest_run(con)
    # The claims view is the costliest: read it once, count its conflicts here.
    claims = [_claim(*row) for row in _rows(con, _CLAIMS)]
    conflicts = sum(claim.verdict == "conflict" for claim in claims)
    return ReportData(
        title=title,
        generated_at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        run_id=run_id,
        totals=(*_rows(con, _TOTALS), ("conflicting claims", conflicts)),
        outlet_days=tuple(OutletDay(*row) for row in _rows(con, _OUTLET_DAYS, {"days": DAYS})),
        top_entities=tuple(EntityCount(*row) for row in _rows(con, _TOP_ENTITIES, {"n": TOP_ENTITIES})),
        pairs=tuple(Pair(*row) for row in _rows(con, _PAIRS, {"nodes": NETWORK_ENTITIES, "n": TOP_PAIRS})),
        timeline=tuple(
            TimelineDate(date, precision, start, end, mentions, docs, tuple(events), sentence)
            for date, precision, start, end, mentions, docs, events, sentence in _rows(
                con, _TIMELINE, {"n": TIMELINE_DATES}
            )
        ),
        speakers=tuple(
            SpeakerQuotes(speaker, quotes, docs, tuple(outlets), tuple(examples))
            for speaker, quotes, docs, outlets, examples in _rows(con, _SPEAKERS, {"n": TOP_SPEAKERS})
        ),
        claims=tuple(claims[:CLAIMS]),
        validations=tuple(Validation(*row) for row in _rows(con, _VALIDATIONS, {"run": run_id})),
        failures=tuple(Failure(*row) for row in _rows(con, _FAILURES, {"run": run_id})),
        documents=tuple(DocumentRow(*row) for row in _rows(con, _DOCUMENTS, {"n": DOCUMENTS})),
    )


def _rows(con: duckdb.DuckDBPyConnection, query: str, params: dict[str, Any] | None = None) -> list[Any]:
    return con.execute(query, params or {}).fetchall()


def _latest_run(con: duckdb.DuckDBPyConnection) -> str | None:
    """The latest completed run that validated rows (a run finding nothing new validates none)."""
    row = one_row(
        con,
        "SELECT run_id FROM marts.dq WHERE run_status = 'completed' AND rows_in > 0 "
        "ORDER BY started_at DESC, run_id DESC LIMIT 1",
    )
    return row[0] if row else None


def _claim(
    event: str, participants: list[str], fact: str, verdict: str, within: bool, summary: str, values: list
) -> Claim:
    return Claim(
        event,
        tuple(participants),
        fact,
        verdict,
        within,
        summary,
        tuple(
            ClaimValue(
                v["value"],
                tuple(v["documents"]),
                tuple(v["outlets"]),
                tuple(v["texts"]),
                v["sentence"],
                v["less_precise"],
            )
            for v in values
        ),
    )


_TOTALS = """
SELECT * FROM (VALUES
    ('documents', (SELECT count(*) FROM marts.documents WHERE status = 'ok')),
    ('rejected', (SELECT count(*) FROM marts.documents WHERE status = 'rejected')),
    ('duplicates', (SELECT count(*) FROM marts.documents WHERE status = 'duplicate')),
    ('outlets', (SELECT count(DISTINCT coalesce(outlet, '(unknown)')) FROM marts.documents
                 WHERE status = 'ok')),
    ('entities', (SELECT count(*) FROM marts.top_entities)),
    ('quotes', (SELECT count(*) FROM marts.quotes)),
    ('dates', (SELECT count(*) FROM core.dates))
)
"""

# The most recent days with documents; undated documents keep their own column ("").
_OUTLET_DAYS = """
WITH days AS (
    SELECT DISTINCT published_day FROM marts.documents
    WHERE status = 'ok' AND published_day IS NOT NULL ORDER BY published_day DESC LIMIT $days
)
SELECT coalesce(outlet, '(unknown)'), coalesce(CAST(published_day AS VARCHAR), ''), count(*)
FROM marts.documents
WHERE status = 'ok' AND (published_day IS NULL OR published_day IN (SELECT published_day FROM days))
GROUP BY ALL ORDER BY ALL
"""

_TOP_ENTITIES = """
SELECT name, type, documents, mentions, outlet_count FROM marts.top_entities ORDER BY rank LIMIT $n
"""

# Pairs among the entities named in the most sentences with others, so the network stays legible.
_PAIRS = """
WITH weights AS (
    SELECT name, sum(sentences) AS weight FROM (
        SELECT entity_a AS name, sentences FROM marts.cooccurrence
        UNION ALL SELECT entity_b, sentences FROM marts.cooccurrence
    ) GROUP BY name ORDER BY weight DESC, name LIMIT $nodes
)
SELECT entity_a, type_a, entity_b, type_b, sentences, documents, example_sentences[1]
FROM marts.cooccurrence
WHERE sentences > 0
  AND entity_a IN (SELECT name FROM weights) AND entity_b IN (SELECT name FROM weights)
ORDER BY sentences DESC, documents DESC, entity_a, entity_b
LIMIT $n
"""

_TIMELINE = """
SELECT date, precision, CAST(period_start AS VARCHAR), CAST(period_end AS VARCHAR),
       mentions, documents, events, sentences[1]
FROM (SELECT * FROM marts.timeline ORDER BY mentions DESC, documents DESC, date LIMIT $n)
ORDER BY period_start NULLS LAST, date
"""

_SPEAKERS = """
SELECT speaker, quotes, documents, outlets, longest_quotes FROM marts.quotes_by_speaker LIMIT $n
"""

_CLAIMS = """
SELECT event, participants, fact, verdict, within_document, summary, claim_values FROM marts.claim_conflicts
"""

_VALIDATIONS = """
SELECT step, schema_name, rows_in, rows_out, rows_quarantined FROM marts.dq
WHERE run_id = $run ORDER BY step, schema_name
"""

_FAILURES = """
SELECT step, check_name, failures, coalesce(example_failure, example_value) FROM marts.dq_failures
WHERE run_id = $run ORDER BY failures DESC, step, check_name
"""

_DOCUMENTS = """
SELECT doc_id, outlet, title, published, words, status FROM marts.documents
ORDER BY published_day DESC NULLS LAST, doc_id LIMIT $n
"""
