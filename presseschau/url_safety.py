"""Which URLs the fetcher may request and which addresses it may connect to.

The address check sits in the network backend, so it runs for every connection the
HTTP client opens (first request, each redirect hop, each retry) on the addresses
actually connected to: a host name that resolves to a private address is refused
even when it looks public, and there is no gap between checking and connecting.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

import anyio
import httpcore
import httpx

SCHEMES = ("http", "https")


class UnsafeURL(ValueError):
    """The URL or the address it resolves to may not be fetched; `reason` is a short tag."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def checked_url(url: str) -> str:
    """The URL without its fragment (never sent to the server), or UnsafeURL."""
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError) as error:
        raise UnsafeURL("invalid_url", f"{url!r} is not a valid URL ({error})") from None
    if parsed.scheme not in SCHEMES:
        raise UnsafeURL("scheme", f"{url!r}: only http and https URLs are fetched")
    if not parsed.host:
        raise UnsafeURL("invalid_url", f"{url!r} has no host")
    return str(parsed.copy_with(fragment=None))


def address_allowed(address: str, allow_private: bool) -> bool:
    """Public unicast addresses always; loopback, private and link-local only when allowed."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_unspecified or ip.is_multicast:
        return False
    return allow_private or ip.is_global


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves the host itself, refuses it if any address is not allowed, then connects by address."""

    def __init__(self, allow_private: bool) -> None:
        self._allow_private = allow_private
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await _resolve(host, port, timeout)
        refused = [a for a in addresses if not address_allowed(a, self._allow_private)]
        if refused:
            raise UnsafeURL(
                "private_address",
                f"{host} resolves to {refused[0]}, a loopback, private, link-local or reserved address "
                "(set fetch_allow_private = true to fetch from such hosts)",
            )
        error: Exception = httpcore.ConnectError(f"no address to connect to for {host}")
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except httpcore.ConnectError as failed:
                error = failed
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise UnsafeURL("unix_socket", "the fetcher never connects to local sockets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


async def _resolve(host: str, port: int, timeout: float | None) -> list[str]:
    try:
        with anyio.fail_after(timeout):
            infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except TimeoutError:
        raise httpcore.ConnectTimeout(f"resolving {host} timed out") from None
    except OSError as error:
        raise httpcore.ConnectError(f"could not resolve {host}: {error}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedTransport(httpx.AsyncHTTPTransport):
    """An httpx transport whose every connection goes through `GuardedBackend`."""

    def __init__(self, allow_private: bool, max_connections: int) -> None:
        super().__init__(trust_env=False)
        # httpx offers no public hook for the network backend, so the transport's
        # connection pool is replaced by an equivalent one that uses the guard.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            network_backend=GuardedBackend(allow_private),
        )
