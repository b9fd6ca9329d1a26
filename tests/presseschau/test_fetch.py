"""The fetcher against a real HTTP server on 127.0.0.1 that serves articles and misbehaves."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from presseschau.feeds import feed_links
from presseschau.fetch import (
    FAILED,
    FEED,
    FETCHED,
    REFUSED,
    UNCHANGED,
    FetchPolicy,
    fetch_urls,
    read_url_list,
)
from presseschau.landing import land_page, page_stem, sidecar_path
from presseschau.sources import discover
from presseschau.url_safety import AllowList, refusal

ARTICLE = (
    "<html><head><title>Stadtrat beschließt Haushalt</title></head><body><article>"
    "<h1>Stadtrat beschließt Haushalt</h1><p>Der Stadtrat von Kassel hat am Dienstag den Haushalt "
    "für das kommende Jahr beschlossen. Die Bürgermeisterin sprach von einem soliden Plan.</p>"
    "</article></body></html>"
)
HTML = "text/html; charset=utf-8"

POLICY = FetchPolicy(
    user_agent="Presseschau/test (fetch tests)",
    content_types=("text/html", "application/xhtml+xml", "text/plain", "text/markdown"),
    timeout_s=2.0,
    retries=2,
    backoff_s=0.01,
    max_redirects=3,
    allowed=AllowList.parse(["127.0.0.0/8"]),  # the test server is on loopback
)


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    """Threaded, so that slow handlers and concurrent requests behave as on a real site."""
    http = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    http.start()
    yield http
    http.clear()
    http.stop()


@pytest.fixture
def site(server: HTTPServer) -> Iterator[HTTPServer]:
    server.clear()
    yield server
    server.clear()


def fetch_one(url: str, landing: Path, policy: FetchPolicy = POLICY) -> list:
    return fetch_urls([url], landing, policy)


def requested(site: HTTPServer, path: str) -> int:
    """Requests the server answered for `path` (a slow handler of an earlier test may still log)."""
    return sum(request.path == path for request, _ in site.log)


def counting(*responses: Response) -> tuple[Callable[[Request], Response], list[Request]]:
    """A handler answering with `responses` in turn (the last one repeats), recording each request."""
    seen: list[Request] = []

    def handle(request: Request) -> Response:
        seen.append(request)
        return responses[min(len(seen), len(responses)) - 1]

    return handle, seen


def test_article_lands_with_its_sidecar_and_is_discovered_under_its_url(
    site: HTTPServer, tmp_path: Path
) -> None:
    handler, seen = counting(
        Response(ARTICLE, content_type=HTML, headers={"ETag": '"v1"', "Set-Cookie": "session=secret"})
    )
    site.expect_request("/kassel/haushalt").respond_with_handler(handler)
    url = site.url_for("/kassel/haushalt")

    [result] = fetch_one(url, tmp_path)

    assert (result.outcome, result.http_status) == (FETCHED, 200)
    page = Path(result.path)
    assert page.parent == tmp_path / "127.0.0.1" and page.suffix == ".html"
    assert page.read_text(encoding="utf-8") == ARTICLE
    meta = json.loads(sidecar_path(page).read_text(encoding="utf-8"))
    assert meta["url"] == url and meta["http_status"] == 200 and meta["etag"] == '"v1"'
    assert meta["fetched_at"].endswith("+00:00")
    assert meta["http_headers"]["content-type"] == HTML and "set-cookie" not in meta["http_headers"]
    assert seen[0].headers["User-Agent"] == POLICY.user_agent
    assert [(f.doc_id, f.path) for f in discover([tmp_path])] == [(url, str(page))]


def test_unchanged_pages_are_skipped_with_conditional_requests(site: HTTPServer, tmp_path: Path) -> None:
    stamp = "Tue, 02 Jan 2024 10:00:00 GMT"
    first = Response(ARTICLE, content_type=HTML, headers={"ETag": '"v1"', "Last-Modified": stamp})
    handler, seen = counting(first, Response(status=304))
    site.expect_request("/a").respond_with_handler(handler)
    url = site.url_for("/a")
    [fetched] = fetch_one(url, tmp_path)
    before = Path(fetched.path).stat().st_mtime_ns

    [again] = fetch_one(url, tmp_path)

    assert (again.outcome, again.http_status, again.path) == (UNCHANGED, 304, fetched.path)
    assert seen[1].headers["If-None-Match"] == '"v1"' and seen[1].headers["If-Modified-Since"] == stamp
    assert "If-None-Match" not in seen[0].headers
    assert Path(fetched.path).stat().st_mtime_ns == before


def test_a_changed_page_replaces_the_landed_copy(site: HTTPServer, tmp_path: Path) -> None:
    handler, _ = counting(
        Response(ARTICLE, content_type=HTML), Response("Nur noch Text.", content_type="text/plain")
    )
    site.expect_request("/b").respond_with_handler(handler)
    [first] = fetch_one(site.url_for("/b"), tmp_path)
    [second] = fetch_one(site.url_for("/b"), tmp_path)
    assert (first.outcome, second.outcome) == (FETCHED, FETCHED)
    assert sorted(p.name for p in (tmp_path / "127.0.0.1").iterdir() if not p.name.startswith(".")) == [
        Path(second.path).name
    ]
    assert [f.path for f in discover([tmp_path])] == [second.path]


def test_server_errors_are_retried_with_backoff_then_succeed(site: HTTPServer, tmp_path: Path) -> None:
    handler, seen = counting(
        Response("", status=500), Response("", status=503), Response(ARTICLE, content_type=HTML)
    )
    site.expect_request("/flaky").respond_with_handler(handler)
    [result] = fetch_one(site.url_for("/flaky"), tmp_path)
    assert result.outcome == FETCHED and len(seen) == 3


def test_retries_are_bounded_and_client_errors_not_retried(site: HTTPServer, tmp_path: Path) -> None:
    broken, broken_seen = counting(Response("", status=500))
    missing, missing_seen = counting(Response("", status=404))
    site.expect_request("/broken").respond_with_handler(broken)
    site.expect_request("/missing").respond_with_handler(missing)
    results = fetch_urls([site.url_for("/broken"), site.url_for("/missing")], tmp_path, POLICY)
    assert [(r.outcome, r.http_status) for r in results] == [(FAILED, 500), (FAILED, 404)]
    assert "500" in results[0].reason and "3 attempts" in results[0].reason
    assert (len(broken_seen), len(missing_seen)) == (POLICY.retries + 1, 1)
    assert not any(tmp_path.rglob("*.html"))


def test_slow_responses_time_out(site: HTTPServer, tmp_path: Path) -> None:
    def slow_headers(_: Request) -> Response:
        time.sleep(1.5)
        return Response(ARTICLE, content_type=HTML)

    def dribble() -> Iterator[bytes]:
        for _ in range(20):
            yield b"<p>x</p>"
            time.sleep(0.1)

    site.expect_request("/slow").respond_with_handler(slow_headers)
    site.expect_request("/dribble").respond_with_handler(lambda _: Response(dribble(), content_type=HTML))
    policy = replace(POLICY, timeout_s=0.5, retries=1)
    started = time.monotonic()
    results = fetch_urls([site.url_for("/slow"), site.url_for("/dribble")], tmp_path, policy)
    assert [r.outcome for r in results] == [FAILED, FAILED]
    assert all(r.reason.startswith("timeout") for r in results)
    assert time.monotonic() - started < 2.5, "each attempt is cut at timeout_s, headers and body together"


@pytest.fixture
def resetting_server() -> Iterator[tuple[str, list[int]]]:
    """A TCP server that reads the request and resets the connection (RST) instead of answering."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    connections: list[int] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            connections.append(1)
            conn.recv(4096)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/reset", connections
    stop.set()
    thread.join()
    listener.close()


