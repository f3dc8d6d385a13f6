"""The article page and teaser listings cost the same queries with 1 comment or 60."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)  # warm per-process caches (site root paths, settings)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_thread(article, replies: int):
    parent = CommentFactory(article=article)
    for _ in range(replies):
        parent = CommentFactory(article=article, parent=parent)


def test_article_page_queries_do_not_grow_with_comments(client, article):
    add_thread(article, 0)
    few = queries(client, article.url)
    for _ in range(10):
        add_thread(article, 5)
    assert queries(client, article.url) == few


def test_teaser_counts_cost_no_extra_queries(client, article):
    without = queries(client, "/world/")
    add_thread(article, 3)
    assert queries(client, "/world/") == without
    assert "4 comments" in client.get("/world/").content.decode()
