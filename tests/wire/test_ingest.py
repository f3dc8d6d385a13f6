"""Ingest: every item once, newer versions update and flag stories, bad sources store nothing."""

import pytest

from dateline.wire import services
from dateline.wire.models import WireItem, WireItemVersion, WireProvider, WireStory
from dateline.wire.parsers import SourceError
from tests.news.factories import SectionFactory

pytestmark = pytest.mark.django_db


def test_an_item_is_stored_with_its_first_version(ingest):
    report = ingest("ninjs-2.2.json")
    assert (report.created, report.updated, report.unchanged) == (1, 0, 0)
    item = WireItem.objects.get()
    assert item.guid == "http://nordic-wire.example/item/2026-12-05/nw-4410"
    assert item.headline == "Island ferry link to reopen after two-year repair"
    assert item.version == "3" and item.status == "usable"
    assert list(item.versions.values_list("version", flat=True)) == ["3"]


@pytest.mark.parametrize(
    "fixture", ["rss2.xml", "atom.xml", "rss1.rdf", "ninjs-list.json", "newsml-g2.xml"]
)
def test_reading_the_same_source_a_hundred_times_creates_no_duplicate(ingest, fixture):
    first = ingest(fixture)
    items, versions = WireItem.objects.count(), WireItemVersion.objects.count()
    for _ in range(99):
        report = ingest(fixture)
        assert report.created == report.updated == 0
    assert report.unchanged == first.created
    assert WireItem.objects.count() == items == first.created
    assert WireItemVersion.objects.count() == versions


def test_the_same_guid_from_two_providers_is_two_items(ingest, provider):
    other = WireProvider.objects.create(name="Other", url="https://other.example/")
    ingest("ninjs-2.2.json")
    ingest("ninjs-2.2.json", to=other)
    assert WireItem.objects.count() == 2


@pytest.fixture
def story_from_item(ingest, home, newsroom_user):
    """A story an editor made from version 3 of the ferry item."""
    from tests.news.factories import AuthorFactory

    ingest("ninjs-2.2.json")
    editor = newsroom_user("Editors", "ed")
    section = SectionFactory(title="World", slug="world")
    return services.wire_story_create(
        item=WireItem.objects.get(), user=editor, section=section, authors=[AuthorFactory()]
    )


def test_a_newer_version_updates_the_item_and_flags_its_stories(ingest, story_from_item):
    report = ingest("ninjs-2.2-update.json")
    assert (report.created, report.updated, report.flagged) == (0, 1, 1)
    item = WireItem.objects.get()
    assert item.version == "4"
    assert item.headline == "Island ferry link to reopen on 17 December after repair delay"
    story_from_item.refresh_from_db()
    assert story_from_item.flag == WireStory.Flag.UPDATED and story_from_item.flagged_at
    assert list(item.versions.values_list("version", flat=True)) == ["4", "3"]


def test_an_older_version_is_skipped_and_changes_nothing(ingest):
    ingest("ninjs-2.2.json")
    report = ingest("ninjs-2.2-older.json")
    assert report.skipped == [
        (
            "http://nordic-wire.example/item/2026-12-05/nw-4410",
            "version 2 is older than the stored 3",
        )
    ]
    assert WireItem.objects.get().version == "3"


@pytest.mark.parametrize(
    ("notice", "status", "flag"),
    [
        ("ninjs-2.2-withheld.json", "withheld", WireStory.Flag.WITHHELD),
        ("ninjs-2.2-canceled.json", "canceled", WireStory.Flag.KILLED),
    ],
)
def test_a_withheld_or_killed_item_is_marked_and_its_stories_flagged(
    ingest, story_from_item, notice, status, flag
):
    ingest(notice)
    item = WireItem.objects.get()
    assert item.status == status
    assert item.headline == "Island ferry link to reopen after two-year repair"  # text kept
    assert item.ednote.startswith(("WITHHOLD", "KILL"))
    story_from_item.refresh_from_db()
    assert story_from_item.flag == flag


def test_a_newsml_kill_notice_marks_the_item(ingest):
    ingest("newsml-g2.xml")
    ingest("newsml-g2-kill.xml")
    killed = WireItem.objects.get(guid="urn:newsml:fjord-wire.example:20261205:fw-7721")
    assert killed.status == "canceled" and killed.ednote.startswith("KILL.")


def test_an_item_listed_twice_in_one_source_keeps_its_newest_version(ingest, provider):
    data = (
        b'[{"uri": "urn:x:1", "version": "1", "headline": "First"},'
        b' {"uri": "urn:x:1", "version": "2", "headline": "Second"}]'
    )
    report = services.wire_ingest(provider=provider, data=data)
    assert report.created == 1 and WireItem.objects.get().headline == "Second"
    assert report.skipped == [("urn:x:1", "listed twice; version 1 was older")]
    twice = b'{"uri": "urn:x:9", "version": "1", "headline": "A"}'
    report = services.wire_ingest(provider=provider, data=b"[" + twice + b"," + twice + b"]")
    assert report.skipped == [("urn:x:9", "listed twice with the same version")]


def test_a_corrected_rss_item_is_a_new_version(ingest, provider):
    from tests.wire.conftest import fixture_bytes

    ingest("rss2.xml")
    corrected = fixture_bytes("rss2.xml").replace(b"by 412 to 97", b"by 421 to 97")
    report = services.wire_ingest(provider=provider, data=corrected)
    assert (report.updated, report.unchanged) == (1, 2)
    assert "421 to 97" in WireItem.objects.get(guid="nwa-20261205-harbour-strike").body_html


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut off',
        b'[{"uri": "urn:x:1", "headline": "A"}, {"uri": "urn:x:2", "headline": "B"},',
        b"<html><head><title>Maintenance</title></head></html>",
    ],
)
def test_an_unreadable_source_stores_nothing(provider, data):
    with pytest.raises(SourceError):
        services.wire_ingest(provider=provider, data=data)
    assert not WireItem.objects.exists() and not WireItemVersion.objects.exists()


def test_items_are_written_in_batches_each_whole(provider, monkeypatch):
    """A source larger than a batch is stored completely, in several transactions."""
    monkeypatch.setattr(services, "BATCH", 7)
    items = ",".join(
        f'{{"uri": "urn:x:{n}", "version": "1", "headline": "Item {n}"}}' for n in range(30)
    )
    report = services.wire_ingest(provider=provider, data=f"[{items}]".encode())
    assert report.created == 30 and WireItemVersion.objects.count() == 30


def test_a_batch_costs_a_handful_of_queries_not_one_per_item(
    provider, django_assert_max_num_queries, django_assert_num_queries
):
    items = ",".join(
        f'{{"uri": "urn:x:{n}", "version": "1", "headline": "Item {n}"}}' for n in range(200)
    )
    source = f"[{items}]".encode()
    # One look-up, then bulk inserts (SQLite takes ~40 rows a statement), in a savepoint.
    with django_assert_max_num_queries(10):
        services.wire_ingest(provider=provider, data=source)
    with django_assert_num_queries(4):  # read again: two look-ups, nothing written
        services.wire_ingest(provider=provider, data=source)