def test_connection_resets_are_retried_then_recorded(
    resetting_server: tuple[str, list[int]], tmp_path: Path
) -> None:
    url, connections = resetting_server
    [result] = fetch_one(url, tmp_path)
    assert result.outcome == FAILED and result.reason.startswith("connection")
    assert len(connections) == POLICY.retries + 1


def test_redirects_are_followed_within_the_limit(site: HTTPServer, tmp_path: Path) -> None:
    site.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/middle"})
    site.expect_request("/middle").respond_with_data("", status=302, headers={"Location": "/new"})
    site.expect_request("/new").respond_with_data(ARTICLE, content_type=HTML)
    for hop in range(6):
        site.expect_request(f"/chain/{hop}").respond_with_data(
            "", status=307, headers={"Location": f"/chain/{hop + 1}"}
        )
    site.expect_request("/loop/a").respond_with_data("", status=302, headers={"Location": "/loop/b"})
    site.expect_request("/loop/b").respond_with_data("", status=302, headers={"Location": "/loop/a"})
    site.expect_request("/to-ftp").respond_with_data(
        "", status=302, headers={"Location": "ftp://example.org/x"}
    )

    old, chain, loop, ftp = fetch_urls(
        [site.url_for(p) for p in ("/old", "/chain/0", "/loop/a", "/to-ftp")], tmp_path, POLICY
    )

    assert old.outcome == FETCHED
    meta = json.loads(sidecar_path(Path(old.path)).read_text(encoding="utf-8"))
    assert (meta["url"], meta["final_url"]) == (site.url_for("/old"), site.url_for("/new"))
    assert chain.outcome == FAILED and chain.reason.startswith("too_many_redirects")
    assert loop.outcome == FAILED and loop.reason.startswith("redirect_loop")
    assert ftp.outcome == REFUSED and "scheme" in ftp.reason


