"""Fetching article pages over HTTP(S) into the landing directory, politely and safely.

Every URL ends either as a page in the landing directory (see `landing`) or as a
`FetchResult` whose reason says why not. Feeds (RSS/Atom) expand into the articles
they list, one level deep. Addresses are checked on every connection (`url_safety`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from presseschau.feeds import feed_links
from presseschau.landing import land_page, landed_page
from presseschau.url_safety import AllowList, GuardedTransport, UnsafeURL, checked_url

FETCHED, UNCHANGED, FEED, REFUSED, FAILED = "fetched", "unchanged", "feed", "refused", "failed"

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
# Statuses worth another attempt: the server is overloaded or failing, not refusing.
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_MAX_RETRY_AFTER_S = 60.0
# Response headers not kept in the sidecar: cookies may hold session secrets.
_DROPPED_HEADERS = frozenset({"set-cookie"})


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str
    content_types: tuple[str, ...]
    timeout_s: float = 20.0
    max_bytes: int = 5_000_000
    retries: int = 2
    backoff_s: float = 1.0
    max_redirects: int = 5
    per_host: int = 2
    concurrency: int = 8
    allowed: AllowList = field(default_factory=AllowList)
    """Non-public networks and hosts that may be fetched (link-local and metadata never are)."""
    feed_max_items: int = 100


@dataclass(frozen=True)
class FetchResult:
    """What became of one URL: `outcome` is fetched | unchanged | feed | refused | failed."""

    url: str
    outcome: str
    reason: str | None = None
    http_status: int | None = None
    path: str | None = None


def fetch_urls(urls: Iterable[str], landing: str | Path, policy: FetchPolicy) -> list[FetchResult]:
    """Fetch every URL into `landing` (created if missing); one result per URL, feed articles included."""
    return asyncio.run(
        _fetch_all(list(dict.fromkeys(u.strip() for u in urls if u.strip())), Path(landing), policy)
    )


def read_url_list(text: str) -> list[str]:
    """URLs from a sources file: one per line; blank lines and `#` comments are ignored."""
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


async def _fetch_all(urls: list[str], landing: Path, policy: FetchPolicy) -> list[FetchResult]:
    landing.mkdir(parents=True, exist_ok=True)
    transport = GuardedTransport(policy.allowed, max_connections=policy.concurrency)
    async with httpx.AsyncClient(
        transport=transport,
        timeout=policy.timeout_s,
        follow_redirects=False,
        headers={"User-Agent": policy.user_agent, "Accept": ", ".join((*policy.content_types, *FEED_TYPES))},
    ) as client:
        fetcher = _Fetcher(client, landing, policy)
        nested = await asyncio.gather(*(fetcher.fetch(url, feeds=True) for url in urls))
    return [result for results in nested for result in results]


class _Stop(Exception):
    """This URL ends here with `outcome` and `reason`."""

    def __init__(self, outcome: str, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class _Response:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes = b""


class _Fetcher:
    def __init__(self, client: httpx.AsyncClient, landing: Path, policy: FetchPolicy) -> None:
        self._client = client
        self._landing = landing
        self._policy = policy
        self._slots = asyncio.Semaphore(policy.concurrency)
        self._host_slots: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(policy.per_host)
        )
        self._seen: set[str] = set()

    async def fetch(self, given: str, feeds: bool) -> list[FetchResult]:
        """Results for one URL; a feed's result is followed by its articles' results."""
        try:
            url = checked_url(given)
        except UnsafeURL as error:
            return [FetchResult(given, REFUSED, str(error))]
        if url in self._seen:
            return []
        self._seen.add(url)
        previous = landed_page(self._landing, url)
        try:
            response = await self._follow(url, _validators(previous[1]) if previous else {})
            if response.status == 304 and previous:
                return [
                    FetchResult(url, UNCHANGED, "not modified since the last fetch", 304, str(previous[0]))
                ]
            if response.status != 200:
                raise _Stop(FAILED, f"http_status: the server answered {response.status}", response.status)
            mime = _mime(response.headers)
            if mime in FEED_TYPES and feeds:
                return await self._feed(url, response)
            return [self._land(url, response, mime, previous[0] if previous else None)]
        except _Stop as stop:
            return [FetchResult(url, stop.outcome, stop.reason, stop.status)]

    async def _feed(self, url: str, response: _Response) -> list[FetchResult]:
        links = feed_links(response.body, response.url)
        if links is None:
            raise _Stop(REFUSED, "content_type: XML that is not an RSS or Atom feed", response.status)
        links = links[: self._policy.feed_max_items]
        nested = await asyncio.gather(*(self.fetch(link, feeds=False) for link in links))
        summary = FetchResult(url, FEED, f"feed listing {len(links)} articles", response.status)
        return [summary, *(result for results in nested for result in results)]

    def _land(self, url: str, response: _Response, mime: str, previous: Path | None) -> FetchResult:
        if mime in FEED_TYPES:
            raise _Stop(REFUSED, "content_type: a feed listed inside a feed is not followed", response.status)
        extension = ".html" if "html" in mime else ".md" if "markdown" in mime else ".txt"
        unchanged = (
            previous is not None and previous.suffix == extension and previous.read_bytes() == response.body
        )
        headers = {k: v for k, v in response.headers.items() if k.lower() not in _DROPPED_HEADERS}
        meta: dict[str, Any] = {
            "url": url,
            "final_url": response.url,
            "http_status": response.status,
            "http_headers": headers,
            "fetched_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "etag": response.headers.get("etag"),
            "last_modified": response.headers.get("last-modified"),
        }
        try:
            page = land_page(self._landing, url, response.body, extension, meta)
        except (OSError, ValueError) as error:
            raise _Stop(FAILED, f"landing: could not write the page ({error})", response.status) from None
        if unchanged:
            return FetchResult(url, UNCHANGED, "same content as the last fetch", response.status, str(page))
        return FetchResult(url, FETCHED, None, response.status, str(page))

    async def _follow(self, url: str, headers: dict[str, str]) -> _Response:
        """GET with redirects followed by hand, so every hop is checked like the first URL."""
        chain = [url]
        for _ in range(self._policy.max_redirects + 1):
            response = await self._with_retries(chain[-1], headers)
            if not (response.status in (301, 302, 303, 307, 308) and "location" in response.headers):
                return response
            try:
                target = checked_url(urljoin(chain[-1], response.headers["location"]))
            except UnsafeURL as error:
                raise _Stop(REFUSED, f"redirect to a refused URL: {error}", response.status) from None
            if target in chain:
                raise _Stop(FAILED, f"redirect_loop: {' → '.join([*chain, target])}", response.status)
            chain.append(target)
        raise _Stop(FAILED, f"too_many_redirects: more than {self._policy.max_redirects}", response.status)

    async def _with_retries(self, url: str, headers: dict[str, str]) -> _Response:
        """One hop, retried with exponential backoff on connection errors, timeouts and 5xx/429."""
        attempts = self._policy.retries + 1
        problem, status = "", None
        for attempt in range(attempts):
            wait = self._policy.backoff_s * 2**attempt
            try:
                # The host's slot first: waiting for a busy host must not hold a global slot.
                async with self._host_slots[urlsplit(url).netloc], self._slots:
                    async with asyncio.timeout(self._policy.timeout_s):
                        response = await self._get(url, headers)
            except UnsafeURL as error:
                raise _Stop(REFUSED, str(error)) from None
            except (httpx.TimeoutException, TimeoutError):
                problem, status = f"timeout: no complete response within {self._policy.timeout_s:g} s", None
            except httpx.TransportError as error:
                problem, status = f"connection: {type(error).__name__}: {error}", None
            else:
                if response.status not in _RETRY_STATUSES:
                    return response
                problem, status = f"http_status: the server answered {response.status}", response.status
                wait = max(wait, _retry_after(response.headers))
            if attempt + 1 < attempts:
                await asyncio.sleep(wait)
        raise _Stop(FAILED, f"{problem} ({attempts} attempts)", status)

    async def _get(self, url: str, headers: dict[str, str]) -> _Response:
        async with self._client.stream("GET", url, headers=headers) as response:
            if response.status_code != 200:
                return _Response(str(response.url), response.status_code, response.headers)
            mime = _mime(response.headers)
            if mime not in self._policy.content_types and mime not in FEED_TYPES:
                raise _Stop(REFUSED, f"content_type: {mime or 'none given'} is not an article type", 200)
            limit = self._policy.max_bytes
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise _Stop(REFUSED, f"too_large: {int(declared):,} bytes declared, max {limit:,}", 200)
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > limit:
                    raise _Stop(REFUSED, f"too_large: more than {limit:,} bytes, download stopped", 200)
            return _Response(str(response.url), 200, response.headers, bytes(body))


def _mime(headers: httpx.Headers) -> str:
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _validators(meta: dict[str, Any]) -> dict[str, str]:
    """Conditional-request headers from the previous fetch's sidecar."""
    headers = {}
    if isinstance(meta.get("etag"), str):
        headers["If-None-Match"] = meta["etag"]
    if isinstance(meta.get("last_modified"), str):
        headers["If-Modified-Since"] = meta["last_modified"]
    return headers


def _retry_after(headers: httpx.Headers) -> float:
    """Seconds the server asked us to wait (Retry-After as seconds or HTTP date), capped."""
    value = headers.get("retry-after", "").strip()
    if value.isdigit():
        return min(float(value), _MAX_RETRY_AFTER_S)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return min(max((when - dt.datetime.now(dt.UTC)).total_seconds(), 0.0), _MAX_RETRY_AFTER_S)
