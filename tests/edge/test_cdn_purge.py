"""With a CDN or caching proxy configured, publishing a story purges it there too."""

from unittest import mock

import pytest

from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_publishing_sends_purge_requests_to_the_configured_proxy(settings, home):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }
    article = ArticleFactory(section=SectionFactory(slug="world"), publish=False)
    with mock.patch("wagtail.contrib.frontend_cache.backends.http.urlopen") as urlopen:
        article.save_revision().publish()
    purged = {call.args[0].full_url for call in urlopen.call_args_list}
    assert any(url.endswith(f"/world/{article.slug}/") for url in purged)
    assert all(call.args[0].get_method() == "PURGE" for call in urlopen.call_args_list)
