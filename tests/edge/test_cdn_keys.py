"""Varnish and Fastly purge the same surrogate keys as the page cache, from a task.

A local fake of each (tests/edge/fake_purge_api.py) records what Dateline sends.
"""

import logging

import pytest

from dateline.edge import cdn
from dateline.edge.invalidation import purge_now
from tests.edge.fake_purge_api import FakePurgeAPI
from tests.news.factories import ArticleFactory, SectionFactory

NO_PAUSES = (0.0, 0.0)


@pytest.fixture
def varnish(settings):
    with FakePurgeAPI() as fake:
        settings.EDGE_VARNISH_URLS = [fake.url]
        yield fake


@pytest.fixture
def fastly(settings):
    with FakePurgeAPI() as fake:
        settings.EDGE_FASTLY_SERVICE_ID = "SU1Z0isxPaozGVKXdv0eY"
        settings.EDGE_FASTLY_API_TOKEN = "fastly-test-token"
        settings.EDGE_FASTLY_API_URL = fake.url
        yield fake


@pytest.fixture
def no_pauses(monkeypatch):
    monkeypatch.setattr(cdn, "PAUSES", NO_PAUSES)
    monkeypatch.setattr(cdn.keys_purge_everywhere, "__kwdefaults__", {"pauses": NO_PAUSES})


def test_a_page_cache_purge_purges_the_same_sent_keys_in_varnish(varnish):
    purge_now({"page-12", "listing"})
    (request,) = varnish.requests
    assert request.method == "PURGE"
    assert request.path == "/"
    # content-12 is checked inside Dateline only: no response carries it.
    assert request.keys == ["listing", "page-12"]
    assert request.headers["purge-mode"] == "soft"


def test_live_bumps_and_content_keys_alone_send_nothing(varnish):
    purge_now({"live-12"})
    purge_now({"content-12"}, comments_only=True)
    purge_now({"comments-12"})
    assert varnish.requests == []


def test_every_varnish_node_is_purged(settings, varnish):
    with FakePurgeAPI() as second:
        settings.EDGE_VARNISH_URLS = [varnish.url, second.url + "/"]
        purge_now({"settings"})
        assert varnish.purged_keys() == second.purged_keys() == {"settings"}


def test_many_keys_go_in_several_requests_each_under_varnish_header_limit(varnish):
    keys = {f"page-{number}" for number in range(2000)}
    purge_now(keys)
    assert len(varnish.requests) > 1
    assert all(len(r.headers["surrogate-key"]) <= cdn.VARNISH_BATCH_CHARS for r in varnish.requests)
    assert varnish.purged_keys() == keys


def test_fastly_gets_soft_purges_by_surrogate_key_in_batches_of_256(fastly):
    keys = {f"page-{number}" for number in range(600)}
    purge_now(keys)
    assert [len(request.keys) for request in fastly.requests] == [256, 256, 88]
    for request in fastly.requests:
        assert request.method == "POST"
        assert request.path == "/service/SU1Z0isxPaozGVKXdv0eY/purge"
        assert request.headers["fastly-key"] == "fastly-test-token"
        assert request.headers["fastly-soft-purge"] == "1"
    assert fastly.purged_keys() == keys


def test_fastly_hard_purges_when_soft_purges_are_turned_off(settings, fastly):
    settings.EDGE_FASTLY_SOFT_PURGE = False
    purge_now({"listing"})
    (request,) = fastly.requests
    assert "fastly-soft-purge" not in request.headers


@pytest.mark.django_db
def test_approving_a_comment_purges_its_article_in_varnish_and_fastly(
    varnish, fastly, commit, home
):
    from wagtail.models import Site

    from dateline.comments import services
    from dateline.comments.models import CommentSettings
    from tests.comments.factories import CommentFactory

    CommentSettings.for_site(Site.objects.get(is_default_site=True))  # saved once, up front
    story = ArticleFactory(section=SectionFactory(slug="world"), slug="harbour-reopens")
    waiting = CommentFactory(article=story, status="pending")
    varnish.requests.clear(), fastly.requests.clear()
    commit(services.comment_approve, comment=waiting)
    assert varnish.purged_keys() == fastly.purged_keys() == {f"page-{story.pk}"}


@pytest.mark.django_db
def test_the_purge_is_queued_as_a_task_not_sent_by_the_change_itself(varnish, commit, home):
    from unittest import mock

    story = ArticleFactory(section=SectionFactory(slug="world"), publish=False)
    varnish.requests.clear()
    with mock.patch("dateline.edge.tasks.purge_edge_keys") as task:
        commit(story.save_revision().publish)
    enqueue = task.enqueue
    assert varnish.requests == []  # nothing sent while the change ran
    (queued,) = enqueue.call_args_list
    assert {f"page-{story.pk}", "listing"} <= set(queued.kwargs["keys"])


def test_a_failing_node_is_retried_then_logged_and_the_others_still_purged(
    settings, varnish, fastly, no_pauses, caplog
):
    varnish.statuses = [503, 503, 503]
    with caplog.at_level(logging.ERROR, logger="dateline.edge.cdn"):
        report = cdn.keys_purge_everywhere(keys={"listing"})
    assert len(varnish.requests) == cdn.ATTEMPTS
    assert report["failed"] == [f"Varnish {varnish.url}"]
    assert report["purged"] == ["Fastly service SU1Z0isxPaozGVKXdv0eY"]
    (line,) = caplog.records
    assert "failed after 3 attempts" in line.getMessage()
    assert varnish.url in line.getMessage()


def test_a_node_that_recovers_on_a_retry_is_purged(varnish, no_pauses):
    varnish.statuses = [503]
    report = cdn.keys_purge_everywhere(keys={"listing"})
    assert len(varnish.requests) == 2
    assert report["purged"] == [f"Varnish {varnish.url}"] and report["failed"] == []


def test_an_unreachable_node_is_logged_not_raised(settings, no_pauses, caplog):
    from tests.ops.servers import free_port

    settings.EDGE_VARNISH_URLS = [f"http://127.0.0.1:{free_port()}"]
    with caplog.at_level(logging.ERROR, logger="dateline.edge.cdn"):
        report = cdn.keys_purge_everywhere(keys={"listing"})
    assert report["failed"] and "failed after 3 attempts" in caplog.text


def test_a_second_purge_follows_for_renders_that_were_in_flight(varnish):
    """Varnish cannot tell a render that began before the change: where the task backend
    can defer (the database queue), the same keys are queued again a few seconds later."""
    from datetime import timedelta
    from unittest import mock

    from django.utils import timezone

    with mock.patch("dateline.edge.tasks.purge_edge_keys") as task:
        task.get_backend.return_value.supports_defer = True
        cdn.purge_in_background({"page-12", "content-12"})
    task.enqueue.assert_called_once_with(keys=["page-12"])
    later = task.using.call_args.kwargs["run_after"]
    assert (
        timedelta(seconds=1) < later - timezone.now() <= timedelta(seconds=cdn.SECOND_PURGE_AFTER)
    )
    task.using.return_value.enqueue.assert_called_once_with(keys=["page-12"])
