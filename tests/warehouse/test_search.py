"""BM25 search in SQL: exact scores on a hand-written corpus, stemming, names in every spelling the
registry knows, titles, partial matches, snippets, the CLI."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from presseschau.cli import app
from presseschau.search import term_counts, terms
from tests.warehouse.corpus import Doc, build_warehouse
from warehouse.search import K1, B, search
from warehouse.store import reader

BODIES = {
    "ceasefire": "Die Waffenruhe hält. Putin und Selenskyj verhandeln über eine Waffenruhe im Osten.",
    "long": "Putin sprach lange. " + "Über Wirtschaft, Energie und Handel wurde geredet. " * 12,
    "short": "Putin schweigt.",
    "other": "Der Bundestag berät über den Haushalt und die Schuldenbremse.",
    "mixed": "Im Bundestag ging es lange um alles Mögliche, " * 6 + "auch um Putin und den Haushalt.",
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
    """Okapi BM25 computed directly from the texts (title words weighted as the index weighs
    them), the definition the SQL must follow."""
    indexed: dict[str, Counter[str]] = {
        doc_id: term_counts(body, title=f"Titel {doc_id}")
        for doc_id, body in BODIES.items()
        if doc_id != "rejected"
    }
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
    assert {h.doc_id for h in search(con, "PUTINS")} == {"ceasefire", "long", "short", "mixed"}


def test_limit_and_queries_without_words(con: duckdb.DuckDBPyConnection) -> None:
    assert len(search(con, "Putin", limit=2)) == 2
    assert search(con, "") == [] and search(con, " ?! ") == []
    assert search(con, "Mondlandung") == []
    with pytest.raises(ValueError, match="at least 1"):
        search(con, "Putin", limit=0)


def test_documents_holding_every_word_come_first_and_hits_say_what_they_lack(
    con: duckdb.DuckDBPyConnection,
) -> None:
    hits = search(con, "Waffenruhe Putin")
    assert (hits[0].doc_id, hits[0].missing) == ("ceasefire", ())
    assert {h.missing for h in hits[1:]} == {("Waffenruhe",)}
    assert all(h.matched == ("Putin",) for h in hits[1:])
    hits = search(con, "Haushalt Putin")
    assert hits[0].doc_id == "mixed" and hits[0].missing == ()
    assert hits[0].score < max(h.score for h in hits[1:]), "holding both words outranks a higher score"


def test_hits_carry_metadata_and_a_snippet_with_the_words_marked(con: duckdb.DuckDBPyConnection) -> None:
    hit = search(con, "Waffenruhe")[0]
    assert (hit.outlet, hit.title, hit.matched, hit.missing) == (
        "Test",
        "Titel ceasefire",
        ("Waffenruhe",),
        (),
    )
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


def named(doc_id: str, body: str, kind: str, name: str, *surfaces: str, title: str | None = None) -> Doc:
    """A document whose `surfaces` the registry knows as spellings of the entity `name`."""
    return Doc(
        doc_id, body, title=title, entities=dict.fromkeys(surfaces, kind), names=dict.fromkeys(surfaces, name)
    )


@pytest.fixture(scope="module")
def names_con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    """Documents naming people and places in several spellings, merged in the registry."""
    docs = [
        named("genitive", "Trumps Annäherung an Moskau verbittert die Ukraine.", "PER", "Donald Trump",
              "Trumps", title="Donald Trumps Annäherung und die Folgen"),
        named("full", "Donald Trump telefonierte lange.", "PER", "Donald Trump", "Donald Trump"),
        named("surname", "Trump sprach vor der Presse.", "PER", "Donald Trump", "Trump"),
        Doc("unrecognised", "Die Zölle Trumps treffen Europa."),  # NER missed the name here
        named("peskow", "Kremlsprecher Peskow bestätigte das.", "PER", "Dmitri Peskow", "Peskow"),
        named("peskov", "Dmitry Peskov said so.", "PER", "Dmitri Peskow", "Dmitry Peskov"),
        named("nahost", "Die Lage in Nahost bleibt gespannt.", "LOC", "Naher Osten", "Nahost"),
        named("osten", "Im Nahen Osten verhandeln, im Osten bauen.", "LOC", "Naher Osten", "Nahen Osten"),
        Doc("headline", "Der Text spricht von anderem.", title="Haushalt beschlossen"),
        Doc("body", "Der Haushalt wurde im Bundestag lange und ausführlich beraten, mit vielen Reden."),
    ]  # fmt: skip
    path = build_warehouse(tmp_path_factory.mktemp("names") / "w.duckdb", docs)
    with duckdb.connect(str(path), read_only=True) as connection:
        yield connection


def test_a_name_is_found_in_every_spelling_and_its_genitive(names_con: duckdb.DuckDBPyConnection) -> None:
    everyone = {"genitive", "full", "surname", "unrecognised"}
    assert {h.doc_id for h in search(names_con, "Trump")} == everyone
    assert {h.doc_id for h in search(names_con, "Trumps")} == everyone
    genitive = next(h for h in search(names_con, "Trump") if h.doc_id == "genitive")
    assert [text for text, hit in genitive.snippet if hit] == ["Trumps"]
    assert {h.doc_id for h in search(names_con, "Peskov")} == {"peskow", "peskov"}


def test_only_a_whole_name_or_a_surname_stands_for_an_entity(names_con: duckdb.DuckDBPyConnection) -> None:
    assert [h.doc_id for h in search(names_con, "Nahost")] == ["nahost"]
    assert [h.doc_id for h in search(names_con, "Osten")] == ["osten"], "a word of a place's name is a word"


def test_titles_are_searched_and_weigh_more_than_the_body(names_con: duckdb.DuckDBPyConnection) -> None:
    assert [h.doc_id for h in search(names_con, "Haushalt")] == ["headline", "body"]
    assert [h.doc_id for h in search(names_con, "Folgen")] == ["genitive"]


def test_every_sample_article_about_trump_is_found(sample_warehouse: Path) -> None:
    with reader(sample_warehouse) as con:
        titles = {title for (title,) in con.execute("SELECT title FROM clean.documents").fetchall()}
        found = {h.title for h in search(con, "Trump")}
    assert found == titles, "each sample names Trump; one only as 'Trumps' (title and body)"


def test_cli_search_says_when_only_some_words_matched(sample_warehouse: Path) -> None:
    result = CliRunner().invoke(
        app, ["search", "Waffenruhe Putin", "--db", str(sample_warehouse), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "no document holds every word of 'Waffenruhe Putin'" in result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(r["missing"] == ["Waffenruhe"] for r in rows)
    table = CliRunner().invoke(app, ["search", "Waffenruhe Putin", "--db", str(sample_warehouse)])
    assert table.exit_code == 0 and "lacks: Waffenruhe" in table.stdout


def test_cli_search_refuses_a_limit_below_one(sample_warehouse: Path) -> None:
    result = CliRunner().invoke(app, ["search", "Putin", "-n", "0", "--db", str(sample_warehouse)])
    assert result.exit_code == 2 and "no document matches" not in result.output
    assert "Invalid value for '--limit' / '-n'" in result.output
