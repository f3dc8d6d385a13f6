"""The address of the client behind our own proxies, for lockouts, rate limits and logs.

`X-Forwarded-For` is only believed hop by hop from the right: each hop added by a
proxy in DATELINE_TRUSTED_PROXIES is skipped, and the first address that is not a
trusted proxy is the client. A client can put anything at the left of the header, so
taking the leftmost entry would let anyone pick the address they are locked out under.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _trusted_networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "192.0.2.1:443"
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def client_address_for(request: HttpRequest) -> str | None:
    """The client's IP address as text, or None when the request carries no usable address."""
    trusted = _trusted_networks(tuple(settings.DATELINE_TRUSTED_PROXIES))
    peer = _parse(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return None
    if not any(peer in network for network in trusted):
        return str(peer)
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            # A garbled hop from a trusted proxy: stop at the last address we could trust.
            break
        if not any(address in network for network in trusted):
            return str(address)
        peer = address
    return str(peer)
