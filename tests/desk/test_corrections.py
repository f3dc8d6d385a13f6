"""Corrections: added by an editor (admin or API), shown on the story, in its JSON-LD and
the read API, and listed newest first at /corrections/ with RSS and Atom feeds."""

import json
import re
from datetime import timedelta

import feedparser
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import Site

from dateline.desk import services
from dateline.desk.models import Correction, DeskSettings
from dateline.news.models import ArticlePage, StandardPage
from tests.api.client import token_for
from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(newsroom_user):
    return newsroom_user("Editors", "ed")


@pytest.fixture
def reporter(newsroom_user):
    return newsroom_user("Reporters", "rita")


@pytest.fixture
def story(home):
    return ArticleFactory(
        section=SectionFactory(title="Politics", slug="politics"),
        title="Council approves tram line",
        published_at=timezone.now() - timedelta(days=2),
    )


def json_ld(html: str) -> list:
    found = []
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        found += data if isinstance(data, list) else [data]
    return found


def news_article(html: str) -> dict:
    return next(item for item in json_ld(html) if item.get("@type") == "NewsArticle")


def test_a_correction_shows_on_the_story_with_its_date_and_bumps_updated(client, story, editor):
    services.correction_add(
        story=story, text="An earlier version gave the vote as 31-41.", user=editor
    )
    html = client.get(story.url).text
    footer = html.split('class="article-body"', 1)[1]
    assert 'class="correction correction--correction"' in footer
    assert "An earlier version gave the vote as 31-41." in footer
    assert "Updated" in html
    data = news_article(html)
    assert data["correction"][0]["@type"] == "CorrectionComment"
    assert data["correction"][0]["text"] == "An earlier version gave the vote as 31-41."
    assert data["dateModified"] >= data["correction"][0]["datePublished"]


def test_an_editors_note_is_read_before_the_story(client, story, editor):
    services.correction_add(
        story=story, kind="editors_note", text="This story has been updated.", user=editor
    )
    html = client.get(story.url).text
    before_body = html.split('class="article-body"', 1)[0]
    assert "correction--editors_note" in before_body
    assert "correction" not in news_article(html)  # a note corrects nothing


def test_publishing_a_new_revision_keeps_the_corrections(client, story, editor):
    services.correction_add(story=story, text="The vote was 31-14.", user=editor)
    draft = ArticlePage.objects.get(pk=story.pk).get_latest_revision_as_object()
    draft.standfirst = "A new standfirst."
    draft.save_revision().publish()
    html = client.get(story.url).text
    assert "A new standfirst." in html and "The vote was 31-14." in html


def test_the_corrections_log_lists_them_newest_first_with_feeds(client, story, editor, home):
    other = ArticleFactory(section=story.get_parent().specific, title="Harbour reopens")
    services.correction_add(
        story=story, text="First fix.", user=editor,
        published_at=timezone.now() - timedelta(hours=2),
    )  # fmt: skip
    services.correction_add(story=other, text="Second fix.", user=editor)
    html = client.get("/corrections/").text
    assert html.index("Second fix.") < html.index("First fix.")
    for fmt in ("rss", "atom"):
        feed = feedparser.parse(client.get(f"/corrections/feed/{fmt}/").content)
        assert [entry.summary for entry in feed.entries] == ["Second fix.", "First fix."]
        assert feed.entries[1].link.endswith(
            f"{story.url}#correction-{Correction.objects.last().pk}"
        )


@pytest.mark.parametrize("page", ["0", "2", "junk"])
def test_a_page_of_the_log_that_does_not_exist_is_not_found(client, story, editor, page):
    services.correction_add(story=story, text="Only fix.", user=editor)
    assert client.get(f"/corrections/?page={page}").status_code == 404


def test_a_story_taken_down_leaves_the_corrections_log(client, story, editor):
    services.correction_add(story=story, text="Gone soon.", user=editor)
    ArticlePage.objects.get(pk=story.pk).unpublish()
    assert "Gone soon." not in client.get("/corrections/").text
    assert "Gone soon." not in client.get("/corrections/feed/rss/").text


