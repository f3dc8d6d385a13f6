"""The demo's live coverage, as `dateline setup` builds it."""

import pytest

from dateline.live.demo import build_demo_live_blog
from dateline.news import demo
from dateline.news.models import ArticleAuthor

pytestmark = pytest.mark.django_db


def test_the_demo_coverage_is_listed_by_when_it_started(home):
    demo.build_demo()
    blog = build_demo_live_blog()
    assert blog is not None
    blog.refresh_from_db()
    links = ArticleAuthor.objects.filter(article=blog)
    assert links.exists()
    assert set(links.values_list("published_at", flat=True)) == {blog.first_published_at}
