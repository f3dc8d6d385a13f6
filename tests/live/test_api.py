"""Live blogs through the API: a token acts as its user, bad input writes nothing."""

import pytest

from dateline.live.models import LiveBlogPage, LiveEntry, LiveEvent
from tests.api.client import TokenClient, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    return TokenClient(client)


@pytest.fixture
def reporter_token(reporter):
    return token_for(reporter)


@pytest.fixture
def editor_token(editor):
    return token_for(editor)


def entries_url(blog) -> str:
    return f"/api/v1/live/{blog.pk}/entries/"


def test_an_editor_opens_a_live_blog(api, editor_token, section, reporter):
    response = api.post(
        "/api/v1/live/",
        {
            "title": "Floods in the north",
            "standfirst": "Live.",
            "section": "world",
            "authors": [reporter.author_profile.slug],
        },
        token=editor_token,
    )
    assert response.status_code == 201, response.json()
    answer = response.json()
    blog = LiveBlogPage.objects.get(pk=answer["id"])
    assert blog.live and blog.is_open and answer["status"] == "live"
    assert answer["stream_url"] == f"http://testserver/live/{blog.pk}/stream/"
    assert answer["poll_url"].startswith(f"http://testserver/live/{blog.pk}/updates/")


def test_a_reporter_may_open_a_draft_but_not_publish_it(api, reporter_token, section):
    body = {"title": "Floods", "standfirst": "Live.", "section": "world"}
    refused = api.post("/api/v1/live/", body, token=reporter_token)
    assert refused.status_code == 403
    assert "publish" in refused.json()["detail"]
    assert not LiveBlogPage.objects.exists()
    draft = api.post("/api/v1/live/", {**body, "publish": False}, token=reporter_token)
    assert draft.status_code == 201 and draft.json()["status"] == "draft"
    assert draft.json()["stream_url"] is None


def test_a_reporter_token_posts_an_entry(api, reporter_token, blog):
    response = api.post(
        entries_url(blog),
        {"body_html": "<p>Water over the <b>bridge</b>.</p>", "key_event": True, "title": "Bridge"},
        token=reporter_token,
    )
    assert response.status_code == 201, response.json()
    answer = response.json()
    entry = LiveEntry.objects.get(pk=answer["id"])
    assert entry.key_event and entry.title == "Bridge" and entry.posted_by.username == "reporter"
    assert answer["url"] == f"http://testserver{blog.url}entries/{entry.pk}/"
    assert answer["text"] == "Water over the bridge."
    detail = api.get(f"/api/v1/live/{blog.pk}/", token=reporter_token).json()
    assert detail["entries"][0]["id"] == entry.pk
    assert detail["latest_event"] == 2  # the entry and the key events list


def test_edit_pin_and_delete_an_entry(api, reporter_token, blog, post):
    entry = post(blog, "Ten drones.")
    url = f"{entries_url(blog)}{entry.pk}/"
    edited = api.patch(url, {"body_html": "<p>Fourteen drones.</p>"}, token=reporter_token)
    assert edited.status_code == 200 and edited.json()["text"] == "Fourteen drones."
    pinned = api.patch(url, {"pinned": True}, token=reporter_token)
    assert pinned.json()["pinned"] is True
    deleted = api.client.delete(url, HTTP_AUTHORIZATION=f"Bearer {reporter_token}")
    assert deleted.status_code == 204
    assert LiveEntry.objects.get(pk=entry.pk).deleted_at is not None
    kinds = list(LiveEvent.objects.filter(channel_id=blog.pk).values_list("kind", flat=True))
    assert kinds == ["entry", "edit", "pin", "delete", "pin"]
    again = api.client.delete(url, HTTP_AUTHORIZATION=f"Bearer {reporter_token}")
    assert again.status_code == 404


def test_only_an_editor_token_ends_the_coverage(api, reporter_token, editor_token, blog):
    refused = api.patch(f"/api/v1/live/{blog.pk}/", {"ended": True}, token=reporter_token)
    assert refused.status_code == 403
    blog.refresh_from_db()
    assert blog.ended_at is None
    ended = api.patch(f"/api/v1/live/{blog.pk}/", {"ended": True}, token=editor_token)
    assert ended.status_code == 200 and ended.json()["status"] == "ended"
    assert ended.json()["stream_url"] is None
    late = api.post(entries_url(blog), {"body_html": "Too late."}, token=editor_token)
    assert late.status_code == 409


@pytest.mark.parametrize(
    "body, field",
    [
        ({"body_html": "<script>alert(1)</script>"}, "body_html"),
        ({"body_html": "x" * 20_001}, "body_html"),
        ({"body_html": "Hi", "colour": "red"}, "colour"),
        ({"body_html": "Hi", "title": "t" * 201}, "title"),
        ({}, "body_html"),
    ],
)
def test_a_bad_entry_names_the_field_and_writes_nothing(api, reporter_token, blog, body, field):
    response = api.post(entries_url(blog), body, token=reporter_token)
    assert response.status_code == 400
    assert field in [problem["field"] for problem in response.json()["errors"]]
    assert not LiveEntry.objects.exists() and not LiveEvent.objects.exists()


def test_tokens_missing_bad_or_without_rights(api, blog, django_user_model):
    body = {"body_html": "Hello."}
    assert api.post(entries_url(blog), body).status_code == 401
    assert api.post(entries_url(blog), body, token="not-a-token").status_code == 401
    reader = django_user_model.objects.create_user("reader", password="pw")
    refused = api.post(entries_url(blog), body, token=token_for(reader))
    assert refused.status_code == 403 and refused.json()["detail"]
    assert not LiveEntry.objects.exists()
    missing = api.post("/api/v1/live/999999/entries/", body, token=token_for(reader))
    assert missing.status_code == 404
