import re
import time
from datetime import time as clock_time

import pytest
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from dateline.newsletters.models import Newsletter
from dateline.newsletters.signup import signup_form_token
from tests.news.factories import ArticleFactory, SectionFactory
from tests.newsletters.factories import NewsletterFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits live in the cache: every test starts clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://news.example.com"
    settings.DATELINE_NEWSLETTER_FROM = "The Courier <news@news.example.com>"


@pytest.fixture
def world(home):
    return SectionFactory(title="World", slug="world")


@pytest.fixture
def story(world):
    return ArticleFactory(section=world, title="Harbour reopens after the storm")


@pytest.fixture
def daily(db):
    """The daily digest, due at the hour furthest from now: tests that publish stories are
    not disturbed by it, whenever they run (test_schedule.py moves the clock itself)."""
    far_hour = (timezone.localtime().hour + 12) % 24
    return NewsletterFactory(
        name="Daily briefing", slug="daily", schedule=Newsletter.Schedule.DAILY,
        send_time=clock_time(far_hour, 0), description="The morning's stories.",
    )  # fmt: skip


@pytest.fixture
def breaking(db):
    return NewsletterFactory(
        name="Breaking news", slug="breaking", schedule=Newsletter.Schedule.BREAKING
    )


def aged_token(seconds: int = 30) -> str:
    return signup_form_token(issued_at=time.time() - seconds)


def committed(action, *args, **kwargs):
    """Run an action and what it left for after its commit (emails, sends), as in production."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return action(*args, **kwargs)


def subscribe(client, *, email="ana@example.org", newsletters=("daily",), origin=True, **extra):
    """POST the sign-up form as a browser would from one of the site's pages."""
    data = {"email": email, "newsletters": list(newsletters), "token": aged_token()}
    data.update(extra)
    headers = {"HTTP_ORIGIN": "http://testserver"} if origin else {}
    return committed(client.post, "/newsletters/subscribe/", data, **headers)


def link_in(body: str, kind: str) -> str:
    """The path of the first /newsletters/<kind>/ link in an email."""
    match = re.search(rf"https://news\.example\.com(/newsletters/{kind}/[^/\s\"]+/)", body)
    assert match, f"no {kind} link in the email"
    return match[1]
