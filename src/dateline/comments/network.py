"""The commenter's network: only a truncated prefix is ever stored.

The full address comes from dateline.security.client_address, the one place that
decides which address a request is from (behind trusted proxies too).
"""

import ipaddress

IPV4_PREFIX = 24
IPV6_PREFIX = 48


def truncate_ip(ip: str | None) -> str | None:
    """203.0.113.57 -> 203.0.113.0; 2001:db8:1:2::1 -> 2001:db8:1::."""
    if not ip:
        return None
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    prefix = IPV4_PREFIX if address.version == 4 else IPV6_PREFIX
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address)
