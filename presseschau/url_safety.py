"""Which URLs the fetcher may request and which addresses it may connect to.

The address check sits in the network backend, so it runs for every connection the
HTTP client opens (first request, each redirect hop, each retry) on the addresses
actually connected to: a host name that resolves to a private address is refused
even when it looks public, and there is no gap between checking and connecting.

Public addresses are allowed. Loopback, private, shared (CGNAT) and other non-public ones
only when an allow-list (`fetch_allow_networks`) names their network or the host name.
Link-local addresses and cloud metadata endpoints are never allowed, nor the unspecified
address and multicast.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import anyio
import httpcore
import httpx

from presseschau.clean.resources import data_lines

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


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# IPv6 addresses that carry an IPv4 address a gateway would connect to: NAT64's well-known prefix.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


@dataclass(frozen=True)
class AllowList:
    """Non-public networks and host names the fetcher may connect to (an intranet, a test server)."""

    networks: tuple[IPNetwork, ...] = ()
    hosts: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, entries: Iterable[str]) -> AllowList:
        """Entries are networks ("10.0.0.0/8", "127.0.0.1", "fd12::/16") or host names ("intranet")."""
        networks: list[IPNetwork] = []
        hosts: set[str] = set()
        for entry in (e.strip() for e in entries):
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                hosts.add(_host_key(entry))
        return cls(tuple(networks), frozenset(hosts))

    def admits(self, host: str, ip: IPAddress) -> bool:
        return _host_key(host) in self.hosts or any(ip in network for network in self.networks)


def refusal(address: str, host: str, allowed: AllowList) -> str | None:
    """Why connecting to `address` (what `host` resolved to) is refused; None when it is allowed."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for inner in _embedded_ipv4(ip):
        if (reason := refusal(str(inner), host, allowed)) is not None:
            return reason
    if ip.is_unspecified or ip.is_multicast:
        return f"{host} resolves to {address}, the unspecified address or multicast, never fetched"
    if ip.is_link_local or any(ip in network for network in _metadata_networks()):
        return f"{host} resolves to {address}, a link-local or cloud metadata address, never fetched"
    if ip.is_global or allowed.admits(host, ip):
        return None
    return (
        f"{host} resolves to {address}, a loopback, private or reserved address "
        "(list its network or host in fetch_allow_networks to fetch from it)"
    )


def _embedded_ipv4(ip: IPAddress) -> list[ipaddress.IPv4Address]:
    """The IPv4 address a gateway would reach for an IPv6 address (6to4, NAT64): checked too."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    inner = [ip.sixtofour]
    if ip in _NAT64:
        inner.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [address for address in inner if address is not None]


@cache
def _metadata_networks() -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(line.split()[0]) for line in data_lines("metadata_addresses.txt"))


def _host_key(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves the host itself, refuses it if any address is not allowed, then connects by address."""

    def __init__(self, allowed: AllowList) -> None:
        self._allowed = allowed
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
        refused = [reason for a in addresses if (reason := refusal(a, host, self._allowed)) is not None]
        if refused:
            raise UnsafeURL("private_address", refused[0])
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

    def __init__(self, allowed: AllowList, max_connections: int) -> None:
        super().__init__(trust_env=False)
        # httpx offers no public hook for the network backend, so the transport's
        # connection pool is replaced by an equivalent one that uses the guard.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            network_backend=GuardedBackend(allowed),
        )
