"""The Varnish configuration printed by `dateline edge vcl` (template: templates/edge/varnish.vcl).

The rules are those of the page cache (dateline.edge.wsgi), said in VCL: who is
anonymous, what may be shared, how long, and which surrogate keys index it.
"""

import ipaddress
import re
from importlib.resources import files
from string import Template

from django.conf import settings

from dateline.edge.conf import edge_settings

DEFAULT_PURGERS = ("127.0.0.1", "::1")
HOST_PREFIX = "__Host-"
COOKIE_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


def parse_backend(value: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:8000`` for IPv6) as a host and a port; ValueError if not."""
    host, sep, port = value.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"expected HOST:PORT, got {value!r}")
    if any(char in host for char in '"{} \t\n'):
        raise ValueError(f"not a host name or address: {host!r}")
    return host, int(port)


def acl_entry(address: str) -> str:
    """One ACL line: an address or a network (``10.0.0.0/8``); ValueError if neither."""
    network = ipaddress.ip_network(address.strip(), strict=False)
    if network.num_addresses == 1:
        return f'    "{network.network_address}";'
    return f'    "{network.network_address}"/{network.prefixlen};'


def purgers_from_settings() -> list[str]:
    return list(getattr(settings, "EDGE_VARNISH_PURGERS", None) or DEFAULT_PURGERS)


def varnish_vcl(*, backend: str, purgers: list[str] | None = None) -> str:
    """A complete VCL for Varnish 7 (with xkey) in front of Dateline at `backend`."""
    host, port = parse_backend(backend)
    purgers = purgers or purgers_from_settings()
    # With and without the prefix HTTPS adds (``__Host-sessionid``): the VCL stays right
    # whether or not it was printed with the production environment's DATELINE_HTTPS.
    cookies = list(
        dict.fromkeys(
            variant
            for name in edge_settings().bypass_cookies
            if name
            for variant in (
                name.removeprefix(HOST_PREFIX),
                HOST_PREFIX + name.removeprefix(HOST_PREFIX),
            )
        )
    )
    for name in cookies:
        if not COOKIE_NAME.match(name):
            raise ValueError(f"cookie name {name!r} cannot be matched in VCL")
    template = Template(files("dateline.edge").joinpath("templates/edge/varnish.vcl").read_text())
    return template.substitute(
        backend_host=host,
        backend_port=port,
        probe_host=host if ":" not in host else f"[{host}]",
        purger_acl="\n".join(acl_entry(address) for address in purgers),
        purger_list=", ".join(purgers),
        bypass_cookie_names=", ".join(cookies),
        bypass_cookie_pattern="|".join(re.escape(name) for name in cookies),
    )