def test_huge_bodies_are_cut_off(site: HTTPServer, tmp_path: Path) -> None:
    sent = []

    def endless() -> Iterator[bytes]:
        for _ in range(10_000):  # 10 MB if nobody stops reading
            sent.append(1)
            yield b"<p>" + b"x" * 1017 + b"</p>"

    site.expect_request("/endless").respond_with_handler(lambda _: Response(endless(), content_type=HTML))
    site.expect_request("/declared").respond_with_data("x" * 300_000, content_type=HTML)
    policy = replace(POLICY, max_bytes=100_000)
    endless_result, declared = fetch_urls(
        [site.url_for("/endless"), site.url_for("/declared")], tmp_path, policy
    )
    assert endless_result.outcome == REFUSED and endless_result.reason.startswith("too_large")
    assert declared.outcome == REFUSED and "declared" in declared.reason
    assert len(sent) < 10_000, "the download stopped instead of reading the whole body"
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_wrong_content_types_are_refused(site: HTTPServer, tmp_path: Path) -> None:
    site.expect_request("/image").respond_with_data(b"\x89PNG\r\n", content_type="image/png")
    site.expect_request("/json").respond_with_data("{}", content_type="application/json")
    site.expect_request("/untyped").respond_with_response(Response(b"hello", headers={"Content-Type": ""}))
    results = fetch_urls([site.url_for(p) for p in ("/image", "/json", "/untyped")], tmp_path, POLICY)
    assert [r.outcome for r in results] == [REFUSED] * 3
    assert "image/png" in results[0].reason and "application/json" in results[1].reason
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_private_addresses_are_refused_unless_allowed(site: HTTPServer, tmp_path: Path) -> None:
    site.expect_request("/a").respond_with_data(ARTICLE, content_type=HTML)
    port = site.port
    urls = [f"http://127.0.0.1:{port}/a", f"http://localhost:{port}/a", f"http://[::ffff:127.0.0.1]:{port}/a"]
    for allowed in ([], ["10.0.0.0/8", "intranet.example"]):
        results = fetch_urls(urls, tmp_path, replace(POLICY, allowed=AllowList.parse(allowed)))
        assert [r.outcome for r in results] == [REFUSED] * 3
        assert all("private_address" in r.reason and "fetch_allow_networks" in r.reason for r in results)
    assert requested(site, "/a") == 0, "nothing was sent to a refused address"
    by_host = fetch_urls([urls[1]], tmp_path, replace(POLICY, allowed=AllowList.parse(["LocalHost"])))
    assert [r.outcome for r in by_host] == [FETCHED], "a host on the list is allowed by its name"


