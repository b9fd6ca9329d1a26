"""BM25 search in SQL: exact scores on a hand-written corpus, stemming, snippets, the CLI."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from presseschau.cli import app
from presseschau.search import terms
from tests.warehouse.corpus import Doc, build_warehouse
from warehouse.search import K1, B, search
from warehouse.store import reader

BODIES = {
    "ceasefire": "Die Waffenruhe hält. Putin und Selenskyj verhandeln über eine Waffenruhe im Osten.",
    "long": "Putin sprach lange. " + "Über Wirtschaft, Energie und Handel wurde geredet. " * 12,
    "short": "Putin schweigt.",
    "other": "Der Bundestag berät über den Haushalt und die Schuldenbremse.",
    "rejected": "Waffenruhe Waffenruhe Waffenruhe.",
}


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    docs = [Doc(doc_id, body, outlet="Test", title=f"Titel {doc_id}") for doc_id, body in BODIES.items()]
    docs[-1].status = "rejected"
    path = build_warehouse(tmp_path_factory.mktemp("search") / "w.duckdb", docs)
    with duckdb.connect(str(path), read_only=True) as connection:
        yield connection


def reference_bm25(query: str) -> dict[str, float]:
    """Okapi BM25 computed directly from the texts, the definition the SQL must follow."""
    indexed = {doc_id: Counter(terms(body)) for doc_id, body in BODIES.items() if doc_id != "rejected"}
    n = len(indexed)
    avgdl = sum(sum(c.values()) for c in indexed.values()) / n
    scores: dict[str, float] = {}
    for term in set(terms(query)):
        df = sum(1 for c in indexed.values() if term in c)
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        for doc_id, counts in indexed.items():
            if counts[term]:
                dl = sum(counts.values())
                tf = counts[term]
                scores[doc_id] = scores.get(doc_id, 0.0) + idf * tf * (K1 + 1) / (
                    tf + K1 * (1 - B + B * dl / avgdl)
                )
    return scores


def test_scores_are_okapi_bm25(con: duckdb.DuckDBPyConnection) -> None:
    hits = search(con, "Waffenruhe Putin")
    expected = reference_bm25("Waffenruhe Putin")
    assert [h.doc_id for h in hits] == sorted(expected, key=lambda d: -expected[d])
    for hit in hits:
        assert hit.score == pytest.approx(expected[hit.doc_id], rel=1e-9)


def test_ranking_prefers_rare_terms_and_short_documents(con: duckdb.DuckDBPyConnection) -> None:
    ranked = [h.doc_id for h in search(con, "Waffenruhe Putin")]
    assert ranked[0] == "ceasefire", "the only document with the rarer term, twice, comes first"
    assert ranked.index("short") < ranked.index("long"), "same term frequency, shorter document wins"
    assert "other" not in ranked, "documents without any query term are not results"
    assert "rejected" not in ranked, "only stored (ok) documents are searched"


def test_query_words_are_stemmed_like_the_index(con: duckdb.DuckDBPyConnection) -> None:
    assert [h.doc_id for h in search(con, "Waffenruhen")] == ["ceasefire"]
    assert {h.doc_id for h in search(con, "PUTINS")} == {"ceasefire", "long", "short"}


def test_limit_and_queries_without_words(con: duckdb.DuckDBPyConnection) -> None:
    assert len(search(con, "Putin", limit=2)) == 2
    assert search(con, "") == [] and search(con, " ?! ") == [] and search(con, "Putin", limit=0) == []
    assert search(con, "Mondlandung") == []


def test_hits_carry_metadata_and_a_snippet_with_the_words_marked(con: duckdb.DuckDBPyConnection) -> None:
    hit = search(con, "Waffenruhe")[0]
    assert (hit.outlet, hit.title, hit.matched_terms) == ("Test", "Titel ceasefire", 1)
    marked = [text for text, is_hit in hit.snippet if is_hit]
    assert marked == ["Waffenruhe", "Waffenruhe"]
    assert "".join(text for text, _ in hit.snippet) == BODIES["ceasefire"]


def test_search_on_the_sample_warehouse(sample_warehouse: Path) -> None:
    with reader(sample_warehouse) as con:
        hits = search(con, "Waffenruhe Putin Telefonat", limit=5)
    assert hits, "the samples are about a phone call with Putin"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    wanted = set(terms("Waffenruhe Putin Telefonat"))
    for hit in hits:
        marked = [text for text, is_hit in hit.snippet if is_hit]
        assert marked and all(terms(word)[0] in wanted for word in marked)


def test_cli_search_prints_ranked_json(sample_warehouse: Path) -> None:
    result = CliRunner().invoke(
        app, ["search", "Telefonat Putin", "--db", str(sample_warehouse), "--format", "json", "-n", "3"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1)) and 0 < len(rows) <= 3
    assert all("**" in r["snippet"] for r in rows), "matched words are marked in machine-readable output"


def test_cli_search_table_and_no_match(sample_warehouse: Path) -> None:
    table = CliRunner().invoke(app, ["search", "Putin", "--db", str(sample_warehouse)])
    assert table.exit_code == 0 and "Putin" in table.stdout
    none = CliRunner().invoke(app, ["search", "Mondlandungsverschwörung", "--db", str(sample_warehouse)])
    assert none.exit_code == 0 and "no document matches" in none.output