def test_the_read_api_shows_the_corrections(client, story, editor):
    services.correction_add(story=story, kind="clarification", text="Clearer now.", user=editor)
    data = client.get(f"/api/v1/articles/{story.pk}/").json()
    assert [(c["kind"], c["text"]) for c in data["corrections"]] == [
        ("clarification", "Clearer now.")
    ]


def test_the_organization_links_the_corrections_policy_page(client, story, home):
    policy = home.add_child(
        instance=StandardPage(title="Corrections policy", slug="corrections-policy")
    )
    settings = DeskSettings.for_site(Site.objects.get(is_default_site=True))
    settings.corrections_policy = policy
    settings.save()
    for url in ("/", story.url):
        organizations = [item.get("publisher", item) for item in json_ld(client.get(url).text)]
        policies = {org.get("correctionsPolicy") for org in organizations if "name" in org}
        assert any(p and p.endswith("/corrections-policy/") for p in policies), url
    assert "/corrections-policy/" in client.get("/corrections/").text


def test_only_those_who_may_publish_correct_and_only_live_stories(story, reporter, editor, home):
    with pytest.raises(PermissionDenied):
        services.correction_add(story=story, text="Nope.", user=reporter)
    draft = ArticleFactory(section=story.get_parent().specific, publish=False)
    with pytest.raises(ValidationError):
        services.correction_add(story=draft, text="Not yet public.", user=editor)
    with pytest.raises(ValidationError):
        services.correction_add(story=story, text="   ", user=editor)
    assert not Correction.objects.exists()


def test_the_api_adds_a_correction(api, story, editor):
    response = api.post(
        f"/api/v1/stories/{story.pk}/corrections/",
        {"text": "The vote was 31-14.", "kind": "correction"},
        token=token_for(editor),
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["url"].endswith(f"{story.url}#correction-{data['id']}")
    assert Correction.objects.get().created_by == editor


@pytest.mark.parametrize(
    "body, field",
    [({"text": ""}, "text"), ({"text": "x", "kind": "retraction"}, "kind"),
     ({"text": "x", "when": "now"}, "when"), ({"text": "x" * 2001}, "text")],
)  # fmt: skip
def test_bad_corrections_are_a_400_naming_the_field(api, story, editor, body, field):
    response = api.post(f"/api/v1/stories/{story.pk}/corrections/", body, token=token_for(editor))
    assert response.status_code == 400
    assert field in [problem["field"] for problem in response.json()["errors"]]
    assert not Correction.objects.exists()


def test_a_reporter_token_may_not_correct(api, story, reporter):
    response = api.post(
        f"/api/v1/stories/{story.pk}/corrections/", {"text": "x"}, token=token_for(reporter)
    )
    assert response.status_code == 403
    assert api.post(f"/api/v1/stories/{story.pk}/corrections/", {"text": "x"}).status_code == 401
    assert not Correction.objects.exists()


def test_a_correction_purges_its_story_and_the_log_only(story, editor, commit):
    from unittest import mock

    with mock.patch("dateline.edge.invalidation.purge_now") as purge_now:
        commit(services.correction_add, story=story, text="Fixed.", user=editor)
    (call,) = purge_now.call_args_list
    assert set(call.args[0]) == {f"page-{story.pk}", "corrections"}


def test_a_live_blog_is_corrected_like_a_story(client, home, editor):
    from tests.live.factories import live_blog_with_entries
    from tests.news.factories import AuthorFactory

    blog = live_blog_with_entries(
        section=SectionFactory(slug="world"), authors=[AuthorFactory()], title="Storm live"
    )
    services.correction_add(story=blog, text="The storm made landfall at 4 am.", user=editor)
    html = client.get(blog.url).text
    assert "The storm made landfall at 4 am." in html.split('class="article-body"', 1)[1]
    posting = next(item for item in json_ld(html) if item.get("@type") == "LiveBlogPosting")
    assert posting["correction"][0]["text"] == "The storm made landfall at 4 am."
