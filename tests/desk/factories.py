"""Desk test data: an embargoed story, built the way an editor makes one."""

from datetime import timedelta

from django.utils import timezone

from dateline.news.models import ArticlePage
from tests.news.factories import ArticleFactory


def embargoed_story(*, until=None, **fields) -> ArticlePage:
    """A story an editor published with an embargo: scheduled, not live."""
    story = ArticleFactory(publish=False, **fields)
    story.embargo_until = until or timezone.now() + timedelta(days=1)
    story.save_revision().publish()
    return ArticlePage.objects.get(pk=story.pk)
