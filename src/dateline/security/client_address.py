"""The address of the client behind our own proxies: the one answer every part of
Dateline uses (sign-in lockout, comments and their bans, reports, rate limits, logs).

Proxy headers are only believed hop by hop from the right: each hop added by a proxy
in DATELINE_TRUSTED_PROXIES is skipped, and the first address that is not a trusted
proxy is the client. A client can put anything at the left of the header, so taking
the leftmost entry would let anyone pick the address they are counted, banned and
locked out under.

Which header the proxies write is a setting (DATELINE_PROXY_HEADER), not a guess:
`X-Forwarded-For` (nginx, HAProxy, Traefik, Caddy, Envoy) or RFC 7239's `Forwarded`.
A proxy appends to the one header it writes and passes the other through from the
client untouched, so reading both, or whichever is present, would believe a header
the client wrote.
"""

import ipaddress
import re
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

X_FORWARDED_FOR = "x-forwarded-for"
FORWARDED = "forwarded"
PROXY_HEADERS = {X_FORWARDED_FOR: "HTTP_X_FORWARDED_FOR", FORWARDED: "HTTP_FORWARDED"}

# RFC 7239 section 4: forwarded-pair = token "=" value; value = token / quoted-string.
_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"'
_PAIR = re.compile(rf"\s*({_TOKEN})=({_TOKEN}|{_QUOTED})\s*")


@lru_cache(maxsize=8)
def _trusted_networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _parse(value: str) -> Address | None:
    """An address from a header hop: "192.0.2.1", "192.0.2.1:443", "[2001:db8::1]:443"."""
    value = value.strip()
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:  # "::ffff:192.0.2.1" is 192.0.2.1
        return address.ipv4_mapped
    return address


def forwarded_for_hops(header: str) -> list[str | None]:
    """The `for=` node of each element of an RFC 7239 `Forwarded` header, left to right.

    An element without a usable `for=` (missing, or the header is malformed from there
    on) gives None, which the caller treats like a garbled hop. `for=unknown` and
    obfuscated names (`for=_hidden`) come back as written and parse as no address.
    """
    hops: list[str | None] = []
    position, length = 0, len(header)
    while position < length:
        node: str | None = None
        while True:
            pair = _PAIR.match(header, position)
            if pair is None:
                return [*hops, None]
            name, value = pair.groups()
            if value.startswith('"'):
                value = re.sub(r"\\(.)", r"\1", value[1:-1])
            if name.lower() == "for" and node is None:
                node = value
            position = pair.end()
            if position >= length or header[position] == ",":
                break
            if header[position] != ";":
                return [*hops, None]
            position += 1
        hops.append(node)
        position += 1  # the comma between elements
    return hops


def _hops(request: HttpRequest) -> list[str | None]:
    header = getattr(settings, "DATELINE_PROXY_HEADER", X_FORWARDED_FOR)
    value = request.META.get(PROXY_HEADERS[header], "")
    if not value.strip():
        return []
    if header == FORWARDED:
        return forwarded_for_hops(value)
    return value.split(",")


def client_address_for(request: HttpRequest) -> str | None:
    """The client's IP address as text, or None when the request carries no usable address."""
    trusted = _trusted_networks(tuple(settings.DATELINE_TRUSTED_PROXIES))
    peer = _parse(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return None
    if not any(peer in network for network in trusted):
        return str(peer)
    for hop in reversed(_hops(request)):
        address = _parse(hop) if hop is not None else None
        if address is None:
            # A garbled or hidden hop from a trusted proxy: stop at the last address we
            # could trust rather than believe anything written to the left of it.
            break
        if not any(address in network for network in trusted):
            return str(address)
        peer = address
    return str(peer)