def test_a_redirect_to_a_metadata_address_is_refused_whatever_is_allowed(
    site: HTTPServer, tmp_path: Path
) -> None:
    everything = replace(POLICY, allowed=AllowList.parse(["0.0.0.0/0", "::/0", "metadata.google.internal"]))
    for n, target in enumerate(("169.254.169.254", "[fd00:ec2::254]", "[::ffff:169.254.169.254]")):
        site.expect_request(f"/hop{n}").respond_with_data(
            "", status=302, headers={"Location": f"http://{target}/latest/meta-data/"}
        )
        [result] = fetch_one(site.url_for(f"/hop{n}"), tmp_path, everything)
        assert result.outcome == REFUSED and "metadata" in result.reason, result.reason


def test_every_redirect_hop_is_checked(site: HTTPServer, tmp_path: Path) -> None:
    # Loopback is allowed here; the unspecified address 0.0.0.0 (which reaches this host) never is.
    site.expect_request("/hop").respond_with_data(
        "", status=302, headers={"Location": f"http://0.0.0.0:{site.port}/a"}
    )
    [result] = fetch_one(site.url_for("/hop"), tmp_path)
    assert result.outcome == REFUSED and "private_address" in result.reason
    assert (requested(site, "/hop"), requested(site, "/a")) == (1, 0)


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.178.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("::1", False),
        ("fe80::1%eth0", False),
        ("fd00::1", False),
        ("::ffff:10.0.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("not an address", False),
        ("93.184.215.14", True),
        ("2a00:1450:4001:82b::200e", True),
    ],
)
def test_address_classification(address: str, allowed: bool) -> None:
    assert (refusal(address, "example.org", AllowList()) is None) is allowed


