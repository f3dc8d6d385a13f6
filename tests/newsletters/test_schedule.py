"""Editions that go by themselves: the daily digest at its hour in the site's time zone,
a section's newsletter when a story there is published, a breaking alert once its story
is live. Each goes once, however often the scheduler ticks."""

from datetime import datetime, timedelta
from datetime import time as clock_time
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from dateline.newsletters import services
from dateline.newsletters.models import Edition, Newsletter
from tests.news.factories import ArticleFactory, SectionFactory
from tests.newsletters.conftest import committed
from tests.newsletters.factories import NewsletterFactory, SubscriberFactory

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=NEW_YORK)


@pytest.fixture
def morning(settings, db):
    settings.TIME_ZONE = "America/New_York"
    daily = NewsletterFactory(
        name="Daily briefing", slug="daily", schedule=Newsletter.Schedule.DAILY,
        send_time=clock_time(7, 0), created_at=at(1, 0),
    )  # fmt: skip
    SubscriberFactory(newsletters=[daily])
    return daily


def test_the_daily_digest_goes_at_seven_site_time_with_the_news_since_the_last(morning, world):
    older = ArticleFactory(section=world, title="Yesterday's lead", published_at=at(3, 18))
    newer = ArticleFactory(section=world, title="Overnight vote", published_at=at(3, 23))
    committed(services.newsletters_tick, now=at(4, 6, 59))
    assert mail.outbox == []
    committed(services.newsletters_tick, now=at(4, 7, 0))
    [email] = mail.outbox
    html = email.alternatives[0][0]
    assert html.index(newer.title) < html.index(older.title)  # front-page order: newest first
    committed(services.newsletters_tick, now=at(4, 7, 30))
    assert len(mail.outbox) == 1  # once a day

    ArticleFactory(section=world, title="Morning markets", published_at=at(4, 9))
    committed(services.newsletters_tick, now=at(5, 7, 1))
    second = mail.outbox[1].alternatives[0][0]
    assert "Morning markets" in second and older.title not in second


def test_no_news_means_no_digest_and_a_late_server_skips_a_stale_morning(morning, world):
    committed(services.newsletters_tick, now=at(4, 7, 0))
    assert mail.outbox == []
    ArticleFactory(section=world, title="Late story", published_at=at(4, 8))
    committed(services.newsletters_tick, now=at(4, 22, 0))  # long after the morning
    assert mail.outbox == []


def test_a_section_newsletter_goes_when_a_story_there_is_published(home, commit):
    world = SectionFactory(title="World", slug="world")
    sport = SectionFactory(title="Sport", slug="sport")
    letter = NewsletterFactory(name="World", slug="world",
                               schedule=Newsletter.Schedule.SECTION, section=world)  # fmt: skip
    reader = SubscriberFactory(newsletters=[letter])
    committed(ArticleFactory, section=sport, title="Cup final")
    assert mail.outbox == []
    story = committed(ArticleFactory, section=world, title="Ceasefire holds")
    [email] = mail.outbox
    assert email.to == [reader.email] and "Ceasefire holds" in email.subject
    committed(story.save_revision().publish)  # an edit published again is not news again
    assert len(mail.outbox) == 1


def test_an_alert_for_a_scheduled_story_waits_until_it_is_live(breaking, world):
    SubscriberFactory(newsletters=[breaking])
    story = ArticleFactory(section=world, title="Polls close", publish=False)
    [edition] = committed(services.alert_request, article=story)
    assert edition.status == Edition.Status.SCHEDULED
    committed(services.newsletters_tick)
    assert mail.outbox == []
    committed(story.save_revision().publish)
    committed(services.newsletters_tick)
    [alert] = mail.outbox
    assert alert.subject == "Breaking: Polls close"
    assert services.alert_request(article=story) == []  # one alert per story


def test_two_schedulers_ticking_at_once_make_one_digest(morning, world):
    ArticleFactory(section=world, title="Overnight vote", published_at=at(3, 23))
    first = services.digest_build(newsletter=morning, now=at(4, 7, 0))
    second = services.digest_build(newsletter=morning, now=at(4, 7, 0) + timedelta(seconds=1))
    assert first is not None and second is None
    assert Edition.objects.filter(newsletter=morning).count() == 1
