"""The mart views: documented, consistent with the core tables, and the claim-conflict rules.

Structure and consistency are checked on the warehouse the real flow builds from the samples;
the rules of marts.claim_conflicts on small hand-written warehouses (tests/warehouse/corpus.py)
where the right answer is known; the seeds' known conflicts are read from the gold file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.warehouse.corpus import Doc, build_warehouse
from warehouse.store import reader

VIEWS = {
    "documents", "top_entities", "entity_mentions", "cooccurrence", "quotes", "quotes_by_speaker",
    "timeline", "amounts", "outlet_coverage", "duplicates", "dq", "dq_failures", "claim_conflicts",
    "event_sentences", "event_facts",
}  # fmt: skip


@pytest.fixture(scope="module")
def con(sample_warehouse: Path) -> Any:
    with reader(sample_warehouse) as connection:
        yield connection


def scalar(con: duckdb.DuckDBPyConnection, query: str) -> Any:
    row = con.execute(query).fetchone()
    assert row is not None
    return row[0]


def test_every_view_and_every_column_is_documented(con: duckdb.DuckDBPyConnection) -> None:
    views = dict(
        con.execute("SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'marts'").fetchall()
    )
    assert set(views) >= VIEWS, f"missing views: {VIEWS - set(views)}"
    assert all(views[v] for v in views), [v for v in views if not views[v]]
    undocumented = con.execute(
        "SELECT table_name || '.' || column_name FROM duckdb_columns() "
        "WHERE schema_name = 'marts' AND coalesce(comment, '') = ''"
    ).fetchall()
    assert undocumented == []


def test_every_view_answers(con: duckdb.DuckDBPyConnection) -> None:
    for view in VIEWS:
        con.execute(f"SELECT * FROM marts.{view} LIMIT 5").fetchall()


def test_documents_has_one_row_per_document_with_its_counts(con: duckdb.DuckDBPyConnection) -> None:
    assert scalar(con, "SELECT count(*) FROM marts.documents") == scalar(
        con, "SELECT count(*) FROM clean.documents"
    )
    assert scalar(con, "SELECT count(DISTINCT doc_id) = count(*) FROM marts.documents")
    assert scalar(con, "SELECT bool_and(words > 0) FROM marts.documents WHERE status = 'ok'")
    assert scalar(con, "SELECT sum(mentions) FROM marts.documents") == scalar(
        con, "SELECT count(*) FROM core.mentions"
    )
    assert scalar(con, "SELECT sum(quotes) FROM marts.documents") == scalar(
        con, "SELECT count(*) FROM core.quotes WHERE kind <> 'term'"
    )
    assert scalar(con, "SELECT bool_and(boilerplate_share BETWEEN 0 AND 1) FROM marts.documents")


def test_top_entities_count_what_the_mentions_say(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "SELECT rank, entity_id, documents, mentions FROM marts.top_entities ORDER BY rank"
    ).fetchall()
    assert rows, "the samples mention entities"
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert [r[2] for r in rows] == sorted((r[2] for r in rows), reverse=True)
    for _, entity, documents, mentions in rows[:5]:
        expected = con.execute(
            "SELECT count(DISTINCT doc_id), count(*) FROM core.mentions WHERE entity_id = ?", [entity]
        ).fetchone()
        assert (documents, mentions) == expected
    assert scalar(con, "SELECT sum(mentions) FROM marts.entity_mentions") == scalar(
        con, "SELECT count(*) FROM core.mentions"
    )


def test_cooccurrence_pairs_are_counted_once_and_their_examples_name_both(
    con: duckdb.DuckDBPyConnection,
) -> None:
    rows = con.execute(
        "SELECT entity_a, type_a, entity_b, type_b, sentences, documents, example_sentences, "
        "entity_a_id, entity_b_id FROM marts.cooccurrence"
    ).fetchall()
    assert rows
    assert len({(r[7], r[8]) for r in rows}) == len(rows)
    for a, type_a, b, type_b, sentences, documents, examples, a_id, b_id in rows[:10]:
        assert (a, type_a) < (b, type_b)
        assert 0 < len(examples) <= min(3, sentences) and sentences >= 1 and documents >= 1
        variants = dict(con.execute("SELECT entity_id, variants FROM core.entities WHERE entity_id IN (?, ?)",
                                    [a_id, b_id]).fetchall())  # fmt: skip
        for example in examples:
            assert any(v in example for v in variants[a_id]) and any(v in example for v in variants[b_id])


def test_quote_and_date_views_add_up(con: duckdb.DuckDBPyConnection) -> None:
    assert scalar(con, "SELECT sum(quotes) FROM marts.quotes_by_speaker") == scalar(
        con, "SELECT count(*) FROM core.quotes WHERE speaker IS NOT NULL"
    )
    assert scalar(con, "SELECT sum(mentions) FROM marts.timeline") == scalar(
        con, "SELECT count(*) FROM core.dates"
    )
    assert scalar(con, "SELECT bool_and(period_start <= period_end) FROM marts.timeline")
    assert scalar(con, "SELECT count(*) FROM marts.amounts") == scalar(
        con, "SELECT count(*) FROM core.amounts"
    )
    assert scalar(con, "SELECT sum(documents) FROM marts.outlet_coverage") == scalar(
        con, "SELECT count(*) FROM clean.documents WHERE status = 'ok'"
    )


def test_quotes_by_speaker_shows_organisations_and_roles(con: duckdb.DuckDBPyConnection) -> None:
    kinds = {kind for (kind,) in con.execute("SELECT DISTINCT kind FROM marts.quotes_by_speaker").fetchall()}
    assert {"person", "organisation", "role"} <= kinds
    roles = con.execute("SELECT roles FROM marts.quotes_by_speaker WHERE kind = 'role'").fetchall()
    assert all(role_words for (role_words,) in roles)
    assert scalar(con, "SELECT bool_and(direct + indirect + reported = quotes) FROM marts.quotes_by_speaker")
    quote_kinds = {kind for (kind,) in con.execute("SELECT DISTINCT kind FROM marts.quotes").fetchall()}
    assert quote_kinds == {"direct", "indirect", "reported"}
    terms_with_speaker = "SELECT count(*) FROM core.quotes WHERE kind = 'term' AND speaker_text IS NOT NULL"
    assert scalar(con, terms_with_speaker) == 0


def test_dq_lists_the_validations_of_each_run(con: duckdb.DuckDBPyConnection) -> None:
    assert scalar(con, "SELECT count(*) FROM marts.dq") == scalar(
        con, "SELECT count(*) FROM ops.step_validations"
    )
    assert scalar(con, "SELECT bool_and(failure_rate BETWEEN 0 AND 1) FROM marts.dq")


# The seeds: the known cross-source claims of tests/gold/seeds.json must show.


def _claims(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cursor = con.execute("SELECT * FROM marts.claim_conflicts")
    columns = [d[0] for d in cursor.description or []]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _gold_values(value: str) -> list[str]:
    """A gold value as the view writes values ("90 min" as "90 minutes"); [] for free text."""
    dates = value.split(" and ")
    if all(re.fullmatch(r"\d{4}(-\d{2}){0,2}", d) for d in dates):
        return dates
    minutes = re.fullmatch(r"(\d+) min", value)
    return [f"{minutes[1]} minutes"] if minutes else []


def test_the_seeds_known_claims_show(con: duckdb.DuckDBPyConnection, gold: dict[str, Any]) -> None:
    claims = _claims(con)
    for known in gold["cross_source_claims"]:
        stated = {doc: _gold_values(v) for doc, v in known["values"].items() if _gold_values(v)}
        verdict = "conflict" if known["verdict"].startswith("conflict") else "agree"
        matching = [
            c for c in claims
            if c["verdict"] == verdict
            and all(
                any(v["value"] == value and doc in v["documents"] for v in c["claim_values"])
                for doc, values in stated.items() for value in values
            )
        ]  # fmt: skip
        assert matching, f"{known['claim']}: no {verdict} row gives {stated}; rows: {claims}"


def test_a_conflict_inside_one_document_is_marked(
    con: duckdb.DuckDBPyConnection, gold: dict[str, Any]
) -> None:
    inside = [k for k in gold["cross_source_claims"] if "inside" in k["verdict"]]
    claims = _claims(con)
    for known in inside:
        doc = next(d for d, v in known["values"].items() if len(_gold_values(v)) > 1)
        assert any(c["within_document"] and c["documents"] == [doc] for c in claims), claims


# The rules, on hand-written warehouses.


def call(doc_id: str, sentence: str, date: tuple[str, str, str], published: str | None = None) -> Doc:
    return Doc(
        doc_id,
        sentence,
        outlet=f"Outlet {doc_id}",
        published=published,
        entities={"Anna Adler": "PER", "Boris Brandt": "PER"},
        dates=[date],
    )


def claims_of(tmp_path: Path, docs: list[Doc]) -> list[dict[str, Any]]:
    with duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb", docs)), read_only=True) as con:
        return _claims(con)


def test_two_documents_giving_neighbouring_days_for_one_call_conflict(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        [
            call("a", "Am 3. Mai 2024 telefonierte Anna Adler mit Boris Brandt.",
                 ("3. Mai 2024", "2024-05-03", "day")),
            call("b", "Anna Adler und Boris Brandt führten am 4. Mai 2024 ein Telefonat.",
                 ("4. Mai 2024", "2024-05-04", "day")),
            call("c", "Das Telefonat von Boris Brandt mit Anna Adler fand im Mai 2024 statt.",
                 ("Mai 2024", "2024-05", "month")),
        ],
    )  # fmt: skip
    assert len(claims) == 1
    claim = claims[0]
    assert (claim["event"], claim["fact"], claim["verdict"]) == ("Telefonat", "date", "conflict")
    assert claim["participants"] == ["Anna Adler", "Boris Brandt"] and not claim["within_document"]
    values = {v["value"]: v for v in claim["claim_values"]}
    assert values["2024-05-03"]["documents"] == ["a"] and values["2024-05-04"]["documents"] == ["b"]
    assert values["2024-05"]["less_precise"], "a month containing both days does not take sides"
    assert claim["summary"].startswith("2024-05-03 [1 document] vs 2024-05-04 [1 document]")


def test_dates_far_apart_are_different_occurrences_not_a_conflict(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        [
            call("a", "Anna Adler traf Boris Brandt am 3. Mai 2024.", ("3. Mai 2024", "2024-05-03", "day")),
            call("b", "Anna Adler traf Boris Brandt am 9. Juli 2024.", ("9. Juli 2024", "2024-07-09", "day")),
        ],
    )
    assert claims == []


def test_reports_published_weeks_apart_are_not_compared(tmp_path: Path) -> None:
    claims = claims_of(
        tmp_path,
        [
            call("a", "Anna Adler telefonierte am 3. Mai mit Boris Brandt.", ("3. Mai", "2024-05-03", "day"),
                 "2024-05-04"),
            call("b", "Anna Adler telefonierte am 4. Mai mit Boris Brandt.", ("4. Mai", "2024-05-04", "day"),
                 "2024-06-20"),
        ],
    )  # fmt: skip
    assert claims == []


def test_one_document_dating_one_event_twice_conflicts_inside_it(tmp_path: Path) -> None:
    body = (
        "Seit dem Überfall auf Nordland im März 2019 ist viel geschehen. Die Hilfe wächst. "
        "Nach dem Angriff auf Nordland im März 2020 floh Anna Adler."
    )
    doc = Doc(
        "a", body, entities={"Nordland": "LOC", "Anna Adler": "PER"},
        dates=[("März 2019", "2019-03", "month"), ("März 2020", "2020-03", "month")],
    )  # fmt: skip
    claims = claims_of(tmp_path, [doc])
    assert [(c["event"], c["verdict"], c["within_document"], c["participants"]) for c in claims] == [
        ("Angriff", "conflict", True, ["Nordland"])
    ]


def test_two_summits_in_one_document_without_a_shared_participant_do_not_conflict(tmp_path: Path) -> None:
    body = (
        "Der Gipfel in Ostburg fand im Juli 2017 statt. Die Presse war dabei. "
        "Ein weiterer Gipfel in Westheim folgte im Juli 2018."
    )
    doc = Doc(
        "a", body, entities={"Ostburg": "LOC", "Westheim": "LOC"},
        dates=[("Juli 2017", "2017-07", "month"), ("Juli 2018", "2018-07", "month")],
    )  # fmt: skip
    assert claims_of(tmp_path, [doc]) == []


def test_two_articles_recounting_different_summits_of_the_same_leaders_do_not_conflict(
    tmp_path: Path,
) -> None:
    people = {"Anna Adler": "PER", "Boris Brandt": "PER"}
    docs = [
        Doc(
            doc_id,
            f"Anna Adler und Boris Brandt trafen sich oft. Der Gipfel in {place} fand im Juli {year} statt.",
            entities={**people, place: "LOC"},
            dates=[(f"Juli {year}", f"{year}-07", "month")],
        )
        for doc_id, place, year in (("a", "Ostburg", 2017), ("b", "Westheim", 2018))
    ]
    assert claims_of(tmp_path, docs) == [], "the dated sentences name no common entity"


def test_durations_worded_differently_agree_and_a_different_one_conflicts(tmp_path: Path) -> None:
    def doc(doc_id: str, body: str, text: str, minutes: float) -> Doc:
        return Doc(doc_id, body, entities={"Anna Adler": "PER", "Boris Brandt": "PER"},
                   amounts=[(text, minutes, "minutes")])  # fmt: skip

    agreeing = claims_of(
        tmp_path,
        [
            doc(
                "a", "Anna Adler und Boris Brandt telefonierten eineinhalb Stunden.", "eineinhalb Stunden", 90
            ),
            doc("b", "Das Telefonat von Anna Adler und Boris Brandt dauerte 90 Minuten.", "90 Minuten", 90),
        ],
    )
    assert [(c["fact"], c["verdict"], c["summary"]) for c in agreeing] == [
        ("duration", "agree", "90 minutes [2 documents]")
    ]
    (tmp_path / "second").mkdir()
    conflicting = claims_of(
        tmp_path / "second",
        [
            doc(
                "a", "Anna Adler und Boris Brandt telefonierten eineinhalb Stunden.", "eineinhalb Stunden", 90
            ),
            doc("b", "Das Telefonat von Anna Adler und Boris Brandt dauerte 30 Minuten.", "30 Minuten", 30),
        ],
    )
    assert [(c["fact"], c["verdict"]) for c in conflicting] == [("duration", "conflict")]


def test_a_fact_belongs_to_the_nearest_event_word(tmp_path: Path) -> None:
    body = "Es war das erste Gespräch von Anna Adler seit dem Angriff auf Nordland im Mai 2019."
    doc = Doc(
        "a", body, entities={"Anna Adler": "PER", "Nordland": "LOC"}, dates=[("Mai 2019", "2019-05", "month")]
    )
    with duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb", [doc])), read_only=True) as con:
        assert con.execute("SELECT family, value FROM marts.event_facts").fetchall() == [
            ("Angriff", "2019-05")
        ]


def test_duplicates_view_pairs_each_copy_with_its_original(tmp_path: Path) -> None:
    docs = [
        Doc("orig", "Ein Text über Anna Adler.", outlet="Eins", entities={"Anna Adler": "PER"}),
        Doc("copy", "Ein Text über Anna Adler.", outlet="Zwei", status="duplicate", duplicate_of="orig"),
    ]
    with duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb", docs)), read_only=True) as con:
        rows = con.execute(
            "SELECT doc_id, duplicate_of, match, similarity, same_outlet FROM marts.duplicates"
        )
        assert rows.fetchall() == [("copy", "orig", "exact", 1.0, False)]
        assert con.execute("SELECT duplicates FROM marts.documents WHERE doc_id = 'orig'").fetchone() == (
            ["copy"],
        )


def test_the_timeline_gives_a_date_the_event_of_its_sentence(tmp_path: Path) -> None:
    body = "Im Mai 2019 war der Besuch von Anna Adler. Am 3. Juni 2019 telefonierte sie mit Boris Brandt."
    doc = Doc(
        "a",
        body,
        entities={"Anna Adler": "PER", "Boris Brandt": "PER"},
        dates=[("Mai 2019", "2019-05", "month"), ("3. Juni 2019", "2019-06-03", "day")],
    )
    with duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb", [doc])), read_only=True) as con:
        assert con.execute("SELECT date, events FROM marts.timeline ORDER BY date").fetchall() == [
            ("2019-05", ["Besuch"]),
            ("2019-06-03", ["Telefonat"]),
        ]


def test_a_document_without_an_outlet_counts_as_the_outlet_unknown_in_every_view(tmp_path: Path) -> None:
    """One convention, marts.outlet_coverage's: an entity only such a document names has one outlet."""
    docs = [
        call("a", "Am 3. Mai 2024 telefonierte Anna Adler mit Boris Brandt.",
             ("3. Mai 2024", "2024-05-03", "day")),
        Doc("b", "Am 4. Mai 2024 telefonierte Anna Adler mit Boris Brandt. „Gut“, sagte Clara Cohn.",
            entities={"Anna Adler": "PER", "Boris Brandt": "PER", "Clara Cohn": "PER"},
            dates=[("4. Mai 2024", "2024-05-04", "day")], quotes=[("Gut", "Clara Cohn")]),
    ]  # fmt: skip
    with duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb", docs)), read_only=True) as con:
        assert con.execute("SELECT outlet FROM marts.outlet_coverage ORDER BY ALL").fetchall() == [
            ("(unknown)",),
            ("Outlet a",),
        ]
        rows = "SELECT name, outlet_count, outlets FROM marts.top_entities ORDER BY name"
        assert con.execute(rows).fetchall() == [
            ("Anna Adler", 2, ["(unknown)", "Outlet a"]),
            ("Boris Brandt", 2, ["(unknown)", "Outlet a"]),
            ("Clara Cohn", 1, ["(unknown)"]),
        ]
        assert scalar(con, "SELECT outlets FROM marts.quotes_by_speaker") == ["(unknown)"]
        assert scalar(con, "SELECT outlets FROM marts.timeline WHERE date = '2024-05-04'") == ["(unknown)"]
        assert scalar(con, "SELECT max(outlets) FROM marts.cooccurrence") == 2
        values = _claims(con)[0]["claim_values"]
        assert sorted(v["outlets"] for v in values) == [["(unknown)"], ["Outlet a"]]
