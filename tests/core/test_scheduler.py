"""Scheduled stories go live when the scheduler runs, without anyone pressing publish."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from dateline.news.models import ArticlePage
from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_a_scheduled_story_goes_live_on_the_next_scheduler_run(client, home):
    article = ArticleFactory(section=SectionFactory(slug="world"), publish=False)
    article.go_live_at = timezone.now() + timedelta(hours=1)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    assert client.get(f"/world/{article.slug}/").status_code == 404

    # Let the clock pass the go-live time, in the scheduled revision as in its approval.
    revision = Revision.objects.get(approved_go_live_at__isnull=False)
    past = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("scheduler", "--once")

    assert ArticlePage.objects.get(pk=article.pk).live
    assert client.get(f"/world/{article.slug}/").status_code == 200
