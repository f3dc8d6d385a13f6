"""Polling providers over HTTP: conditional GET, backoff, and bad sources that never crash.

Every source here is served by a real HTTP server on 127.0.0.1 (tests/wire/feed_server.py).
"""

import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from dateline.wire import services
from dateline.wire.models import WireItem, WireItemVersion, WireProvider
from tests.wire.conftest import fixture_bytes
from tests.wire.feed_server import Drip, FeedServer, GzipBomb, Huge, Redirect, Route, Slow

pytestmark = pytest.mark.django_db

NINJS = {"Content-Type": "application/json"}
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}


@pytest.fixture
def server():
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def wire_limits(settings):
    settings.DATELINE_WIRE_TIMEOUT = 1.5
    settings.DATELINE_WIRE_MAX_BYTES = 1_048_576
    return settings


def provider_at(url: str, **fields) -> WireProvider:
    return WireProvider.objects.create(name="Agency", url=url, poll_interval=300, **fields)


def poll(provider: WireProvider):
    report = services.provider_poll(provider=provider)
    provider.refresh_from_db()
    return report


def test_a_poll_stores_the_items_and_remembers_the_validators(server):
    route = Route(fixture_bytes("rss2.xml"), headers=RSS, etag='"v1"',
                  last_modified="Sat, 05 Dec 2026 14:42:00 GMT")  # fmt: skip
    provider = provider_at(server.add("/top.rss", route))
    report = poll(provider)
    assert report.created == 3 and report.error == ""
    assert provider.etag == '"v1"' and provider.last_modified == "Sat, 05 Dec 2026 14:42:00 GMT"
    assert provider.failures == 0 and provider.last_success_at is not None
    assert provider.next_poll_at - provider.last_polled_at == timedelta(seconds=300)


def test_the_next_poll_is_conditional_and_a_304_changes_nothing(server):
    route = Route(fixture_bytes("ninjs-2.2.json"), headers=NINJS, etag='"abc"')
    provider = provider_at(server.add("/feed.json", route))
    poll(provider)
    report = poll(provider)
    assert report.not_modified and report.summary() == "not modified since the last reading"
    assert route.requests[1]["If-None-Match"] == '"abc"'
    assert WireItem.objects.count() == 1


def test_last_modified_alone_makes_the_poll_conditional(server):
    route = Route(fixture_bytes("atom.xml"), last_modified="Sat, 05 Dec 2026 15:10:00 GMT")
    provider = provider_at(server.add("/national.atom", route))
    poll(provider)
    assert poll(provider).not_modified
    assert route.requests[1]["If-Modified-Since"] == "Sat, 05 Dec 2026 15:10:00 GMT"


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (Route(b"<h1>Not found</h1>", status=404), "The server answered HTTP 404 Not Found."),
        (Route(b"oops", status=500), "HTTP 500"),
        (Slow(delay=4), "within 1.5 seconds"),
        (Drip(interval=0.1), "took longer than 1.5 seconds"),
        (Huge(50 * 1024 * 1024, declare_length=True), "The answer is 50 MB, more than the 1 MB"),
        (Huge(50 * 1024 * 1024, declare_length=False), "grew past the 1 MB"),
        (GzipBomb(50 * 1024 * 1024), "grew past the 1 MB"),
        (Route(b"<!DOCTYPE html><html><head><title>Sign in</title></head></html>",
               headers={"Content-Type": "text/html"}), 'This is an HTML page ("Sign in")'),
        (Route(b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>Cut"),
         "not well-formed XML"),
        (Route(b'{"uri": "x", "headline": "y",}', headers=NINJS), "not valid JSON"),
        (Route('{"uri": "x", "headline": "Caf\u00e9"}'.encode("latin-1"), headers=NINJS),
         "not valid UTF-8"),
    ],
)  # fmt: skip
def test_a_bad_source_is_logged_with_its_reason_backs_off_and_stores_nothing(
    server, wire_limits, caplog, route, reason
):
    provider = provider_at(server.add("/source", route))
    with caplog.at_level(logging.WARNING, logger="dateline.wire"):
        report = poll(provider)
    assert reason in report.error
    assert reason in provider.last_error and provider.failures == 1
    assert provider.next_poll_at - provider.last_polled_at == timedelta(seconds=600)
    assert "Wire provider 'Agency'" in caplog.text and reason in caplog.text
    assert not WireItem.objects.exists() and not WireItemVersion.objects.exists()
    assert provider.etag == "" and provider.last_success_at is None


