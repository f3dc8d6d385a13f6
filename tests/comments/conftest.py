import re
import time

import pytest
from django.core.cache import cache

from dateline.comments import tokens
from dateline.comments.models import CommentSettings
from tests.news.factories import ArticleFactory, SectionFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rendered fragments live in the cache: every test starts clean (rate limits are in
    the database, rolled back with each test)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def comment_settings(home):
    from wagtail.models import Site

    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    settings.first_time_hold = 0
    settings.save()
    return settings


@pytest.fixture
def article(home, comment_settings):
    return ArticleFactory(
        section=SectionFactory(title="World", slug="world"),
        title="Ceasefire talks resume in Geneva",
    )


def old_token(article, seconds: int = 60) -> str:
    return tokens.form_token(article_id=article.pk, issued_at=time.time() - seconds)


def form_data(article, **overrides) -> dict:
    data = {
        "name": "Ana Ribeiro",
        "email": "ana@example.org",
        "url": "",
        "text": "A thoughtful comment about the talks.",
        "token": old_token(article),
        "parent": "",
    }
    data.update(overrides)
    return data


def post_comment(client, article, *, origin="http://testserver", **overrides):
    """POST the form; upper-case keywords (REMOTE_ADDR, HTTP_...) are request headers."""
    headers = {key: overrides.pop(key) for key in list(overrides) if key.isupper()}
    if origin:
        headers["HTTP_ORIGIN"] = origin
    return client.post(f"/comments/post/{article.pk}/", form_data(article, **overrides), **headers)


def form_fields(html: str) -> dict:
    """The hidden inputs of the "Leave a Reply" form, as a browser would send them."""
    form = re.search(r'<form action="(/comments/post/\d+/)"[^>]*>(.*?)</form>', html, re.S)
    assert form, "no comment form on the page"
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)"[^>]*value="([^"]*)"', form[2]))
    return {"action": form[1], **fields}
