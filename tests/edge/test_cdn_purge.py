"""With a CDN or caching proxy configured, publishing a story purges it there too."""

from unittest import mock

import pytest

from dateline.edge import keys as surrogate
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


class Purges:
    """Every purge that reaches the page cache, and every batch sent to the CDN.

    A bump of ``live-<id>`` alone only wakes the servers holding that page's open
    streams (a new comment announced to readers of the story); it purges no page, so it
    is not counted here.
    """

    def __init__(self, backend):
        self.local: list[set[str]] = []
        self.cdn: list[set[str]] = []
        purge = backend.purge

        def record(keys):
            keys = set(keys)
            if not all(key.startswith(surrogate.LIVE_PREFIX) for key in keys):
                self.local.append(keys)
            return purge(keys)

        backend.purge = record


def comments_of(article) -> set[str]:
    """What a change to an article's comments purges in the page cache."""
    return {f"page-{article.pk}", f"comments-{article.pk}"}


@pytest.fixture
def purges(settings, backend):
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }
    seen = Purges(backend)

    def record(batch, *args, **kwargs):
        seen.cdn.append(set(batch.urls))

    with mock.patch.object(PurgeBatch, "purge", autospec=True, side_effect=record):
        yield seen


@pytest.fixture
def story(home):
    from wagtail.models import Site

    from dateline.comments.models import CommentSettings

    CommentSettings.for_site(Site.objects.get(is_default_site=True))  # saved once, up front
    return ArticleFactory(section=SectionFactory(slug="world"), slug="harbour-reopens")


def test_approving_a_comment_purges_once_and_calls_the_cdn_once(purges, story, commit):
    from dateline.comments import services
    from tests.comments.factories import CommentFactory

    waiting = CommentFactory(article=story, status="pending")
    purges.local.clear()
    commit(services.comment_approve, comment=waiting)
    # Only the comments changed: their own key, no content-<id>.
    assert purges.local == [comments_of(story)]
    (urls,) = purges.cdn
    assert any(url.endswith("/world/harbour-reopens/") for url in urls)
    assert any(url.endswith("/world/") for url in urls)


@pytest.mark.parametrize(
    "change",
    ["reject", "edit", "delete", "import"],
)
def test_every_other_comment_change_purges_once_too(purges, story, commit, admin_user, change):
    from dateline.comments import services
    from tests.comments.factories import CommentFactory

    shown = CommentFactory(article=story)
    purges.local.clear(), purges.cdn.clear()
    if change == "reject":
        commit(services.comment_reject, comment=shown, moderator=admin_user)
    elif change == "edit":
        commit(services.comment_edit, comment=shown, text="Edited.", editor=admin_user)
    elif change == "delete":
        commit(services.comment_delete, comment=shown)
    else:
        commit(CommentFactory, article=story)
    assert purges.local == [comments_of(story)]
    assert len(purges.cdn) == 1


def test_a_comment_waiting_for_moderation_purges_nothing(purges, story, commit):
    from tests.comments.factories import CommentFactory

    commit(CommentFactory, article=story, status="pending")
    assert purges.local == [] and purges.cdn == []


def test_bulk_moderation_announces_each_comment_once(purges, story, commit, admin_user):
    from dateline.comments import services
    from tests.comments.factories import CommentFactory

    waiting = [CommentFactory(article=story, status="pending") for _ in range(3)]
    purges.local.clear()
    commit(
        services.comments_bulk_moderate,
        comment_ids=[comment.pk for comment in waiting],
        action="approve",
        moderator=admin_user,
    )
    assert purges.local == [comments_of(story)] * 3  # no second route (post_save) doubling
    assert len(purges.cdn) == 3


def test_one_announcement_for_many_articles_is_one_purge_and_one_cdn_call(purges, story, commit):
    from dateline.comments.models import Comment
    from dateline.comments.signals import comments_changed

    other = ArticleFactory(section=story.get_parent().specific, slug="bridge-closes")
    purges.local.clear()
    commit(comments_changed.send, sender=Comment, article_ids=[story.pk, other.pk])
    assert purges.local == [comments_of(story) | comments_of(other)]
    (urls,) = purges.cdn
    assert {url.rsplit("/", 2)[-2] for url in urls} >= {"harbour-reopens", "bridge-closes"}


def test_url_purging_cdns_get_the_listing_urls_derived_from_the_keys(purges, home, commit):
    """Cloudflare purges by URL: a story published purges its section, the home page and
    the site's feeds and sitemaps too, so listings show it (decision 0019)."""
    section = SectionFactory(slug="world")
    purges.cdn.clear()
    with mock.patch("wagtail.contrib.frontend_cache.backends.http.urlopen"):
        commit(ArticleFactory, section=section, slug="harbour-reopens")  # Wagtail: the page
    urls = set().union(*purges.cdn)
    root = home.get_site().root_url
    assert {f"{root}/", f"{root}/world/", f"{root}/feeds/rss/", f"{root}/sitemap.xml"} <= urls


def test_a_settings_change_purges_the_listing_urls_from_url_purging_cdns(purges, home, commit):
    from wagtail.models import Site

    from dateline.core.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    purges.cdn.clear()
    site_settings.tagline = "Independent since 1851"
    commit(site_settings.save)
    (urls,) = purges.cdn
    assert f"{home.get_site().root_url}/feeds/atom/" in urls