def test_the_allow_list_admits_the_networks_and_hosts_it_names_and_never_link_local_or_metadata() -> None:
    allowed = AllowList.parse(["192.168.178.0/24", "fd12::/16", "intranet.example"])
    assert refusal("192.168.178.20", "nas", allowed) is None
    assert refusal("fd12::5", "nas", allowed) is None
    assert refusal("10.1.2.3", "Intranet.Example.", allowed) is None
    assert refusal("192.168.1.1", "router", allowed) is not None
    everything = AllowList.parse(["0.0.0.0/0", "::/0", "metadata"])
    never = ["0.0.0.0", "ff02::1", "169.254.169.254", "169.254.1.1", "fe80::1%eth0", "fd00:ec2::254"]
    never += ["100.100.100.200", "168.63.129.16", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe"]
    never += ["2002:a9fe:a9fe::1"]
    assert [a for a in never if refusal(a, "metadata", everything) is None] == []


def test_only_http_and_https_are_fetched(tmp_path: Path) -> None:
    urls = ["file:///etc/passwd", "ftp://example.org/a", "javascript:alert(1)", "gopher://x/", "not a url"]
    results = fetch_urls(urls, tmp_path, POLICY)
    assert [r.outcome for r in results] == [REFUSED] * len(urls)
    assert not any(tmp_path.rglob("*"))


@pytest.mark.parametrize(
    "url",
    [
        "http://../../etc/passwd",
        "http://a/../../../../etc/passwd",
        "http://%2e%2e/%2e%2e/x",
        "http://[::1]/x",
        "http://münchen.example/ä",
        "http://x.example/" + "a/" * 500,
    ],
)
def test_landing_paths_stay_inside_the_landing_directory(tmp_path: Path, url: str) -> None:
    page = land_page(tmp_path / "landing", url, b"<p>x</p>", ".html", {"url": url})
    assert page.resolve().is_relative_to((tmp_path / "landing").resolve())
    assert page == page_stem(tmp_path / "landing", url).with_suffix(".html")
    assert len(page.name) == len("0123456789abcdef.html")


def test_a_symlinked_host_directory_is_not_written_through(tmp_path: Path) -> None:
    landing, outside = tmp_path / "landing", tmp_path / "outside"
    landing.mkdir()
    outside.mkdir()
    (landing / "example.org").symlink_to(outside)
    with pytest.raises(ValueError, match="outside the landing directory"):
        land_page(landing, "https://example.org/a", b"x", ".html", {"url": "https://example.org/a"})
    assert not any(outside.iterdir())


def test_concurrency_per_host_is_limited(site: HTTPServer, tmp_path: Path) -> None:
    lock = threading.Lock()
    active, peak = [0], [0]

    def handle(_: Request) -> Response:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.15)
        with lock:
            active[0] -= 1
        return Response(ARTICLE, content_type=HTML)

    for n in range(6):
        site.expect_request(f"/p{n}").respond_with_handler(handle)
    results = fetch_urls([site.url_for(f"/p{n}") for n in range(6)], tmp_path, replace(POLICY, per_host=2))
    assert [r.outcome for r in results] == [FETCHED] * 6
    assert peak[0] == 2


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Lokales</title>
<item><title>Haushalt</title><link>/kassel/haushalt</link></item>
<item><title>Brücke</title><link>{base}/kassel/bruecke</link></item>
<item><title>ohne Link</title></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Politik</title>
<entry><title>A</title><link rel="enclosure" href="/audio.mp3"/><link href="https://example.org/a"/></entry>
<entry><title>B</title><link rel="alternate" href="b.html"/></entry>
</feed>"""


def test_feeds_expand_into_their_articles(site: HTTPServer, tmp_path: Path) -> None:
    base = site.url_for("").rstrip("/")
    site.expect_request("/feed.xml").respond_with_data(
        RSS.format(base=base), content_type="application/rss+xml"
    )
    site.expect_request("/kassel/haushalt").respond_with_data(ARTICLE, content_type=HTML)
    site.expect_request("/kassel/bruecke").respond_with_data(
        ARTICLE.replace("Haushalt", "Brücke"), content_type=HTML
    )
    results = fetch_one(site.url_for("/feed.xml"), tmp_path)
    assert [(r.url, r.outcome) for r in results] == [
        (site.url_for("/feed.xml"), FEED),
        (f"{base}/kassel/haushalt", FETCHED),
        (f"{base}/kassel/bruecke", FETCHED),
    ]
    assert {f.doc_id for f in discover([tmp_path])} == {f"{base}/kassel/haushalt", f"{base}/kassel/bruecke"}


def test_feed_parsing() -> None:
    assert feed_links(ATOM.encode(), "https://example.org/politik/") == [
        "https://example.org/a",
        "https://example.org/politik/b.html",
    ]
    assert feed_links(b"<html><body>no feed</body></html>", "https://example.org/") is None
    assert feed_links(b"\x00\xff not xml", "https://example.org/") is None


def test_feed_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("https://evil.example/leak")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><item><link>&x;</link></item></channel></rss>"
    )
    assert feed_links(xxe.encode(), "https://example.org/") == []


def test_url_lists_skip_blank_lines_and_comments() -> None:
    text = "# Lokalzeitungen\nhttps://example.org/a\n\n   https://example.org/b#top  \n  # aus\n"
    assert read_url_list(text) == ["https://example.org/a", "https://example.org/b#top"]
