"""`dateline wire ingest SOURCE`: a file or URL read once, with a summary a person reads."""

import pytest
from django.core.management import CommandError, call_command

from dateline.wire.models import WireItem, WireProvider
from tests.wire.conftest import FIXTURES, fixture_bytes
from tests.wire.feed_server import FeedServer, Route

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("wire", "ingest", *args, stdout=out)
    return out.getvalue()


def test_ingesting_a_file_prints_created_updated_unchanged_and_skipped(provider):
    output = run(str(FIXTURES / "ninjs-list.json"), "--provider", "Nordic Wire")
    assert "Provider: Nordic Wire" in output and "(ninjs 2.x)" in output
    assert "created 2, updated 0, unchanged 0, skipped 4" in output
    assert "skipped urn:agency.example:photo:9002: it is a picture item, not text" in output
    again = run(str(FIXTURES / "ninjs-list.json"), "--provider", "Nordic Wire")
    assert "created 0, updated 0, unchanged 2, skipped 4" in again


def test_without_a_provider_the_file_gets_one_of_its_own_that_is_never_polled(db):
    output = run(str(FIXTURES / "newsml-g2.xml"))
    assert "Provider: newsml-g2.xml (new, not polled)" in output
    provider = WireProvider.objects.get(name="newsml-g2.xml")
    assert not provider.active and provider.items.count() == 2


def test_a_forced_format(provider, tmp_path):
    odd_name = tmp_path / "feed.dat"
    odd_name.write_bytes(fixture_bytes("atom.xml"))
    assert "created 2" in run(str(odd_name), "--provider", "Nordic Wire", "--format", "feed")


def test_ingesting_a_url(provider):
    server = FeedServer()
    try:
        url = server.add("/top.rss", Route(fixture_bytes("rss2.xml")))
        output = run(url, "--provider", "Nordic Wire")
    finally:
        server.close()
    assert "(RSS 2.0)" in output and "created 3" in output


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<html><head><title>502</title></head></html>", "This is an HTML page"),
        (b'{"uri": ', "The document is not valid JSON"),
    ],
)
def test_a_bad_source_is_an_error_message_not_a_traceback(provider, tmp_path, content, reason):
    source = tmp_path / "bad"
    source.write_bytes(content)
    with pytest.raises(CommandError, match=f"nothing stored. {reason}"):
        run(str(source), "--provider", "Nordic Wire")
    assert not WireItem.objects.exists()
    with pytest.raises(CommandError, match=f"nothing stored. {reason}"):
        run(str(source))  # no provider named: none is left behind either
    assert list(WireProvider.objects.values_list("name", flat=True)) == ["Nordic Wire"]


def test_a_missing_file_or_provider_is_an_error_message(provider, tmp_path):
    with pytest.raises(CommandError, match="Cannot read the file: No such file or directory"):
        run(str(tmp_path / "nope.xml"), "--provider", "Nordic Wire")
    with pytest.raises(CommandError, match="No wire provider is called 'Nobody'"):
        run(str(FIXTURES / "rss2.xml"), "--provider", "Nobody")
