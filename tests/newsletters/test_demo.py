"""The demo site has a Daily briefing (`daily`), Breaking news and one newsletter per section."""

import pytest

from dateline.news import demo, demo_content
from dateline.newsletters.demo import seed_demo_newsletters
from dateline.newsletters.models import Newsletter, Subscriber

pytestmark = pytest.mark.django_db


def test_the_demo_newsletters_are_made_once(home, monkeypatch):
    monkeypatch.setattr(demo_content, "ARTICLES", demo_content.ARTICLES[:2])
    demo.build_demo()
    first = [letter.pk for letter in seed_demo_newsletters()]
    assert [letter.pk for letter in seed_demo_newsletters()] == first
    schedules = dict(Newsletter.objects.values_list("slug", "schedule"))
    assert schedules.pop("daily") == "daily" and schedules.pop("breaking") == "breaking"
    assert sorted(schedules) == ["business", "culture", "politics", "science", "world"]
    assert set(schedules.values()) == {"section"}
    assert Subscriber.objects.filter(confirmed_at__isnull=False).count() == 3
