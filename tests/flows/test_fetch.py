"""Fetched pages flow through the same ingestion as files: real HTTP server, Prefect and DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

from flows.fetch import fetch, fetched_inputs
from flows.pipeline import run_pipeline
from presseschau.cli import app
from presseschau.fetch import FETCHED, REFUSED, UNCHANGED
from presseschau.settings import load_settings
from warehouse.store import reader

ARTICLE = (
    "<html><head><title>Neue Straßenbahnlinie für Leipzig</title></head><body><article>"
    "<h1>Neue Straßenbahnlinie für Leipzig</h1><p>Die Leipziger Verkehrsbetriebe haben am Montag "
    "eine neue Straßenbahnlinie in Betrieb genommen. Sie verbindet den Hauptbahnhof mit Grünau "
    "und soll täglich 12.000 Fahrgäste befördern, sagte ein Sprecher des Unternehmens.</p>"
    "</article></body></html>"
)


@pytest.fixture
def site(httpserver_ipv4: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    """Article pages with ETags (answering 304 to a matching If-None-Match) and one image."""
    monkeypatch.setenv("PRESSESCHAU_FETCH_ALLOW_NETWORKS", "127.0.0.1")  # the test server is on loopback
    monkeypatch.setenv("PRESSESCHAU_FETCH_BACKOFF_S", "0.01")

    def article(request: Request) -> Response:
        etag = f'"{request.path}-v1"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304)
        return Response(
            ARTICLE.replace("Leipzig", request.path.strip("/").title()),
            content_type="text/html",
            headers={"ETag": etag},
        )

    for path in ("/leipzig", "/dresden"):
        httpserver_ipv4.expect_request(path).respond_with_handler(article)
    httpserver_ipv4.expect_request("/logo.png").respond_with_data(b"\x89PNG", content_type="image/png")
    return httpserver_ipv4


def urls_file(tmp_path: Path, site: HTTPServer, *paths: str) -> Path:
    path = tmp_path / "urls.txt"
    path.write_text("# test sources\n" + "".join(site.url_for(p) + "\n" for p in paths), encoding="utf-8")
    return path


def test_fetched_pages_land_in_raw_with_url_status_headers_and_time(site: HTTPServer, tmp_path: Path) -> None:
    landing, db = tmp_path / "landing", tmp_path / "w.duckdb"
    sources = urls_file(tmp_path, site, "/leipzig", "/dresden", "/logo.png")

    results = fetch(str(sources), str(landing))
    run_pipeline([str(landing)], str(db))

    assert [r.outcome for r in results] == [FETCHED, FETCHED, REFUSED]
    with reader(db) as con:
        raw = con.execute(
            "SELECT doc_id, url, http_status, http_headers, fetched_at, source_path "
            "FROM raw.documents ORDER BY 1"
        ).fetchall()
        clean = con.execute("SELECT doc_id, status, title FROM clean.documents ORDER BY 1").fetchall()
    assert [row[0] for row in raw] == [site.url_for("/dresden"), site.url_for("/leipzig")]
    for doc_id, url, status, headers, fetched_at, source_path in raw:
        assert url == doc_id and status == 200 and fetched_at is not None
        assert json.loads(headers)["etag"] == f'"/{doc_id.rsplit("/", 1)[1]}-v1"'
        assert Path(source_path).resolve().is_relative_to(landing.resolve())
    assert [(status, "Straßenbahnlinie" in (title or "")) for _, status, title in clean] == [("ok", True)] * 2

    again = fetch(str(sources), str(landing))
    run_pipeline([str(landing)], str(db))

    assert [r.outcome for r in again] == [UNCHANGED, UNCHANGED, REFUSED]
    with reader(db) as con:
        assert con.execute("SELECT count(*) FROM raw.documents").fetchone() == (2,)
        assert con.execute("SELECT inputs_new FROM ops.runs ORDER BY started_at").fetchall() == [(2,), (0,)]


def test_a_run_with_sources_configured_fetches_and_ingests_them(
    site: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, landing, db = tmp_path / "files", tmp_path / "landing", tmp_path / "w.duckdb"
    files.mkdir()
    monkeypatch.setenv("PRESSESCHAU_SOURCES", str(urls_file(tmp_path, site, "/leipzig", "/dresden")))
    monkeypatch.setenv("PRESSESCHAU_LANDING_DIR", str(landing))

    run_pipeline([str(files)], str(db))

    with reader(db) as con:
        docs = con.execute("SELECT doc_id, status FROM clean.documents ORDER BY 1").fetchall()
    assert docs == [(site.url_for("/dresden"), "ok"), (site.url_for("/leipzig"), "ok")]


def test_configured_sources_are_fetched_and_added_to_the_inputs(site: HTTPServer, tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    sources = urls_file(tmp_path, site, "/leipzig", "/logo.png")
    settings = load_settings(sources=str(sources), landing_dir=str(landing), inputs=["data/samples"])

    inputs, problems = fetched_inputs(settings)

    assert inputs == [str(Path("data/samples").resolve()), str(landing.resolve())]
    assert len(list(landing.rglob("*.html"))) == 1
    assert problems["doc_id"].str.endswith("/logo.png").tolist() == [True], "a refused URL keeps its reason"
    assert problems["failure_case"].str.contains("image/png").all()
    assert fetched_inputs(load_settings(inputs=["data/samples"], sources=""))[0] == ["data/samples"]


def test_fetch_command_prints_outcomes_and_refusals(site: HTTPServer, tmp_path: Path) -> None:
    sources = urls_file(tmp_path, site, "/leipzig", "/logo.png")
    result = CliRunner().invoke(app, ["fetch", str(sources), "--landing", str(tmp_path / "landing")])
    assert result.exit_code == 0, result.output
    assert "fetched" in result.output and "image/png" in result.output
    missing = CliRunner().invoke(app, ["fetch", str(tmp_path / "missing.txt")])
    assert missing.exit_code != 0


def test_fetch_command_fails_when_no_url_could_be_fetched(site: HTTPServer, tmp_path: Path) -> None:
    sources = urls_file(tmp_path, site, "/logo.png")
    result = CliRunner().invoke(app, ["fetch", str(sources), "--landing", str(tmp_path / "landing")])
    assert result.exit_code == 1
    assert "image/png" in result.stdout, "the table says why"
    assert result.stderr.splitlines() == [
        f"error: no page of {sources} could be fetched (1 refused, 0 failed)",
        "Each URL's reason is in the table above.",
    ]
