"""Readers who cannot hold a stream poll one URL per interval, which the cache answers."""

import json

import pytest
from wagtail.models import Site

from dateline.live import conf, selectors, services
from dateline.live.models import LiveSettings
from tests.edge.conftest import backend, django_wsgi, site  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.django_db

NOW = 1_800_000_005.0


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    """The poll buckets follow this clock; tests move it by hand."""

    class Clock:
        now = NOW

        def time(self):
            return self.now

    clock = Clock()
    monkeypatch.setattr(conf, "time", clock)
    return clock


@pytest.fixture
def renders(monkeypatch):
    """How many times the origin built a poll answer (read the log) for each page."""
    counted = []
    original = selectors.latest_events

    def counting(page_id, **kwargs):
        counted.append(page_id)
        return original(page_id, **kwargs)

    monkeypatch.setattr(selectors, "latest_events", counting)
    return counted


def poll_path(blog, interval=10, now=NOW) -> str:
    return conf.poll_url(blog.pk, interval, int(now // interval))


def test_two_thousand_readers_in_one_interval_cost_one_render(site, blog, post, renders):  # noqa: F811
    post(blog, "First.")
    replies = [site.get(poll_path(blog)) for _ in range(2000)]
    assert {reply.status for reply in replies} == {200}
    assert [reply.cache for reply in replies].count("MISS") == 1
    assert renders == [blog.pk]
    assert len({reply.body for reply in replies}) == 1


def test_a_new_entry_reaches_pollers_in_the_next_interval(site, blog, post, renders, frozen_clock):  # noqa: F811
    post(blog, "First.")
    answer = json.loads(site.get(poll_path(blog)).body)
    post(blog, "Second.")
    # The same interval's answer is not re-rendered for every change: one render per
    # interval is the promise, whatever happens during it.
    assert json.loads(site.get(poll_path(blog)).body) == answer
    frozen_clock.now += 10
    later = json.loads(site.get(answer["next"]).body)
    assert [event["id"] for event in later["events"]] == [1, 2]
    assert "Second." in later["events"][-1]["data"]["html"]
    assert len(renders) == 2


def test_every_answer_says_the_interval_and_what_to_ask_next(client, blog, post):
    post(blog, "First.")
    answer = client.get(poll_path(blog)).json()
    assert answer["interval"] == 10
    assert answer["streaming"] is True and answer["ended"] is False
    assert answer["latest"] == 1 and answer["first"] == 1
    assert answer["next"] == conf.poll_url(blog.pk, 10, int(NOW // 10) + 1)
    assert answer["events"][0]["event"] == "entry"


def test_the_newsroom_slows_every_reader_down_from_the_admin(client, blog, post):
    setting = LiveSettings.for_site(Site.objects.get(is_default_site=True))
    setting.poll_interval = 60
    setting.streaming = False
    setting.save()
    stale = client.get(poll_path(blog))  # a reader still on the old interval's buckets
    assert stale.status_code == 307
    assert stale["Location"] == poll_path(blog, interval=60)
    assert stale["Cache-Control"] == "no-store"
    answer = client.get(stale["Location"]).json()
    assert answer["interval"] == 60 and answer["streaming"] is False
    refused = client.get(f"/live/{blog.pk}/stream/")
    assert refused.status_code == 503 and refused["Retry-After"] == "60"
    page = client.get(blog.url).content.decode()
    assert 'data-live-interval="60"' in page and "data-live-polling-only" in page


def test_an_ended_blog_says_so_and_readers_stop(client, blog, post, commit):
    post(blog, "Last.")
    commit(services.live_blog_end, blog=blog)
    answer = client.get(poll_path(blog)).json()
    assert answer["ended"] is True and answer["events"][-1]["event"] == "end"


def test_only_pages_readers_may_see_can_be_followed(client, blog, section):
    from wagtail.models import PageViewRestriction

    assert client.get(f"/live/{blog.pk}/stream/").status_code != 404
    assert client.get(conf.poll_url(section.pk, 10)).status_code == 404
    assert client.get(conf.poll_url(999999, 10)).status_code == 404
    PageViewRestriction.objects.create(page=blog, restriction_type="password", password="x")
    assert client.get(poll_path(blog)).status_code == 404
    assert client.get(f"/live/{blog.pk}/stream/").status_code == 404
