"""An embargoed story is invisible everywhere until its time, then released by the scheduler.

The leak matrix: every public output, fetched anonymously, must not carry the story's
headline, its address or its id while the embargo holds.
"""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from dateline.news.models import ArticlePage, RelatedArticle
from tests.desk.factories import embargoed_story
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

SECRET = "Acme and Globex agree secret merger"


@pytest.fixture
def newsroom(home):
    world = SectionFactory(title="World", slug="world")
    ana = AuthorFactory(name="Ana Ribeiro", slug="ana-ribeiro")
    public = ArticleFactory(
        section=world, title="Harbour reopens", authors=[ana], tags=["Business"]
    )
    held = embargoed_story(
        section=world, title=SECRET, slug="acme-globex", authors=[ana], tags=["Business"]
    )
    # An editor already picked the embargoed story as related to a public one.
    public.related_links.add(RelatedArticle(related=held))
    public.save_revision().publish()
    return {"world": world, "ana": ana, "public": ArticlePage.objects.get(pk=public.pk),
            "held": held}  # fmt: skip


def public_outputs(newsroom) -> list[str]:
    """Every public output that lists, links, describes or serves a story."""
    ana, public = newsroom["ana"], newsroom["public"]
    outputs = [
        "/",
        "/world/",
        "/world/?page=1",
        "/tags/business/",
        "/authors/",
        ana.url,
        public.url,  # related cards, its JSON-LD
        "/api/v1/articles/",
        f"/api/v1/articles/?section={newsroom['world'].pk}",
        "/api/v1/sections/",
        f"/api/v1/authors/{ana.pk}/",
        "/sitemap.xml",
        "/news-sitemap.xml",
        "/search/?q=merger",
        "/search/?q=Acme+Globex&sort=newest",
        "/corrections/",
        "/corrections/feed/rss/",
        "/corrections/feed/atom/",
    ]
    for fmt in ("rss", "atom", "json"):
        outputs += [
            f"/feeds/{fmt}/",
            f"/feeds/{fmt}/section/world/",
            f"/feeds/{fmt}/author/ana-ribeiro/",
            f"/feeds/{fmt}/tag/business/",
        ]
    return outputs


def leaks(body: str, held) -> list[str]:
    found = [SECRET, held.slug, SECRET.lower()]
    found += [f'"id": {held.pk},', f'"id":{held.pk},', f"article:{held.pk}<"]
    return [needle for needle in found if needle in body]


def test_nothing_public_carries_an_embargoed_story(client, newsroom):
    held = newsroom["held"]
    assert not held.live
    assert client.get("/world/acme-globex/").status_code == 404  # not 403: no hint
    assert client.get(f"/api/v1/articles/{held.pk}/").status_code == 404
    sitemaps = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", client.get("/sitemap.xml").text)
    assert sitemaps
    for url in public_outputs(newsroom) + sitemaps:
        response = client.get(url)
        assert response.status_code == 200, url
        assert leaks(response.content.decode(), held) == [], url


def test_the_public_story_still_shows_as_it_did(client, newsroom):
    assert "Harbour reopens" in client.get("/").text
    assert "Harbour reopens" in client.get("/feeds/rss/").text


def test_pressing_publish_on_an_embargoed_story_schedules_it(home):
    until = (timezone.now() + timedelta(hours=5)).replace(microsecond=0)
    held = embargoed_story(section=SectionFactory(), until=until)
    assert not held.live and held.go_live_at == until
    draft = held.get_latest_revision_as_object()
    draft.go_live_at = None  # an editor clears the go-live time and presses publish again
    draft.save_revision().publish()
    held.refresh_from_db()
    assert not held.live and held.go_live_at == until


def test_a_live_story_cannot_be_put_under_embargo(home):
    from django.core.exceptions import ValidationError

    story = ArticleFactory(section=SectionFactory())
    draft = story.get_latest_revision_as_object()
    draft.embargo_until = timezone.now() + timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        draft.save_revision()
    assert "embargo_until" in error.value.message_dict


def pass_the_embargo(story) -> None:
    """Let the clock pass the embargo, in the scheduled revision as in its approval."""
    revision = Revision.objects.get(approved_go_live_at__isnull=False, object_id=str(story.pk))
    past = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = revision.content["embargo_until"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()


def test_the_scheduler_releases_it_and_purges_the_pages_that_list_it(client, newsroom, commit):
    held = newsroom["held"]
    pass_the_embargo(held)
    with mock.patch("dateline.edge.invalidation.purge_now") as purge_now:
        commit(call_command, "scheduler", "--once")
    assert ArticlePage.objects.get(pk=held.pk).live
    purged = set().union(*(set(call.args[0]) for call in purge_now.call_args_list))
    assert {f"page-{held.pk}", "listing"} <= purged
    cdn = {page.pk for call in purge_now.call_args_list for page in call.kwargs["cdn_pages"]}
    assert {newsroom["world"].pk, held.get_parent().get_parent().pk} <= cdn  # section, home
    assert client.get("/world/acme-globex/").status_code == 200
    assert SECRET in client.get("/").text
    assert SECRET in client.get("/feeds/rss/").text


def test_the_scheduler_looks_often_enough_to_release_within_30_seconds():
    intervals = dict(django_settings.DATELINE_PERIODIC_COMMANDS)
    assert intervals["publish_scheduled"] <= 15  # plus the run itself, well inside 30 s


def test_the_page_cache_holds_nothing_of_it_and_lets_go_of_the_old_pages(site, newsroom, commit):
    held = newsroom["held"]
    for path in ("/", "/world/", "/feeds/rss/", "/sitemap.xml"):
        site.get(path)
        cached = site.get(path)
        assert cached.cache == "HIT", path
        assert SECRET not in cached.text and held.slug not in cached.text, path
    assert site.get("/world/acme-globex/").status == 404
    pass_the_embargo(held)
    commit(call_command, "scheduler", "--once")
    for path in ("/", "/world/", "/feeds/rss/"):
        assert SECRET in site.get(path).text, path
    assert site.get("/world/acme-globex/").status == 200