def test_a_redirect_loop_and_a_closed_port_are_failures_too(server, wire_limits):
    looping = provider_at(server.add("/a", Redirect(server.url("/b"))))
    server.add("/b", Redirect(server.url("/a")))
    assert poll(looping).error == "Too many redirects."
    closed = WireProvider.objects.create(name="Gone", url="http://127.0.0.1:9/feed")
    assert "Could not connect to 127.0.0.1" in poll(closed).error


def test_redirects_are_followed(server):
    server.add("/new.rss", Route(fixture_bytes("rss1.rdf")))
    provider = provider_at(server.add("/old.rss", Redirect(server.url("/new.rss"))))
    assert poll(provider).created == 2


def test_failures_in_a_row_double_the_wait_up_to_six_hours_and_success_resets_it(server):
    route = Route(b"down", status=503)
    provider = provider_at(server.add("/flaky", route))
    waits = []
    for _ in range(9):
        poll(provider)
        waits.append(provider.next_poll_at - provider.last_polled_at)
    minutes = [int(wait.total_seconds() // 60) for wait in waits]
    assert minutes == [10, 20, 40, 80, 160, 320, 360, 360, 360]
    route.status, route.body, route.headers = 200, fixture_bytes("rss2.xml"), RSS
    poll(provider)
    assert provider.failures == 0 and provider.last_error == ""
    assert provider.next_poll_at - provider.last_polled_at == timedelta(seconds=300)


def test_retry_after_makes_the_wait_longer(server):
    provider = provider_at(
        server.add("/busy", Route(b"", status=429, headers={"Retry-After": "7200"}))
    )
    poll(provider)
    assert provider.next_poll_at - provider.last_polled_at == timedelta(hours=2)


def test_the_scheduler_polls_due_providers_and_survives_bad_ones(server, wire_limits, caplog):
    good = provider_at(server.add("/good.json", Route(fixture_bytes("ninjs-list.json"))))
    bad = WireProvider.objects.create(
        name="Broken", url=server.add("/bad", Route(b"{", headers=NINJS))
    )
    later = WireProvider.objects.create(
        name="Later", url=server.url("/good.json"), next_poll_at=timezone.now() + timedelta(hours=1)
    )
    WireProvider.objects.create(name="Paused", url=server.url("/good.json"), active=False)
    with caplog.at_level(logging.WARNING, logger="dateline.wire"):
        call_command("scheduler", "--once")
    assert WireItem.objects.filter(provider=good).count() == 2
    bad.refresh_from_db()
    assert bad.failures == 1 and "not valid JSON" in bad.last_error
    assert not WireItem.objects.filter(provider__in=[bad, later]).exists()
    assert "Periodic job" not in caplog.text  # the job itself never failed
    call_command("wire", "poll")  # nothing is due again yet
    assert len(server.routes["/good.json"].requests) == 1


def test_a_provider_claimed_by_one_scheduler_is_not_queued_by_another(server):
    provider = provider_at(server.add("/x", Route(fixture_bytes("rss2.xml"))))
    stale_copy = WireProvider.objects.get(pk=provider.pk)
    assert services.provider_claim(provider=provider)
    assert not services.provider_claim(provider=stale_copy)


def test_an_uploaded_file_is_read_again_only_when_it_changes(db, settings, tmp_path):
    from django.core.files.base import ContentFile

    provider = WireProvider(name="Uploads")
    provider.upload.save("nordic.json", ContentFile(fixture_bytes("ninjs-2.2.json")))
    assert poll(provider).created == 1
    assert poll(provider).not_modified
    provider.upload.save("nordic.json", ContentFile(fixture_bytes("ninjs-2.2-update.json")))
    assert poll(provider).updated == 1
