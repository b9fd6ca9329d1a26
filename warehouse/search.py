"""Full-text search over clean documents: BM25 ranking in SQL over the core.terms index.

DuckDB's `fts` extension cannot be installed here, so the flow keeps its own inverted
index (core.terms: stem, document, term frequency with title and lead weighted, built by
`presseschau.search.term_counts`) and this module ranks with Okapi BM25:

    score(d) = Σ_w idf(w) · tf(w,d)·(k1+1) / (tf(w,d) + k1·(1 − b + b·|d|/avgdl))
    idf(w)   = ln(1 + (N − df(w) + 0.5) / (df(w) + 0.5))

A query word w may stand for several terms (a known entity's spellings, see
`presseschau.search.query_words`): its tf is the sum of theirs, its df the documents holding
any. Documents holding more of the query's words rank first, then by score: a reader who
types two words means both, and a hit that lacks one says so (`Hit.missing`).

Only the query's rows of the index and the lengths of matching documents are read, so a
search stays fast as the corpus grows.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from presseschau.search import KnownName, Segment, name_candidates, query_words, snippet

K1 = 1.2
"""Term-frequency saturation: how quickly more occurrences stop adding to the score."""
B = 0.75
"""Length normalisation: how much a long document is penalised for its length."""

# Entities one of whose spellings has a word of the query: a loose filter, the exact match is
# query_words'. Words are split as Python's \w splits them (letters, digits, underscore).
_KNOWN_NAMES = r"""
SELECT type, list_append(variants, canonical_name) FROM core.entities
WHERE list_has_any(
    flatten(list_transform(list_append(variants, canonical_name),
                           lambda v: regexp_split_to_array(lower(v), '[^\pL\pN_]+'))),
    $words::VARCHAR[])
"""

_BM25 = """
WITH query AS (SELECT unnest($words::INTEGER[]) AS word, unnest($terms::VARCHAR[]) AS term),
matches AS (
    SELECT t.doc_id, q.word, sum(t.tf) AS tf FROM core.terms AS t JOIN query AS q USING (term) GROUP BY ALL
),
corpus AS (
    SELECT count(DISTINCT doc_id) AS n, sum(tf) / greatest(count(DISTINCT doc_id), 1) AS avgdl FROM core.terms
),
frequencies AS (SELECT word, count(*) AS df FROM matches GROUP BY word),
lengths AS (
    SELECT doc_id, sum(tf) AS dl FROM core.terms
    WHERE doc_id IN (SELECT doc_id FROM matches) GROUP BY doc_id
),
scored AS (
    SELECT m.doc_id,
           sum(ln(1 + (c.n - f.df + 0.5) / (f.df + 0.5)) * m.tf * ($k1 + 1)
               / (m.tf + $k1 * (1 - $b + $b * l.dl / c.avgdl))) AS score,
           list(m.word ORDER BY m.word) AS words
    FROM matches AS m
    JOIN frequencies AS f USING (word)
    JOIN lengths AS l USING (doc_id)
    CROSS JOIN corpus AS c
    GROUP BY m.doc_id
)
SELECT s.doc_id, s.score, s.words, d.outlet, d.published, d.title, d.body
FROM scored AS s
JOIN clean.documents AS d USING (doc_id)
WHERE d.status = 'ok'
ORDER BY len(s.words) DESC, s.score DESC, s.doc_id
LIMIT $limit
"""


@dataclass(frozen=True)
class Hit:
    """One ranked document with a snippet around the query's words."""

    doc_id: str
    score: float
    matched: tuple[str, ...]
    """The query's words the document holds, as typed."""
    missing: tuple[str, ...]
    """The query's words it lacks (empty when it holds them all)."""
    outlet: str | None
    published: str | None
    title: str | None
    snippet: tuple[Segment, ...]


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> list[Hit]:
    """The `limit` best documents for `query`, best first; none for a query without words."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    candidates = name_candidates(query)
    if not candidates:
        return []
    known = con.execute(_KNOWN_NAMES, {"words": candidates}).fetchall()
    words = query_words(query, [KnownName(kind, tuple(variants)) for kind, variants in known])
    pairs = [(i, term) for i, word in enumerate(words) for term in sorted(word.terms)]
    parameters = {"words": [i for i, _ in pairs], "terms": [t for _, t in pairs], "limit": limit}
    rows = con.execute(_BM25, parameters | {"k1": K1, "b": B}).fetchall()
    wanted = {term for word in words for term in word.terms}
    return [
        Hit(
            doc_id,
            float(score),
            tuple(words[i].text for i in found),
            tuple(word.text for i, word in enumerate(words) if i not in found),
            outlet,
            published,
            title,
            snippet(body, wanted),
        )
        for doc_id, score, found, outlet, published, title, body in rows
    ]
