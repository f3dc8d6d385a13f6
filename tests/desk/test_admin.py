"""The desk in the admin: an editor corrects a story, shares a preview link, edits a front."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from dateline.desk.models import Correction, Front, PreviewLink
from tests.desk.factories import embargoed_story
from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, newsroom_user):
    editor = newsroom_user("Editors", "ed")
    client.force_login(editor)
    client.editor = editor
    return client


def test_an_editor_adds_a_correction_from_the_story(editor_client, home):
    story = ArticleFactory(section=SectionFactory(slug="world"))
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).text
    add_url = reverse("corrections:add") + f"?story={story.pk}"
    assert add_url.replace("&", "&amp;") in edit or add_url in edit
    response = editor_client.post(
        reverse("corrections:add"),
        {
            "story": story.pk,
            "kind": "correction",
            "text": "The vote was 31-14.",
            "published_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    correction = Correction.objects.get()
    assert correction.created_by == editor_client.editor
    assert "The vote was 31-14." in editor_client.get(story.url).text


def test_an_editor_shares_an_embargoed_story(editor_client, home):
    held = embargoed_story(section=SectionFactory(slug="world"))
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[held.pk])).text
    assert reverse("preview_links:add") in edit
    response = editor_client.post(
        reverse("preview_links:add"),
        {
            "story": held.pk,
            "partner": "Reuters desk",
            "expires_at": (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    link = PreviewLink.objects.get()
    assert link.created_by == editor_client.editor
    assert link.path in editor_client.get(reverse("preview_links:index")).text


def test_an_editor_opens_the_front_page_editor(editor_client, home):
    assert editor_client.get(reverse("wagtailsnippets_desk_front:add")).status_code == 200
    assert editor_client.get(reverse("wagtailsnippets_desk_front:list")).status_code == 200
    assert not Front.objects.exists()


def test_an_editor_publishes_a_lineup_in_the_admin(editor_client, home):
    world = SectionFactory(slug="world")
    older = ArticleFactory(section=world, published_at=timezone.now() - timedelta(days=1))
    ArticleFactory(section=world)
    data = {
        "page": home.pk,
        "stories-TOTAL_FORMS": "1",
        "stories-INITIAL_FORMS": "0",
        "stories-MIN_NUM_FORMS": "0",
        "stories-MAX_NUM_FORMS": "1000",
        "stories-0-story": older.pk,
        "stories-0-keep_until": "",
        "stories-0-ORDER": "1",
        "stories-0-id": "",
        "stories-0-DELETE": "",
        "sections-TOTAL_FORMS": "0",
        "sections-INITIAL_FORMS": "0",
        "sections-MIN_NUM_FORMS": "0",
        "sections-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    response = editor_client.post(reverse("wagtailsnippets_desk_front:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    front = Front.objects.get()
    assert front.live and [pick.story_id for pick in front.stories.all()] == [older.pk]
    lead = editor_client.get("/").text.split('aria-label="Top stories"', 1)[1]
    assert older.title in lead.split("card-grid")[0]
