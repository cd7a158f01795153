"""The SSRF guard: which addresses Exodus may connect to when it fetches a URL.

A URL from a feed, a sitemap or a redirect is chosen by someone else; fetching it must not reach
this machine, the local network or a cloud's metadata service (169.254.169.254). So every address
a host name resolves to is checked, and the connection goes to one of the checked addresses (never
to a second lookup of the name, which could answer differently). Hosts the user names with
`--allow-host` are exempt.
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

from exodus.errors import ExodusError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_CARRIER_GRADE_NAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


class AddressRefused(ExodusError):
    """A host that resolves to an address Exodus does not connect to (loopback, private, ...)."""


def refusal_reason(address: IPAddress) -> str | None:
    """Why Exodus will not connect to `address` ("loopback", "private", ...), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            reason = refusal_reason(embedded)
            return f"{reason} IPv4 {embedded} inside IPv6" if reason else None
        if address.is_site_local:
            return "site-local"
    for reason, refused in (("unspecified", address.is_unspecified), ("loopback", address.is_loopback),
                            ("link-local", address.is_link_local), ("multicast", address.is_multicast),
                            ("private", address.is_private), ("reserved", address.is_reserved)):
        if refused:
            return reason
    if address in _CARRIER_GRADE_NAT:
        return "carrier-grade NAT"
    if not address.is_global:
        return "not a public address"
    return None


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, Teredo client, NAT64, IPv4-compatible)."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def normalize_host(host: str) -> str:
    """A host as the allow list compares it: lower case, no brackets or final dot, an IP in canonical form."""
    host = host.strip().strip("[]").rstrip(".").lower()
    try:
        return ipaddress.ip_address(host.split("%")[0]).compressed
    except ValueError:
        return host


def allowed_hosts(hosts: Iterable[str]) -> frozenset[str]:
    """The normalized hosts of an allow list; entries may be comma-separated (as in EXODUS_ALLOW_HOSTS)."""
    return frozenset(normalize_host(part) for host in hosts for part in str(host).split(",") if part.strip())


def resolve_checked(host: str, port: int, allow: frozenset[str] = frozenset()) -> list[str]:
    """The addresses of `host` to connect to, every one of them checked; `AddressRefused` (naming the
    host, the address and why) when any is refused, unless `host` is in `allow`."""
    bare = host.strip("[]")
    try:
        answers = socket.getaddrinfo(bare, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise AddressRefused(f"cannot resolve host {host!r} ({err})") from None
    addresses = list(dict.fromkeys(str(answer[4][0]) for answer in answers))
    if normalize_host(host) in allow:
        return addresses
    for text in addresses:
        address = ipaddress.ip_address(text.split("%")[0])
        reason = refusal_reason(address)
        if reason:
            resolved = "" if normalize_host(host) == address.compressed else f" resolves to {address}, which"
            raise AddressRefused(f"{host}{resolved} is refused ({reason} address): Exodus fetches only from "
                                 f"public addresses (--allow-host {normalize_host(host)} allows it)")
    if not addresses:
        raise AddressRefused(f"host {host!r} has no address")
    return addresses
