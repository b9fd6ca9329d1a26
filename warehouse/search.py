"""Full-text search over clean bodies: BM25 ranking in SQL over the core.terms index.

DuckDB's `fts` extension cannot be installed here, so the flow keeps its own inverted
index (core.terms: stem, document, term frequency, built by `presseschau.search.terms`)
and this module ranks with Okapi BM25:

    score(d) = Σ_t idf(t) · tf(t,d)·(k1+1) / (tf(t,d) + k1·(1 − b + b·|d|/avgdl))
    idf(t)   = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))

Only the query's rows of the index and the lengths of matching documents are read, so a
search stays fast as the corpus grows.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from presseschau.search import Segment, snippet, terms

K1 = 1.2
"""Term-frequency saturation: how quickly more occurrences stop adding to the score."""
B = 0.75
"""Length normalisation: how much a long document is penalised for its length."""

_BM25 = """
WITH query AS (SELECT DISTINCT unnest($terms::VARCHAR[]) AS term),
matches AS (
    SELECT t.doc_id, t.term, t.tf FROM core.terms AS t JOIN query USING (term)
),
corpus AS (
    SELECT count(DISTINCT doc_id) AS n, sum(tf) / greatest(count(DISTINCT doc_id), 1) AS avgdl FROM core.terms
),
frequencies AS (SELECT term, count(*) AS df FROM matches GROUP BY term),
lengths AS (
    SELECT doc_id, sum(tf) AS dl FROM core.terms
    WHERE doc_id IN (SELECT doc_id FROM matches) GROUP BY doc_id
),
scored AS (
    SELECT m.doc_id,
           sum(ln(1 + (c.n - f.df + 0.5) / (f.df + 0.5)) * m.tf * ($k1 + 1)
               / (m.tf + $k1 * (1 - $b + $b * l.dl / c.avgdl))) AS score,
           count(*) AS matched_terms
    FROM matches AS m
    JOIN frequencies AS f USING (term)
    JOIN lengths AS l USING (doc_id)
    CROSS JOIN corpus AS c
    GROUP BY m.doc_id
)
SELECT s.doc_id, s.score, s.matched_terms, d.outlet, d.published, d.title, d.body
FROM scored AS s
JOIN clean.documents AS d USING (doc_id)
WHERE d.status = 'ok'
ORDER BY s.score DESC, s.doc_id
LIMIT $limit
"""


@dataclass(frozen=True)
class Hit:
    """One ranked document with a snippet around the query's words."""

    doc_id: str
    score: float
    matched_terms: int
    outlet: str | None
    published: str | None
    title: str | None
    snippet: tuple[Segment, ...]


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> list[Hit]:
    """The `limit` best documents for `query` by BM25, best first; none for a query without words."""
    query_terms = list(dict.fromkeys(terms(query)))
    if not query_terms or limit < 1:
        return []
    rows = con.execute(_BM25, {"terms": query_terms, "k1": K1, "b": B, "limit": limit}).fetchall()
    wanted = set(query_terms)
    return [
        Hit(doc_id, float(score), int(matched), outlet, published, title, snippet(body, wanted))
        for doc_id, score, matched, outlet, published, title, body in rows
    ]
