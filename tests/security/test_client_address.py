"""Which address a request counts as, directly and behind our own proxies."""

import pytest
from django.test import RequestFactory

from dateline.security.client_address import client_address_for


def address(remote_addr, forwarded_for=None):
    meta = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client_address_for(RequestFactory().get("/", **meta))


@pytest.fixture(autouse=True)
def proxies(settings):
    settings.DATELINE_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8", "2001:db8::/32"]


def test_a_direct_client_is_its_peer_address_whatever_headers_it_sends():
    assert address("203.0.113.5", "198.51.100.1") == "203.0.113.5"


def test_behind_one_trusted_proxy_the_last_hop_is_the_client():
    assert address("127.0.0.1", "203.0.113.5") == "203.0.113.5"


def test_hops_are_believed_only_through_trusted_proxies():
    # Client-written entries to the left of the first untrusted hop are ignored.
    assert address("127.0.0.1", "1.2.3.4, 203.0.113.5, 10.1.2.3") == "203.0.113.5"


def test_ipv6_and_ports_are_understood():
    assert address("2001:db8::1", "[2001:db8:ffff::9]:443, 2600::7") == "2600::7"
    assert address("127.0.0.1", "203.0.113.5:51234") == "203.0.113.5"


def test_a_garbled_header_falls_back_to_the_last_trusted_hop():
    assert address("127.0.0.1", "not-an-address") == "127.0.0.1"


def test_a_request_without_an_address_has_none():
    assert address("") is None


def test_with_no_trusted_proxies_the_header_is_ignored(settings):
    settings.DATELINE_TRUSTED_PROXIES = []
    assert address("127.0.0.1", "203.0.113.5") == "127.0.0.1"
