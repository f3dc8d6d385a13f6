"""Which address a request counts as, directly and behind our own proxies."""

import ipaddress

import pytest
from django.test import RequestFactory, override_settings
from hypothesis import given
from hypothesis import strategies as st

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


def forwarded(remote_addr, header):
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, HTTP_FORWARDED=header)
    return client_address_for(request)


@pytest.fixture
def rfc7239_proxies(settings):
    settings.DATELINE_PROXY_HEADER = "forwarded"


@pytest.mark.usefixtures("rfc7239_proxies")
def test_forwarded_is_read_hop_by_hop_from_the_right():
    assert forwarded("127.0.0.1", "for=203.0.113.5;proto=https;by=127.0.0.1") == "203.0.113.5"
    header = 'for=1.2.3.4, for="203.0.113.5:51234";proto=https, For=10.1.2.3'
    assert forwarded("127.0.0.1", header) == "203.0.113.5"


@pytest.mark.usefixtures("rfc7239_proxies")
def test_forwarded_ipv6_nodes_are_quoted_and_bracketed():
    assert forwarded("2001:db8::1", 'for="[2600::7]:4711"') == "2600::7"
    assert forwarded("2001:db8::1", 'for="[2001:db8::9]", for="[2600::7]"') == "2600::7"


@pytest.mark.usefixtures("rfc7239_proxies")
def test_a_hidden_or_malformed_forwarded_hop_stops_at_the_last_trusted_proxy():
    assert forwarded("127.0.0.1", "for=unknown") == "127.0.0.1"
    assert forwarded("127.0.0.1", "for=_gateway, for=10.0.0.7") == "10.0.0.7"
    assert forwarded("127.0.0.1", "for=203.0.113.5, garbage") == "127.0.0.1"
    assert forwarded("127.0.0.1", "proto=https") == "127.0.0.1"


@pytest.mark.usefixtures("rfc7239_proxies")
def test_when_proxies_write_forwarded_a_client_written_x_forwarded_for_is_ignored():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1",
        HTTP_FORWARDED="for=203.0.113.5",
    )  # fmt: skip
    assert client_address_for(request) == "203.0.113.5"


def test_when_proxies_write_x_forwarded_for_a_client_written_forwarded_is_ignored():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5",
        HTTP_FORWARDED="for=198.51.100.1",
    )  # fmt: skip
    assert client_address_for(request) == "203.0.113.5"


def test_an_ipv4_mapped_ipv6_peer_is_its_ipv4_address():
    assert address("::ffff:127.0.0.1", "203.0.113.5") == "203.0.113.5"
    assert address("::ffff:203.0.113.9") == "203.0.113.9"


@given(header=st.text(max_size=80), kind=st.sampled_from(["x-forwarded-for", "forwarded"]))
def test_any_header_a_trusted_proxy_passes_on_gives_an_address_and_never_an_error(header, kind):
    meta = {"HTTP_X_FORWARDED_FOR": header, "HTTP_FORWARDED": header}
    with override_settings(DATELINE_PROXY_HEADER=kind):
        found = client_address_for(RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", **meta))
    assert ipaddress.ip_address(found)
